"""The journal's SQLite file: connecting owner-only, schema, ordered migrations, backups."""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import NamedTuple

from consentinel.core.fileio import FolderProblem, folder_problem, set_aside
from consentinel.core.journal_entries import GENESIS_HASH, EntryKind
from consentinel.core.journal_verify import HEAD_FILE_NAME

log = logging.getLogger(__name__)

Migration = Callable[[sqlite3.Connection], None]

BUSY_TIMEOUT_MS = 10_000


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


def _v3(db: sqlite3.Connection) -> None:
    # Every query by account compares lower(handle) (handles are case-insensitive), which the
    # plain index on handle cannot serve: each "last check of @x" read every check entry.
    # An index on the same expression makes it one look-up, however long the journal.
    db.execute("DROP INDEX entries_by_handle")
    db.execute("CREATE INDEX entries_by_handle_key ON entries(lower(handle), kind, id)")


def _v4(db: sqlite3.Connection) -> None:
    # "When did the last run that went through finish?" (the schedule asks at start-up and at
    # every refresh) looks at the last runs' check entries: without an index by run it read
    # every check entry ever written for each run it looked at (6 ms after a year of 30 accounts).
    db.execute("CREATE INDEX entries_by_run ON entries(run_id, kind)")


def _v5(db: sqlite3.Connection) -> None:
    """No table changes: a journal is at version 5 once an account's history was erased in it
    (`mark_erased`, in the erasure's own transaction), so that a Consentinel from before,
    which would misread its `erased` and `history_erased` entries, says that a newer version
    wrote it. A mark: never run at open (`open_version`), so that a journal never erased stays
    at 4, readable by the versions before."""


#: Index i holds the migration from version i to version i + 1. Append only; never edit one.
MIGRATIONS: Sequence[Migration] = (_v1, _v2, _v3, _v4, _v5)
#: The newest version this Consentinel reads and writes; a file above it is a newer one's.
LATEST_VERSION = len(MIGRATIONS)
#: The version a journal is at once an account's history was erased in it.
ERASED_VERSION = MIGRATIONS.index(_v5) + 1


def _holds_erasures(db: sqlite3.Connection) -> bool:
    """Whether the file holds an entry an erasure leaves (by the index on kind)."""
    kinds = (EntryKind.HISTORY_ERASED.value, EntryKind.ERASED.value)
    row = db.execute("SELECT 1 FROM entries WHERE kind IN (?, ?) LIMIT 1", kinds).fetchone()
    return row is not None


#: The migrations that only mark what a journal holds (they change no table), each with how
#: to tell that a file holds it: run when the journal first does, never at open.
MARKS: dict[Migration, Callable[[sqlite3.Connection], bool]] = {_v5: _holds_erasures}


def open_version(migrations: Sequence[Migration]) -> int:
    """The version a journal is brought to at open: the last one, less the marks at the end
    (a migration after a mark brings every journal past it)."""
    version = len(migrations)
    while version and migrations[version - 1] in MARKS:
        version -= 1
    return version


#: The version every journal is brought to at open (ERASED_VERSION is reached by an erasure).
OPEN_VERSION = open_version(MIGRATIONS)


def mark_erased(db: sqlite3.Connection) -> None:
    """Inside the transaction that erases an account's history: the journal at
    ERASED_VERSION (when it is below: its version is never lowered). No copy of the journal
    is kept first, as a migration's is: it would keep what is being erased."""
    if user_version(db) < ERASED_VERSION:
        db.execute(f"PRAGMA user_version = {ERASED_VERSION}")


def user_version(db: sqlite3.Connection) -> int:
    row = db.execute("PRAGMA user_version").fetchone()
    return int(row[0])


class UnknownTables(Exception):
    """A file at version 0 whose tables are no version's: not Consentinel's journal, or one
    changed by hand. Left as it is (neither migrated nor set aside): `names` lists them."""

    def __init__(self, names: Sequence[str]) -> None:
        super().__init__(", ".join(names))
        self.names = tuple(names)


#: What a file's schema is compared by: each table with its columns, each index with its
#: table and its columns (None for an expression), by name. Not their SQL text: a tool that
#: rebuilds a file may write it otherwise.
Shape = frozenset[tuple[str, str, str, tuple[str | None, ...]]]


