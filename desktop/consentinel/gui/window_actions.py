"""The main window's actions and where they show: its toolbar, its menus (Accounts › Sort
accounts by among them, made when first opened), the selected accounts' own menu, and which
actions can be used now."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu, QToolBar

from consentinel.gui.account_rows import needs_you
from consentinel.gui.app_icons import icon
from consentinel.gui.qt_by_name import set_by_name

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint

    from consentinel.gui.main_window import MainWindow
    from consentinel.gui.sort_menu import SortMenu

# The window's own words: its context in the catalogues (as its self.tr() has).
translate = QCoreApplication.translate


def _action(
    window: MainWindow,
    text: str,
    slot: Callable[[], object],
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
    icon_name: str | None = None,
    tip: str | None = None,
) -> QAction:
    action = QAction(text, window)
    if icon_name:
        action.setIcon(icon(icon_name))
    # setShortcuts: setShortcut's overloads make PySide build the Qt namespace (qt_by_name);
    # a standard key also gets every binding the platform has for it.
    if isinstance(shortcut, QKeySequence.StandardKey):
        action.setShortcuts(shortcut)
    elif shortcut:
        action.setShortcuts([QKeySequence(shortcut)])
    if tip:
        action.setToolTip(tip)
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)
    return action


def make_actions(window: MainWindow) -> None:
    """The window's actions (kept as its attributes: `add_action`…), its toolbar, its menus and
    the selected accounts' menu."""
    w = window
    w.add_action = _action(
        w,
        translate("MainWindow", "&Add account…"),
        w.add_account,
        QKeySequence.StandardKey.New,
        "add",
        translate("MainWindow", "Add an X account to protect"),
    )
    # (Its dialog loads when first used: gui/account_management.)
    w.import_action = _action(
        w,
        translate("MainWindow", "&Import accounts from a file…"),
        w.import_accounts,
        None,
        None,
        translate("MainWindow", "Add several accounts from a spreadsheet saved as CSV"),
    )
    w.edit_action = _action(
        w, translate("MainWindow", "&Edit account…"), w.edit_account, "Ctrl+E", "edit"
    )
    w.remove_action = _action(
        w, translate("MainWindow", "&Remove account…"), w.remove_account, "Ctrl+Del", "remove"
    )
    w.signin_action = _action(
        w,
        translate("MainWindow", "&Sign in yourself…"),
        w.sign_in,
        "Ctrl+L",
        "signin",
        translate("MainWindow", "Open X's sign-in page in a window, for sign-ins that need you"),
    )
    # The tray has it too, but not every desktop shows a tray, and the person is here.
    w.needing_you_action = _action(
        w,
        translate("MainWindow", "Select those that &need you"),
        w.select_those_needing_you,
        None,
        None,
        translate(
            "MainWindow",
            "Select the accounts waiting for something only you can do (a code, a password, "
            "a sign-in)",
        ),
    )
    w.check_action = _action(
        w,
        translate("MainWindow", "&Check selected"),
        w.check_selected,
        "Ctrl+R",
        "check",
        translate("MainWindow", "Check the selected accounts now"),
    )
    w.check_all_action = _action(
        w,
        translate("MainWindow", "Check &all"),
        w.check_all,
        "Ctrl+Shift+R",
        "check-all",
        translate("MainWindow", "Check every account now"),
    )
    w.cancel_action = _action(
        w, translate("MainWindow", "Ca&ncel check"), w.cancel_check, None, "cancel"
    )
    w.pause_action = _action(
        w, translate("MainWindow", "Pa&use automatic checks"), w.pause_requested.emit, None
    )
    # Esc asks first (the menu entry and the panel's button, chosen on purpose, do not).
    w.escape_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Cancel), w)
    w.escape_shortcut.activated.connect(w.ask_to_cancel_check)
    w.find_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), w)
    w.find_shortcut.activated.connect(w.focus_filter)
    w.journal_action = _action(
        w,
        translate("MainWindow", "&Journal"),
        w.show_journal,
        "Ctrl+J",
        "journal",
        translate("MainWindow", "What every check saw and did"),
    )
    w.settings_action = _action(
        w,
        translate("MainWindow", "&Settings…"),
        w.show_settings,
        QKeySequence.StandardKey.Preferences,
        "settings",
    )
    if w.settings_action.shortcut().isEmpty():
        w.settings_action.setShortcuts([QKeySequence("Ctrl+,")])
    w.quit_action = _action(
        w, translate("MainWindow", "&Quit"), w.request_quit, QKeySequence.StandardKey.Quit
    )
    w.about_action = _action(w, translate("MainWindow", "&About Consentinel"), w.about, None)
    w.getting_started_action = _action(
        w,
        translate("MainWindow", "&Getting started"),
        w.getting_started,
        QKeySequence.StandardKey.HelpContents,
        None,
        translate("MainWindow", "What to have ready, what a check does, where the journal is"),
    )

    toolbar = QToolBar(translate("MainWindow", "Main toolbar"))
    toolbar.setObjectName("main-toolbar")
    toolbar.setMovable(False)
    set_by_name(toolbar, "toolButtonStyle", "ToolButtonTextBesideIcon")
    for action in (
        w.add_action,
        w.check_all_action,
        w.check_action,
        w.signin_action,
        w.journal_action,
        w.settings_action,
    ):
        toolbar.addAction(action)
    w.addToolBar(toolbar)

    menu = w.menuBar()
    accounts = menu.addMenu(translate("MainWindow", "&Accounts"))
    for entry in (
        w.add_action,
        w.import_action,
        w.edit_action,
        w.remove_action,
        None,
        w.signin_action,
        w.needing_you_action,
    ):
        accounts.addAction(entry) if entry else accounts.addSeparator()
    # (Accounts › Sort accounts by goes before Quit when the menu first opens: `sort_menu`.)
    w._before_quit = accounts.addSeparator()
    accounts.addAction(w.quit_action)
    w._accounts_menu = accounts
    # Why an entry is greyed out ("@alice is being checked…") shows when pointed at.
    accounts.setToolTipsVisible(True)
    checks = menu.addMenu(translate("MainWindow", "&Checks"))
    for entry in (
        w.check_action,
        w.check_all_action,
        w.cancel_action,
        None,
        w.pause_action,
        None,
        w.journal_action,
    ):
        checks.addAction(entry) if entry else checks.addSeparator()
    tools = menu.addMenu(translate("MainWindow", "&Tools"))
    tools.addAction(w.settings_action)
    help_menu = menu.addMenu(translate("MainWindow", "&Help"))
    help_menu.addAction(w.getting_started_action)
    help_menu.addAction(w.about_action)

    # The selected accounts' own menu (right-click, Menu key, Shift+F10): the window's
    # actions, so each does there what it does in the menus, and is enabled as there.
    w.account_journal_action = QAction(icon("journal"), "", w)
    w.account_journal_action.triggered.connect(
        lambda _checked=False: w.show_journal(w.table.current_handle())
    )
    w.account_menu = QMenu(w)
    for entry in (
        w.check_action,
        w.signin_action,
        None,
        w.edit_action,
        w.remove_action,
        None,
        w.account_journal_action,
    ):
        w.account_menu.addAction(entry) if entry else w.account_menu.addSeparator()
    w.account_menu.setToolTipsVisible(True)


