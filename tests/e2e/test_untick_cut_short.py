"""An untick X may have made, cut short before it was read back: X ended the session between
the click and the reload. The check's entry says that box as unknown ("X may have switched it
off") with every other box as read, whether the check then ends cancelled or for want of a
sign-in, and the mark a killed process would have left (core/pending_unticks.py) is gone once
the entry says it. One X refused (its answer said so) is not said as maybe changed.

Real Chromium against simx: `mutation_hang` makes X apply the untick and hold its answer back;
the session is ended while it is held, so the reload finds X signed out.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from consentinel.core.accounts import Account
from consentinel.core.check_sentences import sentence_for_reader
from consentinel.core.context import AppContext
from consentinel.core.engine import Engine
from consentinel.core.events import AccountStep, BoxChange, CancelToken, Event
from consentinel.core.journal import EntryKind
from consentinel.core.paths import AppPaths
from consentinel.core.pending_unticks import FOLDER_NAME
from consentinel.core.settings import Settings
from consentinel.core.status import Box, Reason, Status
from consentinel.core.steps import Step
from consentinel.core.vault import MemoryKeyring, Vault
from consentinel.simx import SimAccount

pytestmark = pytest.mark.browser

BOTH = frozenset({Box.TRAINING, Box.PERSONALIZATION})
CUT_SHORT = "Stopped while unticking Training: X may have switched it off"


def _context(
    home: Path, origin: str, handle: str, keep: frozenset[Box] | None = None
) -> AppContext:
    ctx = AppContext.create(
        AppPaths.under(home), vault=Vault(MemoryKeyring()), settings=Settings(x_origin=origin)
    )
    ctx.accounts.add(Account(handle) if keep is None else Account(handle, keep=keep))
    ctx.vault.set_password(handle, f"pw-{handle}")
    return ctx


def _engine(ctx: AppContext) -> Engine:
    # X's answer to the untick is waited for 4 s, then the page is reloaded and read back.
    return Engine(ctx, headless=True, page_timeout_s=4, signin_step_timeout_s=8)


def _end_session_once_applied(sim: Any, then: CancelToken | None = None) -> threading.Thread:
    """X applied the untick (its answer held back): X ends every session, and the person
    presses Cancel if `then` is given."""

    def end() -> None:
        if sim.mutation_hanging.wait(timeout=120):
            sim.expire_sessions()
            if then is not None:
                then.cancel()

    thread = threading.Thread(target=end, daemon=True)
    thread.start()
    return thread


def _entry_settings(ctx: AppContext, handle: str) -> dict[str, Any]:
    check = ctx.journal.last_check(handle)
    assert check is not None
    return dict(check.payload["settings"])


def test_cancel_after_x_ended_the_session_mid_untick_says_the_box_unknown(
    simx: Any, consentinel_home: Path
) -> None:
    sim = simx(SimAccount("kim", "pw-kim", fault="mutation_hang"))
    ctx = _context(consentinel_home, sim.origin, "kim")
    token = CancelToken()
    ender = _end_session_once_applied(sim, then=token)
    (kim,) = _engine(ctx).run_check(cancel=token).accounts
    ender.join(timeout=5)

    assert sim.boxes("kim")["training"] is False  # X made it
    assert (kim.status, kim.reason) == (Status.ERROR, Reason.CANCELLED), kim.message
    assert CUT_SHORT in kim.message
    # Not "on as read" (the first reading): unknown, and the other boxes as read.
    assert kim.settings[Box.TRAINING] == BoxChange(True, None)
    assert kim.settings[Box.PERSONALIZATION] == BoxChange(True, True)
    assert _entry_settings(ctx, "kim")["training"]["after"] is None
    assert ctx.journal.entries(kinds=[EntryKind.CHANGE]) == []  # nothing read back
    assert list((ctx.paths.data_dir / FOLDER_NAME).glob("*.json")) == []


def test_a_check_that_cannot_sign_in_again_after_a_cut_untick_says_the_box_unknown(
    simx: Any, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sim = simx(SimAccount("lev", "pw-lev", fault="mutation_hang"))
    ctx = _context(consentinel_home, sim.origin, "lev")
    _engine(ctx).run_check(dry_run=True)  # signs in and keeps the session
    ctx.vault.delete_account("lev")  # no password: no sign-in may follow the session's end
    ender = _end_session_once_applied(sim)
    (lev,) = _engine(ctx).run_check().accounts
    ender.join(timeout=5)

    assert sim.boxes("lev")["training"] is False
    assert (lev.status, lev.reason) == (Status.NEEDS_USER, Reason.SESSION_EXPIRED), lev.message
    assert "expired" in lev.message and lev.message.endswith(
        "X may have switched it off; the next check reads it again."
    )
    assert CUT_SHORT in lev.message
    assert lev.settings[Box.TRAINING] == BoxChange(True, None)
    assert not lev.all_off
    settings = _entry_settings(ctx, "lev")
    assert settings["training"]["after"] is None
    assert settings["personalization"] == {"before": True, "after": True, "disabled": False}
    assert list((ctx.paths.data_dir / FOLDER_NAME).glob("*.json")) == []
    # Read in French (the window's language, the check's English): said again whole.
    entry = ctx.journal.last_check("lev")
    assert entry is not None
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    said = sentence_for_reader(entry.payload, "lev", (Box.TRAINING,))
    assert said.written_in is None, said
    assert "expiré" in said.text and "Arrêté en décochant Entraînement" in said.text, said


def test_an_untick_x_refused_for_a_session_it_had_ended_is_not_said_as_maybe_made(
    simx: Any, consentinel_home: Path
) -> None:
    """X ended the session before the click: X's answer (401) says nothing changed."""
    sim = simx(SimAccount("meg", "pw-meg"))
    ctx = _context(consentinel_home, sim.origin, "meg")
    _engine(ctx).run_check(dry_run=True)
    ctx.vault.delete_account("meg")
    ended: list[bool] = []

    def on_event(event: Event) -> None:
        if isinstance(event, AccountStep) and event.step is Step.UNTICKING and not ended:
            sim.expire_sessions()
            ended.append(True)

    (meg,) = _engine(ctx).run_check(on_event=on_event).accounts
    assert ended and sim.boxes("meg")["training"] is True
    assert meg.reason is Reason.SESSION_EXPIRED, meg.message
    assert "Stopped while unticking" not in meg.message
    assert meg.settings == {}
    assert list((ctx.paths.data_dir / FOLDER_NAME).glob("*.json")) == []


