"""A picture of a sign-in screen that is not one X is known to show (x-reference §3 lists
those): the evidence of a check that stopped there, as the settings page's is when it changed.

Every field is masked, so that what was typed never shows in it — the handle, a code, a
password its eye button would show — and every frame too (a puzzle, another site's button).
"""

from __future__ import annotations

from datetime import datetime, timezone

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page

from consentinel.core.evidence import Screenshot

#: What is masked: anything a person or the check may have typed into, and other sites' frames.
MASKED = "input, textarea, select, [contenteditable]:not([contenteditable='false']), iframe"
#: The colour drawn over them (X's muted grey).
MASK_COLOR = "#536471"
#: How long the picture may take: a page that no longer answers is said without one.
SHOT_TIMEOUT_MS = 5000


async def signin_screenshot(page: Page) -> Screenshot | None:
    """The sign-in screen as it stands, fields and frames masked; None when it cannot be
    taken (the page or browser gone)."""
    try:
        png = await page.screenshot(
            mask=[page.locator(MASKED)], mask_color=MASK_COLOR, timeout=SHOT_TIMEOUT_MS
        )
    except PlaywrightError:
        return None
    return Screenshot(png, page.url, datetime.now(timezone.utc))
