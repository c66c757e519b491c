"""A program the person chose asked what it is (x/browser_program: `--version`, once per version
of its file) in a thread of its own: a program that is slow, or hangs until its ten seconds run
out, holds that thread, never the window. The settings (a path typed or chosen) and the window
(a browser saved before Firefox was refused) ask through it."""

from __future__ import annotations

import contextlib
import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from consentinel.x.browser_program import ProgramCheck, ProgramKind, remembered_program_check

log = logging.getLogger(__name__)


class ProgramProbe(QObject):
    """`ask(path)` starts the question; `answered(path, ProgramCheck)` comes on the GUI thread,
    with the path as it was given (the asker compares it with what it shows now)."""

    answered = Signal(str, object)
    #: From the asking thread; queued to the GUI thread, where `_asking` is kept.
    _done = Signal(str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._asking: set[str] = set()
        self._done.connect(self._arrived)

    def asking(self, path: str) -> bool:
        """Whether `path` was asked and has not answered yet."""
        return path in self._asking

    def ask(self, path: str) -> None:
        """Ask `path` in a daemon thread (closing the window or quitting waits for nothing);
        once only while it has not answered."""
        if path in self._asking:
            return
        self._asking.add(path)
        threading.Thread(target=self._ask, args=(path,), daemon=True, name="browser-probe").start()

    def _ask(self, path: str) -> None:
        try:
            verdict = remembered_program_check(Path(path))
        except Exception:  # never leave the asker waiting for an answer
            log.exception("could not ask %s which browser it is", path)
            verdict = ProgramCheck(ProgramKind.SILENT, "")
        # RuntimeError: the dialog or the window was closed meanwhile; nobody waits for it.
        with contextlib.suppress(RuntimeError):
            self._done.emit(path, verdict)

    def _arrived(self, path: str, verdict: ProgramCheck) -> None:
        self._asking.discard(path)
        self.answered.emit(path, verdict)
