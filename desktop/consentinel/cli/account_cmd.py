"""`consentinel account add|list|edit|remove|set-password|set-totp` (`restore` and
`erase-history`: their own files)."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from typing import TYPE_CHECKING, Any, NoReturn

from consentinel.cli.context import (
    confirm_removal,
    known_account,
    open_context,
    parse_handle,
    read_secret_lines,
    read_totp_line,
    stdin_is_terminal,
)
from consentinel.cli.errors import UnreadableJournalError, UsageError
from consentinel.core.i18n import tr
from consentinel.core.records import replace

if TYPE_CHECKING:
    from consentinel.core.accounts import Account, AccountState, AccountStore
    from consentinel.core.context import AppContext

#: `account remove` answered no: nothing removed (as `delete-all-data`, `log --start-over`).
EXIT_NOTHING_REMOVED = 1
#: Done in part: `account remove --erase-history` removed the account but did not erase its
#: history (a check started meanwhile). Not 1, which says nothing was removed, nor 2 (usage
#: or set-up error: nothing done).
EXIT_DONE_IN_PART = 3


def add_parser(sub: Any) -> None:
    account = sub.add_parser(
        "account", help=tr("add, list, edit or remove X accounts, or change their secrets")
    )
    verbs = account.add_subparsers(dest="verb", required=True)

    add = verbs.add_parser(
        "add",
        help=tr("add an account"),
        description=tr(
            "At a terminal, it asks for the password (typed twice) and then the 2FA secret; "
            "either may be left empty. From a pipe, --password-stdin and --totp-stdin name the "
            "lines to read."
        ),
    )
    add.add_argument("handle", metavar=tr("HANDLE"), help=tr("the X handle, with or without @"))
    first_line = tr("read the password from the first line of standard input")
    add.add_argument("--password-stdin", action="store_true", help=first_line)
    add.add_argument(
        "--totp-stdin",
        action="store_true",
        help=tr(
            "read the 2FA (TOTP) secret from the next line of standard input (the first line "
            "without --password-stdin)"
        ),
    )
    add.add_argument("--email", metavar="EMAIL", help=tr("the email address X may ask for"))
    add.add_argument("--phone", metavar=tr("PHONE"), help=tr("the phone number X may ask for"))
    keep_help = tr(
        "boxes to keep off besides training (always off): personalization, memory, or all "
        "(the default); '' for training alone"
    )
    add.add_argument("--keep", metavar=tr("BOXES"), help=keep_help)
    add.set_defaults(handler=_add)

    lst = verbs.add_parser("list", help=tr("list the accounts"))
    lst.add_argument("--json", action="store_true", help=tr("print the accounts as JSON"))
    lst.set_defaults(handler=_list)

    edit = verbs.add_parser(
        "edit", help=tr("change an account's email, phone or boxes; its secrets stay")
    )
    edit.add_argument("handle", metavar=tr("HANDLE"), help=tr("one of your accounts"))
    edit.add_argument(
        "--email", metavar="EMAIL", help=tr("the email address X may ask for ('' removes it)")
    )
    edit.add_argument(
        "--phone", metavar=tr("PHONE"), help=tr("the phone number X may ask for ('' removes it)")
    )
    edit.add_argument(
        "--keep",
        metavar=tr("BOXES"),
        help=tr(
            "boxes to keep off besides training (always off): personalization, memory, or "
            "all; '' for training alone"
        ),
    )
    edit.set_defaults(handler=_edit)

    rm = verbs.add_parser("remove", help=tr("remove an account, its secrets and its session"))
    rm.add_argument("handle", metavar=tr("HANDLE"), help=tr("one of your accounts"))
    rm.add_argument(
        "--keep-unreachable-secrets",
        action="store_true",
        help=tr("remove the account even when no keyring can be reached (its secrets stay there)"),
    )
    rm.add_argument(
        "--erase-history",
        action="store_true",
        help=tr("also erase its history from the journal, and its screenshots"),
    )
    rm.add_argument(
        "-y", "--yes", action="store_true", help=tr("do not ask first (needed without a terminal)")
    )
    rm.set_defaults(handler=_remove)

    pw = verbs.add_parser("set-password", help=tr("change the stored password"))
    pw.add_argument("handle", metavar=tr("HANDLE"), help=tr("one of your accounts"))
    pw.add_argument("--password-stdin", action="store_true", help=first_line)
    pw.set_defaults(handler=_set_password)

    totp = verbs.add_parser("set-totp", help=tr("save, change or remove the 2FA (TOTP) secret"))
    totp.add_argument("handle", metavar=tr("HANDLE"), help=tr("one of your accounts"))
    how = totp.add_mutually_exclusive_group()
    how.add_argument(
        "--totp-stdin",
        action="store_true",
        help=tr("read the secret from the first line of standard input"),
    )
    how.add_argument(
        "--remove",
        action="store_true",
        help=tr("forget the saved secret (2FA turned off on X, or not to be kept here)"),
    )
    how.add_argument(
        "--use-again",
        action="store_true",
        help=tr("make codes again from the saved secret, after X refused one"),
    )
    totp.set_defaults(handler=_set_totp)

    from consentinel.cli.account_restore_cmd import add_restore_verb

    add_restore_verb(verbs)

    from consentinel.cli.account_erase_cmd import add_erase_verb

    add_erase_verb(verbs)

    from consentinel.cli.account_import_cmd import add_import_verb

    add_import_verb(verbs)


def _add(args: argparse.Namespace) -> int:
    from consentinel.core.accounts import (
        Account,
        InvalidHandle,
        normalize_handle,
        parse_keep,
        validate_email,
        validate_phone,
    )
    from consentinel.core.fileio import StorageError
    from consentinel.core.totp import InvalidTotpSecret, parse_totp_secret

    try:
        handle = normalize_handle(args.handle)
        keep = parse_keep(args.keep) if args.keep is not None else None
        email = validate_email(args.email) if args.email else None
        phone = validate_phone(args.phone) if args.phone else None
    except (InvalidHandle, ValueError) as error:
        raise UsageError(str(error)) from None

    ctx = open_context()
    _refuse_if_listed(ctx, handle)
    password: str | None = None
    totp_text: str | None = None
    # At a terminal both secrets are asked and either may be left empty, the flags or not;
    # on a pipe, a password the flag names must be there.
    at_terminal = stdin_is_terminal()
    totp_given_up = False
    if _keyring_ready_for(ctx, args.password_stdin or args.totp_stdin):
        password, totp_text, totp_given_up = read_secret_lines(args.password_stdin, args.totp_stdin)
    if args.password_stdin and not at_terminal and not (password or "").strip():
        raise UsageError(tr("The password is empty: nothing was saved."))
    try:
        totp = parse_totp_secret(totp_text) if totp_text is not None else None
    except InvalidTotpSecret as error:
        raise UsageError(str(error)) from None

    account = Account(handle=handle, email=email, phone=phone)
    if keep is not None:
        account = Account(handle=handle, email=email, phone=phone, keep=keep)
    try:
        # One step for every writer of the list: another process (the window, another command)
        # cannot add it between the look and the add, after its secrets went to the keyring.
        with ctx.accounts.editing():
            # Looked at again: added while the secrets were typed, the secrets in the keyring
            # are that account's, and are left alone.
            _refuse_if_listed(ctx, handle)
            _save_new_account(ctx, account, password, totp)
    except StorageError as error:  # (the list held too long by another process, or unwritable)
        raise UsageError(str(error)) from None
    ctx.journal.append_account_added(handle, keep=account.keep)
    where = ctx.vault.backend_label()
    print(tr("Added @{handle}.", handle=handle))
    if password is not None or totp is not None:
        print(tr("Secrets stored in {where}.", where=where))
    if password is None:
        print(
            tr(
                "No password was saved: checks can only use a session you sign in yourself "
                "(consentinel login {handle}), or save one with: consentinel account "
                "set-password {handle} --password-stdin",
                handle=handle,
            )
        )
    if totp_given_up:  # (three secrets not valid at the terminal: each was said at its entry)
        print(
            tr(
                "No 2FA secret was saved, as none of the three typed was a valid one: save it "
                "with `consentinel account set-totp {handle}`.",
                handle=handle,
            )
        )
    return 0


def _save_new_account(
    ctx: AppContext, account: Account, password: str | None, totp: str | None
) -> None:
    """Secrets first (the keyring was checked before they were read): if the keyring refuses,
    nothing at all is saved; if the list cannot be written, the secrets are taken back out.
    Within AccountStore.editing(), the account found not listed."""
    from consentinel.core.accounts import DuplicateAccount
    from consentinel.core.fileio import StorageError
    from consentinel.core.vault import VaultError

    handle = account.handle
    try:
        if password is not None:
            ctx.vault.set_password(handle, password)
        if totp is not None:
            ctx.vault.set_totp(handle, totp)
    except VaultError as error:
        raise UsageError(str(error)) from None
    try:
        ctx.accounts.add(account)
    except DuplicateAccount:  # (cannot be, within editing(): said as the look would say it)
        _refuse_if_listed(ctx, handle)
        raise UsageError(tr("@{handle} is already in your accounts.", handle=handle)) from None
    except StorageError as error:
        # The account could not be saved: take its secrets back out of the keyring.
        with contextlib.suppress(VaultError):
            ctx.vault.delete_account(handle)
        raise UsageError(str(error)) from None


def _refuse_if_listed(ctx: AppContext, handle: str) -> None:
    """A usage error when the account is listed already, named as it is listed (handles are
    case-insensitive: `account add ALICE` finds @alice): AccountStore.require_unlisted's."""
    from consentinel.core.accounts import DuplicateAccount

    try:
        ctx.accounts.require_unlisted(handle)
    except DuplicateAccount as error:
        raise UsageError(str(error)) from None


