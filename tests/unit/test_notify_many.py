"""X switches boxes back on for everyone: a scheduled check of 30 accounts says it in a few
notifications (one per kind, counting the accounts, naming the first few), not in 31 popups;
each account's own note is still journaled alone, so what is said again, told late or erased
stays per account. A few accounts keep one notification each. A real journal (SQLite); the
notifier shows nothing (notify_fakes); the desktop's path through the real notify-send:
tests/gui/test_notifications_without_tray.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from consentinel.core.events import AccountResult, BoxChange, RunResult
from consentinel.core.french_typography import typeset
from consentinel.core.journal import EntryKind, Journal
from consentinel.core.journal_erasure import erase_history
from consentinel.core.notify import NotificationKind, notifications_for
from consentinel.core.notify_delivery import deliver
from consentinel.core.status import Box, Reason, Status
from tests.fixtures.notify_fakes import Shown, Silent

#: What the reviewer's simulated X did to 30 accounts: Training switched back on for 26 (X
#: also keeping Memory on unseen for 25 of them), and 4 that need the person.
REVERTED = tuple(
    AccountResult(
        f"rev{i:02}",
        Status.FIXED,
        reverted_by_x=(Box.TRAINING,),
        hidden_on=(Box.MEMORY,) if i < 25 else (),
    )
    for i in range(26)
)
NEEDS = tuple(AccountResult(f"need{i}", Status.NEEDS_USER, Reason.TWO_FACTOR) for i in range(4))
FLOOD = REVERTED + NEEDS


def _delivered(journal: Journal, notifier: Shown | Silent, *accounts: AccountResult) -> list[str]:
    """A scheduled run of `accounts` journaled, then its notifications: what was shown."""
    run_id = journal.start_run("schedule")
    for account in accounts:
        journal.record_check(run_id, account)
    journal.finish_run(run_id)
    deliver(RunResult(run_id, accounts), notifier, journal)
    return [note.body for note in notifier.tried]


def _said(journal: Journal) -> list[tuple[str | None, str, str, bool]]:
    return [
        (e.handle, e.payload["kind"], e.payload["message"], e.payload["delivered"])
        for e in journal.entries(kinds=[EntryKind.NOTIFICATION])
    ]


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    return Journal.open(tmp_path / "journal.sqlite3")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "X switched Training back on for 26 accounts: @rev00, @rev01 and 24 others. "
                "Switched off again on each.",
                "4 accounts need you: @need0, @need1 and 2 others. Open Consentinel to see what "
                "each needs.",
                "X keeps Memory on for 25 accounts without showing it on its page: @rev00, "
                "@rev01 and 23 others. It cannot be switched off for now; Consentinel will "
                "switch it off as soon as X shows it.",
            ],
        ),
        (
            "fr",
            [
                typeset(
                    "X a réactivé la case Entraînement pour 26 comptes : @rev00, @rev01 et 24 "
                    "autres. De nouveau décochée sur chacun."
                ),
                typeset(
                    "4 comptes ont besoin de vous : @need0, @need1 et 2 autres. Ouvrez "
                    "Consentinel pour voir ce qu'il faut à chacun."
                ),
                typeset(
                    "X garde la case Mémoire cochée pour 25 comptes sans l'afficher sur sa page "
                    ": @rev00, @rev01 et 23 autres. Elle ne peut pas être décochée pour "
                    "l'instant ; Consentinel la décochera dès que X l'affichera."
                ),
            ],
        ),
    ],
)
def test_x_switching_boxes_back_on_for_30_accounts_is_said_in_three_notifications(
    monkeypatch: pytest.MonkeyPatch, journal: Journal, lang: str, expected: list[str]
) -> None:
    """One notification for the 26 reverts, one for the 4 accounts that need the person, one
    for the boxes X keeps on unseen: each counts the accounts and names the first few. The
    journal keeps each account's own note, as said alone, shown."""
    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    assert _delivered(journal, Shown(), *FLOOD) == expected
    said = _said(journal)
    reverts = [(h, m, d) for h, kind, m, d in said if kind == "reverted_by_x"]
    alone = notifications_for(RunResult(1, (REVERTED[7],)))[0].body
    assert len(reverts) == 26 and ("rev07", alone, True) in reverts
    needs = [(h, d) for h, kind, _m, d in said if kind == "needs_user"]
    assert needs == [(f"need{i}", True) for i in range(4)]
    (hidden,) = [e for e in journal.entries(kinds=[EntryKind.NOTIFICATION]) if e.handle is None]
    assert hidden.payload["accounts"] == [f"rev{i:02}" for i in range(25)]


