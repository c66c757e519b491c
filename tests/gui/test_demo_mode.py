"""Demo mode: simx in-process, throwaway folder, in-memory keyring, a full check to the end."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtTest import QSignalSpy
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from consentinel.core.status import Status
from consentinel.core.vault import MemoryKeyring
from consentinel.gui.demo import DemoSession
from consentinel.gui.prompt_dialogs import PromptDialog
from tests.gui._app_support import make_context, running_app

pytestmark = pytest.mark.browser
RUN_TIMEOUT_MS = 120_000


def test_demo_starts_and_completes_a_check(qtbot: QtBot, consentinel_home: Path) -> None:
    demo = DemoSession.start()
    folder = demo.folder
    try:
        # Nothing of the demo lands in the person's real data folder.
        assert not folder.is_relative_to(consentinel_home)
        assert isinstance(demo.ctx.vault.backend, MemoryKeyring)
        assert demo.ctx.site.origin == demo.sim.origin
        with running_app(qtbot, demo.ctx, demo=demo) as app:
            window = app.window
            assert "DEMO" in window.windowTitle()
            handles = {a.handle for a in demo.ctx.accounts.list()}
            assert {"alice", "camille_fr", "two_factor_tom", "already_out", "flipper"} <= handles
            results: dict[str, Status] = {}
            app.runner.account_finished.connect(lambda r: results.__setitem__(r.handle, r.status))
            with qtbot.waitSignal(app.runner.prompt, timeout=RUN_TIMEOUT_MS):
                window.check_all()
            qtbot.waitUntil(lambda: isinstance(window.open_prompt, PromptDialog))
            dialog = window.open_prompt
            assert dialog is not None
            # The demo shows the code an authenticator app would show; the person types it.
            assert dialog.hint.isVisible()
            code = re.search(r"\b(\d{6})\b", dialog.hint.text())
            assert code, dialog.hint.text()
            with qtbot.waitSignal(app.runner.run_finished, timeout=RUN_TIMEOUT_MS) as done:
                qtbot.keyClicks(dialog.edit, code.group(1))
                qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
            result = done.args[0]
            assert not result.cancelled
            assert results["alice"] is Status.FIXED
            assert results["camille_fr"] is Status.FIXED
            assert results["two_factor_tom"] is Status.FIXED
            assert results["already_out"] is Status.OPTED_OUT
            qtbot.waitUntil(lambda: window.table.status_text("already_out") == "Already off")
            assert window.table.status_text("alice") == "Fixed"
            # Its journal, beside the person's own, says it is the demo's.
            window.show_journal()
            assert window.journal_window is not None
            assert "DEMO" in window.journal_window.windowTitle()
    finally:
        demo.stop()
    assert not folder.exists()


def test_a_demo_opened_from_the_first_run_screen_is_gone_once_closed(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """The demo's window, its controller, check runner and timers are deleted when it closes,
    and its throwaway folder with them; the person's own window is back."""
    ctx = make_context(consentinel_home)
    with running_app(qtbot, ctx) as app:
        qtbot.mouseClick(app.window.empty.demo_button, Qt.MouseButton.LeftButton)
        demo = app.demo_controller
        assert demo is not None and demo.demo is not None
        folder = demo.demo.folder
        qtbot.waitExposed(demo.window)
        assert "DEMO" in demo.window.windowTitle()
        gone = [QSignalSpy(demo.destroyed), QSignalSpy(demo.runner.destroyed)]
        demo.window.close()  # without a tray, closing the demo's window closes the demo
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        assert [spy.count() for spy in gone] == [1, 1]
        assert app.demo_controller is None and not folder.exists()
        assert app.window.isVisible() and not ctx.accounts.list()
