"""A scheduled run that finds another check under way waits for it, within the OS job's time,
and gives up when it does not end: `consentinel check --unattended` in this process, the run
lock held by the test (a real OS lock, which this process's other open file does not share).
The wait that ends in a check: tests/e2e/test_cli.py, tests/reliability/test_concurrent_runs.py."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from consentinel.cli import check_cmd
from consentinel.cli.main import main
from consentinel.core.accounts import Account, AccountStore
from consentinel.core.french_typography import typeset
from consentinel.core.lock import RunLock
from consentinel.core.osjobs.systemd import RUN_TIMEOUT
from consentinel.core.paths import AppPaths
from consentinel.core.settings import Settings, save_settings
from tests.fixtures.check_json import skipped


def test_the_wait_leaves_the_job_most_of_its_hour() -> None:
    """Waiting, then the keyring's wait: at most half the hour systemd gives the run, so that
    the check itself (30 accounts take minutes) is not stopped by it."""
    assert RUN_TIMEOUT == "1h"
    assert check_cmd.LOCK_WAIT_S == 20 * 60
    assert check_cmd.LOCK_WAIT_S + check_cmd.KEYRING_WAIT_S <= 3600 / 2


@pytest.mark.parametrize(
    ("lang", "waits", "gives_up"),
    [
        (
            "en",
            "Another check is running (pid {pid}): this one waits for it to end (at most 0.01 "
            "minutes).",
            "Another check is still running after 0.01 minutes of waiting; this one is skipped.",
        ),
        (
            "fr",
            typeset(
                "Une autre vérification est en cours (pid {pid}) : celle-ci attend sa fin (0,01 "
                "minutes au plus)."
            ),
            typeset(
                "Une autre vérification est toujours en cours après 0,01 minutes d'attente ; "
                "celle-ci est ignorée."
            ),
        ),
    ],
)
def test_a_scheduled_run_gives_up_when_the_other_check_does_not_end(
    consentinel_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    lang: str,
    waits: str,
    gives_up: str,
) -> None:
    paths = AppPaths.under(consentinel_home).ensure()
    AccountStore(paths).add(Account("erin"))
    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    monkeypatch.setattr(check_cmd, "LOCK_WAIT_S", 0.6)  # 0.01 minutes
    lock = RunLock(paths.lock_path)
    assert lock.acquire(wait=False)
    try:
        began = time.monotonic()
        assert main(["check", "--unattended", "--json"]) == 0
        waited = time.monotonic() - began
        assert lock.held and lock.holder() is not None  # never taken from the test
    finally:
        lock.release()
    out, err = capsys.readouterr()
    assert waited >= 0.6
    # The same skip as before, for scripts; its log says it waited.
    assert json.loads(out) == skipped("another_check_running")
    assert err.splitlines() == [waits.format(pid=os.getpid()), gives_up]


def test_a_paused_scheduled_run_is_skipped_at_once_while_another_check_runs(
    consentinel_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A pause is read before the wait for the other check: the run does not wait (20 minutes)
    to say it is skipped. (A pause chosen during the wait: tests/e2e/test_cli.py.)"""
    paths = AppPaths.under(consentinel_home).ensure()
    AccountStore(paths).add(Account("erin"))
    save_settings(paths, Settings(schedule_paused=True))
    monkeypatch.setattr(check_cmd, "LOCK_WAIT_S", 1.0)  # (the old code skipped it after)
    lock = RunLock(paths.lock_path)
    assert lock.acquire(wait=False)
    try:
        assert main(["check", "--unattended", "--json"]) == 0
        assert lock.held
    finally:
        lock.release()
    out, err = capsys.readouterr()
    assert json.loads(out) == skipped("paused")
    assert err.splitlines() == [
        "Automatic checks are paused in Consentinel; this scheduled check is skipped."
    ]


def test_a_wait_for_the_other_check_the_computer_slept_through_ends_on_wake(
    consentinel_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A scheduled check waiting (20 minutes at most) for another's end, the laptop shut for
    the night: on wake it is skipped, as on Windows, not kept waiting 20 more minutes (Linux,
    macOS: their monotonic clock stands still in a sleep)."""
    from consentinel.core import answer_deadline
    from tests.fixtures.slept_clock import SleptWallClock, ends_within

    paths = AppPaths.under(consentinel_home).ensure()
    other = RunLock(paths.lock_path)
    assert other.acquire(wait=False)
    try:
        monkeypatch.setattr(answer_deadline, "_wall_clock", SleptWallClock(10 * 3600.0))
        waiter = RunLock(paths.lock_path)
        assert check_cmd.LOCK_WAIT_S == 20 * 60  # (the real wait)
        waited = ends_within(20, lambda: check_cmd._wait_unattended(waiter, as_json=True))
        assert waited == [False], "still waiting after the wake"
        assert other.held and not waiter.held
    finally:
        other.release()
    out, err = capsys.readouterr()
    assert json.loads(out) == skipped("another_check_running")
    assert err.splitlines()[-1] == (
        "Another check is still running after 20 minutes of waiting; this one is skipped."
    )