def _keyring_ready_for(ctx: AppContext, secrets_given: bool) -> bool:
    """Whether `account add` may ask for its secrets: the keyring is asked first, so that no
    one types a password twice only to hear it cannot be kept. Secrets given on standard input
    and no keyring: an error, nothing saved. At a terminal with none given: the account is
    added without secrets (as in the window), and the keyring's problem is said."""
    from consentinel.core.vault import VaultError

    if secrets_given:
        _require_keyring(ctx)
        return True
    if not stdin_is_terminal():
        return True  # nothing will be read
    try:
        ctx.vault.check()
    except VaultError as error:
        print(str(error), file=sys.stderr)
        print(tr("The account is added without a password or 2FA secret."), file=sys.stderr)
        return False
    return True


def _require_keyring(ctx: AppContext) -> None:
    """Asked before a secret is read: a keyring that could not keep it is a usage error."""
    from consentinel.core.vault import VaultError

    try:
        ctx.vault.check()
    except VaultError as error:
        raise UsageError(str(error)) from None


def _list(args: argparse.Namespace) -> int:
    from consentinel.core.last_check import (
        clock_offset_of_last_check,
        killed_while_unticking,
        with_last_check,
    )

    try:
        ctx: AppContext | None = open_context(read_only=True)
    except UnreadableJournalError as error:
        if error.why != "unopened":
            raise
        # (The disk full, say: the accounts are in their own file, and still worth listing.)
        ctx = None
        listed = tr(
            "The accounts are listed with their last checks as the accounts file remembers them."
        )
        print(f"{error} {listed}", file=sys.stderr)
    store = ctx.accounts if ctx is not None else _accounts_as_they_are()
    if store.unreadable:
        return 2  # (said on standard error: the file left as it is, no list to show)
    accounts = store.list_with_states()
    if ctx is not None:
        killed = killed_while_unticking(ctx.journal)
        accounts = [
            (account, with_last_check(state, account.handle, ctx.journal, killed))
            for account, state in accounts
        ]
    if args.json:
        rows = [
            {
                "handle": account.handle,
                "email": account.email,
                "phone": account.phone,
                "keep": sorted(box.value for box in account.keep),
                "last_check_at": state.last_check_at.isoformat() if state.last_check_at else None,
                "last_status": state.last_status,
                "last_reason": state.last_reason,
                "password_rejected": state.password_rejected,
                # (Not one set while the clock was ahead: it holds nothing back.)
                "blocked_until": until.isoformat() if (until := state.backoff_until()) else None,
                # Its 2FA code refused for this computer's clock: by how much (check --json's).
                "clock_offset_s": clock_offset_of_last_check(
                    state, account.handle, ctx.journal if ctx is not None else None
                ),
            }
            for account, state in accounts
        ]
        json.dump(rows, sys.stdout, indent=2)
        print()
        return 0
    if not accounts:
        from consentinel.cli.account_restore_cmd import missing_accounts_hint

        print(tr("No accounts yet. Add one with: consentinel account add HANDLE"))
        hint = missing_accounts_hint(ctx) if ctx is not None else None
        if hint:
            print(hint)
        return 0
    from consentinel.cli.terminal import outcome_words

    lines = []
    for account, state in accounts:
        last = tr("not checked yet")
        if state.last_status:  # with why, as `check` and `log` say it
            answered = _x_answered_at_last_check(state, account.handle, ctx)
            journal = ctx.journal if ctx is not None else None
            clock_off = clock_offset_of_last_check(state, account.handle, journal) is not None
            last = outcome_words(
                state.last_status, state.last_reason, answered, clock_off=clock_off
            )
        when = state.last_check_at
        at = when.astimezone().strftime("%Y-%m-%d %H:%M") if when else ""
        lines.append((account.handle, last, at))
    # Columns as wide as their longest words (French statuses are longer than English ones).
    width = max(len(last) for _handle, last, _at in lines)
    for handle, last, at in lines:
        print(f"@{handle:<16} {last:<{width}} {at}".rstrip())
    return 0


