"""What is wrong with what was typed in the account dialog, said under each field: a handle
that is not one or is listed already, a password of spaces only, a 2FA secret, email or phone
that is not one, and the password's note (none typed for a new account; X refused the saved one)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QLineEdit

from consentinel.core.accounts import (
    InvalidHandle,
    normalize_handle,
    validate_email,
    validate_phone,
)
from consentinel.core.context import AppContext
from consentinel.core.totp import InvalidTotpSecret, parse_totp_secret
from consentinel.gui.message_style import error_style

if TYPE_CHECKING:
    from consentinel.gui.account_fields import AccountFields

# The dialog's own words: its context in the catalogues (as its self.tr() has).
translate = QCoreApplication.translate


def show_problems(
    fields: AccountFields,
    ctx: AppContext,
    *,
    touched: set[QLineEdit],
    editing: bool,
    password_refused: bool,
) -> bool:
    """Show what is wrong under each field (the password's note too); returns whether
    anything is (Save waits). `touched`: the fields edited since the dialog opened or was
    emptied; `password_refused`: X said the saved password is wrong."""
    f = fields

    def show(edit: QLineEdit, label: QLabel, problem: str | None) -> str | None:
        hint = f.totp_hint.text() if edit is f.totp_edit else ""
        return show_problem(edit, label, problem, touched=edit in touched, hint=hint)

    handle = f.handle_edit.text()
    problems = [
        show(f.handle_edit, f.handle_error, None if editing else handle_problem(ctx, handle)),
        # (none is needed: see password_note; but spaces only are no password)
        show(f.password_edit, f.password_error, password_problem(f.password_edit.text())),
        show(f.totp_edit, f.totp_error, field_problem(parse_totp_secret, f.totp)),
        show(f.email_edit, f.email_error, field_problem(validate_email, f.email)),
        show(f.phone_edit, f.phone_error, field_problem(validate_phone, f.phone)),
    ]
    # A problem with the 2FA secret says what to do instead: the hint would repeat it.
    f.totp_hint.setHidden(bool(f.totp_error.text()))
    note = password_note(
        ctx,
        password=f.password_edit.text(),
        handle=handle,
        editing=editing,
        refused=password_refused,
    )
    # (a note for a new account is advice; the saved password refused is a problem)
    advice = note is not None and not editing
    f.password_error.setStyleSheet("" if advice else error_style())
    if note:
        f.password_error.setText(note)
        f.password_error.setVisible(True)
        if not advice:  # (the problem is the field's; advice stays the label's)
            f.password_edit.setAccessibleDescription(note)
    return any(problems)


def field_problem(check: Callable[[str], object], text: str) -> str | None:
    """The validator's sentence for a non-empty value that is wrong, else None."""
    if not text:
        return None
    try:
        check(text)
    except (InvalidTotpSecret, ValueError) as error:
        return str(error)
    return None


def handle_problem(ctx: AppContext, text: str) -> str | None:
    """What is wrong with a new account's handle as typed (None: nothing)."""
    try:
        handle = normalize_handle(text)
    except InvalidHandle as error:
        return str(error)
    listed = ctx.accounts.get(handle)
    if listed is not None:  # named as listed: handles are case-insensitive (ALICE: @alice)
        return translate("AccountDialog", "@{handle} is already in your accounts.").replace(
            "{handle}", listed.handle
        )
    return None


def password_problem(password: str) -> str | None:
    """A password of spaces only (a stray key in the field): saved, the keyring would hand it
    back as none, and every check would say no password is saved; in "Edit account…" it would
    replace the good one. Refused, as `account set-password` refuses it. An empty field is
    fine: no password for a new account, no change for one being edited."""
    if password and not password.strip():
        return translate(
            "AccountDialog",
            "The password is only spaces, most likely a slip: type the account's password, "
            "or empty the field.",
        )
    return None


def password_note(
    ctx: AppContext, *, password: str, handle: str, editing: bool, refused: bool
) -> str | None:
    """A new account saved without a password (one that signs in to X with Google or
    Apple has none): what to do next, said before it is saved. Editing an account whose
    saved password X refused (`refused`): that it did, until a new one is typed. `password`
    and `handle`: the fields' text."""
    if password:
        return None
    if editing:
        if not refused:
            return None
        return translate(
            "AccountDialog",
            "X said the saved password is wrong: type the account's current password. "
            "Checks sign in with it once it is saved.",
        )
    if handle.strip() == "" or handle_problem(ctx, handle) is not None:
        return None
    return translate(
        "AccountDialog",
        "No password? If this account signs in to X with Google or Apple, save it without "
        "one, then use “Sign in yourself…” once: Consentinel keeps that session.",
    )


def show_problem(
    edit: QLineEdit, label: QLabel, problem: str | None, *, touched: bool, hint: str = ""
) -> str | None:
    """`problem` shown under `edit` (returned), once the field was `touched` or has text;
    `hint`: what a screen reader says on the field otherwise (besides its placeholder)."""
    # An untouched empty field of a new account is not an error yet, but still blocks Save.
    shown = problem if (touched or edit.text()) else None
    label.setText(shown or "")
    label.setVisible(bool(shown))
    # What a screen reader says on the field: the problem under it, not only its placeholder
    # (else the hint under it, for the 2FA secret).
    edit.setAccessibleDescription(shown or hint)
    return problem
