"""Journal: what every run saw and did, in SQLite, as a hash chain that verify() can check."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import sqlite3
import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal, NamedTuple

from consentinel.core.accounts import handle_key
from consentinel.core.evidence import check_evidence_files
from consentinel.core.fileio import (
    NEARLY_FULL_BYTES,
    StorageError,
    TempFiles,
    atomic_write_text,
    describe_os_error,
    file_identity,
    known_identity,
    make_private_dirs,
)
from consentinel.core.i18n import current_language, tr
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
from consentinel.core.journal_queries import JournalQueries, iso_utc
from consentinel.core.journal_schema import (
    BUSY_TIMEOUT_MS,
    LATEST_VERSION,
    MIGRATIONS,
    BackgroundCheck,
    FileStamp,
    Migration,
    UnknownTables,
    check_sound,
    connect,
    connect_read_only,
    file_stamp,
    migrate,
    open_version,
    probe,
    set_aside_db,
    tables_as_latest,
    user_version,
    version_of_tables,
)
from consentinel.core.journal_verify import HEAD_FILE_NAME, verify_chain
from consentinel.core.processes import known_gone, this_host
from consentinel.core.status import (
    ALL_BOXES,
    OWN_NAME_REASONS,
    Box,
    Reason,
    Status,
)

if TYPE_CHECKING:
    from consentinel.core.events import AccountResult  # loads with the first check
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

#: Beside the journal's file (its name + this) while an erasure's old bytes may still be in
#: its write-ahead log: see `Journal.fold_erased`.
ERASURE_PENDING = "-erasure-pending"

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


class ChainRead(NamedTuple):
    """The chain as one read transaction saw it (`Journal.snapshot`): every entry's row, the
    head row, and the head file's text read just before (None: none)."""

    rows: list[Any]
    head: Any
    side: str | None


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


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