def _x_answered_at_last_check(
    state: AccountState, handle: str, ctx: AppContext | None
) -> bool | None:
    """Of a last check that did not reach X: whether X answered with an error of its own
    ("X failing") or was not reached ("X unreachable"), as its journal entry says, as the
    window's row does; None for any other, or when not known."""
    from consentinel.core.check_messages import x_answered_in
    from consentinel.core.status import Reason

    if state.last_reason is not Reason.NETWORK or ctx is None:
        return None

    entry = ctx.journal.last_check(handle)
    return x_answered_in(entry.payload) if entry is not None else None


def _accounts_as_they_are() -> AccountStore:
    """The accounts file read as it is, when the journal could not be opened (its disk full,
    say): what it cannot use is said on standard error, and left where it is."""
    from consentinel.core.accounts import AccountStore
    from consentinel.core.paths import AppPaths

    store = AccountStore(AppPaths.from_env(), looking=True)
    store.list()  # (reads it now: a file it cannot use is said before the list)
    if store.load_warning:
        print(store.load_warning, file=sys.stderr)
    return store


def _edit(args: argparse.Namespace) -> int:
    from consentinel.core.accounts import UnknownAccount, parse_keep, validate_email, validate_phone
    from consentinel.core.fileio import StorageError

    if args.email is None and args.phone is None and args.keep is None:
        raise UsageError(tr("Nothing to change: give --email, --phone or --keep."))
    handle = parse_handle(args.handle)
    try:
        email = validate_email(args.email) if (args.email or "").strip() else None
        phone = validate_phone(args.phone) if (args.phone or "").strip() else None
        keep = parse_keep(args.keep) if args.keep is not None else None
    except ValueError as error:
        raise UsageError(str(error)) from None
    ctx = open_context()
    listed_as = known_account(ctx, handle).handle
    given: dict[str, Any] = {}
    if args.email is not None:
        given["email"] = email
    if args.phone is not None:
        given["phone"] = phone
    if keep is not None:
        given["keep"] = keep
    try:
        # Only the details given, onto the account as listed when the list is held: another
        # edit of it meanwhile (the window, another command) keeps what it changed.
        account, changed = ctx.accounts.change_account(
            handle, lambda listed: replace(listed, **given)
        )
    except UnknownAccount:  # removed meanwhile by another process
        raise UsageError(tr("@{handle} is not one of your accounts.", handle=listed_as)) from None
    except StorageError as error:
        raise UsageError(str(error)) from None
    if changed == account:
        print(tr("@{handle} already has these details: nothing changed.", handle=account.handle))
        return 0
    from consentinel.core.account_edits import account_changes
    from consentinel.core.identity_answers import answers_saved

    answers_saved(ctx, account, changed)  # (a new email or phone: refusals no longer told go)
    ctx.journal.record_account_edited(account.handle, account_changes(account, changed))
    print(tr("Updated @{handle}.", handle=account.handle))
    for line in _details(changed):
        print(f"  {line}")
    return 0


