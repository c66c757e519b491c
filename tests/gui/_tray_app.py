"""Run by tests/gui/test_tray_notifications.py in its own process, under Xvfb (xcb platform):
the real app with its real tray icon, checking accounts on a simulated X as the schedule does.

Argument: the folder to use. Prints one JSON line per finished run.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from consentinel.core.events import RunResult
from consentinel.gui.app_controller import AppController
from consentinel.gui.translations import Translators
from consentinel.simx import SimAccount, SimX
from tests.gui._app_support import add_account, make_context, quick_engine


def main() -> int:
    home = Path(sys.argv[1])
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    with SimX() as sim:
        sim.add_account(
            SimAccount("nora", "pw-nora", memory_shown=True)
        )  # (hidden boxes: test_notify_hidden_on)
        sim.add_account(SimAccount("dave", "pw-dave", memory_shown=True))
        ctx = make_context(home, sim.origin)
        add_account(ctx, "nora", "pw-nora")
        controller = AppController(ctx, Translators(), engine_factory=quick_engine)
        controller.on_quit = lambda: None
        assert controller.tray is not None, "no system tray: the watcher is not on the bus"
        controller.start(minimized=True)  # in the tray, window closed: what a scheduled run sees

        def scheduled_run() -> RunResult:
            loop = QEventLoop()
            results: list[RunResult] = []

            def done(result: RunResult, _trigger: str) -> None:
                results.append(result)
                loop.quit()

            controller.runner.run_finished.connect(done)
            QTimer.singleShot(120_000, loop.quit)
            assert controller.window.start_check(None, trigger="schedule")
            loop.exec()
            controller.runner.run_finished.disconnect(done)
            assert results, "the run did not finish in time"
            result = results[0]
            print(json.dumps({
                "accounts": {a.handle: [a.status.value, a.reason and a.reason.value,
                                        [b.value for b in a.reverted_by_x]]
                             for a in result.accounts},
                "training": sim.boxes("nora")["training"],
            }), flush=True)  # fmt: skip
            return result

        scheduled_run()  # 1: the first fix, what the person asked for: no news
        sim.set_box("nora", "training", True)  # X switches it back on
        scheduled_run()  # 2: switched off again, and said so
        scheduled_run()  # 3: nothing changed: nothing said
        add_account(ctx, "dave", "not-daves-password")
        scheduled_run()  # 4: dave needs the person
        for _ in range(2):  # the window opened and closed twice: the tray says it goes on, once
            controller.show_window()
            controller.window.close()
        print(json.dumps({"window_hidden": controller.window.isHidden()}), flush=True)
        controller.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
