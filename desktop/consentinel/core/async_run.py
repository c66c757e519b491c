"""Running a check's event loop so that Ctrl-C (and SIGTERM, which the command line hands
over to Ctrl-C's handler) cancels it cleanly, on every Python the app runs on.

Python 3.11's `asyncio.run` cancels the main task at Ctrl-C: every page's task gets its
CancelledError, journals its check as stopped and closes its browser, then KeyboardInterrupt
is raised. Python 3.10's raises KeyboardInterrupt wherever the loop happens to be, so the
checks under way ended without their entries. On 3.10 this adds 3.11's handler to
`asyncio.run`, which does the rest (the loop, the tasks left over, its shutdown) as before.
"""

from __future__ import annotations

import asyncio
import signal
import sys
import threading
from collections.abc import Coroutine
from types import FrameType
from typing import Any, TypeVar

T = TypeVar("T")


def run(main: Coroutine[Any, Any, T]) -> T:
    """`asyncio.run(main)`, with Python 3.11's handling of Ctrl-C on 3.10 too."""
    if sys.version_info >= (3, 11):
        return asyncio.run(main)
    return _run_cancelling_on_sigint(main)


def _run_cancelling_on_sigint(main: Coroutine[Any, Any, T]) -> T:
    running: list[tuple[asyncio.AbstractEventLoop, asyncio.Task[Any]]] = []
    interrupted = False

    async def watched() -> T:
        task = asyncio.current_task()
        assert task is not None
        running.append((asyncio.get_running_loop(), task))
        return await main

    def on_sigint(signum: int, frame: FrameType | None) -> None:
        nonlocal interrupted
        if interrupted or not running or running[0][1].done():
            raise KeyboardInterrupt  # a second Ctrl-C, or none to cancel: at once
        interrupted = True
        loop, task = running[0]
        # (Run in the loop's own thread, between two steps: cancelled now, so that a task
        # whose last step is already queued still ends cancelled; the loop is woken.)
        task.cancel()
        loop.call_soon_threadsafe(lambda: None)

    ours = (
        threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGINT) is signal.default_int_handler
    )
    previous = signal.signal(signal.SIGINT, on_sigint) if ours else None
    try:
        return asyncio.run(watched())
    except asyncio.CancelledError:
        if interrupted:
            raise KeyboardInterrupt from None
        raise
    finally:
        if previous is not None and signal.getsignal(signal.SIGINT) is on_sigint:
            signal.signal(signal.SIGINT, previous)
        main.close()  # (never started when a Ctrl-C came first: no "never awaited" warning)
