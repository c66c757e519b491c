"""SIGTERM (a logout, a shutdown, `kill`) and SIGINT (Ctrl-C in the terminal that started the
app) end the app as its Quit does: a running check is cancelled at a safe point and written to
the journal as cancelled, its browser closed, the tray icon removed (launch.py's shutdown after
the event loop). SIGTERM used to end the process mid-check, its run found "interrupted" only at
the next start; SIGINT waited for the next Python slot (up to ten seconds while idle) and came
through the safety net as a KeyboardInterrupt raised wherever that slot was.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, Slot

log = logging.getLogger(__name__)

SIGNALS = (signal.SIGTERM, signal.SIGINT)


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

    def install(self) -> None:
        for number in SIGNALS:
            # Ignored by whoever started the app (a shell's background job): it stays ignored.
            if signal.getsignal(number) is not signal.SIG_IGN:
                self._previous[number] = signal.signal(number, self._on_signal)
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
        log.info("SIGTERM and SIGINT quit the app from now on")

    def uninstall(self) -> None:
        for number, previous in self._previous.items():
            signal.signal(number, previous)
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

    def _on_signal(self, number: int, _frame: FrameType | None) -> None:
        self.received = signal.Signals(number)
        log.info("%s received: quitting", self.received.name)
        self._quit_app()