def test_what_was_said_per_account_is_not_said_again_and_reverts_are(journal: Journal) -> None:
    """At the next run, X having done it again: the reverts are said (each time X does it),
    the 4 needs and the hidden boxes are not (said already, account by account)."""
    _delivered(journal, Shown(), *FLOOD)
    again = Shown()
    assert _delivered(journal, again, *FLOOD) == [
        "X switched Training back on for 26 accounts: @rev00, @rev01 and 24 others. "
        "Switched off again on each."
    ]
    assert [n.kind for n in again.tried] == [NotificationKind.REVERTED_BY_X]


def test_a_merged_notification_that_could_not_be_shown_is_told_late_per_account(
    journal: Journal,
) -> None:
    """No notifier: each revert is journaled as not shown, and the next run that can show
    notifications tells all 26 late, in its one notice."""
    assert len(_delivered(journal, Silent(), *FLOOD)) == 3
    assert {d for _h, kind, _m, d in _said(journal) if kind == "reverted_by_x"} == {False}
    fine = tuple(AccountResult(a.handle, Status.OPTED_OUT) for a in FLOOD)
    shown = Shown()
    (late,) = _delivered(journal, shown, *fine)
    assert late.startswith("Missed while notifications could not be shown: X had switched boxes")
    assert "@rev00 (Training on " in late and "and 24 others." in late
    assert len(shown.tried[0].covers) == 26


def test_erasing_an_account_not_named_in_the_words_erases_its_notes(journal: Journal) -> None:
    """@rev10 is counted, not named, in what was shown: its own notes are erased with its
    history, and the note of hidden boxes naming it among 25 is emptied whole (the other 24
    lose that one entry too; their own notes stay)."""
    _delivered(journal, Shown(), *FLOOD)
    erase_history(journal, "rev10")
    said = _said(journal)
    assert not [s for s in said if s[0] == "rev10" or "rev10" in s[2]]
    assert [kind for _h, kind, _m, _d in said].count("hidden_on") == 0
    assert ("rev11", "reverted_by_x") in {(h, kind) for h, kind, _m, _d in said}


def test_a_few_accounts_keep_one_notification_each() -> None:
    """Up to FEW accounts, what each gets is what it got before: its own words."""
    two = notifications_for(RunResult(7, (REVERTED[0], NEEDS[0])))
    assert [(n.kind, n.handle, n.body) for n in two] == [
        (
            NotificationKind.REVERTED_BY_X,
            "rev00",
            "X switched back on for @rev00: Training. Switched off again.",
        ),
        (
            NotificationKind.NEEDS_USER,
            "need0",
            "@need0: X asks for a two-factor code — open Consentinel to sign in, or save the "
            "account's 2FA secret",
        ),
        (
            NotificationKind.HIDDEN_ON,
            None,
            "X keeps Memory on for @rev00 without showing it on its page: it cannot be "
            "switched off for now. Consentinel will switch it off as soon as X shows it.",
        ),
    ]
    three = notifications_for(RunResult(7, REVERTED[:3]))
    assert [n.handle for n in three] == ["rev00", "rev01", "rev02", None]
    assert three[3].body.startswith("X keeps boxes on without showing them on its page: @rev00")


def test_different_boxes_are_named_with_each_account(monkeypatch: pytest.MonkeyPatch) -> None:
    """When X switched different boxes back on, each account named is said with its boxes; a
    screenshot that could not be kept is said too, naming whose."""
    monkeypatch.setenv("CONSENTINEL_LANG", "en")
    both = AccountResult("ann", Status.FIXED, reverted_by_x=(Box.TRAINING, Box.MEMORY))
    off = {Box.TRAINING: BoxChange(True, False)}
    unkept = AccountResult(
        "bea", Status.ERROR, Reason.EVIDENCE_NOT_KEPT, off, reverted_by_x=(Box.TRAINING,)
    )
    notes = notifications_for(RunResult(7, (both, unkept, *NEEDS[:2])))
    assert notes[0].body == (
        "X switched boxes back on for 2 accounts: @ann (Training, Memory) and @bea "
        "(Training). Each switched off again. Screenshots could not be kept for @bea — open "
        "Consentinel."
    )
    assert [n.accounts for n in notes] == [("ann", "bea"), ("need0", "need1")]
