"""Journal: real SQLite, the hash chain, migrations, set-aside files, interrupted runs."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import textwrap
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from consentinel.core.events import AccountResult, BoxChange
from consentinel.core.evidence import sha256_hex
from consentinel.core.journal import (
    HEAD_FILE_NAME,
    EntryKind,
    Journal,
    JournalError,
    RunStatus,
    check_no_secret,
)
from consentinel.core.journal_schema import LATEST_VERSION, MIGRATIONS, OPEN_VERSION
from consentinel.core.journal_verify import problems_in_short
from consentinel.core.status import Box, Reason, Status
from tests.journal_damage import damage_a_page_past_the_header


def fill(j: Journal) -> int:
    run = j.start_run("manual")
    j.record_signin(run, "Alice", "signed_in")
    j.record_change(run, "Alice", Box.TRAINING, True, False, confirmed=True)
    j.record_check(
        run,
        AccountResult(
            "Alice", Status.FIXED, settings={Box.TRAINING: BoxChange(True, False)}, duration_s=3.21
        ),
    )
    j.record_check(run, AccountResult("bob", Status.NEEDS_USER, Reason.TWO_FACTOR))
    j.finish_run(run)
    return run


def raw(path: Path) -> sqlite3.Connection:
    """A second, plain connection: what someone editing the file by hand would do."""
    return sqlite3.connect(path, isolation_level=None)


def test_new_journal_is_private_wal_and_current(journal: Journal, journal_path: Path) -> None:
    fill(journal)
    db = raw(journal_path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == OPEN_VERSION
    assert journal._db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    db.close()
    for path in journal_path.parent.iterdir():
        if path.name.startswith(journal_path.name) or path.name == HEAD_FILE_NAME:
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_entries_and_queries(journal: Journal) -> None:
    run = fill(journal)
    kinds = [e.kind for e in journal.entries()]
    assert kinds == [
        EntryKind.RUN_STARTED,
        EntryKind.SIGNIN,
        EntryKind.CHANGE,
        EntryKind.CHECK,
        EntryKind.CHECK,
        EntryKind.RUN_FINISHED,
    ]
    alice = journal.entries(handle="ALICE")
    assert [e.kind for e in alice] == [EntryKind.SIGNIN, EntryKind.CHANGE, EntryKind.CHECK]
    check = journal.last_check("alice")
    assert check is not None and check.payload["status"] == "fixed"
    assert check.payload["settings"]["training"] == {
        "before": True,
        "after": False,
        "disabled": False,
    }
    assert check.run_id == run and check.summary() == "fixed"
    assert [e.handle for e in journal.entries(status=Status.NEEDS_USER)] == ["bob"]
    assert [e.handle for e in journal.entries(reason=Reason.TWO_FACTOR)] == ["bob"]
    assert [e.handle for e in journal.entries(reason=Reason.CAPTCHA)] == []
    assert [e.handle for e in journal.entries(kinds=[EntryKind.CHECK])] == ["Alice", "bob"]
    kept = journal.entries(kinds=[EntryKind.CHECK], except_reasons=[Reason.TWO_FACTOR])
    assert [e.handle for e in kept] == ["Alice"]  # a check with no reason is kept
    assert (
        journal.entries(kinds=[EntryKind.CHANGE])[0].summary() == "training: on → off (confirmed)"
    )
    assert [e.kind for e in journal.entries(limit=2)] == [EntryKind.CHECK, EntryKind.RUN_FINISHED]
    assert journal.entries(limit=2, newest_first=True)[0].kind is EntryKind.RUN_FINISHED
    assert journal.entries(since=datetime.now(timezone.utc) + timedelta(hours=1)) == []
    assert len(journal.entries(until=datetime.now(timezone.utc) + timedelta(hours=1))) == 6
    assert journal.run(run).status is RunStatus.FINISHED  # type: ignore[union-attr]
    assert journal.last_completed_run_at() is not None
    assert journal.last_check("carol") is None


def test_last_completed_run_ignores_cancelled_and_running(journal_path: Path) -> None:
    times = iter(datetime(2026, 3, 1, h, tzinfo=timezone.utc) for h in range(24))
    j = Journal.open(journal_path, clock=lambda: next(times))
    assert j.last_completed_run_at() is None
    first = j.start_run("schedule")
    j.finish_run(first)
    finished_at = j.run(first).finished_at  # type: ignore[union-attr]
    cancelled = j.start_run("gui")
    j.finish_run(cancelled, cancelled=True)
    failed = j.start_run("manual")
    j.finish_run(failed, interrupted=True)
    j.start_run("manual")
    assert j.last_completed_run_at() == datetime.fromisoformat(finished_at or "")
    assert j.run(failed).status is RunStatus.INTERRUPTED  # type: ignore[union-attr]
    assert j.entries()[-2].kind is EntryKind.RUN_INTERRUPTED
    assert j.run(cancelled).status is RunStatus.CANCELLED  # type: ignore[union-attr]


def test_the_last_completed_run_is_the_last_written_not_the_latest_dated(
    journal_path: Path,
) -> None:
    """A run made while the clock was a year ahead, then one made once it was put right: the
    last is the second, or the schedule would count from a date a year away after every run."""
    now = datetime(2026, 3, 1, 9, tzinfo=timezone.utc)
    times = iter([now + timedelta(days=365)] * 2 + [now, now + timedelta(minutes=1)])
    j = Journal.open(journal_path, clock=lambda: next(times))
    j.finish_run(j.start_run("schedule"))
    j.finish_run(j.start_run("schedule"))
    _latest, first = j.runs()
    assert datetime.fromisoformat(first.finished_at or "") == now + timedelta(days=365)
    assert j.last_completed_run_at() == now + timedelta(minutes=1)


def test_a_run_that_could_not_reach_x_is_not_a_completed_run(journal_path: Path) -> None:
    """The network was down (or the browser or keyring missing): the schedule must try again
    soon, not count that run as done and wait a whole interval."""
    times = iter(datetime(2026, 3, 1, h, tzinfo=timezone.utc) for h in range(24))
    j = Journal.open(journal_path, clock=lambda: next(times))
    good = j.start_run("schedule")
    j.record_check(good, AccountResult("alice", Status.OPTED_OUT))
    j.record_check(good, AccountResult("bob", Status.ERROR, Reason.PAGE_CHANGED))
    j.finish_run(good)
    good_at = datetime.fromisoformat(j.run(good).finished_at or "")  # type: ignore[union-attr]
    for reason in (Reason.NETWORK, Reason.KEYRING_UNAVAILABLE):
        offline = j.start_run("schedule")
        j.record_check(offline, AccountResult("alice", Status.OPTED_OUT))
        j.record_check(offline, AccountResult("bob", Status.ERROR, reason))
        j.finish_run(offline)
        assert j.last_completed_run_at() == good_at
    back = j.start_run("schedule")
    j.record_check(back, AccountResult("alice", Status.OPTED_OUT))
    j.finish_run(back)
    assert j.last_completed_run_at() > good_at  # type: ignore[operator]


def _ended(j: Journal, run: int) -> datetime:
    finished = j.run(run).finished_at  # type: ignore[union-attr]
    return datetime.fromisoformat(finished or "")


def test_the_schedule_counts_from_the_account_checked_longest_ago(journal_path: Path) -> None:
    """A check of some accounts, or a dry run that left boxes on, does not put off the others'
    scheduled check: it counts from the end of the run that checked through the account
    checked longest ago."""
    times = iter(datetime(2026, 3, 1, h, tzinfo=timezone.utc) for h in range(24))
    j = Journal.open(journal_path, clock=lambda: next(times))
    both = ["alice", "Flipper"]

    def run_of(*results: AccountResult, trigger: str = "schedule") -> datetime:
        run = j.start_run(trigger)
        for result in results:
            j.record_check(run, result)
        j.finish_run(run)
        return _ended(j, run)

    alice_first = run_of(AccountResult("alice", Status.OPTED_OUT))
    assert j.every_account_checked_at(both) is None  # flipper never was: due now
    assert j.every_account_checked_at(["ALICE"]) == alice_first
    flipper_first = run_of(AccountResult("flipper", Status.FIXED))
    assert j.every_account_checked_at(both) == alice_first
    # Alice alone again, then a dry run, an unreachable X and a cancel for flipper: the
    # schedule still counts from flipper's first check.
    alice_again = run_of(AccountResult("alice", Status.FIXED), trigger="manual")
    for result in (
        AccountResult("flipper", Status.WOULD_FIX),
        AccountResult("flipper", Status.ERROR, Reason.NETWORK),
        AccountResult("flipper", Status.ERROR, Reason.CANCELLED),
    ):
        run_of(result, trigger="manual")
    assert j.every_account_checked_at(both) == flipper_first
    # A check that needs the person still went through: nothing to gain by checking sooner.
    flipper_then = run_of(AccountResult("flipper", Status.NEEDS_USER, Reason.WRONG_PASSWORD))
    assert j.every_account_checked_at(both) == min(alice_again, flipper_then)
    # While its run goes on, a check counts from its own time.
    going_on = j.record_check(j.start_run("schedule"), AccountResult("alice", Status.FIXED))
    assert j.every_account_checked_at(["alice"]) == datetime.fromisoformat(going_on.ts)
    # No account: the last run that went through, as before.
    assert j.every_account_checked_at([]) == j.last_completed_run_at()


def test_a_scheduled_run_picks_the_accounts_due_from_one_read_of_the_journal(
    journal_path: Path,
) -> None:
    """Each account's last check through, as every_account_checked_at counts it, read at once:
    a scheduled run checks only the accounts due. Two checked together at 06:00 stay together;
    one whose check X keeps failing is retried alone; one checked by hand an hour before the
    run waits for its own time; one never checked is due."""
    from consentinel.core.schedule import due_accounts

    clock = [datetime(2026, 3, 1, 6, tzinfo=timezone.utc)]
    j = Journal.open(journal_path, clock=lambda: clock[0])
    every = ["alice", "Bob", "carol", "dave", "erin"]

    def run_of(*results: AccountResult) -> None:
        run = j.start_run("schedule")
        for result in results:
            j.record_check(run, result)
        j.finish_run(run)

    run_of(
        AccountResult("alice", Status.OPTED_OUT),
        AccountResult("bob", Status.FIXED),
        AccountResult("carol", Status.OPTED_OUT),
        AccountResult("dave", Status.ERROR, Reason.NETWORK),  # X answering 500 for it
    )
    clock[0] += timedelta(minutes=30)  # the retry: dave alone (erin was added meanwhile)
    assert due_accounts(j.checked_through_at(every), "6h", clock[0]) == ["dave", "erin"]
    run_of(AccountResult("dave", Status.ERROR, Reason.TIMEOUT), AccountResult("erin", Status.FIXED))
    clock[0] += timedelta(minutes=30)
    assert due_accounts(j.checked_through_at(every), "6h", clock[0]) == ["dave"]
    run_of(AccountResult("dave", Status.OPTED_OUT))  # 07:00: through at last
    clock[0] = datetime(2026, 3, 1, 11, tzinfo=timezone.utc)
    run_of(AccountResult("carol", Status.OPTED_OUT))  # checked by hand at 11:00

    statements: list[str] = []
    j._db.set_trace_callback(statements.append)
    try:
        clock[0] = datetime(2026, 3, 1, 12, 5, tzinfo=timezone.utc)  # alice and bob are due
        checked = j.checked_through_at(every)
    finally:
        j._db.set_trace_callback(None)
    assert len([sql for sql in statements if sql.lstrip().startswith("SELECT")]) == 1
    at = datetime(2026, 3, 1, tzinfo=timezone.utc)
    assert checked == {
        "alice": at.replace(hour=6),
        "Bob": at.replace(hour=6),
        "carol": at.replace(hour=11),
        "dave": at.replace(hour=7),
        "erin": at.replace(hour=6, minute=30),
    }
    assert j.every_account_checked_at(every) == at.replace(hour=6)
    # The app's run at 12:05 takes erin along (35 minutes early, retried alone: it rejoins the
    # others) but not dave, an hour behind them, nor carol, checked by hand an hour ago.
    assert due_accounts(checked, "6h", clock[0]) == ["alice", "Bob", "erin"]
    # The OS job, at its fixed times, checks what is half an interval old: carol is not.
    assert due_accounts(checked, "6h", clock[0], by_os_job=True) == ["alice", "Bob", "dave", "erin"]
    # None due: every_account_checked_at's rule, the run is skipped.
    assert due_accounts(checked, "daily", clock[0]) == []
    j.close()


def test_each_account_s_last_check_is_read_again_once_anyone_wrote_to_the_journal(
    journal_path: Path,
) -> None:
    """checked_through_at, asked over and over by the window and the schedule, reads the file
    once while nothing is written; a check written here, or by another process (the OS job,
    the command line: another connection), is seen at the next call."""
    clock = [datetime(2026, 3, 1, 6, tzinfo=timezone.utc)]
    app = Journal.open(journal_path, clock=lambda: clock[0])
    every = ["alice", "bob"]

    def check(journal: Journal, handle: str) -> datetime:
        clock[0] += timedelta(hours=1)
        run = journal.start_run("schedule")
        journal.record_check(run, AccountResult(handle, Status.OPTED_OUT))
        journal.finish_run(run)
        return clock[0]

    alice_at = check(app, "alice")
    statements: list[str] = []
    app._db.set_trace_callback(statements.append)
    try:
        assert app.checked_through_at(every) == {"alice": alice_at, "bob": None}
        assert app.checked_through_at(every) == {"alice": alice_at, "bob": None}
        assert app.checked_through_at(["Bob", "ALICE"]) == {"Bob": None, "ALICE": alice_at}
    finally:
        app._db.set_trace_callback(None)
    # Read once, then not again; other accounts asked for: read for them.
    assert len([sql for sql in statements if sql.lstrip().startswith("SELECT")]) == 2
    other_process = Journal.open(journal_path, clock=lambda: clock[0])
    bob_at = check(other_process, "bob")
    assert app.checked_through_at(every) == {"alice": alice_at, "bob": bob_at}
    alice_again = check(app, "alice")
    assert app.checked_through_at(every) == {"alice": alice_again, "bob": bob_at}
    other_process.close()
    app.close()


def test_last_read_off_by_us(journal: Journal) -> None:
    assert not journal.last_read_off_by_us("alice", Box.TRAINING)
    journal.record_change(None, "alice", Box.TRAINING, True, False, confirmed=False)
    assert not journal.last_read_off_by_us("alice", Box.TRAINING)  # not read back: not proven
    journal.record_change(None, "Alice", Box.TRAINING, True, False, confirmed=True)
    assert journal.last_read_off_by_us("ALICE", Box.TRAINING)
    assert not journal.last_read_off_by_us("alice", Box.MEMORY)
    assert not journal.last_read_off_by_us("bob", Box.TRAINING)


def _found(j: Journal, handle: str, on: bool, **said: Any) -> None:
    """A check of `handle` that read Training as `on` and left it so."""
    settings = {Box.TRAINING: BoxChange(on, on)}
    j.record_check(None, AccountResult(handle, Status.OPTED_OUT, settings=settings, **said))


def test_a_box_a_check_found_off_counts_as_read_off(journal: Journal) -> None:
    """A box found off by a check (switched off by hand before the account was added, or
    unticked before the journal began afresh) and ticked now was switched back on since: the
    latest reading decides, whichever entry holds it."""
    _found(journal, "carol", on=False)
    assert journal.last_read_off_by_us("Carol", Box.TRAINING)
    assert not journal.last_read_off_by_us("carol", Box.MEMORY)  # never read
    _found(journal, "carol", on=True)  # read on since (kept on, a dry run…)
    assert not journal.last_read_off_by_us("carol", Box.TRAINING)
    journal.record_change(None, "carol", Box.TRAINING, True, False, confirmed=True)
    assert journal.last_read_off_by_us("carol", Box.TRAINING)  # (a check cut short after it)
    unticked = {Box.TRAINING: BoxChange(True, False)}
    journal.record_change(None, "dan", Box.TRAINING, True, False, confirmed=False)
    journal.record_check(None, AccountResult("dan", Status.ERROR, Reason.SAVE_FAILED, unticked))
    assert not journal.last_read_off_by_us("dan", Box.TRAINING)  # its untick not read back
    # Readings not sure to be X's say nothing of the box.
    _found(journal, "erin", on=False, reason=Reason.PAGE_CHANGED)
    assert not journal.last_read_off_by_us("erin", Box.TRAINING)
    _found(journal, "fay", on=False, hidden_on=(Box.TRAINING,))
    assert not journal.last_read_off_by_us("fay", Box.TRAINING)
    # An account removed and added again begins afresh: its first check has nothing before it.
    journal.append(EntryKind.ACCOUNT_REMOVED, "carol", {})
    assert not journal.last_read_off_by_us("carol", Box.TRAINING)


def test_a_box_found_off_while_not_kept_off_is_not_read_off_by_us(journal: Journal) -> None:
    """A box found off while the account did not keep it off may be ticked by the person at X,
    then kept off: ticked then, it was not switched back on by X. Its reading says which boxes
    were kept off; a box found off while kept off still counts."""
    off = {box: BoxChange(False, False) for box in (Box.TRAINING, Box.PERSONALIZATION)}
    only_training = (Box.TRAINING,)
    journal.record_check(
        None, AccountResult("gil", Status.OPTED_OUT, settings=off, keep=only_training)
    )
    (entry,) = journal.entries(handle="gil", kinds=[EntryKind.CHECK])
    assert entry.payload["keep"] == ["training"]
    assert journal.last_read_off_by_us("Gil", Box.TRAINING)
    assert not journal.last_read_off_by_us("gil", Box.PERSONALIZATION)
    # Found off again once kept off: now a reading that counts.
    both = (Box.TRAINING, Box.PERSONALIZATION)
    journal.record_check(None, AccountResult("gil", Status.OPTED_OUT, settings=off, keep=both))
    assert journal.last_read_off_by_us("gil", Box.PERSONALIZATION)
    # No longer kept off, found off: the latest reading decides, and says nothing now.
    journal.record_check(
        None, AccountResult("gil", Status.OPTED_OUT, settings=off, keep=only_training)
    )
    assert not journal.last_read_off_by_us("gil", Box.PERSONALIZATION)
    assert journal.last_read_off_by_us("gil", Box.TRAINING)
    # Unticked by a check and read back: it was kept off then, whatever a later edit says.
    journal.record_change(None, "gil", Box.PERSONALIZATION, True, False, confirmed=True)
    unticked = off | {Box.PERSONALIZATION: BoxChange(True, False)}
    journal.record_check(None, AccountResult("gil", Status.FIXED, settings=unticked, keep=both))
    assert journal.last_read_off_by_us("gil", Box.PERSONALIZATION)
    # An entry of an earlier version (no `keep`) reads as before: found off counts.
    _found(journal, "hal", on=False)
    (older,) = journal.entries(handle="hal", kinds=[EntryKind.CHECK])
    assert "keep" not in older.payload
    assert journal.last_read_off_by_us("hal", Box.TRAINING)
    assert journal.verify().ok


def test_verify_passes_on_an_intact_chain(journal: Journal) -> None:
    fill(journal)
    assert journal.verify().ok and journal.verify().entry_count == 6


@pytest.mark.parametrize(
    ("tamper", "words"),
    [
        (
            "UPDATE entries SET payload = replace(payload, 'fixed', 'opted_out') "
            "WHERE kind = 'check'",
            "was edited",
        ),
        (
            # A key written twice, the value hashed last: Python reads that one, SQLite's
            # json_extract (the window's filters) the first.
            'UPDATE entries SET payload = \'{"status": "opted_out", \' || substr(payload, 2) '
            "WHERE kind = 'check'",
            "was edited",
        ),
        ("UPDATE entries SET handle = 'mallory' WHERE id = 2", "was edited"),
        ("UPDATE entries SET ts = '2020-01-01T00:00:00+00:00' WHERE id = 3", "was edited"),
        ("DELETE FROM entries WHERE id = 3", "does not follow"),
        ("UPDATE entries SET id = id + 100 WHERE id = 4", "does not follow"),
        ("DELETE FROM entries WHERE id = 6", "removed from the end"),  # the last one
        ("DELETE FROM entries WHERE id = 5", "removed before its last one"),
        ("DELETE FROM chain_head", "head, which counts its entries, is missing"),
        (
            # (its first digit changed, whatever it was: 'f' alone changed nothing 1 time in 16)
            "UPDATE chain_head SET last_hash = "
            "CASE substr(last_hash, 1, 1) WHEN 'f' THEN '0' ELSE 'f' END || substr(last_hash, 2)",
            "not the one its head names",
        ),
    ],
)
def test_verify_detects_tampering(
    journal: Journal, journal_path: Path, tamper: str, words: str
) -> None:
    fill(journal)
    db = raw(journal_path)
    db.execute(tamper)
    db.close()
    verdict = journal.verify()
    assert not verdict.ok
    assert any(words in problem for problem in verdict.problems), verdict.problems


def test_verify_names_every_problem_not_only_the_first(
    journal: Journal, journal_path: Path, tmp_path: Path
) -> None:
    """Whoever examines a damaged journal needs the whole extent of the damage: the walk goes
    on after a break, and every screenshot is looked at."""
    evidence = tmp_path / "evidence"
    evidence.mkdir()
    journal.evidence_dir = evidence
    run = journal.start_run("manual")
    for name in ("one.png", "two.png", "three.png"):
        (evidence / name).write_bytes(name.encode() * 100)
        digest = sha256_hex((evidence / name).read_bytes())
        journal.record_evidence(run, "alice", name, "training", sha256=digest)
    fill(journal)
    assert journal.verify().ok
    db = raw(journal_path)
    db.execute("UPDATE entries SET handle = 'mallory' WHERE id = 3")  # one evidence entry
    db.execute("DELETE FROM entries WHERE id = 6")  # from the middle of the chain
    db.close()
    (evidence / "two.png").write_bytes(b"not the page that was seen")
    (evidence / "three.png").unlink()

    verdict = journal.verify()

    assert not verdict.ok
    assert verdict.problems == (
        "entry 3 was edited.",
        "entry 7 does not follow the one before it (an entry was deleted, moved or edited).",
        "the journal has 9 entries but its head says 10: entries were removed before its last one.",
        "the screenshot of entry 3 (two.png) was changed after it was taken.",
        "the screenshot of entry 4 (three.png) is missing.",
    )
    assert verdict.problem == verdict.problems[0]
    assert problems_in_short(verdict) == "entry 3 was edited; 4 more problems were found."


@pytest.mark.parametrize(
    ("lang", "one_more", "two_more"),
    [
        (
            "en",
            "entry 5 does not follow the one before it (an entry was deleted, moved or edited); "
            "one more problem was found.",
            "entry 5 does not follow the one before it (an entry was deleted, moved or edited); "
            "2 more problems were found.",
        ),
        (
            "fr",
            "l'entrée 5 ne suit pas la précédente (une entrée a été supprimée, déplacée ou "
            "modifiée)\u00a0; un autre problème a été trouvé.",
            "l'entrée 5 ne suit pas la précédente (une entrée a été supprimée, déplacée ou "
            "modifiée)\u00a0; 2 autres problèmes ont été trouvés.",
        ),
    ],
)
def test_the_problems_in_short_are_one_sentence(
    monkeypatch: pytest.MonkeyPatch, lang: str, one_more: str, two_more: str
) -> None:
    """The warning at the end of a check: the first problem, ending in brackets of its own,
    and how many more, in one sentence, not "(…) (and one more)."."""
    from consentinel.core.journal_entries import VerifyResult
    from consentinel.core.journal_verify import verify_chain

    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    row = (5, "2026-01-01T00:00:00+00:00", None, "check", "a", "{}", "1" * 64, "2" * 64)
    first = verify_chain([row], None, None).problems[0]  # the problem, as the journal words it
    assert problems_in_short(VerifyResult.of(9, [first, "x."])) == one_more
    assert problems_in_short(VerifyResult.of(9, [first, "x.", "y."])) == two_more
    assert problems_in_short(VerifyResult.of(9, [first])) == first


def test_verify_detects_reordered_entries(journal: Journal, journal_path: Path) -> None:
    fill(journal)
    db = raw(journal_path)
    # Swap two whole rows (their contents, hashes included) while keeping the ids.
    rows = {
        r[0]: r[1:]
        for r in db.execute(
            "SELECT id, ts, run_id, kind, handle, payload, prev_hash, hash FROM entries "
            "WHERE id IN (2, 3)"
        )
    }
    for id_, other in ((2, 3), (3, 2)):
        db.execute(
            "UPDATE entries SET ts=?, run_id=?, kind=?, handle=?, payload=?, prev_hash=?, "
            "hash=? WHERE id=?",
            (*rows[other], id_),
        )
    db.close()
    verdict = journal.verify()
    assert not verdict.ok and verdict.problem and "entry 2" in verdict.problem


def test_verify_detects_truncation_even_with_the_head_row_fixed(
    journal: Journal, journal_path: Path
) -> None:
    fill(journal)
    db = raw(journal_path)
    last = db.execute("SELECT hash FROM entries WHERE id = 4").fetchone()[0]
    db.execute("DELETE FROM entries WHERE id > 4")
    db.execute("UPDATE chain_head SET count = 4, last_hash = ?", (last,))
    db.close()
    verdict = journal.verify()
    assert not verdict.ok and verdict.problem and "truncated" in verdict.problem
    assert HEAD_FILE_NAME in verdict.problem


def test_truncation_stays_detected_after_new_entries(journal: Journal, journal_path: Path) -> None:
    fill(journal)
    db = raw(journal_path)
    last = db.execute("SELECT hash FROM entries WHERE id = 4").fetchone()[0]
    db.execute("DELETE FROM entries WHERE id > 4")
    db.execute("UPDATE chain_head SET count = 4, last_hash = ?", (last,))
    db.close()
    # The app carries on writing: the chain is whole again, but the side file keeps the evidence.
    run = journal.start_run("manual")
    journal.finish_run(run)
    verdict = journal.verify()
    assert not verdict.ok and verdict.problem and "truncated or replaced" in verdict.problem


def test_verify_detects_a_missing_head_file(journal: Journal, journal_path: Path) -> None:
    fill(journal)
    (journal_path.parent / HEAD_FILE_NAME).unlink()
    verdict = journal.verify()
    assert not verdict.ok and verdict.problem and "missing" in verdict.problem


def test_a_damaged_journal_is_kept_as_it_is_and_a_new_one_names_it(
    journal: Journal, journal_path: Path
) -> None:
    fill(journal)
    db = raw(journal_path)
    db.execute("UPDATE entries SET handle = 'mallory' WHERE id = 2")
    db.close()
    problem = journal.verify().problem
    assert problem and "entry 2 was edited" in problem
    before = {p.name for p in journal_path.parent.iterdir()}

    fresh, moved = journal.start_over(problem)

    assert moved.name.startswith("journal.sqlite3.damaged-") and moved.exists()
    head_aside = [p for p in journal_path.parent.iterdir() if p.name.startswith("journal.head.")]
    assert len(head_aside) == 1  # its head file went with it, to be examined together
    old = raw(moved)
    assert old.execute("SELECT handle FROM entries WHERE id = 2").fetchone()[0] == "mallory"
    old_count, old_last_hash = old.execute("SELECT count, last_hash FROM chain_head").fetchone()
    old.close()
    assert {p.name for p in journal_path.parent.iterdir()} >= before - {HEAD_FILE_NAME}
    verdict = fresh.verify()
    assert verdict.ok and verdict.entry_count == 1
    (first,) = fresh.entries()
    assert first.kind is EntryKind.JOURNAL_RESTARTED
    assert first.payload == {
        "set_aside": moved.name,
        "why": "damaged",
        "problem": problem,
        "problem_lang": "en",
        # The new chain begins by naming the end of the old one.
        "set_aside_entries": old_count,
        "set_aside_last_hash": old_last_hash,
    }
    assert old_count == 6
    fresh.close()


def test_the_problem_of_a_journal_started_over_is_read_only_in_its_own_language(
    journal: Journal, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Started over from a French terminal, the entry holds the French problem; read in
    English (the command line's log, the journal window's words), it is said without it."""
    from consentinel.cli.log_words import details

    fill(journal)
    db = raw(journal_path)
    db.execute("UPDATE entries SET handle = 'mallory' WHERE id = 2")
    db.close()
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    problem = journal.verify().problem or ""
    assert "modifiée" in problem or "modifié" in problem, problem
    fresh, moved = journal.start_over(problem)
    (first,) = fresh.entries()
    fresh.close()
    french = details(first)
    assert problem.rstrip(".") in french and moved.name in french
    monkeypatch.setenv("CONSENTINEL_LANG", "en")
    english = details(first)
    assert english == (
        f"the journal before it no longer verified; kept as {moved.name}, by your choice, and a "
        "new one started"
    )


