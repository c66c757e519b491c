"""CheckRunner edge cases: the run lock held by another process, and Cancel while X waits for
a two-factor code (the open prompt is withdrawn and nothing is left half-written)."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from consentinel.core.journal_entries import EntryKind, RunStatus
from consentinel.gui.check_runner import CheckRunner
from consentinel.simx import SimAccount
from tests.fixtures.simx_fixtures import SimxFactory
from tests.gui._app_support import (
    add_account,
    check_all_until_prompt,
    make_context,
    quick_engine,
    running_app,
)

RUN_TIMEOUT_MS = 90_000

# A second Consentinel process (the CLI, a scheduled run) holding the run lock until told to stop.
_HOLDER = """
import sys
from pathlib import Path
from consentinel.core.lock import RunLock
lock = RunLock(Path(sys.argv[1]))
assert lock.acquire(wait=False)
print("held", flush=True)
sys.stdin.readline()
lock.release()
"""


@contextmanager
def _another_process_holds_the_lock(lock_path: Path) -> Iterator[subprocess.Popen[str]]:
    """A second Consentinel process holding the run lock until the block ends."""
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(lock_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield holder
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(10)


def test_a_check_is_refused_clearly_while_another_process_runs_one(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    ctx = make_context(consentinel_home)
    add_account(ctx, "alice", "pw-alice")
    with _another_process_holds_the_lock(ctx.paths.lock_path) as holder:
        runner = CheckRunner(lambda: quick_engine(ctx), ctx.paths.lock_path)
        with qtbot.waitSignal(runner.run_failed, timeout=5_000) as failed:
            assert runner.start(None) is False
        message = failed.args[0]
        assert "Another Consentinel process" in message
        assert str(holder.pid) in message  # says which process, so the person can find it
        assert message.count(".") == 1 and "(A check" not in message  # one sentence, not two
        assert not runner.running

        # From the main window the same sentence reaches the person in a message box.
        with running_app(qtbot, ctx) as app:
            shown: list[str] = []

            def read_and_close() -> None:
                box = QApplication.activeModalWidget()
                if isinstance(box, QMessageBox):
                    shown.append(box.text())
                    box.close()
                else:
                    QTimer.singleShot(50, read_and_close)

            QTimer.singleShot(0, read_and_close)
            assert app.window.start_check(None) is False
            assert shown and "Another Consentinel process" in shown[0]
            assert not app.window.panel.isVisible()
            assert app.window.check_all_action.isEnabled()
    # Once the other process is done, nothing stands in the way.
    assert CheckRunner(lambda: quick_engine(ctx), ctx.paths.lock_path).busy_elsewhere() is None


@pytest.mark.browser
def test_quitting_while_x_waits_for_a_code_cancels_cleanly(
    qtbot: QtBot, simx: SimxFactory, consentinel_home: Path
) -> None:
    sim = simx(
        SimAccount("tom2fa", "pw-tom", totp_secret="JBSWY3DPEHPK3PXP", challenges=["two_factor"])
    )
    ctx = make_context(consentinel_home, sim.origin)
    add_account(ctx, "tom2fa", "pw-tom")  # no TOTP secret saved: X's question reaches a person
    with running_app(qtbot, ctx) as app:
        window = app.window
        dialog = check_all_until_prompt(qtbot, app, RUN_TIMEOUT_MS)
        # The prompt is window-modal: the person can skip the account from it, or quit from the
        # tray; quitting is what must not leave anything behind while the engine's thread is
        # blocked on the answer.
        assert dialog.windowModality() is not Qt.WindowModality.NonModal
        with qtbot.waitSignal(app.runner.run_finished, timeout=RUN_TIMEOUT_MS) as finished:
            app.shutdown()
        result = finished.args[0]
        assert result.cancelled
        qtbot.waitUntil(lambda: not dialog.isVisible())
        assert window.open_prompt is None
        assert not app.runner.running
        run = ctx.journal.run(result.run_id)
        assert run is not None and run.status is RunStatus.CANCELLED
        assert ctx.journal.verify().ok
        assert sim.boxes("tom2fa")["training"] is True  # nothing was changed on X
        # The lock was released: the next start of the app may check straight away.
        assert app.runner.busy_elsewhere() is None


@pytest.mark.browser
def test_the_whole_check_can_be_cancelled_from_a_prompt(
    qtbot: QtBot, simx: SimxFactory, consentinel_home: Path
) -> None:
    sim = simx(
        SimAccount("ann2fa", "pw-ann", totp_secret="JBSWY3DPEHPK3PXP", challenges=["two_factor"]),
        SimAccount("bo", "pw-bo"),
    )
    ctx = make_context(consentinel_home, sim.origin)
    ctx.settings.concurrency = 1  # bo waits for ann: cancelling must stop him too
    add_account(ctx, "ann2fa", "pw-ann")  # no TOTP secret saved: X's question reaches a person
    add_account(ctx, "bo", "pw-bo")
    with running_app(qtbot, ctx) as app:
        window = app.window
        dialog = check_all_until_prompt(qtbot, app, RUN_TIMEOUT_MS)
        # The main window's Cancel is behind the window-modal prompt; the prompt has its own.
        assert dialog.cancel_check_button.isVisible() and dialog.cancel_check_button.isEnabled()
        with qtbot.waitSignal(app.runner.run_finished, timeout=RUN_TIMEOUT_MS) as finished:
            qtbot.mouseClick(dialog.cancel_check_button, Qt.MouseButton.LeftButton)
        result = finished.args[0]
        assert result.cancelled
        qtbot.waitUntil(lambda: not dialog.isVisible())
        assert window.open_prompt is None and not app.runner.running
        run = ctx.journal.run(result.run_id)
        assert run is not None and run.status is RunStatus.CANCELLED
        assert ctx.journal.verify().ok
        assert ctx.journal.entries(kinds=[EntryKind.CHANGE]) == []
        assert sim.boxes("bo")["training"] is True and sim.mutations("bo") == []
        assert app.window.check_all_action.isEnabled()  # ready for the next check


def test_the_runner_is_free_as_soon_as_its_worker_says_so(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """The window re-enables "Check all" when the worker says it is done (busy_changed(False)).
    At that moment the worker's thread may still be running its last lines (here it is held
    there on purpose): the runner must already read "not running", or the buttons stay grey."""
    ctx = make_context(consentinel_home)
    runner = CheckRunner(lambda: quick_engine(ctx), ctx.paths.lock_path)
    release = threading.Event()

    def hold_the_worker(_outcome: object) -> None:  # runs in the worker's thread
        assert release.wait(30)

    runner.login_finished.connect(hold_the_worker, Qt.ConnectionType.DirectConnection)
    # A sign-in for a handle that is not an account ends at once, without a browser.
    with qtbot.waitSignal(runner.busy_changed, timeout=10_000, check_params_cb=lambda b: not b):
        assert runner.sign_in("nobody")
    try:
        assert runner._thread is not None and runner._thread.is_alive()  # still finishing
        assert not runner.running
        assert runner.busy_elsewhere() is None  # and the run lock is free
    finally:
        release.set()
    assert runner.wait(10)


def test_a_scheduled_check_that_cannot_start_says_nothing_and_tries_again_soon(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """The OS job is checking when the app's own schedule comes due: nobody asked for this
    check, so no message box; the app's schedule retries soon instead."""
    ctx = make_context(consentinel_home)
    add_account(ctx, "alice", "pw-alice")
    with _another_process_holds_the_lock(ctx.paths.lock_path), running_app(qtbot, ctx) as app:
        failed: list[str] = []
        app.runner.run_failed.connect(failed.append)
        retried: list[bool] = []
        app.auto.run_finished = retried.append  # type: ignore[method-assign]
        with qtbot.waitSignal(app.runner.schedule_skipped, timeout=5_000):
            assert app.window.start_check(None, trigger="schedule") is False
        assert failed == [] and QApplication.activeModalWidget() is None
        assert retried == [False]  # "not completed": the schedule tries again soon


