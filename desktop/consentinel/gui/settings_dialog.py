"""The settings dialog: schedule, OS jobs, browser, language, notifications, data folder."""

from __future__ import annotations

import dataclasses
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from consentinel.core import osjobs
from consentinel.core.context import AppContext
from consentinel.core.data_eraser import CheckRunning, erase_all_data, what_would_go
from consentinel.core.i18n import current_language
from consentinel.core.osjobs import JobReport
from consentinel.core.records import replace
from consentinel.core.settings import Language, ScheduleChoice, Settings
from consentinel.core.vault import MemoryKeyring, VaultError
from consentinel.gui.confirmation import Confirmation
from consentinel.gui.message_style import error_style
from consentinel.gui.program_probe import ProgramProbe
from consentinel.gui.spoken_labels import heard_as_shown
from consentinel.gui.tray import Tray
from consentinel.gui.wrapped_labels import fit_wrapped_labels
from consentinel.x.browser import find_browser, skipped_browser_setting

if TYPE_CHECKING:
    from consentinel.x.browser_program import ProgramCheck

log = logging.getLogger(__name__)

MIN_CONCURRENCY, MAX_CONCURRENCY = 1, 10


class BrowserState(NamedTuple):
    """What the form's browser choice is known to be: `problem` in words (None: none known), or
    `checking` while the program is asked what it is."""

    problem: str | None
    checking: bool = False


