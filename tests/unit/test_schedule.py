"""The scheduler on an injected clock: due times, catch-up after sleep, no double runs."""

from __future__ import annotations

import itertools
import random
from datetime import datetime, timedelta, timezone

import pytest

from consentinel.core.schedule import (
    DEFAULT_JITTER,
    DEFAULT_RETRY_DELAY,
    DEFAULT_START_DELAY,
    DUE_TOLERANCE,
    ScheduleChoice,
    Scheduler,
    TickOutcome,
    account_due,
    due_accounts,
    interval_for,
    next_due,
    os_run_is_due,
    parse_schedule,
)

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)
MINUTE = timedelta(minutes=1)


class FakeClock:
    """The wall clock and the monotonic one: time passing moves both; a clock set (`set_by`)
    or a sleep (`sleep`) moves the wall clock alone."""

    def __init__(self, now: datetime) -> None:
        self.current = now
        self.since_boot = 1000.0

    def now(self) -> datetime:
        return self.current

    def monotonic(self) -> float:
        return self.since_boot

    def advance(self, delta: timedelta) -> None:
        self.current += delta
        self.since_boot += delta.total_seconds()

    def set_by(self, delta: timedelta) -> None:
        self.current += delta

    sleep = set_by


class Harness:
    """A scheduler wired to a fake clock, a fake journal and a run starter that records calls."""

    def __init__(
        self,
        *,
        schedule: str = "6h",
        last: datetime | None = None,
        check_on_start: bool = True,
        jitter: timedelta = timedelta(minutes=10),
        accept: bool | None = True,
        retried: datetime | None = None,
    ) -> None:
        self.clock = FakeClock(T0)
        self.journal_last = last
        self.starts: list[datetime] = []
        self.accept = accept
        self.scheduler = Scheduler(
            clock=self.clock,
            schedule=schedule,
            start_run=self._start,
            last_completed=lambda: self.journal_last,
            last_retried=lambda _since: retried,
            check_on_start=check_on_start,
            rng=random.Random(1234),
            jitter=jitter,
            monotonic=self.clock.monotonic,
        )

    def _start(self) -> bool | None:
        self.starts.append(self.clock.now())
        return self.accept

    def tick_for(self, duration: timedelta, step: timedelta = MINUTE) -> list[TickOutcome]:
        """Tick once a minute for `duration`, as the GUI's slow timer does."""
        outcomes = []
        end = self.clock.now() + duration
        while self.clock.now() < end:
            self.clock.advance(step)
            outcomes.append(self.scheduler.tick())
        return outcomes

    def complete(self) -> None:
        """The engine finished a good run: the journal says so, and so does the GUI."""
        self.journal_last = self.clock.now()
        self.scheduler.run_finished(completed=True)


def test_interval_for_each_schedule() -> None:
    assert interval_for("off") is None
    assert interval_for("6h") == timedelta(hours=6)
    assert interval_for("12h") == timedelta(hours=12)
    assert interval_for("daily") == timedelta(days=1)
    assert interval_for("weekly") == timedelta(days=7)
    assert interval_for(ScheduleChoice.DAILY) == timedelta(days=1)
    assert interval_for("fortnightly") is None  # unknown values are treated as off


def test_the_schedule_and_the_settings_share_one_choice() -> None:
    """The settings' choices and the schedule's are one class: a choice read from the settings
    is the schedule's own, and `is` holds between what either module names."""
    from consentinel.core import settings

    assert ScheduleChoice is settings.ScheduleChoice
    for choice in settings.ScheduleChoice:
        assert parse_schedule(settings.Settings(schedule=choice.value).schedule) is choice
        assert settings.Settings(schedule=choice.value).schedule_choice is choice
    assert settings.SCHEDULES == ("off", "6h", "12h", "daily", "weekly")


def test_next_due_is_last_good_run_plus_interval() -> None:
    six = timedelta(hours=6)
    assert next_due(None, six, T0) == T0
    assert next_due(T0 - timedelta(hours=1), six, T0) == T0 + timedelta(hours=5)
    assert next_due(T0 - timedelta(days=3), six, T0) == T0 - timedelta(days=3) + six
    # A last run "in the future" (it ran while the clock was ahead; the clock was put right
    # since) counts as never run: due now, not a far-away due time nor one that moves with now.
    assert next_due(T0 + timedelta(days=30), six, T0) == T0
    assert next_due(T0 + timedelta(days=30), six, T0 + timedelta(hours=7)) == T0 + timedelta(
        hours=7
    )
    # A clock stepped back by a minute or two is not a clock error: the run counts as written.
    assert next_due(T0 + 2 * MINUTE, six, T0) == T0 + 2 * MINUTE + six


