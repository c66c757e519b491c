"""Exports a third party can check: the JSON says what it holds and how its entries are chained,
and an independent verifier, written here from the recipe alone, re-chains a complete export and
each CSV row."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path
from typing import Any

import pytest

from consentinel.core.events import AccountResult, BoxChange
from consentinel.core.evidence import sha256_hex
from consentinel.core.journal import EntryKind, Journal
from consentinel.core.journal_export import EntrySearch
from consentinel.core.status import Box, Reason, Status


def _journal(tmp_path: Path) -> Journal:
    journal = Journal.open(tmp_path / "journal.sqlite3")
    run = journal.start_run("manual")
    journal.record_change(run, "Élise", Box.TRAINING, True, False, confirmed=True)
    journal.record_check(
        run, AccountResult("Élise", Status.FIXED, settings={Box.TRAINING: BoxChange(True, False)})
    )
    journal.record_check(run, AccountResult("bob", Status.NEEDS_USER, Reason.TWO_FACTOR))
    journal.finish_run(run)
    return journal


def _independent_hash(prev_hash: str, entry: dict[str, object], payload: object) -> str:
    """The recipe as written in the export, by someone who never saw Consentinel's code."""
    body = {k: entry[k] for k in ("handle", "id", "kind", "run_id", "ts")}
    body["payload"] = payload
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256((prev_hash + text).encode("utf-8")).hexdigest()


