"""The stopper's bookkeeping of asyncio cancellation, on stand-in checks.

The real thing runs in tests/e2e/test_cancel_at_once.py (real Chromium against simx). What a
browser cannot show on demand is tested here: a check cut while it writes, a cut the check did
not see (Python 3.11's asyncio.wait_for may drop a cancellation that comes as its wait ends),
and a Ctrl-C that comes with the person's Cancel. The stand-ins only wait on asyncio events.
"""

from __future__ import annotations

import asyncio

import pytest

from consentinel.core.events import AccountResult, CancelToken
from consentinel.core.run_stop import Turn, check_all
from consentinel.core.status import Reason, Status


class StandIn:
    """Waits for `go`; writes between `writing` and the end of the write when told to."""

    def __init__(self, handle: str, *, swallow_first_cut: bool = False) -> None:
        self.handle = handle
        self.cuts = 0
        self.turn = Turn()
        self.writing = False
        self.wrote = False
        self.go = asyncio.Event()
        self.swallow_first_cut = swallow_first_cut
        self.recorded: list[AccountResult] = []

    @property
    def stoppable(self) -> bool:
        return not self.writing

    async def run(self) -> AccountResult:
        while True:
            try:
                await self.go.wait()
                break
            except asyncio.CancelledError:
                if not self.swallow_first_cut:
                    raise
                self.swallow_first_cut = False  # as wait_for may: the cut is lost
        return AccountResult(self.handle, Status.OPTED_OUT)

    async def write(self, release: asyncio.Event) -> None:
        self.writing = True
        await release.wait()
        self.wrote = True
        self.writing = False

    def record_stopped(self) -> AccountResult:
        result = AccountResult(self.handle, Status.ERROR, Reason.CANCELLED)
        self.recorded.append(result)
        return result


async def _run(checks: list[StandIn], cancel: CancelToken) -> list[AccountResult]:
    return await check_all(checks, asyncio.Semaphore(1), cancel)  # the others wait their turn


def test_a_cancel_cuts_the_waiting_and_the_queued_and_the_run_ends_with_every_result() -> None:
    async def scenario() -> tuple[list[AccountResult], list[StandIn]]:
        checks = [StandIn("ana"), StandIn("bea"), StandIn("cyd")]
        cancel = CancelToken()
        asyncio.get_running_loop().call_later(0.05, cancel.cancel)
        return await _run(checks, cancel), checks

    results, checks = asyncio.run(scenario())
    assert [(r.handle, r.reason) for r in results] == [
        ("ana", Reason.CANCELLED),
        ("bea", Reason.CANCELLED),
        ("cyd", Reason.CANCELLED),
    ]
    assert [len(c.recorded) for c in checks] == [1, 1, 1]  # one entry each, no more
    assert [c.cuts for c in checks] == [1, 1, 1]


def test_a_check_that_writes_is_cut_only_once_its_write_is_over() -> None:
    async def scenario() -> tuple[list[AccountResult], StandIn, bool]:
        ana = StandIn("ana")
        release = asyncio.Event()
        cancel = CancelToken()
        loop = asyncio.get_running_loop()
        loop.call_soon(lambda: asyncio.ensure_future(ana.write(release)))
        loop.call_later(0.05, cancel.cancel)
        loop.call_later(0.5, release.set)  # the write ends well after the Cancel
        results = await _run([ana], cancel)
        return results, ana, release.is_set()

    results, ana, released = asyncio.run(scenario())
    assert released and ana.wrote  # not cut while it wrote
    assert results[0].reason is Reason.CANCELLED and ana.cuts == 1


def test_a_cut_the_check_did_not_see_is_made_again() -> None:
    async def scenario() -> tuple[list[AccountResult], StandIn]:
        ana = StandIn("ana", swallow_first_cut=True)
        cancel = CancelToken()
        cancel.cancel()  # before the run: the stopper sees it at once
        return await _run([ana], cancel), ana

    results, ana = asyncio.run(scenario())
    assert results[0].reason is Reason.CANCELLED
    assert ana.cuts == 2 and len(ana.recorded) == 1


def test_ctrl_c_with_the_persons_cancel_still_ends_the_run() -> None:
    """A cancellation that is not the stopper's (asyncio.run's at Ctrl-C) is never turned
    into a result: the run ends, each check journaled as stopped."""

    async def scenario(checks: list[StandIn]) -> None:
        cancel = CancelToken()
        main = asyncio.current_task()
        assert main is not None

        def both() -> None:
            cancel.cancel()
            main.cancel()  # what asyncio.run does at Ctrl-C

        asyncio.get_running_loop().call_later(0.05, both)
        await _run(checks, cancel)

    checks = [StandIn("ana"), StandIn("bea")]
    with pytest.raises(asyncio.CancelledError):
        asyncio.run(scenario(checks))
    assert [len(c.recorded) for c in checks] == [1, 1]


def test_a_check_that_ends_on_its_own_is_not_cut() -> None:
    async def scenario() -> tuple[list[AccountResult], StandIn]:
        ana = StandIn("ana")
        ana.go.set()
        return await _run([ana], CancelToken()), ana

    results, ana = asyncio.run(scenario())
    assert results[0].status is Status.OPTED_OUT and ana.cuts == 0 and not ana.recorded
