"""X misbehaving in ways the e2e tests do not already cover: rate limits (no retry storm, a
recorded back-off), a save that always fails, a session that expires between two steps."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.engine import Engine
from consentinel.core.events import AccountStep, Event
from consentinel.core.journal import EntryKind
from consentinel.core.paths import AppPaths
from consentinel.core.settings import Settings
from consentinel.core.status import Box, Reason, Status
from consentinel.core.steps import Step
from consentinel.core.vault import MemoryKeyring, Vault
from consentinel.simx import SimAccount

GROK_PAGE = "GET /settings/grok_settings"


def _context(origin: str, home: Path, *handles: str) -> AppContext:
    ctx = AppContext.create(
        AppPaths.under(home), vault=Vault(MemoryKeyring()), settings=Settings(x_origin=origin)
    )
    for handle in handles:
        ctx.accounts.add(Account(handle))
        ctx.vault.set_password(handle, f"pw-{handle}")
    return ctx


def _engine(ctx: AppContext) -> Engine:
    return Engine(ctx, headless=True, page_timeout_s=8, signin_step_timeout_s=8)


def test_rate_limit_backs_off_and_is_not_retried(simx: Any, consentinel_home: Path) -> None:
    sim = simx(SimAccount("rita", "pw-rita", fault="rate_limit"))
    ctx = _context(sim.origin, consentinel_home, "rita")
    (rita,) = _engine(ctx).run_check().accounts
    assert (rita.status, rita.reason) == (Status.ERROR, Reason.RATE_LIMITED), rita.message
    queries = [r for r in sim.world.requests if r.endswith("/GrokSettingsScreenQuery")]
    assert 1 <= len(queries) <= 2, queries  # one refused read, at most one retry: no storm
    # The back-off is recorded, and the next run leaves X alone.
    state = ctx.accounts.state("rita")
    assert state.blocked_until is not None and state.block_reason is Reason.RATE_LIMITED
    assert (state.last_status, state.last_reason) == (Status.ERROR, Reason.RATE_LIMITED)
    requests_before = len(sim.world.requests)
    (again,) = _engine(ctx).run_check().accounts
    assert again.reason is Reason.RATE_LIMITED and "before" in again.message, again.message
    assert sim.world.requests[requests_before:] == []
    assert sim.boxes("rita")["training"] is True


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_check_skipped_by_a_rate_limit_says_since_when_x_asked(
    simx: Any, consentinel_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """X answered "too many requests"; the checks during the back-off send X nothing and said
    only until when. Each now says since when too, as a sign-in's back-off does: the check X
    answered so, not the skip before it, in its sentence, its entry, `consentinel log` and the
    journal window, and not as a sign-in X stopped; a journal without that check says none."""
    from consentinel.cli.log_words import entry_line
    from consentinel.core.events import BackOff
    from consentinel.core.moments import moment_text

    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    sim = simx(SimAccount("rita", "pw-rita", fault="rate_limit"))
    ctx = _context(sim.origin, consentinel_home, "rita")
    (first,) = _engine(ctx).run_check().accounts
    assert first.reason is Reason.RATE_LIMITED and first.backoff is None, first.message
    (said,) = ctx.journal.entries(handle="rita", kinds=[EntryKind.CHECK])
    requests_before = len(sim.world.requests)
    skips = [_engine(ctx).run_check().accounts[0] for _ in range(2)]
    assert sim.world.requests[requests_before:] == []  # X was sent nothing
    until = moment_text(ctx.accounts.state("rita").blocked_until)  # type: ignore[arg-type]
    sentence = {
        "en": f"X asked to slow down on {moment_text(said.at)}: Consentinel sends no request "
        f"for @rita before {until}.",
        "fr": f"X a demandé de ralentir le {moment_text(said.at)}\u00a0: Consentinel n'envoie "
        f"aucune requête pour @rita avant le {until}.",
    }[lang]
    for skip in skips:  # the second skip too: since X said it, not since the first skip
        assert (skip.reason, skip.backoff) == (Reason.RATE_LIMITED, BackOff(said.at))
        assert skip.message == sentence, skip.message
    entries = ctx.journal.entries(handle="rita", kinds=[EntryKind.CHECK])
    assert "backoff" not in entries[0].payload
    assert [e.payload["backoff"] for e in entries[1:]] == [{"since": said.at.isoformat()}] * 2
    when = said.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    logged = {
        "en": f"X asked to slow down (no request sent: waiting out the back-off X asked for "
        f"at {when})",
        "fr": "X a demandé de ralentir (aucune requête envoyée\u00a0: attente de la fin du "
        f"délai demandé par X le {when})",
    }[lang]
    assert entry_line(entries[0]).endswith("X asked to slow down" if lang == "en" else "ralentir")
    assert entry_line(entries[2]).endswith(logged), entry_line(entries[2])
    assert "sign-in" not in entry_line(entries[2]) and "connexion" not in entry_line(entries[2])
    without = {**entries[2].payload, "backoff": {"since": None}}
    earlier = {
        "en": "(no request sent: waiting out the back-off X asked for earlier)",
        "fr": "(aucune requête envoyée\u00a0: attente de la fin du délai demandé plus tôt par X)",
    }[lang]
    assert entry_line(entries[2]._replace(payload=without)).endswith(earlier)

    # A journal begun afresh (the accounts file kept): the skip says no time, and "earlier".
    other = AppPaths.under(tmp_path / "afresh")
    other.accounts_path.parent.mkdir(parents=True, exist_ok=True)
    other.accounts_path.write_bytes(ctx.paths.accounts_path.read_bytes())
    fresh = AppContext.create(
        other, vault=Vault(MemoryKeyring()), settings=Settings(x_origin=sim.origin)
    )
    (skip,) = _engine(fresh).run_check().accounts
    assert (skip.reason, skip.backoff) == (Reason.RATE_LIMITED, BackOff(None))
    assert skip.message.startswith(
        {"en": "X asked to slow down earlier: ", "fr": "X a demandé de ralentir plus tôt\u00a0: "}[
            lang
        ]
    ), skip.message
    assert sim.world.requests[requests_before:] == []


def test_something_went_wrong_page_is_not_retried_in_a_loop(
    simx: Any, consentinel_home: Path
) -> None:
    sim = simx(SimAccount("owen", "pw-owen", fault="http_500"))
    ctx = _context(sim.origin, consentinel_home, "owen")
    (owen,) = _engine(ctx).run_check().accounts
    assert (owen.status, owen.reason) == (Status.ERROR, Reason.NETWORK), owen.message
    assert 1 <= sim.world.requests.count(GROK_PAGE) <= 2  # at most one retry
    assert sim.mutations("owen") == [] and sim.boxes("owen")["training"] is True


@pytest.mark.parametrize("failure_status", [500, 200])
def test_a_save_that_always_fails_is_tried_twice_then_save_failed(
    simx: Any, consentinel_home: Path, failure_status: int
) -> None:
    """Whether X says no with an HTTP error or with a 200 holding GraphQL "errors", only the
    value read back after a reload counts."""
    sim = simx(SimAccount("tess", "pw-tess", fail_mutations=10, failure_status=failure_status))
    ctx = _context(sim.origin, consentinel_home, "tess")
    ctx.accounts.update(Account("tess", keep=frozenset({Box.TRAINING})))
    (tess,) = _engine(ctx).run_check().accounts
    assert (tess.status, tess.reason) == (Status.ERROR, Reason.SAVE_FAILED), tess.message
    assert len(sim.mutations("tess")) == 2  # the first try and one retry, no more
    assert sim.boxes("tess")["training"] is True
    (change,) = ctx.journal.entries(handle="tess", kinds=[EntryKind.CHANGE])
    assert change.payload["confirmed"] is False


def _expire_when_unticking(sim: Any) -> Any:
    expired: list[bool] = []

    def on_event(event: Event) -> None:
        # After the page was read with a good session, before the first untick reaches X.
        if isinstance(event, AccountStep) and event.step is Step.UNTICKING and not expired:
            sim.expire_sessions()
            expired.append(True)

    return on_event, expired


def test_session_expired_between_read_and_untick_signs_in_once_more(
    simx: Any, consentinel_home: Path
) -> None:
    sim = simx(SimAccount("uma", "pw-uma"))
    ctx = _context(sim.origin, consentinel_home, "uma")
    on_event, expired = _expire_when_unticking(sim)
    (uma,) = _engine(ctx).run_check(on_event=on_event).accounts
    assert expired
    assert uma.status is Status.FIXED, (uma.reason, uma.message)
    assert len(sim.signin_attempts("uma")) == 2  # the first sign-in and exactly one more
    assert sim.boxes("uma") == {"training": False, "personalization": False, "memory": True}


def test_session_expired_between_steps_without_a_password_needs_the_user(
    simx: Any, consentinel_home: Path
) -> None:
    sim = simx(SimAccount("vera", "pw-vera"))
    ctx = _context(sim.origin, consentinel_home, "vera")
    _engine(ctx).run_check(dry_run=True)  # signs in and saves the session
    ctx.vault.delete_account("vera")  # no password any more: no automatic sign-in allowed
    on_event, expired = _expire_when_unticking(sim)
    (vera,) = _engine(ctx).run_check(on_event=on_event).accounts
    assert expired
    assert vera.status is Status.NEEDS_USER, (vera.reason, vera.message)
    assert vera.reason is Reason.SESSION_EXPIRED and "expired" in vera.message
    assert len(sim.signin_attempts("vera")) == 1


def test_an_account_never_signed_in_and_with_no_password_is_not_told_its_session_expired(
    simx: Any, consentinel_home: Path
) -> None:
    """Added without a password and never signed in: no session ever existed, so nothing
    "expired"; the person is told what is missing and the two ways to give it."""
    sim = simx(SimAccount("nina", "pw-nina"))
    ctx = _context(sim.origin, consentinel_home)
    ctx.accounts.add(Account("nina"))
    (nina,) = _engine(ctx).run_check().accounts
    assert (nina.status, nina.reason) == (Status.NEEDS_USER, Reason.NOT_SIGNED_IN), nina.message
    assert "expired" not in nina.message
    assert "consentinel login nina" in nina.message and "set-password nina" in nina.message
    assert sim.signin_attempts("nina") == []
    assert sim.boxes("nina")["training"] is True


def test_session_expired_after_one_box_keeps_what_was_done(
    simx: Any, consentinel_home: Path
) -> None:
    sim = simx(SimAccount("zoe", "pw-zoe"))
    ctx = _context(sim.origin, consentinel_home, "zoe")
    unticking: list[bool] = []

    def on_event(event: Event) -> None:
        # Training is unticked and read back; X ends the session before personalization.
        if isinstance(event, AccountStep) and event.step is Step.UNTICKING:
            unticking.append(True)
            if len(unticking) == 2:
                sim.expire_sessions()

    (zoe,) = _engine(ctx).run_check(on_event=on_event).accounts
    assert zoe.status is Status.FIXED, (zoe.reason, zoe.message)
    assert len(sim.signin_attempts("zoe")) == 2
    # Both boxes are reported as changed by this check, though training was done before.
    assert zoe.settings[Box.TRAINING].before is True and zoe.settings[Box.TRAINING].after is False
    assert zoe.settings[Box.PERSONALIZATION].after is False
    assert sim.boxes("zoe") == {"training": False, "personalization": False, "memory": True}


@pytest.mark.parametrize("page", ["/i/flow/login", "/settings/grok_settings"])
def test_x_going_away_mid_check_is_a_network_failure_not_a_changed_page(
    simx: Any, consentinel_home: Path, page: str
) -> None:
    """X stops answering just after it sent the sign-in page or the Grok page: their script
    never comes and the page never draws. That is X unreachable, not a page X changed, and no
    screenshot of a spinner (nor a claim of one) is kept."""
    sim = simx(SimAccount("nia", "pw-nia"), render_delay_ms=1500, latency_ms=400)
    ctx = _context(sim.origin, consentinel_home, "nia")
    if page == "/settings/grok_settings":
        _engine(ctx).run_check(dry_run=True)  # signs in and saves the session
    sim.vanish_after(page)
    quick = Engine(ctx, headless=True, page_timeout_s=4, signin_step_timeout_s=4)
    (nia,) = quick.run_check().accounts
    assert f"GET {page}" in sim.world.requests  # X did send that page before going away
    assert (nia.status, nia.reason) == (Status.ERROR, Reason.NETWORK), nia.message
    assert nia.message.startswith("Could not reach X from this computer: "), nia.message
    assert "screenshot" not in nia.message
    assert nia.evidence is None
    assert not ctx.journal.entries(kinds=[EntryKind.EVIDENCE])


def test_x_going_away_is_said_in_french_with_its_typography(
    simx: Any, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Why X could not be reached follows a colon: in French, with the non-breaking space
    before it ("… depuis cet ordinateur : la connexion…"), not glued to the word."""
    sim = simx(SimAccount("noa", "pw-noa"), render_delay_ms=1500, latency_ms=400)
    ctx = _context(sim.origin, consentinel_home, "noa")
    _engine(ctx).run_check(dry_run=True)
    sim.vanish_after("/settings/grok_settings")
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    quick = Engine(ctx, headless=True, page_timeout_s=4, signin_step_timeout_s=4)
    (noa,) = quick.run_check().accounts
    assert noa.reason is Reason.NETWORK, noa.message
    assert noa.message.startswith("Impossible de joindre X depuis cet ordinateur\u00a0: ")
    assert "ordinateur:" not in noa.message
