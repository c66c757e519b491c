"""Vault: secrets in a real Secret Service keyring, typed errors, no plaintext ever."""

from __future__ import annotations

import base64
import contextlib
import logging
import secrets
import subprocess
import sys
import threading
from pathlib import Path

import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.backends.SecretService import Keyring as SecretServiceKeyring
from keyring.compat import properties

from consentinel.core.vault import (
    SERVICE,
    MemoryKeyring,
    Vault,
    VaultError,
    VaultLocked,
    VaultUnavailable,
    keyring_setup_step,
    no_keyring_message,
    os_backends,
)
from tests.fixtures.keyring_fixtures import (
    SecretServiceEnv,
    lock_keyring,
    prompts_in,
    start_secret_service,
    stop_keyring_daemon,
    unlock_keyring,
    watch_bus,
)

pytestmark = pytest.mark.keyring


def files_containing(root: Path, needle: bytes) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and needle in p.read_bytes()]


def test_secrets_round_trip_in_the_real_keyring(real_vault: Vault) -> None:
    real_vault.check()
    assert real_vault.is_usable()
    assert real_vault.backend_label() == "GNOME Keyring / Secret Service"
    real_vault.set_password("Alice", "correct horse")
    real_vault.set_totp("alice", "JBSWY3DPEHPK3PXP")
    real_vault.set_password("bob", "other")
    assert real_vault.get_password("ALICE") == "correct horse"
    assert real_vault.get_totp("Alice") == "JBSWY3DPEHPK3PXP"
    real_vault.set_password("alice", "new one")
    assert real_vault.get_password("alice") == "new one"

    real_vault.delete_account("alice")
    assert real_vault.get_password("alice") is None
    assert real_vault.get_totp("alice") is None
    assert real_vault.get_password("bob") == "other"
    real_vault.delete_account("alice")  # nothing left to delete is fine


def test_a_password_of_spaces_only_left_by_another_app_is_none_saved(real_vault: Vault) -> None:
    """Seahorse or secret-tool may leave spaces only in the entry (Consentinel refuses to save
    such a password): read as none saved, as an emptied entry is, never typed into X."""
    for left in ("", "   ", " \t "):
        real_vault.backend.set_password(real_vault.service, "alice:password", left)
        assert real_vault.get_password("alice") is None, repr(left)
    real_vault.set_password("alice", " correct horse ")  # (spaces within a password are kept)
    assert real_vault.get_password("alice") == " correct horse "


def test_a_2fa_secret_of_spaces_only_left_by_another_app_is_none_saved(real_vault: Vault) -> None:
    """As for the password: spaces only (Seahorse, secret-tool) is no secret saved, not a
    secret "not valid" that sends the person looking for a typo."""
    for left in ("", "   ", " \t "):
        real_vault.backend.set_password(real_vault.service, "alice:totp", left)
        assert real_vault.get_totp("alice") is None, repr(left)
    real_vault.set_totp("alice", "JBSWY3DPEHPK3PXP")
    assert real_vault.get_totp("alice") == "JBSWY3DPEHPK3PXP"


def test_a_2fa_secret_alone_can_be_forgotten(real_vault: Vault) -> None:
    real_vault.set_password("alice", "correct horse")
    real_vault.set_totp("alice", "JBSWY3DPEHPK3PXP")
    real_vault.delete_totp("alice")
    assert real_vault.get_totp("alice") is None
    assert real_vault.get_password("alice") == "correct horse"  # (kept)
    real_vault.delete_totp("alice")  # nothing left to delete is fine
    real_vault.delete_account("alice")


def test_secret_is_visible_to_other_keyring_clients_under_our_service(
    real_vault: Vault,
) -> None:
    real_vault.set_password("carol", "s3cret")
    # Another client (a new backend object, a new D-Bus connection) finds it where we say.
    assert SecretServiceKeyring().get_password(real_vault.service, "carol:password") == "s3cret"


def test_session_key_is_created_once_and_kept(real_vault: Vault) -> None:
    key = real_vault.get_or_create_session_key()
    assert len(key) == 32
    assert real_vault.get_or_create_session_key() == key
    stored = SecretServiceKeyring().get_password(real_vault.service, "session-key")
    assert stored is not None and base64.b64decode(stored) == key
    real_vault.set_password("dave", "pw")
    real_vault.delete_everything(["dave"])
    assert real_vault.get_password("dave") is None
    assert real_vault.get_or_create_session_key() != key


