"""Accounts › Import accounts from a file…, from the main window, on the real Secret Service:
the file's rows shown first ("✓" where a secret is given, never the secret), the valid ones
imported (their secrets in the keyring, their accounts listed and then selected in the
window), the others said why; how many were, and the file offered for deletion. No keyring:
said, nothing imported. In French too. (That the dialog loads only once the action is used:
tests/gui/test_startup.py, whose probe lists its modules.)"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from keyring.backends.SecretService import Keyring as SecretServiceKeyring
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from consentinel.core.vault import Vault
from consentinel.gui.main_window import MainWindow
from tests.fixtures.keyring_fixtures import SecretServiceEnv, _delete_service_items
from tests.gui._app_support import add_account, make_context, running_app

PASSWORDS = ("Garnet-Willow-3381", "Slate;Finch 9024", "Skipped-Pw-7719")
TOTP = "JBSWY3DPEHPK3PXP"
FILE_TEXT = (
    "compte;mot de passe;secret 2FA;e-mail;téléphone\n"
    f"@nora_news;{PASSWORDS[0]};{TOTP};nora@example.org;\n"
    f'omar_desk;"{PASSWORDS[1]}";;;+33 6 12 34 56 78\n'
    f"already_here;{PASSWORDS[2]};;;\n"
    "paul_desk;;;;\n"
)


@pytest.fixture
def vault(secret_service: SecretServiceEnv) -> Iterator[Vault]:
    service = f"org.consentinel.Consentinel.test-{secrets.token_hex(6)}"
    yield Vault(SecretServiceKeyring(), service=service)
    _delete_service_items(secret_service.address, service)


def _in_the_dialog(window: MainWindow, act: Callable[[object], None]) -> None:
    """Accounts › Import accounts from a file… chosen, `act` done in its dialog (modal: from
    its own event loop), which then closes."""
    done: list[BaseException | None] = []

    def inside() -> None:
        dialog = window._accounts.import_dialog
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(10, inside)  # (the dialog's loop runs once it is shown)
            return
        try:
            act(dialog)
            done.append(None)
        except BaseException as error:  # (raised again outside the dialog's loop)
            done.append(error)
        dialog.reject()

    QTimer.singleShot(0, inside)
    window.import_action.trigger()
    assert done, "the dialog never opened"
    if done[0] is not None:
        raise done[0]


def _column(dialog: object, column: int) -> list[str]:
    table = dialog.table  # type: ignore[attr-defined]
    return [table.item(row, column).text() for row in range(table.rowCount())]


def test_a_file_is_previewed_imported_and_its_accounts_selected(
    qtbot: QtBot, consentinel_home: Path, vault: Vault, tmp_path: Path
) -> None:
    ctx = make_context(consentinel_home, vault=vault)
    add_account(ctx, "already_here")
    path = tmp_path / "comptes.csv"
    path.write_bytes(b"\xef\xbb\xbf" + FILE_TEXT.encode("utf-8"))
    seen: dict[str, object] = {}

    def act(dialog: object) -> None:
        from consentinel.gui.account_import_dialog import AccountImportDialog

        assert isinstance(dialog, AccountImportDialog)
        dialog.load(path)
        seen["handles"] = _column(dialog, 1)
        seen["passwords"] = _column(dialog, 2)
        seen["totps"] = _column(dialog, 3)
        seen["emails"] = _column(dialog, 4)
        seen["before"] = _column(dialog, 6)
        seen["button"] = dialog.import_button.text()
        seen["cells"] = [
            dialog.table.item(r, c).text()
            for r in range(dialog.table.rowCount())
            for c in range(dialog.table.columnCount())
        ]
        dialog.import_button.click()
        seen["after"] = _column(dialog, 6)
        seen["message"] = dialog.message.text()
        assert dialog.delete_button.isVisible()
        dialog.delete_button.click()
        seen["deleted"] = dialog.message.text()

    with running_app(qtbot, ctx) as app:
        window = app.window
        _in_the_dialog(window, act)
        selected = window.table.selected_handles()
        listed = [account.handle for account in ctx.accounts.list()]

    assert seen["handles"] == ["@nora_news", "@omar_desk", "@already_here", "@paul_desk"]
    assert seen["passwords"] == ["✓", "✓", "✓", "—"]
    assert seen["totps"] == ["✓", "—", "—", "—"]
    assert seen["emails"] == ["nora@example.org", "", "", ""]
    assert seen["button"] == "&Import 2 accounts"
    assert seen["before"] == [
        "Ready to import",
        "Ready to import",
        "@already_here is already in your accounts.",
        "The password is empty. An account without one (it signs in with Google or Apple) is "
        "added with “Add account” (or consentinel account add).",
    ]
    assert seen["after"] == ["Imported", "Imported", *seen["before"][2:]]  # type: ignore[index]
    assert seen["message"] == (
        "Accounts imported: 2, skipped: 2. The file holds passwords in clear: delete it (and "
        "empty the trash) now that they are in the keyring."
    )
    assert seen["deleted"] == "The file was deleted."
    assert not path.exists()
    # The preview never showed a secret.
    shown = " ".join(seen["cells"])  # type: ignore[arg-type]
    for secret in (*PASSWORDS, TOTP):
        assert secret not in shown
    # Saved as "Add account…" saves; the accounts imported are the ones selected.
    assert vault.get_password("nora_news") == PASSWORDS[0]
    assert vault.get_totp("nora_news") == TOTP
    assert vault.get_password("omar_desk") == PASSWORDS[1]
    assert vault.get_password("already_here") is None
    assert listed == ["already_here", "nora_news", "omar_desk"]
    assert sorted(selected) == ["nora_news", "omar_desk"]
    # Nothing of the secrets in the data folder (journal, accounts, logs).
    for found in consentinel_home.rglob("*"):
        if found.is_file():
            for secret in (*PASSWORDS, TOTP):
                assert secret.encode() not in found.read_bytes(), found


def test_without_a_keyring_nothing_is_imported_and_it_is_said(
    qtbot: QtBot, consentinel_home: Path, tmp_path: Path
) -> None:
    from keyring.backends import fail

    ctx = make_context(consentinel_home, vault=Vault(fail.Keyring()))
    add_account(ctx, "already_here")
    path = tmp_path / "comptes.csv"
    path.write_text(FILE_TEXT, encoding="utf-8")
    seen: dict[str, object] = {}

    def act(dialog: object) -> None:
        dialog.load(path)  # type: ignore[attr-defined]
        dialog.import_button.click()  # type: ignore[attr-defined]
        seen["message"] = dialog.message.text()  # type: ignore[attr-defined]
        seen["after"] = _column(dialog, 6)
        seen["can_retry"] = dialog.import_button.isEnabled()  # type: ignore[attr-defined]

    with running_app(qtbot, ctx) as app:
        _in_the_dialog(app.window, act)
    assert str(seen["message"]).startswith(
        "Secrets cannot be stored: No system keyring is available"
    )
    assert str(seen["message"]).endswith("Nothing was imported.")
    assert seen["after"][:2] == ["Ready to import", "Ready to import"]  # type: ignore[index]
    assert seen["can_retry"] is True
    assert [account.handle for account in ctx.accounts.list()] == ["already_here"]
    assert path.exists()


def test_in_french(qtbot: QtBot, consentinel_home: Path, vault: Vault, tmp_path: Path) -> None:
    ctx = make_context(consentinel_home, vault=vault)
    path = tmp_path / "comptes.csv"
    path.write_text(FILE_TEXT, encoding="utf-8")
    seen: dict[str, object] = {}

    def act(dialog: object) -> None:
        dialog.load(path)  # type: ignore[attr-defined]
        seen["title"] = dialog.windowTitle()  # type: ignore[attr-defined]
        seen["before"] = _column(dialog, 6)
        seen["button"] = dialog.import_button.text()  # type: ignore[attr-defined]
        dialog.import_button.click()  # type: ignore[attr-defined]
        seen["message"] = dialog.message.text()  # type: ignore[attr-defined]

    with running_app(qtbot, ctx, language="fr") as app:
        assert app.window.import_action.text() == "&Importer des comptes depuis un fichier…"
        _in_the_dialog(app.window, act)
    assert seen["title"] == "Importer des comptes depuis un fichier"
    assert seen["button"] == "&Importer 3 comptes"
    assert seen["before"][:3] == ["Prêt à importer"] * 3  # type: ignore[index]
    assert str(seen["before"][3]).startswith("Le mot de passe est vide.")  # type: ignore[index]
    assert str(seen["message"]).startswith("Comptes importés : 3, ignorés : 1. Le fichier contient")
