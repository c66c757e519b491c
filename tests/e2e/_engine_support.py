"""Shared set-up for the engine's and x/'s end-to-end tests: an AppContext on real stores, and
one narrow adapter over the simulated X so the tests read in the product's words.

Everything that touches simx's own API lives in `SimHarness`; the tests never call simx directly.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pyotp

from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.engine import Engine
from consentinel.core.events import Event, PromptRequest
from consentinel.core.paths import AppPaths
from consentinel.core.settings import Settings
from consentinel.core.status import ALL_BOXES, Box
from consentinel.core.vault import MemoryKeyring, Vault
from consentinel.simx import FlipBack, Scenario, SimAccount, SimX
from consentinel.x.site import XSite

#: Short waits: simx answers in milliseconds, and the page_changed tests wait this long for
#: the wrapper that never comes.
PAGE_TIMEOUT_S = 6.0
SIGNIN_STEP_TIMEOUT_S = 6.0


def make_context(
    origin: str, home: Any, *, vault: Vault | None = None, concurrency: int = 3
) -> AppContext:
    """Real AccountStore, SessionStore, Journal under the test's CONSENTINEL_HOME; an in-memory
    keyring (the real-keyring tests are in tests/unit/test_vault*)."""
    settings = Settings(concurrency=concurrency, x_origin=origin)
    ctx = AppContext.create(
        AppPaths.under(home), vault=vault or Vault(MemoryKeyring()), settings=settings
    )
    assert ctx.site == XSite(origin)
    return ctx


def add_account(
    ctx: AppContext,
    handle: str,
    password: str | None = None,
    *,
    totp_secret: str | None = None,
    email: str | None = None,
    phone: str | None = None,
    keep: frozenset[Box] = frozenset(ALL_BOXES),
) -> Account:
    account = Account(handle, email=email, phone=phone, keep=keep)
    ctx.accounts.add(account)
    if password is not None:
        ctx.vault.set_password(handle, password)
    if totp_secret is not None:
        ctx.vault.set_totp(handle, totp_secret)
    return account


def engine(ctx: AppContext) -> Engine:
    return Engine(
        ctx,
        headless=True,
        interactive_headless=True,
        page_timeout_s=PAGE_TIMEOUT_S,
        signin_step_timeout_s=SIGNIN_STEP_TIMEOUT_S,
        interactive_timeout_s=20,
    )


@dataclass
class Recorder:
    """Collects events and answers prompts with prepared answers (None: nobody answers)."""

    answers: dict[str, str | None]
    events: list[Event]
    prompts: list[PromptRequest]

    @classmethod
    def new(cls, **answers: str | None) -> Recorder:
        return cls(dict(answers), [], [])

    def on_event(self, event: Event) -> None:
        self.events.append(event)

    def ask(self, request: PromptRequest) -> str | None:
        self.prompts.append(request)
        return self.answers.get(request.kind.value)


#: What the tests call each simx set-up, in the product's words.
_CHALLENGES = {
    "two_factor": "two_factor",
    "email_code": "email_code",
    "sms_code": "sms_code",
    "captcha": "captcha",
    "unusual_activity": "unusual_activity_username",
    "unusual_activity_email": "unusual_activity_email",
    "refused": "refuse",
    "refused_at_handle": "refuse_handle",  # X answers the handle itself with 399 "Incorrect"
    "locked": "lock",
    "new_step": "new_step",  # a step X adds, which the reference does not list
}
_FAULTS = {
    "server_error": "http_500",
    "connection_reset": "connection_reset",
    "slow": "hang",
    "rate_limited": "rate_limit",
}
#: How X fails its answer at a sign-in step (`SimHarness.add(x_fails_at={step: …})`, a step of
#: simx's SIGNIN_FAULT_STEPS): the page faults' names, and an error answer of X's own that is
#: not about what was typed ("Something went wrong").
_STEP_FAULTS = {
    "server_error": "http_500",
    "connection_reset": "connection_reset",
    "slow": "hang",
    "went_wrong": "went_wrong",
    "not_authenticated": "not_authenticated",
    "rate_limited": "rate_limit",
}
#: What `SimHarness.add(scenario=…)` knows; a name it does not know is a test's mistake.
#: `refused_after_code`: X takes the right 2FA code, then refuses the sign-in.
_SCENARIOS = {
    *_CHALLENGES,
    *_FAULTS,
    "under_18",
    "save_fails",
    "save_fails_once",
    "refused_after_code",
}


#: The phone X knows for an account whose code X sends by text message (`sms_code`).
SMS_PHONE = "+33 6 12 34 56 78"


@contextmanager
def running_sim(
    signin_layout: str = "standard", *, x_clock_ahead_s: float = 0.0
) -> Iterator[SimHarness]:
    """A fresh simulated X on a free port; the spinner is kept short to keep tests quick.
    `signin_layout`: how X's build draws its sign-in pages (simx's SIGNIN_LAYOUTS);
    `x_clock_ahead_s`: how far X's clock is ahead of this computer's (negative: behind)."""
    scenario = Scenario(
        render_delay_ms=50, signin_layout=signin_layout, clock_offset_s=x_clock_ahead_s
    )
    with SimX(scenario) as server:
        yield SimHarness(server)


class SimHarness:
    """The simulated X in the tests' words: add an account, read X's truth, count requests."""

    def __init__(self, server: SimX) -> None:
        self.server = server

    @property
    def origin(self) -> str:
        return self.server.origin

    def add(
        self,
        handle: str,
        password: str,
        *,
        lang: str = "en",
        boxes: dict[Box, bool] | None = None,
        totp_secret: str | None = None,
        email: str | None = None,
        phone: str | None = None,
        scenario: str | None = None,
        layout: str = "standard",
        flip_back: Box | None = None,
        x_fails_at: dict[str, str] | None = None,
        wrong_code_error: int = 399,
        other_read_fails: str | None = None,
        drawn: bool | None = None,
        redrawn_after_ms: int | None = None,
        settings_read_named: str | None = None,
    ) -> None:
        """`wrong_code_error`: the code X answers a wrong 2FA or email/SMS code with (399, or
        236 as simx did before); `other_read_fails`: the Grok page's other GraphQL read (its
        badge count) fails so ("server_error", "connection_reset", "rate_limited"); `drawn`: the
        page draws every box ticked (True) or unticked (False) whatever X's data says;
        `redrawn_after_ms`: with `drawn`, the page's script draws them again from X's data this
        long after; `settings_read_named`: the page's build names its read of the settings so (not
        GrokSettingsScreenQuery)."""
        if scenario is not None and scenario not in _SCENARIOS:
            raise ValueError(f"no scenario {scenario!r}: one of {sorted(_SCENARIOS)}")
        for fault in (x_fails_at or {}).values():
            if fault not in _STEP_FAULTS:
                raise ValueError(f"no step fault {fault!r}: one of {sorted(_STEP_FAULTS)}")
        values = {b.value: True for b in ALL_BOXES}
        values.update({b.value: v for b, v in (boxes or {}).items()})
        challenges = [_CHALLENGES[scenario]] if scenario in _CHALLENGES else []
        if scenario == "refused_after_code":
            challenges = ["two_factor", "refuse"]
        if scenario in ("two_factor", "refused_after_code") and totp_secret is None:
            totp_secret = pyotp.random_base32()  # X knows one; the app does not
        if totp_secret is not None and "two_factor" not in challenges:
            challenges.append("two_factor")
        if scenario == "sms_code" and phone is None:
            phone = SMS_PHONE  # X sends the code to the phone it knows; the app need not
        self.server.add_account(
            SimAccount(
                handle=handle,
                password=password,
                totp_secret=totp_secret,
                email=email,
                phone=phone,
                language=lang,
                challenges=challenges,
                boxes=values,
                memory_shown=layout != "memory_hidden",
                minor=scenario == "under_18",
                sticky_failure=scenario == "save_fails",
                fail_mutations=1 if scenario == "save_fails_once" else 0,
                layout="standard" if layout == "memory_hidden" else layout,
                fault=_FAULTS.get(scenario or ""),
                signin_faults={step: _STEP_FAULTS[f] for step, f in (x_fails_at or {}).items()},
                wrong_code_error=wrong_code_error,
                other_read_fault=_FAULTS[other_read_fails] if other_read_fails else None,
                drawn_boxes=drawn,
                redrawn_after_ms=redrawn_after_ms,
                settings_query=settings_read_named or "GrokSettingsScreenQuery",
                # X turning the box back on by itself, on the page read after our read-back.
                flip_back=FlipBack(box=flip_back.value, after_visits=1) if flip_back else None,
            )
        )

    def set_x_clock_ahead(self, seconds: float) -> None:
        """X's clock is now this far ahead of this computer's (0: the two agree)."""
        self.server.scenario.clock_offset_s = seconds

    def box(self, handle: str, box: Box) -> bool:
        return self.server.boxes(handle)[box.value]

    def set_box(self, handle: str, box: Box, value: bool) -> None:
        self.server.set_box(handle, box.value, value)

    def mutations(self, handle: str) -> int:
        return len(self.server.mutations(handle))

    def other_reads(self) -> int:
        """The Grok page's other GraphQL reads (its badge count) X was sent."""
        return sum(1 for r in self.server.world.requests if r.endswith("/BadgeCount"))

    def captcha_touches(self) -> int:
        return self.server.captcha_touches()

    def other_sites_pages(self) -> list[str]:
        """The pages the browser loaded from the other sites X's pages put frames from (the
        puzzle's /fc/gc/, Google's /gsi/button): proof that a frame was on the screen."""
        prefix = "GET captcha "
        return [r.removeprefix(prefix) for r in self.server.world.requests if r.startswith(prefix)]

    def clients(self) -> set[tuple[str, str]]:
        """(User-Agent, Sec-CH-UA) pairs the browser sent X: what X can tell of it."""
        return self.server.clients()

    def pages_shown(self, page: str) -> list[tuple[str, str]]:
        """(the language X chose, the Accept-Language the browser sent) of each time X served
        `page` ("login": its sign-in flow; "grok": the Grok settings page)."""
        return [(lang, asked) for name, lang, asked in self.server.pages_shown() if name == page]

    def _attempts_from_browser(self, handle: str) -> list[dict[str, Any]]:
        """X's record of the sign-ins made through its pages (by the app), without those
        `sign_in_elsewhere` made."""
        return [a for a in self.server.signin_attempts(handle) if not a["elsewhere"]]

    def signin_attempts(self, handle: str) -> int:
        return len(self._attempts_from_browser(handle))

    def signin_outcomes(self, handle: str) -> list[str]:
        """What X made of each answer it got from this account through its pages, in order
        ("wrong_password", "unusual_activity_failed", "success"…)."""
        return [a["outcome"] for a in self._attempts_from_browser(handle)]

    def signin_steps(self, handle: str) -> list[list[str]]:
        """The steps X had asked for in each of them, in order (X's subtask ids)."""
        return [list(a["steps"]) for a in self._attempts_from_browser(handle)]

    def x_recovers(self, handle: str) -> None:
        """X's failure at a step of the account's sign-in, or its refusal of the sign-in, is
        over: from the next sign-in on it answers each step and lets the account in."""
        (account,) = (a for a in self.server.scenario.accounts if a.handle == handle)
        challenges = [c for c in account.challenges if c not in ("refuse", "refuse_handle")]
        self.server.change_account(handle, challenges=challenges, signin_faults={})

    def signin_times(self, handle: str) -> list[float]:
        """When X recorded each of them (time.time())."""
        return [a["at"] for a in self._attempts_from_browser(handle)]

    def password_attempts(self, handle: str) -> int:
        """Finished sign-ins through X's pages in which X received a password."""
        return sum(
            1
            for a in self._attempts_from_browser(handle)
            if a["outcome"] == "wrong_password"
            or (a["outcome"] == "success" and "LoginEnterPassword" in a["steps"])
        )

    def sign_in_elsewhere(self, handle: str, password: str) -> str:
        """Someone types this password for the account on another device; X counts a wrong
        one against the account as any other. What X made of it ("wrong_password"…)."""
        return self.server.sign_in_elsewhere(handle, password)

    def locked(self, handle: str) -> bool:
        """Whether X locked the account (by its own scenario, or after wrong passwords)."""
        return self.server.locked(handle)

    def failures_to_lock(self, handle: str) -> int:
        """How many failures in a row (wrong passwords or codes) make X lock the account."""
        (account,) = (a for a in self.server.scenario.accounts if a.handle == handle)
        return account.lock_after_failures

    def delete_pressed(self, handle: str) -> bool:
        return bool(self.server.delete_presses(handle))

    def expire_sessions(self) -> None:
        self.server.expire_sessions()

    def lock_account(self, handle: str) -> None:
        """X locks the account: its saved sessions now lead to /account/access."""
        self.server.lock_account(handle)

    def unlock_account(self, handle: str) -> None:
        """Its owner verifies the account on X: its saved sessions work again."""
        self.server.unlock_account(handle)
