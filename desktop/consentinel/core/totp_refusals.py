"""A saved 2FA secret whose code X refused is not used again until another one is saved.

X counts each refused code against the account, and locks it after a few failures in a row
(x-reference §4). The next code from the same secret would be refused too (a secret that is
not the account's; a refusal with this computer's clock far off X's is the clock's, and sets
nothing aside: core/clock_offset.py), so no check types one again, scheduled or
started by the person: a person's check asks them for the code instead. Saving the secret
again, the same (once the clock is right) or another, makes codes from it again (the window's
"Edit account…" and `account set-totp` forget the refusal), as does asking for the saved one to
be used again ("Use the saved 2FA secret again", `account set-totp --use-again`): X also refuses
codes while it holds sign-ins back, and the person may have no copy of the secret to type.
Only a keyed hash of the refused secret is kept (`secret_digest`, under the refused answers'
key, named in it: under another key, the refusal holds)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from consentinel.core.accounts import secret_digest
from consentinel.core.context import AppContext
from consentinel.core.identity_answers import remember_refused
from consentinel.core.refusal_keys import key_telling, refusals_key

if TYPE_CHECKING:
    from consentinel.x.signin import SignInOutcome

log = logging.getLogger(__name__)


def totp_codes(
    ctx: AppContext, handle: str, saved: str | None
) -> tuple[str | None, Callable[[], Awaitable[str]] | None]:
    """The saved secret that codes are made from (None: none saved, or X refused its code),
    and what makes a fresh code from it each call (it may wait for the next 30 seconds)."""
    secret = totp_secret_to_use(ctx, handle, saved)
    if not secret:
        return None, None
    generator = ctx.totp

    async def code() -> str:
        return await generator.acode(handle, secret)

    return secret, code


def totp_secret_to_use(ctx: AppContext, handle: str, secret: str | None) -> str | None:
    """`secret`, or None when X refused a code made from it (or when that cannot be told)."""
    refused = ctx.accounts.state(handle).refused_totp
    if not secret or refused is None:
        return secret
    key = key_telling(ctx, handle, [refused], "refused 2FA secret of @%s not readable")
    if key is None:  # cannot tell (a key made or changed since matches none): the person types
        return None
    return None if secret_digest(secret, key) == refused else secret


def refused_saved_totp(ctx: AppContext, handle: str, secret: str | None) -> bool:
    """Whether `secret`, saved for `handle`, is one no code is made from (X refused one)."""
    return bool(secret) and totp_secret_to_use(ctx, handle, secret) is None


def remember_refused_totp(ctx: AppContext, handle: str, secret: str | None) -> None:
    """X refused the code made from `secret`: no code is made from it again."""
    if not secret:
        return
    key = refusals_key(ctx, handle, "refused 2FA secret of @%s not remembered")
    if key is not None:  # (else at worst X refuses one code more)
        ctx.accounts.remember_refused_totp(handle, secret_digest(secret, key))


def refuse_saved_totp(ctx: AppContext, handle: str) -> None:
    """The 2FA secret saved for `handle` is one whose code X refused (an account added back
    from the journal, which says so): no code is made from it until one is saved again."""
    from consentinel.core.vault import VaultError

    try:
        secret = ctx.vault.get_totp(handle)
    except VaultError as error:  # (at worst X refuses one code more)
        log.warning("the refused 2FA secret of @%s could not be read: %s", handle, error)
        return
    remember_refused_totp(ctx, handle, secret)


def remember_refusals(
    ctx: AppContext, handle: str, outcome: SignInOutcome, totp_secret: str | None
) -> None:
    """What X refused at a sign-in, never typed or made again: an answer to its unusual-activity
    question, and the saved 2FA secret `totp_secret` whose code it called incorrect."""
    remember_refused(ctx, handle, outcome.refused_answer)
    if outcome.totp_refused:
        remember_refused_totp(ctx, handle, totp_secret)
