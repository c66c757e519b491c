"""A look at the journal that changes nothing: for the doctor, which must not create, migrate
or repair anything (Journal.open may do all three)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from consentinel.core.journal import _entry, _run
from consentinel.core.journal_entries import Entry, EntryKind, Run
from consentinel.core.journal_schema import connect_read_only


def last_scheduled_run(path: Path) -> tuple[Run, list[Entry]] | None:
    """The newest scheduled run and its accounts' check entries; None when there is none, or
    when the journal cannot be read without writing (a damaged file, an older version's)."""
    if not path.is_file():
        return None
    try:
        db = connect_read_only(path)
        try:
            run = db.execute(
                "SELECT id, started_at, finished_at, trigger, status FROM runs"
                " WHERE trigger = 'schedule' ORDER BY id DESC LIMIT 1"
            ).fetchone()
            if run is None:
                return None
            rows = db.execute(
                "SELECT id, ts, run_id, kind, handle, payload, prev_hash, hash FROM entries"
                " WHERE kind = ? AND run_id = ? ORDER BY id",
                (EntryKind.CHECK.value, run[0]),
            ).fetchall()
        finally:
            db.close()
        return _run(run), [_entry(row) for row in rows]
    except (sqlite3.Error, ValueError):
        return None
