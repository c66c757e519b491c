"""Finding a Chromium-family browser and launching it the quiet way (downloads: browser_install)."""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import stat
import sys
import tempfile
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from consentinel.core.processes import process_running
from consentinel.x.browser_sandbox import refusal_in, sandbox_failed, sandbox_wanted
from consentinel.x.chromium_output import chromium_said, quotes_chromium

if TYPE_CHECKING:  # Playwright is loaded when a check starts, not with the window
    from playwright.async_api import Browser, Playwright, ViewportSize

log = logging.getLogger(__name__)

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

#: The languages the browser reads X's pages in, by the app's language: Chromium's own
#: language list (--accept-lang), so that X shows a French person its signed-out pages (the
#: sign-in) in French. Chromium makes every request's Accept-Language from it ("fr-FR,fr;q=0.9,
#: en-US;q=0.8,en;q=0.7", as a French Chrome sends) and navigator.languages agrees. Playwright's
#: `locale` context option would send the bare "fr-FR" with the page itself and any extra
#: Accept-Language with what the page then fetches: two browsers in one, with no fallback.
#: English closes the list, as a person's Chrome does (Chromium adds its own interface
#: language, here en-US, to a list that lacks it). Once signed in, the account's own display
#: language decides (x-reference §2).
ACCEPT_LANGUAGES: dict[str, str] = {"en": "en-US,en", "fr": "fr-FR,fr,en-US,en"}

#: How long a browser has to start. Playwright's own default is 180 s, which a program that
#: is not Chromium (Firefox chosen by mistake) or a browser stuck on a dialog took in full, at
#: every check, before anything was said. Chromium starts in about a second here and in a few
#: seconds on a slow laptop's cold disk; 60 s is still ten times that, for a machine busy
#: with updates or an antivirus scanning the browser's files on its first start.
LAUNCH_TIMEOUT_S = 60.0

#: The size of every account's page, and of the browser's window when one is shown.
VIEWPORT: ViewportSize = {"width": 1100, "height": 900}

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
#: Chromium 156); this variable does, to the browser's own folder (browser_env).
CRASH_DUMPS_ENV = "BREAKPAD_DUMP_LOCATION"

#: Each browser gets a folder of its own in the temp folder, owner-only (mkdtemp), removed when
#: it closes: what it would otherwise write in the person's home goes there (browser_env). Its
#: name carries the id of the Consentinel process that made it: a process killed before it could
#: remove it (SIGKILL, a power cut) leaves it, and the next browser start removes it.
RUN_FOLDER_PREFIX = "consentinel-browser-"
_RUN_FOLDER_NAME = re.compile(re.escape(RUN_FOLDER_PREFIX) + r"(\d+)-[a-z0-9_]+")


#: Where Chromium puts its singleton socket in its temp folder, on Linux, and the longest path
#: a socket may have there (108 bytes with the final NUL). Chrome's and Edge's names are shorter.
_SINGLETON_SOCKET = "/org.chromium.Chromium.XXXXXX/SingletonSocket"
_SOCKET_PATH_MAX = 107


def _xdg_home(env: Mapping[str, str], name: str, default: str) -> Path:
    """An XDG base folder as the person's programs find it: the variable when it holds an
    absolute path, else its default under HOME."""
    value = env.get(name, "")
    if os.path.isabs(value):
        return Path(value)
    return Path(env.get("HOME") or Path.home()) / default


