"""Run by tests/gui/test_tray_notifications.py in its own process, under Xvfb (xcb platform):
the app started as its launcher starts it (window shown), with a real tray icon.

Argument: the folder to use. Prints one JSON line: whether the tray icon was shown when the
window's first frame was painted, and whether it was shown after.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from consentinel.gui.app_controller import AppController
from consentinel.gui.translations import Translators
from tests.gui._app_support import make_context


def main() -> int:
    app = QApplication(sys.argv[:1])
    controller = AppController(make_context(Path(sys.argv[1])), Translators())
    controller.on_quit = lambda: None
    tray = controller.tray
    assert tray is not None, "no system tray: the watcher is not on the bus"
    seen: dict[str, bool] = {}

    def painted() -> None:
        seen.setdefault("tray_at_first_frame", tray.icon.isVisible())

    def look() -> None:
        if "tray_at_first_frame" in seen and tray.icon.isVisible():
            seen["tray_after"] = True
            app.quit()

    # Connected before start(): told of the first frame before anything start() queued for it.
    controller.window.first_painted.connect(painted)
    controller.start()
    poll = QTimer()
    poll.timeout.connect(look)
    poll.start(10)
    QTimer.singleShot(30_000, app.quit)
    app.exec()
    print(json.dumps(seen), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
