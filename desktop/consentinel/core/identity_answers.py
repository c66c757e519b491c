"""What may be typed at X's "unusual activity" question, and what X refused there.

X counts each refused answer against the account (x-reference §4): an email or phone X refused
is never typed by Consentinel again, by a check or by a sign-in in a window, until the person
saves another one. Only a keyed hash of what X refused is kept (`secret_digest`, naming its
key). One kept under a key the keyring no longer has cannot be told from either answer: it
holds both until the person saves another email or phone, which forgets it."""

from __future__ import annotations

import logging

from consentinel.core.accounts import Account, answer_digest, secret_digest
from consentinel.core.context import AppContext
from consentinel.core.refusal_keys import key_telling, refusals_key, untold
from consentinel.core.vault import VaultError

log = logging.getLogger(__name__)


def answers_to_type(ctx: AppContext, account: Account) -> tuple[str | None, str | None]:
    """The account's email and phone, each None when X has refused it (or when that cannot be
    told: then the person types it). The refusals key is read, never made, here: a key made
    or changed since (lost, reset, made by another process) matches no hash kept, and an
    answer X refused would be typed again; a hash naming another key holds both answers, until
    the person saves another one (answers_saved)."""
    refused = ctx.accounts.state(account.handle).refused_answers
    if not refused:
        return account.email, account.phone
    failure = "refused answers of @%s not readable"
    key = key_telling(ctx, account.handle, refused, failure, unnamed=True)
    if key is None:
        return None, None  # cannot tell what was refused: type neither

    def unless_refused(value: str | None) -> str | None:
        if not value:
            return value
        # (one kept before keys were named: compared under the key there is, as then)
        hashes = {secret_digest(value, key), answer_digest(value, key)}
        return None if hashes & set(refused) else value

    return unless_refused(account.email), unless_refused(account.phone)


def answers_saved(ctx: AppContext, before: Account, after: Account) -> None:
    """The person saved the account (`before`: as listed until then; `after`: as saved). A new
    email or phone forgets the answers X refused that can no longer be told (kept under a key
    the keyring no longer has, or any when it has none): else they would hold both answers,
    the new one too, for good. Those still told stay: a refused answer saved again is not
    typed. A keyring that cannot be read keeps them all (they may be told once it can)."""
    if (before.email, before.phone) == (after.email, after.phone):
        return
    handle = after.handle
    refused = ctx.accounts.state(handle).refused_answers
    if not refused:
        return
    try:
        key = ctx.vault.get_answer_key()
    except VaultError as error:
        log.warning("refused answers of @%s kept as they were: %s", handle, error)
        return
    gone = untold(refused, key, unnamed=True)
    if gone:
        log.info("@%s has a new answer: %d refused under a lost key forgotten", handle, len(gone))
        ctx.accounts.forget_refused_answers(handle, gone)


def remember_refused(ctx: AppContext, handle: str, answer: str | None) -> None:
    """X refused `answer` at its question: it is not typed again."""
    if not answer:
        return
    key = refusals_key(ctx, handle, "refused answer of @%s not remembered")
    if key is not None:  # (else at worst X refuses it once more)
        ctx.accounts.remember_refused_answer(handle, answer, key)
