"""The journal file taken from under a running app: its data folder deleted (and perhaps made
again by another process), the file alone deleted, or another journal put in its place (a
`log --start-over` in a terminal). The app must see it, go on with the journal at its place,
and a journal begun afresh must know the accounts still listed, so that a later loss of the
list can bring them back. Real files, a real journal, the real command line."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from consentinel.cli.main import main
from consentinel.core.account_recovery import accounts_the_journal_knows, add_back
from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.fileio import StorageError
from consentinel.core.journal import Journal
from consentinel.core.journal_entries import EntryKind
from consentinel.core.memory_keyring import MemoryKeyring
from consentinel.core.paths import AppPaths
from consentinel.core.status import ALL_BOXES, Box
from consentinel.core.vault import Vault

TRAINING_ONLY = frozenset({Box.TRAINING})


def _context(home: Path) -> AppContext:
    return AppContext.create(AppPaths.under(home), vault=Vault(MemoryKeyring()))


def _two_accounts(ctx: AppContext) -> None:
    ctx.accounts.add(Account("alice"))
    ctx.journal.append_account_added("alice", keep=ALL_BOXES)
    ctx.accounts.add(Account("bob", keep=TRAINING_ONLY))
    ctx.journal.append_account_added("bob", keep=TRAINING_ONLY)


def _handles(journal: Journal, **payload: object) -> list[str | None]:
    entries = journal.entries(kinds=[EntryKind.ACCOUNT_ADDED])
    return [e.handle for e in entries if all(e.payload.get(k) == v for k, v in payload.items())]


def test_a_journal_knows_when_its_file_is_no_longer_the_one_at_its_place(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    journal = Journal.open(path)
    assert journal.file_state() == "here"
    journal.append_account_added("alice")  # (written: the state of a journal in use)
    path.unlink()
    assert journal.file_state() == "deleted"
    other = Journal.open(path)  # another made there
    assert journal.file_state() == "replaced"
    assert other.file_state() == "here"
    journal.close()
    assert journal.file_state() == "here"  # closed: nothing more to write
    other.close()


def test_a_first_starts_journal_not_made_yet_is_not_said_lost(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    journal = Journal.open(path, check_later=True)  # the window's first start: made later
    assert not path.exists() and journal.file_state() == "here"
    journal.begin_check()  # made now
    assert path.exists() and journal.file_state() == "here"
    path.unlink()
    assert journal.file_state() == "deleted"
    journal.close()


def test_a_damaged_file_set_aside_at_sqlites_check_is_not_said_lost(tmp_path: Path) -> None:
    """The window's start puts SQLite's check off: a file that fails it is set aside and a new
    one begun by the journal itself, which is not the file "replaced" under the app."""
    path = tmp_path / "journal.sqlite3"
    Journal.open(path).close()
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 84 + b"garbage" * 200)
    journal = Journal.open(path, check_later=True)
    journal.begin_check()
    assert journal.open_warning is not None  # (waits for the check: set aside)
    assert journal.file_state() == "here"
    journal.close()


@pytest.mark.parametrize("failing", ["data folder", "journal file"])
def test_what_a_stat_cannot_tell_is_not_said_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    """A network file system gone stale for a moment: no false "deleted" or "folder", and
    nothing set aside (the failure is a stand-in: ESTALE cannot be made on a local disk)."""
    ctx = _context(tmp_path / "home")
    _two_accounts(ctx)
    target = ctx.paths.data_dir if failing == "data folder" else ctx.paths.journal_path
    real_stat = os.stat

    def stale(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if str(path) == str(target):
            raise OSError(errno.ESTALE, "Stale file handle")
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", stale)
    assert ctx.journal.file_state() == "here"
    assert ctx.journal_lost() is None
    monkeypatch.setattr(os, "stat", real_stat)
    assert ctx.journal_lost() is None
    assert not list(ctx.paths.data_dir.glob("*.deleted-*"))
    assert ctx.journal.verify().ok
    ctx.journal.close()


def test_a_file_system_that_numbers_no_files_never_says_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Some (FAT, a few network ones) give every file the number 0: nothing can be told, so
    nothing is said, even once the file is really gone (a stand-in for such a disk)."""
    real_stat = os.stat

    def numberless(path: object, *args: object, **kwargs: object) -> os.stat_result:
        found = real_stat(path, *args, **kwargs)  # type: ignore[arg-type]
        fields = list(found)
        fields[1] = 0  # st_ino
        return os.stat_result(fields)

    monkeypatch.setattr(os, "stat", numberless)
    ctx = _context(tmp_path / "home")
    _two_accounts(ctx)
    assert ctx.journal_lost() is None
    ctx.paths.journal_path.unlink()
    assert ctx.journal_lost() is None
    ctx.journal.close()


