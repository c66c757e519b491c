"""The form of X's one-time codes (x/one_time_codes.py): spaces and hyphens inside a code are
dropped, as authenticator apps and mails show them; what is left must be the code's form."""

from __future__ import annotations

import pytest

from consentinel.core.steps import PromptKind
from consentinel.x.one_time_codes import cleaned_code, could_grow, well_formed

TWO_FACTOR, EMAIL_CODE = PromptKind.TWO_FACTOR_CODE, PromptKind.EMAIL_CODE


@pytest.mark.parametrize(
    ("typed", "sent"),
    [
        ("281 961", "281961"),  # as Google and Microsoft Authenticator show it
        ("281\u00a0961", "281961"),  # pasted with a no-break space
        ("281\u2009961", "281961"),  # a thin space
        ("281\u202f961", "281961"),  # a narrow no-break space
        ("12-34-56", "123456"),
        ("12\u201134\u201356", "123456"),  # hyphens a keyboard or a mail made typographic
        (" 1234 5678 ", "12345678"),
    ],
)
def test_spaces_and_hyphens_are_dropped_and_the_code_is_well_formed(typed: str, sent: str) -> None:
    assert cleaned_code(typed) == sent
    assert well_formed(TWO_FACTOR, typed)


@pytest.mark.parametrize("typed", ["12345", "123456789", "12a456", "", "12.34.56", "١٢٣٤٥٦"])
def test_a_2fa_code_is_6_to_8_digits(typed: str) -> None:
    assert not well_formed(TWO_FACTOR, typed)


@pytest.mark.parametrize(
    ("typed", "ok"),
    [("a1b2c3", True), ("12 34 56", True), ("AB-CD", True), ("abc", False),
     ("a" * 13, False), ("12#456", False)],
)  # fmt: skip
def test_an_email_or_sms_code_is_4_to_12_letters_or_digits(typed: str, ok: bool) -> None:
    assert well_formed(EMAIL_CODE, typed) is ok


def test_a_2fa_code_still_being_typed_could_grow() -> None:
    assert could_grow(TWO_FACTOR, "281 9")
    assert not could_grow(TWO_FACTOR, "281 961")
    assert not could_grow(TWO_FACTOR, "28a")
    assert not could_grow(EMAIL_CODE, "28")
