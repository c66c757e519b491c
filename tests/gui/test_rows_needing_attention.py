"""The accounts table says which accounts need the person, and how, in words that tell them
apart: a box X still keeps on is not green "Fixed", a changed page says what to do meanwhile,
each step only the person can take has its own name, and "Next check" does not flip while the
person signs in (EN and FR, real widgets offscreen, rows from a real journal)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from consentinel.core.accounts import Account
from consentinel.core.check_messages import reason_message, screenshot_saved_note
from consentinel.core.context import AppContext
from consentinel.core.events import AccountResult, BoxChange
from consentinel.core.journal_entries import EntryKind
from consentinel.core.signin_rules import remember_outcome, status_for
from consentinel.core.status import Box, Reason, Status
from consentinel.core.steps import Step
from consentinel.gui.account_rows import rows_for
from consentinel.gui.accounts_table import STATUS_COLUMN, AccountsTable
from consentinel.gui.dialog_words import all_status_texts
from consentinel.gui.status_colors import GREEN, HELD, ORANGE, dot_icon
from consentinel.gui.table_sort import SortChoice
from consentinel.gui.translations import Translators
from tests.gui._app_support import add_account, make_context

NBSP = "\u00a0"
OFF = {Box.TRAINING: BoxChange(True, False), Box.PERSONALIZATION: BoxChange(False, False)}


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


def _table(qtbot: QtBot, ctx: AppContext, next_due: datetime | None = None) -> AccountsTable:
    table = AccountsTable()
    qtbot.addWidget(table)
    table.set_rows(rows_for(ctx), next_due, datetime.now(timezone.utc))
    return table


def _fixed_with_memory_on_at_x(handle: str, *hidden: Box) -> AccountResult:
    from consentinel.core.check_messages import hidden_on_message, success_message

    message = f"{success_message(Status.FIXED, [Box.TRAINING], [])} "
    message += hidden_on_message(list(hidden))
    return AccountResult(handle, Status.FIXED, settings=OFF, message=message, hidden_on=hidden)


def test_an_account_where_x_keeps_a_box_on_is_not_said_fixed_in_green(
    qtbot: QtBot, consentinel_home: Path, language: str
) -> None:
    ctx = make_context(consentinel_home)
    for handle in ("ed_paris", "lyon", "duo", "ok"):
        add_account(ctx, handle, "pw")
    _record(
        ctx,
        _fixed_with_memory_on_at_x("ed_paris", Box.MEMORY),
        AccountResult("lyon", Status.OPTED_OUT, settings=OFF),
        _fixed_with_memory_on_at_x("duo", Box.PERSONALIZATION, Box.MEMORY),
        AccountResult("ok", Status.FIXED, settings=OFF),
    )
    table = _table(qtbot, ctx)
    one, two, fixed = {
        "en": ("1 box still on at X", "2 boxes still on at X", "Fixed"),
        "fr": ("1 case encore cochée chez X", "2 cases encore cochées chez X", "Corrigé"),
    }[language]
    # In words, and with the dot of what X holds: not the green of a protected account, nor
    # the orange of a row that needs the person, who can do nothing about it.
    assert table.status_text("ed_paris") == one
    assert table.status_text("duo") == two
    assert table.status_text("ok") == fixed
    cell = table.item(table.row_of("ed_paris") or 0, STATUS_COLUMN)
    assert cell.icon().cacheKey() == dot_icon(HELD).cacheKey()
    assert dot_icon(HELD).cacheKey() not in {dot_icon(c).cacheKey() for c in (GREEN, ORANGE)}
    ok = table.item(table.row_of("ok") or 0, STATUS_COLUMN)
    assert ok.icon().cacheKey() == dot_icon(GREEN).cacheKey()
    # The column is as wide as its widest words: these are among them.
    assert {one, two} <= set(all_status_texts())
    # Why, under the table when the row is selected, and to a screen reader.
    table.setCurrentCell(table.row_of("ed_paris") or 0, 0)
    advice = table.current_advice()
    assert {"en": "X keeps Memory on", "fr": "X garde la case Mémoire"}[language] in advice
    assert cell.data(Qt.ItemDataRole.AccessibleDescriptionRole) == advice
    table.setCurrentCell(table.row_of("ok") or 0, 0)
    assert table.current_advice() == ""  # nothing to do there
    # Sorted by status, with the rows that need a look, before those whose boxes are off.
    table.set_sort(SortChoice("status"))
    order = [table.item(row, 0).text() for row in range(table.rowCount())]
    assert order == ["@duo", "@ed_paris", "@lyon", "@ok"], order


def test_a_changed_page_says_what_to_do_until_consentinel_knows_it(
    qtbot: QtBot, consentinel_home: Path, language: str
) -> None:
    ctx = make_context(consentinel_home)
    add_account(ctx, "archives_jrnl", "pw")
    add_account(ctx, "ok", "pw")
    said = reason_message(Reason.PAGE_CHANGED, "archives_jrnl", "no training box")
    changed = AccountResult(
        "archives_jrnl",
        Status.ERROR,
        Reason.PAGE_CHANGED,
        message=f"{said} {screenshot_saved_note()}",
    )
    _record(ctx, changed, AccountResult("ok", Status.OPTED_OUT, settings=OFF))
    now = datetime.now(timezone.utc)
    table = _table(qtbot, ctx, now + timedelta(hours=24))
    table.setCurrentCell(table.row_of("archives_jrnl") or 0, 0)
    advice = table.current_advice()
    want = {
        "en": (
            f"{said} Consentinel could not check this account's boxes, and some may be on. "
            "Until it is updated for X's new page, check them yourself on x.com (Settings and "
            "privacy › Privacy and safety › Grok & Third-party Collaborators), and look for an "
            "update of Consentinel. A screenshot of the page was saved: it is in the Journal "
            "(Ctrl+J)."
        ),
        "fr": (
            f"{said} Consentinel n'a pas pu vérifier les cases de ce compte, et certaines sont "
            "peut-être cochées. Tant qu'il n'est pas mis à jour pour la nouvelle page de X, "
            "vérifiez-les vous-même sur x.com (Paramètres et confidentialité › Confidentialité "
            "et sécurité › Grok et collaborateurs tiers), et cherchez une mise à jour de "
            f"Consentinel. Une capture d'écran de la page a été enregistrée{NBSP}: elle est "
            "dans le Journal (Ctrl+J)."
        ),
    }[language]
    assert advice == want
    # The Journal's shortcut named is the one its action has.
    from consentinel.gui import window_actions

    assert '"Ctrl+J"' in Path(window_actions.__file__).read_text(encoding="utf-8")
    # Its next check is a time, as for others, but not said as if the account were looked after.
    due_column = table.columnCount() - 1
    due = table.item(table.row_of("archives_jrnl") or 0, due_column)
    assert "x.com" in due.toolTip()
    assert due.data(Qt.ItemDataRole.AccessibleDescriptionRole) == due.toolTip()
    assert table.item(table.row_of("ok") or 0, due_column).toolTip() == ""


STEP_NAMES = {
    Reason.TWO_FACTOR: {"en": "2FA code needed", "fr": "Code 2FA requis"},
    Reason.EMAIL_CODE: {"en": "Email or SMS code needed", "fr": "Code e-mail ou SMS requis"},
    Reason.CAPTCHA: {"en": "Captcha to solve", "fr": "Captcha à résoudre"},
    Reason.UNUSUAL_ACTIVITY: {
        "en": "Email or phone to confirm",
        "fr": "E-mail ou téléphone à confirmer",
    },
    Reason.LOCKED: {"en": "Locked by X", "fr": "Verrouillé par X"},
    Reason.SESSION_EXPIRED: {"en": "Session expired", "fr": "Session expirée"},
    Reason.NOT_SIGNED_IN: {"en": "Sign-in needed", "fr": "Connexion requise"},
}


def test_each_step_only_the_person_can_take_has_its_own_name(
    qtbot: QtBot, consentinel_home: Path, language: str
) -> None:
    """ "Needs you" said of a 2FA code, X's lock and a captcha alike told nobody which."""
    from consentinel.gui.journal_model import check_words

    ctx = make_context(consentinel_home)
    results = []
    for reason in STEP_NAMES:
        handle = f"a_{reason.value}"[:15]
        add_account(ctx, handle, "pw")
        assert status_for(reason) is Status.NEEDS_USER  # (every reason a person's step gives)
        results.append(AccountResult(handle, Status.NEEDS_USER, reason))
    _record(ctx, *results)
    table = _table(qtbot, ctx)
    for reason, names in STEP_NAMES.items():
        handle = f"a_{reason.value}"[:15]
        assert table.status_text(handle) == names[language]
        assert names[language] in all_status_texts()
        # The journal names the check as its row does.
        (entry,) = ctx.journal.entries(handle=handle, kinds=[EntryKind.CHECK])
        assert check_words(entry.payload) == names[language]
    names_shown = [table.status_text(f"a_{reason.value}"[:15]) for reason in STEP_NAMES]
    assert len(set(names_shown)) == len(STEP_NAMES)