class SettingsDialog(QDialog):
    """Edits ctx.settings; Save writes settings.json, installs/removes OS jobs and journals it."""

    settingsChanged = Signal()
    dataDeleted = Signal()

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, tray: bool | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        #: The settings as the form showed them when it was filled (or last followed them): a
        #: setting whose widget still says this is not the person's to save (chosen_settings).
        self._shown = replace(ctx.settings)
        #: Whether the desktop shows a tray, where a start at login waits (GNOME shows none).
        self._tray = Tray.available() if tray is None else tray
        s = ctx.settings
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)

        # -- checks ---------------------------------------------------------------------------
        self.schedule_combo = QComboBox()
        self.schedule_combo.setAccessibleName(self.tr("How often to check"))
        for choice, words in (
            (ScheduleChoice.OFF, self.tr("Never (only when I ask)")),
            (ScheduleChoice.EVERY_6H, self.tr("Every 6 hours")),
            (ScheduleChoice.EVERY_12H, self.tr("Every 12 hours")),
            (ScheduleChoice.DAILY, self.tr("Every day")),
            (ScheduleChoice.WEEKLY, self.tr("Every week")),
        ):
            self.schedule_combo.addItem(words, choice.value)
        self.schedule_combo.setCurrentIndex(max(self.schedule_combo.findData(s.schedule), 0))
        self.check_on_start = QCheckBox(self.tr("Check when the app starts if a check is &overdue"))
        self.check_on_start.setChecked(s.check_on_start)
        self.run_when_closed = QCheckBox(self.tr("&Keep checking when Consentinel is closed"))
        self.run_when_closed.setChecked(s.run_when_closed)
        if self._tray:
            self.start_at_login = QCheckBox(self.tr("Start Consentinel at &login, in the tray"))
        else:
            # What happens instead of the tray (AppController.start): no window in the way.
            self.start_at_login = QCheckBox(
                self.tr("Start Consentinel at &login, with its window minimized")
            )
            self.start_at_login.setToolTip(
                self.tr(
                    "This desktop shows no tray: Consentinel starts with its window minimized, "
                    "and closing the window quits it."
                )
            )
        self.start_at_login.setChecked(s.start_at_login)
        self.screenshot_every_check = QCheckBox(
            self.tr("Keep a screenshot of e&very check (about 100 kB each)")
        )
        self.screenshot_every_check.setToolTip(
            self.tr(
                "Not only when a box was changed: a picture of the settings page at each check, "
                "as evidence that the boxes were still off that day."
            )
        )
        self.screenshot_every_check.setChecked(s.screenshot_every_check)
        #: With neither of the two on, nothing checks once the window is closed: said here,
        #: as the window's "Next automatic check" says "(while Consentinel is open)".
        self.open_only_note = QLabel(
            self.tr(
                "With neither of these two on, automatic checks happen only while Consentinel "
                "is open."
            )
        )
        self.open_only_note.setWordWrap(True)
        self.jobs_label = QLabel()
        self.jobs_label.setWordWrap(True)
        self.jobs_label.setTextFormat(Qt.TextFormat.RichText)  # jobs_words(): a paragraph each
        # The cron line it may give is to be copied, not typed again.
        self.jobs_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.jobs_label.hide()

        checks = QGroupBox(self.tr("Checks"))
        # Box layouts, not QFormLayout: a form squeezes word-wrapped rows and clips them.
        checks_form = QVBoxLayout(checks)
        schedule_label = QLabel(self.tr("&Check:"))
        schedule_label.setBuddy(self.schedule_combo)
        checks_form.addLayout(_row(schedule_label, self.schedule_combo))
        checks_form.addWidget(self.check_on_start)
        checks_form.addWidget(self.screenshot_every_check)
        checks_form.addWidget(self.run_when_closed)
        checks_form.addWidget(self.start_at_login)
        checks_form.addWidget(self.open_only_note)
        checks_form.addWidget(self.jobs_label)

        # -- browser --------------------------------------------------------------------------
        self.browser_auto = QRadioButton(self.tr("Find a browser &automatically"))
        self.browser_custom = QRadioButton(self.tr("&Use this browser:"))
        self.browser_path = QLineEdit(s.browser_path or "")
        self.browser_path.setAccessibleName(self.tr("Browser program"))
        self.browser_path.setPlaceholderText(self.tr("Path to Chromium, Chrome or Edge"))
        self.browse_button = QPushButton(self.tr("C&hoose…"))
        self.browse_button.clicked.connect(self._choose_browser)
        (self.browser_custom if s.browser_path else self.browser_auto).setChecked(True)
        self.found_label = QLabel()
        self.found_label.setWordWrap(True)
        self.browser_error = QLabel()
        self.browser_error.setWordWrap(True)
        self.browser_error.setStyleSheet(error_style())
        self.browser_error.hide()
        #: While the program typed or chosen is asked what it is (in a thread: ProgramProbe).
        self.browser_checking = QLabel()
        self.browser_checking.setWordWrap(True)
        self.browser_checking.hide()
        self._probe = ProgramProbe(self)
        self._probe.answered.connect(self._program_checked)
        #: Save was pressed while the program was asked: the settings are saved on its answer.
        self._save_waiting = False
        #: The last answer to the path shown, should the verdicts kept by file version not
        #: have it (the file changed meanwhile); forgotten at the next edit.
        self._answer: tuple[str, ProgramCheck] | None = None
        self.show_browser = QCheckBox(self.tr("Show the &browser window during checks"))
        self.show_browser.setChecked(s.show_browser)
        self.concurrency = QSpinBox()
        self.concurrency.setRange(MIN_CONCURRENCY, MAX_CONCURRENCY)
        self.concurrency.setValue(min(max(s.concurrency, MIN_CONCURRENCY), MAX_CONCURRENCY))
        self.concurrency.setAccessibleName(self.tr("Accounts checked at once"))

        browser = QGroupBox(self.tr("Browser"))
        browser_layout = QVBoxLayout(browser)
        browser_layout.addWidget(self.browser_auto)
        browser_layout.addWidget(self.found_label)
        path_row = QHBoxLayout()
        path_row.addWidget(self.browser_custom)
        path_row.addWidget(self.browser_path, 1)
        path_row.addWidget(self.browse_button)
        browser_layout.addLayout(path_row)
        browser_layout.addWidget(self.browser_error)
        browser_layout.addWidget(self.browser_checking)
        browser_layout.addWidget(self.show_browser)
        concurrency_row = QHBoxLayout()
        concurrency_label = QLabel(self.tr("Accounts checked at onc&e:"))
        concurrency_label.setBuddy(self.concurrency)
        concurrency_row.addWidget(concurrency_label)
        concurrency_row.addWidget(self.concurrency)
        concurrency_row.addStretch(1)
        browser_layout.addLayout(concurrency_row)

        # -- app ------------------------------------------------------------------------------
        self.language_combo = QComboBox()
        self.language_combo.setAccessibleName(self.tr("Language"))
        for lang, words in (
            (Language.SYSTEM, self.tr("The system's language")),
            (Language.ENGLISH, "English"),
            (Language.FRENCH, "Français"),
        ):
            self.language_combo.addItem(words, lang.value)
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(s.language), 0))
        self.language_note = QLabel(
            self.tr("A new language applies to the windows as soon as you save.")
        )
        self.language_note.setWordWrap(True)
        self.notifications = QCheckBox(
            self.tr("Show a &notification when X switches a box back on or a check needs me")
        )
        self.notifications.setChecked(s.notifications)
        app = QGroupBox(self.tr("Application"))
        app_form = QVBoxLayout(app)
        language_label = QLabel(self.tr("Lan&guage:"))
        language_label.setBuddy(self.language_combo)
        app_form.addLayout(_row(language_label, self.language_combo))
        app_form.addWidget(self.language_note)
        app_form.addWidget(self.notifications)

        # -- data -----------------------------------------------------------------------------
        self.folder_label = QLabel(str(ctx.paths.data_dir))
        heard_as_shown(self.folder_label, self.tr("Data folder"))  # (its path is what is read)
        self.folder_label.setWordWrap(True)
        self.open_folder = QPushButton(self.tr("O&pen"))
        self.open_folder.clicked.connect(self._open_folder)
        self.delete_button = QPushButton(self.tr("&Delete all my data…"))
        self.delete_button.setAccessibleName(self.tr("Delete all my data"))
        self.delete_button.clicked.connect(self.delete_all_data)
        self.delete_label = QLabel()
        self.delete_label.setWordWrap(True)
        self.delete_label.hide()
        data = QGroupBox(self.tr("Data folder"))
        data_layout = QVBoxLayout(data)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.open_folder)
        data_layout.addLayout(folder_row)
        delete_row = QHBoxLayout()
        delete_row.addWidget(self.delete_button)
        delete_row.addStretch(1)
        data_layout.addLayout(delete_row)
        data_layout.addWidget(self.delete_label)

        self.save_error = QLabel()
        self.save_error.setWordWrap(True)
        self.save_error.setStyleSheet(error_style())
        self.save_error.hide()
        # Cancel, not Close: what it does to changes not saved (Save closes the dialog).
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        # The settings scroll when the screen is too small for them (200 % on a 1080p screen),
        # so that Save and Cancel always stay in view.
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        for group in (checks, browser, app, data):
            content_layout.addWidget(group)
        self.settings_area = QScrollArea()
        self.settings_area.setWidgetResizable(True)
        self.settings_area.setFrameShape(QFrame.Shape.NoFrame)
        self.settings_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.settings_area.setWidget(content)
        # Not a stop of its own in the Tab order (unnamed, nothing drawn as focused): focus goes
        # to the first setting, and the area scrolls to whichever setting has it.
        self.settings_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.addWidget(self.settings_area, 1)
        layout.addWidget(self.save_error)
        layout.addWidget(self.buttons)
        self.save_button.setDefault(True)  # once it is the dialog's own (see AccountDialog)

        self.browser_auto.toggled.connect(self._browser_edited)
        # At each keystroke only what costs nothing (is it a program?); the program is asked
        # what it is (--version) once the path is typed, chosen, or saved, in a thread: a
        # program that is slow or hangs must not freeze the window.
        self.browser_path.textChanged.connect(self._browser_edited)
        self.browser_path.editingFinished.connect(self._validate_program)
        # The demo's data folder and keyring vanish on quit: no OS job may point at them.
        self._demo = isinstance(ctx.vault.backend, MemoryKeyring)
        if self._demo:
            for option in (self.run_when_closed, self.start_at_login):
                option.setChecked(False)
                option.setEnabled(False)
                option.setToolTip(self.tr("Not available in the demo."))
            self.jobs_label.setText(
                self.tr(
                    "The demo's data is thrown away when it closes, so it cannot check while "
                    "closed or start at login."
                )
            )
            self.jobs_label.show()
        self.schedule_combo.currentIndexChanged.connect(self._schedule_changed)
        self.run_when_closed.toggled.connect(self._show_open_only_note)
        self.start_at_login.toggled.connect(self._show_open_only_note)
        self._schedule_changed()
        self._show_found_browser()
        # The browser saved is asked too (in its thread): one saved before Firefox was refused
        # is said here, where it is changed.
        self._validate(ask=bool(s.browser_path))

    # -- wrapped sentences -------------------------------------------------------------------------

    def _wrapped_labels(self) -> list[QLabel]:
        return [
            self.open_only_note,
            self.jobs_label,
            self.found_label,
            self.browser_error,
            self.browser_checking,
            self.language_note,
            self.delete_label,
            self.save_error,
        ]

    def _fit_wrapped_labels(self) -> None:
        fit_wrapped_labels(self, self._wrapped_labels())
        self._fit_width()

    def _fit_width(self) -> None:
        """The settings' area at least as wide as their widest line, with room for the scroll
        bar that a message after saving may bring: it does not scroll sideways, and a setting
        wider than the dialog (a check box does not wrap) was cut on the right, with the edges
        of the groups and the buttons beside it."""
        content = self.settings_area.widget()
        if content is None:
            return
        bar = self.settings_area.verticalScrollBar().sizeHint().width()
        self.settings_area.setMinimumWidth(content.minimumSizeHint().width() + bar)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_wrapped_labels()
        self._fit_screen()

    def _fit_screen(self) -> None:
        """All the settings in view when the screen has room; else as many as fit, scrolling."""
        content = self.settings_area.widget()
        screen = self.screen()
        if content is None or screen is None:
            return
        around = self.sizeHint().height() - self.settings_area.sizeHint().height()
        room = screen.availableGeometry().height() - around - 60  # the window's title bar
        wanted = content.sizeHint().height()
        self.settings_area.setMinimumHeight(max(120, min(wanted, room)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_wrapped_labels()

    # -- reading the form -------------------------------------------------------------------------

    def form_settings(self) -> dict[str, Any]:
        """The settings the form's widgets say, by name (not validated, not saved)."""
        custom = self.browser_custom.isChecked() and self.browser_path.text().strip()
        return {
            "schedule": str(self.schedule_combo.currentData()),
            "check_on_start": self.check_on_start.isChecked(),
            "run_when_closed": self.run_when_closed.isChecked(),
            "start_at_login": self.start_at_login.isChecked(),
            "browser_path": self.browser_path.text().strip() if custom else None,
            "show_browser": self.show_browser.isChecked(),
            "concurrency": self.concurrency.value(),
            "language": str(self.language_combo.currentData()),
            "notifications": self.notifications.isChecked(),
            "screenshot_every_check": self.screenshot_every_check.isChecked(),
        }

    def changed_in_form(self) -> dict[str, Any]:
        """What the person changed in the form: each setting whose widget no longer says what
        it said when it was filled."""
        return {
            name: value
            for name, value in self.form_settings().items()
            if value != getattr(self._shown, name)
        }

    def chosen_settings(self) -> Settings:
        """The settings to save (not validated): this process's as they are now, with what the
        person changed in the form. A setting the person left alone keeps its value of now,
        not the form's: another process may have saved it since the form was filled
        (`consentinel schedule install --every 6h`, which the window's tick took), and writing
        the form's back would undo it, put back or remove its OS job, and journal it as the
        person's change."""
        return replace(self._ctx.settings, **self.changed_in_form())

    def follow_settings(self) -> None:
        """Show the settings as they are now where the person has not changed the form (the
        window's tick took `consentinel schedule install` or `remove` typed meanwhile, or a
        save of this dialog kept what another process had saved): what the form says is then
        what Save keeps. What the person changed stays theirs."""
        now = self._ctx.settings
        mine = self.changed_in_form()
        for name, show in self._widget_setters().items():
            value = getattr(now, name)
            if name not in mine and value != getattr(self._shown, name):
                show(value)
        self._shown = replace(now)

    def _widget_setters(self) -> dict[str, Callable[[Any], None]]:
        """How each setting is shown in the form, in an order where one does not undo another
        (a schedule "off" unticks "Keep checking when closed")."""
        setters: dict[str, Callable[[Any], None]] = {
            "schedule": lambda value: self.schedule_combo.setCurrentIndex(
                max(self.schedule_combo.findData(value), 0)
            ),
            "check_on_start": self.check_on_start.setChecked,
            "run_when_closed": self.run_when_closed.setChecked,
            "start_at_login": self.start_at_login.setChecked,
            "browser_path": self._show_browser_path,
            "show_browser": self.show_browser.setChecked,
            "concurrency": lambda value: self.concurrency.setValue(
                min(max(value, MIN_CONCURRENCY), MAX_CONCURRENCY)
            ),
            "language": lambda value: self.language_combo.setCurrentIndex(
                max(self.language_combo.findData(value), 0)
            ),
            "notifications": self.notifications.setChecked,
            "screenshot_every_check": self.screenshot_every_check.setChecked,
        }
        if self._demo:  # (off and greyed out: no OS job may point at the demo's folder)
            del setters["run_when_closed"], setters["start_at_login"]
        return setters

    def _show_browser_path(self, path: str | None) -> None:
        self.browser_path.setText(path or "")
        (self.browser_custom if path else self.browser_auto).setChecked(True)

    def _schedule_changed(self) -> None:
        off = self.schedule_combo.currentData() == ScheduleChoice.OFF.value
        # Without a schedule there is nothing to keep doing while closed.
        self.run_when_closed.setEnabled(not off and not self._demo)
        if off:
            self.run_when_closed.setChecked(False)
        self.check_on_start.setEnabled(not off)
        self._show_open_only_note()

    def _show_open_only_note(self) -> None:
        off = self.schedule_combo.currentData() == ScheduleChoice.OFF.value
        neither = not (self.run_when_closed.isChecked() or self.start_at_login.isChecked())
        self.open_only_note.setVisible(neither and not off)
        self._fit_wrapped_labels()

    def _show_found_browser(self) -> None:
        found = find_browser(None)
        if found is None:
            self.found_label.setText(
                self.tr("No Chromium, Chrome or Edge was found: install one, or choose it below.")
            )
            self.found_label.setStyleSheet(error_style())
        else:
            text = (
                self.tr("Found: {name} ({path})")
                .replace("{name}", found.name)
                .replace("{path}", str(found.path))
            )
            skipped = skipped_browser_setting(None)
            if skipped is not None:  # CONSENTINEL_BROWSER names what cannot run: not used
                unused = self.tr(
                    "The CONSENTINEL_BROWSER variable names {path}, which is not a program "
                    "this computer can run: it is not used."
                )
                text += " " + unused.replace("{path}", skipped[0])
            self.found_label.setText(text)

    def _browser_state(self, *, ask: bool = False) -> BrowserState:
        if not self.browser_custom.isChecked():
            return BrowserState(None)
        text = self.browser_path.text().strip()
        if not text:
            return BrowserState(self.tr("Choose the browser program, or let Consentinel find one."))
        path = Path(text)
        if not path.is_file() or not os.access(path, os.X_OK):
            return BrowserState(
                self.tr("{path} is not a program that can be started.").replace("{path}", text)
            )
        # Not Firefox nor anything else: a check would wait for it to start. Asked with
        # --version once per version of the file, when `ask` (else only said if it was asked
        # already), in a thread: its answer comes to _program_checked.
        from consentinel.gui.browser_setup_dialog import program_check_problem
        from consentinel.x.browser_program import known_program_check

        check = known_program_check(path)
        if check is None and self._answer is not None and self._answer[0] == text:
            check = self._answer[1]
        if check is not None:
            return BrowserState(program_check_problem(path, check))
        if ask:
            self._probe.ask(text)
        return BrowserState(None, checking=self._probe.asking(text))

    def _validate(self, *, ask: bool = False) -> BrowserState:
        custom = self.browser_custom.isChecked()
        self.browser_path.setEnabled(custom)
        self.browse_button.setEnabled(custom)
        state = self._browser_state(ask=ask)
        self.browser_error.setText(state.problem or "")
        self.browser_error.setVisible(state.problem is not None)
        if state.checking:
            checking = self.tr("Checking that this program is Chromium, Chrome or Edge…")
            if self._save_waiting:
                checking += " " + self.tr("The settings will be saved once it has answered.")
            self.browser_checking.setText(checking)
        self.browser_checking.setVisible(state.checking)
        self._fit_wrapped_labels()
        self.save_button.setEnabled(state.problem is None and not self._save_waiting)
        return state

    def _validate_program(self) -> BrowserState:
        return self._validate(ask=True)

    def _browser_edited(self) -> None:
        """A path typed, or the other choice: what was asked of the path before says nothing
        of this one, and a Save that waited for it saves nothing."""
        self._save_waiting = False
        self._answer = None
        self._validate()

    def _program_checked(self, text: str, check: ProgramCheck) -> None:
        """The program's answer; ignored when the person typed on (it is kept all the same, by
        file version, should they come back to it)."""
        if not self.browser_custom.isChecked() or text != self.browser_path.text().strip():
            return
        self._answer = (text, check)
        if self._save_waiting:
            self._save_waiting = False
            self.save()
        else:
            self._validate()

    def _choose_browser(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the browser program"), self.browser_path.text() or "/"
        )
        if path:
            self.browser_path.setText(path)
            self._validate_program()

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._ctx.paths.data_dir)))

    # -- saving -----------------------------------------------------------------------------------

    def save(self) -> None:
        """Write the settings; then (un)install the OS jobs that changed and say how it went."""
        state = self._browser_state(ask=True)
        # Asked in its thread: saved once it has answered, and not if it is not a browser.
        self._save_waiting = state.checking
        self._validate()
        if state.checking or state.problem is not None:
            return
        before = self._ctx.settings
        chosen = self.chosen_settings()
        try:
            chosen.validate()
        except ValueError as error:
            self._fail(str(error))
            return
        changes: dict[str, Any] = {
            name: getattr(chosen, name)
            for name in Settings.field_names()
            if getattr(chosen, name) != getattr(before, name)
        }
        try:
            self._ctx.settings = chosen
            self._ctx.save_settings()
        except OSError as error:
            self._ctx.settings = before
            self._fail(
                self.tr("The settings could not be saved: {problem}").replace(
                    "{problem}", str(error)
                )
            )
            return
        if changes:
            self._ctx.journal.record_settings_changed(changes)
        reports = self._apply_jobs(before, chosen)
        # What was saved is now what the form was filled with (and what the save kept of
        # another process's, shown): a Save again, the dialog left open, saves only what
        # the person changes next.
        self.follow_settings()
        self.save_error.hide()
        if changes:
            self.settingsChanged.emit()
        if reports:
            # Stay open so the person reads what the OS said.
            self.jobs_label.setText(jobs_words(reports))
            self.jobs_label.show()
            self._fit_wrapped_labels()
            return
        self.accept()

    def done(self, result: int) -> None:
        self._save_waiting = False  # closed (Cancel) while the program was asked: not saved
        super().done(result)

    def _apply_jobs(self, before: Settings, after: Settings) -> list[JobReport]:
        reports: list[JobReport] = []
        if self._demo:
            return reports
        job_changed = (before.run_when_closed, before.schedule) != (
            after.run_when_closed,
            after.schedule,
        )
        try:
            # Also when the installed job no longer runs (Consentinel moved, or the job removed
            # by hand): saving puts it right.
            if after.run_when_closed and (job_changed or not osjobs.status().installed):
                report = osjobs.install(after.schedule)
                reports.append(report)
                if report.state is osjobs.JobState.FAILED:
                    self._keep_checking_is_off()
            elif before.run_when_closed and not after.run_when_closed:
                reports.append(osjobs.remove())
        except OSError as error:  # the OS job's files could not be written
            reports.append(JobReport(osjobs.JobState.FAILED, str(error)))
            if after.run_when_closed:
                self._keep_checking_is_off()
        try:
            item = osjobs.login_item()
            # Also when the item in place starts another copy (Consentinel moved, or downloaded
            # again): a desktop entry's TryExec hides it then, and nothing starts at login.
            if after.start_at_login and (not before.start_at_login or item.names_another_program()):
                reports.append(self._said_for_this_desktop(item.install()))
            elif before.start_at_login and not after.start_at_login:
                reports.append(item.remove())
        except OSError as error:
            reports.append(JobReport(osjobs.JobState.FAILED, str(error)))
        reports.extend(self._refresh_menu_entry())
        return reports

    def _said_for_this_desktop(self, report: JobReport) -> JobReport:
        """The login item's report, which says "in the tray", said as it will be here."""
        if self._tray or report.state is not osjobs.JobState.ACTIVE:
            return report
        return dataclasses.replace(
            report,
            message=self.tr(
                "Consentinel will start at login with its window minimized: this desktop shows "
                "no tray."
            ),
        )

    @staticmethod
    def _refresh_menu_entry() -> list[JobReport]:
        """The applications menu entry (`consentinel desktop-entry install`) pointed at this
        copy when it starts another one: moved, its TryExec hid it from the menu."""
        if not sys.platform.startswith("linux"):
            return []
        from consentinel.core import desktop_entry

        try:
            done = desktop_entry.refresh()
        except desktop_entry.DesktopEntryError as error:
            return [JobReport(osjobs.JobState.FAILED, str(error))]
        if done is None:
            return []
        return [JobReport(osjobs.JobState.ACTIVE, done.message, done.files)]

    def _keep_checking_is_off(self) -> None:
        """The OS job could not be installed: the box and the settings say so, not the wish."""
        self.run_when_closed.setChecked(False)
        self._ctx.settings.run_when_closed = False
        try:
            self._ctx.save_settings()
        except OSError:
            log.warning("could not save the settings after a failed schedule install")

    def _fail(self, message: str) -> None:
        self.save_error.setText(message)
        self.save_error.show()
        self._fit_wrapped_labels()

    # -- deleting ---------------------------------------------------------------------------------

    def confirmation_text(self) -> str:
        """What the confirmation names: every thing that will be deleted."""
        what = what_would_go(self._ctx)
        if what.handles:
            secrets = (
                self.tr("• the passwords and 2FA secrets of {handles}, in {keyring};")
                .replace("{keyring}", what.keyring)
                .replace("{handles}", ", ".join(f"@{h}" for h in what.handles))
            )
        else:
            secrets = self.tr("• no password or 2FA secret: there is no account;")
        return (
            self.tr(
                "This deletes, on this computer:\n"
                "• the journal ({entries}) and its screenshots;\n"
                "• the saved browser sessions;\n"
                "{secrets}\n"
                "{exports}"
                "• the list of accounts and the log;\n"
                "• the scheduled checks while Consentinel is closed, and its start at login.\n\n"
                "Your other settings are kept. Nothing changes on X. This cannot be undone."
            )
            .replace("{entries}", self._entries_text(what.journal_entries))
            .replace("{secrets}", secrets)
            .replace("{exports}", self._exports_text(what.exports, what.exports_dir))
        )

    def _exports_text(self, n: int, folder: Path) -> str:
        """The exports saved where the journal window suggests saving them go too: named, so
        that the person can copy them elsewhere first. Nothing when there are none."""
        if n == 0:
            return ""
        if n == 1:
            text = self.tr("• the export saved in {folder} (copy it elsewhere first to keep it);")
        else:
            text = self.tr(
                "• the {n} exports saved in {folder} (copy them elsewhere first to keep them);"
            )
        return text.replace("{n}", str(n)).replace("{folder}", str(folder)) + "\n"

    def _entries_text(self, n: int) -> str:
        # French counts zero in the singular, English in the plural.
        one = n == 1 or (n == 0 and current_language() == "fr")
        text = self.tr("{n} entry") if one else self.tr("{n} entries")
        return text.replace("{n}", str(n))

    def delete_all_data(self) -> bool:
        """Ask, then erase; True when the data was deleted."""
        box = Confirmation(
            self,
            QMessageBox.Icon.Warning,
            self.tr("Delete all my data"),
            self.tr("Delete all your Consentinel data?"),
            self.confirmation_text(),
            act=self.tr("&Delete everything"),
            keep=self.tr("Cancel"),
        )
        self.confirm_box = box
        if not box.confirmed():
            return False
        try:
            erase_all_data(self._ctx, stop_background=not self._demo)
        except CheckRunning:
            self._deleted(
                self.tr("A check is running: wait for it to end (or cancel it), then try again."),
                ok=False,
            )
            return False
        except VaultError as error:
            # The keyring goes first: when it fails, nothing else was touched.
            self._deleted(
                self.tr("Nothing was deleted: {problem}").replace("{problem}", str(error)), ok=False
            )
            return False
        except OSError as error:
            self._deleted(
                self.tr("Some files could not be deleted: {problem}").replace(
                    "{problem}", str(error)
                ),
                ok=False,
            )
            return False
        self._deleted(self.tr("All your data was deleted."), ok=True)
        self.dataDeleted.emit()
        return True

    def _deleted(self, message: str, *, ok: bool) -> None:
        self.delete_label.setText(message)
        self.delete_label.setStyleSheet("" if ok else error_style())
        self.delete_label.show()
        self._fit_wrapped_labels()
        # Under the button, the words may fall below what the settings' area shows (a small
        # screen, 200 %): the area is laid out for them now, and scrolls to them.
        content = self.settings_area.widget()
        layout = content.layout() if content is not None else None
        if content is not None and layout is not None:
            layout.activate()  # (else laid out, and resized by the area, only after a turn)
            viewport = self.settings_area.viewport()
            content.resize(viewport.width(), max(viewport.height(), layout.sizeHint().height()))
        self.settings_area.ensureWidgetVisible(self.delete_label)


def _row(label: QLabel, field: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(label)
    row.addWidget(field, 1)
    return row


def jobs_words(reports: list[JobReport]) -> str:
    """What the OS said of each job, a paragraph each: what failed in the error colour, what
    worked in the window's own (one red block made "will start at login" look failed too)."""
    from html import escape

    from consentinel.gui.message_style import error_color

    paragraphs = []
    for report in reports:
        failed = report.state is osjobs.JobState.FAILED
        colour = f' style="color: {error_color()}"' if failed else ""
        # (A line of its own stays one: the crontab line to copy, where there is no systemd.)
        text = escape(report.message, quote=False).replace("\n", "<br>")
        paragraphs.append(f"<p{colour}>{text}</p>")
    return "".join(paragraphs)
