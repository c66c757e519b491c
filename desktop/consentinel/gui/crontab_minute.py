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


#: What the reading thread hands over: no line (-1), or the crontab not read (-2).
_NO_LINE, _UNREAD = -1, -2


class CrontabUnread(Exception):
    """`crontab -l` failed (its program's own error): whether the line is there is not known."""


def read_hourly_minute() -> int | None:
    """The installed crontab line's minute (None: systemd runs here, or no line of this data
    folder's that cron runs every hour). Runs `crontab -l`: not in the GUI thread. Raises
    CrontabUnread when `crontab -l` failed."""
    if not sys.platform.startswith("linux"):
        return None
    from consentinel.core import osjobs
    from consentinel.core.osjobs.systemd import systemd_booted

    if systemd_booted():
        return None
    report = osjobs.status()
    if report.crontab_unread:
        raise CrontabUnread
    return report.hourly_minute


class CrontabMinute(QObject):
    """`read()` asks in a thread; `changed` once the minute read differs from the one known
    (`minute`, None until read or with no line). One read at a time: one asked for meanwhile
    follows the answer, so the last answer is never an older read's. A read that fails
    (`crontab -l`'s own error, a busy cron…) leaves the minute known as it was: the line was
    not found missing, and the window would otherwise stop saying cron's times until the next
    read that works."""

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
            read = _NO_LINE if minute is None else minute
        except CrontabUnread:
            log.warning("crontab -l failed: the crontab line's minute is left as it was")
            read = _UNREAD
        except Exception:
            log.exception("could not read the crontab line's minute")
            read = _UNREAD
        # RuntimeError: the app quit meanwhile; nobody waits for the answer.
        with contextlib.suppress(RuntimeError):
            self._read_done.emit(read)

    def _heard(self, read: int) -> None:
        self._reading = False
        if self._read_again:
            self._read_again = False
            self.read()
        if read == _UNREAD:
            return
        minute = None if read == _NO_LINE else read
        if minute != self.minute:
            self.minute = minute
            self.changed.emit()
