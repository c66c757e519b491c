"""A journal damaged where only SQLite's check of the whole file finds it (tests of the
journal and of the window's start)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from consentinel.core.journal import EntryKind, Journal
from consentinel.core.journal_schema import OPEN_VERSION


def damage_a_page_past_the_header(journal_path: Path) -> None:
    """Fills a journal at `journal_path`, then overwrites one page in the middle of its
    entries: its first page (the schema version) still reads, so opening it does not fail."""
    j = Journal.open(journal_path)
    for i in range(300):
        j.append(EntryKind.ACCOUNT_ADDED, f"account{i:03d}", {"words": "x" * 200})
    j.close()
    db = sqlite3.connect(journal_path, isolation_level=None)
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    assert pages > 10
    with journal_path.open("r+b") as file:
        file.seek(page_size * (pages // 2))
        file.write(b"\xff" * page_size)
    check = sqlite3.connect(journal_path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == OPEN_VERSION
    check.close()