def test_a_journal_that_cannot_be_set_aside_stays_open_as_it_was(
    journal: Journal, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The OS refusing the rename (a full or read-only disk, a file held open on Windows) is
    made up here: as root, no permission stops a rename."""
    from consentinel.core import journal as journal_module
    from consentinel.core.fileio import StorageError

    fill(journal)
    entries = journal.count()

    def refuse(path: Path, why: str) -> Path:
        raise StorageError(f"Could not set {path} aside: read-only file system.")

    monkeypatch.setattr(journal_module, "set_aside_db", refuse)
    with pytest.raises(StorageError):
        journal.start_over("entry 2 was edited.")
    assert journal.count() == entries  # still open, still the same journal
    assert journal.verify().ok


def test_verify_in_french(
    journal: Journal, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(journal)
    db = raw(journal_path)
    db.execute("DELETE FROM entries WHERE id = 3")
    db.close()
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    assert "ne suit pas la précédente" in (journal.verify().problem or "")


def test_migration_keeps_a_backup(journal_path: Path) -> None:
    old = Journal.open(journal_path, migrations=MIGRATIONS[:1])
    old.append(EntryKind.ACCOUNT_ADDED, "alice", {})
    old.close()
    j = Journal.open(journal_path)
    backup = journal_path.with_name(journal_path.name + ".v1.bak")
    assert backup.exists() and stat.S_IMODE(backup.stat().st_mode) == 0o600
    copy = raw(backup)
    assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
    assert copy.execute("SELECT count(*) FROM entries").fetchone()[0] == 1
    copy.close()
    assert raw(journal_path).execute("PRAGMA user_version").fetchone()[0] == OPEN_VERSION
    assert [e.handle for e in j.entries()] == ["alice"] and j.verify().ok
    j.close()


def test_corrupt_file_is_set_aside_and_a_new_journal_started(journal_path: Path) -> None:
    garbage = b"this is not a database" * 100
    journal_path.write_bytes(garbage)
    j = Journal.open(journal_path)
    assert j.open_warning and "could not be read" in j.open_warning
    aside = [p for p in journal_path.parent.iterdir() if ".corrupt-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes() == garbage
    assert str(aside[0]) in j.open_warning
    # The new journal begins by saying where the old one went: it never looks like the only one.
    (first,) = j.entries()
    assert first.kind is EntryKind.JOURNAL_RESTARTED
    assert first.payload == {"set_aside": aside[0].name, "why": "corrupt"}
    j.append(EntryKind.ACCOUNT_ADDED, "alice", {})
    assert j.verify().ok
    j.close()


@pytest.mark.parametrize("check_later", [False, True])
def test_a_file_damaged_past_its_header_is_set_aside(journal_path: Path, check_later: bool) -> None:
    damage_a_page_past_the_header(journal_path)
    j = Journal.open(journal_path, check_later=check_later)
    set_aside_yet = any(".corrupt-" in p.name for p in journal_path.parent.iterdir())
    assert set_aside_yet is not check_later
    # Checked later (the window's start: the check comes after its first frame), a query that
    # meets the damage waits for the check, which sets the file aside, and reads again.
    (first,) = j.entries()
    assert first.kind is EntryKind.JOURNAL_RESTARTED and first.payload["why"] == "corrupt"
    assert j.open_warning and "could not be read" in j.open_warning
    aside = [p for p in journal_path.parent.iterdir() if ".corrupt-" in p.name]
    assert sorted(p.name.split(".corrupt-")[0] for p in aside) == [
        "journal.head",
        "journal.sqlite3",
    ]
    j.append(EntryKind.ACCOUNT_ADDED, "alice", {})
    assert j.verify().ok
    j.close()


def test_a_check_put_off_lets_queries_read_and_makes_writes_wait(journal_path: Path) -> None:
    """The window's start: SQLite's check of the file (it reads all of it) waits for
    begin_check; queries read meanwhile; a write (and verify, an export) waits for the check."""
    j = Journal.open(journal_path)
    j.append(EntryKind.ACCOUNT_ADDED, "alice", {})
    j.close()
    j = Journal.open(journal_path, check_later=True)
    running = [t.name for t in threading.enumerate()]
    assert j.unchecked and "journal-check" not in running
    assert [e.handle for e in j.entries()] == ["alice"] and j.count() == 1
    assert j.unchecked  # the queries did not start it
    j.begin_check()
    j.append(EntryKind.ACCOUNT_ADDED, "bob", {})  # waits for the check, which passed
    assert not j.unchecked and j.open_warning is None and j.count() == 2
    j.close()
    # A write with no begin_check before it runs the check itself.
    j = Journal.open(journal_path, check_later=True)
    j.append(EntryKind.ACCOUNT_ADDED, "carol", {})
    assert not j.unchecked and j.verify().ok and j.count() == 3
    j.close()


def test_a_first_start_makes_the_file_at_begin_check_and_reads_an_empty_journal_before(
    journal_path: Path,
) -> None:
    """The window's first start: nothing to read, so the file (and its syncs to disk) waits for
    begin_check, after the first frame; queries read an empty journal meanwhile."""
    j = Journal.open(journal_path, check_later=True)
    assert not journal_path.exists() and j.unchecked
    assert j.entries() == [] and j.count() == 0 and j.runs() == []
    assert not journal_path.exists()  # the queries did not make it
    j.begin_check()
    assert journal_path.exists() and not j.unchecked and j.open_warning is None
    j.append(EntryKind.ACCOUNT_ADDED, "alice", {})
    j.close()
    j = Journal.open(journal_path)
    assert [e.handle for e in j.entries()] == ["alice"] and j.verify().ok
    j.close()
    # A write with no begin_check before it makes the file first: nothing is ever written to
    # the journal in memory.
    other = journal_path.with_name("other.sqlite3")
    j = Journal.open(other, check_later=True)
    j.append(EntryKind.ACCOUNT_ADDED, "bob", {})
    j.close()
    j = Journal.open(other)
    assert [e.handle for e in j.entries()] == ["bob"]
    j.close()


def test_a_file_made_meanwhile_by_another_process_is_used_not_replaced(journal_path: Path) -> None:
    """A scheduled check that started between the window's start and its first frame made the
    file and wrote to it: begin_check opens that file (and checks it as any file found)."""
    j = Journal.open(journal_path, check_later=True)
    other = Journal.open(journal_path)
    run = other.start_run("schedule")
    other.finish_run(run)
    other.close()
    j.begin_check()
    assert j.run(run) is not None and j.count() == 2
    j.append(EntryKind.ACCOUNT_ADDED, "alice", {})
    assert not j.unchecked and j.verify().ok and j.count() == 3
    j.close()


def test_a_first_start_whose_file_cannot_be_made_says_so_and_keeps_nothing_in_memory(
    journal_path: Path,
) -> None:
    """As a full disk would: the file cannot be made after the first frame. begin_check says
    why (the window shows it), every write says it again, and nothing goes to the journal in
    memory; once the cause is gone, the next write makes the file."""
    j = Journal.open(journal_path, check_later=True)
    journal_path.mkdir()  # something took the file's place
    with pytest.raises(JournalError, match="Could not open the journal"):
        j.begin_check()
    with pytest.raises(JournalError, match="Could not open the journal"):
        j.append(EntryKind.ACCOUNT_ADDED, "alice", {})
    assert j.count() == 0 and j.unchecked
    journal_path.rmdir()
    j.append(EntryKind.ACCOUNT_ADDED, "bob", {})
    j.close()
    j = Journal.open(journal_path)
    assert [e.handle for e in j.entries()] == ["bob"] and j.verify().ok
    j.close()


def test_a_sound_file_checked_later_reads_as_usual_and_marks_dead_runs(
    journal_path: Path,
) -> None:
    j = Journal.open(journal_path)
    run = j.start_run("manual")
    j.close()
    db = raw(journal_path)  # the run's process is gone
    db.execute("UPDATE runs SET pid = ? WHERE id = ?", (2**22 + 12345, run))
    db.close()
    j = Journal.open(journal_path, check_later=True)
    assert j.open_warning is None
    assert j.run(run).status is RunStatus.INTERRUPTED  # type: ignore[union-attr]
    assert not [p for p in journal_path.parent.iterdir() if ".corrupt-" in p.name]
    assert j.verify().ok
    j.close()


def test_unopenable_journal_is_a_storage_error_not_set_aside(consentinel_home: Path) -> None:
    from consentinel.core.fileio import StorageError

    blocker = consentinel_home / "not-a-folder"
    blocker.parent.mkdir(parents=True, exist_ok=True)
    blocker.write_text("a file where the journal's folder should be")
    with pytest.raises(StorageError, match="Could not open the journal"):
        Journal.open(blocker / "journal.sqlite3")
    assert blocker.read_text().startswith("a file")


def test_newer_version_is_set_aside(journal_path: Path) -> None:
    j = Journal.open(journal_path)
    j.append(EntryKind.ACCOUNT_ADDED, "alice", {})
    j.close()
    db = raw(journal_path)
    db.execute("PRAGMA user_version = 99")
    db.close()
    j = Journal.open(journal_path)
    assert j.open_warning and "newer Consentinel" in j.open_warning
    assert [e.kind for e in j.entries()] == [EntryKind.JOURNAL_RESTARTED] and j.verify().ok
    assert j.entries()[0].payload["why"] == "newer"
    aside = [
        p
        for p in journal_path.parent.iterdir()
        if p.name.startswith(f"{journal_path.name}.newer-") and p.name.endswith("Z")
    ]
    assert len(aside) == 1
    assert raw(aside[0]).execute("PRAGMA user_version").fetchone()[0] == 99
    # The side file of the old chain went with it, so the new chain verifies.
    assert any(p.name.startswith(f"{HEAD_FILE_NAME}.newer-") for p in journal_path.parent.iterdir())
    j.close()


_RUNNER = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from consentinel.core.journal import Journal
    j = Journal.open(Path(sys.argv[1]))
    run = j.start_run("schedule")
    j.record_signin(run, "alice", "signed_in")
    print(run, flush=True)
    if sys.argv[2] == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    sys.stdin.readline()  # stay alive until the test says so
""")