def _unticked_once_then_switched_back_on(ctx: AppContext, sim: Any, handle: str) -> None:
    """A first check unticks both boxes; X then switches them back on."""
    (first,) = _engine(ctx).run_check().accounts
    assert first.status is Status.FIXED, first.message
    sim.set_box(handle, "training", True)
    sim.set_box(handle, "personalization", True)


def _hang_and_end_session_at_untick(sim: Any, handle: str, nth: int) -> Any:
    """From the `nth` untick of the check on, X applies each and holds its answer back; the
    session is ended while the first so held waits (the thread `_end_session_once_applied`)."""
    unticks: list[bool] = []

    def on_event(event: Event) -> None:
        if isinstance(event, AccountStep) and event.step is Step.UNTICKING:
            unticks.append(True)
            if len(unticks) == nth:
                sim.change_account(handle, fault="mutation_hang")

    return on_event


def test_a_cut_untick_read_back_off_once_signed_in_again_is_this_checks_change(
    simx: Any, consentinel_home: Path
) -> None:
    """X made the untick and ended the session before the reload; signed in again, the box
    reads off: this check switched it off (an untick of a box X had switched back on), not a
    box found off. It is journaled and photographed as such, and the switch is said."""
    from consentinel.core.notify import NotificationKind, notifications_for

    sim = simx(SimAccount("ned", "pw-ned"))
    ctx = _context(consentinel_home, sim.origin, "ned", BOTH)
    _unticked_once_then_switched_back_on(ctx, sim, "ned")
    sim.set_box("ned", "personalization", False)  # (only training was switched back on)
    ender = _end_session_once_applied(sim)
    run = _engine(ctx).run_check(on_event=_hang_and_end_session_at_untick(sim, "ned", 1))
    ender.join(timeout=5)
    (ned,) = run.accounts

    assert sim.boxes("ned")["training"] is False
    assert len(sim.signin_attempts("ned")) == 2  # the first check's, and this one's again
    assert ned.status is Status.FIXED, ned.message
    assert ned.settings[Box.TRAINING] == BoxChange(True, False)
    assert ned.reverted_by_x == (Box.TRAINING,)
    assert "X had switched Training back on" in ned.message
    changes = [c for c in ctx.journal.entries(kinds=[EntryKind.CHANGE]) if c.run_id == run.run_id]
    assert [(c.payload["box"], c.payload["confirmed"], c.payload["reverted_by_x"])
            for c in changes] == [("training", True, True)]  # fmt: skip
    shots = [e for e in ctx.journal.entries(kinds=[EntryKind.EVIDENCE]) if e.run_id == run.run_id]
    assert len(shots) == 1 and (ctx.paths.evidence_dir / shots[0].payload["path"]).is_file()
    notes = notifications_for(run)
    assert [n.kind for n in notes] == [NotificationKind.REVERTED_BY_X], notes
    assert list((ctx.paths.data_dir / FOLDER_NAME).glob("*.json")) == []


