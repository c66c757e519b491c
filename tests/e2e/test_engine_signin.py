"""The engine's sign-ins against simx: TOTP, people needed, refusals, and the sign-in rules."""

from __future__ import annotations

import base64
import hashlib
import os
import re
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pyotp
import pytest

from consentinel.core.check_messages import reason_message
from consentinel.core.context import AppContext
from consentinel.core.engine import Engine
from consentinel.core.events import AccountFinished, AccountStep, Event, PromptRequest
from consentinel.core.i18n import tr_in
from consentinel.core.journal import EntryKind
from consentinel.core.status import Box, Reason, Status
from consentinel.core.steps import PromptKind, Step
from tests.e2e._engine_support import (
    SIGNIN_STEP_TIMEOUT_S,
    Recorder,
    SimHarness,
    add_account,
    engine,
    make_context,
)

pytestmark = pytest.mark.browser


# X has handed out 16-character secrets (80 bits) as well as 32; recent pyotp refuses the former.
@pytest.mark.parametrize("secret_bytes", [20, 10], ids=["32-characters", "16-characters"])
def test_totp_sign_in_uses_the_stored_secret(
    sim: SimHarness, tmp_path: Path, secret_bytes: int
) -> None:
    secret = base64.b32encode(os.urandom(secret_bytes)).decode()
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
        ("sms_code", Reason.EMAIL_CODE, PromptKind.EMAIL_CODE),
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
    # Nothing pressed or typed inside X's puzzle: only a person may (x-reference §3).
    assert sim.captcha_touches() == 0
    # No screenshot of a sign-in page (it may show what was typed).
    assert vera.evidence is None
    # What the person reads: X's question alone, not the field's or the buttons' words.
    detail = rec.prompts[0].detail
    if prompt is PromptKind.FINISH_IN_BROWSER:
        assert detail == reason.value  # the window says it in words
    else:
        assert detail and "Next" not in detail and "Enter code" not in detail, detail
        # Its heading and its explanation apart, not run together ("Check your emailYou'll").
        assert " — " in detail and not re.search(r"[a-z][A-Z]", detail), detail


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
    """X locks an account after a few wrong passwords in a row (x-reference §4): checks run
    again and again, more often than that, never get it there."""
    sim.add("zoe", "right")
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "zoe", "wrong")
    eng = engine(ctx)
    for _ in range(sim.failures_to_lock("zoe") + 1):
        (zoe,) = eng.run_check().accounts
        assert (zoe.status, zoe.reason) == (Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD)
        assert "set-password" in zoe.message
    assert sim.password_attempts("zoe") == 1
    assert not sim.locked("zoe")
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
    ("fault", "reason"),
    [
        ("server_error", Reason.NETWORK),
        ("connection_reset", Reason.NETWORK),
        ("went_wrong", Reason.NETWORK),  # an error answer of X's own (code 131), not 114
    ],
)
def test_x_failing_at_the_password_is_not_a_wrong_password(
    sim: SimHarness, tmp_path: Path, fault: str, reason: Reason
) -> None:
    """X fails its answer to the saved password (a 500 page, none: the connection cut, or an
    error of its own that is not "Wrong password!") while its page says "Something went
    wrong": X failing, not X refusing the password. The check ends in error, the password is
    not marked wrong, and the next scheduled check signs in with it."""
    sim.add("finn", "pw", x_fails_at={"password": fault})
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "finn", "pw")
    eng = engine(ctx)
    (finn,) = eng.run_check(unattended=True).accounts
    assert (finn.status, finn.reason) == (Status.ERROR, reason), finn.message
    assert "set-password" not in finn.message and "wrong password" not in finn.message
    if fault == "went_wrong":  # X said it failed: said so, with what becomes of the password
        assert "does not mean the password is wrong" in finn.message, finn.message
    assert sim.signin_outcomes("finn") == ["password_fault"]  # X had the password
    assert not ctx.accounts.state("finn").password_rejected
    sim.x_recovers("finn")
    (finn,) = eng.run_check(unattended=True).accounts
    assert finn.status is Status.FIXED, finn.message
    assert sim.signin_outcomes("finn") == ["password_fault", "success"]


def _wrong_passwords_elsewhere_until_locked(sim: SimHarness, handle: str) -> None:
    """Someone else keeps typing a wrong password for the account until X locks it."""
    for _ in range(sim.failures_to_lock(handle)):
        assert not sim.locked(handle)
        assert sim.sign_in_elsewhere(handle, "a guess") == "wrong_password"
    assert sim.locked(handle)


