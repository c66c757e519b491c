"""What only X can change is told apart from what the person must act on: a box X keeps on
without showing it is not counted with the accounts that need a look, nor drawn in their
orange; the accounts that need the person are counted first and sort first; and a
row whose boxes X had switched back on says so until the next check (EN and FR, real widgets
offscreen)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from consentinel.core.context import AppContext
from consentinel.core.events import AccountResult, BoxChange
from consentinel.core.status import ALL_BOXES, Box, Status
from consentinel.gui.account_rows import rows_for
from consentinel.gui.accounts_table import STATUS_COLUMN, AccountsTable
from consentinel.gui.dialog_words import all_status_texts
from consentinel.gui.status_colors import GREEN, HELD, ORANGE, RED, dot_icon
from consentinel.gui.table_sort import SortChoice
from consentinel.gui.translations import Translators
from tests.gui._agency_run import HELD as HELD_HANDLES
from tests.gui._agency_run import NEED_THE_PERSON, agency_check
from tests.gui._app_support import add_account, make_context, running_app

NBSP = "\u00a0"
SUMMARY = {
    # Counted by kind, as the tray counts (more than 3 of a kind are not named: the table
    # sorts them first, and the tray's "Show the accounts that need you" shows them alone).
    "en": (
        "Checked 30 accounts: 5 need you. Select one to read why. X had switched boxes back on: "
        "@lemonde_live (Training, Personalization) and @afp_fr (Training). They are off again. "
        "X hides Memory, still on, on 25 accounts: it is switched off once X shows it."
    ),
    "fr": (
        f"30 comptes vérifiés{NBSP}: 5 ont besoin de vous. Sélectionnez-en un pour savoir "
        f"pourquoi. Cases recochées par X, de nouveau décochées{NBSP}: @lemonde_live "
        f"(Entraînement, Personnalisation) et @afp_fr (Entraînement). X cache Mémoire, cochée, "
        f"sur 25 comptes{NBSP}: Consentinel la décochera dès qu'il l'affichera."
    ),
}


def _icon_key(table: AccountsTable, handle: str, column: int) -> int:
    return table.item(table.row_of(handle) or 0, column).icon().cacheKey()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_after_checking_30_accounts_those_that_need_the_person_are_counted_and_sorted_first(
    qtbot: QtBot, consentinel_home: Path, language: str
) -> None:
    """The review's check: 27 rows said "1 box still on at X" in the orange of "2FA code
    needed", and the summary said "30 of 30 accounts need a look", named two and never the
    account whose password X refused."""
    ctx = make_context(consentinel_home)
    result = agency_check(ctx)
    with running_app(qtbot, ctx, language=language) as app:
        window = app.window
        window.resize(1280, 720)
        for account in result.accounts:  # as a check's accounts end, one by one
            window._account_finished(account)
        window._run_finished(result, "gui")
        assert window.result_label.text() == SUMMARY[language]

        table = window.table
        memory = 2 + ALL_BOXES.index(Box.MEMORY)
        orange, red, held = (dot_icon(c).cacheKey() for c in (ORANGE, RED, HELD))
        assert held not in (orange, red, dot_icon(GREEN).cacheKey())
        for handle in NEED_THE_PERSON:
            assert _icon_key(table, handle, STATUS_COLUMN) in (orange, red), handle
        for handle in HELD_HANDLES:
            # Its own look, in the status cell and in the cell of the box X holds.
            assert _icon_key(table, handle, STATUS_COLUMN) == held, handle
            assert _icon_key(table, handle, memory) == held, handle
        # Sorted by status, the accounts that need the person come first, X's after.
        table.set_sort(SortChoice("status"))
        order = [str(table.item(row, 0).text())[1:] for row in range(table.rowCount())]
        assert set(order[:5]) == set(NEED_THE_PERSON), order
        assert set(order[5:]) == set(HELD_HANDLES), order


@pytest.fixture(params=["en", "fr"])
def language(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The window's words (Qt's catalogues) and the checks' sentences (the core's) in it."""
    monkeypatch.setenv("CONSENTINEL_LANG", request.param)
    translators = Translators()
    translators.switch(request.param)
    try:
        yield request.param
    finally:
        translators.switch("en")


