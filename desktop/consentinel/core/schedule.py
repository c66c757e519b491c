"""When the next automatic check is due: pure logic on an injected clock (the GUI ticks it).

The rule is "next run = last good run + interval", re-evaluated on a slow tick (the window's,
within a minute of the machine waking: its timer does not count the sleep). Because it compares
wall-clock times instead of counting timer intervals, sleeping through a due time neither skips
the run nor doubles it: however many runs were missed, one run catches up. The short waits this
scheduler sets itself (a retry in half an hour, the settling after start) are counted by the
monotonic clock too (`Deadline`, core/answer_deadline.py), so that a clock set back does not
stretch them. The OS-level jobs that run while the app is closed live in core/osjobs/.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta, timezone
from enum import Enum
from typing import NamedTuple, Protocol

from consentinel.core.answer_deadline import Deadline
from consentinel.core.settings import ScheduleChoice as ScheduleChoice
from consentinel.core.wrong_clock import written_ahead

# ScheduleChoice is the setting's own (core/settings.py), named here too for the schedule's
# users: one class, so `is` holds whichever module a caller took it from. Every entry point
# has read the settings before the schedule, so importing them here loads nothing more.

INTERVALS: dict[ScheduleChoice, timedelta] = {
    ScheduleChoice.EVERY_6H: timedelta(hours=6),
    ScheduleChoice.EVERY_12H: timedelta(hours=12),
    ScheduleChoice.DAILY: timedelta(days=1),
    ScheduleChoice.WEEKLY: timedelta(weeks=1),
}

#: Spread the runs of many users a little so they do not all reach X at the same minute.
DEFAULT_JITTER = timedelta(minutes=10)
#: With check_on_start off, an overdue check waits this long after start (the desktop settles).
DEFAULT_START_DELAY = timedelta(minutes=10)
#: After a run that did not complete (failed, cancelled, another process held the lock).
DEFAULT_RETRY_DELAY = timedelta(minutes=30)
#: How much sooner than its interval an account is checked by the app's scheduled run, so that
#: it joins the others' run instead of having one of its own (`due_accounts`).
DUE_TOLERANCE = timedelta(minutes=45)


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(timezone.utc)


def monotonic_for(clock: Clock) -> Callable[[], float]:
    """The monotonic clock that goes with `clock` (`Deadline`): time.monotonic with the
    system's; a test's clock, moved by hand, is both (a test passes its own monotonic clock
    where the two part: a sleep, the clock set)."""
    if isinstance(clock, SystemClock):
        return time.monotonic
    return lambda: clock.now().timestamp()


class TickOutcome(str, Enum):
    """What one tick decided."""

    STARTED = "started"  # start_run was called and accepted
    NOT_STARTED = "not_started"  # due, but start_run refused (e.g. a run is going elsewhere)
    #: due, but start_run found no account to check (none listed), or none to check yet
    #: (its caller's own check is going: `Scheduler.start_now` at its end)
    NOTHING_DUE = "nothing_due"
    NOT_DUE = "not_due"
    RUNNING = "running"  # a run started by this scheduler has not completed yet
    PAUSED = "paused"
    OFF = "off"


def parse_schedule(schedule: str) -> ScheduleChoice:
    """A Settings.schedule value as a ScheduleChoice; unknown values count as off."""
    try:
        return ScheduleChoice(schedule)
    except ValueError:
        return ScheduleChoice.OFF


def interval_for(schedule: str) -> timedelta | None:
    """The time between checks for a schedule, or None when automatic checks are off."""
    return INTERVALS.get(parse_schedule(schedule))


def trusted_last_run(last_completed: datetime | None, now: datetime) -> datetime | None:
    """The last good run, unless it is dated in the future: it ran while the clock was ahead
    (wrong_clock), and when it really ran is unknown. None then, as if it never ran, so the
    check is due now; counted from "now" instead, it would never come due, as now moves on
    at every tick and every run of the OS job."""
    if last_completed is None or written_ahead(last_completed, now):
        return None
    return last_completed


def next_due(last_completed: datetime | None, interval: timedelta, now: datetime) -> datetime:
    """Last good run + interval; never run means due now.

    A last run in the future (it ran while the clock was ahead, and the clock was put right)
    counts as never run: a wrong clock costs one extra check, not a check held back for as
    long as the error was. (Within CLOCK_TOLERANCE it is taken as written: at most that late.)
    """
    last = trusted_last_run(last_completed, now)
    if last is None:
        return now
    return last + interval


def os_run_is_due(last_completed: datetime | None, schedule: str, now: datetime) -> bool:
    """Whether a check started by the OS job should go ahead.

    The OS job fires at fixed calendar times while the app's own scheduler counts from the last
    run, so with the app open both may fire close together. The OS run goes ahead unless a good
    run finished less than half an interval ago (half, so the OS job's random delay and the app's
    jitter never make it skip a run that is really due). A last run dated in the future (see
    `trusted_last_run`) skips nothing.
    """
    interval = interval_for(schedule)
    last = trusted_last_run(last_completed, now)
    if interval is None or last is None:
        return True
    return now - last >= interval / 2


def due_accounts(
    checked_at: Mapping[str, datetime | None],
    schedule: str,
    now: datetime,
    *,
    by_os_job: bool = False,
) -> list[str]:
    """The accounts a scheduled run checks, among `checked_at` (each one's last check through,
    Journal.checked_through_at), in their order: those never checked through, or dated in
    the future (`trusted_last_run`), or last checked through an interval ago, give or take.
    The others wait for their own time, so that one account whose check keeps failing is
    retried alone, and one checked by hand an hour ago is not loaded again at X because
    another account came due. (Checks typed or clicked by a person check every account.)

    The app's runs (`by_os_job` False) take those checked through `DUE_TOLERANCE` (45
    minutes) or less before their interval ends. The app starts its run an interval, plus up
    to `DEFAULT_JITTER`, after the account checked longest ago, so that account is always
    in it; accounts checked in the same run share its end time and stay together. What pulls
    an account away from the others is a retry alone, `DEFAULT_RETRY_DELAY` (30 minutes)
    after their run, plus the retry's own minute or few: 45 minutes take it back into their
    next run, checked that once up to 45 minutes early (an eighth of the shortest interval),
    instead of a run of its own at every interval from then on. A person's check of one
    account an hour or more ago is well outside it.

    The OS job (`by_os_job`) runs at fixed calendar times, with a random delay of up to an
    hour, whatever the app did between them: an account checked by the app two hours before
    the job's time would wait a whole interval more if the job asked for an interval less 45
    minutes. So the job keeps its rule (`os_run_is_due`), account by account: it checks those
    whose last check through is at least half an interval old, and never skips one that is
    really due. With no schedule (off), every account: the run was asked for explicitly."""
    interval = interval_for(schedule)
    if interval is None:
        return list(checked_at)
    if by_os_job:
        return [handle for handle, at in checked_at.items() if os_run_is_due(at, schedule, now)]
    due = []
    for handle, at in checked_at.items():
        last = trusted_last_run(at, now)
        if last is None or now - last >= interval - DUE_TOLERANCE:
            due.append(handle)
    return due


def account_due(
    checked_through: datetime | None, run_at: datetime, schedule: str, now: datetime
) -> datetime:
    """When the app's schedule checks one account, whose last check through was
    `checked_through` (Journal.checked_through_at), given when its next run starts (`run_at`,
    Scheduler.next_run_at): in that run if it is due by then (`due_accounts`' rule: an
    interval after its check, less `DUE_TOLERANCE`), else an interval after its check, in a
    later run. After a run where some checks failed, the run that retries them soon leaves the
    others for their own time: each row says its own next check, not the retry's."""
    interval = interval_for(schedule)
    last = trusted_last_run(checked_through, now)
    if interval is None or last is None or run_at >= last + interval - DUE_TOLERANCE:
        return run_at
    return last + interval


