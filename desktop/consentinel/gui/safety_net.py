"""The excepthook: an uncaught error is logged (secrets redacted) and shown; the app goes on."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication

log = logging.getLogger("consentinel.crash")


class _Bridge(QObject):
    """Carries an error from any thread to the GUI thread (the signal, queued there by Qt as
    this object lives in it), and out of the excepthook (the timer): the dialog opens from the
    event loop, never from inside the hook."""

    show = Signal(str)

    def __init__(self, shower: Callable[[str], None]) -> None:
        super().__init__()
        self._shower = shower
        self.show.connect(self._soon)

    @Slot(str)
    def _soon(self, what: str) -> None:
        QTimer.singleShot(0, lambda: self._shower(what))


class SafetyNet:
    def __init__(self, log_path: Path | None) -> None:
        self.log_path = log_path
        self.shown: list[str] = []  # what was shown, for tests
        self._bridge = _Bridge(self._show)
        self.dialogs_enabled = True

    def install(self) -> None:
        sys.excepthook = self.excepthook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        sys.excepthook = sys.__excepthook__
        threading.excepthook = threading.__excepthook__

    def excepthook(
        self,
        kind: type[BaseException],
        error: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QCoreApplication.quit()
            return
        log.error("uncaught error:\n%s", "".join(traceback.format_exception(kind, error, tb)))
        self._bridge.show.emit(kind.__name__)

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        self.excepthook(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)

    def _show(self, what: str) -> None:
        text = QCoreApplication.translate(
            "SafetyNet",
            "Something went wrong inside Consentinel ({problem}). The app keeps running; what "
            "you were doing may not have finished. The details are in the log: {log}. If it "
            "happens again, please report it with that file.",
        )
        text = text.replace("{problem}", what).replace("{log}", str(self.log_path or "—"))
        self.shown.append(text)
        if not self.dialogs_enabled or QApplication.instance() is None:
            return
        from PySide6.QtCore import QThread  # (these two load with a first error)
        from PySide6.QtWidgets import QMessageBox

        assert QThread.currentThread() is QCoreApplication.instance().thread()  # type: ignore[union-attr]
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("SafetyNet", "Unexpected problem"),
            text,
        )
        box.open()
        self._box = box
