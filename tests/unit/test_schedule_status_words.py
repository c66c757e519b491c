"""`schedule status` after the job's time: the OS says when the job runs next, and that run may
skip ("checked lately"); the person is told when the first run that checks comes."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from consentinel.cli.schedule_cmd import _say_if_the_next_run_is_skipped
from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.events import AccountResult
from consentinel.core.paths import AppPaths
from consentinel.core.schedule import os_run_is_due
from consentinel.core.settings import Settings
from consentinel.core.status import Status
from consentinel.core.vault import MemoryKeyring, Vault


def _checked_just_now(home: Path) -> AppContext:
    ctx = AppContext.create(
        AppPaths.under(home), vault=Vault(MemoryKeyring()), settings=Settings(schedule="weekly")
    )
    ctx.accounts.add(Account("fay"))
    run = ctx.journal.start_run("gui")
    ctx.journal.record_check(run, AccountResult("fay", Status.OPTED_OUT))
    ctx.journal.finish_run(run)
    return ctx


def test_a_run_that_will_skip_is_said_with_the_first_that_checks(
    consentinel_home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", "en")
    ctx = _checked_just_now(consentinel_home)
    soon = datetime.now(timezone.utc) + timedelta(days=2)  # within half a week: it skips
    _say_if_the_next_run_is_skipped(ctx, soon)
    said = capsys.readouterr().out
    assert said.startswith("Every account was checked lately, so the run at "), said
    first = datetime.strptime(said.rsplit("at about ", 1)[1].strip(" .\n"), "%d %b %Y %H:%M")
    first = first.astimezone()  # a local time
    last = ctx.journal.every_account_checked_at(["fay"])
    assert first > soon.astimezone() and os_run_is_due(last, "weekly", first)


def test_a_run_that_checks_says_nothing_more(
    consentinel_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ctx = _checked_just_now(consentinel_home)
    _say_if_the_next_run_is_skipped(ctx, datetime.now(timezone.utc) + timedelta(days=5))
    assert capsys.readouterr().out == ""


def test_while_paused_no_run_is_promised(
    consentinel_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ctx = _checked_just_now(consentinel_home)
    ctx.settings.schedule_paused = True  # every run skips: `schedule status` says that instead
    _say_if_the_next_run_is_skipped(ctx, datetime.now(timezone.utc) + timedelta(days=2))
    assert capsys.readouterr().out == ""
