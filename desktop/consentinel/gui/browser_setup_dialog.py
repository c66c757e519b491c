"""When no browser is found: choose an installed one, or download Chromium with a progress bar."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consentinel.gui.message_style import error_style, ok_color
from consentinel.gui.program_probe import ProgramProbe
from consentinel.gui.spoken_labels import announce, heard_as_shown
from consentinel.gui.wrapped_labels import fit_height

if TYPE_CHECKING:
    from consentinel.core.context import AppContext
    from consentinel.x.browser_install import InstallOutcome, InstallProgress
    from consentinel.x.browser_program import ProgramCheck

Installer = Callable[..., "InstallOutcome"]


def _default_installer(**kwargs: object) -> InstallOutcome:
    from consentinel.x.browser_install import install_browser

    return install_browser(**kwargs)  # type: ignore[arg-type]


class BrowserDownload(QObject):
    """Runs the download on a worker thread; its signals reach the dialog on the GUI thread."""

    progress = Signal(str, int)  # what is downloaded, percent (-1: not started yet)
    finished = Signal(bool, str)  # ok, one sentence

    def __init__(self, installer: Installer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._installer = installer
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        self._cancel.clear()
        self._thread = threading.Thread(target=self._run, name="browser-download", daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self, seconds: float) -> None:
        if self._thread is not None:
            self._thread.join(seconds)

    def _run(self) -> None:
        def on_progress(p: InstallProgress) -> None:
            self.progress.emit(p.what, -1 if p.percent is None else p.percent)

        try:
            outcome = self._installer(on_progress=on_progress, cancel=self._cancel)
        except Exception as exc:  # never leave the dialog waiting forever
            self.finished.emit(False, f"{type(exc).__name__}: {exc}")
            return
        self.finished.emit(outcome.ok, outcome.message)


class BrowserSetupDialog(QDialog):
    """Offered on first run when no Chrome, Edge or Chromium is found (and after a check that
    could not start for want of one). Accepted once a browser is usable."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        installer: Installer = _default_installer,
        refused: tuple[str, str] | None = None,
    ) -> None:
        """`refused`: the program the person named that a check refused (its path, and where
        it was named, in words), when that is why a browser is needed: none may be missing."""
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("A browser is needed"))
        self.setMinimumWidth(520)
        self.download = BrowserDownload(installer, self)
        self.download.progress.connect(self._on_progress)
        self.download.finished.connect(self._on_finished)
        #: The program chosen that is being asked what it is (in a thread: ProgramProbe);
        #: None when none is.
        self._asked: str | None = None
        self._probe = ProgramProbe(self)
        self._probe.answered.connect(self._program_answered)

        if refused is None:
            words = self.tr(
                "Consentinel opens X's settings page in Chrome, Edge or Chromium, and none was "
                "found on this computer.\n\nYou can download Chromium for Consentinel alone "
                "(about 170 MB, kept in its data folder), or choose a browser that is already "
                "installed."
            )
        else:
            words = (
                self.tr(
                    "Consentinel opens X's settings page in Chrome, Edge or Chromium, and the "
                    "program named by {source}, {path}, is none of them.\n\nYou can choose a "
                    "browser that is already installed, or download Chromium for Consentinel "
                    "alone (about 170 MB, kept in its data folder)."
                )
                .replace("{source}", refused[1])
                .replace("{path}", refused[0])
            )
        intro = QLabel(words)
        intro.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        # Read by its words (how far along, what went wrong), not a fixed "Download status".
        heard_as_shown(self.status, self.tr("Download status"))
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()
        self.bar = QProgressBar()
        self.bar.setAccessibleName(self.tr("Download progress"))
        self.bar.setRange(0, 100)
        self.bar.setTextVisible(False)  # the status line says how far along, in words
        self.bar.hide()

        self.download_button = QPushButton(self.tr("&Download Chromium"))
        self.choose_button = QPushButton(self.tr("&Choose a browser…"))
        self.later_button = QPushButton(self.tr("&Not now"))
        self.cancel_button = QPushButton(self.tr("&Cancel download"))
        self.cancel_button.hide()
        # Download is the default and has the focus; Enter on another button presses that one
        # (it started a 170 MB download from "Not now").
        self.download_button.clicked.connect(self.start_download)
        self.choose_button.clicked.connect(self._choose)
        self.later_button.clicked.connect(self.reject)
        self.cancel_button.clicked.connect(self.cancel_download)

        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addStretch(1)
        buttons.addWidget(self.later_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.download_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.download_button.setDefault(True)  # once it is the dialog's own (see AccountDialog)
        self.download_button.setFocus()

    # -- downloading ------------------------------------------------------------------------------

    def start_download(self) -> None:
        self._set_busy(True)
        self.bar.setRange(0, 0)  # busy until Playwright says how far along it is
        self.bar.show()
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Starting the download…"))
        self.status.show()
        self.download.start()

    def cancel_download(self) -> None:
        self.cancel_button.setEnabled(False)
        self.status.setText(self.tr("Cancelling…"))
        self.download.cancel()

    def _on_progress(self, what: str, percent: int) -> None:
        if percent < 0:
            self.bar.setRange(0, 0)
            self.status.setText(self.tr("Downloading {what}…").replace("{what}", what))
            return
        self.bar.setRange(0, 100)
        self.bar.setValue(percent)
        self.status.setText(
            self.tr("Downloading {what}: {percent}%")
            .replace("{what}", what)
            .replace("{percent}", str(percent))
        )

    def _on_finished(self, ok: bool, message: str) -> None:
        self._set_busy(False)
        self.bar.hide()
        if ok:
            problem = self._let_go_of_an_unusable_choice() or self._environment_problem()
            if problem is None:
                self.status.setStyleSheet(f"color: {ok_color()};")
                self.status.setText(self.tr("Chromium is ready: checks can start."))
                self.accept()
                return
            message = problem
        self.status.setStyleSheet(error_style())
        self.status.setText(message)
        self.status.show()
        announce(self.status, message)
        # Its lines do not raise the dialog's minimum height: the intro's were cut off.
        fit_height(self, self.height())
        if not ok:
            self.download_button.setText(self.tr("&Try the download again"))

    def _let_go_of_an_unusable_choice(self) -> str | None:
        """A browser saved in the settings that cannot be used (Firefox, another program, a
        file no longer there) is let go once Chromium is downloaded: find_browser() prefers
        the saved one, and the next check would be refused again, this dialog back. One the
        settings know to be Chromium, Chrome or Edge stays. None once done; else why not."""
        from consentinel.x.browser_program import ProgramKind, known_program_check

        saved = self.ctx.settings.browser_path
        if not saved:
            return None
        program = Path(saved)
        if program.is_file() and os.access(program, os.X_OK):
            check = known_program_check(program)
            if check is not None and check.kind is ProgramKind.USABLE:
                return None
        return self._save_browser(None)

    def _environment_problem(self) -> str | None:
        """CONSENTINEL_BROWSER comes before any other browser: one that names a program that
        cannot be used keeps Chromium from being used, and "checks can start" would be false."""
        from consentinel.x.browser import BROWSER_ENV, BrowserSource, find_browser
        from consentinel.x.browser_program import ProgramKind, known_program_check

        choice = find_browser(self.ctx.settings.browser_path)
        if choice is None or choice.source is not BrowserSource.ENVIRONMENT:
            return None
        check = known_program_check(choice.path)
        if check is not None and check.kind is ProgramKind.USABLE:
            return None
        return (
            self.tr(
                "Chromium is downloaded, but checks use the program that {variable} names "
                "({path}) before it: remove {variable} from the environment, then start "
                "Consentinel again."
            )
            .replace("{variable}", BROWSER_ENV)
            .replace("{path}", str(choice.path))
        )

    def _save_browser(self, path: str | None) -> str | None:
        """The settings' browser (None: found by Consentinel), saved and journaled as the
        Settings dialog does; None once done, else why it could not be saved (then nothing
        changed)."""
        before = self.ctx.settings.browser_path
        if path == before:
            return None
        self.ctx.settings.browser_path = path
        try:
            self.ctx.save_settings()
        except OSError as error:
            self.ctx.settings.browser_path = before
            return self.tr("The settings could not be saved: {problem}").replace(
                "{problem}", str(error)
            )
        self.ctx.journal.record_settings_changed({"browser_path": path})
        return None

    def _set_busy(self, busy: bool) -> None:
        for button in (self.download_button, self.choose_button, self.later_button):
            button.setVisible(not busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)

    # -- choosing an installed browser ------------------------------------------------------------

    def _choose(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose Chrome, Edge or Chromium")
        )
        if path:
            self.use_browser(path)

    def use_browser(self, path: str) -> None:
        """Save `path` as the browser to use, once it is known to be Chromium, Google Chrome or
        Microsoft Edge (asked with --version, in a thread: a program that is slow or hangs must
        not freeze the app); else a sentence says why not, and nothing is saved. A program
        asked already (this version of its file) is answered at once; else the dialog says it
        is checking, Download waits, and an answer for a program chosen before is ignored."""
        from consentinel.x.browser_program import known_program_check

        program = Path(path)
        self._asked = None  # whatever was asked before is no longer the choice
        if not (program.is_file() and os.access(program, os.X_OK)):
            self._program_refused(
                self.tr("{path} is not a program this computer can run.").replace(
                    "{path}", str(program)
                )
            )
            return
        check = known_program_check(program)
        if check is not None:
            self._program_answered(path, check, asked_now=False)
            return
        self._asked = path
        self.status.setStyleSheet("")
        self.status.setText(
            self.tr("Checking that {path} is Chromium, Google Chrome or Microsoft Edge…").replace(
                "{path}", str(program)
            )
        )
        self.status.show()
        # A download meanwhile would race the program's answer for the browser to use.
        self.download_button.setEnabled(False)
        self._probe.ask(path)

    @property
    def checking(self) -> bool:
        """Whether the program chosen last is being asked what it is."""
        return self._asked is not None

    def _program_answered(self, path: str, check: ProgramCheck, *, asked_now: bool = True) -> None:
        """What the program said it is; ignored when another was chosen since, or the dialog
        was closed (its verdict is kept all the same, by file version)."""
        if asked_now:
            if path != self._asked:
                return
            self._asked = None
        problem = program_check_problem(Path(path), check)
        if problem is not None:
            self._program_refused(problem)
            return
        problem = self._save_browser(str(Path(path)))
        if problem is not None:
            self._program_refused(problem)
            return
        self.accept()

    def _program_refused(self, problem: str) -> None:
        self.download_button.setEnabled(True)
        self.status.setStyleSheet(error_style())
        self.status.setText(problem)
        self.status.show()
        announce(self.status, problem)

    def done(self, result: int) -> None:
        self._asked = None  # closed while a program was asked: its answer saves nothing
        super().done(result)

    def reject(self) -> None:
        if self.download.running:
            self.cancel_download()
            self.download.wait(30)
        super().reject()


def program_check_problem(program: Path, check: ProgramCheck) -> str | None:
    """Why `program` cannot be the browser, in words, by what it said it is (`check`); None for
    Chromium, Google Chrome or Microsoft Edge."""
    from consentinel.x.browser_program import ProgramKind

    if check.kind is ProgramKind.USABLE:
        return None
    kind, said = check
    if kind is ProgramKind.FIREFOX:
        return QCoreApplication.translate(
            "BrowserSetupDialog",
            "Firefox cannot be used: Consentinel needs Chromium, Google Chrome or Microsoft Edge.",
        )
    if kind is ProgramKind.OTHER and not said:  # (Windows: known by its file name, not asked)
        return QCoreApplication.translate(
            "BrowserSetupDialog",
            "{path} is not Chromium, Google Chrome or Microsoft Edge: Consentinel can use only "
            "those browsers.",
        ).replace("{path}", str(program))
    if kind is ProgramKind.OTHER:
        text = QCoreApplication.translate(
            "BrowserSetupDialog",
            "{path} is not Chromium, Google Chrome or Microsoft Edge (it says “{said}”): "
            "Consentinel can use only those browsers.",
        )
        return text.replace("{path}", str(program)).replace("{said}", said)
    return QCoreApplication.translate(
        "BrowserSetupDialog",
        "{path} did not say which browser it is: Consentinel can use only Chromium, Google "
        "Chrome or Microsoft Edge.",
    ).replace("{path}", str(program))


def browser_missing(ctx: AppContext) -> bool:
    """True when checks would find no browser (the settings' choice included)."""
    from consentinel.x.browser import find_browser

    return find_browser(ctx.settings.browser_path) is None
