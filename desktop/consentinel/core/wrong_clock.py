"""Times written while the computer's clock was ahead: when a stored time is too far off to trust.

A check that ran while the clock was wrong (a year ahead, a dead clock battery, a dual-boot clock
kept in local time) wrote that wrong time: the last check's end, a back-off's end. Once the
clock is put right, such a time lies in the future. Taken at its word, it would hold checks or
sign-ins back for as long as the clock was wrong; taken for the clock error it is, it holds
nothing back.
"""

from __future__ import annotations

from datetime import datetime, timedelta

#: How far ahead of now a time may lie and still be taken as written: time synchronisation
#: steps a drifting clock by seconds, rarely by minutes.
CLOCK_TOLERANCE = timedelta(minutes=5)


def written_ahead(when: datetime, now: datetime, longest: timedelta = timedelta(0)) -> bool:
    """Whether `when` lies further ahead of `now` than it can honestly be: further than
    `longest` (how far ahead such a time is set: nothing for a time something happened, a
    week for a back-off's end), give or take CLOCK_TOLERANCE. It was written while the clock
    was ahead."""
    return when > now + longest + CLOCK_TOLERANCE
