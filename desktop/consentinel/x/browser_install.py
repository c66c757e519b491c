"""Downloading Playwright's own Chromium into Consentinel's data folder, with progress.

It runs Playwright's driver (its bundled Node.js and cli.js) directly rather than
`python -m playwright`, so it works the same from a virtualenv, a pipx install and a
PyInstaller bundle (where `sys.executable` is the app itself). Only Chromium is fetched
(`--no-shell`: checks drive the full browser, headless or not; the separate headless shell
would be 100 MB for nothing, and X could tell it is headless, see x/browser.find_browser).
The download can be cancelled; a failure is a sentence.
"""

from __future__ import annotations

import os
import re
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from consentinel.core.fileio import make_private_dirs
from consentinel.core.i18n import tr

#: `|■■■■      |  40% of 170.2 MiB`, Playwright's progress line when its output is not a tty.
_PERCENT = re.compile(r"\|\s*(\d{1,3})% of ([\d.]+ [KMG]i?B)")
#: `Downloading Chrome for Testing 159.0 (playwright chromium v1255) from https://…`
_DOWNLOADING = re.compile(r"^Downloading (.+?) \(playwright ([\w-]+) v\d+\)")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
#: Playwright's Chromium is Google's "Chrome for Testing" build; the app offers it as Chromium.
_CHROME_FOR_TESTING = re.compile(r"\bChrome for Testing\b")


@dataclass(frozen=True)
class InstallProgress:
    """What is being downloaded and how far along it is (percent None: not started yet)."""

    what: str
    percent: int | None
    size: str = ""


@dataclass(frozen=True)
class InstallOutcome:
    ok: bool
    message: str


def downloaded_browsers_dir() -> Path:
    """Where `browser install` and the app put Chromium: the data folder's `browsers/`."""
    from consentinel.core.paths import AppPaths

    return AppPaths.from_env().data_dir / "browsers"


def driver_command() -> list[str]:
    """Playwright's Node.js and its cli.js (raises playwright's Error when they are missing)."""
    from playwright._impl._driver import compute_driver_executable

    node, cli = compute_driver_executable()
    return [node, cli]


def install_command() -> list[str]:
    return [*driver_command(), "install", "--no-shell", "chromium"]


def parse_progress(line: str, current: InstallProgress | None) -> InstallProgress | None:
    """The progress a line of Playwright's output announces, or None if it says nothing new."""
    text = _ANSI.sub("", line).strip()
    started = _DOWNLOADING.match(text)
    if started:
        return InstallProgress(shown_output(started.group(1)), None)
    done = _PERCENT.search(text)
    if done:
        what = current.what if current else "Chromium"
        return InstallProgress(what, min(int(done.group(1)), 100), done.group(2))
    return None


def shown_output(text: str) -> str:
    """Playwright's words as the person reads them (the window's progress, the lines
    `consentinel browser install` prints): "Chromium 159.0.8154.6", as the offer to download
    it said, where Playwright says "Chrome for Testing 159.0.8154.6"."""
    return _CHROME_FOR_TESTING.sub("Chromium", text)


def install_browser(
    on_output: Callable[[str], None] = lambda _line: None,
    *,
    into: Path | None = None,
    on_progress: Callable[[InstallProgress], None] = lambda _p: None,
    cancel: threading.Event | None = None,
    command_line: bool = False,
) -> InstallOutcome:
    """Download Chromium into `into` (default: the data folder); never raises. `command_line`:
    a failure's advice names what the command line can do (no settings window there)."""
    from consentinel.x.browser import find_browser

    target = into or downloaded_browsers_dir()
    env = _driver_env()
    env["PLAYWRIGHT_BROWSERS_PATH"] = str(target)
    try:
        make_private_dirs(target)
        proc = subprocess.Popen(
            install_command(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
            errors="replace",
            env=env,
        )
    except Exception as exc:  # OSError, or playwright's Error when its driver is missing
        return InstallOutcome(
            False, tr("Could not start the browser download: {error}", error=_first_line(exc))
        )
    stopper = _watch_cancel(proc, cancel)
    assert proc.stdout is not None
    tail: list[str] = []
    progress: InstallProgress | None = None
    for raw in proc.stdout:
        line = _ANSI.sub("", raw).rstrip()
        if not line:
            continue
        on_output(line)
        update = parse_progress(line, progress)
        if update is not None and update != progress:
            progress = update
            on_progress(update)
        elif not line.lstrip().startswith("at "):  # Node's stack frames stay out of the summary
            tail = [*tail[-4:], line.strip()]
    code = proc.wait()
    if stopper is not None:
        stopper.set()
    if cancel is not None and cancel.is_set():
        return InstallOutcome(False, tr("The browser download was cancelled."))
    found = find_browser()
    if code == 0 and found is not None:
        return InstallOutcome(True, tr("Chromium is installed."))
    # Node's network error, when one came, says more than the downloader's last words
    # ("Error: Download failure, code=1").
    detail = next((line for line in reversed(tail) if _node_words(line)), tail[-1] if tail else "")
    return InstallOutcome(False, download_failed_message(detail, command_line=command_line))


def _node_words(line: str) -> str | None:
    """One of Node's network errors in the downloader's last line, in words (None: none)."""
    if "ENOTFOUND" in line or "EAI_AGAIN" in line:
        return tr("its server could not be found (no internet, or a DNS problem)")
    if "ECONNREFUSED" in line:
        return tr("the connection was refused")
    if "ECONNRESET" in line:
        return tr("the connection was cut")
    if "ETIMEDOUT" in line:
        return tr("no answer in time")
    return None


def download_failed_message(detail: str, *, command_line: bool = False) -> str:
    """What a failed download says: the downloader's last line (in words when it is one of
    Node's network errors, such as "Error: getaddrinfo ENOTFOUND cdn.playwright.dev"), then
    what to do instead."""
    detail = _node_words(detail) or detail.strip().removeprefix("Error: ").rstrip(".")
    failed = (
        tr("The browser download failed: {detail}.", detail=detail)
        if detail
        else tr("The browser download failed.")
    )
    instead = (
        tr(
            "Is this computer online? You can also install Google Chrome, Microsoft Edge or "
            "Chromium, or name a browser with CONSENTINEL_BROWSER=/path/to/the/browser."
        )
        if command_line
        else tr(
            "Is this computer online? You can also install Google Chrome, Microsoft Edge or "
            "Chromium, or choose a browser in the settings."
        )
    )
    return f"{failed} {instead}"


def _driver_env() -> dict[str, str]:
    try:
        from playwright._impl._driver import get_driver_env

        return dict(get_driver_env())
    except ImportError:
        return dict(os.environ)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _watch_cancel(
    proc: subprocess.Popen[str], cancel: threading.Event | None
) -> threading.Event | None:
    """Stop the download when `cancel` is set; returns the event that ends the watcher."""
    if cancel is None:
        return None
    finished = threading.Event()

    def watch() -> None:
        while not finished.is_set():
            if cancel.wait(0.2):
                proc.terminate()
                return

    threading.Thread(target=watch, name="browser-download-cancel", daemon=True).start()
    return finished
