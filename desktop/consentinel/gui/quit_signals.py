"""SIGTERM (a logout, a shutdown, `kill`), SIGINT (Ctrl-C in the terminal that started the app)
and, on Linux and macOS, SIGHUP (that terminal closed) end the app as its Quit does: a running
check is cancelled at a safe point and written to the journal as cancelled, its browser closed,
the tray icon removed (launch.py's shutdown after the event loop). SIGTERM used to end the
process mid-check, its run found "interrupted" only at the next start; SIGINT waited for the
next Python slot (up to ten seconds while idle) and came through the safety net as a
KeyboardInterrupt raised wherever that slot was; SIGHUP killed the app mid-check, leaving its
run to be found "interrupted", its browser and its lock file behind.

Once the loop has ended, the app cleans up (the check cancelled at a safe point, its browser
closed, its run's end journaled): the news that comes again then does not cut that short. A
closing terminal hangs the app up twice (the kernel, then its shell passing it on to its jobs),
and a logout sends SIGTERM after or before SIGHUP (systemd's stop of the session): SIGHUP is
ignored during the clean-up, and so is a SIGTERM while none came before it. A second SIGTERM,
after one that asked the app to quit, ends it at once, as a second Ctrl-C does: a person (or a
script) insisting, who is not made to wait for the clean-up; the journal marks the run
interrupted at the next start, and the next check removes what the browser left.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
from collections.abc import Callable
from types import FrameType
from typing import Any, TextIO

from PySide6.QtCore import QObject, QSocketNotifier, Slot

from consentinel.core.closed_terminal import away_from_a_closed_terminal, terminals_among

log = logging.getLogger(__name__)

SIGNALS = (signal.SIGTERM, signal.SIGINT) + (
    (signal.SIGHUP,) if hasattr(signal, "SIGHUP") else ()  # (none on Windows)
)


class QuitOnSignals(QObject):
    """`install()` in the GUI thread (Python's main thread), `uninstall()` when the loop ends."""

    def __init__(self, quit_app: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._quit_app = quit_app
        self._previous: dict[int, Any] = {}
        self._pipe: tuple[int, int] | None = None
        self._old_wakeup_fd = -1
        self._notifier: QSocketNotifier | None = None
        self.received: signal.Signals | None = None
        #: Every signal that asked the app to quit, the first one included.
        self.heard: set[signal.Signals] = set()
        self._terminals: list[TextIO] = []

    def install(self) -> None:
        for number in SIGNALS:
            # Ignored by whoever started the app (a shell's background job; `nohup`, SIGHUP):
            # it stays ignored.
            if signal.getsignal(number) is not signal.SIG_IGN:
                self._previous[number] = signal.signal(number, self._on_signal)
        self._terminals = terminals_among((sys.stdout, sys.stderr))
        if sys.platform != "win32":
            # Python runs a handler only when it next runs Python code, and Qt's loop runs none
            # while the app waits: the signal's byte on this pipe wakes the loop, which calls
            # _drain, and Python runs the handler there.
            read, write = os.pipe()
            os.set_blocking(read, False)
            os.set_blocking(write, False)
            self._old_wakeup_fd = signal.set_wakeup_fd(write)
            self._pipe = (read, write)
            self._notifier = QSocketNotifier(read, QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self._drain)
        log.info("%s quit the app from now on", ", ".join(signal.Signals(n).name for n in SIGNALS))

    def uninstall(self) -> None:
        """The loop has ended: each signal gets back what it had, but for the clean-up's own
        rules (the module's doc): SIGHUP ignored, SIGTERM ignored once while none came."""
        for number, previous in self._previous.items():
            # (None: a handler not set from Python, which Python cannot set back; the default)
            before = signal.SIG_DFL if previous is None else previous
            signal.signal(number, self._during_clean_up(signal.Signals(number), before))
        self._previous.clear()
        if self._pipe is not None:
            signal.set_wakeup_fd(self._old_wakeup_fd)
            if self._notifier is not None:
                self._notifier.setEnabled(False)
            for fd in self._pipe:
                os.close(fd)
            self._pipe = None

    @Slot()
    def _drain(self) -> None:
        if self._pipe is not None:
            with contextlib.suppress(OSError):
                os.read(self._pipe[0], 512)

    def _during_clean_up(self, number: signal.Signals, previous: Any) -> Any:
        """What signal `number` does while the app cleans up (`previous`: what it did before
        the app took it over)."""
        if number.name == "SIGHUP":
            # The terminal is gone, or the session ends: the same news again, never a person
            # insisting, and it must not kill the app while it shuts down.
            return signal.SIG_IGN
        if number is signal.SIGTERM and signal.SIGTERM not in self.heard:
            # After a hangup, or the person's Quit: the logout's SIGTERM is no reason to cut
            # the clean-up; a SIGTERM after it is someone insisting (`kill` again).
            return self._first_sigterm_in_clean_up(previous)
        return previous

    @staticmethod
    def _first_sigterm_in_clean_up(previous: Any) -> Callable[[int, FrameType | None], None]:
        def on_sigterm(number: int, _frame: FrameType | None) -> None:
            log.info("SIGTERM received while the app closes: it goes on closing")
            signal.signal(number, previous)  # (the next one ends it at once)

        return on_sigterm

    def _on_signal(self, number: int, _frame: FrameType | None) -> None:
        self.received = signal.Signals(number)
        self.heard.add(self.received)
        if self.received.name == "SIGHUP":
            away_from_a_closed_terminal(self._terminals)
        log.info("%s received: quitting", self.received.name)
        self._quit_app()
