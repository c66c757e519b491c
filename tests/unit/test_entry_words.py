"""The journal entries both readers word alike (core/entry_words.py): read back from a real
journal, in English and French, and said the same by `consentinel log` and the journal window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from consentinel.core import i18n
from consentinel.core.entry_words import shared_details
from consentinel.core.journal import Entry, EntryKind, Journal

#: Each entry's words, in the order written below, in English and in French ("" for an
#: account simply added: its summary says nothing more than its kind).
_WORDS = {
    "en": [
        "how often to check",
        "email address added",
        "the accounts file could not be read; set aside as accounts.json.corrupt-1, and the "
        "list started empty",
        "added back from the journal",
        "",
        "@bob needs you (not shown: no notifier answered)",
    ],
    "fr": [
        "fréquence des vérifications",
        "adresse e-mail ajoutée",
        "le fichier des comptes était illisible\u00a0; mis de côté sous le nom "
        "accounts.json.corrupt-1, et la liste est repartie de zéro",
        "rajouté d'après le journal",
        "",
        # Sent in English: what it was about, in the reader's language.
        "le compte a besoin de vous (non affichée\u00a0: aucun service de notification n'a "
        "répondu)",
    ],
}


@pytest.fixture
def entries(tmp_path: Path) -> Iterator[list[Entry]]:
    journal = Journal.open(tmp_path / "journal.sqlite3")
    try:
        journal.record_settings_changed({"schedule": "weekly"})
        journal.record_account_edited("alice", {"email": "added"})
        journal.record_accounts_set_aside("accounts.json.corrupt-1", "corrupt")
        journal.append_account_added("bob", added_back=True)
        journal.append_account_added("cleo")
        journal.record_notification(None, "bob", "needs_user", "@bob needs you", delivered=False)
        yield journal.entries()
    finally:
        journal.close()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_shared_kinds_are_said_in_the_readers_language(
    entries: list[Entry], lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    i18n.set_language(None)
    assert [shared_details(entry) for entry in entries] == _WORDS[lang]


def test_the_other_kinds_are_left_to_each_reader(tmp_path: Path) -> None:
    journal = Journal.open(tmp_path / "journal.sqlite3")
    try:
        run = journal.start_run("manual")
        journal.record_signin(run, "alice", "ok")
        journal.append_account_removed("alice")
        journal.finish_run(run)
        kinds = {entry.kind: shared_details(entry) for entry in journal.entries()}
    finally:
        journal.close()
    assert set(kinds) == {
        EntryKind.RUN_STARTED,
        EntryKind.SIGNIN,
        EntryKind.ACCOUNT_REMOVED,
        EntryKind.RUN_FINISHED,
    }
    assert set(kinds.values()) == {None}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_log_and_the_journal_window_say_them_alike(
    entries: list[Entry], lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from consentinel.cli.log_words import details as log_details
    from consentinel.gui.dialog_words import capitalised
    from consentinel.gui.journal_model import details as window_details

    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    i18n.set_language(None)
    assert [log_details(entry) for entry in entries] == _WORDS[lang]
    # The window starts every row's details with a capital.
    assert [window_details(entry) for entry in entries] == [capitalised(w) for w in _WORDS[lang]]
