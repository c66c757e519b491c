"""Start-up probe: a bare PySide6 window, a bare window holding an empty table, or Consentinel's
app, reporting when its main window's first frame is painted (offscreen), then exiting at once.

Usage: `python startup_probe.py bare|table|app`. `table` is a reference, not a target: what Qt
itself costs for the first item view, tool bar and status bar that any accounts window shows.
Prints one JSON line: the CLOCK_MONOTONIC time the window was shown (comparable with the
parent's time.monotonic() on Linux) and whether Playwright / the engine were loaded by then.
"""

from __future__ import annotations

import sys


def main() -> int:
    mode = sys.argv[1]
    if mode == "app":
        # As the app's launcher does: the cycle collector off, its core first, then Qt (PySide
        # reads the source of every module imported after it). (Held until the process ends,
        # at the first frame: dropped, it would switch the collector on again at once.)
        from consentinel.gui.launch import cycle_collector_off, load_core_before_qt

        collector_off = cycle_collector_off()
        collector_off.__enter__()
        load_core_before_qt()
    from first_frame import report_when_shown
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget

    app = QApplication([sys.argv[0]])
    watcher = report_when_shown(app)  # noqa: F841 (kept alive until the process ends)
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