def make_sort_menu(window: MainWindow) -> SortMenu:
    """Accounts › Sort accounts by, put before Quit (see MainWindow.sort_menu)."""
    from consentinel.gui.sort_menu import SortMenu

    menu = SortMenu(window)
    window._accounts_menu.insertSeparator(window._before_quit)
    window._accounts_menu.insertMenu(window._before_quit, menu)
    window._sort_menu = menu
    if window._table is not None:
        menu.follow(window._table)
    update_actions(window)
    return menu


def show_account_menu(window: MainWindow, where: QPoint) -> None:
    """The selected accounts' own menu, its journal entry naming the current one."""
    handle = window.table.current_handle()
    if handle is None:
        return
    window.account_journal_action.setText(
        translate("MainWindow", "&Journal of @{handle}").replace("{handle}", handle)
    )
    window.account_menu.popup(where)


def update_actions(window: MainWindow) -> None:
    """Each action enabled when it can act now (on the selected accounts, the check running)."""
    w = window
    running = w.runner.running
    table = w._table  # none yet: no account
    has_accounts = table is not None and table.account_count() > 0
    selected = table is not None and bool(table.selected_handles())
    # An account can be edited during a check unless its own check is under way.
    current = table.current_handle() if table is not None else None
    checked_now = current is not None and w.under_way(current)
    w.edit_action.setEnabled(selected and not checked_now)
    why = being_checked_words(current) if current and checked_now else ""
    w.edit_action.setToolTip(why)  # (empty: the action's own words)
    w.edit_action.setStatusTip(why)
    w.remove_action.setEnabled(selected and not running)
    w.signin_action.setEnabled(selected and not running)
    w.check_action.setEnabled(selected and not running)
    w.check_all_action.setEnabled(has_accounts and not running)
    # (As the tray's entry: not while a check changes who needs the person.)
    w.needing_you_action.setEnabled(not running and any(needs_you(row) for row in w.rows))
    w.cancel_action.setEnabled(running)
    w.escape_shortcut.setEnabled(running)
    if w._sort_menu is not None:  # (no order to choose on the welcome page)
        w._sort_menu.menuAction().setEnabled(has_accounts)


def being_checked_words(handle: str) -> str:
    """Why the account cannot be edited now (its check is under way)."""
    return translate(
        "MainWindow", "@{handle} is being checked; edit it when its check ends"
    ).replace("{handle}", handle)
