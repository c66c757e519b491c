"""After a check of 30 accounts, the window's summary counts them by kind as the tray does (a
list of 22 handles with their states was a three-line wall, and counted the accounts X had
slowed down as needing a look); a single account that could not be checked is not said twice,
once by the advice line and again by the summary; and the journal's "Check finished" entry
tallies in those same kinds, short enough for its Details column (EN and FR; real Qt
offscreen, a real journal, a real Chromium for the account X could not be reached for)."""

from __future__ import annotations

import dataclasses
import socket
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from consentinel.core.check_messages import reason_message, success_message
from consentinel.core.context import AppContext
from consentinel.core.events import AccountResult, BoxChange, RunResult
from consentinel.core.journal_entries import EntryKind
from consentinel.core.signin_rules import status_for
from consentinel.core.status import ALL_BOXES, Box, Reason, Status
from consentinel.gui.journal_window import JournalWindow
from consentinel.gui.translations import Translators
from consentinel.gui.tray import Tray
from tests.gui._app_support import add_account, make_context, running_app

NBSP = "\u00a0"

#: The audit's 30 accounts, in its order: each kind of end in turn (None: never checked).
KINDS: list[str | None] = [
    "fixed",
    "off",
    *(r.value for r in (Reason.TWO_FACTOR, Reason.CAPTCHA, Reason.WRONG_PASSWORD)),
    *(r.value for r in (Reason.PAGE_CHANGED, Reason.NETWORK, Reason.RATE_LIMITED)),
    *(r.value for r in (Reason.EMAIL_CODE, Reason.LOCKED)),
    None,
]
HANDLES = [f"agency_{i:02d}" for i in range(30)]

SUMMARY = {
    "en": (
        "Checked 28 accounts: 6 off, 13 need you, 9 could not be checked (tried again at the "
        "next check). Select one to read why."
    ),
    "fr": (
        f"28 comptes vérifiés{NBSP}: 6 décochés, 13 ont besoin de vous, 9 n'ont pas pu être "
        "vérifiés (nouvel essai à la prochaine vérification). Sélectionnez-en un pour savoir "
        "pourquoi."
    ),
}
TRAY = {
    "en": "13 accounts need you, 9 accounts could not be checked",
    "fr": "13 comptes ont besoin de vous, 9 comptes n'ont pas pu être vérifiés",
}
TALLY = {
    "en": "Off: 6 · Need you: 13 · Could not be checked: 9",
    "fr": f"Décochés{NBSP}: 6 · Besoin de vous{NBSP}: 13 · Non vérifiés{NBSP}: 9",
}


def _result(handle: str, kind: str) -> AccountResult:
    if kind in ("fixed", "off"):
        status = Status.FIXED if kind == "fixed" else Status.OPTED_OUT
        settings = {box: BoxChange(kind == "fixed", False) for box in ALL_BOXES}
        fixed = list(ALL_BOXES) if kind == "fixed" else []
        return AccountResult(
            handle, status, settings=settings, message=success_message(status, fixed, [])
        )
    reason = Reason(kind)
    detail = "no training box" if reason is Reason.PAGE_CHANGED else ""
    return AccountResult(
        handle, status_for(reason), reason, message=reason_message(reason, handle, detail)
    )


