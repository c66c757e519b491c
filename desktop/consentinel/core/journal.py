"""Journal: what every run saw and did, in SQLite, as a hash chain that verify() can check.

Here: opening it, SQLite's check put off at open, setting it aside, verifying and exporting.
Its writes are mixins in journal_writes (the chain), journal_runs (runs and what they record)
and journal_account_records (the account list and settings); its queries in journal_queries."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections.abc import Callable, Collection, Iterator, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal, NamedTuple

from consentinel.core.evidence import check_evidence_files
from consentinel.core.fileio import (
    StorageError,
    TempFiles,
    file_identity,
    known_identity,
    make_private_dirs,
)
from consentinel.core.i18n import current_language, tr
from consentinel.core.journal_account_records import JournalAccountRecords
from consentinel.core.journal_entries import (
    Entry,
    EntryKind,
    Run,
    RunStatus,
    VerifyResult,
    canonical_json,
    check_no_secret,
    entry_hash,
)
from consentinel.core.journal_opening import (
    JournalError,
    UnreadableJournal,
    confirm_as_it_was,
    describe_sqlite_error,
    empty_in_memory,
    nothing_at,
    open_db,
    open_error,
    unknown_tables_error,
)
from consentinel.core.journal_queries import JournalQueries
from consentinel.core.journal_runs import JournalRuns
from consentinel.core.journal_schema import (
    LATEST_VERSION,
    MIGRATIONS,
    BackgroundCheck,
    FileStamp,
    Migration,
    UnknownTables,
    check_sound,
    connect,
    connect_read_only,
    migrate,
    set_aside_db,
    tables_as_latest,
    user_version,
    version_of_tables,
)
from consentinel.core.journal_verify import HEAD_FILE_NAME, verify_chain

if TYPE_CHECKING:
    from consentinel.core.journal_export import ReadableColumns

# The names other modules import from here, wherever they are defined.
__all__ = [
    "HEAD_FILE_NAME",
    "Entry",
    "EntryKind",
    "Journal",
    "JournalError",
    "Run",
    "RunStatus",
    "UnreadableJournal",
    "VerifyResult",
    "canonical_json",
    "check_no_secret",
    "entry_hash",
]

log = logging.getLogger(__name__)

#: Whether a journal's file is still at its place: see `Journal.file_state`.
FileState = Literal["here", "deleted", "replaced"]


class ChainRead(NamedTuple):
    """The chain as one read transaction saw it (`Journal.snapshot`): every entry's row, the
    head row, and the head file's text read just before (None: none)."""

    rows: list[Any]
    head: Any
    side: str | None


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


