"""What can go wrong on X's pages, as typed errors carrying the Reason a check ends with."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from consentinel.core.evidence import Screenshot
from consentinel.core.i18n import tr
from consentinel.core.status import Reason
from consentinel.x.typed_text import without_call_log


class XError(Exception):
    """A failure on X's side or on the way there; `reason` is what the check reports.

    `x_answered`: X itself answered, with an error (a 5xx, its "Something went wrong"), as
    against X not reached at all from this computer (Chromium's network error, a proxy, a
    captive portal): the two are said differently (check_messages.reason_message)."""

    reason: Reason = Reason.PAGE_CHANGED

    def __init__(
        self, detail: str, reason: Reason | None = None, *, x_answered: bool = False
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.x_answered = x_answered
        if reason is not None:
            self.reason = reason


class PageChanged(XError):
    """The page is not what we know; we touched nothing. `screenshot` shows what we saw."""

    reason = Reason.PAGE_CHANGED

    def __init__(self, detail: str, screenshot: Screenshot | None = None) -> None:
        super().__init__(detail)
        self.screenshot = screenshot


class SessionExpired(XError):
    """X sent us to its sign-in page: the saved session no longer works."""

    reason = Reason.SESSION_EXPIRED


class AccountLocked(XError):
    """X sent a signed-in session to /account/access: the account is locked until its owner
    verifies it on X. Signing in again would only add a failed sign-in to a locked account."""

    reason = Reason.LOCKED


class NetworkTrouble(XError):
    """X could not be reached, answered 5xx, was rate limiting (429) or too slow."""

    reason = Reason.NETWORK


def sent_elsewhere(url: str) -> NetworkTrouble:
    """The network put another site's page where X's was asked for (a captive portal: a
    train's or a hotel's Wi-Fi, whose "accept the terms" page answers every address): X was
    not reached, and that page is nobody's changed settings page."""
    host = urlsplit(url).netloc or url.split(":", 1)[0]
    return NetworkTrouble(
        tr(
            "the network sent the browser to {host} instead of X (a Wi-Fi sign-in page?)",
            host=host,
        )
    )


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


_NET_CODE = re.compile(r"net::(ERR_[A-Z_]+)")
#: Playwright's own timeout, in milliseconds, whole or not ("Timeout 289.3246640014695ms").
_TIMEOUT_MS = re.compile(r"Timeout (\d+(?:\.\d+)?)ms exceeded")


#: Chromium's codes for a proxy that wants a password (a 407): X itself asks for none this way.
_PROXY_AUTH = frozenset(
    {
        "ERR_PROXY_AUTH_REQUESTED",
        "ERR_PROXY_AUTH_UNSUPPORTED",
        "ERR_PROXY_AUTH_REQUESTED_WITH_NO_CONNECTION",
        "ERR_UNEXPECTED_PROXY_AUTH",
        "ERR_INVALID_AUTH_CREDENTIALS",
    }
)


def _net_words(code: str) -> str | None:
    """Chromium's network error codes a person may meet, in words (None: no words for it)."""
    if code == "ERR_INTERNET_DISCONNECTED":
        return tr("this computer seems to be offline")
    if code == "ERR_NAME_NOT_RESOLVED":
        return tr("X's address could not be found (no internet, or a DNS problem)")
    if code == "ERR_CONNECTION_REFUSED":
        return tr("the connection was refused")
    if code in ("ERR_CONNECTION_RESET", "ERR_CONNECTION_CLOSED", "ERR_EMPTY_RESPONSE"):
        return tr("the connection was cut")
    if code in ("ERR_CONNECTION_TIMED_OUT", "ERR_TIMED_OUT"):
        return tr("no answer in time")
    if code == "ERR_NETWORK_CHANGED":
        return tr("the network changed during the check")
    if code == "ERR_PROXY_CONNECTION_FAILED":
        return tr("the proxy could not be reached")
    if code == "ERR_TUNNEL_CONNECTION_FAILED":
        # The proxy answered, with a refusal to open the way to X (a 502, say).
        return tr("the proxy could not reach X")
    if code in _PROXY_AUTH:
        return tr(
            "the proxy asks for a password, which Consentinel cannot give: ask whoever runs "
            "it to let this computer reach x.com without one, or use a network without that "
            "proxy"
        )
    if code.startswith(("ERR_CERT_", "ERR_SSL_")):
        return tr(
            "X's certificate was not accepted (a proxy or an antivirus may be intercepting "
            "the connection)"
        )
    if code in ("ERR_ADDRESS_UNREACHABLE", "ERR_NETWORK_ACCESS_DENIED"):
        return tr("the network does not let this computer reach X")
    return None


def browser_error_text(exc: BaseException) -> str:
    """An error's text as it may be kept (the journal, --json, the log): without Playwright's
    call log, which names the text a fill typed (a password, a code), nor any typing call's
    argument. For any error: one of ours may quote a browser error's text."""
    return without_call_log(str(exc)).strip()


def browser_error_words(exc: BaseException) -> str:
    """A Playwright failure in the person's words, with Chromium's code kept for whoever helps
    them ("this computer seems to be offline, ERR_INTERNET_DISCONNECTED"); what has no words
    stays as Playwright's first line. Playwright's own text is English and names its API
    ("Page.goto: net::ERR_… at https://…"). A timeout says how long when that is true of the
    wait, and nothing ("") when it is not."""
    text = browser_error_text(exc)
    first = text.splitlines()[0] if text else type(exc).__name__
    if match := _NET_CODE.search(first):
        words = _net_words(match.group(1))
        return f"{words}, {match.group(1)}" if words else match.group(1)
    if match := _TIMEOUT_MS.search(first):
        # The time given to the one call that ran out. Under a second it is a slice or the
        # rest of a longer wait (a sign-in waits for each step in slices of a few hundred
        # milliseconds): "within 0.3 s" would be untrue of the seconds waited, so no time is
        # said (the reason already says X took too long).
        waited_ms = float(match.group(1))
        if waited_ms < 1000:
            return ""
        return tr("no answer within {seconds} s", seconds=round(waited_ms / 1000))
    return first
