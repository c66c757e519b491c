"""A check that could not reach X, found X failing or X too slow is named for it in the accounts
table ("X unreachable", "X failing", "X too slow to answer"), in the grey of a stop the next
check retries, not as the red "Error" of a refused password; its advice says what to do next,
without Chromium's code (ERR_…), which the journal's entry keeps. The journal window names the
checks as the table does. English and French; real widgets offscreen, a real journal."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from consentinel.core.check_messages import reason_message
from consentinel.core.context import AppContext
from consentinel.core.events import AccountResult
from consentinel.core.i18n import tr
from consentinel.core.journal_entries import EntryKind
from consentinel.core.status import Reason, Status
from consentinel.gui.accounts_table import AccountsTable
from consentinel.gui.journal_window import JournalWindow
from consentinel.gui.status_colors import GREY, RED, dot_icon
from consentinel.gui.translations import Translators
from tests.gui._app_support import add_account, make_context, running_app

NAMES = {
    "en": {
        "nia": "X unreachable",
        "fay": "X failing",
        "tim": "X too slow to answer",
        "old": "X unreachable or failing",
        "pat": "Password refused",
    },
    "fr": {
        "nia": "X injoignable",
        "fay": "X en panne",
        "tim": "X trop lent à répondre",
        "old": "X injoignable ou en panne",
        "pat": "Mot de passe refusé",
    },
}
#: What the advice of X not reached says to do next.
NEXT = {
    "en": "Check this computer's internet connection, VPN or proxy",
    "fr": "Vérifiez la connexion internet, le VPN ou le proxy de cet ordinateur",
}


def _unreached(handle: str) -> AccountResult:
    """X not reached from this computer: the connection refused (Chromium's words and code, as
    x/errors.browser_error_words says them)."""
    refused = tr("the connection was refused") + ", ERR_CONNECTION_REFUSED"
    said = reason_message(Reason.NETWORK, handle, refused)
    return AccountResult(handle, Status.ERROR, Reason.NETWORK, message=said)


def _journaled(ctx: AppContext) -> None:
    """nia: X not reached; fay: X answered 503; tim: X too slow; old: X not reached or
    failing, as an earlier version wrote it (who failed not said); pat: a refused password."""
    for handle in ("nia", "fay", "tim", "old", "pat"):
        add_account(ctx, handle, "pw")
    journal = ctx.journal
    run = journal.start_run("schedule")
    journal.record_check(run, _unreached("nia"))
    failing = reason_message(Reason.NETWORK, "fay", "HTTP status 503", x_answered=True)
    journal.record_check(
        run, AccountResult("fay", Status.ERROR, Reason.NETWORK, message=failing, x_answered=True)
    )
    slow = reason_message(Reason.TIMEOUT, "tim", "no answer in time, ERR_TIMED_OUT")
    journal.record_check(run, AccountResult("tim", Status.ERROR, Reason.TIMEOUT, message=slow))
    older = AccountResult("old", Status.ERROR, Reason.NETWORK).to_json()
    del older["handle"], older["x_answered"]
    journal.append(EntryKind.CHECK, "old", older, run)
    wrong = reason_message(Reason.WRONG_PASSWORD, "pat")
    journal.record_check(
        run, AccountResult("pat", Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD, message=wrong)
    )
    journal.finish_run(run)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_table_names_x_unreachable_failing_or_slow_in_grey_with_what_to_do(
    qtbot: QtBot, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", lang)  # the checks' sentences in the window's
    ctx = make_context(consentinel_home)
    _journaled(ctx)
    add_account(ctx, "liv", "pw")
    with running_app(qtbot, ctx, language=lang) as app:
        window = app.window
        table = window.table
        window._account_finished(_unreached("liv"))  # a check of this session's
        names = {handle: table.status_text(handle) for handle in (*NAMES[lang], "liv")}
        assert names == {**NAMES[lang], "liv": NAMES[lang]["nia"]}, names
        for handle in (*NAMES[lang], "liv"):
            item = table.item(table.row_of(handle) or 0, 1)
            # Grey, as "Slowed down by X": the next check tries again; only the password red.
            color = RED if handle == "pat" else GREY
            assert item.icon().cacheKey() == dot_icon(color).cacheKey(), handle
        # The selected row's advice, under the table: what happened, what to do next, no code.
        table.selectRow(table.row_of("nia") or 0)
        advice = window.row_advice.text()
        assert window.row_advice.isVisible()
        assert NEXT[lang] in advice and "ERR_" not in advice, advice
        assert advice == table.current_status_hint()
        liv = table.item(table.row_of("liv") or 0, 1).toolTip()
        assert NEXT[lang] in liv and "ERR_" not in liv, liv
        tim = table.item(table.row_of("tim") or 0, 1).toolTip()
        assert "VPN" in tim and "ERR_" not in tim, tim
        # The journal's entry keeps Chromium's code, as the check said it (evidence).
        (entry,) = ctx.journal.entries(handle="nia", kinds=[EntryKind.CHECK])
        assert str(entry.payload["message"]).endswith("(ERR_CONNECTION_REFUSED)")
        window.resize(1000, 560)


def test_a_live_result_of_x_failing_is_named_so(qtbot: QtBot, consentinel_home: Path) -> None:
    """The row of a check of this session knows who failed from the result itself."""
    from consentinel.gui.account_rows import rows_for

    ctx = make_context(consentinel_home)
    add_account(ctx, "fay", "pw")
    failing = AccountResult("fay", Status.ERROR, Reason.NETWORK, x_answered=True)
    table = AccountsTable()
    qtbot.addWidget(table)
    table.set_rows(rows_for(ctx, {"fay": failing}), None, datetime.now(timezone.utc))
    assert table.status_text("fay") == "X failing"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_journal_window_names_them_as_the_table_and_keeps_the_code(
    qtbot: QtBot, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    ctx = make_context(consentinel_home)
    _journaled(ctx)
    translators = Translators()
    translators.switch(lang)
    try:
        window = JournalWindow(ctx)
        qtbot.addWidget(window)
        window.resize(1100, 600)
        window.kind_filter.setCurrentIndex(window.kind_filter.findData(EntryKind.CHECK.value))
        model = window.model
        shown = {
            str(model.entry_at(r).handle): str(model.data(model.index(r, model.DETAILS)))
            for r in range(model.rowCount())
        }
        assert shown == NAMES[lang], shown
        # The entry's pane: the check's own sentence, Chromium's code kept.
        row = next(r for r in range(model.rowCount()) if model.entry_at(r).handle == "nia")
        window.select_row(row)
        assert "ERR_CONNECTION_REFUSED" in window.detail_label.text()
        # The outcome filter lists them under Error, by the name that covers both sides.
        outcomes = [window.outcome_filter.itemText(i) for i in range(window.outcome_filter.count())]
        assert NAMES[lang]["old"] in outcomes and NAMES[lang]["tim"] in outcomes, outcomes
        window.outcome_filter.setCurrentIndex(window.outcome_filter.findData(Reason.NETWORK.value))
        handles = sorted(str(model.entry_at(r).handle) for r in range(model.rowCount()))
        assert handles == ["fay", "nia", "old"], handles
    finally:
        translators.switch("en")
