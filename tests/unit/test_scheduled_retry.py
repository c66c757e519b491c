"""Which accounts a scheduled run tries again (cli/scheduled_retry.py): those X could not be
reached for, less those another check took through while it waited or the person removed.
Real accounts file and real SQLite journal."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from consentinel.cli.scheduled_retry import TEST_WAITS_ENV, RetryPlan, still_to_retry, to_retry
from consentinel.core.accounts import Account, AccountStore
from consentinel.core.events import AccountResult, RunResult
from consentinel.core.journal import Journal
from consentinel.core.paths import AppPaths
from consentinel.core.status import Reason, Status

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths.under(tmp_path).ensure()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def journal(paths: AppPaths, clock: Clock) -> Iterator[Journal]:
    journal = Journal.open(paths.journal_path, clock=clock)
    yield journal
    journal.close()


def _run(journal: Journal, *results: AccountResult) -> RunResult:
    run = journal.start_run("schedule")
    for result in results:
        journal.record_check(run, result)
    journal.finish_run(run)
    return RunResult(run, results)


def test_only_what_a_later_try_may_mend_is_tried_again() -> None:
    result = RunResult(1, (
        AccountResult("net", Status.ERROR, Reason.NETWORK),
        AccountResult("slow", Status.ERROR, Reason.TIMEOUT),
        AccountResult("crash", Status.ERROR, Reason.BROWSER_CRASHED),
        AccountResult("nobrowser", Status.ERROR, Reason.BROWSER_MISSING),
        AccountResult("limited", Status.ERROR, Reason.RATE_LIMITED),
        AccountResult("code", Status.NEEDS_USER, Reason.TWO_FACTOR),
        AccountResult("done", Status.FIXED),
    ))  # fmt: skip
    assert to_retry(result) == ["net", "slow", "crash"]


def test_accounts_checked_through_or_removed_meanwhile_are_not_tried_again(
    paths: AppPaths, journal: Journal, clock: Clock
) -> None:
    store = AccountStore(paths)
    for handle in ("ann", "bob", "cat", "dan"):
        store.add(Account(handle))
    _run(journal, *(AccountResult(h, Status.FIXED) for h in ("ann", "bob", "cat", "dan")))
    clock.now = T0 + timedelta(days=1)
    failed = _run(journal, *(AccountResult(h, Status.ERROR, Reason.NETWORK)
                             for h in ("ann", "bob", "cat", "dan")))  # fmt: skip
    since = clock.now
    # While the scheduled run waits: the window checks bob through, and cat (X still down,
    # so not through); dan is removed from the list.
    clock.now = since + timedelta(minutes=2)
    _run(journal, AccountResult("bob", Status.OPTED_OUT),
         AccountResult("cat", Status.ERROR, Reason.NETWORK))  # fmt: skip
    store.remove("dan")
    assert still_to_retry(store, journal, to_retry(failed), since) == ["ann", "cat"]


def test_the_tests_waits_are_read_from_their_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(TEST_WAITS_ENV, raising=False)
    assert RetryPlan.from_env() == RetryPlan((300.0, 600.0), 20.0)
    monkeypatch.setenv(TEST_WAITS_ENV, "1.5,3/0.1")
    assert RetryPlan.from_env() == RetryPlan((1.5, 3.0), 0.1)


@pytest.mark.parametrize(
    ("given", "plan"),
    [
        ("5m", RetryPlan()),  # not seconds: the product's plan, not a crash of the job
        ("nan,1/1", RetryPlan()),
        ("1,2/inf", RetryPlan()),
        ("-3,9999,0,0,0/0", RetryPlan((0.0, 600.0), 0.05)),  # no more tries, none longer
    ],
)
def test_what_the_tests_variable_may_change_is_bounded(
    monkeypatch: pytest.MonkeyPatch, given: str, plan: RetryPlan
) -> None:
    """Read by the product, should anyone set it: never a crash, never more tries than the
    product's, never longer waits, never a busy loop asking X."""
    monkeypatch.setenv(TEST_WAITS_ENV, given)
    assert RetryPlan.from_env() == plan


