"""What a launch shows while the app it found is still closing (stopping a check at a safe point
and closing its browser can take up to a minute): a window that says so, where the person may
stop waiting. Made before the app's translations are loaded, so its words are the core's."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QApplication, QLabel, QProgressDialog

from consentinel import APP_NAME
from consentinel.core.i18n import tr

#: An app that ends at once is waited for without a window flashing up.
SHOW_AFTER_S = 0.5


class ClosingWait:
    """Called at each turn of `SingleInstance.claim`'s wait; `close()` once it is over."""

    def __init__(self) -> None:
        self._since = time.monotonic()
        self.dialog: QProgressDialog | None = None

    def still_waiting(self) -> bool:
        """False once the person pressed Cancel (or closed the window)."""
        if self.dialog is None and time.monotonic() - self._since >= SHOW_AFTER_S:
            self.dialog = self.make_dialog()
        QApplication.processEvents()
        return self.dialog is None or not self.dialog.wasCanceled()

    def close(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    @staticmethod
    def make_dialog() -> QProgressDialog:
        """The window, shown (docs/screenshots take it too)."""
        dialog = QProgressDialog()
        dialog.setWindowTitle(APP_NAME)
        label = QLabel(
            tr(
                "Consentinel is still closing: a check it was running stops at a safe point "
                "first. It opens again as soon as it has closed."
            )
        )
        label.setWordWrap(True)
        dialog.setLabel(label)
        dialog.setCancelButtonText(tr("Do not open"))
        dialog.setRange(0, 0)  # no end known: a busy bar
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setFixedWidth(440)
        dialog.show()
        return dialog
