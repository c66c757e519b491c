"""Start-up probe: a bare PySide6 window, a bare window holding an empty table, or Consentinel's
app, reporting when its main window is first exposed (offscreen), then exiting at once.

Usage: `python startup_probe.py bare|table|app`. `table` is a reference, not a target: what Qt
itself costs for the first item view, tool bar and status bar that any accounts window shows.
Prints one JSON line: the CLOCK_MONOTONIC time the window was shown (comparable with the
parent's time.monotonic() on Linux) and whether Playwright / the engine were loaded by then.
"""

from __future__ import annotations

import json
import os
import sys
import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget


class _ShownWatcher(QObject):
    """Reports the first Expose of a QMainWindow's native window, then ends the process."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Expose and isinstance(obj, QWindow) and obj.isExposed():
            app = QApplication.instance()
            widgets = app.topLevelWidgets() if isinstance(app, QApplication) else []
            if any(isinstance(w, QMainWindow) and w.windowHandle() is obj for w in widgets):
                report = {
                    "shown_at": time.monotonic(),
                    "playwright_loaded": any(m.startswith("playwright") for m in sys.modules),
                    "engine_loaded": "consentinel.core.engine" in sys.modules,
                }
                print(json.dumps(report), flush=True)
                # The probe is done; skip the app's shutdown (not part of start-up).
                os._exit(0)
        return False


def main() -> int:
    mode = sys.argv[1]
    app = QApplication([sys.argv[0]])
    watcher = _ShownWatcher()
    app.installEventFilter(watcher)
    if mode in ("bare", "table"):
        window = QMainWindow()
        window.setWindowTitle(mode)
        window.resize(900, 600)
        if mode == "table":
            table = QTableWidget(0, 7)
            table.setHorizontalHeaderLabels(["Account", "Status", "1", "2", "3", "Last", "Next"])
            window.setCentralWidget(table)
            window.addToolBar("tools").addAction("Check now")
            window.statusBar().showMessage("ready")
        window.show()
        return int(app.exec())
    from consentinel.gui.launch import main as launch_main

    # The launcher reuses the QApplication made above (same as the bare window's).
    return int(launch_main([]))


if __name__ == "__main__":
    raise SystemExit(main())
