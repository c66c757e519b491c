"""The main window: the accounts, their status, the actions, and the running check."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from consentinel import APP_NAME
from consentinel.core.accounts import handle_key
from consentinel.core.context import AppContext
from consentinel.core.steps import Step
from consentinel.gui.account_rows import AccountRow, rows_for
from consentinel.gui.app_icons import app_icon
from consentinel.gui.qt_by_name import set_by_name
from consentinel.gui.screen_room import keep_on_screen, restore_within_screen
from consentinel.gui.spoken_labels import announce, heard_as_shown, say
from consentinel.gui.time_words import when_text
from consentinel.gui.window_actions import (
    make_actions,
    make_sort_menu,
    show_account_menu,
    update_actions,
)
from consentinel.gui.window_memory import MAIN_WINDOW, WindowMemory

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QAction, QCloseEvent, QPaintEvent, QShortcut, QShowEvent
    from PySide6.QtWidgets import QMenu, QPushButton

    # The dialogs, the engine and its events load when first used: the window opens without them.
    # So does the accounts table, on a home with no account yet.
    from consentinel.core.engine import LoginResult
    from consentinel.core.events import AccountResult, PromptRequest, RunResult
    from consentinel.gui.account_filter import AccountFilter
    from consentinel.gui.account_management import AccountManagement
    from consentinel.gui.accounts_table import AccountsTable
    from consentinel.gui.check_panel import CheckPanel
    from consentinel.gui.check_runner import CheckRunner
    from consentinel.gui.clock_watch import ClockWatch
    from consentinel.gui.confirmation import Confirmation
    from consentinel.gui.empty_state import EmptyState
    from consentinel.gui.getting_started import GettingStartedDialog
    from consentinel.gui.journal_window import JournalWindow
    from consentinel.gui.prompt_dialogs import PromptDialog
    from consentinel.gui.run_handling import RunHandling
    from consentinel.gui.sort_menu import SortMenu

log = logging.getLogger(__name__)

#: At its first show, the window grows to show every account up to this share of the
#: screen's height: room left for the windows behind it, and for the journal's beside it.
ROWS_SHARE_OF_SCREEN = 0.75

HintFor = Callable[["PromptRequest"], "str | None"]
#: The schedule's next check, and by handle key when it checks each of the accounts given next
#: (AutoChecks.next_times: asked at once, the crontab line's stamp read once a refresh).
NextTimes = Callable[[Sequence[str]], tuple["datetime | None", Mapping[str, "datetime | None"]]]


class MainWindow(QMainWindow):
    """The accounts and their checks (through `runner`); `keep_in_tray`: closing only hides."""

    demo_requested = Signal()
    settings_saved = Signal()
    #: The Settings dialog opened (the dialog): it follows what the schedule takes meanwhile.
    settings_opened = Signal(object)
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
    #: The accounts as `refresh` read them (their AccountRows, as the table shows them): the
    #: tray's menu says from them who needs the person.
    rows_read = Signal(object)

    # Made by gui/window_actions (make_actions), at the window's making.
    add_action: QAction
    import_action: QAction
    edit_action: QAction
    remove_action: QAction
    signin_action: QAction
    check_action: QAction
    needing_you_action: QAction
    check_all_action: QAction
    cancel_action: QAction
    pause_action: QAction
    journal_action: QAction
    settings_action: QAction
    quit_action: QAction
    about_action: QAction
    getting_started_action: QAction
    account_journal_action: QAction
    escape_shortcut: QShortcut
    find_shortcut: QShortcut
    account_menu: QMenu
    _accounts_menu: QMenu
    _before_quit: QAction
    #: The last question asked over a running check (gui/run_handling: ask_over_running).
    confirm_box: Confirmation

    def __init__(
        self,
        ctx: AppContext,
        runner: CheckRunner,
        *,
        demo: bool = False,
        hint_for: HintFor | None = None,
        next_times: NextTimes = lambda _handles: (None, {}),
        paused: Callable[[], bool] = lambda: False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner
        self.demo = demo
        self._hint_for = hint_for
        self._next_times = next_times
        self._paused = paused
        self.keep_in_tray = False
        self.live: dict[str, AccountResult] = {}
        self.steps: dict[str, Step] = {}
        #: While a check runs, the next check of each account it has checked (None: set when
        #: the run ends, as one not checked through is tried again sooner).
        self._own_due: dict[str, datetime | None] = {}
        self.last_result: RunResult | None = None
        self.open_prompt: PromptDialog | None = None
        self.journal_window: JournalWindow | None = None
        self.getting_started_dialog: GettingStartedDialog | None = None
        #: The account whose entries the journal window shows once a lost journal is said.
        self._journal_handle_to_show: str | None = None
        #: The tray (None: none here): its balloons say what the app's own checks found.
        self.notifier: object | None = None
        #: What the last look at the keyring found wrong (None: nothing), said in the status
        #: bar and on the welcome page (say_keyring_problem).
        self.keyring_problem: str | None = None
        self._keyring_locked = False
        self._painted = False
        self.first_frame_done = False  # True once `first_painted` was sent
        self._said_still_running = False
        #: What the person does to the accounts, and the window's side of a check run: each
        #: made at its first use (`_accounts`, `_run`), after the first frame.
        self._account_management: AccountManagement | None = None
        self._run_handling: RunHandling | None = None
        #: The accounts as the last `refresh` read them.
        self.rows: list[AccountRow] = []

        self.setWindowIcon(app_icon())
        self.setWindowTitle(self._title())
        #: How the person left the windows last time (read once, here: the table's order too).
        self.memory = WindowMemory(self.ctx.paths.config_dir / "window.json")
        #: Placed where the person left it (kept on screen again at the first show).
        self._restored = restore_within_screen(self, self.memory.state(MAIN_WINDOW), 980, 560)

        self._table: AccountsTable | None = None
        #: The field above the table that shows only some accounts (made with the table).
        self._filter: AccountFilter | None = None
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
        # Read by its words; what it is, as their description (a fixed name hid the words).
        heard_as_shown(self.row_advice, self.tr("What to do for the selected account"))
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
        #: Moves it on at once after a sleep, the clock set or a new time zone
        #: (`watch_the_clock`, once the window is up).
        self._clock_watch: ClockWatch | None = None

    def watch_the_clock(self) -> None:
        """The window's times read again at once after a sleep, the clock set or a new time
        zone, not up to a tick later ("Next automatic check" at a time already past). Called
        after the first frame (AppController.start): its module and its QObject are not the
        first frame's work, and its first look comes seconds later anyway."""
        if self._clock_watch is None:
            from consentinel.gui.clock_watch import ClockWatch

            self._clock_watch = ClockWatch(lambda: datetime.now(timezone.utc).timestamp(), self)
            self._clock_watch.jumped.connect(self._tick)

    @property
    def table(self) -> AccountsTable:
        """The accounts table, made when first needed: a home with no account yet opens on its
        welcome page without it (Qt's first item view, its header and their types cost the
        first frame 10-20 ms)."""
        if self._table is None:
            from consentinel.gui.account_filter import AccountFilter
            from consentinel.gui.accounts_table import AccountsTable

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
            table.set_sort(self.memory.accounts_sort())
            table.sort_chosen.connect(self.memory.remember_accounts_sort)
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
            table.show_all_requested.connect(self._show_every_account)
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

    def _show_every_account(self) -> None:
        """The "Show every account" button, where the filter found none: every account, in hand."""
        self.set_filter_text("")
        self.table.setFocus()

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

    def _make_actions(self) -> None:
        make_actions(self)  # (gui/window_actions: the toolbar, the menus, the account menu)

    @property
    def sort_menu(self) -> SortMenu:
        """Accounts › Sort accounts by: the table's order from the keyboard. Made when first
        used (the Accounts menu opened, `_first_frame_shown`): the first frame does not pay
        for its dozen actions."""
        if self._sort_menu is None:
            return make_sort_menu(self)
        return self._sort_menu

    def _show_account_menu(self, where: QPoint) -> None:
        show_account_menu(self, where)

    def _say_why(self, row: int, _column: int, previous_row: int, _previous: int) -> None:
        if row != previous_row:
            self._show_advice()

    def _show_advice(self) -> None:
        """The selected row says why its check ended so, as its tooltip does, under the table:
        reached from the keyboard too, and whole however long the sentence."""
        hint = self.table.current_advice() if self._table is not None else ""
        said = self.row_advice.text()
        self.row_advice.setText(hint)
        self.row_advice.setVisible(bool(hint))
        if hint != said:  # (heard as it appears or changes, not at each refresh)
            announce(self.row_advice, hint)

    def _update_actions(self) -> None:
        update_actions(self)

    def under_way(self, handle: str) -> bool:
        """Whether the account's check (or the person's own sign-in) is under way now: begun,
        not only queued, and not ended."""
        step = self.steps.get(handle_key(handle))
        return step is not None and step is not Step.QUEUED

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
        self.rows = rows
        self.rows_read.emit(rows)
        next_due, next_checks = (
            self._next_times([row.account.handle for row in rows]) if rows else (None, {})
        )
        if next_due is not None and next_due < now:
            next_due = now  # overdue: it starts at the next tick
        # A check under way: the schedule counts from its end, not yet known.
        counted_from_this_run = self.runner.running and next_due is not None and next_due <= now
        if rows or self._table is not None:
            own_due, in_this_check = self._next_checks_of(rows, next_due, next_checks, now)
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
        self,
        rows: list[AccountRow],
        next_due: datetime | None,
        next_checks: Mapping[str, datetime | None],
        now: datetime,
    ) -> tuple[dict[str, datetime | None], set[str]]:
        """Each account's own next check, by handle key (`next_checks`, AutoChecks.next_times:
        after a run whose failed checks are retried soon, the others wait for their own time),
        with those a check under way has checked (set when it ends if it failed); and the
        accounts it has yet to finish, which it checks now (not a sign-in by the person: no
        check)."""
        own: dict[str, datetime | None] = {}
        if next_due is not None and rows:
            for key, due in next_checks.items():
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
        from consentinel.gui.window_problems import say_lost_journal

        return say_lost_journal(self, loss, then_show_journal)

    # (What a person does to the accounts: gui/account_management, loaded with the first.)

    @property
    def _accounts(self) -> AccountManagement:
        if self._account_management is None:
            from consentinel.gui.account_management import AccountManagement

            self._account_management = AccountManagement(self)
        return self._account_management

    def _missing_accounts(self) -> list[str]:
        """The accounts the journal knows and the list lacks: none on a first start (no
        journal file yet: nothing to read, nor to load), after the data folder went (the
        journal with it), or when the journal cannot say."""
        if not self.ctx.paths.journal_path.exists():
            return []
        return self._accounts.missing_accounts()

    def restore_accounts(self) -> None:
        """Add back the accounts the journal knows and the list lacks."""
        self._accounts.restore_accounts()

    def add_account(self) -> None:
        self._accounts.add_account()

    def import_accounts(self) -> None:
        self._accounts.import_accounts()

    def edit_account(self, handle: str | None = None) -> None:
        self._accounts.edit_account(handle)

    def confirm_remove(self, handles: list[str]) -> bool:
        """Ask, naming what goes; True when the person chose to remove the accounts."""
        return self._accounts.confirm_remove(handles)

    def remove_account(self, handle: str | None = None) -> None:
        """Remove `handle`, else every selected account, once the person said so."""
        self._accounts.remove_account(handle)

    # -- checks -----------------------------------------------------------------------------------
    # (Followed by gui/run_handling, loaded at the first check: the runner's signals reach
    # these methods of the window, which hand them on.)

    @property
    def _run(self) -> RunHandling:
        if self._run_handling is None:
            from consentinel.gui.run_handling import RunHandling

            self._run_handling = RunHandling(self)
        return self._run_handling

    def _connect_runner(self) -> None:
        r = self.runner
        r.run_started.connect(self._run_started)
        r.step.connect(self._step)
        r.account_finished.connect(self._account_finished)
        r.run_finished.connect(self._run_finished)
        r.run_failed.connect(self._run_failed)
        r.prompt.connect(self._prompt)
        r.prompt_withdrawn.connect(self._prompt_withdrawn)
        r.prompt_timed_out.connect(self._prompt_timed_out)
        r.login_finished.connect(self._login_finished)
        r.browser_unsandboxed.connect(self._say_unsandboxed)
        # A method, not a lambda: a window rebuilt for a new language is deleted, and Qt
        # disconnects a deleted receiver's methods (a lambda would go on calling into it).
        r.busy_changed.connect(self._busy_changed)

    def _say_unsandboxed(self) -> None:
        self._run.say_unsandboxed()

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
        return self._run.start_check(handles, trigger)

    def cancel_check(self) -> None:
        if self.runner.running:
            self._run.cancel_check()

    def ask_to_cancel_check(self) -> None:
        """Esc during a check: a question, not a cancel (gui/run_handling)."""
        if self.runner.running:
            self._run.ask_to_cancel_check()

    def sign_in(self) -> None:
        self._run.sign_in()

    def _message_whole_on_hover(self, message: str) -> None:
        self.statusBar().setToolTip(message)

    def _run_started(self, run_id: int, handles: tuple[str, ...]) -> None:
        self._run.run_started(run_id, handles)

    def _step(self, handle: str, step: Step) -> None:
        self._run.step(handle, step)

    def _account_finished(self, result: AccountResult) -> None:
        self._run.account_finished(result)

    def _run_finished(self, result: RunResult, trigger: str) -> None:
        self._run.run_finished(result, trigger)

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

    def stop_notifying(self) -> None:
        """The app quits: the notifications not yet said are journaled as not shown, a
        notifier still showing one stopped (gui/run_handling, gui/window_notifier)."""
        if self._run_handling is not None:
            self._run_handling.stop_notifying()

    def _run_failed(self, message: str) -> None:
        self._run.run_failed(message)

    def _login_finished(self, outcome: LoginResult) -> None:
        self._run.login_finished(outcome)

    def _prompt(self, request: PromptRequest) -> None:
        self._run.prompt(request)

    def _prompt_withdrawn(self) -> None:
        self._run.prompt_withdrawn()

    def _prompt_timed_out(self, request: PromptRequest) -> None:
        self._run.prompt_timed_out(request)

    # -- other windows ----------------------------------------------------------------------------

    def show_journal(self, handle: str | None = None) -> None:
        """The journal window; with `handle`, showing that account's entries only."""
        if self._notice_a_lost_journal(then_show_journal=True):
            # Said first (it would show the lost journal); the new one is shown once the box is
            # read, not over it.
            self._journal_handle_to_show = handle
            self.refresh()
            return
        from consentinel.gui.other_windows import open_journal

        open_journal(self, handle)

    def _show_the_new_journal(self) -> None:
        handle, self._journal_handle_to_show = self._journal_handle_to_show, None
        self.show_journal(handle)

    def _journal_found_lost(self) -> None:
        """The journal window was asked to start a new journal over a file that went."""
        if self._notice_a_lost_journal():
            self.refresh()

    def say_journal_problem(self, problem: str | None) -> None:
        """The journal's check found it damaged (None: intact): a warning that stays in the
        status bar, and opens the journal (gui/window_problems)."""
        from consentinel.gui.window_problems import say_journal_problem

        say_journal_problem(self, problem)

    def show_settings(self) -> None:
        from consentinel.gui.other_windows import open_settings

        open_settings(self)

    def _data_erased(self) -> None:
        self.live.clear()
        self.journal_window = None
        self.refresh()

    def getting_started(self) -> None:
        """Help › Getting started, beside the window (gui/other_windows)."""
        from consentinel.gui.other_windows import open_getting_started

        open_getting_started(self)

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

    def select_those_needing_you(self) -> None:
        """Accounts › Select those that need you: as the tray's "Show the accounts that need
        you", from the window itself."""
        from consentinel.gui.account_rows import needs_you

        self.show_accounts_needing_you([row.account.handle for row in self.rows if needs_you(row)])

    def show_accounts_needing_you(self, handles: list[str]) -> None:
        """From the tray's menu: the window forward, `handles` selected, the topmost of them
        current and in view. In the order the person chose (not sorted again: a tray click
        must not change the order kept for them); the filter emptied only when it hides one
        of them still listed (one removed since cannot be shown whatever the filter)."""
        self.bring_forward()
        self.refresh()
        if self._table is None:
            return
        table = self.table
        if any(table.lists(handle) and table.row_of(handle) is None for handle in handles):
            self.set_filter_text("")
        shown = [handle for handle in handles if table.row_of(handle) is not None]
        if not shown:
            return
        # (select_handles makes the last current and scrolls to it: the topmost, last.)
        shown.sort(key=lambda handle: table.row_of(handle) or 0, reverse=True)
        table.select_handles(shown)
        table.setFocus()

    @property
    def painted(self) -> bool:
        """True once the window has been painted (and `first_painted` sent or on its way)."""
        return self._painted

    def showEvent(self, event: QShowEvent) -> None:
        if self._restored:  # the size the person gave it, its frame on the screen
            self._restored = False
            keep_on_screen(self)
        elif not self._painted and self._table is not None:
            self._fit_the_table()
            self._fit_the_rows()
        super().showEvent(event)

    def _fit_the_rows(self) -> None:
        """At its first show with no size kept from last time, the window as tall as its rows
        need, up to ROWS_SHARE_OF_SCREEN of the screen's height (it never shortens): thirty
        accounts opened in a 560-pixel window that showed twelve. Laid out by now, so what is
        around the table is known; the rows' heights are summed, not measured again."""
        screen = self.screen()
        missing = self.table.natural_height() - self.table.height()
        if missing <= 0 or screen is None:
            return
        frame = self.frameGeometry().height() - self.height()
        room = int(screen.availableGeometry().height() * ROWS_SHARE_OF_SCREEN) - frame
        taller = min(self.height() + missing, room)
        if taller > self.height():
            self.resize(self.width(), taller)

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
        `locked`: it is there, locked): in the status bar and on the welcome page
        (gui/window_problems)."""
        from consentinel.gui.window_problems import say_keyring_problem

        say_keyring_problem(self, problem, locked=locked, label=label)

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
        self.first_frame_done = True
        self.first_painted.emit()

    def _accounts_menu_opens(self) -> None:
        self.sort_menu  # noqa: B018 (made the first time)

    def remember_places(self) -> None:
        """Keep where this window and the journal's are, and their sizes, for the next start
        (when closed, and as the app quits): only a window shown was placed by anyone."""
        states: dict[str, bytes | None] = {}
        if self._painted:
            states[MAIN_WINDOW] = bytes(self.saveGeometry().data())
        if self.journal_window is not None:
            states.update(self.journal_window.places())
        self.memory.remember_states(states)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.remember_places()
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
        """True when nothing runs, or the person chose to cancel the running check and quit.
        False too while the journal is being exported: a window says so, and quits once the
        file is written (or the export stopped: gui/export_waiting)."""
        if self.runner.running and not self._ask_over_running(quitting=True).confirmed():
            return False
        from consentinel.gui.export_waiting import finish_exports_first

        return not finish_exports_first(self, self.ctx.journal, self.quit_requested.emit)

    def _ask_over_running(self, *, quitting: bool) -> Confirmation:
        """Whether to cancel what runs (and quit, when `quitting`), keeping it the default."""
        return self._run.ask_over_running(quitting=quitting)