class Journal(JournalQueries):
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
            if check_later and _nothing_at(path):
                journal = cls(path, _empty_in_memory(migrations), None, clock)
                journal._to_make = True
                set_aside, checked = None, False
            else:
                db, warning, set_aside, checked = cls._open_db(path, migrations, check_later)
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
            raise _open_error(error, path) from error
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
                _confirm_as_it_was(path, stamp)
            except (sqlite3.DatabaseError, UnknownTables, UnreadableJournal):
                db.close()
                _confirm_as_it_was(path, stamp)  # (not "damaged": it changed as it was read)
                raise
        except UnknownTables as error:
            raise UnreadableJournal(str(_unknown_tables_error(error, path)), "other") from error
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
        _confirm_as_it_was(self.path, self._read_as_it_was)

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
            db, warning, set_aside, checked = self._open_db(self.path, self._migrations, True)
        except (OSError, sqlite3.OperationalError) as error:
            cause = error if isinstance(error, StorageError) else _open_error(error, self.path)
            raise JournalError(str(cause)) from error
        self._conn.close()
        self._conn, self._to_make, self._open_warning = db, False, warning
        self._file_id = known_identity(self.path)
        if checked:
            self._opened(set_aside)
        else:
            self._deferred = True  # another process's file, checked as any file found at open

    @staticmethod
    def _open_db(
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
            raise _unknown_tables_error(error, path) from error
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

    # -- runs -----------------------------------------------------------------------------------

    def interrupt_stale_runs(self, *, only_dead: bool = False) -> list[int]:
        """Mark runs still "running" as interrupted. With only_dead, only those whose process on
        this machine is gone; without, every run not started by this Journal (call it while
        holding the RunLock, when no other run can be going)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT id, pid, host FROM runs WHERE status = ?", (RunStatus.RUNNING.value,)
            ).fetchall()
            stale = []
            for run_id, pid, run_host in rows:
                if run_id in self._own_runs:
                    continue
                if only_dead and not known_gone(pid, run_host):
                    continue
                stale.append(int(run_id))
            for run_id in stale:
                with self._write():
                    now = self._now()
                    cur = self._db.execute(
                        "UPDATE runs SET status = ?, finished_at = ? WHERE id = ? AND status = ?",
                        (RunStatus.INTERRUPTED.value, now, run_id, RunStatus.RUNNING.value),
                    )
                    if cur.rowcount:
                        self._insert(
                            now,
                            run_id,
                            EntryKind.RUN_INTERRUPTED,
                            None,
                            {"status": RunStatus.INTERRUPTED.value},
                        )
            self._say_unticks_cut_short(set(stale))
            return stale

    def _say_unticks_cut_short(self, runs: set[int]) -> None:
        """The unticks runs `runs` had begun and not journaled, their processes killed
        (core/pending_unticks.py): each becomes its account's check entry, naming the box X
        may have switched off, as a stop the check was told of says it."""
        from consentinel.core.check_messages import cancelled_message
        from consentinel.core.events import AccountResult
        from consentinel.core.pending_unticks import FOLDER_NAME, left_by, unmark

        if not runs:
            return
        for pending in left_by(self.path.parent / FOLDER_NAME, runs):
            # The boxes as the check knew them when it clicked (those it had unticked and
            # read back said first), the one clicked unknown: as a stop it is told of says.
            settings = pending.settings
            done = [box for box, c in settings.items() if c.before and c.after is False]
            reverted = tuple(box for box in pending.reverted if box in done)
            message = cancelled_message(done, reverted, pending.box)
            # Found late (another process kept the journal open meanwhile), after a later run
            # checked the account: said, but without its boxes, so that it does not pass for
            # the account's last check (Journal.last_check), which that later one is.
            later = self._checked_after(pending.handle, pending.run_id)
            result = AccountResult(
                pending.handle,
                Status.ERROR,
                Reason.CANCELLED,
                settings={} if later else settings,
                message=message,
                reverted_by_x=reverted,
                keep=pending.keep,
            )
            self.record_check(pending.run_id, result)
            unmark(pending.path)

    def _checked_after(self, handle: str, run_id: int) -> bool:
        """Whether a run after `run_id` has a check entry of `handle`."""
        with self._lock:
            row = self._db.execute(
                "SELECT 1 FROM entries WHERE lower(handle) = ? AND kind = ? AND run_id > ? LIMIT 1",
                (handle_key(handle), EntryKind.CHECK.value, run_id),
            ).fetchone()
        return row is not None

    def start_run(
        self, trigger: str | Enum, *, dry_run: bool = False, x_origin: str | None = None
    ) -> int:
        """A run begins; a dry run (boxes read, nothing changed) says so in its first entry,
        and so does a run whose passwords go to another address than X's (`x_origin`: a
        simulated X)."""
        trigger = trigger.value if isinstance(trigger, Enum) else str(trigger)
        payload: dict[str, Any] = {"trigger": str(trigger)}
        if dry_run:
            payload["dry_run"] = True
        if x_origin is not None:
            payload["x_origin"] = x_origin
        with self._lock, self._write():
            now = self._now()
            cur = self._db.execute(
                "INSERT INTO runs (started_at, trigger, status, pid, host) VALUES (?, ?, ?, ?, ?)",
                (now, str(trigger), RunStatus.RUNNING.value, os.getpid(), this_host()),
            )
            run_id = int(cur.lastrowid or 0)
            self._insert(now, run_id, EntryKind.RUN_STARTED, None, payload)
            self._own_runs.add(run_id)
            return run_id

    def finish_run(
        self, run_id: int, cancelled: bool = False, *, interrupted: bool = False
    ) -> None:
        """Close a run: finished, cancelled (a person asked), or interrupted (an error or a
        shutdown stopped it before its end; only "finished" runs count for the schedule)."""
        if interrupted:
            status, kind = RunStatus.INTERRUPTED, EntryKind.RUN_INTERRUPTED
        else:
            status = RunStatus.CANCELLED if cancelled else RunStatus.FINISHED
            kind = EntryKind.RUN_FINISHED
        with self._lock, self._write():
            now = self._now()
            self._db.execute(
                "UPDATE runs SET status = ?, finished_at = ? WHERE id = ?",
                (status.value, now, run_id),
            )
            # Checks named after their reason ("cancelled", not "error") are counted so.
            own = [reason.value for reason in OWN_NAME_REASONS]
            marks = ", ".join("?" * len(own))
            outcomes = dict(
                self._db.execute(
                    "SELECT CASE WHEN json_extract(payload, '$.reason') IN"
                    f" ({marks}) THEN json_extract(payload, '$.reason')"
                    " ELSE json_extract(payload, '$.status') END, count(*) FROM entries"
                    " WHERE run_id = ? AND kind = ? GROUP BY 1 ORDER BY 1",
                    (*own, run_id, EntryKind.CHECK.value),
                ).fetchall()
            )
            payload = {"status": status.value, "outcomes": outcomes}
            self._insert(now, run_id, kind, None, payload)
        self._own_runs.discard(run_id)

    # -- appending ------------------------------------------------------------------------------

    def append(
        self,
        kind: EntryKind,
        handle: str | None,
        payload: dict[str, Any],
        run_id: int | None = None,
    ) -> Entry:
        """Add one entry at the end of the chain. Payloads must never hold a secret."""
        kind = EntryKind(kind)
        check_no_secret(payload)
        # Round-trip through JSON now so that what is hashed is exactly what is stored.
        clean = json.loads(canonical_json(payload))
        with self._lock, self._write():
            return self._insert(self._now(), run_id, kind, handle, clean)

    def record_check(self, run_id: int | None, result: AccountResult) -> Entry:
        payload = result.to_json()
        payload.pop("handle", None)
        payload["duration_s"] = round(result.duration_s, 3)
        payload["message_lang"] = current_language()  # the sentence is in the run's language
        if result.evidence:
            # Its file name in the evidence folder, as evidence entries hold it: a full path
            # names the person and their folders in every export. (Older entries keep the full
            # path they hold; readers take both, by the file name.)
            payload["evidence"] = result.evidence.name
        return self.append(EntryKind.CHECK, result.handle, payload, run_id)

    def record_change(
        self,
        run_id: int | None,
        handle: str,
        box: Box,
        before: bool | None,
        after: bool | None,
        confirmed: bool,
        reverted_by_x: bool = False,
    ) -> Entry:
        payload = {
            "box": Box(box).value,
            "before": before,
            "after": after,
            "confirmed": confirmed,
            "reverted_by_x": reverted_by_x,
        }
        return self.append(EntryKind.CHANGE, handle, payload, run_id)

    def record_signin(
        self,
        run_id: int | None,
        handle: str,
        outcome: str | Enum,
        reason: Reason | None = None,
        *,
        totp_refused: bool = False,
    ) -> Entry:
        """A sign-in and how it ended; `totp_refused`: X called the code made from the saved
        2FA secret incorrect (so that an account added back from the journal keeps that secret
        unused, as the lost list did)."""
        payload: dict[str, Any] = {
            "outcome": outcome.value if isinstance(outcome, Enum) else str(outcome),
            "reason": reason.value if reason else None,
        }
        if totp_refused:
            payload["2fa_secret_refused"] = True
        return self.append(EntryKind.SIGNIN, handle, payload, run_id)

    def record_evidence(
        self, run_id: int | None, handle: str, path: Path | str, why: str, sha256: str = ""
    ) -> Entry:
        """A screenshot kept as evidence: its file name in the evidence folder and, so that a
        changed file shows in verify(), the SHA-256 of its bytes (given a full path, its file
        name alone is kept)."""
        payload = {"path": Path(path).name, "why": why}
        if sha256:
            payload["sha256"] = sha256
        return self.append(EntryKind.EVIDENCE, handle, payload, run_id)

    def record_notification(
        self,
        run_id: int | None,
        handle: str | None,
        kind: str | Enum,
        message: str,
        delivered: bool,
        reason: str | None = None,
        accounts: Sequence[str] = (),
        covers: Sequence[int] = (),
    ) -> Entry:
        """A desktop notification that was shown (or could not be: `delivered` False); its
        `reason` (a Reason's value) and, for one about no single account, the `accounts` it
        names, are what said_before() compares. `covers`: for a notice telling late what
        earlier notifications could not show, their entries' ids (missed_notices())."""
        payload: dict[str, Any] = {
            "kind": kind.value if isinstance(kind, Enum) else str(kind),
            "message": message,
            "message_lang": current_language(),
            "delivered": delivered,
        }
        if reason is not None:
            payload["reason"] = reason
        if accounts:
            payload["accounts"] = list(accounts)
        if covers:
            payload["covers"] = list(covers)
        return self.append(EntryKind.NOTIFICATION, handle, payload, run_id)

    def append_account_added(
        self,
        handle: str,
        *,
        keep: Iterable[Box] | None = None,
        added_back: bool = False,
        carried_over: bool = False,
    ) -> Entry:
        """An account added, with the boxes it keeps off (what adding it back restores);
        `added_back`: from the journal, after the list lost it; `carried_over`: an account
        already listed, entered in a journal begun afresh (core/account_recovery)."""
        payload: dict[str, Any] = {}
        if keep is not None:
            kept = set(keep)
            payload["keep"] = [box.value for box in ALL_BOXES if box in kept]
        if added_back:
            payload["added_back"] = True
        if carried_over:
            payload["carried_over"] = True
        return self.append(EntryKind.ACCOUNT_ADDED, handle, payload)

    def record_accounts_set_aside(self, moved_to: str, why: str) -> Entry:
        """The accounts file could not be used and was set aside (`why`: "corrupt", "newer"):
        the list started empty from here, and the journal still knows its accounts."""
        return self.append(EntryKind.ACCOUNTS_SET_ASIDE, None, {"moved_to": moved_to, "why": why})

    def append_account_removed(self, handle: str) -> Entry:
        return self.append(EntryKind.ACCOUNT_REMOVED, handle, {})

    def record_account_edited(self, handle: str, changes: dict[str, Any]) -> Entry | None:
        """`changes` from core/account_edits.account_changes (never a secret, an email or a
        phone number); nothing is written when it is empty."""
        return self.append(EntryKind.ACCOUNT_EDITED, handle, dict(changes)) if changes else None

    def record_settings_changed(self, changes: dict[str, Any]) -> Entry:
        """`changes` maps a setting's name to its new value (never a secret)."""
        return self.append(EntryKind.SETTINGS_CHANGED, None, dict(changes))

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

    def _read_head_file(self) -> str | None:
        try:
            return self.head_path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None

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

    # -- plumbing -------------------------------------------------------------------------------

    def _now(self) -> str:
        return iso_utc(self._clock())

    @contextlib.contextmanager
    def _write(self) -> Any:
        """One IMMEDIATE transaction: other processes wait (busy_timeout), chain stays linear."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            cause = describe_sqlite_error(error, self.path.parent)
            raise JournalError(
                tr("The journal is busy or cannot be written: {cause}.", cause=cause)
            ) from error
        try:
            before = int(self._db.execute("SELECT count FROM chain_head").fetchone()[0])
            yield
            self._db.execute("COMMIT")
        except sqlite3.OperationalError as error:
            # A full disk shows here, at an insert or at COMMIT; nothing of it is kept.
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")
            cause = describe_sqlite_error(error, self.path.parent)
            raise JournalError(
                tr("The journal could not be written: {cause}.", cause=cause)
            ) from error
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")
            raise
        self._write_head_file(before)
        if self._fold_pending:
            self.fold_erased()

    @property
    def fold_marker(self) -> Path:
        """The file that says an erasure's old bytes may still be in the write-ahead log."""
        return self.path.with_name(self.path.name + ERASURE_PENDING)

    @property
    def erased_bytes_pending(self) -> bool:
        """Whether an erasure's old bytes may still be in the write-ahead log."""
        return self._fold_pending

    def fold_erased(self, wait_ms: int = 0) -> bool:
        """The write-ahead log written into the file and emptied (SQLite overwrote the erased
        bytes in the pages it writes there), waiting at most `wait_ms` for other processes'
        reads; a read still going on leaves it for a later write or close. True when done."""
        with self._lock:
            db = self._db
            try:
                db.execute(f"PRAGMA busy_timeout = {wait_ms}")
                try:
                    busy = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
                finally:
                    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            except sqlite3.Error as error:
                log.warning("journal log not emptied after an erasure: %s", error)
                busy = 1
            if busy:
                log.warning("journal log not emptied after an erasure: another process reads it")
                if not self._fold_pending:
                    with contextlib.suppress(OSError):
                        self.fold_marker.touch(0o600)
                self._fold_pending = True
                return False
            self._fold_pending = False
            with contextlib.suppress(OSError):
                self.fold_marker.unlink(missing_ok=True)
            return True

    def _insert(
        self,
        ts: str,
        run_id: int | None,
        kind: EntryKind,
        handle: str | None,
        payload: dict[str, Any],
    ) -> Entry:
        count, prev = self._db.execute("SELECT count, last_hash FROM chain_head").fetchone()
        row = self._db.execute("SELECT coalesce(max(id), 0) FROM entries").fetchone()
        id_ = int(row[0]) + 1
        hash_ = entry_hash(prev, id_, ts, run_id, kind.value, handle, payload)
        self._db.execute(
            "INSERT INTO entries (id, ts, run_id, kind, handle, payload, prev_hash, hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (id_, ts, run_id, kind.value, handle, canonical_json(payload), prev, hash_),
        )
        self._db.execute("UPDATE chain_head SET count = ?, last_hash = ?", (count + 1, hash_))
        return Entry(id_, ts, run_id, kind, handle, payload, prev, hash_)

    def _write_head_file(self, before: int) -> None:
        """Move journal.head forward, unless it disagrees with the chain as it was before this
        write: then it is the evidence of a truncation or a swap, and is left for verify()."""
        side = self._read_head_file()
        if side is None:
            if before != 0:
                log.warning("journal head file missing; left missing for verify() to report")
                return
        else:
            try:
                raw = json.loads(side)
                side_count, side_hash = int(raw["count"]), str(raw["hash"])
            except (ValueError, KeyError, TypeError):
                log.warning("journal head file damaged; left as is for verify() to report")
                return
            # Entry n of the chain has id n (ids start at 1 and nothing is ever removed); looked
            # up by id, this costs the same at 10 entries and at 100 000. A chain with a gap in
            # its ids fails verify() by itself.
            row = self._db.execute(
                "SELECT hash FROM entries WHERE id = ?", (side_count,)
            ).fetchone()
            if side_count > before or (side_count > 0 and (row is None or row[0] != side_hash)):
                log.warning("journal head file disagrees with the chain; left for verify()")
                return
        count, last_hash = self._db.execute("SELECT count, last_hash FROM chain_head").fetchone()
        try:
            atomic_write_text(
                self.head_path, json.dumps({"count": count, "hash": last_hash}) + "\n"
            )
        except StorageError as error:
            # The entry is committed; a side file left behind is tolerated by verify() and
            # caught up by the next append. Failing the caller here would misreport the entry.
            log.warning("journal head file not updated: %s", error)


def _confirm_as_it_was(path: Path, stamp: FileStamp | None) -> None:
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


def _nothing_at(path: Path) -> bool:
    """No journal file (nor a write-ahead log left of one, which SQLite would read back)."""
    return not path.exists() and not path.with_name(path.name + "-wal").exists()


def _empty_in_memory(migrations: Sequence[Migration]) -> sqlite3.Connection:
    """An empty journal in memory, for the queries of a first start's first frame."""
    db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    migrate(db, migrations, 0)
    return db


def _unknown_tables_error(error: UnknownTables, path: Path) -> StorageError:
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


def _open_error(error: OSError | sqlite3.OperationalError, path: Path) -> StorageError:
    """Locked, read-only, full, missing folder: a set-up problem, not a damaged file."""
    if isinstance(error, OSError):
        cause = describe_os_error(error)
    else:
        cause = describe_sqlite_error(error, path.parent)
    return StorageError(tr("Could not open the journal {path}: {cause}.", path=path, cause=cause))
