"""Every `check --unattended --json` that does not run answers in one shape, whatever its
reason: a run's keys with no account, `skipped` and `reason`, then what is the reason's own (a
script reads them all the same way). Each reason met for real, by `consentinel check` in this
process against a folder of its own; none of them opens a browser."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from consentinel.cli import check_cmd
from consentinel.cli.main import main
from consentinel.core.accounts import Account, AccountStore
from consentinel.core.context import AppContext
from consentinel.core.events import AccountResult
from consentinel.core.journal_entries import EntryKind
from consentinel.core.lock import RunLock
from consentinel.core.paths import AppPaths
from consentinel.core.settings import Settings, save_settings
from consentinel.core.status import Status
from tests.fixtures.check_json import skipped

#: The keys every skip has, in the README's words.
EVERY_SKIP = {"run_id", "cancelled", "interrupted", "accounts", "skipped", "reason"}


def _no_accounts(paths: AppPaths) -> None:
    paths.ensure()


def _paused(paths: AppPaths) -> None:
    AccountStore(paths.ensure()).add(Account("erin"))
    save_settings(paths, Settings(schedule_paused=True))


def _checked_lately(paths: AppPaths, *, lost: str | None = None) -> None:
    """`erin` checked a moment ago on a daily schedule; `lost`: an account the journal knows
    and the list lacks."""
    AccountStore(paths.ensure()).add(Account("erin"))
    save_settings(paths, Settings(schedule="daily", notifications=False))
    ctx = AppContext.create(paths)
    run = ctx.journal.start_run("gui")
    ctx.journal.record_check(run, AccountResult("erin", Status.OPTED_OUT))
    ctx.journal.finish_run(run)
    if lost is not None:
        ctx.journal.append(EntryKind.ACCOUNT_ADDED, lost, {})
    ctx.journal.close()


def _accounts_missing(paths: AppPaths) -> None:
    save_settings(paths.ensure(), Settings(notifications=False))
    ctx = AppContext.create(paths)
    ctx.journal.append(EntryKind.ACCOUNT_ADDED, "nora", {})
    ctx.journal.close()


SKIPS: list[tuple[str, Callable[[AppPaths], None], dict[str, object], int]] = [
    ("no_accounts", _no_accounts, {}, 0),
    ("paused", _paused, {}, 0),
    ("checked_lately", _checked_lately, {}, 0),
    (
        "checked_lately",
        lambda paths: _checked_lately(paths, lost="nora"),
        {"missing_accounts": ["nora"]},
        2,
    ),
    ("accounts_missing", _accounts_missing, {"missing_accounts": ["nora"]}, 2),
]


@pytest.mark.parametrize(
    ("reason", "make", "specific", "exit_code"),
    SKIPS,
    ids=["no_accounts", "paused", "checked_lately", "checked_lately_missing", "accounts_missing"],
)
def test_every_skip_has_a_run_s_keys_skipped_and_its_reason(
    consentinel_home: Path,
    capsys: pytest.CaptureFixture[str],
    reason: str,
    make: Callable[[AppPaths], None],
    specific: dict[str, object],
    exit_code: int,
) -> None:
    paths = AppPaths.under(consentinel_home)
    make(paths)
    assert main(["check", "--unattended", "--json"]) == exit_code
    document = json.loads(capsys.readouterr().out)
    assert document == skipped(reason, **specific)
    assert set(document) == EVERY_SKIP | set(specific)
    # The run lock given back (a RunLock of its own: an open file of its own, flock): held
    # on, it would keep the next check of this process waiting.
    after = RunLock(paths.lock_path)
    assert after.acquire(wait=False), f"the {reason} skip kept the run lock"
    after.release()


def test_a_skip_after_waiting_for_another_check_has_the_same_shape(
    consentinel_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    paths = AppPaths.under(consentinel_home).ensure()
    AccountStore(paths).add(Account("erin"))
    monkeypatch.setattr(check_cmd, "LOCK_WAIT_S", 0.05)
    lock = RunLock(paths.lock_path)
    assert lock.acquire(wait=False)
    try:
        assert main(["check", "--unattended", "--json"]) == 0
    finally:
        lock.release()
    document = json.loads(capsys.readouterr().out)
    assert document == skipped("another_check_running")
    assert set(document) == EVERY_SKIP
