"""A command stopped by the system (SIGTERM, SIGHUP) cleans up before it ends, even when the
news comes twice: a terminal that closes sends its hangup to the command, and its shell passes
one on to its jobs too; a logout may send SIGTERM after it. Real signals to this process, the
check's event loop as the command runs it (core/async_run); the check is a stand-in that only
waits (the whole command against simx: tests/e2e/test_stopped_by_the_system.py)."""

from __future__ import annotations

import asyncio
import os
import signal

import pytest

from consentinel.cli.main import _Sigterm
from consentinel.core.async_run import run


@pytest.mark.parametrize(
    ("first", "then"),
    [
        (signal.SIGHUP, signal.SIGHUP),
        (signal.SIGHUP, signal.SIGTERM),
        (signal.SIGTERM, signal.SIGTERM),
    ],
    ids=["hangup-twice", "hangup-then-stop", "stop-twice"],
)
def test_the_same_news_again_does_not_cut_the_clean_up_short(
    first: signal.Signals, then: signal.Signals
) -> None:
    cleaned: list[str] = []

    async def check() -> None:
        try:
            os.kill(os.getpid(), first)  # (its handler runs here, in this thread)
            await asyncio.Event().wait()  # cancelled by the first signal
        except asyncio.CancelledError:
            os.kill(os.getpid(), then)
            await asyncio.sleep(0)  # (the browser's close, the journal's entry…)
            cleaned.append("done")
            raise

    with _Sigterm() as stop, pytest.raises(KeyboardInterrupt):
        run(check())
    assert cleaned == ["done"]
    assert stop.received == first  # (the one said, and the one the command ends by)
