"""Run by tests/gui/test_startup.py in a fresh process whose log file cannot be written: start
the app as its launcher does and, when the main window is first shown, print what its status
bar says and where the log goes; then exit."""

from __future__ import annotations

import json
import logging
import os
import sys

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication, QMainWindow


class _FirstShow(QObject):
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Expose and isinstance(obj, QWindow) and obj.isExposed():
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, QMainWindow) and widget.windowHandle() is obj:
                    handlers = [
                        h for h in logging.getLogger().handlers if getattr(h, "consentinel", False)
                    ]
                    report = {
                        "status": widget.statusBar().currentMessage(),
                        "to_stderr": [getattr(h, "stream", None) is sys.stderr for h in handlers],
                    }
                    print(json.dumps(report), flush=True)
                    os._exit(0)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    probe = _FirstShow()
    app.installEventFilter(probe)
    from consentinel.gui.launch import main as launch

    return int(launch([]))


if __name__ == "__main__":
    raise SystemExit(main())