class Journal(JournalRuns, JournalAccountRecords, JournalQueries):
    """The append-only journal. Thread safe: one connection behind a lock (GUI reads while a
    run writes); other processes are serialised by SQLite's own locking (WAL, busy_timeout)."""

    def __init__(
        self, path: Path, db: sqlite3.Connection, warning: str | None, clock: Callable[[], datetime]
    ) -> None:
        self.path = path
        self.head_path = path.with_name(HEAD_FILE_NAME)
        self._conn = db
        #: SQLite's check of the file, still reading in a thread (see `open`'s check_later).
        self._pending: BackgroundCheck | None = None
        #: The check is put off until `begin_check` (or the first write, which waits for it).
        self._deferred = False
        #: No file yet (a first start): it is made by `begin_check` or the first write; until
        #: then, queries read an empty journal in memory.
        self._to_make = False
        self._migrations: Sequence[Migration] = MIGRATIONS
        self._lock = threading.RLock()
        self._closed = False
        self._clock = clock
        self._own_runs: set[int] = set()
        self._open_warning = warning
        #: Where its screenshots are, for verify() (None: the chain only).
        self.evidence_dir: Path | None = None
        #: The file the connection writes to (None: not made yet, or not told), for `file_state`.
        self._file_id = known_identity(path)
        #: The file's stamp when it was read as it is (SQLite told it cannot change, see
        #: `connect_read_only`): None when SQLite's locking keeps reads whole.
        self._read_as_it_was: FileStamp | None = None
        #: An erasure's old bytes may still be in the write-ahead log (another process read
        #: the journal then): emptying it is tried again at each write and at close. Kept in
        #: a file too (ERASURE_PENDING), for the next process to write to the journal.
        self._fold_pending = False

    # -- opening --------------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        clock: Callable[[], datetime] = _utc_now,
        migrations: Sequence[Migration] = MIGRATIONS,
        evidence_dir: Path | None = None,
        check_later: bool = False,
    ) -> Journal:
        """Open (creating or migrating) the journal; runs left "running" by a dead process are
        marked interrupted. With `evidence_dir`, verify() also checks the screenshots.

        A file that is not a sound database is set aside and a new journal begins. SQLite's
        check of the whole file runs here. With `check_later` (the window's start) it is put off
        until `begin_check` (after the window's first frame): queries may read the file before
        it, and one that meets damage waits for the check and reads again what is left; every
        write, `verify`, an export and `open_warning` wait for the check, so nothing is ever
        written to, verified in or exported from a file that failed it. With `check_later` and
        no file yet (a first start), the file itself is made then: until it is, queries read an
        empty journal."""
        path = Path(path)
        try:
            make_private_dirs(path.parent)
            if check_later and nothing_at(path):
                journal = cls(path, empty_in_memory(migrations), None, clock)
                journal._to_make = True
                set_aside, checked = None, False
            else:
                db, warning, set_aside, checked = open_db(path, migrations, check_later)
                journal = cls(path, db, warning, clock)
                journal._deferred = not checked
            journal.evidence_dir = evidence_dir
            journal._migrations = migrations
            journal._fold_pending = journal.fold_marker.exists()
            if checked:
                journal._opened(set_aside)
            # (else the stale runs are marked once the check has passed)
        except (OSError, sqlite3.OperationalError) as error:
            if isinstance(error, StorageError):
                raise
            raise open_error(error, path) from error
        return journal

    @classmethod
    def open_read_only(cls, path: Path, *, evidence_dir: Path | None = None) -> Journal:
        """The journal as it is, to look at only: for a command that only looks, and on a disk
        that cannot be written (a copy kept on one, a folder mounted read-only). Nothing is
        made, migrated, repaired, set aside or marked, and any write raises JournalError. An
        older version's journal is read as it is while its tables are the latest's (its
        migrations since only added indexes). UnreadableJournal when it cannot be read so: no
        file, a damaged one, a newer version's, an older one whose tables changed since."""
        path = Path(path)
        try:
            db, stamp = connect_read_only(path)
            try:
                version = user_version(db)
                check_sound(db)
                if version == 0:  # (rebuilt from a dump: its tables say which version it is)
                    version = version_of_tables(db, MIGRATIONS)
                readable = version == LATEST_VERSION or (
                    0 < version < LATEST_VERSION and tables_as_latest(db)
                )
                confirm_as_it_was(path, stamp)
            except (sqlite3.DatabaseError, UnknownTables, UnreadableJournal):
                db.close()
                confirm_as_it_was(path, stamp)  # (not "damaged": it changed as it was read)
                raise
        except UnknownTables as error:
            raise UnreadableJournal(str(unknown_tables_error(error, path)), "other") from error
        except sqlite3.DatabaseError as error:
            operational = isinstance(error, sqlite3.OperationalError)
            cause = (
                describe_sqlite_error(error, path.parent) if operational else tr("it is damaged")
            )
            raise UnreadableJournal(
                tr("Could not open the journal {path}: {cause}.", path=path, cause=cause),
                "unopened" if operational else "damaged",
            ) from error
        if version > LATEST_VERSION:
            db.close()
            raise UnreadableJournal(
                tr(
                    "Could not open the journal {path}: a newer version of Consentinel wrote "
                    "it, and only such a version can read it.",
                    path=path,
                ),
                "newer",
            )
        if not readable:
            db.close()
            raise UnreadableJournal(
                tr(
                    "Could not open the journal {path}: an older version of Consentinel wrote "
                    "it, and it can be read once the app or a check has brought it up to date, "
                    "where it can be written.",
                    path=path,
                ),
                "older",
            )
        journal = cls(path, db, None, _utc_now)
        journal.evidence_dir = evidence_dir
        journal._read_as_it_was = stamp
        return journal

    def _confirm_unchanged(self) -> None:
        """After a read of a file read as it is: UnreadableJournal ("changed") when the file
        changed since it was opened (space freed on a full disk, and a check wrote to it), as
        what was read may then be of no moment of the journal: pages of before and after."""
        confirm_as_it_was(self.path, self._read_as_it_was)

    def _opened(self, set_aside: tuple[Path, str] | None) -> None:
        """Once the file passed SQLite's check: a file set aside at open is said in the new
        journal's first entry; runs left "running" by a dead process are marked interrupted."""
        if set_aside is not None:
            moved, why = set_aside
            self.append(EntryKind.JOURNAL_RESTARTED, None, {"set_aside": moved.name, "why": why})
        self.interrupt_stale_runs(only_dead=True)

    def _make_file(self) -> None:
        """The file put off at open (a first start), made now; or opened, if another process
        (a scheduled check) made it meanwhile. Raises JournalError when it cannot be."""
        try:
            db, warning, set_aside, checked = open_db(self.path, self._migrations, True)
        except (OSError, sqlite3.OperationalError) as error:
            cause = error if isinstance(error, StorageError) else open_error(error, self.path)
            raise JournalError(str(cause)) from error
        self._conn.close()
        self._conn, self._to_make, self._open_warning = db, False, warning
        self._file_id = known_identity(self.path)
        if checked:
            self._opened(set_aside)
        else:
            self._deferred = True  # another process's file, checked as any file found at open

    @property
    def _db(self) -> sqlite3.Connection:
        """The connection, once the file passed SQLite's check (waited for here)."""
        if self.unchecked:
            self._settle()
        return self._conn

    @property
    def _reader(self) -> sqlite3.Connection:
        """The connection for queries marked `read_before_the_check`: no wait."""
        return self._conn

    @property
    def unchecked(self) -> bool:
        """SQLite's check of the file put off (`check_later`) has not finished yet."""
        return self._to_make or self._deferred or self._pending is not None

    def begin_check(self) -> None:
        """Start SQLite's check put off by `check_later`, in a thread (the window calls this
        after its first frame); nothing when it was started or done. A file not made yet (a
        first start) is made here: JournalError when it cannot be (a full disk), and the
        first write tries again."""
        with self._lock:
            if self._to_make:
                self._make_file()
            if self._deferred:
                self._deferred = False
                self._pending = BackgroundCheck(self.path)

    def end_runs_of_gone_processes(self) -> list[int] | None:
        """For a caller that must not wait (the window's tick): the runs left "running" by a
        process known gone, marked interrupted as `interrupt_stale_runs(only_dead=True)` does.
        None, touching nothing, when the journal is closed, not checked yet, or held by another
        thread (a write, or a wait for SQLite's check put off at open: that check marks them
        when it ends)."""
        if not self._lock.acquire(blocking=False):
            return None
        try:
            if self._closed or self.unchecked:
                return None
            if not self.runs_of_gone_processes():  # (a read: most calls write nothing)
                return []
            return self.interrupt_stale_runs(only_dead=True)
        finally:
            self._lock.release()

    def _settle(self) -> None:
        """Waits for SQLite's check put off at open (starting it if it was not). A file that
        failed it is set aside, as `open` does, and a new journal begins; then runs left
        "running" by a dead process are marked interrupted."""
        with self._lock:
            self.begin_check()  # (nothing is ever written to the journal in memory)
            pending, self._pending = self._pending, None
            if pending is None:
                return
            error = pending.result()
            if error is not None:
                log.warning("the journal failed SQLite's check: %s", error)
                self._conn.close()
                try:
                    moved = set_aside_db(self.path, "corrupt")
                finally:
                    self._conn = connect(self.path)
                    self._file_id = known_identity(self.path)
                migrate(self._conn, self._migrations, 0, backup_of=self.path)
                self._open_warning = tr(
                    "The journal could not be read; it was moved to {moved} and a new one was "
                    "started.",
                    moved=moved,
                )
                self.append(
                    EntryKind.JOURNAL_RESTARTED, None, {"set_aside": moved.name, "why": "corrupt"}
                )
            self.interrupt_stale_runs(only_dead=True)

    @property
    def open_warning(self) -> str | None:
        """Set when the file found at open was corrupt or from a newer version and was set
        aside (waits for the check put off at open)."""
        self._settle()
        return self._open_warning

    @property
    def known_warning(self) -> str | None:
        """`open_warning` as known now, without waiting for a check put off at open."""
        return self._open_warning

    def close(self) -> None:
        with self._lock:
            pending, self._pending = self._pending, None
            if pending is not None:
                pending.result()  # (its thread reads the file: not left running)
            if self._fold_pending and not self._closed:
                self.fold_erased()
            self._conn.close()
            self._closed = True

    def file_state(self) -> FileState:
        """Whether the file at `path` is still the one this journal writes to: "deleted"
        (nothing there), "replaced" (another file: its folder deleted and made again, `consentinel
        log --start-over` in another process, a journal moved into its place); entries written
        from then on would be lost or land in a file set aside. "here" also before the file is
        made, once closed, and whenever it cannot be told (a file system that numbers no files,
        a file that cannot be read)."""
        with self._lock:  # (not between a set-aside at SQLite's check and its new file's number)
            if self._closed or self._to_make or self._file_id is None:
                return "here"
            try:
                now = file_identity(self.path)
            except OSError:
                return "here"
            if now is None:
                return "deleted"
            return "here" if now == self._file_id else "replaced"

    @property
    def closed(self) -> bool:
        """Closed (the app quitting, a demo ending): a late reader has nothing to read."""
        return self._closed

    def start_over(self, problem: str) -> tuple[Journal, Path]:
        """For a journal that no longer verifies, once the person chose to carry on: this one is
        closed and kept as it is, next to the new one (`journal.sqlite3.damaged-<UTC time>`, its
        head file alongside), and a new journal begins whose first entry names it and says
        what was wrong. Returns (the new journal, where the old one went). The caller holds the
        run lock: no check may write meanwhile.

        When the file cannot be moved, this journal is opened again and StorageError is
        raised: nothing was lost, and the app goes on with the damaged journal. So it is when
        the file is no longer this journal's (`file_state`): there is nothing to keep."""
        with self._lock:
            if self.file_state() != "here":
                raise StorageError(
                    tr(
                        "The journal {path} is no longer there (deleted or replaced while "
                        "Consentinel was open): nothing was set aside.",
                        path=self.path,
                    )
                )
            head = self._head_as_stored()
            self._db.close()
            try:
                moved = set_aside_db(self.path, "damaged")
            except StorageError:
                self._conn = connect(self.path)
                raise
            fresh = Journal.open(self.path, clock=self._clock, evidence_dir=self.evidence_dir)
            fresh.append(
                EntryKind.JOURNAL_RESTARTED,
                None,
                {
                    "set_aside": moved.name,
                    "why": "damaged",
                    "problem": problem,
                    # The problem is a sentence in the person's language: a reader in another
                    # language is told without it.
                    "problem_lang": current_language(),
                    # What the kept journal's head said of it (None where it is gone): the new
                    # chain begins by naming the end of the old one, whatever happens to it.
                    "set_aside_entries": head[0] if head else None,
                    "set_aside_last_hash": head[1] if head else None,
                },
            )
        return fresh, moved

    def _head_as_stored(self) -> tuple[int, str] | None:
        """The chain head's row as it is in the file: its count of entries and last hash."""
        try:
            row = self._db.execute("SELECT count, last_hash FROM chain_head").fetchone()
        except sqlite3.Error:
            return None
        return (int(row[0]), str(row[1])) if row else None

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- verifying and exporting ------------------------------------------------------------------

    def verify(
        self,
        *,
        read_shots_of: Collection[int] | None = None,
        stop: Callable[[], None] | None = None,
    ) -> VerifyResult:
        """Walk the chain: an edited, deleted, reordered or truncated entry is reported; and,
        when the journal knows its evidence folder, a screenshot missing or changed. With
        `read_shots_of` (run ids), only those runs' screenshots are read to be compared; the
        others are only looked for (a check's own verdict at its end). `stop` is called
        before each screenshot is read, and raises to stop there (an export stopped)."""
        with self.snapshot() as chain:
            pass
        return self.verdict_of(chain, read_shots_of=read_shots_of, stop=stop)

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[ChainRead]:
        """One read transaction: what is read inside it (entries, the head) is the journal of
        one moment, whatever another process appends meanwhile (the scheduled check), and so
        is the chain it yields, for `verdict_of`. Other threads of this process wait until it
        ends: read inside it, and do the slow part (`verdict_of`'s screenshots) after it."""
        with self._lock:
            # The side file first: writers update it after their commit, so read now it can be
            # behind the database (tolerated by verify_chain) but never ahead of it unless
            # truncated.
            side = self._read_head_file()
            self._db.execute("BEGIN")
            try:
                rows = self._db.execute(
                    "SELECT id, ts, run_id, kind, handle, payload, prev_hash, hash FROM entries "
                    "ORDER BY id"
                ).fetchall()
                head = self._db.execute("SELECT count, last_hash FROM chain_head").fetchone()
            except sqlite3.DatabaseError:
                self._confirm_unchanged()
                raise
            else:
                self._confirm_unchanged()  # (else no verdict: entries of two moments)
                yield ChainRead(rows, head, side)
            finally:
                self._db.execute("COMMIT")

    def verdict_of(
        self,
        chain: ChainRead,
        *,
        read_shots_of: Collection[int] | None = None,
        stop: Callable[[], None] | None = None,
    ) -> VerifyResult:
        """`verify`'s verdict on a chain read by `snapshot` (its screenshots read now)."""
        verdict = verify_chain(chain.rows, chain.head, chain.side)
        if self.evidence_dir is not None:
            shots = check_evidence_files(chain.rows, self.evidence_dir, read_shots_of, stop)
            if shots:
                return VerifyResult.of(
                    verdict.entry_count,
                    [*verdict.problems, *(problem for _id, problem in shots)],
                    [*verdict.damaged, *shots],
                    verdict.erasures,
                )
        return verdict

    def export_json(
        self,
        target: Path | str | IO[str],
        handle: str | None = None,
        *,
        verdict: VerifyResult | None = None,
        temps: TempFiles | None = None,
        **filters: Any,
    ) -> int:
        from consentinel.core.journal_export import write_json

        self._settle()  # nothing exported from a file that failed SQLite's check
        return write_json(self, target, verdict=verdict, handle=handle, temps=temps, **filters)

    def export_csv(
        self,
        target: Path | str | IO[str],
        handle: str | None = None,
        *,
        delimiter: str = ",",
        bom: bool = False,
        readable: ReadableColumns | None = None,
        temps: TempFiles | None = None,
        **filters: Any,
    ) -> int:
        from consentinel.core.journal_export import write_csv

        self._settle()  # nothing exported from a file that failed SQLite's check
        return write_csv(
            self,
            target,
            handle=handle,
            delimiter=delimiter,
            bom=bom,
            readable=readable,
            temps=temps,
            **filters,
        )
