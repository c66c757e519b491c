"""A journal rebuilt from an SQL dump (`sqlite3 journal.sqlite3 .dump | sqlite3 new.sqlite3`, to
repair or move it): the dump does not carry PRAGMA user_version, so its version is read from its
tables. Real SQLite: Python's iterdump() and the sqlite3 shell."""

from __future__ import annotations

import sqlite3
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from consentinel.cli.main import main
from consentinel.core.events import AccountResult, BoxChange
from consentinel.core.evidence import sha256_hex
from consentinel.core.fileio import StorageError
from consentinel.core.journal import EntryKind, Journal
from consentinel.core.journal_schema import MIGRATIONS, OPEN_VERSION, Migration
from consentinel.core.paths import AppPaths
from consentinel.core.status import Box, Status


def _by_iterdump(old: Path, new: Path) -> None:
    source = sqlite3.connect(old)
    target = sqlite3.connect(new)
    try:
        target.executescript("\n".join(source.iterdump()))
    finally:
        target.close()
        source.close()


def _by_the_shell(old: Path, new: Path) -> None:
    # What a person or an IT department types: `sqlite3 old .dump | sqlite3 new`.
    dump = subprocess.run(
        ["sqlite3", str(old), ".dump"], check=True, capture_output=True, text=True
    ).stdout
    subprocess.run(["sqlite3", str(new)], input=dump, check=True, capture_output=True, text=True)


REBUILDS = {"iterdump": _by_iterdump, "sqlite3 shell": _by_the_shell}


def _rebuild_in_place(path: Path, rebuild: Callable[[Path, Path], None]) -> None:
    """The journal replaced by its copy made from its dump (its head file left next to it)."""
    copy = path.with_name("rebuilt.sqlite3")
    rebuild(path, copy)
    copy.replace(path)


def _user_version(path: Path) -> int:
    db = sqlite3.connect(path)
    try:
        return int(db.execute("PRAGMA user_version").fetchone()[0])
    finally:
        db.close()


def _journal_with_screenshots(paths: AppPaths, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """A journal of a run that unticked a box, with two screenshots kept; its entry count."""
    paths.journal_path.parent.mkdir(parents=True, exist_ok=True)
    paths.evidence_dir.mkdir(parents=True, exist_ok=True)
    journal = Journal.open(paths.journal_path, migrations=migrations)
    journal.append_account_added("alice")
    run = journal.start_run("manual")
    journal.record_signin(run, "alice", "signed_in")
    for name in ("before.png", "after.png"):
        (paths.evidence_dir / name).write_bytes(b"\x89PNG" + name.encode() * 50)
        digest = sha256_hex((paths.evidence_dir / name).read_bytes())
        journal.record_evidence(run, "alice", name, "training", sha256=digest)
    journal.record_change(run, "alice", Box.TRAINING, True, False, confirmed=True)
    journal.record_check(
        run, AccountResult("alice", Status.FIXED, settings={Box.TRAINING: BoxChange(True, False)})
    )
    journal.finish_run(run)
    count = len(journal.entries())
    journal.close()
    return count


@pytest.mark.parametrize("how", sorted(REBUILDS))
def test_a_journal_rebuilt_from_its_dump_opens_and_verifies(
    how: str, consentinel_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = AppPaths.under(consentinel_home)
    count = _journal_with_screenshots(paths)
    _rebuild_in_place(paths.journal_path, REBUILDS[how])
    assert _user_version(paths.journal_path) == 0  # (what the dump lost)

    # Read as it is (a copy on a disk that cannot be written): nothing written into it.
    looked = Journal.open_read_only(paths.journal_path, evidence_dir=paths.evidence_dir)
    assert looked.verify().ok and looked.verify().entry_count == count
    looked.close()
    assert _user_version(paths.journal_path) == 0

    # `log --verify`: intact, screenshots and all.
    assert main(["log", "--verify"]) == 0
    assert capsys.readouterr().out == f"The journal is intact: {count} entries, chain verified.\n"
    # A command that only looks writes nothing into it, even where it can be written; opened
    # by the app (or a check), its version is written back, and it goes on.
    assert _user_version(paths.journal_path) == 0
    journal = Journal.open(paths.journal_path, evidence_dir=paths.evidence_dir)
    assert _user_version(paths.journal_path) == OPEN_VERSION
    journal.append_account_added("bob")
    verdict = journal.verify()
    assert verdict.ok and verdict.entry_count == count + 1
    journal.close()


def test_an_older_journal_rebuilt_from_its_dump_is_brought_up_to_date(
    consentinel_home: Path,
) -> None:
    paths = AppPaths.under(consentinel_home)
    count = _journal_with_screenshots(paths, MIGRATIONS[:2])
    _rebuild_in_place(paths.journal_path, _by_iterdump)
    journal = Journal.open(paths.journal_path, evidence_dir=paths.evidence_dir)
    assert _user_version(paths.journal_path) == OPEN_VERSION
    # Migrated as any version 2 journal is: a copy of it kept first.
    backup = paths.journal_path.with_name(paths.journal_path.name + ".v2.bak")
    assert _user_version(backup) == 2
    assert journal.verify().ok and journal.verify().entry_count == count
    journal.close()


@pytest.mark.parametrize(
    "change",
    [
        "CREATE TABLE notes (text TEXT)",  # a table no version has
        "DROP INDEX entries_by_kind",  # a version's tables, one index of its own gone
        "ALTER TABLE entries ADD COLUMN note TEXT",  # a column no version has
    ],
)
def test_tables_of_no_version_are_said_and_left_as_they_are(
    change: str, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = AppPaths.under(consentinel_home)
    _journal_with_screenshots(paths)
    _rebuild_in_place(paths.journal_path, _by_iterdump)
    db = sqlite3.connect(paths.journal_path)
    db.execute(change)
    db.commit()
    db.close()
    before = paths.journal_path.read_bytes()

    with pytest.raises(StorageError) as opened:
        Journal.open(paths.journal_path)
    assert str(opened.value).startswith(
        f"Could not open the journal {paths.journal_path}: it does not say which version of "
        "Consentinel wrote it, and its tables ("
    )
    assert "It was left as it is" in str(opened.value)
    with pytest.raises(StorageError, match="are not those of any version"):
        Journal.open_read_only(paths.journal_path)
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    with pytest.raises(StorageError, match="ne sont celles d'aucune version"):
        Journal.open(paths.journal_path)

    # Neither migrated, set aside nor changed.
    assert paths.journal_path.read_bytes() == before
    assert sorted(p.name for p in paths.journal_path.parent.iterdir()) == [
        "evidence",
        "journal.head",
        "journal.sqlite3",
    ]


def test_an_empty_file_is_still_a_new_journal(consentinel_home: Path) -> None:
    paths = AppPaths.under(consentinel_home)
    paths.journal_path.parent.mkdir(parents=True, exist_ok=True)
    sqlite3.connect(paths.journal_path).close()
    journal = Journal.open(paths.journal_path)
    assert journal.append(EntryKind.ACCOUNT_ADDED, "alice", {}).id == 1
    assert journal.verify().ok
    journal.close()
