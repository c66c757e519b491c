"""`consentinel account list` for a person: one line per account, its columns aligned in
whatever language the statuses are said in (French ones are longer)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from consentinel.cli import account_cmd
from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.paths import AppPaths
from consentinel.core.status import Status
from consentinel.core.vault import MemoryKeyring, Vault


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_columns_line_up_in_every_language(
    consentinel_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    language: str,
) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", language)
    ctx = AppContext.create(AppPaths.under(consentinel_home), vault=Vault(MemoryKeyring()))
    for handle, status in (("ann", Status.SIGNIN_FAILED), ("bo", Status.OPTED_OUT)):
        ctx.accounts.add(Account(handle))
        ctx.accounts.record_check(handle, status)
    monkeypatch.setattr(account_cmd, "open_context", lambda **_: ctx)
    assert account_cmd._list(argparse.Namespace(json=False)) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    dates = [line.rindex(" ") for line in lines]  # where each line's time starts
    assert dates[0] == dates[1], lines


def test_each_line_says_why_a_check_did_not_end_well(
    consentinel_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Not a bare "error": why, in the words `check` and `log` use; in the JSON too, as a
    code. A check named after its reason (a changed page, X slowing down) is named so, as the
    journal, a run's counts and the windows name it, not "error (X's page has changed)"."""
    import json

    from consentinel.core.status import Reason

    monkeypatch.setenv("CONSENTINEL_LANG", "en")
    ctx = AppContext.create(AppPaths.under(consentinel_home), vault=Vault(MemoryKeyring()))
    for handle, status, reason in (
        ("rob", Status.ERROR, Reason.RATE_LIMITED),
        ("pat", Status.ERROR, Reason.PAGE_CHANGED),
        ("sam", Status.ERROR, Reason.SAVE_FAILED),
        ("fay", Status.OPTED_OUT, None),
    ):
        ctx.accounts.add(Account(handle))
        ctx.accounts.record_check(handle, status, reason=reason)
    monkeypatch.setattr(account_cmd, "open_context", lambda **_: ctx)
    assert account_cmd._list(argparse.Namespace(json=False)) == 0
    said = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()}
    last = {handle: line[18:].rsplit(" ", 2)[0].strip() for handle, line in said.items()}
    assert last["@rob"] == "X asked to slow down"
    assert last["@pat"] == "X's page has changed"
    assert "error (X did not save the change)" in said["@sam"]
    assert (
        "already off (nothing to change)" in said["@fay"] and "(" not in said["@fay"].split(")")[-1]
    )
    assert account_cmd._list(argparse.Namespace(json=True)) == 0
    rows = {row["handle"]: row for row in json.loads(capsys.readouterr().out)}
    assert (rows["rob"]["last_reason"], rows["fay"]["last_reason"]) == ("rate_limited", None)


def test_a_back_off_begun_while_the_clock_was_ahead_is_not_listed(
    consentinel_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`blocked_until` in the JSON is when automatic sign-ins may start again: not a year
    away because the clock was a year ahead when X refused one (that back-off holds nothing
    back); a back-off of today is given as it is."""
    import json
    from datetime import datetime, timedelta, timezone

    from consentinel.core.status import Reason

    ctx = AppContext.create(AppPaths.under(consentinel_home), vault=Vault(MemoryKeyring()))
    now = datetime.now(timezone.utc)
    for handle in ("ann", "bo"):
        ctx.accounts.add(Account(handle))
    ctx.accounts.block("ann", Reason.CAPTCHA, hours=12, now=now + timedelta(days=365))
    today = ctx.accounts.block("bo", Reason.CAPTCHA, hours=12, now=now)
    monkeypatch.setattr(account_cmd, "open_context", lambda **_: ctx)
    assert account_cmd._list(argparse.Namespace(json=True)) == 0
    rows = {row["handle"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["ann"]["blocked_until"] is None
    assert rows["bo"]["blocked_until"] == today.blocked_until.isoformat()  # type: ignore[union-attr]


def test_the_json_gives_the_clock_offset_of_the_last_check_only(
    consentinel_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`clock_offset_s`: by how many seconds this computer's clock was off X's when X refused
    the account's 2FA code for it at its last check (as check --json: negative, behind); null
    once a later check ended otherwise, and for a 2FA code asked for (a real journal)."""
    import json

    from consentinel.core.events import AccountResult
    from consentinel.core.status import Reason

    ctx = AppContext.create(AppPaths.under(consentinel_home), vault=Vault(MemoryKeyring()))
    for handle, details in (
        ("cleo", ("clock_off:-420",)),
        ("dan", ("",)),
        ("eve", ("clock_off:95", None)),
    ):
        ctx.accounts.add(Account(handle))
        for detail in details:
            if detail is None:  # a later check, which the clock did not stop
                result = AccountResult(handle, Status.OPTED_OUT)
            else:
                result = AccountResult(
                    handle, Status.NEEDS_USER, Reason.TWO_FACTOR, detail_code=detail
                )
            ctx.journal.record_check(None, result)
            ctx.accounts.record_check(handle, result.status, reason=result.reason)
    monkeypatch.setattr(account_cmd, "open_context", lambda **_: ctx)
    assert account_cmd._list(argparse.Namespace(json=True)) == 0
    rows = {row["handle"]: row for row in json.loads(capsys.readouterr().out)}
    assert {h: row["clock_offset_s"] for h, row in rows.items()} == {
        "cleo": -420,
        "dan": None,
        "eve": None,
    }
