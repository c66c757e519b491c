"""Running a check's event loop so that Ctrl-C (and SIGTERM, which the command line hands
over to Ctrl-C's handler) cancels it cleanly, on every Python the app runs on.

Python 3.11's `asyncio.run` cancels the main task at Ctrl-C: every page's task gets its
CancelledError, journals its check as stopped and closes its browser, then KeyboardInterrupt
is raised. Python 3.10's raises KeyboardInterrupt wherever the loop happens to be, so the
checks under way ended without their entries. On 3.10 this does what 3.11 does.
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
    loop = asyncio.new_event_loop()
    task = loop.create_task(main)
    interrupted = False

    def on_sigint(signum: int, frame: FrameType | None) -> None:
        nonlocal interrupted
        if interrupted or task.done():  # a second Ctrl-C: at once, as Python would
            raise KeyboardInterrupt
        interrupted = True
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
        asyncio.set_event_loop(loop)
        try:
            return loop.run_until_complete(task)
        except asyncio.CancelledError:
            if interrupted:
                raise KeyboardInterrupt from None
            raise
    finally:
        if previous is not None and signal.getsignal(signal.SIGINT) is on_sigint:
            signal.signal(signal.SIGINT, previous)
        try:
            _cancel_the_rest(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            asyncio.set_event_loop(None)
            loop.close()


def _cancel_the_rest(loop: asyncio.AbstractEventLoop) -> None:
    left = [task for task in asyncio.all_tasks(loop) if not task.done()]
    for task in left:
        task.cancel()
    if not left:
        return
    loop.run_until_complete(asyncio.gather(*left, return_exceptions=True))
    for task in left:  # what asyncio.run says of them
        if not task.cancelled() and task.exception() is not None:
            loop.call_exception_handler(
                {
                    "message": "unhandled exception during asyncio.run() shutdown",
                    "exception": task.exception(),
                    "task": task,
                }
            )