@pytest.mark.parametrize(
    ("scenario", "reason"),
    [
        ("refused", Reason.REFUSED),
        ("locked", Reason.LOCKED),
        ("locked_by_wrong_passwords_elsewhere", Reason.LOCKED),
    ],
)
def test_refusal_or_lock_backs_off(
    sim: SimHarness, tmp_path: Path, scenario: str, reason: Reason
) -> None:
    elsewhere = scenario == "locked_by_wrong_passwords_elsewhere"
    sim.add("abe", "pw", scenario=None if elsewhere else scenario)
    if elsewhere:
        _wrong_passwords_elsewhere_until_locked(sim, "abe")
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "abe", "pw")
    eng = engine(ctx)
    (first,) = eng.run_check(unattended=True).accounts
    assert first.reason is reason, first.message
    assert sim.mutations("abe") == 0 and sim.box("abe", Box.TRAINING)
    if reason is Reason.LOCKED:  # the saved (right) password, once: X shows its lock after it
        assert sim.signin_outcomes("abe") == ["locked"]
    state = ctx.accounts.state("abe")
    assert state.blocked_until is not None and state.block_reason is reason
    attempts = sim.signin_attempts("abe")
    (second,) = eng.run_check(unattended=True).accounts
    assert second.reason is reason
    if reason is Reason.LOCKED:  # what to do, every time: only its owner can unlock it
        assert "sign in on x.com, then run `consentinel login abe`" in second.message
    else:
        assert "no automatic sign-in before" in second.message
    assert sim.signin_attempts("abe") == attempts
    # The back-off over: a refusal is tried again, a locked account is not.
    past = datetime.now(timezone.utc) - timedelta(minutes=1)
    ctx.accounts.set_state("abe", ctx.accounts.state("abe")._replace(blocked_until=past))
    (third,) = eng.run_check(unattended=True).accounts
    if reason is Reason.LOCKED:
        assert third.reason is Reason.LOCKED and sim.signin_attempts("abe") == attempts
    else:
        assert sim.signin_attempts("abe") == attempts + 1, third.message


@pytest.mark.parametrize("scenario", ["captcha", "refused"])
def test_a_check_held_by_a_back_off_is_journaled_as_waiting_not_as_x_stopping_it_again(
    sim: SimHarness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scenario: str
) -> None:
    """X showed a puzzle (or refused) at the first check's sign-in; the next check, within the
    back-off, tries none. Its entry keeps the reason (what the person is asked, the
    notifications), and says that it waited: the log and the window say no sign-in was tried
    and when X stopped the one it waits after, not "X showed a captcha" as if X did it again."""
    from consentinel.cli.log_words import entry_line
    from consentinel.gui.journal_model import check_words

    sim.add("cara", "pw", scenario=scenario)
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "cara", "pw")
    eng = engine(ctx)
    (first,) = eng.run_check(ask=Recorder.new().ask).accounts
    assert first.backoff is None and first.reason is not None, first.message
    attempts = sim.signin_attempts("cara")
    (second,) = eng.run_check(ask=Recorder.new().ask).accounts
    assert sim.signin_attempts("cara") == attempts  # X was not asked
    assert second.reason is first.reason and second.status is first.status  # (notifications)
    (stopped,) = ctx.journal.entries(handle="cara", kinds=[EntryKind.SIGNIN])
    assert second.backoff is not None and second.backoff.since == stopped.at
    checks = ctx.journal.entries(handle="cara", kinds=[EntryKind.CHECK])
    assert "backoff" not in checks[0].payload
    assert checks[1].payload["backoff"] == {"since": stopped.at.isoformat()}
    when = stopped.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    why = {"captcha": "X showed a captcha", "refused": "X refused the sign-in"}[scenario]
    monkeypatch.setenv("CONSENTINEL_LANG", "en")
    held = f"(no sign-in tried: waiting out the back-off after {why} at {when})"
    # The check X stopped: said so, in the window's words where the window names it.
    stopped_said = {"captcha": "captcha to solve", "refused": f"({why})"}[scenario]
    assert entry_line(checks[0]).endswith(stopped_said), entry_line(checks[0])
    assert entry_line(checks[1]).endswith(held), entry_line(checks[1])
    # The journal window writes the time as its Date column does.
    from consentinel.gui.time_words import local_text_to_the_second

    shown = local_text_to_the_second(stopped.at.replace(microsecond=0))
    assert check_words(checks[1].payload).endswith(
        f"(no sign-in tried: waiting out the back-off after {why} at {shown})"
    )
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    pourquoi = {"captcha": "X a affiché un captcha", "refused": "X a refusé la connexion"}
    attente = (
        "(aucune connexion tentée\u00a0: attente de la fin du délai après "
        f"«\u00a0{pourquoi[scenario]}\u00a0» le {when})"
    )
    assert entry_line(checks[1]).endswith(attente), entry_line(checks[1])
    # The journal no longer has the sign-in: the wait is said all the same, without a time.
    payload = {**checks[1].payload, "backoff": {"since": None}}
    monkeypatch.setenv("CONSENTINEL_LANG", "en")
    unknown = f"(no sign-in tried: waiting out the back-off after {why})"
    assert check_words(payload).endswith(unknown)


