"""Checking the journal's hash chain: edited, deleted, reordered or truncated entries."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from consentinel.core.i18n import tr
from consentinel.core.journal_entries import (
    GENESIS_HASH,
    VerifyResult,
    entry_hash,
    stored_entry_hash,
)
from consentinel.core.json_keys import keys_written_twice, loads_noting_twice

HEAD_FILE_NAME = "journal.head"


def problems_to_list(problems: Sequence[str], at_most: int) -> tuple[tuple[str, ...], int]:
    """The problems to list, and how many are left for "… and N more". One more than
    `at_most` are all listed: "… and 1 more" would take the line that problem needs."""
    room = at_most if len(problems) > at_most + 1 else len(problems)
    return tuple(problems[:room]), len(problems) - room


def problems_in_short(verdict: VerifyResult) -> str:
    """The first problem, and how many more there are: one sentence for a badge or a warning
    (the first problem may end in brackets of its own: the count is not a second pair)."""
    first = verdict.problem or ""
    more = len(verdict.problems) - 1
    if more < 1:
        return first
    if more == 1:
        return tr("{problem}; one more problem was found.", problem=first.rstrip("."))
    return tr("{problem}; {more} more problems were found.", problem=first.rstrip("."), more=more)


def verify_chain(
    rows: Sequence[Sequence[Any]], head: Sequence[Any] | None, side: str | None
) -> VerifyResult:
    """`rows`: (id, ts, run_id, kind, handle, payload, prev_hash, hash) by id; `head`: the
    chain_head row (count, last_hash); `side`: the journal.head file's text (None: missing).

    The chain is walked to its end: after a break the walk goes on from the entry that broke
    it, so that each edited, removed or moved entry is named once, not only the first."""
    problems: list[str] = []
    damaged: list[tuple[int, str]] = []
    # Entries emptied by an erasure of an account's history: each stands for its stored hash
    # only when a later erasure entry, itself intact, names it with that hash.
    from consentinel.core.journal_erasure import (  # (not with the first frame)
        erasure_problem,
        vouched_rows,
    )

    erased, erasures = vouched_rows(rows, _hash_matches)
    wrong = {e.entry_id: erasure_problem(e) for e in erasures}
    prev = GENESIS_HASH
    last_id = 0
    for row in rows:
        id_, prev_hash, hash_ = row[0], row[6], row[7]
        problem = None
        if prev_hash != prev:
            problem = tr(
                "entry {id} does not follow the one before it (an entry was deleted, moved "
                "or edited).",
                id=id_,
            )
        elif id_ <= last_id or (id_ not in erased and not _hash_matches(row)):
            problem = tr("entry {id} was edited.", id=id_)
        elif wrong.get(id_):
            problem = wrong[id_]
        if problem is not None:
            problems.append(problem)
            damaged.append((int(id_), problem))
        prev, last_id = hash_, max(last_id, id_)
    count = len(rows)
    problem = _head_row_problem(head, count, prev)
    if problem is None:
        problem = _check_head_file(side, count, prev, rows)
    if problem:
        problems.append(problem)
    return VerifyResult.of(count, problems, damaged, [e for e in erasures if e.entries])


def _head_row_problem(head: Sequence[Any] | None, count: int, last_hash: str) -> str | None:
    """What the journal's head (its count of entries and last hash, kept in the file) says of
    its end, when they disagree: only a last entry that is not the one the head names shows
    entries gone from (or added at) the end."""
    if head is None:
        return tr("the journal's head, which counts its entries, is missing.")
    expected = int(head[0])
    if expected == count and head[1] == last_hash:
        return None
    if head[1] == last_hash:  # its last entry is the head's: what changed is before it
        words = (
            "the journal has {count} entries but its head says {expected}: entries were "
            "removed before its last one."
            if count < expected
            else "the journal has {count} entries but its head says {expected}: entries were "
            "added before its last one."
        )
        return tr(words, count=count, expected=expected)
    if count < expected:
        return tr(
            "the journal has {count} entries but its head says {expected}: entries were "
            "removed from the end.",
            count=count,
            expected=expected,
        )
    return tr(
        "the journal's last entry is not the one its head names: its end was changed or added to."
    )


def _hash_matches(row: Sequence[Any]) -> bool:
    # The payload as stored is hashed without parsing it (three times faster for a long
    # journal); only a text that is not exactly what Consentinel writes is parsed and hashed
    # as its value, as it always was.
    id_, ts, run_id, kind, handle, payload_text, prev_hash, hash_ = row
    try:
        if stored_entry_hash(row) == hash_:
            return True
        payload = loads_noting_twice(payload_text)
        # A key written twice is an edit: Python would read the last, SQLite's json_extract
        # (the window's filters, the run's counts) the first, so the two would disagree.
        if keys_written_twice(payload):
            return False
        return entry_hash(prev_hash, id_, ts, run_id, kind, handle, payload) == str(hash_)
    except (ValueError, RecursionError):
        return False
    except TypeError:  # a column edited into what no entry holds (bytes): it was edited
        return False


def _check_head_file(
    side: str | None, count: int, last_hash: str, rows: Sequence[Sequence[Any]]
) -> str | None:
    if side is None:
        if count == 0:
            return None
        return tr("the file {name} next to the journal is missing.", name=HEAD_FILE_NAME)
    try:
        raw = json.loads(side)
        side_count, side_hash = int(raw["count"]), str(raw["hash"])
    except (ValueError, KeyError, TypeError):
        return tr("the file {name} next to the journal is damaged.", name=HEAD_FILE_NAME)
    if side_count == count and side_hash == last_hash:
        return None
    # The side file is written just after each commit: after a crash it may be one entry
    # behind, which is fine as long as it names an entry of this chain.
    if side_count < count and (side_count == 0 or rows[side_count - 1][7] == side_hash):
        return None
    return tr(
        "the journal has {count} entries but {name} says {expected}: the journal was "
        "truncated or replaced.",
        count=count,
        name=HEAD_FILE_NAME,
        expected=side_count,
    )