def _thirty_checked(ctx: AppContext) -> RunResult:
    """The 30 accounts, 28 of them checked in one run, kept in the real journal."""
    plan = [(handle, KINDS[i % len(KINDS)]) for i, handle in enumerate(HANDLES)]
    for handle, _kind in plan:
        add_account(ctx, handle, "pw-" + handle)
    results = tuple(_result(handle, kind) for handle, kind in plan if kind is not None)
    run = ctx.journal.start_run("manual")
    for result in results:
        ctx.journal.record_check(run, result)
    ctx.journal.finish_run(run)
    return RunResult(run, results)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_summary_of_30_accounts_counts_them_by_kind_as_the_tray_does(
    qtbot: QtBot, consentinel_home: Path, language: str
) -> None:
    ctx = make_context(consentinel_home)
    result = _thirty_checked(ctx)
    with running_app(qtbot, ctx, language=language) as app:
        window = app.window
        window.resize(980, 560)
        window.show_summary(result)
        label = window.result_label
        assert label.text() == SUMMARY[language]
        assert "@" not in label.text()  # no wall of handles
        qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))
        assert label.height() / label.fontMetrics().lineSpacing() <= 2.5
        # The tray says the same counts.
        tray = Tray(lambda: False, lambda: False)
        tray.show_idle(result)
        assert tray.status_words() == TRAY[language]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_few_of_a_kind_are_named_with_their_rows_words(
    qtbot: QtBot, consentinel_home: Path, language: str
) -> None:
    """Three or fewer that need the person, or could not be checked, are named, each with its
    row's words; X slowing checks down is among those that could not be checked."""
    results = (
        _result("alice", "off"),
        _result("bob", Reason.CAPTCHA.value),
        _result("cleo", Reason.RATE_LIMITED.value),
        _result("dan", Reason.PAGE_CHANGED.value),
    )
    with running_app(qtbot, make_context(consentinel_home), language=language) as app:
        text = app.window.summary(RunResult(1, results))
    expected = {
        "en": (
            "Checked 4 accounts: 1 off, 1 needs you (@bob: Captcha to solve), 2 could not be "
            "checked (@cleo: Slowed down by X; @dan: Page changed; tried again at the next "
            "check). Select one to read why."
        ),
        "fr": (
            f"4 comptes vérifiés{NBSP}: 1 décoché, 1 a besoin de vous (@bob{NBSP}: Captcha à "
            f"résoudre), 2 n'ont pas pu être vérifiés (@cleo{NBSP}: Ralenti par X{NBSP}; "
            f"@dan{NBSP}: Page modifiée{NBSP}; nouvel essai à la prochaine vérification). "
            "Sélectionnez-en un pour savoir pourquoi."
        ),
    }
    assert text == expected[language]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_x_unreachable_or_failing_are_named_as_their_rows_name_them(
    qtbot: QtBot, consentinel_home: Path, language: str
) -> None:
    """A check X could not be reached for and one X answered with its own error are named as
    their rows name them ("X unreachable", "X failing"), not "X unreachable or failing", the
    name of an entry that does not say which."""
    unreached = _result("eve", Reason.NETWORK.value)
    failing = dataclasses.replace(_result("fay", Reason.NETWORK.value), x_answered=True)
    results = (_result("alice", "off"), unreached, failing)
    with running_app(qtbot, make_context(consentinel_home), language=language) as app:
        text = app.window.summary(RunResult(1, results))
    named = {
        "en": ("@eve: X unreachable; @fay: X failing;", "or failing"),
        "fr": (f"@eve{NBSP}: X injoignable{NBSP}; @fay{NBSP}: X en panne{NBSP};", "ou en panne"),
    }
    said, never = named[language]
    assert said in text, text
    assert never not in text, text