def _shape(db: sqlite3.Connection) -> Shape:
    rows = db.execute(
        "SELECT type, name, tbl_name FROM sqlite_master"
        " WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
    ).fetchall()
    found = set()
    for kind, name, table in rows:
        quoted = '"' + str(name).replace('"', '""') + '"'
        if kind == "table":
            columns = tuple(row[1] for row in db.execute(f"PRAGMA table_info({quoted})"))
        else:
            columns = tuple(row[2] for row in db.execute(f"PRAGMA index_xinfo({quoted})") if row[5])
        found.add((str(kind), str(name), str(table), columns))
    return frozenset(found)


@cache
def _shape_after(migrations: tuple[Migration, ...]) -> Shape:
    """The schema that `migrations` make from nothing (worked out in memory)."""
    db = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for step in migrations:
            step(db)
        return _shape(db)
    finally:
        db.close()


def version_of_tables(db: sqlite3.Connection, migrations: Sequence[Migration]) -> int:
    """The version a file's tables and indexes are, whatever its user_version says: 0 for a
    file with none (a new one). Raises UnknownTables when they are no version's."""
    shape = _shape(db)
    if not shape:
        return 0
    for version in range(len(migrations), 0, -1):
        if shape == _shape_after(tuple(migrations[:version])):
            # A mark leaves the tables as they were: the file is at it when it holds what
            # it marks (an erased history), else at the version before.
            while migrations[version - 1] in MARKS and not MARKS[migrations[version - 1]](db):
                version -= 1
            return version
    raise UnknownTables(sorted(name for _kind, name, _table, _columns in shape))


def recognise_rebuilt(db: sqlite3.Connection, migrations: Sequence[Migration]) -> int:
    """The version of a file whose user_version says 0, written into it when its tables show
    one. SQLite's `.dump` (and Python's iterdump) does not carry user_version: a journal
    rebuilt from a dump, to repair or move it, reads as a new file, and creating its tables
    again would fail. Raises UnknownTables (the file left as it is) when its tables are no
    version's."""
    db.execute("BEGIN IMMEDIATE")
    try:
        version = user_version(db)  # (another process may have written it meanwhile)
        if version == 0:
            version = version_of_tables(db, migrations)
            if version:
                log.warning("journal at version 0 with version %d's tables: rebuilt", version)
                db.execute(f"PRAGMA user_version = {version}")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
    return version


def migrate(
    db: sqlite3.Connection,
    migrations: Sequence[Migration],
    start: int,
    backup_of: Path | None = None,
) -> None:
    """Run migrations start..open_version(migrations), each in its own transaction with its
    version bump (from version 0, a new file, all in one: one commit for the disk to sync at a
    first start). The marks at the end are not run: see MARKS.

    Each step reads the version again once it holds the write lock: two processes that opened
    the same old journal at once (the app at login and a scheduled check, say) both saw
    `start`, and the one that waited must not run a step the other already ran.

    `backup_of`: the journal's path, copied to journal.sqlite3.v<start>.bak under the first
    step's write lock, by whichever process migrates from `start` (the one that waited would
    otherwise copy the already migrated journal over the old one's copy)."""
    end = open_version(migrations)
    if start >= end:
        return
    # A new file (version 0: nothing to lose) is made in one transaction, one commit to sync.
    steps = [range(0, end)] if start == 0 else [range(v, v + 1) for v in range(start, end)]
    for versions in steps:
        db.execute("BEGIN IMMEDIATE")
        try:
            current = user_version(db)
            if backup_of is not None and versions[0] == start == current > 0:
                backup(backup_of, start)
            for version in versions:
                if current <= version:
                    migrations[version](db)
            if current <= versions[-1]:
                db.execute(f"PRAGMA user_version = {versions[-1] + 1}")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")


def connect(path: Path) -> sqlite3.Connection:
    # Create the file owner-only before SQLite does: its -wal and -shm files copy its mode.
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    os.close(fd)
    if os.name == "posix":
        os.chmod(path, 0o600)
    db = sqlite3.connect(
        path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
    )
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    # The write-ahead log cut back to nothing each time it starts over, not reused at its
    # size: old pages (an erased account's among them) do not linger in it.
    db.execute("PRAGMA journal_size_limit = 0")
    return db


