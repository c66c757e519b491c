"""CheckRunner: runs Engine.run_check on a worker thread and turns its events into Qt signals.

Prompts go the other way: the worker emits `prompt`, waits, and the GUI thread answers with
`answer()` once the person closed the dialog (a threading.Event handshake).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from consentinel.core.answer_deadline import AnswerDeadline
from consentinel.core.lock import RunLock

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from consentinel.core.engine import Engine, LoginResult
    from consentinel.core.events import CancelToken, Event, PromptRequest, RunResult

#: Builds the engine when a check starts (Playwright loads then, not when the window opens).
EngineFactory = Callable[[], "Engine"]
_POLL_S = 0.2


def _new_cancel_token() -> CancelToken:
    # The engine's events load with the first check, not with the window.
    from consentinel.core.events import CancelToken

    return CancelToken()


class CheckRunner(QObject):
    """One run at a time (in this app, and across processes through the run lock)."""

    run_started = Signal(int, object)  # run_id, tuple of handles
    step = Signal(str, object)  # handle, Step
    account_finished = Signal(object)  # AccountResult
    run_finished = Signal(object, str)  # RunResult, trigger
    run_failed = Signal(str)  # a sentence for the person
    #: A scheduled check that could not start (another process is checking): nobody asked for
    #: it, so it is not shown; the schedule tries again soon.
    schedule_skipped = Signal(str)
    prompt = Signal(object)  # PromptRequest: answer with answer()
    prompt_withdrawn = Signal()  # the run was cancelled while a prompt was open
    #: Nobody answered the prompt within its time (PromptRequest.wait_s): it is taken away, and
    #: the account ends as if skipped.
    prompt_timed_out = Signal(object)  # PromptRequest
    login_finished = Signal(object)  # LoginResult
    busy_changed = Signal(bool)
    browser_unsandboxed = Signal()  # Chromium refused its sandbox (the doctor quotes it)

    def __init__(
        self, engine_factory: EngineFactory, lock_path: object, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._engine_factory = engine_factory
        self._lock = RunLock(lock_path)  # type: ignore[arg-type]
        self._thread: threading.Thread | None = None
        # Busy from start to the moment the worker says it is done (busy_changed(False)), not
        # until its thread has ended: the slots of that signal must already read "not running".
        self._busy = False
        self._cancel: CancelToken | None = None
        self._ask_lock = threading.Lock()
        self._answered = threading.Event()
        self._answer: str | None = None
        self.trigger = ""
        #: GUI thread's: the triggers of the runs started here whose end (run_finished or
        #: run_failed for a check, login_finished for a sign-in) the GUI thread has not heard
        #: yet, oldest first. `_busy` is the worker's, cleared before those signals are
        #: delivered: what comes to the GUI thread in between (X's answer) must still find the
        #: run going. (A list: a run started in that gap has its own end to wait for.)
        self._unheard_ends: list[str] = []
        #: A start refused in the GUI thread says so with run_failed: no run of ours ended.
        self._refusing = False
        # Connected first: the other slots of these signals read the run ended.
        self.run_finished.connect(self._check_ended)
        self.run_failed.connect(self._failed)
        self.login_finished.connect(self._sign_in_ended)

    # -- state ----------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._busy

    @property
    def going(self) -> bool:
        """Whether a check or sign-in started here has not ended yet as the GUI thread hears
        it (its end signal not delivered yet), unlike `running`, which goes False first."""
        return bool(self._unheard_ends)

    @property
    def signing_in(self) -> bool:
        """Whether the oldest run `going` is a sign-in (its end is login_finished)."""
        return bool(self._unheard_ends) and self._unheard_ends[0] == "login"

    def _check_ended(self, _result: object, _trigger: str) -> None:
        if self._unheard_ends:
            self._unheard_ends.pop(0)

    def _failed(self, _message: str) -> None:
        # A sign-in's failure is followed by its login_finished, which ends it.
        if not self._refusing and self._unheard_ends and self._unheard_ends[0] != "login":
            self._unheard_ends.pop(0)

    def _sign_in_ended(self, _outcome: object) -> None:
        if self._unheard_ends:
            self._unheard_ends.pop(0)

    def _refuse(self, why: str, trigger: str) -> None:
        """A start refused here (the run lock held elsewhere), said as before."""
        self._refusing = True
        try:
            if trigger == "schedule":
                log.info("scheduled check skipped: another check is running")
                self.schedule_skipped.emit(why)
            else:
                self.run_failed.emit(why)
        finally:
            self._refusing = False

    def busy_elsewhere(self) -> str | None:
        """Why a run cannot start now (a sentence), or None."""
        if self.running:
            return self.tr("A check is already running.")
        holder = self._lock.holder()
        if holder is None:
            return None
        if holder.pid is None or holder.started_at is None:
            return self.tr(
                "Another Consentinel process is checking your accounts; try again when it has "
                "finished."
            )
        since = holder.started_at.astimezone().strftime("%H:%M")
        return (
            self.tr(
                "Another Consentinel process (number {pid}, started at {since}) is checking your "
                "accounts; try again when it has finished."
            )
            .replace("{pid}", str(holder.pid))
            .replace("{since}", since)
        )

    # -- starting and stopping -------------------------------------------------------------------

    def start(self, handles: Sequence[str] | None, trigger: str = "gui") -> bool:
        """Start a check; False (and run_failed, or schedule_skipped for the schedule's) when
        one is running here or elsewhere."""
        if self.running:
            return False
        if not self._lock.acquire(wait=False):
            self._refuse(self.busy_elsewhere() or self.tr("A check is already running."), trigger)
            return False
        self._cancel = _new_cancel_token()
        self.trigger = trigger
        self._thread = threading.Thread(
            target=self._work,
            args=(list(handles) if handles is not None else None, trigger, self._cancel),
            name="consentinel-check",
            daemon=True,
        )
        self._busy = True
        self._unheard_ends.append(self.trigger)
        self.busy_changed.emit(True)
        self._thread.start()
        return True

    def sign_in(self, handle: str) -> bool:
        """The visible sign-in window for one account (Engine.login_interactive)."""
        if self.running:
            return False
        if not self._lock.acquire(wait=False):
            self._refuse(self.busy_elsewhere() or self.tr("A check is already running."), "login")
            return False
        self._cancel = _new_cancel_token()
        self.trigger = "login"
        self._thread = threading.Thread(
            target=self._login, args=(handle, self._cancel), name="consentinel-login", daemon=True
        )
        self._busy = True
        self._unheard_ends.append(self.trigger)
        self.busy_changed.emit(True)
        self._thread.start()
        return True

    def cancel(self) -> None:
        """Stop at the next safe point; an open prompt is answered "no answer"."""
        if self._cancel is not None:
            self._cancel.cancel()
        self._answer = None
        self._answered.set()

    def wait(self, timeout_s: float = 30.0) -> bool:
        """Block until the worker ended (used when quitting)."""
        thread = self._thread
        if thread is None:
            return True
        thread.join(timeout_s)
        return not thread.is_alive()

    # -- prompts ----------------------------------------------------------------------------------

    def answer(self, value: str | None) -> None:
        """The person's answer to the prompt last emitted (None: no answer)."""
        self._answer = value
        self._answered.set()

    def _ask(self, request: PromptRequest) -> str | None:
        # Accounts run side by side; their questions reach the person one at a time.
        with self._ask_lock:
            cancel = self._cancel
            if cancel is None or cancel.cancelled:
                return None
            self._answered.clear()
            self._answer = None
            # Counted from the moment it is shown: a question queued behind another's gets
            # its whole time (the computer's sleep counted too).
            deadline = AnswerDeadline(request.wait_s)
            self.prompt.emit(request)
            while not self._answered.wait(_POLL_S):
                if cancel.cancelled:
                    self.prompt_withdrawn.emit()
                    return None
                if deadline.left() <= 0:
                    log.info("a question for the person went unanswered: taken away")
                    self.prompt_timed_out.emit(request)
                    return None
            if cancel.cancelled:
                self.prompt_withdrawn.emit()
                return None
            return self._answer

    # -- the worker -------------------------------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        from consentinel.core.events import (
            AccountFinished,
            AccountStep,
            BrowserUnsandboxed,
            RunFinished,
            RunStarted,
        )

        if isinstance(event, RunStarted):
            self.run_started.emit(event.run_id, event.handles)
        elif isinstance(event, AccountStep):
            self.step.emit(event.handle, event.step)
        elif isinstance(event, AccountFinished):
            self.account_finished.emit(event.result)
        elif isinstance(event, BrowserUnsandboxed):
            self.browser_unsandboxed.emit()
        elif isinstance(event, RunFinished):
            pass  # reported once the lock is released, with the trigger

    def _work(self, handles: list[str] | None, trigger: str, cancel: CancelToken) -> None:
        result: RunResult | None = None
        try:
            scheduled = trigger == "schedule"
            engine = self._engine_factory()
            with contextlib.ExitStack() as unwatched:
                if scheduled:  # (a check started by hand may ask for the keyring's password)
                    _ask_the_keyring_nothing(engine, unwatched)
                # A scheduled check asks nobody: as the OS job's, it leaves the accounts that
                # need the person to the person (they are told), and never waits on an unseen
                # question.
                result = engine.run_check(
                    handles=handles,
                    unattended=scheduled,
                    on_event=self._on_event,
                    ask=None if scheduled else self._ask,
                    cancel=cancel,
                    trigger="schedule" if scheduled else "gui",
                )
        except Exception as error:  # reaches the person as a sentence; the traceback is logged
            log.exception("check failed")
            self.run_failed.emit(_failure_sentence(error))
        finally:
            self._lock.release()
            self._busy = False
            self.busy_changed.emit(False)
        if result is not None:
            self.run_finished.emit(result, trigger)

    def _login(self, handle: str, cancel: CancelToken) -> None:
        try:
            outcome: LoginResult = self._engine_factory().login_interactive(
                handle, on_event=self._on_event, cancel=cancel
            )
        except Exception as error:
            log.exception("sign-in window failed")
            self.run_failed.emit(_failure_sentence(error))
            from consentinel.core.engine import LoginResult

            outcome = LoginResult(False, _failure_sentence(error))
        finally:
            self._lock.release()
            self._busy = False
            self.busy_changed.emit(False)
        self.login_finished.emit(outcome)


def _ask_the_keyring_nothing(engine: Engine, unwatched: contextlib.ExitStack) -> None:
    """As the OS job's check (`check --unattended`): a locked keyring is said, never asked for
    its password (its dialog would wait for ever at 3 a.m., holding the run lock), and one that
    does not answer at all is given up on after KEYRING_WAIT_S; every account's check then ends
    "keyring unavailable", and the person is told as by the job. Until the block ends."""
    from consentinel.core.vault import KEYRING_WAIT_S, VaultError

    vault = engine.ctx.vault
    unwatched.enter_context(vault.asking_nobody())
    with contextlib.suppress(VaultError):
        vault.check_within(KEYRING_WAIT_S)


def _failure_sentence(error: BaseException) -> str:
    text = QCoreApplication.translate(
        "CheckRunner",
        "The check stopped because of an unexpected problem ({problem}). Nothing was left "
        "half-written; the details are in the log. Try again, and report it if it happens again.",
    )
    return text.replace("{problem}", type(error).__name__)