def test_another_process_writing_the_same_journal_is_not_a_loss(tmp_path: Path) -> None:
    """A scheduled check, or the command line, writing while the window is open: the normal
    case, never said."""
    home = tmp_path / "home"
    ctx = _context(home)
    _two_accounts(ctx)
    other = _context(home)
    run = other.journal.start_run("schedule")
    other.journal.finish_run(run)
    other.journal.close()
    assert ctx.journal_lost() is None
    ctx.journal.append_account_added("carol")
    assert ctx.journal_lost() is None and ctx.journal.verify().ok
    ctx.journal.close()


def test_the_context_tells_a_folder_deleted_from_a_journal_deleted_or_replaced(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    ctx = _context(home)
    _two_accounts(ctx)
    assert ctx.journal_lost() is None

    ctx.paths.journal_path.unlink()
    assert ctx.journal_lost() == "deleted"
    ctx.start_afresh()
    assert ctx.journal_lost() is None

    # Another process starts the journal over (it no longer verified): replaced.
    other = _context(home)
    with sqlite3.connect(other.paths.journal_path) as db:
        db.execute("UPDATE entries SET handle = 'mallory' WHERE id = 1")
    db.close()
    moved = other.start_journal_over("edited")
    assert ctx.journal_lost() == "replaced"
    ctx.start_afresh()
    assert ctx.journal_lost() is None
    ctx.journal.append_account_added("carol")  # written where the other process reads
    assert _handles(other.journal)[-1] == "carol"
    other.journal.close()
    assert moved.exists()

    # The data folder deleted, then made again by another process before anyone looked.
    shutil.rmtree(ctx.paths.data_dir)
    _context(home).journal.close()
    assert ctx.paths.journal_path.exists()
    assert ctx.journal_lost() == "folder"
    ctx.start_afresh()
    assert ctx.journal_lost() is None
    ctx.journal.close()


def test_a_journal_begun_afresh_knows_the_accounts_still_listed(tmp_path: Path) -> None:
    """So that "Add back" can still bring them back, with their boxes, when the list is lost
    later."""
    ctx = _context(tmp_path / "home")
    _two_accounts(ctx)
    ctx.paths.journal_path.unlink()
    ctx.start_afresh()
    assert _handles(ctx.journal, carried_over=True) == ["alice", "bob"]
    assert ctx.journal.verify().ok
    known = {k.handle: k.account.keep for k in accounts_the_journal_knows(ctx.journal)}
    assert known == {"alice": frozenset(ALL_BOXES), "bob": TRAINING_ONLY}

    ctx.start_afresh()  # the same journal found again: nothing entered twice
    assert _handles(ctx.journal) == ["alice", "bob"]

    ctx.paths.accounts_path.unlink()  # the list lost in turn
    back = add_back(ctx.journal, ctx.accounts)
    assert {k.handle: k.account.keep for k in back.added} == known
    assert ctx.journal.verify().ok
    ctx.journal.close()


def test_a_journal_deleted_alone_begins_again_with_an_entry_that_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its head file (the count and last hash that make a truncated journal show) is left
    behind: kept aside and named in the new journal's first entry, so that the new journal
    verifies instead of reading as the old one cut short."""
    ctx = _context(tmp_path / "home")
    _two_accounts(ctx)
    head = ctx.paths.journal_path.with_name("journal.head")
    said = head.read_text()
    ctx.paths.journal_path.unlink()
    ctx.start_afresh()
    first = ctx.journal.entries()[0]
    assert first.kind is EntryKind.JOURNAL_RESTARTED and first.payload["why"] == "deleted"
    kept = head.with_name(first.payload["set_aside"])
    assert kept.name.startswith("journal.head.deleted-") and kept.read_text() == said
    # Its WAL files too: the new journal has its own, not the deleted one's.
    folder = ctx.paths.journal_path.parent
    for suffix in ("-wal", "-shm"):
        assert len(list(folder.glob(f"journal.sqlite3{suffix}.deleted-*"))) == 1, suffix
    assert ctx.journal.verify().ok
    ctx.journal.close()
    monkeypatch.setenv("CONSENTINEL_HOME", str(tmp_path / "home"))
    assert main(["log"]) == 0
    out = capsys.readouterr().out
    assert f"the record of its last entry is kept as {kept.name}" in out, out


def test_a_journal_started_over_from_the_command_line_knows_the_accounts_listed(
    consentinel_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ctx = _context(consentinel_home)
    _two_accounts(ctx)
    ctx.journal.append(EntryKind.ACCOUNT_REMOVED, "zoe", {})
    ctx.journal.close()
    with sqlite3.connect(ctx.paths.journal_path) as db:
        db.execute("UPDATE entries SET handle = 'mallory' WHERE handle = 'zoe'")
    db.close()

    assert main(["log", "--start-over"]) == 0
    assert "kept as it is" in capsys.readouterr().out
    fresh = Journal.open(ctx.paths.journal_path)
    try:
        kinds = [e.kind for e in fresh.entries()]
        assert kinds == [
            EntryKind.JOURNAL_RESTARTED,
            EntryKind.ACCOUNT_ADDED,
            EntryKind.ACCOUNT_ADDED,
        ]
        assert _handles(fresh, carried_over=True) == ["alice", "bob"]
        assert fresh.verify().ok
    finally:
        fresh.close()

    assert main(["log"]) == 0
    out = capsys.readouterr().out
    assert out.count("listed when this journal began") == 2, out


def test_the_carried_over_words_are_french_too(
    consentinel_home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = _context(consentinel_home)
    ctx.accounts.add(Account("alice"))
    ctx.paths.journal_path.unlink()
    ctx.start_afresh()
    ctx.journal.close()
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    assert main(["log"]) == 0
    assert "dans la liste quand ce journal a commencé" in capsys.readouterr().out


def test_a_journal_whose_file_went_is_not_started_over(tmp_path: Path) -> None:
    """Nothing to set aside: said, and no empty file without tables left in its place."""
    path = tmp_path / "journal.sqlite3"
    journal = Journal.open(path)
    journal.append_account_added("alice")
    path.unlink()
    with pytest.raises(StorageError, match="is no longer there"):
        journal.start_over("edited")
    assert not path.exists()
    journal.close()


def test_a_run_under_way_when_the_folder_went_is_written_again_without_its_lost_screenshots(
    tmp_path: Path,
) -> None:
    """What `consentinel check` does when its data folder went during the check: the new
    journal says why it begins, knows the accounts, then holds the run (its times kept), less
    the screenshot that went with the folder; and it verifies."""
    from consentinel.core.events import AccountResult
    from consentinel.core.status import Status

    ctx = _context(tmp_path / "home")
    _two_accounts(ctx)
    run_id = ctx.journal.start_run("schedule")
    ctx.journal.record_signin(run_id, "alice", "signed_in")
    ctx.paths.evidence_dir.mkdir(parents=True, exist_ok=True)
    (ctx.paths.evidence_dir / "before.png").write_bytes(b"png before")
    ctx.journal.record_evidence(run_id, "alice", "before.png", "page")
    shutil.rmtree(ctx.paths.data_dir)
    ctx.paths.evidence_dir.mkdir(parents=True)  # (the check's next screenshot makes it again)
    shot = ctx.paths.evidence_dir / "after.png"
    shot.write_bytes(b"png after")
    ctx.journal.record_evidence(
        run_id, "alice", shot, "untick", hashlib.sha256(shot.read_bytes()).hexdigest()
    )
    ctx.journal.record_check(run_id, AccountResult("alice", Status.FIXED))
    ctx.journal.finish_run(run_id)
    old = {e.kind: e.ts for e in ctx.journal.entries() if e.run_id == run_id}

    assert ctx.journal_lost() == "folder"
    again = ctx.start_afresh("folder", run_id)

    assert again is not None and again.screenshots_gone == 1
    entries = ctx.journal.entries()
    assert entries[0].kind is EntryKind.JOURNAL_RESTARTED
    assert entries[0].payload == {
        "why": "folder",
        "run_written_again": True,
        "screenshots_gone": 1,
    }
    assert _handles(ctx.journal, carried_over=True) == ["alice", "bob"]
    ran = [e for e in entries if e.run_id == again.run_id]
    assert [e.kind for e in ran] == [
        EntryKind.RUN_STARTED,
        EntryKind.SIGNIN,
        EntryKind.EVIDENCE,
        EntryKind.CHECK,
        EntryKind.RUN_FINISHED,
    ]
    assert ran[2].payload["path"] == "after.png"
    assert {e.kind: e.ts for e in ran} == old  # each at its own time
    (run,) = ctx.journal.runs()
    assert (run.id, run.trigger, run.status.value) == (again.run_id, "schedule", "finished")
    assert ctx.journal.verify().ok
    ctx.journal.close()
