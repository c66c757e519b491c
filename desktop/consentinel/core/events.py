"""What the engine tells its caller while it runs: small frozen dataclasses, no Qt."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from consentinel.core.status import Box, Reason, Status
from consentinel.core.steps import PromptKind, Step


@dataclass(frozen=True)
class BoxChange:
    """One box's value before the check and after the read-back (None: not seen)."""

    before: bool | None
    after: bool | None
    disabled: bool = False

    def to_json(self) -> dict[str, object]:
        """As a check entry's `settings` (and a pending untick's mark) hold it."""
        return {"before": self.before, "after": self.after, "disabled": self.disabled}


@dataclass(frozen=True)
class BackOff:
    """A check that tried no sign-in: the account waits out the back-off that X began when it
    stopped a sign-in (a puzzle, a refusal) at `since` (None: the journal no longer has it).
    The check keeps that sign-in's reason, for what it asks of the person; this says X was not
    asked again. For "too many requests" (Reason.RATE_LIMITED) nothing at all was sent to X:
    `since` is the check or sign-in X answered so."""

    since: datetime | None = None


@dataclass(frozen=True)
class NotRetried:
    """A check that tried no sign-in for a reason the sign-in rules remember from an earlier
    one, not from X now: a password X rejected (never sent again, x-reference §4), an account
    X locked, a step only the person can take (scheduled checks). `since`: when X said it
    (None: the journal no longer has it). The check keeps that reason, for what it asks of
    the person; this says X was not asked again. (A back-off's check has BackOff instead.)"""

    since: datetime | None = None


@dataclass(frozen=True)
class Midway:
    """A check that ended otherwise than cancelled (X ended the session and no sign-in could
    follow, the network failed…) after it had begun unticking at X: its sentence says first the
    boxes it had unticked and read back, and last the box it was unticking then, which X may
    have switched off unread (`cut_short`; None: none was)."""

    cut_short: Box | None = None


@dataclass(frozen=True)
class AccountResult:
    handle: str
    status: Status
    reason: Reason | None = None
    settings: dict[Box, BoxChange] = field(default_factory=dict)
    evidence: Path | None = None
    message: str = ""
    duration_s: float = 0.0
    reverted_by_x: tuple[Box, ...] = ()
    #: Boxes X's own data holds as on that its page does not show this account (memory's
    #: rollout): nothing can untick them there, and they are said, not left out.
    hidden_on: tuple[Box, ...] = ()
    #: Boxes the person keeps off that X shows ticked and disabled (under-18 accounts): the
    #: words about them agree with how many there are.
    disabled_on: tuple[Box, ...] = ()
    #: The boxes the person had Consentinel keep off at this check (the account's `keep`, in
    #: X's order): a box found off and left so while not among them says nothing of who
    #: switches it on later (Journal.last_read_off_by_us). None: not known (a check written
    #: from an older pending untick's mark); then it is not written.
    keep: tuple[Box, ...] | None = None
    #: No sign-in was tried: a back-off holds (None: not so).
    backoff: BackOff | None = None
    #: No sign-in was tried: a reason remembered from an earlier one holds (None: not so).
    not_retried: NotRetried | None = None
    #: It ended (not cancelled) after it had begun unticking at X (None: not so).
    midway: Midway | None = None
    #: The account was removed from the list during its check (another process): its result
    #: is said, and no longer counts for the run's exit code.
    removed: bool = False
    #: What the sign-in said of the step it stopped at, as a code of check_messages
    #: (is_detail_code: "totp_not_valid", "clock_off:-300"…), in no language: the sentence,
    #: written in the run's language, is made again with it in another ("" : none; never X's
    #: or Chromium's words).
    detail_code: str = ""
    #: X refused the code made from the saved 2FA secret while this computer's clock was this
    #: far off X's (seconds, this computer's time less X's: core/clock_offset.py), or a
    #: scheduled check waits since: the clock is said, not a secret to save (None: not so).
    clock_offset_s: int | None = None
    #: A NETWORK stop at which X itself answered, with an error of its own (a 5xx, its
    #: "Something went wrong" at the password or the code), as against X not reached from this
    #: computer: the window's schedule retries at once only the latter, when X answers again.
    #: Written in a NETWORK check's entry (only there), for the window to name it as its row
    #: did ("X unreachable", "X failing"): the entry's sentence is in the check's language.
    x_answered: bool = False

    def to_json(self) -> dict[str, object]:
        said: dict[str, object] = {
            "handle": self.handle,
            "status": self.status.value,
            "reason": self.reason.value if self.reason else None,
            "settings": {box.value: change.to_json() for box, change in self.settings.items()},
            "evidence": str(self.evidence) if self.evidence else None,
            "message": self.message,
            "reverted_by_x": [b.value for b in self.reverted_by_x],
            "hidden_on": [b.value for b in self.hidden_on],
            "disabled_on": [b.value for b in self.disabled_on],
        }
        if self.keep is not None:
            said["keep"] = [b.value for b in self.keep]
        if self.backoff is not None:  # (only then: every other check's entry stays as it was)
            since = self.backoff.since
            said["backoff"] = {"since": since.isoformat() if since else None}
        if self.not_retried is not None:  # (likewise)
            since = self.not_retried.since
            said["not_retried"] = {"since": since.isoformat() if since else None}
        if self.midway is not None:  # (likewise)
            cut = self.midway.cut_short
            said["midway"] = {"cut_short": cut.value if cut else None}
        if self.removed:  # (likewise)
            said["removed"] = True
        if self.detail_code:  # (likewise)
            said["detail_code"] = self.detail_code
        if self.reason is Reason.NETWORK:  # (likewise; False said too: an older entry has none)
            said["x_answered"] = self.x_answered
        return said

    @property
    def all_off(self) -> bool:
        return self.status in (Status.OPTED_OUT, Status.FIXED)

    @property
    def network_x_answered(self) -> bool | None:
        """`x_answered` where it says something: for a NETWORK stop, whether X itself
        answered (X failing) or was not reached; None for any other end."""
        return self.x_answered if self.reason is Reason.NETWORK else None