@pytest.mark.parametrize(
    ("password_saved", "locked_by"),
    [(True, "x"), (False, "x"), (True, "wrong_passwords_elsewhere")],
)
def test_a_session_x_sends_to_verify_the_account_is_locked_not_signed_in_again(
    sim: SimHarness, tmp_path: Path, password_saved: bool, locked_by: str
) -> None:
    """X locked the account after it was signed in (on its own, or after wrong passwords typed
    elsewhere): its saved session lands on /account/access. That is not an ended session: it
    is said as a lock (with or without a saved password), no sign-in is tried, now or by the
    next runs, and nothing on the page is touched."""
    sim.add("lou", "pw")
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "lou", "pw")
    eng = engine(ctx)
    (first,) = eng.run_check().accounts
    assert first.status is Status.FIXED, first.message
    if not password_saved:
        ctx.vault.delete_account("lou")  # signed in through the window: nothing saved
    if locked_by == "x":
        sim.lock_account("lou")
    else:
        _wrong_passwords_elsewhere_until_locked(sim, "lou")
    sim.set_box("lou", Box.TRAINING, True)
    mutations = sim.mutations("lou")
    signins = len(ctx.journal.entries(kinds=[EntryKind.SIGNIN]))
    rec = Recorder.new()
    (locked,) = eng.run_check(ask=rec.ask).accounts
    assert (locked.status, locked.reason) == (Status.NEEDS_USER, Reason.LOCKED), locked.message
    assert "locked" in locked.message
    assert len(ctx.journal.entries(kinds=[EntryKind.SIGNIN])) == signins  # none was tried
    assert sim.signin_outcomes("lou") == ["success"]  # the first run's only
    assert sim.mutations("lou") == mutations and sim.box("lou", Box.TRAINING)
    state = ctx.accounts.state("lou")
    assert state.block_reason is Reason.LOCKED and state.blocked_until is not None
    assert ctx.sessions.exists("lou")  # kept: it works again once the owner unlocks the account
    (again,) = eng.run_check(unattended=True).accounts
    assert again.reason is Reason.LOCKED
    assert sim.signin_outcomes("lou") == ["success"]
    # The owner unlocks it on X: the saved session reads the page again, and the lock no
    # longer holds sign-ins back, once the back-off's hours are over or not.
    sim.unlock_account("lou")
    (unlocked,) = eng.run_check(unattended=True).accounts
    assert unlocked.status is Status.FIXED, unlocked.message
    assert ctx.accounts.state("lou").block_reason is None
    if password_saved:
        sim.expire_sessions()
        (signed_in,) = eng.run_check(unattended=True).accounts
        assert signed_in.status is Status.OPTED_OUT, signed_in.message
        assert sim.signin_outcomes("lou") == ["success", "success"]


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


def _last_check_message(ctx: AppContext) -> str:
    return str(ctx.journal.entries(kinds=[EntryKind.CHECK])[-1].payload["message"])


def test_a_session_that_cannot_be_decrypted_is_said_and_journaled(
    sim: SimHarness, tmp_path: Path
) -> None:
    sim.add("cleo", "pw")
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "cleo", "pw")
    eng = engine(ctx)
    eng.run_check()
    path = ctx.sessions.path_for("cleo")
    damaged = bytearray(path.read_bytes())
    damaged[-1] ^= 0x01
    path.write_bytes(bytes(damaged))
    sim.set_box("cleo", Box.TRAINING, True)
    (cleo,) = eng.run_check().accounts
    assert cleo.status is Status.FIXED
    said = "The saved X session could not be read (it was set aside)"
    assert cleo.message.startswith(said) and "Unticked" in cleo.message
    assert _last_check_message(ctx) == cleo.message
    assert list(path.parent.glob(path.name + ".corrupt-*"))
    # Said once: the next check opens the new session without a word about it.
    (again,) = eng.run_check().accounts
    assert said not in again.message


def test_without_its_session_key_an_account_without_password_is_told_to_sign_in(
    sim: SimHarness, tmp_path: Path
) -> None:
    sim.add("dora", "pw")
    first = make_context(sim.origin, tmp_path / "home")
    add_account(first, "dora", "pw")
    engine(first).run_check()
    first.vault.delete_account("dora")  # a Google/Apple sign-in: no password saved
    first.vault.delete_session_key()  # the keyring lost its key
    first.journal.close()
    ctx = make_context(sim.origin, tmp_path / "home", vault=first.vault)
    (dora,) = engine(ctx).run_check().accounts
    assert dora.status is Status.NEEDS_USER
    # Not "the session expired": it could not be read, and now none is saved.
    assert dora.reason is Reason.NOT_SIGNED_IN
    from consentinel.cli.terminal import describe_result

    assert describe_result(dora).startswith("@dora: sign-in needed — ")
    assert "expired" not in describe_result(dora)
    assert dora.message.startswith("The saved X session could not be read (it was set aside)")
    assert "sign in yourself in a browser window" in dora.message
    assert "consentinel login dora" in dora.message
    assert _last_check_message(ctx) == dora.message


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