def _dconf_profile_text(env: Mapping[str, str]) -> str:
    """The dconf profile the person's programs read, found as dconf finds it (DCONF_PROFILE, a
    profile in the runtime folder, then "user" in /etc and XDG_DATA_DIRS), else dconf's own."""
    named = env.get("DCONF_PROFILE", "")
    if named.startswith("/"):
        places = [Path(named)]
    else:
        runtime = env.get("XDG_RUNTIME_DIR") or str(_xdg_home(env, "XDG_CACHE_HOME", ".cache"))
        places = [] if named else [Path(runtime, "dconf", "profile")]
        data_dirs = (env.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share").split(":")
        for root in ["/etc", *filter(None, data_dirs)]:
            places.append(Path(root, "dconf", "profile", named or "user"))
    for place in places:
        with contextlib.suppress(OSError, UnicodeDecodeError):
            return place.read_text(encoding="utf-8")
    return "" if named else "user-db:user"


def read_only_dconf_profile(env: Mapping[str, str]) -> str:
    """The person's dconf profile with their own settings read from the file, never opened for
    writing: a writable ("user-db") source makes dconf create a file in $XDG_RUNTIME_DIR/dconf,
    in ~/.cache/dconf when no runtime folder is set (a scheduled run)."""
    config = _xdg_home(env, "XDG_CONFIG_HOME", ".config")
    sources: list[str] = []
    for line in _dconf_profile_text(env).splitlines():
        kind, _, name = line.split("#", 1)[0].strip().partition(":")
        if not name:
            continue
        if kind == "user-db" and (config / "dconf" / name).is_file():
            sources.append(f"file-db:{config / 'dconf' / name}")
        elif kind in ("system-db", "file-db"):  # read-only already; "service-db" is written
            sources.append(f"{kind}:{name}")
    return "".join(f"{source}\n" for source in sources)


def browser_env(
    folder: Path, environ: Mapping[str, str] | None = None, platform: str = sys.platform
) -> dict[str, str]:
    """The browser's environment: this process's (its display, D-Bus, proxy and locale: what
    the browser needs), with what the browser would write outside the app's folders sent to
    `folder`, a private folder that goes with the browser. Never carries a secret."""
    person = dict(os.environ if environ is None else environ)
    env = dict(person)
    dumps = folder / "crash-dumps"
    dumps.mkdir(mode=0o700, exist_ok=True)
    env[CRASH_DUMPS_ENV] = str(dumps)
    if _platform_key(platform) != "linux":
        return env
    # GLib's settings (dconf) opened a file for writing at every start, ~/.cache/dconf/user when
    # no runtime folder is set. GSETTINGS_BACKEND=memory would stop that, but then Chromium no
    # longer sees GNOME's proxy settings and goes to X past the person's proxy: a read-only
    # profile keeps every setting.
    profile = folder / "dconf-profile"
    with open(os.open(profile, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as out:
        out.write(read_only_dconf_profile(person))
    env["DCONF_PROFILE"] = str(profile)
    # Chromium's own temp files (its singleton socket's folder, org.chromium.Chromium.…) go
    # there too, unless that socket's path would be too long for one (a long temp folder):
    # Chromium cannot start then.
    if len(os.fsencode(folder)) + len(_SINGLETON_SOCKET) <= _SOCKET_PATH_MAX:
        env["TMPDIR"] = str(folder)
    # Caches are for one run: Mesa's compiled shaders went to ~/.cache/mesa_shader_cache (found
    # through the password database when HOME is elsewhere), and GLib's stand-in runtime folder
    # is the cache folder.
    cache = folder / "cache"
    cache.mkdir(mode=0o700, exist_ok=True)
    env["XDG_CACHE_HOME"] = str(cache)
    # Nor are compiled shaders kept on disk at all: a GPU process that outlived the browser by
    # a moment wrote Mesa's cache index again once the folder had been removed (under Xvfb),
    # and the one GPU process of a run keeps its shaders in memory anyway.
    env["MESA_SHADER_CACHE_DISABLE"] = "true"
    # Debian's Chromium makes a certificate store in ~/.local/share/pki/nssdb at its first https
    # page. A person who has one keeps it (their certificates, an employer's authority).
    person_data = _xdg_home(person, "XDG_DATA_HOME", ".local/share")
    if not (person_data / "pki" / "nssdb").is_dir():
        data = folder / "data"
        data.mkdir(mode=0o700, exist_ok=True)
        env["XDG_DATA_HOME"] = str(data)
        # Fonts the person installed for themselves (a script their system lacks) are looked
        # for there too: a link keeps them in the pages the browser draws and in screenshots.
        # Removing the folder removes the link, never what it points to.
        if (person_data / "fonts").is_dir():
            (data / "fonts").symlink_to(person_data / "fonts", target_is_directory=True)
    return env


def remove_leftover_run_folders(temp_dir: Path | None = None) -> list[Path]:
    """Remove the browser folders that Consentinel processes no longer running left behind:
    only folders named as ours, this user's, not links, whose process is gone; another
    Consentinel's (the scheduled check, a second window) is left alone. Returns those removed."""
    root = Path(tempfile.gettempdir() if temp_dir is None else temp_dir)
    removed: list[Path] = []
    try:
        entries = list(os.scandir(root))
    except OSError:
        return removed
    for entry in entries:
        match = _RUN_FOLDER_NAME.fullmatch(entry.name)
        if match is None or process_running(int(match[1])):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISDIR(info.st_mode) or (hasattr(os, "getuid") and info.st_uid != os.getuid()):
            continue
        shutil.rmtree(entry.path, ignore_errors=True)
        removed.append(Path(entry.path))
        log.info("removed %s, left by process %s, which no longer runs", entry.path, match[1])
    return removed


#: Where programs look for the temp folder (TMPDIR on Linux and macOS, TEMP or TMP on Windows).
_TEMP_VARIABLES = ("TMPDIR", "TEMP", "TMP")

#: The private folder that the Playwright driver started from this task (own_playwright) is
#: given as its temp folder; a variable of the task, so that a check in another thread (the
#: window's, the scheduled one beside it) is given its own.
_DRIVER_TEMP: ContextVar[str | None] = ContextVar("consentinel_driver_temp", default=None)

#: Playwright's own environment for its driver, which _driver_env adds the temp folder to.
_playwright_driver_env: Callable[[], dict[str, str]] | None = None


def _driver_env() -> dict[str, str]:
    assert _playwright_driver_env is not None
    env = dict(_playwright_driver_env())
    folder = _DRIVER_TEMP.get()
    if folder is not None:
        env.update(dict.fromkeys(_TEMP_VARIABLES, folder))
    return env


def _give_the_driver_a_temp_folder() -> bool:
    """Have Playwright start its driver (a Node.js process, which makes each browser's profile
    and artifacts folders in its temp folder) with _driver_env. Playwright takes a copy of this
    process's environment for it and has no option to change it; changing the environment
    itself (setenv) is not thread-safe, and the window checks from a thread of its own while
    Qt reads the environment. So the function Playwright's transport calls for that copy is
    wrapped: its name is looked up at each start, in the module of either layout Playwright's
    releases have had. False (logged) when neither has it: the driver keeps the shared folder.
    Two threads doing this at once both wrap the same original: harmless."""
    global _playwright_driver_env
    import importlib

    for name in ("playwright._impl.transport", "playwright._impl._transport"):
        try:
            transport: Any = importlib.import_module(name)  # Playwright's, untyped here
        except ImportError:
            continue
        found = getattr(transport, "get_driver_env", None)
        if found is _driver_env:
            return True
        if callable(found):
            _playwright_driver_env = found
            transport.get_driver_env = _driver_env
            return True
    log.warning("this Playwright's driver keeps the shared temp folder for browser profiles")
    return False


@contextlib.asynccontextmanager
async def own_playwright() -> AsyncIterator[Playwright]:
    """Playwright, whose driver makes each browser's profile (playwright_chromiumdev_profile-…,
    Chromium's own files: off-the-record contexts keep X's cookies and pages in memory) and its
    artifacts folder (playwright-artifacts-…) in a private folder of this run, not in the shared
    temp folder: a browser or a process killed leaves nothing there, since that folder goes at
    the end of the run, or at a later start when this process was killed first
    (remove_leftover_run_folders). From any thread: the driver gets its temp folder through its
    own environment (_give_the_driver_a_temp_folder), never through this process's."""
    from playwright.async_api import async_playwright

    remove_leftover_run_folders()
    folder = Path(tempfile.mkdtemp(prefix=f"{RUN_FOLDER_PREFIX}{os.getpid()}-"))
    try:
        manager = async_playwright()
        _give_the_driver_a_temp_folder()
        # (The driver is started in a task that copies this task's variables as it is made.)
        token = _DRIVER_TEMP.set(str(folder))
        try:
            pw = await manager.__aenter__()
        finally:
            _DRIVER_TEMP.reset(token)
        try:
            yield pw
        finally:
            await manager.__aexit__(None, None, None)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


async def launch_browser(
    pw: Playwright,
    choice: BrowserChoice,
    headless: bool,
    timeout_s: float = LAUNCH_TIMEOUT_S,
    *,
    language: str,
) -> Browser:
    """Start the browser the quiet way (launch_args), asking for pages in `language` (the
    app's: "en", "fr"), in its own environment (browser_env), with Chromium's sandbox wherever
    it can run (browser_sandbox): where Chromium refuses it, once more without it, and what it
    said is kept for this process (the log, the check, the doctor). Any other failure (too
    slow a start, a missing library) is raised as it is."""
    from playwright.async_api import Error as PlaywrightError

    if not sandbox_wanted(choice.path):
        return await _launch_once(pw, choice, headless, timeout_s, language, sandbox=False)
    try:
        return await _launch_once(pw, choice, headless, timeout_s, language, sandbox=True)
    except PlaywrightError as error:
        refused = refusal_in(str(error))
        if refused is None:
            raise
    browser = await _launch_once(pw, choice, headless, timeout_s, language, sandbox=False)
    sandbox_failed(choice.path, refused)
    return browser


async def _launch_once(
    pw: Playwright,
    choice: BrowserChoice,
    headless: bool,
    timeout_s: float,
    language: str,
    *,
    sandbox: bool,
) -> Browser:
    """One start; its private folder is removed when it closes or dies, or at a later start
    when this process is killed first (remove_leftover_run_folders)."""
    remove_leftover_run_folders()
    folder = Path(tempfile.mkdtemp(prefix=f"{RUN_FOLDER_PREFIX}{os.getpid()}-"))
    try:
        env: dict[str, str | float | bool] = {**browser_env(folder)}
        browser = await pw.chromium.launch(
            executable_path=str(choice.path),
            headless=headless,
            args=launch_args(headless, language),
            env=env,
            chromium_sandbox=sandbox,
            timeout=timeout_s * 1000,
        )
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    browser.on("disconnected", lambda _: shutil.rmtree(folder, ignore_errors=True))
    return browser


def launch_args(headless: bool, language: str = "en") -> list[str]:
    """Command-line switches for Chromium, its pages read in `language` (ACCEPT_LANGUAGES; a
    language it does not know reads them in English); never carries a secret (anyone can
    read them)."""
    accepted = ACCEPT_LANGUAGES.get(language, ACCEPT_LANGUAGES["en"])
    args = [*BASE_ARGS, f"--accept-lang={accepted}"]
    if not headless:
        args.append(f"--window-size={VIEWPORT['width']},{VIEWPORT['height']}")
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


def launch_detail(error: BaseException, timeout_s: float = LAUNCH_TIMEOUT_S) -> str:
    """Why a browser did not start, in the reader's words, from Playwright's launch error
    (English, and whose first line is only "Target page, context or browser has been
    closed", or "Timeout 60000ms exceeded."): too slow a start said as such, a program that
    never ran (missing, or not allowed to run) too, else the first thing the browser itself
    printed that is not noise, quoted. Playwright's own text is never shown: the caller
    logs it."""
    from consentinel.core.i18n import tr

    text = str(error)
    if type(error).__name__ == "TimeoutError" or _LAUNCH_TIMEOUT.search(text.split("\n", 1)[0]):
        return tr(
            "it did not open within {seconds} seconds; Consentinel needs Chromium, Google "
            "Chrome or Microsoft Edge",
            seconds=round(timeout_s),
        )
    if _NOT_STARTED.search(text.split("\n", 1)[0]):
        return tr("it could not be started (missing, or not allowed to run)")
    said = chromium_said(text) if quotes_chromium(text) else []
    if said:
        return tr("it said: “{said}”", said=said[0][:200])
    return tr("it closed as it started")


_LAUNCH_TIMEOUT = re.compile(r"Timeout [\d.]+ms exceeded")
#: A program that never ran: gone since it was found ("…executable doesn't exist at /opt/x/
#: chrome"), or the system would not start it (a file without its execute right or on a
#: noexec disk: "spawn /opt/x/chrome EACCES"; a script whose interpreter is gone: ENOENT).
_NOT_STARTED = re.compile(
    r"executable doesn't exist at|\bspawn\b.*\b(EACCES|ENOENT|EPERM|ENOEXEC)\b", re.IGNORECASE
)
