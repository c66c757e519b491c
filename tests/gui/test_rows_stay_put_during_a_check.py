"""Sorted by status, the accounts table keeps its rows where they were while a check runs (a row
whose status changes does not slide from under the pointer), sorts them again when the check
ends, and at once when the person asks for an order; the selection follows the accounts. The
tray's menu says how the last check went and shows the accounts that need the person, in the
order the person chose. Real widgets offscreen, the window fed a check's steps and results as
its runner sends them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from consentinel.core.context import AppContext
from consentinel.core.events import AccountResult, BoxChange, RunResult
from consentinel.core.status import Box, Reason, Status
from consentinel.core.steps import Step
from consentinel.gui.accounts_table import AccountsTable
from consentinel.gui.app_controller import AppController
from consentinel.gui.table_sort import COLUMN_NAMES, SortChoice
from consentinel.gui.translations import Translators
from consentinel.gui.tray import Tray
from consentinel.gui.window_memory import WindowMemory
from tests.gui._app_support import add_account, make_context, quick_engine, running_app

OFF = {Box.TRAINING: BoxChange(True, False)}


def _click_title(table: AccountsTable, column: str) -> None:
    header = table.horizontalHeader()
    section = COLUMN_NAMES.index(column)
    where = QPoint(header.sectionViewportPosition(section) + 4, header.height() // 2)
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)


def _shown(table: AccountsTable) -> list[str]:
    return [table.item(row, 0).text() for row in range(table.rowCount())]


def _checked_accounts(ctx: AppContext) -> None:
    """zed needs the person, bob's check failed, dan's sign-in failed, cat was never checked,
    amy is fine."""
    for handle in ("zed", "amy", "bob", "cat", "dan"):
        add_account(ctx, handle, "pw")
    run = ctx.journal.start_run("manual")
    for result in (
        AccountResult("zed", Status.NEEDS_USER, Reason.TWO_FACTOR),
        AccountResult("amy", Status.FIXED, settings=OFF),
        AccountResult("bob", Status.ERROR, Reason.PAGE_CHANGED),
        AccountResult("dan", Status.SIGNIN_FAILED, Reason.UNKNOWN_ACCOUNT),
    ):
        ctx.journal.record_check(run, result)
    ctx.journal.finish_run(run)


def test_rows_keep_their_places_during_a_check_and_are_sorted_at_its_end(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    ctx = make_context(consentinel_home)
    _checked_accounts(ctx)
    with running_app(qtbot, ctx) as app:
        window = app.window
        table = window.table
        qtbot.waitUntil(lambda: table.sortable)
        table.choose_sort(SortChoice("status"))
        before = ["@zed", "@bob", "@dan", "@cat", "@amy"]  # needs you first, fine last
        assert _shown(table) == before
        table.select_handles(["dan"])
        assert table.selected_handles() == ["dan"]

        # Every account queued, then zed signing in, then its check over: each status changes
        # (zed would go last, every queued one after bob and dan), no row moves.
        window._run_started(1, ("zed", "amy", "bob", "cat", "dan"))
        assert _shown(table) == before
        assert table.status_text("amy") == "Waiting for its turn…"
        window._step("zed", Step.SIGNING_IN)
        assert _shown(table) == before
        assert table.status_text("zed") == "Signing in…"
        zed = AccountResult("zed", Status.FIXED, settings=OFF)
        window._step("zed", Step.DONE)
        window._account_finished(zed)
        assert table.status_text("zed") == "Fixed"  # updated in place
        assert _shown(table) == before
        dan = AccountResult("dan", Status.OPTED_OUT)
        window._account_finished(dan)
        assert _shown(table) == before
        assert table.selected_handles() == ["dan"]  # still there, on the same row
        assert table.currentRow() == 2

        # The person asks for the order by status (the window's menu): sorted now, as the
        # statuses are; then held there again.
        table.choose_sort(SortChoice("status"))
        during = ["@amy", "@bob", "@cat", "@dan", "@zed"]  # those queued, then those off
        assert _shown(table) == during
        assert table.selected_handles() == ["dan"]
        bob = AccountResult("bob", Status.NEEDS_USER, Reason.CAPTCHA)
        window._account_finished(bob)
        assert _shown(table) == during
        # A click on a title is honoured at once too.
        _click_title(table, "account")
        assert _shown(table) == ["@amy", "@bob", "@cat", "@dan", "@zed"]
        _click_title(table, "status")
        assert _shown(table) == ["@bob", "@amy", "@cat", "@dan", "@zed"]
        assert table.selected_handles() == ["dan"]

        # The check ends: sorted by status again, the selection on the same account.
        amy = AccountResult("amy", Status.OPTED_OUT)
        cat = AccountResult("cat", Status.ERROR, Reason.PAGE_CHANGED)
        window._account_finished(amy)
        window._account_finished(cat)
        assert _shown(table) == ["@bob", "@amy", "@cat", "@dan", "@zed"]
        window._run_finished(RunResult(1, (zed, dan, bob, amy, cat)), "gui")
        assert _shown(table) == ["@bob", "@cat", "@amy", "@dan", "@zed"]
        assert table.selected_handles() == ["dan"]
        assert table.currentRow() == 3


@pytest.mark.parametrize(
    ("language", "idle", "checking", "need", "show"),
    [
        (
            "en",
            "No check since Consentinel started",
            "Checking… 1 of 3",
            "2 accounts need you",
            "&Show the accounts that need you",
        ),
        (
            "fr",
            "Aucune vérification depuis le démarrage de Consentinel",
            "Vérification… 1 sur 3",
            "2 comptes ont besoin de vous",
            "&Afficher les comptes qui ont besoin de vous",
        ),
    ],
)
def test_the_tray_menu_says_how_the_check_went_and_shows_who_needs_the_person(
    qtbot: QtBot,
    consentinel_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    idle: str,
    checking: str,
    need: str,
    show: str,
) -> None:
    monkeypatch.setattr(Tray, "available", staticmethod(lambda: True))  # (no tray offscreen)
    ctx = make_context(consentinel_home)
    ctx.settings.language = language  # (not the machine's: set again as a check ends)
    for handle in ("amy", "bob", "cat", "dan", "eve"):
        add_account(ctx, handle, "pw")
    translators = Translators()
    translators.switch(language)
    app = AppController(ctx, translators, engine_factory=quick_engine, use_tray=True)
    app.on_quit = lambda: None
    try:
        app.start()
        qtbot.addWidget(app.window)
        tray = app.tray
        assert tray is not None
        # Built when its icon shows, after the window's first frame.
        qtbot.waitUntil(lambda: bool(tray.menu.actions()))

        def lines() -> list[str]:
            return [a.text() for a in tray.menu.actions() if a.isVisible() and a.text()]

        first = tray.menu.actions()[0]
        assert first.text() == idle and not first.isEnabled()
        assert len(lines()) == 5  # (and no entry to show accounts)
        check_all = tray.menu.actions()[4]  # (after those lines and a separator)
        assert check_all.text() in ("&Check all now", "&Tout vérifier maintenant")
        assert check_all.isEnabled()

        # A check of three of them, as the runner says it: the line follows it while the
        # menu is built (some trays show it without saying it opens).
        runner = app.runner
        runner.run_started.emit(1, ("bob", "cat", "eve"))
        runner.step.emit("cat", Step.WAITING_FOR_CODE)
        bob = AccountResult("bob", Status.OPTED_OUT)
        runner.account_finished.emit(bob)
        assert first.text() == checking
        assert not check_all.isEnabled()  # (greyed without the menu being rebuilt)
        assert lines()[1] == (
            "Waiting for your code for @cat"
            if language == "en"
            else "En attente de votre code pour @cat"
        )
        cat = AccountResult("cat", Status.NEEDS_USER, Reason.TWO_FACTOR)
        eve = AccountResult("eve", Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD)
        runner.account_finished.emit(cat)
        runner.account_finished.emit(eve)
        runner.run_finished.emit(RunResult(1, (bob, cat, eve)), "gui")
        assert check_all.isEnabled()
        tray.menu.aboutToShow.emit()  # (rebuilt as it opens: the same words)
        first = tray.menu.actions()[0]
        assert first.text() == need and not first.isEnabled()
        entry = next(a for a in tray.menu.actions() if a.text() == show)
        assert entry.isVisible() and entry.isEnabled()

        # From the tray: the window comes back, in the order the person chose (kept), those
        # two selected, the topmost current.
        window = app.window
        table = window.table
        table.choose_sort(SortChoice("account", descending=True))
        window.set_filter_text("amy")  # (hiding them: the filter is emptied)
        window.hide()
        entry.trigger()
        assert window.isVisible()
        assert table.sort == SortChoice("account", descending=True)
        assert _shown(table) == ["@eve", "@dan", "@cat", "@bob", "@amy"]
        assert table.selected_handles() == ["eve", "cat"]  # (in the rows' order)
        assert table.currentRow() == 0
        kept = WindowMemory(ctx.paths.config_dir / "window.json").accounts_sort()
        assert kept == SortChoice("account", descending=True)
    finally:
        app.shutdown()
        translators.switch("en")


def test_showing_those_that_need_the_person_keeps_the_chosen_order_and_a_filter_showing_them(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """The tray's "Show the accounts that need you" neither sorts the accounts again nor
    changes the order kept for the next start; the filter stays while it shows them, an account
    removed since being no reason to empty it; it is emptied when it hides one of them."""
    ctx = make_context(consentinel_home)
    _checked_accounts(ctx)  # zed and dan need the person
    with running_app(qtbot, ctx) as app:
        window = app.window
        table = window.table
        accounts_filter = window._filter
        assert accounts_filter is not None
        table.choose_sort(SortChoice("account"))
        window.set_filter_text("d")  # @zed, @dan
        table.select_handles(["dan"])
        window.hide()

        window.show_accounts_needing_you(["zed", "dan", "gone"])  # (@gone removed since)
        assert window.isVisible()
        assert accounts_filter.text() == "d"
        assert _shown(table) == ["@dan", "@zed"]
        assert table.selected_handles() == ["dan", "zed"]
        assert table.current_handle() == "dan" and table.currentRow() == 0
        assert table.sort == SortChoice("account")
        kept = WindowMemory(ctx.paths.config_dir / "window.json").accounts_sort()
        assert kept == SortChoice("account")

        window.set_filter_text("z")  # (hiding @dan: emptied)
        window.show_accounts_needing_you(["zed", "dan"])
        assert accounts_filter.text() == ""
        assert _shown(table) == ["@amy", "@bob", "@cat", "@dan", "@zed"]
        assert table.selected_handles() == ["dan", "zed"]
        assert table.sort == SortChoice("account")
        assert window.memory.accounts_sort() == SortChoice("account")
