"""How the main window follows a check run, or the person's own sign-in: starting and
cancelling it (asked first from Esc or on quitting), its progress, each account's end and the
run's, its notifications, and the questions it asks the person (a code, a sign-in step)."""

from __future__ import annotations

import logging
import math
import weakref
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from consentinel.core.accounts import handle_key
from consentinel.core.schedule import interval_for
from consentinel.core.status import Reason, Status
from consentinel.core.steps import PromptKind, Step
from consentinel.gui.window_actions import update_actions

if TYPE_CHECKING:
    from consentinel.core.engine import LoginResult
    from consentinel.core.events import AccountResult, PromptRequest, RunResult
    from consentinel.gui.confirmation import Confirmation
    from consentinel.gui.main_window import MainWindow
    from consentinel.gui.prompt_dialogs import PromptDialog
    from consentinel.gui.window_notifier import TrayOrDesktop

log = logging.getLogger(__name__)

# The window's own words: its context in the catalogues (as its self.tr() has).
translate = QCoreApplication.translate


class RunHandling:
    """The window's side of the runner (made at the first check or sign-in: not the first
    frame's work); the window's runner slots hand each signal on to it."""

    def __init__(self, window: MainWindow) -> None:
        # Not held: the window holds this, and a cycle would keep the window's Python side
        # alive once Qt deleted it (a window rebuilt for a new language), until a collection.
        self._window = weakref.ref(window)
        #: (account, question) already asked in this run: asked again, X refused the answer.
        self._asked: set[tuple[str, PromptKind]] = set()
        #: What sends notifications, the tray or, without one, the desktop's notifier: made at
        #: the first (gui/window_notifier).
        self._sender: TrayOrDesktop | None = None
        #: Chromium's refused sandbox was said during a sign-in (said again at its end).
        self._unsandboxed_at_sign_in = False
        #: What the status bar said as the person's own sign-in ended ("Sign-in cancelled."):
        #: a check starting within its seconds takes it away, as it is of the sign-in only.
        self._said_at_sign_in_end = ""
        #: The table's natural width as the window last fitted it during this check: the
        #: window grows again only when longer words come (not against a person narrowing it).
        self._table_width_fitted = 0
        #: What the status bar says of a question that went unanswered: until the next check.
        self._said_unanswered = ""

    @property
    def window(self) -> MainWindow:
        window = self._window()
        assert window is not None  # (this goes with the window)
        return window

    def say_unsandboxed(self) -> None:
        w = self.window
        w.statusBar().showMessage(self._unsandboxed_words(), 60_000)
        # Met by a sign-in: its ending would replace this before the person, busy in the
        # browser window, had read it; it is said again with how the sign-in ended.
        self._unsandboxed_at_sign_in = w.runner.trigger == "login"

    def _unsandboxed_words(self) -> str:
        # Not Chromium's words (a long sentence and an address on Ubuntu), which would push
        # what to do out of the bar: the Diagnostics tab quotes them.
        return translate(
            "MainWindow",
            "The browser runs without its sandbox here: see the Diagnostics tab of “About "
            "Consentinel”.",
        )

    def start_check(self, handles: list[str] | None, trigger: str = "gui") -> bool:
        w = self.window
        if w.runner.running:
            return False
        if w._notice_a_lost_journal():
            w.refresh()  # what happened was said, not "no account to check yet"
            return False
        if not (handles if handles is not None else w.ctx.accounts.list()):
            # (The tray's "Check all now" is there before any account is.)
            w.statusBar().showMessage(
                translate("MainWindow", "There is no account to check yet."), 10_000
            )
            return False
        w.result_label.clear()
        w.result_label.hide()
        started = w.runner.start(handles, trigger)
        if started:
            count = len(handles) if handles is not None else len(w.ctx.accounts.list())
            w.panel.begin(count)
        update_actions(w)
        return started

    def cancel_check(self) -> None:
        w = self.window
        if w.runner.running:
            w.panel.cancel_button.setEnabled(False)
            w.runner.cancel()

    def ask_to_cancel_check(self) -> None:
        """Esc during a check: a question, not a cancel. Esc also closes menus, questions and
        message boxes, and is often pressed once more than needed; a check that may have
        waited minutes on X is not thrown away for that. The question's own Esc keeps it."""
        w = self.window
        if not w.runner.running:
            return
        box = self.ask_over_running(quitting=False)
        # A check that ends while the question is open leaves nothing to cancel: it closes.
        w.runner.busy_changed.connect(box.reject)
        try:
            if box.confirmed():
                self.cancel_check()
        finally:
            box.deleteLater()

    def sign_in(self) -> None:
        w = self.window
        handle = w.table.current_handle()
        if handle and w.runner.sign_in(handle):
            w.table.hold_order()  # (its row's words change as it signs in: it stays put)
            w.panel.begin_sign_in(handle)
            update_actions(w)

    def run_started(self, _run_id: int, handles: tuple[str, ...]) -> None:
        w = self.window
        # The rows keep the places they have now (before "Waiting for its turn…" groups them)
        # until the check ends: none slides from under the pointer as its status changes.
        if w._table is not None:
            w._table.hold_order()
        self._asked.clear()
        # "…added. Choose “Check selected”…": done, once a check of it starts. Not by the start
        # of a check without it: said while a check runs, it may be that check's start, sent
        # by its thread before the account was added and heard by the window after.
        hinted = handle_key(w._hinted_handle)
        said = w.statusBar().currentMessage()
        if said == w._until_a_check and any(handle_key(handle) == hinted for handle in handles):
            w.statusBar().clearMessage()
        elif said and said in (self._said_at_sign_in_end, self._said_unanswered):
            w.statusBar().clearMessage()  # of the sign-in or the check before: not of this one
        self._said_unanswered = ""
        self._said_at_sign_in_end = ""
        # (Measured before the check's words come: a window the person narrowed meanwhile
        # grows only for them.)
        self._table_width_fitted = w.table.natural_width() if w._table is not None else 0
        w._own_due.clear()
        for handle in handles:
            w.steps[handle_key(handle)] = Step.QUEUED
        w.refresh()
        self._widen_to_the_table()

    def step(self, handle: str, step: Step) -> None:
        w = self.window
        if step is Step.DONE:
            w.steps.pop(handle_key(handle), None)
        else:
            w.steps[handle_key(handle)] = step
        w.panel.show_step(handle, step)
        w.refresh()
        self._widen_to_the_table()

    def account_finished(self, result: AccountResult) -> None:
        w = self.window
        w.steps.pop(handle_key(result.handle), None)
        # Cancelled before it changed anything at X, it found nothing out: the last result
        # stands. Cancelled after, it has the boxes as it left them (core/account_check).
        if result.removed:  # (by another process: its row is gone)
            w.live.pop(handle_key(result.handle), None)
        elif result.reason is not Reason.CANCELLED or result.settings:
            w.live[handle_key(result.handle)] = result
        w._own_due[handle_key(result.handle)] = self._next_check_after(result)
        w.panel.account_done()
        w.refresh()
        self._widen_to_the_table()
        if w.journal_window is not None and w.journal_window.isVisible():
            # Its entries at once; its badge once the accounts ending one after another pause.
            w.journal_window.refresh(badge_delay_ms=3000)

    def _sort_again(self) -> None:
        """The check (or sign-in) ended: the rows in the chosen order again at the refresh
        that follows, the selection on the same accounts."""
        if self.window._table is not None:
            self.window._table.release_order()

    def _widen_to_the_table(self) -> None:
        """During a check, as at its end: the window as wide as the table's columns need once
        their words get longer (« En attente d'une autre connexion… », « Cochée chez X, non
        affichée »), within the screen, never narrower, never maximized or full screen, and only
        when the columns grew since the last fit: until the end, the table scrolled sideways
        and its last column was cut (« Dans 24 l… »)."""
        w = self.window
        if not w.isVisible() or w.isMaximized() or w.isFullScreen() or w._table is None:
            return
        needed = w.table.natural_width()
        if needed > self._table_width_fitted:
            self._table_width_fitted = needed
            w._fit_the_table()

    def _next_check_after(self, result: AccountResult) -> datetime | None:
        """An account checked through now comes due an interval later; another (failed,
        cancelled) is tried again when the run's end says."""
        w = self.window
        interval = interval_for(w.ctx.settings.schedule) or timedelta(0)
        if result.status not in (Status.OPTED_OUT, Status.FIXED) or not interval:
            return None
        return datetime.now(timezone.utc) + interval

    def run_finished(self, result: RunResult, trigger: str) -> None:
        w = self.window
        self._sort_again()
        w.steps.clear()
        w._own_due.clear()
        w._hide_panel()
        w.show_summary(result)
        w.refresh()
        if w.isVisible() and not (w.isMaximized() or w.isFullScreen()):
            w._fit_the_table()  # its words may be longer now ("non affichée, activée chez X")
        if w.journal_window is not None and w.journal_window.isVisible():
            w.journal_window.refresh()
        self._notify(result)

    def _notify(self, result: RunResult) -> None:
        """What the run found that is worth saying, and its journal entries: through the tray,
        or with no tray (or one that cannot show it) the desktop's own notifier, as the
        scheduled `check --unattended` does."""
        w = self.window
        if not w.ctx.settings.notifications:
            return
        if w.isVisible() and w.isActiveWindow() and w.runner.trigger != "schedule":
            return  # the person is looking at the window: it already says everything
        try:
            from consentinel.gui.window_notifier import TrayOrDesktop

            if self._sender is None:
                self._sender = TrayOrDesktop(w.notifier)  # type: ignore[arg-type]
            # (Returns at once: the desktop's notifier answers later, then each is journaled.)
            self._sender.deliver(result, w.ctx.journal)
        except Exception:
            log.exception("notifications failed")

    def stop_notifying(self) -> None:
        """The app quits: the notifications not yet said are journaled as not shown, a
        notifier still showing one stopped (gui/window_notifier)."""
        if self._sender is not None:
            self._sender.close()

    def run_failed(self, message: str) -> None:
        w = self.window
        self._sort_again()
        w.steps.clear()
        w._own_due.clear()
        w._hide_panel()
        w.refresh()
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(w, translate("MainWindow", "The check did not run"), message)

    def login_finished(self, outcome: LoginResult) -> None:
        w = self.window
        self._sort_again()
        w.steps.clear()
        w._hide_panel()
        w.refresh()
        said = ""
        if outcome.ok:
            said = outcome.message
        elif outcome.reason is Reason.CANCELLED:  # the person's own choice: no box to close
            said = translate("MainWindow", "Sign-in cancelled.")
        if self._unsandboxed_at_sign_in:
            self._unsandboxed_at_sign_in = False
            w.statusBar().showMessage(f"{said} {self._unsandboxed_words()}".strip(), 60_000)
        elif said:
            w.statusBar().showMessage(said, 10_000)
        self._said_at_sign_in_end = w.statusBar().currentMessage() if said else ""
        if not said:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(
                w, translate("MainWindow", "Not signed in"), self._not_signed_in_words(outcome)
            )

    @staticmethod
    def _not_signed_in_words(outcome: LoginResult) -> str:
        """The engine's words, and after the window's time ran out, how to try again here
        (it said only "was not finished in the window": not the time, nor what next)."""
        if outcome.ran_out_after_s is None:
            return outcome.message
        if outcome.still_locked:
            then = translate(
                "MainWindow",
                "Unlock the account on x.com first, then try “Sign in yourself…” again.",
            )
        else:
            then = translate(
                "MainWindow", "Try “Sign in yourself…” again when you have time to finish it."
            )
        return f"{outcome.message}\n\n{then}"

    def prompt(self, request: PromptRequest) -> None:
        w = self.window
        hint = w._hint_for(request) if w._hint_for else None
        from consentinel.gui.prompt_dialogs import PromptDialog

        dialog = PromptDialog(request, hint, w, account=w.ctx.accounts.get(request.handle))
        asked = (handle_key(request.handle), request.kind)
        if asked in self._asked or request.saved_code_refused:
            dialog.say_answer_refused()
        self._asked.add(asked)
        w.open_prompt = dialog
        dialog.finished.connect(lambda _code: self._prompt_closed(dialog))
        dialog.cancel_check_requested.connect(w.cancel_check)
        dialog.open()

    def _prompt_closed(self, dialog: PromptDialog) -> None:
        w = self.window
        if w.open_prompt is dialog:
            w.open_prompt = None
            w.runner.answer(dialog.answer())

    def prompt_withdrawn(self) -> None:
        w = self.window
        dialog, w.open_prompt = w.open_prompt, None
        if dialog is not None:
            dialog.reject()

    def prompt_timed_out(self, request: PromptRequest) -> None:
        """Nobody answered `request` in its time: its dialog goes (if still open), and the
        status bar says why until the next check starts; the account's row, the journal and
        the run's summary say what it needs, as for an account skipped."""
        w = self.window
        dialog = w.open_prompt
        if dialog is not None and dialog.request is request:
            w.open_prompt = None
            dialog.reject()
        minutes = max(1, math.ceil(request.wait_s / 60))
        said = (
            translate(
                "MainWindow",
                "The question for @{handle} went unanswered for {minutes} min: it was closed, "
                "and the check went on without this account.",
            )
            .replace("{handle}", request.handle)
            .replace("{minutes}", str(minutes))
        )
        w.statusBar().showMessage(said)
        self._said_unanswered = said

    def ask_over_running(self, *, quitting: bool) -> Confirmation:
        """Whether to cancel what runs (and quit, when `quitting`), keeping it the default: a
        check, or the person's own sign-in ("Sign in yourself…"), where no check runs and a
        browser window of theirs is open."""
        from consentinel.gui.confirmation import Confirmation

        w = self.window
        if w.runner.trigger == "login":
            title = translate("MainWindow", "You are signing in")
            question, act = (
                (
                    translate("MainWindow", "Quit Consentinel and close the sign-in window?"),
                    translate("MainWindow", "Close it and &quit"),
                )
                if quitting
                else (
                    translate("MainWindow", "Close the sign-in window?"),
                    translate("MainWindow", "&Close the sign-in window"),
                )
            )
            details = translate(
                "MainWindow",
                "The sign-in is not finished: nothing is saved for the account. You can sign in "
                "again later with “Sign in yourself…”.",
            )
            keep = translate("MainWindow", "&Keep signing in")
        else:
            title = translate("MainWindow", "A check is running")
            question, act = (
                (
                    translate("MainWindow", "Quit Consentinel and cancel the check?"),
                    translate("MainWindow", "Cancel the check and &quit"),
                )
                if quitting
                else (
                    translate("MainWindow", "Cancel the check?"),
                    translate("MainWindow", "&Cancel the check"),
                )
            )
            details = translate(
                "MainWindow",
                "What it already changed on X stays changed, and is in the journal. The accounts "
                "it has not reached yet are checked next time.",
            )
            keep = translate("MainWindow", "&Keep checking")
        box = Confirmation(
            w, Confirmation.Icon.Question, title, question, details, act=act, keep=keep
        )
        w.confirm_box = box
        return box
