"""The accounts table with many accounts: a refresh (at every step of a check) measures each
cell a few times, not once for every cell of the table, and still sizes columns to contents."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from consentinel.core.steps import Step
from consentinel.gui.account_rows import rows_for
from consentinel.gui.accounts_table import CELL_PADDING, STATUS_COLUMN, AccountsTable
from consentinel.gui.dialog_words import all_status_texts
from consentinel.gui.status_colors import GREY, dot_icon
from tests.gui._app_support import add_account, make_context


class _CountingDelegate(QStyledItemDelegate):
    """Counts how often the view asks a cell's size (once per cell per measure of a column)."""

    asked = 0

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        self.asked += 1
        return super().sizeHint(option, index)


def test_a_refresh_of_many_rows_measures_each_cell_a_few_times(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    ctx = make_context(consentinel_home)
    for i in range(40):
        add_account(ctx, f"account{i:02d}")
    table = AccountsTable()
    qtbot.addWidget(table)
    delegate = _CountingDelegate(table)
    table.setItemDelegate(delegate)
    table.resize(900, 600)
    now = datetime.now(timezone.utc)
    # As at start-up: filled, then shown. Each cell is measured once, not again at each of the
    # layout passes before the first frame (a header sizing columns to their contents did so
    # ten times over: 601 sizes for 300 cells with a year of use).
    table.set_rows(rows_for(ctx), None, now)
    table.show()
    qtbot.waitExposed(table)
    QApplication.processEvents()
    cells = table.rowCount() * table.columnCount()
    assert 0 < delegate.asked <= cells, f"{delegate.asked} sizes asked for {cells} cells"
    table.selectRow(7)

    delegate.asked = 0
    table.set_rows(rows_for(ctx), None, now)  # what each step of a check does
    QApplication.processEvents()
    # Replacing the items of a column sized to its contents measured the whole column again
    # for each item: 40 rows asked 67 200 sizes. Once per column after the fill: one per cell.
    assert 0 < delegate.asked <= cells, f"{delegate.asked} sizes asked for {cells} cells"
    assert table.selected_handles() == ["account07"]

    # Columns are still sized to their contents: a longer handle widens the first one.
    width = table.columnWidth(0)
    add_account(ctx, "a_long_handle_x")
    table.set_rows(rows_for(ctx), None, now)
    QApplication.processEvents()
    assert table.columnWidth(0) > width


@pytest.mark.parametrize("points", [None, 13, 17])
def test_the_status_column_keeps_its_width_through_a_check_and_cells_have_room(
    qtbot: QtBot, consentinel_home: Path, points: int | None
) -> None:
    """At the desktop's font size and larger ones (a person who reads better so)."""
    ctx = make_context(consentinel_home)
    add_account(ctx, "alice")
    table = AccountsTable()
    if points is not None:
        font = table.font()
        font.setPointSize(points)
        table.setFont(font)
    qtbot.addWidget(table)
    table.show()
    now = datetime.now(timezone.utc)
    widths = set()
    for step in (None, Step.QUEUED, Step.SIGNING_IN, Step.VERIFYING):
        table.set_rows(rows_for(ctx, steps={"alice": step} if step else None), None, now)
        widths.add(table.columnWidth(STATUS_COLUMN))
    assert len(widths) == 1, widths  # it did not jump at each step
    # Every status word fits with its dot, with room to spare before the next column: as wide
    # as the table's own delegate makes a cell of the widest one, and the room.
    metrics = table.fontMetrics()
    texts = [*all_status_texts(), "Signed in, not checked yet"]
    widest = QStandardItem(max(texts, key=metrics.horizontalAdvance))
    widest.setIcon(dot_icon(GREY))
    holder = QStandardItemModel(1, 1)
    holder.setItem(0, 0, widest)
    option = QStyleOptionViewItem()
    table.initViewItemOption(option)
    needed = table.itemDelegate().sizeHint(option, holder.index(0, 0)).width()
    assert widths.pop() >= needed + CELL_PADDING
    handle_width = metrics.horizontalAdvance("@alice")
    assert table.columnWidth(0) >= handle_width + CELL_PADDING


def test_a_box_x_holds_on_but_does_not_show_is_said_in_its_cell(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    from consentinel.core.events import AccountResult, BoxChange
    from consentinel.core.status import Box, Status

    ctx = make_context(consentinel_home)
    add_account(ctx, "bea", "pw")
    add_account(ctx, "ben", "pw")
    run = ctx.journal.start_run("manual")
    off = {Box.TRAINING: BoxChange(True, False), Box.PERSONALIZATION: BoxChange(True, False)}
    ctx.journal.record_check(
        run, AccountResult("bea", Status.FIXED, settings=off, hidden_on=(Box.MEMORY,))
    )
    ctx.journal.record_check(run, AccountResult("ben", Status.FIXED, settings=off))
    ctx.journal.finish_run(run)
    table = AccountsTable()
    qtbot.addWidget(table)
    table.set_rows(rows_for(ctx), None, datetime.now(timezone.utc))
    memory = 2 + list(Box).index(Box.MEMORY)
    bea, ben = (table.item(table.row_of(h) or 0, memory) for h in ("bea", "ben"))
    # In words too, not only in the dot's colour.
    assert (bea.text(), ben.text()) == ("On, hidden by X", "Not shown")
    assert "cannot be switched off for now" in bea.toolTip()
    assert "does not show this box to this account" in ben.toolTip()
    # Both with a dot (orange, grey), so their words line up under the column's title.
    assert not bea.icon().isNull() and not ben.icon().isNull()
    assert bea.icon().cacheKey() != ben.icon().cacheKey()


def test_states_are_said_in_words_and_reachable_from_the_keyboard(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """A box left on by choice says so (not only a grey dot); why a check ended as it did is
    in the status cell's accessible description, not only in its tooltip; Tab leaves the
    table instead of walking its rows."""
    from consentinel.core.accounts import Account
    from consentinel.core.events import AccountResult, BoxChange
    from consentinel.core.status import Box, Reason, Status

    ctx = make_context(consentinel_home)
    ctx.accounts.add(Account("kim", keep=frozenset({Box.TRAINING})))  # leaves memory as it is
    add_account(ctx, "lou", "pw")
    run = ctx.journal.start_run("manual")
    kept = {Box.TRAINING: BoxChange(False, False), Box.MEMORY: BoxChange(True, True)}
    ctx.journal.record_check(run, AccountResult("kim", Status.OPTED_OUT, settings=kept))
    ctx.journal.record_check(run, AccountResult("lou", Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD))
    ctx.journal.finish_run(run)
    table = AccountsTable()
    qtbot.addWidget(table)
    table.set_rows(rows_for(ctx), None, datetime.now(timezone.utc))
    memory = 2 + list(Box).index(Box.MEMORY)
    assert table.item(table.row_of("kim") or 0, memory).text() == "On (kept)"
    status = table.item(table.row_of("lou") or 0, 1)
    assert status.toolTip()
    assert status.data(Qt.ItemDataRole.AccessibleDescriptionRole) == status.toolTip()
    table.setCurrentCell(table.row_of("lou") or 0, 0)
    assert table.current_status_hint() == status.toolTip()
    assert not table.tabKeyNavigation()


def test_next_check_is_not_promised_where_the_schedule_cannot_sign_in(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """ "Next check: in 24 hours" is no promise for an account a scheduled check will not sign
    in to: a rejected password, a step only the person can take, X's refusal still holding.
    The sign-in rules (remember_outcome) set each state as a real check does."""
    from datetime import timedelta

    from consentinel.core.events import AccountResult
    from consentinel.core.signin_rules import remember_outcome, status_for
    from consentinel.core.status import Reason, Status

    ctx = make_context(consentinel_home)
    run = ctx.journal.start_run("scheduled")
    stops = {
        "lou": Reason.WRONG_PASSWORD,
        "tom": Reason.TWO_FACTOR,
        "ray": Reason.REFUSED,
        "kim": Reason.LOCKED,  # held until seen unlocked, whatever the time
        "cat": Reason.SESSION_EXPIRED,  # nothing held: the next check signs in again
    }
    for handle, reason in stops.items():
        add_account(ctx, handle, "pw")
        remember_outcome(ctx.accounts, handle, reason, True, 24.0, unattended=True)
        ctx.journal.record_check(run, AccountResult(handle, status_for(reason), reason))
    add_account(ctx, "ok", "pw")
    ctx.journal.record_check(run, AccountResult("ok", Status.OPTED_OUT))
    ctx.journal.finish_run(run)

    table = AccountsTable()
    qtbot.addWidget(table)
    now = datetime.now(timezone.utc)
    table.set_rows(rows_for(ctx), now + timedelta(hours=6), now)
    due_column = table.columnCount() - 1

    def due(handle: str) -> str:
        return table.item(table.row_of(handle) or 0, due_column).text()

    assert due("ok") == due("cat") == "In 6 hours"
    assert due("lou") == "After a new password"
    assert due("tom") == "After you sign in"
    assert due("ray").startswith("Not before ")  # the end of the 24-hour back-off
    tip = table.item(table.row_of("lou") or 0, due_column).toolTip()
    assert "“Edit account…”" in tip
    # A scheduled check after the back-off has ended signs in again.
    table.set_rows(rows_for(ctx), now + timedelta(hours=30), now)
    assert due("ray") == "In 30 hours"
    assert due("lou") == "After a new password"
    # X's lock: no time is promised, even once its back-off has ended.
    later = now + timedelta(days=3)
    table.set_rows(rows_for(ctx), later + timedelta(hours=1), later)
    assert due("kim") == "After you unlock it on X"
    assert "x.com" in table.item(table.row_of("kim") or 0, due_column).toolTip()
    kim_status = table.item(table.row_of("kim") or 0, 1).toolTip()
    assert "Not before" not in kim_status and "No automatic sign-in before" not in kim_status


def test_a_back_off_begun_while_the_clock_was_ahead_promises_no_far_away_time(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """X refused a sign-in while the computer's clock was a year ahead: its back-off's end
    was written a year away. No back-off lasts more than a week, so the row says the next
    scheduled check, not "Not before" a date a year away; X's lock still says to unlock it."""
    from datetime import timedelta

    from consentinel.core.events import AccountResult
    from consentinel.core.signin_rules import status_for
    from consentinel.core.status import Reason

    ctx = make_context(consentinel_home)
    now = datetime.now(timezone.utc)
    run = ctx.journal.start_run("scheduled")
    for handle, reason in (("ray", Reason.REFUSED), ("kim", Reason.LOCKED)):
        add_account(ctx, handle, "pw")
        ctx.accounts.block(handle, reason, hours=24, now=now + timedelta(days=365))
        ctx.journal.record_check(run, AccountResult(handle, status_for(reason), reason))
    ctx.journal.finish_run(run)
    table = AccountsTable()
    qtbot.addWidget(table)
    table.set_rows(rows_for(ctx), now + timedelta(hours=6), now)
    due_column = table.columnCount() - 1
    ray, kim = (table.row_of(handle) or 0 for handle in ("ray", "kim"))
    assert table.item(ray, due_column).text() == "In 6 hours"
    assert "Not before" not in table.item(ray, STATUS_COLUMN).toolTip()
    assert table.item(kim, due_column).text() == "After you unlock it on X"


def test_x_asking_to_slow_down_is_said_as_a_wait_not_as_an_error(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """A 429 from X is X's doing and Consentinel waits as asked: the row says so in its own
    words and in the grey of a wait, not as a red "Error"; its tooltip says until when."""
    from consentinel.core.events import AccountResult
    from consentinel.core.status import Reason, Status
    from consentinel.gui.status_colors import GREY, RED, dot_icon

    ctx = make_context(consentinel_home)
    add_account(ctx, "rita", "pw")
    add_account(ctx, "erin", "pw")
    ctx.accounts.block("rita", Reason.RATE_LIMITED, hours=1)
    run = ctx.journal.start_run("scheduled")
    ctx.journal.record_check(run, AccountResult("rita", Status.ERROR, Reason.RATE_LIMITED))
    ctx.journal.record_check(run, AccountResult("erin", Status.ERROR, Reason.NETWORK))
    ctx.journal.finish_run(run)
    table = AccountsTable()
    qtbot.addWidget(table)
    table.set_rows(rows_for(ctx), None, datetime.now(timezone.utc))
    rita, erin = (table.item(table.row_of(h) or 0, STATUS_COLUMN) for h in ("rita", "erin"))
    assert (rita.text(), erin.text()) == ("Slowed down by X", "X unreachable")
    assert rita.icon().cacheKey() == dot_icon(GREY).cacheKey()
    # X not reached is no refusal either: grey too, not the red of "Password refused".
    assert erin.icon().cacheKey() == dot_icon(GREY).cacheKey() != dot_icon(RED).cacheKey()
    assert rita.toolTip().startswith("X asked to slow down: Consentinel sends no request")
    assert "Slowed down by X" in all_status_texts()  # the column is wide enough for it


def test_a_check_the_person_cancelled_is_grey_not_the_red_of_an_error(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """Cancelled after it unticked a box: the row says Cancelled in the grey of a stop the
    person chose; the box X still holds on is orange in its own cell."""
    from consentinel.core.events import AccountResult, BoxChange
    from consentinel.core.status import Box, Reason, Status
    from consentinel.gui.status_colors import GREY, ORANGE, dot_icon

    ctx = make_context(consentinel_home)
    add_account(ctx, "cara", "pw")
    run = ctx.journal.start_run("manual")
    boxes = {
        Box.TRAINING: BoxChange(True, False),
        Box.PERSONALIZATION: BoxChange(True, True),
    }
    result = AccountResult("cara", Status.ERROR, Reason.CANCELLED, settings=boxes)
    ctx.journal.record_check(run, result)
    ctx.journal.finish_run(run, cancelled=True)
    table = AccountsTable()
    qtbot.addWidget(table)
    table.set_rows(rows_for(ctx), None, datetime.now(timezone.utc))
    status = table.item(0, STATUS_COLUMN)
    assert status.text() == "Cancelled"
    assert status.icon().cacheKey() == dot_icon(GREY).cacheKey()
    personalization = table.item(0, STATUS_COLUMN + 2)
    assert personalization.text() == "On"
    assert personalization.icon().cacheKey() == dot_icon(ORANGE).cacheKey()


def test_a_check_written_in_another_language_still_says_why_in_the_window_s(
    qtbot: QtBot, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Checks run in French (the schedule's language), read in an English window: each row's
    sentence is made again in English from what the journal holds, not left blank."""
    from consentinel.core.check_messages import reason_message, success_message
    from consentinel.core.events import AccountResult, BoxChange
    from consentinel.core.status import Box, Reason, Status

    ctx = make_context(consentinel_home)
    for handle in ("pat", "flo", "fay", "dry"):
        add_account(ctx, handle, "pw")
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    run = ctx.journal.start_run("schedule")
    fixed = {Box.TRAINING: BoxChange(True, False), Box.MEMORY: BoxChange(True, False)}
    results = [
        AccountResult("pat", Status.ERROR, Reason.PAGE_CHANGED),
        AccountResult("flo", Status.FIXED, settings=fixed, reverted_by_x=(Box.TRAINING,)),
        AccountResult("fay", Status.OPTED_OUT, settings={Box.TRAINING: BoxChange(False, False)}),
        AccountResult("dry", Status.WOULD_FIX, settings={Box.MEMORY: BoxChange(True, True)}),
    ]
    french = {
        "pat": reason_message(Reason.PAGE_CHANGED, "pat", "pas de conteneur"),
        "flo": success_message(Status.FIXED, [Box.TRAINING, Box.MEMORY], [], (Box.TRAINING,)),
        "fay": success_message(Status.OPTED_OUT, [], []),
        "dry": success_message(Status.WOULD_FIX, [], [Box.MEMORY]),
    }
    for result in results:
        ctx.journal.record_check(run, replace(result, message=french[result.handle]))
    ctx.journal.finish_run(run)
    monkeypatch.setenv("CONSENTINEL_LANG", "en")
    table = AccountsTable()
    qtbot.addWidget(table)
    table.set_rows(rows_for(ctx), None, datetime.now(timezone.utc))

    def hint(handle: str) -> str:
        return table.item(table.row_of(handle) or 0, STATUS_COLUMN).toolTip()

    said = "X's page is not what Consentinel knows, so nothing was clicked."
    assert hint("pat").startswith(said + " Consentinel could not check"), hint("pat")
    assert hint("flo") == (
        "X had switched Training back on. Both unticked and read back off: Training, Memory."
    )
    assert hint("fay") == "Every box you chose is off."
    assert hint("dry") == "Would untick: Memory."


@pytest.mark.parametrize(
    ("language", "words"), [("en", "Password refused"), ("fr", "Mot de passe refusé")]
)
def test_a_password_x_refused_is_said_as_such_not_as_a_failed_sign_in(
    qtbot: QtBot, consentinel_home: Path, language: str, words: str
) -> None:
    """ "Sign-in failed" said nothing of what to do; a refused password is what the row says.
    Other sign-in failures keep their words, and the journal does not say the reason twice."""
    from consentinel.core.events import AccountResult
    from consentinel.core.journal_entries import EntryKind
    from consentinel.core.status import Reason, Status
    from consentinel.gui.journal_model import check_words
    from consentinel.gui.translations import Translators

    ctx = make_context(consentinel_home)
    add_account(ctx, "claire_ong", "typo")
    add_account(ctx, "nobody_here", "pw")
    run = ctx.journal.start_run("gui")
    refused = AccountResult("claire_ong", Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD)
    ctx.journal.record_check(run, refused)
    unknown = AccountResult("nobody_here", Status.SIGNIN_FAILED, Reason.UNKNOWN_ACCOUNT)
    ctx.journal.record_check(run, unknown)
    ctx.journal.finish_run(run)
    translators = Translators()
    translators.switch(language)
    try:
        table = AccountsTable()
        qtbot.addWidget(table)
        table.set_rows(rows_for(ctx), None, datetime.now(timezone.utc))
        assert table.status_text("claire_ong") == words
        assert (
            table.status_text("nobody_here")
            == {
                "en": "Sign-in failed",
                "fr": "Échec de la connexion",
            }[language]
        )
        assert words in all_status_texts()  # the column is wide enough for it
        (entry,) = ctx.journal.entries(handle="claire_ong", kinds=[EntryKind.CHECK])
        assert check_words(entry.payload) == words
    finally:
        translators.switch("en")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_last_check_written_while_the_clock_was_ahead_is_never_said_as_to_come(
    qtbot: QtBot, language: str
) -> None:
    """A check ran while the clock was ahead (a dual-boot computer's clock kept in local time,
    then set right): its "Last check" lies in the future, and read "In 2 hours". A few
    minutes ahead is "Just now"; further, the date and time written; a past one as before."""
    from datetime import timedelta

    from consentinel.core.accounts import Account, AccountState
    from consentinel.core.status import Status
    from consentinel.gui.account_rows import AccountRow
    from consentinel.gui.time_words import local_text
    from consentinel.gui.translations import Translators

    now = datetime.now(timezone.utc)
    last_checked = {
        "ahead": now + timedelta(hours=2),
        "skewed": now + timedelta(minutes=2),
        "past": now - timedelta(hours=3),
    }
    translators = Translators()
    translators.switch(language)
    try:
        table = AccountsTable()
        qtbot.addWidget(table)
        rows = [
            AccountRow(Account(handle), AccountState(), Status.FIXED, last_checked=when)
            for handle, when in last_checked.items()
        ]
        table.set_rows(rows, None, now)
        column = table.columnCount() - 2  # "Last check", before "Next check"
        said = {h: table.item(table.row_of(h) or 0, column).text() for h in last_checked}
        ahead_text = local_text(last_checked["ahead"])
    finally:
        translators.switch("en")
    words = {
        "en": {"skewed": "Just now", "past": "3 hours ago"},
        "fr": {"skewed": "À l'instant", "past": "Il y a 3 heures"},
    }[language]
    assert said == {"ahead": ahead_text, **words}, said
