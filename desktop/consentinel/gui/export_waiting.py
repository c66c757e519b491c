"""Quitting while the journal is being exported: a small window says the export is being
finished and the app quits once the file is written; the person may stop the export and quit
(its temp file removed, nothing written) or keep the app open. An export that fails meanwhile
is said there, not lost in a quit. Loaded at quitting only."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consentinel.gui.spoken_labels import heard_as_shown, say

if TYPE_CHECKING:
    from consentinel.core.journal import Journal
    from consentinel.gui.journal_exporting import RunningExport


class _Ended(QObject):
    """Carries "an export ended" from its thread to the dialog (a queued signal)."""

    ended = Signal()


class ExportWait(QDialog):
    """The "Finishing the export" window: `then` (the quitting) is called once every export
    ended written; Stop stops them and quits once they ended; Keep Consentinel open closes
    it."""

    def __init__(
        self, exports: list[RunningExport], then: Callable[[], None], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self._exports = exports
        self._then = then
        self.setWindowTitle(self.tr("Finishing the export"))
        self.setModal(True)
        self.label = QLabel()
        self.label.setWordWrap(True)
        heard_as_shown(self.label, self.tr("Export of the journal"))
        self.label.setText(self._waiting_words())
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # no end known: it moves to say work goes on
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(self.tr("Exporting"))
        self.buttons = QDialogButtonBox()
        self.stop_button: QPushButton = self.buttons.addButton(
            self.tr("&Stop the export and quit"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.keep_button: QPushButton = self.buttons.addButton(
            self.tr("&Keep Consentinel open"), QDialogButtonBox.ButtonRole.RejectRole
        )
        # As the check's question: Enter and Esc keep what runs, never throw it away.
        self.keep_button.setDefault(True)
        self.stop_button.setAutoDefault(False)
        self.stop_button.clicked.connect(self.stop_and_quit)
        self.keep_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.setFixedWidth(self.fontMetrics().averageCharWidth() * 62)
        self._carrier = _Ended(self)
        # Queued, also for an export that ended already: handled once the window is shown.
        self._carrier.ended.connect(self._one_ended, Qt.ConnectionType.QueuedConnection)
        for export in exports:
            export.when_ended(self._carrier.ended.emit)

    def _waiting_words(self) -> str:
        paths = ", ".join(str(export.asked.path) for export in self._exports)
        return self.tr(
            "The journal is being exported to {path}. Consentinel quits as soon as the file is "
            "written."
        ).replace("{path}", paths)

    @Slot()
    def stop_and_quit(self) -> None:
        """Stop the exports at their next safe point; the app quits once they ended."""
        for export in self._exports:
            export.stop()
        self.stop_button.setEnabled(False)
        self.keep_button.setEnabled(False)
        say(self.label, self.tr("Stopping the export: nothing will be written…"))

    @Slot()
    def _one_ended(self) -> None:
        if any(export.outcome is None for export in self._exports):
            return
        from consentinel.gui.journal_exporting import ExportStopped, ExportWritten

        failed = [
            export.outcome
            for export in self._exports
            if not isinstance(export.outcome, (ExportWritten, ExportStopped))
        ]
        if failed and self.stop_button.isEnabled():
            self._say_failed(failed[0])
            return
        self.accept()
        self._then()

    def _say_failed(self, error: object) -> None:
        """Not written: said, and the person chooses (quitting then would pass for saved)."""
        from consentinel.gui.journal_exporting import failure_words

        self.busy.hide()
        say(self.label, failure_words(error))
        self.stop_button.setText(self.tr("&Quit"))
        self.stop_button.clicked.disconnect(self.stop_and_quit)
        self.stop_button.clicked.connect(self._quit_anyway)

    @Slot()
    def _quit_anyway(self) -> None:
        self.accept()
        self._then()


def finish_exports_first(
    parent: QWidget, journal: Journal | None, then: Callable[[], None]
) -> bool:
    """True when the journal's exports under way (every one's, with no `journal`) are to be
    finished first: the "Finishing the export" window is shown (or raised), and calls `then`
    once they ended. False: none runs, quit now."""
    if "consentinel.gui.journal_exporting" not in sys.modules:
        return False  # (no export was ever started)
    from consentinel.gui.journal_exporting import running_exports

    shown = parent.findChild(ExportWait)
    if shown is not None and shown.isVisible():
        shown.raise_()
        shown.activateWindow()
        return True
    exports = running_exports(journal)
    if not exports:
        return False
    dialog = ExportWait(exports, then, parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.show()
    return True
