"""Writing to the journal: one entry appended to the hash chain in one transaction, the head
file moved along, an erasure's old bytes folded out of the write-ahead log. A mixin of
`Journal` (core/journal.py), which holds the connection."""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from consentinel.core.fileio import StorageError, atomic_write_text
from consentinel.core.i18n import tr
from consentinel.core.journal_entries import (
    Entry,
    EntryKind,
    canonical_json,
    check_no_secret,
    entry_hash,
)
from consentinel.core.journal_opening import JournalError, describe_sqlite_error
from consentinel.core.journal_queries import iso_utc
from consentinel.core.journal_schema import BUSY_TIMEOUT_MS

log = logging.getLogger(__name__)

#: Beside the journal's file (its name + this) while an erasure's old bytes may still be in
#: its write-ahead log: see `Journal.fold_erased`.
ERASURE_PENDING = "-erasure-pending"


class JournalWrites:
    """Appending to the chain; `Journal` holds the connection, its lock and its clock."""

    if TYPE_CHECKING:
        path: Path
        head_path: Path
        _lock: threading.RLock
        _clock: Callable[[], datetime]
        _fold_pending: bool
        _closed: bool

        @property
        def _db(self) -> sqlite3.Connection: ...

        @property
        def unchecked(self) -> bool: ...

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

    def fold_erased_left(self) -> bool | None:
        """For a caller that must not wait (the window, idle while another process erased):
        an erasure's old bytes left in the write-ahead log, by this process or another (its
        mark, ERASURE_PENDING), folded now unless a read still holds them. True: none left;
        False: still left; None: not tried (the journal closed, not checked yet, or held by
        another thread)."""
        if not self._fold_pending and not self.fold_marker.exists():
            return True  # (the usual answer: asked at each change in the journal's folder)
        if not self._lock.acquire(blocking=False):
            return None
        try:
            if self._closed or self.unchecked:
                return None
            return self.fold_erased(warn=False)
        finally:
            self._lock.release()

    def fold_erased(self, wait_ms: int = 0, *, warn: bool = True) -> bool:
        """The write-ahead log written into the file and emptied (SQLite overwrote the erased
        bytes in the pages it writes there), waiting at most `wait_ms` for other processes'
        reads; a read still going on leaves it for a later write or close, or for the
        window's `fold_erased_left`. True when done. `warn`: a failure is logged."""
        with self._lock:
            db = self._db
            try:
                db.execute(f"PRAGMA busy_timeout = {wait_ms}")
                try:
                    busy = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
                finally:
                    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            except sqlite3.Error as error:
                if warn:
                    log.warning("journal log not emptied after an erasure: %s", error)
                busy = 1
            if busy:
                if warn:
                    log.warning(
                        "journal log not emptied after an erasure: another process reads it"
                    )
                if not self._fold_pending:
                    with contextlib.suppress(OSError):
                        self.fold_marker.touch(0o600)
                self._fold_pending = True
                return False
            if self._fold_pending or not warn:
                log.info("journal log emptied of what an erasure left in it")
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

    def _read_head_file(self) -> str | None:
        try:
            return self.head_path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