def test_the_refused_answers_key_is_its_own_and_goes_with_everything(real_vault: Vault) -> None:
    key = real_vault.get_or_create_answer_key()
    assert len(key) == 32 and real_vault.get_or_create_answer_key() == key
    assert key != real_vault.get_or_create_session_key()
    stored = SecretServiceKeyring().get_password(real_vault.service, "answer-key")
    assert stored is not None and base64.b64decode(stored) == key
    real_vault.delete_everything([])
    assert SecretServiceKeyring().get_password(real_vault.service, "answer-key") is None


def test_the_refused_answers_key_is_read_without_being_made(real_vault: Vault) -> None:
    """What a check compares with the hashes kept: a key made by looking would match none
    of them, and what X refused would be typed again."""
    assert real_vault.get_answer_key() is None
    assert SecretServiceKeyring().get_password(real_vault.service, "answer-key") is None
    key = real_vault.get_or_create_answer_key()
    assert real_vault.get_answer_key() == key
    SecretServiceKeyring().set_password(real_vault.service, "answer-key", "no key")
    assert real_vault.get_answer_key() is None


class _AnotherProcessWritesToo(SecretServiceKeyring):
    """The real Secret Service, where another process makes its own key at the same first use
    and saves it just after this one saved its own."""

    @properties.classproperty
    def priority(cls) -> float:
        raise RuntimeError("only for this test")

    def __init__(self) -> None:
        super().__init__()
        self.theirs = base64.b64encode(secrets.token_bytes(32)).decode()

    def set_password(self, service: str, username: str, password: str) -> None:
        super().set_password(service, username, password)
        if username == "answer-key":
            super().set_password(service, username, self.theirs)


def test_a_key_made_by_two_processes_at_once_is_the_one_the_keyring_kept(
    real_vault: Vault,
) -> None:
    backend = _AnotherProcessWritesToo()
    vault = Vault(backend, service=real_vault.service)
    key = vault.get_or_create_answer_key()
    assert key == base64.b64decode(backend.theirs)  # what every process reads from now on
    assert real_vault.get_answer_key() == key


def test_nothing_is_written_in_plaintext(
    real_vault: Vault, secret_service: SecretServiceEnv, consentinel_home: Path
) -> None:
    password = f"pw-{secrets.token_hex(12)}"
    totp = base64.b32encode(secrets.token_bytes(20)).decode()
    real_vault.set_password("erin", password)
    real_vault.set_totp("erin", totp)
    assert real_vault.get_password("erin") == password
    # gnome-keyring has written its keyring file by now (our read came back through it).
    keyring_files = list((secret_service.home / ".local" / "share" / "keyrings").glob("*"))
    assert keyring_files, "gnome-keyring should keep its (encrypted) login keyring here"
    for secret in (password, totp):
        assert files_containing(secret_service.home, secret.encode()) == []
        assert files_containing(consentinel_home.parent, secret.encode()) == []


def test_no_keyring_is_unavailable_with_a_sentence() -> None:
    vault = Vault(fail.Keyring())
    assert not vault.is_usable()
    assert vault.backend_label() == "no keyring"
    with pytest.raises(VaultUnavailable, match="No system keyring is available") as caught:
        vault.set_password("alice", "hunter2")
    assert "hunter2" not in str(caught.value)
    assert isinstance(caught.value, VaultError)
    with pytest.raises(VaultUnavailable):
        vault.check()


