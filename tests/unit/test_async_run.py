"""core/async_run: Ctrl-C (and SIGTERM, which the command line hands over to it) cancels every
page of a check, each ending its own way (journaling itself as stopped), before
KeyboardInterrupt ends the command: on Python 3.10 as 3.11's asyncio.run does. Plain
asyncio.run on 3.10 raised KeyboardInterrupt inside whichever page's code was running, and that
page never learnt it was stopped."""

from __future__ import annotations

import asyncio
import signal

import pytest

from consentinel.core import async_run


def test_ctrl_c_cancels_each_page_then_ends_with_keyboard_interrupt() -> None:
    stopped: list[str] = []

    async def page(name: str, *, interrupted_here: bool = False) -> None:
        try:
            if interrupted_here:
                signal.raise_signal(signal.SIGINT)  # Ctrl-C while this page's code runs
            await asyncio.Event().wait()  # (waits until cancelled)
        except asyncio.CancelledError:
            stopped.append(name)
            raise

    async def check() -> None:
        await asyncio.gather(page("waiting"), page("running", interrupted_here=True))

    before = signal.getsignal(signal.SIGINT)
    with pytest.raises(KeyboardInterrupt):
        async_run.run(check())
    assert sorted(stopped) == ["running", "waiting"]
    assert signal.getsignal(signal.SIGINT) is before  # Ctrl-C is Python's again


def test_a_run_that_ends_gives_its_result_and_leaves_ctrl_c_as_it_was() -> None:
    async def check() -> str:
        await asyncio.sleep(0)
        return "done"

    before = signal.getsignal(signal.SIGINT)
    assert async_run.run(check()) == "done"
    assert signal.getsignal(signal.SIGINT) is before
