"""What every command needs: the app's context, opened from the environment, and secret input."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TextIO

from consentinel.cli.errors import DataFolderError, UnreadableJournalError, UsageError
from consentinel.core.i18n import tr

if TYPE_CHECKING:
    from consentinel.core.accounts import Account
    from consentinel.core.context import AppContext
    from consentinel.core.paths import AppPaths


def open_context(*, read_only: bool = False, goes_to_x: bool = False) -> AppContext:
    """Open the data folder, settings, accounts, vault and journal; set-up problems exit 2.
    `read_only`: the command only looks, and finding no folder yet it makes none. `goes_to_x`:
    the command opens X's pages, so X's address must be one (checked before anything is
    opened)."""
    from consentinel.core.context import AppContext
    from consentinel.core.fileio import StorageError
    from consentinel.core.paths import AppPaths
    from consentinel.core.settings import SettingsLoad, XOriginError, read_settings

    loaded: SettingsLoad | None = None
    try:
        paths = AppPaths.from_env()
        unusable = paths.unusable()  # (said as `ensure()` says it, the folder named)
        if unusable is not None:
            raise unusable
        if goes_to_x:
            # Read once, and used: a damaged file is set aside by this first read, and only
            # this read can say so (the next finds no file).
            loaded = read_settings(paths)
            loaded.settings.effective_x_origin(paths.settings_path)
        if read_only and not paths.journal_path.exists():
            # (nothing saved yet, or only settings: a `schedule pause` on a new computer, a
            # data folder the person removed; the accounts file, if any, is read as it is)
            ctx = AppContext.of_nothing_yet(paths, _scratch_folder())
        elif read_only:
            # Looking never sets the journal aside, migrates it nor marks it: a damaged one
            # is said and left where it is (the app and `check` set it aside when they open
            # it; a command that only looks would answer about a new, empty journal).
            ctx = _looking(paths)
        else:
            ctx = AppContext.create(
                paths,
                settings=loaded.settings if loaded else None,
                settings_from_file=loaded is not None and loaded.set_aside_to is None,
            )
    except StorageError as error:
        raise DataFolderError(str(error)) from None
    except XOriginError as error:
        raise UsageError(str(error)) from None
    if loaded is not None and loaded.warning:
        ctx.warnings.insert(0, loaded.warning)
        ctx.settings_set_aside = loaded.set_aside_to
    ctx.accounts.list()  # reads the file now, so that a set-aside file is reported first
    for warning in (*ctx.warnings, ctx.accounts.load_warning, ctx.journal.open_warning):
        if warning:
            print(warning, file=sys.stderr)
    return ctx


def _looking(paths: AppPaths) -> AppContext:
    """The context of a data folder as it is, for a command that only looks: its journal read
    as it is (Journal.open_read_only), whether the folder can be written or not. One that
    cannot be read so is said (UnreadableJournalError), and left where it is."""
    from consentinel.core.context import AppContext
    from consentinel.core.journal import UnreadableJournal

    writable = _can_write(paths.data_dir)
    try:
        ctx = AppContext.looking_only(paths)
    except UnreadableJournal as error:
        raise UnreadableJournalError(error, set_aside_later=writable) from None
    if not writable:
        print(
            tr(
                "The data folder {folder} cannot be written: shown as it is, and nothing "
                "in it is changed.",
                folder=paths.data_dir,
            ),
            file=sys.stderr,
        )
    return ctx


def _can_write(folder: Path) -> bool:
    """False on a read-only disk (even for root) or a folder its owner cannot write to."""
    import os

    return os.access(folder, os.W_OK)


def _scratch_folder() -> Path:
    """A private temporary folder, removed when the command ends."""
    import atexit
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="consentinel-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def warn_if_browser_setting_skipped(ctx: AppContext) -> None:
    """On stderr, when the browser the person named cannot run and another one is used."""
    from consentinel.core.doctor import skipped_browser_warning

    skipped = skipped_browser_warning(ctx.settings.browser_path)
    if skipped:
        print(skipped, file=sys.stderr)


def parse_handle(text: str) -> str:
    """A handle as typed, normalised; an invalid one is a usage error."""
    from consentinel.core.accounts import InvalidHandle, normalize_handle

    try:
        return normalize_handle(text)
    except InvalidHandle as error:
        raise UsageError(str(error)) from None


def known_account(ctx: AppContext, handle: str) -> Account:
    """The stored account for a normalised handle; an unknown one is a usage error."""
    account = ctx.accounts.get(handle)
    if account is None:
        raise UsageError(tr("@{handle} is not one of your accounts.", handle=handle))
    return account


class TypedSecrets(NamedTuple):
    """What read_secret_lines read. `totp_given_up`: at a terminal, three 2FA secrets in a row
    were not valid ones; the account is added without a secret (its password kept), and the
    person is told how to save one later."""

    password: str | None
    totp: str | None
    totp_given_up: bool = False


def read_secret_lines(
    password_stdin: bool, totp_stdin: bool, *, prompt_password: bool = False
) -> TypedSecrets:
    """`account add`'s password and 2FA secret, or set-password's password (`prompt_password`).

    At a terminal each is asked without echo (typed there, it would be shown), whatever the flags
    say: they are for pipes. `account add` asks the password, typed twice, then the 2FA secret,
    each of which may be left empty (None), as in the window; set-password asks the password
    alone ("" when left empty, refused as such). Without a terminal, the password is standard
    input's first line with --password-stdin, the 2FA secret the next line with --totp-stdin,
    and nothing else is read.
    """
    password: str | None = None
    totp: str | None = None
    if _stdin().isatty():  # _stdin(): one that is closed is said, and nothing is read
        if prompt_password:
            return TypedSecrets(_ask_password_twice(tr("X password: ")), None)
        password = _ask_password_twice(tr("X password (leave empty to skip): ")) or None
        try:
            return TypedSecrets(password, _ask_totp_secret())
        except _NoValidSecret:
            return TypedSecrets(password, None, totp_given_up=True)
    if password_stdin:
        password = _secret_line(tr("X password: ")) or ""
    elif prompt_password:
        raise UsageError(tr("Give the password on standard input with --password-stdin."))
    if totp_stdin:
        line = _secret_line(tr("2FA (TOTP) secret: "))
        if line is None:
            raise UsageError(tr("--totp-stdin was given but standard input has no line for it."))
        totp = line
    return TypedSecrets(password, totp)


def read_totp_line(from_stdin: bool) -> str:
    """A 2FA secret: standard input's first line, or asked without echo at a terminal."""
    if from_stdin or _stdin().isatty():
        return _secret_line(tr("2FA (TOTP) secret: ")) or ""
    raise UsageError(tr("Give the secret on standard input with --totp-stdin."))


