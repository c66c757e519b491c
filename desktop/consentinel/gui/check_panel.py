"""The strip under the accounts while a check runs: what is under way, how many are done, Cancel."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from consentinel.core.steps import Step
from consentinel.gui.app_icons import icon
from consentinel.gui.dialog_words import PERSON_STEPS, step_name, waiting_for_you
from consentinel.gui.spoken_labels import say

#: Accounts named on the line when several are checked at once (then "…").
NAMED_AT_ONCE = 4


class CheckPanel(QWidget):
    """What the check is doing reaches a screen reader as it changes: the line's accessible
    name is its text, announced politely while the panel is shown (the focus stays in the
    table), and the bar describes itself as "Accounts checked: 1 of 3".

    With several accounts checked at once, the line names them rather than following each
    one's steps (it changed four times a second); an account waiting for the person comes
    first, in words that say what it waits for."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAccessibleDescription(self.tr("Check progress"))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Accounts checked"))
        self.progress.setMaximumWidth(220)
        # The count beside the bar, not on it: centred on a short bar, its first digit was
        # under the filled part.
        self.progress.setTextVisible(False)
        self.count = QLabel()
        self.cancel_button = QPushButton(icon("cancel"), self.tr("Ca&ncel check"))
        self.cancel_button.clicked.connect(self._cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.count)
        layout.addWidget(self.cancel_button)
        self._total = 0
        self._done = 0
        #: The accounts under way (not queued, not done), by handle, and their latest step.
        self._under_way: dict[str, Step] = {}
        #: While a sign-in runs in a browser window the person sees: each step says what is
        #: theirs to do there, not only what the app is doing.
        self._in_window = False
        self.hide()

    def begin(self, total: int) -> None:
        self._total, self._done = total, 0
        self._under_way.clear()
        self._in_window = False
        self.cancel_button.setText(self.tr("Ca&ncel check"))
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(0)
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
        if step in (Step.DONE, Step.QUEUED):
            self._under_way.pop(handle, None)
        else:
            self._under_way[handle] = step
        if self._in_window:
            if step is not Step.DONE:
                words = self.tr(
                    "@{handle}: {step} In the browser window, do what X asks of you (a captcha, "
                    "a code); Consentinel types the rest."
                )
                self._say(words.replace("{handle}", handle).replace("{step}", step_name(step)))
            return
        text = self._under_way_text()
        if text and text != self.label.text():
            self._say(text)

    def _under_way_text(self) -> str:
        """The line while a check runs ("" : it stays as it is)."""
        steps = self._under_way
        working = [h for h, s in steps.items() if s not in (*PERSON_STEPS, Step.WAITING_TO_SIGN_IN)]
        waiting = [(h, s) for h, s in steps.items() if s in PERSON_STEPS]
        if waiting:  # (one at a time: questions come at sign-ins, one at a time)
            handle, step = waiting[0]
            text = waiting_for_you(handle, step)
            if len(working) == 1:
                return text + self.tr(". Meanwhile, 1 other account is being checked.")
            if working:
                meanwhile = self.tr(". Meanwhile, {n} other accounts are being checked.")
                return text + meanwhile.replace("{n}", str(len(working)))
            return text + "…"
        if len(working) > 1:
            named = ", ".join(f"@{h}" for h in working[:NAMED_AT_ONCE])
            if len(working) > NAMED_AT_ONCE:
                named += ", …"
            return (
                self.tr("{n} accounts under way: {handles}")
                .replace("{n}", str(len(working)))
                .replace("{handles}", named)
            )
        shown = working or list(steps)
        if not shown:
            return ""
        handle = shown[0]
        words = self.tr("@{handle}: {step}")
        return words.replace("{handle}", handle).replace("{step}", step_name(steps[handle]))

    def account_done(self) -> None:
        self._done += 1
        self.progress.setValue(self._done)  # (Qt tells assistive technology the new value)
        self._describe_progress()

    def _describe_progress(self) -> None:
        words = self._count_words(self._done)
        self.count.setText(words)
        # As wide as its words at their longest: the Cancel button does not move as they grow.
        longest = self._count_words(self._total)
        self.count.setMinimumWidth(self.count.fontMetrics().horizontalAdvance(longest))
        self.progress.setAccessibleDescription(
            self.tr("Accounts checked: {done} of {total}")
            .replace("{done}", str(self._done))
            .replace("{total}", str(self._total))
        )

    def _count_words(self, done: int) -> str:
        """Counted in accounts, not a percentage: "4 of 23 accounts" tells what is left. The
        French word for 0 or 1 is singular ("1 compte sur 23"): a string of its own."""
        if self._total == 1:
            count = self.tr("{done} of 1 account")
        elif done <= 1:
            count = self.tr("{done} of {total} accounts", "none or one done")
        else:
            count = self.tr("{done} of {total} accounts")
        return count.replace("{done}", str(done)).replace("{total}", str(self._total))

    def _say(self, text: str) -> None:
        say(self.label, text)

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self._say(self.tr("Cancelling at the next safe point…"))
        self.cancel_requested.emit()
