"""What one account's check knows as it goes: the boxes as read, unticked, cut short, and what
a stop, its end or a killed process's mark must say of them."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.events import AccountStep, BoxChange
from consentinel.core.pending_unticks import unmark
from consentinel.core.run_shared import RunShared
from consentinel.core.status import ALL_BOXES, Box
from consentinel.core.steps import Step
from consentinel.x.grok_page import BoxState


@dataclass(eq=False)
class CheckState:
    """The check's findings and flags, read and written by its parts (sign-in, boxes, results)."""

    shared: RunShared
    #: As listed when the check's turn came (AccountCheck._run reads it again then).
    account: Account
    #: The account's handle as the check began (the account read again keeps it).
    handle: str = field(init=False)
    started: float = field(default_factory=time.monotonic)
    #: The last screenshot kept by this check.
    evidence: Path | None = None
    #: Boxes unticked and read back off in this check (kept across a second sign-in).
    confirmed: dict[Box, BoxChange] = field(default_factory=dict)
    reverted: set[Box] = field(default_factory=set)
    #: The boxes as last read on X's page, and those not shown there that X holds on.
    read: dict[Box, BoxState] = field(default_factory=dict)
    hidden_on: tuple[Box, ...] = ()
    #: The boxes judged so far at this reading: each as it was left, a change as read back.
    judged: dict[Box, BoxChange] = field(default_factory=dict)
    #: An untick was begun at X in this check: cut short, it still says what it changed.
    clicked: bool = False
    #: A box was clicked on X's page in this check (the click may have reached X): a page
    #: found changed after that is not said to have had nothing clicked.
    sent_click: bool = False
    #: The saved session could not be decrypted and was set aside: the result says so.
    session_set_aside: bool = False
    #: A saved session was found for the account (else it was never signed in here).
    had_session: bool = False
    #: The box being unticked now: X may have switched it off when a stop cuts in.
    unticking: Box | None = None
    #: A box whose untick X may have made, cut short before it was read back (X ended the
    #: session, the network failed): unknown until the page is read again, and its mark
    #: (core/pending_unticks.py) kept until then or until the check's entry says it.
    cut_short: Box | None = None
    #: The box cut short was one X had switched back on (unticked by an earlier check).
    cut_short_reverted: bool = False
    #: The mark of the untick under way (core/pending_unticks.py), until it is journaled.
    pending: Path | None = None
    #: Signing in, or unticking a box and keeping its evidence: a stop waits for its end.
    writing: bool = False
    #: A screenshot could not be written (a full or read-only disk): the check stopped there.
    evidence_not_kept: bool = False

    def __post_init__(self) -> None:
        self.handle = self.account.handle

    @property
    def ctx(self) -> AppContext:
        return self.shared.ctx

    def step(self, step: Step) -> None:
        self.shared.emit(AccountStep(self.handle, step))

    @property
    def kept_off(self) -> tuple[Box, ...]:
        """The boxes this check keeps off (the account's `keep` when it began), in X's order:
        said in its entry, for Journal.last_read_off_by_us."""
        return tuple(box for box in ALL_BOXES if box in self.account.keep)

    def boxes_now(self) -> dict[Box, BoxChange]:
        """Every box as this check knows it now: as last read, as judged, those unticked as
        read back, and the one whose untick was cut short as unknown (clicked, not read back)."""
        now = {box: BoxChange(s.checked, s.checked, s.disabled) for box, s in self.read.items()}
        now |= self.judged
        now |= self.confirmed
        clicked = self.unticking or self.cut_short
        if clicked is not None:
            now[clicked] = BoxChange(True, None)
        return {box: now[box] for box in ALL_BOXES if box in now}

    @contextlib.contextmanager
    def writing_at_x(self) -> Iterator[None]:
        self.writing = True
        try:
            yield
        finally:
            self.writing = False

    def unmark(self) -> None:
        """The untick's mark goes: its entry in the journal says it now (or nothing reached X)."""
        pending, self.pending = self.pending, None
        if pending is not None:
            unmark(pending)
