"""Whether X answers again, asked every PROBE_EVERY_MS after a scheduled check that could not
reach it (a laptop waking before its Wi-Fi is back), so that its retry starts as soon as the
network is back instead of half an hour later, as the OS job's does (cli/scheduled_retry.py).

Each question is a quick request (core/doctor.py x_answers, as the OS job's tries ask it) made
in a thread of its own: one that waits its doctor.X_TIMEOUT_S for an answer holds that thread,
never the window. An answer only brings the retry sooner; one not given (a question
that failed) is taken as no answer, and the retry keeps its time.

As the OS job's rule (cli/scheduled_retry.wait_for_x): X is asked first as the check ends, and
only a "yes" after a "no" brings the retry sooner. X answering from the start (a check that
met X's own error, or that the browser lost while X answered) is no network coming back: the
whole wait is waited, not a new sign-in within a second."""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from consentinel.core.context import AppContext

log = logging.getLogger(__name__)

#: How often X is asked while it does not answer (the OS job's cli/scheduled_retry.PROBE_EVERY_S).
PROBE_EVERY_MS = 20_000


def x_answers(ctx: AppContext) -> bool:
    """Whether X answers (core/doctor.x_answers, as the OS job's tries ask it). The doctor's
    module (urllib, sockets) is loaded by the first question, not with the window."""
    from consentinel.core import doctor

    return doctor.x_answers(ctx)


class XWatch(QObject):
    """`watch()` asks X now, then every PROBE_EVERY_MS until it answers: `x_back` then, once,
    if it did not answer at first, or before (`unanswered_before`) (X answering at once ends
    the watch, unheard: the network was not down). `stop()` ends the watch; an answer to a
    question asked before is then not heard."""

    x_back = Signal()
    #: From the asking thread, queued to the GUI thread: (which watch asked, X answered).
    _answered = Signal(int, bool)

    def __init__(self, ask: Callable[[], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ask = ask
        #: Moved on by each watch and stop: what an older question answers is not heard.
        self._watch_number = 0
        self._watching = False
        #: X did not answer a question of this watch: its answer now is the network back.
        self._unanswered = False
        self._next = QTimer(self)
        self._next.setSingleShot(True)
        self._next.setInterval(PROBE_EVERY_MS)
        self._next.timeout.connect(self._ask_now)
        self._answered.connect(self._heard)

    @property
    def watching(self) -> bool:
        return self._watching

    def watch(self, *, unanswered_before: bool = False) -> None:
        """`unanswered_before`: an earlier watch already heard X not answer (it goes on after a
        check the person started meanwhile, which could not reach X either): a "yes" now, at
        the first question, is the network back too."""
        self.stop()
        self._watching = True
        self._unanswered = unanswered_before
        self._ask_now()

    def stop(self) -> None:
        self._watch_number += 1
        self._watching = False
        self._next.stop()

    def _ask_now(self) -> None:
        # A daemon thread: quitting waits for no question (one at a time: the next is asked
        # PROBE_EVERY_MS after this one's answer).
        threading.Thread(
            target=self._ask_in_thread, args=(self._watch_number,), daemon=True, name="x-watch"
        ).start()

    def _ask_in_thread(self, watch_number: int) -> None:
        try:
            answers = self._ask()
        except Exception:  # no answer: the retry keeps its time
            log.exception("could not ask whether X answers")
            answers = False
        # RuntimeError: the app quit meanwhile; nobody waits for the answer.
        with contextlib.suppress(RuntimeError):
            self._answered.emit(watch_number, answers)

    def _heard(self, watch_number: int, answers: bool) -> None:
        if watch_number != self._watch_number:
            return  # asked by a watch since stopped
        if not answers:
            self._unanswered = True
            self._next.start()
            return
        self._watching = False
        if not self._unanswered:
            log.info("X answers as the check ends: its retry keeps its time")
            return
        log.info("X answers again: the scheduled check that could not reach it is retried now")
        self.x_back.emit()
