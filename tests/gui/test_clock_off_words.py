"""A 2FA code X refused because this computer's clock is off X's is named by the clock wherever
the window names a check: the accounts table's status cell (from the journal, and live), the
run's summary, the journal window's details and the spreadsheet export made from them; not
"2FA code needed", which asks the person for a code nobody wants. English and French; real
widgets offscreen, a real journal."""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from consentinel.core.check_messages import reason_message
from consentinel.core.context import AppContext
from consentinel.core.events import AccountResult, NotRetried, RunResult
from consentinel.core.journal_entries import EntryKind
from consentinel.core.status import Reason, Status
from consentinel.gui.journal_window import JournalWindow
from consentinel.gui.run_summary import run_summary
from consentinel.gui.translations import Translators
from tests.gui._app_support import add_account, make_context, running_app
from tests.gui._exporting import exported

#: As the sign-in ends: this computer's clock 7 minutes behind X's (its time less X's).
DETAIL = "clock_off:-420"
NAME = {"en": "Clock to set right", "fr": "Horloge à régler"}
ASKED = {"en": "2FA code needed", "fr": "Code 2FA requis"}
CLOCK = {
    "en": "this computer's clock is 7 minutes behind X's",
    "fr": "l'horloge de cet ordinateur retarde de 7 minutes sur celle de X",
}
REFUSED = {
    "en": "X refused the 2FA code made by this computer's clock",
    "fr": "X a refusé le code 2FA fait par l'horloge de cet ordinateur",
}


def _clock_off(handle: str) -> AccountResult:
    """A check whose saved secret's code X refused, made by a clock 7 minutes behind."""
    return AccountResult(
        handle,
        Status.NEEDS_USER,
        Reason.TWO_FACTOR,
        message=reason_message(Reason.TWO_FACTOR, handle, DETAIL),
        detail_code=DETAIL,
        clock_offset_s=-420,
    )


def _journaled(ctx: AppContext) -> None:
    """cleo: the clock's refusal, then a scheduled check that waits after it; dan: a plain
    2FA code asked for."""
    for handle in ("cleo", "dan"):
        add_account(ctx, handle, "pw")
    run = ctx.journal.start_run("schedule")
    ctx.journal.record_check(run, _clock_off("cleo"))
    ctx.journal.record_check(run, AccountResult("dan", Status.NEEDS_USER, Reason.TWO_FACTOR))
    ctx.journal.finish_run(run)
    run = ctx.journal.start_run("schedule")
    waiting = dataclasses.replace(_clock_off("cleo"), not_retried=NotRetried(None))
    ctx.journal.record_check(run, waiting)
    ctx.journal.finish_run(run)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_status_column_says_the_clock_not_a_code_needed(
    qtbot: QtBot, consentinel_home: Path, tmp_path: Path, lang: str
) -> None:
    ctx = make_context(consentinel_home)
    _journaled(ctx)
    add_account(ctx, "eve", "pw")
    with running_app(qtbot, ctx, language=lang) as app:
        window = app.window
        table = window.table
        assert table.status_text("cleo") == NAME[lang]  # from the journal's last check
        assert table.status_text("dan") == ASKED[lang]
        window._account_finished(_clock_off("eve"))  # a check of this session's
        assert table.status_text("eve") == NAME[lang]
        # The row's advice says by how much, as before.
        row = table.row_of("cleo")
        assert row is not None
        assert CLOCK[lang][1:] in table.item(row, 1).toolTip()
        # The run's summary names the accounts as their rows do.
        dan = AccountResult("dan", Status.NEEDS_USER, Reason.TWO_FACTOR)
        summary = run_summary(RunResult(1, (_clock_off("eve"), dan)))
        colon = {"en": ": ", "fr": "\u00a0: "}[lang]
        assert f"@eve{colon}{NAME[lang]}" in summary and f"@dan{colon}{ASKED[lang]}" in summary
        assert window.grab().save(str(tmp_path / f"clock_off_table_{lang}.png"))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_journal_window_and_its_export_say_the_clock(
    qtbot: QtBot, consentinel_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    ctx = make_context(consentinel_home)
    _journaled(ctx)
    # The core's words in the window's language, as the app has them (the export's thread too).
    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    translators = Translators()
    translators.switch(lang)
    try:
        window = JournalWindow(ctx)
        qtbot.addWidget(window)
        window.kind_filter.setCurrentIndex(window.kind_filter.findData(EntryKind.CHECK.value))
        model = window.model
        shown = {
            model.entry_at(r).id: str(model.data(model.index(r, model.DETAILS)))
            for r in range(model.rowCount())
        }
        refused, asked, waiting = sorted(e.id for e in ctx.journal.entries(kinds=[EntryKind.CHECK]))
        assert shown[refused] == f"{NAME[lang]} ({CLOCK[lang]})", shown
        assert shown[asked] == ASKED[lang], shown
        assert shown[waiting].startswith(f"{NAME[lang]} ("), shown
        assert REFUSED[lang] in shown[waiting], shown
        # The spreadsheet's columns say it as the window does.
        window.csv_delimiter = ","
        assert exported(qtbot, window, tmp_path / "journal.csv", "csv") == 3
        rows = list(csv.reader((tmp_path / "journal.csv").read_text("utf-8-sig").splitlines()))
        assert sorted(row[3] for row in rows[1:]) == sorted(shown.values())
        window.resize(1100, 600)
        assert window.grab().save(str(tmp_path / f"clock_off_journal_{lang}.png"))
    finally:
        translators.switch("en")


def _signed_in_and_checked(ctx: AppContext) -> None:
    """As a run journals them: cleo's sign-in X refused the clock's code at, then its check,
    and a scheduled check that waits after it; dan's sign-in and check stopped at a 2FA code
    asked for."""
    for handle in ("cleo", "dan"):
        add_account(ctx, handle, "pw")
    journal = ctx.journal
    run = journal.start_run("schedule")
    journal.record_signin(run, "cleo", Status.NEEDS_USER, Reason.TWO_FACTOR, detail=DETAIL)
    journal.record_check(run, _clock_off("cleo"))
    journal.record_signin(run, "dan", Status.NEEDS_USER, Reason.TWO_FACTOR)
    journal.record_check(run, AccountResult("dan", Status.NEEDS_USER, Reason.TWO_FACTOR))
    journal.finish_run(run)
    run = journal.start_run("schedule")
    journal.record_check(run, dataclasses.replace(_clock_off("cleo"), not_retried=NotRetried(None)))
    journal.finish_run(run)


def _journal_window(qtbot: QtBot, ctx: AppContext) -> JournalWindow:
    window = JournalWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1100, 600)
    return window


