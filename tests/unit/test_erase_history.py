"""Erasing one account's history (an NGO's member who left, or who asked for erasure): its
entries emptied, its screenshots deleted, no byte of it left in the journal's files nor in the
exports; the journal still verifies and says an erasure happened; an entry emptied by hand, or
an erasure entry edited by hand, still fails."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest
from PIL import Image

from consentinel.core.accounts import Account, AccountStore
from consentinel.core.evidence import Screenshot, sha256_hex, stamped
from consentinel.core.journal import Journal
from consentinel.core.journal_entries import EntryKind
from consentinel.core.journal_erasure import erase_history, history_of
from consentinel.core.paths import AppPaths
from consentinel.core.status import ALL_BOXES

GONE = "Alice_Gone"
STAYS = "bob"


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (32, 24), (29, 155, 240)).save(out, "PNG")
    return out.getvalue()


def write_history(journal: Journal, evidence: Path, handle: str) -> Path:
    """An account's history as checks write it: added, signed in, a box changed, a check that
    kept a screenshot (its PNG names the account), a notification about it and another; the
    screenshot's file."""
    journal.append_account_added(handle, keep=[])
    run = journal.start_run("manual")
    journal.record_signin(run, handle, "ok")
    journal.record_change(run, handle, ALL_BOXES[0], True, False, True)
    shot = Screenshot(_png(), "https://x.com/settings/grok", datetime.now(timezone.utc))
    data = stamped(shot, handle, ALL_BOXES[0].value)
    file = evidence / f"run{run}-{handle.lower()}-{ALL_BOXES[0].value}-20261206T120000Z.png"
    file.write_bytes(data)
    journal.record_evidence(run, handle, file, ALL_BOXES[0].value, sha256_hex(data))
    journal.record_notification(
        run, None, "needs_you", f"@{GONE} and @{STAYS} need you", True, accounts=[GONE, STAYS]
    )
    journal.finish_run(run)
    return file


def _journal(home: Path) -> tuple[AppPaths, Path]:
    """A data folder whose journal holds both accounts' history, GONE's already removed and
    STAYS still listed; STAYS's screenshot."""
    paths = AppPaths.under(home).ensure()
    paths.evidence_dir.mkdir(parents=True, exist_ok=True)
    with Journal.open(paths.journal_path, evidence_dir=paths.evidence_dir) as journal:
        write_history(journal, paths.evidence_dir, GONE)
        kept = write_history(journal, paths.evidence_dir, STAYS)
        journal.append_account_removed(GONE)
    AccountStore(paths).add(Account(STAYS))
    return paths, kept


