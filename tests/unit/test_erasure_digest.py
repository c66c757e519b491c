"""What an erasure's digest covers, and how an export after an erasure checks out: an emptied
entry's time and run (no hash of its own covers them any more) edited by hand fail verify and
check-export; a filtered export, which leaves the emptied entries out, still checks out, and an
edited one still does not; an entry is counted once whatever lists it. Real SQLite."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from consentinel.core import journal_erasure
from consentinel.core.export_check import check_export, read_export
from consentinel.core.journal import Journal
from consentinel.core.journal_entries import EntryKind
from consentinel.core.journal_erasure import (
    Emptied,
    emptied_digest,
    erase_history,
    erasures_seen,
    erasures_sentence,
    hashes_digest,
)
from consentinel.core.journal_export import EntrySearch, write_json
from consentinel.core.paths import AppPaths
from tests.unit.test_erase_history import GONE, _journal

EDITS: dict[str, tuple[str, object]] = {
    "ts": ("ts", "2020-01-01T00:00:00+00:00"),
    "run_id": ("run_id", None),
    "run_id as text": ("run_id", "7"),
}
#: (SQLite holds any type in any column; the JSON export holds no bytes)
STORED_EDITS = {**EDITS, "ts as bytes": ("ts", b"2026")}


def _erased(home: Path) -> tuple[AppPaths, int]:
    """A journal in which GONE's history was erased; the id of an entry it emptied that was
    written in a run (so that its run can be taken away)."""
    paths, _kept = _journal(home)
    with Journal.open(paths.journal_path, evidence_dir=paths.evidence_dir) as journal:
        assert erase_history(journal, GONE).entries == 7
        emptied = [e for e in journal.entries(kinds=[EntryKind.ERASED]) if e.run_id is not None]
        assert journal.verify().ok
    return paths, emptied[0].id


@pytest.mark.parametrize("field", sorted(STORED_EDITS))
def test_an_emptied_entrys_time_or_run_edited_by_hand_fails_verify(
    consentinel_home: Path, field: str
) -> None:
    paths, target = _erased(consentinel_home)
    column, value = STORED_EDITS[field]
    db = sqlite3.connect(paths.journal_path)
    with db:
        db.execute(f"UPDATE entries SET {column} = ? WHERE id = ?", (value, target))
    db.close()
    with Journal.open(paths.journal_path, evidence_dir=paths.evidence_dir) as journal:
        verdict = journal.verify()
    assert not verdict.ok
    assert f"entry {target} was edited." in verdict.problems
    assert not verdict.erasures  # (no longer accepted: nothing says entries were erased)


def _export(paths: AppPaths, out: Path, **filters: Any) -> dict[str, Any]:
    with Journal.open(paths.journal_path, evidence_dir=paths.evidence_dir) as journal:
        write_json(journal, out, **filters)
    return read_export(out)


@pytest.mark.parametrize("field", ["ts", "run_id"])  # (a run as text: not the export's type)
def test_an_emptied_entrys_time_or_run_edited_in_an_export_fails_check_export(
    consentinel_home: Path, tmp_path: Path, field: str
) -> None:
    paths, target = _erased(consentinel_home)
    document = _export(paths, tmp_path / "export.json")
    assert document["complete"] is True
    untouched = check_export(document)
    assert untouched.ok, untouched.problems
    entry = next(e for e in document["entries"] if e["id"] == target)
    entry[EDITS[field][0]] = EDITS[field][1]
    edited = check_export(document)
    assert not edited.ok
    assert f"entry {target} was edited: it no longer matches its hash." in edited.problems


@pytest.mark.parametrize("chosen_by", ["date", "kind", "search"])
def test_a_filtered_export_after_an_erasure_checks_out(
    consentinel_home: Path, tmp_path: Path, chosen_by: str
) -> None:
    paths, _target = _erased(consentinel_home)
    filters: dict[str, Any] = {
        "date": {"since": datetime(2000, 1, 1, tzinfo=timezone.utc)},
        "kind": {"kinds": [EntryKind.HISTORY_ERASED, EntryKind.ACCOUNT_REMOVED]},
        "search": {"search": EntrySearch("anything", lambda _entry: True)},
    }[chosen_by]
    document = _export(paths, tmp_path / "filtered.json", **filters)
    assert document["complete"] is False
    kinds = {e["kind"] for e in document["entries"]}
    assert EntryKind.HISTORY_ERASED.value in kinds and EntryKind.ERASED.value not in kinds
    check = check_export(document)
    assert check.ok, check.problems
    assert "7 entries were emptied by an erasure of an account's history" in check.notes[0]


def test_an_edited_filtered_export_after_an_erasure_still_fails(
    consentinel_home: Path, tmp_path: Path
) -> None:
    paths, target = _erased(consentinel_home)
    since = {"since": datetime(2000, 1, 1, tzinfo=timezone.utc)}
    document = _export(paths, tmp_path / "filtered.json", **since)
    erasure = next(e for e in document["entries"] if e["kind"] == EntryKind.HISTORY_ERASED.value)
    erasure["payload"]["screenshots"] = 0
    assert f"entry {erasure['id']} was edited: it no longer matches its hash." in (
        check_export(document).problems
    )
    # One emptied entry put back in, its time edited: the erasure's digest is checked, and
    # the entries it lists that the file lacks are then missing.
    complete = _export(paths, tmp_path / "complete.json")
    emptied = next(e for e in complete["entries"] if e["id"] == target)
    emptied["ts"] = "2020-01-01T00:00:00+00:00"
    document = _export(paths, tmp_path / "filtered.json", **since)
    document["entries"] = sorted([*document["entries"], emptied], key=lambda e: e["id"])
    assert not check_export(document).ok


def test_a_complete_export_missing_an_emptied_entry_still_fails(
    consentinel_home: Path, tmp_path: Path
) -> None:
    paths, target = _erased(consentinel_home)
    document = _export(paths, tmp_path / "export.json")
    document["entries"] = [e for e in document["entries"] if e["id"] != target]
    problems = check_export(document).problems
    erasure = next(e for e in document["entries"] if e["kind"] == EntryKind.HISTORY_ERASED.value)
    assert any(f"entry {erasure['id']} says it erased" in p for p in problems), problems


def test_an_erasure_written_with_the_earlier_digest_is_still_read(
    consentinel_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Erasures written by development versions hold the digest of "id:hash" lines."""

    def earlier(emptied: dict[int, Emptied]) -> str:
        return hashes_digest((i, e.hash) for i, e in emptied.items())

    monkeypatch.setattr(journal_erasure, "emptied_digest", earlier)
    paths, _kept = _journal(consentinel_home)
    with Journal.open(paths.journal_path, evidence_dir=paths.evidence_dir) as journal:
        erase_history(journal, GONE)
        monkeypatch.undo()
        verdict = journal.verify()
    assert verdict.ok, verdict.problems
    assert [e.entries for e in verdict.erasures] == [7]


