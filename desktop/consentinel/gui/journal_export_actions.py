"""The journal window's Export CSV…, Export JSON… and Export with screenshots…: the file asked
for, the export started in its thread (gui/journal_exporting) with the window busy meanwhile,
and what was written said below the buttons."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressBar

if TYPE_CHECKING:
    from consentinel.gui.journal_window import JournalWindow

# The window's own words: its context in the catalogues (as its self.tr() has).
translate = QCoreApplication.translate


def spreadsheet_delimiter(locale: QLocale) -> str:
    """Excel opens a .csv file by splitting its columns on the region's list separator: ";"
    where numbers are written with a decimal comma (France, Belgium, Germany…), else ","."""
    return ";" if locale.decimalPoint() == "," else ","


def suggested_export_path(window: JournalWindow, fmt: str) -> Path:
    """consentinel-journal-DATE.json; one account's, with its handle in the name: two
    clients' journals exported the same day are not offered the same file."""
    stamp = datetime.now().strftime("%Y-%m-%d")
    handle = window.account_filter.currentData()
    name = f"consentinel-journal-{handle}-{stamp}" if handle else f"consentinel-journal-{stamp}"
    return window._ctx.paths.exports_dir / f"{name}.{fmt}"


def ask_export(window: JournalWindow, fmt: str) -> None:
    """The file asked for in a save dialog, then exported to."""
    suggested = suggested_export_path(window, fmt)
    filter_text = {
        "csv": translate("JournalWindow", "CSV files (*.csv)"),
        "json": translate("JournalWindow", "JSON files (*.json)"),
        "zip": translate("JournalWindow", "ZIP files (*.zip)"),
    }[fmt]
    path, _chosen = QFileDialog.getSaveFileName(
        window, translate("JournalWindow", "Export the journal"), str(suggested), filter_text
    )
    if path:
        window.export_to(Path(path), fmt)


def start_export(window: JournalWindow, path: Path, fmt: str) -> bool:
    """JournalWindow.export_to (which says what it does)."""
    if window.exporting:
        return False
    ctx = window._ctx
    from consentinel.core.export_place import own_files_problem

    refused = own_files_problem(path, ctx.paths)
    if refused is not None:
        _refuse_export(window, refused)
        return False
    filters: dict[str, Any] = window.filters()
    words = window.search_words()
    if words:
        from consentinel.core.journal_export import EntrySearch

        search = window.search
        filters["search"] = EntrySearch(search.text(), lambda entry: search.finds(entry, words))
    from consentinel.gui.journal_exporting import ExportAsked, ExportEnded, export_in_thread

    if window.export_carrier is None:
        window.export_carrier = ExportEnded(window)
        window.export_carrier.ended.connect(window._export_ended)
    asked = ExportAsked(
        ctx.journal,
        path,
        fmt,
        filters,
        ctx.paths.evidence_dir,
        window.csv_delimiter,
        window.model.readable_columns(),
    )
    window.export_asked = asked
    _say_exporting(window, path)
    window.export_thread = export_in_thread(asked, window.export_carrier).thread
    return True


def _refuse_export(window: JournalWindow, problem: str) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("JournalWindow", "Export the journal"),
        translate("JournalWindow", "Nothing was written."),
        QMessageBox.StandardButton.Close,
        window,
    )
    box.button(QMessageBox.StandardButton.Close).setText(translate("JournalWindow", "Close"))
    box.setInformativeText(problem)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.finished.connect(box.deleteLater)
    window.refusal_box = box
    box.open()  # (not exec(): the window goes on meanwhile)
    window.export_label.setText(
        translate("JournalWindow", "Nothing was written: {problem}").replace("{problem}", problem)
    )


def _say_exporting(window: JournalWindow, path: Path) -> None:
    """The export buttons greyed and the window busy, until the file is written."""
    window.exporting = True
    if window._busy is None:
        window._busy = QProgressBar()
        window._busy.setRange(0, 0)  # no end known: it moves to say work goes on
        window._busy.setTextVisible(False)
        window._busy.setMaximumWidth(160)
        window._busy.setAccessibleName(translate("JournalWindow", "Exporting"))
        window.exports_row.insertWidget(0, window._busy)
    window._busy.show()
    show_export_buttons(window)
    window.start_over_button.setEnabled(False)  # (it closes the journal being read)
    window.export_label.setText(
        translate(
            "JournalWindow",
            "Exporting to {path}… The journal is checked first, every screenshot with it: "
            "for a long journal this takes a while. The window can be used meanwhile.",
        ).replace("{path}", str(path))
    )


def show_export_buttons(window: JournalWindow) -> None:
    """The export buttons greyed while an export is written, or when no entry is shown."""
    # Nothing shown, nothing to export (an empty file); "Check an export…" reads a file.
    for button in (window.csv_button, window.json_button, window.bundle_button):
        button.setEnabled(window.anything_shown and not window.exporting)


def say_export_ended(window: JournalWindow, outcome: object) -> None:
    """The window no longer busy; what was written said, `export_ended` emitted."""
    from consentinel.gui.journal_exporting import ExportWritten, failure_words, written_words

    asked = window.export_asked
    window.exporting = False
    window.export_thread = None
    if window._busy is not None:
        window._busy.hide()
    show_export_buttons(window)
    window.start_over_button.setEnabled(True)
    if asked is None:
        return
    if not isinstance(outcome, ExportWritten):
        window.export_label.setText(failure_words(outcome))
        window.export_ended.emit(0)
        return
    window.export_label.setText("\n".join(written_words(asked, outcome)))
    window.export_ended.emit(outcome.count)
