"""The sign-in in a window (`consentinel login`, the window's "Sign in yourself") when there is
no password to type: X refused the saved one, or none is saved. Nothing reached X from us, so
the tamper-evident journal must not say X refused a password then; what the person does in the
window is journaled once it ends on X's home. Real Chromium against simx, a real journal."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pyotp
import pytest
from playwright.async_api import Page

from consentinel.cli import login_cmd
from consentinel.core import engine as engine_module
from consentinel.core.context import AppContext
from consentinel.core.engine import Engine
from consentinel.core.journal import EntryKind
from consentinel.core.status import Reason, Status
from consentinel.core.vault import Vault
from tests.e2e._engine_support import SimHarness, add_account, engine, make_context

pytestmark = pytest.mark.browser

X_PASSWORD = "the-one-x-knows"


def _signins(ctx: AppContext, handle: str) -> list[dict[str, Any]]:
    return [e.payload for e in ctx.journal.entries(handle=handle, kinds=[EntryKind.SIGNIN])]


def _refused_by_a_check(
    sim: SimHarness, tmp_path: Path, handle: str
) -> tuple[AppContext, datetime]:
    """X refuses the saved password at a check: true, journaled, and remembered."""
    sim.add(handle, X_PASSWORD)
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, handle, "not-the-one-x-knows")
    (result,) = engine(ctx).run_check().accounts
    assert (result.status, result.reason) == (Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD)
    assert ctx.accounts.state(handle).password_rejected
    assert sim.signin_outcomes(handle) == ["wrong_password"]
    refused_at = ctx.journal.stopped_signin_at(handle, Reason.WRONG_PASSWORD)
    assert refused_at is not None
    return ctx, refused_at


def test_a_window_nobody_signs_in_journals_no_refused_password(
    sim: SimHarness, tmp_path: Path
) -> None:
    ctx, refused_at = _refused_by_a_check(sim, tmp_path, "fran")
    eng = Engine(ctx, headless=True, interactive_headless=True, interactive_timeout_s=2)

    result = eng.login_interactive("fran", headless=True)

    assert sim.signin_outcomes("fran") == ["wrong_password"]  # X saw no new password
    assert _signins(ctx, "fran") == [{"outcome": "signin_failed", "reason": "wrong_password"}]
    assert not result.ok
    assert result.reason is Reason.TIMEOUT  # nobody finished it: not "wrong password"
    # The time it had, and the step X still showed (not "was not finished in the window").
    assert result.ran_out_after_s is not None and not result.still_locked
    assert result.message.startswith("The time to finish signing in to @fran ran out after ")
    assert result.message.endswith(": X was still showing its password step.")
    # What the next check says ("X rejected the saved password on …") keeps X's own date.
    assert ctx.journal.stopped_signin_at("fran", Reason.WRONG_PASSWORD) == refused_at


def test_a_window_with_no_password_saved_journals_no_refused_password(
    sim: SimHarness, tmp_path: Path
) -> None:
    sim.add("gaby", X_PASSWORD)
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "gaby")  # no password saved: the person types it
    eng = Engine(ctx, headless=True, interactive_headless=True, interactive_timeout_s=2)

    result = eng.login_interactive("gaby", headless=True)

    assert _signins(ctx, "gaby") == []
    assert (result.ok, result.reason) == (False, Reason.TIMEOUT), result.message
    assert ctx.journal.stopped_signin_at("gaby", Reason.WRONG_PASSWORD) is None
    assert not ctx.accounts.state("gaby").password_rejected


async def _person_types_the_password(page: Page) -> None:
    """The person, at the window Consentinel left at X's password step, types the one X knows."""
    field = page.locator('input[name="password"][type="password"]')
    await field.fill(X_PASSWORD)
    await page.locator('[data-testid="LoginForm_Login_Button"]').click()


