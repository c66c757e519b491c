"""A check stopped (Ctrl+C) in its first seconds, while the keyring is still read, with its
browser frozen (SIGSTOP): the browser is watched from its start, so the run closes it itself,
within its bound, and ends; it is not left to Playwright's own stop, which gives a browser
that does not answer 30 s.

Real Chromium; the test stops Chromium's main process itself (test_browser_frozen.freezer
wakes and kills it at the end).
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import CDPSession

from consentinel.core.engine import Engine
from consentinel.core.journal import RunStatus
from consentinel.core.status import Box
from consentinel.simx import SimAccount
from tests.reliability.test_browser_frozen import _chromium_left, _context, _freeze, freezer

pytestmark = pytest.mark.browser

__all__ = ["freezer"]

#: How long the run may take to end after the Ctrl+C: its own close gives the browser 10 s.
ENDS_WITHIN_S = 22


def test_a_ctrl_c_while_the_keyring_is_read_closes_a_frozen_browser_within_its_bound(
    simx: Any, consentinel_home: Path, freezer: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    sim = simx(SimAccount("ear", "pw-ear"))
    ctx = _context(consentinel_home, sim.origin, "ear", keep=frozenset({Box.TRAINING}))
    known = threading.Event()
    send = CDPSession.send

    async def noting_the_process(
        self: CDPSession, method: str, params: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        answer = await send(self, method, params)
        if method == "SystemInfo.getProcessInfo":
            known.set()  # (the watch knows which process to end)
        return answer

    monkeypatch.setattr(CDPSession, "send", noting_the_process)
    interrupted_at: list[float] = []

    def keyring_read_meanwhile(_handles: Iterable[str]) -> None:
        # As a keyring waiting on its unlock prompt; the old code asked the browser only after.
        known.wait(timeout=20)
        _freeze(os.getpid(), freezer)
        interrupted_at.append(time.monotonic())
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl+C: the run's task is cancelled

    monkeypatch.setattr(ctx.sessions, "prepare", keyring_read_meanwhile)
    engine = Engine(ctx, headless=True)

    with pytest.raises(KeyboardInterrupt):
        engine.run_check()
    took = time.monotonic() - interrupted_at[0]

    assert freezer, "the browser was never frozen"
    assert took < ENDS_WITHIN_S, f"the stopped run took {took:.0f} s to close its browser"
    assert _chromium_left(os.getpid()) == []
    (run,) = ctx.journal.runs()
    assert run.status is RunStatus.CANCELLED
