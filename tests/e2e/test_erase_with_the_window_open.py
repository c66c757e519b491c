"""Erasing an account's history from the command line while the window is open, another
process reading the journal just then (SQLite cannot empty its write-ahead log while a read goes
on): once that read ends, the window, still open and idle, empties it, so no byte of the
account is left in the journal's files. It stayed there until the window next wrote to the
journal or closed.

A real window process (offscreen), the real command line, real SQLite files."""

from __future__ import annotations

import contextlib
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from consentinel.core.journal_writes import ERASURE_PENDING
from consentinel.core.paths import AppPaths
from consentinel.core.settings import Settings, save_settings
from tests.e2e.test_cli import CLI
from tests.unit.test_erase_history import GONE, STAYS, _journal

GUI = str(Path(sys.executable).parent / "consentinel-gui")


@contextlib.contextmanager
def _window(env: dict[str, str]) -> Iterator[subprocess.Popen[str]]:
    proc = subprocess.Popen(
        [GUI], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.communicate(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.communicate()


def _journal_files_naming(paths: AppPaths, word: str) -> list[str]:
    found = []
    for file in paths.journal_path.parent.glob(paths.journal_path.name + "*"):
        with contextlib.suppress(FileNotFoundError):  # (SQLite's side files come and go)
            if word.lower().encode() in file.read_bytes().lower():
                found.append(file.name)
    return sorted(found)


def _until(
    what: str, done: Callable[[], bool], window: subprocess.Popen[str], seconds: float = 60
) -> None:
    deadline = time.monotonic() + seconds
    while not done():
        if window.poll() is not None:
            raise AssertionError(f"the window ended: {window.communicate()}")
        assert time.monotonic() < deadline, what
        time.sleep(0.1)


def test_the_idle_window_empties_the_write_ahead_log_once_the_read_ends(
    cli_env: dict[str, str], consentinel_home: Path
) -> None:
    paths, _kept = _journal(consentinel_home)
    # (no check of its own: the window only reads the journal)
    save_settings(paths, Settings(schedule_paused=True, check_on_start=False))
    env = dict(cli_env, QT_QPA_PLATFORM="offscreen")
    log = paths.logs_dir / "consentinel.log"
    with _window(env) as window:
        _until(
            "the window never came up",
            lambda: "quit the app from now on" in (log.read_text() if log.exists() else ""),
            window,
        )
        # Another process reads the journal (a command, a check, a verification) as it erases.
        reader = sqlite3.connect(paths.journal_path, isolation_level=None)
        try:
            reader.execute("BEGIN")
            reader.execute("SELECT count(*) FROM entries").fetchone()
            done = subprocess.run(
                [CLI, "account", "erase-history", GONE, "--yes"],
                env=env, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
            )  # fmt: skip
            assert done.returncode == 0, done
            assert "until that read ends; Consentinel empties it then" in done.stderr, done
            # (the case: the read's old pages kept in the file, the log not folded into it)
            assert _journal_files_naming(paths, GONE)
            reader.execute("COMMIT")
        finally:
            reader.close()
        # The window, still open, writes nothing: it empties the log all the same.
        _until(
            "the erased account is still in the journal's files",
            lambda: _journal_files_naming(paths, GONE) == [],
            window,
            seconds=30,
        )
        assert window.poll() is None
        pending = paths.journal_path.with_name(paths.journal_path.name + ERASURE_PENDING)
        assert not pending.exists()
        assert "journal log emptied of what an erasure left in it" in log.read_text()
    assert _journal_files_naming(paths, STAYS)  # the other account's history kept
