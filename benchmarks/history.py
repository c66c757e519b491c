"""A home as a person has it after a year of use: 30 accounts and the journal of a daily check.

The other figures start from an empty home, where a journal that grows with every check costs
nothing. This one is built through the product's own stores (the hash chain, the indexes and
the migrations are the real ones), then used by `run.py` for start-up and `account list`, and
here, in-process, for two things that happen at every step of a check: writing one journal
entry, and reading what the accounts table shows (`rows_for`, at each refresh of the window).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from consentinel.core.accounts import Account, AccountStore
from consentinel.core.context import AppContext
from consentinel.core.events import AccountResult, BoxChange
from consentinel.core.journal import EntryKind, Journal
from consentinel.core.memory_keyring import MemoryKeyring
from consentinel.core.paths import AppPaths
from consentinel.core.status import Box, Status
from consentinel.core.vault import Vault
from consentinel.gui.account_rows import rows_for

ACCOUNTS, DAYS = 30, 365
#: Every this many days, X has switched the training box of one account in ten back on.
REVERTED_EVERY = 30


def make_home(home: Path, accounts: int = ACCOUNTS, days: int = DAYS) -> int:
    """Fill `home`; returns the number of journal entries. The last account was added today
    and has never been checked (its "last check" is looked for through the whole journal)."""
    paths = AppPaths(home).ensure()
    store = AccountStore(paths)
    handles = [f"history{i:03d}" for i in range(accounts)]
    for handle in handles:
        store.add(Account(handle))
    first_day = datetime.now(timezone.utc) - timedelta(days=days)
    now = [first_day]
    journal = Journal.open(paths.journal_path, clock=lambda: now[0])
    try:
        for day in range(days):
            now[0] = first_day + timedelta(days=day, hours=9)
            run = journal.start_run("schedule")
            for i, handle in enumerate(handles[:-1]):
                reverted = day % REVERTED_EVERY == 0 and i % 10 == day // REVERTED_EVERY % 10
                if reverted:
                    journal.record_change(run, handle, Box.TRAINING, True, False, confirmed=True)
                status = Status.FIXED if reverted else Status.OPTED_OUT
                change = BoxChange(reverted, False)
                journal.record_check(
                    run,
                    AccountResult(handle, status, settings={Box.TRAINING: change}, duration_s=2),
                )
                if day == days - 1:
                    store.record_check(handle, status, at=now[0])
            journal.finish_run(run)
        return journal.count()
    finally:
        journal.close()


def _median_ms(call: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def measure_in_process(home: Path, repeats: int = 21) -> dict[str, Any]:
    """On `home` (changed: entries are added): one journal entry written, the table's rows read."""
    ctx = AppContext.create(AppPaths(home), vault=Vault(MemoryKeyring()))
    try:
        append_ms = _median_ms(
            lambda: ctx.journal.append(EntryKind.SETTINGS_CHANGED, None, {"schedule": "daily"}),
            repeats,
        )
        refresh_ms = _median_ms(lambda: rows_for(ctx), repeats)
        return {"append_ms": append_ms, "refresh_ms": refresh_ms, "rows": len(rows_for(ctx))}
    finally:
        ctx.journal.close()