def confirm_removal(handle: str, erasing: str | None = None) -> bool:
    """Asked at a terminal before an account's secrets go (nothing brings them back); without
    a terminal, --yes says it. Anything but yes removes nothing: False, and it is said.
    `erasing`: what erasing its history does (--erase-history); else what stays is said."""
    consequence = tr(
        "Removing @{handle} deletes its password, its 2FA secret and its session from this "
        "computer.",
        handle=handle,
    )
    consequence += " " + (
        erasing
        or tr(
            "Its history stays in the journal, with its screenshots: add --erase-history to "
            "erase it too."
        )
    )
    if not stdin_is_terminal():
        raise UsageError(consequence + " " + tr("No terminal to ask on: add --yes to remove it."))
    print(consequence, file=sys.stderr)
    return answered_yes(tr("Remove it? [y/N] "), tr("Nothing was removed."))


def answered_yes(question: str, refused: str) -> bool:
    """`question` asked at the terminal: True for yes (y, yes, o, oui); else `refused` said."""
    print(question, end="", file=sys.stderr, flush=True)
    answer = _stdin().readline()
    if answer.strip().lower() not in ("y", "yes", "o", "oui"):
        if not answer:
            print(file=sys.stderr)  # Ctrl-D: the next words on a line of their own
        print(refused, file=sys.stderr)
        return False
    return True


def stdin_is_terminal() -> bool:
    """Whether secrets would be asked at a terminal (standard input is one)."""
    return sys.stdin is not None and sys.stdin.isatty()


def _stdin() -> TextIO:
    if sys.stdin is None:  # started with standard input closed (`<&-`)
        raise UsageError(tr("Standard input is closed: nothing was read, nothing was saved."))
    return sys.stdin


def _ask_hidden(question: str) -> str:
    """Asked at the terminal without echo; Ctrl-D is no answer, and nothing is saved."""
    try:
        return getpass.getpass(question)
    except EOFError:
        print(file=sys.stderr)  # the next words on a line of their own, not after the question
        raise UsageError(tr("No answer: nothing was saved.")) from None


def _ask_password_twice(question: str) -> str:
    """A password typed unseen, then once more: a typo would cost a refusal by X, and a wrong
    password is never tried again. Empty the first time is no password (asked once); spaces
    only (a stray key, unseen) are none either, but not what was meant: refused, as on a pipe,
    and nothing is saved. Three mismatches in a row save nothing."""
    for _attempt in range(3):
        password = _ask_hidden(question)
        if not password:
            return password
        if not password.strip():
            raise UsageError(tr("The password is only spaces: nothing was saved."))
        if _ask_hidden(tr("Type it again: ")) == password:
            return password
        print(tr("The two entries differ."), file=sys.stderr)
    raise UsageError(tr("The password was not typed the same way twice: nothing was saved."))


class _NoValidSecret(Exception):
    """Three 2FA secrets in a row were not valid ones (each was said at its entry)."""


def _ask_totp_secret() -> str | None:
    """A 2FA secret typed unseen, asked again when it is not one (the password typed before it
    is not lost to a typo); empty is none. After three that are not valid, _NoValidSecret: the
    account is added without one, and the caller says how to save it later."""
    from consentinel.core.totp import InvalidTotpSecret, parse_totp_secret

    for _attempt in range(3):
        text = _ask_hidden(tr("2FA (TOTP) secret (leave empty to skip): "))
        if not text:
            return None
        try:
            parse_totp_secret(text)
        except InvalidTotpSecret as error:
            print(str(error), file=sys.stderr)
            continue
        return text
    raise _NoValidSecret


def _secret_line(question: str) -> str | None:
    """One secret: asked without echo at a terminal, else standard input's next line (None when
    there is none). Ctrl-D at the question is no answer: nothing is saved."""
    stdin = _stdin()
    if stdin.isatty():
        return _ask_hidden(question)
    line = stdin.readline()
    return _strip_newline(line) if line else None


def _strip_newline(line: str) -> str:
    """The line without its end: "\n", or "\r\n" from a file written on Windows (a password
    never ends with a carriage return, and one sent to X would fail and not be retried)."""
    line = line[:-1] if line.endswith("\n") else line
    return line[:-1] if line.endswith("\r") else line