def test_scheduled_run_starts_at_due_time_within_jitter() -> None:
    h = Harness(last=T0 - timedelta(hours=1))  # due at T0 + 5h, plus up to 10 minutes
    h.tick_for(timedelta(hours=5) - MINUTE)
    assert h.starts == []
    h.tick_for(timedelta(minutes=12))
    assert len(h.starts) == 1
    assert T0 + timedelta(hours=5) <= h.starts[0] <= T0 + timedelta(hours=5, minutes=10)
    next_at = h.scheduler.next_run_at()
    assert next_at is not None and next_at <= h.starts[0]


def test_jitter_is_drawn_once_per_due_time_and_within_bounds() -> None:
    h = Harness(last=T0 - timedelta(hours=1))
    first = h.scheduler.next_run_at()
    h.tick_for(timedelta(minutes=30))
    assert h.scheduler.next_run_at() == first  # stable across ticks: no moving target
    assert first is not None
    assert T0 + timedelta(hours=5) <= first <= T0 + timedelta(hours=5, minutes=10)


def test_three_days_of_sleep_catch_up_with_exactly_one_run() -> None:
    h = Harness(last=T0 - timedelta(hours=1))
    h.tick_for(timedelta(minutes=5))
    assert h.starts == []
    # The machine sleeps: no ticks for three days (twelve 6-hour slots are missed).
    h.clock.advance(timedelta(days=3))
    assert h.scheduler.tick() is TickOutcome.STARTED  # the wake-up tick
    # The run takes 20 minutes; ticks meanwhile do not start another.
    assert set(h.tick_for(timedelta(minutes=20))) == {TickOutcome.RUNNING}
    h.complete()
    # Right after, and for the next almost 6 hours, nothing more runs.
    h.tick_for(timedelta(hours=5, minutes=59))
    assert len(h.starts) == 1
    next_at = h.scheduler.next_run_at()
    assert next_at is not None and next_at >= h.journal_last + timedelta(hours=6)  # type: ignore[operator]


def test_no_double_run_even_when_the_journal_lags_behind() -> None:
    h = Harness(last=T0 - timedelta(days=1))
    assert h.scheduler.tick() is TickOutcome.STARTED
    h.clock.advance(timedelta(minutes=3))
    # The GUI learns the run completed before the journal's last_completed shows it.
    h.scheduler.run_finished(completed=True)
    assert [o for o in h.tick_for(timedelta(hours=1)) if o is TickOutcome.STARTED] == []
    assert len(h.starts) == 1


def test_a_run_done_by_the_os_job_moves_the_next_due_time() -> None:
    h = Harness(last=T0 - timedelta(hours=1))
    h.tick_for(timedelta(hours=4))
    h.journal_last = h.clock.now()  # `consentinel check --unattended` ran meanwhile
    h.tick_for(timedelta(hours=5))
    assert h.starts == []


def test_failed_run_is_retried_after_the_retry_delay_not_at_once() -> None:
    h = Harness(last=T0 - timedelta(days=1))
    assert h.scheduler.tick() is TickOutcome.STARTED
    h.scheduler.run_finished(completed=False)  # e.g. network down
    h.tick_for(timedelta(minutes=29))
    assert len(h.starts) == 1
    h.tick_for(timedelta(minutes=15))
    assert len(h.starts) == 2


@pytest.mark.parametrize("check_on_start", [True, False])
def test_a_run_that_did_not_go_through_before_a_restart_is_retried_after_the_delay(
    check_on_start: bool,
) -> None:
    """The app opens again a minute after a run that did not go through: it is tried again
    30 minutes after that run, as the window said before it closed, not at once."""
    h = Harness(last=T0 - timedelta(days=2), retried=T0 - MINUTE, check_on_start=check_on_start)
    assert h.scheduler.next_run_at() == T0 + timedelta(minutes=29)
    h.tick_for(timedelta(minutes=28))
    assert h.starts == []
    h.tick_for(timedelta(minutes=2))
    assert h.starts == [T0 + timedelta(minutes=29)]


@pytest.mark.parametrize(
    "retried",
    [T0 - timedelta(hours=1), T0 - timedelta(days=3), T0 + timedelta(days=365)],
    ids=["long-ago", "before-the-last-good-run", "dated-a-year-ahead"],
)
def test_a_run_that_did_not_go_through_holds_nothing_back_otherwise(retried: datetime) -> None:
    h = Harness(last=T0 - timedelta(days=2), retried=retried, check_on_start=True)
    assert h.scheduler.tick() is TickOutcome.STARTED
    assert h.starts == [T0]


