"""When a start-up probe's main window has painted its first frame (offscreen): the watcher
`startup_probe.py` installs, in a module of its own so that the probe imports Qt only when the
app it starts would."""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication, QMainWindow


class _FirstFrame(QObject):
    """On the main window's native window only: its first Expose, which Qt answers by painting
    the whole window at once, right after this filter returns."""

    def __init__(self, report: Callable[[], None]) -> None:
        super().__init__()
        self._report = report

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Expose:
            return False
        if isinstance(watched, QWindow) and watched.isExposed():
            # Posted now, so run after the paint that follows, before anything the app posts
            # from within that paint (work it defers until its window is up).
            QTimer.singleShot(0, self._report)
        return False


def when_first_shown(app: QApplication, shown: Callable[[QMainWindow], None]) -> QTimer:
    """Calls `shown(window)` once a QMainWindow's first frame has been painted.

    A zero-interval timer looks, at each turn of the event loop, for a QMainWindow with a native
    window, and watches that one window's events. (An event filter on the whole application
    would be called from C++ for every event of every widget, and PySide makes a Python type for
    each new kind of event and object it passes in: that cost ~50 ms for the app's first table
    alone, grew with the number of widgets, and was the probe's, not the app's. Polling for
    "exposed" instead saw the window only after any work the app had queued behind its first
    paint.) Also used by tests/gui/_first_show_probe.py.
    """
    watchers: list[_FirstFrame] = []

    def poll() -> None:
        for widget in app.topLevelWidgets():
            handle = widget.windowHandle() if isinstance(widget, QMainWindow) else None
            if handle is None:
                continue
            timer.stop()
            if handle.isExposed():  # already painted (the app ran an event loop of its own)
                shown(widget)
            watcher = _FirstFrame(partial(shown, widget))
            handle.installEventFilter(watcher)
            watchers.append(watcher)
            return

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(0)
    return timer


def report_when_shown(app: QApplication) -> QTimer:
    """Reports when a QMainWindow's first frame has been painted, then ends the process."""

    def report(_window: QMainWindow) -> None:
        report_line = {
            "shown_at": time.monotonic(),
            "playwright_loaded": any(m.startswith("playwright") for m in sys.modules),
            "engine_loaded": "consentinel.core.engine" in sys.modules,
        }
        print(json.dumps(report_line), flush=True)
        # The probe is done; skip the app's shutdown (not part of start-up).
        os._exit(0)

    return when_first_shown(app, report)
