"""Erasing one account's history from the journal, the chain still verifying afterwards.

Each of the account's entries keeps its id, time, run, prev_hash and hash (the next entry's
link), and loses its kind, account and payload: it becomes an `erased` entry naming the entry
that erased it. That entry, `history_erased`, is appended to the chain: it lists the erased
entries and holds a digest of their hashes, and names no account. verify() accepts an erased
entry only when a later `history_erased` entry, itself matching its hash, names it and the
digest of the hashes it names is the one it holds: an entry emptied by hand still fails, and
so does an erasure entry edited by hand. The account's screenshots are deleted, and SQLite
overwrites what it frees (secure_delete), then folds its write-ahead log into the file and
empties it, so that the account's bytes are gone from the journal's files too.
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from consentinel.core.accounts import handle_key
from consentinel.core.evidence import evidence_file
from consentinel.core.journal_entries import EntryKind, canonical_json

if TYPE_CHECKING:
    from consentinel.core.journal import Journal

log = logging.getLogger(__name__)

#: The one key of an erased entry's payload: the id of the `history_erased` entry.
ERASED_BY = "erased_by"


class Erasure(NamedTuple):
    """What erasing an account's history did (or would do: `history_of`)."""

    entries: int
    screenshots: int
    #: The `history_erased` entry written (None: nothing to erase, nothing written).
    entry_id: int | None = None
    #: Screenshots that could not be deleted (their file names), said to the person.
    not_deleted: tuple[str, ...] = ()


def hashes_digest(pairs: Iterable[tuple[int, str]]) -> str:
    """The digest a `history_erased` entry holds: SHA-256 of "id:hash" lines, by id."""
    import hashlib

    lines = "".join(f"{id_}:{hash_}\n" for id_, hash_ in sorted(pairs))
    return hashlib.sha256(lines.encode("utf-8")).hexdigest()


def erased_by(kind: object, handle: object, payload: object) -> int | None:
    """The `history_erased` entry an entry says erased it, when it is exactly as an erasure
    leaves it (kind `erased`, no account, its payload that entry's id alone); else None."""
    if kind != EntryKind.ERASED.value or handle is not None or not isinstance(payload, dict):
        return None
    by = payload.get(ERASED_BY)
    return by if set(payload) == {ERASED_BY} and type(by) is int else None


def vouched(erased: Mapping[int, tuple[int, str]], erasures: Mapping[int, object]) -> set[int]:
    """The erased entries whose erasure checks out. `erased`: for each entry as an erasure
    leaves it, (the entry it names, its stored hash); `erasures`: the payload of each
    `history_erased` entry that matches its own hash. An erasure checks out when every entry
    it lists comes before it, is erased, names it, and the digest of their hashes is its own."""
    found: set[int] = set()
    for by, payload in erasures.items():
        if not isinstance(payload, dict):
            continue
        ids = payload.get("entries")
        if not isinstance(ids, list) or not all(type(i) is int for i in ids):
            continue
        if any(i >= by or i not in erased or erased[i][0] != by for i in ids):
            continue
        if hashes_digest((i, erased[i][1]) for i in ids) != payload.get("digest"):
            continue
        found.update(ids)
    return found


def vouched_rows(
    rows: Iterable[Sequence[Any]], matches: Callable[[Sequence[Any]], bool]
) -> set[int]:
    """vouched() over stored rows (id, ts, run_id, kind, handle, payload text, prev_hash,
    hash); `matches(row)`: whether a row matches its own hash."""
    erased: dict[int, tuple[int, str]] = {}
    erasures: dict[int, object] = {}
    for row in rows:
        kind = row[3]
        if kind == EntryKind.ERASED.value:
            by = erased_by(kind, row[4], _parsed(row[5]))
            if by is not None:
                erased[int(row[0])] = (by, str(row[7]))
        elif kind == EntryKind.HISTORY_ERASED.value and matches(row):
            erasures[int(row[0])] = _parsed(row[5])
    return vouched(erased, erasures) if erasures else set()


def _parsed(text: object) -> object:
    try:
        return json.loads(str(text))
    except (ValueError, RecursionError):
        return None


# -- erasing -----------------------------------------------------------------------------------

_Row = tuple[int, str, str]  # id, kind, payload text


def _rows_of(db: sqlite3.Connection, key: str) -> list[_Row]:
    """The account's entries: those of its handle, and notifications about several accounts
    that name it (their words name it too)."""
    rows = db.execute(
        "SELECT id, kind, payload FROM entries WHERE lower(handle) = ? ORDER BY id", (key,)
    ).fetchall()
    for id_, kind, payload in db.execute(
        "SELECT id, kind, payload FROM entries WHERE handle IS NULL AND kind = ?",
        (EntryKind.NOTIFICATION.value,),
    ):
        named = _parsed(payload)
        accounts = named.get("accounts") if isinstance(named, dict) else None
        if isinstance(accounts, list) and key in {handle_key(str(h)) for h in accounts}:
            rows.append((id_, kind, payload))
    return sorted((int(i), str(k), str(p)) for i, k, p in rows)