def test_a_run_ended_ahead_of_the_clock_before_a_restart_waits_no_more_than_the_delay() -> None:
    """The journal says the run that did not go through ended 4 minutes from now (the clock
    set back since, by less than the tolerance for a clock's steps): the app, started again,
    tries it within 30 minutes, not 34."""
    h = Harness(last=T0 - timedelta(days=2), retried=T0 + 4 * MINUTE, check_on_start=True)
    assert h.scheduler.next_run_at() == T0 + DEFAULT_RETRY_DELAY
    h.tick_for(DEFAULT_RETRY_DELAY - MINUTE)
    assert h.starts == []
    h.tick_for(MINUTE)
    assert h.starts == [T0 + DEFAULT_RETRY_DELAY]


def test_start_refused_because_another_process_runs_is_retried_later() -> None:
    h = Harness(last=T0 - timedelta(days=1), accept=False)
    assert h.scheduler.tick() is TickOutcome.NOT_STARTED
    assert not h.scheduler.running
    h.tick_for(timedelta(minutes=29))
    assert len(h.starts) == 1


def test_a_clock_set_back_does_not_stretch_the_retry_and_a_sleep_does_not_hold_it() -> None:
    """A run that did not go through is tried again in 30 minutes. NTP puts the clock back
    2 hours meanwhile: still 30 minutes, not 2 h 30. A sleep through its time (the wall clock
    goes on, the monotonic one stands still): tried at wake."""
    h = Harness(last=T0 - timedelta(days=1))
    assert h.scheduler.tick() is TickOutcome.STARTED
    h.clock.advance(MINUTE)
    h.scheduler.run_finished(completed=False)
    failed_at = h.clock.now()
    h.clock.advance(5 * MINUTE)
    h.clock.set_by(-timedelta(hours=2))
    assert h.scheduler.next_run_at() == failed_at - timedelta(hours=2) + DEFAULT_RETRY_DELAY
    h.tick_for(DEFAULT_RETRY_DELAY - 5 * MINUTE)
    assert h.starts == [T0, failed_at - timedelta(hours=2) + DEFAULT_RETRY_DELAY]

    h.clock.advance(MINUTE)
    h.scheduler.run_finished(completed=False)
    h.clock.advance(MINUTE)
    h.clock.sleep(timedelta(hours=8))
    assert h.scheduler.tick() is TickOutcome.STARTED
    assert len(h.starts) == 3


def test_a_clock_set_back_does_not_stretch_the_wait_after_start() -> None:
    """check_on_start off: an overdue check waits 10 minutes after start, not 2 h 10 when the
    clock is put back 2 hours meanwhile."""
    h = Harness(last=T0 - timedelta(days=1), check_on_start=False, jitter=timedelta(0))
    assert h.scheduler.tick() is TickOutcome.NOT_DUE
    h.clock.set_by(-timedelta(hours=2))
    h.tick_for(DEFAULT_START_DELAY)
    assert h.starts == [T0 - timedelta(hours=2) + DEFAULT_START_DELAY]


def test_nothing_to_check_is_no_failure_to_retry_half_an_hour_later() -> None:
    """No account listed yet (the app's first start): the due run finds nothing to check.
    That is no failed run: the next due time stays the journal's, and an account that is
    due a minute later (added by the command line) is checked then, not 30 minutes on."""
    h = Harness(last=T0 - timedelta(days=1), accept=None)
    assert h.scheduler.tick() is TickOutcome.NOTHING_DUE
    assert not h.scheduler.running
    h.accept = True
    h.tick_for(MINUTE)
    assert h.starts == [T0, T0 + MINUTE]


def test_pause_holds_runs_and_resume_catches_up_once() -> None:
    h = Harness(last=T0 - timedelta(hours=1))
    h.scheduler.pause()
    assert set(h.tick_for(timedelta(days=2))) == {TickOutcome.PAUSED}
    assert h.starts == []
    assert h.scheduler.next_run_at() is None
    h.scheduler.resume()
    outcomes = h.tick_for(timedelta(minutes=15))
    assert outcomes.count(TickOutcome.STARTED) == 1
    assert len(h.starts) == 1


def test_off_schedule_never_runs() -> None:
    h = Harness(schedule="off", last=None)
    assert set(h.tick_for(timedelta(days=14), step=timedelta(minutes=30))) == {TickOutcome.OFF}
    assert h.starts == []
    assert h.scheduler.next_run_at() is None


