"""The data folder deleted while the window is open (by hand, by a clean-up tool): said once,
plainly, and the app goes on with an empty one; it used to say "There is no account to check
yet" under a table still listing them, and offer to set aside a journal that was gone."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from consentinel.core.context import AppContext
from consentinel.core.journal import Journal
from consentinel.core.journal_entries import EntryKind, VerifyResult
from consentinel.core.status import ALL_BOXES
from consentinel.gui.app_controller import AppController
from consentinel.gui.translations import Translators
from tests.gui._app_support import add_account, make_context, running_app
from tests.reliability.cli_support import cli_env, run_cli


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
        # Not "no account to check yet"; the box says the rest (a status line would be cut).
        assert window.statusBar().currentMessage() == "The data folder was deleted"
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
        assert app.window.journal_window is None  # shown once the box is read, not over it
        box.accept()
        journal = app.window.journal_window
        assert journal is not None
        # The new journal, checked: intact, beginning by saying why.
        qtbot.waitUntil(lambda: journal.model.rowCount() == 1 and not journal.verifying)
        assert journal.problem is None
        (first,) = ctx.journal.entries()
        assert first.kind is EntryKind.JOURNAL_RESTARTED and first.payload == {"why": "folder"}
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
        # A new journal, which knows the account still listed (for a later "Add back").
        restart, entry = ctx.journal.entries()
        assert restart.kind is EntryKind.JOURNAL_RESTARTED and restart.payload["why"] == "folder"
        assert (entry.handle, entry.payload.get("carried_over")) == ("alice", True)
        assert ctx.paths.journal_path.exists()


def test_a_data_folder_deleted_and_made_again_by_the_command_line_is_still_noticed(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """The folder's being there is not enough: a terminal command made it again, with a new
    journal, before the window looked; the window would have gone on writing to the deleted
    file, its entries lost at its close."""
    ctx = make_context(consentinel_home)
    add_account(ctx, "alice", "pw-alice")
    with running_app(qtbot, ctx) as app:
        shutil.rmtree(consentinel_home)
        # A check from the terminal (no account left to check: exit 2) makes it again.
        run_cli(cli_env(dict(os.environ), consentinel_home), "check", "--dry-run", expect=2)
        assert ctx.paths.journal_path.exists()
        app.window._tick()  # the clock's tick
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        assert f"The data folder {ctx.paths.data_dir} was deleted" in box.text()
        box.accept()
        ctx.journal.append_account_added("carol")
        assert _entries_on_disk(ctx) == [
            (EntryKind.JOURNAL_RESTARTED, None),  # (the one the terminal made was empty)
            (EntryKind.ACCOUNT_ADDED, "carol"),
        ]


@pytest.mark.parametrize(
    ("language", "title", "said"),
    [
        ("en", "The journal was deleted", "The journal {path} was deleted while Consentinel"),
        ("fr", "Le journal a été supprimé", "Le journal {path} a été supprimé pendant que"),
    ],
)
def test_a_journal_file_deleted_alone_is_said_and_a_new_one_verifies(
    qtbot: QtBot, consentinel_home: Path, language: str, title: str, said: str
) -> None:
    ctx = make_context(consentinel_home)
    add_account(ctx, "alice", "pw-alice")
    ctx.journal.append_account_added("alice", keep=ALL_BOXES)
    with running_app(qtbot, ctx, language) as app:
        window = app.window
        ctx.paths.journal_path.unlink()
        window._tick()
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        assert box.icon() is QMessageBox.Icon.Warning
        assert box.windowTitle() == title
        assert said.replace("{path}", str(ctx.paths.journal_path)) in box.text(), box.text()
        assert window.statusBar().currentMessage() == title
        box.accept()
        window.refresh()
        assert QApplication.activeModalWidget() is None  # said once
        assert window.table.row_of("alice") is not None
        # The new journal says why it begins, knows alice, and verifies: no "damaged" badge
        # from the deleted journal's head file.
        window.show_journal()
        journal = window.journal_window
        assert journal is not None
        qtbot.waitUntil(lambda: journal.model.rowCount() == 2 and not journal.verifying)
        assert journal.problem is None and window.journal_problem is None
    assert _entries_on_disk(ctx) == [
        (EntryKind.JOURNAL_RESTARTED, None),
        (EntryKind.ACCOUNT_ADDED, "alice"),
    ]


def test_a_journal_started_over_in_a_terminal_is_the_one_the_window_goes_on_with(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """`consentinel log --start-over` sets the file aside and begins another: the window,
    which had gone on writing to the file set aside, now writes to the new one."""
    ctx = make_context(consentinel_home)
    add_account(ctx, "alice", "pw-alice")
    ctx.journal.append_account_added("alice", keep=ALL_BOXES)
    with running_app(qtbot, ctx) as app:
        window = app.window
        with sqlite3.connect(ctx.paths.journal_path) as db:
            db.execute("UPDATE entries SET handle = 'mallory' WHERE kind = 'account_added'")
        db.close()
        run_cli(cli_env(dict(os.environ), consentinel_home), "log", "--start-over", expect=0)
        window._tick()
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        assert box.icon() is QMessageBox.Icon.Information
        path = ctx.paths.journal_path
        assert f"Another journal took the place of {path} while Consentinel" in box.text()
        box.accept()
        assert window.table.row_of("alice") is not None
        ctx.journal.append_account_added("carol")  # the window's next entry
    assert _entries_on_disk(ctx) == [
        (EntryKind.JOURNAL_RESTARTED, None),
        (EntryKind.ACCOUNT_ADDED, "alice"),  # entered by the command line
        (EntryKind.ACCOUNT_ADDED, "carol"),
    ]


def _entries_on_disk(ctx: AppContext) -> list[tuple[EntryKind, str | None]]:
    """What the journal file at its place holds, read afresh (it must verify)."""
    journal = Journal.open(ctx.paths.journal_path, evidence_dir=ctx.paths.evidence_dir)
    try:
        assert journal.verify().ok, journal.verify().problems
        return [(e.kind, e.handle) for e in journal.entries()]
    finally:
        journal.close()


def test_starting_a_new_journal_over_a_file_that_went_says_what_happened(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """The journal window's "Start a new journal…" (a damaged journal) clicked after its file
    was deleted, before the window's tick: nothing to set aside; it used to leave an empty file
    with no tables in its place."""
    ctx = make_context(consentinel_home)
    add_account(ctx, "alice", "pw-alice")
    ctx.journal.append_account_added("alice", keep=ALL_BOXES)
    with sqlite3.connect(ctx.paths.journal_path) as db:
        db.execute("UPDATE entries SET handle = 'mallory' WHERE kind = 'account_added'")
    db.close()
    with running_app(qtbot, ctx) as app:
        window = app.window
        window.show_journal()
        journal = window.journal_window
        assert journal is not None
        qtbot.waitUntil(lambda: journal.problem is not None)  # damaged: the button is offered
        ctx.paths.journal_path.unlink()
        assert journal.ask_start_over() is False
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        assert f"The journal {ctx.paths.journal_path} was deleted" in box.text()
        assert window.journal_window is None  # the lost journal's window closed: not over it
        box.accept()
        # Once read, a window on the new journal in its place.
        qtbot.waitUntil(lambda: window.journal_window not in (None, journal))
        fresh = window.journal_window
        assert fresh is not None and fresh.isVisible()
        qtbot.waitUntil(lambda: fresh.model.rowCount() == 2 and not fresh.verifying)
        assert fresh.problem is None and window.journal_problem is None
    assert [kind for kind, _ in _entries_on_disk(ctx)] == [
        EntryKind.JOURNAL_RESTARTED,
        EntryKind.ACCOUNT_ADDED,
    ]


def test_a_late_verdict_on_the_lost_journal_says_nothing_of_the_new_one(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """The start's check of the journal runs in a thread (seconds with a year of screenshots):
    its verdict, arriving after the window went on with a new journal, is not the new one's."""
    ctx = make_context(consentinel_home)
    ctx.journal.append_account_added("alice", keep=ALL_BOXES)
    with sqlite3.connect(ctx.paths.journal_path) as db:
        db.execute("UPDATE entries SET handle = 'mallory' WHERE kind = 'account_added'")
    db.close()
    lost = ctx.journal
    verdict = lost.verify()
    assert not verdict.ok
    with running_app(qtbot, ctx) as app:
        window = app.window
        qtbot.waitUntil(lambda: window.journal_problem is not None)  # the start's verdict
        app.check_journal()  # under way again (a language changed), on the journal about to go
        earlier = app._journal_in_check[0]
        app.check_journal()
        app._journal_checked(earlier, VerifyResult.of(1, [], []))  # an earlier check's, late
        assert window.journal_problem is not None  # not the last check's word
        last = app._journal_in_check[0]
        ctx.paths.journal_path.unlink()
        window._tick()
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        box.accept()
        assert window.journal_problem is None and ctx.journal is not lost
        app._journal_checked(last, verdict)  # as it arrives from the thread, late
        assert window.journal_problem is None