def _details(account: Account) -> list[str]:
    """What `account edit` says an account now holds (never a secret)."""
    from consentinel.core.check_messages import box_name
    from consentinel.core.status import ALL_BOXES

    none = tr("none")
    boxes = ", ".join(box_name(box) for box in ALL_BOXES if box in account.keep)
    return [
        tr("email: {value}", value=account.email or none),
        tr("phone: {value}", value=account.phone or none),
        tr("boxes kept off: {boxes}", boxes=boxes),
    ]


def _remove(args: argparse.Namespace) -> int:
    handle = parse_handle(args.handle)
    ctx = open_context()
    account = known_account(ctx, handle)
    erasing = None
    if args.erase_history:
        from consentinel.cli.account_erase_cmd import what_erasing_does
        from consentinel.core.journal_erasure import history_of

        found = history_of(ctx.journal, account.handle)
        # The removal's own entry, written before the erasure, is erased with it: counted.
        erasing = what_erasing_does(found._replace(entries=found.entries + 1))
    if not args.yes and not confirm_removal(account.handle, erasing):
        return EXIT_NOTHING_REMOVED
    if args.erase_history:  # a check running would write its history again: nothing done
        from consentinel.cli.account_erase_cmd import check_running
        from consentinel.core.data_eraser import CheckRunning
        from consentinel.core.history_eraser import check_none_running

        try:
            check_none_running(ctx)
        except CheckRunning:
            raise UsageError(check_running() + " " + tr("Nothing was removed.")) from None
    # The keyring first, without the run lock: one that asks the person (an unlock prompt)
    # keeps no scheduled check waiting for as long as it asks; one that refused leaves the
    # account as it was (once off the list, nothing would name the secrets it kept).
    secrets_left = _delete_secrets(args, ctx, account)
    if args.erase_history:
        return _removed_and_erased(ctx, account.handle, secrets_left)
    _take_off(ctx, account.handle)
    _say_removed(account.handle, secrets_left)
    print(
        tr(
            "Its history stays in the journal, with its screenshots. To erase it: "
            "consentinel account erase-history {handle}",
            handle=account.handle,
        )
    )
    return 0


