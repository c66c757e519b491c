"""Two edits of one account at once (`consentinel account edit` in two terminals, or one and the
window): each changes only what it was given, onto the account as the other left it, and the
journal says what each changed of it. Once, the second put back what the first had changed
(both said "Updated"), and the journal said both."""

from __future__ import annotations

from pathlib import Path

from consentinel.core.account_edits import edited_onto
from consentinel.core.accounts import Account, AccountStore
from consentinel.core.journal import Journal
from consentinel.core.journal_entries import EntryKind
from consentinel.core.paths import AppPaths
from consentinel.core.status import ALL_BOXES, Box
from tests.fixtures.edit_processes import edit_waiting_for_the_list, ended

TRAINING = frozenset({Box.TRAINING})


def test_two_command_line_edits_at_once_both_hold_and_are_journaled(
    consentinel_home: Path,
) -> None:
    paths = AppPaths.under(consentinel_home)
    store = AccountStore(paths)
    store.add(Account("alice", email="old@example.com", keep=TRAINING))
    # Both commands looked at @alice before either could write: they wait for the list.
    with store.editing():
        email = edit_waiting_for_the_list("alice", "--email", "z@example.com")
        keep = edit_waiting_for_the_list("alice", "--keep", "all")
    assert "Updated @alice." in ended(email)
    assert "Updated @alice." in ended(keep)

    alice = store.get("alice")
    assert alice is not None
    assert (alice.email, alice.keep) == ("z@example.com", frozenset(ALL_BOXES))
    journal = Journal.open(paths.journal_path)
    try:
        edits = [e.payload for e in journal.entries(kinds=[EntryKind.ACCOUNT_EDITED])]
    finally:
        journal.close()
    assert sorted(edits, key=lambda payload: sorted(payload)) == [
        {"email": "changed"},
        {"keep": {"before": ["training"], "after": ["training", "personalization", "memory"]}},
    ]


def test_an_edit_applies_what_it_changed_onto_the_account_as_listed_now() -> None:
    opened = Account("bea", email="old@example.com", phone="+33 6 12 34 56 78")
    # Elsewhere meanwhile: a new email, Memory left on; here: Personalization left on, and a
    # new phone (the other change, of the phone, loses: the person just chose theirs).
    listed = Account("bea", email="new@example.com", phone=None, keep={Box.PERSONALIZATION})
    edited = Account("bea", email=opened.email, phone="+1 555 0100", keep={Box.MEMORY})
    saved = edited_onto(opened, edited, listed)
    assert (saved.email, saved.phone, saved.keep) == ("new@example.com", "+1 555 0100", TRAINING)
    assert saved.added_at == listed.added_at
    assert edited_onto(opened, opened, listed) == listed  # nothing changed here: all as listed
