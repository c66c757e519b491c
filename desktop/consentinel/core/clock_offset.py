"""This computer's clock against X's: how far off it is, and the words for a clock too far off.

A 2FA code is made from the secret and the time (30-second steps). X takes a code from the step
it is at, give or take about one: a code made by a clock minutes off is refused however right
the secret is. X's answers carry the time they were made at (their `Date` header, to the
second), so its refusal can be told apart from a wrong secret: by a clock off by more than
CLOCK_OFF_AFTER_S, the secret is not blamed (nor set aside), and the person is told to set the
clock right.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from consentinel.core.i18n import tr
from consentinel.core.status import Reason

#: How far this computer's clock may be from X's before a refused code is laid at its door:
#: one 30-second code step. Within it, the step or so of drift X allows covers the code; past
#: it, a code from the right secret may be refused. X's `Date` (to the second) and the time its
#: answer takes to come (a second or two) are far smaller, so an offset past it is no error of
#: measure. A secret both wrong and refused by a clock 40 s off is said to be the clock's: once
#: the clock is right, the next refusal sets it aside as wrong.
CLOCK_OFF_AFTER_S = 30.0

#: The detail of a TWO_FACTOR stop at which X refused the saved secret's code made by a clock
#: off X's, then ":" and by how many seconds (this computer's time less X's, negative: behind).
CLOCK_OFF = "clock_off"


def offset_from_date(date_header: str | None, now: float) -> float | None:
    """This computer's time `now` (a POSIX time) less X's, from the `Date` of an answer of X's
    just heard: positive when this computer is ahead. None without a date one can read."""
    if not date_header:
        return None
    # (Here, not at the top: email.utils loads socket, which the window's first show does not
    # need — check_messages, which the rows' words come from, imports this module.)
    from email.utils import parsedate_to_datetime

    try:
        said = parsedate_to_datetime(date_header)
    except (TypeError, ValueError, IndexError):
        return None
    if said.tzinfo is None:  # (-0000: the time is UTC, whatever the place)
        return None
    return now - said.timestamp()


def clock_is_off(offset_s: float | None) -> bool:
    """Whether an offset measured (None: none) is past CLOCK_OFF_AFTER_S either way."""
    return offset_s is not None and abs(offset_s) > CLOCK_OFF_AFTER_S


def clock_off_detail(offset_s: float) -> str:
    """The detail a sign-in ends with when X refused the code made by a clock `offset_s` off."""
    return f"{CLOCK_OFF}:{round(offset_s)}"


def offset_in_detail(detail: str) -> int | None:
    """The offset a clock_off_detail names, in seconds; None for any other detail."""
    name, _, seconds = detail.partition(":")
    if name != CLOCK_OFF:
        return None
    try:
        return int(seconds)
    except ValueError:
        return None


def offset_in_check(payload: Mapping[str, Any]) -> int | None:
    """The offset a check's entry (or its result's JSON) names, for a 2FA code X refused by a
    clock off its own, or at a scheduled check that waits since: the words that name the
    check say the clock, not "2FA code needed" (None: no such check)."""
    if payload.get("reason") != Reason.TWO_FACTOR.value:
        return None
    detail = payload.get("detail_code")
    return offset_in_detail(detail) if isinstance(detail, str) else None


def _amount(offset_s: float) -> tuple[int, str]:
    """How far off, in the unit a person reads it in: seconds up to two minutes, minutes up to
    an hour and a half, hours up to two days, then days (always two or more of the unit, past
    CLOCK_OFF_AFTER_S), as (how many, "s", "min", "h" or "d")."""
    seconds = abs(offset_s)
    if seconds < 120:
        return round(seconds), "s"
    if seconds < 90 * 60:
        return round(seconds / 60), "min"
    if seconds < 48 * 3600:
        return round(seconds / 3600), "h"
    return round(seconds / 86400), "d"


def clock_words(offset_s: float) -> str:
    """Which way and how far this computer's clock is from X's: "This computer's clock is 7
    minutes behind X's" (each unit and way a sentence of its own, for the translation)."""
    n, unit = _amount(offset_s)
    if offset_s < 0:
        if unit == "s":
            return tr("This computer's clock is {n} seconds behind X's", n=n)
        if unit == "min":
            return tr("This computer's clock is {n} minutes behind X's", n=n)
        if unit == "h":
            return tr("This computer's clock is {n} hours behind X's", n=n)
        return tr("This computer's clock is {n} days behind X's", n=n)
    if unit == "s":
        return tr("This computer's clock is {n} seconds ahead of X's", n=n)
    if unit == "min":
        return tr("This computer's clock is {n} minutes ahead of X's", n=n)
    if unit == "h":
        return tr("This computer's clock is {n} hours ahead of X's", n=n)
    return tr("This computer's clock is {n} days ahead of X's", n=n)


def clock_off_message(offset_s: float) -> str:
    """The sentence of a check whose saved secret's code X refused, made by a clock off."""
    return tr(
        "{clock}: X refused the code made from the saved 2FA secret, as it refuses every code "
        "made by a clock that far off. The secret is kept. Set this computer's clock right "
        "(automatic date and time), then check again.",
        clock=clock_words(offset_s),
    )


def clock_off_needs_you(handle: str, offset_s: float) -> str:
    """What a notification says of an account whose 2FA codes X refuses for the clock."""
    clock = clock_words(offset_s)
    return tr(
        "@{handle}: X refuses the 2FA codes made on this computer — {clock}; set it right, "
        "then check again",
        handle=handle,
        clock=clock[:1].lower() + clock[1:],
    )
