"""Whether X answers at all, asked when one of its pages stopped short of what was awaited.

A wait that timed out because X went away (its script or data never came) is a network
failure, not a page X changed: it is asked with one request from the page itself, so that it
goes the browser's way (its proxy, its certificates) to X's own address.
"""

from __future__ import annotations

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page, Request

from consentinel.core.i18n import tr
from consentinel.x.browser_watch import ANSWER_TIMEOUT_S, BrowserNotAnswering, bounded
from consentinel.x.errors import NetworkTrouble, browser_error_words, reason_for_status
from consentinel.x.site import XSite

#: How long X has to answer the question; it answers a page in well under a second.
PROBE_TIMEOUT_MS = 5000

# The status of X's answer (0 when the browser cannot say), or null when none came.
_PROBE_JS = """async ([url, ms]) => {
  try {
    const r = await fetch(url, {method: "HEAD", mode: "no-cors", cache: "no-store",
                                credentials: "omit", signal: AbortSignal.timeout(ms)});
    return r.status;
  } catch (e) {
    return null;
  }
}"""


async def trouble_reaching(page: Page, site: XSite) -> NetworkTrouble | None:
    """What keeps X from answering now (no answer, or a 5xx/429), or None when it answers."""
    url = site.origin + "/"
    failures: list[str] = []

    def on_failed(request: Request) -> None:
        if request.url == url and request.failure:
            failures.append(request.failure)

    page.on("requestfailed", on_failed)
    try:
        # (The page's own timer ends the request; a browser that stopped ends nothing.)
        call = page.evaluate(_PROBE_JS, [url, PROBE_TIMEOUT_MS])
        status = await bounded(call, PROBE_TIMEOUT_MS / 1000 + ANSWER_TIMEOUT_S)
    except BrowserNotAnswering:
        return None  # (no answer from the page itself: nothing can be said of X)
    except PlaywrightError:
        return None  # the page itself is gone: the caller's own error says so
    finally:
        page.remove_listener("requestfailed", on_failed)
    if status is None:
        if failures:  # Chromium's reason (net::ERR_…), in words
            return NetworkTrouble(browser_error_words(Exception(failures[-1])))
        return NetworkTrouble(tr("X did not answer"))
    if isinstance(status, int) and (reason := reason_for_status(status)):
        return NetworkTrouble(tr("HTTP status {status}", status=status), reason, x_answered=True)
    return None
