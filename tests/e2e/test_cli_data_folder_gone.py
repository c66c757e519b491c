"""The data folder deleted while `consentinel check --unattended` runs: the check's record is
written again in a new journal at its place, which says why it begins and knows the accounts
listed, and the command never says its entries were added to a journal that went. It used to
write everything to the deleted file ("This check's entries were added to it"), leaving an
empty journal and screenshots no entry named. Real processes, real Chromium against the
simulated X, a real journal."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from consentinel.core.journal import Journal
from consentinel.core.journal_entries import EntryKind
from consentinel.core.paths import AppPaths
from consentinel.simx import SimAccount
from tests.e2e._cli_support import run_cli, started, x_with_accounts

PASSWORD = "correct horse battery staple 42!"


@pytest.mark.browser
def test_a_data_folder_deleted_during_a_check_keeps_the_checks_record_at_its_place(
    simx: Any, cli_env: dict[str, str], consentinel_home: Path
) -> None:
    _sim, env = x_with_accounts(
        simx, cli_env, SimAccount("alice", PASSWORD), SimAccount("carol", PASSWORD)
    )
    paths = AppPaths.under(consentinel_home)
    assert paths.journal_path.exists()  # (the accounts added are journaled)
    with started(env, "check", "--unattended", "alice", "carol") as run:
        # Signed in and its page read: the sign-in's entries are in the journal that goes.
        run.said("@alice: unticking")
        shutil.rmtree(paths.data_dir)
        done = run.finish(timeout=180)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 0, (done.stdout, done.stderr)
    assert "entries were added to it" not in done.stderr, done.stderr
    assert "does not verify" not in done.stderr, done.stderr
    assert (
        f"The data folder {paths.data_dir} was deleted during this check, with the journal it "
        "was writing to. Consentinel goes on with the journal at its place, and this check's "
        "entries are written in it again."
    ) in done.stderr, done.stderr

    journal = Journal.open(paths.journal_path, evidence_dir=paths.evidence_dir)
    try:
        entries = journal.entries()
        first = entries[0]
        assert first.kind is EntryKind.JOURNAL_RESTARTED, entries
        assert first.payload == {"why": "folder", "run_written_again": True}
        carried = [
            e.handle
            for e in entries
            if e.kind is EntryKind.ACCOUNT_ADDED and e.payload.get("carried_over")
        ]
        assert carried == ["alice", "carol"]
        (run_,) = journal.runs()
        ran = [e for e in entries if e.run_id == run_.id]
        assert ran[0].kind is EntryKind.RUN_STARTED
        assert ran[0].payload["trigger"] == "manual"
        checks = {e.handle: e.payload["status"] for e in ran if e.kind is EntryKind.CHECK}
        assert checks == {"alice": "fixed", "carol": "fixed"}
        # Its sign-ins, from before the folder went, are there too.
        assert {e.handle for e in ran if e.kind is EntryKind.SIGNIN} == {"alice", "carol"}
        assert any(e.kind is EntryKind.RUN_FINISHED for e in ran)
        # Its notifications come after it, under its number in this journal.
        notes = [e for e in entries if e.kind is EntryKind.NOTIFICATION]
        assert notes and all(e.run_id == run_.id for e in notes)
        # Every screenshot in the folder is named by an entry, and the journal verifies.
        named = {e.payload["path"] for e in ran if e.kind is EntryKind.EVIDENCE}
        assert named and named == {p.name for p in paths.evidence_dir.iterdir()}
        assert journal.verify().ok
    finally:
        journal.close()
    said = run_cli(env, "log", check_exit=0).stdout
    assert "The journal is empty" not in said
    assert "the data folder was deleted while Consentinel was using it" in said, said
