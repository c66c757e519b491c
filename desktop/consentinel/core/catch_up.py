"""The crontab line's catch-up: cron runs it every hour, and it checks once for each of the
schedule's times, the ones missed while the computer was off or asleep included.

cron runs a line at its own times only: a check due while the computer was off or asleep is
never made up, where systemd's timer (Persistent=true) makes it at the next start. So the line
given without systemd runs every hour (`check --unattended --from-schedule --catch-up`), and
each run goes ahead only for a time of the saved schedule (a slot, core/schedule_slots.py) not
served yet: the last one at or before now, once. The others end at once, saying nothing (cron
mails whatever a job prints). The schedule is read at each run, so the line never goes stale
when the schedule is changed in the app.

When the last slot was served is kept in a small owner-only file in the data folder. Not the
journal: it records the runs that went ahead, not those skipped as "checked lately", held up by
another check, or with no account to check; read from it, those would be tried (and said)
again every hour.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from pathlib import Path

from consentinel.core.fileio import atomic_write_text
from consentinel.core.paths import AppPaths
from consentinel.core.schedule import ScheduleChoice, parse_schedule, trusted_last_run
from consentinel.core.schedule_slots import (
    hourly_run_at_or_after,
    last_slot_time,
    next_slot_time,
    slots_for,
)
from consentinel.core.settings import peek_settings

#: The file, in the data folder, that holds when the last slot was served ("delete all data"
#: removes it).
STAMP_NAME = "schedule-slot-served"
#: How often cron runs the line: of its runs after a slot, exactly one falls within this.
HOURLY = timedelta(hours=1)


def stamp_path(paths: AppPaths) -> Path:
    return paths.data_dir / STAMP_NAME


def slot_to_serve(schedule: str, served: datetime | None, now: datetime) -> datetime | None:
    """The slot a run at `now` is to serve: the last one at or before `now`, unless a run
    served it already (`served`, when the last run went ahead, is at or after it). None: off,
    or served. A `served` dated in the future was written while the clock was ahead
    (`trusted_last_run`): it holds nothing back, or a year ahead would stop the checks for a
    year."""
    slot = last_slot_time(slots_for(schedule), now)
    if slot is None:
        return None
    served = trusted_last_run(served, now)
    if served is not None and served >= slot:
        return None
    return slot


def next_check(
    schedule: str, served: datetime | None, now: datetime, minute: int
) -> datetime | None:
    """When the line run at `minute` past every hour next checks: at its first run at or after
    the slot it is to serve next, the last one not served yet (`slot_to_serve`: a missed one is
    made up at the next run), else the schedule's next one. In this computer's zone, as cron
    reads the minute; None when the schedule is off."""
    slot = next_slot_to_serve(schedule, served, now)
    if slot is None:
        return None
    return hourly_run_at_or_after(max(slot, now), minute)


def next_slot_to_serve(schedule: str, served: datetime | None, now: datetime) -> datetime | None:
    """The slot the line's next run at or after `now` serves: the last one not served yet
    (`slot_to_serve`, at or before `now`: a missed one is made up at the next run), else the
    schedule's next one. None when the schedule is off."""
    return slot_to_serve(schedule, served, now) or next_slot_time(slots_for(schedule), now)


def first_run_after(slot: datetime, now: datetime) -> bool:
    """Whether a run at `now` is the first of the hourly runs after `slot`: what is said
    where nothing can be kept (no data folder, a disk that takes nothing) is said by it
    alone, once per slot, not every hour."""
    return now - slot < HOURLY


def read_served(path: Path) -> datetime | None:
    """When the last slot was served; None when never, or the file cannot say (a run then
    serves the last slot: one check too many, never one too few)."""
    try:
        served = datetime.fromisoformat(path.read_text(encoding="utf-8").strip())
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    return served if served.tzinfo is not None else None


def mark_served(path: Path, now: datetime) -> None:
    """Kept before the check runs: a check that takes longer than an hour, or waits for
    another, is not started again by the next hourly run. Raises StorageError."""
    atomic_write_text(path, now.astimezone(timezone.utc).isoformat() + "\n")


def session_not_open(environ: Mapping[str, str] | None = None) -> bool:
    """Whether the session bus the crontab line names (unix:path=/run/user/<uid>/bus) is not
    there: nobody logged in yet (the computer just started; elogind makes the folder at login).
    The keyring, locked until then anyway, and the notifications are reached over it, so a run
    then could only fail; a line naming no bus, or another kind of address, is not held back."""
    from consentinel.core.osjobs.systemd import bus_socket

    address = (os.environ if environ is None else environ).get("DBUS_SESSION_BUS_ADDRESS", "")
    socket = bus_socket(address)
    return socket is not None and not Path(socket).exists()


def goes_ahead(paths: AppPaths, now: datetime, environ: Mapping[str, str] | None = None) -> bool:
    """Whether the hourly run at `now` checks (the slot it serves is then marked served), or
    ends at once, saying nothing: the schedule off or paused in the app, its last slot served
    already, or nobody logged in yet (`session_not_open`; `environ`: the run's environment).
    With no data folder (deleted, on a disk not connected), it goes ahead in
    the hour after each slot only, to say so (and make nothing): once per slot."""
    settings = peek_settings(paths)
    if parse_schedule(settings.schedule) is ScheduleChoice.OFF or settings.schedule_paused:
        return False
    if not paths.data_dir.is_dir():
        slot = last_slot_time(slots_for(settings.schedule), now)
        return slot is not None and first_run_after(slot, now)
    path = stamp_path(paths)
    slot = slot_to_serve(settings.schedule, read_served(path), now)
    if slot is None:
        return False
    if session_not_open(environ):
        # Not served: the first hourly run after the person logs in makes it up, as systemd's
        # timer (a user's, started at login) does. Marked served now, the run would fail on
        # the keyring and the slot be lost until the next one (a week, for a weekly schedule).
        return False
    try:
        mark_served(path, now)
    except OSError:
        # A disk that takes nothing: the check goes on to say so (and notify) in the hour
        # after the slot only, not at every hourly run.
        return first_run_after(slot, now)
    return True