def run_child(journal_path: Path, mode: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _RUNNER, str(journal_path), mode],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def test_run_of_a_killed_process_is_marked_interrupted(journal_path: Path) -> None:
    child = run_child(journal_path, "kill")
    run_id = int(child.stdout.readline())  # type: ignore[union-attr]
    assert child.wait() == -signal.SIGKILL
    child.stdout.close()  # type: ignore[union-attr]
    child.stdin.close()  # type: ignore[union-attr]
    j = Journal.open(journal_path)
    assert j.run(run_id).status is RunStatus.INTERRUPTED  # type: ignore[union-attr]
    last = j.entries()[-1]
    assert last.kind is EntryKind.RUN_INTERRUPTED and last.run_id == run_id
    assert j.verify().ok
    j.close()
    assert len(Journal.open(journal_path).entries(kinds=[EntryKind.RUN_INTERRUPTED])) == 1


def test_run_of_a_live_process_is_left_alone(journal_path: Path) -> None:
    child = run_child(journal_path, "wait")
    try:
        run_id = int(child.stdout.readline())  # type: ignore[union-attr]
        j = Journal.open(journal_path)
        assert j.run(run_id).status is RunStatus.RUNNING  # type: ignore[union-attr]
        # Whoever holds the run lock knows no other run is going: it may clear them all.
        assert j.interrupt_stale_runs() == [run_id]
        assert j.run(run_id).status is RunStatus.INTERRUPTED  # type: ignore[union-attr]
        j.close()
    finally:
        child.communicate("\n")
    assert child.returncode == 0


