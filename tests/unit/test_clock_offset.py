"""This computer's clock against X's `Date`: the offset read, and when it is too far to trust."""

from __future__ import annotations

import pytest

from consentinel.core.check_messages import is_wait_detail, reason_message
from consentinel.core.clock_offset import (
    clock_is_off,
    clock_off_detail,
    offset_from_date,
    offset_in_detail,
)
from consentinel.core.i18n import speaking
from consentinel.core.status import Reason

#: 7 December 2026, 12:00:00 UTC, as X's `Date` says it and as a POSIX time.
X_DATE = "Mon, 07 Dec 2026 12:00:00 GMT"
X_TIME = 1_796_644_800.0


def test_the_offset_is_this_computer_s_time_less_x_s() -> None:
    assert offset_from_date(X_DATE, X_TIME - 420) == -420  # 7 minutes behind
    assert offset_from_date(X_DATE, X_TIME + 0.8) == pytest.approx(0.8)
    for unreadable in (None, "", "yesterday", "Mon, 07 Dec 2026 12:00:00"):
        assert offset_from_date(unreadable, X_TIME) is None, unreadable


def test_only_an_offset_past_one_code_step_is_the_clock_s() -> None:
    """Date's second and the answer's way here are no 30 s: past one TOTP step either way."""
    assert not clock_is_off(None)
    assert not clock_is_off(29.9) and not clock_is_off(-30)
    assert clock_is_off(31) and clock_is_off(-31)


@pytest.mark.parametrize(
    ("offset", "en", "fr"),
    [
        (-300, "5 minutes behind X's", "retarde de 5 minutes sur celle de X"),
        (45, "45 seconds ahead of X's", "avance de 45 secondes sur celle de X"),
        (-2 * 3600 - 20, "2 hours behind X's", "retarde de 2 heures sur celle de X"),
        (400 * 86400, "400 days ahead of X's", "avance de 400 jours sur celle de X"),
    ],
)
def test_the_sentence_says_how_far_and_which_way_in_english_and_french(
    offset: int, en: str, fr: str
) -> None:
    detail = clock_off_detail(offset)
    assert offset_in_detail(detail) == offset and is_wait_detail(detail)
    with speaking("en"):
        said = reason_message(Reason.TWO_FACTOR, "cleo", detail)
    assert said.startswith(f"This computer's clock is {en}:"), said
    assert "then check again." in said and "--use-again" not in said
    with speaking("fr"):
        said = reason_message(Reason.TWO_FACTOR, "cleo", detail)
    assert said.startswith(f"L'horloge de cet ordinateur {fr}\u00a0:"), said


def test_other_details_name_no_offset() -> None:
    for detail in ("", "totp_refused", "clock_off", "clock_off:soon", "clocks:5"):
        assert offset_in_detail(detail) is None, detail
