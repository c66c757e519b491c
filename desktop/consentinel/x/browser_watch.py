"""A browser that stops answering (frozen, stopped by a signal, stuck on a starved computer).

Playwright gives many of its calls no time limit (counting elements, reading their text,
running a script, reading an answer's body, closing a context or the browser): a browser that
no longer answers held such a call, and the check, the run and its lock, for ever. Each of
those calls is bounded here (`bounded`), and a run's browser is asked something trivial every
few seconds (`BrowserWatch`): one that does not answer within ANSWER_TIMEOUT_S, twice in a
row, is ended (its process killed), so that every call still waiting on it fails at once as
for a browser that crashed, and each account ends with what it knows (an untick whose click
may have reached X said as unknown).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
from collections.abc import AsyncIterator, Awaitable
from typing import TypeVar

from playwright.async_api import Browser, CDPSession, Page
from playwright.async_api import Error as PlaywrightError

from consentinel.core.i18n import tr
from consentinel.core.status import Reason
from consentinel.x.errors import XError

log = logging.getLogger(__name__)

T = TypeVar("T")

#: How long the browser has to answer a trivial question (its version) before it counts as
#: not answering: it answers in milliseconds, even while a page loads.
ANSWER_TIMEOUT_S = 5.0
#: How often a run's browser is asked (one that stopped is ended after two questions
#: unanswered, at most 2 × ANSWER_TIMEOUT_S later).
WATCH_EVERY_S = 5.0
#: How often an outstanding question looks for its answer (and at the loop's own delay).
_STEP_S = 0.5
#: How long closing an account's context, or the browser, may take before the browser counts
#: as not answering (it closes in well under a second).
CLOSE_TIMEOUT_S = 10.0


class BrowserNotAnswering(XError):
    """The browser did not answer within its time: it stopped (the check's reason is
    BROWSER_CRASHED), not X."""

    reason = Reason.BROWSER_CRASHED

    def __init__(self) -> None:
        super().__init__(tr("the browser stopped answering"))


async def bounded(call: Awaitable[T], timeout_s: float) -> T:
    """`call`, which Playwright does not bound itself, given `timeout_s` seconds; past them,
    BrowserNotAnswering (what it asks of the browser takes it milliseconds)."""
    try:
        return await asyncio.wait_for(call, timeout_s)
    except asyncio.TimeoutError:
        raise BrowserNotAnswering() from None


async def page_answers(page: Page, timeout_s: float = ANSWER_TIMEOUT_S) -> bool:
    """Whether the page's browser still answers a question of its own (its version) within
    `timeout_s`: asked after a wait timed out, before X is said slow. Not a script in the
    page: Playwright holds one back while a navigation X does not answer is under way, as
    from a browser that stopped. A browser gone answers nothing, but is not frozen."""
    browser = page.context.browser
    if browser is None:
        return True

    async def ask() -> None:
        session = await browser.new_browser_cdp_session()
        try:
            await session.send("Browser.getVersion")
        finally:
            with contextlib.suppress(PlaywrightError):
                await session.detach()

    try:
        await asyncio.wait_for(ask(), timeout_s)
    except asyncio.TimeoutError:
        return False
    except PlaywrightError:
        return True  # (closed or crashed: its own error says so)
    return True


def _end_process(pid: int) -> None:
    """Kill the browser's process, with its helpers where they share its process group (as
    Playwright starts it on Linux and macOS): killed, even a process stopped by a signal
    ends."""
    if os.name == "nt":  # pragma: no cover - Windows: TerminateProcess; its helpers follow it
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGTERM)
        return
    with contextlib.suppress(OSError):
        if os.getpgid(pid) == pid:
            os.killpg(pid, signal.SIGKILL)
            return
    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGKILL)


class BrowserWatch:
    """A browser (a run's, a sign-in window's), asked every WATCH_EVERY_S whether it still
    answers, and ended when it does not (`ended`). Made by `watched` (or `watch_browser`), once
    the browser has started."""

    def __init__(self, browser: Browser, timeout_s: float = ANSWER_TIMEOUT_S) -> None:
        self._browser = browser
        self._session: CDPSession | None = None
        self._pid: int | None = None
        self._learned = False
        self.timeout_s = timeout_s
        #: The browser stopped answering and was ended: what waited on it failed.
        self.ended = False

    async def learn(self) -> None:
        """The browser's process id and a session to ask it with, from Chromium itself
        (SystemInfo.getProcessInfo). A browser that cannot say is watched all the same; only,
        not answering, it is not killed, and its calls' own bounds end the checks."""
        self._learned = True
        try:
            self._session = await bounded(self._browser.new_browser_cdp_session(), self.timeout_s)
            info = await bounded(self._session.send("SystemInfo.getProcessInfo"), self.timeout_s)
            for process in info.get("processInfo", []):
                if process.get("type") == "browser" and isinstance(process.get("id"), int):
                    self._pid = int(process["id"])
        except (PlaywrightError, BrowserNotAnswering) as error:
            log.warning("the browser's process could not be known: %s", error)

    async def answers(self) -> bool:
        """Whether the browser answers a question of its own (its version) in time. Only the
        time the loop was free to hear the answer counts: a loop held up by a blocking call on
        its thread (a journal write waiting for another process's lock) did not let the answer,
        which came, be read, and that is no fault of the browser's."""
        if self._session is None:
            return True  # (nothing to ask it with: the calls' own bounds stand)
        loop = asyncio.get_running_loop()
        asked = asyncio.ensure_future(self._session.send("Browser.getVersion"))
        waited = 0.0
        try:
            while waited < self.timeout_s:
                before = loop.time()
                done, _ = await asyncio.wait({asked}, timeout=_STEP_S)
                if done:
                    asked.result()
                    return True
                # (a step much later than asked: the loop was held up, not the browser)
                waited += min(loop.time() - before, 2 * _STEP_S)
            return False
        except PlaywrightError:
            return True  # closed or crashed: not frozen, and its calls failed already
        finally:
            asked.cancel()

    def end(self) -> None:
        """The browser stopped answering: its process is killed (once), and every call waiting
        on it fails as for a browser that crashed."""
        if self.ended:
            return
        self.ended = True
        log.warning("the browser (pid %s) stopped answering: ended", self._pid)
        if self._pid is not None:
            _end_process(self._pid)

    async def watch(self) -> None:
        """Until cancelled (the run's end): ask the browser, and end it when it does not
        answer."""
        if not self._learned:
            await self.learn()
        while not self.ended:
            await asyncio.sleep(WATCH_EVERY_S)
            if not self._browser.is_connected():
                return
            # Asked again before it is ended: one miss alone may be the computer's, not the
            # browser's (a slow moment under load).
            if not await self.answers() and not await self.answers():
                self.end()

    async def close_browser(self) -> None:
        """Close the browser within CLOSE_TIMEOUT_S; one that does not close is ended."""
        if not self.ended:
            try:
                await asyncio.wait_for(self._browser.close(), CLOSE_TIMEOUT_S)
                return
            except asyncio.TimeoutError:
                self.end()
        if self._pid is None:
            return  # (nothing was killed: Playwright's own stop ends it, in its time)
        # Ended: Playwright learns of it at once, and its "disconnected" removes its folder.
        with contextlib.suppress(asyncio.TimeoutError, PlaywrightError):
            await asyncio.wait_for(self._browser.close(), CLOSE_TIMEOUT_S)


async def watch_browser(browser: Browser, timeout_s: float = ANSWER_TIMEOUT_S) -> BrowserWatch:
    """The watch of a browser just started, its process known (BrowserWatch.learn)."""
    watch = BrowserWatch(browser, timeout_s)
    await watch.learn()
    return watch


@contextlib.asynccontextmanager
async def watched(browser: Browser) -> AsyncIterator[BrowserWatch]:
    """`browser`, just started, watched until the block ends and then closed within
    CLOSE_TIMEOUT_S (one that does not close is ended), whatever ends the block: its end, an
    error, a cancel (Ctrl+C) even in its first seconds. Nothing may be awaited between the
    browser's start and this block: a cancel there would leave the browser to Playwright's
    own stop, which gives a browser that does not answer 30 s."""
    watch = BrowserWatch(browser)
    watching = asyncio.create_task(watch.watch())
    try:
        yield watch
    finally:
        watching.cancel()
        await watch.close_browser()
