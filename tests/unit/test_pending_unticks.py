"""The mark an untick leaves before its click (core/pending_unticks.py) becomes, once its
process is found gone, the account's check entry: naming the box X may have switched off, with
every box as the check knew it then, so that the account's row shows that check."""

from __future__ import annotations

import json
from pathlib import Path

from consentinel.core.events import BoxChange
from consentinel.core.journal import EntryKind, Journal
from consentinel.core.pending_unticks import FOLDER_NAME, mark
from consentinel.core.status import Box, Reason


def _killed_run_with_mark(journal_path: Path, **boxes: object) -> Path:
    """A run that began and left a mark, its process gone without a word (its journal closed
    with the run still "running")."""
    journal = Journal.open(journal_path)
    try:
        run = journal.start_run("manual")
    finally:
        journal.close()
    folder = journal_path.parent / FOLDER_NAME
    return mark(folder, run, "ada", Box.PERSONALIZATION, **boxes)  # type: ignore[arg-type]


def _found_by_the_next(journal_path: Path) -> tuple[dict[str, object], int | None]:
    journal = Journal.open(journal_path)
    try:
        journal.interrupt_stale_runs()
        (check,) = journal.entries(handle="ada", kinds=[EntryKind.CHECK])
        last = journal.last_check("ada")
    finally:
        journal.close()
    return check.payload, last.id if last is not None and last.id == check.id else None


def test_a_killed_checks_entry_has_its_boxes_and_what_it_had_done(journal_path: Path) -> None:
    settings = {
        Box.TRAINING: BoxChange(True, False),  # unticked and read back before
        Box.PERSONALIZATION: BoxChange(True, True),  # as read: being unticked now
        Box.MEMORY: BoxChange(False, False),
    }
    kept = (Box.TRAINING, Box.PERSONALIZATION)
    path = _killed_run_with_mark(
        journal_path, settings=settings, reverted=(Box.TRAINING,), keep=kept
    )
    payload, last = _found_by_the_next(journal_path)

    assert (payload["status"], payload["reason"]) == ("error", Reason.CANCELLED.value)
    assert payload["settings"] == {
        "training": {"before": True, "after": False, "disabled": False},
        "personalization": {"before": True, "after": None, "disabled": False},
        "memory": {"before": False, "after": False, "disabled": False},
    }
    assert payload["reverted_by_x"] == ["training"]
    # The boxes it kept off: Memory, found off while not kept off, is no reading of ours.
    assert payload["keep"] == ["training", "personalization"]
    journal = Journal.open(journal_path)
    try:
        assert not journal.last_read_off_by_us("ada", Box.MEMORY)
    finally:
        journal.close()
    message = str(payload["message"])
    assert "Training" in message and message.endswith(
        "Stopped while unticking Personalization: X may have switched it off; the next check "
        "reads it again."
    )
    assert last is not None  # the account's last check: this one
    assert not path.exists()


def test_a_mark_written_before_marks_kept_the_boxes_still_names_its_box(
    journal_path: Path,
) -> None:
    path = _killed_run_with_mark(journal_path)
    raw = json.loads(path.read_text(encoding="utf-8"))
    del raw["settings"], raw["reverted_by_x"]  # as an older version wrote it
    path.write_text(json.dumps(raw), encoding="utf-8")
    payload, last = _found_by_the_next(journal_path)

    assert payload["message"] == (
        "Stopped while unticking Personalization: X may have switched it off; the next check "
        "reads it again."
    )
    assert payload["settings"] == {} and "keep" not in payload
    assert last is None  # as before: said, and the check before it still the last known
    assert not path.exists()


def test_a_killed_check_found_after_a_later_check_does_not_pass_for_the_last(
    journal_path: Path,
) -> None:
    """The window kept the journal open while a scheduled check was killed mid-untick; the
    window checked the account since. The killed check is said when found, but the later
    check stays the account's last one (its row, its boxes)."""
    from consentinel.core.events import AccountResult
    from consentinel.core.status import Status

    settings = {Box.TRAINING: BoxChange(True, False), Box.PERSONALIZATION: BoxChange(True, True)}
    path = _killed_run_with_mark(journal_path, settings=settings)
    journal = Journal.open(journal_path)
    try:
        later = journal.start_run("manual")
        fixed = {Box.TRAINING: BoxChange(False, False), Box.PERSONALIZATION: BoxChange(True, False)}
        journal.record_check(later, AccountResult("ada", Status.FIXED, settings=fixed))
        journal.finish_run(later)
        journal.interrupt_stale_runs()
        checks = journal.entries(handle="ada", kinds=[EntryKind.CHECK])
        last = journal.last_check("ada")
    finally:
        journal.close()
    assert [c.payload["status"] for c in checks] == ["fixed", "error"]
    killed = checks[1]
    assert str(killed.payload["message"]).endswith(
        "Stopped while unticking Personalization: X may have switched it off; the next check "
        "reads it again."
    )
    assert killed.payload["settings"] == {}
    assert last is not None and last.id == checks[0].id
    assert not path.exists()
