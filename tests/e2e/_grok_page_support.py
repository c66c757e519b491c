"""x/grok_page.py driven on its own, on a page signed in to simx (real Chromium)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from playwright.async_api import async_playwright

from consentinel.x.browser import launch_args
from consentinel.x.grok_page import GrokPage
from consentinel.x.signin import SignInSecrets, sign_in
from consentinel.x.site import XSite

T = TypeVar("T")


async def on_grok_page(
    chromium_path: str, site: XSite, handle: str, use: Callable[[GrokPage], Awaitable[T]]
) -> T:
    """Sign `handle` (password "pw") in on a fresh browser's page, then `use` a GrokPage on it
    (6 s waits)."""
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(
            executable_path=chromium_path, headless=True, args=launch_args(True)
        )
        page = await browser.new_page()

        async def nobody(_kind: object, _detail: str) -> str | None:
            return None

        outcome = await sign_in(page, site, SignInSecrets(handle, "pw"), nobody, 6000)
        assert outcome.ok, outcome
        try:
            return await use(GrokPage(page, site, 6000))
        finally:
            await browser.close()