def test_next_check_keeps_its_words_while_the_person_signs_in(
    qtbot: QtBot, consentinel_home: Path, language: str
) -> None:
    """ "Sign in yourself…" on an account X locked: its next check is still after the unlock,
    not "In 6 hours", until that sign-in has worked."""
    ctx = make_context(consentinel_home)
    add_account(ctx, "culture_hebdo", "pw")
    remember_outcome(ctx.accounts, "culture_hebdo", Reason.LOCKED, True, 24.0, unattended=True)
    _record(ctx, AccountResult("culture_hebdo", Status.NEEDS_USER, Reason.LOCKED))
    table = AccountsTable()
    qtbot.addWidget(table)
    now = datetime.now(timezone.utc)
    due_column = table.columnCount() - 1
    want = {"en": "After you unlock it on X", "fr": "Après son déverrouillage sur X"}[language]
    key = Account("culture_hebdo").key
    for step in (None, Step.OPENING_SESSION, Step.SIGNING_IN, Step.WAITING_FOR_PERSON):
        steps = {key: step} if step is not None else {}
        # A person's sign-in: no account is in a check (in_this_check is empty).
        table.set_rows(rows_for(ctx, steps=steps), now + timedelta(hours=6), now)
        assert table.item(0, due_column).text() == want, step
    # A check of it (not a sign-in) says so, as before.
    table.set_rows(
        rows_for(ctx, steps={key: Step.SIGNING_IN}), now + timedelta(hours=6), now, {}, {key}
    )
    assert table.item(0, due_column).text() != want
