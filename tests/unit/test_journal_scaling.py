"""The journal at any length: what the app reads and writes on every check and every refresh of
the accounts table is served by an index, never by reading the whole journal.

Checked through SQLite's own query plans (EXPLAIN QUERY PLAN) of the statements each call
really runs (captured with the connection's trace callback), so the tests need no timing and
no large journal: a plan that scans `entries` is a cost that grows with every check ever made.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from consentinel.core.journal import EntryKind, Journal
from consentinel.core.journal_entries import canonical_json, entry_hash, stored_entry_hash
from consentinel.core.journal_schema import MIGRATIONS, OPEN_VERSION, connect, migrate, user_version
from consentinel.core.status import Box
from tests.unit.test_journal import fill, raw


def plans(j: Journal, call: Callable[[], Any]) -> list[str]:
    """The query plan of every SELECT that `call` runs on the journal's connection."""
    statements: list[str] = []
    j._db.set_trace_callback(statements.append)
    try:
        call()
    finally:
        j._db.set_trace_callback(None)
    found = []
    for sql in statements:
        if sql.lstrip().upper().startswith("SELECT"):
            found += [str(row[3]) for row in j._db.execute("EXPLAIN QUERY PLAN " + sql)]
    assert found, f"no SELECT ran: {statements}"
    return found


def assert_no_scan_of_entries(found: list[str]) -> None:
    scans = [p for p in found if p.startswith("SCAN entries")]
    assert not scans, f"reads the whole journal: {found}"


def test_reading_one_account_uses_the_handle_index(journal: Journal) -> None:
    fill(journal)
    journal.record_change(None, "Alice", Box.TRAINING, True, False, confirmed=True)
    for call in (
        lambda: journal.last_check("ALICE"),
        lambda: journal.entries(handle="alice"),
        lambda: journal.entries(handle="alice", kinds=[EntryKind.CHECK, EntryKind.SIGNIN], limit=1),
        lambda: journal.last_read_off_by_us("alice", Box.TRAINING),
        lambda: journal.every_account_checked_at(["alice"]),
    ):
        found = plans(journal, call)
        assert_no_scan_of_entries(found)
        assert any("USING INDEX entries_by_handle_key" in p for p in found), found
    # Same answers as before the index: handles still compare case-insensitively.
    check = journal.last_check("ALICE")
    assert check is not None and check.handle == "Alice"
    assert journal.last_read_off_by_us("aLiCe", Box.TRAINING)


def test_appending_reads_no_more_at_the_end_of_a_long_journal(journal: Journal) -> None:
    fill(journal)
    found = plans(journal, lambda: journal.append(EntryKind.ACCOUNT_ADDED, "carol", {}))
    assert_no_scan_of_entries(found)
    assert journal.verify().ok


def test_the_last_run_that_went_through_is_found_by_run_not_among_all_checks(
    journal: Journal,
) -> None:
    """The schedule asks at start-up and at every refresh of the window; each run it looks at
    is checked through its own entries, not through every check entry ever written."""
    for _ in range(3):
        fill(journal)
    found = plans(journal, journal.last_completed_run_at)
    assert_no_scan_of_entries(found)
    assert any("USING INDEX entries_by_run (run_id=? AND kind=?)" in p for p in found), found
    assert not any("entries_by_kind (kind=?)" in p for p in found), found
    assert journal.last_completed_run_at() is not None


def migrated_from(version: int, journal_path: Path) -> tuple[Journal, set[str]]:
    """A journal written at `version`, opened by this code: its chain kept, its old file backed
    up; the journal and the names of its indexes now."""
    old = Journal.open(journal_path, migrations=MIGRATIONS[:version])
    fill(old)
    before = [(e.id, e.hash) for e in old.entries()]
    old.close()

    j = Journal.open(journal_path)
    assert [(e.id, e.hash) for e in j.entries()] == before and j.verify().ok
    assert journal_path.with_name(f"{journal_path.name}.v{version}.bak").exists()
    return j, {row[1] for row in raw(journal_path).execute("PRAGMA index_list(entries)")}


def test_a_version_3_journal_gains_the_index_by_run(journal_path: Path) -> None:
    _, indexes = migrated_from(3, journal_path)
    assert "entries_by_run" in indexes


def test_a_version_2_journal_gains_the_index_and_keeps_its_chain(journal_path: Path) -> None:
    j, indexes = migrated_from(2, journal_path)
    assert "entries_by_handle_key" in indexes and "entries_by_handle" not in indexes
    last = j.last_check("alice")
    assert last is not None and last.payload["status"] == "fixed"
    j.close()


def test_the_side_file_check_still_notices_a_replaced_tail(journal: Journal) -> None:
    """Looked up by id, the head file's entry must still be the one it named: a tail rewritten
    with other entries under the same ids leaves journal.head as it was, for verify()."""
    fill(journal)
    head = journal.head_path.read_text()
    db: sqlite3.Connection = raw(journal.path)
    db.execute("DELETE FROM entries WHERE id > 3")
    last = db.execute("SELECT hash FROM entries WHERE id = 3").fetchone()[0]
    db.execute("UPDATE chain_head SET count = 3, last_hash = ?", (last,))
    db.close()
    for _ in range(4):  # new entries 4 to 7 take the ids of the removed ones, and one more
        journal.append(EntryKind.ACCOUNT_ADDED, "mallory", {})
    assert journal.head_path.read_text() == head
    verdict = journal.verify()
    assert not verdict.ok and verdict.problem and "truncated or replaced" in verdict.problem


