"""Chromium's sandbox: on wherever it can run, and said plainly where it cannot.

The sandbox keeps the processes that draw X's pages away from the person's files and programs:
a flaw in the browser that a page reaches stays inside it. Playwright switches it off unless
asked (its own tests run in containers); Consentinel asks. Chromium cannot sandbox a browser
that root runs, and some systems forbid what its Linux sandbox needs: Ubuntu 24.04 allows user
namespaces only to programs AppArmor knows (Google Chrome and the distribution's Chromium, not a
downloaded Chromium), and many containers forbid them. There, once Chromium has refused its
sandbox, the browser starts without it, and the log, the check and the doctor say why. Any
other failure to start (a slow start, a missing library) is not taken for a refused sandbox.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from consentinel.x.chromium_output import chromium_said

log = logging.getLogger(__name__)

#: How long the doctor's sandboxed start may take (a cold start on a slow disk takes seconds).
PROBE_TIMEOUT_S = 20.0

#: Browsers whose sandbox Chromium refused in this process, with what it said: not tried again,
#: since each try costs a browser start.
_failed: dict[str, str] = {}
#: Those whose refusal a check or a sign-in has already reported (said once a process).
_said: set[str] = set()

#: Words of Chromium's own refusals: "No usable sandbox!", "Running as root without
#: --no-sandbox…", "Failed to move to new namespace…", "The SUID sandbox helper binary…".
_REFUSAL_WORDS = ("sandbox", "namespace")


def runs_as_root(platform: str = sys.platform, euid: int | None = None) -> bool:
    """True for a Linux process of root, whose browser Chromium refuses to sandbox."""
    if not platform.startswith("linux"):
        return False
    return (os.geteuid() if euid is None else euid) == 0


def sandbox_wanted(executable: Path) -> bool:
    """Whether the next start of this browser asks for its sandbox."""
    return not runs_as_root() and str(executable) not in _failed


def refusal_in(output: str) -> str | None:
    """Chromium's refusal of its sandbox in what it printed (its own lines, or Playwright's
    launch error quoting them as "[pid=…][err] …"), without the log prefix; None: none."""
    for text in chromium_said(output):
        if any(word in text.lower() for word in _REFUSAL_WORDS):
            return text[:300].rstrip(". ")  # (quoted inside a sentence of ours)
    return None


def sandbox_failed(executable: Path, detail: str) -> None:
    """Chromium refused its sandbox and a start without it worked: kept for this process."""
    _failed[str(executable)] = detail
    log.warning(
        "the browser's sandbox could not start (%s): %s runs without it; `consentinel doctor` "
        "says more",
        detail,
        executable,
    )


def why_unsandboxed(executable: Path) -> str | None:
    """What kept this browser's sandbox off in this process (Chromium's own words, or "root"),
    or None when it runs with it."""
    if runs_as_root():
        return "root"
    return _failed.get(str(executable))


def news_of_refusal(executable: Path) -> str | None:
    """Chromium's refusal of this browser's sandbox the first time it is asked for in this
    process (a check or a sign-in says it once, whichever met it first); None after, or if
    none."""
    refused = _failed.get(str(executable))
    if refused is None or str(executable) in _said:
        return None
    _said.add(str(executable))
    return refused


def forget_failures() -> None:
    """The next start of every browser tries its sandbox again (tests, a changed system)."""
    _failed.clear()
    _said.clear()


@dataclass(frozen=True)
class SandboxProbe:
    """What a sandboxed start of the browser gave: `works` True, False (Chromium refused its
    sandbox: `detail` says how) or None (it did not start for another reason: `detail`)."""

    works: bool | None
    detail: str = ""


def probe_sandbox(executable: Path, timeout_s: float = PROBE_TIMEOUT_S) -> SandboxProbe:
    """Start the browser once with its sandbox, headless, on an empty page, in a private folder
    removed afterwards, as checks start it (its environment and switches); a start that takes
    too long is stopped with every process it made."""
    from consentinel.x.browser import BASE_ARGS, RUN_FOLDER_PREFIX, browser_env

    folder = Path(tempfile.mkdtemp(prefix=f"{RUN_FOLDER_PREFIX}{os.getpid()}-"))
    command = [
        str(executable),
        "--headless=new",
        f"--user-data-dir={folder / 'profile'}",
        *BASE_ARGS,
        "--dump-dom",
        "about:blank",
    ]
    try:
        try:
            proc = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                errors="replace",
                env=browser_env(folder),
                start_new_session=True,  # its helpers too can be stopped (a process group)
            )
        except OSError as error:
            return SandboxProbe(None, str(error)[:200])
        try:
            out, err = proc.communicate(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            _stop_group(proc)
            return SandboxProbe(None, f"no answer in {timeout_s:.0f} s")
        if proc.returncode == 0 and "<html" in out:
            return SandboxProbe(True)
        refused = refusal_in(err)
        if refused is not None:
            return SandboxProbe(False, refused)
        said = chromium_said(err)
        return SandboxProbe(None, said[0][:200] if said else f"exit status {proc.returncode}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _stop_group(proc: subprocess.Popen[str]) -> None:
    with contextlib.suppress(OSError):
        if hasattr(os, "killpg"):
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
    with contextlib.suppress(subprocess.TimeoutExpired, OSError):
        proc.communicate(timeout=5)