def test_a_complete_json_export_rechains_to_the_head_it_states(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    out = io.StringIO()
    journal.export_json(out)
    doc = json.loads(out.getvalue())
    assert doc["complete"] is True and doc["filters"] == {} and doc["verified"] is True
    assert doc["app"].startswith("Consentinel ") and doc["exported_at"].endswith("+00:00")
    assert "SHA-256" in doc["hash_recipe"]
    prev = "0" * 64
    for entry in doc["entries"]:
        assert entry["prev_hash"] == prev
        assert _independent_hash(prev, entry, entry["payload"]) == entry["hash"]
        prev = entry["hash"]
    assert doc["journal"] == {"entries": len(doc["entries"]), "last_hash": prev}


def test_the_export_documentation_names_every_field_of_the_json(tmp_path: Path) -> None:
    """docs/journal-export.md's table is what a third party reads the file by: every field of
    the document is in it, and it names none the document lacks."""
    journal = _journal(tmp_path)
    out = io.StringIO()
    journal.export_json(out)
    fields = set(json.loads(out.getvalue()))
    docs = Path(__file__).resolve().parents[2] / "docs" / "journal-export.md"
    text = docs.read_text(encoding="utf-8")
    table = text.split("## The JSON export", 1)[1].split("\n\n", 2)[1]
    documented = set()
    for row in table.splitlines()[2:]:  # (after the titles and the |---| line)
        names = row.split("|")[1]
        documented |= {name.strip(" `") for name in names.split(",")}
    assert documented == fields


def test_a_filtered_export_says_it_is_not_the_whole_journal(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    out = io.StringIO()
    journal.export_json(out, handle="bob", kinds=[EntryKind.CHECK])
    doc = json.loads(out.getvalue())
    assert doc["complete"] is False
    assert doc["filters"] == {"handle": "bob", "kinds": ["check"]}
    assert [e["handle"] for e in doc["entries"]] == ["bob"]
    assert doc["journal"]["entries"] == journal.count()


def test_one_accounts_export_names_its_own_screenshot_and_not_another_accounts(
    tmp_path: Path,
) -> None:
    """An export for one account (handed to that client) says which of its screenshots is
    missing by file name, and another account's without it (the name says whose): by the
    handle of the screenshot's entry, also when a kind, a date or a search leaves the
    account's own evidence entries out of the export."""
    evidence = tmp_path / "evidence"
    evidence.mkdir()
    journal = Journal.open(tmp_path / "journal.sqlite3", evidence_dir=evidence)
    run = journal.start_run("manual")
    for handle in ("alice", "bob"):
        shot = evidence / f"run1-{handle}-training.png"
        shot.write_bytes(b"\x89PNG the page of " + handle.encode())
        journal.record_evidence(run, handle, shot.name, "training", sha256_hex(shot.read_bytes()))
        journal.record_check(run, AccountResult(handle, Status.FIXED, evidence=shot))
    journal.finish_run(run)
    (evidence / "run1-alice-training.png").unlink()
    (evidence / "run1-bob-training.png").unlink()

    def problems(**filters: Any) -> list[str]:
        out = io.StringIO()
        journal.export_json(out, **filters)
        return list(json.loads(out.getvalue())["problems"])

    alices = [
        "the screenshot of entry 2 (run1-alice-training.png) is missing.",
        "the screenshot of entry 4 (another account's screenshot) is missing.",
    ]
    assert problems(handle="alice") == alices
    assert problems(handle="ALICE", kinds=[EntryKind.CHECK]) == alices
    assert problems(handle="alice", search=EntrySearch("fixed", lambda entry: True)) == alices
    assert problems(handle="alice", search=EntrySearch("nothing", lambda entry: False)) == alices
    assert problems(handle="bob", kinds=[EntryKind.CHECK]) == [
        "the screenshot of entry 2 (another account's screenshot) is missing.",
        "the screenshot of entry 4 (run1-bob-training.png) is missing.",
    ]
    # The whole journal's export names every file (its owner reads it).
    assert problems(kinds=[EntryKind.CHECK]) == [
        "the screenshot of entry 2 (run1-alice-training.png) is missing.",
        "the screenshot of entry 4 (run1-bob-training.png) is missing.",
    ]


def _rehashed(row: dict[str, str]) -> str:
    """A CSV row's hash, worked out again from its own columns as docs/journal-export.md says."""
    entry = {
        "handle": row["handle"] or None,
        "id": int(row["id"]),
        "kind": row["kind"],
        "run_id": int(row["run_id"]) if row["run_id"] else None,
        "ts": row["ts"],
    }
    return _independent_hash(row["prev_hash"], entry, json.loads(row["payload"]))


def test_each_csv_row_rehashes_from_its_own_columns(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    out = io.StringIO()
    journal.export_csv(out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == journal.count()
    for row in rows:
        # The payload column is the canonical text that was hashed, byte for byte.
        payload = json.loads(row["payload"])
        assert row["payload"] == json.dumps(
            payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False
        )
        assert _rehashed(row) == row["hash"]


def test_a_csv_for_a_spreadsheet_starts_with_a_bom_and_keeps_its_rows_rehashable(
    tmp_path: Path,
) -> None:
    """As the window writes it for a French Excel: a UTF-8 BOM and semicolons. Read back as
    any CSV reader would (utf-8-sig, the delimiter sniffed from the header), each row still
    re-hashes."""
    journal = _journal(tmp_path)
    target = tmp_path / "for-excel.csv"
    journal.export_csv(target, delimiter=";", bom=True)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid;ts;run_id;kind;handle;summary;payload;")
    text = raw.decode("utf-8-sig")
    delimiter = csv.Sniffer().sniff(text.splitlines()[0]).delimiter
    rows = list(csv.DictReader(io.StringIO(text), delimiter=delimiter))
    assert len(rows) == journal.count()
    for row in rows:
        assert _rehashed(row) == row["hash"]
    # Scripts' CSV (`log --csv`) stays plain: commas, no BOM.
    out = io.StringIO()
    journal.export_csv(out)
    assert out.getvalue().startswith("id,ts,run_id,")


def test_the_csv_summary_is_english_whatever_the_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    journal = _journal(tmp_path)
    out = io.StringIO()
    journal.export_csv(out)
    change = next(r for r in csv.DictReader(io.StringIO(out.getvalue())) if r["kind"] == "change")
    assert change["summary"] == "training: on → off (confirmed)"