def test_processes_appending_at_once_keep_one_chain(journal_path: Path) -> None:
    Journal.open(journal_path).close()
    code = textwrap.dedent("""
        import sys
        from pathlib import Path
        from consentinel.core.journal import EntryKind, Journal
        j = Journal.open(Path(sys.argv[1]))
        for n in range(40):
            j.append(EntryKind.NOTIFICATION, None, {"title": f"{sys.argv[2]} {n}"})
    """)
    children = [
        subprocess.Popen([sys.executable, "-c", code, str(journal_path), name])
        for name in ("a", "b")
    ]
    assert [c.wait() for c in children] == [0, 0]
    j = Journal.open(journal_path)
    verdict = j.verify()
    assert verdict.ok and verdict.entry_count == 80, verdict
    j.close()


def test_gui_reads_while_a_run_writes(journal: Journal) -> None:
    errors: list[BaseException] = []
    done = threading.Event()

    def reader() -> None:
        try:
            while not done.is_set():
                journal.entries(limit=20)
                journal.last_check("alice")
                assert journal.verify().ok
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=reader) for _ in range(2)]
    for t in threads:
        t.start()
    run = journal.start_run("gui")
    for n in range(150):
        journal.record_check(run, AccountResult("alice", Status.OPTED_OUT, message=str(n)))
    journal.finish_run(run)
    done.set()
    for t in threads:
        t.join()
    assert errors == []
    assert journal.verify().entry_count == 152


