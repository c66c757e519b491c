"""Run by tests/gui/test_window_fits_its_table.py in a fresh process, on a screen as wide as the
test asks: start the app on a home whose accounts X shows a hidden box for, and once the main
window is shown print its width, the table's and whether the table scrolls sideways. With
PROBE_A_CHECK, the accounts are first shown a check's results, as at the end of a check."""

from __future__ import annotations

import json
import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from consentinel.gui import app_controller
from consentinel.gui.launch import main as launch


def _report() -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    for widget in app.topLevelWidgets():
        if widget.isVisible() and widget.__class__.__name__ == "MainWindow":
            table = widget.table  # type: ignore[attr-defined]
            scroll = table.horizontalScrollBar()
            print(json.dumps({
                "window": widget.width(),
                "scrolls_sideways": scroll.maximum() > 0,
                "columns": table.natural_width(),
                "table": table.width(),
            }), flush=True)  # fmt: skip
    app.exit(0)


_start = app_controller.AppController.start


def _check_then_report(controller: app_controller.AppController) -> None:
    """As the window sees a check end: each account's result, then the run's."""
    from consentinel.core.events import AccountResult, BoxChange, RunResult
    from consentinel.core.status import Box, Status

    off = BoxChange(True, False)
    results = tuple(
        AccountResult(
            account.handle,
            Status.FIXED,
            settings={Box.TRAINING: off, Box.PERSONALIZATION: off},
            hidden_on=(Box.MEMORY,),
        )
        for account in controller.ctx.accounts.list()
    )
    window = controller.window
    for result in results:
        window._account_finished(result)
    window._run_finished(RunResult(run_id=1, accounts=results), "gui")
    QTimer.singleShot(0, _report)


def _start_then_report(self: app_controller.AppController, minimized: bool = False) -> None:
    _start(self, minimized)
    then = _check_then_report if os.environ.get("PROBE_A_CHECK") else lambda _c: _report()
    self.window.first_painted.connect(lambda: QTimer.singleShot(0, lambda: then(self)))


app_controller.AppController.start = _start_then_report  # type: ignore[method-assign]
sys.exit(launch([]))
