"""Where the app's own checks' notifications go: the tray's balloon, else the desktop's notifier.

With no tray (GNOME's default desktop) or a tray that cannot show messages, the same notifier
as `consentinel check --unattended` (core.os_notifier.OsNotifier's command) shows them, run in a
QProcess the GUI thread never waits for: a hung D-Bus leaves the window turning, and the
notifier is killed after NOTIFIER_TIMEOUT_S. Each notification is journaled, shown or not, once
its answer is known (core.notify_delivery.delivering), so what could not be shown is told later
(core/missed_reverts). Imported when the first notification is sent, never before the window's
first frame; the QProcess is made for each notification the desktop shows.
"""

from __future__ import annotations

import logging
from collections import deque
from typing import TYPE_CHECKING

from consentinel.core.notify_delivery import delivering, shown
from consentinel.core.os_notifier import NOTIFIER_TIMEOUT_S, OsNotifier

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtCore import QProcess, QTimer

    from consentinel.core.events import RunResult
    from consentinel.core.notify import Notification
    from consentinel.core.notify_delivery import Delivery, NotificationJournal
    from consentinel.core.os_notifier import Notifier

log = logging.getLogger(__name__)


class TrayOrDesktop:
    """Says runs' notifications, one after another: through the tray when it shows them, else
    through the desktop's own notifier, whose answer comes later (a signal of its QProcess)."""

    def __init__(self, tray: Notifier | None, timeout_s: float = NOTIFIER_TIMEOUT_S) -> None:
        self._tray = tray
        self._timeout_ms = round(timeout_s * 1000)
        self._desktop = OsNotifier()
        #: The runs whose notifications wait for those of the runs before them: each run's
        #: reads the journal, which must hold what the earlier ones said.
        self._waiting: deque[Delivery] = deque()
        self._steps: Delivery | None = None  # the run being said
        self._process: QProcess | None = None  # the desktop's notifier, not yet answered
        self._timer: QTimer | None = None  # kills a notifier that does not answer: made at first
        self._closed = False

    @property
    def busy(self) -> bool:
        """Some notification is not yet said (or not yet journaled)."""
        return self._steps is not None or bool(self._waiting)

    def deliver(self, run: RunResult, journal: NotificationJournal | None) -> None:
        """Says `run`'s notifications and journals each (core.notify_delivery.deliver's rules) once
        those of the runs before it are; returns at once."""
        self._waiting.append(delivering(run, journal))
        if self._steps is None:
            self._go_on(None)

    def close(self) -> None:
        """The app quits: nothing more is shown, and every notification not yet said is
        journaled as not shown, now. One the desktop's notifier still shows is killed and
        journaled so too, unless its answer is already there: none is said shown that may not
        have been (what was not shown is said again, or told late, at a later run: said twice
        at worst, never lost)."""
        self._closed = True
        process = self._process
        if process is not None and not process.waitForFinished(0):  # (an answer there: read)
            process.kill()
            process.waitForFinished(2_000)  # (killed: at once)
        if process is not None and process is self._process:  # no finished signal: none will be
            self._answered(process, False)
        if self._steps is None and self._waiting:
            self._go_on(None)

    def _go_on(self, answer: bool | None) -> None:
        """Goes on saying: `answer` is whether the last notification was shown (None: a run
        starts). Returns when the desktop's notifier shows one (its answer comes later,
        _answered), or when every run is said."""
        while True:
            if self._steps is None:
                if not self._waiting:
                    return
                self._steps, answer = self._waiting.popleft(), None
            try:
                note = next(self._steps) if answer is None else self._steps.send(answer)
            except StopIteration:
                self._steps = None
                continue
            except Exception:  # (the journal: a full disk) the next runs are said all the same
                log.exception("notifications failed")
                self._steps = None
                continue
            answer = self._shown_at_once(note)
            if answer is None:
                return

    def _shown_at_once(self, note: Notification) -> bool | None:
        """Whether `note` was shown, known at once; None: the desktop's notifier shows it."""
        if self._closed:
            return False
        if self._tray is not None and shown(self._tray, note):
            return True
        argv = self._desktop.command_for(note)
        if argv is None:
            log.info("no desktop notifier on this system; notification only journaled")
            return False
        self._start(argv)
        return None

    def _start(self, argv: Sequence[str]) -> None:
        from PySide6.QtCore import QProcess, QTimer

        process = QProcess()
        process.setProgram(argv[0])
        process.setArguments(list(argv[1:]))
        for set_file in (
            process.setStandardInputFile,
            process.setStandardOutputFile,
            process.setStandardErrorFile,
        ):
            set_file(QProcess.nullDevice())
        process.finished.connect(
            lambda code, status: self._answered(
                process, code == 0 and status == QProcess.ExitStatus.NormalExit, code
            )
        )
        process.errorOccurred.connect(lambda error: self._failed(process, error))
        if self._timer is None:
            self._timer = QTimer()
            self._timer.setSingleShot(True)
            self._timer.timeout.connect(self._too_long)
        self._process = process
        self._timer.start(self._timeout_ms)
        process.start()

    def _failed(self, process: QProcess, error: QProcess.ProcessError) -> None:
        from PySide6.QtCore import QProcess

        # (Any other error ends with finished: a crash, or the kill of _too_long.)
        if error == QProcess.ProcessError.FailedToStart:
            log.warning("desktop notifier could not start")
            self._answered(process, False)

    def _too_long(self) -> None:
        if self._process is not None:
            log.warning("desktop notifier did not answer in %s s: stopped", self._timeout_ms / 1000)
            self._process.kill()  # (its finished signal says it was not shown)

    def _answered(self, process: QProcess, was_shown: bool, code: int | None = None) -> None:
        if process is not self._process:  # (already answered: a failure, then finished)
            return
        self._process = None
        if self._timer is not None:
            self._timer.stop()
        if code:
            log.info("desktop notifier exited with %s", code)
        process.deleteLater()
        self._go_on(was_shown)
