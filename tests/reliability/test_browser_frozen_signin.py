"""The sign-in window (the window's "Sign in yourself", `consentinel login`) whose browser stops
answering (SIGSTOP) while the person is waited for: the browser is watched as a check's is,
ended, and the sign-in ends at once, telling the person the browser stopped answering and was
closed, in English and in French; nothing of it is left running, nothing is journaled.

Real Chromium against simx; test_browser_frozen.freezer wakes and kills what it stopped.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Page

from consentinel.core import engine as engine_module
from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.engine import Engine, LoginResult
from consentinel.core.i18n import tr_in
from consentinel.core.journal import EntryKind
from consentinel.core.paths import AppPaths
from consentinel.core.settings import Settings
from consentinel.core.status import Reason
from consentinel.core.vault import MemoryKeyring, Vault
from consentinel.simx import SimAccount
from consentinel.x.site import XSite
from tests.reliability.test_browser_frozen import _chromium_left, _freeze, freezer

pytestmark = pytest.mark.browser

__all__ = ["freezer"]

#: The person is given far longer than this: the sign-in must end because the browser was
#: ended (asked every 5 s, given 5 s twice), not because their time ran out.
ENDS_WITHIN_S = 45
STOPPED = (
    "The browser stopped answering and was closed: the sign-in of @{handle} was not "
    "finished. Sign in again."
)


def test_a_sign_in_window_whose_browser_froze_ends_and_says_so(
    simx: Any, consentinel_home: Path, freezer: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    sim = simx(SimAccount("win", "pw-win"))
    ctx = AppContext.create(
        AppPaths.under(consentinel_home),
        vault=Vault(MemoryKeyring()),
        settings=Settings(x_origin=sim.origin),
    )
    ctx.accounts.add(Account("win"))  # no password saved: the person types it in the window
    until_home = engine_module.wait_until_home

    async def freezing_once_waited_for(page: Page, site: XSite, timeout_ms: float) -> bool:
        if not freezer:  # the person is being waited for: the browser freezes
            _freeze(os.getpid(), freezer)
        return await until_home(page, site, timeout_ms)

    monkeypatch.setattr(engine_module, "wait_until_home", freezing_once_waited_for)
    engine = Engine(ctx, interactive_headless=True, interactive_timeout_s=300)
    results: list[LoginResult] = []
    thread = threading.Thread(
        target=lambda: results.append(engine.login_interactive("win", headless=True)),
        daemon=True,
    )
    thread.start()
    thread.join(ENDS_WITHIN_S)

    assert freezer, "the browser was never frozen"
    assert results, f"the sign-in with a frozen browser did not end within {ENDS_WITHIN_S} s"
    (result,) = results
    assert (result.ok, result.reason) == (False, Reason.BROWSER_CRASHED), result.message
    assert result.message == STOPPED.replace("{handle}", "win")
    french = tr_in("fr", STOPPED, handle="win")
    assert "ne répondait plus et a été fermé" in french and "@win" in french
    assert _chromium_left(os.getpid()) == []
    assert ctx.journal.entries(handle="win", kinds=[EntryKind.SIGNIN]) == []
    assert not ctx.sessions.exists("win")
