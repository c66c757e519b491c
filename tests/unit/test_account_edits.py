"""What the journal keeps of an account's edit, and how it reads: never a secret, an email or a
phone number, only that they changed; the boxes kept off before and after."""

from __future__ import annotations

from pathlib import Path

import pytest

from consentinel.core.account_edits import account_changes, edit_words
from consentinel.core.accounts import Account
from consentinel.core.french_typography import typeset
from consentinel.core.journal import Journal
from consentinel.core.journal_entries import EntryKind
from consentinel.core.status import Box


def test_only_what_changed_is_kept_and_no_value(tmp_path: Path) -> None:
    before = Account("ann", email="ann@example.com", phone=None)
    after = Account("ann", email=None, phone="+33612345678", keep=frozenset({Box.TRAINING}))
    changes = account_changes(before, after, password=True)
    assert changes == {
        "keep": {"before": ["training", "personalization", "memory"], "after": ["training"]},
        "email": "removed",
        "phone": "added",
        "new_password": True,
    }
    assert account_changes(before, before) == {}
    journal = Journal.open(tmp_path / "journal.sqlite3")
    try:
        assert journal.record_account_edited("ann", {}) is None  # nothing changed: no entry
        journal.record_account_edited("ann", changes)
        (entry,) = journal.entries(kinds=[EntryKind.ACCOUNT_EDITED])
        text = (tmp_path / "journal.sqlite3").read_bytes()
        assert b"ann@example.com" not in text and b"612345678" not in text
        assert entry.payload == changes
    finally:
        journal.close()


def test_an_edit_reads_in_the_readers_language(monkeypatch: pytest.MonkeyPatch) -> None:
    payload = {
        "keep": {"before": ["training"], "after": ["training", "memory"]},
        "email": "changed",
        "new_2fa_secret": True,
    }
    monkeypatch.setenv("CONSENTINEL_LANG", "en")
    assert edit_words(payload) == (
        "boxes kept off: Training, Memory (before: Training); email address changed; "
        "new 2FA secret saved"
    )
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    assert edit_words(payload) == typeset(
        "cases maintenues décochées : Entraînement, Mémoire (avant : Entraînement) ; "
        "adresse e-mail modifiée ; nouveau secret 2FA enregistré"
    )
