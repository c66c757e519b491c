"""The strip under the accounts while a check runs: progress, the latest step, Cancel."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from consentinel.core.steps import Step
from consentinel.gui.app_icons import icon
from consentinel.gui.dialog_words import step_name
from consentinel.gui.spoken_labels import say


class CheckPanel(QWidget):
    """What the check is doing reaches a screen reader as it changes: the line's accessible
    name is its text, announced politely while the panel is shown (the focus stays in the
    table), and the bar describes itself as "Accounts checked: 1 of 3"."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAccessibleDescription(self.tr("Check progress"))
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
        #: While a sign-in runs in a browser window the person sees: each step says what is
        #: theirs to do there, not only what the app is doing.
        self._in_window = False
        self.hide()

    def begin(self, total: int) -> None:
        self._total, self._done = total, 0
        self._in_window = False
        self.cancel_button.setText(self.tr("Ca&ncel check"))
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("%p%"))  # (French: "40 %")
        self._describe_progress()
        self.cancel_button.setEnabled(True)
        self.show()
        self._say(
            self.tr("Checking 1 account…")
            if total == 1
            else self.tr("Checking {n} accounts…").replace("{n}", str(total))
        )

    def begin_sign_in(self, handle: str) -> None:
        self.begin(1)
        self._in_window = True
        self.cancel_button.setText(self.tr("Ca&ncel sign-in"))
        self._say(
            self.tr(
                "Waiting for you to finish signing in @{handle} in the browser window…"
            ).replace("{handle}", handle)
        )

    def show_step(self, handle: str, step: Step) -> None:
        if step is Step.DONE:
            return
        words = (
            self.tr(
                "@{handle}: {step} In the browser window, do what X asks of you (a puzzle, a "
                "code); Consentinel types the rest."
            )
            if self._in_window
            else self.tr("@{handle}: {step}")
        )
        self._say(words.replace("{handle}", handle).replace("{step}", step_name(step)))

    def account_done(self) -> None:
        self._done += 1
        self.progress.setValue(self._done)  # (Qt tells assistive technology the new value)
        self._describe_progress()

    def _describe_progress(self) -> None:
        self.progress.setAccessibleDescription(
            self.tr("Accounts checked: {done} of {total}")
            .replace("{done}", str(self._done))
            .replace("{total}", str(self._total))
        )

    def _say(self, text: str) -> None:
        say(self.label, text)

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self._say(self.tr("Cancelling at the next safe point…"))
        self.cancel_requested.emit()
