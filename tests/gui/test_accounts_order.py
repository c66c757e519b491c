"""The accounts table of an agency's 25 accounts: sorted by a click on a column's title, by what
the column means (not its words), the order kept between runs; filtered by the field above it
(Ctrl+F, Escape), the actions acting on the accounts shown only. Real widgets, offscreen."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAccessible, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from consentinel.core.context import AppContext
from consentinel.core.events import AccountResult, BoxChange
from consentinel.core.journal_entries import EntryKind
from consentinel.core.status import Box, Reason, Status
from consentinel.gui.account_rows import rows_for
from consentinel.gui.accounts_table import AccountsTable
from consentinel.gui.table_sort import COLUMN_NAMES, SortChoice
from tests.gui._app_support import add_account, make_context, running_app

AGENCY = [
    "agence_lumiere", "atelier_rive", "Boulangerie_Ami", "cafe_marais", "camille_fr",
    "clinique_alma", "dentiste_paris", "ecole_arts", "Elodie_Velo", "fleuriste_lila",
    "galerie_nord", "garage_martin", "hotel_azur", "librairie_an", "mairie_velo",
    "marche_bio", "musee_rail", "opticien_lens", "pharmacie_gare", "salon_ana",
    "studio_yoga", "theatre_sud", "traiteur_lea", "velo_paris", "zoo_parc",
]  # fmt: skip


def _click_title(table: AccountsTable, column: str) -> None:
    header = table.horizontalHeader()
    section = COLUMN_NAMES.index(column)
    where = QPoint(header.sectionViewportPosition(section) + 4, header.height() // 2)
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)


def _shown(table: AccountsTable) -> list[str]:
    return [str(table.item(row, 0).text()) for row in range(table.rowCount())]


def _checked_accounts(ctx: AppContext) -> None:
    """zed needs the person, bob's check failed, dan's password was refused, cat was never
    checked, amy is fine: their statuses' words sort otherwise ("Already off", "Error",
    "Needs you", "Not checked yet", "Sign-in failed")."""
    for handle in ("zed", "Amy", "bob", "cat", "dan"):
        add_account(ctx, handle, "pw")
    run = ctx.journal.start_run("manual")
    off = {Box.TRAINING: BoxChange(True, False)}
    for result in (
        AccountResult("zed", Status.NEEDS_USER, Reason.TWO_FACTOR),
        AccountResult("Amy", Status.FIXED, settings=off),
        AccountResult("bob", Status.ERROR, Reason.PAGE_CHANGED),
        AccountResult("dan", Status.SIGNIN_FAILED, Reason.UNKNOWN_ACCOUNT),
    ):
        ctx.journal.record_check(run, result)
    ctx.journal.finish_run(run)


def test_a_click_on_a_title_sorts_by_what_the_column_means_and_keeps_the_selection(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    ctx = make_context(consentinel_home)
    _checked_accounts(ctx)
    now = datetime.now(timezone.utc)
    # Times whose words sort otherwise: "20 minutes ago" < "3 hours ago" < "9 minutes ago".
    ago = {"zed": 180, "amy": 20, "bob": 9, "dan": 60 * 30}
    rows = [
        row._replace(last_checked=now - timedelta(minutes=ago[row.account.key]))
        if row.account.key in ago
        else row
        for row in rows_for(ctx)
    ]
    # "In 30 minutes" < "In 5 hours" sorts the same; a date ("2 Jan…") before both.
    own_due = {
        "zed": now + timedelta(hours=5),
        "amy": now + timedelta(days=3),
        "bob": now + timedelta(minutes=30),
        "cat": now + timedelta(hours=2),
        "dan": now + timedelta(hours=6),
    }
    table = AccountsTable()
    qtbot.addWidget(table)
    table.resize(1000, 400)
    table.set_rows(rows, now + timedelta(hours=1), now, own_due)
    table.enable_sorting()
    table.show()
    qtbot.waitExposed(table)
    assert _shown(table) == ["@zed", "@Amy", "@bob", "@cat", "@dan"]  # as added, at first
    table.selectRow(table.row_of("cat") or 0)

    _click_title(table, "account")  # whatever the case
    assert _shown(table) == ["@Amy", "@bob", "@cat", "@dan", "@zed"]
    header = table.horizontalHeader()
    assert header.sortIndicatorSection() == 0
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    _click_title(table, "account")
    assert _shown(table) == ["@zed", "@dan", "@cat", "@bob", "@Amy"]
    assert table.selected_handles() == ["cat"]

    # The person's attention first: needs you, the failed checks, not checked yet, fine.
    _click_title(table, "status")
    assert _shown(table) == ["@zed", "@bob", "@dan", "@cat", "@Amy"]
    # By when, not by the words: the oldest check first, never checked before any.
    _click_title(table, "last_check")
    assert _shown(table) == ["@cat", "@dan", "@zed", "@Amy", "@bob"]
    # The soonest first, a date three days away last.
    _click_title(table, "next_check")
    assert _shown(table) == ["@bob", "@cat", "@zed", "@dan", "@Amy"]
    # The box that is still on first, then those that were not read.
    _click_title(table, Box.TRAINING.value)
    assert _shown(table)[-1] == "@Amy"

    # The selection and the current row follow the account, through the sorts and a refill.
    assert table.selected_handles() == ["cat"]
    assert table.item(table.currentRow(), 0).text() == "@cat"
    _click_title(table, "next_check")
    table.set_rows(rows, now + timedelta(hours=1), now, own_due)  # each step of a check
    assert table.selected_handles() == ["cat"]
    assert table.item(table.currentRow(), 0).text() == "@cat"
    # The arrows go on from the account, as it is now placed.
    QTest.keyClick(table, Qt.Key.Key_Down)
    assert table.selected_handles() == [_shown(table)[_shown(table).index("@cat") + 1][1:]]


def test_the_order_chosen_is_kept_for_the_next_run(qtbot: QtBot, consentinel_home: Path) -> None:
    ctx = make_context(consentinel_home)
    _checked_accounts(ctx)
    with running_app(qtbot, ctx) as app:
        table = app.window.table
        # Sortable once the first frame is painted (the header's order is a Qt enum).
        qtbot.waitUntil(lambda: table.sortable)
        _click_title(table, "status")
        _click_title(table, "status")  # most pressing last
        # (Accounts that tie stay in their handles' order.)
        assert _shown(table) == ["@Amy", "@cat", "@bob", "@dan", "@zed"]
    kept = json.loads((ctx.paths.config_dir / "window.json").read_text())
    # (Beside the windows' places: test_window_places.)
    assert kept["accounts_sort"] == {"column": "status", "descending": True}
    with running_app(qtbot, ctx) as app:
        table = app.window.table
        # In that order from the first frame, its arrow shown once sorting comes.
        assert _shown(table) == ["@Amy", "@cat", "@bob", "@dan", "@zed"]
        header = table.horizontalHeader()
        qtbot.waitUntil(lambda: header.sortIndicatorSection() == 1)
        assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        assert header.isSortIndicatorShown()


def test_a_header_with_no_order_shows_no_arrow_and_has_room_for_one(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """Before sorting comes (the first frame) and with no order chosen: no arrow on the first
    column (a header starts with one there), and the columns are as wide as they will be with
    an arrow, so they do not widen after the first frame."""
    ctx = make_context(consentinel_home)
    _checked_accounts(ctx)
    table = AccountsTable()
    qtbot.addWidget(table)
    table.set_rows(rows_for(ctx), None, datetime.now(timezone.utc))
    widths = [table.columnWidth(c) for c in range(table.columnCount() - 1)]
    header = table.horizontalHeader()
    assert header.sortIndicatorSection() == -1
    table.enable_sorting()
    assert header.sortIndicatorSection() == -1
    table.set_rows(rows_for(ctx), None, datetime.now(timezone.utc))
    assert [table.columnWidth(c) for c in range(table.columnCount() - 1)] == widths


def _agency(home: Path) -> AppContext:
    ctx = make_context(home)
    for handle in AGENCY:
        add_account(ctx, handle, f"pw-{handle}")
    return ctx


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_filter_shows_the_accounts_whose_handle_holds_its_letters(
    qtbot: QtBot, consentinel_home: Path, language: str
) -> None:
    """Ctrl+F goes to it; it ignores case and accents ("ÉLO" finds @Elodie_Velo), and an @;
    the line beside it counts what it shows; Escape empties it."""
    ctx = _agency(consentinel_home)
    with running_app(qtbot, ctx, language=language) as app:
        window = app.window
        table = window.table
        accounts_filter = window._filter
        assert accounts_filter is not None
        edit = accounts_filter.edit
        words = "Filter by @handle or status" if language == "en" else "Filtrer par @compte ou état"
        assert edit.placeholderText() == edit.accessibleName() == words
        assert edit.isClearButtonEnabled()
        assert table.rowCount() == 25 and not accounts_filter.count.isVisible()
        table.selectRow(table.row_of("zoo_parc") or 0)
        table.setFocus()
        qtbot.waitUntil(table.hasFocus)

        QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        assert edit.hasFocus()
        QTest.keyClicks(edit, "ÉLO")
        assert _shown(table) == ["@Elodie_Velo", "@mairie_velo", "@velo_paris"]
        said = "3 of 25 accounts shown" if language == "en" else "3 comptes affichés sur 25"
        assert accounts_filter.count.isVisible() and accounts_filter.count.text() == said
        # Said to a screen reader on the field, and as the line changes.
        assert edit.accessibleDescription() == said
        line = QAccessible.queryAccessibleInterface(accounts_filter.count)
        assert line.text(QAccessible.Text.Name) == said
        # zoo_parc, hidden, is no longer selected: the first account shown is.
        assert table.selected_handles() == ["Elodie_Velo"]

        QTest.keyClicks(edit, "_p")
        one = "1 of 25 accounts shown" if language == "en" else "1 compte affiché sur 25"
        assert (_shown(table), accounts_filter.count.text()) == (["@velo_paris"], one)
        edit.setText("@ZOO")
        assert _shown(table) == ["@zoo_parc"]
        # Typed with its @, the handle's beginning: not @cafe_marais nor @clinique_alma.
        edit.setText("@ma")
        assert _shown(table) == ["@mairie_velo", "@marche_bio"]
        # "@" alone, or letters every account holds: all shown, nothing to count.
        edit.setText("@")
        assert table.rowCount() == 25 and not accounts_filter.count.isVisible()
        edit.setText("nobody")
        assert table.rowCount() == 0 and not window.check_action.isEnabled()
        assert window.check_all_action.isEnabled()  # (every account, shown or not)

        QTest.keyClick(edit, Qt.Key.Key_Escape)
        assert edit.text() == "" and table.rowCount() == 25
        assert not accounts_filter.count.isVisible()
        # Down goes from the field to the accounts.
        QTest.keyClick(edit, Qt.Key.Key_Down)
        assert table.hasFocus()


def test_the_selection_the_filter_hid_comes_back_when_it_is_emptied(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """Two accounts selected far down the list, a look at others through the filter, the filter
    emptied: the same two are selected again, the first current and in view. Once the person
    chose another account meanwhile, that one stays selected instead."""
    ctx = _agency(consentinel_home)
    with running_app(qtbot, ctx) as app:
        window = app.window
        table = window.table
        table.resize(table.width(), 200)  # (some rows out of view)
        table.setFocus()
        table.selectRow(table.row_of("theatre_sud") or 0)
        QTest.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
        assert table.selected_handles() == ["theatre_sud", "traiteur_lea"]
        window.set_filter_text("paris")
        assert table.selected_handles() == ["dentiste_paris"]  # (one of those shown)
        window.set_filter_text("")
        assert table.selected_handles() == ["theatre_sud", "traiteur_lea"]
        assert table.current_handle() == "theatre_sud"
        row = table.row_of("theatre_sud")
        assert row is not None and table.viewport().rect().intersects(
            table.visualRect(table.model().index(row, 0))
        )

        def click(handle: str) -> None:
            row = table.row_of(handle)
            assert row is not None
            where = table.visualRect(table.model().index(row, 0)).center()
            QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)

        window.set_filter_text("velo")
        click("mairie_velo")  # the person's choice
        window.set_filter_text("")
        assert table.selected_handles() == ["mairie_velo"]
        # Chosen, then the filter narrowed further: still their choice.
        window.set_filter_text("a")
        click("salon_ana")
        window.set_filter_text("an")
        assert table.selected_handles() == ["salon_ana"]
        window.set_filter_text("")
        assert table.selected_handles() == ["salon_ana"]
    ctx.journal.close()


def test_the_actions_act_on_the_accounts_shown_only(qtbot: QtBot, consentinel_home: Path) -> None:
    """Everything selected, then filtered: Remove names and removes only those shown."""
    ctx = _agency(consentinel_home)
    with running_app(qtbot, ctx) as app:
        window = app.window
        table = window.table
        table.setFocus()
        table.selectAll()
        assert len(table.selected_handles()) == 25
        window.set_filter_text("paris")
        table.selectAll()  # (Ctrl+A: what is shown)
        assert table.selected_handles() == ["dentiste_paris", "velo_paris"]
        asked: list[str] = []

        def answer() -> None:
            box = QApplication.activeModalWidget()
            assert isinstance(box, QMessageBox)
            asked.append(box.informativeText())
            next(b for b in box.buttons() if b.text() == "&Remove").click()

        QTimer.singleShot(0, answer)
        window.remove_action.trigger()
        assert "@dentiste_paris, @velo_paris" in asked[0]
        removed = ctx.journal.entries(kinds=[EntryKind.ACCOUNT_REMOVED])
        assert sorted(e.handle for e in removed) == ["dentiste_paris", "velo_paris"]
        assert len(ctx.accounts.list()) == 23
        assert window._filter is not None and window._filter.count.text() == (
            "0 of 23 accounts shown"
        )


def test_escape_in_an_empty_filter_is_the_window_s(qtbot: QtBot, consentinel_home: Path) -> None:
    """With words in it, Escape empties the filter, and the window's Escape (which asks to
    cancel a running check) is not pressed; empty, the window's is."""
    ctx = _agency(consentinel_home)
    with running_app(qtbot, ctx) as app:
        window = app.window
        # A shortcut of the window's on Escape, as its own is while a check runs.
        pressed: list[bool] = []
        escape = QShortcut(QKeySequence(QKeySequence.StandardKey.Cancel), window)
        escape.activated.connect(lambda: pressed.append(True))
        window.focus_filter()
        assert window._filter is not None
        edit = window._filter.edit
        qtbot.waitUntil(lambda: window.isActiveWindow() and edit.hasFocus())
        QTest.keyClicks(edit, "velo")
        QTest.keyClick(edit, Qt.Key.Key_Escape)
        assert edit.text() == "" and pressed == []
        QTest.keyClick(edit, Qt.Key.Key_Escape)
        assert pressed == [True]