class FileStamp(NamedTuple):
    """What tells that a journal's file changed: its identity, size and modification time, and
    its -wal file's size (None: no -wal file)."""

    identity: tuple[int, int]
    size: int
    modified_ns: int
    wal: int | None


def file_stamp(path: Path) -> FileStamp | None:
    """The file's stamp now (None: no file there)."""
    try:
        found = os.stat(path)
    except FileNotFoundError:
        return None
    try:
        wal: int | None = path.with_name(path.name + "-wal").stat().st_size
    except FileNotFoundError:
        wal = None
    return FileStamp((found.st_dev, found.st_ino), found.st_size, found.st_mtime_ns, wal)


def connect_read_only(path: Path) -> tuple[sqlite3.Connection, FileStamp | None]:
    """A connection that changes nothing in the journal and leaves nothing beside it, and,
    when it was told that the file cannot change, the file's stamp taken before: what it reads
    holds only while `file_stamp` still says the same. Where its folder can be written, a check
    may write to the journal meanwhile (the scheduled one): the connection takes part in
    SQLite's locking like any other (its -wal and -shm files, removed when the last connection
    closes), and refuses every write (query_only). Where it cannot, read-only still makes the
    -wal and -shm files of a journal nobody has open; told that the file cannot change (true
    while no -wal file says a writer has it open), SQLite reads it as it is and makes nothing.
    The same when the folder's disk is full (no room for the -shm file: then nobody has the
    journal open, or that file would be there whole); but space may be freed, and a check
    write, while it reads: hence the stamp. Raises sqlite3.OperationalError when there is no
    file to read (none is made), or when the disk is full and a -wal file holds what the file
    does not yet."""
    if not path.is_file():
        raise sqlite3.OperationalError("unable to open database file")
    wal = path.with_name(path.name + "-wal")
    if not os.access(path.parent, os.W_OK):
        if wal.exists():
            return _read_only(path, "mode=ro"), None
        stamp = file_stamp(path)
        return _read_only(path, "mode=ro&immutable=1"), stamp
    sides = (wal, path.with_name(path.name + "-shm"))
    new = [side for side in sides if not side.exists()]
    db = _read_only(path, "mode=rw")  # (rw: never made, unlike rwc)
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opens its -shm now
    except sqlite3.Error as error:
        db.close()
        # What the failed open made, as it made it: a file another process makes or grows
        # there from now on (space freed, a check begun) is that process's, and kept.
        made = {side: _identity(side) for side in new}
        if not isinstance(error, sqlite3.OperationalError) or not _no_room(error, path.parent):
            raise
        for side, identity in made.items():  # (SQLite leaves what it made: no close got to)
            if identity is not None:
                _remove_unused(side, identity)
        stamp = file_stamp(path)
        if stamp is None or stamp.wal:  # (a -wal holding frames the file does not hold yet)
            raise
        log.warning("journal read as it is, with no -shm file: %s", error)
        return _read_only(path, "mode=ro&immutable=1"), stamp
    return db, None


def _read_only(path: Path, options: str) -> sqlite3.Connection:
    db = sqlite3.connect(
        f"{path.resolve().as_uri()}?{options}",
        uri=True,
        isolation_level=None,
        check_same_thread=False,
        timeout=BUSY_TIMEOUT_MS / 1000,
    )
    db.execute("PRAGMA query_only = ON")
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return db


#: The size of a -shm file's first region: any connection to a WAL journal has one this big.
_SHM_REGION = 32 * 1024


def _no_room(error: sqlite3.OperationalError, folder: Path) -> bool:
    """Whether SQLite could not make or grow the journal's -shm or -wal file for want of room:
    it says "disk is full", or an I/O error ("disk I/O error" when a -shm file cannot grow)
    on a disk nearly full."""
    # (The error's name in sqlite3 is Python 3.11's; on 3.10 the words tell.)
    name = str(getattr(error, "sqlite_errorname", ""))
    text = str(error)
    if name.startswith("SQLITE_FULL") or "disk is full" in text:
        return True
    if name.startswith("SQLITE_IOERR") or "disk I/O error" in text:
        return folder_problem(folder) is FolderProblem.FULL
    return False


#: A side file as a failed open left it: its device and number, and its size.
_Identity = tuple[int, int, int]


def _identity(side: Path) -> _Identity | None:
    try:
        found = side.stat()
    except FileNotFoundError:
        return None
    return found.st_dev, found.st_ino, found.st_size