def _signed_in_once_then_signed_out(
    sim: SimHarness, tmp_path: Path, handle: str, lang: str, **account: object
) -> tuple[AppContext, Engine]:
    """A first check signs in (X then remembers the account's language in a cookie, as it
    does); then X ends the session, so the next check signs in on pages in that language."""
    sim.add(handle, "pw", lang=lang, **account)  # type: ignore[arg-type]
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, handle, "pw", totp_secret=account.get("totp_secret"))  # type: ignore[arg-type]
    eng = engine(ctx)
    (first,) = eng.run_check().accounts
    assert first.status is Status.FIXED, first.message
    sim.expire_sessions()
    sim.set_box(handle, Box.TRAINING, True)
    return ctx, eng


def test_a_wrong_password_in_a_language_we_do_not_read_is_still_sent_once(
    sim: SimHarness, tmp_path: Path
) -> None:
    """X's password step coming back after it had the password means it refused it, whatever
    its words: here German, which the engine has no words for."""
    ctx, eng = _signed_in_once_then_signed_out(sim, tmp_path, "dieter", "de")
    ctx.vault.set_password("dieter", "changed-on-x-since")  # the saved one is now wrong
    (dieter,) = eng.run_check().accounts
    assert (dieter.status, dieter.reason) == (Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD)
    assert "Falsches Passwort!" in dieter.message  # X's own words, so the page was German
    assert sim.signin_outcomes("dieter") == ["success", "wrong_password"]
    assert ctx.accounts.state("dieter").password_rejected
    eng.run_check()
    assert sim.signin_outcomes("dieter") == ["success", "wrong_password"]


def test_a_two_factor_step_in_a_language_we_do_not_read_uses_the_saved_secret(
    sim: SimHarness, tmp_path: Path
) -> None:
    """The step is told by the subtask X names, not only by its English or French wording."""
    _ctx, eng = _signed_in_once_then_signed_out(
        sim, tmp_path, "greta", "de", totp_secret=pyotp.random_base32()
    )
    recorder = Recorder.new()
    (greta,) = eng.run_check(ask=recorder.ask, unattended=True).accounts
    assert greta.status is Status.FIXED, greta.message
    assert recorder.prompts == []
    assert sim.signin_outcomes("greta") == ["success", "success"]


def test_a_refused_identity_answer_is_never_typed_again(sim: SimHarness, tmp_path: Path) -> None:
    """The app holds an email the account no longer uses: X refuses it once, and that is the
    end of it until the person steps in (X counts each refused answer against the account)."""
    sim.add("ivo", "pw", scenario="unusual_activity_email", email="ivo@new.example")
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "ivo", "pw", email="ivo@old.example")
    eng = engine(ctx)
    (ivo,) = eng.run_check(unattended=True).accounts
    assert (ivo.status, ivo.reason) == (Status.NEEDS_USER, Reason.UNUSUAL_ACTIVITY), ivo.message
    assert sim.signin_outcomes("ivo") == ["unusual_activity_failed"]
    assert ctx.accounts.state("ivo").waits_for_person is Reason.UNUSUAL_ACTIVITY
    eng.run_check(unattended=True)  # the next scheduled run leaves it to the person
    assert sim.signin_outcomes("ivo") == ["unusual_activity_failed"]
    # The person checks it: the refused address is not typed again (it is remembered, as a
    # hash); the person, asked, gives the one X knows, and it goes on.
    recorder = Recorder.new(email_or_phone="ivo@new.example")
    (ivo,) = eng.run_check(ask=recorder.ask).accounts
    assert ivo.status is Status.FIXED, ivo.message
    assert [p.kind for p in recorder.prompts] == [PromptKind.EMAIL_OR_PHONE]
    assert sim.signin_outcomes("ivo") == ["unusual_activity_failed", "success"]
    saved = ctx.paths.accounts_path.read_text()
    assert "ivo@old" not in saved.replace('"email": "ivo@old.example"', "")
    # A keyed hash (its key in the keyring): trying likely addresses does not find it again.
    (kept,) = ctx.accounts.state("ivo").refused_answers
    assert kept.startswith("hmac-sha256:") and kept in saved
    assert hashlib.sha256(b"ivo@old.example").hexdigest() not in saved


