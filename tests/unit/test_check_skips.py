"""What a scheduled `consentinel check --unattended` says when it checks nothing, or leaves
accounts for later: an account that waits for the person is not called "checked", and a run
kept from the account list by another process is a skip, not a failed job. In this process,
with a real journal (SQLite) and a real OS lock held by another process."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from consentinel.cli import check_cmd, check_skips
from consentinel.cli.context import open_context
from consentinel.cli.main import main
from consentinel.core import accounts_lock
from consentinel.core.accounts import Account, AccountStore
from consentinel.core.events import AccountResult
from consentinel.core.french_typography import typeset
from consentinel.core.journal import Journal
from consentinel.core.lock import RunLock
from consentinel.core.paths import AppPaths
from consentinel.core.settings import Settings, save_settings
from consentinel.core.status import Reason, Status
from tests.fixtures.check_json import skipped

TWO_FACTOR = (
    "@bea: X asks for a two-factor code — open Consentinel to sign in, or save the account's "
    "2FA secret. Until then, Consentinel cannot check it."
)


def _checked_now(paths: AppPaths, *results: AccountResult) -> None:
    """A run that just checked `results`' accounts (each added to the list)."""
    store = AccountStore(paths)
    for result in results:
        store.add(Account(result.handle))
    journal = Journal.open(paths.journal_path)
    try:
        run_id = journal.start_run("schedule")
        for result in results:
            journal.record_check(run_id, result)
        journal.finish_run(run_id)
    finally:
        journal.close()


@pytest.fixture
def paths(consentinel_home: Path) -> AppPaths:
    paths = AppPaths.under(consentinel_home).ensure()
    save_settings(paths, Settings(schedule="daily"))
    return paths


def test_an_account_that_needs_the_person_is_not_said_checked(
    paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every account checked lately, one of them stopped at X's two-factor code: the run is
    skipped, and its log (and its JSON) says what that one needs, not that it was checked."""
    _checked_now(
        paths,
        AccountResult("ada", Status.OPTED_OUT),
        AccountResult("bea", Status.NEEDS_USER, Reason.TWO_FACTOR),
    )
    assert main(["check", "--unattended", "--from-schedule", "--json"]) == 0
    out, err = capsys.readouterr()
    # A script learns it too: which account waits for the person, and for what.
    waiting = [{"handle": "bea", "reason": "two_factor"}]
    assert json.loads(out) == skipped("checked_lately", waiting_for_you_accounts=waiting)
    said = err.splitlines()
    assert said[0] == TWO_FACTOR
    assert said[1].startswith("Every other account was checked since ")
    assert said[1].endswith(", less than 12 hours ago; this scheduled check is skipped.")
    assert len(said) == 2 and "Every account was checked" not in err


def test_an_account_waiting_for_the_clock_says_the_clock(
    paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    """A scheduled check stopped at X's refusal of a code made by a clock 5 minutes behind X's:
    the skipped run says the clock and to set it right, not "save the account's 2FA secret"."""
    _checked_now(paths, AccountResult("bea", Status.NEEDS_USER, Reason.TWO_FACTOR))
    store = AccountStore(paths)
    store.set_waits_for_person("bea", Reason.TWO_FACTOR, "clock_off:-300")  # as such a check
    assert main(["check", "--unattended", "--from-schedule"]) == 0
    said = capsys.readouterr().err.splitlines()
    assert said[0] == (
        "@bea: X refuses the 2FA codes made on this computer — this computer's clock is 5 "
        "minutes behind X's; set it right, then check again. Until then, Consentinel cannot "
        "check it."
    ), said


@pytest.mark.parametrize(
    ("lang", "wrong", "skipped"),
    [
        (
            "en",
            "@bea: X refused the password — save the right one in Consentinel. Until then, "
            "Consentinel cannot check it.",
            "Every account waits for you; this scheduled check is skipped.",
        ),
        (
            "fr",
            typeset(
                "@bea : X a refusé le mot de passe — enregistrez le bon dans Consentinel. "
                "D'ici là, Consentinel ne peut pas le vérifier."
            ),
            typeset(
                "Chaque compte attend une action de votre part ; cette vérification planifiée "
                "est ignorée."
            ),
        ),
    ],
)
def test_a_run_whose_every_account_needs_the_person_says_so(
    paths: AppPaths,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    wrong: str,
    skipped: str,
) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    _checked_now(paths, AccountResult("bea", Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD))
    assert main(["check", "--unattended", "--from-schedule"]) == 0
    assert capsys.readouterr().err.splitlines() == [wrong, skipped]


def test_the_accounts_left_for_later_are_told_apart(
    paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    """A run that checks the accounts due names those checked lately, and says what those it
    leaves waiting for the person need (the line before its check)."""
    _checked_now(
        paths,
        AccountResult("ada", Status.OPTED_OUT),
        AccountResult("bea", Status.NEEDS_USER, Reason.TWO_FACTOR),
    )
    ctx = open_context()
    try:
        check_skips.say_checked_lately(ctx, ["ada", "bea"])
    finally:
        ctx.journal.close()
    assert capsys.readouterr().err.splitlines() == [
        "Checked lately, so not checked by this scheduled check: @ada.",
        TWO_FACTOR,
    ]


HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from consentinel.core.accounts import AccountStore
    from consentinel.core.paths import AppPaths
    store = AccountStore(AppPaths.under(Path(sys.argv[1])))
    with store.editing():
        print("holding", flush=True)
        sys.stdin.readline()  # until the test says so (or ends)
    """
)