def test_an_account_added_while_the_filter_hides_it_is_shown(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    from consentinel.gui.account_dialog import AccountDialog

    ctx = _agency(consentinel_home)
    with running_app(qtbot, ctx) as app:
        window = app.window
        window.set_filter_text("paris")

        def fill_dialog() -> None:
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, AccountDialog)
            qtbot.keyClicks(dialog.handle_edit, "@newbie")
            qtbot.keyClicks(dialog.password_edit, "a password")
            dialog.save_button.click()

        QTimer.singleShot(0, fill_dialog)
        window.add_account()
        assert window.filter_text == ""
        assert window.table.selected_handles() == ["newbie"]


def test_the_filter_and_order_stay_when_the_window_changes_language(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    ctx = _agency(consentinel_home)
    with running_app(qtbot, ctx) as app:
        table = app.window.table
        qtbot.waitUntil(lambda: table.sortable)
        _click_title(table, "account")
        _click_title(table, "account")
        app.window.set_filter_text("velo")
        ctx.settings.language = "fr"
        app._apply_language()  # (as Settings saved with another language)
        window = app.window
        assert window.filter_text == "velo"
        assert _shown(window.table) == ["@velo_paris", "@mairie_velo", "@Elodie_Velo"]
        assert window._filter is not None
        assert window._filter.count.text() == "3 comptes affichés sur 25"


# -- the order from the keyboard: Accounts › Sort accounts by ----------------------------------


def _open_menu(qtbot: QtBot, target: QWidget, letter: str, alt: bool = False) -> QMenu:
    """Presses `letter` (with Alt: in the window's menu bar) and returns the menu it opened."""
    before = QApplication.activePopupWidget()
    modifier = Qt.KeyboardModifier.AltModifier if alt else Qt.KeyboardModifier.NoModifier
    QTest.keyClick(target, letter, modifier)
    qtbot.waitUntil(
        lambda: (
            isinstance(QApplication.activePopupWidget(), QMenu)
            and QApplication.activePopupWidget() is not before
        )
    )
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


def _choose(qtbot: QtBot, window: QWidget, letters: str) -> QMenu:
    """Alt+the Accounts menu's letter, then the letters of "Sort accounts by" and of one of its
    entries, as a keyboard user types them; the sort menu (closed again by the choice)."""
    accounts = _open_menu(qtbot, window, letters[0], alt=True)
    sort_menu = _open_menu(qtbot, accounts, letters[1])
    QTest.keyClick(sort_menu, letters[2])
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    return sort_menu


def _ticked(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if a.isCheckable() and a.isChecked()]


def _kept(ctx: AppContext) -> object:
    return json.loads((ctx.paths.config_dir / "window.json").read_text())


def test_the_order_is_chosen_from_the_keyboard_and_kept_in_step_with_the_titles(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """Accounts › Sort accounts by, opened with Alt+A then O: each column by its title, "As
    added" and "Descending", each with its own letter. A choice there does what a click on the
    title does (order, arrow, window.json), and a click on a title ticks its entry there."""
    ctx = make_context(consentinel_home)
    _checked_accounts(ctx)
    with running_app(qtbot, ctx) as app:
        window, table = app.window, app.window.table
        header = table.horizontalHeader()
        qtbot.waitUntil(lambda: table.sortable)
        # Nothing of it is made for the first frame: only when the Accounts menu first opens.
        assert window._sort_menu is None
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)

        accounts = _open_menu(qtbot, window, "a", alt=True)
        sort_menu = _open_menu(qtbot, accounts, "o")
        assert sort_menu is window.sort_menu and sort_menu.title() == "S&ort accounts by"
        entries = [a.text() for a in sort_menu.actions() if not a.isSeparator()]
        assert entries == [
            "&As added", "A&ccount", "&Status", "&Training", "&Personalization", "&Memory",
            "&Last check", "&Next check", "&Descending",
        ]  # fmt: skip
        assert _ticked(sort_menu) == ["&As added"] and not window.sort_menu.descending.isEnabled()
        with qtbot.waitSignal(table.sort_chosen) as chosen:
            QTest.keyClick(sort_menu, "s")
        assert chosen.args == [SortChoice("status")]
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
        # As a click on "Status" sorts: the person's attention first, its arrow on its title.
        assert _shown(table) == ["@zed", "@bob", "@dan", "@cat", "@Amy"]
        assert header.sortIndicatorSection() == COLUMN_NAMES.index("status")
        assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
        assert _kept(ctx) == {"accounts_sort": {"column": "status", "descending": False}}
        assert _ticked(sort_menu) == ["&Status"] and sort_menu.descending.isEnabled()

        # Descending: the same column the other way, as a second click on its title.
        _choose(qtbot, window, "aod")
        assert _shown(table) == ["@Amy", "@cat", "@bob", "@dan", "@zed"]
        assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        assert _kept(ctx) == {"accounts_sort": {"column": "status", "descending": True}}
        assert _ticked(sort_menu) == ["&Status", "&Descending"]
        # Another column keeps the way the menu shows (ticked: descending).
        _choose(qtbot, window, "aol")
        # (Checked in this order, one after another; cat never: first, once reversed last.)
        assert _shown(table) == ["@dan", "@bob", "@Amy", "@zed", "@cat"]
        assert header.sortIndicatorSection() == COLUMN_NAMES.index("last_check")
        assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        assert _kept(ctx) == {"accounts_sort": {"column": "last_check", "descending": True}}

        # A click on a title ticks its entry, and its way, at once (the menu closed).
        _click_title(table, "account")
        assert _shown(table) == ["@Amy", "@bob", "@cat", "@dan", "@zed"]
        assert _ticked(sort_menu) == ["A&ccount"]
        _click_title(table, "account")
        assert _ticked(sort_menu) == ["A&ccount", "&Descending"]
        assert _kept(ctx) == {"accounts_sort": {"column": "account", "descending": True}}

        # As added: no order, no arrow, nothing kept; Descending has nothing to reverse.
        _choose(qtbot, window, "aoa")
        assert _shown(table) == ["@zed", "@Amy", "@bob", "@cat", "@dan"]
        assert header.sortIndicatorSection() == -1
        assert _kept(ctx) == {}
        assert _ticked(sort_menu) == ["&As added"] and not sort_menu.descending.isEnabled()
        # Whatever the table shows when the menu opens, it shows too (an order read back).
        table.set_sort(SortChoice("next_check", True))
        sort_menu.aboutToShow.emit()
        assert _ticked(sort_menu) == ["&Next check", "&Descending"]


def test_the_sort_menu_waits_for_an_account(qtbot: QtBot, consentinel_home: Path) -> None:
    """On the welcome page there is nothing to sort: the entry is greyed out, then offered
    with the first account."""
    ctx = make_context(consentinel_home)
    with running_app(qtbot, ctx) as app:
        window = app.window
        qtbot.waitUntil(lambda: window.painted)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        accounts = _open_menu(qtbot, window, "a", alt=True)
        entry = window.sort_menu.menuAction()
        assert entry in accounts.actions() and not entry.isEnabled()
        QTest.keyClick(accounts, "o")  # (greyed out: opens nothing)
        assert QApplication.activePopupWidget() is accounts
        accounts.close()
        add_account(ctx, "alice", "pw-alice")
        add_account(ctx, "Bob", "pw-bob")
        window.refresh()
        assert entry.isEnabled()
        _choose(qtbot, window, "aoc")
        assert window.table.sort == SortChoice("account")
        _choose(qtbot, window, "aod")
        assert _shown(window.table) == ["@Bob", "@alice"]


def test_the_sort_menu_in_french(qtbot: QtBot, consentinel_home: Path) -> None:
    ctx = make_context(consentinel_home)
    _checked_accounts(ctx)
    with running_app(qtbot, ctx, language="fr") as app:
        window, table = app.window, app.window.table
        qtbot.waitUntil(lambda: table.sortable)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        accounts = _open_menu(qtbot, window, "c", alt=True)  # &Comptes
        sort_menu = _open_menu(qtbot, accounts, "t")
        assert sort_menu.title() == "&Trier les comptes par"
        entries = [a.text() for a in sort_menu.actions() if not a.isSeparator()]
        assert entries == [
            "&Ordre d'ajout", "&Compte", "É&tat", "&Entraînement", "&Personnalisation",
            "&Mémoire", "De&rnière vérification", "Proc&haine vérification",
            "Ordre &décroissant",
        ]  # fmt: skip
        QTest.keyClick(sort_menu, "t")  # by État
        assert _shown(table) == ["@zed", "@bob", "@dan", "@cat", "@Amy"]
        assert table.horizontalHeader().sortIndicatorSection() == COLUMN_NAMES.index("status")
