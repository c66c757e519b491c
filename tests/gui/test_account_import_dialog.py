"""Accounts › Import accounts from a file…, from the main window, on the real Secret Service:
the file's rows shown first ("✓" where a secret is given, never the secret), the valid ones
imported in a thread (each row's status shown as it is done, the dialog kept open meanwhile,
"Stop after this row" instead of closing; their secrets in the keyring, their accounts listed
and then selected in the window), the others said why; how many were, and the file offered
for deletion only when no row was skipped (a skipped row's password is in that file only); a
link deleted is the file it points to. No keyring: said, nothing imported. In French too.
(That the dialog loads only once the action is used: tests/gui/test_startup.py, whose probe
lists its modules.)"""

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


def _imported(qtbot: QtBot, dialog: object) -> None:
    """The import button clicked: the import runs in its thread (no row's status changed
    before the window's loop runs again, the dialog busy and its Close a "Stop"), then ends."""
    before = _column(dialog, 6)
    dialog.import_button.click()  # type: ignore[attr-defined]
    assert dialog.importing  # type: ignore[attr-defined]
    assert _column(dialog, 6) == before
    assert dialog.close_button.text() == "Stop after this row"  # type: ignore[attr-defined]
    assert not dialog.choose_button.isEnabled()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not dialog.importing, timeout=60_000)  # type: ignore[attr-defined]


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
        _imported(qtbot, dialog)
        seen["after"] = _column(dialog, 6)
        seen["message"] = dialog.message.text()
        # (paul_desk's row was skipped: its password is in that file only)
        seen["can_delete"] = dialog.delete_button.isVisible()
        seen["close"] = dialog.close_button.text()

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
        "Accounts imported: 2, skipped: 2. Keep the file for now: the passwords of the rows "
        "skipped are only in it. Correct those rows and import the file again (the accounts "
        "imported already are then skipped as already in your accounts, and left as they "
        "are); then delete it (and empty the trash)."
    )
    assert seen["can_delete"] is False
    assert seen["close"] == "Close"
    assert path.exists()
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
        _imported(qtbot, dialog)
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
        seen["stop"] = dialog.close_button.text()  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: not dialog.importing, timeout=60_000)  # type: ignore[attr-defined]
        seen["message"] = dialog.message.text()  # type: ignore[attr-defined]
        seen["after"] = _column(dialog, 6)
        # A file that cannot be imported next: the button no longer says the last one's
        # count; a file with no row to import: "Importer", not "Importer 0 comptes".
        dialog.load(tmp_path / "absent.csv")  # type: ignore[attr-defined]
        seen["failed"] = dialog.message.text()  # type: ignore[attr-defined]
        seen["failed_button"] = (
            dialog.import_button.text(),  # type: ignore[attr-defined]
            dialog.import_button.isEnabled(),  # type: ignore[attr-defined]
        )
        dialog.load(path)  # type: ignore[attr-defined]
        seen["none_button"] = (
            dialog.import_button.text(),  # type: ignore[attr-defined]
            dialog.import_button.isEnabled(),  # type: ignore[attr-defined]
        )

    with running_app(qtbot, ctx, language="fr") as app:
        assert app.window.import_action.text() == "&Importer des comptes depuis un fichier…"
        _in_the_dialog(app.window, act)
    assert seen["title"] == "Importer des comptes depuis un fichier"
    assert seen["button"] == "&Importer 3 comptes"
    assert seen["before"][:3] == ["Prêt à importer"] * 3  # type: ignore[index]
    assert str(seen["before"][3]).startswith("Le mot de passe est vide.")  # type: ignore[index]
    assert seen["stop"] == "Arrêter après cette ligne"
    assert str(seen["message"]).startswith(
        "Comptes importés\u00a0: 3, ignorés\u00a0: 1. Gardez le fichier pour l'instant\u00a0:"
    )
    assert seen["after"][:3] == ["Importé"] * 3  # type: ignore[index]
    absent = tmp_path / "absent.csv"
    assert seen["failed"] == f"{absent} n'a pas pu être lu\u00a0: ce fichier n'existe pas"
    assert seen["failed_button"] == ("&Importer", False)
    assert seen["none_button"] == ("&Importer", False)