@pytest.mark.browser
def test_a_scheduled_check_in_the_app_asks_nobody(
    qtbot: QtBot, simx: SimxFactory, consentinel_home: Path
) -> None:
    """As the OS job's: an account that needs the person is left to the person (and said), no
    question pops up from the tray, and the check does not wait on one."""
    sim = simx(SimAccount("mailer", "pw-mailer", challenges=["email_code"]))
    ctx = make_context(consentinel_home, sim.origin)
    add_account(ctx, "mailer", "pw-mailer")
    with running_app(qtbot, ctx) as app:
        prompts: list[object] = []
        app.runner.prompt.connect(prompts.append)
        with qtbot.waitSignal(app.runner.run_finished, timeout=RUN_TIMEOUT_MS) as finished:
            assert app.window.start_check(None, trigger="schedule")
        (mailer,) = finished.args[0].accounts
        assert prompts == [] and app.window.open_prompt is None
        assert mailer.reason.value == "email_code", (mailer.status, mailer.reason, mailer.message)
        assert sim.boxes("mailer")["training"] is True


@pytest.mark.browser
def test_an_email_codes_question_names_where_the_account_gets_it(
    qtbot: QtBot, simx: SimxFactory, consentinel_home: Path
) -> None:
    """An agency reads many clients' mailboxes: the window's question names the address saved
    for the account X sent its code to."""
    from consentinel.core.accounts import Account

    sim = simx(SimAccount("mailer", "pw-mailer", challenges=["email_code"]))
    ctx = make_context(consentinel_home, sim.origin)
    ctx.accounts.add(Account("mailer", email="mailer@example.org"))
    ctx.vault.set_password("mailer", "pw-mailer")
    with running_app(qtbot, ctx) as app:
        dialog = check_all_until_prompt(qtbot, app, RUN_TIMEOUT_MS)
        assert "Saved for this account: mailer@example.org." in dialog.body.text()
        with qtbot.waitSignal(app.runner.run_finished, timeout=RUN_TIMEOUT_MS):
            qtbot.mouseClick(dialog.cancel_check_button, Qt.MouseButton.LeftButton)