def test_switching_schedule_on_starts_an_overdue_run_and_off_stops_them() -> None:
    h = Harness(schedule="off", last=T0 - timedelta(days=2))
    h.tick_for(timedelta(hours=1))
    h.scheduler.set_schedule("daily")
    h.tick_for(timedelta(minutes=15))
    assert len(h.starts) == 1
    h.complete()
    h.scheduler.set_schedule("off")
    h.tick_for(timedelta(days=3), step=timedelta(minutes=30))
    assert len(h.starts) == 1


@pytest.mark.parametrize("never_run", [True, False])
def test_check_on_start_runs_an_overdue_check_on_the_first_tick(never_run: bool) -> None:
    last = None if never_run else T0 - timedelta(days=2)
    h = Harness(last=last, check_on_start=True)
    assert h.scheduler.tick() is TickOutcome.STARTED
    assert h.starts == [T0]


@pytest.mark.parametrize("never_run", [True, False])
def test_without_check_on_start_an_overdue_check_waits_for_the_start_delay(
    never_run: bool,
) -> None:
    last = None if never_run else T0 - timedelta(days=2)
    h = Harness(last=last, check_on_start=False)
    h.tick_for(timedelta(minutes=9))
    assert h.starts == []
    h.tick_for(timedelta(minutes=2))
    assert h.starts == [T0 + timedelta(minutes=10)]


def test_check_on_start_does_not_run_when_nothing_is_overdue() -> None:
    h = Harness(last=T0 - timedelta(hours=2), check_on_start=True)
    assert h.scheduler.tick() is TickOutcome.NOT_DUE
    h.tick_for(timedelta(hours=3))
    assert h.starts == []


def test_never_run_while_open_is_due_at_once_not_chased_by_jitter() -> None:
    # Switched on long after start, never run before: due now, not "now + a new jitter each tick".
    h = Harness(schedule="off", last=None, check_on_start=False)
    h.tick_for(timedelta(hours=1))
    h.scheduler.set_schedule("weekly")
    assert h.scheduler.tick() is TickOutcome.STARTED


def test_a_last_run_dated_a_year_ahead_holds_no_scheduled_check_back() -> None:
    """The journal's last run ended "a year from now": the clock was a year ahead when it ran,
    and was put right since. Checks go on every 6 hours as if it never ran, for a month and
    not only once, instead of none until the year has passed."""
    h = Harness(last=T0 + timedelta(days=365))
    assert h.scheduler.tick() is TickOutcome.STARTED  # at start: overdue, as never run
    end = T0 + timedelta(days=30)
    while h.clock.now() < end:
        if h.scheduler.running:
            h.complete()  # each run ends a minute after it started
        h.tick_for(MINUTE)
    gaps = [later - earlier for earlier, later in itertools.pairwise(h.starts)]
    assert len(h.starts) >= 30 * 4 - 3  # every 6 h and a minute, plus up to 10 min of jitter
    assert all(timedelta(hours=6) <= gap <= timedelta(hours=6, minutes=11) for gap in gaps)


def test_a_run_made_here_counts_though_the_journal_still_says_a_year_ahead() -> None:
    """The journal may keep the wrong time after this scheduler's own run (the run checked only
    some accounts through): that run still puts the next one 6 hours away, not at the next
    tick, nor a year away."""
    h = Harness(last=T0 + timedelta(days=365), check_on_start=False)
    h.tick_for(timedelta(minutes=10))  # the start delay: overdue, as never run
    assert h.starts == [T0 + timedelta(minutes=10)]
    h.scheduler.run_finished(completed=True)  # the journal is left as it was
    h.tick_for(timedelta(hours=6) - MINUTE)
    assert len(h.starts) == 1
    h.tick_for(timedelta(minutes=11))
    assert len(h.starts) == 2


def test_os_run_skips_only_when_a_good_run_is_recent() -> None:
    assert os_run_is_due(None, "6h", T0) is True
    assert os_run_is_due(T0 - timedelta(minutes=10), "6h", T0) is False  # the app just checked
    assert os_run_is_due(T0 - timedelta(hours=3), "6h", T0) is True
    assert os_run_is_due(T0 - timedelta(hours=11), "daily", T0) is False
    assert os_run_is_due(T0 - timedelta(hours=13), "daily", T0) is True
    assert os_run_is_due(T0 - timedelta(minutes=1), "off", T0) is True  # asked for explicitly
    # A last run dated in the future ran while the clock was ahead: it skips no run, at any
    # time before the date it claims (else the OS job skipped every run until then).
    for later in (timedelta(0), timedelta(hours=6), timedelta(days=200)):
        assert os_run_is_due(T0 + timedelta(days=365), "6h", T0 + later) is True
    assert os_run_is_due(T0 + 2 * MINUTE, "6h", T0) is False  # a clock stepped back a little


