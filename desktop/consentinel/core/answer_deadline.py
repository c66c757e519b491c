"""A person's time to answer a question, counted so that the computer's sleep counts too.

time.monotonic stands still while the computer sleeps (Linux, macOS): a question left open on
a Friday evening, the laptop shut, would still wait its whole time on Monday's wake, for a
sign-in at X long gone, holding the run lock the scheduled checks need. The wall clock goes on
during sleep; it is the one a jump (a clock set right) moves, so both are counted, and the
time is up when either says so.

The same holds for any wait a sleep should count in: the scheduled tries' waits and budget
(cli/scheduled_retry.py), a wait for another check's run lock (core/lock.RunLock.acquire)."""

from __future__ import annotations

import time

#: The wall clock, a name of its own so that a test can move it.
_wall_clock = time.time


class AnswerDeadline:
    """`wait_s` seconds from now, by both clocks."""

    def __init__(self, wait_s: float) -> None:
        self._by_monotonic = time.monotonic() + wait_s
        self._by_wall = _wall_clock() + wait_s

    def left(self) -> float:
        """Seconds left (0 or less: the time is up)."""
        return min(self._by_monotonic - time.monotonic(), self._by_wall - _wall_clock())