def _refused_port() -> int:
    """A local port nothing listens on: X cannot be reached there."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize("language", ["en", "fr"])
def test_one_account_that_could_not_be_checked_is_not_said_twice(
    qtbot: QtBot, consentinel_home: Path, language: str
) -> None:
    """The advice line says why (X could not be reached); the summary under it said it again,
    after "The account could not be checked: Could not reach X…"."""
    ctx = make_context(consentinel_home, f"http://127.0.0.1:{_refused_port()}")
    # The settings' language too: at a check's end the window takes theirs (a new window).
    ctx.settings.language = language
    add_account(ctx, "marie_dupont", "pw")
    with running_app(qtbot, ctx, language=language) as app:
        window = app.window
        with qtbot.waitSignal(app.runner.run_finished, timeout=120_000):
            window.check_all()
        qtbot.waitUntil(lambda: window.row_advice.isVisible() and window.result_label.isVisible())
        advice, summary = window.row_advice.text(), window.result_label.text()
        reached = {"en": "Could not reach X", "fr": "Impossible de joindre X"}[language]
        assert advice.startswith(reached), advice
        said = {
            "en": "@marie_dupont could not be checked.",
            "fr": "@marie_dupont n'a pas pu être vérifié.",
        }
        assert summary == said[language]


def test_a_cause_after_a_colon_begins_in_lower_case(qtbot: QtBot, consentinel_home: Path) -> None:
    """One of two accounts could not be checked: the cause is said, once, after a colon."""
    network = AccountResult(
        "c", Status.ERROR, Reason.NETWORK, message=reason_message(Reason.NETWORK, "c", "refused")
    )
    with running_app(qtbot, make_context(consentinel_home)) as app:
        text = app.window.summary(RunResult(1, (_result("d", "off"), network)))
    assert text.startswith("1 of 2 accounts could not be checked (@c): could not reach X "), text


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_journal_tallies_a_check_in_the_same_kinds_readable_in_its_column(
    qtbot: QtBot,
    consentinel_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
) -> None:
    """ "Already off: 3, Fixed: 3, Needs you: 10, Sign-in failed: 3, Erro…" was cut off, in
    names the accounts table never uses."""
    ctx = make_context(consentinel_home)
    _thirty_checked(ctx)
    monkeypatch.setenv("CONSENTINEL_LANG", language)
    translators = Translators()
    translators.switch(language)
    try:
        window = JournalWindow(ctx)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        model = window.model
        kinds = [model.entry_at(r).kind for r in range(model.rowCount())]
        row = kinds.index(EntryKind.RUN_FINISHED)
        index = model.index(row, model.DETAILS)
        text = str(model.data(index))
        assert text == TALLY[language]
        # Whole in its column, as the window opens (nothing elided)…
        table = window.table
        needed = table.fontMetrics().horizontalAdvance(text) + 2 * table.style().pixelMetric(
            table.style().PixelMetric.PM_FocusFrameHMargin
        )
        assert needed < table.columnWidth(model.DETAILS), (needed, table.columnWidth(3))
        # … and in the entry's pane.
        table.selectRow(row)
        pane = window.entry_pane.detail_label
        qtbot.waitUntil(lambda: text in pane.text())
        qtbot.waitUntil(lambda: pane.height() >= pane.heightForWidth(pane.width()))
        qtbot.waitUntil(lambda: not window.verifying)  # (its badge, as a person sees it)
    finally:
        translators.switch("en")


#: Checks whose accounts all ended alike, and the summary of each (EN, FR): "all", "both",
#: not the number the sentence has just said ("Checked 10 accounts: 10 need you"); none of
#: them could be checked, a sentence of its own ("Checked 10 accounts: none could be checked"
#: said they were and were not).
ALIKE = {
    "en": [
        "Checked 10 accounts: all need you. Select one to read why.",
        "Checked 2 accounts: both need you (@bob: Captcha to solve; @cleo: Captcha to solve). "
        "Select one to read why.",
        "Neither account could be checked (@cleo: Slowed down by X; @dan: Page changed; tried "
        "again at the next check). Select one to read why.",
        "Checked 5 accounts: all would be fixed.",
        "None of the 10 accounts could be checked (tried again at the next check). Select one "
        "to read why.",
    ],
    "fr": [
        f"10 comptes vérifiés{NBSP}: tous ont besoin de vous. Sélectionnez-en un pour savoir "
        "pourquoi.",
        f"2 comptes vérifiés{NBSP}: les deux ont besoin de vous (@bob{NBSP}: Captcha à "
        f"résoudre{NBSP}; @cleo{NBSP}: Captcha à résoudre). Sélectionnez-en un pour savoir "
        "pourquoi.",
        f"Aucun des deux comptes n'a pu être vérifié (@cleo{NBSP}: Ralenti par X{NBSP}; "
        f"@dan{NBSP}: Page modifiée{NBSP}; nouvel essai à la prochaine vérification). "
        "Sélectionnez-en un pour savoir pourquoi.",
        f"5 comptes vérifiés{NBSP}: tous seraient corrigés.",
        "Aucun des 10 comptes n'a pu être vérifié (nouvel essai à la prochaine vérification). "
        "Sélectionnez-en un pour savoir pourquoi.",
    ],
}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_accounts_that_all_ended_alike_are_said_all_not_counted_again(
    qtbot: QtBot, consentinel_home: Path, language: str
) -> None:
    """The summary said the number twice: "Checked 10 accounts: 10 need you." Counted still
    where some ended otherwise, or X keeps a box on unseen on one (said apart), and one account
    alone is said as before."""
    alike = [
        tuple(_result(f"agency_{i:02d}", Reason.TWO_FACTOR.value) for i in range(10)),
        (_result("bob", Reason.CAPTCHA.value), _result("cleo", Reason.CAPTCHA.value)),
        (_result("cleo", Reason.RATE_LIMITED.value), _result("dan", Reason.PAGE_CHANGED.value)),
        tuple(AccountResult(f"dry_{i}", Status.WOULD_FIX) for i in range(5)),
        # (Two causes: one cause shared by all is said as such, "No account could be checked.")
        tuple(
            _result(f"agency_{i:02d}", (Reason.RATE_LIMITED, Reason.PAGE_CHANGED)[i % 2].value)
            for i in range(10)
        ),
    ]
    hidden = AccountResult("hana", Status.OPTED_OUT, hidden_on=(Box.MEMORY,))
    counted = (_result("bob", Reason.CAPTCHA.value), _result("cleo", Reason.CAPTCHA.value), hidden)
    alone = (_result("bob", Reason.CAPTCHA.value),)
    with running_app(qtbot, make_context(consentinel_home), language=language) as app:
        said = [app.window.summary(RunResult(1, results)) for results in alike]
        said_counted = app.window.summary(RunResult(1, counted))
        said_alone = app.window.summary(RunResult(1, alone))
    assert said == ALIKE[language]
    two = {"en": "Checked 3 accounts: 2 need you (", "fr": f"3 comptes vérifiés{NBSP}: 2 ont "}
    assert said_counted.startswith(two[language]), said_counted
    one = {
        "en": "The check did not end with every box off. Select or hover the status to read why.",
        "fr": (
            "La vérification ne s'est pas terminée avec toutes les cases décochées. "
            "Sélectionnez ou survolez l'état pour savoir pourquoi."
        ),
    }
    assert said_alone == one[language]


#: A check of four accounts, one of them with every box its page shows off but Memory kept
#: on by X without showing it: the journal's tally and the window's summary agree on "off".
HIDDEN_TALLY = {
    "en": "Off: 2 · Need you: 1 · Still on at X: 1",
    "fr": f"Décochés{NBSP}: 2 · Besoin de vous{NBSP}: 1 · Encore cochés chez X{NBSP}: 1",
}
HIDDEN_SUMMARY = {
    "en": "Checked 4 accounts: 2 off, 1 needs you (@bob: Captcha to solve).",
    "fr": (
        f"4 comptes vérifiés{NBSP}: 2 décochés, 1 a besoin de vous (@bob{NBSP}: Captcha à "
        "résoudre)."
    ),
}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_journal_does_not_count_a_box_x_keeps_on_unseen_as_off(
    qtbot: QtBot, consentinel_home: Path, language: str
) -> None:
    """The journal's "Check finished" said "Off: 3" where the window's summary said "2 off"
    and that X keeps Memory on for @hana without showing it: that account is counted apart,
    as the window and the tray say it (a real journal, read by the journal window's model)."""
    from consentinel.gui.journal_model import details

    ctx = make_context(consentinel_home)
    hidden = AccountResult(
        "hana",
        Status.OPTED_OUT,
        settings={box: BoxChange(False, False) for box in (Box.TRAINING, Box.PERSONALIZATION)},
        hidden_on=(Box.MEMORY,),
    )
    results = (
        _result("alice", "fixed"),
        _result("bea", "off"),
        hidden,
        _result("bob", Reason.CAPTCHA.value),
    )
    run = ctx.journal.start_run("manual")
    for result in results:
        ctx.journal.record_check(run, result)
    ctx.journal.finish_run(run)
    (finished,) = ctx.journal.entries(kinds=[EntryKind.RUN_FINISHED])
    with running_app(qtbot, ctx, language=language) as app:
        summary = app.window.summary(RunResult(run, results))
        tally = details(finished)
    assert summary.startswith(HIDDEN_SUMMARY[language]), summary
    assert tally == HIDDEN_TALLY[language]
