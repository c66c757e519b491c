"""`account list` says an account whose check was killed while unticking (SIGKILL, a power cut)
as stopped, as the window's row does, before anything has journaled it: it only looks, so it
finds the mark the untick left (core/pending_unticks.py) in a run whose process is gone, and
says it as Journal.interrupt_stale_runs will journal it, changing nothing. Real accounts file,
real SQLite journal, a real process that ended."""

from __future__ import annotations

import gc
import hashlib
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from consentinel.cli.main import main
from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.events import AccountResult, BoxChange
from consentinel.core.journal import Journal
from consentinel.core.paths import AppPaths
from consentinel.core.pending_unticks import FOLDER_NAME, mark
from consentinel.core.status import Box, Status

BOXES = {Box.TRAINING: BoxChange(True, True), Box.MEMORY: BoxChange(False, False)}


def _hashes(home: Path) -> dict[str, str]:
    gc.collect()  # (the connections the commands run in this process left open, closed)
    return {
        str(p.relative_to(home)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(home.rglob("*"))
        if p.is_file()
    }


def _a_gone_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def _checked_once(handle: str) -> AppPaths:
    """An account checked once, that check remembered in the accounts file and the journal."""
    ctx = AppContext.create()
    ctx.accounts.add(Account(handle))
    run = ctx.journal.start_run("manual")
    entry = ctx.journal.record_check(run, AccountResult(handle, Status.OPTED_OUT))
    ctx.journal.finish_run(run)
    ctx.accounts.record_check(handle, Status.OPTED_OUT, at=entry.at)
    ctx.journal.close()
    return ctx.paths


def _killed_while_unticking(paths: AppPaths, handle: str, *, pid: int | None = None) -> Path:
    """A run that began, marked an untick and was killed: still "running" in the journal, its
    process `pid` (one that ended, unless given)."""
    journal = Journal.open(paths.journal_path)
    run = journal.start_run("scheduled")
    journal.close()
    _process_gone(paths, run, pid)
    return mark(paths.data_dir / FOLDER_NAME, run, handle, Box.TRAINING, settings=BOXES)


def _process_gone(paths: AppPaths, run: int, pid: int | None = None) -> None:
    """Run `run` made the run of process `pid` (one that ended, unless given)."""
    db = sqlite3.connect(paths.journal_path)
    db.execute("UPDATE runs SET pid = ? WHERE id = ?", (pid or _a_gone_pid(), run))
    db.commit()
    db.close()


def _listed(capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, object]]:
    capsys.readouterr()
    assert main(["account", "list", "--json"]) == 0
    return {row["handle"]: row for row in json.loads(capsys.readouterr().out)}


def test_a_check_killed_while_unticking_is_said_stopped_without_writing(
    consentinel_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = _checked_once("ada")
    ctx = AppContext.create()  # (bob, never checked, stays so)
    ctx.accounts.add(Account("bob"))
    ctx.journal.close()
    marked = _killed_while_unticking(paths, "ada")
    before = _hashes(consentinel_home)

    listed = _listed(capsys)
    assert (listed["ada"]["last_status"], listed["ada"]["last_reason"]) == ("error", "cancelled")
    assert listed["bob"]["last_status"] is None
    assert main(["account", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("@ada") and "cancelled" in lines[0], lines
    assert _hashes(consentinel_home) == before  # the run not marked, the mark still there
    assert marked.exists()

    # The app's next start journals it so, and `account list` says the same of that entry.
    journal = Journal.open(paths.journal_path)
    last = journal.last_check("ada")
    journal.close()
    assert last is not None and last.payload["reason"] == "cancelled"
    assert not marked.exists()
    after = _listed(capsys)["ada"]
    assert (after["last_status"], after["last_reason"]) == ("error", "cancelled")
    assert after["last_check_at"] == last.at.isoformat()


def test_a_run_whose_process_still_runs_is_not_taken_for_killed(
    consentinel_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    paths = _checked_once("ada")
    _killed_while_unticking(paths, "ada", pid=os.getpid())  # (a check still under way)
    assert _listed(capsys)["ada"]["last_status"] == "opted_out"


def test_a_later_check_or_an_older_mark_stays_the_last(
    consentinel_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As the journal will say it: a killed check found after a later one does not pass for
    the account's last; nor does one whose mark, written by an older version, has no boxes."""
    import os

    paths = _checked_once("ada")
    marked = _killed_while_unticking(paths, "ada", pid=os.getpid())  # (not gone yet)
    journal = Journal.open(paths.journal_path)
    run = journal.start_run("manual")
    journal.record_check(run, AccountResult("ada", Status.FIXED))
    journal.finish_run(run)
    journal.close()
    _process_gone(paths, run - 1)  # (the window kept the journal open meanwhile)
    assert marked.exists()
    assert _listed(capsys)["ada"]["last_status"] == "fixed"

    paths = _checked_once("bea")
    older = _killed_while_unticking(paths, "bea")
    raw = json.loads(older.read_text(encoding="utf-8"))
    del raw["settings"], raw["reverted_by_x"]
    older.write_text(json.dumps(raw), encoding="utf-8")
    assert _listed(capsys)["bea"]["last_status"] == "opted_out"