def test_a_sign_in_in_a_window_never_types_a_refused_identity_answer_again(
    sim: SimHarness, tmp_path: Path
) -> None:
    """`consentinel login` (and the window's "Sign in yourself") types what it
    may for the person: an email X refused there is remembered, and neither it nor a check
    types it again. Headless here, so nobody answers: each sign-in ends after its wait."""
    sim.add("ivo", "pw", scenario="unusual_activity_email", email="ivo@new.example")
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "ivo", "pw", email="ivo@old.example")
    eng = Engine(ctx, headless=True, interactive_headless=True, interactive_timeout_s=3)
    first = eng.login_interactive("ivo", headless=True)
    assert not first.ok and first.reason is Reason.UNUSUAL_ACTIVITY, first.message
    assert sim.signin_outcomes("ivo") == ["unusual_activity_failed"]
    assert len(ctx.accounts.state("ivo").refused_answers) == 1
    again = eng.login_interactive("ivo", headless=True)
    assert not again.ok
    assert sim.signin_outcomes("ivo") == ["unusual_activity_failed"]
    (ivo,) = eng.run_check(ask=Recorder.new(email_or_phone=None).ask).accounts
    assert (ivo.status, ivo.reason) == (Status.NEEDS_USER, Reason.UNUSUAL_ACTIVITY), ivo.message
    assert sim.signin_outcomes("ivo") == ["unusual_activity_failed"]


def test_an_unknown_handle_is_not_typed_again_by_scheduled_runs(
    sim: SimHarness, tmp_path: Path
) -> None:
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "nobodyhere", "pw")
    eng = engine(ctx)
    (first,) = eng.run_check(unattended=True).accounts
    assert first.reason is Reason.UNKNOWN_ACCOUNT
    (second,) = eng.run_check(unattended=True).accounts
    assert second.reason is Reason.UNKNOWN_ACCOUNT
    assert sim.signin_outcomes("nobodyhere") == ["unknown_account"]


def test_the_person_s_own_sign_in_is_the_only_one_under_way(
    sim: SimHarness, tmp_path: Path
) -> None:
    """One sign-in at a time, a person's in a visible window included: while anna's window
    is open, no other account signs in."""
    sim.add("anna", "pw", scenario="captcha")
    for handle in ("bert", "carl"):
        sim.add(handle, "pw")
    ctx = make_context(sim.origin, tmp_path / "home")
    for handle in ("anna", "bert", "carl"):
        add_account(ctx, handle, "pw")
    window: dict[str, float] = {}

    def ask(request: PromptRequest) -> str | None:
        if request.kind is PromptKind.FINISH_IN_BROWSER:
            window["opened"] = time.time()  # the window opens once this answers yes
            return "ok"
        return None

    anna_steps: list[Step] = []

    def on_event(event: Event) -> None:
        if isinstance(event, AccountStep) and event.handle == "anna":
            anna_steps.append(event.step)
        if isinstance(event, AccountFinished) and event.result.handle == "anna":
            window["closed"] = time.time()  # nobody solved the puzzle: it closed

    eng = Engine(
        ctx,
        headless=True,
        interactive_headless=True,
        page_timeout_s=6,
        signin_step_timeout_s=6,
        interactive_timeout_s=3,
    )
    result = eng.run_check(ask=ask, on_event=on_event)
    assert {a.handle: a.status for a in result.accounts} == {
        "anna": Status.NEEDS_USER,
        "bert": Status.FIXED,
        "carl": Status.FIXED,
    }
    # While the window is open, anna's row says so (not "Signing in…").
    assert Step.WAITING_FOR_PERSON in anna_steps
    assert anna_steps.index(Step.WAITING_FOR_PERSON) > anna_steps.index(Step.SIGNING_IN)
    others = sim.signin_times("bert") + sim.signin_times("carl")
    assert len(others) == 2
    assert not [t for t in others if window["opened"] < t < window["closed"]], (window, others)


def test_an_account_waiting_for_its_code_holds_back_only_the_other_sign_ins(
    sim: SimHarness, tmp_path: Path
) -> None:
    """While anna's code is asked for, the accounts whose saved session needs nobody are
    checked, even with one account checked at a time; dan, who must sign in, waits for his
    turn to sign in (one sign-in at a time: none while anna's is under way), holding no place,
    and signs in once anna's is over. anna's row says what it waits for."""
    secret = pyotp.random_base32()
    sim.add("anna", "pw", totp_secret=secret)
    for handle in ("dan", "bert", "carl"):
        sim.add(handle, "pw")
    ctx = make_context(sim.origin, tmp_path / "home", concurrency=1)
    add_account(ctx, "anna", "pw")  # no saved secret: anna's code is asked for
    for handle in ("dan", "bert", "carl"):
        add_account(ctx, handle, "pw")
    eng = engine(ctx)
    eng.run_check(["bert", "carl"])  # their sessions are saved
    for handle in ("bert", "carl"):
        sim.set_box(handle, Box.TRAINING, True)

    others_done = threading.Event()
    finished: list[str] = []
    steps: list[tuple[str, Step]] = []
    asked: dict[str, float] = {}

    def on_event(event: Event) -> None:
        if isinstance(event, AccountStep):
            steps.append((event.handle, event.step))
        if isinstance(event, AccountFinished):
            finished.append(event.result.handle)
            if {"bert", "carl"} <= set(finished):
                others_done.set()

    def ask(request: PromptRequest) -> str | None:
        asked["at"] = time.time()
        # Answered once the others are checked (or, if they wait for this answer, after 120 s:
        # a bound for the old code's wait only, which a busy computer's checks do not reach).
        others_done.wait(120)
        asked["answered"] = time.time()
        asked["finished then"] = float(len(finished))
        return pyotp.TOTP(secret).now()

    result = eng.run_check(["anna", "dan", "bert", "carl"], ask=ask, on_event=on_event)
    statuses = {a.handle: a.status for a in result.accounts}
    assert statuses == dict.fromkeys(("anna", "dan", "bert", "carl"), Status.FIXED), result
    assert finished[:2] in (["bert", "carl"], ["carl", "bert"]), finished
    assert asked["finished then"] == 2  # bert and carl were checked before anna's answer
    # dan signed in once anna's sign-in was over, not while her code was asked for.
    (dan_signed_in,) = sim.signin_times("dan")
    assert dan_signed_in > asked["answered"]
    assert ("dan", Step.WAITING_TO_SIGN_IN) in steps
    anna = [step for handle, step in steps if handle == "anna"]
    assert anna.index(Step.WAITING_FOR_CODE) > anna.index(Step.SIGNING_IN)
    assert anna[anna.index(Step.WAITING_FOR_CODE) + 1] is Step.SIGNING_IN  # once answered


