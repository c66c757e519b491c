"""The data folder deleted while the window is open (by hand, by a clean-up tool): said once,
plainly, and the app goes on with an empty one; it used to say "There is no account to check
yet" under a table still listing them, and offer to set aside a journal that was gone."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from consentinel.core.journal import Journal
from consentinel.core.journal_entries import EntryKind
from consentinel.core.status import ALL_BOXES
from tests.gui._app_support import add_account, make_context, running_app


def test_a_data_folder_deleted_while_the_window_is_open_is_said_and_begun_again(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    ctx = make_context(consentinel_home)
    for handle in ("alice", "bob"):
        add_account(ctx, handle, f"pw-{handle}")
        ctx.journal.append_account_added(handle, keep=ALL_BOXES)
    with running_app(qtbot, ctx) as app:
        window = app.window
        assert window.table.row_of("alice") is not None
        shutil.rmtree(consentinel_home)
        window.check_all()
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        said = box.text()
        assert f"The data folder {ctx.paths.data_dir} was deleted while Consentinel" in said
        assert "still in the keyring" in said
        assert window.statusBar().currentMessage() == said  # not "no account to check yet"
        box.accept()
        assert window.stack.currentWidget() is window.empty
        assert not window.empty.restore_button.isVisible()  # the journal went with the folder
        assert not app.runner.running
        # A new journal, in a new folder, that keeps what is written to it.
        window.refresh()  # said once: nothing more to do
        assert QApplication.activeModalWidget() is None
        ctx.journal.append_account_added("carol")
        again = Journal.open(ctx.paths.journal_path, evidence_dir=ctx.paths.evidence_dir)
        try:
            assert [e.handle for e in again.entries(kinds=[EntryKind.ACCOUNT_ADDED])] == ["carol"]
            assert again.verify().ok
        finally:
            again.close()


def test_the_journal_opened_after_the_folder_went_is_the_new_one(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """Not the deleted file's entries under a "journal damaged" badge, whose "Start a new
    journal…" promised to keep a file that was gone."""
    ctx = make_context(consentinel_home)
    add_account(ctx, "alice", "pw-alice")
    ctx.journal.append_account_added("alice", keep=ALL_BOXES)
    with running_app(qtbot, ctx) as app:
        shutil.rmtree(consentinel_home)
        app.window.show_journal()
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and "was deleted" in box.text()
        box.accept()
        journal = app.window.journal_window
        assert journal is not None
        qtbot.waitUntil(lambda: journal.model.rowCount() == 0 and not journal.verifying)
        assert journal.problem is None  # the new journal, checked: intact
        assert app.window.journal_problem is None


def test_a_data_folder_deleted_apart_from_the_account_list_keeps_the_accounts(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """Outside CONSENTINEL_HOME the account list lives in a folder of its own: it is not said
    gone, and the accounts stay in the window."""
    ctx = make_context(consentinel_home)
    add_account(ctx, "alice", "pw-alice")
    ctx.journal.append_account_added("alice", keep=ALL_BOXES)
    assert ctx.paths.accounts_path.parent != ctx.paths.data_dir
    with running_app(qtbot, ctx) as app:
        shutil.rmtree(ctx.paths.data_dir)
        app.window.check_all()
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        assert "Your accounts are still listed" in box.text(), box.text()
        assert "account list" not in box.text()
        box.accept()
        assert app.window.table.row_of("alice") is not None
        assert [e.kind for e in ctx.journal.entries()] == []  # a new journal
        assert ctx.paths.journal_path.exists()
