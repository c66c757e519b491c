"""The one-time codes X asks for at sign-in (a 2FA code, a code sent by email or SMS): the form
it takes, so that a typo is caught here and never sent (X counts each wrong code toward
locking the account, x-reference §4), and a code typed as apps show it ("281 961") is sent
as X takes it.

One rule for the window's dialog, the command line's question and the sign-in itself. Imports
nothing heavy (no Qt, no Playwright): the window and the command line use it."""

from __future__ import annotations

import re

from consentinel.core.steps import PromptKind

#: A 2FA (TOTP) code: 6 digits from authenticator apps, up to 8 from some.
_TWO_FACTOR = re.compile(r"[0-9]{6,8}")
#: X's email/SMS codes are usually digits, sometimes letters and digits.
_EMAIL_CODE = re.compile(r"[A-Za-z0-9]{4,12}")
#: What apps and mails put inside a code to make it readable, or a paste brings with it: any
#: space (a no-break or thin one included: Unicode's, as `\s` reads them) and the hyphens and dashes
#: a word processor or a phone's keyboard turns "-" into.
_HYPHENS = "-\u2010\u2011\u2012\u2013\u2212"
_SPACES_OR_HYPHENS = re.compile(rf"[\s{re.escape(_HYPHENS)}]+")

#: The longest text a code field takes: the longest code with a space or hyphen between each
#: character (a field cut at the code's own length lost the end of "1234 5678").
MAX_TYPED_LENGTH = {PromptKind.TWO_FACTOR_CODE: 16, PromptKind.EMAIL_CODE: 24}


def cleaned_code(text: str) -> str:
    """`text` without the spaces and hyphens in and around it: what is sent to X."""
    return _SPACES_OR_HYPHENS.sub("", text)


def is_code_kind(kind: PromptKind) -> bool:
    """Whether the question asks for a one-time code (whose form is known)."""
    return kind in MAX_TYPED_LENGTH


def well_formed(kind: PromptKind, text: str) -> bool:
    """Whether `text`, once cleaned, has the form of the code `kind` asks for (any text for a
    question that is not a code's)."""
    code = cleaned_code(text)
    if kind is PromptKind.TWO_FACTOR_CODE:
        return _TWO_FACTOR.fullmatch(code) is not None
    if kind is PromptKind.EMAIL_CODE:
        return _EMAIL_CODE.fullmatch(code) is not None
    return True


def could_grow(kind: PromptKind, text: str) -> bool:
    """A 2FA code still being typed: digits (spaces, hyphens aside), fewer than 6. Not yet
    wrong: nothing is said of it."""
    code = cleaned_code(text)
    return (
        kind is PromptKind.TWO_FACTOR_CODE and code.isascii() and code.isdigit() and len(code) < 6
    )
