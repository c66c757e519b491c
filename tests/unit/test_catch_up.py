"""The crontab line's hourly run (core/catch_up.py) on an injected clock: it checks once for
each time of the schedule, a time missed while the computer was off or asleep included, and
ends at once otherwise. Real files in a private data folder; the local zone is Paris."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from consentinel.core.catch_up import (
    goes_ahead,
    next_check,
    read_served,
    slot_to_serve,
    stamp_path,
)
from consentinel.core.context import AppContext
from consentinel.core.data_eraser import erase_all_data
from consentinel.core.paths import AppPaths
from consentinel.core.schedule_slots import last_slot_time, slots_for
from consentinel.core.settings import Settings, save_settings
from consentinel.core.vault import Vault


@pytest.fixture(autouse=True)
def paris(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This process's local zone is Paris (summer time from 29 March 2026 02:00), as on a
    computer set to it; put back after."""
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def local(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    """A wall-clock time in Paris, aware."""
    return datetime(2026, month, day, hour, minute).astimezone()


def _paths(tmp_path: Path, **settings: object) -> AppPaths:
    paths = AppPaths.under(tmp_path).ensure()
    save_settings(paths, Settings(**settings))  # type: ignore[arg-type]
    return paths


def test_the_last_slot_is_the_schedules_last_time_at_or_before_now() -> None:
    daily, weekly, six = slots_for("daily"), slots_for("weekly"), slots_for("6h")
    assert last_slot_time(daily, local(3, 4, 11, 59)) == local(3, 3, 12)
    assert last_slot_time(daily, local(3, 4, 12)) == local(3, 4, 12)  # at: served now
    assert last_slot_time(six, local(3, 4, 5, 17)) == local(3, 4, 0)
    # Monday 2 March 2026 noon; the Monday after at 11:59 is still that week's.
    assert last_slot_time(weekly, local(3, 9, 11, 59)) == local(3, 2, 12)
    assert last_slot_time(weekly, local(3, 9, 12, 17)) == local(3, 9, 12)
    # Across the change to summer time (29 March): noon on each day's own offset.
    assert last_slot_time(daily, local(3, 30, 10)) == local(3, 29, 12)
    assert local(3, 29, 12).utcoffset() == timedelta(hours=2)
    assert last_slot_time(slots_for("off"), local(3, 4, 12)) is None


def test_a_laptop_shut_every_noon_is_checked_once_a_day(tmp_path: Path) -> None:
    """On from 8 to 11:30 and from 13:00 to 19:00, every day: cron's hourly run at :17 never
    meets noon, yet one run a day checks (the first after noon); the others end at once. At
    the fixed time of the old line (12:00), the laptop off, it never checked."""
    paths = _paths(tmp_path, schedule="daily")
    awake = [8, 9, 10, 11, 13, 14, 15, 16, 17, 18]
    ran: list[datetime] = []
    for day in (4, 5, 6):
        for hour in awake:
            now = local(3, day, hour, 17)
            if goes_ahead(paths, now):
                ran.append(now)
    # The first run ever serves the last noon (the line just added); then one a day.
    assert ran == [local(3, 4, 8, 17), local(3, 4, 13, 17), local(3, 5, 13, 17),
                   local(3, 6, 13, 17)]  # fmt: skip
    assert read_served(stamp_path(paths)) == local(3, 6, 13, 17)
    assert stamp_path(paths).stat().st_mode & 0o777 == 0o600


def test_a_computer_off_for_days_checks_once_at_the_first_hour_back() -> None:
    """However many times were missed, one run catches up: the last slot's."""
    served = local(3, 1, 12, 17)
    assert slot_to_serve("6h", served, local(3, 4, 9, 17)) == local(3, 4, 6)
    assert slot_to_serve("6h", local(3, 4, 9, 17), local(3, 4, 10, 17)) is None
    assert slot_to_serve("off", None, local(3, 4, 10, 17)) is None


def test_a_time_served_while_the_clock_was_ahead_holds_nothing_back() -> None:
    """Written a year ahead (a wrong clock, put right since), it is not taken as served."""
    assert slot_to_serve("daily", local(3, 4, 13, 17) + timedelta(days=365), local(3, 4, 13, 17))
    # Within a few minutes (a clock stepped by its time synchronisation), it is.
    assert slot_to_serve("daily", local(3, 4, 13, 20), local(3, 4, 13, 17)) is None


@pytest.mark.parametrize("settings", [{"schedule": "off"}, {"schedule_paused": True}])
def test_off_or_paused_the_hourly_run_does_nothing(
    tmp_path: Path, settings: dict[str, object]
) -> None:
    """Nothing checked, nothing kept: resumed, the time missed meanwhile is served."""
    paths = _paths(tmp_path, **settings)
    assert not goes_ahead(paths, local(3, 4, 13, 17))
    assert not stamp_path(paths).exists()
    save_settings(paths, Settings(schedule="daily"))
    assert goes_ahead(paths, local(3, 4, 14, 17))


def test_a_data_folder_gone_is_said_once_per_slot_and_nothing_is_made(tmp_path: Path) -> None:
    """The run that goes ahead says the folder is gone (cli/check_cmd.py): only the first
    hourly run after each time of the schedule, not every hour, and no folder is made."""
    paths = _paths(tmp_path, schedule="12h")
    for path in sorted(paths.data_dir.rglob("*"), reverse=True):
        path.rmdir()
    paths.data_dir.rmdir()
    said = [hour for hour in range(24) if goes_ahead(paths, local(3, 4, hour, 17))]
    assert said == [0, 12]
    assert not paths.data_dir.exists()


def test_a_stamp_that_cannot_be_kept_lets_the_run_say_so_once_per_slot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A disk that takes nothing: the run goes ahead (to say it, and notify) in the hour
    after the slot only."""
    from consentinel.core import catch_up

    def refused(_path: object, _now: object) -> None:
        raise OSError(30, "Read-only file system")

    paths = _paths(tmp_path, schedule="daily")
    monkeypatch.setattr(catch_up, "mark_served", refused)
    assert [h for h in range(8, 20) if goes_ahead(paths, local(3, 4, h, 17))] == [12]


def test_delete_all_data_removes_the_time_served(
    consentinel_home: Path, memory_vault: Vault
) -> None:
    """Delete all my data leaves nothing of the hourly runs either (stop_background False:
    the job itself is tests/unit/test_vault_scopes.py's)."""
    ctx = AppContext.create(AppPaths.under(consentinel_home), vault=memory_vault,
                            settings=Settings(schedule="daily"))  # fmt: skip
    save_settings(ctx.paths, ctx.settings)
    assert goes_ahead(ctx.paths, local(3, 4, 13, 17))
    assert stamp_path(ctx.paths).exists()
    erase_all_data(ctx, stop_background=False)
    assert not stamp_path(ctx.paths).exists()


def test_a_slot_missed_before_anyone_logged_in_is_made_up_after_login(tmp_path: Path) -> None:
    """The laptop, off at noon, starts at 8:58; cron's hourly run comes at 9:07, before the
    person logs in at 9:10: the session bus the line names is not there yet (no keyring to
    reach). That run ends at once without serving the slot; the first run after the login
    (the bus there) makes it up. Before, the 9:07 run served it and failed on the keyring: the
    check was lost until the next slot."""
    paths = _paths(tmp_path, schedule="daily")
    bus = tmp_path / "run-user" / "bus"
    environ = {"DBUS_SESSION_BUS_ADDRESS": f"unix:path={bus}"}
    assert not goes_ahead(paths, local(3, 5, 9, 7), environ)
    assert read_served(stamp_path(paths)) is None
    bus.parent.mkdir()
    bus.touch()  # (logged in: elogind made the folder, the bus listens there)
    assert goes_ahead(
        paths, local(3, 5, 10, 7), {"DBUS_SESSION_BUS_ADDRESS": f"unix:path={bus},guid=1"}
    )
    assert not goes_ahead(paths, local(3, 5, 11, 7), environ)  # served, once
    # A line naming no bus at all (another setup) is not held back.
    other = _paths(tmp_path / "other", schedule="daily")
    assert goes_ahead(other, local(3, 5, 9, 7), {})


def test_the_next_check_is_the_first_hourly_run_at_or_after_the_slot_it_serves() -> None:
    """What `schedule status` says of the line run at 7 past every hour, daily: the run after
    noon, not noon (cron does not run it then); a noon missed is made up at the next run; one
    served waits for tomorrow's. Off: none."""
    yesterday = local(12, 6, 12, 7)
    assert next_check("daily", yesterday, local(12, 7, 10), 7) == local(12, 7, 12, 7)
    assert next_check("daily", yesterday, local(12, 7, 12, 3), 7) == local(12, 7, 12, 7)
    assert next_check("daily", yesterday, local(12, 7, 15, 30), 7) == local(12, 7, 16, 7)
    assert next_check("daily", None, local(12, 7, 10), 7) == local(12, 7, 10, 7)
    assert next_check("daily", local(12, 7, 12, 7), local(12, 7, 12, 30), 7) == local(12, 8, 12, 7)
    # Every 6 hours: after 18:00 served, midnight's run (the next day's first) is next.
    assert next_check("6h", local(12, 7, 18, 7), local(12, 7, 20), 7) == local(12, 8, 0, 7)
    # The clocks go forward at 02:00 on 29 March: noon's run is still at 12:07 wall-clock.
    assert next_check("daily", local(3, 28, 12, 7), local(3, 28, 23), 7) == local(3, 29, 12, 7)
    assert next_check("off", None, local(12, 7, 10), 7) is None
