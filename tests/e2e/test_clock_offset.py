"""A 2FA code refused because this computer's clock is off X's: the clock is blamed, not the
saved secret (real Chromium against a simulated X whose clock is ahead)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyotp
import pytest

from consentinel.core.french_typography import typeset
from consentinel.core.journal import EntryKind
from consentinel.core.notify import notifications_for
from consentinel.core.paths import AppPaths
from consentinel.core.status import Reason, Status
from consentinel.simx import SimAccount
from tests.e2e._cli_support import add_account as add_account_cli
from tests.e2e._cli_support import run_cli
from tests.e2e._engine_support import (
    Recorder,
    SimHarness,
    add_account,
    engine,
    make_context,
    running_sim,
)

pytestmark = pytest.mark.browser

#: X's clock five minutes ahead: this computer's is five minutes behind X's.
AHEAD_S = 300.0
CLOCK_WORDS = {
    "en": "This computer's clock is 5 minutes behind X's",
    "fr": "L'horloge de cet ordinateur retarde de 5 minutes sur celle de X",
}
KEPT_WORDS = {
    "en": "The secret is kept. Set this computer's clock right (automatic date and time)",
    "fr": typeset(
        "Le secret est conservé. Mettez l'horloge de cet ordinateur à l'heure (date et heure "
        "automatiques)"
    ),
}


NOTICE_WORDS = {
    "en": "@cleo: X refuses the 2FA codes made on this computer — this computer's clock is 5 "
    "minutes behind X's; set it right, then check again",
    "fr": typeset(
        "@cleo : X refuse les codes 2FA produits sur cet ordinateur — l'horloge de cet "
        "ordinateur retarde de 5 minutes sur celle de X ; mettez-la à l'heure, puis vérifiez à "
        "nouveau"
    ),
}


@pytest.fixture
def x_ahead() -> Iterator[SimHarness]:
    """A simulated X whose clock is AHEAD_S ahead of this computer's."""
    with running_sim(x_clock_ahead_s=AHEAD_S) as harness:
        yield harness


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_code_refused_by_an_x_minutes_ahead_says_the_clock_and_keeps_the_secret(
    x_ahead: SimHarness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """The saved secret is right, but this computer's clock is 5 minutes behind X's: X refuses
    its code. The check says the clock, by how much and which way, and what to do; the secret
    is not marked refused (nor journaled so), and no one is asked for a code. One code sent."""
    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    secret = pyotp.random_base32()
    x_ahead.add("cleo", "pw", totp_secret=secret)
    ctx = make_context(x_ahead.origin, tmp_path / "home")
    add_account(ctx, "cleo", "pw", totp_secret=secret)
    run = engine(ctx).run_check(unattended=True)
    (cleo,) = run.accounts
    assert (cleo.status, cleo.reason) == (Status.NEEDS_USER, Reason.TWO_FACTOR), cleo.message
    assert cleo.message.startswith(CLOCK_WORDS[lang]), cleo.message
    (note,) = notifications_for(run)  # the desktop's notification: the clock, not the secret
    assert NOTICE_WORDS[lang] in note.body, note.body
    assert KEPT_WORDS[lang] in cleo.message, cleo.message
    assert x_ahead.signin_outcomes("cleo") == ["two_factor_failed"]
    assert ctx.accounts.state("cleo").refused_totp is None
    (signin,) = ctx.journal.entries(handle="cleo", kinds=[EntryKind.SIGNIN])
    assert "2fa_secret_refused" not in signin.payload
    (result,) = ctx.journal.entries(handle="cleo", kinds=[EntryKind.CHECK])
    assert CLOCK_WORDS[lang] in json.dumps(result.payload, ensure_ascii=False)


def test_scheduled_checks_wait_for_the_clock_then_the_same_secret_signs_in(
    x_ahead: SimHarness, tmp_path: Path
) -> None:
    """After the clock's refusal, scheduled checks send X no code (each wrong one counts toward
    X's lock) and say the clock again; once it is right, the person's check signs in with the
    same saved secret, never set aside."""
    secret = pyotp.random_base32()
    x_ahead.add("cleo", "pw", totp_secret=secret)
    ctx = make_context(x_ahead.origin, tmp_path / "home")
    add_account(ctx, "cleo", "pw", totp_secret=secret)
    eng = engine(ctx)
    eng.run_check(unattended=True)
    held = eng.run_check(unattended=True)
    (cleo,) = held.accounts
    assert (cleo.status, cleo.reason) == (Status.NEEDS_USER, Reason.TWO_FACTOR), cleo.message
    assert CLOCK_WORDS["en"] in cleo.message, cleo.message
    (note,) = notifications_for(held)
    assert NOTICE_WORDS["en"] in note.body, note.body
    assert x_ahead.signin_outcomes("cleo") == ["two_factor_failed"]
    x_ahead.set_x_clock_ahead(0)
    person = Recorder.new()
    (cleo,) = eng.run_check(ask=person.ask).accounts
    assert cleo.status is Status.FIXED, cleo.message
    assert person.prompts == []
    assert x_ahead.signin_outcomes("cleo") == ["two_factor_failed", "success"]


def test_the_command_line_and_its_log_say_the_clock_in_french(
    simx: Any, cli_env: dict[str, str], consentinel_home: Path
) -> None:
    """`consentinel check` says the clock on the account's line, the journal keeps it, the accounts
    file keeps the secret usable, and neither says the secret."""
    secret = pyotp.random_base32()
    sim = simx(
        SimAccount(handle="cleo", password="pw", totp_secret=secret, challenges=["two_factor"]),
        clock_offset_s=AHEAD_S,
    )
    env = dict(cli_env, CONSENTINEL_X_ORIGIN=sim.origin, CONSENTINEL_LANG="fr")
    run_cli(
        env,
        "account",
        "add",
        "@cleo",
        "--password-stdin",
        "--totp-stdin",
        stdin=f"pw\n{secret}\n",
        check_exit=0,
    )
    checked = run_cli(env, "check")
    line = next(x for x in checked.stdout.splitlines() if x.startswith("@cleo"))
    assert typeset(CLOCK_WORDS["fr"]) in line, checked.stdout
    log = run_cli(env, "log", "--account", "cleo", "--json", check_exit=0).stdout
    assert CLOCK_WORDS["fr"] in json.dumps(json.loads(log), ensure_ascii=False), log
    assert secret not in checked.stdout + checked.stderr + log
    accounts = json.loads(AppPaths.under(consentinel_home).accounts_path.read_text("utf-8"))
    assert secret not in json.dumps(accounts)
    assert _refused_totp(accounts) is None


def test_check_json_gives_each_account_its_clock_offset(simx: Any, cli_env: dict[str, str]) -> None:
    """`check --json` says by how many seconds this computer's clock was off X's for the
    account whose code X refused for it (its time less X's: behind, negative), and null for
    an account whose check did not meet the clock."""
    secret = pyotp.random_base32()
    sim = simx(
        SimAccount(handle="cleo", password="pw", totp_secret=secret, challenges=["two_factor"]),
        SimAccount(handle="dora", password="pw2"),
        clock_offset_s=AHEAD_S,
    )
    env = dict(cli_env, CONSENTINEL_X_ORIGIN=sim.origin)
    run_cli(
        env,
        "account",
        "add",
        "@cleo",
        "--password-stdin",
        "--totp-stdin",
        stdin=f"pw\n{secret}\n",
        check_exit=0,
    )
    add_account_cli(env, "@dora", "pw2")
    checked = run_cli(env, "check", "--json", check_exit=1)
    said = {a["handle"]: a for a in json.loads(checked.stdout)["accounts"]}
    assert said["cleo"]["detail_code"].startswith("clock_off:"), said["cleo"]
    # (X's Date is to the second, and its answer takes a moment to come.)
    assert -AHEAD_S - 3 <= said["cleo"]["clock_offset_s"] <= -AHEAD_S + 3, said["cleo"]
    assert said["dora"]["status"] == Status.FIXED.value, said["dora"]
    assert "clock_offset_s" in said["dora"] and said["dora"]["clock_offset_s"] is None


def _refused_totp(accounts: Any) -> object:
    """The accounts file's refused_totp for @cleo, wherever its state is kept."""
    found: list[object] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if "refused_totp" in node:
                found.append(node["refused_totp"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(accounts)
    assert len(found) == 1, found
    return found[0]


def test_the_sign_in_entry_and_account_list_say_the_clock(
    simx: Any, cli_env: dict[str, str]
) -> None:
    """The sign-in X refused the saved secret's code at, made by a clock 5 minutes behind X's:
    its journal entry keeps the clock's detail_code, `consentinel log` says the clock on its
    line (not "X asked for a two-factor code"), the journal still verifies, and `account list
    --json` gives the offset of that last check (null for an account whose check met no
    clock)."""
    secret = pyotp.random_base32()
    sim = simx(
        SimAccount(handle="cleo", password="pw", totp_secret=secret, challenges=["two_factor"]),
        SimAccount(handle="dora", password="pw2"),
        clock_offset_s=AHEAD_S,
    )
    env = dict(cli_env, CONSENTINEL_X_ORIGIN=sim.origin)
    run_cli(
        env,
        "account",
        "add",
        "@cleo",
        "--password-stdin",
        "--totp-stdin",
        stdin=f"pw\n{secret}\n",
        check_exit=0,
    )
    add_account_cli(env, "@dora", "pw2")
    run_cli(env, "check", check_exit=1)
    log = json.loads(run_cli(env, "log", "--account", "cleo", "--json", check_exit=0).stdout)
    (signin,) = [e for e in log["entries"] if e["kind"] == EntryKind.SIGNIN.value]
    assert signin["payload"]["detail_code"].startswith("clock_off:"), signin
    said = run_cli(env, "log", "--account", "cleo", check_exit=0).stdout
    (line,) = [x for x in said.splitlines() if " sign-in " in x]
    assert line.endswith(f"needs you ({CLOCK_WORDS['en'][:1].lower()}{CLOCK_WORDS['en'][1:]})")
    assert "two-factor code" not in said, said
    run_cli(env, "log", "--verify", check_exit=0)  # (a key more in its payload: still chained)
    listed = json.loads(run_cli(env, "account", "list", "--json", check_exit=0).stdout)
    offsets = {a["handle"]: a["clock_offset_s"] for a in listed}
    # (X's Date is to the second, and its answer takes a moment to come.)
    assert -AHEAD_S - 3 <= offsets["cleo"] <= -AHEAD_S + 3, listed
    assert offsets["dora"] is None, listed