def test_a_file_all_imported_is_offered_for_deletion_and_a_link_deletes_its_file(
    qtbot: QtBot, consentinel_home: Path, vault: Vault, tmp_path: Path
) -> None:
    """Every row imported: "delete it", and the button. The file chosen through a link: the
    file itself is deleted (the passwords are in it, not in the link), the link too, and the
    message names the file. A file gone meanwhile is not said deleted."""
    ctx = make_context(consentinel_home, vault=vault)
    real = tmp_path / "kept" / "accounts.csv"
    real.parent.mkdir()
    real.write_text(f"handle,password\nnora_news,{PASSWORDS[0]}\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    second = tmp_path / "second.csv"
    second.write_text(f"handle,password\nomar_desk,{PASSWORDS[1]}\n", encoding="utf-8")
    seen: dict[str, object] = {}

    def act(dialog: object) -> None:
        dialog.load(link)  # type: ignore[attr-defined]
        _imported(qtbot, dialog)
        seen["message"] = dialog.message.text()  # type: ignore[attr-defined]
        seen["can_delete"] = dialog.delete_button.isVisible()  # type: ignore[attr-defined]
        dialog.delete_button.click()  # type: ignore[attr-defined]
        seen["deleted"] = dialog.message.text()  # type: ignore[attr-defined]
        dialog.load(second)  # type: ignore[attr-defined]
        _imported(qtbot, dialog)
        second.unlink()  # (deleted meanwhile, by the person in their file manager)
        dialog.delete_button.click()  # type: ignore[attr-defined]
        seen["gone"] = dialog.message.text()  # type: ignore[attr-defined]
        seen["gone_button"] = dialog.delete_button.isVisible()  # type: ignore[attr-defined]

    with running_app(qtbot, ctx) as app:
        _in_the_dialog(app.window, act)
    assert seen["message"] == (
        "Accounts imported: 1, skipped: 0. The file holds passwords in clear: delete it (and "
        "empty the trash) now that they are in the keyring."
    )
    assert seen["can_delete"] is True
    assert not real.exists()
    assert not link.is_symlink()
    assert seen["deleted"] == f"The file {real} was deleted, and the link to it."
    assert seen["gone"] == (
        "The file is not there any more: it was deleted or moved already. If it was moved, "
        "delete it where it is now."
    )
    assert seen["gone_button"] is False
    assert vault.get_password("nora_news") == PASSWORDS[0]


def test_closing_during_an_import_stops_it_after_the_row_under_way(
    qtbot: QtBot, consentinel_home: Path, vault: Vault, tmp_path: Path
) -> None:
    """Escape (or the window's ×) while importing: the dialog stays, the import stops after
    its row, the rows left say so; the file is kept (their passwords are only there). Then
    it closes."""
    ctx = make_context(consentinel_home, vault=vault)
    path = tmp_path / "many.csv"
    path.write_text(
        "handle,password\n" + "".join(f"user_{n:02},Pw-{n:02}-{TOTP}\n" for n in range(30)),
        encoding="utf-8",
    )
    seen: dict[str, object] = {}

    def act(dialog: object) -> None:
        dialog.load(path)  # type: ignore[attr-defined]
        dialog.import_button.click()  # type: ignore[attr-defined]
        dialog.reject()  # type: ignore[attr-defined]
        seen["open"] = dialog.isVisible()  # type: ignore[attr-defined]
        seen["stopping"] = dialog.message.text()  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: not dialog.importing, timeout=60_000)  # type: ignore[attr-defined]
        seen["after"] = _column(dialog, 6)
        seen["message"] = dialog.message.text()  # type: ignore[attr-defined]
        seen["can_delete"] = dialog.delete_button.isVisible()  # type: ignore[attr-defined]
        seen["close"] = (
            dialog.close_button.text(),  # type: ignore[attr-defined]
            dialog.close_button.isEnabled(),  # type: ignore[attr-defined]
        )

    with running_app(qtbot, ctx) as app:
        _in_the_dialog(app.window, act)
        listed = [account.handle for account in ctx.accounts.list()]
    assert seen["open"] is True
    assert seen["stopping"] == "Stopping after this row…"
    after: list[str] = seen["after"]  # type: ignore[assignment]
    stopped = after.index("The import was stopped before this row.")
    assert after[:stopped] == ["Imported"] * stopped
    assert after[stopped:] == ["The import was stopped before this row."] * (30 - stopped)
    assert listed == [f"user_{n:02}" for n in range(stopped)]
    assert str(seen["message"]).startswith(
        f"Accounts imported: {stopped}, skipped: {30 - stopped}. Keep the file for now"
    )
    assert seen["can_delete"] is False
    assert seen["close"] == ("Close", True)
    assert path.exists()