def test_a_saved_2fa_secret_x_refuses_is_said_at_once_and_not_used_again(
    sim: SimHarness, tmp_path: Path
) -> None:
    """Its next code would come from the same secret: one refusal ends it, in words that
    point at the secret, not at a slow X. X locks an account after a few failures in a row,
    wrong codes included (x-reference §4): no later check, scheduled or the person's, makes
    another code from that secret until it is saved again, and scheduled checks then sign in."""
    right = pyotp.random_base32()
    sim.add("wendy", "pw", totp_secret=right)
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "wendy", "pw", totp_secret=pyotp.random_base32())  # not this account's
    eng = engine(ctx)
    (wendy,) = eng.run_check(unattended=True).accounts
    assert (wendy.status, wendy.reason) == (Status.NEEDS_USER, Reason.TWO_FACTOR), wendy.message
    assert "refused the code made from the saved 2FA secret" in wendy.message
    # X's 399 says the same of a sign-in it holds back (x-reference §3 gives no other sign at
    # the code step): the person learns the secret may be right, and how to put it back.
    assert "also when it holds sign-ins back for a while" in wendy.message, wendy.message
    said = "put it back with `consentinel account set-totp wendy --use-again`"
    assert said in wendy.message, wendy.message
    assert sim.signin_outcomes("wendy") == ["two_factor_failed"]
    # Journaled, so that the account added back from the journal keeps the secret unused.
    (signin,) = ctx.journal.entries(handle="wendy", kinds=[EntryKind.SIGNIN])
    assert signin.payload.get("2fa_secret_refused") is True
    # The person's checks, more than it takes X to lock the account: each asks them for the
    # code (they give none) and says why, and none types a code from the refused secret.
    for _ in range(sim.failures_to_lock("wendy")):
        nobody = Recorder.new()
        (wendy,) = eng.run_check(ask=nobody.ask).accounts
        assert (wendy.status, wendy.reason) == (Status.NEEDS_USER, Reason.TWO_FACTOR)
        assert "refused the code made from the saved 2FA secret" in wendy.message
        assert [p.kind for p in nobody.prompts] == [PromptKind.TWO_FACTOR_CODE]
    assert sim.signin_outcomes("wendy") == ["two_factor_failed"]
    assert not sim.locked("wendy")
    # A later scheduled check waits for the person, and says why as the first one did (not
    # "save the account's 2FA secret" as if none were saved).
    (wendy,) = eng.run_check(unattended=True).accounts
    assert (wendy.status, wendy.reason) == (Status.NEEDS_USER, Reason.TWO_FACTOR)
    assert "refused the code made from the saved 2FA secret" in wendy.message, wendy.message
    assert sim.signin_outcomes("wendy") == ["two_factor_failed"]
    # The secret saved again (the right one): the next scheduled check signs in with it.
    assert ctx.accounts.state("wendy").waits_for_person is Reason.TWO_FACTOR
    ctx.vault.set_totp("wendy", right)
    ctx.accounts.totp_saved("wendy")  # as "Edit account…" and set-totp do
    (wendy,) = eng.run_check(unattended=True).accounts
    assert wendy.status is Status.FIXED, wendy.message
    assert sim.signin_outcomes("wendy") == ["two_factor_failed", "success"]
    state = ctx.accounts.state("wendy")
    assert state.refused_totp is None and state.waits_for_person is None


