"""What can go wrong on X's pages, as typed errors carrying the Reason a check ends with."""

from __future__ import annotations

from consentinel.core.status import Reason


class XError(Exception):
    """A failure on X's side or on the way there; `reason` is what the check reports."""

    reason: Reason = Reason.PAGE_CHANGED

    def __init__(self, detail: str, reason: Reason | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        if reason is not None:
            self.reason = reason


class PageChanged(XError):
    """The page is not what we know; we touched nothing. `screenshot` shows what we saw."""

    reason = Reason.PAGE_CHANGED

    def __init__(self, detail: str, screenshot: bytes | None = None) -> None:
        super().__init__(detail)
        self.screenshot = screenshot


class SessionExpired(XError):
    """X sent us to its sign-in page: the saved session no longer works."""

    reason = Reason.SESSION_EXPIRED


class NetworkTrouble(XError):
    """X could not be reached, answered 5xx, was rate limiting (429) or too slow."""

    reason = Reason.NETWORK


def reason_for_status(http_status: int) -> Reason | None:
    """The Reason an HTTP status means for us, None when it is not a failure."""
    if http_status == 429:
        return Reason.RATE_LIMITED
    if http_status >= 500:
        return Reason.NETWORK
    return None


#: What Playwright says when the browser, its page or the connection to it went away: the
#: browser's fault (killed, crashed, out of memory), not X's.
_BROWSER_GONE = (
    "has been closed",
    "Target closed",
    "Browser closed",
    "Connection closed",
    "browser has disconnected",
    "Page crashed",
    "page crashed",
    "Target crashed",
)


def reason_for_exception(exc: BaseException) -> Reason:
    """Map a Playwright failure to a Reason (its messages are the only stable signal)."""
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    if isinstance(exc, XError):
        return exc.reason
    if isinstance(exc, PlaywrightTimeout | TimeoutError):
        return Reason.TIMEOUT
    text = str(exc)
    if any(sign in text for sign in _BROWSER_GONE):
        return Reason.BROWSER_CRASHED
    if "net::ERR_TIMED_OUT" in text or "Timeout" in text:
        return Reason.TIMEOUT
    if "net::ERR_" in text or "NS_ERROR" in text:
        return Reason.NETWORK
    return Reason.NETWORK
