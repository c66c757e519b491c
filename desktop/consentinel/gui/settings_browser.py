"""The settings dialog's "Browser" group: the browser found or the one chosen (asked what it is
in a thread), its window shown or not, and how many accounts are checked at once."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
)

from consentinel.gui.message_style import error_style
from consentinel.gui.program_probe import ProgramProbe
from consentinel.x.browser import find_browser, skipped_browser_setting

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

    from consentinel.core.settings import Settings
    from consentinel.x.browser_program import ProgramCheck

# The dialog's own words: its context in the catalogues (as its self.tr() has).
translate = QCoreApplication.translate

MIN_CONCURRENCY, MAX_CONCURRENCY = 1, 10


class BrowserState(NamedTuple):
    """What the form's browser choice is known to be: `problem` in words (None: none known), or
    `checking` while the program is asked what it is."""

    problem: str | None
    checking: bool = False


class BrowserSettings:
    """The group's widgets (`group`). `validated` is called with what the choice is known to
    be each time it is shown; `answered_for_save` when the program's answer came while a Save
    waited for it (`save_waiting`)."""

    def __init__(
        self,
        s: Settings,
        dialog: QWidget,
        *,
        validated: Callable[[BrowserState], None],
        answered_for_save: Callable[[], None],
    ) -> None:
        self._dialog = dialog
        self._validated = validated
        self._answered_for_save = answered_for_save
        self.browser_auto = QRadioButton(
            translate("SettingsDialog", "Find a browser &automatically")
        )
        self.browser_custom = QRadioButton(translate("SettingsDialog", "&Use this browser:"))
        self.browser_path = QLineEdit(s.browser_path or "")
        self.browser_path.setAccessibleName(translate("SettingsDialog", "Browser program"))
        self.browser_path.setPlaceholderText(
            translate("SettingsDialog", "Path to Chromium, Chrome or Edge")
        )
        self.browse_button = QPushButton(translate("SettingsDialog", "C&hoose…"))
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
        self.probe = ProgramProbe(dialog)
        self.probe.answered.connect(self._program_checked)
        #: Save was pressed while the program was asked: the settings are saved on its answer.
        self.save_waiting = False
        #: The last answer to the path shown, should the verdicts kept by file version not
        #: have it (the file changed meanwhile); forgotten at the next edit.
        self._answer: tuple[str, ProgramCheck] | None = None
        self.show_browser = QCheckBox(
            translate("SettingsDialog", "Show the &browser window during checks")
        )
        self.show_browser.setChecked(s.show_browser)
        self.concurrency = QSpinBox()
        self.concurrency.setRange(MIN_CONCURRENCY, MAX_CONCURRENCY)
        self.show_concurrency(s.concurrency)
        self.concurrency.setAccessibleName(translate("SettingsDialog", "Accounts checked at once"))

        self.group = QGroupBox(translate("SettingsDialog", "Browser"))
        browser_layout = QVBoxLayout(self.group)
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
        concurrency_label = QLabel(translate("SettingsDialog", "Accounts checked at onc&e:"))
        concurrency_label.setBuddy(self.concurrency)
        concurrency_row.addWidget(concurrency_label)
        concurrency_row.addWidget(self.concurrency)
        concurrency_row.addStretch(1)
        browser_layout.addLayout(concurrency_row)

    def follow_edits(self) -> None:
        """From now on, each edit of the choice is checked."""
        self.browser_auto.toggled.connect(self._browser_edited)
        # At each keystroke only what costs nothing (is it a program?); the program is asked
        # what it is (--version) once the path is typed, chosen, or saved, in a thread: a
        # program that is slow or hangs must not freeze the window.
        self.browser_path.textChanged.connect(self._browser_edited)
        self.browser_path.editingFinished.connect(self.validate_program)

    def chosen_path(self) -> str | None:
        """The browser the form says to use (None: one found automatically)."""
        custom = self.browser_custom.isChecked() and self.browser_path.text().strip()
        return self.browser_path.text().strip() if custom else None

    def show_path(self, path: str | None) -> None:
        self.browser_path.setText(path or "")
        (self.browser_custom if path else self.browser_auto).setChecked(True)

    def show_concurrency(self, value: int) -> None:
        self.concurrency.setValue(min(max(value, MIN_CONCURRENCY), MAX_CONCURRENCY))

    def show_found_browser(self) -> None:
        found = find_browser(None)
        if found is None:
            self.found_label.setText(
                translate(
                    "SettingsDialog",
                    "No Chromium, Chrome or Edge was found: install one, or choose it below.",
                )
            )
            self.found_label.setStyleSheet(error_style())
        else:
            text = (
                translate("SettingsDialog", "Found: {name} ({path})")
                .replace("{name}", found.name)
                .replace("{path}", str(found.path))
            )
            skipped = skipped_browser_setting(None)
            if skipped is not None:  # CONSENTINEL_BROWSER names what cannot run: not used
                unused = translate(
                    "SettingsDialog",
                    "The CONSENTINEL_BROWSER variable names {path}, which is not a program "
                    "this computer can run: it is not used.",
                )
                text += " " + unused.replace("{path}", skipped[0])
            self.found_label.setText(text)

    def state(self, *, ask: bool = False) -> BrowserState:
        if not self.browser_custom.isChecked():
            return BrowserState(None)
        text = self.browser_path.text().strip()
        if not text:
            return BrowserState(
                translate(
                    "SettingsDialog", "Choose the browser program, or let Consentinel find one."
                )
            )
        path = Path(text)
        if not path.is_file() or not os.access(path, os.X_OK):
            return BrowserState(
                translate("SettingsDialog", "{path} is not a program that can be started.").replace(
                    "{path}", text
                )
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
            self.probe.ask(text)
        return BrowserState(None, checking=self.probe.asking(text))

    def validate(self, *, ask: bool = False) -> BrowserState:
        custom = self.browser_custom.isChecked()
        self.browser_path.setEnabled(custom)
        self.browse_button.setEnabled(custom)
        state = self.state(ask=ask)
        self.browser_error.setText(state.problem or "")
        self.browser_error.setVisible(state.problem is not None)
        if state.checking:
            checking = translate(
                "SettingsDialog", "Checking that this program is Chromium, Chrome or Edge…"
            )
            if self.save_waiting:
                checking += " " + translate(
                    "SettingsDialog", "The settings will be saved once it has answered."
                )
            self.browser_checking.setText(checking)
        self.browser_checking.setVisible(state.checking)
        self._validated(state)
        return state

    def validate_program(self) -> BrowserState:
        return self.validate(ask=True)

    def _browser_edited(self) -> None:
        """A path typed, or the other choice: what was asked of the path before says nothing
        of this one, and a Save that waited for it saves nothing."""
        self.save_waiting = False
        self._answer = None
        self.validate()

    def _program_checked(self, text: str, check: ProgramCheck) -> None:
        """The program's answer; ignored when the person typed on (it is kept all the same, by
        file version, should they come back to it)."""
        if not self.browser_custom.isChecked() or text != self.browser_path.text().strip():
            return
        self._answer = (text, check)
        if self.save_waiting:
            self.save_waiting = False
            self._answered_for_save()
        else:
            self.validate()

    def _choose_browser(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self._dialog,
            translate("SettingsDialog", "Choose the browser program"),
            self.browser_path.text() or "/",
        )
        if path:
            self.browser_path.setText(path)
            self.validate_program()
