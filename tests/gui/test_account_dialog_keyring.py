"""The Add/Edit account dialog looks at the keyring in a thread, asking for no password and
reading nothing, as it opens and each time the person comes back to it: a locked keyring is
said in the main window's words (and Save stays: saving asks for its password), one unlocked or
locked meanwhile is said when the person is back. A real GNOME Keyring on a private D-Bus bus."""

from __future__ import annotations

import contextlib
import secrets
import threading
from pathlib import Path

import pytest
from keyring.backends.SecretService import Keyring as SecretServiceKeyring
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.paths import AppPaths
from consentinel.core.vault import Vault
from consentinel.gui import keyring_look
from consentinel.gui.account_dialog import AccountDialog
from consentinel.gui.keyring_look import KeyringSeen
from consentinel.gui.message_style import error_style
from consentinel.gui.translations import Translators
from tests.fixtures.keyring_fixtures import (
    SecretServiceEnv,
    lock_keyring,
    stop_keyring_daemon,
    unlock_keyring,
)
from tests.gui._app_support import come_back

PASSWORD = "Quartz-Lantern-5820-harbour"
LOCKED = (
    "The keyring (GNOME Keyring / Secret Service) is locked. Unlock it: until then, saving a "
    "password or a check asks you for its password."
)
LOCKED_FR = (
    "Le trousseau (GNOME Keyring / Secret Service) est verrouillé. Déverrouillez-le\xa0: "
    "d'ici là, enregistrer un mot de passe ou une vérification vous demande son mot de passe."
)
USABLE = "Password and 2FA secret are kept by GNOME Keyring / Secret Service, never in a file."


