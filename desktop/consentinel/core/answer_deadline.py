"""A wait counted by both clocks, so that the computer's sleep counts and a clock set back does
not stretch it: a person's time to answer a question, and every wait this app sets itself.

time.monotonic stands still while the computer sleeps (Linux, macOS): a question left open on
a Friday evening, the laptop shut, would still wait its whole time on Monday's wake, for a
sign-in at X long gone, holding the run lock the scheduled checks need. The wall clock goes on
during sleep; it is the one a jump (a clock set right) moves, so both are counted, and the
time is up when either says so.

The same holds for any wait a sleep should count in: the scheduled tries' waits and budget
(cli/scheduled_retry.py), a wait for another check's run lock (core/lock.RunLock.acquire), the
app scheduler's retries and settling (core/schedule.py, on its injected clocks: `Deadline`)."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone
from typing import NamedTuple

#: The wall clock, a name of its own so that a test can move it.
_wall_clock = time.time


class Deadline(NamedTuple):
    """A wait this app sets itself ("retry in 30 minutes"), counted by both clocks: the wall
    clock goes on while the computer sleeps (a retry due during the night is due at wake), the
    monotonic one is not moved by the clock being set (NTP putting it back two hours must not
    make "in 30 minutes" two and a half hours). It comes when either clock says so; a clock
    set forward brings it early, once, which costs a check at most.

    The clocks are passed in (the scheduler's are injected, a test's moved by hand);
    `AnswerDeadline` reads the system's."""

    wall: datetime
    monotonic: float

    @classmethod
    def after(cls, delay: timedelta, now: datetime, monotonic_now: float) -> Deadline:
        return cls(now + delay, monotonic_now + delay.total_seconds())

    def left(self, now: datetime, monotonic_now: float) -> timedelta:
        """How long it is still to come, by the clock nearer to it (zero or less: it came)."""
        return min(self.wall - now, timedelta(seconds=self.monotonic - monotonic_now))

    def at(self, now: datetime, monotonic_now: float) -> datetime:
        """When it comes, as a wall-clock time (what the window shows, what `now` reaches)."""
        return now + self.left(now, monotonic_now)


def _wall_now() -> datetime:
    return datetime.fromtimestamp(_wall_clock(), timezone.utc)


class AnswerDeadline:
    """`wait_s` seconds from now, by both clocks (`Deadline`), the system's."""

    def __init__(self, wait_s: float) -> None:
        self._deadline = Deadline.after(timedelta(seconds=wait_s), _wall_now(), time.monotonic())

    def left(self) -> float:
        """Seconds left (0 or less: the time is up)."""
        return self._deadline.left(_wall_now(), time.monotonic()).total_seconds()
