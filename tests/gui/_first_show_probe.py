"""Run by tests/gui/test_startup.py in a fresh process: start the app as its launcher does and,
the moment the main window is first shown, print which heavy modules were loaded, what its
status bar says and where the log goes; then exit."""

from __future__ import annotations

import json
import logging
import os
import sys

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication, QMainWindow

HEAVY = (
    "playwright",
    "consentinel.core.engine",
    "consentinel.simx",
    "keyring",
    "cryptography",
    # The keyring's own modules, and what only a check, a secret or a full log file needs.
    "consentinel.core.vault",
    "consentinel.core.sessions",
    "consentinel.core.totp",
    "hashlib",
    "socket",
    "logging.handlers",
)


def _report(window: QMainWindow) -> dict[str, object]:
    loaded = sorted(h for h in HEAVY if any(m == h or m.startswith(h + ".") for m in sys.modules))
    handlers = [h for h in logging.getLogger().handlers if getattr(h, "consentinel", False)]
    return {
        "loaded": loaded,
        "status": window.statusBar().currentMessage(),
        "to_stderr": [getattr(h, "stream", None) is sys.stderr for h in handlers],
    }


class _FirstShow(QObject):
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Expose and isinstance(obj, QWindow) and obj.isExposed():
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, QMainWindow) and widget.windowHandle() is obj:
                    print(json.dumps(_report(widget)), flush=True)
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
