"""accounts.json written by two processes at once (the window adding accounts while a scheduled
check records states): nothing either wrote is lost.

Only AccountStore's long-standing methods are used, so that the same test run against a store
without the cross-process lock shows what it lost."""

from __future__ import annotations

import multiprocessing
from datetime import datetime, timedelta, timezone
from multiprocessing.synchronize import Barrier
from pathlib import Path

from consentinel.core.accounts import Account, AccountStore
from consentinel.core.paths import AppPaths
from consentinel.core.status import Reason, Status

ADDED = 80
STATES = 160
CHECKED = [f"checked_{n}" for n in range(4)]
T0 = datetime(2025, 3, 1, 9, 0, tzinfo=timezone.utc)


def _adds_accounts(home: str, start: Barrier) -> None:
    """The window: the person adds account after account."""
    store = AccountStore(AppPaths.under(Path(home)))
    start.wait(timeout=60)
    for n in range(ADDED):
        store.add(Account(f"added_{n}"))


def _records_states(home: str, start: Barrier) -> None:
    """The scheduled run: each check of an account records how it ended, and X refused each
    sign-in (one more back-off in a row: a count that no write may lose)."""
    store = AccountStore(AppPaths.under(Path(home)))
    start.wait(timeout=60)
    for n in range(STATES):
        handle = CHECKED[n % len(CHECKED)]
        store.record_check(handle, Status.SIGNIN_FAILED, at=T0 + timedelta(minutes=n))
        store.block(handle, Reason.REFUSED)


def test_two_processes_writing_at_once_lose_no_account_and_no_state(tmp_path: Path) -> None:
    home = tmp_path / "home"
    store = AccountStore(AppPaths.under(home))
    for handle in CHECKED:
        store.add(Account(handle))
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Barrier(2)
    writers = [
        ctx.Process(target=target, args=(str(home), start))
        for target in (_adds_accounts, _records_states)
    ]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=300)
        assert writer.exitcode == 0, f"{writer.name} failed (exit code {writer.exitcode})"

    listed = {account.handle for account in store.list()}
    lost_accounts = {f"added_{n}" for n in range(ADDED)} - listed
    assert not lost_accounts, f"{len(lost_accounts)} accounts added were lost"
    # Each account's back-offs are all counted, and its last check is the last one recorded
    # for it, not an earlier one (or none) written back by the other process.
    lost_states = {}
    for index, handle in enumerate(CHECKED):
        steps = [n for n in range(STATES) if n % len(CHECKED) == index]
        state = store.state(handle)
        found = (state.backoffs_in_a_row, state.last_check_at)
        if found != (len(steps), T0 + timedelta(minutes=steps[-1])):
            lost_states[handle] = found
    assert not lost_states, f"states lost (back-offs counted, last check): {lost_states}"
    assert set(CHECKED) <= listed
