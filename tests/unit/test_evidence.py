"""Evidence screenshots: the journal names them by file name and holds their hash, so that
verify() says when one is missing or was changed after it was taken (real SQLite, real files)."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pytest

from consentinel.core.events import AccountResult
from consentinel.core.evidence import evidence_file, untick_shot, unticked_in_shot
from consentinel.core.journal import Journal
from consentinel.core.journal_entries import EntryKind
from consentinel.core.status import Box, Status

PNG = b"\x89PNG\r\n\x1a\n" + b"pretend pixels" * 64


def _journal_with_a_screenshot(tmp_path: Path) -> tuple[Journal, Path]:
    evidence_dir = tmp_path / "evidence"
    evidence_dir.mkdir()
    shot = evidence_dir / "run1-alice-training-20261201T120000000000Z.png"
    shot.write_bytes(PNG)
    journal = Journal.open(tmp_path / "journal.sqlite3", evidence_dir=evidence_dir)
    run = journal.start_run("manual")
    digest = hashlib.sha256(PNG).hexdigest()
    journal.record_evidence(run, "alice", shot.name, "training", sha256=digest)
    journal.finish_run(run)
    return journal, shot


def test_an_untouched_screenshot_verifies(tmp_path: Path) -> None:
    journal, _ = _journal_with_a_screenshot(tmp_path)
    assert journal.verify().ok


def test_a_changed_screenshot_does_not_verify(tmp_path: Path) -> None:
    journal, shot = _journal_with_a_screenshot(tmp_path)
    shot.write_bytes(PNG + b"ticks painted on afterwards")
    verdict = journal.verify()
    assert not verdict.ok
    assert verdict.problem == (
        f"the screenshot of entry 2 ({shot.name}) was changed after it was taken."
    )


def test_a_missing_screenshot_does_not_verify(tmp_path: Path) -> None:
    journal, shot = _journal_with_a_screenshot(tmp_path)
    shot.unlink()
    verdict = journal.verify()
    assert not verdict.ok and verdict.problem is not None
    assert "is missing" in verdict.problem and shot.name in verdict.problem


def test_a_checks_own_verdict_reads_its_screenshots_and_looks_for_the_others(
    tmp_path: Path,
) -> None:
    """`consentinel check` verifies the journal at its end: the whole chain, its own run's
    screenshots read and compared, every other one looked for but not read (a year of "a
    screenshot of every check" is hundreds of megabytes, read again at every scheduled check:
    1.9 s against 0.16 s on this machine, its disk cache emptied). `log --verify` and the
    window read them all."""
    journal, old_shot = _journal_with_a_screenshot(tmp_path)
    run = journal.start_run("schedule")
    new_shot = old_shot.with_name("run2-alice-all-off-20261202T120000000000Z.png")
    new_shot.write_bytes(PNG)
    journal.record_evidence(run, "alice", new_shot.name, "all-off", hashlib.sha256(PNG).hexdigest())
    journal.finish_run(run)

    old_shot.write_bytes(PNG + b"changed later")
    assert journal.verify(read_shots_of=[run]).ok  # another run's, not read here
    assert not journal.verify().ok  # the full verdict reads it
    new_shot.write_bytes(PNG + b"changed at once")
    own = journal.verify(read_shots_of=[run])
    assert not own.ok and own.problem is not None and new_shot.name in own.problem
    new_shot.write_bytes(PNG)
    old_shot.unlink()
    gone = journal.verify(read_shots_of=[run])  # looked for: a missing one is still said
    assert not gone.ok and gone.problem is not None
    assert "is missing" in gone.problem and old_shot.name in gone.problem
    journal.close()


def test_without_its_evidence_folder_the_journal_checks_its_chain_only(tmp_path: Path) -> None:
    journal, shot = _journal_with_a_screenshot(tmp_path)
    journal.close()
    shot.unlink()
    assert Journal.open(tmp_path / "journal.sqlite3").verify().ok


def test_an_old_full_path_is_found_in_the_folder_it_was_copied_to(tmp_path: Path) -> None:
    """Entries written before 0.3 held the full path of the folder they were taken in."""
    here = tmp_path / "restored" / "evidence"
    old = "/home/someone/.local/share/consentinel/data/evidence/run1-alice-training-x.png"
    assert evidence_file(here, old) == here / "run1-alice-training-x.png"
    assert evidence_file(here, "run1-alice-training-x.png") == here / "run1-alice-training-x.png"


def test_a_check_names_its_screenshot_by_file_name_in_the_journal_and_its_exports(
    tmp_path: Path,
) -> None:
    """A full path names the person and their folders: an export shown to someone else must not
    carry it. An entry written before holds one, and is exported as it was hashed."""
    journal, shot = _journal_with_a_screenshot(tmp_path)
    run = journal.start_run("manual")
    result = AccountResult("alice", Status.FIXED, evidence=shot)
    entry = journal.record_check(run, result)
    assert entry.payload["evidence"] == shot.name
    journal.record_evidence(run, "alice", shot, "training")  # given a full path: its name
    assert journal.entries(kinds=[EntryKind.EVIDENCE])[-1].payload["path"] == shot.name
    journal.finish_run(run)
    assert result.to_json()["evidence"] == str(shot)  # `check --json`'s, on this computer

    exported = _exported(journal)
    checks = [e for e in json.loads(exported)["entries"] if e["kind"] == "check"]
    assert [c["payload"]["evidence"] for c in checks] == [shot.name]
    rows = io.StringIO()
    journal.export_csv(rows)
    for text in (exported, rows.getvalue()):
        assert str(tmp_path) not in text and shot.name in text

    # An entry from before keeps its full path, in the export too: the payload is what was hashed.
    old = {**checks[0]["payload"], "evidence": str(shot)}
    journal.append(EntryKind.CHECK, "alice", old)
    document = json.loads(_exported(journal))
    assert document["entries"][-1]["payload"]["evidence"] == str(shot)
    assert document["verified"] is True


def _exported(journal: Journal) -> str:
    out = io.StringIO()
    journal.export_json(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("after", "why", "shown"),
    [
        (False, "training", "unticked"),
        (True, "training-not-saved", "still on"),
        (None, "training-not-read-back", "not read back"),
    ],
)
def test_a_picture_after_an_untick_is_named_for_what_came_of_it(
    after: bool | None, why: str, shown: str
) -> None:
    """Saved, not saved (read back on), or not read back (the box was not on the reloaded
    page): three names, each read back as what it was, so a caption claims no more."""
    assert untick_shot(Box.TRAINING, after=after) == why
    assert unticked_in_shot(why) == (Box.TRAINING, shown)
    assert unticked_in_shot("page-changed") is None