def _removed_and_erased(ctx: AppContext, handle: str, secrets_left: bool) -> int:
    """The run lock held: off the list (a check starting after it no longer sees it), and its
    history erased, which no check may write again meanwhile. A check that started while the
    keyring asked has the account: removed, its history not erased, said; EXIT_DONE_IN_PART."""
    from consentinel.cli.account_erase_cmd import erase_history_of, say_erased
    from consentinel.core.data_eraser import CheckRunning
    from consentinel.core.history_eraser import no_check_running, not_erased_check_started

    with contextlib.ExitStack() as held:
        try:
            held.enter_context(no_check_running(ctx))
        except CheckRunning:
            _take_off(ctx, handle)
            _say_removed(handle, secrets_left)
            print(not_erased_check_started(handle), file=sys.stderr)
            return EXIT_DONE_IN_PART
        _take_off(ctx, handle)
        _say_removed(handle, secrets_left)
        say_erased(ctx, handle, erase_history_of(ctx, handle, locked=True))
    return 0


def _delete_secrets(args: argparse.Namespace, ctx: AppContext, account: Account) -> bool:
    """The account's secrets deleted from the keyring (which may ask the person first);
    UsageError when it cannot be, nothing removed. True: no keyring could be reached and
    --keep-unreachable-secrets says to go on (they may stay there)."""
    from consentinel.core.vault import VaultError, VaultUnavailable

    try:
        ctx.vault.delete_account(account.handle)
    except VaultUnavailable as error:
        if not args.keep_unreachable_secrets:
            # The command again as it must be typed: with --yes when it was given (without a
            # terminal to ask on, it is still needed).
            flags = ("--yes " if args.yes else "") + "--keep-unreachable-secrets"
            if args.erase_history:
                flags += " --erase-history"
            more = tr(
                "Nothing was removed. To remove the account anyway and leave any secrets it "
                "has in that keyring: {command}",
                command=f"consentinel account remove {account.handle} {flags}",
            )
            raise UsageError(f"{error}\n{more}") from None
        return True
    except VaultError as error:  # locked: unlocking it is the person's to do
        raise UsageError(str(error)) from None
    return False


