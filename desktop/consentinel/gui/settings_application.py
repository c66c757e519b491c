"""The settings dialog's "Application" group: the language of the windows, and notifications."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QGroupBox, QLabel, QVBoxLayout

from consentinel.core.settings import Language
from consentinel.gui.settings_checks import labelled_row

if TYPE_CHECKING:
    from consentinel.core.settings import Settings

# The dialog's own words: its context in the catalogues (as its self.tr() has).
translate = QCoreApplication.translate


class ApplicationSettings:
    """The group's widgets (`group`)."""

    def __init__(self, s: Settings) -> None:
        self.language_combo = QComboBox()
        self.language_combo.setAccessibleName(translate("SettingsDialog", "Language"))
        for lang, words in (
            (Language.SYSTEM, translate("SettingsDialog", "The system's language")),
            (Language.ENGLISH, "English"),
            (Language.FRENCH, "Français"),
        ):
            self.language_combo.addItem(words, lang.value)
        self.show_language(s.language)
        self.language_note = QLabel(
            translate(
                "SettingsDialog", "A new language applies to the windows as soon as you save."
            )
        )
        self.language_note.setWordWrap(True)
        self.notifications = QCheckBox(
            translate(
                "SettingsDialog",
                "Show a &notification when X switches a box back on or a check needs me",
            )
        )
        self.notifications.setChecked(s.notifications)
        self.group = QGroupBox(translate("SettingsDialog", "Application"))
        app_form = QVBoxLayout(self.group)
        language_label = QLabel(translate("SettingsDialog", "Lan&guage:"))
        language_label.setBuddy(self.language_combo)
        app_form.addLayout(labelled_row(language_label, self.language_combo))
        app_form.addWidget(self.language_note)
        app_form.addWidget(self.notifications)

    def show_language(self, value: str) -> None:
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(value), 0))
