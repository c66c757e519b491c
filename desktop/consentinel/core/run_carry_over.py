"""A check's entries written again in the journal begun at the place of the one it was writing
to, when that one went during the check (its data folder or its file deleted): without them,
the check's changes, screenshots and notifications would be in no journal at all."""

from __future__ import annotations

import os
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from consentinel.core.evidence import evidence_file
from consentinel.core.journal_entries import EntryKind
from consentinel.core.processes import this_host

if TYPE_CHECKING:
    from consentinel.core.journal import Journal
    from consentinel.core.journal_entries import Entry, Run


class LostRun(NamedTuple):
    """A run as the journal that went holds it: its row, its entries, and how many of its
    screenshots went with the folder (their entries are not written again: they would name
    files that are not there)."""

    run: Run
    entries: list[Entry]
    screenshots_gone: int


def read_lost_run(old: Journal, run_id: int) -> LostRun | None:
    """Run `run_id` of `old` (a journal whose file went, still open), or None when it holds
    no such run (or cannot be read)."""
    import sqlite3

    from consentinel.core.journal import JournalError

    try:
        run = old.run(run_id)
        if run is None:
            return None
        since = datetime.fromisoformat(run.started_at)
        entries = [e for e in old.entries(since=since) if e.run_id == run_id]
    except (JournalError, sqlite3.Error, OSError, ValueError):
        return None
    kept, gone = [], 0
    for entry in entries:
        name = str(entry.payload.get("path") or "")
        shot = entry.kind is EntryKind.EVIDENCE and name and old.evidence_dir is not None
        if shot and not evidence_file(old.evidence_dir, name).is_file():  # type: ignore[arg-type]
            gone += 1
            continue
        kept.append(entry)
    return LostRun(run, kept, gone)


class WrittenAgain(NamedTuple):
    """A lost run written again: its number in the new journal, and how many of its
    screenshots went with the folder."""

    run_id: int
    screenshots_gone: int


def write_again(new: Journal, lost: LostRun) -> WrittenAgain:
    """`lost` written in `new`, as one write: its run (the same times, trigger and status) and
    its entries, each at its own time, chained in `new`'s chain under the run's new number,
    returned with the screenshots gone. JournalError when it cannot be written (nothing of it
    is then)."""
    run = lost.run
    with new._lock, new._write():
        cur = new._db.execute(
            "INSERT INTO runs (started_at, finished_at, trigger, status, pid, host)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (*run[1:4], run.status.value, os.getpid(), this_host()),
        )
        run_id = int(cur.lastrowid or 0)
        for entry in lost.entries:
            new._insert(entry.ts, run_id, entry.kind, entry.handle, dict(entry.payload))
    return WrittenAgain(run_id, lost.screenshots_gone)