def test_a_person_present_types_the_code_when_x_refuses_the_saved_secret_s(
    sim: SimHarness, tmp_path: Path
) -> None:
    """X calls the saved secret's code incorrect during a check someone started (an `ask` that
    answers): they are asked for the code in that same check, and their code signs in. The
    secret is still marked refused and journaled as such: the next check asks them again,
    and makes no code from it."""
    right = pyotp.random_base32()
    sim.add("wren", "pw", totp_secret=right)
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "wren", "pw", totp_secret=pyotp.random_base32())  # not this account's
    person = Recorder.new()

    def ask(request: PromptRequest) -> str | None:
        person.ask(request)
        return pyotp.TOTP(right).now()

    (wren,) = engine(ctx).run_check(ask=ask).accounts
    assert wren.status is Status.FIXED, wren.message
    assert [p.kind for p in person.prompts] == [PromptKind.TWO_FACTOR_CODE]
    # Asked saying that X refused the saved secret's code (the window and the terminal tell).
    assert [p.saved_code_refused for p in person.prompts] == [True]
    assert sim.signin_outcomes("wren") == ["two_factor_failed", "success"]  # one sign-in
    (signin,) = ctx.journal.entries(handle="wren", kinds=[EntryKind.SIGNIN])
    assert signin.payload.get("2fa_secret_refused") is True
    assert ctx.accounts.state("wren").refused_totp is not None


def test_nobody_types_a_code_when_x_refuses_the_saved_secret_s_in_a_scheduled_check(
    sim: SimHarness, tmp_path: Path
) -> None:
    """The same refusal in a scheduled check: nobody is asked, the check waits for the person."""
    sim.add("wade", "pw", totp_secret=pyotp.random_base32())
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "wade", "pw", totp_secret=pyotp.random_base32())
    rec = Recorder.new(two_factor_code="123456")
    (wade,) = engine(ctx).run_check(ask=rec.ask, unattended=True).accounts
    assert (wade.status, wade.reason) == (Status.NEEDS_USER, Reason.TWO_FACTOR), wade.message
    assert rec.prompts == []
    assert sim.signin_outcomes("wade") == ["two_factor_failed"]
    assert ctx.accounts.state("wade").waits_for_person is Reason.TWO_FACTOR


#: What a check says of a saved secret whose code X refused ("Incorrect"), and only of it.
_SECRET_REFUSED_WORDS = "refused the code made from the saved 2FA secret"


#: How X fails at the saved secret's code (one account each), and how the check ends.
_CODE_FAULTS = {
    "ann": ("server_error", Status.ERROR, Reason.NETWORK),  # a 500 page
    "bea": ("connection_reset", Status.ERROR, Reason.NETWORK),  # no answer: X never judged it
    "cyd": ("went_wrong", Status.ERROR, Reason.NETWORK),  # X's own error (131)
    "eve": ("not_authenticated", Status.NEEDS_USER, Reason.TWO_FACTOR),  # not "Incorrect" (399)
    "dan": ("slow", Status.ERROR, Reason.TIMEOUT),  # no answer
}


def test_x_failing_at_the_saved_secret_s_code_does_not_mark_the_secret_refused(
    sim: SimHarness, tmp_path: Path
) -> None:
    """Only X's "Incorrect" says the saved secret's codes are wrong. X failing at the code (a
    500 page, a cut connection, an error of its own that says "Something went wrong", no
    answer) says nothing of the secret: the check ends, the secret is not marked refused, and
    the next check signs in with a code from it without asking anyone; words of X's that are
    neither its "Incorrect" nor its failing are said as such. (One check for all five: the
    next one waits for the next 30-second code, never reusing one, once only.)"""
    ctx = make_context(sim.origin, tmp_path / "home")
    for handle, (fault, _status, _reason) in _CODE_FAULTS.items():
        secret = pyotp.random_base32()
        sim.add(handle, "pw", totp_secret=secret, x_fails_at={"two_factor": fault})
        add_account(ctx, handle, "pw", totp_secret=secret)
    eng = engine(ctx)
    results = {r.handle: r for r in eng.run_check(unattended=True).accounts}
    for handle, (fault, status, reason) in _CODE_FAULTS.items():
        result = results[handle]
        assert (result.status, result.reason) == (status, reason), (fault, result.message)
        assert _SECRET_REFUSED_WORDS not in result.message, fault
        if reason is Reason.TWO_FACTOR:  # X's other words: said as such, the secret kept
            assert "without saying it was wrong" in result.message
        if reason is Reason.TIMEOUT:  # the wait for X's answer, not the 0.3 s of its last slice
            seconds = round(SIGNIN_STEP_TIMEOUT_S)
            waited = tr_in("en", "no answer within {seconds} s", seconds=seconds)
            assert result.message == reason_message(Reason.TIMEOUT, handle, waited)
        if fault == "went_wrong":  # X said it failed: said so, the secret kept, try later
            assert "does not mean the secret is wrong" in result.message, result.message
            assert "try again later" in result.message.lower()
        assert "Save the account's 2FA secret" not in result.message, fault
        assert sim.signin_outcomes(handle) == ["two_factor_fault"], fault  # X had the code
        state = ctx.accounts.state(handle)  # as the accounts file has it
        assert state.refused_totp is None, fault
        # A step only the person can take stops scheduled checks (not X failing as such).
        waits = Reason.TWO_FACTOR if reason is Reason.TWO_FACTOR else None
        assert state.waits_for_person is waits, fault
        sim.x_recovers(handle)
    # X answers again: the person's next check signs in with codes from the saved secrets.
    nobody = Recorder.new()
    results = {r.handle: r for r in eng.run_check(ask=nobody.ask).accounts}
    assert nobody.prompts == []
    for handle, (fault, _status, _reason) in _CODE_FAULTS.items():
        assert results[handle].status is Status.FIXED, (fault, results[handle].message)
        assert sim.signin_outcomes(handle) == ["two_factor_fault", "success"], fault
        assert ctx.accounts.state(handle).refused_totp is None, fault


