"""`account list` says an account's last check as the window's row does: a check journaled by
another process than the one that ran it (killed while unticking, found by the next) is newer
than what the accounts file remembers. Real accounts file and real SQLite journal."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from consentinel.core.accounts import Account, AccountStore
from consentinel.core.events import AccountResult, BoxChange
from consentinel.core.journal import Journal
from consentinel.core.last_check import outcome_of, with_last_check
from consentinel.core.paths import AppPaths
from consentinel.core.status import Box, Reason, Status

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    paths = AppPaths.under(tmp_path)
    paths.ensure()
    return paths


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def journal(paths: AppPaths, clock: Clock) -> Iterator[Journal]:
    journal = Journal.open(paths.journal_path, clock=clock)
    yield journal
    journal.close()


def _checked(journal: Journal, result: AccountResult) -> None:
    run = journal.start_run("manual")
    journal.record_check(run, result)
    journal.finish_run(run)


def test_a_check_journaled_after_the_file_remembered_one_is_the_last(
    paths: AppPaths, journal: Journal, clock: Clock
) -> None:
    store = AccountStore(paths)
    store.add(Account("ann"))
    _checked(journal, AccountResult("ann", Status.OPTED_OUT))
    clock.now = T0 + timedelta(minutes=1)
    store.record_check("ann", Status.OPTED_OUT, at=clock.now)
    # A day later, a check killed while unticking, journaled by the next process only.
    clock.now = T0 + timedelta(days=1)
    _checked(journal, AccountResult("ann", Status.ERROR, Reason.CANCELLED, settings={}))
    # (cancelled with no box: found nothing out, not the last check)
    assert with_last_check(store.state("ann"), "ann", journal) == store.state("ann")
    killed = {Box.TRAINING: BoxChange(before=True, after=None)}
    _checked(journal, AccountResult("ann", Status.ERROR, Reason.CANCELLED, settings=killed))
    said = with_last_check(store.state("ann"), "ann", journal)
    assert (said.last_check_at, said.last_status, said.last_reason) == (
        clock.now,
        Status.ERROR,
        Reason.CANCELLED,
    )


def test_what_the_file_remembered_after_its_entry_stands(
    paths: AppPaths, journal: Journal, clock: Clock
) -> None:
    """A check as it ends: journaled first, then remembered in the file, which may say more
    (the file alone knows a check whose journal was started over since)."""
    store = AccountStore(paths)
    store.add(Account("bob"))
    _checked(journal, AccountResult("bob", Status.FIXED))
    store.record_check("bob", Status.FIXED, at=T0 + timedelta(seconds=1))
    assert with_last_check(store.state("bob"), "bob", journal) == store.state("bob")
    store.add(Account("cat"))
    store.record_check("cat", Status.NEEDS_USER, at=T0, reason=Reason.TWO_FACTOR)
    assert with_last_check(store.state("cat"), "cat", journal).last_status is Status.NEEDS_USER


def test_an_entry_of_another_version_is_said_as_best_known() -> None:
    assert outcome_of({"status": "fixed", "reason": None}) == (Status.FIXED, None)
    assert outcome_of({"status": "sideways", "reason": "moon"}) == (Status.ERROR, None)
    assert outcome_of({}) == (Status.ERROR, None)


def test_an_account_removed_and_added_again_begins_afresh(
    paths: AppPaths, journal: Journal, clock: Clock
) -> None:
    """Its last check, the window's row and `account list` alike, and the schedule's "checked
    lately", are not the removed account's: added again, it is checked at the next run."""
    _checked(journal, AccountResult("Dan", Status.ERROR, Reason.BOX_DISABLED))
    journal.append_account_removed("dan")
    assert journal.last_check("dan") is None
    assert journal.checked_through_at(["dan"]) == {"dan": None}
    journal.append_account_added("DAN")
    assert journal.last_check("dan") is None
    assert journal.checked_through_at(["DAN"]) == {"DAN": None}
    clock.now = T0 + timedelta(hours=1)
    _checked(journal, AccountResult("dan", Status.OPTED_OUT))
    last = journal.last_check("dan")
    assert last is not None and last.payload["status"] == "opted_out"
    assert journal.checked_through_at(["dan"]) == {"dan": clock.now}


def test_an_account_brought_back_keeps_its_checks(journal: Journal) -> None:
    """Brought back after its list was lost (`account restore`): never removed, its own."""
    _checked(journal, AccountResult("eve", Status.FIXED))
    journal.append_account_added("eve", added_back=True)
    last = journal.last_check("eve")
    assert last is not None and last.payload["status"] == "fixed"
    assert journal.checked_through_at(["eve"])["eve"] is not None


def test_a_check_of_the_removed_account_journaled_after_its_removal_is_still_its(
    journal: Journal, clock: Clock
) -> None:
    """Removed while its check ran, the check is journaled when it ends (or, its process
    killed, when the next one finds it): after the removal, but of a run begun before it."""
    run = journal.start_run("manual")
    journal.append_account_removed("fay")
    journal.record_check(run, AccountResult("fay", Status.OPTED_OUT))
    journal.finish_run(run)
    journal.append_account_added("fay")
    assert journal.last_check("fay") is None
    assert journal.checked_through_at(["fay"]) == {"fay": None}
