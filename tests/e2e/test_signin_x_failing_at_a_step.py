"""X failing (an error page, "too many requests", its own "Something went wrong") at the handle,
at the unusual-activity answer and at a code the person typed is X failing, not X refusing: the
check ends as X failing, nothing typed is remembered as refused, no other answer is sent, and
X's "too many requests" is backed off from for the hour the settings page gets, said with its
end.

Real Chromium against simx, which fails at that step (`signin_faults`).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pyotp
import pytest

from consentinel.core.check_messages import rate_limited_message
from consentinel.core.context import AppContext
from consentinel.core.events import PromptRequest
from consentinel.core.signin_rules import RATE_LIMIT_BACKOFF_HOURS
from consentinel.core.status import Reason, Status
from tests.e2e._engine_support import Recorder, SimHarness, add_account, engine, make_context

pytestmark = pytest.mark.browser

_FAILURES = [
    ("server_error", Reason.NETWORK),
    ("went_wrong", Reason.NETWORK),  # code 131: X's own "Something went wrong"
    ("rate_limited", Reason.RATE_LIMITED),  # 429, code 88
]


def _backed_off_as_asked(ctx: AppContext, handle: str, message: str) -> None:
    """One hour at most (not the 12 of a refusal), and the message says until when."""
    state = ctx.accounts.state(handle)
    assert state.block_reason is Reason.RATE_LIMITED
    assert state.blocked_until is not None
    left = state.blocked_until - datetime.now(timezone.utc)
    assert timedelta(minutes=50) < left <= timedelta(hours=RATE_LIMIT_BACKOFF_HOURS)
    assert message == rate_limited_message(handle, state.blocked_until)


@pytest.mark.parametrize(("fault", "reason"), _FAILURES)
def test_x_failing_at_the_handle_is_x_failing(
    sim: SimHarness, tmp_path: Path, fault: str, reason: Reason
) -> None:
    """Not "X asked for the username again" (a changed page, with its screenshot): X failed."""
    sim.add("hana", "pw", x_fails_at={"username": fault})
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "hana", "pw")
    eng = engine(ctx)
    (hana,) = eng.run_check(unattended=True).accounts
    assert (hana.status, hana.reason) == (Status.ERROR, reason), hana.message
    assert hana.evidence is None and "username again" not in hana.message
    assert sim.signin_outcomes("hana") == ["username_fault"]  # the handle, once
    if reason is Reason.RATE_LIMITED:
        _backed_off_as_asked(ctx, "hana", hana.message)
        return
    assert ctx.accounts.state("hana").blocked_until is None
    sim.x_recovers("hana")
    (hana,) = eng.run_check(unattended=True).accounts
    assert hana.status is Status.FIXED, hana.message


@pytest.mark.parametrize(("fault", "reason"), _FAILURES)
def test_x_failing_after_the_saved_email_keeps_it(
    sim: SimHarness, tmp_path: Path, fault: str, reason: Reason
) -> None:
    """The right email, typed at the unusual-activity step, is not remembered as refused and
    scheduled checks do not wait for the person: the next check types it again."""
    sim.add(
        "uma",
        "pw",
        scenario="unusual_activity_email",
        email="uma@example.org",
        x_fails_at={"unusual_activity": fault},
    )
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "uma", "pw", email="uma@example.org")
    eng = engine(ctx)
    (uma,) = eng.run_check(unattended=True).accounts
    assert (uma.status, uma.reason) == (Status.ERROR, reason), uma.message
    assert sim.signin_outcomes("uma") == ["unusual_activity_fault"]
    state = ctx.accounts.state("uma")
    assert state.refused_answers == () and state.waits_for_person is None
    if reason is Reason.RATE_LIMITED:
        _backed_off_as_asked(ctx, "uma", uma.message)
        return
    sim.x_recovers("uma")
    (uma,) = eng.run_check(unattended=True).accounts
    assert uma.status is Status.FIXED, uma.message
    assert sim.signin_outcomes("uma") == ["unusual_activity_fault", "success"]


@pytest.mark.parametrize(("fault", "reason"), _FAILURES)
def test_x_failing_at_a_typed_code_asks_for_no_other(
    sim: SimHarness, tmp_path: Path, fault: str, reason: Reason
) -> None:
    """A right code typed by the person, X failing at it: no "X refused the code, another
    wrong one may lock the account", and no second code sent to an X that fails."""
    secret = pyotp.random_base32()
    sim.add("tess", "pw", totp_secret=secret, x_fails_at={"two_factor": fault})
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "tess", "pw")  # no secret saved: the person types the code
    person = Recorder.new()

    def ask(request: PromptRequest) -> str | None:
        person.ask(request)
        return pyotp.TOTP(secret).now()

    (tess,) = engine(ctx).run_check(ask=ask).accounts
    assert (tess.status, tess.reason) == (Status.ERROR, reason), tess.message
    assert len(person.prompts) == 1 and not person.prompts[0].saved_code_refused
    assert "lock" not in tess.message
    assert sim.signin_outcomes("tess") == ["two_factor_fault"]
    if reason is Reason.RATE_LIMITED:
        _backed_off_as_asked(ctx, "tess", tess.message)


def test_too_many_requests_at_the_password_backs_off_an_hour_said_with_its_end(
    sim: SimHarness, tmp_path: Path
) -> None:
    """X's 429 to the password: the hour the settings page's 429 gets (not the 12 hours of
    a refusal), and the first message names its end, as the settings page's does."""
    sim.add("rita", "pw", x_fails_at={"password": "rate_limited"})
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "rita", "pw")
    (rita,) = engine(ctx).run_check(unattended=True).accounts
    assert (rita.status, rita.reason) == (Status.ERROR, Reason.RATE_LIMITED), rita.message
    _backed_off_as_asked(ctx, "rita", rita.message)
    assert not ctx.accounts.state("rita").password_rejected
    assert sim.signin_outcomes("rita") == ["password_fault"]
