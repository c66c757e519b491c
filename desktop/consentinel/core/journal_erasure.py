"""Erasing one account's history from the journal, the chain still verifying afterwards.

Each of the account's entries keeps its id, time, run, prev_hash and hash (the next entry's
link), and loses its kind, account and payload: it becomes an `erased` entry naming the entry
that erased it. That entry, `history_erased`, is appended to the chain: it lists the erased
entries and holds a digest of their ids, times, runs and hashes, and names no account.
verify() accepts an erased entry only when a later `history_erased` entry, itself matching its
hash, names it and the digest of the entries it names is the one it holds: an entry emptied by
hand still fails, and so do an emptied entry's time or run edited by hand (no hash of its own
covers them any more), and an erasure entry edited by hand. Whoever can write the file can
still erase any entry the way Consentinel does (the chain cannot tell an erasure asked for from
one that was not), so every verdict lists the erasures it accepted. The account's screenshots
are deleted, and SQLite overwrites what it frees (secure_delete), then folds its write-ahead log
into the file and empties it (again at later writes and at close when another process reads
just then), so that the account's bytes are gone from the journal's files too. An emptied
entry keeps its hash, which the chain needs: a guessable one (an account added) still lets
whoever suspects a handle confirm it (docs/journal-export.md).
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from consentinel.core.accounts import handle_key
from consentinel.core.evidence import evidence_file
from consentinel.core.journal_entries import EntryKind, ErasureSeen, canonical_json
from consentinel.core.journal_schema import mark_erased

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
    #: Log files the account's lines could not be taken out of (their names).
    logs_left: tuple[str, ...] = ()


class Emptied(NamedTuple):
    """An entry as an erasure leaves it: the erasure it names, and what of it stays and no
    hash of its own covers any more (its stored hash no longer matches its content)."""

    by: int
    ts: object
    run_id: object
    hash: str


def emptied_digest(emptied: Mapping[int, Emptied]) -> str:
    """The digest a `history_erased` entry holds: SHA-256 of the canonical JSON of
    [id, ts, run_id, hash] for each entry it emptied, by id. Its time and run are in it: the
    emptied entry's own hash can no longer be checked, so nothing else covers them (JSON, not
    "id:hash:ts" lines: a time holds colons, and a run edited into text is not the number)."""
    import hashlib

    rows = [[id_, e.ts, e.run_id, e.hash] for id_, e in sorted(emptied.items())]
    return hashlib.sha256(canonical_json(rows).encode("utf-8")).hexdigest()


def hashes_digest(pairs: Iterable[tuple[int, str]]) -> str:
    """The digest erasures written by development versions held (SHA-256 of "id:hash" lines,
    by id), still read: it covers no emptied entry's time nor run."""
    import hashlib

    lines = "".join(f"{id_}:{hash_}\n" for id_, hash_ in sorted(pairs))
    return hashlib.sha256(lines.encode("utf-8")).hexdigest()


def _digest_matches(emptied: Mapping[int, Emptied], digest: object) -> bool:
    """`digest` is the erasure's of `emptied`: as written now, or as an erasure written by a
    development version held it (id:hash only). The stored digest is under the erasure's own
    hash: an erasure written now cannot be made to read as an older one without breaking it."""
    if not isinstance(digest, str):
        return False
    try:
        if emptied_digest(emptied) == digest:
            return True
    except (TypeError, ValueError):  # a time or run edited into what JSON cannot hold (bytes)
        pass
    return hashes_digest((i, e.hash) for i, e in emptied.items()) == digest


def erased_by(kind: object, handle: object, payload: object) -> int | None:
    """The `history_erased` entry an entry says erased it, when it is exactly as an erasure
    leaves it (kind `erased`, no account, its payload that entry's id alone); else None."""
    if kind != EntryKind.ERASED.value or handle is not None or not isinstance(payload, dict):
        return None
    by = payload.get(ERASED_BY)
    return by if set(payload) == {ERASED_BY} and type(by) is int else None


#: Kinds no account's history holds: an erasure listing one is refused (verify cannot see what
#: an emptied entry was, so the erasure says it, under its own hash; these it may never say).
NOT_ERASABLE = frozenset(
    {
        EntryKind.SETTINGS_CHANGED.value,
        EntryKind.JOURNAL_RESTARTED.value,
        EntryKind.HISTORY_ERASED.value,
        EntryKind.ERASED.value,
    }
)