def test_verify_hashes_a_stored_payload_as_written_without_parsing_it() -> None:
    """The quick hash of a row (its payload's text as stored) is the hash of its value."""
    payloads: list[object] = [
        {},
        {"status": "fixed", "settings": {"training": {"before": True, "after": False}}},
        {"message": 'quote " backslash \\ tab \t é ü 中文 🙂', "n": [1, 2.5, None, False]},
    ]
    for handle in ("alice", "Émile", None):
        for run_id in (None, 7):
            for payload in payloads:
                prev, ts = "0" * 64, "2026-12-01T10:00:00+00:00"
                row = (12, ts, run_id, "check", handle, canonical_json(payload), prev, "")
                assert stored_entry_hash(row) == entry_hash(
                    prev, 12, ts, run_id, "check", handle, payload
                )


def test_a_payload_rewritten_in_equivalent_json_still_verifies(journal: Journal) -> None:
    """Text that is not exactly what Consentinel writes is parsed and hashed as its value, as
    verify always did: spacing alone is not reported as an edit, a changed value is."""
    fill(journal)
    db = raw(journal.path)
    text = db.execute("SELECT payload FROM entries WHERE kind = 'check' LIMIT 1").fetchone()[0]
    spaced = json.dumps(json.loads(text), indent=2)
    db.execute("UPDATE entries SET payload = ? WHERE payload = ?", (spaced, text))
    db.close()
    assert journal.verify().ok
    db = raw(journal.path)
    db.execute(
        "UPDATE entries SET payload = ? WHERE payload = ?",
        (spaced.replace("fixed", "opted_out"), spaced),
    )
    db.close()
    verdict = journal.verify()
    assert not verdict.ok and verdict.problem and "was edited" in verdict.problem


def test_handles_names_every_account_once_as_first_written(journal: Journal) -> None:
    fill(journal)  # "Alice" (signed in, changed, checked) and "bob"
    journal.append_account_added("ALICE")
    journal.append_account_removed("carol")  # removed long ago: its history stays
    found = plans(journal, journal.handles)
    assert sorted(journal.handles()) == ["Alice", "bob", "carol"]
    # One pass over the handle index (not the entries), then one look-up per account.
    assert found[0] == "SCAN entries USING INDEX entries_by_handle_key", found
    assert_no_scan_of_entries(found[1:])


def test_a_journal_migrated_meanwhile_by_another_opener_is_not_migrated_twice(
    journal_path: Path,
) -> None:
    """Both read version 2 before either held the write lock; the one that waited finds
    version 3 when it gets the lock, and runs nothing twice (dropping the old index again
    would fail) nor copies anything over the backup."""
    old = Journal.open(journal_path, migrations=MIGRATIONS[:2])
    fill(old)
    old.close()
    first, second = connect(journal_path), connect(journal_path)
    assert user_version(first) == user_version(second) == 2
    migrate(first, MIGRATIONS, 2, backup_of=journal_path)
    # What the slower process does with the version it read:
    migrate(second, MIGRATIONS, 2, backup_of=journal_path)
    assert user_version(second) == OPEN_VERSION
    first.close()
    second.close()
    # The copy kept is still the old journal's: the slower process did not copy the migrated
    # one over it.
    copy = raw(journal_path.with_name(journal_path.name + ".v2.bak"))
    assert user_version(copy) == 2
    indexes = {row[1] for row in copy.execute("PRAGMA index_list(entries)")}
    assert "entries_by_handle" in indexes and "entries_by_handle_key" not in indexes
    copy.close()
    j = Journal.open(journal_path)
    assert j.verify().ok and j.last_check("alice") is not None
    j.close()


def test_a_new_journal_is_made_in_one_commit_an_old_one_step_by_step(journal_path: Path) -> None:
    """A first start makes the journal: one commit for the disk to sync instead of one per
    step (1.3 ms of a first start). An old journal still migrates a step per transaction, and
    a new one made by two openers at once is made once."""
    commits: list[str] = []
    first, second = connect(journal_path), connect(journal_path)
    first.set_trace_callback(lambda sql: commits.append(sql) if sql == "COMMIT" else None)
    assert user_version(first) == user_version(second) == 0
    migrate(first, MIGRATIONS, 0, backup_of=journal_path)
    assert commits == ["COMMIT"] and user_version(first) == OPEN_VERSION
    migrate(second, MIGRATIONS, 0, backup_of=journal_path)  # read version 0 before the lock
    assert user_version(second) == OPEN_VERSION
    first.close()
    second.close()
    assert not list(journal_path.parent.glob("*.bak"))  # nothing to keep of a new file

    old_path = journal_path.with_name("old.sqlite3")
    Journal.open(old_path, migrations=MIGRATIONS[:1]).close()
    old = connect(old_path)
    commits.clear()
    old.set_trace_callback(lambda sql: commits.append(sql) if sql == "COMMIT" else None)
    migrate(old, MIGRATIONS, 1, backup_of=old_path)
    assert len(commits) == OPEN_VERSION - 1
    old.close()
    j = Journal.open(journal_path)
    j.append(EntryKind.ACCOUNT_ADDED, "alice", {})
    assert j.verify().ok
    j.close()