def test_a_scheduled_run_checks_only_the_accounts_due() -> None:
    """An interval ago, less the 45 minutes that keep accounts together; never checked, or
    dated in the future, is due; with the schedule off (the run was asked for), all."""
    six = timedelta(hours=6)
    checked = {
        "never": None,
        "ahead": T0 + timedelta(days=365),  # ran while the clock was a year ahead
        "one_interval": T0 - six,
        "retried_alone": T0 - six + DEFAULT_RETRY_DELAY + 2 * MINUTE,
        "at_the_edge": T0 - six + DUE_TOLERANCE,
        "just_inside": T0 - six + DUE_TOLERANCE + MINUTE,
        "by_hand_an_hour_ago": T0 - timedelta(hours=1),
    }
    assert due_accounts(checked, "6h", T0) == [
        "never",
        "ahead",
        "one_interval",
        "retried_alone",
        "at_the_edge",
    ]
    assert due_accounts(checked, "off", T0) == list(checked)
    # The tolerance takes back an account retried alone, its retry and the app's jitter
    # included, and is small beside the shortest interval.
    assert DEFAULT_RETRY_DELAY < DUE_TOLERANCE <= six / 8
    assert DEFAULT_JITTER < DUE_TOLERANCE


def test_the_os_job_checks_each_account_half_an_interval_old() -> None:
    """The OS job's rule, account by account: its calendar times and random delay never make
    it skip an account that is really due (checked by the app 4 hours before its 6-hourly time
    is checked, not left for 10 hours), and one the app checked a moment ago is left."""
    checked = {
        "app_just_now": T0 - timedelta(minutes=10),
        "app_4h_ago": T0 - timedelta(hours=4),
        "job_last_time": T0 - timedelta(hours=5, minutes=45),  # its random delay was longer
        "never": None,
    }
    assert due_accounts(checked, "6h", T0, by_os_job=True) == [
        "app_4h_ago",
        "job_last_time",
        "never",
    ]
    for handle, at in checked.items():
        assert (handle in due_accounts(checked, "6h", T0, by_os_job=True)) == os_run_is_due(
            at, "6h", T0
        )


def test_after_a_run_of_the_due_accounts_the_next_counts_from_one_left_for_later() -> None:
    """The scheduler's run checked the account due (an interval old), not the one checked 3
    hours ago: that one is due 3 hours later, and the window says so, not a whole interval
    after the run's end."""
    h = Harness(last=T0 - timedelta(hours=7))
    assert h.scheduler.tick() is TickOutcome.STARTED
    h.clock.advance(MINUTE)
    h.journal_last = T0 - timedelta(hours=3)  # the oldest now: the account left for later
    h.scheduler.run_finished(completed=True)
    next_at = h.scheduler.next_run_at()
    assert next_at is not None
    assert T0 + timedelta(hours=3) <= next_at <= T0 + timedelta(hours=3) + DEFAULT_JITTER
    h.tick_for(timedelta(hours=3, minutes=11))
    assert len(h.starts) == 2


def test_an_account_s_own_next_check_is_the_next_run_only_when_it_is_due_by_then() -> None:
    """After a run whose failed checks are retried in 30 minutes, the accounts it checked
    through wait a day (the retry checks only those due); one whose last check through is
    old (the failed ones, one never checked) is in the retry; off: the run's own time."""
    now = datetime(2026, 12, 2, 6, 11, tzinfo=timezone.utc)
    retry = now + timedelta(minutes=30)
    assert account_due(now, retry, "daily", now) == now + timedelta(days=1)
    assert account_due(now - timedelta(days=1), retry, "daily", now) == retry
    assert account_due(None, retry, "daily", now) == retry
    # Due by the run's time, give or take DUE_TOLERANCE: in that run, with the others.
    near = now - timedelta(days=1) + DUE_TOLERANCE + timedelta(minutes=29)
    assert account_due(near, retry, "daily", now) == retry
    # A check dated ahead (a clock put right since) is no reason to wait.
    assert account_due(now + timedelta(days=30), retry, "daily", now) == retry
    assert account_due(now, retry, "off", now) == retry