def test_payloads_naming_a_secret_are_refused(journal: Journal) -> None:
    for payload in (
        {"password": "x"},
        {"outer": {"TOTP_secret": "x"}},
        {"list": [{"cookies": []}]},
        {"storage_state": {}},
    ):
        with pytest.raises(ValueError, match="names a secret"):
            journal.append(EntryKind.NOTIFICATION, "alice", payload)
    check_no_secret({"title": "fine", "box": "training"})
    assert journal.entries() == []


def test_notifications_follow_the_notifier_protocol(journal: Journal) -> None:
    from consentinel.core.notify_delivery import NotificationJournal

    recorder: NotificationJournal = journal
    recorder.record_notification(7, "alice", "reverted", "X switched it back on", True)
    entry = journal.entries(kinds=[EntryKind.NOTIFICATION])[0]
    assert entry.payload == {
        "kind": "reverted",
        "message": "X switched it back on",
        "message_lang": "en",
        "delivered": True,
    }
    assert entry.run_id == 7 and entry.summary() == "X switched it back on"


def test_exports(journal: Journal, consentinel_home: Path) -> None:
    fill(journal)
    out = io.StringIO()
    assert journal.export_json(out, handle="alice") == 3
    document = json.loads(out.getvalue())
    assert document["verified"] is True
    assert [e["kind"] for e in document["entries"]] == ["signin", "change", "check"]
    target = consentinel_home / "export.csv"
    assert journal.export_csv(target) == 6
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    rows = list(csv.DictReader(target.open()))
    assert rows[2]["kind"] == "change" and rows[2]["handle"] == "Alice"
    assert json.loads(rows[2]["payload"])["box"] == "training"
    assert rows[-1]["hash"] == journal.entries()[-1].hash
    path = consentinel_home / "export.json"
    journal.export_json(path, kinds=[EntryKind.CHECK])
    assert len(json.loads(path.read_text())["entries"]) == 2
    assert os.path.getsize(path) > 0


