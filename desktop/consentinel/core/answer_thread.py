"""A question to the person answered in a thread that does not keep the process alive."""

from __future__ import annotations

import asyncio
import contextlib
import threading

from consentinel.core.events import PromptRequest
from consentinel.core.run_shared import AskSync


async def answer_in_daemon_thread(ask: AskSync, request: PromptRequest) -> str | None:
    """`ask(request)` in a thread of its own that nothing waits for when the run stops.

    A question waits for a person, who may never answer: the person presses Ctrl-C at a
    terminal's question, whose read no thread can interrupt. In asyncio's own thread pool, that
    read kept the process alive after the run had stopped, since asyncio waits for its pool's
    threads at the end of the run. Here the run ends, and the thread ends with the process."""
    loop = asyncio.get_running_loop()
    answered: asyncio.Future[str | None] = loop.create_future()

    def settle(answer: str | None, error: BaseException | None) -> None:
        if answered.done():  # the run stopped waiting (cancelled)
            return
        if error is not None:
            answered.set_exception(error)
        else:
            answered.set_result(answer)

    def work() -> None:
        answer: str | None = None
        error: BaseException | None = None
        try:
            answer = ask(request)
        except BaseException as exc:  # handed to the awaiting task, as to_thread would
            error = exc
        with contextlib.suppress(RuntimeError):  # the loop closed meanwhile: nobody waits
            loop.call_soon_threadsafe(settle, answer, error)

    threading.Thread(target=work, name=f"ask-{request.handle}", daemon=True).start()
    return await answered
