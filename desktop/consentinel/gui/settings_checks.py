"""The settings dialog's "Checks" group: how often to check, at start, screenshots, while
closed, at login, and what the OS said of its jobs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout

from consentinel.core.settings import ScheduleChoice

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

    from consentinel.core.settings import Settings

# The dialog's own words: its context in the catalogues (as its self.tr() has).
translate = QCoreApplication.translate


class ChecksSettings:
    """The group's widgets (`group`); `relayout` is called when a sentence shows or hides."""

    def __init__(
        self, s: Settings, *, tray: bool, demo: bool, relayout: Callable[[], None]
    ) -> None:
        self._demo = demo
        self._relayout = relayout
        self.schedule_combo = QComboBox()
        self.schedule_combo.setAccessibleName(translate("SettingsDialog", "How often to check"))
        for choice, words in (
            (ScheduleChoice.OFF, translate("SettingsDialog", "Never (only when I ask)")),
            (ScheduleChoice.EVERY_6H, translate("SettingsDialog", "Every 6 hours")),
            (ScheduleChoice.EVERY_12H, translate("SettingsDialog", "Every 12 hours")),
            (ScheduleChoice.DAILY, translate("SettingsDialog", "Every day")),
            (ScheduleChoice.WEEKLY, translate("SettingsDialog", "Every week")),
        ):
            self.schedule_combo.addItem(words, choice.value)
        self.show_schedule(s.schedule)
        self.check_on_start = QCheckBox(
            translate("SettingsDialog", "Check when the app starts if a check is &overdue")
        )
        self.check_on_start.setChecked(s.check_on_start)
        self.run_when_closed = QCheckBox(
            translate("SettingsDialog", "&Keep checking when Consentinel is closed")
        )
        self.run_when_closed.setChecked(s.run_when_closed)
        if tray:
            self.start_at_login = QCheckBox(
                translate("SettingsDialog", "Start Consentinel at &login, in the tray")
            )
        else:
            # What happens instead of the tray (AppController.start): no window in the way.
            self.start_at_login = QCheckBox(
                translate(
                    "SettingsDialog", "Start Consentinel at &login, with its window minimized"
                )
            )
            self.start_at_login.setToolTip(
                translate(
                    "SettingsDialog",
                    "This desktop shows no tray: Consentinel starts with its window minimized, "
                    "and closing the window quits it.",
                )
            )
        self.start_at_login.setChecked(s.start_at_login)
        self.screenshot_every_check = QCheckBox(
            translate("SettingsDialog", "Keep a screenshot of e&very check (about 100 kB each)")
        )
        self.screenshot_every_check.setToolTip(
            translate(
                "SettingsDialog",
                "Not only when a box was changed: a picture of the settings page at each check, "
                "as evidence that the boxes were still off that day.",
            )
        )
        self.screenshot_every_check.setChecked(s.screenshot_every_check)
        #: With neither of the two on, nothing checks once the window is closed: said here,
        #: as the window's "Next automatic check" says "(while Consentinel is open)". The two are
        #: named (and right above it): "these two" under four boxes left the reader guessing.
        self.open_only_note = QLabel(
            translate(
                "SettingsDialog",
                "Without “Keep checking when Consentinel is closed” or “Start Consentinel at "
                "login”, automatic checks happen only while Consentinel is open.",
            )
        )
        self.open_only_note.setWordWrap(True)
        self.jobs_label = QLabel()
        self.jobs_label.setWordWrap(True)
        self.jobs_label.setTextFormat(Qt.TextFormat.RichText)  # jobs_words(): a paragraph each
        # The cron line it may give is to be copied, not typed again.
        self.jobs_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.jobs_label.hide()

        self.group = QGroupBox(translate("SettingsDialog", "Checks"))
        # Box layouts, not QFormLayout: a form squeezes word-wrapped rows and clips them.
        checks_form = QVBoxLayout(self.group)
        schedule_label = QLabel(translate("SettingsDialog", "&Check:"))
        schedule_label.setBuddy(self.schedule_combo)
        checks_form.addLayout(labelled_row(schedule_label, self.schedule_combo))
        checks_form.addWidget(self.check_on_start)
        checks_form.addWidget(self.screenshot_every_check)
        checks_form.addWidget(self.run_when_closed)
        checks_form.addWidget(self.start_at_login)
        checks_form.addWidget(self.open_only_note)
        checks_form.addWidget(self.jobs_label)

    def say_not_in_demo(self) -> None:
        """The demo's data folder and keyring vanish on quit: no OS job may point at them."""
        for option in (self.run_when_closed, self.start_at_login):
            option.setChecked(False)
            option.setEnabled(False)
            option.setToolTip(translate("SettingsDialog", "Not available in the demo."))
        self.jobs_label.setText(
            translate(
                "SettingsDialog",
                "The demo's data is thrown away when it closes, so it cannot check while "
                "closed or start at login.",
            )
        )
        self.jobs_label.show()

    def follow_edits(self) -> None:
        """From now on, what one choice changes in the others (and the sentence under them)."""
        self.schedule_combo.currentIndexChanged.connect(self.schedule_changed)
        self.run_when_closed.toggled.connect(self.show_open_only_note)
        self.start_at_login.toggled.connect(self.show_open_only_note)
        self.schedule_changed()

    def show_schedule(self, value: str) -> None:
        self.schedule_combo.setCurrentIndex(max(self.schedule_combo.findData(value), 0))

    def schedule_changed(self) -> None:
        off = self.schedule_combo.currentData() == ScheduleChoice.OFF.value
        # Without a schedule there is nothing to keep doing while closed.
        self.run_when_closed.setEnabled(not off and not self._demo)
        if off:
            self.run_when_closed.setChecked(False)
        self.check_on_start.setEnabled(not off)
        # A box greyed with no reason reads as broken: its tooltip says what turns it on.
        first = translate("SettingsDialog", "Choose how often to check first.") if off else ""
        self.check_on_start.setToolTip(first)
        if not self._demo:  # the demo's own reason stays (say_not_in_demo)
            self.run_when_closed.setToolTip(first)
        self.show_open_only_note()

    def show_open_only_note(self) -> None:
        off = self.schedule_combo.currentData() == ScheduleChoice.OFF.value
        neither = not (self.run_when_closed.isChecked() or self.start_at_login.isChecked())
        self.open_only_note.setVisible(neither and not off)
        self._relayout()


def labelled_row(label: QLabel, field: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(label)
    row.addWidget(field, 1)
    return row
