"""Where X's pages live: every URL the automation opens, built from one configurable origin."""

from __future__ import annotations

from urllib.parse import urlsplit

from consentinel.core.records import FrozenRecord

DEFAULT_ORIGIN = "https://x.com"
ORIGIN_ENV = "CONSENTINEL_X_ORIGIN"

LOGIN_PATH = "/i/flow/login"
HOME_PATH = "/home"
GROK_SETTINGS_PATH = "/settings/grok_settings"
ACCOUNT_ACCESS_PATH = "/account/access"


class XSite(FrozenRecord):
    """X's addresses on one origin (https://x.com, or a simulated X on 127.0.0.1 in tests)."""

    __slots__ = ("origin",)
    origin: str

    def __init__(self, origin: str = DEFAULT_ORIGIN) -> None:
        # A trailing slash would give "//home"; normalise once here.
        self._set("origin", origin.rstrip("/"))

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
