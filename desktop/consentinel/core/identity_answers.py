"""What may be typed at X's "unusual activity" question, and what X refused there.

X counts each refused answer against the account (x-reference §4): an email or phone X refused
is never typed by Consentinel again, by a check or by a sign-in in a window, until the person
saves another one. Only a keyed hash of what X refused is kept (`secret_digest`, naming its
key)."""

from __future__ import annotations

import logging

from consentinel.core.accounts import (
    Account,
    answer_digest,
    made_under,
    names_no_key,
    secret_digest,
)
from consentinel.core.context import AppContext
from consentinel.core.vault import VaultError

log = logging.getLogger(__name__)


def answers_to_type(ctx: AppContext, account: Account) -> tuple[str | None, str | None]:
    """The account's email and phone, each None when X has refused it (or when that cannot be
    told: then the person types it). The refusals key is read, never made, here: a key made
    or changed since (lost, reset, made by another process) matches no hash kept, and an
    answer X refused would be typed again; a hash naming another key holds both answers."""
    refused = ctx.accounts.state(account.handle).refused_answers
    if not refused:
        return account.email, account.phone
    try:
        key = ctx.vault.get_answer_key()
    except VaultError as error:
        log.warning("refused answers of @%s not readable: %s", account.handle, error)
        return None, None
    if key is None or not all(made_under(d, key) or names_no_key(d) for d in refused):
        handle = account.handle
        log.warning("the key of what X refused of @%s is not the one it was kept under", handle)
        return None, None  # cannot tell what was refused: type neither

    def unless_refused(value: str | None) -> str | None:
        if not value:
            return value
        # (one kept before keys were named: compared under the key there is, as then)
        hashes = {secret_digest(value, key), answer_digest(value, key)}
        return None if hashes & set(refused) else value

    return unless_refused(account.email), unless_refused(account.phone)


def remember_refused(ctx: AppContext, handle: str, answer: str | None) -> None:
    """X refused `answer` at its question: it is not typed again."""
    if not answer:
        return
    key = refusals_key(ctx, handle, "refused answer of @%s not remembered")
    if key is not None:  # (else at worst X refuses it once more)
        ctx.accounts.remember_refused_answer(handle, answer, key)


def refusals_key(ctx: AppContext, handle: str, failure: str) -> bytes | None:
    """The key of the hashes of what X refused (identity answers, a 2FA secret), or None
    when the keyring cannot give it: then `failure` (with the handle for its %s) is logged."""
    try:
        return ctx.vault.get_or_create_answer_key()
    except VaultError as error:
        log.warning(failure + ": %s", handle, error)
        return None


def refusal_key_of(ctx: AppContext, handle: str, digest: str, failure: str) -> bytes | None:
    """The key `digest` (password_digest, secret_digest) was made under, to tell whether a
    value is the one refused; None when it cannot be told: the keyring cannot be read
    (`failure` is logged), or its key is not that one (lost, reset, made anew by another
    process, left behind by a copy to this folder's own service). Never creates one."""
    try:
        key = ctx.vault.get_answer_key()
    except VaultError as error:
        log.warning(failure + ": %s", handle, error)
        return None
    if key is None or not made_under(digest, key):
        log.warning("the key of what X refused of @%s is not the one it was kept under", handle)
        return None
    return key
