"""Starts the app as its launcher does, where it must refuse to open (run by
tests/gui/test_startup.py with the environment that makes it refuse): prints what its message
box said, and the launcher's exit code, as JSON. The box is recorded, not shown: a modal box
would wait for a click nobody gives."""

from __future__ import annotations

import json
import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from consentinel.gui import launch

said: list[dict[str, str]] = []


def _record(kind: str) -> object:
    def record(
        _parent: object, title: str, text: str, *_args: object
    ) -> QMessageBox.StandardButton:
        said.append({"kind": kind, "title": title, "text": text})
        return QMessageBox.StandardButton.Ok

    return record


QMessageBox.critical = staticmethod(_record("critical"))  # type: ignore[method-assign,assignment]
QMessageBox.warning = staticmethod(_record("warning"))  # type: ignore[method-assign,assignment]
code = launch.main([])
windows = [
    w.objectName() or type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible()
]
print(json.dumps({"exit_code": code, "said": said, "windows": windows}))
sys.exit(0)
