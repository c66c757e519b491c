"""Commands that only look (`log` and its exports, `account list`, `schedule status`) read the
journal as it is, wherever it is kept: a damaged journal, or a newer Consentinel's, is said and
left where it is (never set aside for a new, empty one they would then answer about); an older
one whose tables are the latest's is read without being migrated. The app and `check` still set
a journal they cannot use aside when they open it."""

from __future__ import annotations

import gc
import json
import sqlite3
from pathlib import Path

import pytest

from consentinel.cli.main import main
from consentinel.core.context import AppContext
from consentinel.core.journal_schema import OPEN_VERSION
from tests.journal_damage import damage_a_page_past_the_header


def _folder(home: Path) -> dict[str, bytes]:
    """Every file under the data folder, with its bytes, once the connections the commands
    run in this process left open are closed (as the end of a command's process closes them:
    SQLite removes its -wal and -shm files then)."""
    gc.collect()
    data = home / "data"
    return {str(p.relative_to(data)): p.read_bytes() for p in data.rglob("*") if p.is_file()}


def _a_journal(home: Path) -> Path:
    ctx = AppContext.create()
    ctx.journal.record_account_edited("alice", {"new_password": True})
    ctx.journal.close()
    return ctx.paths.journal_path


def _damaged(home: Path) -> Path:
    path = _a_journal(home)
    damage_a_page_past_the_header(path)
    return path


def _newer(home: Path) -> Path:
    path = _a_journal(home)
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 9")
    db.close()
    return path


@pytest.mark.parametrize(
    ("make", "verdict"),
    [
        (_damaged, "The journal does not verify: its file is damaged."),
        (_newer, "The journal does not verify: it was written by a newer Consentinel."),
    ],
    ids=["damaged", "newer"],
)
def test_verify_says_a_journal_it_cannot_read_does_not_verify_and_leaves_it(
    make: object, verdict: str, consentinel_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make(consentinel_home)  # type: ignore[operator]
    before = _folder(consentinel_home)
    capsys.readouterr()
    assert main(["log", "--verify"]) == 1
    said = capsys.readouterr()
    assert said.out.splitlines() == [verdict]
    assert "journal.sqlite3" in said.err and "It was left as it is" in said.err
    assert "intact" not in said.out + said.err
    assert _folder(consentinel_home) == before  # nothing moved, nothing made


@pytest.mark.parametrize("make", [_damaged, _newer], ids=["damaged", "newer"])
@pytest.mark.parametrize(
    "command",
    [
        ["log"],
        ["log", "--json"],
        ["log", "--csv"],
        ["account", "list"],
        ["account", "list", "--json"],
        ["log", "--bundle", "BUNDLE"],
        ["log", "--check-export", "EXPORT", "--against-journal"],
    ],
    ids=lambda value: " ".join(value),
)
def test_a_looking_command_says_the_journal_cannot_be_read_and_leaves_it(
    make: object,
    command: list[str],
    consentinel_home: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _a_journal(consentinel_home)
    export = tmp_path / "export.json"
    assert main(["log", "--json", "-o", str(export)]) == 0
    (consentinel_home / "data" / "journal.sqlite3").unlink()
    for side in (consentinel_home / "data").glob("journal.*"):
        side.unlink()
    make(consentinel_home)  # type: ignore[operator]
    before = _folder(consentinel_home)
    capsys.readouterr()
    command = [
        {"BUNDLE": str(tmp_path / "b.zip"), "EXPORT": str(export)}.get(word, word)
        for word in command
    ]
    assert main(command) == 2
    said = capsys.readouterr()
    assert said.out == ""
    assert "Could not open the journal" in said.err and "It was left as it is" in said.err
    assert _folder(consentinel_home) == before
    assert not (tmp_path / "b.zip").exists()


def test_schedule_status_leaves_a_damaged_journal_where_it_is(
    consentinel_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _damaged(consentinel_home)
    before = _folder(consentinel_home)
    main(["schedule", "status"])
    assert _folder(consentinel_home) == before


def test_the_app_still_sets_a_damaged_journal_aside_when_it_opens_it(
    consentinel_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _damaged(consentinel_home)
    assert main(["log", "--verify"]) == 1
    ctx = AppContext.create()
    assert ctx.journal.open_warning and "a new one was started" in ctx.journal.open_warning
    ctx.journal.close()
    assert [p for p in path.parent.iterdir() if p.name.startswith("journal.sqlite3.corrupt-")]
    capsys.readouterr()
    assert main(["log", "--verify"]) == 0
    assert "The journal is intact" in capsys.readouterr().out


def test_an_older_journal_is_read_as_it_is_without_being_migrated(
    consentinel_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its migrations since only added indexes: looking reads it, and leaves bringing it up
    to date (a copy kept first) to the app's next start."""
    path = _a_journal(consentinel_home)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("DROP INDEX entries_by_run")  # what version 4 added
    db.execute(f"PRAGMA user_version = {OPEN_VERSION - 1}")
    db.close()
    before = _folder(consentinel_home)
    capsys.readouterr()
    assert main(["log", "--verify"]) == 0
    assert "The journal is intact: 1 entry, chain verified." in capsys.readouterr().out
    assert main(["log", "--json"]) == 0
    export = json.loads(capsys.readouterr().out)
    assert export["verified"] and [e["handle"] for e in export["entries"]] == ["alice"]
    assert main(["account", "list"]) == 0
    assert _folder(consentinel_home) == before  # not migrated, no copy made
    ctx = AppContext.create()  # the app's start brings it up to date
    ctx.journal.close()
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == OPEN_VERSION
    assert (path.parent / f"journal.sqlite3.v{OPEN_VERSION - 1}.bak").exists()
