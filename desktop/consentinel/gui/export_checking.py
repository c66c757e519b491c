"""The journal window's "Check an export…": a JSON export or an evidence bundle checked in a
thread of its own (a bundle's screenshots are hashed), its verdict shown in the words
`consentinel log --check-export` prints."""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

#: The message box lists this many problems at most, as `log --check-export` does.
MAX_PROBLEMS_SHOWN = 20


class ExportChecking(QObject):
    """Asks for a file, checks it in a thread, and shows the verdict in a message box
    (`box`, once shown; `shown` is emitted with it)."""

    shown = Signal(object)
    #: From the checking thread: the file, whether it checks out, and the verdict in lines.
    _ready = Signal(object, bool, object)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.box: QMessageBox | None = None
        self.checking = False
        self._ready.connect(self._show)

    def ask(self, folder: Path) -> None:
        path, _chosen = QFileDialog.getOpenFileName(
            self._window,
            self.tr("Check an export"),
            str(folder),
            self.tr("Journal exports (*.json *.zip)"),
        )
        if path:
            self.check(Path(path))

    def check(self, path: Path) -> None:
        self.checking = True
        threading.Thread(target=self._check, args=(path,), daemon=True, name="export-check").start()

    def _check(self, path: Path) -> None:
        ok, lines = verdict_of(path)
        # RuntimeError: the window was closed meanwhile and nobody waits for this verdict.
        with contextlib.suppress(RuntimeError):
            self._ready.emit(path, ok, lines)

    @Slot(object, bool, object)
    def _show(self, path: Path, ok: bool, lines: list[str]) -> None:
        self.checking = False
        box = QMessageBox(
            QMessageBox.Icon.Information if ok else QMessageBox.Icon.Warning,
            self.tr("Check an export"),
            lines[0],
            QMessageBox.StandardButton.Close,
            self._window,
        )
        box.button(QMessageBox.StandardButton.Close).setText(self.tr("Close"))
        details = "\n".join(lines[1:])
        box.setInformativeText(
            f"{path}\n\n{details}".strip() if details else str(path),
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        self.box = box
        box.open()
        self.shown.emit(box)


def verdict_of(path: Path) -> tuple[bool, list[str]]:
    """Whether the file checks out, and its verdict as `log --check-export FILE` says it (with
    no other option: a JSON export's entries; a bundle's entries and screenshots); a file that
    is no export, or cannot be read, is said in one sentence."""
    from consentinel.core.evidence_bundle import Bundle, is_bundle
    from consentinel.core.export_check import (
        NotAnExport,
        check_export,
        read_export,
        verdict_lines,
    )
    from consentinel.core.fileio import describe_os_error
    from consentinel.core.i18n import tr

    try:
        if is_bundle(path):
            with Bundle(path) as bundle:
                check = check_export(bundle.document, bundle=bundle)
        else:
            check = check_export(read_export(path))
    except NotAnExport as error:
        return False, [str(error)]
    except FileNotFoundError:
        return False, [tr("{path} does not exist.", path=path)]
    except OSError as error:
        return False, [
            tr("Could not read {path}: {cause}.", path=path, cause=describe_os_error(error))
        ]
    return check.ok, verdict_lines(check, MAX_PROBLEMS_SHOWN)