def vouched(
    erased: Mapping[int, Emptied],
    erasures: Mapping[int, object],
    held: AbstractSet[int] | None = None,
) -> dict[int, list[int]]:
    """The erasures that check out, each with the entries it emptied. `erased`: each entry as
    an erasure leaves it; `erasures`: the payload of each `history_erased` entry that matches
    its own hash; `held`: the ids a filtered export holds (None: every entry is there, the
    journal's or a complete export's). An erasure checks out when every entry it lists (once)
    comes before it, no erasure before it lists it, it says for each the kind it was and that
    kind can be an account's, and its digest is that of those entries, each erased and naming
    it. In a filtered export, which leaves out the entries an erasure emptied, an erasure
    listing none the file holds checks out on its own hash (the file cannot show more); one
    listing some the file holds is checked as above, all it lists then being there."""
    found: dict[int, list[int]] = {}
    listed: set[int] = set()
    for by in sorted(erasures):
        ids = _listed_ids(erasures[by])
        if ids is None or any(i >= by or i in listed for i in ids):
            continue
        # (an entry listed twice, or by two erasures, is refused above: none counts it twice)
        left_out = held is not None and not any(i in held for i in ids)
        if not left_out:
            if any(i not in erased or erased[i].by != by for i in ids):
                continue
            payload = erasures[by]
            assert isinstance(payload, dict)
            if not _digest_matches({i: erased[i] for i in ids}, payload.get("digest")):
                continue
        listed.update(ids)
        found[by] = ids
    return found


def _listed_ids(payload: object) -> list[int] | None:
    """The ids an erasure's payload lists, once each, with a known kind for each; else None."""
    if not isinstance(payload, dict):
        return None
    ids, kinds = payload.get("entries"), payload.get("kinds")
    if not isinstance(ids, list) or not all(type(i) is int for i in ids):
        return None
    if not ids or len(set(ids)) != len(ids) or not _erasable(kinds, len(ids)):
        return None
    return ids


def _erasable(kinds: object, count: int) -> bool:
    """`kinds` one known kind an account's history holds for each of `count` entries."""
    known = {kind.value for kind in EntryKind} - NOT_ERASABLE
    return isinstance(kinds, list) and len(kinds) == count and all(k in known for k in kinds)


def vouched_rows(
    rows: Iterable[Sequence[Any]], matches: Callable[[Sequence[Any]], bool]
) -> tuple[set[int], list[ErasureSeen]]:
    """vouched() over stored rows (id, ts, run_id, kind, handle, payload text, prev_hash,
    hash); `matches(row)`: whether a row matches its own hash. The entries vouched for, and
    each erasure that vouches for them."""
    erased: dict[int, Emptied] = {}
    erasures: dict[int, object] = {}
    times: dict[int, str] = {}
    for row in rows:
        kind = row[3]
        if kind == EntryKind.ERASED.value:
            by = erased_by(kind, row[4], _parsed(row[5]))
            if by is not None:
                # (its time and run as stored: one edited into another type differs)
                erased[int(row[0])] = Emptied(by, row[1], row[2], str(row[7]))
        elif kind == EntryKind.HISTORY_ERASED.value and matches(row):
            erasures[int(row[0])] = _parsed(row[5])
            times[int(row[0])] = str(row[1])
    return erasures_seen(erased, erasures, times)


def erasures_seen(
    erased: Mapping[int, Emptied],
    erasures: Mapping[int, object],
    times: Mapping[int, str],
    held: AbstractSet[int] | None = None,
) -> tuple[set[int], list[ErasureSeen]]:
    """vouched()'s entries (those of them there), and each erasure with how many entries it
    emptied: one that does not check out has none."""
    if not erasures:
        return set(), []
    found = vouched(erased, erasures, held)
    seen = [ErasureSeen(by, times[by], len(found.get(by, ()))) for by in sorted(erasures)]
    return {i for ids in found.values() for i in ids if i in erased}, seen


