"""What the engine tells its caller while it runs: small frozen dataclasses, no Qt."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from consentinel.core.status import Box, Reason, Status


class Step(str, Enum):
    """Where one account's check is, in the words the GUI shows."""

    QUEUED = "queued"
    OPENING_SESSION = "opening_session"
    SIGNING_IN = "signing_in"
    WAITING_FOR_PERSON = "waiting_for_person"  # signing in, in a window the person uses
    READING_PAGE = "reading_page"
    UNTICKING = "unticking"
    VERIFYING = "verifying"
    DONE = "done"


class PromptKind(str, Enum):
    """A question the engine needs a person to answer mid-run."""

    TWO_FACTOR_CODE = "two_factor_code"  # answer: the 6-digit code
    EMAIL_CODE = "email_code"  # answer: the code X sent by email or SMS
    EMAIL_OR_PHONE = "email_or_phone"  # answer: what X asks for on the unusual-activity screen
    FINISH_IN_BROWSER = "finish_in_browser"  # answer: "ok" to open a visible window, None to skip


@dataclass(frozen=True)
class BoxChange:
    """One box's value before the check and after the read-back (None: not seen)."""

    before: bool | None
    after: bool | None
    disabled: bool = False


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

    def to_json(self) -> dict[str, object]:
        return {
            "handle": self.handle,
            "status": self.status.value,
            "reason": self.reason.value if self.reason else None,
            "settings": {
                box.value: {"before": c.before, "after": c.after, "disabled": c.disabled}
                for box, c in self.settings.items()
            },
            "evidence": str(self.evidence) if self.evidence else None,
            "message": self.message,
            "reverted_by_x": [b.value for b in self.reverted_by_x],
            "hidden_on": [b.value for b in self.hidden_on],
        }

    @property
    def all_off(self) -> bool:
        return self.status in (Status.OPTED_OUT, Status.FIXED)


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
class PromptRequest:
    """The engine waits for `answer` from whoever handles prompts (terminal, dialog, nobody)."""

    handle: str
    kind: PromptKind
    detail: str = ""  # e.g. X's own wording of what it asks for


Event = RunStarted | AccountStep | AccountFinished | RunFinished


class CancelToken:
    """Set from any thread; the engine stops at the next safe point (never mid-write)."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()
