"""Cancel stops at once what only waits on X, and lets a change under way end first.

Real Chromium against simx; X is made slow by its faults: `settings_hang` (the page comes, its
request for the settings is never answered) and `mutation_hang` (X applies an untick and never
answers). The page's timeout is long, so a Cancel that waited for it would be reported as X's
slowness, not as the person's Cancel.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.engine import Engine
from consentinel.core.events import AccountFinished, AccountStep, CancelToken, Event
from consentinel.core.journal import EntryKind, RunStatus
from consentinel.core.paths import AppPaths
from consentinel.core.settings import Settings
from consentinel.core.status import Box, Reason, Status
from consentinel.core.steps import Step
from consentinel.core.vault import MemoryKeyring, Vault
from consentinel.simx import SimAccount

pytestmark = pytest.mark.browser


def _context(home: Path, origin: str, concurrency: int, *handles: str) -> AppContext:
    ctx = AppContext.create(
        AppPaths.under(home),
        vault=Vault(MemoryKeyring()),
        settings=Settings(x_origin=origin, concurrency=concurrency),
    )
    for handle in handles:
        ctx.accounts.add(Account(handle))
        ctx.vault.set_password(handle, f"pw-{handle}")
    return ctx


def _cancel_when(flag: threading.Event, token: CancelToken) -> threading.Thread:
    def wait_then_cancel() -> None:
        if flag.wait(timeout=120):
            token.cancel()  # the person presses Cancel, from another thread, as the window does

    thread = threading.Thread(target=wait_then_cancel, daemon=True)
    thread.start()
    return thread


def test_cancel_while_x_is_slow_to_send_the_settings_stops_at_once(
    simx: Any, consentinel_home: Path
) -> None:
    sim = simx(SimAccount("nina", "pw-nina", fault="settings_hang"), SimAccount("omar", "pw-omar"))
    ctx = _context(consentinel_home, sim.origin, 1, "nina", "omar")  # omar waits his turn
    token = CancelToken()
    finished: list[str] = []

    def on_event(event: Event) -> None:
        if isinstance(event, AccountFinished):
            finished.append(event.result.handle)

    canceller = _cancel_when(sim.settings_hanging, token)
    # A minute for a page: a Cancel that waited for it would end in "X did not answer".
    result = Engine(ctx, headless=True, page_timeout_s=60).run_check(
        on_event=on_event, cancel=token
    )
    canceller.join(timeout=5)

    assert result.cancelled
    nina, omar = result.accounts
    assert (nina.status, nina.reason) == (Status.ERROR, Reason.CANCELLED), nina.message
    assert (omar.status, omar.reason) == (Status.ERROR, Reason.CANCELLED), omar.message
    assert sorted(finished) == ["nina", "omar"]  # the window hears of both
    assert sim.signin_attempts("omar") == [] and sim.mutations("nina") == []
    assert all(sim.boxes("nina").values()) and all(sim.boxes("omar").values())
    checks = {e.handle: e.payload["reason"] for e in ctx.journal.entries(kinds=[EntryKind.CHECK])}
    assert checks == {"nina": "cancelled", "omar": "cancelled"}
    (run,) = ctx.journal.runs()
    assert run.status is RunStatus.CANCELLED


def test_cancel_while_x_applies_a_change_lets_it_end_with_its_entry_and_picture(
    simx: Any, consentinel_home: Path
) -> None:
    """Cutting the untick would leave X's answer unknown: it ends first (X's answer waited
    for, the page reloaded and read back, the change journaled with its screenshot); no box
    is unticked after the Cancel, and the result keeps the box that was."""
    sim = simx(SimAccount("sig", "pw-sig", fault="mutation_hang"))
    ctx = _context(consentinel_home, sim.origin, 1, "sig")
    token = CancelToken()
    canceller = _cancel_when(sim.mutation_hanging, token)
    (sig,) = (
        Engine(ctx, headless=True, page_timeout_s=6).run_check(cancel=token).accounts
    )  # X's answer is waited for 6 s, then the page is read back
    canceller.join(timeout=5)

    assert (sig.status, sig.reason) == (Status.ERROR, Reason.CANCELLED), sig.message
    assert sim.boxes("sig")["training"] is False
    assert [b for b, on in sim.boxes("sig").items() if not on] == ["training"]
    assert len(sim.mutations("sig")) == 1
    assert sig.settings[Box.TRAINING].after is False
    (change,) = ctx.journal.entries(kinds=[EntryKind.CHANGE])
    assert change.payload["box"] == "training" and change.payload["confirmed"] is True
    shots = [e.payload["path"] for e in ctx.journal.entries(kinds=[EntryKind.EVIDENCE])]
    assert len(shots) == 1 and (ctx.paths.evidence_dir / shots[0]).is_file()


def test_a_change_x_did_not_keep_when_cancel_came_is_journaled_and_not_tried_again(
    simx: Any, consentinel_home: Path
) -> None:
    """X rolls the untick back; the person cancelled while it was under way. The attempt is
    journaled (not confirmed), no second try is made, and the check ends cancelled, not "X did
    not keep the change": the second try that would have told is the one the Cancel skipped."""
    boxes = {"training": True, "personalization": False, "memory": False}
    sim = simx(SimAccount("tia", "pw-tia", boxes=boxes, fail_mutations=1))
    ctx = _context(consentinel_home, sim.origin, 1, "tia")
    token = CancelToken()

    def on_event(event: Event) -> None:
        if isinstance(event, AccountStep) and event.step is Step.UNTICKING:
            token.cancel()  # the person presses Cancel as the box is being unticked

    (tia,) = (
        Engine(ctx, headless=True, page_timeout_s=30)
        .run_check(on_event=on_event, cancel=token)
        .accounts
    )

    assert (tia.status, tia.reason) == (Status.ERROR, Reason.CANCELLED), tia.message
    assert len(sim.mutations("tia")) == 1 and sim.boxes("tia")["training"] is True
    (change,) = ctx.journal.entries(kinds=[EntryKind.CHANGE])
    assert change.payload["box"] == "training" and change.payload["confirmed"] is False
