"""SessionStore: browser sessions encrypted at rest with the Vault's key."""

from __future__ import annotations

import stat
from pathlib import Path

from consentinel.core.paths import AppPaths
from consentinel.core.sessions import SessionStore
from consentinel.core.vault import SERVICE, SESSION_KEY_ENTRY, MemoryKeyring, Vault

STATE = {
    "cookies": [
        {
            "name": "auth_token",
            "value": "tok-5e3c1b7d9a",
            "domain": ".x.com",
            "path": "/",
            "expires": -1,
            "httpOnly": True,
            "secure": True,
            "sameSite": "Lax",
        }
    ],
    "origins": [],
}


def store(vault: Vault | None = None) -> tuple[SessionStore, AppPaths]:
    paths = AppPaths.from_env().ensure()
    return SessionStore(paths, vault or Vault(MemoryKeyring())), paths


def test_round_trip_encrypted_private_and_anonymous(consentinel_home: Path) -> None:
    sessions, paths = store()
    sessions.save("Alice", STATE)
    assert sessions.load("alice") == STATE
    assert sessions.exists("ALICE")
    files = list(paths.sessions_dir.iterdir())
    assert len(files) == 1
    blob = files[0].read_bytes()
    assert b"tok-5e3c1b7d9a" not in blob and b"auth_token" not in blob
    assert "alice" not in files[0].name.lower()
    assert stat.S_IMODE(files[0].stat().st_mode) == 0o600


def test_key_comes_from_the_real_keyring(real_vault: Vault, consentinel_home: Path) -> None:
    sessions, _ = store(real_vault)
    sessions.save("alice", STATE)
    # A new store (another process) reads the key back from the keyring.
    assert store(real_vault)[0].load("alice") == STATE
    # Without the key (keyring emptied) the file cannot be opened: set aside, not deleted.
    real_vault.delete_session_key()
    fresh, paths = store(real_vault)
    assert fresh.load("alice") is None
    kept = list(paths.sessions_dir.iterdir())
    assert len(kept) == 1 and ".corrupt-" in kept[0].name
    assert fresh.take_set_aside("Alice") == kept[0]  # for the check to say so, once
    assert fresh.take_set_aside("alice") is None


def test_missing_tampered_and_swapped_files(consentinel_home: Path) -> None:
    sessions, paths = store()
    assert sessions.load("alice") is None and sessions.take_set_aside("alice") is None
    sessions.save("alice", STATE)
    sessions.save("bob", {"cookies": [], "origins": []})
    # A file copied onto another account does not open (the handle is authenticated).
    sessions.path_for("bob").write_bytes(sessions.path_for("alice").read_bytes())
    assert sessions.load("bob") is None
    path = sessions.path_for("alice")
    data = bytearray(path.read_bytes())
    data[-1] ^= 1
    path.write_bytes(bytes(data))
    assert sessions.load("alice") is None
    assert len([p for p in paths.sessions_dir.iterdir() if ".corrupt-" in p.name]) == 2


def test_delete_and_delete_all(consentinel_home: Path) -> None:
    """Copies set aside because they could not be read go with the session: removing an
    account, or every session, leaves none of its files behind."""
    sessions, paths = store()
    for handle in ("alice", "bob", "cleo"):
        sessions.save(handle, STATE)
        aside = sessions.path_for(handle).with_name(
            sessions.path_for(handle).name + ".corrupt-20261201T000000Z"
        )
        aside.write_bytes(b"unreadable")
    sessions.delete("ALICE")
    sessions.delete("nobody")
    assert sessions.load("alice") is None and sessions.load("bob") == STATE
    alice = sessions.path_for("alice").name
    assert not [p for p in paths.sessions_dir.iterdir() if p.name.startswith(alice)]
    assert len(list(paths.sessions_dir.iterdir())) == 4  # bob's and cleo's, each with a copy
    sessions.delete_all()
    assert list(paths.sessions_dir.iterdir()) == []


def test_prepare_reads_the_key_ahead_only_when_a_session_exists(consentinel_home: Path) -> None:
    """The engine reads the key while the browser starts: afterwards, opening a session needs
    no keyring at all. With no saved session it creates no key."""
    keyring = MemoryKeyring()
    sessions, _ = store(Vault(keyring))
    sessions.prepare(["alice", "bob"])
    assert keyring.get_password(SERVICE, SESSION_KEY_ENTRY) is None
    sessions.save("alice", STATE)

    later, _ = store(Vault(keyring))  # another run
    later.prepare(["bob", "alice"])
    keyring.delete_password(SERVICE, SESSION_KEY_ENTRY)  # the keyring is not asked again
    assert later.load("alice") == STATE
