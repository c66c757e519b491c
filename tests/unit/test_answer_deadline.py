"""A wait counted by both clocks (core/answer_deadline.py): the one rule the scheduler's waits
(`Deadline`, on clocks passed in) and the questions', tries' and lock waits (`AnswerDeadline`,
on the system's) share. It ends when either clock says so: a sleep (the wall clock alone goes
on) ends it, a clock set back (the wall clock alone goes back) does not stretch it."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

import pytest

from consentinel.core import answer_deadline
from consentinel.core.answer_deadline import AnswerDeadline, Deadline
from tests.fixtures.slept_clock import SleptWallClock

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)
BOOT = 1000.0  # the monotonic clock at T0
HALF_HOUR = timedelta(minutes=30)


def test_a_wait_with_both_clocks_going_together_comes_after_its_delay() -> None:
    deadline = Deadline.after(HALF_HOUR, T0, BOOT)
    assert deadline.left(T0, BOOT) == HALF_HOUR
    assert deadline.left(T0 + timedelta(minutes=10), BOOT + 600) == timedelta(minutes=20)
    assert deadline.at(T0 + timedelta(minutes=10), BOOT + 600) == T0 + HALF_HOUR
    assert deadline.left(T0 + HALF_HOUR, BOOT + 1800) == timedelta(0)


def test_a_sleep_through_the_wait_ends_it_on_wake() -> None:
    """The computer slept two hours: the wall clock went on, the monotonic one stood still."""
    deadline = Deadline.after(HALF_HOUR, T0, BOOT)
    woke = T0 + timedelta(hours=2)
    assert deadline.left(woke, BOOT) == -timedelta(hours=1, minutes=30)
    assert deadline.at(woke, BOOT) == T0 + HALF_HOUR  # (already reached: due now)


def test_a_clock_set_back_does_not_stretch_the_wait() -> None:
    """Ten minutes in, the clock is put back two hours: twenty minutes are still to come, by
    the monotonic clock, not two hours and twenty."""
    deadline = Deadline.after(HALF_HOUR, T0, BOOT)
    set_back = T0 + timedelta(minutes=10) - timedelta(hours=2)
    assert deadline.left(set_back, BOOT + 600) == timedelta(minutes=20)
    assert deadline.at(set_back, BOOT + 600) == set_back + timedelta(minutes=20)


def test_a_clock_set_forward_brings_the_wait_early() -> None:
    deadline = Deadline.after(HALF_HOUR, T0, BOOT)
    assert deadline.left(T0 + timedelta(hours=1), BOOT + 60) <= timedelta(0)


def test_an_answer_deadline_counts_seconds_on_the_systems_clocks() -> None:
    deadline = AnswerDeadline(600.0)
    assert 590.0 < deadline.left() <= 600.0
    assert AnswerDeadline(0.0).left() <= 0


def test_an_answer_deadline_the_computer_slept_through_is_up_on_wake(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(answer_deadline, "_wall_clock", SleptWallClock(3600.0))
    deadline = AnswerDeadline(600.0)
    assert deadline.left() <= -2900.0


def test_an_answer_deadline_is_not_stretched_by_a_clock_set_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    looks: list[float] = []

    def set_back() -> float:  # the question's start, then the clock two hours back
        looks.append(time.time())
        return looks[-1] - (7200.0 if len(looks) > 1 else 0.0)

    monkeypatch.setattr(answer_deadline, "_wall_clock", set_back)
    deadline = AnswerDeadline(600.0)
    assert 590.0 < deadline.left() <= 600.0
