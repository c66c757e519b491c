"""The tray icon: how the last check went, Check all now, Open, Pause schedule, Quit (its menu
is rebuilt when opened, its first lines when a check moves on or ends)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from consentinel import APP_NAME
from consentinel.gui.app_icons import app_icon

if TYPE_CHECKING:
    from PySide6.QtGui import QAction  # (its type is made when the menu is, not at import)

    # Notifications are sent after checks; the window does not wait for this module.
    from consentinel.core.events import RunResult
    from consentinel.core.notify import Notification
    from consentinel.gui.account_rows import AccountRow


class Tray(QObject):
    check_now = Signal()
    open_window = Signal()
    toggle_pause = Signal()
    quit_app = Signal()
    #: The accounts that need the person now (their handles), to be shown.
    show_needing_you = Signal(object)

    def __init__(
        self,
        is_paused: Callable[[], bool],
        is_running: Callable[[], bool],
        parent: QObject | None = None,
        *,
        has_accounts: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__(parent)
        self._is_paused = is_paused
        #: Whether a check or sign-in of the window's is going, until the window has heard
        #: it end (CheckRunner.going: "Check all now" is not offered before then).
        self._is_running = is_running
        #: "Check all now" is greyed out with no account, as the window's "Check all" is (it
        #: would say so in the status bar of a window that may be hidden).
        self._has_accounts = has_accounts
        #: How far the check under way is (done, total, what it waits for from the person);
        #: None: no check runs.
        self._progress: tuple[int, int, str] | None = None
        self._last: RunResult | None = None  # the last check that ended, since the app started
        #: The accounts as the window's table shows them now (`follow_accounts`): the handles of
        #: those that need the person, and the keys of all. None: not told (the last check's).
        self._accounts_now: tuple[list[str], frozenset[str]] | None = None
        #: The tooltip says how the last check ended (not only the app's name).
        self._tip_says_last = False
        #: The menu's first lines, as built last (`rebuild_menu`): their words follow the check.
        self._status_line: QAction | None = None
        self._waiting_line: QAction | None = None
        self._needing_you_entry: QAction | None = None
        self._check_entry: QAction | None = None
        self.icon = QSystemTrayIcon(app_icon(), self)
        self.icon.setToolTip(APP_NAME)
        self.menu = QMenu()
        self.menu.aboutToShow.connect(self.rebuild_menu)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        # A notification's balloon clicked: the person wants to see what it is about.
        self.icon.messageClicked.connect(self.open_window.emit)

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show(self) -> None:
        """The icon, with its menu as it is now (built here, after the window's first frame:
        whether there is an account to check is not read before it)."""
        self.rebuild_menu()
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def show_progress(self, done: int, total: int, waiting: str = "") -> None:
        """While a check runs: how far it is, on the icon's tooltip (the window may be hidden,
        the check started from this menu or by the schedule); `waiting`: what the check waits
        for from the person ("Waiting for your code for @…"), on a line of its own."""
        # (French says one or none in the singular: "1 compte vérifié sur 3".)
        words = (
            self.tr("{app} — checking: {done} of {total} accounts done", "none or one done")
            if done <= 1
            else self.tr("{app} — checking: {done} of {total} accounts done")
        )
        text = (
            words.replace("{app}", APP_NAME)
            .replace("{done}", str(done))
            .replace("{total}", str(total))
        )
        self.icon.setToolTip(f"{text}\n{waiting}" if waiting else text)
        self._progress = (done, total, waiting)
        self._show_status()

    def show_idle(self, last: RunResult | None = None) -> None:
        """No check runs: the tooltip keeps how the last one ended (`last`), until the next.
        (None: it did not run; the menu keeps the check before.)"""
        self._progress = None
        if last is not None:
            self._last = last
        self.icon.setToolTip(self._last_check_words(last) if last is not None else APP_NAME)
        self._tip_says_last = last is not None
        self._show_status()

    def follow_accounts(self, rows: Sequence[AccountRow]) -> None:
        """The accounts as the window's table shows them now (read again at each of its
        refreshes: a check's end, "Sign in yourself", an account edited, removed or added):
        who needs the person is said from them, not from the last check alone (one they
        signed in to since, gave a new password or removed no longer does)."""
        from consentinel.gui.account_rows import needs_you

        now = (
            [row.account.handle for row in rows if needs_you(row)],
            frozenset(row.account.key for row in rows),
        )
        if now == self._accounts_now:
            return
        self._accounts_now = now
        if self._tip_says_last and self._progress is None and self._last is not None:
            self.icon.setToolTip(self._last_check_words(self._last))
        self._show_status()

    def _needing_you(self, last: RunResult | None = None) -> list[str]:
        """The handles of the accounts that need the person now (as the table says, once told;
        before, as the last check, or `last`, left them)."""
        if self._accounts_now is not None:
            return self._accounts_now[0]
        return needing_you(last or self._last)

    def _still_listed(self, handle: str) -> bool:
        from consentinel.core.accounts import handle_key

        return self._accounts_now is None or handle_key(handle) in self._accounts_now[1]

    def _last_check_words(self, last: RunResult) -> str:
        if last.cancelled:
            return self._cancelled_words(last)
        parts = self._outcome_parts(last)
        what = ", ".join(parts) if parts else self.tr("all accounts fine")
        return (
            self.tr("{app} — last check: {what}").replace("{app}", APP_NAME).replace("{what}", what)
        )

    def _outcome_parts(self, last: RunResult) -> list[str]:
        """What the person should know of how the check `last` ended, in a few words each:
        how many accounts need them, could not be checked, keep a box on at X."""
        from consentinel.core.status import Reason, Tally, outcome_key, tally_of

        ended = [
            a
            for a in last.accounts
            if a.reason is not Reason.CANCELLED and self._still_listed(a.handle)
        ]
        need = len(self._needing_you(last))
        # (Counted as the window's summary counts them: gui/run_summary.)
        failed = sum(
            1 for a in ended if tally_of(outcome_key(a.status, a.reason)) is Tally.NOT_CHECKED
        )
        # Not "all accounts fine" where X keeps a box on without showing it (as the table says).
        still_on = sum(1 for a in ended if a.all_off and a.hidden_on)
        parts = []
        if need:
            parts.append(
                self.tr("1 account needs you")
                if need == 1
                else self.tr("{n} accounts need you").replace("{n}", str(need))
            )
        if failed:
            parts.append(
                self.tr("1 account could not be checked")
                if failed == 1
                else self.tr("{n} accounts could not be checked").replace("{n}", str(failed))
            )
        if still_on:
            parts.append(
                self.tr("1 account with a box still on at X")
                if still_on == 1
                else self.tr("{n} accounts with boxes still on at X").replace("{n}", str(still_on))
            )
        return parts

    def status_words(self) -> str:
        """The menu's first line: how far the check under way is, or how the last one ended,
        in a few words (the tooltip says it too, but many Linux trays do not show tooltips)."""
        if self._progress is not None:
            done, total, _waiting = self._progress
            return (
                self.tr("Checking… {done} of {total}")
                .replace("{done}", str(done))
                .replace("{total}", str(total))
            )
        last = self._last
        if last is None:
            return self.tr("No check since Consentinel started")
        if last.cancelled:
            return self._cancelled_status(last)
        parts = self._outcome_parts(last)
        if parts:
            what = ", ".join(parts)
            return what[:1].upper() + what[1:]
        if last.accounts and all(a.all_off for a in last.accounts):
            if len(last.accounts) == 1:
                return self.tr("@{handle}: boxes off at X").replace(
                    "{handle}", last.accounts[0].handle
                )
            return self.tr("All {n} accounts: boxes off at X").replace(
                "{n}", str(len(last.accounts))
            )
        return self.tr("No account needs you")  # (a dry run, X slowing checks down…)

    def _show_status(self) -> None:
        """The menu's first lines as the check moves on or ends (not only when it opens: some
        trays show the menu they were given without saying it opens)."""
        line = self._status_line
        if line is None:  # (not built yet: the icon shows after the window's first frame)
            return
        line.setText(self.status_words())
        waiting = self._progress[2] if self._progress is not None else ""
        if self._waiting_line is not None:
            self._waiting_line.setText(waiting)
            self._waiting_line.setVisible(bool(waiting))
        if self._needing_you_entry is not None:
            need = self._needing_you() if self._progress is None else []
            self._needing_you_entry.setText(
                self.tr("&Show the account that needs you")
                if len(need) == 1
                else self.tr("&Show the accounts that need you")
            )
            self._needing_you_entry.setVisible(bool(need))
        self.update_check_entry()

    def update_check_entry(self) -> None:
        """Check all now greyed while a check (or a sign-in window) runs, from its start to its
        end, not only as the menu is rebuilt: some trays show the menu they were given without
        saying it opens."""
        entry = self._check_entry
        if entry is not None:
            idle = self._progress is None and not self._is_running()
            entry.setEnabled(idle and self._has_accounts())

    def _show_needing_you(self) -> None:
        need = self._needing_you() if self._progress is None else []
        if need:
            self.show_needing_you.emit(need)

    def _cancelled_status(self, last: RunResult) -> str:
        """The menu's first line after a cancelled check: how many accounts it had checked
        (those it had not reached keep their last results, as their rows say)."""
        from consentinel.core.status import Reason

        total = len(last.accounts)
        done = sum(1 for a in last.accounts if a.reason is not Reason.CANCELLED)
        if done == 0:
            return self.tr("Last check cancelled before any account was checked")
        if done == total:
            return self.tr("Last check cancelled once every account was checked")
        # (French says one or none in the singular.)
        words = (
            self.tr("Last check cancelled after {done} of {total} accounts", "one done")
            if done == 1
            else self.tr("Last check cancelled after {done} of {total} accounts")
        )
        return words.replace("{done}", str(done)).replace("{total}", str(total))

    def _cancelled_words(self, last: RunResult) -> str:
        """A cancelled check, and what it switched off at X before the Cancel, if it had
        begun to (gui/run_summary says which boxes)."""
        from consentinel.gui.run_summary import cut_short

        switched, unread = cut_short(last)
        if switched:
            words = self.tr(
                "{app} — last check cancelled, after it switched off boxes on {accounts}"
            )
            handles = [handle for handle, _boxes in switched]
        elif unread:
            words = self.tr(
                "{app} — last check cancelled while it was switching off a box on {accounts}"
            )
            handles = [handle for handle, _box in unread]
        else:
            return self.tr("{app} — last check cancelled").replace("{app}", APP_NAME)
        accounts = ", ".join(f"@{handle}" for handle in dict.fromkeys(handles))
        return words.replace("{app}", APP_NAME).replace("{accounts}", accounts)

    def rebuild_menu(self) -> None:
        # Each entry has its own letter (the menu is reached from the keyboard too); Pause and
        # Resume share theirs, so the same letter switches the schedule either way.
        self.menu.clear()
        # How it went, first: a line to read, not an entry to choose.
        self._status_line = self.menu.addAction("")
        self._status_line.setEnabled(False)
        self._waiting_line = self.menu.addAction("")
        self._waiting_line.setEnabled(False)
        self._needing_you_entry = self.menu.addAction("")
        self._needing_you_entry.triggered.connect(self._show_needing_you)
        self._check_entry = None  # (made below)
        self._show_status()
        self.menu.addSeparator()
        self._check_entry = self.menu.addAction(self.tr("&Check all now"))
        self._check_entry.triggered.connect(self.check_now)
        self.update_check_entry()
        self.menu.addAction(self.tr("&Open Consentinel"), self.open_window.emit)
        # Named as in the window's Checks menu.
        pause_text = (
            self.tr("Res&ume automatic checks")
            if self._is_paused()
            else self.tr("Pa&use automatic checks")
        )
        self.menu.addAction(pause_text, self.toggle_pause.emit)
        self.menu.addSeparator()
        self.menu.addAction(self.tr("&Quit"), self.quit_app.emit)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_window.emit()

    def say(self, text: str) -> bool:
        """A short message from the app itself (not about a check), as a tray balloon."""
        if not self.icon.isVisible() or not QSystemTrayIcon.supportsMessages():
            return False
        self.icon.showMessage(APP_NAME, text, app_icon(), 8_000)
        return True

    def notify(self, note: Notification) -> bool:
        """core.notify's Notifier: a tray message."""
        if not self.icon.isVisible() or not QSystemTrayIcon.supportsMessages():
            return False
        self.icon.showMessage(note.title, note.body, app_icon(), 10_000)
        return True


def needing_you(last: RunResult | None) -> list[str]:
    """The handles of the accounts the check `last` left needing the person (a step only they
    can take, or a sign-in that failed), as the tooltip counts them."""
    if last is None or last.cancelled:
        return []
    from consentinel.core.status import Reason, Status

    wanted = (Status.NEEDS_USER, Status.SIGNIN_FAILED)
    return [
        a.handle for a in last.accounts if a.status in wanted and a.reason is not Reason.CANCELLED
    ]
