"""Whether a program the person chose is a browser Consentinel can drive (Chromium, Google
Chrome or Microsoft Edge), asked with `--version` before it is saved: Firefox, Ubuntu's
default browser, was taken, and every check then waited for it to start."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import threading
from enum import Enum
from pathlib import Path
from typing import NamedTuple

#: A browser answers --version in well under a second (Debian's Chromium: its wrapper script
#: and all, ~0.1 s); ten seconds leave room for a cold disk, and a program that opens a window
#: instead of answering is not waited on for long.
VERSION_TIMEOUT_S = 10.0

#: The names the browsers Consentinel drives give themselves in their --version line (find_browser
#: looks for these three only): "Chromium 131.0.6778.85 built on Debian…", "Google Chrome
#: 131.0…" (and "Google Chrome for Testing"), "Microsoft Edge 131.0…".
_USABLE = re.compile(r"^(Chromium|Google Chrome|Microsoft Edge)\b")

#: Windows: chrome.exe --version opens a window rather than answering (core/doctor.py), so the
#: program's file name says which browser it is.
_WINDOWS_USABLE = frozenset({"chrome.exe", "msedge.exe"})


class ProgramKind(str, Enum):
    USABLE = "usable"  # Chromium, Google Chrome or Microsoft Edge
    FIREFOX = "firefox"  # refused by name: a browser, but not one Playwright's Chromium drives
    OTHER = "other"  # answered, as something else
    SILENT = "silent"  # no answer in time, an error, or nothing printed


class ProgramCheck(NamedTuple):
    kind: ProgramKind
    #: Its --version line ("" when it said nothing); for a SILENT one, the first line of the
    #: error it gave instead, if any (a broken install: "error while loading shared libraries").
    said: str


def check_browser_program(
    path: Path, platform: str = sys.platform, timeout_s: float = VERSION_TIMEOUT_S
) -> ProgramCheck:
    """What `path` is, by its own --version line (run directly, no shell, no input)."""
    if platform.startswith("win"):
        return classify_program(path, "", platform)
    said, complained = _version_lines(path, timeout_s)
    verdict = classify_program(path, said, platform)
    if verdict.kind is ProgramKind.SILENT and complained:
        return ProgramCheck(ProgramKind.SILENT, complained[:120])
    return verdict


#: Verdicts already asked for, by path and by the file's version (its modification time and
#: size): a program is asked once per version, whoever asks (the settings, a check's start).
_verdicts: dict[tuple[str, int, int], ProgramCheck] = {}
_verdicts_lock = threading.Lock()


def _key(path: Path) -> tuple[str, int, int]:
    try:
        info = path.stat()
    except OSError:
        return (str(path), 0, 0)
    return (str(path), info.st_mtime_ns, info.st_size)


def known_program_check(path: Path) -> ProgramCheck | None:
    """The verdict on this version of `path` if it was asked already; None otherwise (nothing
    is run: the settings call this at each keystroke)."""
    with _verdicts_lock:
        return _verdicts.get(_key(path))


def remembered_program_check(
    path: Path,
    said: str | None = None,
    platform: str = sys.platform,
    timeout_s: float = VERSION_TIMEOUT_S,
) -> ProgramCheck:
    """check_browser_program, once per version of the file in this process; `said`: the
    --version line the caller read itself (the doctor), judged and kept, nothing run again.
    A program that said nothing (SILENT) is not kept: it may have been slow only this once (a
    first start from a cold disk, a snap's wrapper), and is asked again next time."""
    key = _key(path)
    if said is not None:
        verdict = classify_program(path, said, platform)
    else:
        with _verdicts_lock:
            known = _verdicts.get(key)
        if known is not None:
            return known
        verdict = check_browser_program(path, platform, timeout_s)
    if verdict.kind is not ProgramKind.SILENT:
        with _verdicts_lock:
            _verdicts[key] = verdict
    return verdict


def classify_program(path: Path, said: str, platform: str = sys.platform) -> ProgramCheck:
    """What `path` is, from the --version line it gave (`said`, "" for none): the one place
    that tells a usable browser from Firefox or another program (the doctor, which reads that
    line itself, asks here too)."""
    if platform.startswith("win"):
        name = path.name.lower()
        if name in _WINDOWS_USABLE:
            return ProgramCheck(ProgramKind.USABLE, path.stem)
        kind = ProgramKind.FIREFOX if "firefox" in name else ProgramKind.OTHER
        return ProgramCheck(kind, "")
    said = said.split(" built on ")[0][:120]
    if _USABLE.match(said):
        return ProgramCheck(ProgramKind.USABLE, said)
    if "firefox" in said.lower() or "firefox" in path.name.lower():
        return ProgramCheck(ProgramKind.FIREFOX, said)
    return ProgramCheck(ProgramKind.OTHER if said else ProgramKind.SILENT, said)


def _version_lines(path: Path, timeout_s: float) -> tuple[str, str]:
    """The program's first line on standard output, if it ended well, and on standard error;
    ("", "") when it did not end in time (it and whatever it started are stopped) or could not
    run."""
    try:
        proc = subprocess.Popen(
            [str(path), "--version"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            errors="replace",
            # Its own process group: a wrapper script's browser goes with it on a timeout.
            start_new_session=True,
        )
    except OSError:
        return "", ""
    try:
        out, err = proc.communicate(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(OSError):
            os.killpg(proc.pid, signal.SIGKILL)
        # (A grandchild that left the group may keep the pipe open: not waited on for long.)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.communicate(timeout=2)
        return "", ""
    lines = [line.strip() for line in out.splitlines() if line.strip()]
    errors = [line.strip() for line in (err or "").splitlines() if line.strip()]
    complained = errors[0] if errors else ""
    if proc.returncode != 0 or not lines:
        return "", complained
    return lines[0], complained
