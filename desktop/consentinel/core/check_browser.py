"""A check's browser context: opened with the account's saved session, closed, or the browser
ended for the whole run when it stops answering."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable
from typing import Any

from playwright.async_api import BrowserContext, Page, StorageState
from playwright.async_api import Error as PlaywrightError

from consentinel.core.check_state import CheckState
from consentinel.core.vault import VaultError
from consentinel.x.browser import VIEWPORT
from consentinel.x.browser_watch import CLOSE_TIMEOUT_S, bounded
from consentinel.x.grok_page import GrokPage

log = logging.getLogger(__name__)


class CheckBrowser:
    """The one browser context a check has open at a time, in the run's shared browser."""

    def __init__(self, state: CheckState) -> None:
        self._state = state
        self._context: BrowserContext | None = None

    async def open_page(self) -> tuple[Page, GrokPage]:
        """A new context with the account's saved session (if it can be read), and its page."""
        await self.close()
        state, shared = self._state, self._state.shared
        storage: dict[str, Any] | None
        try:
            storage = state.ctx.sessions.load(state.handle)
        except VaultError:
            storage = None  # no key to open it: this account needs a sign-in, judged there
        moved = state.ctx.sessions.take_set_aside(state.handle)
        if moved is not None:
            log.warning("the saved session of @%s could not be decrypted: %s", state.handle, moved)
            state.session_set_aside = True
        timeout_s = shared.page_timeout_ms / 1000
        context = shared.browser.new_context(
            storage_state=storage,  # type: ignore[arg-type]
            user_agent=shared.user_agent,
            viewport=VIEWPORT,
        )
        self._context = await bounded(context, timeout_s)
        page = await bounded(self._context.new_page(), timeout_s)
        page.set_default_timeout(shared.page_timeout_ms)
        grok = GrokPage(page, state.ctx.site, shared.page_timeout_ms)
        return page, grok

    def session_state(self) -> Awaitable[StorageState]:
        """The open context's session, to be saved once signed in (bounded, as every call the
        browser may never answer)."""
        assert self._context is not None
        return bounded(self._context.storage_state(), self._state.shared.page_timeout_ms / 1000)

    async def close(self) -> None:
        if self._context is not None:
            context, self._context = self._context, None
            if self.ended:
                return  # (its process is gone: nothing to close, and no answer would come)
            # The browser may already be gone (cancelled or crashed): nothing left to close.
            with contextlib.suppress(PlaywrightError):
                try:
                    await asyncio.wait_for(context.close(), CLOSE_TIMEOUT_S)
                except asyncio.TimeoutError:
                    self.end()  # frozen: the check is journaled all the same

    @property
    def ended(self) -> bool:
        watch = self._state.shared.watch
        return watch is not None and watch.ended

    def end(self) -> None:
        """The browser stopped answering: ended (x/browser_watch), for every account of the
        run; those still to come end at their first call, as after a crash."""
        if self._state.shared.watch is not None:
            self._state.shared.watch.end()

    async def answers(self) -> bool:
        watch = self._state.shared.watch
        return watch is None or (not watch.ended and await watch.answers())