def test_a_check_that_ends_after_unticking_says_what_it_did_and_what_it_cut_short(
    simx: Any, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Training (switched back on by X) is unticked and read back; X ends the session during
    personalization's untick and no sign-in may follow: the check's result says both, the
    switch is notified, and a reader in French gets the same sentence made again."""
    from consentinel.core.notify import NotificationKind, notifications_for

    sim = simx(SimAccount("ora", "pw-ora"))
    ctx = _context(consentinel_home, sim.origin, "ora", BOTH)
    _unticked_once_then_switched_back_on(ctx, sim, "ora")
    ctx.vault.delete_account("ora")  # no password: no sign-in may follow the session's end
    ender = _end_session_once_applied(sim)
    run = _engine(ctx).run_check(on_event=_hang_and_end_session_at_untick(sim, "ora", 2))
    ender.join(timeout=5)
    (ora,) = run.accounts

    assert (ora.status, ora.reason) == (Status.NEEDS_USER, Reason.SESSION_EXPIRED), ora.message
    assert ora.message.startswith(
        "X had switched Training back on. Unticked and read back off: Training. "
    ), ora.message
    assert ora.message.endswith(
        "Stopped while unticking Personalization: X may have switched it off; the next check "
        "reads it again."
    )
    assert ora.settings[Box.TRAINING] == BoxChange(True, False)
    assert ora.settings[Box.PERSONALIZATION] == BoxChange(True, None)
    assert ora.reverted_by_x == (Box.TRAINING,)
    kinds = [n.kind for n in notifications_for(run)]  # X's switch, and the person needed
    assert kinds == [NotificationKind.REVERTED_BY_X, NotificationKind.NEEDS_USER], kinds
    entry = ctx.journal.last_check("ora")
    assert entry is not None and entry.payload["midway"] == {"cut_short": "personalization"}
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    said = sentence_for_reader(entry.payload, "ora", (Box.TRAINING, Box.PERSONALIZATION))
    assert said.written_in is None, said  # made again word for word: nothing lost
    assert said.text.startswith("X avait réactivé\u00a0: Entraînement. "), said.text
    assert said.text.endswith("la prochaine vérification la relit."), said.text


def test_a_box_x_switched_back_on_during_a_second_sign_in_is_not_said_off_from_the_first(
    simx: Any, consentinel_home: Path
) -> None:
    """Training is unticked and read back off; X ends the session during personalization's
    untick and, meanwhile, switches training back on. Signed in again, the check reads
    training on and begins unticking it anew, and X ends the session again while it holds
    that answer (no third sign-in): training is said unknown and not among the boxes "read
    back off", which the first pass's reading no longer says; personalization, read off once
    signed in again, is."""
    sim = simx(SimAccount("pia", "pw-pia"))
    ctx = _context(consentinel_home, sim.origin, "pia", BOTH)
    _unticked_once_then_switched_back_on(ctx, sim, "pia")

    def x_ends_sessions() -> None:
        if not sim.mutation_hanging.wait(timeout=120):  # personalization's untick, held
            return
        sim.set_box("pia", "training", True)
        sim.mutation_hanging.clear()
        sim.expire_sessions()
        if sim.mutation_hanging.wait(timeout=120):  # training's untick again, held
            sim.expire_sessions()

    x = threading.Thread(target=x_ends_sessions, daemon=True)
    x.start()
    run = _engine(ctx).run_check(on_event=_hang_and_end_session_at_untick(sim, "pia", 2))
    x.join(timeout=5)
    (pia,) = run.accounts

    assert len(sim.signin_attempts("pia")) == 2  # the first check's, and this one's again
    assert (pia.status, pia.reason) == (Status.NEEDS_USER, Reason.SESSION_EXPIRED), pia.message
    assert pia.settings[Box.TRAINING] == BoxChange(True, None)
    assert pia.settings[Box.PERSONALIZATION] == BoxChange(True, False)
    assert pia.message.startswith("X had switched Personalization back on. Unticked and read "
                                  "back off: Personalization. "), pia.message  # fmt: skip
    assert pia.message.endswith(CUT_SHORT + "; the next check reads it again."), pia.message
    assert pia.reverted_by_x == (Box.PERSONALIZATION,)