def _take_off(ctx: AppContext, handle: str) -> None:
    """Off the list, its session deleted, its removal written in the journal."""
    from consentinel.core.accounts import UnknownAccount

    with contextlib.suppress(UnknownAccount):  # removed meanwhile by another process
        ctx.accounts.remove(handle)
    # Once off the list: a check signing it in meanwhile deletes the session it saves after
    # (core/account_check), or saved it before this deletes it.
    ctx.sessions.delete(handle)
    ctx.journal.append_account_removed(handle)


def _say_removed(handle: str, secrets_left: bool) -> None:
    if secrets_left:
        print(
            tr(
                "Removed @{handle} and its session. No keyring could be reached: any secrets "
                "it has there were not deleted.",
                handle=handle,
            )
        )
    else:
        print(tr("Removed @{handle}, its secrets and its session.", handle=handle))


def _set_password(args: argparse.Namespace) -> int:
    from consentinel.core.fileio import StorageError
    from consentinel.core.vault import VaultError

    handle = parse_handle(args.handle)
    ctx = open_context()
    account = known_account(ctx, handle)
    _require_keyring(ctx)  # before the password is typed: it could not be kept
    password = read_secret_lines(args.password_stdin, False, prompt_password=True).password
    if not (password or "").strip():
        raise UsageError(tr("The password is empty: nothing was saved."))
    before = ctx.accounts.state(account.handle)
    try:
        if before.password_rejected and before.rejected_password is None:
            # X's rejection kept without a hash holds whatever password is saved: named as
            # the old one's first, a check reading the new one before the rejection is lifted
            # types it, and still never the old one (core/password_refusals).
            from consentinel.core.password_refusals import name_rejection_before_saving

            old = ctx.vault.get_password(account.handle)
            before = name_rejection_before_saving(ctx, account.handle, old)
        seen = (before.password_rejected, before.rejected_password)
        ctx.vault.set_password(account.handle, password or "")
    except (VaultError, StorageError) as error:  # (nothing saved yet)
        raise UsageError(str(error)) from None
    # The list is held only once the keyring has kept the password: a keyring that asks the
    # person first (its unlock, "allow access") would keep every other writer of the list
    # waiting as long. A check reading in between finds the new password with X's rejection
    # of the old one, of another password (core/password_refusals): it types the new one; if
    # X refuses it, that rejection is the new password's, and stays (`as_seen`).
    try:
        with ctx.accounts.editing():
            listed = ctx.accounts.get(account.handle) is not None
            if listed:
                ctx.accounts.clear_password_rejected(account.handle, as_seen=seen)
    except StorageError as error:  # (the list held too long by another process, or unwritable)
        message = tr(
            "The password of @{handle} is saved, but its account could not be updated: {error}",
            handle=account.handle,
            error=str(error),
        )
        raise UsageError(message) from None
    if not listed:
        _forget_password_of_removed(ctx, account.handle)
    ctx.journal.record_account_edited(account.handle, {"new_password": True})
    print(tr("Password updated for @{handle}.", handle=account.handle))
    return 0