def test_no_keyring_in_french(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    with pytest.raises(VaultUnavailable, match="Aucun trousseau système"):
        Vault(fail.Keyring()).check()


class PlaintextKeyring(KeyringBackend):
    """Stands for keyrings.alt's file.PlaintextKeyring (not installed here): a real working
    backend that keeps secrets in a clear file — the kind the Vault must refuse."""

    __module__ = "keyrings.alt.file"

    @properties.classproperty
    def priority(cls) -> float:
        raise RuntimeError("test only")

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def get_password(self, service: str, username: str) -> str | None:
        for line in self.path.read_text().splitlines() if self.path.exists() else []:
            s, u, p = line.split("\t")
            if (s, u) == (service, username):
                return p
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        with self.path.open("a") as out:
            out.write(f"{service}\t{username}\t{password}\n")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.PasswordDeleteError(username)


def test_plaintext_backend_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    store = tmp_path / "keyring_pass.cfg"
    vault = Vault(PlaintextKeyring(store))
    with pytest.raises(VaultUnavailable, match="plain file") as caught:
        vault.set_password("alice", "hunter2")
    assert "hunter2" not in str(caught.value)
    assert not store.exists()
    assert not vault.is_usable()


UNREACHABLE = (
    "The keyring (GNOME Keyring / Secret Service) cannot be reached: it is not running, or does "
    "not answer. Consentinel never keeps passwords in plain files: start or unlock your keyring, "
    "then try again."
)
UNREACHABLE_FR = (
    "Le trousseau (GNOME Keyring / Secret Service) est injoignable\u00a0: il n'est pas lancé, ou "
    "ne répond pas. Consentinel ne garde jamais de mots de passe dans des fichiers en "
    "clair\u00a0: démarrez ou déverrouillez votre trousseau, puis réessayez."
)


def test_a_keyring_daemon_gone_mid_run_is_unavailable_and_said_cleanly(
    private_secret_service: SecretServiceEnv,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The daemon killed while the bus stays (a crash, an out-of-memory kill): said as a keyring
    that cannot be reached, the secret never in the sentence, and no doubled full stop after
    keyring's own words."""
    vault = Vault(SecretServiceKeyring(), service="org.consentinel.Consentinel.test-killed")
    vault.set_password("alice", "first")
    stop_keyring_daemon(private_secret_service)
    with (
        caplog.at_level(logging.WARNING, logger="consentinel.core.vault"),
        pytest.raises(VaultUnavailable, match="cannot be reached") as caught,
    ):
        vault.set_password("alice", "hunter2")
    said = str(caught.value)
    assert said == UNREACHABLE
    assert "hunter2" not in said and ".." not in said, said
    # keyring's own words (D-Bus's) are for the log, not the person.
    assert "org.freedesktop.secrets" in caplog.text and "hunter2" not in caplog.text
    # ...and kept on the error for the doctor ("Keyring said: …"), the secret blanked alike.
    cause = caught.value.cause
    assert "org.freedesktop.secrets" in cause and "hunter2" not in cause, cause
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    with pytest.raises(VaultUnavailable) as caught:
        vault.get_password("alice")
    assert str(caught.value) == UNREACHABLE_FR


FAILED_SAVING = (
    "The keyring (GNOME Keyring / Secret Service) failed while saving a secret: it was not "
    "saved. Open your keyring's app, check that the keyring is there and unlocked, then try "
    "again; if it fails again, the log file says what the keyring answered. To unlock it: in "
    "Passwords and Keys (Seahorse), select the “Login” keyring and choose Unlock"
)
FAILED_READING_FR = (
    "Le trousseau (GNOME Keyring / Secret Service) a échoué en lisant les secrets de "
    "Consentinel. Ouvrez l'application de votre trousseau, vérifiez que le trousseau est là et "
    "déverrouillé, puis réessayez\u00a0; s'il échoue encore, le fichier journal technique dit "
    "ce que le trousseau a répondu. Pour le déverrouiller\u00a0: dans Mots de passe et clés"
)


def test_a_keyring_failing_otherwise_says_what_failed_in_the_persons_words(
    real_vault: Vault, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure neither "locked" nor "cannot be reached": what failed (saving, reading) and
    what to do, never keyring's own words ("'utf-8' codec can't encode character…"), which go
    to the log only, without the secret. Real failures of the real keyring: a password that
    is no UTF-8 text (a byte piped in that is none), an entry of raw bytes (secret-tool)."""
    import secretstorage

    with (
        caplog.at_level(logging.WARNING, logger="consentinel.core.vault"),
        pytest.raises(VaultError) as caught,
    ):
        real_vault.set_password("alice", "hunter2\udc80")
    said = str(caught.value)
    assert said.startswith(FAILED_SAVING), said
    assert "codec" not in said and "hunter2" not in said
    assert "surrogates not allowed" in caplog.text and "hunter2" not in caplog.text
    cause = caught.value.cause
    assert "surrogates not allowed" in cause and "hunter2" not in cause, cause

    attributes = {"service": real_vault.service, "username": "alice:totp"}
    with contextlib.closing(secretstorage.dbus_init()) as connection:
        collection = secretstorage.get_default_collection(connection)
        collection.create_item("edited by hand", attributes, b"\xff\xfe", replace=True)
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    with pytest.raises(VaultError) as caught:
        real_vault.get_totp("alice")
    said = str(caught.value)
    assert said.startswith(FAILED_READING_FR), said
    assert "0xff" not in said and "0xff" in caplog.text


def test_stopped_keyring_is_unavailable(
    private_secret_service: SecretServiceEnv, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    vault = Vault(SecretServiceKeyring(), service="org.consentinel.Consentinel.test-gone")
    vault.set_password("alice", "first")
    # The session bus goes away (logged out, daemon crashed): the socket is no longer there.
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path}/no-bus")
    with pytest.raises(VaultUnavailable, match="cannot be reached") as caught:
        vault.set_password("alice", "hunter2")
    assert str(caught.value) == UNREACHABLE  # (not "[Errno 2] No such file or directory")
    assert not vault.is_usable()


def test_locked_keyring_is_reported_as_locked(private_secret_service: SecretServiceEnv) -> None:
    import secretstorage

    vault = Vault(SecretServiceKeyring(), service="org.consentinel.Consentinel.test-locked")
    vault.set_password("alice", "hunter2")
    with contextlib.closing(secretstorage.dbus_init()) as conn:
        secretstorage.get_default_collection(conn).lock()
    # No prompter runs on this private bus, so GNOME Keyring dismisses the unlock prompt:
    # exactly what happens when a person cancels it.
    with pytest.raises(VaultLocked, match="locked") as caught:
        vault.get_password("alice")
    assert "hunter2" not in str(caught.value)
    assert not vault.is_usable()


def test_a_locked_keyring_says_where_to_unlock_it(
    private_secret_service: SecretServiceEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At a terminal, or once its prompt was dismissed, no prompt comes: "unlock it" alone
    leaves the person looking for where. The place is named, in English and in French."""
    vault = Vault(SecretServiceKeyring(), service="org.consentinel.Consentinel.test-where")
    vault.set_password("alice", "hunter2")
    lock_keyring(private_secret_service)
    with pytest.raises(VaultLocked) as caught:
        vault.set_password("alice", "hunter3")
    said = str(caught.value)
    assert said.startswith("The keyring (GNOME Keyring / Secret Service) is locked"), said
    assert "To unlock it: in Passwords and Keys (Seahorse), select the “Login” keyring" in said
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    with pytest.raises(VaultLocked) as caught:
        vault.get_password("alice")
    said = str(caught.value)
    assert "Pour le déverrouiller\N{NO-BREAK SPACE}: dans Mots de passe et clés" in said, said
    unlock_keyring(private_secret_service)
    assert vault.get_password("alice") == "hunter2"  # (nothing written while locked)


def test_a_look_without_a_prompt_says_locked_and_leaves_it_locked(
    private_secret_service: SecretServiceEnv,
) -> None:
    """What the window asks when the person comes back to it: locked or not, with no unlock
    prompt (GNOME Keyring's Locked property), and nothing read."""
    vault = Vault(SecretServiceKeyring(), service="org.consentinel.Consentinel.test-unprompted")
    vault.check_unprompted()
    lock_keyring(private_secret_service)
    with pytest.raises(VaultLocked, match=r"is locked\. Unlock it"):
        vault.check_unprompted()
    import secretstorage

    with contextlib.closing(secretstorage.dbus_init()) as conn:
        assert secretstorage.get_default_collection(conn).is_locked()  # no prompt unlocked it
    unlock_keyring(private_secret_service)
    vault.check_unprompted()


def test_a_look_without_a_prompt_finds_a_keyring_started_since(
    private_secret_service: SecretServiceEnv, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-keyring-config"))
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path}/no-bus")
    vault = Vault(service="org.consentinel.Consentinel.test-unprompted")
    with pytest.raises(VaultUnavailable, match="No system keyring is available"):
        vault.check_unprompted()
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", private_secret_service.address)
    vault.check_unprompted()
    assert vault.backend_label() == "GNOME Keyring / Secret Service"


def test_default_vault_finds_the_secret_service_on_the_bus(
    secret_service: SecretServiceEnv, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-keyring-config"))
    assert Vault().backend_label() == "GNOME Keyring / Secret Service"
    # Decided afresh: with the bus gone, the same process now sees no keyring at all.
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path}/no-bus")
    vault = Vault()
    assert vault.backend_label() == "no keyring"
    with pytest.raises(VaultUnavailable):
        vault.check()


def test_memory_keyring_is_never_picked_automatically() -> None:
    assert not MemoryKeyring.viable
    assert MemoryKeyring not in [type(b) for b in keyring.backend.get_all_keyring()]
    vault = Vault(MemoryKeyring())
    vault.set_password("Alice", "x")
    assert vault.get_password("alice") == "x"
    assert vault.backend_label() == "the demo's in-memory keyring"
    assert vault.service == SERVICE


def test_looking_for_the_keyring_runs_no_program_and_skips_other_systems_keyrings() -> None:
    # A fresh interpreter, so that no keyring module is loaded yet. keyring's macOS module looks
    # for Apple's libraries with ctypes' find_library, which runs ldconfig, gcc and ld.
    probe = (
        "import subprocess, sys\n"
        "ran = []\n"
        "real = subprocess.Popen.__init__\n"
        "def spy(self, args, *a, **k):\n"
        "    ran.append(args)\n"
        "    real(self, args, *a, **k)\n"
        "subprocess.Popen.__init__ = spy\n"
        "from consentinel.core.vault import detect_backend\n"
        "detect_backend()\n"
        "print(ran, sorted(m for m in sys.modules if m.startswith('keyring.backends.')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    ran, _, modules = done.stdout.strip().partition(" ")
    assert ran == "[]", done.stdout
    assert "keyring.backends.macOS" not in modules
    assert "keyring.backends.Windows" not in modules
    assert "keyring.backends.SecretService" in modules


def test_each_system_looks_for_its_own_keyrings() -> None:
    assert os_backends("darwin") == (("keyring.backends.macOS", "Keyring"),)
    assert os_backends("win32") == (("keyring.backends.Windows", "WinVaultKeyring"),)
    linux = [module for module, _ in os_backends("linux")]
    assert linux == [
        "keyring.backends.SecretService",
        "keyring.backends.kwallet",
        "keyring.backends.libsecret",
    ]
    assert os_backends("freebsd14") == os_backends("linux")


class _UnansweringKeyring(MemoryKeyring):
    """A keyring that never answers: GNOME Keyring waiting at its unlock prompt for a password
    nobody types (the real prompt needs a person at a desktop, so it is stood in for here)."""

    def __init__(self) -> None:
        super().__init__()
        self.released = threading.Event()

    def get_password(self, service: str, username: str) -> str | None:
        self.released.wait()
        return super().get_password(service, username)


def test_a_keyring_that_does_not_answer_is_given_up_on_and_said() -> None:
    backend = _UnansweringKeyring()
    vault = Vault(backend)
    try:
        with pytest.raises(VaultLocked) as caught:
            vault.check_within(0.2)
        assert "did not answer within 0.2 seconds" in str(caught.value)
        assert "locked" in str(caught.value)
        # Every later call fails at once instead of queueing behind the stuck one.
        done = threading.Event()

        def later_calls() -> None:
            for call in (lambda: vault.get_password("alice"), vault.get_or_create_session_key):
                with contextlib.suppress(VaultLocked):
                    call()
            done.set()

        threading.Thread(target=later_calls, daemon=True).start()
        assert done.wait(10), "a later keyring call waited behind the unanswered one"
    finally:
        backend.released.set()
    # It answers at last (the app lives on, past its scheduled check): used again.
    for waiting in [t for t in threading.enumerate() if t.name == "keyring-check"]:
        waiting.join(10)
    assert vault.is_usable(), "still given up on after it answered"
    vault.set_password("alice", "pw")
    assert vault.get_password("alice") == "pw"


def test_a_keyring_that_answers_in_time_is_used() -> None:
    vault = Vault(MemoryKeyring())
    vault.check_within(5)
    vault.set_password("alice", "pw")
    assert vault.get_password("alice") == "pw"


@pytest.mark.parametrize(
    ("platform", "named", "not_named"),
    [
        ("linux", "GNOME Keyring or KWallet", ("macOS", "Windows")),
        ("darwin", "macOS Keychain", ("GNOME", "KWallet", "Windows")),
        ("win32", "Windows Credential Manager", ("GNOME", "KWallet", "macOS")),
    ],
)
def test_no_keyring_names_this_systems_keyrings_and_the_doctors_step(
    platform: str, named: str, not_named: tuple[str, ...]
) -> None:
    """Claire, on Linux, was told about macOS Keychain and Windows Credential Manager, and
    only to "start or install a keyring"; the doctor had the concrete step."""
    message = no_keyring_message(platform)
    assert message.startswith("No system keyring is available")
    assert named in message
    for other in not_named:
        assert other not in message, message
    assert keyring_setup_step(platform) in message  # the doctor's words, from the one place
    if platform == "linux":
        assert "sudo apt install gnome-keyring" in message


def test_no_keyring_in_french_names_linuxs_keyrings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    message = no_keyring_message("linux")
    assert "GNOME Keyring ou KWallet, via le Secret Service" in message
    assert "(Debian/Ubuntu\u00a0: sudo apt install gnome-keyring)" in message
    assert "macOS" not in message


def test_a_keyring_started_after_none_was_found_is_used_once_looked_for_again(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The vault finds its keyring once; with none found, look_again() finds one started
    since (as the no-keyring message asks); a keyring given to it stays."""
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))  # no keyringrc
    service = f"org.consentinel.Consentinel.test-{secrets.token_hex(6)}"
    vault = Vault(service=service)
    given = Vault(fail.Keyring())
    assert not vault.is_usable()
    with start_secret_service() as started:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", started.address)
        assert not vault.is_usable()  # found once: the same answer
        vault.look_again()
        given.look_again()
        vault.check()
        assert vault.backend_label() == "GNOME Keyring / Secret Service"
        vault.set_password("alice", "hunter2")
        assert vault.get_password("alice") == "hunter2"
        assert not given.is_usable()
        vault.look_again()  # found: kept
        assert vault.get_password("alice") == "hunter2"


def test_a_vault_that_never_prompts_refuses_a_locked_keyring_without_asking(
    private_secret_service: SecretServiceEnv, tmp_path: Path
) -> None:
    """A run nobody watches (`check --unattended`): reads, writes and the keys of a locked
    keyring are VaultLocked at once, and GNOME Keyring is never asked to unlock (its dialog on
    the desktop); unlocked again, the same vault reads and writes."""
    vault = Vault(SecretServiceKeyring(), service="org.consentinel.Consentinel.test-never")
    vault.set_password("alice", "hunter2")
    key = vault.get_or_create_session_key()
    vault.never_prompt()
    assert vault.backend_label() == "GNOME Keyring / Secret Service"
    lock_keyring(private_secret_service)
    with watch_bus(private_secret_service, tmp_path / "bus.log") as bus:
        for use in (
            vault.check,
            lambda: vault.get_password("alice"),
            lambda: vault.get_totp("alice"),
            vault.get_or_create_session_key,
            lambda: vault.set_password("alice", "other"),
            lambda: vault.delete_account("alice"),
            vault.check_unprompted,
        ):
            with pytest.raises(VaultLocked, match="locked"):
                use()
        assert prompts_in(bus.seen_up_to_now()) == []
    import secretstorage

    with contextlib.closing(secretstorage.dbus_init()) as conn:
        assert secretstorage.get_default_collection(conn).is_locked()
    unlock_keyring(private_secret_service)
    assert vault.get_password("alice") == "hunter2"
    assert vault.get_or_create_session_key() == key
    vault.delete_account("alice")
    vault.delete_session_key()


def test_the_bus_watch_sees_a_vault_that_prompts(
    private_secret_service: SecretServiceEnv, tmp_path: Path
) -> None:
    """The watch above sees an unlock asked for (a vault left to prompt, as the app's)."""
    vault = Vault(SecretServiceKeyring(), service="org.consentinel.Consentinel.test-prompts")
    vault.set_password("alice", "hunter2")
    lock_keyring(private_secret_service)
    with watch_bus(private_secret_service, tmp_path / "bus.log") as bus:
        with pytest.raises(VaultLocked):
            vault.get_password("alice")
        assert prompts_in(bus.seen_up_to_now()) != []
    unlock_keyring(private_secret_service)
    vault.delete_account("alice")
