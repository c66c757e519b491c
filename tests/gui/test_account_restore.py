"""The window's first screen, after the account list was lost: it offers to add back the
accounts the journal knows, and does (real files, a real journal, real widgets offscreen)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from consentinel.core.journal_entries import EntryKind
from consentinel.core.status import ALL_BOXES
from tests.gui._app_support import add_account, make_context, running_app


@pytest.mark.parametrize(
    ("language", "button", "message"),
    [
        ("en", "Add &back 2 accounts", "Added back from the journal: @alice, @bob."),
        (
            "fr",
            "&Rajouter 2\u00a0comptes",
            "Remis dans la liste d'après le journal\u00a0: @alice, @bob.",
        ),
    ],
)
def test_a_lost_account_list_is_offered_back_and_comes_back(
    qtbot: QtBot, consentinel_home: Path, language: str, button: str, message: str
) -> None:
    ctx = make_context(consentinel_home)
    for handle in ("alice", "bob", "carol"):
        add_account(ctx, handle, f"pw-{handle}")
        ctx.journal.append_account_added(handle, keep=ALL_BOXES)
    ctx.accounts.remove("carol")
    ctx.journal.append_account_removed("carol")
    ctx.paths.accounts_path.unlink()  # lost: deleted by a clean-up tool

    with running_app(qtbot, ctx, language) as app:
        window = app.window
        offer = window.empty.restore_button
        assert window.stack.currentWidget() is window.empty
        assert offer.isVisible() and offer.text() == button
        assert "@alice, @bob" in offer.toolTip() and "carol" not in offer.toolTip()
        qtbot.mouseClick(offer, Qt.MouseButton.LeftButton)
        assert [a.handle for a in ctx.accounts.list()] == ["alice", "bob"]
        assert window.stack.currentWidget() is not window.empty
        assert {window.table.row_of(h) is not None for h in ("alice", "bob")} == {True}
        assert window.statusBar().currentMessage().startswith(message)
        assert ctx.vault.get_password("bob") == "pw-bob"  # its secrets were never removed
        added = ctx.journal.entries(kinds=[EntryKind.ACCOUNT_ADDED])[-2:]
        every = [box.value for box in ALL_BOXES]
        assert [(e.handle, e.payload) for e in added] == [
            ("alice", {"added_back": True, "keep": every}),
            ("bob", {"added_back": True, "keep": every}),
        ]
        assert {a.keep for a in ctx.accounts.list()} == {frozenset(ALL_BOXES)}


def test_no_offer_on_a_first_run_or_once_every_account_is_listed(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    ctx = make_context(consentinel_home)
    with running_app(qtbot, ctx) as app:
        assert not app.window.empty.restore_button.isVisible()
        assert app.window.empty.add_button.isDefault()


def test_accounts_whose_boxes_the_journal_does_not_hold_are_named_after_adding_back(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """Added by an older Consentinel: they come back keeping every box off, and the person is
    told which, before a check acts on boxes they may have chosen to leave on."""
    ctx = make_context(consentinel_home)
    add_account(ctx, "old_olga", "pw-olga")
    ctx.journal.append(EntryKind.ACCOUNT_ADDED, "old_olga", {})
    ctx.paths.accounts_path.unlink()
    told: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        told.append(box.text())
        box.accept()

    with running_app(qtbot, ctx) as app:
        QTimer.singleShot(0, read_and_close)
        qtbot.mouseClick(app.window.empty.restore_button, Qt.MouseButton.LeftButton)
        assert told and "@old_olga" in told[0] and "keep every box off" in told[0], told
        assert [a.handle for a in ctx.accounts.list()] == ["old_olga"]
