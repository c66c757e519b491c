"""Opening the journal's file (made or migrated, set aside when it cannot be used; used by
`Journal.open` and `Journal.open_read_only`), and the errors the journal raises when it cannot
be opened, read or written, in a person's words."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from consentinel.core.fileio import NEARLY_FULL_BYTES, StorageError, describe_os_error
from consentinel.core.i18n import tr
from consentinel.core.journal_schema import (
    FileStamp,
    Migration,
    UnknownTables,
    check_sound,
    connect,
    file_stamp,
    migrate,
    open_version,
    probe,
    set_aside_db,
)

#: SQLite's result code for a full disk (sqlite3.SQLITE_FULL from Python 3.11 on).
_SQLITE_FULL = 13


def describe_sqlite_error(error: sqlite3.Error, folder: Path) -> str:
    """SQLite's cause in a person's words: a full disk says so, with what to do."""
    text = str(error)
    # (The error's code and its name in sqlite3 are Python 3.11's; on 3.10 the words tell.)
    full = getattr(error, "sqlite_errorcode", None) == _SQLITE_FULL or "disk is full" in text
    if not full and "disk I/O error" in text:
        try:
            full = shutil.disk_usage(folder).free < NEARLY_FULL_BYTES
        except OSError:
            full = False
    if full:
        return tr("the disk is full; free some space on it and try again")
    return text


class JournalError(Exception):
    """The journal could not be written or read; str() is a sentence for a person."""


#: Why a journal could not be read as it is (`UnreadableJournal.why`).
Unreadable = Literal["damaged", "newer", "older", "unopened", "other", "changed"]


class UnreadableJournal(StorageError):
    """`Journal.open_read_only` could not read the file; it was left as it is. `why`:
    "damaged", "newer" (a newer Consentinel's), "older" (to be brought up to date first),
    "unopened" (SQLite could not open it: its disk full, an I/O error, no permission; nothing
    is known of what it holds), "other" (not Consentinel's); raised by a query too, "changed":
    a file read as it is changed while it was read (`Journal._confirm_unchanged`)."""

    def __init__(self, text: str, why: Unreadable) -> None:
        super().__init__(text)
        self.why: Unreadable = why


def open_db(
    path: Path, migrations: Sequence[Migration], check_later: bool = False
) -> tuple[sqlite3.Connection, str | None, tuple[Path, str] | None, bool]:
    """The connection; a sentence for the person, and (where the old file went, why) when
    the file found could not be used and a new one was started; whether the whole file was
    checked. With `check_later`, it is not checked here unless it is to be migrated (or is
    new: nothing to read)."""
    warning: str | None = None
    set_aside: tuple[Path, str] | None = None
    checked = True
    db = connect(path)
    try:
        version = probe(db, migrations, quick_check=not check_later)
        if check_later and open_version(migrations) <= version <= len(migrations):
            checked = False
        elif check_later:
            check_sound(db)
    except UnknownTables as error:
        db.close()
        raise unknown_tables_error(error, path) from error
    except sqlite3.OperationalError:
        db.close()
        raise
    except sqlite3.DatabaseError:
        # "file is not a database", "disk image is malformed", a failed quick_check.
        db.close()
        moved = set_aside_db(path, "corrupt")
        set_aside = (Path(moved), "corrupt")
        warning = tr(
            "The journal could not be read; it was moved to {moved} and a new one was started.",
            moved=moved,
        )
        db = connect(path)
        version = 0
    if version > len(migrations):
        db.close()
        moved = set_aside_db(path, "newer")
        set_aside = (Path(moved), "newer")
        warning = tr(
            "The journal was written by a newer Consentinel; it was moved to "
            "{moved} and a new one was started.",
            moved=moved,
        )
        db = connect(path)
        version = 0
    migrate(db, migrations, version, backup_of=path)
    return db, warning, set_aside, checked


def confirm_as_it_was(path: Path, stamp: FileStamp | None) -> None:
    """UnreadableJournal ("changed") when a file read as it is (`stamp`: as it was then; None:
    read under SQLite's locking) is no longer as it was."""
    if stamp is not None and file_stamp(path) != stamp:
        raise UnreadableJournal(
            tr(
                "The journal {path} changed while it was being read: another process (a check, "
                "most likely) wrote to it. Nothing was concluded from it; run the command again.",
                path=path,
            ),
            "changed",
        )


def nothing_at(path: Path) -> bool:
    """No journal file (nor a write-ahead log left of one, which SQLite would read back)."""
    return not path.exists() and not path.with_name(path.name + "-wal").exists()


def empty_in_memory(migrations: Sequence[Migration]) -> sqlite3.Connection:
    """An empty journal in memory, for the queries of a first start's first frame."""
    db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    migrate(db, migrations, 0)
    return db


def unknown_tables_error(error: UnknownTables, path: Path) -> StorageError:
    """A file that does not say its version (one rebuilt from a dump) and whose tables are no
    version's: said, and left as it is, neither migrated nor set aside."""
    return StorageError(
        tr(
            "Could not open the journal {path}: it does not say which version of Consentinel "
            "wrote it, and its tables ({tables}) are not those of any version. It was left as "
            "it is: put back the journal it was made from, or move it elsewhere to start a "
            "new one.",
            path=path,
            tables=", ".join(error.names),
        )
    )


def open_error(error: OSError | sqlite3.OperationalError, path: Path) -> StorageError:
    """Locked, read-only, full, missing folder: a set-up problem, not a damaged file."""
    if isinstance(error, OSError):
        cause = describe_os_error(error)
    else:
        cause = describe_sqlite_error(error, path.parent)
    return StorageError(tr("Could not open the journal {path}: {cause}.", path=path, cause=cause))
