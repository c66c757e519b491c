"""An agency's 30 accounts, filtered by what their Status column says, not only by handle: "Mot
de passe" or "2FA" finds the accounts that need a password or a code (an empty table that said
"0 compte affiché sur 30" and no more, before). Where the filter finds none, the table says so
and offers every account again; Accounts › Select those that need you does from the window what
the tray's entry does. Real widgets, offscreen, in English and French."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from consentinel.core.context import AppContext
from consentinel.core.events import AccountResult, BoxChange
from consentinel.core.status import Box, Reason, Status
from consentinel.gui.accounts_table import AccountsTable
from tests.gui._app_support import add_account, make_context, running_app

AGENCY = [f"client_{n:02d}" for n in range(1, 26)] + [
    "dentiste_paris", "fleuriste_lila", "hotel_azur", "velo_paris", "zoo_parc",
]  # fmt: skip
#: X refused their passwords; X asks their 2FA codes; X sent them a code by email.
REFUSED = ["client_03", "hotel_azur"]
TWO_FACTOR = ["client_07", "client_19", "zoo_parc"]
EMAIL_CODE = ["client_11"]

WORDS = {
    "en": {
        "placeholder": "Filter by @handle or status",
        "password": "Password",  # (as the status says it: "Password refused")
        "two of 30": "2 of 30 accounts shown",
        "none of 30": "0 of 30 accounts shown",
        "no match": "No account matches “{words}”.",
        "show all": "Show every account",
        "need you": "Select those that &need you",
    },
    "fr": {
        "placeholder": "Filtrer par @compte ou état",
        "password": "Mot de passe",
        "two of 30": "2 comptes affichés sur 30",
        "none of 30": "0 compte affiché sur 30",
        "no match": "Aucun compte ne correspond à «\u00a0{words}\u00a0».",
        "show all": "Afficher tous les comptes",
        "need you": "Sélectionner ceux qui ont &besoin de vous",
    },
}


def _agency(home: Path) -> AppContext:
    """30 accounts, each checked: most of them fixed, six waiting for the person."""
    ctx = make_context(home)
    for handle in AGENCY:
        add_account(ctx, handle, f"pw-{handle}")
    run = ctx.journal.start_run("manual")
    off = {Box.TRAINING: BoxChange(True, False)}
    for handle in AGENCY:
        if handle in REFUSED:
            result = AccountResult(handle, Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD)
        elif handle in TWO_FACTOR:
            result = AccountResult(handle, Status.NEEDS_USER, Reason.TWO_FACTOR)
        elif handle in EMAIL_CODE:
            result = AccountResult(handle, Status.NEEDS_USER, Reason.EMAIL_CODE)
        else:
            result = AccountResult(handle, Status.FIXED, settings=off)
        ctx.journal.record_check(run, result)
    ctx.journal.finish_run(run)
    return ctx


def _shown(table: AccountsTable) -> list[str]:
    return [table.item(row, 0).text().lstrip("@") for row in range(table.rowCount())]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_filter_finds_accounts_by_the_words_of_their_status(
    qtbot: QtBot, consentinel_home: Path, language: str
) -> None:
    """Whatever the case and accents, the Status column's words as shown (in the window's
    language) find their accounts; the handle still does, with or without its @; typed with
    the @, a handle only; a few letters inside a status's word are no status."""
    words = WORDS[language]
    ctx = _agency(consentinel_home)
    with running_app(qtbot, ctx, language=language) as app:
        window = app.window
        table = window.table
        accounts_filter = window._filter
        assert accounts_filter is not None
        edit = accounts_filter.edit
        window.focus_filter()

        QTest.keyClicks(edit, words["password"])
        assert sorted(_shown(table)) == REFUSED
        assert accounts_filter.count.text() == words["two of 30"]
        assert table.no_match_text() == ""
        # The field says it can be typed in (it said "Filter accounts").
        assert edit.placeholderText() == edit.accessibleName() == words["placeholder"]
        assert edit.isClearButtonEnabled()
        # Lower case, capitals without their accents, the status's next word: the same two.
        refused = "mot de passe" if language == "fr" else "password"
        whole = "MOT DE PASSE REFUSE" if language == "fr" else "password REFUSED"
        for typed in (refused, refused.upper(), whole):
            edit.setText(typed)
            assert sorted(_shown(table)) == REFUSED, typed
        edit.setText("2fa")
        assert sorted(_shown(table)) == TWO_FACTOR
        edit.setText("SMS")
        assert _shown(table) == EMAIL_CODE
        # The handle, as before: with or without its @.
        edit.setText("paris")
        assert _shown(table) == ["dentiste_paris", "velo_paris"]
        edit.setText("@zoo")
        assert _shown(table) == ["zoo_parc"]
        # The @ asks for a handle: no status begins with it.
        edit.setText("@2fa")
        assert _shown(table) == []
        # Inside a word ("ixed", "efus"): no status's word begins so, no account.
        edit.setText("ixed" if language == "en" else "rrig")
        assert _shown(table) == []
        edit.clear()
        assert table.rowCount() == 30 and not accounts_filter.count.isVisible()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_filter_that_finds_no_account_says_so_and_offers_every_account(
    qtbot: QtBot, consentinel_home: Path, language: str
) -> None:
    """Not an empty table that looks like a lost list: the words typed, and a button back to
    every account (Escape and the field's clear button empty it too)."""
    words = WORDS[language]
    ctx = _agency(consentinel_home)
    with running_app(qtbot, ctx, language=language) as app:
        window = app.window
        table = window.table
        accounts_filter = window._filter
        assert accounts_filter is not None
        edit = accounts_filter.edit
        window.focus_filter()
        edit.setText("Impôts")  # (QTest types ASCII only)
        assert table.rowCount() == 0
        said = words["no match"].replace("{words}", "Impôts")
        assert table.no_match_text() == said
        assert accounts_filter.count.text() == words["none of 30"]
        message = table._no_match
        assert message is not None
        qtbot.waitUntil(message.isVisible)
        assert message.button.text() == words["show all"]
        # Over the table's rows, not over its column titles.
        assert message.geometry() == table.viewport().geometry()

        # Typed on: said with the words as they are now.
        QTest.keyClicks(edit, " 2024")
        assert table.no_match_text() == words["no match"].replace("{words}", "Impôts 2024")
        QTest.mouseClick(message.button, Qt.MouseButton.LeftButton)
        assert edit.text() == "" and table.rowCount() == 30
        assert table.no_match_text() == "" and not message.isVisible()
        assert not accounts_filter.count.isVisible()
        assert table.hasFocus() and len(table.selected_handles()) == 1

        # Said again when nothing matches, gone as soon as something does.
        edit.setText("Impôts")
        assert message.isVisible()
        edit.setText("zoo")
        assert not message.isVisible()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_screen_reader_hears_that_no_account_matches_once_per_change(
    qtbot: QtBot, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    """The focus stays in the filter as the person types: the sentence over the empty table
    was shown, never heard. It is announced (Qt's QAccessibleAnnouncementEvent, seen on its
    way into QAccessible.updateAccessibility: offscreen, no screen reader listens behind it) as
    it appears and as its words change; not again for a key that leaves it the same, nor for
    the table filled again; again once it comes back after some account matched."""
    heard: list[tuple[QObject, str]] = []
    real_update = QAccessible.updateAccessibility

    def listening(event: QAccessibleEvent) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            heard.append((event.object(), event.message()))
        real_update(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", listening)
    no_match = WORDS[language]["no match"]
    ctx = _agency(consentinel_home)
    with running_app(qtbot, ctx, language=language) as app:
        window = app.window
        table = window.table
        accounts_filter = window._filter
        assert accounts_filter is not None
        edit = accounts_filter.edit
        window.focus_filter()
        edit.setText("Impôts")  # (QTest types ASCII only)
        message = table._no_match
        assert message is not None and message.isVisible()
        label = message.label

        def said() -> list[str]:
            return [words for source, words in heard if source is label]

        assert said() == [no_match.replace("{words}", "Impôts")]
        # What a screen reader reads on the line, as its bridge asks Qt for it.
        line = QAccessible.queryAccessibleInterface(label)
        assert line is not None
        assert line.text(QAccessible.Text.Name) == said()[-1]
        # A space (the same words), the table filled again: nothing more is said.
        QTest.keyClicks(edit, " ")
        window.refresh()
        assert said() == [no_match.replace("{words}", "Impôts")]
        # Each change of the words is said, once.
        QTest.keyClicks(edit, "24")
        assert said() == [
            no_match.replace("{words}", typed) for typed in ("Impôts", "Impôts 2", "Impôts 24")
        ]
        # Gone when an account matches (nothing said of it here); said again when it comes back.
        edit.setText("zoo")
        assert not message.isVisible()
        edit.setText("Impôts 24")
        assert said()[3:] == [no_match.replace("{words}", "Impôts 24")]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_accounts_menu_selects_those_that_need_the_person(
    qtbot: QtBot, consentinel_home: Path, language: str
) -> None:
    """As the tray's "Show the accounts that need you", from the window itself (not every
    desktop shows a tray): the six waiting for a password, a code or an email code selected,
    a filter hiding some of them emptied."""
    words = WORDS[language]
    ctx = _agency(consentinel_home)
    with running_app(qtbot, ctx, language=language) as app:
        window = app.window
        table = window.table
        action = window.needing_you_action
        assert action.text() == words["need you"]
        assert action in window._accounts_menu.actions()
        assert action.isEnabled()
        window.set_filter_text("paris")
        action.trigger()
        assert window.filter_text == ""
        need = sorted(REFUSED + TWO_FACTOR + EMAIL_CODE)
        assert sorted(table.selected_handles()) == need
        assert table.hasFocus()


def test_the_menu_entry_is_greyed_when_no_account_needs_the_person(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    ctx = make_context(consentinel_home)
    add_account(ctx, "alice", "pw")
    run = ctx.journal.start_run("manual")
    off = {Box.TRAINING: BoxChange(True, False)}
    ctx.journal.record_check(run, AccountResult("alice", Status.FIXED, settings=off))
    ctx.journal.finish_run(run)
    with running_app(qtbot, ctx) as app:
        assert not app.window.needing_you_action.isEnabled()
