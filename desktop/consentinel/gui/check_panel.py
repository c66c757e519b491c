"""The strip under the accounts while a check runs: progress, the latest step, Cancel."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from consentinel.core.events import Step
from consentinel.gui.app_icons import icon
from consentinel.gui.dialog_words import step_name


class CheckPanel(QWidget):
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setAccessibleName(self.tr("Check progress"))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Accounts checked"))
        self.progress.setMaximumWidth(220)
        self.cancel_button = QPushButton(icon("cancel"), self.tr("Ca&ncel check"))
        self.cancel_button.clicked.connect(self._cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel_button)
        self._total = 0
        self._done = 0
        self.hide()

    def begin(self, total: int) -> None:
        self._total, self._done = total, 0
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(0)
        self.cancel_button.setEnabled(True)
        text = (
            self.tr("Checking 1 account…")
            if total == 1
            else self.tr("Checking {n} accounts…").replace("{n}", str(total))
        )
        self.label.setText(text)
        self.show()

    def begin_sign_in(self, handle: str) -> None:
        self.begin(1)
        self.label.setText(
            self.tr(
                "Waiting for you to finish signing in @{handle} in the browser window…"
            ).replace("{handle}", handle)
        )

    def show_step(self, handle: str, step: Step) -> None:
        if step is Step.DONE:
            return
        self.label.setText(
            self.tr("@{handle}: {step}")
            .replace("{handle}", handle)
            .replace("{step}", step_name(step))
        )

    def account_done(self) -> None:
        self._done += 1
        self.progress.setValue(self._done)

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.label.setText(self.tr("Cancelling at the next safe point…"))
        self.cancel_requested.emit()
