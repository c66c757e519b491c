"""What every account's check in one run shares: the browser, the run's settings, its sign-ins."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field

from playwright.async_api import Browser

from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.events import CancelToken, Event, PromptRequest
from consentinel.x.browser_watch import BrowserWatch

AskSync = Callable[[PromptRequest], "str | None"]
#: Opens a visible window for the person to finish signing in; True once signed in and saved.
FinishInBrowser = Callable[[Account], Awaitable[bool]]


class OneSignInAtATime:
    """The run's sign-ins, one at a time (x-reference §4), the person's own in a visible
    window too; and so one question to the person at a time, as questions come only while
    signing in. `busy` says whether an account signs in or waits to."""

    def __init__(self) -> None:
        self._lock = asyncio.Lock()
        self._wanted = 0

    @property
    def busy(self) -> bool:
        return self._wanted > 0

    @contextlib.asynccontextmanager
    async def held(self) -> AsyncIterator[None]:
        self._wanted += 1
        try:
            async with self._lock:
                yield
        finally:
            self._wanted -= 1


@dataclass
class RunShared:
    """What every account's check in one run shares."""

    ctx: AppContext
    browser: Browser
    run_id: int
    dry_run: bool
    unattended: bool
    emit: Callable[[Event], None]
    ask: AskSync | None
    cancel: CancelToken
    user_agent: str
    page_timeout_ms: float
    signin_step_timeout_ms: float
    #: How long each question waits for the person once shown (PromptRequest.wait_s).
    answer_wait_s: float
    #: None where no window can be shown (no graphical desktop): none is offered.
    finish_in_browser: FinishInBrowser | None
    signins: OneSignInAtATime = field(default_factory=OneSignInAtATime)
    #: The browser asked whether it still answers, and ended when not (None: not watched).
    watch: BrowserWatch | None = None
