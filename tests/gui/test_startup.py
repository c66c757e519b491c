"""The window opens before the heavy parts load: Playwright, the engine, the keyring library and
cryptography, the app's keyring and session stores, and what only they or a full log file need
(hashing, sockets, the standard library's log handlers) wait for the first check or the first
secret (issue 7's start-up target; the time itself is measured by benchmarks/, never by a
test)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _probe(module: str, home: Path) -> dict[str, object]:
    """Run a probe (tests/gui/_*_probe.py) in a fresh process; its JSON report."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "CONSENTINEL_HOME": str(home),
        "PYTHONPATH": os.pathsep.join((str(ROOT / "desktop"), str(ROOT))),
    }
    done = subprocess.run(
        [sys.executable, "-m", f"tests.gui.{module}"],
        env=env, capture_output=True, text=True, timeout=120, cwd=ROOT,
    )  # fmt: skip
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert done.returncode == 0 and lines, done.stderr[-2000:]
    report: dict[str, object] = json.loads(lines[-1])
    return report


def test_nothing_heavy_is_loaded_when_the_window_first_shows(consentinel_home: Path) -> None:
    assert _probe("_first_show_probe", consentinel_home)["loaded"] == []


def test_a_palette_turning_dark_after_start_makes_the_icons_readable(
    consentinel_home: Path,
) -> None:
    """The launcher wraps the style at start on a dark palette, and later when the palette
    turns dark (tests/gui/test_readable_icons.py checks what the wrapped style draws)."""
    assert _probe("_dark_palette_probe", consentinel_home) == {"wrapped": True}


def test_the_app_starts_when_its_log_file_cannot_be_written(consentinel_home: Path) -> None:
    """A folder where the log file should be: opening it fails even for root (a read-only
    disk fails the same way). The window opens, logs go to stderr, and the status bar says so."""
    (consentinel_home / "logs" / "consentinel.log").mkdir(parents=True)
    report = _probe("_first_show_probe", consentinel_home)
    assert report["to_stderr"] == [True]
    assert str(report["status"]).startswith("Consentinel cannot write its log file in ")
    assert str(consentinel_home / "logs") in str(report["status"])