def _column(window: JournalWindow, column: int) -> list[str]:
    model = window.model
    return [str(model.data(model.index(r, column))) for r in range(model.rowCount())]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_sign_in_entry_says_the_clock_not_a_code_needed(
    qtbot: QtBot, consentinel_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """The sign-in X refused the clock's code at is said as its check is: "Clock to set right
    (this computer's clock is 7 minutes behind X's)", in the table and in the entry's pane."""
    ctx = make_context(consentinel_home)
    _signed_in_and_checked(ctx)
    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    translators = Translators()
    translators.switch(lang)
    try:
        window = _journal_window(qtbot, ctx)
        model = window.model
        said = {
            model.entry_at(r).handle: str(model.data(model.index(r, model.DETAILS)))
            for r in range(model.rowCount())
            if model.entry_at(r).kind is EntryKind.SIGNIN
        }
        assert said == {"cleo": f"{NAME[lang]} ({CLOCK[lang]})", "dan": ASKED[lang]}, said
        row = next(
            r
            for r in range(model.rowCount())
            if model.entry_at(r).kind is EntryKind.SIGNIN and model.entry_at(r).handle == "cleo"
        )
        window.select_row(row)
        assert CLOCK[lang] in window.detail_label.text(), window.detail_label.text()
        assert window.grab().save(str(tmp_path / f"clocksignin-signin-{lang}.png"))
    finally:
        translators.switch("en")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_outcome_filter_has_the_clock_apart_from_a_code_needed(
    qtbot: QtBot, consentinel_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """ "Clock to set right" is an outcome of its own, listed after "2FA code needed": it shows
    the checks whose code X refused for the clock (and those that wait after it), which "2FA
    code needed" no longer lists; "Needs you" covers both, and its tooltip says so."""
    from consentinel.core.clock_offset import CLOCK_OFF

    ctx = make_context(consentinel_home)
    _signed_in_and_checked(ctx)
    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    translators = Translators()
    translators.switch(lang)
    try:
        window = _journal_window(qtbot, ctx)
        combo = window.outcome_filter
        names = [combo.itemText(i) for i in range(combo.count())]
        assert names[names.index(ASKED[lang]) + 1] == NAME[lang], names
        needs_you = combo.itemData(
            combo.findData(Status.NEEDS_USER.value), Qt.ItemDataRole.ToolTipRole
        )
        assert NAME[lang] in str(needs_you), needs_you

        combo.setCurrentIndex(combo.findData(CLOCK_OFF))
        assert _column(window, window.model.ACCOUNT) == ["@cleo", "@cleo"]
        details = _column(window, window.model.DETAILS)
        assert all(d.startswith(f"{NAME[lang]} (") for d in details), details
        window.select_row(0)
        assert window.grab().save(str(tmp_path / f"clocksignin-filter-{lang}.png"))

        combo.setCurrentIndex(combo.findData(Reason.TWO_FACTOR.value))
        assert _column(window, window.model.ACCOUNT) == ["@dan"]
        assert _column(window, window.model.DETAILS) == [ASKED[lang]]
        combo.setCurrentIndex(combo.findData(Status.NEEDS_USER.value))
        assert _column(window, window.model.ACCOUNT) == ["@cleo", "@dan", "@cleo"]
    finally:
        translators.switch("en")