class _SleptWallClock:
    """The wall clock as a computer that slept `slept_s` after the first look sees it: the
    monotonic clock stood still meanwhile (Linux, macOS; moved here is the wall clock alone)."""

    def __init__(self, slept_s: float) -> None:
        self.looks = 0
        self.slept_s = slept_s

    def __call__(self) -> float:
        import time

        self.looks += 1
        return time.time() + (self.slept_s if self.looks > 1 else 0.0)


def test_a_wait_between_tries_the_computer_slept_through_ends_on_wake(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A 10-minute wait before the next try; the laptop shut for an hour during it. On wake the
    wait is over, as on Windows, whose monotonic clock counts the sleep (before, on Linux and
    macOS, it waited its whole 10 minutes again from the wake)."""
    import threading

    from consentinel.cli import scheduled_retry
    from consentinel.core import answer_deadline

    monkeypatch.setattr(answer_deadline, "_wall_clock", _SleptWallClock(3600.0))
    waiting = threading.Thread(
        # (watch=False: X is never asked, so no context is needed)
        target=lambda: scheduled_retry.wait_for_x(None, 600.0, 0.05, watch=False),  # type: ignore[arg-type]
        daemon=True,
    )
    waiting.start()
    waiting.join(20)
    assert not waiting.is_alive(), "the wait went on after the wake"


def test_the_time_for_later_tries_counts_the_computers_sleep(
    monkeypatch: pytest.MonkeyPatch, paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    """The tries' 25 minutes began, then the computer slept a weekend: no try is left on wake,
    on every OS (before, on Linux and macOS, the whole 25 minutes were still to come)."""
    import argparse

    from consentinel.cli import check_cmd
    from consentinel.core import answer_deadline
    from consentinel.core.answer_deadline import AnswerDeadline
    from consentinel.core.lock import RunLock

    monkeypatch.setattr(answer_deadline, "_wall_clock", _SleptWallClock(3 * 86400.0))
    plan = RetryPlan()
    budget = AnswerDeadline(plan.within_s)  # at the first try's end
    result = RunResult(1, (AccountResult("nora", Status.ERROR, Reason.NETWORK),))
    args = argparse.Namespace(unattended=False, json=False, watch=False)
    retried = check_cmd._try_again_later(
        None,  # type: ignore[arg-type]  # (no next try: nothing is read)
        RunLock(paths.lock_path), result, ["nora"], plan.waits_s[0], 2, 3,
        since=T0, budget=budget, plan=plan, args=args, settled=[],
    )  # fmt: skip
    assert retried is None
    assert "No time is left for another try" in capsys.readouterr().err


def test_a_wait_for_the_lock_between_tries_the_computer_slept_through_ends_on_wake(
    monkeypatch: pytest.MonkeyPatch, paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    """The next try waits for another check's end, within what is left of the tries' 25
    minutes; the computer sleeps the night during that wait: on wake it is over, no try made
    (before, on Linux and macOS, it went on waiting the rest of the 25 minutes)."""
    from consentinel.cli import scheduled_retry
    from consentinel.core import answer_deadline
    from consentinel.core.answer_deadline import AnswerDeadline
    from consentinel.core.lock import RunLock
    from tests.fixtures.slept_clock import SleptWallClock, ends_within

    # (Awake for the budget's start, what is left of it, and the lock wait's start.)
    monkeypatch.setattr(answer_deadline, "_wall_clock", SleptWallClock(10 * 3600.0, awake_looks=3))
    budget = AnswerDeadline(RetryPlan().within_s)
    other = RunLock(paths.lock_path)
    assert other.acquire(wait=False)
    try:
        lock = RunLock(paths.lock_path)
        took = ends_within(20, lambda: scheduled_retry.take_the_lock_again(lock, budget))
        assert took == [False], "still waiting after the wake"
        assert other.held and not lock.held
    finally:
        other.release()
    assert "Another check is still running: this scheduled check does not try again." in (
        capsys.readouterr().err
    )
