"""The Add account dialog as a first-time user meets it (the s38 review of Claire's first hour):
the 2FA field says it may stay empty and recognises a one-time code or an export link, a
pasted link names its account or is said to be one of X's pages, the boxes say what happens on
X, and a keyring started while the dialog is open unblocks Save."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from keyring.backends.fail import Keyring as NoKeyring
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from consentinel.core.context import AppContext
from consentinel.core.paths import AppPaths
from consentinel.core.status import ALL_BOXES, Box
from consentinel.core.vault import Vault, keyring_setup_step
from consentinel.gui.account_dialog import AccountDialog
from consentinel.gui.dialog_words import box_name
from consentinel.gui.translations import Translators
from tests.fixtures.keyring_fixtures import start_secret_service

PASSWORD = "Elephant-Rose2024!"
NBSP = "\u00a0"


@contextmanager
def _in(language: str) -> Iterator[None]:
    translators = Translators()
    translators.switch(language)
    try:
        yield
    finally:
        translators.switch("en")


def _dialog(qtbot: QtBot, ctx: AppContext) -> AccountDialog:
    dialog = AccountDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.keyring_seen is not None)  # (looked at in a thread)
    return dialog


# -- the 2FA secret ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "hint", "code_words"),
    [
        (
            "en",
            "Leave it empty, and Consentinel asks you for your authenticator app's code",
            "This is a one-time code from your authenticator app, not the 2FA secret: leave "
            "the 2FA secret empty",
        ),
        (
            "fr",
            "Laissez-le vide, et Consentinel vous demandera le code de votre application "
            "d'authentification",
            f"Ceci est un code à usage unique de votre application d'authentification, pas le "
            f"secret 2FA{NBSP}: laissez le secret 2FA vide",
        ),
    ],
)
def test_the_2fa_field_says_it_may_stay_empty_and_knows_a_one_time_code(
    qtbot: QtBot, memory_vault: Vault, language: str, hint: str, code_words: str
) -> None:
    with _in(language):
        dialog = _dialog(qtbot, AppContext.create(vault=memory_vault))
        assert dialog.totp_hint.isVisible()
        assert dialog.totp_hint.text().startswith(hint)
        # A screen reader hears it on the field too, until there is a problem to say.
        assert dialog.totp_edit.accessibleDescription() == dialog.totp_hint.text()
        qtbot.keyClicks(dialog.handle_edit, "claire_ong")
        qtbot.keyClicks(dialog.password_edit, PASSWORD)
        assert dialog.save_button.isEnabled()  # empty is fine

        qtbot.keyClicks(dialog.totp_edit, "123 456")
        assert dialog.totp_error.isVisible()
        assert dialog.totp_error.text().startswith(code_words)
        assert dialog.totp_edit.accessibleDescription() == dialog.totp_error.text()
        assert not dialog.totp_hint.isVisible()  # (the message says what to do)
        assert not dialog.save_button.isEnabled()

        dialog.totp_edit.clear()
        qtbot.keyClicks(dialog.totp_edit, "otpauth-migration://offline?data=CjEKCkhlbGxv")
        export = {
            "en": "A Google Authenticator export link (otpauth-migration://) cannot be used: "
            "leave the 2FA secret empty, or paste the setup key",
            "fr": "Un lien d'exportation de Google Authenticator (otpauth-migration://) ne peut "
            f"pas être utilisé{NBSP}: laissez le secret 2FA vide, ou collez la clé de "
            "configuration",
        }[language]
        assert dialog.totp_error.text().startswith(export)
        assert not dialog.save_button.isEnabled()
        dialog.totp_edit.selectAll()
        qtbot.keyClick(dialog.totp_edit, Qt.Key.Key_Backspace)
        assert dialog.totp_hint.isVisible() and not dialog.totp_error.isVisible()
        assert dialog.save_button.isEnabled()


def test_editing_an_account_hints_at_the_setup_key_without_saying_empty_means_none(
    qtbot: QtBot, memory_vault: Vault
) -> None:
    """Left empty in the Edit dialog, the saved secret stays: its hint does not open with
    "Leave it empty"."""
    from consentinel.core.accounts import Account

    ctx = AppContext.create(vault=memory_vault)
    ctx.accounts.add(Account("claire_ong"))
    dialog = AccountDialog(ctx, ctx.accounts.get("claire_ong"))
    qtbot.addWidget(dialog)
    assert dialog.totp_hint.text().startswith("Fill it only with the setup key")


# -- a pasted link ----------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_link_to_an_x_page_is_said_to_be_a_page_and_a_posts_link_names_its_account(
    qtbot: QtBot, memory_vault: Vault, language: str
) -> None:
    with _in(language):
        ctx = AppContext.create(vault=memory_vault)
        dialog = _dialog(qtbot, ctx)
        qtbot.keyClicks(dialog.handle_edit, "https://x.com/home")
        qtbot.keyClicks(dialog.password_edit, PASSWORD)
        assert (
            dialog.handle_error.text()
            == {
                "en": "This is an X page, not an account: paste the account's profile address or "
                "its @name.",
                "fr": f"Ceci est une page de X, pas un compte{NBSP}: collez l'adresse du profil du "
                "compte ou son @nom.",
            }[language]
        )
        assert not dialog.save_button.isEnabled()

        dialog.handle_edit.clear()
        qtbot.keyClicks(dialog.handle_edit, "https://x.com/claire_ong/status/1234567")
        assert not dialog.handle_error.isVisible()
        assert dialog.save_button.isEnabled()
        with qtbot.waitSignal(dialog.accepted):
            dialog.save_button.click()
    assert dialog.saved_handle == "claire_ong"
    assert [a.handle for a in ctx.accounts.list()] == ["claire_ong"]


# -- the boxes --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "title", "forbidden"),
    [
        ("en", "Switch off on X:", ("Tick one here", "unticks")),
        ("fr", f"Désactiver sur X{NBSP}:", ("Cochez-en une ici", "décoche")),
    ],
)
def test_the_boxes_say_what_is_switched_off_on_x(
    qtbot: QtBot, memory_vault: Vault, language: str, title: str, forbidden: tuple[str, ...]
) -> None:
    """ "Keep these off on X … Tick one here, and Consentinel unticks it on X" asked for a
    tick here to mean an untick there."""
    with _in(language):
        dialog = _dialog(qtbot, AppContext.create(vault=memory_vault))
        group = dialog.box_checks[Box.TRAINING].parentWidget()
        assert group is not None
        assert group.title() == title  # type: ignore[attr-defined]
        # Its name for a screen reader: the title without its colon.
        assert group.accessibleName() == title.rstrip(f"{NBSP}:")
        for words in forbidden:
            assert words not in dialog._meaning.text()
        for box in ALL_BOXES:
            check = dialog.box_checks[box]
            assert check.accessibleName() == box_name(box)  # each box named
            assert check.text().replace("&", "").startswith(box_name(box))  # (its Alt letter)
            assert check.accessibleDescription()


# -- no keyring -------------------------------------------------------------------------------


def test_no_keyring_names_this_systems_keyrings_and_the_doctors_step(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    ctx = AppContext.create(vault=Vault(NoKeyring()))
    dialog = _dialog(qtbot, ctx)
    text = dialog.vault_label.text()
    assert text.startswith("Secrets cannot be stored. No system keyring is available")
    assert "GNOME Keyring or KWallet" in text
    assert "macOS" not in text and "Windows" not in text
    assert keyring_setup_step() in text  # the words `consentinel doctor` says
    assert "sudo apt install gnome-keyring" in text


def test_a_keyring_started_while_the_dialog_is_open_unblocks_save_when_it_is_back(
    qtbot: QtBot,
    consentinel_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    keyring_looks_each_time: None,
) -> None:
    """Claire read "start or install a keyring", started it in a terminal, and came back to a
    Save still greyed out: the dialog looks for a keyring again when it is active again."""
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))  # no keyringrc
    # The app's own vault (none given: found on first use), on a service of this test's own.
    ctx = AppContext.create(AppPaths(consentinel_home / f"data-{secrets.token_hex(4)}"))
    dialog = _dialog(qtbot, ctx)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClicks(dialog.handle_edit, "claire_ong")
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    assert "No system keyring is available" in dialog.vault_label.text()
    assert not dialog.save_button.isEnabled()

    elsewhere = QWidget()  # the terminal
    qtbot.addWidget(elsewhere)
    elsewhere.show()
    elsewhere.activateWindow()
    qtbot.waitUntil(lambda: not dialog.isActiveWindow())
    with start_secret_service() as started:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", started.address)
        assert not dialog.save_button.isEnabled()  # nothing looked at while away
        dialog.activateWindow()
        qtbot.waitUntil(dialog.save_button.isEnabled)
        assert dialog.vault_label.text().startswith(
            "Password and 2FA secret are kept by GNOME Keyring / Secret Service"
        )
        assert dialog.vault_label.styleSheet() == ""  # no longer in the error's colour
        with qtbot.waitSignal(dialog.accepted):
            dialog.save_button.click()
        assert ctx.vault.get_password("claire_ong") == PASSWORD