@dataclass(frozen=True)
class RunResult:
    run_id: int
    accounts: tuple[AccountResult, ...]
    cancelled: bool = False

    def to_json(self) -> dict[str, object]:
        return {
            "run_id": self.run_id,
            "cancelled": self.cancelled,
            "accounts": [a.to_json() for a in self.accounts],
        }


@dataclass(frozen=True)
class RunStarted:
    run_id: int
    handles: tuple[str, ...]


@dataclass(frozen=True)
class AccountStep:
    handle: str
    step: Step


@dataclass(frozen=True)
class AccountFinished:
    result: AccountResult


@dataclass(frozen=True)
class RunFinished:
    result: RunResult


@dataclass(frozen=True)
class BrowserUnsandboxed:
    """The browser's sandbox could not start (`detail`: what Chromium said): this run's browser
    runs without it. Said once a process, when it fails (x/browser_sandbox.py)."""

    detail: str


#: How long a question waits for the person once shown (a 2FA code, X's email code, the
#: email or phone X asks for, "finish in the browser"): then it is taken away, unanswered, as
#: "Skip this account" would, and the run goes on to its end. A question left open on a Friday
#: evening held the run, and with it the run lock that every scheduled check needs, all
#: weekend; a 2FA code typed after that long would be stale anyway.
ANSWER_WAIT_S = 600.0


@dataclass(frozen=True)
class PromptRequest:
    """The engine waits for `answer` from whoever handles prompts (terminal, dialog, nobody).

    Whoever shows the question takes it away after `wait_s` without an answer and answers
    None (no answer: the account ends needing the person, as when they skip it)."""

    handle: str
    kind: PromptKind
    detail: str = ""  # e.g. X's own wording of what it asks for
    wait_s: float = ANSWER_WAIT_S
    #: Asked for a 2FA code just after X refused the code made from the saved secret: the
    #: person is told, and that another wrong code may get X to lock the account.
    saved_code_refused: bool = False


Event = RunStarted | AccountStep | AccountFinished | RunFinished | BrowserUnsandboxed


class CancelToken:
    """Set from any thread; the engine stops at once what only waits or reads, and what writes
    (a sign-in, a change at X, the journal) at its end."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._callbacks: list[Callable[[], None]] = []

    def cancel(self) -> None:
        with self._lock:
            self._event.set()
            callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            callback()

    def when_cancelled(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Call `callback` (from the cancelling thread) once cancelled, at once if already;
        returns what forgets it."""
        with self._lock:
            if not self._event.is_set():
                self._callbacks.append(callback)
                return lambda: self._forget(callback)
        callback()
        return lambda: None

    def _forget(self, callback: Callable[[], None]) -> None:
        with self._lock:
            if callback in self._callbacks:
                self._callbacks.remove(callback)

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()
