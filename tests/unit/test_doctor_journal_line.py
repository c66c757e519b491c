"""`consentinel doctor`'s Journal file line: its entries counted in words ("1 entry", not "1
entries"), and a start-over said in a sentence with why, "--" rather than OK for a month."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from consentinel.core import doctor
from consentinel.core.journal import Journal
from consentinel.core.paths import AppPaths


def _paths(home: Path) -> AppPaths:
    paths = AppPaths.under(home)
    paths.journal_path.parent.mkdir(parents=True, exist_ok=True)
    return paths


@pytest.mark.parametrize(
    ("lang", "one", "two"),
    [
        ("en", "intact, 1 entry.", "intact, 2 entries."),
        ("fr", "intact, 1 entrée.", "intact, 2 entrées."),
    ],
)
def test_the_entries_are_counted_in_words(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, lang: str, one: str, two: str
) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    paths = _paths(tmp_path)
    with Journal.open(paths.journal_path) as journal:
        journal.append_account_added("alice")
    line = doctor.check_journal(paths)
    assert (line.ok, line.detail.endswith(one)) == (True, True), line
    with Journal.open(paths.journal_path) as journal:
        journal.append_account_added("bob")
    line = doctor.check_journal(paths)
    assert (line.ok, line.detail.endswith(two)) == (True, True), line


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_recent_start_over_says_why_and_is_not_ok_for_a_month(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, lang: str
) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    paths = _paths(tmp_path)
    paths.journal_path.write_bytes(b"not a database at all" * 50)
    Journal.open(paths.journal_path).close()  # as the app or a check opens it: set aside
    (kept,) = [p for p in paths.journal_path.parent.iterdir() if ".corrupt-" in p.name]
    line = doctor.check_journal(paths)
    assert line.ok is None, line  # "--": worth a look, nothing to fix
    said = {
        "en": (
            ": the journal before it could not be read and is kept as {path}, with the record "
            "of the checks before.",
            "Keep that file: the record of the checks before the start-over is there.",
        ),
        "fr": (
            "\u00a0: le journal d'avant était illisible et est gardé sous {path}, avec "
            "l'historique des vérifications d'avant.",
            "Gardez ce fichier\u00a0: l'historique des vérifications d'avant le recommencement "
            "s'y trouve.",
        ),
    }[lang]
    assert line.detail.endswith(said[0].format(path=kept)), line.detail
    assert line.advice == said[1]

    # Months later: the same words, and OK.
    paths = _paths(tmp_path / "later")
    paths.journal_path.write_bytes(b"not a database at all" * 50)
    long_ago = datetime.now(timezone.utc) - timedelta(days=45)
    Journal.open(paths.journal_path, clock=lambda: long_ago).close()
    (kept,) = [p for p in paths.journal_path.parent.iterdir() if ".corrupt-" in p.name]
    line = doctor.check_journal(paths)
    assert (line.ok, line.advice) == (True, ""), line
    assert line.detail.endswith(said[0].format(path=kept)), line.detail


def test_a_start_over_from_a_newer_version_says_so(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import sqlite3

    monkeypatch.setenv("CONSENTINEL_LANG", "en")
    paths = _paths(tmp_path)
    with Journal.open(paths.journal_path) as journal:
        journal.append_account_added("alice")
    db = sqlite3.connect(paths.journal_path)
    with db:
        db.execute("PRAGMA user_version = 9999")
    db.close()
    Journal.open(paths.journal_path).close()
    line = doctor.check_journal(paths)
    assert ": the journal before it was written by a newer Consentinel and is kept as " in (
        line.detail
    ), line.detail


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_start_over_after_the_folder_went_during_a_check_is_said_too(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, lang: str
) -> None:
    """The data folder deleted during a check (AppContext.start_afresh): nothing was kept
    aside, and the doctor says that start-over too, with no file to keep."""
    from consentinel.core.journal_entries import EntryKind

    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    paths = _paths(tmp_path)
    with Journal.open(paths.journal_path) as journal:
        journal.append(EntryKind.JOURNAL_RESTARTED, None, {"why": "folder"})
    line = doctor.check_journal(paths)
    said = {
        "en": "the data folder or the journal file was deleted during a check, and the record "
        "of the checks before went with it.",
        "fr": "le dossier de données ou le fichier du journal a été supprimé pendant une "
        "vérification, et l'historique des vérifications d'avant est parti avec lui.",
    }[lang]
    assert line.detail.endswith(said), line.detail
    assert (line.ok, line.advice) == (None, ""), line
