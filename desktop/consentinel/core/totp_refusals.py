"""A saved 2FA secret whose code X refused is not used again until another one is saved.

X counts each refused code against the account, and locks it after a few failures in a row
(x-reference §4). The next code from the same secret would be refused too (a secret that is
not the account's, or this computer's clock), so no check types one again, scheduled or
started by the person: a person's check asks them for the code instead. Saving the secret
again, the same (once the clock is right) or another, makes codes from it again (the window's
"Edit account…" and `account set-totp` forget the refusal). Only a keyed hash of the refused
secret is kept (`answer_digest`, under the refused answers' key)."""

from __future__ import annotations

import logging

from consentinel.core.accounts import answer_digest
from consentinel.core.context import AppContext
from consentinel.core.vault import VaultError

log = logging.getLogger(__name__)


def totp_secret_to_use(ctx: AppContext, handle: str, secret: str | None) -> str | None:
    """`secret`, or None when X refused a code made from it (or when that cannot be told)."""
    refused = ctx.accounts.state(handle).refused_totp
    if not secret or refused is None:
        return secret
    try:
        key = ctx.vault.get_or_create_answer_key()
    except VaultError as error:  # cannot tell: the person types the code
        log.warning("refused 2FA secret of @%s not readable: %s", handle, error)
        return None
    return None if answer_digest(secret, key) == refused else secret


def remember_refused_totp(ctx: AppContext, handle: str, secret: str | None) -> None:
    """X refused the code made from `secret`: no code is made from it again."""
    if not secret:
        return
    try:
        key = ctx.vault.get_or_create_answer_key()
    except VaultError as error:  # not remembered: at worst X refuses one code more
        log.warning("refused 2FA secret of @%s not remembered: %s", handle, error)
        return
    ctx.accounts.remember_refused_totp(handle, answer_digest(secret, key))
