"""The journal's SQLite schema and its ordered migrations (PRAGMA user_version)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

Migration = Callable[[sqlite3.Connection], None]

GENESIS_HASH = "0" * 64


def _v1(db: sqlite3.Connection) -> None:
    db.execute(
        "CREATE TABLE runs ("
        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " started_at TEXT NOT NULL,"
        " finished_at TEXT,"
        " trigger TEXT NOT NULL,"
        " status TEXT NOT NULL,"
        " pid INTEGER,"
        " host TEXT)"
    )
    db.execute(
        "CREATE TABLE entries ("
        " id INTEGER PRIMARY KEY AUTOINCREMENT,"
        " ts TEXT NOT NULL,"
        " run_id INTEGER,"
        " kind TEXT NOT NULL,"
        " handle TEXT,"
        " payload TEXT NOT NULL,"
        " prev_hash TEXT NOT NULL,"
        " hash TEXT NOT NULL)"
    )
    db.execute("CREATE INDEX entries_by_handle ON entries(handle, kind, id)")
    # One row: the number of entries and the last hash, updated in the same transaction as each
    # insert, so that rows deleted from the end of the chain are noticed by verify().
    db.execute(
        "CREATE TABLE chain_head ("
        " one INTEGER PRIMARY KEY CHECK (one = 1),"
        " count INTEGER NOT NULL,"
        " last_hash TEXT NOT NULL)"
    )
    db.execute("INSERT INTO chain_head (one, count, last_hash) VALUES (1, 0, ?)", (GENESIS_HASH,))


def _v2(db: sqlite3.Connection) -> None:
    # The scheduler asks "when did the last run finish?" on every tick.
    db.execute("CREATE INDEX runs_by_status ON runs(status, finished_at)")
    db.execute("CREATE INDEX entries_by_kind ON entries(kind, id)")


#: Index i holds the migration from version i to version i + 1. Append only; never edit one.
MIGRATIONS: Sequence[Migration] = (_v1, _v2)
LATEST_VERSION = len(MIGRATIONS)


def user_version(db: sqlite3.Connection) -> int:
    row = db.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(db: sqlite3.Connection, migrations: Sequence[Migration], start: int) -> None:
    """Run migrations start..end, each in its own transaction with its version bump."""
    for version in range(start, len(migrations)):
        db.execute("BEGIN IMMEDIATE")
        try:
            migrations[version](db)
            db.execute(f"PRAGMA user_version = {version + 1}")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