class _WatchedVault(Vault):
    """A real Vault that notes the threads its unprompted looks ran in, and every read of the
    keyring (a read may bring up its unlock prompt); `gate`, when set, holds each look until
    it is set (a D-Bus that does not answer at once)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.looked_in: list[str] = []
        self.read: list[str] = []
        #: The threads each read ran in (the app's own must never wait for D-Bus).
        self.read_in: list[str] = []
        self.gate: threading.Event | None = None

    def check_unprompted(self) -> None:
        self.looked_in.append(threading.current_thread().name)
        if self.gate is not None:
            self.gate.wait(30)
        super().check_unprompted()

    def check(self) -> None:
        self.read.append("check")
        super().check()

    def _get(self, entry: str) -> str | None:
        self.read.append(entry)
        self.read_in.append(threading.current_thread().name)
        return super()._get(entry)


def _context(home: Path) -> tuple[AppContext, _WatchedVault]:
    vault = _WatchedVault(
        SecretServiceKeyring(), service=f"org.consentinel.Consentinel.test-{secrets.token_hex(6)}"
    )
    return AppContext.create(AppPaths(home), vault=vault), vault


def _open(qtbot: QtBot, dialog: AccountDialog) -> AccountDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _is_locked(service: SecretServiceEnv) -> bool:
    import secretstorage
    from jeepney.io.blocking import open_dbus_connection

    with contextlib.closing(open_dbus_connection(bus=service.address)) as conn:
        return bool(secretstorage.get_default_collection(conn).is_locked())


def _files_under(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def test_a_locked_keyring_is_said_in_the_windows_words_and_saving_still_works(
    qtbot: QtBot,
    consentinel_home: Path,
    private_secret_service: SecretServiceEnv,
    keyring_looks_each_time: None,
) -> None:
    """Locked when the dialog opens: said in the window's words, without its unlock prompt nor
    a read (the dialog read a secret on the app's thread to find out, and said only a keyring
    missing when the person came back). Save stays: saving asks for the keyring's password;
    here nobody answers that prompt, so nothing is saved. Unlocked in the desktop, the person
    comes back: said usable, and Save puts the password in the keyring and nowhere else."""
    lock_keyring(private_secret_service)
    ctx, vault = _context(consentinel_home)
    dialog = _open(qtbot, AccountDialog(ctx))
    qtbot.waitUntil(lambda: dialog.keyring_seen is KeyringSeen.LOCKED, timeout=20_000)
    assert dialog.vault_label.text() == LOCKED
    assert dialog.vault_label.styleSheet() == error_style()
    assert _is_locked(private_secret_service)  # looked at, not unlocked
    qtbot.keyClicks(dialog.handle_edit, "rosa_vale")
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    assert dialog.save_button.isEnabled()  # (a missing keyring alone blocks a secret)

    # Saving asks for the keyring's password: no one answers the prompt on this private bus.
    dialog.save_button.click()
    assert dialog.save_error.text().startswith(
        "Nothing was saved: The keyring (GNOME Keyring / Secret Service) is locked, or its "
        "unlock prompt was dismissed."
    )
    assert dialog.isVisible() and ctx.accounts.list() == []
    vault.read.clear()  # (the save read what the keyring had for @rosa_vale, to put it back)

    unlock_keyring(private_secret_service)  # in the desktop's prompt
    come_back(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.keyring_seen is KeyringSeen.USABLE, timeout=20_000)
    assert dialog.vault_label.text() == USABLE and dialog.vault_label.styleSheet() == ""
    assert not vault.read  # nothing read from the keyring to look at it
    with qtbot.waitSignal(dialog.accepted):
        dialog.save_button.click()
    assert vault.get_password("rosa_vale") == PASSWORD
    ctx.journal.close()
    for path in _files_under(consentinel_home):
        assert PASSWORD.encode() not in path.read_bytes(), f"the password leaked into {path}"
    # Never on the app's thread: D-Bus may not answer.
    assert len(vault.looked_in) == 2 and set(vault.looked_in) == {"keyring-look"}


def test_a_keyring_locked_while_the_edit_dialog_is_open_is_said_when_back_in_french(
    qtbot: QtBot,
    consentinel_home: Path,
    private_secret_service: SecretServiceEnv,
    keyring_looks_each_time: None,
) -> None:
    translators = Translators()
    translators.switch("fr")
    try:
        ctx, vault = _context(consentinel_home)
        ctx.accounts.add(Account("nora"))
        dialog = _open(qtbot, AccountDialog(ctx, ctx.accounts.get("nora")))
        qtbot.waitUntil(lambda: dialog.keyring_seen is KeyringSeen.USABLE, timeout=20_000)
        assert "GNOME Keyring / Secret Service" in dialog.vault_label.text()
        vault.read.clear()  # (that look read whether a 2FA secret is saved: none is)

        lock_keyring(private_secret_service)  # the screen locked meanwhile
        come_back(qtbot, dialog)
        qtbot.waitUntil(lambda: dialog.keyring_seen is KeyringSeen.LOCKED, timeout=20_000)
        assert dialog.vault_label.text() == LOCKED_FR
        # A secret can still be removed or saved: the keyring asks for its password then.
        # (Locked, whether one is saved is not known: "Remove" is offered, as it was.)
        assert dialog.remove_totp is not None and dialog.remove_totp.isEnabled()
        assert dialog.remove_totp.isVisible() and not dialog.fields.totp_saved_label.isVisible()
        assert dialog.save_button.isEnabled()
        assert _is_locked(private_secret_service) and not vault.read
    finally:
        translators.switch("en")


def test_a_look_that_does_not_answer_leaves_the_dialog_answering(
    qtbot: QtBot,
    consentinel_home: Path,
    private_secret_service: SecretServiceEnv,
    keyring_looks_each_time: None,
) -> None:
    """D-Bus slow to answer: the dialog says it is looking, its timers fire and typing works
    meanwhile. Coming back while that look is under way looks once more after it (the keyring
    may have been unlocked since it began), not at once beside it."""
    ctx, vault = _context(consentinel_home)
    vault.gate = threading.Event()
    ticks: list[int] = []
    try:
        dialog = _open(qtbot, AccountDialog(ctx))
        timer = QTimer(dialog)
        timer.timeout.connect(lambda: ticks.append(1))
        timer.start(10)
        qtbot.waitUntil(lambda: len(vault.looked_in) == 1)  # the look is under way…
        qtbot.waitUntil(lambda: len(ticks) >= 5)  # …and the dialog's timers still fire
        assert dialog.vault_label.text() == "Looking at the keyring…"
        assert dialog.vault_label.styleSheet() == ""
        qtbot.keyClicks(dialog.handle_edit, "ines")
        assert dialog.handle_edit.text() == "ines" and dialog.keyring_seen is None
        come_back(qtbot, dialog)
        assert len(vault.looked_in) == 1  # one look at a time
    finally:
        vault.gate.set()
    qtbot.waitUntil(lambda: len(vault.looked_in) == 2)
    qtbot.waitUntil(lambda: not dialog._keyring_look.looking)
    assert dialog.keyring_seen is KeyringSeen.USABLE and len(vault.looked_in) == 2
    assert dialog.vault_label.text() == USABLE
    assert set(vault.looked_in) == {"keyring-look"} and not vault.read


def test_coming_back_to_the_dialog_often_looks_at_most_every_few_seconds(
    qtbot: QtBot,
    consentinel_home: Path,
    private_secret_service: SecretServiceEnv,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """As the window: comings back within KEYRING_LOOK_EVERY_S of the last look make one look,
    once that time has passed (not none: the keyring may have been unlocked just before the
    last one); a coming back after it looks at once. The limit's clock stands still here, so
    "within" does not depend on how fast the machine is; the look put off is awaited."""
    now = [1000.0]
    monkeypatch.setattr(keyring_look, "monotonic", lambda: now[0])
    monkeypatch.setattr(keyring_look, "KEYRING_LOOK_EVERY_S", 0.3)
    ctx, vault = _context(consentinel_home)
    dialog = _open(qtbot, AccountDialog(ctx))
    look = dialog._keyring_look
    qtbot.waitUntil(lambda: dialog.keyring_seen is KeyringSeen.USABLE, timeout=20_000)
    assert len(vault.looked_in) == 1  # the opening's

    for _ in range(2):
        come_back(qtbot, dialog)
    assert len(vault.looked_in) == 1 and look.put_off
    qtbot.waitUntil(lambda: len(vault.looked_in) == 2, timeout=10_000)  # its time came
    assert not look.put_off  # one look for both comings back
    qtbot.waitUntil(lambda: not look.looking)

    now[0] += 1.0  # the time has passed since that look began
    come_back(qtbot, dialog)
    assert not look.put_off
    qtbot.waitUntil(lambda: len(vault.looked_in) == 3)
    qtbot.waitUntil(lambda: not look.looking)
    assert dialog.keyring_seen is KeyringSeen.USABLE and dialog.vault_label.text() == USABLE
    assert set(vault.looked_in) == {"keyring-look"} and not vault.read


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_save_that_finds_the_keyring_gone_says_so_on_the_keyring_line(
    qtbot: QtBot,
    consentinel_home: Path,
    private_secret_service: SecretServiceEnv,
    language: str,
) -> None:
    """GNOME Keyring stopped (a crash) after the dialog said it keeps the secrets: the failed
    save looks at the keyring again at once, and the line under the fields says it cannot be
    reached (Save greyed while a secret is typed), without waiting for the person to leave the
    dialog and come back."""
    ctx, _vault = _context(consentinel_home)
    translators = Translators()
    translators.switch(language)
    try:
        dialog = _open(qtbot, AccountDialog(ctx))
        qtbot.waitUntil(lambda: dialog.keyring_seen is KeyringSeen.USABLE, timeout=20_000)
        kept = dialog.vault_label.text()
        qtbot.keyClicks(dialog.handle_edit, "rosa_vale")
        qtbot.keyClicks(dialog.password_edit, PASSWORD)
        stop_keyring_daemon(private_secret_service)
        dialog.save_button.click()
        unreachable = "cannot be reached" if language == "en" else "injoignable"
        assert unreachable in dialog.save_error.text()
        assert dialog.isActiveWindow()  # (no coming back: the look follows the save)
        qtbot.waitUntil(lambda: dialog.keyring_seen is KeyringSeen.MISSING, timeout=20_000)
        said = dialog.vault_label.text()
        assert said != kept and unreachable in said, said
        assert dialog.vault_label.styleSheet() == error_style()
        assert not dialog.save_button.isEnabled()
        # Said once, on that line: under it, only that nothing was saved.
        nothing = "Nothing was saved." if language == "en" else "Rien n'a été enregistré."
        assert dialog.save_error.text() == nothing
        assert ctx.accounts.list() == []
    finally:
        translators.switch("en")


@pytest.mark.parametrize(
    ("language", "saved_words", "none_words"),
    [
        (
            "en",
            "A 2FA secret is saved for this account.",
            "No 2FA secret is saved for this account.",
        ),
        (
            "fr",
            "Un secret 2FA est enregistré pour ce compte.",
            "Aucun secret 2FA n'est enregistré pour ce compte.",
        ),
    ],
)
def test_editing_says_whether_a_2fa_secret_is_saved_and_offers_to_remove_only_one_that_is(
    qtbot: QtBot,
    consentinel_home: Path,
    private_secret_service: SecretServiceEnv,
    language: str,
    saved_words: str,
    none_words: str,
) -> None:
    """The dialog offered "Remove the saved 2FA secret" whether or not one was saved, and
    never said which. Its look at the keyring (in its thread, never holding the dialog's
    opening) now reads whether one is saved; a locked keyring tells nothing: the box stays."""
    translators = Translators()
    translators.switch(language)
    try:
        ctx, vault = _context(consentinel_home)
        for handle in ("with_2fa", "without_2fa"):
            ctx.accounts.add(Account(handle))
            vault.set_password(handle, PASSWORD)
        vault.set_totp("with_2fa", "JBSWY3DPEHPK3PXP")
        vault.read.clear()
        vault.gate = threading.Event()  # (the keyring answers once the dialog is open)

        with_2fa = _open(qtbot, AccountDialog(ctx, ctx.accounts.get("with_2fa")))
        label = with_2fa.fields.totp_saved_label
        assert label is not None and not label.isVisible()  # opened before the keyring answered
        vault.gate.set()
        qtbot.waitUntil(label.isVisible, timeout=20_000)
        assert label.text() == saved_words
        assert with_2fa.remove_totp is not None and with_2fa.remove_totp.isVisible()
        with_2fa.reject()

        without = _open(qtbot, AccountDialog(ctx, ctx.accounts.get("without_2fa")))
        label = without.fields.totp_saved_label
        assert label is not None
        qtbot.waitUntil(label.isVisible, timeout=20_000)
        assert label.text() == none_words
        assert without.remove_totp is not None and not without.remove_totp.isVisible()
        without.reject()
        # Only the 2FA entries, only in the look's thread.
        assert set(vault.read_in) == {"keyring-look"}
        assert all(entry.endswith("totp") for entry in vault.read), vault.read

        lock_keyring(private_secret_service)
        locked = _open(qtbot, AccountDialog(ctx, ctx.accounts.get("without_2fa")))
        qtbot.waitUntil(lambda: locked.keyring_seen is KeyringSeen.LOCKED, timeout=20_000)
        label = locked.fields.totp_saved_label
        assert label is not None and not label.isVisible()
        assert locked.remove_totp is not None and locked.remove_totp.isVisible()
        assert _is_locked(private_secret_service)
    finally:
        translators.switch("en")
