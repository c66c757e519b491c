"""The computer's time zone, followed while Consentinel runs.

A laptop taken abroad gets its new zone from the system (/etc/localtime replaced, the TZ
variable of a session): Qt reads it again by itself, but Python keeps the zone it read at start
(C's tzset is called once), so its local times ("4 Dec 2026 19:42", a schedule's "every day at
12:00") stayed in the old zone until a restart. time.tzset() reads it again: with no TZ
variable, glibc reads /etc/localtime again when the file there changed.

Windows has no time.tzset: its C runtime keeps the zone it read at start, so there Python's
local times still follow a new zone only after a restart (Qt's do at once).
"""

from __future__ import annotations

import time

#: What describes the zone read last: its offsets and names.
Zone = tuple[int, int, int, tuple[str, str]]


def _zone() -> Zone:
    return (time.timezone, time.altzone, time.daylight, time.tzname)


def follow_zone_change() -> bool:
    """Reads the computer's time zone again; True when it is not the one read before."""
    tzset = getattr(time, "tzset", None)
    if tzset is None:  # (Windows)
        return False
    before = _zone()
    tzset()
    return _zone() != before
