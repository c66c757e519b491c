"""The settings dialog: its groups (settings_checks, settings_browser, settings_application,
settings_data) in an area that scrolls, read as settings, and saved (settings_os_jobs)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from consentinel.core.context import AppContext
from consentinel.core.osjobs import JobReport
from consentinel.core.records import replace
from consentinel.core.settings import Settings
from consentinel.core.vault import MemoryKeyring
from consentinel.gui.message_style import error_style
from consentinel.gui.settings_application import ApplicationSettings
from consentinel.gui.settings_browser import (
    MAX_CONCURRENCY,
    MIN_CONCURRENCY,
    BrowserSettings,
    BrowserState,
)
from consentinel.gui.settings_checks import ChecksSettings
from consentinel.gui.settings_data import DataSettings, entries_text
from consentinel.gui.settings_os_jobs import apply_jobs, jobs_words
from consentinel.gui.tray import Tray
from consentinel.gui.wrapped_labels import fit_wrapped_labels

if TYPE_CHECKING:
    from consentinel.gui.confirmation import Confirmation

# Names other modules and tests import from here.
__all__ = ["MAX_CONCURRENCY", "MIN_CONCURRENCY", "BrowserState", "SettingsDialog", "jobs_words"]


class SettingsDialog(QDialog):
    """Edits ctx.settings; Save writes settings.json, installs/removes OS jobs and journals it."""

    settingsChanged = Signal()
    dataDeleted = Signal()
    #: "Delete all my data" failed partway, after saving the settings the OS jobs' removal
    #: changed (`_erase_failed`).
    eraseFailed = Signal()

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
        # The demo's data folder and keyring vanish on quit: no OS job may point at them.
        self._demo = isinstance(ctx.vault.backend, MemoryKeyring)
        s = ctx.settings
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)

        self.checks = ChecksSettings(
            s, tray=self._tray, demo=self._demo, relayout=self._fit_wrapped_labels
        )
        self.schedule_combo = self.checks.schedule_combo
        self.check_on_start = self.checks.check_on_start
        self.run_when_closed = self.checks.run_when_closed
        self.start_at_login = self.checks.start_at_login
        self.screenshot_every_check = self.checks.screenshot_every_check
        self.open_only_note = self.checks.open_only_note
        self.jobs_label = self.checks.jobs_label

        self.browser = BrowserSettings(
            s, self, validated=self._browser_validated, answered_for_save=self.save
        )
        self.browser_auto = self.browser.browser_auto
        self.browser_custom = self.browser.browser_custom
        self.browser_path = self.browser.browser_path
        self.browse_button = self.browser.browse_button
        self.found_label = self.browser.found_label
        self.browser_error = self.browser.browser_error
        self.browser_checking = self.browser.browser_checking
        self._probe = self.browser.probe
        self.show_browser = self.browser.show_browser
        self.concurrency = self.browser.concurrency

        self.application = ApplicationSettings(s)
        self.language_combo = self.application.language_combo
        self.language_note = self.application.language_note
        self.notifications = self.application.notifications

        self.data = DataSettings(
            ctx,
            self,
            demo=self._demo,
            said=self._said_under_delete,
            deleted=self._data_deleted,
            failed=self._erase_failed,
        )
        self.folder_label = self.data.folder_label
        self.open_folder = self.data.open_folder
        self.delete_button = self.data.delete_button
        self.delete_label = self.data.delete_label

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
        for section in (self.checks, self.browser, self.application, self.data):
            content_layout.addWidget(section.group)
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

        self.browser.follow_edits()
        if self._demo:
            self.checks.say_not_in_demo()
        self.checks.follow_edits()
        self.browser.show_found_browser()
        # The browser saved is asked too (in its thread): one saved before Firefox was refused
        # is said here, where it is changed.
        self.browser.validate(ask=bool(s.browser_path))

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

    def _data_deleted(self) -> None:
        # The erase changed the settings (the OS jobs gone, or a crontab line left that still
        # checks while closed): the form shows them now, not at the window's next tick.
        self.follow_settings()
        self.dataDeleted.emit()

    def _erase_failed(self) -> None:
        # The OS jobs went before what failed, and the settings saying so were saved: shown
        # now, else a Save would write the old ones back (and put the start at login back).
        self.follow_settings()
        self.eraseFailed.emit()

    def _said_under_delete(self) -> None:
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

    # -- reading the form -------------------------------------------------------------------------

    def form_settings(self) -> dict[str, Any]:
        """The settings the form's widgets say, by name (not validated, not saved)."""
        return {
            "schedule": str(self.schedule_combo.currentData()),
            "check_on_start": self.check_on_start.isChecked(),
            "run_when_closed": self.run_when_closed.isChecked(),
            "start_at_login": self.start_at_login.isChecked(),
            "browser_path": self.browser.chosen_path(),
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
            "schedule": self.checks.show_schedule,
            "check_on_start": self.check_on_start.setChecked,
            "run_when_closed": self.run_when_closed.setChecked,
            "start_at_login": self.start_at_login.setChecked,
            "browser_path": self.browser.show_path,
            "show_browser": self.show_browser.setChecked,
            "concurrency": self.browser.show_concurrency,
            "language": self.application.show_language,
            "notifications": self.notifications.setChecked,
            "screenshot_every_check": self.screenshot_every_check.setChecked,
        }
        if self._demo:  # (off and greyed out: no OS job may point at the demo's folder)
            del setters["run_when_closed"], setters["start_at_login"]
        return setters

    # -- saving -----------------------------------------------------------------------------------

    def _browser_validated(self, state: BrowserState) -> None:
        self._fit_wrapped_labels()
        self.save_button.setEnabled(state.problem is None and not self.browser.save_waiting)

    def save(self) -> None:
        """Write the settings; then (un)install the OS jobs that changed and say how it went."""
        state = self.browser.state(ask=True)
        # Asked in its thread: saved once it has answered, and not if it is not a browser.
        self.browser.save_waiting = state.checking
        self.browser.validate()
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
        self.browser.save_waiting = False  # closed (Cancel) while the program was asked: not saved
        super().done(result)

    def _apply_jobs(self, before: Settings, after: Settings) -> list[JobReport]:
        if self._demo:
            return []
        return apply_jobs(
            self._ctx,
            before,
            after,
            tray=self._tray,
            untick_keep_checking=lambda: self.run_when_closed.setChecked(False),
        )

    def _fail(self, message: str) -> None:
        self.save_error.setText(message)
        self.save_error.show()
        self._fit_wrapped_labels()

    # -- deleting (settings_data) -----------------------------------------------------------------

    @property
    def confirm_box(self) -> Confirmation | None:
        """The "Delete all my data" confirmation last asked."""
        return self.data.confirm_box

    def confirmation_text(self) -> str:
        """What the confirmation names: every thing that will be deleted."""
        return self.data.confirmation_text()

    def delete_all_data(self) -> bool:
        """Ask, then erase; True when the data was deleted."""
        return self.data.delete_all_data()

    @staticmethod
    def _entries_text(n: int) -> str:
        return entries_text(n)
