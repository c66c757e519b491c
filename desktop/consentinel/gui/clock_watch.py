"""Notices what makes the window's times wrong at once: a sleep of the computer, the clock set,
a new time zone.

The window moves its "in 3 minutes" on at a slow tick (30 s). Qt counts a timer's interval on
the monotonic clock, which stands still while the computer sleeps (Linux, macOS): woken hours
later, the window said "Next automatic check: in 3 minutes", or a date already past, until the
tick came. A look every few seconds costs two clock reads and a stat of /etc/localtime, and a
jump of the wall clock against the monotonic one (a sleep, the clock set) or a new zone has the
window read its times again at once. (On Windows the monotonic clock counts the sleep: the tick,
overdue, comes at once on wake.)
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from consentinel.core.local_zone import follow_zone_change

#: How often the clocks are looked at.
LOOK_EVERY_MS = 5_000
#: How far the wall clock may move against the monotonic one before it is a jump: a timer
#: late under load moves both alike; time synchronisation slews by fractions of a second.
JUMP_S = 10.0


class ClockWatch(QObject):
    """Says `jumped` when the wall clock jumped (a sleep, the clock set) or the zone changed."""

    jumped = Signal()

    def __init__(self, wall_clock: Callable[[], float], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._wall_clock = wall_clock
        self._offset = self._wall_ahead()
        self._timer = QTimer(self)
        self._timer.setInterval(LOOK_EVERY_MS)
        self._timer.timeout.connect(self._look)
        self._timer.start()

    def _wall_ahead(self) -> float:
        """How far the wall clock is ahead of the monotonic one: steady but for a jump."""
        return self._wall_clock() - time.monotonic()

    def _look(self) -> None:
        zone_changed = follow_zone_change()
        offset = self._wall_ahead()
        moved = abs(offset - self._offset) > JUMP_S
        self._offset = offset
        if zone_changed or moved:
            self.jumped.emit()