def test_a_full_disk_while_writing_is_a_sentence_and_keeps_the_chain(journal: Journal) -> None:
    """SQLite's max_page_count makes it answer exactly as on a full disk (SQLITE_FULL)."""
    journal.record_evidence(None, "alice", "/tmp/one.png", "training")
    pages = journal._db.execute("PRAGMA page_count").fetchone()[0]
    journal._db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(JournalError) as caught:
        for n in range(10_000):
            journal.record_evidence(None, "alice", f"/tmp/{'x' * 500}-{n}.png", "training")
    assert "the disk is full" in str(caught.value) and "\n" not in str(caught.value)
    journal._db.execute("PRAGMA max_page_count = 1073741823")
    # The failed write left nothing half-done: the chain is intact and writing goes on.
    assert journal.verify().ok
    journal.record_evidence(None, "alice", "/tmp/two.png", "training")
    assert journal.verify().ok


def test_a_journal_opened_read_only_is_read_as_it_is_and_never_written(tmp_path: Path) -> None:
    """For a data folder that cannot be written (a copy kept on a read-only medium): nothing is
    made beside the file, and a write is refused in words, not half done."""
    from consentinel.core.fileio import StorageError

    path = tmp_path / "journal.sqlite3"
    journal = Journal.open(path)
    journal.append_account_added("ana")
    journal.close()
    files = sorted(p.name for p in tmp_path.iterdir())
    looked = Journal.open_read_only(path)
    assert [e.handle for e in looked.entries()] == ["ana"] and looked.verify().ok
    with pytest.raises(JournalError):
        looked.append_account_added("bea")
    looked.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == files
    assert [e.handle for e in Journal.open(path).entries()] == ["ana"]

    older = tmp_path / "older.sqlite3"
    db = sqlite3.connect(older)
    db.execute(f"PRAGMA user_version = {LATEST_VERSION - 1}")
    db.close()
    # (no tables: not readable as it is, unlike an older journal whose tables are the latest's)
    with pytest.raises(StorageError, match="an older version of Consentinel wrote it"):
        Journal.open_read_only(older)
    newer = tmp_path / "newer.sqlite3"
    shutil.copy(path, newer)
    db = sqlite3.connect(newer)
    db.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    db.close()
    with pytest.raises(StorageError) as caught:
        Journal.open_read_only(newer)
    # Never brought up to date: a newer Consentinel is needed, wherever it is kept.
    assert "a newer version of Consentinel wrote it, and only such a version can read it" in str(
        caught.value
    )
    assert "brought up to date" not in str(caught.value)
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StorageError, match="it is damaged"):
        Journal.open_read_only(damaged)
    with pytest.raises(StorageError):
        Journal.open_read_only(tmp_path / "missing.sqlite3")


