"""A check run from the main window against the simulated X, with real Chromium."""

from __future__ import annotations

from pathlib import Path

import pyotp
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from consentinel.core.events import Step
from consentinel.core.journal_entries import EntryKind, RunStatus
from consentinel.simx import SimAccount
from tests.fixtures.simx_fixtures import SimxFactory
from tests.gui._app_support import add_account, check_all_until_prompt, make_context, running_app

pytestmark = pytest.mark.browser
RUN_TIMEOUT_MS = 90_000


def test_check_all_turns_the_row_fixed_and_journals_the_change(
    qtbot: QtBot, simx: SimxFactory, consentinel_home: Path
) -> None:
    sim = simx(SimAccount("alice", "pw-alice"))
    ctx = make_context(consentinel_home, sim.origin)
    add_account(ctx, "alice", "pw-alice")
    with running_app(qtbot, ctx) as app:
        window = app.window
        assert window.table.status_text("alice") == "Not checked yet"
        steps: list[Step] = []
        app.runner.step.connect(lambda _h, step: steps.append(step))
        assert window.check_all_action.shortcut().toString() == "Ctrl+Shift+R"
        with qtbot.waitSignal(app.runner.run_finished, timeout=RUN_TIMEOUT_MS) as finished:
            window.check_all_action.trigger()
            assert app.runner.running
        result = finished.args[0]
        assert not result.cancelled
        qtbot.waitUntil(lambda: window.table.status_text("alice") == "Fixed")
        assert Step.UNTICKING in steps and Step.VERIFYING in steps
        # X itself says the box is off, and the journal holds the change with before/after.
        assert sim.boxes("alice")["training"] is False
        changes = ctx.journal.entries(handle="alice", kinds=[EntryKind.CHANGE])
        training = [e for e in changes if e.payload["box"] == "training"]
        assert training and training[-1].payload["before"] is True
        assert training[-1].payload["after"] is False
        # The journal window lists it.
        window.show_journal()
        journal = window.journal_window
        assert journal is not None
        qtbot.waitExposed(journal)
        texts = [journal.model.index(r, 3).data() for r in range(journal.model.rowCount())]
        assert any("Training" in str(t) and "off" in str(t) for t in texts), texts


def test_a_two_factor_prompt_is_answered_in_its_dialog(
    qtbot: QtBot, simx: SimxFactory, consentinel_home: Path
) -> None:
    secret = pyotp.random_base32()
    sim = simx(SimAccount("tom2fa", "pw-tom", totp_secret=secret, challenges=["two_factor"]))
    ctx = make_context(consentinel_home, sim.origin)
    add_account(ctx, "tom2fa", "pw-tom")  # no TOTP secret saved: X's question reaches a person
    with running_app(qtbot, ctx) as app:
        window = app.window
        dialog = check_all_until_prompt(qtbot, app, RUN_TIMEOUT_MS)
        assert "tom2fa" in dialog.windowTitle() or "tom2fa" in dialog.title.text()
        with qtbot.waitSignal(app.runner.run_finished, timeout=RUN_TIMEOUT_MS):
            qtbot.keyClicks(dialog.edit, pyotp.TOTP(secret).now())
            qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.table.status_text("tom2fa") == "Fixed")
        assert sim.boxes("tom2fa")["training"] is False


def test_cancelling_a_check_stops_it_and_writes_nothing_half_done(
    qtbot: QtBot, simx: SimxFactory, consentinel_home: Path
) -> None:
    # A slow X: the check is still busy when Cancel is pressed.
    sim = simx(
        SimAccount("slow_sam", "pw-sam"),
        SimAccount("slow_sue", "pw-sue"),
        render_delay_ms=2500,
        latency_ms=300,
    )
    ctx = make_context(consentinel_home, sim.origin)
    ctx.settings.concurrency = 1
    add_account(ctx, "slow_sam", "pw-sam")
    add_account(ctx, "slow_sue", "pw-sue")
    with running_app(qtbot, ctx) as app:
        window = app.window
        with qtbot.waitSignal(
            app.runner.step,
            timeout=RUN_TIMEOUT_MS,
            check_params_cb=lambda _h, step: step is Step.SIGNING_IN,
        ):
            window.check_all()
        assert window.panel.isVisible()
        with qtbot.waitSignal(app.runner.run_finished, timeout=RUN_TIMEOUT_MS) as finished:
            qtbot.mouseClick(window.panel.cancel_button, Qt.MouseButton.LeftButton)
        result = finished.args[0]
        assert result.cancelled
        assert not window.panel.isVisible()
        assert "cancelled" in window.result_label.text()
        run = ctx.journal.run(result.run_id)
        assert run is not None and run.status is RunStatus.CANCELLED
        # The journal is whole (the chain verifies), and no account was left "running".
        assert ctx.journal.verify().ok
        assert not app.runner.running
        # The second account was never started.
        assert sim.boxes("slow_sue")["training"] is True
        assert QApplication.activeModalWidget() is None


def test_sign_in_in_a_browser_window_saves_the_session(
    qtbot: QtBot, simx: SimxFactory, consentinel_home: Path
) -> None:
    """The main window's "Sign in in a browser window…": X's sign-in page opens (headless here,
    no screen), the saved secrets fill it in, and once X lands on its home page the session is
    kept, so the next check signs in nobody."""
    sim = simx(SimAccount("erin", "pw-erin"))
    ctx = make_context(consentinel_home, sim.origin)
    add_account(ctx, "erin", "pw-erin")
    with running_app(qtbot, ctx) as app:
        window = app.window
        window.table.selectRow(window.table.row_of("erin") or 0)
        assert window.signin_action.isEnabled()
        with qtbot.waitSignal(app.runner.login_finished, timeout=RUN_TIMEOUT_MS) as finished:
            window.signin_action.trigger()
            assert app.runner.running and not window.check_all_action.isEnabled()
        outcome = finished.args[0]
        assert outcome.ok, outcome.message
        assert ctx.sessions.exists("erin")
        assert len(sim.signin_attempts("erin")) == 1
        qtbot.waitUntil(lambda: window.check_all_action.isEnabled())
        assert outcome.message in window.statusBar().currentMessage()
        signins = ctx.journal.entries(handle="erin", kinds=[EntryKind.SIGNIN])
        assert signins and signins[-1].payload.get("outcome") == "ok", signins
        # The next check uses that session: X sees no new sign-in.
        with qtbot.waitSignal(app.runner.run_finished, timeout=RUN_TIMEOUT_MS):
            window.check_all_action.trigger()
        qtbot.waitUntil(lambda: window.table.status_text("erin") == "Fixed")
        assert len(sim.signin_attempts("erin")) == 1
