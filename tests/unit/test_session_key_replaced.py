"""A session key replaced under a long-lived store (the window's) by another process
(`delete-all-data`, a keyring reset): the window and the scheduled check keep opening each
other's sessions, on the real Secret Service and real session files, instead of setting them
aside and signing in again at every check, each with its own key."""

from __future__ import annotations

from pathlib import Path

import pytest
from keyring.backends.SecretService import Keyring as SecretServiceKeyring

from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.data_eraser import erase_all_data
from consentinel.core.paths import AppPaths
from consentinel.core.settings import Settings
from consentinel.core.vault import SESSION_KEY_ENTRY, Vault


def _process(home: Path, vault: Vault) -> AppContext:
    """A process of its own on the data folder: its own Vault, its own SessionStore."""
    own = Vault(SecretServiceKeyring(), service=vault.service)
    return AppContext.create(AppPaths.under(home), vault=own, settings=Settings(schedule="off"))


def _check(ctx: AppContext, handle: str, number: int) -> dict[str, object] | None:
    """What a check does with the session: open it, and save the one X gives back."""
    ctx.sessions.prepare([handle])
    loaded = ctx.sessions.load(handle)
    assert ctx.sessions.take_set_aside(handle) is None
    ctx.sessions.save(handle, {"cookies": [{"name": "auth", "value": str(number)}]})
    return loaded


@pytest.mark.parametrize("first", ["window", "scheduled"])
def test_window_and_scheduled_checks_open_each_others_sessions_after_the_key_was_remade(
    real_vault: Vault, consentinel_home: Path, first: str
) -> None:
    window = _process(consentinel_home, real_vault)
    window.accounts.add(Account("ann"))
    _check(window, "ann", 0)  # the window caches the first key
    first_key = real_vault.backend.get_password(real_vault.service, SESSION_KEY_ENTRY)

    # `consentinel delete-all-data` in a terminal while the window stays open.
    erase_all_data(_process(consentinel_home, real_vault), stop_background=False)
    assert real_vault.backend.get_password(real_vault.service, SESSION_KEY_ENTRY) is None
    window.accounts.add(Account("bob"))

    turns = ["window", "scheduled"] if first == "window" else ["scheduled", "window"]
    for said, turn in enumerate(turns * 2):
        # Each scheduled check is a new process; the window lives on.
        ctx = window if turn == "window" else _process(consentinel_home, real_vault)
        loaded = _check(ctx, "bob", said + 1)
        saved_before = {"cookies": [{"name": "auth", "value": str(said)}]}
        assert loaded == (None if said == 0 else saved_before)
    # Nothing set aside on the way: bob's session is the only file.
    kept = [p.name for p in AppPaths.under(consentinel_home).sessions_dir.iterdir()]
    assert kept == [window.sessions.path_for("bob").name]
    assert real_vault.backend.get_password(real_vault.service, SESSION_KEY_ENTRY) != first_key


def test_a_session_that_opens_under_no_key_is_still_set_aside(
    real_vault: Vault, consentinel_home: Path
) -> None:
    """Reading the keyring again finds the same key: the file is damaged, set aside once."""
    window = _process(consentinel_home, real_vault)
    _check(window, "ann", 0)
    path = window.sessions.path_for("ann")
    blob = bytearray(path.read_bytes())
    blob[-1] ^= 1
    path.write_bytes(bytes(blob))
    assert window.sessions.load("ann") is None
    moved = window.sessions.take_set_aside("ann")
    assert moved is not None and ".corrupt-" in moved.name