def erasure_problem(erasure: ErasureSeen) -> str | None:
    """The problem of an erasure entry that matches its hash yet does not check out (it lists
    entries not emptied by it, or more than once, or of a kind no account has): the journal
    was edited."""
    from consentinel.core.i18n import tr

    if erasure.entries:
        return None
    return tr(
        "entry {id} says it erased an account's history, but the entries it lists were not "
        "emptied by it as it says: the journal was edited.",
        id=erasure.entry_id,
    )


def _parsed(text: object) -> object:
    try:
        return json.loads(str(text))
    except (ValueError, RecursionError):
        return None


# -- erasing -----------------------------------------------------------------------------------

_Row = tuple[int, str, str]  # id, kind, payload text


def _rows_of(db: sqlite3.Connection, key: str) -> list[_Row]:
    """The account's entries: those of its handle, and notifications about several accounts
    that name it (their words name it too, or, past the first few, count it): each emptied
    whole, the other accounts it named losing that one entry too."""
    rows = [
        row
        for row in db.execute(
            "SELECT id, kind, payload FROM entries WHERE lower(handle) = ? ORDER BY id", (key,)
        )
        if row[1] not in NOT_ERASABLE
    ]
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
            # (a second at most: a read by another process then leaves it for later)
            journal.fold_erased(wait_ms=1000)
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
    kinds = [kind for _id, kind, _payload in rows]
    by = int(db.execute("SELECT coalesce(max(id), 0) FROM entries").fetchone()[0]) + 1
    # Their time and run as stored, as verify reads them.
    emptied = {
        int(id_): Emptied(by, ts, run_id, str(hash_))
        for id_, ts, run_id, hash_ in db.execute(
            f"SELECT id, ts, run_id, hash FROM entries WHERE id IN {listed}", (json.dumps(ids),)
        )
    }
    db.execute(
        f"UPDATE entries SET kind = ?, handle = NULL, payload = ? WHERE id IN {listed}",
        (EntryKind.ERASED.value, canonical_json({ERASED_BY: by}), json.dumps(ids)),
    )
    payload = {
        "entries": ids,
        # What each was (no account named): verify refuses an erasure of a kind no account
        # has (the settings, a journal's start, another erasure).
        "kinds": kinds,
        "screenshots": screenshots,
        "digest": emptied_digest(emptied),
    }
    entry = journal._insert(journal._now(), None, EntryKind.HISTORY_ERASED, None, payload)
    assert entry.id == by
    # (committed with the erasure: an earlier Consentinel says a newer one wrote the journal)
    mark_erased(db)
    return by


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


def erasures_sentence(erasures: Sequence[ErasureSeen]) -> str:
    """What a verdict says of the erasures the chain accepted (said whatever the verdict): how
    many entries they emptied, each erasure's entry and time, and that the chain no longer
    vouches for what those entries held (an erasure can hide any entry's content, so each is
    always listed)."""
    from datetime import datetime

    from consentinel.core.evidence_bundle import entries_count
    from consentinel.core.i18n import tr
    from consentinel.core.moments import moment_text

    def when(ts: str) -> str:
        try:
            return moment_text(datetime.fromisoformat(ts))
        except ValueError:
            return ts

    which = "; ".join(
        tr("entry {id}, {when}", id=erasure.entry_id, when=when(erasure.ts)) for erasure in erasures
    )
    emptied = sum(erasure.entries for erasure in erasures)
    if emptied == 1:
        return tr(
            "1 entry was emptied by an erasure of an account's history ({which}): the chain "
            "vouches for where it was, no longer for what it held.",
            which=which,
        )
    if len(erasures) == 1:
        return tr(
            "{entries} were emptied by an erasure of an account's history ({which}): the chain "
            "vouches for where they were, no longer for what they held.",
            entries=entries_count(emptied),
            which=which,
        )
    return tr(
        "{entries} were emptied by {count} erasures of an account's history ({which}): the "
        "chain vouches for where they were, no longer for what they held.",
        entries=entries_count(emptied),
        count=len(erasures),
        which=which,
    )


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
    "Emptied",
    "Erasure",
    "emptied_digest",
    "erase_history",
    "erased_by",
    "erased_count",
    "erasure_problem",
    "erasure_words",
    "erasures_seen",
    "erasures_sentence",
    "hashes_digest",
    "history_of",
    "vouched",
    "vouched_rows",
]
