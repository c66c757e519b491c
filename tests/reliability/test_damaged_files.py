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
    run_cli(env, "account", "list", expect=0)  # a data folder as the app leaves it
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

    started = run_cli(env, "account", "list", expect=0)

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
