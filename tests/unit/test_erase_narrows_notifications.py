"""Erasing one account's history takes its part out of the notifications that named it among
others (boxes X keeps on unseen, a changed page, accounts missing, X out of reach): the others'
part stays readable and true (its words said again of them, counts too, in the language they
were said in), what was said is not said again to them, the erased handle is in no byte of the
journal's files, and the chain still verifies; the rewritten entry edited by hand fails. A real
journal (SQLite)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from consentinel.core.events import AccountResult, RunResult
from consentinel.core.i18n import speaking
from consentinel.core.journal import EntryKind, Journal
from consentinel.core.journal_erasure import erase_history
from consentinel.core.notification_words import notification_words
from consentinel.core.notify import deliver
from consentinel.core.status import Box, Reason, Status
from tests.fixtures.notify_fakes import Shown

GONE = "Gone_Away"
#: X keeps Memory on unseen for GONE (named first in the words) and these.
OTHERS = ("ann", "bea", "cid", "dee")


def _run(journal: Journal, *accounts: AccountResult) -> list[str]:
    """A scheduled run of `accounts` journaled, then its notifications: what was shown."""
    run_id = journal.start_run("schedule")
    for account in accounts:
        journal.record_check(run_id, account)
    journal.finish_run(run_id)
    shown = Shown()
    deliver(RunResult(run_id, accounts), shown, journal)
    return [note.body for note in shown.tried]


def _hidden(*handles: str) -> tuple[AccountResult, ...]:
    return tuple(AccountResult(h, Status.OPTED_OUT, hidden_on=(Box.MEMORY,)) for h in handles)


def _flood(journal: Journal) -> list[str]:
    """Two runs: X keeps Memory on unseen for GONE and OTHERS, then X's page unreadable for
    GONE and pia. What they showed."""
    page = tuple(AccountResult(h, Status.ERROR, Reason.PAGE_CHANGED) for h in (GONE, "pia"))
    return _run(journal, *_hidden(GONE, *OTHERS)) + _run(journal, *page)


def _notes(journal: Journal, kind: str) -> list[dict[str, object]]:
    return [
        e.payload
        for e in journal.entries(kinds=[EntryKind.NOTIFICATION])
        if e.payload.get("kind") == kind
    ]


def _files_naming(journal_path: Path, word: str) -> list[str]:
    return [
        f.name
        for f in journal_path.parent.glob(journal_path.name + "*")
        if word.lower().encode() in f.read_bytes().lower()
    ]


@pytest.mark.parametrize(
    ("lang", "hidden_words", "page_words"),
    [
        (
            "en",
            "X keeps Memory on for 4 accounts without showing it on its page: @ann, @bea and 2 "
            "others. It cannot be switched off for now; Consentinel will switch it off as soon "
            "as X shows it.",
            "Consentinel could not read X's settings page for @pia — it may have changed",
        ),
        (
            "fr",
            None,  # (compared with what the run says of the four alone, below)
            None,
        ),
    ],
)
def test_erasing_an_account_keeps_the_others_part_of_a_notification_naming_it(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    hidden_words: str | None,
    page_words: str | None,
) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as journal:
        said = _flood(journal)
        assert len(said) == 2 and all(f"@{GONE}" in words for words in said)
        erase_history(journal, GONE)

        (hidden,) = _notes(journal, "hidden_on")
        assert hidden["accounts"] == list(OTHERS)
        (page,) = _notes(journal, "page_changed")
        assert page["accounts"] == ["pia"]
        # The words the run would have said of the others alone, in the language they were
        # said in (the journal of another run, the same check results).
        with Journal.open(tmp_path / "alone.sqlite3") as alone:
            pia = AccountResult("pia", Status.ERROR, Reason.PAGE_CHANGED)
            assert [hidden["message"], page["message"]] == _run(alone, *_hidden(*OTHERS)) + _run(
                alone, pia
            )
        if hidden_words is not None:
            assert hidden["message"] == hidden_words and page["message"] == page_words
        assert hidden["message_lang"] == lang and hidden["delivered"] is True

        verdict = journal.verify()
        assert verdict.ok, verdict.problems
        # What was said to the others is not said to them again at the next run.
        assert _run(journal, *_hidden(*OTHERS)) == []
    assert _files_naming(path, GONE) == []


def test_words_that_cannot_be_said_again_are_dropped_not_left_untrue(tmp_path: Path) -> None:
    """X out of reach for days: the words hold since when for each account, which the journal
    does not keep. They go; the others stay named, the reader gets what it was about."""
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as journal:
        journal.append_account_added(GONE, keep=[])
        journal.record_notification(
            None,
            None,
            "x_unreachable",
            f"Consentinel has not been able to check @{GONE} (since 1 Dec), @ann (since 2 Dec) "
            "on X for days",
            True,
            accounts=[GONE, "ann"],
        )
        erase_history(journal, GONE)
        (left,) = _notes(journal, "x_unreachable")
        assert left["accounts"] == ["ann"] and "message" not in left
        with speaking("en"):
            assert notification_words(left) == "X could not be reached for days"
        assert journal.verify().ok
    assert _files_naming(path, GONE) == []


def test_a_notification_narrowed_then_edited_by_hand_fails(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as journal:
        _flood(journal)
        erase_history(journal, GONE)
        assert journal.verify().ok
        (entry,) = [
            e
            for e in journal.entries(kinds=[EntryKind.NOTIFICATION])
            if e.payload.get("kind") == "page_changed"
        ]
    db = sqlite3.connect(path)
    try:
        text = db.execute("SELECT payload FROM entries WHERE id = ?", (entry.id,)).fetchone()[0]
        db.execute(
            "UPDATE entries SET payload = ? WHERE id = ?",
            (text.replace('"delivered":true', '"delivered":false'), entry.id),
        )
        db.commit()
    finally:
        db.close()
    with Journal.open(path) as journal:
        verdict = journal.verify()
    assert not verdict.ok
    assert any(f"entry {entry.id} was edited" in p for p in verdict.problems), verdict.problems
