"""The About dialog: version, licence, links, and the doctor's diagnostics of this machine."""

from __future__ import annotations

import contextlib
import html
import importlib
import platform
import sys
import threading
from dataclasses import dataclass
from typing import Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Qt, Signal, qVersion
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from consentinel import APP_NAME, __version__
from consentinel.core.context import AppContext
from consentinel.gui.app_icons import app_icon
from consentinel.gui.message_style import error_color, ok_color, unknown_color
from consentinel.gui.screen_room import keep_on_screen, resize_within_screen

HOMEPAGE = "https://github.com/consentinel/consentinel"
LICENCE_URL = "https://www.gnu.org/licenses/gpl-3.0.html"
X_HELP_URL = "https://help.x.com/using-x/about-grok"
# Seconds the doctor may wait for X to answer; the dialog must not sit there for long.
X_TIMEOUT_S = 3.0


@dataclass(frozen=True)
class DiagnosticLine:
    """One line of the Diagnostics tab: ok True (fine), False (to fix) or None (can't tell)."""

    name: str
    ok: bool | None
    detail: str
    advice: str = ""


class _Results(QObject):
    """Carries the doctor's lines from its thread to the dialog (a queued signal)."""

    ready = Signal(list)


def _run_doctor(ctx: AppContext, results: _Results) -> None:
    lines = diagnostics(ctx)
    # RuntimeError: the dialog was closed meanwhile and nobody is waiting for these lines.
    with contextlib.suppress(RuntimeError):
        results.ready.emit(lines)


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
    from consentinel.core.i18n import tr
    from consentinel.x.browser import find_browser

    found = find_browser(ctx.settings.browser_path)
    usable = ctx.vault.is_usable()
    return [
        DiagnosticLine("Python", True, f"{platform.python_version()} ({sys.executable})"),
        DiagnosticLine("Qt", True, f"Qt {qVersion()}, PySide6 {pyside_version}"),
        DiagnosticLine(tr("Keyring"), usable, ctx.vault.backend_label()),
        DiagnosticLine(tr("Browser"), found is not None, str(found.path) if found else "—"),
        DiagnosticLine(tr("Data folder"), True, str(ctx.paths.data_dir)),
    ]


class AboutDialog(QDialog):
    """Two tabs: About (version, licence, links) and Diagnostics (run in the background)."""

    diagnosticsReady = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._running = False
        self._results = _Results(self)
        self._results.ready.connect(self._show_diagnostics)
        self.setWindowTitle(self.tr("About Consentinel"))
        # (200 % on a 1080p screen leaves 960 points by 540: Close stays in view.)
        resize_within_screen(self, 720, 580)

        about = QWidget()
        text = QLabel()
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setOpenExternalLinks(True)
        # Its links reached with Tab and opened with Enter, not with the mouse only.
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
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
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(72, 72))
        logo.setAccessibleName(APP_NAME)
        top = QHBoxLayout()
        top.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(text, 1)
        about_layout = QVBoxLayout(about)
        about_layout.addLayout(top)
        about_layout.addStretch(1)
        # Scrolled rather than cut when large text or a small screen leaves too little room.
        about_area = QScrollArea()
        about_area.setWidgetResizable(True)
        about_area.setFrameShape(QFrame.Shape.NoFrame)
        about_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        about_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        about_area.setWidget(about)

        diagnostics_tab = QWidget()
        # Rich text wraps long paths and advice, which a table's cells would cut off.
        self.report = QTextBrowser()
        self.report.setOpenExternalLinks(False)
        self.report.setAccessibleName(self.tr("Diagnostics"))
        self.lines: list[DiagnosticLine] = []
        self.status_label = QLabel(self.tr("Checking this computer…"))
        self.rerun_button = QPushButton(self.tr("Check a&gain"))
        self.rerun_button.clicked.connect(self.run_diagnostics)
        diag_layout = QVBoxLayout(diagnostics_tab)
        diag_layout.addWidget(self.status_label)
        diag_layout.addWidget(self.report, 1)
        diag_layout.addWidget(self.rerun_button, 0, Qt.AlignmentFlag.AlignRight)

        self.tabs = QTabWidget()
        self.tabs.addTab(about_area, self.tr("&About"))
        self.tabs.addTab(diagnostics_tab, self.tr("&Diagnostics"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.run_diagnostics()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        keep_on_screen(self)  # (its title bar, known now, on the screen too)

    def run_diagnostics(self) -> None:
        if self._running:
            return
        self._running = True
        self.rerun_button.setEnabled(False)
        self.status_label.setText(self.tr("Checking this computer…"))
        # Imported here, in the GUI thread: importing Qt-aware modules from a worker thread
        # while Qt objects are being destroyed is what PySide handles worst.
        importlib.import_module("consentinel.core.doctor")
        with contextlib.suppress(ImportError):
            importlib.import_module("keyring.backends.SecretService")
        # A daemon thread, not a QThread owned by the dialog: closing the dialog (or quitting)
        # while Chromium or X is slow to answer must neither wait nor crash.
        threading.Thread(
            target=_run_doctor, args=(self._ctx, self._results), daemon=True, name="doctor"
        ).start()

    def _show_diagnostics(self, lines: list[DiagnosticLine]) -> None:
        self.lines = list(lines)
        words = {True: self.tr("OK"), False: self.tr("To fix"), None: self.tr("Note")}
        colours = {True: ok_color(), False: error_color(), None: unknown_color()}
        what_to_do = html.escape(self.tr("What to do:"))
        rows = []
        for line in lines:
            advice = f"<br><b>{what_to_do}</b> {html.escape(line.advice)}" if line.advice else ""
            rows.append(
                f"<tr><td style='padding:4px 10px 4px 0; white-space:nowrap'>"
                f"<b style='color:{colours[line.ok]}'>{html.escape(words[line.ok])}</b></td>"
                f"<td style='padding:4px 10px 4px 0; white-space:nowrap'>"
                f"<b>{html.escape(line.name)}</b></td>"
                f"<td style='padding:4px 0'>{html.escape(line.detail)}{advice}</td></tr>"
            )
        self.report.setHtml(f"<table cellspacing='0'>{''.join(rows)}</table>")
        self.status_label.setText(self._verdict(lines))
        self._running = False
        self.rerun_button.setEnabled(True)
        self.diagnosticsReady.emit()

    def _verdict(self, lines: list[DiagnosticLine]) -> str:
        """The line above the report. "Everything Consentinel needs is here." read as if a
        note's "What to do" below it did not matter (the browser's sandbox off as root): notes
        with advice are not faults, but they are counted (as `consentinel doctor` ends)."""
        problems = sum(1 for line in lines if line.ok is False)
        if problems == 1:
            return self.tr("1 thing to fix.")
        if problems:
            return self.tr("{count} things to fix.").replace("{count}", str(problems))
        notes = sum(1 for line in lines if line.ok is None and line.advice)
        if notes == 1:
            return self.tr("Consentinel has what it needs, but read the note below.")
        if notes:
            return self.tr(
                "Consentinel has what it needs, but read the {count} notes below."
            ).replace("{count}", str(notes))
        return self.tr("Everything Consentinel needs is here.")
