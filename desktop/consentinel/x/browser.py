"""Finding a Chromium-family browser and launching it the quiet way (downloads: browser_install)."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

BROWSER_ENV = "CONSENTINEL_BROWSER"

#: An address where nothing listens: Chromium's background services pointed here fail at once,
#: on the user's own machine, instead of reaching Google.
NOWHERE = "http://127.0.0.1:9"

#: Chrome's address-bar pop-ups are web pages of its own ("chrome://omnibox-popup…"), loaded
#: ahead into a renderer for every window, so for every account's context. Headless, nobody ever
#: sees them; each one cost more CPU than the account's X page (benchmarks/context_cost.py).
OMNIBOX_PAGES: tuple[str, ...] = ("WebUIOmniboxPopup", "WebUIOmniboxAimPopup")

#: Features to switch off. Chromium takes only the last --disable-features it is given, so this
#: list repeats what Playwright itself turns off (its own list would otherwise be lost) and adds
#: the services that call Google in the background (autofill hints, network time, optimization
#: hints, translation, search preconnects, media router, certificate-transparency updates).
DISABLED_FEATURES: tuple[str, ...] = (
    # Kept from Playwright's defaults (test stability, privacy):
    "AvoidUnnecessaryBeforeUnloadCheckSync",
    "DestroyProfileOnBrowserClose",
    "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable",
    "LensOverlay",
    "MediaRouter",
    "PaintHolding",
    "ThirdPartyStoragePartitioning",
    "AvoidCorsURLLoaderRestartOnRedirect",
    "OptimizationHints",
    "NetworkTimeServiceQuerying",
    "AimEnabled",
    "PreconnectToSearch",
    # Ours: nothing but the X origin may be contacted.
    "AutofillServerCommunication",
    "Translate",
    "CertificateTransparencyComponentUpdater",
    "InterestFeedContentSuggestions",
    "SafeBrowsingSendRtUrlLookups",
    *OMNIBOX_PAGES,
)

#: Switches that keep Chromium from phoning home or showing first-run screens. The issue's
#: promise is that the app talks to X and nothing else; tests/reliability/test_only_x_origin.py
#: reads Chromium's own network log to hold it to that.
BASE_ARGS: tuple[str, ...] = (
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--disable-default-apps",
    "--disable-extensions",
    "--no-pings",
    "--no-first-run",
    "--no-default-browser-check",
    "--metrics-recording-only",
    "--disable-features=" + ",".join(DISABLED_FEATURES),
    f"--gaia-url={NOWHERE}",
    f"--google-apis-url={NOWHERE}",
    f"--lso-url={NOWHERE}",
    f"--variations-server-url={NOWHERE}",
    f"--component-updater=url-source={NOWHERE}",
    f"--apps-gallery-update-url={NOWHERE}",
)


class BrowserSource(str, Enum):
    """Where the browser we use was found, in the order we look."""

    ENVIRONMENT = "environment"  # CONSENTINEL_BROWSER
    PREFERENCE = "preference"  # settings.browser_path
    PLAYWRIGHT = "playwright"  # `consentinel browser install` downloaded it
    SYSTEM = "system"  # Chrome, Edge or Chromium installed on the machine


@dataclass(frozen=True)
class BrowserChoice:
    path: Path
    source: BrowserSource
    name: str


def _is_executable(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


def _platform_key(platform: str) -> str:
    if platform.startswith("win"):
        return "windows"
    if platform == "darwin":
        return "macos"
    return "linux"


def system_candidates(platform: str = sys.platform) -> list[tuple[str, Path]]:
    """Installed Chrome, Edge and Chromium where each OS puts them, most common first."""
    key = _platform_key(platform)
    if key == "linux":
        return [
            ("Chromium", Path("/usr/bin/chromium")),
            ("Chromium", Path("/usr/bin/chromium-browser")),
            ("Google Chrome", Path("/usr/bin/google-chrome")),
            ("Google Chrome", Path("/usr/bin/google-chrome-stable")),
            ("Microsoft Edge", Path("/usr/bin/microsoft-edge")),
            ("Microsoft Edge", Path("/usr/bin/microsoft-edge-stable")),
            ("Chromium", Path("/snap/bin/chromium")),
        ]
    if key == "macos":
        apps = Path("/Applications")
        return [
            ("Google Chrome", apps / "Google Chrome.app/Contents/MacOS/Google Chrome"),
            ("Microsoft Edge", apps / "Microsoft Edge.app/Contents/MacOS/Microsoft Edge"),
            ("Chromium", apps / "Chromium.app/Contents/MacOS/Chromium"),
        ]
    found: list[tuple[str, Path]] = []
    roots = [os.environ.get(v) for v in ("PROGRAMFILES", "PROGRAMFILES(X86)", "LOCALAPPDATA")]
    for root in filter(None, roots):
        base = Path(root)
        found += [
            ("Google Chrome", base / "Google/Chrome/Application/chrome.exe"),
            ("Microsoft Edge", base / "Microsoft/Edge/Application/msedge.exe"),
            ("Chromium", base / "Chromium/Application/chrome.exe"),
        ]
    return found


def playwright_browsers_dir(platform: str = sys.platform) -> Path:
    """Where `playwright install` puts browsers (PLAYWRIGHT_BROWSERS_PATH overrides)."""
    override = os.environ.get("PLAYWRIGHT_BROWSERS_PATH")
    if override and override != "0":
        return Path(override)
    key = _platform_key(platform)
    home = Path.home()
    if key == "macos":
        return home / "Library/Caches/ms-playwright"
    if key == "windows":
        return Path(os.environ.get("LOCALAPPDATA", home / "AppData/Local")) / "ms-playwright"
    return Path(os.environ.get("XDG_CACHE_HOME", home / ".cache")) / "ms-playwright"


def _playwright_chromium(platform: str) -> Iterator[Path]:
    from consentinel.x.browser_install import downloaded_browsers_dir

    # What Consentinel downloaded into its data folder first, then Playwright's own cache.
    for root in (downloaded_browsers_dir(), playwright_browsers_dir(platform)):
        yield from _chromium_in(root, platform)


def _chromium_in(root: Path, platform: str) -> Iterator[Path]:
    if not root.is_dir():
        return

    # Newest revision first: chromium-1187 beats chromium-1140.
    def revision(p: Path) -> int:
        tail = p.name.rsplit("-", 1)[-1]
        return int(tail) if tail.isdigit() else -1

    # Playwright writes INSTALLATION_COMPLETE once a download is unpacked: a download that was
    # cancelled or cut off half-way is never taken for a browser.
    dirs = sorted(
        (
            d
            for d in root.iterdir()
            if d.is_dir()
            and d.name.startswith("chromium-")
            and (d / "INSTALLATION_COMPLETE").is_file()
        ),
        key=revision,
        reverse=True,
    )
    inside = {
        "linux": ["chrome-linux/chrome", "chrome-linux64/chrome"],
        "macos": [
            "chrome-mac/Chromium.app/Contents/MacOS/Chromium",
            "chrome-mac-arm64/Chromium.app/Contents/MacOS/Chromium",
            "chrome-mac-x64/Chromium.app/Contents/MacOS/Chromium",
        ],
        "windows": ["chrome-win/chrome.exe", "chrome-win64/chrome.exe"],
    }[_platform_key(platform)]
    for d in dirs:
        for rel in inside:
            yield d / rel


def find_browser(
    preference: str | None = None, platform: str = sys.platform
) -> BrowserChoice | None:
    """The browser to drive, or None when this machine has none we can use.

    Always a full browser, never a headless shell (chromium-headless-shell, Playwright's default
    headless browser): a shell costs less CPU per account (no browser window to lay out and
    paint; benchmarks/context_cost.py) but names itself "HeadlessChrome" in its Sec-CH-UA
    header whatever user agent is set, and lacks window.chrome and plugins; X refuses headless
    browsers more (tests/e2e/test_engine_run.py holds what X is shown)."""
    env = os.environ.get(BROWSER_ENV)
    if env and _is_executable(Path(env)):
        return BrowserChoice(Path(env), BrowserSource.ENVIRONMENT, Path(env).stem)
    if preference and _is_executable(Path(preference)):
        return BrowserChoice(Path(preference), BrowserSource.PREFERENCE, Path(preference).stem)
    for path in _playwright_chromium(platform):
        if _is_executable(path):
            return BrowserChoice(path, BrowserSource.PLAYWRIGHT, "Chromium (Playwright)")
    for name, path in system_candidates(platform):
        if _is_executable(path):
            return BrowserChoice(path, BrowserSource.SYSTEM, name)
    return None


def skipped_browser_setting(preference: str | None = None) -> tuple[str, BrowserSource] | None:
    """The browser the person named (CONSENTINEL_BROWSER, else the settings) when it is not a
    program this computer can run: find_browser() then looks further, and the person must be
    told that their choice was not used."""
    env = os.environ.get(BROWSER_ENV)
    if env:
        return None if _is_executable(Path(env)) else (env, BrowserSource.ENVIRONMENT)
    if preference and not _is_executable(Path(preference)):
        return preference, BrowserSource.PREFERENCE
    return None


#: Debian's Chromium starts its crash handler whatever --disable-breakpad says, and a crashed
#: renderer's minidump (its memory: X's address, perhaps cookies) went to ~/.config/chromium/
#: Crash Reports. Neither --disable-crash-reporter nor --crash-dumps-dir moves it (tried on
#: Chromium 156); this variable does. Each browser gets a folder of its own (crash_dumps_env).
CRASH_DUMPS_ENV = "BREAKPAD_DUMP_LOCATION"


def crash_dumps_env(folder: Path) -> dict[str, str]:
    """The browser's environment: this one's, with crash dumps kept in `folder`."""
    return {**os.environ, CRASH_DUMPS_ENV: str(folder)}


def launch_args(headless: bool) -> list[str]:
    """Command-line switches for Chromium; never carries a secret (anyone can read them)."""
    args = list(BASE_ARGS)
    if not headless:
        args.append("--window-size=1100,900")
    return args


def headful_user_agent(browser_version: str, platform: str = sys.platform) -> str:
    """The user agent a normal Chrome of this version would send (no "HeadlessChrome")."""
    key = _platform_key(platform)
    system = {
        "linux": "X11; Linux x86_64",
        "macos": "Macintosh; Intel Mac OS X 10_15_7",
        "windows": "Windows NT 10.0; Win64; x64",
    }[key]
    major = browser_version.split(".", 1)[0] or "120"
    # Chrome freezes the minor numbers in its user agent ("reduced UA").
    return (
        f"Mozilla/5.0 ({system}) AppleWebKit/537.36 (KHTML, like Gecko) "
        f"Chrome/{major}.0.0.0 Safari/537.36"
    )


#: A Chromium log line: "[pid:tid:date/time:LEVEL:file.cc(line)] message".
_CHROMIUM_LOG = re.compile(r"^\[[^\]]*:(?:ERROR|FATAL):[^\]]*\]\s*")
#: What a browser prints that says nothing about why it did not start.
_NOISE = ("dbus", "unexpected operator")


def launch_detail(error: BaseException) -> str:
    """One short line saying why a browser did not start, from Playwright's launch error
    (whose first line is only "Target page, context or browser has been closed"): the first
    thing the browser itself printed that is not noise, else that first line."""
    text = str(error)
    for line in text.splitlines():
        _, marker, rest = line.partition("][err] ")
        if marker and rest.strip() and not any(n in rest.lower() for n in _NOISE):
            return _CHROMIUM_LOG.sub("", rest.strip())[:200]
    first = text.splitlines()[0] if text else type(error).__name__
    return first.removeprefix("BrowserType.launch: ")[:200]
