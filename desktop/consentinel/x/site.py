"""Where X's pages live: every URL the automation opens, built from one configurable origin."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from consentinel.core.records import FrozenRecord

DEFAULT_ORIGIN = "https://x.com"
ORIGIN_ENV = "CONSENTINEL_X_ORIGIN"

LOGIN_PATH = "/i/flow/login"
HOME_PATH = "/home"
GROK_SETTINGS_PATH = "/settings/grok_settings"
ACCOUNT_ACCESS_PATH = "/account/access"

#: An origin as written: a scheme, a host (a name, or an IPv6 address in brackets), perhaps a
#: port and a final slash; nothing else (no `user@` before the host, which would make
#: `https://x.com@elsewhere` read as X, no path, query or fragment).
_ORIGIN = re.compile(r"(https?)://([a-z0-9.\-]+|\[[0-9a-f:.]+\])(?::(\d{1,5}))?/?", re.IGNORECASE)


def allowed_origin(value: object) -> str | None:
    """The origin passwords and codes may be typed into, as a URL starts with it (lower case,
    no final slash), or None when `value` is not one: X itself (https://x.com), or a simulated
    X on this computer (a loopback address: 127.0.0.0/8, ::1, localhost), never another
    computer, which would be sent the saved password and 2FA codes."""
    if not isinstance(value, str):
        return None
    match = _ORIGIN.fullmatch(value)
    if match is None:
        return None
    scheme, host, port = match.group(1).lower(), match.group(2).lower(), match.group(3)
    if port is not None and not 0 < int(port) < 65536:
        return None
    if port is not None and int(port) == {"http": 80, "https": 443}[scheme]:
        port = None  # (as the browser writes the pages' addresses)
    origin = f"{scheme}://{host}" + (f":{int(port)}" if port is not None else "")
    if origin == DEFAULT_ORIGIN:
        return origin
    return origin if _is_loopback(host) else None


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class XSite(FrozenRecord):
    """X's addresses on one origin (https://x.com, or a simulated X on 127.0.0.1 in tests)."""

    __slots__ = ("origin",)
    origin: str

    def __init__(self, origin: str = DEFAULT_ORIGIN) -> None:
        # A trailing slash would give "//home"; normalise once here.
        self._set("origin", origin.rstrip("/"))

    @property
    def is_x(self) -> bool:
        """Whether this is X itself, not a simulated X (the demo's, the tests')."""
        return self.origin == DEFAULT_ORIGIN

    @property
    def takes_secrets(self) -> bool:
        """Whether a password or a code may be typed into this origin's pages (allowed_origin)."""
        return allowed_origin(self.origin) == self.origin

    def url(self, path: str) -> str:
        return self.origin + path

    @property
    def login_url(self) -> str:
        return self.url(LOGIN_PATH)

    @property
    def home_url(self) -> str:
        return self.url(HOME_PATH)

    @property
    def grok_settings_url(self) -> str:
        return self.url(GROK_SETTINGS_PATH)

    def api_path_of(self, url: str) -> str:
        """The path of a request to X's API: on X's origin, or on its `api.` host, where X's
        web app sends its sign-in steps (https://api.x.com/1.1/onboarding/task.json, as the
        libraries that drive it use); "" for any other address."""
        return self._path_on(url, api=True)

    def path_of(self, url: str) -> str:
        """The path of a page URL, or "" when it is not on this origin."""
        return self._path_on(url, api=False)

    def _path_on(self, url: str, *, api: bool) -> str:
        parts = urlsplit(url)
        mine = urlsplit(self.origin)
        hosts = {mine.netloc, f"api.{mine.netloc}"} if api else {mine.netloc}
        if parts.scheme != mine.scheme or parts.netloc not in hosts:
            return ""
        return parts.path or "/"

    def is_home(self, url: str) -> bool:
        return self.path_of(url).rstrip("/") == HOME_PATH

    def is_login(self, url: str) -> bool:
        path = self.path_of(url)
        return path.startswith(LOGIN_PATH) or path.rstrip("/") == "/login"

    def is_account_access(self, url: str) -> bool:
        return self.path_of(url).startswith(ACCOUNT_ACCESS_PATH)

    def is_grok_settings(self, url: str) -> bool:
        return self.path_of(url).rstrip("/") == GROK_SETTINGS_PATH
