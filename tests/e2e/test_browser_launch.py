"""How the product launches Chromium: each account's context holds its page and nothing else.

Real Chromium, started with the product's switches (launch_args). Chrome loads some of its own
interface as web pages (the address bar's pop-ups, "chrome://omnibox-popup…") into a renderer of
their own for every window, so for every account's browser context; headless, nobody sees them,
and they cost more CPU than the account's X page itself (benchmarks/context_cost.py).
"""

from __future__ import annotations

import asyncio

import pytest
from playwright.async_api import async_playwright

from consentinel.x.browser import launch_args
from tests.e2e._engine_support import chromium

pytestmark = pytest.mark.browser


async def _targets_of_a_new_context() -> list[tuple[str, str]]:
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(
            executable_path=chromium(), headless=True, args=launch_args(True)
        )
        try:
            cdp = await browser.new_browser_cdp_session()
            context = await browser.new_context()
            await context.new_page()
            # Chrome makes a window's own pages with the window, before the tab is reported.
            answer = await cdp.send("Target.getTargets", {"filter": [{}]})
            return [(t["type"], t["url"]) for t in answer["targetInfos"]]
        finally:
            await browser.close()


def test_a_context_opens_its_page_and_none_of_chromes_own() -> None:
    targets = asyncio.run(_targets_of_a_new_context())
    assert ("page", "about:blank") in targets, targets
    chromes_own = [url for _, url in targets if url.startswith("chrome://")]
    assert chromes_own == [], f"Chrome's interface pages were loaded: {chromes_own}"
