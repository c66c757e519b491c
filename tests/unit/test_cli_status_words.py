"""The command line names how an account's check ended with the window's words ("Password
refused", "Locked by X", "X unreachable"), in English and in French, from one table in the
core (core/status_words.py): not "sign-in failed (wrong password)" in one and "Password
refused" in the other, nor "X unreachable or failing" where the check knows which. `check`'s
lines and `account list` (real accounts file, real SQLite journal); `--json` unchanged."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from consentinel.cli.main import main
from consentinel.cli.terminal import describe_result
from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.events import AccountResult
from consentinel.core.i18n import speaking, tr_in
from consentinel.core.status import Reason, Status
from consentinel.core.status_words import CLOCK_OFF, STATUS_BY_REASON, X_FAILING, X_UNREACHABLE

ROOT = Path(__file__).resolve().parents[2]
DIALOGS_TS = ROOT / "resources" / "translations" / "consentinel_fr_dialogs.ts"

WRONG_PASSWORD = AccountResult("bob", Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD)
UNREACHABLE = AccountResult("ann", Status.ERROR, Reason.NETWORK, x_answered=False)
FAILING = AccountResult("ann", Status.ERROR, Reason.NETWORK, x_answered=True)
LOCKED = AccountResult("lou", Status.NEEDS_USER, Reason.LOCKED)
CAPTCHA = AccountResult("cap", Status.NEEDS_USER, Reason.CAPTCHA)
SLOW = AccountResult("tim", Status.ERROR, Reason.TIMEOUT)
CLOCK = AccountResult("cleo", Status.NEEDS_USER, Reason.TWO_FACTOR, clock_offset_s=-420)


@pytest.mark.parametrize(
    ("lang", "result", "said"),
    [
        ("en", WRONG_PASSWORD, "@bob: password refused"),
        ("fr", WRONG_PASSWORD, "@bob\u00a0: mot de passe refusé"),
        ("en", UNREACHABLE, "@ann: X unreachable"),
        ("fr", UNREACHABLE, "@ann\u00a0: X injoignable"),
        ("en", FAILING, "@ann: X failing"),
        ("fr", FAILING, "@ann\u00a0: X en panne"),
        ("en", LOCKED, "@lou: locked by X"),
        ("fr", LOCKED, "@lou\u00a0: verrouillé par X"),
        ("en", CAPTCHA, "@cap: captcha to solve"),
        ("fr", CAPTCHA, "@cap\u00a0: captcha à résoudre"),
        ("en", SLOW, "@tim: X too slow to answer"),
        ("fr", SLOW, "@tim\u00a0: X trop lent à répondre"),
        ("en", CLOCK, "@cleo: clock to set right"),
        ("fr", CLOCK, "@cleo\u00a0: horloge à régler"),
    ],
)
def test_a_check_line_names_the_outcome_as_the_window_does(
    lang: str, result: AccountResult, said: str
) -> None:
    with speaking(lang):
        assert describe_result(result) == said


def test_what_the_status_alone_names_keeps_its_words() -> None:
    """An outcome the window names by its status keeps the command line's words and why."""
    failed = AccountResult("sam", Status.ERROR, Reason.SAVE_FAILED)
    refused = AccountResult("ref", Status.SIGNIN_FAILED, Reason.REFUSED)
    assert describe_result(failed) == "@sam: error (X did not save the change)"
    assert describe_result(refused) == "@ref: sign-in failed (X refused the sign-in)"
    with speaking("fr"):
        assert describe_result(AccountResult("al", Status.FIXED)).startswith("@al\u00a0: ")


def _dialog_words_french() -> dict[str, str]:
    root = ET.parse(DIALOGS_TS).getroot()
    context = next(c for c in root.iter("context") if c.findtext("name") == "DialogWords")
    return {
        m.findtext("source") or "": m.findtext("translation") or "" for m in context.iter("message")
    }


def test_the_command_line_french_is_the_window_french() -> None:
    """The window translates the core's words with Qt (DialogWords), the command line with the
    core's catalogue: the same French in both."""
    window = _dialog_words_french()
    words = [*STATUS_BY_REASON.values(), X_UNREACHABLE, X_FAILING, CLOCK_OFF]
    # (Said of an entry of an earlier version only: the command line's reason words'
    # French, "X injoignable ou défaillant", stands for it.)
    words.remove("X unreachable or failing")
    for english in words:
        assert tr_in("fr", english) == window[english], english


def test_account_list_says_whether_x_was_reached(capsys: pytest.CaptureFixture[str]) -> None:
    """The last check's entry says whether X answered; `account list` says it as the window's
    row does, and its --json is as it was."""
    ctx = AppContext.create()
    run = ctx.journal.start_run("manual")
    for result in (
        UNREACHABLE,
        AccountResult("fay", Status.ERROR, Reason.NETWORK, x_answered=True),
    ):
        ctx.accounts.add(Account(result.handle))
        entry = ctx.journal.record_check(run, result)
        ctx.accounts.record_check(result.handle, result.status, at=entry.at, reason=result.reason)
    ctx.journal.finish_run(run)
    ctx.journal.close()

    capsys.readouterr()
    assert main(["account", "list"]) == 0
    lines = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()}
    assert " X unreachable " in lines["@ann"] and "failing" not in lines["@ann"]
    assert " X failing " in lines["@fay"] and "unreachable" not in lines["@fay"]
    assert main(["account", "list", "--json"]) == 0
    rows = {row["handle"]: row for row in json.loads(capsys.readouterr().out)}
    assert (rows["ann"]["last_status"], rows["ann"]["last_reason"]) == ("error", "network")
