"""What every command needs: the app's context, opened from the environment, and secret input."""

from __future__ import annotations

import getpass
import sys
from typing import TYPE_CHECKING

from consentinel.cli.errors import UsageError
from consentinel.core.i18n import tr

if TYPE_CHECKING:
    from consentinel.core.accounts import Account
    from consentinel.core.context import AppContext


def open_context() -> AppContext:
    """Open the data folder, settings, accounts, vault and journal; set-up problems exit 2."""
    from consentinel.core.context import AppContext
    from consentinel.core.fileio import StorageError

    try:
        ctx = AppContext.create()
    except StorageError as error:
        raise UsageError(str(error)) from None
    ctx.accounts.list()  # reads the file now, so that a set-aside file is reported first
    for warning in (*ctx.warnings, ctx.accounts.load_warning, ctx.journal.open_warning):
        if warning:
            print(warning, file=sys.stderr)
    return ctx


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


def read_secret_lines(
    password_stdin: bool, totp_stdin: bool, *, prompt_password: bool = False
) -> tuple[str | None, str | None]:
    """The password from standard input's first line, the TOTP secret from the next one.

    Without --password-stdin a person at a terminal is asked without echo; otherwise no password.
    """
    password: str | None = None
    totp: str | None = None
    if password_stdin:
        password = _strip_newline(sys.stdin.readline())
    elif prompt_password or (sys.stdin.isatty() and not totp_stdin):
        if sys.stdin.isatty():
            password = getpass.getpass(tr("X password (leave empty to skip): ")) or None
        elif prompt_password:
            raise UsageError(tr("Give the password on standard input with --password-stdin."))
    if totp_stdin:
        line = sys.stdin.readline()
        if not line:
            raise UsageError(tr("--totp-stdin was given but standard input has no line for it."))
        totp = _strip_newline(line)
    return password, totp


def read_totp_line(from_stdin: bool) -> str:
    """A 2FA secret: standard input's first line, or asked without echo at a terminal."""
    if from_stdin:
        return _strip_newline(sys.stdin.readline())
    if sys.stdin.isatty():
        return getpass.getpass(tr("2FA (TOTP) secret: "))
    raise UsageError(tr("Give the secret on standard input with --totp-stdin."))


def _strip_newline(line: str) -> str:
    """The line without its end: "\n", or "\r\n" from a file written on Windows (a password
    never ends with a carriage return, and one sent to X would fail and not be retried)."""
    line = line[:-1] if line.endswith("\n") else line
    return line[:-1] if line.endswith("\r") else line
