"""A password X said is wrong is not typed again until another one is saved; X's "wrong
password" for a password no longer saved is none of the saved one's.

A check reads the saved password, then signs in with it; meanwhile the person may save the
right one (`account set-password` in another process, or "Edit account…" in the window): X
then refuses the old one, and the new one must still be typed by the next check. So the
rejection keeps a keyed hash of the password the sign-in typed (`password_digest`, under the
refused answers' key, named in it), never the password. A rejection without one (kept by an
earlier version, or told by the journal), or whose key the keyring no longer has, is of the
saved password, whatever it is, as it always was."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from consentinel.core.accounts import AccountState, password_digest
from consentinel.core.context import AppContext
from consentinel.core.refusal_keys import key_telling, refusals_key
from consentinel.core.status import Reason
from consentinel.core.vault import VaultError

if TYPE_CHECKING:
    from consentinel.x.signin import SignInOutcome

log = logging.getLogger(__name__)


def refused_password_digest(
    ctx: AppContext, handle: str, outcome: SignInOutcome, password: str | None
) -> str | None:
    """What the sign-in rules keep of `password`, typed at a sign-in that ended as `outcome`,
    when X said it is wrong (remember_outcome's `rejected_password`); None otherwise."""
    if outcome.reason is not Reason.WRONG_PASSWORD or not outcome.password_submitted:
        return None
    return typed_password_digest(ctx, handle, password)


def typed_password_digest(ctx: AppContext, handle: str, password: str | None) -> str | None:
    """The keyed hash of the password a sign-in typed, kept with X's "wrong password" (None:
    none typed, or no key to be had: the rejection is then of the saved password)."""
    if not password:
        return None
    return _digest(ctx, handle, password, "refused password of @%s taken as the saved one")


def rejects_saved_password(
    ctx: AppContext, handle: str, state: AccountState, saved: str | None
) -> bool:
    """Whether `state` says X refused `saved`, the password saved now (it does when that
    cannot be told)."""
    if not state.password_rejected:
        return False
    refused = state.rejected_password
    if refused is None or not saved:
        return True
    # Never "another password" for want of the key it was kept under: a key made or changed
    # since matches no hash kept, and the refused password would be typed again.
    key = key_telling(ctx, handle, [refused], "refused password of @%s not readable")
    return key is None or password_digest(saved, key) == refused


def lift_stale_rejection(ctx: AppContext, handle: str) -> AccountState:
    """The account's state, less X's "wrong password" of a password saved no longer, which is
    lifted in the list too (the saved one is typed at the next sign-in). Only an account whose
    rejection keeps which password it was reads the keyring; when it cannot, it holds."""
    state = ctx.accounts.state(handle)
    if not state.password_rejected or state.rejected_password is None:
        return state
    try:
        saved = ctx.vault.get_password(handle)
    except VaultError as error:
        log.warning("the saved password of @%s could not be read: %s", handle, error)
        return state
    if rejects_saved_password(ctx, handle, state, saved):
        return state
    log.info("X refused a password of @%s that is no longer saved: the saved one is typed", handle)
    ctx.accounts.forget_password_rejection(handle, state.rejected_password)
    return ctx.accounts.state(handle)


def name_rejection_before_saving(ctx: AppContext, handle: str, saved: str | None) -> AccountState:
    """Before another password is saved for `handle` outside the account list's hold (the
    window's "Edit account…", which lifts X's rejection only once the keyring kept the new
    one): a rejection kept without a hash, of the saved password whatever it is, is named as
    `saved`'s, the password saved now. A check reading the new password before the rejection
    is lifted then types it (it is not the refused one), and still never types `saved`. With
    no password saved, nothing refused can be typed: the rejection is lifted now. Returns the
    state as it is then; VaultError when the keyring cannot give the refusals' key."""
    state = ctx.accounts.state(handle)
    if not state.password_rejected or state.rejected_password is not None:
        return state
    seen = (state.password_rejected, state.rejected_password)
    if saved:
        key = ctx.vault.get_or_create_answer_key()
        ctx.accounts.name_password_rejection(handle, password_digest(saved, key))
    else:
        ctx.accounts.clear_password_rejected(handle, as_seen=seen)
    return ctx.accounts.state(handle)


def _digest(ctx: AppContext, handle: str, password: str, failure: str) -> str | None:
    key = refusals_key(ctx, handle, failure)
    return None if key is None else password_digest(password, key)
