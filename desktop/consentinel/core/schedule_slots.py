"""The wall-clock times at which the OS job runs, shared by systemd, launchd and Task Scheduler.

The OS schedulers run on calendar times (not "6 hours after the last run") because only calendar
jobs are caught up after the machine was off: systemd's Persistent=, Task Scheduler's
StartWhenAvailable, launchd's coalesced StartCalendarInterval.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from consentinel.core.schedule import ScheduleChoice, os_run_is_due, parse_schedule

#: Noon rather than midnight for daily and weekly: a laptop is more likely to be on.
DAILY_HOUR = 12


@dataclass(frozen=True)
class Slot:
    """A local time of day, on every day or on one ISO weekday (1 = Monday)."""

    hour: int
    minute: int = 0
    weekday: int | None = None


SLOTS: dict[ScheduleChoice, tuple[Slot, ...]] = {
    ScheduleChoice.EVERY_6H: tuple(Slot(h) for h in (0, 6, 12, 18)),
    ScheduleChoice.EVERY_12H: (Slot(0), Slot(12)),
    ScheduleChoice.DAILY: (Slot(DAILY_HOUR),),
    ScheduleChoice.WEEKLY: (Slot(DAILY_HOUR, weekday=1),),
}

#: The random delay each OS scheduler adds, so that users do not all reach X at the same minute.
RANDOM_DELAY: dict[ScheduleChoice, timedelta] = {
    ScheduleChoice.EVERY_6H: timedelta(minutes=15),
    ScheduleChoice.EVERY_12H: timedelta(minutes=30),
    ScheduleChoice.DAILY: timedelta(hours=1),
    ScheduleChoice.WEEKLY: timedelta(hours=1),
}


def slots_for(schedule: str) -> tuple[Slot, ...]:
    return SLOTS.get(parse_schedule(schedule), ())


def random_delay_for(schedule: str) -> timedelta:
    return RANDOM_DELAY.get(parse_schedule(schedule), timedelta(0))


def next_slot_time(slots: tuple[Slot, ...], after: datetime) -> datetime | None:
    """The first slot strictly after `after` (aware: the answer is aware, in this computer's
    zone; naive: a local wall-clock time, and so is the answer).

    Slots are wall-clock times, as the OS schedulers read them: the days are counted on the
    local calendar and each time gets the offset the zone's rules give it on its own day, so
    noon next Monday is noon in summer time when the clocks change meanwhile (not the offset
    of `after`, an hour off)."""
    aware = after.tzinfo is not None
    wall = after.astimezone().replace(tzinfo=None) if aware else after
    best: datetime | None = None
    for slot in slots:
        for days in range(8):
            day = wall + timedelta(days=days)
            if slot.weekday is not None and day.isoweekday() != slot.weekday:
                continue
            candidate = day.replace(hour=slot.hour, minute=slot.minute, second=0, microsecond=0)
            if aware:
                candidate = candidate.astimezone()  # (a naive time: the local zone's rules)
            if candidate > after:
                if best is None or candidate < best:
                    best = candidate
                break
    return best


def next_os_run(
    last_completed: datetime | None,
    schedule: str,
    now: datetime,
    minute: int | None = None,
    served: datetime | None = None,
) -> datetime | None:
    """When the OS job will next check, not skip as "checked lately" (`os_run_is_due`): the
    first of its times after `now` at which a check would go ahead, its random delay (up to
    `random_delay_for`) not counted. None when the schedule is off. `minute`: the job is the
    crontab line cron runs at that minute past every hour (no systemd), which checks for a
    time at its first run at or after it (`hourly_run_at_or_after`), not at the time itself:
    that run is the answer, and whether it checks is judged at it, as the run itself judges.
    Its first time may be before `now`: the last slot, not served yet (`served`: when the
    line's run last served one, catch_up.read_served), is served at its next run (12:37 for
    noon, at 12:10), as `schedule status` says (catch_up.next_check)."""
    slots = slots_for(schedule)
    after = now.astimezone()  # the slots are local times
    slot: datetime | None = None
    if minute is not None:
        from consentinel.core.catch_up import next_slot_to_serve  # (it imports this module)

        slot = next_slot_to_serve(schedule, served, after)
    for _ in range(2 * len(slots) + 1):  # half an interval is past within two rounds of slots
        slot = slot or next_slot_time(slots, after)
        if slot is None:
            return None
        run = slot if minute is None else hourly_run_at_or_after(max(slot, after), minute)
        if os_run_is_due(last_completed, schedule, run):
            return run
        after, slot = max(slot, after), None
    return None


def hourly_run_at_or_after(moment: datetime, minute: int) -> datetime:
    """The first run at or after `moment` of a job cron starts at `minute` past every hour
    (the crontab line given without systemd, core/catch_up.py). In this computer's zone, as
    cron reads the minute."""
    local = moment.astimezone()
    run = local.replace(minute=minute, second=0, microsecond=0)
    return run if run >= local else run + timedelta(hours=1)


def last_slot_time(slots: tuple[Slot, ...], at: datetime) -> datetime | None:
    """The last slot at or before `at` (aware; the answer is aware, in this computer's zone):
    the time an OS job that missed it (the computer off or asleep) is to make up. Wall-clock
    times, counted as `next_slot_time` counts them; None when there are no slots."""
    wall = at.astimezone().replace(tzinfo=None)
    best: datetime | None = None
    for slot in slots:
        for days in range(8):
            day = wall - timedelta(days=days)
            if slot.weekday is not None and day.isoweekday() != slot.weekday:
                continue
            candidate = day.replace(hour=slot.hour, minute=slot.minute, second=0, microsecond=0)
            candidate = candidate.astimezone()  # (a naive time: the local zone's rules)
            if candidate <= at:
                if best is None or candidate > best:
                    best = candidate
                break
    return best
