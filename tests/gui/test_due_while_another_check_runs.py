"""A scheduled check that comes due while another check runs is not put off half an hour: one
due during the person's own check or sign-in in the window starts as that ends, of the accounts
it left (none: nothing); one that another process (the OS job, `consentinel check` in a
terminal) kept from starting by its run lock starts at the first tick that finds the lock free,
without the accounts that process checked. The schedule alone (AutoChecks, a clock moved by
hand, a real journal) and the whole app (real Qt offscreen, real Chromium against simx, a real
second process holding the run lock); the app's ticks are the test's."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from consentinel.core.context import AppContext
from consentinel.core.events import AccountResult, RunResult
from consentinel.core.journal import Journal
from consentinel.core.schedule import DEFAULT_RETRY_DELAY, TickOutcome
from consentinel.core.status import Status
from consentinel.gui.app_controller import AppController
from consentinel.gui.auto_checks import AutoChecks
from consentinel.simx import SimAccount
from tests.fixtures.simx_fixtures import SimxFactory
from tests.gui._app_support import HandClock, add_account, local_at, make_context, running_app

RUN_TIMEOUT_MS = 90_000


class _Window:
    """The window as the schedule sees it: its own check or sign-in going or not (`busy`), and
    a start refused while it is, as AppController._scheduled_start refuses it."""

    def __init__(self) -> None:
        self.busy = False
        self.started: list[list[str]] = []

    def start_run(self, due: list[str]) -> bool:
        if self.busy:
            return False
        self.started.append(due)
        return True


def _fay_and_gus_due(home: Path) -> tuple[AppContext, HandClock, _Window, AutoChecks]:
    """fay and gus checked at midnight, every 6 hours; at 06:11 both are due (6 hours and the
    10 minutes' jitter at most)."""
    clock = HandClock(local_at(0))
    ctx = make_context(home)
    ctx.settings.schedule = "6h"
    ctx.settings.check_on_start = True
    ctx.settings.run_when_closed = False
    add_account(ctx, "fay")
    add_account(ctx, "gus")
    ctx.journal.close()
    ctx.journal = Journal.open(ctx.paths.journal_path, clock=clock.now)
    _checked(ctx, "fay", "gus")
    clock.time = local_at(6, 11)
    window = _Window()
    auto = AutoChecks(ctx, start_run=window.start_run, clock=clock, busy=lambda: window.busy)
    return ctx, clock, window, auto


def _checked(ctx: AppContext, *handles: str) -> None:
    """A check of `handles` that went through, journaled now."""
    run = ctx.journal.start_run("gui")
    for handle in handles:
        ctx.journal.record_check(run, AccountResult(handle, Status.OPTED_OUT))
    ctx.journal.finish_run(run)


def test_a_check_due_during_the_person_s_check_starts_at_its_end_for_the_accounts_it_left(
    qtbot: QtBot, tmp_path: Path
) -> None:
    ctx, clock, window, auto = _fay_and_gus_due(tmp_path)
    window.busy = True  # the person checks fay ("Check selected")
    assert auto.tick() is TickOutcome.NOTHING_DUE  # not refused, not counted as a failure
    next_at = auto.next_run_at()
    assert next_at is not None and next_at <= clock.time  # due still, not in half an hour
    clock.time = local_at(6, 13)
    _checked(ctx, "fay")
    window.busy = False
    auto.run_finished(True)
    auto.checked_by_hand(["fay"])
    qtbot.waitUntil(lambda: window.started == [["gus"]], timeout=5_000)
    assert auto.scheduler.running


def test_a_check_due_during_the_person_s_check_they_cancel_waits_half_an_hour(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The person pressed Cancel: a check starting as theirs ends would undo it. The run due
    waits the half hour a refused start waited, then starts at its tick."""
    _ctx, clock, window, auto = _fay_and_gus_due(tmp_path)
    window.busy = True
    assert auto.tick() is TickOutcome.NOTHING_DUE
    window.busy = False
    with qtbot.waitSignal(auto.schedule_changed, timeout=5_000):
        auto.run_finished(False, cancelled=True)
    QCoreApplication.processEvents()  # (a start from the event loop would come within it)
    assert window.started == [] and not auto.scheduler.running
    next_at = auto.next_run_at()
    assert next_at is not None and next_at >= clock.time + DEFAULT_RETRY_DELAY - timedelta(
        seconds=1
    )
    clock.time = next_at
    assert auto.tick() is TickOutcome.STARTED
    assert window.started == [["fay", "gus"]]


def test_nothing_starts_from_a_check_s_end_heard_as_the_app_quits(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """A person's check ending as the app quits (AutoChecks stopped) starts no run: neither
    the one due during it nor the retry X's answer during it waited for."""
    _ctx, _clock, window, auto = _fay_and_gus_due(tmp_path)
    window.busy = True
    assert auto.tick() is TickOutcome.NOTHING_DUE
    auto.scheduler.put_off()  # (a retry waits: the last scheduled run could not reach X)
    auto._x_back_in_run = True  # (X answered again during it: the retry waits for its end)
    auto.stop()
    window.busy = False
    with qtbot.waitSignal(auto.schedule_changed, timeout=5_000):
        auto.run_finished(True)
    QCoreApplication.processEvents()  # (the starts come from the event loop, within it)
    assert window.started == [] and not auto.scheduler.running


def test_a_check_due_during_a_sign_in_starts_at_its_end(qtbot: QtBot, tmp_path: Path) -> None:
    """A sign-in checks no account: all those due are checked at its end."""
    _ctx, _clock, window, auto = _fay_and_gus_due(tmp_path)
    window.busy = True  # "Sign in yourself…" for gus
    assert auto.tick() is TickOutcome.NOTHING_DUE
    window.busy = False
    auto.sign_in_finished()
    qtbot.waitUntil(lambda: window.started == [["fay", "gus"]], timeout=5_000)


def test_nothing_starts_after_a_check_of_every_account_due(qtbot: QtBot, tmp_path: Path) -> None:
    """The person's check took every account due: none is checked again, and the next check is
    an interval after theirs, not half an hour."""
    ctx, clock, window, auto = _fay_and_gus_due(tmp_path)
    window.busy = True
    assert auto.tick() is TickOutcome.NOTHING_DUE
    clock.time = local_at(6, 13)
    _checked(ctx, "fay", "gus")
    window.busy = False
    with qtbot.waitSignal(auto.schedule_changed, timeout=5_000):
        auto.run_finished(True)  # (its start comes after it, from the event loop)
    qtbot.waitSignal(auto.schedule_changed, timeout=5_000).wait()
    assert window.started == [] and not auto.scheduler.running
    next_at = auto.next_run_at()
    assert next_at is not None and next_at >= local_at(12, 13)


@pytest.fixture
def ticks_by_hand(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app's schedule ticks only when the test says (AutoChecks.tick), not at its start."""
    monkeypatch.setattr(AutoChecks, "start", lambda _self: None)


def _nora_and_omar_due(home: Path, simx: SimxFactory) -> AppContext:
    """nora and omar never checked, a daily schedule: both due at once."""
    accounts = [SimAccount(h, f"pw-{h}", memory_shown=True) for h in ("nora", "omar")]
    sim = simx(*accounts)
    ctx = make_context(home, sim.origin)
    ctx.settings.schedule = "daily"
    ctx.settings.check_on_start = True
    for handle in ("nora", "omar"):
        add_account(ctx, handle, f"pw-{handle}")
    return ctx


def _ends(app: AppController) -> list[tuple[str, tuple[str, ...], tuple[str | None, ...]]]:
    """Each run's end as the GUI thread hears it: (trigger, its accounts, their reasons)."""
    ended: list[tuple[str, tuple[str, ...], tuple[str | None, ...]]] = []

    def finished(result: RunResult, trigger: str) -> None:
        handles = tuple(a.handle for a in result.accounts)
        reasons = tuple(None if a.reason is None else a.reason.value for a in result.accounts)
        ended.append((trigger, handles, reasons))

    app.runner.run_finished.connect(finished)
    return ended


@pytest.mark.browser
@pytest.mark.usefixtures("ticks_by_hand")
def test_in_the_app_a_check_due_during_the_person_s_check_of_one_account_checks_the_other(
    qtbot: QtBot, consentinel_home: Path, simx: SimxFactory
) -> None:
    ctx = _nora_and_omar_due(consentinel_home, simx)
    with running_app(qtbot, ctx) as app:
        ended = _ends(app)
        assert app.window.start_check(["nora"])  # the person's, of nora alone
        assert app.auto.tick() is TickOutcome.NOTHING_DUE  # due during it: not refused
        next_at = app.auto.next_run_at()
        assert next_at is not None
        assert next_at < datetime.now(timezone.utc) + DEFAULT_RETRY_DELAY - timedelta(minutes=1)
        qtbot.waitUntil(lambda: len(ended) == 2, timeout=2 * RUN_TIMEOUT_MS)
        assert ended[0] == ("gui", ("nora",), (None,)), ended
        assert ended[1] == ("schedule", ("omar",), (None,)), ended


# Another Consentinel process (the OS job, `consentinel check nora`): holds the run lock, and
# once told to, journals its check of the account named and gives the lock back.
_OTHER_CHECK = """
import sys
from pathlib import Path
from consentinel.core.events import AccountResult
from consentinel.core.journal import Journal
from consentinel.core.lock import RunLock
from consentinel.core.status import Status
lock = RunLock(Path(sys.argv[1]))
assert lock.acquire(wait=False)
print("held", flush=True)
sys.stdin.readline()
journal = Journal.open(Path(sys.argv[2]))
run = journal.start_run("cli")
journal.record_check(run, AccountResult(sys.argv[3], Status.OPTED_OUT))
journal.finish_run(run)
journal.close()
lock.release()
"""


@contextmanager
def _another_process_checks(ctx: AppContext, handle: str) -> Iterator[subprocess.Popen[str]]:
    """The other process holding the run lock; `end(process)` ends its check."""
    paths = ctx.paths
    process = subprocess.Popen(
        [sys.executable, "-c", _OTHER_CHECK, str(paths.lock_path), str(paths.journal_path), handle],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "held"
        yield process
    finally:
        if process.poll() is None:
            _end(process)


def _end(process: subprocess.Popen[str]) -> None:
    assert process.stdin is not None
    process.stdin.write("\n")
    process.stdin.flush()
    assert process.wait(30) == 0


@pytest.mark.browser
@pytest.mark.usefixtures("ticks_by_hand")
def test_a_check_kept_from_starting_by_another_process_starts_once_its_lock_is_free(
    qtbot: QtBot, consentinel_home: Path, simx: SimxFactory
) -> None:
    """The OS job checks nora as the window's check comes due: the window's starts at its next
    tick after the job's end, of omar alone (nora was just checked), not half an hour later."""
    ctx = _nora_and_omar_due(consentinel_home, simx)
    with _another_process_checks(ctx, "nora") as other, running_app(qtbot, ctx) as app:
        ended = _ends(app)
        with qtbot.waitSignal(app.runner.schedule_skipped, timeout=5_000):
            assert app.auto.tick() is TickOutcome.NOT_STARTED
        assert app.auto.tick() is TickOutcome.NOT_DUE  # the lock held still: nothing
        _end(other)
        with qtbot.waitSignal(app.runner.run_finished, timeout=RUN_TIMEOUT_MS):
            assert app.auto.tick() is TickOutcome.STARTED
        assert ended == [("schedule", ("omar",), (None,))], ended
