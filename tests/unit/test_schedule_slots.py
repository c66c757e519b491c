"""When the OS job will next check: its first fixed time at which a check goes ahead rather than
skipping as "checked lately" (less than half an interval after the last one)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest

from consentinel.core.catch_up import next_check
from consentinel.core.schedule_slots import next_os_run


def local(hour: int, minute: int = 0, day: int = 2) -> datetime:
    return datetime(2026, 12, day, hour, minute).astimezone()


def test_the_next_fixed_time_when_the_last_check_is_long_enough_ago() -> None:
    # Every 6 hours: 00, 06, 12, 18. Last check at 01:30, now 05:00: at 06:00 it is 4.5 h ago.
    assert next_os_run(local(1, 30), "6h", local(5)) == local(6)


def test_a_fixed_time_too_soon_after_the_last_check_is_skipped() -> None:
    # Last check at 04:00: at 06:00 it is 2 h ago (under 3), so the job skips; 12:00 goes ahead.
    assert next_os_run(local(4), "6h", local(5)) == local(12)


def test_never_checked_is_the_next_fixed_time_and_off_is_none() -> None:
    assert next_os_run(None, "daily", local(13)) == local(12, day=3)  # daily at noon
    assert next_os_run(local(4), "off", local(5)) is None


def test_the_crontab_lines_run_is_its_first_at_or_after_the_time_and_judged_there() -> None:
    # The line cron runs at 37 past every hour (no systemd) checks for 06:00 at 06:37 (its
    # run at 00:37 served midnight).
    served = local(0, 37)
    assert next_os_run(local(1, 30), "6h", local(5), minute=37, served=served) == local(6, 37)
    # Last check at 03:20: at 06:00 it is 2 h 40 ago (a timer's run skips), at 06:37 3 h 17
    # (the line's run, which judges at its own time, checks).
    assert next_os_run(local(3, 20), "6h", local(5)) == local(12)
    assert next_os_run(local(3, 20), "6h", local(5), minute=37, served=served) == local(6, 37)
    assert next_os_run(local(4), "6h", local(5), minute=37, served=served) == local(12, 37)


def test_weekly_after_a_check_the_day_before() -> None:
    # Weekly on Mondays at noon; 2026-12-07 is a Monday. Checked on Sunday: 1 day < 3.5 days,
    # so the Monday right after is skipped and the next one goes ahead.
    sunday = local(12, day=6)
    assert next_os_run(sunday, "weekly", sunday + timedelta(hours=1)) == local(12, day=14)


def test_a_last_check_dated_a_year_ahead_skips_no_fixed_time() -> None:
    # It ran while the clock was a year ahead; the clock was put right since. The job checks
    # at its next time, not never ("checked lately" at every time until that date).
    assert next_os_run(local(1, 30) + timedelta(days=365), "6h", local(5)) == local(6)


@pytest.fixture
def paris(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This process's local zone is Paris (summer time from 29 March 2026 02:00 to
    25 October 2026 03:00), as on a computer set to it; put back after."""
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def utc(month: int, day: int, hour: int) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("schedule", "now", "checks_at"),
    [
        # Spring: Friday 27 March 10:00 (09:00 UTC); noon next Monday is in summer time.
        ("weekly", utc(3, 27, 9), utc(3, 30, 10)),
        # Saturday 28 March 13:00: noon on Sunday, the clocks changed in the night.
        ("daily", utc(3, 28, 12), utc(3, 29, 10)),
        # Sunday 29 March 01:00, before the change: 06:00 is summer time already.
        ("6h", utc(3, 29, 0), utc(3, 29, 4)),
        # Autumn: Friday 23 October 10:00 summer time; noon next Monday is in winter time.
        ("weekly", utc(10, 23, 8), utc(10, 26, 11)),
        ("daily", utc(10, 24, 11), utc(10, 25, 11)),
        # Sunday 25 October 01:00, summer time: 06:00 is after the change back.
        ("6h", utc(10, 24, 23), utc(10, 25, 5)),
    ],
)
def test_the_next_fixed_time_is_on_the_clock_across_a_daylight_saving_change(
    paris: None, schedule: str, now: datetime, checks_at: datetime
) -> None:
    """The OS schedulers run at wall-clock times (systemd's OnCalendar, launchd, the Task
    Scheduler): the time said is theirs, not an hour off in the week around a change."""
    said = next_os_run(None, schedule, now)
    assert said == checks_at
    assert said is not None and said.astimezone().hour in (0, 6, 12, 18)


def test_the_crontab_lines_run_for_a_time_passed_but_not_served_yet_is_said(paris: None) -> None:
    """Daily at noon, the line run at 37 past every hour: at 12:10 noon is past, but the line
    checks for it at 12:37 today, as `schedule status` says (catch_up.next_check), not
    tomorrow; once that run served it, the next is tomorrow's."""
    yesterday = local(12, 37, day=1)
    at_12_10 = local(12, 10)
    said = next_os_run(yesterday, "daily", at_12_10, minute=37, served=yesterday)
    assert said == local(12, 37)
    assert said == next_check("daily", yesterday, at_12_10, 37)
    # The computer was off yesterday from before noon to today 09:00: the run at 09:37 makes
    # yesterday's noon up.
    day_before = yesterday - timedelta(days=1)
    assert next_os_run(day_before, "daily", local(9, 10), minute=37, served=day_before) == (
        local(9, 37)
    )
    # 12:40: the run at 12:37 served noon (and checked).
    served = local(12, 37)
    assert next_os_run(served, "daily", local(12, 40), minute=37, served=served) == local(
        12, 37, day=3
    )
    # 12:10, noon not served yet, but checked by hand at 11:00: at 12:37 that is under half a
    # day ago, so that run skips ("checked lately") and tomorrow's checks.
    assert next_os_run(local(11), "daily", at_12_10, minute=37, served=yesterday) == local(
        12, 37, day=3
    )
