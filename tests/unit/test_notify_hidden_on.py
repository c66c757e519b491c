"""Boxes X keeps on without showing them on its page (AccountResult.hidden_on): a scheduled
run tells the person, who is not looking at the window, as it tells of a box X switched back on;
said once while it lasts, journaled, and read back by `consentinel log` and the journal window.
A real journal (SQLite); the notifier shows nothing (notify_fakes)."""

from __future__ import annotations

import pytest

from consentinel.core.events import AccountResult, RunResult
from consentinel.core.french_typography import typeset
from consentinel.core.journal import EntryKind, Journal
from consentinel.core.notification_words import notification_words
from consentinel.core.notify import Notification, NotificationKind, notifications_for
from consentinel.core.notify_delivery import deliver
from consentinel.core.status import Box, Reason, Status
from tests.fixtures.notify_fakes import Shown

HIDDEN = AccountResult("ines", Status.OPTED_OUT, hidden_on=(Box.TRAINING,))
HIDDEN_TWO = AccountResult("jules", Status.FIXED, hidden_on=(Box.PERSONALIZATION, Box.MEMORY))
SHOWN_OFF = AccountResult("ines", Status.FIXED)  # X shows the box again: switched off


def _run_of(*accounts: AccountResult) -> RunResult:
    return RunResult(run_id=7, accounts=accounts)


@pytest.mark.parametrize(
    ("lang", "one", "two", "both"),
    [
        (
            "en",
            "X keeps Training on for @ines without showing it on its page: it cannot be "
            "switched off for now. Consentinel will switch it off as soon as X shows it.",
            "X keeps Personalization, Memory on for @jules without showing them on its page: "
            "they cannot be switched off for now. Consentinel will switch them off as soon as "
            "X shows them.",
            "X keeps boxes on without showing them on its page: @ines (Training); @jules "
            "(Personalization, Memory). They cannot be switched off for now; Consentinel will "
            "switch them off as soon as X shows them.",
        ),
        (
            "fr",
            typeset(
                "X garde la case Entraînement cochée pour @ines sans l'afficher sur sa page : "
                "elle ne peut pas être décochée pour l'instant. Consentinel la décochera dès "
                "que X l'affichera."
            ),
            typeset(
                "X garde les cases Personnalisation, Mémoire cochées pour @jules sans les "
                "afficher sur sa page : elles ne peuvent pas être décochées pour l'instant. "
                "Consentinel les décochera dès que X les affichera."
            ),
            typeset(
                "X garde des cases cochées sans les afficher sur sa page : @ines (Entraînement) "
                "; @jules (Personnalisation, Mémoire). Elles ne peuvent pas être décochées pour "
                "l'instant ; Consentinel les décochera dès que X les affichera."
            ),
        ),
    ],
)
def test_boxes_x_keeps_on_unseen_are_said_naming_the_accounts_and_boxes(
    monkeypatch: pytest.MonkeyPatch, lang: str, one: str, two: str, both: str
) -> None:
    """What the window's summary says under the table (gui/run_summary.py) is said to the
    person who is not looking at it: which boxes, on which accounts, and that nothing can
    switch them off until X shows them. One notification for all the accounts (X's doing)."""
    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    (note,) = notifications_for(_run_of(HIDDEN))
    assert (note.kind, note.handle, note.accounts) == (NotificationKind.HIDDEN_ON, None, ("ines",))
    assert note.body == one
    (note,) = notifications_for(_run_of(HIDDEN_TWO))
    assert note.body == two
    (note,) = notifications_for(_run_of(HIDDEN, HIDDEN_TWO))
    assert note.body == both and note.accounts == ("ines", "jules")


def test_boxes_kept_on_unseen_do_not_hide_what_else_a_check_needs_said() -> None:
    """An account that needs the person, another whose boxes X hides, an account removed
    during its check (no longer the person's): each said as it is, the hidden boxes too."""
    needs = AccountResult("kim", Status.NEEDS_USER, Reason.TWO_FACTOR)
    removed = AccountResult("lou", Status.OPTED_OUT, hidden_on=(Box.TRAINING,), removed=True)
    notes = notifications_for(_run_of(needs, HIDDEN, removed))
    assert [(n.kind, n.handle or n.accounts) for n in notes] == [
        (NotificationKind.NEEDS_USER, "kim"),
        (NotificationKind.HIDDEN_ON, ("ines",)),
    ]


def _scheduled_run(journal: Journal, notifier: Shown, *results: AccountResult) -> list[str]:
    """One run checking `results`' accounts, its notifications delivered and journaled."""
    run_id = journal.start_run("schedule")
    for result in results:
        journal.record_check(run_id, result)
    said = deliver(RunResult(run_id, results), notifier, journal)
    journal.finish_run(run_id)
    return [note.kind.value for note, _shown in said]


