"""The minute past every hour at which cron runs the crontab line, where it is the OS job.

Without systemd (Linux), the job that checks while Consentinel is closed is the crontab line the
person added (core/osjobs/systemd.py): cron runs it at its own minute past every hour, and it
checks for a time of the schedule at its first run after it (core/catch_up.py), 12:37 for noon,
not at noon. The window says when that is (AutoChecks.next_run_at) once it knows the line's
minute, read here as `consentinel schedule status` reads it (osjobs.status, JobReport's
hourly_minute): `crontab -l` is another program, so it is asked in a thread of its own, after
the window's first frame, never by the window's own thread. Elsewhere (systemd's timer,
launchd, the Task Scheduler) the job runs at the schedule's times: nothing is read."""

from __future__ import annotations

import contextlib
import logging
import sys
import threading

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


def read_hourly_minute() -> int | None:
    """The installed crontab line's minute (None: systemd runs here, or no line of this data
    folder's that cron runs every hour). Runs `crontab -l`: not in the GUI thread."""
    if not sys.platform.startswith("linux"):
        return None
    from consentinel.core import osjobs
    from consentinel.core.osjobs.systemd import systemd_booted

    if systemd_booted():
        return None
    return osjobs.status().hourly_minute


class CrontabMinute(QObject):
    """`read()` asks in a thread; `changed` once the minute read differs from the one known
    (`minute`, None until read or with no line). One read at a time: one asked for meanwhile
    follows the answer, so the last answer is never an older read's."""

    changed = Signal()
    #: From the reading thread, queued to the GUI thread: the minute read (-1: none).
    _read_done = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.minute: int | None = None
        self._reading = False
        self._read_again = False
        self._read_done.connect(self._heard)

    def read(self) -> None:
        if self._reading:
            self._read_again = True
            return
        self._reading = True
        # A daemon thread: quitting waits for no `crontab -l`.
        threading.Thread(target=self._read_in_thread, daemon=True, name="crontab-minute").start()

    def _read_in_thread(self) -> None:
        try:
            minute = read_hourly_minute()
        except Exception:  # the schedule's times are said meanwhile, as before the read
            log.exception("could not read the crontab line's minute")
            minute = None
        # RuntimeError: the app quit meanwhile; nobody waits for the answer.
        with contextlib.suppress(RuntimeError):
            self._read_done.emit(-1 if minute is None else minute)

    def _heard(self, read: int) -> None:
        self._reading = False
        minute = None if read < 0 else read
        if self._read_again:
            self._read_again = False
            self.read()
        if minute != self.minute:
            self.minute = minute
            self.changed.emit()
