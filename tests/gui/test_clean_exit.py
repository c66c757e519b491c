"""Quitting the app at once, while threads it started after the first frame are still handing
their answers to the window, ends the process with the app's exit code, its clean-up done: it
used to abort now and then (a segfault, SIGABRT) as Python's own ending tore PySide down under
those threads (gui/launch.py, end_after)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from consentinel import __version__
from consentinel.core.accounts import Account, AccountStore
from consentinel.core.journal import EntryKind, Journal
from consentinel.core.paths import AppPaths
from tests.gui._quit_at_first_frame_probe import PYTHON_ENDS_UNDER

ROOT = Path(__file__).resolve().parents[2]


def _quit_at_first_frame(command: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "CONSENTINEL_HOME": str(home),
        "PYTHONPATH": os.pathsep.join((str(ROOT / "desktop"), str(ROOT))),
    }
    return subprocess.run(
        [sys.executable, "-m", "tests.gui._quit_at_first_frame_probe", command],
        env=env, capture_output=True, text=True, timeout=120, cwd=ROOT,
    )  # fmt: skip


@pytest.mark.parametrize("command", ["gui", "cli"])  # consentinel-gui, consentinel alone
def test_quitting_at_the_first_frame_with_a_thread_in_a_qt_call_ends_cleanly(
    consentinel_home: Path, command: str
) -> None:
    paths = AppPaths(consentinel_home).ensure()
    AccountStore(paths).add(Account("alice"))
    with Journal.open(paths.journal_path) as journal:
        journal.append(EntryKind.ACCOUNT_ADDED, "alice", {})
    done = _quit_at_first_frame(command, consentinel_home)
    # Before: Python's ending began under those threads, every time (the probe says so), and
    # lost the race to them one time in a few: killed by SIGSEGV or SIGABRT.
    assert PYTHON_ENDS_UNDER not in done.stderr, done.stderr[-3000:]
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Fatal Python error" not in done.stderr, done.stderr[-3000:]
    # Nothing of the clean-up lost: the log's last record written, ...
    log_lines = (paths.logs_dir / "consentinel.log").read_text().splitlines()
    assert log_lines[-1].endswith(f"Consentinel {__version__} ended"), log_lines[-3:]
    # ... the journal closed (SQLite folded its write-ahead log into the file and removed it),
    assert not paths.journal_path.with_name(paths.journal_path.name + "-wal").exists()
    with Journal.open(paths.journal_path) as journal:
        assert [e.handle for e in journal.entries()] == ["alice"]
    # ... the window's place kept for the next start, and the app's lock given back.
    assert "main_window" in json.loads((paths.config_dir / "window.json").read_text())
    lock = paths.instance_lock_path
    assert not lock.exists() or lock.read_text() == ""
