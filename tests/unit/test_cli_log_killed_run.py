"""`consentinel log` says a run whose process was killed (SIGKILL, a power cut) as interrupted,
before anything has marked it: it only looks, so it finds the run still "running" with its
process gone (Journal.runs_of_gone_processes) and says it as the "check interrupted" entry the
next process to open the journal for writing adds, writing nothing itself. `log --json` names
such runs beside its entries, which stay as hashed. A run still going is not taken for one.
Real SQLite journal, a real process killed."""

from __future__ import annotations

import gc
import json
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from consentinel.cli.main import main
from consentinel.core.journal import Journal
from consentinel.core.paths import AppPaths

#: A check's process: begins a run, signs in, says the run's number, and is killed (SIGKILL).
_KILLED = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from consentinel.core.journal import Journal
    j = Journal.open(Path(sys.argv[1]))
    run = j.start_run("schedule")
    j.record_signin(run, "ada", "signed_in")
    print(run, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
""")


def _killed_run() -> int:
    """The number of a run whose process was killed mid-run (left "running" in the journal).

    The killed process leaves its writes in the journal's WAL file, which the next connection
    to close last folds into the file (SQLite's checkpoint: no row changes), a looking
    command's too. Folded here first, with a bare connection (which marks nothing), so that
    the file's bytes show whether `log` wrote anything."""
    path = AppPaths.from_env().journal_path
    child = subprocess.Popen(
        [sys.executable, "-c", _KILLED, str(path)], stdout=subprocess.PIPE, text=True
    )
    out, _ = child.communicate()
    assert child.returncode == -signal.SIGKILL
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return int(out)


def _journal_files(home: Path) -> dict[str, bytes]:
    """The journal's files (the database, its head, any WAL), once the connections the
    commands run in this process left open are closed."""
    gc.collect()
    data = home / "data"
    return {p.name: p.read_bytes() for p in data.iterdir() if p.name.startswith("journal.")}


def _log(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    capsys.readouterr()
    assert main(["log", *args]) == 0
    return capsys.readouterr().out.splitlines()


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "check interrupted        "
            + " " * 18
            + "its process is gone (killed, or the computer stopped); not written in the "
            "journal yet",
        ),
        (
            "fr",
            "vérification interrompue " + " " * 18 + "son processus n'existe plus (arrêté de "
            "force, ou l'ordinateur s'est arrêté)\u00a0; pas encore écrit dans le journal",
        ),
    ],
)
def test_log_says_a_killed_run_interrupted_and_writes_nothing(
    lang: str,
    said: str,
    consentinel_home: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    run = _killed_run()
    before = _journal_files(consentinel_home)
    assert "journal.sqlite3" in before

    lines = _log(capsys)
    assert len(lines) == 3, lines  # started, signed in, and its end as the journal will say it
    assert all(f"#{run:<4} " in line for line in lines)
    assert lines[2].strip() == f"#{run:<4} {said}", lines
    assert lines[2].startswith(" " * len(lines[1].split("  #")[0]) + "  #")  # (no time: none)
    assert _journal_files(consentinel_home) == before  # the run not marked: nothing written

    # Once the app or a check opens the journal to write, it is journaled so: said once.
    Journal.open(AppPaths.from_env().journal_path).close()
    after = _log(capsys)
    assert len(after) == 3 and after[:2] == lines[:2], after
    assert f"#{run:<4} {said.split('  ')[0]}" in after[2]
    assert "journal yet" not in after[2] and "pas encore" not in after[2]


def test_log_json_names_a_killed_run_and_its_entries_still_check(
    consentinel_home: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run = _killed_run()
    before = _journal_files(consentinel_home)
    document = json.loads("\n".join(_log(capsys, "--json")))
    assert document["runs_interrupted_not_journaled"] == [run]
    assert [e["kind"] for e in document["entries"]] == ["run_started", "signin"]
    assert document["verified"] is True
    assert _log(capsys, "--verify") == ["The journal is intact: 2 entries, chain verified."]
    assert _journal_files(consentinel_home) == before

    export = tmp_path / "export.json"
    export.write_text(json.dumps(document), encoding="utf-8")
    capsys.readouterr()
    assert main(["log", "--check-export", str(export)]) == 0
    # One account's: the run is named when its entries are there.
    document = json.loads("\n".join(_log(capsys, "--json", "--account", "ada")))
    assert document["runs_interrupted_not_journaled"] == [run]

    Journal.open(AppPaths.from_env().journal_path).close()  # (marked: nothing left to name)
    assert json.loads("\n".join(_log(capsys, "--json")))["runs_interrupted_not_journaled"] == []


def test_a_run_whose_process_still_runs_is_not_said_interrupted(
    consentinel_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journal = Journal.open(AppPaths.from_env().journal_path)
    try:
        run = journal.start_run("manual")  # (this process's: still under way)
        journal.record_signin(run, "ada", "signed_in")
        _killed_run()  # (another run, killed, beside it: only that one is said interrupted)
        lines = _log(capsys)
        assert [line.split()[4:6] for line in lines[:2]] == [
            ["check", "started"],
            ["sign-in", "@ada"],
        ]
        assert all("interrupted" not in line for line in lines[:2])
        assert [line for line in lines if "interrupted" in line] == [lines[-1]]
        assert f"#{run} " not in lines[-1]
        assert journal.run(run).status.value == "running"  # type: ignore[union-attr]
        document = json.loads("\n".join(_log(capsys, "--json")))
        assert document["runs_interrupted_not_journaled"] == [run + 1]
    finally:
        journal.close()
