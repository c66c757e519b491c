"""The About dialog: version, licence, links, and the doctor's diagnostics of this machine."""

from __future__ import annotations

import importlib
import platform
import sys
from dataclasses import dataclass
from typing import Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Qt, QThread, Signal, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from consentinel import APP_NAME, __version__
from consentinel.core.context import AppContext

HOMEPAGE = "https://github.com/consentinel/consentinel"
LICENCE_URL = "https://www.gnu.org/licenses/gpl-3.0.html"
X_HELP_URL = "https://help.x.com/using-x/about-grok"
#: Seconds the doctor may wait for X to answer; the dialog must not sit there for long.
X_TIMEOUT_S = 3.0


@dataclass(frozen=True)
class DiagnosticLine:
    """One line of the Diagnostics tab: ok True (fine), False (to fix) or None (can't tell)."""

    name: str
    ok: bool | None
    detail: str
    advice: str = ""


class _DoctorWorker(QObject):
    """Runs the checks off the GUI thread: some start Chromium or call X with a timeout."""

    finished = Signal(list)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self._ctx = ctx

    def run(self) -> None:
        self.finished.emit(diagnostics(self._ctx))


def diagnostics(ctx: AppContext) -> list[DiagnosticLine]:
    """core.doctor's checks when it exists; else what the app can say for itself."""
    try:
        doctor: Any = importlib.import_module("consentinel.core.doctor")
        checks = doctor.run_checks(ctx.paths, ctx.settings, x_timeout_s=X_TIMEOUT_S)
        return [
            DiagnosticLine(
                str(getattr(c, "name", "?")),
                getattr(c, "ok", None),
                str(getattr(c, "detail", "")),
                str(getattr(c, "advice", "") or ""),
            )
            for c in checks
        ]
    except Exception:  # no doctor, or a different one: fall back to the basics below
        return basic_diagnostics(ctx)


def basic_diagnostics(ctx: AppContext) -> list[DiagnosticLine]:
    from consentinel.x.browser import find_browser

    found = find_browser(ctx.settings.browser_path)
    usable = ctx.vault.is_usable()
    return [
        DiagnosticLine("Python", True, f"{platform.python_version()} ({sys.executable})"),
        DiagnosticLine("Qt", True, f"Qt {qVersion()}, PySide6 {pyside_version}"),
        DiagnosticLine("Keyring", usable, ctx.vault.backend_label()),
        DiagnosticLine("Browser", found is not None, str(found.path) if found else "—"),
        DiagnosticLine("Data", True, str(ctx.paths.data_dir)),
    ]


class AboutDialog(QDialog):
    """Two tabs: About (version, licence, links) and Diagnostics (run in the background)."""

    diagnosticsReady = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._thread: QThread | None = None
        self._worker: _DoctorWorker | None = None
        self.setWindowTitle(self.tr("About Consentinel"))
        self.resize(640, 440)

        about = QWidget()
        text = QLabel()
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setOpenExternalLinks(True)
        text.setWordWrap(True)
        text.setText(
            "<h2>{name} {version}</h2><p>{what}</p><p>{local}</p><p>{licence}</p>"
            "<p><a href='{home}'>{home_words}</a> · <a href='{help}'>{help_words}</a></p>".format(
                name=APP_NAME,
                version=__version__,
                what=self.tr(
                    "Keeps your X accounts out of AI training, and keeps them out: it unticks "
                    "the boxes on X's Grok settings page and checks them again on a schedule."
                ),
                local=self.tr(
                    "Everything stays on this computer: passwords in the system keyring, "
                    "the journal in your data folder. Consentinel only visits X."
                ),
                licence=self.tr(
                    "Free software under the <a href='{url}'>GNU General Public License, "
                    "version 3 or later</a> (GPL-3.0-or-later). It comes with no warranty."
                ).replace("{url}", LICENCE_URL),
                home=HOMEPAGE,
                home_words=self.tr("Source code and bug reports"),
                help=X_HELP_URL,
                help_words=self.tr("X's help page about Grok"),
            )
        )
        self.about_text = text
        about_layout = QVBoxLayout(about)
        about_layout.addWidget(text)
        about_layout.addStretch(1)

        diagnostics_tab = QWidget()
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Check"), self.tr("Result"), self.tr("What to do")])
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.setAccessibleName(self.tr("Diagnostics"))
        self.tree.setColumnWidth(0, 130)
        self.tree.setColumnWidth(1, 260)
        self.status_label = QLabel(self.tr("Checking this computer…"))
        self.rerun_button = QPushButton(self.tr("Check &again"))
        self.rerun_button.clicked.connect(self.run_diagnostics)
        diag_layout = QVBoxLayout(diagnostics_tab)
        diag_layout.addWidget(self.status_label)
        diag_layout.addWidget(self.tree, 1)
        diag_layout.addWidget(self.rerun_button, 0, Qt.AlignmentFlag.AlignRight)

        self.tabs = QTabWidget()
        self.tabs.addTab(about, self.tr("&About"))
        self.tabs.addTab(diagnostics_tab, self.tr("&Diagnostics"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.run_diagnostics()

    def run_diagnostics(self) -> None:
        if self._thread is not None:
            return
        self.rerun_button.setEnabled(False)
        self.status_label.setText(self.tr("Checking this computer…"))
        thread = QThread(self)
        worker = _DoctorWorker(self._ctx)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.finished.connect(self._show_diagnostics)
        worker.finished.connect(thread.quit)
        thread.finished.connect(self._thread_done)
        self._thread, self._worker = thread, worker
        thread.start()

    def _thread_done(self) -> None:
        if self._worker is not None:
            self._worker.deleteLater()
        if self._thread is not None:
            self._thread.deleteLater()
        self._thread = self._worker = None
        self.rerun_button.setEnabled(True)

    def _show_diagnostics(self, lines: list[DiagnosticLine]) -> None:
        self.tree.clear()
        words = {True: self.tr("OK"), False: self.tr("To fix"), None: self.tr("Unknown")}
        for line in lines:
            item = QTreeWidgetItem([f"{words[line.ok]} — {line.name}", line.detail, line.advice])
            for column in range(3):
                item.setToolTip(column, item.text(column))
            self.tree.addTopLevelItem(item)
        problems = sum(1 for line in lines if line.ok is False)
        self.status_label.setText(
            self.tr("Everything Consentinel needs is here.")
            if problems == 0
            else self.tr("%n thing(s) to fix.", "", problems)
        )
        self.diagnosticsReady.emit()

    def done(self, result: int) -> None:
        # Wait for the worker so the thread is not destroyed while running.
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait(10_000)
        super().done(result)