def test_the_last_run_that_did_not_go_through_is_found(tmp_path: Path) -> None:
    """Cancelled, or one of its checks kept from X (the network): tried again soon. A run
    that went through, or one found interrupted (its end is when that was found), is not it."""
    now = [datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)]
    journal = Journal.open(tmp_path / "j.sqlite3", clock=lambda: now[0])

    def run(*, reason: Reason | None = None, **how: bool) -> datetime:
        now[0] += timedelta(hours=1)
        run_id = journal.start_run("gui")
        status = Status.ERROR if reason else Status.OPTED_OUT
        journal.record_check(run_id, AccountResult("fay", status, reason))
        journal.finish_run(run_id, **how)
        return now[0]

    assert journal.last_retried_run_at() is None
    run()
    assert journal.last_retried_run_at() is None
    kept_from_x = run(reason=Reason.NETWORK)
    assert journal.last_retried_run_at() == kept_from_x
    run(reason=Reason.WRONG_PASSWORD)  # (went through: the next check is a whole interval on)
    run(interrupted=True)
    assert journal.last_retried_run_at() == kept_from_x
    cancelled = run(cancelled=True)
    assert journal.last_retried_run_at() == cancelled
    # Asked for the runs ended after a time only (the schedule's: those it may still retry).
    assert journal.last_retried_run_at(since=cancelled - timedelta(minutes=1)) == cancelled
    assert journal.last_retried_run_at(since=cancelled) is None
    run(cancelled=True)
    assert journal.last_retried_run_at(since=cancelled) == now[0]
    journal.close()