def _emptied(ids: list[int], by: int) -> dict[int, Emptied]:
    return {i: Emptied(by, f"2026-12-0{i}T10:00:00+00:00", None, f"{i:064x}") for i in ids}


def _erasure(emptied: dict[int, Emptied]) -> dict[str, object]:
    kinds = [EntryKind.ACCOUNT_ADDED.value] * len(emptied)
    return {"entries": sorted(emptied), "kinds": kinds, "digest": emptied_digest(emptied)}


@pytest.mark.parametrize("held", [None, set()], ids=["whole", "filtered"])
def test_an_entry_listed_by_two_erasures_is_counted_once(held: set[int] | None) -> None:
    first = _emptied([1, 2], by=10)
    # A second erasure (written by hand: Consentinel never lists an emptied entry again)
    # listing entry 2 again, which names the first: refused, it counts nothing.
    second = {"entries": [2], "kinds": ["account_added"], "digest": emptied_digest({2: first[2]})}
    twice = {"entries": [1, 1, 2], "kinds": ["account_added"] * 3, "digest": ""}
    times = {10: "2026-12-07T10:00:00+00:00", 11: "2026-12-07T11:00:00+00:00"}
    _vouched, seen = erasures_seen(first, {10: _erasure(first), 11: second}, times, held)
    assert [(e.entry_id, e.entries) for e in seen] == [(10, 2), (11, 0)]
    accepted = [e for e in seen if e.entries]
    assert erasures_sentence(accepted).startswith("2 entries were emptied by an erasure")
    _vouched, seen = erasures_seen(first, {10: twice}, times, held)
    assert [e.entries for e in seen] == [0]


def test_the_digest_is_of_canonical_json() -> None:
    """A time holds colons: lines joined by ":" could move part of it into the run."""
    one = {5: Emptied(9, "2026-12-07T20:42", "36+00:00:7", "a" * 64)}
    other = {5: Emptied(9, "2026-12-07T20:42:36+00:00", 7, "a" * 64)}
    assert emptied_digest(one) != emptied_digest(other)