class _Jitter(NamedTuple):
    """The random delay drawn for one due time, kept until that due time changes."""

    base: datetime
    delay: timedelta


class Scheduler:
    """Decides on each tick whether to call `start_run`; told by `run_finished` when it ends.

    `last_completed` is asked on every tick (the GUI passes when the account checked longest ago
    was last checked through, Journal.every_account_checked_at), so a check done meanwhile by the
    OS job or the command line moves the next due time too.
    `start_run()` starts a run of the accounts due then (`due_accounts`: the one checked
    longest ago always is, when this calls it); it returns False when it could not start
    (another process holds the lock: tried again `retry_delay` later), None when there was no
    account to check (the next due time is then the journal's), or none to check yet (the
    caller's own check is going: it starts them at its end, `start_now`; nothing failed).
    `last_retried(since)` says when the last run that did not go through ended, if after
    `since` (one this app made before it was restarted, a check by the command line): it is
    tried again `retry_delay` after it, as when it ends while the app is open, not as soon as
    the app opens again.
    `monotonic` (`monotonic_for(clock)` if not given) counts the waits it sets itself with the
    wall clock (`Deadline`).
    """

    def __init__(
        self,
        *,
        clock: Clock,
        schedule: str,
        start_run: Callable[[], bool | None],
        last_completed: Callable[[], datetime | None],
        last_retried: Callable[[datetime], datetime | None] | None = None,
        check_on_start: bool = True,
        rng: random.Random | None = None,
        jitter: timedelta = DEFAULT_JITTER,
        start_delay: timedelta = DEFAULT_START_DELAY,
        retry_delay: timedelta = DEFAULT_RETRY_DELAY,
        monotonic: Callable[[], float] | None = None,
    ) -> None:
        self._clock = clock
        self._monotonic = monotonic or monotonic_for(clock)
        self._schedule = parse_schedule(schedule)
        self._start_run = start_run
        self._last_completed = last_completed
        self._check_on_start = check_on_start
        self._rng = rng or random.Random()
        self._jitter_max = jitter
        self._retry_delay = retry_delay
        self._started_at = clock.now()
        #: An overdue check waits for this after start (check_on_start off).
        self._settled = self._after(start_delay)
        self._first_tick = True
        self._running = False
        self._paused = False
        self._completed_here: datetime | None = None
        #: Accounts checked through no later than this were due when our last run started.
        self._due_before: datetime | None = None
        self._not_before: Deadline | None = None
        self._jitter: _Jitter | None = None
        if last_retried is not None:
            # (Asked only for the runs ended late enough to be retried still.)
            self._not_before = self._retry_after(last_retried(clock.now() - retry_delay))

    # -- what the GUI changes -------------------------------------------------------------------

    @property
    def clock(self) -> Clock:
        return self._clock

    @property
    def schedule(self) -> ScheduleChoice:
        return self._schedule

    def set_schedule(self, schedule: str) -> None:
        self._schedule = parse_schedule(schedule)
        self._jitter = None

    def pause(self) -> None:
        """No automatic run starts until resume(); runs missed meanwhile collapse into one."""
        self._paused = True

    def resume(self) -> None:
        self._paused = False

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def running(self) -> bool:
        return self._running

    # -- the decisions --------------------------------------------------------------------------

    def next_run_at(self) -> datetime | None:
        """When the next automatic run will start (None: off or paused)."""
        interval = interval_for(self._schedule)
        if interval is None or self._paused:
            return None
        now = self._clock.now()
        last = self.last_good_run()
        base = next_due(last, interval, now)
        if last is None or base <= now:
            due = self._overdue_time(base, never_run=last is None)
        else:
            due = base + self._jitter_for(base)
        if self._not_before is not None:
            due = max(due, self._not_before.at(now, self._monotonic()))
        return due

    def tick(self) -> TickOutcome:
        """Called on a slow timer (within a minute of a wake: see gui/auto_checks.py); starts a run
        if one is due."""
        interval = interval_for(self._schedule)
        if interval is None:
            self._first_tick = False
            return TickOutcome.OFF
        if self._paused:
            return TickOutcome.PAUSED
        if self._running:
            return TickOutcome.RUNNING
        due = self.next_run_at()
        self._first_tick = False
        if due is None or self._clock.now() < due:
            return TickOutcome.NOT_DUE
        return self._start(interval)

    def retry_now(self) -> TickOutcome:
        """X answers again after a run that could not reach it (the network back after a
        wake), or the run lock another process held is free again: the retry that waits for
        its time (`retry_delay`) starts now. Nothing when no retry waits (a good run came
        meanwhile, or the retry started)."""
        return self._start_at_once(only_a_retry=True)

    def start_now(self) -> TickOutcome:
        """The run a tick found due but did not start (`start_run` said None: its caller's
        own check was going), started now that it can: of the accounts due now, as
        `start_run` finds them (none: nothing). Nothing when paused or off meanwhile."""
        return self._start_at_once(only_a_retry=False)

    def put_off(self) -> None:
        """The run due now waits `retry_delay`, as one whose start was refused does: the
        person stopped their own check as it came due (not now, they said)."""
        self._not_before = self._after(self._retry_delay)

    def _start_at_once(self, *, only_a_retry: bool) -> TickOutcome:
        """`_start` without waiting for the due time (`retry_now`, `start_now`)."""
        interval = interval_for(self._schedule)
        if interval is None:
            return TickOutcome.OFF
        if self._paused:
            return TickOutcome.PAUSED
        if self._running:
            return TickOutcome.RUNNING
        if only_a_retry and self._not_before is None:
            return TickOutcome.NOT_DUE
        return self._start(interval)

    def _start(self, interval: timedelta) -> TickOutcome:
        """`start_run`, and what its answer means for the next try."""
        self._running = True
        self._due_before = self._clock.now() - (interval - DUE_TOLERANCE)
        try:
            started = self._start_run()
        except BaseException:
            self._running = False
            self._not_before = self._after(self._retry_delay)
            raise
        if started is None:
            # No account to check (none listed yet, or all checked meanwhile): nothing failed,
            # so nothing to try again in half an hour; the next due time is the journal's.
            self._running = False
            return TickOutcome.NOTHING_DUE
        if not started:
            self._running = False
            self._not_before = self._after(self._retry_delay)
            return TickOutcome.NOT_STARTED
        return TickOutcome.STARTED

    def run_finished(self, completed: bool) -> None:
        """The run started by `start_run` ended; `completed` when it checked through every
        account it checked (those that were due)."""
        self._running = False
        now = self._clock.now()
        if completed:
            self._completed_here = now
            self._not_before = None
        else:
            # The last good run did not move, so without a pause the next tick would retry at once.
            self._not_before = self._after(self._retry_delay)
        self._jitter = None

    def last_good_run(self) -> datetime | None:
        """When the account checked longest ago was last checked through (what the next due
        time counts from). The journal may not show our own run yet when the engine reports
        completion: while it names a time at which the account was due when our run started
        (so in that run), or none, our run's end is the truth. A later time is the truth as
        the journal says it: an account our run left for later, as it was not due, comes due
        before an interval from our run's end. A time in the future is not
        (`trusted_last_run`): it would outweigh the run this scheduler just made, and the next
        would start at once."""
        now = self._clock.now()
        journal = trusted_last_run(self._last_completed(), now)
        here = trusted_last_run(self._completed_here, now)
        if here is None:
            return journal
        if journal is None or self._due_before is None or journal <= self._due_before:
            return here if journal is None else max(journal, here)
        return journal

    # -- helpers --------------------------------------------------------------------------------

    def _after(self, delay: timedelta) -> Deadline:
        """`delay` from now, by both clocks."""
        return Deadline.after(delay, self._clock.now(), self._monotonic())

    def _retry_after(self, ended: datetime | None) -> Deadline | None:
        """When a run that did not go through, ended at `ended`, may be tried again:
        `retry_delay` after it, if that is still to come and no good run came after it."""
        now = self._clock.now()
        ended = trusted_last_run(ended, now)
        good = self.last_good_run()
        if ended is None or (good is not None and ended <= good):
            return None
        retry = ended + self._retry_delay
        # At most `retry_delay` from now: an end dated ahead of the clock (set back since, by
        # less than CLOCK_TOLERANCE) must not make the wait longer than the half hour.
        return self._after(min(retry - now, self._retry_delay)) if retry > now else None

    def _overdue_time(self, base: datetime, *, never_run: bool) -> datetime:
        """When an overdue (or first-ever) check runs."""
        now = self._clock.now()
        settled = self._settled.at(now, self._monotonic())
        if self._first_tick or now < settled:
            # At start: at once if the user asked to check on start, else after the start delay.
            # (At once is now if the clock was set back since: not when it says the start was.)
            if self._check_on_start:
                return min(self._started_at, now)
            return settled
        if never_run:
            return now  # no last run to add jitter to: `base` is now and moves with every tick
        # Overdue while the app was open (asleep, paused, or a failed run): catch up now, with the
        # same jitter as any scheduled run.
        return base + self._jitter_for(base)

    def _jitter_for(self, base: datetime) -> timedelta:
        if self._jitter is None or self._jitter.base != base:
            seconds = self._rng.uniform(0, self._jitter_max.total_seconds())
            self._jitter = _Jitter(base=base, delay=timedelta(seconds=seconds))
        return self._jitter.delay
