"""What the account dialog's Save does once what was typed is right: the secrets to the
keyring first (core/account_secrets_saving), then the account list, then the journal; and
what it says when it saves nothing, or when the account had been changed meanwhile
elsewhere."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from consentinel.core.account_edits import account_changes, edited_onto
from consentinel.core.account_secrets_saving import (
    SaveFailed,
    lift_refusals,
    take_back,
    write_secrets,
)
from consentinel.core.accounts import Account, DuplicateAccount
from consentinel.core.context import AppContext
from consentinel.core.identity_answers import answers_saved
from consentinel.core.status import Box

# The dialog's own words: its context in the catalogues (as its self.tr() has).
translate = QCoreApplication.translate


class NothingSaved(Exception):
    """Nothing was saved; str() says so, and why."""

    def __init__(self, problem: object) -> None:
        super().__init__(
            translate("AccountDialog", "Nothing was saved: {problem}").replace(
                "{problem}", str(problem)
            )
        )


class SavedSecretMakesNoCode(NothingSaved):
    """Asked to use the saved 2FA secret again, a saved secret no code can be made from:
    nothing was saved, nor any refusal lifted."""


class NoSavedSecretToUseAgain(NothingSaved):
    """Asked to use the saved 2FA secret again, no 2FA secret saved at all (removed meanwhile
    elsewhere): nothing was saved, nor any refusal lifted."""


class AddedMeanwhile(Exception):
    """The account was added meanwhile, elsewhere: nothing was saved, and the secrets it was
    added with were left as they were. `handle`: as typed."""

    def __init__(self, handle: str) -> None:
        super().__init__(handle)
        self.handle = handle


def save_account(
    ctx: AppContext,
    opened: Account | None,
    account: Account,
    *,
    password: str,
    totp: str | None,
    remove_totp: bool,
    totp_again: bool,
) -> tuple[Account | None, Account]:
    """Save `account` as the dialog has it (`opened`: the account it opened on, None when
    adding): secrets to the keyring first; only then the account. Any failure saves nothing
    (raises NothingSaved, AddedMeanwhile). Returns the account as listed before (None: a new
    one) and as saved."""
    if totp_again and not totp:
        _refuse_a_saved_secret_that_cannot_serve(ctx, account.handle)
    # The keyring first, the account list not held: a keyring may ask the person (its
    # unlock, "allow access") and wait as long as they take, and every other writer of the
    # list (the command line, a scheduled check in another process, another window, this
    # window's checks) would wait as long. Then, held, only the list: looked at again,
    # written, and X's refusals lifted where they are still the ones seen before the
    # keyring was written (account_secrets_saving.write_secrets: what a check may read between).
    try:
        written = write_secrets(
            ctx,
            account,
            new=opened is None,
            password=password,
            totp=totp,
            remove_totp=remove_totp,
        )
    except DuplicateAccount as error:  # (listed before any secret was written: none was)
        raise AddedMeanwhile(account.handle) from error
    except (SaveFailed, OSError, KeyError) as error:  # (KeyError: removed meanwhile)
        raise NothingSaved(error) from error
    saved = False
    try:
        with ctx.accounts.editing():
            before, account = _save_locked(ctx, opened, account)
            saved = True
            if opened is not None:
                lift_refusals(ctx, written, totp_again=totp_again)
    except DuplicateAccount as error:
        # Added meanwhile: the secrets in the keyring are that account's (see
        # account_secrets_saving.write_secrets for the one case they may not be).
        take_back(ctx, written, written.previous)
        raise AddedMeanwhile(account.handle) from error
    except KeyError as error:  # UnknownAccount: removed meanwhile, its secrets with it
        take_back(ctx, written, (None, None))
        raise NothingSaved(error) from error
    except OSError as error:  # the list held too long elsewhere, or unwritable
        if saved:  # (the account is saved: not "nothing was saved")
            raise
        take_back(ctx, written, written.previous)
        raise NothingSaved(error) from error
    if opened is None or before is None:
        ctx.journal.append_account_added(account.handle, keep=account.keep)
    else:
        answers_saved(ctx, before, account)  # (refusals no longer told go)
        # What this save changed of the account as it was listed: not of the account as
        # the dialog opened on it, which another edit may have changed meanwhile.
        changes = account_changes(
            before,
            account,
            password=bool(password),
            totp=bool(totp),
            totp_removed=written.totp_removed,
            totp_used_again=totp_again and not totp,
        )
        ctx.journal.record_account_edited(account.handle, changes)
    return before, account


def _refuse_a_saved_secret_that_cannot_serve(ctx: AppContext, handle: str) -> None:
    """Asked to use the saved 2FA secret again, none saved any more, or a secret no code can
    be made from (changed in the keyring's own app, Seahorse say): using it again cannot
    help, and lifting X's refusal would hide what is wrong. NoSavedSecretToUseAgain or
    SavedSecretMakesNoCode, nothing lifted, with what to do (as `account set-totp
    --use-again` refuses them)."""
    from consentinel.core.totp import makes_codes
    from consentinel.core.vault import VaultError

    try:
        saved = ctx.vault.get_totp(handle)
    except VaultError as error:
        raise NothingSaved(error) from error
    if saved is None:
        # (removed since the dialog opened: the command line, Seahorse) Lifting X's refusal
        # would lift it for no secret, and the next secret saved is lifted by its own save.
        raise NoSavedSecretToUseAgain(
            translate(
                "AccountDialog",
                "No 2FA secret is saved for @{handle} any more, so there is none to use again: "
                "type one in “2FA secret” to save it.",
            ).replace("{handle}", handle)
        )
    if not makes_codes(saved):
        raise SavedSecretMakesNoCode(
            translate(
                "AccountDialog",
                "The 2FA secret saved for @{handle} is not a valid one (a setup key is letters "
                "A to Z and digits 2 to 7), so no code can be made from it: type the right one "
                "in “2FA secret”, or tick “Remove the saved 2FA secret”.",
            ).replace("{handle}", handle)
        )


def _save_locked(
    ctx: AppContext, opened: Account | None, account: Account
) -> tuple[Account | None, Account]:
    """Within AccountStore.editing(), the secrets in the keyring already: the account
    added (DuplicateAccount: listed meanwhile), or what the person changed here applied
    onto the account as listed now (UnknownAccount: removed meanwhile), so that an edit
    saved meanwhile elsewhere (`consentinel account edit`, another window) keeps the rest.
    Returns the account as listed before (None: a new one) and as saved."""
    if opened is None:
        ctx.accounts.add(account)
        return None, account
    return ctx.accounts.change_account(
        account.handle, lambda listed: edited_onto(opened, account, listed)
    )


def check_began_words(handle: str) -> str:
    """Editing: the account's check began since the dialog opened, so nothing was saved."""
    return translate(
        "AccountDialog",
        "The check of @{handle} began meanwhile: nothing was saved. Save again once its "
        "check ends.",
    ).replace("{handle}", handle)


def added_meanwhile_words(handle: str) -> str:
    """Adding: the account was added elsewhere meanwhile (`handle` as listed)."""
    return translate(
        "AccountDialog",
        "@{handle} was added meanwhile, by the command line or another window: "
        "nothing was saved, and the secrets it was added with were left as they were.",
    ).replace("{handle}", handle)


def changed_meanwhile_words(opened: Account | None, listed: Account) -> str | None:
    """What to tell once saved when the account `listed` as the save found it is not the one
    the dialog `opened` on (None: it is)."""
    if opened is None or details(listed) == details(opened):
        return None
    return translate(
        "AccountDialog",
        "@{handle} saved. It had been changed meanwhile, by the command line or another "
        "window: those changes were kept, except where you changed the same detail here.",
    ).replace("{handle}", listed.handle)


def details(account: Account) -> tuple[str | None, str | None, frozenset[Box]]:
    """What the dialog edits of an account besides its secrets."""
    return account.email, account.phone, account.keep