def _record(ctx: AppContext, *results: AccountResult) -> None:
    run = ctx.journal.start_run("gui")
    for result in results:
        ctx.journal.record_check(run, result)
    ctx.journal.finish_run(run)


def _switched_back(handle: str, *boxes: Box, hidden: tuple[Box, ...] = ()) -> AccountResult:
    settings = {box: BoxChange(box in boxes, False) for box in (Box.TRAINING, Box.PERSONALIZATION)}
    return AccountResult(
        handle, Status.FIXED, settings=settings, reverted_by_x=boxes, hidden_on=hidden
    )


OFF_AGAIN = {
    "en": ("Off again: X had switched 1 box back on", "Off again: X had switched 2 boxes back on"),
    "fr": (
        "1 case recochée par X, décochée à nouveau",
        "2 cases recochées par X, décochées à nouveau",
    ),
}
#: A row with boxes X had switched back on and one X still keeps on unseen: that one first.
STILL_ON_AND_OFF_AGAIN = {
    "en": "1 box still on at X; 2 off again",
    "fr": f"1 case encore cochée chez X{NBSP}; 2 décochées à nouveau",
}


def test_a_row_x_had_switched_back_on_says_so_until_the_next_check(
    qtbot: QtBot, consentinel_home: Path, language: str
) -> None:
    """After a check that switched off again what X had switched back on, the rows looked as
    before: "Fixed", "Off". And a row where X also keeps a box on unseen says that box first:
    "Off again" alone read as every box off while Memory was still on."""
    ctx = make_context(consentinel_home)
    for handle in ("flip", "pair", "both", "calm"):
        add_account(ctx, handle, "pw")
    calm = AccountResult("calm", Status.OPTED_OUT, settings=_switched_back("calm").settings)
    _record(
        ctx,
        _switched_back("flip", Box.TRAINING),
        _switched_back("pair", Box.TRAINING, Box.PERSONALIZATION),
        _switched_back("both", Box.TRAINING, Box.PERSONALIZATION, hidden=(Box.MEMORY,)),
        calm,
    )
    table = AccountsTable()
    qtbot.addWidget(table)
    now = datetime.now(timezone.utc)
    table.set_rows(rows_for(ctx), None, now)
    one, two = OFF_AGAIN[language]
    both = STILL_ON_AND_OFF_AGAIN[language]
    assert table.status_text("flip") == one
    assert table.status_text("pair") == two
    assert table.status_text("both") == both
    # (The column is as wide as its widest words.)
    assert {one, two, both} <= set(all_status_texts())
    assert table.status_text("calm") == {"en": "Already off", "fr": "Déjà décoché"}[language]
    # Its dot: green where every box is off, X's own where it still keeps Memory on unseen.
    assert _icon_key(table, "flip", STATUS_COLUMN) == dot_icon(GREEN).cacheKey()
    assert _icon_key(table, "both", STATUS_COLUMN) == dot_icon(HELD).cacheKey()
    # Which box: its own cell says "Off again", the others "Off".
    training = 2 + ALL_BOXES.index(Box.TRAINING)
    personalization = 2 + ALL_BOXES.index(Box.PERSONALIZATION)
    again, off = {"en": ("Off again", "Off"), "fr": ("Décochée à nouveau", "Décochée")}[language]
    row = table.row_of("flip") or 0
    assert table.item(row, training).text() == again
    assert table.item(row, training).toolTip()
    assert table.item(row, personalization).text() == off
    # Sorted by status: after what needs the person, before the rows with nothing to say.
    table.set_sort(SortChoice("status"))
    order = [table.item(r, 0).text() for r in range(4)]
    assert order[0] == "@both" and set(order[1:3]) == {"@flip", "@pair"}, order
    assert order[3] == "@calm", order
    # The next check, where X switched nothing back: as any other row again.
    _record(ctx, AccountResult("flip", Status.OPTED_OUT, settings=calm.settings))
    table.set_rows(rows_for(ctx), None, now)
    assert table.status_text("flip") == table.status_text("calm")
    assert table.item(table.row_of("flip") or 0, training).text() == off
