"""A corrupt file, or one written by a newer Consentinel, through the installed command: the
app starts, says what it did in one sentence, and keeps the file aside (never deletes it)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.reliability.cli_support import run_cli

CORRUPT = b"\x00\x01 not what this file should be {{{"


def _newer_journal(path: Path) -> bytes:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE future (x)")
    db.execute("PRAGMA user_version = 999")
    db.commit()
    db.close()
    return path.read_bytes()


@pytest.mark.parametrize(
    ("where", "damage", "words"),
    [
        ("config/accounts.json", "corrupt", "accounts file could not be read"),
        ("config/accounts.json", "newer", "accounts file was written by a newer Consentinel"),
        ("config/settings.json", "corrupt", "settings file could not be read"),
        ("config/settings.json", "newer", "settings file was written by a newer Consentinel"),
        ("data/journal.sqlite3", "corrupt", "journal could not be read"),
        ("data/journal.sqlite3", "newer", "journal was written by a newer Consentinel"),
    ],
)
def test_damaged_file_is_set_aside_and_the_app_starts(
    env: dict[str, str], consentinel_home: Path, where: str, damage: str, words: str
) -> None:
    run_cli(env, "account", "add", "alice", expect=0)  # a data folder as the app leaves it
    target = consentinel_home / where
    target.parent.mkdir(parents=True, exist_ok=True)
    if damage == "corrupt":
        target.write_bytes(CORRUPT)
        before = CORRUPT
    elif target.suffix == ".sqlite3":
        target.unlink()
        before = _newer_journal(target)
    else:
        before = json.dumps({"version": 99, "accounts": [], "schedule": "daily"}).encode()
        target.write_bytes(before)

    # A command that only looks leaves a file it cannot use where it is, and says so
    # (test_cli_looking_leaves_the_journal.py, test_cli_looking_leaves_settings_and_accounts.py);
    # one that writes, as the app does, sets it aside.
    started = run_cli(env, "account", "add", "bob", expect=0)

    assert "Traceback" not in started.stderr
    lines = [line for line in started.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and words in lines[0], started.stderr
    aside = [p for p in target.parent.iterdir() if p.name.startswith(f"{target.name}.{damage}-")]
    assert len(aside) == 1, sorted(p.name for p in target.parent.iterdir())
    assert str(aside[0]) in lines[0]  # the sentence says where the file went
    assert aside[0].read_bytes() == before  # kept as it was, never deleted
    # Said once: the next start is quiet and the app works on a fresh file.
    again = run_cli(env, "account", "list", expect=0)
    assert again.stderr.strip() == ""
    if target.name == "journal.sqlite3":
        assert "intact" in run_cli(env, "log", "--verify", expect=0).stdout


def test_a_journal_that_no_longer_verifies_can_be_kept_and_a_new_one_started(
    env: dict[str, str], consentinel_home: Path
) -> None:
    """Once the person has seen the damage (and exported it if they must), `log --start-over`
    keeps the journal as it is, next to a new one whose first entry names it."""
    for handle in ("alice", "bob", "carol"):
        run_cli(env, "account", "add", handle, expect=0)
    refused = run_cli(env, "log", "--start-over", expect=1)  # an intact chain is never cut
    assert "intact" in refused.stderr
    journal = consentinel_home / "data" / "journal.sqlite3"
    db = sqlite3.connect(journal)
    db.execute("UPDATE entries SET payload = '{\"forged\":true}' WHERE id = 1")
    db.execute("UPDATE entries SET handle = 'mallory' WHERE id = 3")
    db.commit()
    db.close()
    # Every problem is named, not only the first; the export holds them too.
    damaged = run_cli(env, "log", "--verify", expect=1).stdout.splitlines()
    assert damaged == [
        "The journal does not verify: 2 problems.",
        "  - entry 1 was edited.",
        "  - entry 3 was edited.",
    ]
    exported = json.loads(run_cli(env, "log", "--json", expect=0).stdout)
    assert exported["problems"] == ["entry 1 was edited.", "entry 3 was edited."]

    started = run_cli(env, "log", "--start-over", expect=0)

    aside = [p for p in journal.parent.iterdir() if p.name.startswith("journal.sqlite3.damaged-")]
    assert len(aside) == 1, sorted(p.name for p in journal.parent.iterdir())
    assert aside[0].name in started.stdout
    kept = sqlite3.connect(aside[0])  # kept as it was: the forged entry is still there
    assert kept.execute("SELECT payload FROM entries WHERE id = 1").fetchone()[0] == (
        '{"forged":true}'
    )
    kept.close()
    verdict = run_cli(env, "log", "--verify", expect=0).stdout
    # Its first entry names the old one; then the accounts still listed, entered so that a
    # later loss of the list can bring them back.
    assert "intact: 4 entries" in verdict and aside[0].name in verdict
    listed = run_cli(env, "log", expect=0).stdout
    assert "no longer verified: entry 1 was edited; one more problem was found; kept as" in listed
    assert listed.count("listed when this journal began") == 3, listed
    assert aside[0].name in listed
    # A second start-over has nothing to do: the new journal is intact.
    run_cli(env, "log", "--start-over", expect=1)
