"""The keyring's refusals key, and whether the keyed hashes of what X refused can still be told.

What X refused (an identity answer, a 2FA secret, a password) is kept as a keyed hash naming
its key (accounts.py: secret_digest, password_digest). A key made or changed since (lost, the
keyring reset, made by another process at the same first use, left out of a folder's own
service) matches no hash kept: a value's hash under it tells nothing of whether X refused it."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from consentinel.core.accounts import made_under, names_no_key
from consentinel.core.context import AppContext
from consentinel.core.vault import VaultError

log = logging.getLogger(__name__)


def refusals_key(ctx: AppContext, handle: str, failure: str) -> bytes | None:
    """The key to keep a new refusal's hash under (made on first use), or None when the
    keyring cannot give it: then `failure` (with the handle for its %s) is logged."""
    try:
        return ctx.vault.get_or_create_answer_key()
    except VaultError as error:
        log.warning(failure + ": %s", handle, error)
        return None


def key_telling(
    ctx: AppContext, handle: str, digests: Iterable[str], failure: str, *, unnamed: bool = False
) -> bytes | None:
    """The key all of `digests` can be compared under, to tell whether a value is one X
    refused; None when that cannot be told: the keyring cannot be read (`failure` is logged,
    the handle for its %s), or it has no key, or one of them names another. `unnamed`: a hash
    kept before keys were named (identity answers) is compared under the key there is, as
    then. Never creates a key (one made now would match none of them)."""
    try:
        key = ctx.vault.get_answer_key()
    except VaultError as error:
        log.warning(failure + ": %s", handle, error)
        return None
    if key is None or untold(digests, key, unnamed=unnamed):
        log.warning("the key of what X refused of @%s is not the one it was kept under", handle)
        return None
    return key


def untold(digests: Iterable[str], key: bytes | None, *, unnamed: bool = False) -> tuple[str, ...]:
    """Those of `digests` that no value can be compared with under `key`, the keyring's key
    (None: it has none, and then all of them): each naming another key, or kept without a key's
    name unless `unnamed` lets those through (key_telling)."""
    if key is None:
        return tuple(digests)
    return tuple(d for d in digests if not (made_under(d, key) or (unnamed and names_no_key(d))))
