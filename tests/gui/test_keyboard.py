"""Everything reachable and said from the keyboard: Tab leaves every field and table, focus
lands on the thing to do, Alt+letter names one control per window, Enter presses the button
that has the focus, and what the mouse reads in a tooltip a screen reader reads too. Real
widgets, offscreen, in English and French."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAccessibleEvent,
    QContextMenuEvent,
)
from PySide6.QtTest import QSignalSpy, QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QMenuBar,
    QMessageBox,
    QProxyStyle,
    QPushButton,
    QStyle,
    QStyleHintReturn,
    QStyleOption,
    QWidget,
)
from pytestqt.qtbot import QtBot

from consentinel.core.context import AppContext
from consentinel.core.events import PromptRequest
from consentinel.core.steps import PromptKind, Step
from consentinel.gui.about_dialog import AboutDialog
from consentinel.gui.account_dialog import AccountDialog
from consentinel.gui.browser_setup_dialog import BrowserSetupDialog
from consentinel.gui.check_panel import CheckPanel
from consentinel.gui.confirmation import Confirmation
from consentinel.gui.dialog_words import step_name
from consentinel.gui.journal_window import JournalWindow
from consentinel.gui.prompt_dialogs import PromptDialog
from consentinel.gui.settings_dialog import SettingsDialog
from consentinel.gui.translations import Translators
from consentinel.gui.tray import Tray
from consentinel.simx import SimAccount
from tests.fixtures.simx_fixtures import SimxFactory
from tests.gui._app_support import add_account, make_context, running_app

RUN_TIMEOUT_MS = 90_000


def _letter(text: str) -> str | None:
    """The Alt+letter a control's text gives it ("&&" is a plain "&")."""
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].lower() if 0 <= at < len(plain) - 1 else None


def _mnemonics(window: QWidget) -> list[str]:
    """The Alt+letter of every visible, enabled button and menu title of a window."""
    texts = [
        b.text() for b in window.findChildren(QAbstractButton) if b.isVisible() and b.isEnabled()
    ]
    for bar in window.findChildren(QMenuBar):
        texts += [a.text() for a in bar.actions() if a.isVisible()]
    return [letter for text in texts if (letter := _letter(text))]


def _menu_letters(menu: QMenu) -> list[str | None]:
    """The letter of each entry of a menu (None: an entry without one)."""
    return [_letter(a.text()) for a in menu.actions() if not a.isSeparator()]


def _open_popup(qtbot: QtBot) -> QMenu:
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


