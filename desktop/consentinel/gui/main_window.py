"""The main window: the accounts, their status, the actions, and the running check."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from consentinel import APP_NAME
from consentinel.core.accounts import UnknownAccount, handle_key
from consentinel.core.context import AppContext
from consentinel.core.schedule import interval_for
from consentinel.core.status import Reason, Status
from consentinel.core.steps import PromptKind, Step
from consentinel.gui.account_rows import AccountRow, rows_for
from consentinel.gui.app_icons import app_icon, icon
from consentinel.gui.qt_by_name import set_by_name
from consentinel.gui.screen_room import resize_within_screen
from consentinel.gui.spoken_labels import say
from consentinel.gui.time_words import when_text

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QCloseEvent, QPaintEvent, QShowEvent
    from PySide6.QtWidgets import QPushButton

    # The dialogs, the engine and its events load when first used: the window opens without them.
    # So does the accounts table, on a home with no account yet.
    from consentinel.core.engine import LoginResult
    from consentinel.core.events import AccountResult, PromptRequest, RunResult
    from consentinel.gui.account_filter import AccountFilter
    from consentinel.gui.accounts_table import AccountsTable
    from consentinel.gui.check_panel import CheckPanel
    from consentinel.gui.check_runner import CheckRunner
    from consentinel.gui.confirmation import Confirmation
    from consentinel.gui.empty_state import EmptyState
    from consentinel.gui.getting_started import GettingStartedDialog
    from consentinel.gui.journal_window import JournalWindow
    from consentinel.gui.prompt_dialogs import PromptDialog
    from consentinel.gui.sort_menu import SortMenu
    from consentinel.gui.table_sort import WindowMemory
    from consentinel.gui.window_notifier import TrayOrDesktop

log = logging.getLogger(__name__)

HintFor = Callable[["PromptRequest"], "str | None"]
#: By handle key, when the schedule checks each of the accounts given next (AutoChecks.next_checks).
NextChecks = Callable[[Sequence[str]], Mapping[str, "datetime | None"]]


class MainWindow(QMainWindow):
    """The accounts and their checks (through `runner`); `keep_in_tray`: closing only hides."""

    demo_requested = Signal()
    settings_saved = Signal()
    quit_requested = Signal()
    #: "Pause/Resume automatic checks" (the tray has it too; not every desktop shows a tray).
    pause_requested = Signal()
    #: The person added an account (its handle): its first check is theirs to start.
    account_added = Signal(str)
    #: Once, just after the window is first painted: work the first frame does not need waits
    #: for it, so the window appears as soon as it can.
    first_painted = Signal()
    #: The window became active again once it was painted (the person came back to it, from
    #: another program or one of the app's dialogs): what may have changed meanwhile outside the
    #: app (a keyring started or unlocked) is looked at again.
    came_back = Signal()

    def __init__(
        self,
        ctx: AppContext,
        runner: CheckRunner,
        *,
        demo: bool = False,
        hint_for: HintFor | None = None,
        next_due: Callable[[], datetime | None] = lambda: None,
        next_checks: NextChecks = lambda _handles: {},
        paused: Callable[[], bool] = lambda: False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.demo = demo
        self._hint_for = hint_for
        self._next_due = next_due
        self._next_checks = next_checks
        self._paused = paused
        self.keep_in_tray = False
        self.live: dict[str, AccountResult] = {}
        self.steps: dict[str, Step] = {}
        #: While a check runs, the next check of each account it has checked (None: set when
        #: the run ends, as one not checked through is tried again sooner).
        self._own_due: dict[str, datetime | None] = {}
        self.last_result: RunResult | None = None
        self.open_prompt: PromptDialog | None = None
        #: (account, question) already asked in this run: asked again, X refused the answer.
        self._asked: set[tuple[str, PromptKind]] = set()
        self.journal_window: JournalWindow | None = None
        self.getting_started_dialog: GettingStartedDialog | None = None
        #: Chromium's refused sandbox was said during a sign-in (said again at its end).
        self._unsandboxed_at_sign_in = False
        #: The account whose entries the journal window shows once a lost journal is said.
        self._journal_handle_to_show: str | None = None
        #: The tray (None: none here): its balloons say what the app's own checks found.
        self.notifier: object | None = None
        #: What sends those notifications, the tray or, without one, the desktop's notifier:
        #: made at the first (gui/window_notifier).
        self._sender: TrayOrDesktop | None = None
        #: What the last look at the keyring found wrong (None: nothing), said in the status
        #: bar and on the welcome page (say_keyring_problem).
        self.keyring_problem: str | None = None
        self._keyring_locked = False
        self._painted = False
        self._said_still_running = False

        self.setWindowIcon(app_icon())
        self.setWindowTitle(self._title())
        resize_within_screen(self, 980, 560)

        self._table: AccountsTable | None = None
        #: The field above the table that shows only some accounts (made with the table).
        self._filter: AccountFilter | None = None
        self._memory: WindowMemory | None = None  # how the person left the window (its order)
        #: Accounts › Sort accounts by, made when the Accounts menu first opens (`sort_menu`).
        self._sort_menu: SortMenu | None = None
        #: The check's progress and its Cancel button, under the table (made at the first
        #: check: its bar, button and icon cost the first frame 3 M instructions).
        self._panel: CheckPanel | None = None
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setAccessibleDescription(self.tr("Last check"))
        self.result_label.hide()  # shown with the last check's summary: no empty band before
        #: Why the selected account's check ended so and what to do, wrapped whole under the
        #: table (the status bar cut it off, in French above all); hidden when there is nothing.
        self.row_advice = QLabel()
        self.row_advice.setWordWrap(True)
        set_by_name(self.row_advice, "textInteractionFlags", "TextSelectableByMouse")
        self.row_advice.setAccessibleName(self.tr("What to do for the selected account"))
        self.row_advice.hide()
        accounts_page = QWidget()
        self._page_layout = QVBoxLayout(accounts_page)  # the table goes on top, when made
        self._page_layout.addWidget(self.row_advice)
        self._page_layout.addWidget(self.result_label)
        self._accounts_page = accounts_page
        self._empty: EmptyState | None = None
        self.stack = QStackedWidget()
        self.stack.addWidget(accounts_page)
        self.setCentralWidget(self.stack)

        self.schedule_label = QLabel()
        # A line between the bar's message and the schedule's words: without it "…to protect
        # it now. Next automatic check: in 38 minutes" read as one sentence.
        self.schedule_separator = QFrame()
        set_by_name(self.schedule_separator, "frameShape", "VLine")
        set_by_name(self.schedule_separator, "frameShadow", "Sunken")
        self.statusBar().addPermanentWidget(self.schedule_separator)
        self.statusBar().addPermanentWidget(self.schedule_label)
        # A message longer than the bar is cut at the schedule's words: pointing at the bar
        # shows it whole (a narrow window, the keyring's sentence in French).
        self.statusBar().messageChanged.connect(self._message_whole_on_hover)
        #: A damaged journal, said here too, not only by the journal window's badge (made when
        #: first needed: the first frame does not pay for it).
        self.journal_warning: QPushButton | None = None
        #: What the journal's last check found wrong (None: intact, or not checked yet), whether
        #: the app's own check or the journal window's badge said it.
        self.journal_problem: str | None = None
        #: A status-bar message that asks for a check of an account (_hinted_handle): the
        #: start of a check of that account clears it.
        self._until_a_check = ""
        self._hinted_handle = ""
        if demo:
            banner = QLabel(self.tr("DEMO: simulated X, throwaway data"))
            banner.setStyleSheet(
                "background: #e08a00; color: black; font-weight: bold; padding: 2px 8px;"
            )
            self.statusBar().addWidget(banner)

        self._make_actions()
        self._connect_runner()
        self.refresh()
        # "Last checked 3 minutes ago" moves on by itself.
        self._clock = QTimer(self)
        self._clock.setInterval(30_000)
        self._clock.timeout.connect(self._tick)
        self._clock.start()

    @property
    def table(self) -> AccountsTable:
        """The accounts table, made when first needed: a home with no account yet opens on its
        welcome page without it (Qt's first item view, its header and their types cost the
        first frame 10-20 ms)."""
        if self._table is None:
            from consentinel.gui.account_filter import AccountFilter
            from consentinel.gui.accounts_table import AccountsTable
            from consentinel.gui.table_sort import WindowMemory

            # Made first, so that Tab goes from the filter to the table.
            accounts_filter = AccountFilter()
            table = AccountsTable()
            table.edit_requested.connect(self.edit_account)
            table.remove_requested.connect(lambda _handle: self.remove_account())
            table.menu_requested.connect(self._show_account_menu)
            table.itemSelectionChanged.connect(self._update_actions)
            table.currentCellChanged.connect(self._say_why)
            # The order the person chose last time; each new choice is kept for the next.
            # (Held by the window: Qt holds a plain object's method only as long as it lives.)
            self._memory = memory = WindowMemory(self.ctx.paths.config_dir / "window.json")
            table.set_sort(memory.accounts_sort())
            table.sort_chosen.connect(memory.remember_accounts_sort)
            if self._sort_menu is not None:
                self._sort_menu.follow(table)
            if self._painted:
                table.enable_sorting()
                accounts_filter.listen_to_keys()
            else:
                self.first_painted.connect(table.enable_sorting)
                self.first_painted.connect(accounts_filter.listen_to_keys)
            accounts_filter.changed.connect(self._filter_changed)
            accounts_filter.down_pressed.connect(table.setFocus)
            self._page_layout.insertWidget(0, accounts_filter)
            self._page_layout.insertWidget(1, table, 1)
            if not self.isVisible():
                # The window opens on the accounts, not on the filter before them in the Tab
                # order: Enter, Delete, the Menu key and the arrows act on the selected one.
                table.setFocus()
            self._table = table
            self._filter = accounts_filter
        return self._table

    @property
    def panel(self) -> CheckPanel:
        """The check's progress, made when a check first shows it (hidden until then)."""
        if self._panel is None:
            from consentinel.gui.check_panel import CheckPanel

            self._panel = CheckPanel()
            self._panel.cancel_requested.connect(self.cancel_check)
            self._page_layout.addWidget(self._panel)  # under the last check's summary
        return self._panel

    def _hide_panel(self) -> None:
        if self._panel is not None:
            self._panel.hide()

    @property
    def filter_text(self) -> str:
        """The filter's words ("": every account shown)."""
        return self._filter.text() if self._filter is not None else ""

    def set_filter_text(self, text: str) -> None:
        if text or self._filter is not None:
            self.table  # noqa: B018 (made with its filter)
            assert self._filter is not None
            self._filter.set_text(text)

    def focus_filter(self) -> None:
        """Ctrl+F: to the filter, its words selected (typing replaces them)."""
        if self._filter is None or not self._filter.isVisible():
            return
        self._filter.edit.setFocus()
        self._filter.edit.selectAll()

    def _filter_changed(self, text: str) -> None:
        table = self.table
        table.set_filter(text)
        self._after_filter()

    def _after_filter(self) -> None:
        """What the filter left shown: counted under it, one of them selected, the actions on
        those selected (never on an account the filter hides)."""
        table = self.table
        assert self._filter is not None
        self._filter.show_count(table.shown_count(), table.account_count())
        if not table.selected_handles() and table.rowCount():
            table.selectRow(0)
        self._show_advice()
        self._update_actions()

    @property
    def empty(self) -> EmptyState:
        """The welcome page, made when first shown: a home with accounts never builds it (its
        wrapped words, measured for the window's minimum size, cost the first frame ~10 ms)."""
        if self._empty is None:
            from consentinel.gui.empty_state import EmptyState

            empty = EmptyState()
            empty.add_requested.connect(self.add_account)
            empty.demo_requested.connect(self.demo_requested)
            empty.restore_requested.connect(self.restore_accounts)
            empty.demo_button.setVisible(not self.demo)
            if self.keyring_problem is not None:
                empty.say_no_keyring(self.keyring_problem, locked=self._keyring_locked)
            self.stack.addWidget(empty)
            self._empty = empty
        return self._empty

    def _title(self) -> str:
        if self.demo:
            return self.tr("{app} — DEMO (simulated X)").replace("{app}", APP_NAME)
        return APP_NAME

    # -- actions ----------------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        icon_name: str | None = None,
        tip: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
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
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        self.add_action = self._action(
            self.tr("&Add account…"),
            self.add_account,
            QKeySequence.StandardKey.New,
            "add",
            self.tr("Add an X account to protect"),
        )
        self.edit_action = self._action(
            self.tr("&Edit account…"), self.edit_account, "Ctrl+E", "edit"
        )
        self.remove_action = self._action(
            self.tr("&Remove account…"), self.remove_account, "Ctrl+Del", "remove"
        )
        self.signin_action = self._action(
            self.tr("&Sign in yourself…"),
            self.sign_in,
            "Ctrl+L",
            "signin",
            self.tr("Open X's sign-in page in a window, for sign-ins that need you"),
        )
        self.check_action = self._action(
            self.tr("&Check selected"),
            self.check_selected,
            "Ctrl+R",
            "check",
            self.tr("Check the selected accounts now"),
        )
        self.check_all_action = self._action(
            self.tr("Check &all"),
            self.check_all,
            "Ctrl+Shift+R",
            "check-all",
            self.tr("Check every account now"),
        )
        self.cancel_action = self._action(
            self.tr("Ca&ncel check"), self.cancel_check, None, "cancel"
        )
        self.pause_action = self._action(
            self.tr("Pa&use automatic checks"), self.pause_requested.emit, None
        )
        # Esc asks first (the menu entry and the panel's button, chosen on purpose, do not).
        self.escape_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Cancel), self)
        self.escape_shortcut.activated.connect(self.ask_to_cancel_check)
        self.find_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        self.find_shortcut.activated.connect(self.focus_filter)
        self.journal_action = self._action(
            self.tr("&Journal"),
            self.show_journal,
            "Ctrl+J",
            "journal",
            self.tr("What every check saw and did"),
        )
        self.settings_action = self._action(
            self.tr("&Settings…"),
            self.show_settings,
            QKeySequence.StandardKey.Preferences,
            "settings",
        )
        if self.settings_action.shortcut().isEmpty():
            self.settings_action.setShortcuts([QKeySequence("Ctrl+,")])
        self.quit_action = self._action(
            self.tr("&Quit"), self.request_quit, QKeySequence.StandardKey.Quit
        )
        self.about_action = self._action(self.tr("&About Consentinel"), self.about, None)
        self.getting_started_action = self._action(
            self.tr("&Getting started"),
            self.getting_started,
            QKeySequence.StandardKey.HelpContents,
            None,
            self.tr("What to have ready, what a check does, where the journal is"),
        )

        toolbar = QToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        set_by_name(toolbar, "toolButtonStyle", "ToolButtonTextBesideIcon")
        for action in (
            self.add_action,
            self.check_all_action,
            self.check_action,
            self.signin_action,
            self.journal_action,
            self.settings_action,
        ):
            toolbar.addAction(action)
        self.addToolBar(toolbar)

        menu = self.menuBar()
        accounts = menu.addMenu(self.tr("&Accounts"))
        for entry in (
            self.add_action,
            self.edit_action,
            self.remove_action,
            None,
            self.signin_action,
        ):
            accounts.addAction(entry) if entry else accounts.addSeparator()
        # (Accounts › Sort accounts by goes before Quit when the menu first opens: `sort_menu`.)
        self._before_quit = accounts.addSeparator()
        accounts.addAction(self.quit_action)
        self._accounts_menu = accounts
        # Why an entry is greyed out ("@alice is being checked…") shows when pointed at.
        accounts.setToolTipsVisible(True)
        checks = menu.addMenu(self.tr("&Checks"))
        for entry in (
            self.check_action,
            self.check_all_action,
            self.cancel_action,
            None,
            self.pause_action,
            None,
            self.journal_action,
        ):
            checks.addAction(entry) if entry else checks.addSeparator()
        tools = menu.addMenu(self.tr("&Tools"))
        tools.addAction(self.settings_action)
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(self.getting_started_action)
        help_menu.addAction(self.about_action)

        # The selected accounts' own menu (right-click, Menu key, Shift+F10): the window's
        # actions, so each does there what it does in the menus, and is enabled as there.
        self.account_journal_action = QAction(icon("journal"), "", self)
        self.account_journal_action.triggered.connect(
            lambda _checked=False: self.show_journal(self.table.current_handle())
        )
        self.account_menu = QMenu(self)
        for entry in (
            self.check_action,
            self.signin_action,
            None,
            self.edit_action,
            self.remove_action,
            None,
            self.account_journal_action,
        ):
            self.account_menu.addAction(entry) if entry else self.account_menu.addSeparator()
        self.account_menu.setToolTipsVisible(True)

    @property
    def sort_menu(self) -> SortMenu:
        """Accounts › Sort accounts by: the table's order from the keyboard. Made when first
        used (the Accounts menu opened, `_first_frame_shown`): the first frame does not pay
        for its dozen actions."""
        if self._sort_menu is None:
            from consentinel.gui.sort_menu import SortMenu

            menu = SortMenu(self)
            self._accounts_menu.insertSeparator(self._before_quit)
            self._accounts_menu.insertMenu(self._before_quit, menu)
            self._sort_menu = menu
            if self._table is not None:
                menu.follow(self._table)
            self._update_actions()
        return self._sort_menu

    def _show_account_menu(self, where: QPoint) -> None:
        handle = self.table.current_handle()
        if handle is None:
            return
        self.account_journal_action.setText(
            self.tr("&Journal of @{handle}").replace("{handle}", handle)
        )
        self.account_menu.popup(where)

    def _say_why(self, row: int, _column: int, previous_row: int, _previous: int) -> None:
        if row != previous_row:
            self._show_advice()

    def _show_advice(self) -> None:
        """The selected row says why its check ended so, as its tooltip does, under the table:
        reached from the keyboard too, and whole however long the sentence."""
        hint = self.table.current_advice() if self._table is not None else ""
        self.row_advice.setText(hint)
        self.row_advice.setVisible(bool(hint))

    def _update_actions(self) -> None:
        running = self.runner.running
        table = self._table  # none yet: no account
        has_accounts = table is not None and table.account_count() > 0
        selected = table is not None and bool(table.selected_handles())
        # An account can be edited during a check unless its own check is under way.
        current = table.current_handle() if table is not None else None
        checked_now = current is not None and self.under_way(current)
        self.edit_action.setEnabled(selected and not checked_now)
        why = self._being_checked_words(current) if current and checked_now else ""
        self.edit_action.setToolTip(why)  # (empty: the action's own words)
        self.edit_action.setStatusTip(why)
        self.remove_action.setEnabled(selected and not running)
        self.signin_action.setEnabled(selected and not running)
        self.check_action.setEnabled(selected and not running)
        self.check_all_action.setEnabled(has_accounts and not running)
        self.cancel_action.setEnabled(running)
        self.escape_shortcut.setEnabled(running)
        if self._sort_menu is not None:  # (no order to choose on the welcome page)
            self._sort_menu.menuAction().setEnabled(has_accounts)

    def under_way(self, handle: str) -> bool:
        """Whether the account's check (or the person's own sign-in) is under way now: begun,
        not only queued, and not ended."""
        step = self.steps.get(handle_key(handle))
        return step is not None and step is not Step.QUEUED

    def _being_checked_words(self, handle: str) -> str:
        return self.tr("@{handle} is being checked; edit it when its check ends").replace(
            "{handle}", handle
        )

    # -- the accounts -----------------------------------------------------------------------------

    def _tick(self) -> None:
        # Only a window someone can see needs its "3 minutes ago" moved on; one in the tray or
        # closed reads nothing (and so never touches stores that were closed meanwhile).
        if self.isVisible():
            self._notice_a_lost_journal()
            self.refresh()

    def refresh(self) -> None:
        now = datetime.now(timezone.utc)
        rows = rows_for(self.ctx, self.live, self.steps)
        next_due = self._next_due() if rows else None
        if next_due is not None and next_due < now:
            next_due = now  # overdue: it starts at the next tick
        # A check under way: the schedule counts from its end, not yet known.
        counted_from_this_run = self.runner.running and next_due is not None and next_due <= now
        if rows or self._table is not None:
            own_due, in_this_check = self._next_checks_of(rows, next_due, now)
            # A check of every account: whatever time was due before, the next one counts from
            # its end (not "in 10 minutes" beside rows that all say "In this check").
            counted_from_this_run |= self._checks_them_all(rows, in_this_check, next_due)
            self.table.set_rows(rows, next_due, now, own_due, in_this_check)
            assert self._filter is not None
            self._filter.show_count(self.table.shown_count(), self.table.account_count())
        page = self._accounts_page if rows else self.empty
        if not rows and not self.demo:
            self.empty.offer_restore(self._missing_accounts())
        if page is not self.stack.currentWidget():
            self.stack.setCurrentWidget(page)
            # The last account removed: the focus goes to "Add your first account".
            (self.table if rows else self.empty).setFocus()
        paused = self._paused()
        self.pause_action.setText(
            self.tr("Res&ume automatic checks") if paused else self.tr("Pa&use automatic checks")
        )
        # Nothing to pause with automatic checks off (a pause already on can still be undone).
        self.pause_action.setEnabled(paused or self.ctx.settings.schedule != "off")
        if not rows:
            self.schedule_label.setText(self.tr("Waiting for an account"))
        elif paused:
            self.schedule_label.setText(self.tr("Automatic checks: paused"))
        elif next_due is None:
            self.schedule_label.setText(self.tr("Automatic checks: off"))
        elif counted_from_this_run:
            self.schedule_label.setText(self.tr("Next automatic check: set when this check ends"))
        elif self.ctx.settings.run_when_closed or self.ctx.settings.start_at_login:
            self.schedule_label.setText(
                self.tr("Next automatic check: {when}").replace("{when}", when_text(next_due, now))
            )
        else:
            # Nothing checks once the window is closed (no OS job, no start at login).
            self.schedule_label.setText(
                self.tr("Next automatic check: {when} (while Consentinel is open)").replace(
                    "{when}", when_text(next_due, now)
                )
            )
        if rows and not self.table.selected_handles() and self.table.rowCount():
            self.table.selectRow(0)
        self._show_advice()  # the selected row's check may have just ended
        self._update_actions()

    def _checks_them_all(
        self, rows: list[AccountRow], in_this_check: set[str], next_due: datetime | None
    ) -> bool:
        """A check under way (not a person's sign-in) has every account to check or checked
        (each one it finished has its own time in `_own_due`, cleared at each run's start)."""
        checking = self.runner.running and self.runner.trigger != "login"
        if not checking or next_due is None or not rows:
            return False
        done = self._own_due
        return all(row.account.key in in_this_check or row.account.key in done for row in rows)

    def _next_checks_of(
        self, rows: list[AccountRow], next_due: datetime | None, now: datetime
    ) -> tuple[dict[str, datetime | None], set[str]]:
        """Each account's own next check, by handle key (AutoChecks.next_checks: after a run
        whose failed checks are retried soon, the others wait for their own time), with those
        a check under way has checked (set when it ends if it failed); and the accounts it has
        yet to finish, which it checks now (not a sign-in by the person: no check)."""
        own: dict[str, datetime | None] = {}
        if next_due is not None and rows:
            for key, due in self._next_checks([row.account.handle for row in rows]).items():
                own[key] = None if due is None else max(due, now)  # overdue: at the next tick
        own.update(self._own_due)
        checking = self.runner.running and self.runner.trigger != "login"
        return own, set(self.steps) if checking else set()

    def _notice_a_lost_journal(self, *, then_show_journal: bool = False) -> bool:
        """The journal file went from under the app while it ran: its data folder deleted, the
        file deleted or replaced (found at the clock's tick, a check asked for, the journal
        opened; not while a check runs or a run's results arrive, which belong to the journal
        they began with). Said once, and the app goes on with the journal found or begun
        there. True when it was."""
        if self.demo or self.runner.running:
            return False
        loss = self.ctx.journal_lost()
        if loss is None:
            return False
        from PySide6.QtWidgets import QMessageBox

        from consentinel.core.fileio import StorageError
        from consentinel.core.journal import JournalError
        from consentinel.gui.lost_journal import lost_journal_words

        list_gone = not self.ctx.paths.accounts_path.exists()
        try:
            self.ctx.start_afresh()
        except (StorageError, JournalError) as error:
            self.statusBar().showMessage(str(error))
            return False
        self.live.clear()
        self.last_result = None
        self.result_label.hide()
        self.say_journal_problem(None)  # (the old journal's, if it had one)
        shown = then_show_journal or (
            self.journal_window is not None and self.journal_window.isVisible()
        )
        if self.journal_window is not None:
            self.journal_window.close()
            self.journal_window.deleteLater()
            self.journal_window = None
        title, text = lost_journal_words(loss, self.ctx.paths, list_gone)
        log.warning("the journal was lost while the app ran (%s): started afresh", loss)
        self.statusBar().showMessage(title)  # (the box says the rest: a line would be cut)
        icon = QMessageBox.Icon.Information if loss == "replaced" else QMessageBox.Icon.Warning
        box = QMessageBox(icon, title, text, parent=self)
        box.finished.connect(box.deleteLater)
        if shown:  # once read (not when quitting closes it), the journal in use now
            box.accepted.connect(self._show_the_new_journal)
        box.open()  # (not exec(): a timer may have found it)
        return True

    def _missing_accounts(self) -> list[str]:
        """The accounts the journal knows and the list lacks: none on a first start (no
        journal file yet: nothing to read, nor to load), after the data folder went (the
        journal with it), or when the journal cannot say."""
        if not self.ctx.paths.journal_path.exists():
            return []
        from consentinel.core.account_recovery import missing_accounts

        try:
            return [known.handle for known in missing_accounts(self.ctx.journal, self.ctx.accounts)]
        except Exception:  # (only an offer: a journal that cannot be read says so elsewhere)
            log.warning("the accounts the journal knows could not be read", exc_info=True)
            return []

    def restore_accounts(self) -> None:
        """Add back the accounts the journal knows and the list lacks (core/account_recovery);
        those whose boxes the journal does not hold are named, since they come back with every
        box kept off."""
        from PySide6.QtWidgets import QMessageBox

        from consentinel.core.account_recovery import add_back
        from consentinel.core.totp_refusals import refuse_saved_totp

        ctx = self.ctx
        recovered = add_back(
            ctx.journal,
            ctx.accounts,
            lambda h: refuse_saved_totp(ctx, h),
            backoff_hours=ctx.settings.backoff_hours,
        )
        self.refresh()
        names = ", ".join(f"@{known.handle}" for known in recovered.added)
        if recovered.problem is not None:
            text = self.tr("The accounts were not all added back: {problem}").replace(
                "{problem}", recovered.problem
            )
            if names:
                text += "\n\n" + self.tr("Added back: {handles}.").replace("{handles}", names)
            QMessageBox.warning(self, self.tr("The accounts were not all added back"), text)
            return
        if not recovered.added:
            return
        self.statusBar().showMessage(
            self.tr(
                "Added back from the journal: {handles}. Their passwords, 2FA secrets and saved "
                "sessions are used as before; an email address or phone number is not in the "
                "journal."
            ).replace("{handles}", names),
            30_000,
        )
        unknown = [f"@{k.handle}" for k in recovered.added if not k.boxes_known]
        if unknown:
            QMessageBox.information(
                self,
                self.tr("Which boxes to keep off"),
                self.tr(
                    "The journal does not say which boxes these accounts kept off, as they were "
                    "added by an older Consentinel: {handles}. They keep every box off, as "
                    "accounts do by default; edit them before the next check if you had chosen "
                    "to leave some on."
                ).replace("{handles}", ", ".join(unknown)),
            )

    def add_account(self) -> None:
        from consentinel.gui.account_dialog import AccountDialog

        dialog = AccountDialog(self.ctx, parent=self)
        # Each account as it is saved: "Save and add another" saves several in one dialog.
        dialog.account_saved.connect(self._account_saved)
        dialog.exec()

    def _account_saved(self, handle: str) -> None:
        self.account_added.emit(handle)
        self.refresh()
        if self.table.row_of(handle) is None and self.filter_text:
            self.set_filter_text("")  # the filter hid it: shown, as the person expects
        row = self.table.row_of(handle)
        if row is not None:
            self.table.selectRow(row)
        # While a check runs, "Check selected" is greyed out: its turn comes after.
        self._until_a_check = (
            self.tr("@{handle} added. Choose “Check selected” once this check ends.")
            if self.runner.running
            else self.tr("@{handle} added. Choose “Check selected” to protect it now.")
        ).replace("{handle}", handle)
        self._hinted_handle = handle
        self.statusBar().showMessage(self._until_a_check, 10_000)

    def edit_account(self, handle: str | None = None) -> None:
        handle = handle or self.table.current_handle()
        account = self.ctx.accounts.get(handle) if handle else None
        if account is None:
            return
        if self.under_way(account.handle):  # (Enter or a double-click on its row)
            self.statusBar().showMessage(self._being_checked_words(account.handle), 10_000)
            return
        from consentinel.gui.account_dialog import AccountDialog

        dialog = AccountDialog(self.ctx, account, parent=self, under_way=self.under_way)
        if not dialog.exec():
            return
        self.refresh()
        if self.steps.get(handle_key(account.handle)) is Step.QUEUED:
            # Its check reads what was saved when its turn comes (core/signin_secrets).
            self.statusBar().showMessage(
                self.tr("@{handle} saved: this check uses the changes when it reaches it.").replace(
                    "{handle}", account.handle
                ),
                10_000,
            )

    def confirm_remove(self, handles: list[str]) -> bool:
        """Ask, naming what goes; True when the person chose to remove the accounts."""
        from consentinel.gui.confirmation import Confirmation

        if len(handles) == 1:
            title = self.tr("Remove account")
            text = self.tr("Remove @{handle} from Consentinel?").replace("{handle}", handles[0])
            details = self.tr(
                "Consentinel will stop checking @{handle} and delete its saved password, 2FA "
                "secret and session from this computer. The journal keeps its history. "
                "Nothing changes on X."
            ).replace("{handle}", handles[0])
        else:
            title = self.tr("Remove accounts")
            text = self.tr("Remove these {count} accounts from Consentinel?").replace(
                "{count}", str(len(handles))
            )
            details = self.tr(
                "Consentinel will stop checking {handles} and delete their saved passwords, "
                "2FA secrets and sessions from this computer. The journal keeps their "
                "history. Nothing changes on X."
            ).replace("{handles}", ", ".join(f"@{handle}" for handle in handles))
        return Confirmation(
            self,
            Confirmation.Icon.Question,
            title,
            text,
            details,
            act=self.tr("&Remove"),
            keep=self.tr("Cancel"),
        ).confirmed()

    def remove_account(self, handle: str | None = None) -> None:
        """Remove `handle`, else every selected account, once the person said so."""
        handles = [handle] if handle else self.table.selected_handles()
        if not handles or self.runner.running:
            return
        if not self.confirm_remove(handles):
            return
        removed = []
        for one in handles:
            if not self._remove_one(one):
                break  # said why; the ones after it stay
            removed.append(one)
        self.refresh()
        if len(removed) == 1:
            said = self.tr("@{handle} removed.").replace("{handle}", removed[0])
        else:
            said = self.tr("{count} accounts removed.").replace("{count}", str(len(removed)))
        if removed:
            self.statusBar().showMessage(said, 10_000)

    def _remove_one(self, handle: str) -> bool:
        from consentinel.core.vault import VaultError  # the keyring loads when first needed

        try:
            self.ctx.vault.delete_account(handle)
        except VaultError as error:
            from PySide6.QtWidgets import QMessageBox  # (loads with a first message)

            QMessageBox.warning(
                self,
                self.tr("@{handle} was not removed").replace("{handle}", handle),
                self.tr("Its secrets could not be deleted from the keyring: {problem}").replace(
                    "{problem}", str(error)
                ),
            )
            return False
        with contextlib.suppress(UnknownAccount):  # removed meanwhile by another process
            self.ctx.accounts.remove(handle)
        # Once off the list: a check of another process signing it in meanwhile deletes the
        # session it saves after (core/account_check), or saved it before this deletes it.
        self.ctx.sessions.delete(handle)
        self.ctx.journal.append_account_removed(handle)
        self.live.pop(handle_key(handle), None)
        return True

    # -- checks -----------------------------------------------------------------------------------

    def _connect_runner(self) -> None:
        r = self.runner
        r.run_started.connect(self._run_started)
        r.step.connect(self._step)
        r.account_finished.connect(self._account_finished)
        r.run_finished.connect(self._run_finished)
        r.run_failed.connect(self._run_failed)
        r.prompt.connect(self._prompt)
        r.prompt_withdrawn.connect(self._prompt_withdrawn)
        r.login_finished.connect(self._login_finished)
        r.browser_unsandboxed.connect(self._say_unsandboxed)
        # A method, not a lambda: a window rebuilt for a new language is deleted, and Qt
        # disconnects a deleted receiver's methods (a lambda would go on calling into it).
        r.busy_changed.connect(self._busy_changed)

    def _say_unsandboxed(self) -> None:
        self.statusBar().showMessage(self._unsandboxed_words(), 60_000)
        # Met by a sign-in: its ending would replace this before the person, busy in the
        # browser window, had read it; it is said again with how the sign-in ended.
        self._unsandboxed_at_sign_in = self.runner.trigger == "login"

    def _unsandboxed_words(self) -> str:
        # Not Chromium's words (a long sentence and an address on Ubuntu), which would push
        # what to do out of the bar: the Diagnostics tab quotes them.
        return self.tr(
            "The browser runs without its sandbox here: see the Diagnostics tab of “About "
            "Consentinel”."
        )

    @Slot(bool)
    def _busy_changed(self, _busy: bool) -> None:
        self._update_actions()

    def check_selected(self) -> None:
        handles = self.table.selected_handles()
        if handles:
            self.start_check(handles)

    def check_all(self) -> None:
        self.start_check(None)

    def start_check(self, handles: list[str] | None, trigger: str = "gui") -> bool:
        if self.runner.running:
            return False
        if self._notice_a_lost_journal():
            self.refresh()  # what happened was said, not "no account to check yet"
            return False
        if not (handles if handles is not None else self.ctx.accounts.list()):
            # (The tray's "Check all now" is there before any account is.)
            self.statusBar().showMessage(self.tr("There is no account to check yet."), 10_000)
            return False
        self.result_label.clear()
        self.result_label.hide()
        started = self.runner.start(handles, trigger)
        if started:
            count = len(handles) if handles is not None else len(self.ctx.accounts.list())
            self.panel.begin(count)
        self._update_actions()
        return started

    def cancel_check(self) -> None:
        if self.runner.running:
            self.panel.cancel_button.setEnabled(False)
            self.runner.cancel()

    def ask_to_cancel_check(self) -> None:
        """Esc during a check: a question, not a cancel. Esc also closes menus, questions and
        message boxes, and is often pressed once more than needed; a check that may have
        waited minutes on X is not thrown away for that. The question's own Esc keeps it."""
        if not self.runner.running:
            return
        box = self._ask_over_running(quitting=False)
        # A check that ends while the question is open leaves nothing to cancel: it closes.
        self.runner.busy_changed.connect(box.reject)
        try:
            if box.confirmed():
                self.cancel_check()
        finally:
            box.deleteLater()

    def sign_in(self) -> None:
        handle = self.table.current_handle()
        if handle and self.runner.sign_in(handle):
            self.panel.begin_sign_in(handle)
            self._update_actions()

    def _message_whole_on_hover(self, message: str) -> None:
        self.statusBar().setToolTip(message)

    def _run_started(self, _run_id: int, handles: tuple[str, ...]) -> None:
        self._asked.clear()
        # "…added. Choose “Check selected”…": done, once a check of it starts. Not by the start
        # of a check without it: said while a check runs, it may be that check's start, sent
        # by its thread before the account was added and heard by the window after.
        hinted = handle_key(self._hinted_handle)
        if self.statusBar().currentMessage() == self._until_a_check and any(
            handle_key(handle) == hinted for handle in handles
        ):
            self.statusBar().clearMessage()
        self._own_due.clear()
        for handle in handles:
            self.steps[handle_key(handle)] = Step.QUEUED
        self.refresh()

    def _step(self, handle: str, step: Step) -> None:
        if step is Step.DONE:
            self.steps.pop(handle_key(handle), None)
        else:
            self.steps[handle_key(handle)] = step
        self.panel.show_step(handle, step)
        self.refresh()

    def _account_finished(self, result: AccountResult) -> None:
        self.steps.pop(handle_key(result.handle), None)
        # Cancelled before it changed anything at X, it found nothing out: the last result
        # stands. Cancelled after, it has the boxes as it left them (core/account_check).
        if result.removed:  # (by another process: its row is gone)
            self.live.pop(handle_key(result.handle), None)
        elif result.reason is not Reason.CANCELLED or result.settings:
            self.live[handle_key(result.handle)] = result
        self._own_due[handle_key(result.handle)] = self._next_check_after(result)
        self.panel.account_done()
        self.refresh()
        if self.journal_window is not None and self.journal_window.isVisible():
            # Its entries at once; its badge once the accounts ending one after another pause.
            self.journal_window.refresh(badge_delay_ms=3000)

    def _next_check_after(self, result: AccountResult) -> datetime | None:
        """An account checked through now comes due an interval later; another (failed,
        cancelled) is tried again when the run's end says."""
        interval = interval_for(self.ctx.settings.schedule) or timedelta(0)
        if result.status not in (Status.OPTED_OUT, Status.FIXED) or not interval:
            return None
        return datetime.now(timezone.utc) + interval

    def _run_finished(self, result: RunResult, trigger: str) -> None:
        self.steps.clear()
        self._own_due.clear()
        self._hide_panel()
        self.show_summary(result)
        self.refresh()
        if self.isVisible() and not (self.isMaximized() or self.isFullScreen()):
            self._fit_the_table()  # its words may be longer now ("non affichée, activée chez X")
        if self.journal_window is not None and self.journal_window.isVisible():
            self.journal_window.refresh()
        self._notify(result)

    def show_summary(self, result: RunResult) -> None:
        """The last check's summary under the table (a window rebuilt for a new language says
        it again, in that language)."""
        self.last_result = result
        self.result_label.show()
        say(self.result_label, self.summary(result))

    def summary(self, result: RunResult) -> str:
        """The sentences under the table that sum up a run (gui/run_summary)."""
        from consentinel.gui.run_summary import run_summary

        return run_summary(result)

    def _notify(self, result: RunResult) -> None:
        """What the run found that is worth saying, and its journal entries: through the tray,
        or with no tray (or one that cannot show it) the desktop's own notifier, as the
        scheduled `check --unattended` does."""
        if not self.ctx.settings.notifications:
            return
        if self.isVisible() and self.isActiveWindow() and self.runner.trigger != "schedule":
            return  # the person is looking at the window: it already says everything
        try:
            from consentinel.gui.window_notifier import TrayOrDesktop

            if self._sender is None:
                self._sender = TrayOrDesktop(self.notifier)  # type: ignore[arg-type]
            # (Returns at once: the desktop's notifier answers later, then each is journaled.)
            self._sender.deliver(result, self.ctx.journal)
        except Exception:
            log.exception("notifications failed")

    def stop_notifying(self) -> None:
        """The app quits: the notifications not yet said are journaled as not shown, a
        notifier still showing one stopped (gui/window_notifier)."""
        if self._sender is not None:
            self._sender.close()

    def _run_failed(self, message: str) -> None:
        self.steps.clear()
        self._own_due.clear()
        self._hide_panel()
        self.refresh()
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, self.tr("The check did not run"), message)

    def _login_finished(self, outcome: LoginResult) -> None:
        self.steps.clear()
        self._hide_panel()
        self.refresh()
        said = ""
        if outcome.ok:
            said = outcome.message
        elif outcome.reason is Reason.CANCELLED:  # the person's own choice: no box to close
            said = self.tr("Sign-in cancelled.")
        if self._unsandboxed_at_sign_in:
            self._unsandboxed_at_sign_in = False
            self.statusBar().showMessage(f"{said} {self._unsandboxed_words()}".strip(), 60_000)
        elif said:
            self.statusBar().showMessage(said, 10_000)
        if not said:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(self, self.tr("Not signed in"), outcome.message)

    def _prompt(self, request: PromptRequest) -> None:
        hint = self._hint_for(request) if self._hint_for else None
        from consentinel.gui.prompt_dialogs import PromptDialog

        dialog = PromptDialog(request, hint, self, account=self.ctx.accounts.get(request.handle))
        asked = (handle_key(request.handle), request.kind)
        if asked in self._asked:
            dialog.say_answer_refused()
        self._asked.add(asked)
        self.open_prompt = dialog
        dialog.finished.connect(lambda _code: self._prompt_closed(dialog))
        dialog.cancel_check_requested.connect(self.cancel_check)
        dialog.open()

    def _prompt_closed(self, dialog: PromptDialog) -> None:
        if self.open_prompt is dialog:
            self.open_prompt = None
            self.runner.answer(dialog.answer())

    def _prompt_withdrawn(self) -> None:
        dialog, self.open_prompt = self.open_prompt, None
        if dialog is not None:
            dialog.reject()

    # -- other windows ----------------------------------------------------------------------------

    def show_journal(self, handle: str | None = None) -> None:
        """The journal window; with `handle`, showing that account's entries only."""
        if self._notice_a_lost_journal(then_show_journal=True):
            # Said first (it would show the lost journal); the new one is shown once the box is
            # read, not over it.
            self._journal_handle_to_show = handle
            self.refresh()
            return
        if self.journal_window is None:
            from consentinel.gui.journal_window import JournalWindow

            self.journal_window = JournalWindow(self.ctx, self)
            self.journal_window.journal_replaced.connect(self.refresh)
            self.journal_window.journal_lost.connect(self._journal_found_lost)
            window = self.journal_window
            if self.demo:  # beside the person's own journal, it must not pass for it
                window.setWindowTitle(
                    self.tr("Journal — {app} — DEMO (simulated X)").replace("{app}", APP_NAME)
                )
            window.badge_updated.connect(lambda: self.say_journal_problem(window.problem))
        else:
            self.journal_window.refresh()
        if handle:
            self.journal_window.show_account(handle)
        self.journal_window.show()
        self.journal_window.raise_()
        self.journal_window.activateWindow()

    def _show_the_new_journal(self) -> None:
        handle, self._journal_handle_to_show = self._journal_handle_to_show, None
        self.show_journal(handle)

    def _journal_found_lost(self) -> None:
        """The journal window was asked to start a new journal over a file that went."""
        if self._notice_a_lost_journal():
            self.refresh()

    def say_journal_problem(self, problem: str | None) -> None:
        """The journal's check found it damaged (None: intact): a warning that stays in the
        status bar, and opens the journal."""
        self.journal_problem = problem
        warning = self.journal_warning
        if problem is None:
            if warning is not None:
                warning.hide()
            return
        if warning is None:
            from PySide6.QtWidgets import QPushButton

            from consentinel.gui.message_style import error_style

            warning = self.journal_warning = QPushButton()
            warning.setFlat(True)
            warning.setStyleSheet(error_style())
            warning.clicked.connect(lambda: self.show_journal())
            self.statusBar().addWidget(warning)
        text = self.tr("Journal damaged: {problem}").replace("{problem}", problem)
        warning.setText(text)
        warning.setToolTip(self.tr("Open the journal to see what was changed."))
        warning.setAccessibleName(text)
        warning.show()

    def show_settings(self) -> None:
        from consentinel.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx, parent=self)
        if self.demo:
            # The demo's data folder is thrown away: no OS job may point at it.
            for option in (dialog.run_when_closed, dialog.start_at_login):
                option.setChecked(False)
                option.setEnabled(False)
                option.setToolTip(self.tr("Not available in the demo."))
        dialog.settingsChanged.connect(self.settings_saved)
        dialog.dataDeleted.connect(self._data_erased)
        dialog.exec()
        self.refresh()

    def _data_erased(self) -> None:
        self.live.clear()
        self.journal_window = None
        self.refresh()

    def getting_started(self) -> None:
        """Help › Getting started, beside the window (not modal: it stays open while the person
        follows it), made anew each time: in the window's language of the moment."""
        from consentinel.gui.getting_started import GettingStartedDialog, local_readme

        if self.getting_started_dialog is not None:
            self.getting_started_dialog.close()
            self.getting_started_dialog.deleteLater()
        dialog = GettingStartedDialog(self.ctx.paths.journal_path, local_readme(), self)
        self.getting_started_dialog = dialog
        dialog.show()

    def about(self) -> None:
        from consentinel.gui.about_dialog import AboutDialog

        AboutDialog(self.ctx, self).exec()

    def bring_forward(self) -> None:
        hidden = not self.isVisible()
        self.show()
        self.setWindowState(self.windowState() & ~self.windowState().WindowMinimized)
        self.raise_()
        self.activateWindow()
        if hidden:  # out of the tray (or never shown): read again, not at the next tick
            QTimer.singleShot(0, self._tick)

    @property
    def painted(self) -> bool:
        """True once the window has been painted (and `first_painted` sent or on its way)."""
        return self._painted

    def showEvent(self, event: QShowEvent) -> None:
        if not self._painted and self._table is not None:
            self._fit_the_table()
        super().showEvent(event)

    def _fit_the_table(self) -> None:
        """At its first show and after a check, the window as wide as the table's columns
        need, within the screen (it never narrows): French words are longer, and at the width
        that suits English the last column was cut and a scroll bar shown. Laid out by now, so
        what is around the table is known."""
        table = self.table
        missing = table.natural_width() - table.width()
        screen = self.screen()
        if missing <= 0 or screen is None:
            return
        room = screen.availableGeometry().width() - (self.frameGeometry().width() - self.width())
        wider = min(self.width() + missing, room)
        if wider > self.width():
            self.resize(wider, self.height())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # (Not before the first frame: nothing looks again then, and QEvent's enum would cost it.)
        if self._painted and self.isActiveWindow() and event.type() == QEvent.Type.ActivationChange:
            self.came_back.emit()

    def say_keyring_problem(
        self, problem: str | None, *, locked: bool = False, label: str = ""
    ) -> None:
        """What a look at the keyring found (None: nothing wrong, and `label` names the keyring;
        `locked`: it is there, locked): in the status bar until something else is said, and on
        the welcome page. A problem gone goes from both, and the bar says the keyring can be
        used now."""
        said, self.keyring_problem = self.keyring_problem, problem
        was_locked, self._keyring_locked = self._keyring_locked, locked
        if problem == said:
            return
        bar = self.statusBar()
        if problem is not None:
            # A line the bar shows whole (the welcome page and the Diagnostics tab have the
            # problem's words and what to do); the whole problem on hover.
            bar.showMessage(self._keyring_line(locked))
            bar.setToolTip(problem)
        elif said is not None:
            if bar.currentMessage() == self._keyring_line(was_locked):
                bar.clearMessage()
            bar.showMessage(
                self.tr("The keyring ({keyring}) can be used now.").replace("{keyring}", label),
                10_000,
            )
        if self._empty is not None:
            if problem is None:
                self._empty.say_keyring_found()
            else:
                self._empty.say_no_keyring(problem, locked=locked)

    def _keyring_line(self, locked: bool) -> str:
        """The status bar's short line for a keyring that cannot be used."""
        if locked:
            return self.tr("The keyring is locked: saving or using a password asks to unlock it.")
        return self.tr("Passwords cannot be saved: no keyring can be used.")

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # After this paint reaches the screen, not within it.
            QTimer.singleShot(0, self._first_frame_shown)

    def _first_frame_shown(self) -> None:
        # The Accounts menu gets its "Sort accounts by" when it first opens (connected now:
        # nothing of it before the first frame).
        self._accounts_menu.aboutToShow.connect(self._accounts_menu_opens)
        self.first_painted.emit()

    def _accounts_menu_opens(self) -> None:
        self.sort_menu  # noqa: B018 (made the first time)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.keep_in_tray:
            event.ignore()
            self.hide()
            self._say_still_running()
            return
        if not self.may_quit():
            event.ignore()
            return
        event.accept()
        self.quit_requested.emit()

    def _say_still_running(self) -> None:
        """The first time the window is closed in a session, the tray says the app goes on
        (closing a window usually quits its app)."""
        say = getattr(self.notifier, "say", None)
        if self._said_still_running or not callable(say):
            return
        self._said_still_running = True
        say(
            self.tr(
                "Consentinel is still running in the notification area: its icon's menu "
                "opens the window again, or quits."
            )
        )

    def request_quit(self) -> None:
        if self.may_quit():
            self.quit_requested.emit()

    def may_quit(self) -> bool:
        """True when nothing runs, or the person chose to cancel the running check and quit."""
        if not self.runner.running:
            return True
        return self._ask_over_running(quitting=True).confirmed()

    def _ask_over_running(self, *, quitting: bool) -> Confirmation:
        """Whether to cancel what runs (and quit, when `quitting`), keeping it the default: a
        check, or the person's own sign-in ("Sign in yourself…"), where no check runs and a
        browser window of theirs is open."""
        from consentinel.gui.confirmation import Confirmation

        if self.runner.trigger == "login":
            title = self.tr("You are signing in")
            question, act = (
                (
                    self.tr("Quit Consentinel and close the sign-in window?"),
                    self.tr("Close it and &quit"),
                )
                if quitting
                else (self.tr("Close the sign-in window?"), self.tr("&Close the sign-in window"))
            )
            details = self.tr(
                "The sign-in is not finished: nothing is saved for the account. You can sign in "
                "again later with “Sign in yourself…”."
            )
            keep = self.tr("&Keep signing in")
        else:
            title = self.tr("A check is running")
            question, act = (
                (
                    self.tr("Quit Consentinel and cancel the check?"),
                    self.tr("Cancel the check and &quit"),
                )
                if quitting
                else (self.tr("Cancel the check?"), self.tr("&Cancel the check"))
            )
            details = self.tr(
                "What it already changed on X stays changed, and is in the journal. The accounts "
                "it has not reached yet are checked next time."
            )
            keep = self.tr("&Keep checking")
        box = Confirmation(
            self, Confirmation.Icon.Question, title, question, details, act=act, keep=keep
        )
        self.confirm_box = box
        return box