def test_a_rate_limit_is_dated_by_the_check_x_said_it_at_not_by_a_skip(journal: Journal) -> None:
    """A check skipped during X's "too many requests" back-off says since when: the check (or
    sign-in) X answered so, not an earlier skip nor a cancelled check; and nothing once X
    answered otherwise since, or when the journal never had it."""
    from consentinel.core.events import BackOff

    assert journal.rate_limited_at("rita") is None
    run = journal.start_run("manual")
    said = journal.record_check(run, AccountResult("rita", Status.ERROR, Reason.RATE_LIMITED))
    journal.record_check(run, AccountResult("bob", Status.OPTED_OUT))  # another account's
    journal.finish_run(run)
    assert journal.rate_limited_at("RITA") == said.at
    for reason in (Reason.RATE_LIMITED, Reason.CANCELLED):
        run = journal.start_run("schedule")
        held = BackOff(said.at) if reason is Reason.RATE_LIMITED else None
        journal.record_check(run, AccountResult("rita", Status.ERROR, reason, backoff=held))
        journal.finish_run(run)
        assert journal.rate_limited_at("rita") == said.at
    # X said it at a sign-in (by hand, or a check's): that is when.
    run = journal.start_run("manual")
    signin = journal.record_signin(run, "rita", Status.ERROR, Reason.RATE_LIMITED)
    journal.finish_run(run)
    assert journal.rate_limited_at("rita") == signin.at
    # X answered the next check: no rate limit of X's is the last word any longer.
    run = journal.start_run("manual")
    journal.record_check(run, AccountResult("rita", Status.OPTED_OUT))
    journal.finish_run(run)
    assert journal.rate_limited_at("rita") is None