def _answer_when_asked(answer: str | Qt.Key | None, said: list[str], tries: int = 250) -> None:
    """Once a message box is up (within 5 s), notes its question and clicks its button
    `answer`, or presses that key in it (None: leaves it open)."""
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        if tries:
            QTimer.singleShot(20, lambda: _answer_when_asked(answer, said, tries - 1))
        return
    said.append(box.text())
    if isinstance(answer, Qt.Key):
        QTest.keyClick(box, answer)
    elif answer is not None:
        next(b for b in box.buttons() if b.text() == answer).click()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_each_alt_letter_names_one_control_on_the_first_screen_and_during_a_check(
    qtbot: QtBot, consentinel_home: Path, language: str
) -> None:
    """Two controls on one letter: Alt+letter only moves between them, pressing neither
    (Alt+A opened neither "Accounts" nor "Add your first account")."""
    ctx = make_context(consentinel_home)
    with running_app(qtbot, ctx, language=language) as app:
        window = app.window
        assert window.stack.currentWidget() is window.empty
        doubled = [k for k, n in Counter(_mnemonics(window)).items() if n > 1]
        assert doubled == [], (language, _mnemonics(window))
        # The focus is on the first thing to do, not on the scroll area around it.
        assert window.empty.focusProxy() is window.empty.add_button
        # During a check, the panel's Cancel joins the menus.
        window.panel.begin(1)
        doubled = [k for k, n in Counter(_mnemonics(window)).items() if n > 1]
        assert doubled == [], (language, _mnemonics(window))


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_accounts_menu_opens_from_the_keyboard_and_the_mouse_with_the_window_actions(
    qtbot: QtBot, consentinel_home: Path, language: str
) -> None:
    """A keyboard user has no right button: the Menu key (which Qt turns into a keyboard
    context-menu event) and Shift+F10 open the same menu a right-click opens."""
    ctx = make_context(consentinel_home)
    add_account(ctx, "alice", "pw-alice")
    add_account(ctx, "bob", "pw-bob")
    with running_app(qtbot, ctx, language=language) as app:
        window, table = app.window, app.window.table
        table.selectRow(table.row_of("bob") or 0)
        table.setFocus()

        # 1. The Menu key: under bob's row, the window's own actions, each with its own letter.
        here = QPoint(0, 0)
        QApplication.sendEvent(
            table,
            QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, here, table.mapToGlobal(here)),
        )
        menu = _open_popup(qtbot)
        entries = [a for a in menu.actions() if not a.isSeparator()]
        assert entries[:4] == [
            window.check_action,
            window.signin_action,
            window.edit_action,
            window.remove_action,
        ]
        assert all(a.isEnabled() for a in entries)
        assert "@bob" in entries[4].text() and entries[4].text() != "&Journal of @{handle}"
        letters = _menu_letters(menu)
        assert None not in letters and len(set(letters)) == len(letters), letters
        bob = table.visualRect(table.model().index(table.row_of("bob") or 0, 0))
        assert menu.geometry().top() >= table.viewport().mapToGlobal(bob.topLeft()).y()
        # Its Remove asks to remove bob, as Delete and the Accounts menu do.
        said: list[str] = []
        QTimer.singleShot(0, lambda: _answer_when_asked(window.tr("Cancel"), said))
        QTest.keyClick(menu, _letter(window.remove_action.text()) or "")
        assert len(said) == 1 and "@bob" in said[0], said
        assert not menu.isVisible() and len(ctx.accounts.list()) == 2

        # 2. Shift+F10; its last entry shows bob's journal.
        QTest.keyClick(table, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
        menu = _open_popup(qtbot)
        QTest.keyClick(menu, "j")
        journal = window.journal_window
        assert journal is not None and journal.isVisible()
        assert journal.account_filter.currentData() == "bob"
        journal.close()

        # 3. A right-click on alice's row selects her and opens the menu at the pointer.
        alice = table.visualRect(table.model().index(table.row_of("alice") or 0, 0)).center()
        QTest.mousePress(table.viewport(), Qt.MouseButton.RightButton, pos=alice)
        QTest.mouseRelease(table.viewport(), Qt.MouseButton.RightButton, pos=alice)
        QApplication.sendEvent(
            table.viewport(),
            QContextMenuEvent(
                QContextMenuEvent.Reason.Mouse, alice, table.viewport().mapToGlobal(alice)
            ),
        )
        menu = _open_popup(qtbot)
        assert table.selected_handles() == ["alice"]
        assert menu.geometry().topLeft() == table.viewport().mapToGlobal(alice)
        assert "@alice" in [a for a in menu.actions() if not a.isSeparator()][4].text()
        menu.close()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_each_entry_of_each_window_menu_has_its_own_letter(
    qtbot: QtBot, consentinel_home: Path, language: str
) -> None:
    """In French, Aide held « &Premiers pas » and « À &propos… »: P in the open menu only
    moved between them, opening neither."""
    ctx = make_context(consentinel_home)
    add_account(ctx, "alice", "pw-alice")
    with running_app(qtbot, ctx, language=language) as app:
        qtbot.waitUntil(lambda: app.window.table.sortable)  # (the first frame is painted)
        menus = [
            title.menu() for bar in app.window.findChildren(QMenuBar) for title in bar.actions()
        ]
        while menus:
            menu = menus.pop(0)
            assert isinstance(menu, QMenu)
            menu.aboutToShow.emit()
            letters = [letter for letter in _menu_letters(menu) if letter]
            texts = [a.text() for a in menu.actions() if not a.isSeparator()]
            assert len(set(letters)) == len(letters), (language, menu.title(), texts)
            # Their submenus too (Accounts › Sort accounts by, made as Accounts opens).
            menus += [a.menu() for a in menu.actions() if a.menu() is not None]
        assert app.window._sort_menu is not None


def test_the_window_opens_with_the_keyboard_on_the_accounts(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """The filter field above the table came first in the focus chain, so it took the first
    focus: Enter, Delete, the Menu key and the arrows no longer reached the selected account,
    and a screen reader began with "Filter accounts"."""
    ctx = make_context(consentinel_home)
    add_account(ctx, "alice", "pw-alice")
    with running_app(qtbot, ctx) as app:
        app.window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        assert QApplication.focusWidget() is app.window.table


@pytest.mark.parametrize(("language", "words"), [("en", "Check all"), ("fr", "Tout vérifier")])
def test_check_all_is_named_alike_in_the_toolbar_the_menu_and_the_tray(
    qtbot: QtBot, consentinel_home: Path, language: str, words: str
) -> None:
    """French said « Vérifier tout » in the toolbar, « Vérifier &tout » in the Checks menu and
    « &Tout vérifier maintenant » in the tray: one action, three orders of words."""
    from PySide6.QtWidgets import QToolButton

    ctx = make_context(consentinel_home)
    add_account(ctx, "alice", "pw-alice")
    with running_app(qtbot, ctx, language=language) as app:
        window = app.window
        menu_entry = window.check_all_action.text()
        assert menu_entry.replace("&", "") == words
        (button,) = [
            b
            for b in window.findChildren(QToolButton)
            if b.defaultAction() is window.check_all_action
        ]
        assert button.text().replace("&", "") == words
        tray = Tray(lambda: False, lambda: True)
        tray.menu.aboutToShow.emit()
        entries = [a for a in tray.menu.actions() if a.isVisible() and not a.isSeparator()]
        assert entries[1].text().replace("&", "").startswith(words + " ")  # (after the status)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_each_entry_of_the_tray_menu_has_its_own_letter(qtbot: QtBot, language: str) -> None:
    """Paused or not; and its letter, pressed in the open menu, does what the entry says."""
    translators = Translators()
    try:
        translators.switch(language)
        paused = [False]
        tray = Tray(lambda: paused[0], lambda: False)
        schedule_letters = set()
        for state in (False, True):
            paused[0] = state
            tray.menu.aboutToShow.emit()
            # (Its first line says how the last check went: read, not chosen, no letter.)
            entries = [a for a in tray.menu.actions() if a.isVisible() and a.isEnabled()]
            letters = [_letter(a.text()) for a in entries if not a.isSeparator()]
            texts = [a.text() for a in entries if not a.isSeparator()]
            assert None not in letters and len(set(letters)) == len(letters), texts
            schedule_letters.add(letters[2])
        assert len(schedule_letters) == 1  # the same letter pauses and resumes
        if language == "fr":
            assert texts[0] == "&Tout vérifier maintenant"  # the French catalogue is in use
        tray.menu.popup(QPoint(10, 10))
        menu = _open_popup(qtbot)
        assert menu is tray.menu
        opening = next(
            a for a in menu.actions() if a.isEnabled() and a.text().endswith(" Consentinel")
        )
        with qtbot.waitSignal(tray.open_window, timeout=2_000):
            QTest.keyClick(menu, _letter(opening.text()) or "")
        assert not menu.isVisible()
    finally:
        translators.switch("en")


@pytest.mark.browser
def test_escape_asks_before_cancelling_a_check_and_the_cancel_button_does_not(
    qtbot: QtBot, simx: SimxFactory, consentinel_home: Path
) -> None:
    """Esc closes menus, questions and boxes, and is pressed once too often: during a check it
    asks first, and the question's own Esc keeps checking. "Cancel check" cancels at once."""
    sim = simx(SimAccount("slow_sam", "pw-sam"), render_delay_ms=2500, latency_ms=300)
    ctx = make_context(consentinel_home, sim.origin)
    add_account(ctx, "slow_sam", "pw-sam")
    with running_app(qtbot, ctx) as app:
        window, runner = app.window, app.runner

        def check_under_way() -> None:
            with qtbot.waitSignal(
                runner.step,
                timeout=RUN_TIMEOUT_MS,
                # (Signing in the first time, opening the saved session the second.)
                check_params_cb=lambda _handle, step: step is not Step.QUEUED,
            ):
                window.check_all()
            back_in_the_window()

        def back_in_the_window() -> None:
            # (Offscreen, no window manager gives the window back its focus after a box.)
            window.activateWindow()
            window.table.setFocus()
            qtbot.waitUntil(lambda: window.isActiveWindow() and window.table.hasFocus())

        check_under_way()
        said: list[str] = []
        QTimer.singleShot(0, lambda: _answer_when_asked("&Keep checking", said))
        QTest.keyClick(window.table, Qt.Key.Key_Escape)
        assert said == ["Cancel the check?"]
        assert runner.running and window.panel.cancel_button.isEnabled()
        back_in_the_window()
        QTimer.singleShot(0, lambda: _answer_when_asked(Qt.Key.Key_Escape, said))
        QTest.keyClick(window.table, Qt.Key.Key_Escape)  # and Esc again, in the question
        assert said == ["Cancel the check?"] * 2
        assert runner.running and window.panel.cancel_button.isEnabled()
        # The panel's button (and its Alt+N) cancels as before: at once, nothing asked.
        back_in_the_window()
        with qtbot.waitSignal(runner.run_finished, timeout=RUN_TIMEOUT_MS) as finished:
            QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
        # (A question would have waited for an answer that nobody gave: no cancel.)
        assert finished.args[0].cancelled and len(said) == 2
        assert not window.panel.cancel_button.isEnabled()

        # A check that ends while the question is open (here stopped from elsewhere, as a
        # prompt's "Cancel the whole check" can) closes the question: nothing is left to cancel.
        back_in_the_window()
        check_under_way()
        left_open: list[QWidget] = []

        def end_the_check_meanwhile() -> None:
            if isinstance(QApplication.activeModalWidget(), QMessageBox):
                runner.cancel()
                QTimer.singleShot(10_000, close_if_left_open)
            else:
                QTimer.singleShot(20, end_the_check_meanwhile)

        def close_if_left_open() -> None:
            if isinstance(box := QApplication.activeModalWidget(), QMessageBox):
                left_open.append(box)
                box.reject()

        with qtbot.waitSignal(runner.run_finished, timeout=RUN_TIMEOUT_MS) as finished:
            QTimer.singleShot(0, end_the_check_meanwhile)
            QTest.keyClick(window.table, Qt.Key.Key_Escape)  # returns once the box has closed
        assert finished.args[0].cancelled and left_open == []
        assert QApplication.activeModalWidget() is None

        # Esc, then the question's "Cancel the check": cancelled.
        back_in_the_window()
        check_under_way()
        with qtbot.waitSignal(runner.run_finished, timeout=RUN_TIMEOUT_MS) as finished:
            QTimer.singleShot(0, lambda: _answer_when_asked("&Cancel the check", said))
            QTest.keyClick(window.table, Qt.Key.Key_Escape)
        assert finished.args[0].cancelled and len(said) == 3
        assert not runner.running and not window.escape_shortcut.isEnabled()


def test_the_journal_window_is_walked_with_tab_and_closed_with_escape(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    ctx = make_context(consentinel_home)
    add_account(ctx, "alice", "pw")
    window = JournalWindow(ctx)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.from_date.setFocus()
    qtbot.waitUntil(lambda: window.from_date.hasFocus())
    assert window.from_date.text() == "Any"
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    # It kept Tab for itself while it showed "Any": nothing after it could be reached.
    assert window.to_date.hasFocus(), QApplication.focusWidget()
    assert not window.table.tabKeyNavigation()  # Tab leaves the table too
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isVisible())


def test_enter_presses_the_focused_button_and_focus_starts_on_the_answer(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    ctx = make_context(consentinel_home)
    setup = BrowserSetupDialog(ctx)  # type: ignore[arg-type]
    qtbot.addWidget(setup)
    setup.show()
    qtbot.waitExposed(setup)
    assert setup.focusWidget() is setup.download_button
    downloads = QSignalSpy(setup.download_button.clicked)
    setup.later_button.setFocus()
    QTest.keyClick(setup.later_button, Qt.Key.Key_Return)
    # "Not now" means not now: Enter on it started the 170 MB download.
    assert downloads.count() == 0 and not setup.isVisible()

    finish = PromptDialog(PromptRequest("alice", PromptKind.FINISH_IN_BROWSER, "captcha"))
    qtbot.addWidget(finish)
    finish.show()
    qtbot.waitExposed(finish)
    # Not on "Skip this account" (Space on it skipped the account).
    assert finish.focusWidget() is finish.ok_button


class _ButtonOrder(QProxyStyle):
    """The order a platform puts a dialog's buttons in (Windows, macOS, KDE, GNOME)."""

    def __init__(self, layout: QDialogButtonBox.ButtonLayout) -> None:
        super().__init__("Fusion")
        self.layout = layout

    def styleHint(
        self,
        hint: QStyle.StyleHint,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        returned: QStyleHintReturn | None = None,
    ) -> int:
        if hint == QStyle.StyleHint.SH_DialogButtonLayout:
            return self.layout.value
        return super().styleHint(hint, option, widget, returned)


_LAYOUTS = QDialogButtonBox.ButtonLayout
#: Each platform's order of a dialog's buttons.
EVERY_LAYOUT = pytest.mark.parametrize(
    "layout",
    [_LAYOUTS.WinLayout, _LAYOUTS.MacLayout, _LAYOUTS.KdeLayout, _LAYOUTS.GnomeLayout],
    ids=lambda layout: layout.name,
)


def _as_seen(dialog: PromptDialog) -> list[QPushButton]:
    """The dialog's three buttons, left to right as drawn."""
    return sorted(
        (dialog.ok_button, dialog.cancel_button, dialog.cancel_check_button),
        key=lambda button: button.mapTo(dialog, button.rect().center()).x(),
    )


def _pressed(key: Qt.Key, times: int) -> list[QWidget | None]:
    """Where the focus goes at each press of `key`."""
    went = []
    for _ in range(times):
        QTest.keyClick(QApplication.focusWidget(), key)
        went.append(QApplication.focusWidget())
    return went


@EVERY_LAYOUT
def test_tab_walks_the_finish_in_browser_buttons_in_the_order_they_are_seen(
    qtbot: QtBot, layout: QDialogButtonBox.ButtonLayout
) -> None:
    """Left to right as each platform lays them out (from the focused "Open browser window",
    Tab wraps round to the left), and back with Shift+Tab; not in the order they were added."""
    dialog = PromptDialog(PromptRequest("alice", PromptKind.FINISH_IN_BROWSER, "captcha"))
    qtbot.addWidget(dialog)
    style = _ButtonOrder(layout)
    dialog.buttons.setStyle(style)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.ok_button)
    seen = _as_seen(dialog)
    start = seen.index(dialog.ok_button)
    # (The platform's order is in use: macOS and GNOME put the answer on the right.)
    assert start == (2 if layout in (_LAYOUTS.MacLayout, _LAYOUTS.GnomeLayout) else 0)
    from_ok = seen[start:] + seen[:start]
    walked = [QApplication.focusWidget(), *_pressed(Qt.Key.Key_Tab, len(from_ok))]
    assert [b.text() for b in walked] == [b.text() for b in [*from_ok, dialog.ok_button]]
    back = _pressed(Qt.Key.Key_Backtab, len(from_ok))
    assert [b.text() for b in back] == [b.text() for b in reversed(from_ok)]


@EVERY_LAYOUT
def test_tab_goes_from_a_typed_code_to_the_buttons_in_the_order_they_are_seen(
    qtbot: QtBot, layout: QDialogButtonBox.ButtonLayout
) -> None:
    """Mid-check, a code typed: Tab went to "Skip this account" (on the right), then to
    "Continue" (on the left), then to "Cancel the whole check" (between them). Now from the
    field: the buttons left to right, then the field again; Shift+Tab walks back."""
    dialog = PromptDialog(PromptRequest("tom", PromptKind.TWO_FACTOR_CODE))
    qtbot.addWidget(dialog)
    dialog.setStyle(_ButtonOrder(layout))  # (the whole dialog's, as a platform's would be)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.edit)
    qtbot.keyClicks(dialog.edit, "123456")
    seen = _as_seen(dialog)
    walk = [*seen, dialog.edit]
    walked = _pressed(Qt.Key.Key_Tab, len(walk))
    assert walked == walk, [getattr(w, "text", lambda: "")() for w in walked]
    back = _pressed(Qt.Key.Key_Backtab, len(walk))
    assert back == [*reversed(seen), dialog.edit]


def _damaged_journal_window(qtbot: QtBot, ctx: AppContext) -> JournalWindow:
    """A journal window over a journal with an entry edited behind its back."""
    ctx.journal.append_account_added("alice")
    with sqlite3.connect(ctx.paths.journal_path) as db:
        db.execute("UPDATE entries SET handle = 'mallory'")
    db.close()
    window = JournalWindow(ctx)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.verifying)
    assert not window.start_over_button.isHidden()
    return window


@pytest.mark.parametrize("language", ["en", "fr"])
def test_each_are_you_sure_box_gives_each_answer_its_own_alt_letter(
    qtbot: QtBot, consentinel_home: Path, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Remove, Delete everything, Cancel the check, Keep checking… had no Alt letter: a
    keyboard user tabbed to them. Each answer has one now, its own in its box; only the plain
    Cancel, which Esc presses, goes without."""
    asked: list[Confirmation] = []

    def answered_no(box: Confirmation) -> bool:
        asked.append(box)
        return False

    monkeypatch.setattr(Confirmation, "confirmed", answered_no)
    ctx = make_context(consentinel_home)
    add_account(ctx, "alice", "pw-alice")
    with running_app(qtbot, ctx, language=language) as app:
        window = app.window
        assert window.confirm_remove(["alice"]) is False
        for trigger in ("gui", "login"):  # a check, or the person's own sign-in
            app.runner.trigger = trigger
            for quitting in (False, True):
                answered_no(window._ask_over_running(quitting=quitting))
        app.runner.trigger = ""
        settings = SettingsDialog(ctx, tray=False)
        qtbot.addWidget(settings)
        assert settings.delete_all_data() is False
        assert _damaged_journal_window(qtbot, ctx).ask_start_over() is False
        cancel = QCoreApplication.translate("MainWindow", "Cancel")
        assert len(asked) == 7
        for box in asked:
            texts = [b.text() for b in box.buttons()]
            letters = [_letter(text) for text in texts if text != cancel]
            assert None not in letters and len(set(letters)) == len(letters), texts
            assert _letter(box.act_button.text()) is not None, texts
        if language == "fr":  # (the French catalogue is in use)
            assert asked[0].act_button.text() == "&Retirer"


def test_what_a_screen_reader_and_the_keyboard_reach(qtbot: QtBot, consentinel_home: Path) -> None:
    ctx = make_context(consentinel_home)
    about = AboutDialog(ctx)  # type: ignore[arg-type]
    qtbot.addWidget(about)
    linked = [
        label for label in about.findChildren(QLabel) if label.openExternalLinks()
    ]  # the labels that hold links
    assert linked and all(
        label.textInteractionFlags() & Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        for label in linked
    )

    dialog = AccountDialog(ctx)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.handle_edit, "not a handle!")
    assert dialog.handle_error.isVisible()
    # The problem under the field is what a screen reader says on the field.
    assert dialog.handle_edit.accessibleDescription() == dialog.handle_error.text()


def test_a_checks_progress_reaches_a_screen_reader_as_it_changes(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read through Qt's own accessibility interfaces, as a screen reader's bridge reads them;
    the announcements are seen on their way into Qt's QAccessible.updateAccessibility."""
    announced: list[tuple[QObject, str]] = []
    real_update = QAccessible.updateAccessibility

    def listening(event: QAccessibleEvent) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            announced.append((event.object(), event.message()))
        real_update(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", listening)
    panel = CheckPanel()
    qtbot.addWidget(panel)
    line = QAccessible.queryAccessibleInterface(panel.label)
    bar = QAccessible.queryAccessibleInterface(panel.progress)
    name, description = QAccessible.Text.Name, QAccessible.Text.Description

    panel.begin(2)
    qtbot.waitExposed(panel)
    said = [panel.label.text()]
    assert line.text(name) == "Checking 2 accounts…"  # was "Check progress", whatever it showed
    assert line.text(description) == "Check progress"
    assert bar.text(description) == "Accounts checked: 0 of 2"
    for step in (Step.SIGNING_IN, Step.READING_PAGE, Step.UNTICKING):
        panel.show_step("alice", step)
        said.append(f"@alice: {step_name(step)}")
        assert panel.label.text() == line.text(name) == said[-1]
    panel.show_step("alice", Step.DONE)  # (as the window says an account's end)
    panel.account_done()
    assert bar.text(QAccessible.Text.Value) == "1"
    assert bar.text(description) == "Accounts checked: 1 of 2"
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    said.append("Cancelling at the next safe point…")
    assert line.text(name) == said[-1]
    assert announced == [(panel.label, words) for words in said]

    # Hidden (a scheduled check while the window is in the tray): its words are kept current,
    # and announced to no one.
    panel.hide()
    panel.show_step("bob", Step.SIGNING_IN)
    assert line.text(name) == f"@bob: {step_name(Step.SIGNING_IN)}"
    assert len(announced) == len(said)
