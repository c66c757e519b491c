"""Everything reachable and said from the keyboard: Tab leaves every field and table, focus
lands on the thing to do, Alt+letter names one control per window, Enter presses the button
that has the focus, and what the mouse reads in a tooltip a screen reader reads too. Real
widgets, offscreen, in English and French."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QSignalSpy, QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMenuBar, QWidget
from pytestqt.qtbot import QtBot

from consentinel.core.events import PromptKind, PromptRequest
from consentinel.gui.about_dialog import AboutDialog
from consentinel.gui.account_dialog import AccountDialog
from consentinel.gui.browser_setup_dialog import BrowserSetupDialog
from consentinel.gui.journal_window import JournalWindow
from consentinel.gui.prompt_dialogs import PromptDialog
from tests.gui._app_support import add_account, make_context, running_app


def _mnemonics(window: QWidget) -> list[str]:
    """The Alt+letter of every visible, enabled button and menu title of a window."""
    texts = [
        b.text() for b in window.findChildren(QAbstractButton) if b.isVisible() and b.isEnabled()
    ]
    for bar in window.findChildren(QMenuBar):
        texts += [a.text() for a in bar.actions() if a.isVisible()]
    letters = []
    for text in texts:
        at = text.replace("&&", "").find("&")
        if at >= 0 and at + 1 < len(text.replace("&&", "")):
            letters.append(text.replace("&&", "")[at + 1].lower())
    return letters


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
