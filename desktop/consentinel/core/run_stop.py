"""Stopping a check at the person's word, without waiting on what only waits.

A check that is loading X's page, reading it or queued stops at once: nothing was written.
One that is writing (signing in, unticking a box at X and keeping its evidence) ends that
first, since cutting it would leave X's answer unknown; it stops as soon as the write is over.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
import time
from collections.abc import AsyncIterator, Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from consentinel.core.events import AccountResult, CancelToken

#: How often, once a stop is asked, the checks still running are looked at again.
_POLL_S = 0.1
#: A cut a check did not see (Python 3.11's asyncio.wait_for may drop a cancellation that
#: comes as its wait ends) is made again after this long, if the check still only waits.
_CUT_AGAIN_S = 1.0


class Turn:
    """A check's place among the checks under way at once (Settings.concurrency).

    A check that only waits (for its turn to sign in while another account signs in, for a
    person's answer) gives its place to a queued check meanwhile: one account waiting for a
    code must not hold back the accounts that need nobody."""

    def __init__(self) -> None:
        self._limit: asyncio.Semaphore | None = None
        self.held = False

    @contextlib.asynccontextmanager
    async def taken(self, limit: asyncio.Semaphore) -> AsyncIterator[None]:
        """The check's place from its start to its end (or as long as it keeps it)."""
        self._limit = limit
        await self.take()
        try:
            yield
        finally:
            self.give_up()

    async def take(self) -> None:
        """Wait for a place, unless one is held already (or the check runs outside a run)."""
        if self._limit is None or self.held:
            return
        await self._limit.acquire()  # (cancelled while waiting: no place was taken)
        self.held = True

    def give_up(self) -> None:
        if self._limit is not None and self.held:
            self.held = False
            self._limit.release()


class Cuttable(Protocol):
    """What the stopper needs of a check (AccountCheck)."""

    #: How many times the stopper cut it (cancelled its task).
    cuts: int
    #: Its place among the checks under way at once.
    turn: Turn

    @property
    def stoppable(self) -> bool: ...

    async def run(self) -> AccountResult: ...

    def record_stopped(self) -> AccountResult: ...


async def check_all(
    checks: Sequence[Cuttable], limit: asyncio.Semaphore, cancel: CancelToken
) -> list[AccountResult]:
    """Every check, `limit` at a time; at the person's Cancel each is cut short as soon as it
    is not writing, and the results are all there, the cancelled ones too."""
    tasks = [asyncio.ensure_future(run_one(check, limit)) for check in checks]
    stopper = asyncio.ensure_future(
        stop_when_cancelled(cancel, list(zip(checks, tasks, strict=True)))
    )
    try:
        return list(await asyncio.gather(*tasks))
    finally:
        stopper.cancel()


async def run_one(check: Cuttable, limit: asyncio.Semaphore) -> AccountResult:
    """One account's check, in turn; cut short by the stopper, it ends with its entry saying
    so and the run goes on with the others. Any other cancellation (Ctrl-C, a shutdown) is
    journaled the same way and ends the run."""
    try:
        async with check.turn.taken(limit):
            return await check.run()
    except asyncio.CancelledError:
        stopped = check.record_stopped()
        task = asyncio.current_task()
        if check.cuts and task is not None:
            if sys.version_info < (3, 11):
                # Python 3.10 counts no cancellations: the stopper's cut ends this check alone.
                # Any other cancellation also cancelled the gather waiting on every check,
                # which ends the run however this check ends.
                return stopped
            left = task.cancelling()
            for _ in range(check.cuts):
                left = task.uncancel()
            if left == 0:  # only the stopper's cuts
                return stopped
        raise


async def stop_when_cancelled(
    cancel: CancelToken, running: Sequence[tuple[Cuttable, asyncio.Task[AccountResult]]]
) -> None:
    """Wait for `cancel`, then cut each check short as soon as it is not writing."""
    loop = asyncio.get_running_loop()
    asked = asyncio.Event()

    def wake() -> None:  # from the thread that cancelled
        with contextlib.suppress(RuntimeError):  # the run is over and its loop closed
            loop.call_soon_threadsafe(asked.set)

    forget = cancel.when_cancelled(wake)
    try:
        await asked.wait()
        last_cut: dict[int, float] = {}
        while True:
            left = [(check, task) for check, task in running if not task.done()]
            if not left:
                return
            now = time.monotonic()
            for check, task in left:
                if not check.stoppable:
                    continue
                if check.cuts and now - last_cut.get(id(task), now) < _CUT_AGAIN_S:
                    continue
                check.cuts += 1
                last_cut[id(task)] = now
                task.cancel()
            await asyncio.sleep(_POLL_S)
    finally:
        forget()