def test_later_scheduled_checks_say_x_did_not_take_the_saved_secret_s_code(
    sim: SimHarness, tmp_path: Path
) -> None:
    """X answered the saved secret's code with words other than "Incorrect": the scheduled
    checks after it wait for the person and say what the first one said, that X did not take
    the code, not "save the account's 2FA secret" (one is saved, and still used after the
    person signs in). Across a restart: it is read from the accounts file."""
    secret = pyotp.random_base32()
    sim.add("cyd", "pw", totp_secret=secret, x_fails_at={"two_factor": "not_authenticated"})
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "cyd", "pw", totp_secret=secret)
    (first,) = engine(ctx).run_check(unattended=True).accounts
    assert (first.status, first.reason) == (Status.NEEDS_USER, Reason.TWO_FACTOR), first.message
    assert "without saying it was wrong" in first.message
    again = make_context(sim.origin, tmp_path / "home", vault=ctx.vault)
    (later,) = engine(again).run_check(unattended=True).accounts
    assert (later.status, later.reason) == (Status.NEEDS_USER, Reason.TWO_FACTOR)
    # What the first said, after that no sign-in was tried (since that one).
    assert later.message.startswith("Not signed in: a sign-in stopped on "), later.message
    assert later.message.endswith(f" {first.message}")
    assert "set-totp" not in later.message
    assert sim.signin_outcomes("cyd") == ["two_factor_fault"]  # no sign-in tried again


def test_x_refusing_the_sign_in_after_the_saved_secret_s_code_does_not_mark_the_secret_refused(
    sim: SimHarness, tmp_path: Path
) -> None:
    """X takes the saved secret's code, then refuses the sign-in ("Could not log you in now",
    its DenyLoginSubtask): a refusal of the sign-in, backed off from, not of the code. Once the
    back-off is over and X no longer refuses, a scheduled check signs in with a code from the
    same secret."""
    secret = pyotp.random_base32()
    sim.add("zack", "pw", totp_secret=secret, scenario="refused_after_code")
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "zack", "pw", totp_secret=secret)
    eng = engine(ctx)
    (zack,) = eng.run_check(unattended=True).accounts
    assert (zack.status, zack.reason) == (Status.SIGNIN_FAILED, Reason.REFUSED), zack.message
    assert _SECRET_REFUSED_WORDS not in zack.message
    assert sim.signin_outcomes("zack") == ["refused"]
    (steps,) = sim.signin_steps("zack")
    assert steps[-2:] == ["LoginTwoFactorAuthChallenge", "DenyLoginSubtask"]  # right after it
    state = ctx.accounts.state("zack")
    assert state.refused_totp is None
    assert state.block_reason is Reason.REFUSED and state.waits_for_person is None
    # The back-off over, X no longer refusing.
    sim.x_recovers("zack")
    over = datetime.now(timezone.utc) - timedelta(minutes=1)
    ctx.accounts.set_state("zack", state._replace(blocked_until=over))
    (zack,) = eng.run_check(unattended=True).accounts
    assert zack.status is Status.FIXED, zack.message
    assert sim.signin_outcomes("zack") == ["refused", "success"]
    assert "LoginTwoFactorAuthChallenge" in sim.signin_steps("zack")[-1]
    assert ctx.accounts.state("zack").refused_totp is None


def test_a_code_typed_wrong_twice_is_seen_refused_twice(sim: SimHarness, tmp_path: Path) -> None:
    """X says "Incorrect" again in a new message with the same words: seen as a new answer."""
    sim.add("xavi", "pw", totp_secret=pyotp.random_base32())
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "xavi", "pw")
    recorder = Recorder.new(two_factor_code="000000")
    (xavi,) = engine(ctx).run_check(ask=recorder.ask).accounts
    assert (xavi.status, xavi.reason) == (Status.NEEDS_USER, Reason.TWO_FACTOR), xavi.message
    assert sim.signin_outcomes("xavi") == ["two_factor_failed", "two_factor_failed"]
    assert [p.kind for p in recorder.prompts] == [PromptKind.TWO_FACTOR_CODE] * 2
    # Said as such: the typed codes were refused, and one more may get the account locked.
    assert "refused the two-factor codes typed" in xavi.message, xavi.message
    assert "lock the account" in xavi.message