def test_a_window_brought_out_of_the_tray_says_at_once_that_its_folder_went(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """As a later launch's knock, or the tray's icon, brings it forward: not at the next tick."""
    ctx = make_context(consentinel_home)
    add_account(ctx, "alice", "pw-alice")
    ctx.journal.append_account_added("alice", keep=ALL_BOXES)
    with running_app(qtbot, ctx) as app:
        window = app.window
        qtbot.waitUntil(lambda: window.painted)
        window.hide()  # closed to the tray
        shutil.rmtree(consentinel_home)
        app.show_window()
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and "was deleted" in box.text()
        box.accept()
        assert window.isVisible() and window.stack.currentWidget() is window.empty


def test_a_window_started_in_the_tray_reads_again_when_first_opened(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """Started with the session, in the tray (never shown): what it read at the login is
    not what it shows when opened hours later."""
    ctx = make_context(consentinel_home)
    add_account(ctx, "alice", "pw-alice")
    controller = AppController(ctx, Translators(), use_tray=False)
    controller.on_quit = lambda: None
    qtbot.addWidget(controller.window)
    try:
        window = controller.window
        assert not window.isVisible() and not window.painted
        add_account(ctx, "bob", "pw-bob")  # (a terminal's `account add` meanwhile)
        shutil.rmtree(ctx.paths.data_dir)
        controller.show_window()
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and "was deleted" in box.text()
        box.accept()
        assert window.table.row_of("bob") is not None
    finally:
        controller.shutdown()