def _remove_unused(side: Path, made: _Identity) -> None:
    """A -wal or -shm file a failed open made (`made`, as it made it): removed while it is
    still that file, as it was, and empty (a -wal) or short of a -shm's first region, which no
    connection can work without (one that has it open would have made it whole). Another
    process's (made again since, or grown) is left."""
    limit = 1 if side.name.endswith("-wal") else _SHM_REGION
    try:
        if made[2] < limit and _identity(side) == made:
            side.unlink()
    except FileNotFoundError:
        pass
    except OSError as error:
        log.warning("could not remove %s: %s", side.name, error)


def tables_as_latest(db: sqlite3.Connection) -> bool:
    """Whether the file's tables are those of the latest version, column for column: a
    journal of an older version whose migrations since only added indexes reads as it is."""
    latest = _shape_after(tuple(MIGRATIONS))
    return {s for s in _shape(db) if s[0] == "table"} == {s for s in latest if s[0] == "table"}


def check_sound(db: sqlite3.Connection) -> None:
    """SQLite's quick_check: reads the whole file (8-13 ms for a year of use); raises
    sqlite3.DatabaseError when it is not a sound database."""
    result = db.execute("PRAGMA quick_check").fetchone()
    if not result or result[0] != "ok":
        raise sqlite3.DatabaseError(str(result[0] if result else "quick_check failed"))


class BackgroundCheck:
    """`check_sound` of the file at `path` on a connection of its own, in a thread (SQLite lets
    Python's other threads run meanwhile): at the window's start, begun after its first
    frame (Journal.begin_check)."""

    def __init__(self, path: Path) -> None:
        self._error: sqlite3.DatabaseError | None = None
        self._thread = threading.Thread(
            target=self._run, args=(path,), name="journal-check", daemon=True
        )
        self._thread.start()

    def _run(self, path: Path) -> None:
        try:
            db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
            try:
                check_sound(db)
            finally:
                db.close()
        except sqlite3.OperationalError as error:
            # Busy or unreadable now: not evidence of damage; the journal's own connection
            # opened, and its first write would say what is wrong.
            log.warning("the journal could not be checked at start: %s", error)
        except sqlite3.DatabaseError as error:
            self._error = error

    def result(self) -> sqlite3.DatabaseError | None:
        """Waits for the check; the error when the file is not sound, else None."""
        self._thread.join()
        return self._error


def probe(
    db: sqlite3.Connection, migrations: Sequence[Migration], *, quick_check: bool = True
) -> int:
    """The schema version (that of its tables for a file rebuilt from a dump:
    `recognise_rebuilt`); raises sqlite3.DatabaseError when the file is not a database or
    (with `quick_check`) not a sound one, UnknownTables when its tables are no version's."""
    version = user_version(db)
    if quick_check:
        check_sound(db)
    if version == 0:
        version = recognise_rebuilt(db, migrations)
    if version <= LATEST_VERSION:
        db.execute("PRAGMA journal_mode = WAL")
    return version


def set_aside_db(path: Path, why: str) -> Path:
    moved = set_aside(path, why)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, moved.with_name(moved.name + suffix))
    head = path.with_name(HEAD_FILE_NAME)
    if head.exists():
        set_aside(head, why)
    return moved


def set_aside_leftovers(path: Path, why: str) -> Path | None:
    """When nothing is at `path` (the journal file deleted alone), what it left beside it, each
    kept as `<name>.<why>-<UTC time>`: its WAL files, which a new journal there would take for
    its own (SQLite would share their locks with the old connection, and may replay its
    pages), and its head file, against which a new journal would read as the old one cut
    short. Returns where the head file went (None: there was none, or a file is at `path`)."""
    if path.exists():
        return None
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            set_aside(side, why)
    head = path.with_name(HEAD_FILE_NAME)
    return set_aside(head, why) if head.exists() else None


def backup(path: Path, version: int) -> Path:
    """Copy the journal at `path` before migrating it (journal.sqlite3.v<N>.bak, owner-only).

    Read through a connection of its own, so it can run while the migrating connection holds
    the write lock (a reader is never blocked by a writer in WAL mode)."""
    target = path.with_name(f"{path.name}.v{version}.bak")
    fd = os.open(target, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
    os.close(fd)
    source = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()
    return target
