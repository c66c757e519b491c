"""The window's "Next check": the app's own schedule, or the OS job's fixed time when that job
is on and its time comes first (the job runs whether the window is open or not)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from pytestqt.qtbot import QtBot

from consentinel.core.journal import Journal
from consentinel.gui.auto_checks import AutoChecks
from tests.gui._app_support import make_context


class _Clock:
    def __init__(self, now: datetime) -> None:
        self.time = now

    def now(self) -> datetime:
        return self.time


def _local(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, 2, hour, minute).astimezone()


def _auto(home: Path, last_check: datetime, now: datetime, *, job_on: bool) -> AutoChecks:
    ctx = make_context(home)
    ctx.settings.schedule = "6h"  # the OS job at 00:00, 06:00, 12:00 and 18:00
    ctx.settings.run_when_closed = job_on
    ctx.journal.close()
    ctx.journal = Journal.open(ctx.paths.journal_path, clock=lambda: last_check)
    ctx.journal.finish_run(ctx.journal.start_run("schedule"), cancelled=False)
    return AutoChecks(ctx, start_run=lambda: False, clock=_Clock(now))


def test_the_os_job_s_time_when_it_comes_first(qtbot: QtBot, tmp_path: Path) -> None:
    # Last check 01:30, now 05:00: the app would check at 07:30 and later; the OS job checks at
    # 06:00 (4.5 h after the last check, more than half the interval).
    auto = _auto(tmp_path, _local(1, 30), _local(5), job_on=True)
    assert auto.next_run_at() == _local(6)


def test_the_app_s_time_when_the_job_is_off_or_would_skip(qtbot: QtBot, tmp_path: Path) -> None:
    in_app = _auto(tmp_path / "off", _local(1, 30), _local(5), job_on=False).next_run_at()
    assert in_app is not None and _local(7, 30) <= in_app < _local(8, 30)  # 6 h + its jitter
    # Last check 04:00: the job skips 06:00 (2 h after), so the app's 10:00 comes first.
    skipped = _auto(tmp_path / "skip", _local(4), _local(5), job_on=True).next_run_at()
    assert skipped is not None and _local(10) <= skipped < _local(11)
