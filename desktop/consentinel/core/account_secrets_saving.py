"""What saving an account does to the keyring ("Edit account…", "Add account…", each row of
"Import accounts from a file…" and `consentinel account import`): the secrets written before
the account list is held, the refusals seen then lifted within it, a failed save taken back.
Without Qt: the window's dialog (gui/account_dialog_save) and core/account_import share it."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from consentinel.core.accounts import Account, AccountState, handle_key
from consentinel.core.context import AppContext
from consentinel.core.i18n import tr
from consentinel.core.password_refusals import name_rejection_before_saving
from consentinel.core.vault import VaultError

log = logging.getLogger(__name__)


class SaveFailed(Exception):
    """Nothing was saved: the keyring refused a secret (its writes were undone), or a password
    was no password to save; str() says why."""


@dataclass(frozen=True)
class SecretsWritten:
    """What a save did to the keyring before it held the account list, and what it found."""

    handle: str
    #: The account's state before anything was written (X's refusals it may lift).
    seen: AccountState
    #: The password and 2FA secret found before (to put back; not read when nothing is
    #: written).
    previous: tuple[str | None, str | None] = (None, None)
    #: The password and 2FA secret written (None: left as they were).
    password: str | None = None
    totp: str | None = None
    #: The saved 2FA secret was removed (there was one).
    totp_removed: bool = False


def write_secrets(
    ctx: AppContext,
    account: Account,
    *,
    new: bool,
    password: str,
    totp: str | None,
    remove_totp: bool,
) -> SecretsWritten:
    """The secrets to the keyring, the account list not held: DuplicateAccount (a new account
    listed already) or UnknownAccount (an edited one removed) before any is written,
    SaveFailed once the keyring's writes are taken back (or before anything is read, for a
    password of spaces only), OSError when the list cannot be written.

    A check reads an account's secrets and its state together (core/signin_secrets), within
    the hold of this process's writers (the window's own checks), so it may now come between
    these writes and the list's hold: it reads the new secrets with X's refusals as they were
    before, never the old secrets with refusals lifted (lifted only once they are written).
    - A password: a rejection X made of the old one is kept with its keyed hash, which the
      new one does not match: the check types the new one, and never the refused one. A
      rejection kept without one (of "the saved password, whatever it is") would hold the
      new one back: it is first named as the old one's (core/password_refusals), and the
      save fails, nothing written, when the keyring cannot give the key to name it.
    - X refusing the new password then (typed by that check) is the new one's, and stays:
      only the refusal seen before the write is lifted (`as_seen`). So does the 2FA secret's.
    - A new password with the old 2FA secret (the check between the two writes): at worst X
      refuses one code of an old secret that was wrong, whose refusal then names the old
      secret and holds no code of the new one back. The same secret saved again (its
      refusal lifted once the clock is right) makes no code until the hold: the check asks.
    - A save that fails once written puts the old secrets back (take_back) where they are
      still its own: a check may have typed the new password meanwhile; if X refused it,
      the old one's refusal is kept again with the old password (_save's OSError).

    A new account is looked at before anything is written, and again in the hold: listed in
    between (another window's, or `consentinel account add`, which writes within the hold),
    what was found in the keyring is put back where this save's secrets are still there.
    That other writer's secrets stay when they were written before this save read the
    keyring or after it wrote; written while this save's own write waited for its prompt,
    this save's replace them, and putting back what it had found takes them out. The handle
    is looked at again just before writing to keep that window to the write itself."""
    if password and not password.strip():
        # The keyring would hand it back as none saved (Vault.get_password): every check would
        # say no password is saved, and an edit would have replaced the good one. The dialog
        # refuses it first; refused here too, before anything is read or written.
        raise SaveFailed(tr("The password is only spaces: nothing was saved."))
    accounts, vault, handle = ctx.accounts, ctx.vault, account.handle
    if new:
        accounts.require_unlisted(handle)
    else:  # (removed: UnknownAccount, before its secrets are written again)
        accounts.require_listed(handle)
    seen = accounts.state(handle)
    if not (password or totp or remove_totp):  # (the keyring is not even read)
        return SecretsWritten(handle, seen)
    try:
        # Kept in memory only, to put back if a later step fails.
        previous = (vault.get_password(handle), vault.get_totp(handle))
        if new:
            accounts.require_unlisted(handle)  # (the reads may have waited for a prompt)
        elif password:
            seen = name_rejection_before_saving(ctx, handle, previous[0])
    except VaultError as error:
        raise SaveFailed(str(error)) from error
    written = SecretsWritten(
        handle,
        seen,
        previous,
        password=password or None,
        totp=totp,
        # (none saved: nothing to remove, nor to journal)
        totp_removed=remove_totp and previous[1] is not None,
    )
    try:
        if password:
            vault.set_password(handle, password)
        if totp:
            vault.set_totp(handle, totp)
        if remove_totp:  # (an entry emptied in the keyring's own app, read as none, goes too)
            vault.delete_totp(handle)
    except VaultError as error:
        take_back(ctx, written, previous)
        raise SaveFailed(str(error)) from error
    return written


def lift_refusals(ctx: AppContext, written: SecretsWritten, *, totp_again: bool) -> None:
    """Within the hold: what X refused before the save wrote the keyring no longer holds for
    what it wrote (`totp_again`: the saved 2FA secret to be used again). Only the refusals
    seen then: one X made since, of the new password or secret, stays."""
    seen = written.seen
    if written.password:  # a new password: the sign-in rules may try again
        as_seen = (seen.password_rejected, seen.rejected_password)
        ctx.accounts.clear_password_rejected(written.handle, as_seen=as_seen)
    if written.totp or totp_again:  # a 2FA secret saved again: codes are made from it again
        ctx.totp_saved(written.handle, as_seen=seen)


def take_back(ctx: AppContext, written: SecretsWritten, to: tuple[str | None, str | None]) -> None:
    """Each keyring entry the save changed set to `to` (password, 2FA secret; None: none),
    where it still holds what the save left there: what another writer saved since is
    theirs, and stays. A password put back that X had refused is refused again, as it was
    (a check meanwhile may have typed the new one and kept X's refusal of it instead). Best
    effort: a keyring or list that fails is logged."""
    vault, handle = ctx.vault, written.handle
    try:
        password_back = False
        if (
            written.password
            and to[0] != written.password
            and vault.get_password(handle) == written.password
        ):
            if to[0] is None:
                vault.delete_password(handle)
            else:
                vault.set_password(handle, to[0])
            password_back = True
        left = written.totp if written.totp else None
        if (
            (written.totp or written.totp_removed)
            and to[1] != left
            and vault.get_totp(handle) == left
        ):
            if to[1] is None:
                vault.delete_totp(handle)
            else:
                vault.set_totp(handle, to[1])
    except VaultError:
        log.warning("could not undo the keyring changes for @%s", handle_key(handle))
        return
    seen = written.seen
    if password_back and to[0] is not None and seen.password_rejected:
        try:
            ctx.accounts.mark_password_rejected(handle, seen.rejected_password)
        except OSError:
            log.warning("could not keep X's rejection of @%s's password", handle_key(handle))
