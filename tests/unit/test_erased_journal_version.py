"""What an earlier Consentinel makes of a journal, and of an export, after an account's history
was erased: the journal's version goes up at the first erasure (5; a journal never erased stays
at 4, which every Consentinel before erasures reads), the export's at any erasure (2; else 1),
so that an earlier version says that a newer one wrote them instead of misreading the entries
an erasure empties (unknown kinds, hashes that no longer match their content). This version
reads, verifies, exports and checks both.

An earlier Consentinel is this code with what it knew: MIGRATIONS[:4] for its open (whose
newer-version check is against the migrations it is given), a LATEST_VERSION of 4 for its
read-only open, export version 1 only for its check-export. tests/unit/test_journal.py and
test_cli_looking_leaves_the_journal.py show what both opens do with any newer version."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from consentinel.core import export_check
from consentinel.core import journal as journal_module
from consentinel.core.export_check import NotAnExport, check_export, read_export
from consentinel.core.fileio import StorageError
from consentinel.core.journal import Journal, UnreadableJournal
from consentinel.core.journal_schema import ERASED_VERSION, MIGRATIONS, OPEN_VERSION
from tests.unit.test_erase_history import GONE, STAYS, _consentinel, _journal, write_history

#: The latest version every Consentinel before erasures knows (its LATEST_VERSION).
EARLIER_LATEST = 4
#: What an earlier Consentinel's open runs: its migrations.
EARLIER_MIGRATIONS = MIGRATIONS[:EARLIER_LATEST]


def _version(path: Path) -> int:
    db = sqlite3.connect(path)
    try:
        return int(db.execute("PRAGMA user_version").fetchone()[0])
    finally:
        db.close()


def _earlier_reads(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An earlier Consentinel's read-only open (`log`, `log --verify`, `account list`…):
    raises UnreadableJournal when it cannot read the file as it is."""
    with monkeypatch.context() as patched:
        patched.setattr(journal_module, "LATEST_VERSION", EARLIER_LATEST)
        patched.setattr(journal_module, "MIGRATIONS", EARLIER_MIGRATIONS)
        Journal.open_read_only(path).close()


