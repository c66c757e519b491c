"""Python's cycle collector, run in the GUI thread only.

Left to itself, Python collects reference cycles in whichever thread allocates when a generation
fills up: during a check, mostly the worker thread that drives the browser. A cycle that holds a
Qt object (a window's controller, a timer) would then be deleted from that thread, and Qt objects
deleted outside the thread they live in crash the process. So the automatic collector is switched
off while the app runs, and a timer in the GUI thread does what it would have done, at the same
thresholds: every half second while another thread runs (a check), every ten seconds otherwise,
so that an app waiting in the tray for days does not wake the computer twice a second.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Slot

#: How often the GUI thread collects what is due while other threads allocate, and otherwise.
BUSY_EVERY_MS, IDLE_EVERY_MS = 500, 10_000


def other_threads_running() -> bool:
    return threading.active_count() > 1


class GuiThreadCollector(QObject):
    def __init__(
        self,
        parent: QObject | None = None,
        busy: Callable[[], bool] = other_threads_running,
    ) -> None:
        super().__init__(parent)
        self._busy = busy
        self._was_enabled = gc.isenabled()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_due)

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    def start(self) -> None:
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer.start(self._next_interval())

    def stop(self) -> None:
        """The collector back as it was, and what is garbage now collected here."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()

    @Slot()
    def collect_due(self) -> int:
        """Collect the oldest generation Python would have collected by now; -1: none due."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        due = -1
        for generation in range(3):
            if counts[generation] <= thresholds[generation]:
                break
            due = generation
        if due >= 0:
            gc.collect(due)
        self._timer.setInterval(self._next_interval())
        return due

    def _next_interval(self) -> int:
        return BUSY_EVERY_MS if self._busy() else IDLE_EVERY_MS
