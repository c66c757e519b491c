"""The engine's sign-ins against simx: TOTP, people needed, refusals, and the sign-in rules."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyotp
import pytest

from consentinel.core.events import PromptKind, PromptRequest
from consentinel.core.journal import EntryKind
from consentinel.core.status import Box, Reason, Status
from tests.e2e._engine_support import (
    Recorder,
    SimHarness,
    add_account,
    engine,
    make_context,
    running_sim,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def sim() -> Iterator[SimHarness]:
    with running_sim() as harness:
        yield harness


def test_totp_sign_in_uses_the_stored_secret(sim: SimHarness, tmp_path: Path) -> None:
    secret = pyotp.random_base32()
    sim.add("tara", "pw", totp_secret=secret)
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "tara", "pw", totp_secret=secret)
    rec = Recorder.new()
    (tara,) = engine(ctx).run_check(ask=rec.ask).accounts
    assert tara.status is Status.FIXED, tara.message
    assert rec.prompts == []  # nobody was asked: the code came from the secret


def test_two_factor_without_secret_asks_and_uses_the_answer(
    sim: SimHarness, tmp_path: Path
) -> None:
    secret = pyotp.random_base32()
    sim.add("uma", "pw", totp_secret=secret)
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "uma", "pw")

    rec = Recorder.new()

    def ask(request: object) -> str | None:
        rec.ask(request)  # type: ignore[arg-type]
        return pyotp.TOTP(secret).now()

    (uma,) = engine(ctx).run_check(ask=ask).accounts
    assert uma.status is Status.FIXED, uma.message
    assert [p.kind for p in rec.prompts] == [PromptKind.TWO_FACTOR_CODE]


@pytest.mark.parametrize(
    ("scenario", "reason", "prompt"),
    [
        ("two_factor", Reason.TWO_FACTOR, PromptKind.TWO_FACTOR_CODE),
        ("email_code", Reason.EMAIL_CODE, PromptKind.EMAIL_CODE),
        ("captcha", Reason.CAPTCHA, PromptKind.FINISH_IN_BROWSER),
        ("unusual_activity_email", Reason.UNUSUAL_ACTIVITY, PromptKind.EMAIL_OR_PHONE),
    ],
)
def test_needs_user_when_nobody_answers(
    sim: SimHarness, tmp_path: Path, scenario: str, reason: Reason, prompt: PromptKind
) -> None:
    sim.add("vera", "pw", scenario=scenario)
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "vera", "pw")  # no TOTP secret, no email, no phone stored
    rec = Recorder.new()
    (vera,) = engine(ctx).run_check(ask=rec.ask).accounts
    assert (vera.status, vera.reason) == (Status.NEEDS_USER, reason), vera.message
    assert [p.kind for p in rec.prompts] == [prompt]
    assert sim.mutations("vera") == 0
    # No screenshot of a sign-in page (it may show what was typed).
    assert vera.evidence is None


def test_unattended_never_asks(sim: SimHarness, tmp_path: Path) -> None:
    sim.add("walt", "pw", scenario="email_code")
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "walt", "pw")
    rec = Recorder.new(email_code="123456")
    eng = engine(ctx)
    (walt,) = eng.run_check(unattended=True, ask=rec.ask).accounts
    assert walt.status is Status.NEEDS_USER and rec.prompts == []
    assert ctx.accounts.state("walt").waits_for_person is Reason.EMAIL_CODE
    # The next scheduled runs do not sign in again (X would send a new code each time)...
    attempts = sim.signin_attempts("walt")
    for _ in range(2):
        (walt,) = eng.run_check(unattended=True).accounts
        assert (walt.status, walt.reason) == (Status.NEEDS_USER, Reason.EMAIL_CODE)
    assert sim.signin_attempts("walt") == attempts

    # ...until the person checks it themselves and types the code; then scheduled runs go on.
    def ask(request: PromptRequest) -> str | None:
        return sim.server.email_code("walt")  # the code X "sent" this time

    (walt,) = eng.run_check(ask=ask).accounts
    assert walt.status is Status.FIXED, walt.message
    assert ctx.accounts.state("walt").waits_for_person is None


def test_unusual_activity_answered_with_the_stored_email(sim: SimHarness, tmp_path: Path) -> None:
    sim.add("xena", "pw", scenario="unusual_activity_email", email="xena@example.org")
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "xena", "pw", email="xena@example.org")
    (xena,) = engine(ctx).run_check(unattended=True).accounts
    assert xena.status is Status.FIXED, xena.message


def test_unusual_activity_answered_with_the_handle(sim: SimHarness, tmp_path: Path) -> None:
    sim.add("yann", "pw", scenario="unusual_activity")
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "yann", "pw")
    (yann,) = engine(ctx).run_check(unattended=True).accounts
    assert yann.status is Status.FIXED, yann.message


def test_unknown_account(sim: SimHarness, tmp_path: Path) -> None:
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "nobodyhere", "pw")  # not on the simulated X
    (res,) = engine(ctx).run_check().accounts
    assert (res.status, res.reason) == (Status.SIGNIN_FAILED, Reason.UNKNOWN_ACCOUNT)


def test_wrong_password_is_sent_exactly_once_across_runs(sim: SimHarness, tmp_path: Path) -> None:
    sim.add("zoe", "right")
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "zoe", "wrong")
    eng = engine(ctx)
    for _ in range(3):
        (zoe,) = eng.run_check().accounts
        assert (zoe.status, zoe.reason) == (Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD)
        assert "set-password" in zoe.message
    assert sim.password_attempts("zoe") == 1
    assert ctx.accounts.state("zoe").password_rejected
    # Saving a new password clears the rule; the next run signs in and fixes.
    ctx.vault.set_password("zoe", "right")
    ctx.accounts.clear_password_rejected("zoe")
    (zoe,) = eng.run_check().accounts
    assert zoe.status is Status.FIXED
    assert sim.password_attempts("zoe") == 2
    signins = ctx.journal.entries(handle="zoe", kinds=[EntryKind.SIGNIN])
    assert [s.payload["reason"] for s in signins] == ["wrong_password", None]
    text = ctx.paths.journal_path.read_bytes()
    assert b"wrong" not in text and b"right" not in text.replace(b"reverted", b"")


@pytest.mark.parametrize(
    ("scenario", "reason"), [("refused", Reason.REFUSED), ("locked", Reason.LOCKED)]
)
def test_refusal_or_lock_backs_off(
    sim: SimHarness, tmp_path: Path, scenario: str, reason: Reason
) -> None:
    sim.add("abe", "pw", scenario=scenario)
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "abe", "pw")
    eng = engine(ctx)
    (first,) = eng.run_check(unattended=True).accounts
    assert first.reason is reason, first.message
    state = ctx.accounts.state("abe")
    assert state.blocked_until is not None and state.block_reason is reason
    attempts = sim.signin_attempts("abe")
    (second,) = eng.run_check(unattended=True).accounts
    assert second.reason is reason and "no automatic sign-in before" in second.message
    assert sim.signin_attempts("abe") == attempts


def test_expired_session_signs_in_again(sim: SimHarness, tmp_path: Path) -> None:
    sim.add("cleo", "pw")
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "cleo", "pw")
    eng = engine(ctx)
    eng.run_check()
    sim.expire_sessions()
    sim.set_box("cleo", Box.TRAINING, True)
    (cleo,) = eng.run_check().accounts
    assert cleo.status is Status.FIXED
    assert sim.signin_attempts("cleo") == 2


def test_login_interactive_saves_a_session(sim: SimHarness, tmp_path: Path) -> None:
    sim.add("dora", "pw")
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "dora", "pw")
    outcome = engine(ctx).login_interactive("dora", headless=True)
    assert outcome.ok, outcome.message
    assert ctx.sessions.exists("dora")
    # The next check uses that session: no new sign-in.
    attempts = sim.signin_attempts("dora")
    (dora,) = engine(ctx).run_check().accounts
    assert dora.status is Status.FIXED
    assert sim.signin_attempts("dora") == attempts
