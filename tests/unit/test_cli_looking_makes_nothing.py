"""Commands that only look (`account list`, `log`, `schedule status`, `browser`) make no folder
and no file on a computer where Consentinel never saved anything: they answer as for an empty
set-up. What the command line writes in the data folder is the person's business, not a side
effect of asking a question."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from consentinel.cli.main import main


@pytest.mark.parametrize(
    ("command", "answer"),
    [
        (["account", "list"], "No accounts yet."),
        (["log"], "The journal is empty."),
        (["log", "--verify"], "The journal is intact: no entries yet."),
        (["log", "--csv"], "id,ts,run_id,kind,handle,summary,payload,prev_hash,hash"),
        (["schedule", "status"], "Scheduled check:"),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else None,
)
def test_a_command_that_only_looks_makes_nothing(
    command: list[str],
    answer: str,
    consentinel_home: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(command) == 0
    assert capsys.readouterr().out.startswith(answer)
    assert not consentinel_home.exists()


@pytest.mark.parametrize(
    ("command", "answer"),
    [
        (["account", "list"], "No accounts yet."),
        (["log"], "The journal is empty."),
        (["log", "--verify"], "The journal is intact: no entries yet."),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else None,
)
def test_a_command_that_only_looks_with_settings_saved_and_no_data_folder(
    command: list[str],
    answer: str,
    consentinel_home: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Settings saved and nothing else (a pause chosen before any account, or a data folder
    # the person removed): not "cannot open the journal".
    (consentinel_home / "config").mkdir(parents=True)
    (consentinel_home / "config" / "settings.json").write_text("{}", encoding="utf-8")
    assert main(command) == 0, capsys.readouterr().err
    assert capsys.readouterr().out.startswith(answer)
    assert not (consentinel_home / "data").exists()


def test_an_empty_export_and_account_list_in_json(
    consentinel_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["account", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["log", "--json"]) == 0
    export = json.loads(capsys.readouterr().out)
    assert (export["verified"], export["entries"]) == (True, [])
    assert not consentinel_home.exists()


def test_the_empty_journal_it_reads_is_gone_when_it_ends(tmp_path: Path) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    home = tmp_path / "home"
    env = {**os.environ, "TMPDIR": str(temp), "CONSENTINEL_HOME": str(home)}
    done = subprocess.run(
        [sys.executable, "-m", "consentinel", "log", "--verify"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "no entries yet" in done.stdout
    assert list(temp.iterdir()) == [] and not home.exists()


def test_once_something_is_saved_the_folder_is_the_one_read(
    consentinel_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from consentinel.core.context import AppContext

    ctx = AppContext.create()
    ctx.journal.record_account_edited("alice", {"new_password": True})
    ctx.journal.close()
    assert main(["log", "--verify"]) == 0
    assert "1 entry" in capsys.readouterr().out
