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
        assert f"@eve ({NAME[lang]})" in summary and f"@dan ({ASKED[lang]})" in summary
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
