"""Run by tests/gui/test_window_fits_its_table.py in a fresh process, on a screen as wide as the
test asks: start the app on a home whose accounts X shows a hidden box for, and once the main
window is shown print its width, the table's and whether the table scrolls sideways (with
PROBE_ROWS, its height and whether the rows scroll too). With
PROBE_A_CHECK, the accounts are first shown a check's results, as at the end of a check; with
PROBE_DURING_A_CHECK, a check's first steps and results, the check not ended."""

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
            if os.environ.get("PROBE_ROWS"):  # how tall it opened, and whether its rows scroll
                print(json.dumps({
                    "height": widget.height(),
                    "frame_height": widget.frameGeometry().height(),
                    "scrolls_down": table.verticalScrollBar().maximum() > 0,
                    "rows": table.rowCount(),
                }), flush=True)  # fmt: skip
    # Ended here, everything said: not through Python's finalization, which ends the
    # threads the window started at its first frame (the browser and keyring looks) where
    # they are, and one stopped inside Qt's code aborts the process ("FATAL: exception not
    # rethrown", -6), failing a measure already taken (seen under load).
    sys.stderr.flush()
    os._exit(0)


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


def _during_a_check_then_report(controller: app_controller.AppController) -> None:
    """As the window sees a check under way, not ended: one account waiting to sign in,
    another one's check over with a box X holds on without showing it; then the person
    narrows the window, and a third account comes to wait to sign in (words already shown)."""
    from consentinel.core.events import AccountResult, BoxChange
    from consentinel.core.status import Box, Status
    from consentinel.core.steps import Step

    window = controller.window
    handles = [account.handle for account in controller.ctx.accounts.list()]
    window._run_started(1, tuple(handles))
    window._step(handles[0], Step.WAITING_TO_SIGN_IN)
    off = BoxChange(True, False)
    changes = {Box.TRAINING: off, Box.PERSONALIZATION: off}
    window._account_finished(
        AccountResult(handles[1], Status.FIXED, settings=changes, hidden_on=(Box.MEMORY,))
    )

    def narrow_then_report() -> None:
        table = window.table
        widened = window.width()
        print(json.dumps({
            "widened": widened,
            "columns_when_widened": table.natural_width(),
            "table_when_widened": table.width(),
        }), flush=True)  # fmt: skip
        window.resize(widened - 60, window.height())
        window._step(handles[2], Step.WAITING_TO_SIGN_IN)
        print(json.dumps({"after_narrowing": window.width()}), flush=True)
        QTimer.singleShot(0, _report)

    QTimer.singleShot(0, narrow_then_report)


def _start_then_report(self: app_controller.AppController, minimized: bool = False) -> None:
    _start(self, minimized)
    if os.environ.get("PROBE_DURING_A_CHECK"):
        then = _during_a_check_then_report
    elif os.environ.get("PROBE_A_CHECK"):
        then = _check_then_report
    else:
        then = lambda _c: _report()  # noqa: E731
    self.window.first_painted.connect(lambda: QTimer.singleShot(0, lambda: then(self)))


app_controller.AppController.start = _start_then_report  # type: ignore[method-assign]
sys.exit(launch([]))
