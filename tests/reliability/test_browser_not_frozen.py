"""A browser that still answers is not taken for a frozen one: not when the check's own loop
was held up (a journal write waiting for another process's lock) while its question was out,
nor when one call ran out of time on a slow X (an answer's body that stalls on a flaky
network). Ending it would end the run's other accounts with it.

Real Chromium; the second test against simx.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Awaitable
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import async_playwright

from consentinel.core.engine import Engine
from consentinel.core.status import Box, Reason, Status
from consentinel.simx import SimAccount
from consentinel.x.browser_watch import ANSWER_TIMEOUT_S, bounded, watch_browser
from consentinel.x.grok_page import GrokPage
from tests.reliability.test_browser_frozen import _chromium_left, _context, _run_bounded

pytestmark = pytest.mark.browser


def test_a_loop_held_up_past_the_answer_time_does_not_make_a_healthy_browser_frozen(
    chromium_path: Path,
) -> None:
    async def asked_while_held_up() -> tuple[bool, bool, bool]:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=str(chromium_path))
            try:
                watch = await watch_browser(browser)

                async def hold_up_the_loop() -> None:
                    await asyncio.sleep(0)  # (the question goes out first)
                    time.sleep(ANSWER_TIMEOUT_S + 0.5)  # a blocking call on the loop's thread

                holding = asyncio.create_task(hold_up_the_loop())
                answered = await watch.answers()
                await holding
                return answered, watch.ended, browser.is_connected()
            finally:
                await browser.close()

    answered, ended, connected = asyncio.run(asked_while_held_up())
    assert answered, "a browser that answered was taken for frozen: its loop was held up"
    assert not ended and connected


def test_one_call_out_of_time_while_the_browser_answers_is_x_slow_not_a_frozen_browser(
    simx: Any, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first account's read of X's answer never ends (its body stalls): X was slow for it;
    the browser, which answers, is kept, and the next account of the run is checked in it."""
    sim = simx(SimAccount("slo", "pw-slo"), SimAccount("fin", "pw-fin"))
    ctx = _context(consentinel_home, sim.origin, "slo", "fin", keep=frozenset({Box.TRAINING}))
    reads = GrokPage._read_data
    stalled: list[bool] = []

    async def read_stalled_once(self: GrokPage) -> dict[Box, bool]:
        if not stalled:
            stalled.append(True)
            never: Awaitable[None] = asyncio.get_running_loop().create_future()
            await bounded(never, 0.5)  # as the bounded body of an answer that never ends
        return await reads(self)

    monkeypatch.setattr(GrokPage, "_read_data", read_stalled_once)
    result = _run_bounded(Engine(ctx, headless=True, page_timeout_s=15), dry_run=True)

    assert stalled
    first, second = result.accounts
    assert (first.status, first.reason) == (Status.ERROR, Reason.TIMEOUT), first.message
    assert first.message.startswith("X "), first.message
    assert second.handle == "fin" and second.reason is None, second.message
    assert second.status is not Status.ERROR, second.message
    assert _chromium_left(os.getpid()) == []