def test_a_sign_in_the_person_finishes_is_journaled_ok_alone(
    sim: SimHarness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx, refused_at = _refused_by_a_check(sim, tmp_path, "fran")
    real_sign_in = engine_module.sign_in
    person: list[asyncio.Task[None]] = []

    async def then_the_person(page: Page, *args: Any) -> Any:
        # Consentinel's part of the sign-in ends first (it has no password to type); then the
        # person types it in the same window.
        outcome = await real_sign_in(page, *args)
        person.append(asyncio.ensure_future(_person_types_the_password(page)))
        return outcome

    sign_in: Callable[..., Awaitable[Any]] = then_the_person
    monkeypatch.setattr(engine_module, "sign_in", sign_in)
    eng = Engine(ctx, headless=True, interactive_headless=True, interactive_timeout_s=20)

    result = eng.login_interactive("fran", headless=True)

    assert result.ok, result.message
    assert len(person) == 1 and person[0].done()
    assert sim.signin_outcomes("fran") == ["wrong_password", "success"]
    # The check's true refusal, then the person's sign-in: no "wrong password" between them.
    assert _signins(ctx, "fran") == [
        {"outcome": "signin_failed", "reason": "wrong_password"},
        {"outcome": "ok", "reason": None},
    ]
    assert ctx.journal.stopped_signin_at("fran", Reason.WRONG_PASSWORD) == refused_at
    assert ctx.sessions.exists("fran")


def test_a_window_with_a_saved_2fa_secret_no_code_comes_from_leaves_the_code_to_the_person(
    sim: SimHarness, tmp_path: Path, real_vault: Vault
) -> None:
    """A 2FA secret changed in the keyring by hand into one no code can be made from: the
    window types the password and leaves X's code step to the person (it failed there with
    "InvalidTotpSecret"); nobody finishing is said as such, and journaled as X's 2FA step."""
    sim.add("hana", X_PASSWORD, totp_secret=pyotp.random_base32())
    ctx = make_context(sim.origin, tmp_path / "home", vault=real_vault)
    add_account(ctx, "hana", X_PASSWORD)
    real_vault.backend.set_password(real_vault.service, "hana:totp", "not a secret at all!")
    eng = Engine(ctx, headless=True, interactive_headless=True, interactive_timeout_s=2)

    result = eng.login_interactive("hana", headless=True)

    assert (result.ok, result.reason) == (False, Reason.TWO_FACTOR), result.message
    assert result.message.endswith(": X was still showing its step for the two-factor code.")
    # (With why, in no language: the saved secret makes no code; fa4cdd72.)
    assert _signins(ctx, "hana") == [
        {"outcome": "needs_user", "reason": "two_factor", "detail_code": "totp_not_valid"}
    ]
    assert not ctx.accounts.state("hana").password_rejected


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_window_whose_time_runs_out_at_x_s_lock_says_so_and_to_unlock_it_first(
    sim: SimHarness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    """Audit 2, item 9: the window's time ran out, said "was not finished in the window" and
    no more. Now: how long it had, what X still showed (its lock), and, at the command line,
    to unlock the account on x.com before `consentinel login` again."""
    monkeypatch.setenv("CONSENTINEL_LANG", language)
    sim.add("lou", X_PASSWORD, scenario="locked")
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "lou", X_PASSWORD)
    eng = Engine(ctx, headless=True, interactive_headless=True, interactive_timeout_s=1)

    result = eng.login_interactive("lou", headless=True)

    assert (result.ok, result.reason) == (False, Reason.LOCKED), result.message
    assert result.ran_out_after_s is not None and result.still_locked
    waited = r"\d+ s"
    said, then = {
        "en": (
            rf"The time to finish signing in to @lou ran out after {waited}: X was still "
            r"showing that the account is locked\.",
            "Unlock the account on x.com first, then run `consentinel login lou` again.",
        ),
        "fr": (
            rf"Le temps pour terminer la connexion de @lou s'est écoulé au bout de {waited}"
            r"\u00a0: X affichait encore que le compte est verrouillé\.",
            "Déverrouillez d'abord le compte sur x.com, puis relancez `consentinel login lou`.",
        ),
    }[language]
    assert re.fullmatch(said, result.message), result.message
    assert login_cmd._try_again("lou", still_locked=True) == then