def _export(home: Path, target: Path, *args: str) -> dict[str, object]:
    done = _consentinel(home, "log", "--json", "-o", str(target), *args)
    assert done.returncode == 0, done
    document = json.loads(target.read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


def _checked(home: Path, export: Path) -> subprocess.CompletedProcess[str]:
    return _consentinel(home, "log", "--check-export", str(export))


def test_an_erased_journal_says_newer_to_an_earlier_consentinel_and_opens_here(
    consentinel_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert OPEN_VERSION == EARLIER_LATEST  # (journals are opened at the version they knew)
    paths, _kept = _journal(consentinel_home)
    path = paths.journal_path
    assert _version(path) == EARLIER_LATEST

    done = _consentinel(consentinel_home, "account", "erase-history", GONE, "--yes")
    assert done.returncode == 0, done
    assert _version(path) == ERASED_VERSION > EARLIER_LATEST
    assert not list(path.parent.glob("*.bak"))  # (no copy kept: it would keep the history)

    # This version reads it as it is, opens it, verifies it, and keeps its version.
    verified = _consentinel(consentinel_home, "log", "--verify")
    assert verified.returncode == 0, verified
    assert "The journal is intact" in verified.stdout
    assert "7 entries were emptied by an erasure of an account's history" in verified.stdout
    with Journal.open(path, evidence_dir=paths.evidence_dir) as journal:
        journal.append_account_added("carol", keep=[])
        assert journal.verify().ok
    assert _version(path) == ERASED_VERSION
    assert not list(path.parent.glob("*.bak"))  # (nothing to migrate)

    # Its exports are of version 2, and checked here, complete or filtered.
    complete = _export(consentinel_home, tmp_path / "all.json")
    own = _export(consentinel_home, tmp_path / "bob.json", "--account", STAYS)
    assert complete["version"] == own["version"] == 2
    entries = own["entries"]
    assert isinstance(entries, list) and "erased" not in {e["kind"] for e in entries}
    assert own["erasures"]  # (its entries hold none: the journal's do)
    checked = _checked(consentinel_home, tmp_path / "all.json")
    assert checked.returncode == 0, checked
    assert "7 entries were emptied by an erasure" in checked.stdout
    assert _checked(consentinel_home, tmp_path / "bob.json").returncode == 0

    # An earlier Consentinel: its commands that only look, and its check-export, say a newer
    # version wrote them; the app's open keeps the journal aside, whole, and starts a new one.
    with pytest.raises(UnreadableJournal) as caught:
        _earlier_reads(path, monkeypatch)
    assert caught.value.why == "newer"
    assert "a newer version of Consentinel wrote it" in str(caught.value)
    monkeypatch.setattr(export_check, "EXPORT_VERSIONS", (1,))
    for name in ("all.json", "bob.json"):
        with pytest.raises(NotAnExport, match="export of version 2, which this Consentinel"):
            read_export(tmp_path / name)
    monkeypatch.undo()
    copy = tmp_path / "copy" / "journal.sqlite3"
    copy.parent.mkdir()
    shutil.copy(path, copy)
    earlier = Journal.open(copy, migrations=EARLIER_MIGRATIONS)
    assert "The journal was written by a newer Consentinel; it was moved to" in (
        earlier.known_warning or ""
    )
    assert [e.kind.value for e in earlier.entries()] == ["journal_restarted"]
    earlier.close()
    (aside,) = copy.parent.glob("journal.sqlite3.newer-*")
    assert _version(aside) == ERASED_VERSION
    with Journal.open_read_only(aside) as kept, Journal.open_read_only(path) as journal:
        assert kept.entries() == journal.entries()  # (kept whole, for this version)


def test_a_journal_never_erased_stays_readable_by_an_earlier_consentinel(
    consentinel_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths, _kept = _journal(consentinel_home)
    path = paths.journal_path
    removed = _consentinel(
        consentinel_home, "account", "remove", STAYS, "--yes", "--keep-unreachable-secrets"
    )
    assert removed.returncode == 0, removed
    assert _consentinel(consentinel_home, "log", "--verify").returncode == 0
    with Journal.open(path, evidence_dir=paths.evidence_dir, check_later=True) as journal:
        journal.begin_check()
        journal.append_account_added("carol", keep=[])
    assert _version(path) == EARLIER_LATEST

    document = _export(consentinel_home, tmp_path / "all.json")
    assert document["version"] == 1 and document["erasures"] == []
    assert _checked(consentinel_home, tmp_path / "all.json").returncode == 0

    # An earlier Consentinel reads it, opens it as its own, and checks its export.
    _earlier_reads(path, monkeypatch)
    with Journal.open_read_only(path) as looked:
        entries = looked.entries()
    with Journal.open(path, migrations=EARLIER_MIGRATIONS) as earlier:
        assert earlier.known_warning is None and earlier.verify().ok
        assert earlier.entries() == entries
    monkeypatch.setattr(export_check, "EXPORT_VERSIONS", (1,))
    assert check_export(read_export(tmp_path / "all.json")).ok


def test_an_erasure_while_another_process_has_the_journal_open(consentinel_home: Path) -> None:
    """The window open while the command line erases: both go on with the journal."""
    paths, _kept = _journal(consentinel_home)
    window = Journal.open(paths.journal_path, evidence_dir=paths.evidence_dir, check_later=True)
    try:
        window.begin_check()
        assert window.verify().ok
        done = _consentinel(consentinel_home, "account", "erase-history", GONE, "--yes")
        assert done.returncode == 0, done
        assert _version(paths.journal_path) == ERASED_VERSION
        window.append_account_added("carol", keep=[])
        verdict = window.verify()
        assert verdict.ok and verdict.emptied == 7
    finally:
        window.close()
    assert _version(paths.journal_path) == ERASED_VERSION
    # A second erasure leaves it there.
    with Journal.open(paths.journal_path, evidence_dir=paths.evidence_dir) as journal:
        write_history(journal, paths.evidence_dir, "dora")
        journal.append_account_removed("dora")
    done = _consentinel(consentinel_home, "account", "erase-history", "dora", "--yes")
    assert done.returncode == 0, done
    assert _version(paths.journal_path) == ERASED_VERSION
    assert _consentinel(consentinel_home, "log", "--verify").returncode == 0


def _dumped(path: Path) -> None:
    """The journal rebuilt from its SQL dump, in place (which loses its user_version)."""
    source = sqlite3.connect(path)
    lines = list(source.iterdump())
    source.close()
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    rebuilt = sqlite3.connect(path)
    rebuilt.executescript("\n".join(lines))
    rebuilt.close()
    assert _version(path) == 0


@pytest.mark.parametrize("erased", [True, False])
def test_a_journal_rebuilt_from_its_dump_gets_back_its_version(
    consentinel_home: Path, erased: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its tables are version 4's either way: an erasure in it says it is at 5."""
    paths, _kept = _journal(consentinel_home)
    if erased:
        done = _consentinel(consentinel_home, "account", "erase-history", GONE, "--yes")
        assert done.returncode == 0, done
    _dumped(paths.journal_path)
    with Journal.open_read_only(paths.journal_path) as looked:
        assert looked.verify().ok
    assert _version(paths.journal_path) == 0  # (looking writes nothing)
    with Journal.open(paths.journal_path) as journal:
        assert journal.verify().ok
    assert _version(paths.journal_path) == (ERASED_VERSION if erased else EARLIER_LATEST)
    if erased:
        with pytest.raises(StorageError, match="a newer version of Consentinel wrote it"):
            _earlier_reads(paths.journal_path, monkeypatch)
    else:
        _earlier_reads(paths.journal_path, monkeypatch)


def test_the_app_opens_an_erased_journal_without_checking_it_first(
    consentinel_home: Path,
) -> None:
    """At the window's start SQLite's check of the whole file waits for its first frame, as
    for any journal that needs no migration."""
    paths, _kept = _journal(consentinel_home)
    done = _consentinel(consentinel_home, "account", "erase-history", GONE, "--yes")
    assert done.returncode == 0, done
    journal = Journal.open(paths.journal_path, check_later=True)
    try:
        assert journal.unchecked
        assert journal.open_warning is None and not journal.unchecked
    finally:
        journal.close()