def _forget_password_of_removed(ctx: AppContext, handle: str) -> NoReturn:
    """`handle` was removed (by another process) while its password was saved: the password,
    which outlived the removal's deletion of its secrets, is deleted too."""
    from consentinel.core.vault import VaultError

    try:
        ctx.vault.delete_account(handle)
    except VaultError as error:
        raise UsageError(
            tr(
                "@{handle} was removed while its password was being saved, and the password "
                "could not be deleted from the keyring: {error}",
                handle=handle,
                error=str(error),
            )
        ) from None
    raise UsageError(
        tr(
            "@{handle} was removed while its password was being saved: the password was "
            "deleted again.",
            handle=handle,
        )
    )


def _set_totp(args: argparse.Namespace) -> int:
    from consentinel.core.totp import InvalidTotpSecret, parse_totp_secret
    from consentinel.core.vault import VaultError

    handle = parse_handle(args.handle)
    ctx = open_context()
    account = known_account(ctx, handle)
    _require_keyring(ctx)  # before the secret is typed: it could not be kept
    if args.remove:
        return _remove_totp(ctx, account.handle)
    if args.use_again:
        return _use_totp_again(ctx, account.handle)
    text = read_totp_line(args.totp_stdin)
    try:
        secret = parse_totp_secret(text)
    except InvalidTotpSecret as error:
        raise UsageError(str(error)) from None
    try:
        ctx.vault.set_totp(account.handle, secret)
    except VaultError as error:
        raise UsageError(str(error)) from None
    ctx.totp_saved(account.handle)  # saved again: codes are made from it
    ctx.journal.record_account_edited(account.handle, {"new_2fa_secret": True})
    print(tr("2FA secret saved for @{handle}.", handle=account.handle))
    return 0


def _use_totp_again(ctx: AppContext, handle: str) -> int:
    """Codes made again from the saved secret X refused one of (the person knows it right)."""
    from consentinel.core.account_edits import TOTP_USED_AGAIN
    from consentinel.core.totp import makes_codes
    from consentinel.core.totp_refusals import refused_saved_totp
    from consentinel.core.vault import VaultError

    try:
        secret = ctx.vault.get_totp(handle)
    except VaultError as error:
        raise UsageError(str(error)) from None
    if not secret:
        raise UsageError(
            tr(
                "No 2FA secret is saved for @{handle}: save one with `consentinel account "
                "set-totp {handle}`.",
                handle=handle,
            )
        )
    if not makes_codes(secret):  # (changed in the keyring by hand): using it again cannot help
        raise UsageError(
            tr(
                "The 2FA secret saved for @{handle} is not a valid one (a setup key is letters A "
                "to Z and digits 2 to 7), so no code can be made from it: save the right one "
                "with `consentinel account set-totp {handle}`, or remove it with `consentinel "
                "account set-totp {handle} --remove`.",
                handle=handle,
            )
        )
    if not refused_saved_totp(ctx, handle, secret):
        print(
            tr(
                "Checks already make codes from the 2FA secret saved for @{handle}: nothing "
                "to change.",
                handle=handle,
            )
        )
        return 0
    ctx.totp_saved(handle)  # (as a secret saved again)
    ctx.journal.record_account_edited(handle, {TOTP_USED_AGAIN: True})
    print(
        tr(
            "Checks make codes from the 2FA secret saved for @{handle} again. If X refuses "
            "the next one too, the secret is not this account's or this computer's clock is "
            "wrong.",
            handle=handle,
        )
    )
    return 0


def _remove_totp(ctx: AppContext, handle: str) -> int:
    from consentinel.core.vault import VaultError

    try:
        saved = ctx.vault.get_totp(handle) is not None
        # An entry emptied in the keyring's own app reads as none saved, yet is there: it goes
        # too (none at all is fine).
        ctx.vault.delete_totp(handle)
    except VaultError as error:
        raise UsageError(str(error)) from None
    if not saved:
        print(tr("No 2FA secret is saved for @{handle}: nothing to remove.", handle=handle))
        return 0
    ctx.journal.record_account_edited(handle, {"2fa_secret_removed": True})
    print(
        tr(
            "2FA secret removed for @{handle}. If X still asks for a code, the next check "
            "says it needs you.",
            handle=handle,
        )
    )
    return 0