@contextlib.contextmanager
def another_process_holds_the_list(paths: AppPaths) -> Iterator[None]:
    """Another process in the middle of a change of the account list, until the block ends."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(paths.root)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert holder.stdout is not None and holder.stdin is not None
    assert holder.stdout.readline().strip() == "holding"
    yield
    holder.stdin.close()
    assert holder.wait(timeout=30) == 0


def test_a_scheduled_run_kept_from_the_account_list_is_skipped_not_failed(
    paths: AppPaths,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """Another process keeps the account list past the wait (AccountsBusy) when the run
    records its check: a skip, as when another check keeps it waiting (exit 0, not a failed
    systemd unit; `{"skipped": true, "reason": ...}` for a script), said on stderr."""
    AccountStore(paths).add(Account("ada"))
    # A program that is no browser: the check ends at once and records it (the list is busy).
    program = tmp_path / "not-a-browser"
    program.write_text("#!/bin/sh\necho hello\n")
    program.chmod(0o700)
    save_settings(paths, Settings(schedule="daily", browser_path=str(program)))
    monkeypatch.delenv("CONSENTINEL_BROWSER", raising=False)
    monkeypatch.setattr(accounts_lock, "WAIT_S", 0.3)
    with another_process_holds_the_list(paths):
        assert main(["check", "--unattended", "--from-schedule", "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == skipped("accounts_busy")
    said = err.splitlines()
    assert "is being changed by another Consentinel process" in said[-2]
    assert said[-1] == "This scheduled check is skipped; the next one tries again."


@pytest.fixture
def app_log() -> Iterator[None]:
    """The app's log handler a run may set (gui/logging_setup), taken off again after."""
    import logging

    yield
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "consentinel", False):
            root.removeHandler(handler)
            handler.close()


def test_the_hourly_crontab_run_skipped_as_checked_lately_prints_nothing(
    paths: AppPaths, capsys: pytest.CaptureFixture[str], app_log: None
) -> None:
    """Without systemd, cron runs the line every hour (`--catch-up`) and mails whatever it
    prints. The first run after a time of the schedule, every account checked lately (by the
    app open in the tray), is skipped saying nothing; the app's log file keeps why. (The same
    skip by a run that is not the crontab line's still says it: the tests above.)"""
    from consentinel.gui.logging_setup import LOG_NAME

    _checked_now(paths, AccountResult("ada", Status.OPTED_OUT))
    assert main(["check", "--unattended", "--from-schedule", "--catch-up"]) == 0
    assert capsys.readouterr() == ("", "")
    logged = (paths.logs_dir / LOG_NAME).read_text(encoding="utf-8")
    assert "Every account was checked since " in logged


def test_a_skipped_scheduled_run_gives_the_run_lock_back(
    paths: AppPaths, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Skipped as checked lately, the run lets go of the run lock as it ends: the next check
    of the same process (a second scheduled run, a retry) is not kept waiting for it. The lock
    looked at as another holder would (a RunLock of its own: its own open file, flock)."""
    _checked_now(paths, AccountResult("ada", Status.OPTED_OUT))
    # (A lock still held would keep the second run waiting this long, then skipped.)
    monkeypatch.setattr(check_cmd, "LOCK_WAIT_S", 0.05)
    for _ in range(2):
        assert main(["check", "--unattended", "--from-schedule", "--json"]) == 0
        assert json.loads(capsys.readouterr().out) == skipped("checked_lately")
    after = RunLock(paths.lock_path)
    assert after.acquire(wait=False), "the skipped run kept the run lock"
    after.release()