def _screenshots_of(rows: Iterable[_Row], key: str, evidence_dir: Path | None) -> list[Path]:
    """The account's screenshots there: those its entries name, and any other file named as
    its screenshots are (one kept by a check stopped before it was journaled)."""
    if evidence_dir is None:
        return []
    names: set[str] = set()
    for _id, kind, payload in rows:
        value = _parsed(payload)
        if not isinstance(value, dict):
            continue
        if kind == EntryKind.EVIDENCE.value and value.get("path"):
            names.add(evidence_file(evidence_dir, str(value["path"])).name)
        elif kind == EntryKind.CHECK.value and value.get("evidence"):
            names.add(evidence_file(evidence_dir, str(value["evidence"])).name)
    own = re.compile(rf"run\d+-{re.escape(key)}-.*\.png")
    with contextlib.suppress(FileNotFoundError):
        names.update(f.name for f in evidence_dir.iterdir() if own.fullmatch(f.name))
    return sorted(f for f in (evidence_dir / name for name in names) if f.is_file())


def history_of(journal: Journal, handle: str) -> Erasure:
    """What erasing `handle`'s history would erase: its entries and screenshots, counted."""
    key = handle_key(handle)
    with journal._lock:
        rows = _rows_of(journal._db, key)
    return Erasure(len(rows), len(_screenshots_of(rows, key, journal.evidence_dir)))


def erase_history(journal: Journal, handle: str) -> Erasure:
    """Erase `handle`'s entries and screenshots (see the module's words): nothing is written
    when the journal holds nothing of it. Raises JournalError when the journal cannot be
    written: then nothing is erased. A screenshot that cannot be deleted is said in
    `not_deleted` (the journal no longer asks for it)."""
    key = handle_key(handle)
    with journal._lock:
        db = journal._db
        # Freed bytes overwritten with zeros: the old rows' text leaves the file's free space.
        db.execute("PRAGMA secure_delete = ON")
        with journal._write():
            rows = _rows_of(db, key)
            shots = _screenshots_of(rows, key, journal.evidence_dir)
            entry_id = _erase_rows(journal, rows, len(shots)) if rows else None
        if entry_id is not None:
            _fold_log(db)
    not_deleted = []
    for shot in shots:
        try:
            shot.unlink()
        except FileNotFoundError:
            pass
        except OSError as error:
            log.warning("screenshot not deleted: %s", error.strerror)
            not_deleted.append(shot.name)
    return Erasure(len(rows), len(shots) - len(not_deleted), entry_id, tuple(not_deleted))


def _erase_rows(journal: Journal, rows: list[_Row], screenshots: int) -> int:
    """Inside the write: `rows` emptied, and the `history_erased` entry appended; its id."""
    db = journal._db
    ids = [id_ for id_, _kind, _payload in rows]
    # The ids as one JSON list: years of one account's entries outnumber SQLite's variables.
    listed = "(SELECT value FROM json_each(?))"
    hashes = db.execute(
        f"SELECT id, hash FROM entries WHERE id IN {listed}", (json.dumps(ids),)
    ).fetchall()
    by = int(db.execute("SELECT coalesce(max(id), 0) FROM entries").fetchone()[0]) + 1
    db.execute(
        f"UPDATE entries SET kind = ?, handle = NULL, payload = ? WHERE id IN {listed}",
        (EntryKind.ERASED.value, canonical_json({ERASED_BY: by}), json.dumps(ids)),
    )
    payload = {
        "entries": ids,
        "screenshots": screenshots,
        "digest": hashes_digest((int(i), str(h)) for i, h in hashes),
    }
    entry = journal._insert(journal._now(), None, EntryKind.HISTORY_ERASED, None, payload)
    assert entry.id == by
    return by


def _fold_log(db: sqlite3.Connection) -> None:
    """The write-ahead log, which still holds the pages as they were before, written into the
    file and emptied. Another process reading the journal just then may hold it back: then
    it is emptied at a later write (SQLite starts it over once it is all in the file)."""
    try:
        busy, _frames, _done = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.Error as error:
        log.warning("journal log not emptied after an erasure: %s", error)
        return
    if busy:
        log.warning("journal log not emptied after an erasure: another process reads it")


def erasure_words(kind: EntryKind, payload: Mapping[str, Any]) -> str | None:
    """What an erased entry, or an erasure entry, says (`consentinel log`); None for others."""
    from consentinel.core.evidence_bundle import entries_count, screenshots_count
    from consentinel.core.i18n import tr

    if kind is EntryKind.ERASED:
        return tr(
            "emptied when an account's history was erased (entry {id})",
            id=payload.get(ERASED_BY, "?"),
        )
    if kind is EntryKind.HISTORY_ERASED:
        entries, shots = erased_count(payload)
        return tr(
            "the history of an account was erased: {entries}, {screenshots}",
            entries=entries_count(entries),
            screenshots=screenshots_count(shots),
        )
    return None


def erased_count(payload: Mapping[str, Any]) -> tuple[int, int]:
    """A `history_erased` entry's count of entries and of screenshots."""
    entries = payload.get("entries")
    shots = payload.get("screenshots")
    return (
        len(entries) if isinstance(entries, list) else 0,
        shots if type(shots) is int else 0,
    )


__all__ = [
    "ERASED_BY",
    "Erasure",
    "erase_history",
    "erased_by",
    "erased_count",
    "erasure_words",
    "hashes_digest",
    "history_of",
    "vouched",
    "vouched_rows",
]
