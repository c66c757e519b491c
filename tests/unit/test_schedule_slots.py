"""When the OS job will next check: its first fixed time at which a check goes ahead rather than
skipping as "checked lately" (less than half an interval after the last one)."""

from __future__ import annotations

from datetime import datetime, timedelta

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


def test_weekly_after_a_check_the_day_before() -> None:
    # Weekly on Mondays at noon; 2026-12-07 is a Monday. Checked on Sunday: 1 day < 3.5 days,
    # so the Monday right after is skipped and the next one goes ahead.
    sunday = local(12, day=6)
    assert next_os_run(sunday, "weekly", sunday + timedelta(hours=1)) == local(12, day=14)


def test_a_last_check_dated_a_year_ahead_skips_no_fixed_time() -> None:
    # It ran while the clock was a year ahead; the clock was put right since. The job checks
    # at its next time, not never ("checked lately" at every time until that date).
    assert next_os_run(local(1, 30) + timedelta(days=365), "6h", local(5)) == local(6)