def _consentinel(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, CONSENTINEL_HOME=str(home), CONSENTINEL_LANG="en")
    return subprocess.run(
        [sys.executable, "-m", "consentinel", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def _rows(paths: AppPaths) -> dict[int, tuple[object, ...]]:
    db = sqlite3.connect(paths.journal_path)
    try:
        return {row[0]: row for row in db.execute("SELECT * FROM entries")}
    finally:
        db.close()


def _files_naming(folder: Path, word: str) -> list[str]:
    return sorted(
        str(f.relative_to(folder))
        for f in folder.rglob("*")
        if f.is_file() and word.lower().encode() in f.read_bytes().lower()
    )


def test_an_erased_account_leaves_no_trace_and_the_journal_still_verifies(
    consentinel_home: Path, tmp_path: Path
) -> None:
    paths, kept = _journal(consentinel_home)
    before = _rows(paths)
    stays = {i for i, row in before.items() if row[4] == STAYS}
    kept_bytes = kept.read_bytes()
    assert _files_naming(consentinel_home, GONE)  # (the test sees a trace where there is one)

    refused = _consentinel(consentinel_home, "account", "erase-history", GONE)
    assert refused.returncode != 0 and "--yes" in refused.stderr, refused
    assert _rows(paths) == before  # asked, not done

    listed = _consentinel(consentinel_home, "account", "erase-history", STAYS, "--yes")
    assert listed.returncode != 0 and "--erase-history" in listed.stderr, listed

    done = _consentinel(consentinel_home, "account", "erase-history", f"@{GONE}", "--yes")
    assert done.returncode == 0, done
    assert "7 entries, 1 screenshot" in done.stdout, done.stdout

    verified = _consentinel(consentinel_home, "log", "--verify")
    assert verified.returncode == 0, verified
    # Nothing of it in the journal's files (free pages, write-ahead log) nor its evidence.
    assert _files_naming(consentinel_home, GONE) == []
    # The other account's entries and screenshot as they were (the notification naming both
    # is erased: its words name the erased account).
    after = _rows(paths)
    assert all(after[i] == before[i] for i in stays)
    assert kept.read_bytes() == kept_bytes
    said = _consentinel(consentinel_home, "log")
    assert "the history of an account was erased: 7 entries, 1 screenshot" in said.stdout
    assert GONE.lower() not in said.stdout.lower()

    exported = tmp_path / "export.json"
    assert _consentinel(consentinel_home, "log", "--json", "-o", str(exported)).returncode == 0
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert document["verified"] is True and document["complete"] is True
    kinds = [entry["kind"] for entry in document["entries"]]
    assert kinds.count(EntryKind.ERASED.value) == 7
    assert kinds.count(EntryKind.HISTORY_ERASED.value) == 1
    checked = _consentinel(consentinel_home, "log", "--check-export", str(exported))
    assert checked.returncode == 0, checked
    csv_out = _consentinel(consentinel_home, "log", "--csv")
    bundle = tmp_path / "bundle.zip"
    assert _consentinel(consentinel_home, "log", "--bundle", str(bundle)).returncode == 0
    with zipfile.ZipFile(bundle) as opened:
        bundled = b"".join(opened.read(name) for name in opened.namelist())
    for text in (exported.read_bytes(), csv_out.stdout.encode(), bundled):
        assert GONE.lower().encode() not in text.lower()
    own = _consentinel(
        consentinel_home, "log", "--bundle", str(tmp_path / "own.zip"), "--account", GONE
    )
    assert own.returncode != 0 and "no entry" in own.stderr, own


def test_remove_with_erase_history_and_without(consentinel_home: Path) -> None:
    paths, _kept = _journal(consentinel_home)
    AccountStore(paths).add(Account("carol"))
    with Journal.open(paths.journal_path, evidence_dir=paths.evidence_dir) as journal:
        write_history(journal, paths.evidence_dir, "carol")

    # Without a terminal to ask on, each says what stays, or what goes, and does nothing.
    asked = _consentinel(consentinel_home, "account", "remove", STAYS)
    assert asked.returncode != 0
    assert "Its history stays in the journal, with its screenshots: add --erase-history" in (
        asked.stderr
    )
    asked = _consentinel(consentinel_home, "account", "remove", "carol", "--erase-history")
    assert asked.returncode != 0
    # Its 4 entries, and the one its removal writes before the erasure: what is then erased.
    assert "Its history is erased from the journal for good: 5 entries, 1 screenshot." in (
        asked.stderr
    )
    assert AccountStore(paths).get("carol") is not None
    plain = _consentinel(
        consentinel_home, "account", "remove", STAYS, "--yes", "--keep-unreachable-secrets"
    )
    assert plain.returncode == 0, plain
    assert "consentinel account erase-history bob" in plain.stdout  # what stays, and how
    assert _files_naming(paths.evidence_dir, STAYS)
    asked = _consentinel(consentinel_home, "account", "erase-history", STAYS)
    assert asked.returncode != 0
    # Said once, naming it.
    assert "The history of @bob is erased from the journal for good: " in asked.stderr
    assert asked.stderr.count("history") == 2, asked.stderr  # (and "an account's history")

    erased = _consentinel(
        consentinel_home,
        "account",
        "remove",
        "carol",
        "--erase-history",
        "--yes",
        "--keep-unreachable-secrets",
    )
    assert erased.returncode == 0, erased
    assert "Erased the history of @carol from the journal: 5 entries, 1 screenshot." in (
        erased.stdout
    )
    assert _consentinel(consentinel_home, "log", "--verify").returncode == 0
    assert _files_naming(consentinel_home, "carol") == []
    assert _files_naming(paths.evidence_dir, STAYS)  # another's history untouched


def _erased(home: Path) -> tuple[AppPaths, Journal]:
    paths, _kept = _journal(home)
    journal = Journal.open(paths.journal_path, evidence_dir=paths.evidence_dir)
    done = erase_history(journal, GONE)
    assert (done.entries, done.screenshots) == (7, 1)
    assert journal.verify().ok
    return paths, journal


def test_the_write_ahead_log_holds_nothing_of_it_while_the_journal_is_open(
    consentinel_home: Path,
) -> None:
    paths, journal = _erased(consentinel_home)
    try:
        wal = paths.journal_path.with_name(paths.journal_path.name + "-wal")
        assert not wal.exists() or GONE.lower().encode() not in wal.read_bytes().lower()
        assert _files_naming(consentinel_home, GONE) == []
        assert history_of(journal, GONE)[:4] == (0, 0, None, ())
    finally:
        journal.close()


def test_an_entry_emptied_by_hand_still_fails(consentinel_home: Path) -> None:
    paths, journal = _erased(consentinel_home)
    by = journal.entries(kinds=[EntryKind.HISTORY_ERASED])[0].id
    journal.close()
    target = next(i for i, row in _rows(paths).items() if row[4] == STAYS)
    db = sqlite3.connect(paths.journal_path)
    with db:  # as an erasure leaves an entry, naming the real erasure entry, but not in it
        db.execute(
            "UPDATE entries SET kind = 'erased', handle = NULL, payload = ? WHERE id = ?",
            (json.dumps({"erased_by": by}, separators=(",", ":")), target),
        )
    db.close()
    with Journal.open(paths.journal_path, evidence_dir=paths.evidence_dir) as reopened:
        verdict = reopened.verify()
    assert not verdict.ok
    assert f"entry {target} was edited." in verdict.problems


@pytest.mark.parametrize("edit", ["adds an entry", "drops an entry", "changes the count"])
def test_an_erasure_entry_edited_by_hand_fails(consentinel_home: Path, edit: str) -> None:
    paths, journal = _erased(consentinel_home)
    entry = journal.entries(kinds=[EntryKind.HISTORY_ERASED])[0]
    journal.close()
    payload = dict(entry.payload)
    if edit == "adds an entry":  # and empties it, as the erasure would have
        other = next(i for i, row in _rows(paths).items() if row[4] == STAYS)
        payload["entries"] = sorted([*payload["entries"], other])
    elif edit == "drops an entry":
        payload["entries"] = payload["entries"][1:]
    else:
        payload["screenshots"] = 0
    db = sqlite3.connect(paths.journal_path)
    with db:
        db.execute(
            "UPDATE entries SET payload = ? WHERE id = ?",
            (json.dumps(payload, sort_keys=True, separators=(",", ":")), entry.id),
        )
        if edit == "adds an entry":
            db.execute(
                "UPDATE entries SET kind = 'erased', handle = NULL, payload = ? WHERE id = ?",
                (json.dumps({"erased_by": entry.id}, separators=(",", ":")), other),
            )
    db.close()
    with Journal.open(paths.journal_path, evidence_dir=paths.evidence_dir) as reopened:
        verdict = reopened.verify()
    assert not verdict.ok
    assert f"entry {entry.id} was edited." in verdict.problems