def _window_check(journal: Journal, result: AccountResult) -> None:
    """A check from the window or the command line: journaled, nothing notified."""
    run_id = journal.start_run("manual")
    journal.record_check(run_id, result)
    journal.finish_run(run_id)


def test_boxes_kept_on_unseen_are_said_once_while_it_lasts(journal: Journal) -> None:
    """Said at the run that finds them, not again at every run while X keeps hiding them
    (nor after a check in between that found them hidden still, though it ended "all off");
    said again once X showed them and they were switched off, then hid them again, or when
    they are hidden on another account too."""
    notifier = Shown()
    assert _scheduled_run(journal, notifier, HIDDEN) == ["hidden_on"]
    assert _scheduled_run(journal, notifier, HIDDEN) == []
    _window_check(journal, HIDDEN)
    assert _scheduled_run(journal, notifier, HIDDEN) == []
    assert _scheduled_run(journal, notifier, HIDDEN, HIDDEN_TWO) == ["hidden_on"]
    assert _scheduled_run(journal, notifier, HIDDEN, HIDDEN_TWO) == []
    assert _scheduled_run(journal, notifier, SHOWN_OFF) == []
    assert _scheduled_run(journal, notifier, HIDDEN) == ["hidden_on"]
    assert [n.accounts for n in notifier.tried] == [("ines",), ("ines", "jules"), ("ines",)]


def test_boxes_kept_on_unseen_are_journaled_and_read_back(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The notification's entry, as `consentinel log` and the journal window read it: its
    words for a reader of its language, what it was about for another."""
    monkeypatch.setenv("CONSENTINEL_LANG", "en")
    _scheduled_run(journal, Shown(), HIDDEN)
    (entry,) = journal.entries(kinds=[EntryKind.NOTIFICATION])
    assert entry.handle is None
    assert entry.payload["kind"] == "hidden_on" and entry.payload["delivered"] is True
    assert entry.payload["accounts"] == ["ines"]
    assert notification_words(entry.payload) == notifications_for(_run_of(HIDDEN))[0].body
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    assert notification_words(entry.payload) == "X garde des cases cochées sans les afficher " \
        "sur sa page"  # fmt: skip


def test_a_notifier_that_fails_is_tried_again_at_the_next_run(journal: Journal) -> None:
    """Not shown (no notifier answered): tried again at the next run, until it is shown."""

    class Failing:
        def notify(self, note: Notification) -> bool:
            return False

    run_id = journal.start_run("schedule")
    journal.record_check(run_id, HIDDEN)
    assert [d for _n, d in deliver(RunResult(run_id, (HIDDEN,)), Failing(), journal)] == [False]
    journal.finish_run(run_id)
    assert _scheduled_run(journal, Shown(), HIDDEN) == ["hidden_on"]


def test_a_box_more_kept_on_unseen_is_said_again_once(journal: Journal) -> None:
    """Training hidden, said; then Personalization hidden too: said again, naming both, as
    news (once, not at every run after); Training alone again, then both again: nothing new
    (every box was said). A box the other account never had hidden is news for it alone."""
    notifier = Shown()
    one = AccountResult("ines", Status.OPTED_OUT, hidden_on=(Box.TRAINING,))
    two = AccountResult("ines", Status.OPTED_OUT, hidden_on=(Box.TRAINING, Box.PERSONALIZATION))
    assert _scheduled_run(journal, notifier, one) == ["hidden_on"]
    assert _scheduled_run(journal, notifier, two) == ["hidden_on"]
    assert _scheduled_run(journal, notifier, two) == []
    assert _scheduled_run(journal, notifier, one) == []
    assert _scheduled_run(journal, notifier, two) == []
    other = AccountResult("jules", Status.OPTED_OUT, hidden_on=(Box.MEMORY,))
    assert _scheduled_run(journal, notifier, two, other) == ["hidden_on"]
    other_more = AccountResult("jules", Status.OPTED_OUT, hidden_on=(Box.TRAINING, Box.MEMORY))
    assert _scheduled_run(journal, notifier, two, other_more) == ["hidden_on"]
    assert _scheduled_run(journal, notifier, two, other_more) == []
    assert [n.boxes for n in notifier.tried] == [
        ((Box.TRAINING,),),
        ((Box.TRAINING, Box.PERSONALIZATION),),
        ((Box.TRAINING, Box.PERSONALIZATION), (Box.MEMORY,)),
        ((Box.TRAINING, Box.PERSONALIZATION), (Box.TRAINING, Box.MEMORY)),
    ]
    assert "Training, Personalization" in notifier.tried[1].body
