"""Run by tests/gui/test_startup.py in a fresh process: start the app as its launcher does, turn
the palette dark once the window has painted (as a desktop switching to its dark theme does),
and print whether the app's style then draws readable icons; then exit."""

from __future__ import annotations

import json
import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from tests.gui._first_show_probe import turn_palette_dark

#: How long the style may take to follow, at most, before the probe reports that it did not.
GIVE_UP_MS = 20_000


def _report(wrapped: bool) -> None:
    print(json.dumps({"wrapped": wrapped}), flush=True)
    os._exit(0)


def _turn_dark(app: QApplication) -> None:
    from consentinel.gui.readable_icons import ReadableIconsStyle

    turn_palette_dark(app)
    poll = QTimer(app)
    poll.timeout.connect(
        lambda: _report(True) if isinstance(app.style(), ReadableIconsStyle) else None
    )
    poll.start(10)
    QTimer.singleShot(GIVE_UP_MS, lambda: _report(False))


def _when_painted(app: QApplication) -> None:
    """Once the main window has painted, turn the palette dark: posted then, it runs after the
    work the app itself keeps for after its first paint."""
    from consentinel.gui.main_window import MainWindow

    def look() -> None:
        if any(isinstance(w, MainWindow) and w.painted for w in app.topLevelWidgets()):
            poll.stop()
            QTimer.singleShot(0, lambda: _turn_dark(app))

    poll = QTimer(app)
    poll.timeout.connect(look)
    poll.start(10)


def main() -> int:
    app = QApplication(sys.argv[:1])
    _when_painted(app)
    from consentinel.gui.launch import main as launch

    return int(launch([]))


if __name__ == "__main__":
    raise SystemExit(main())
