"""Shared set-up for the engine's and x/'s end-to-end tests: an AppContext on real stores, and
one narrow adapter over the simulated X so the tests read in the product's words.

Everything that touches simx's own API lives in `SimHarness`; the tests never call simx directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.engine import Engine
from consentinel.core.events import Event, PromptRequest
from consentinel.core.paths import AppPaths
from consentinel.core.settings import Settings
from consentinel.core.status import ALL_BOXES, Box
from consentinel.core.vault import MemoryKeyring, Vault
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


class SimHarness:
    """The simulated X in the tests' words: add an account, read X's truth, count requests."""

    def __init__(self, simx: Any) -> None:
        self.simx = simx

    @property
    def origin(self) -> str:
        return str(self.simx.origin)

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
        layout: str | None = None,
    ) -> None:
        raise NotImplementedError("waiting for consentinel.simx")

    def box(self, handle: str, box: Box) -> bool:
        raise NotImplementedError

    def set_box(self, handle: str, box: Box, value: bool) -> None:
        raise NotImplementedError

    def mutations(self, handle: str) -> int:
        raise NotImplementedError

    def signin_attempts(self, handle: str) -> int:
        raise NotImplementedError

    def password_attempts(self, handle: str) -> int:
        raise NotImplementedError

    def delete_pressed(self, handle: str) -> bool:
        raise NotImplementedError

    def expire_sessions(self, handle: str) -> None:
        raise NotImplementedError

    def non_password_inputs(self, handle: str) -> list[str]:
        raise NotImplementedError
