"""The server's truth: each account's boxes, sessions, sign-in flows and everything received."""

from __future__ import annotations

import copy
import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from consentinel.simx.scenario import BOXES, Scenario, SimAccount


@dataclass
class AccountTruth:
    spec: SimAccount
    boxes: dict[str, bool]
    fail_left: int
    visits: int = 0
    flipped: bool = False
    unticked_at: float | None = None
    visits_at_untick: int = 0
    mutations: list[dict[str, Any]] = field(default_factory=list)
    used_totp_steps: set[int] = field(default_factory=set)
    email_code: str | None = None
    delete_presses: list[str] = field(default_factory=list)
    #: X locked the account (`SimX.lock_account`, or `lock_after_failures` failures in a row):
    #: its signed-in pages, and a sign-in past its password, lead to /account/access until a
    #: person verifies it on X.
    locked: bool = False
    #: Failures in a row (wrong passwords, wherever typed, and wrong 2FA or email/SMS codes);
    #: a successful sign-in starts again.
    failures_in_a_row: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "boxes": dict(self.boxes),
            "visits": self.visits,
            "mutations": copy.deepcopy(self.mutations),
            "email_code": self.email_code,
            "delete_presses": list(self.delete_presses),
            "language": self.spec.language,
            "memory_shown": self.spec.memory_shown,
            "hidden_boxes": list(self.spec.hidden_boxes),
            "minor": self.spec.minor,
            "locked": self.locked,
            "failures_in_a_row": self.failures_in_a_row,
        }


@dataclass
class Session:
    handle: str
    ct0: str
    created: float
    ttl: float | None

    def alive(self, now: float) -> bool:
        return self.ttl is None or now - self.created < self.ttl


@dataclass
class Flow:
    """One pass through the sign-in flow (one `flow_token`)."""

    token: str
    handle: str | None = None
    pending: list[str] = field(default_factory=list)
    password_ok: bool = False
    steps: list[str] = field(default_factory=list)
    redirect: str = "/home"
    #: Driven by `SimX.sign_in_elsewhere` (another device), not by a browser on simx's pages.
    elsewhere: bool = False


class World:
    """All of simx's mutable state, behind one lock (the server is threaded)."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.lock = threading.RLock()
        self.reset()

    def x_time(self) -> float:
        """X's time now: the real time, give or take the scenario's clock_offset_s."""
        return time.time() + self.scenario.clock_offset_s

    def reset(self) -> None:
        with self.lock:
            self.accounts: dict[str, AccountTruth] = {
                a.handle.lower(): AccountTruth(a, dict(a.boxes), a.fail_mutations)
                for a in self.scenario.accounts
            }
            self.sessions: dict[str, Session] = {}
            self.flows: dict[str, Flow] = {}
            self.attempts: list[dict[str, Any]] = []
            self.requests: list[str] = []
            #: (User-Agent, Sec-CH-UA) of every request to X's pages and API: how the browser
            #: names itself to X, in its headers, whatever its script says.
            self.clients: set[tuple[str, str]] = set()
            #: (page, its language, the Accept-Language asked) of every page X served: which
            #: language the browser asked for, and which one X chose (x-reference §2, §3).
            self.pages: list[tuple[str, str, str]] = []
            #: Presses, clicks and keys inside the puzzle frame: only a person may touch it.
            self.captcha_touches = 0

    # -- accounts -----------------------------------------------------------------------------
    def account(self, handle: str) -> AccountTruth | None:
        return self.accounts.get(handle.lower().lstrip("@"))

    def find_by_identifier(self, text: str) -> AccountTruth | None:
        """X accepts a username, an email address or a phone number on its first step."""
        text = text.strip()
        found = self.account(text)
        if found:
            return found
        for truth in self.accounts.values():
            spec = truth.spec
            if (spec.email and spec.email.lower() == text.lower()) or (
                spec.phone and _digits(spec.phone) == _digits(text) and _digits(text)
            ):
                return truth
        return None

    # -- sessions -----------------------------------------------------------------------------
    def new_session(self, handle: str) -> tuple[str, Session]:
        truth = self.account(handle)
        ttl = truth.spec.session_ttl_s if truth else None
        token = secrets.token_hex(20)
        session = Session(handle=handle, ct0=secrets.token_hex(16), created=time.time(), ttl=ttl)
        with self.lock:
            self.sessions[token] = session
        return token, session

    def session_for(self, token: str | None) -> Session | None:
        if not token:
            return None
        with self.lock:
            session = self.sessions.get(token)
            if session and not session.alive(time.time()):
                del self.sessions[token]
                return None
            return session

    def expire_sessions(self) -> None:
        with self.lock:
            self.sessions.clear()

    # -- sign-in attempts ---------------------------------------------------------------------
    def record_attempt(self, handle: str | None, outcome: str, flow: Flow) -> None:
        with self.lock:
            self.attempts.append(
                {
                    "handle": handle,
                    "outcome": outcome,
                    "steps": list(flow.steps),
                    "at": time.time(),
                    "elsewhere": flow.elsewhere,
                }
            )

    # -- the Grok page ------------------------------------------------------------------------
    def visit_grok_page(self, truth: AccountTruth) -> None:
        """Count a read of the page; X may switch a box back on here (flip_back)."""
        with self.lock:
            truth.visits += 1
            flip = truth.spec.flip_back
            if flip is None or truth.flipped or truth.boxes[flip.box]:
                return
            if truth.unticked_at is None:
                return
            # after_visits counts the page reads that still see the box off (the read-back
            # after a reload is one), so the default of 1 flips it on the next run's read.
            due_visits = (
                flip.after_visits is not None
                and truth.visits - truth.visits_at_untick > flip.after_visits
            )
            due_time = (
                flip.after_seconds is not None
                and time.time() - truth.unticked_at >= flip.after_seconds
            )
            if due_visits or due_time:
                truth.boxes[flip.box] = True
                truth.flipped = True

    def truth(self) -> dict[str, Any]:
        with self.lock:
            return {
                "accounts": {t.spec.handle: t.to_json() for t in self.accounts.values()},
                "signin_attempts": copy.deepcopy(self.attempts),
                "sessions": len(self.sessions),
            }


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


__all__ = ["BOXES", "AccountTruth", "Flow", "Session", "World"]
