"""The journal window's side pane: the selected entry in words (a check's sentence as the
reader's language says it), its evidence screenshot, and that screenshot at full size."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from consentinel.core.evidence import evidence_file
from consentinel.core.journal_entries import Entry, EntryKind, message_for_reader
from consentinel.core.status import ALL_BOXES
from consentinel.gui.dialog_words import entry_kind_name
from consentinel.gui.journal_model import check_reason, details, evidence_path, local_time
from consentinel.gui.row_hints import window_advice

if TYPE_CHECKING:
    from consentinel.core.context import AppContext

# The window's own words: its context in the catalogues (as its self.tr() has).
translate = QCoreApplication.translate

#: Within the pane's width (journal_divider.PANE_WIDTH): a wider one was cut at its edge.
PREVIEW_WIDTH, PREVIEW_HEIGHT = 280, 250


class EntryPane(QWidget):
    """The selected entry's details (`detail_label`) and screenshot (`preview`, `pixmap`)."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self._ctx = ctx
        self.detail_label = QLabel(translate("JournalWindow", "Select an entry to see it here."))
        self.detail_label.setWordWrap(True)
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview = QLabel()
        self.preview.setAccessibleName(translate("JournalWindow", "Screenshot"))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.preview.setMinimumSize(PREVIEW_WIDTH, 180)
        self.preview.hide()
        self.full_size_button = QPushButton(translate("JournalWindow", "View full si&ze"))
        self.full_size_button.clicked.connect(self.show_full_size)
        self.full_size_button.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.detail_label)
        layout.addWidget(self.preview)
        layout.addWidget(self.full_size_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        #: The selected entry's screenshot at full size (None: none, or it cannot be read).
        self.pixmap: QPixmap | None = None
        self._pixmap_path: Path | None = None

    def show_entry(self, entry: Entry | None, damage: str | None = None) -> None:
        """The entry in words, with what the journal's check found wrong with it (`damage`)."""
        self.pixmap = None
        self._pixmap_path = None
        self.preview.clear()
        self.preview.hide()
        self.full_size_button.hide()
        if entry is None:
            self.detail_label.setText(translate("JournalWindow", "Select an entry to see it here."))
            return
        who = f"@{entry.handle} — " if entry.handle else ""
        said = details(entry)  # ("Account added" says it all: no empty line after it)
        what = entry_kind_name(entry)
        lines = [f"{local_time(entry)}", f"{who}{what}", *([said] if said else [])]
        if damage:
            lines.append(damage)
        if entry.kind is EntryKind.CHECK:
            advice = check_sentence(self._ctx, entry)
            if advice:
                lines.append(advice)
        if entry.run_id is not None:
            lines.append(
                translate("JournalWindow", "Check number {run}").replace("{run}", str(entry.run_id))
            )
        # The number the journal's check and `consentinel log --json` name it by.
        lines.append(translate("JournalWindow", "Entry {id}").replace("{id}", str(entry.id)))
        path = evidence_path(entry)
        if path:
            file = evidence_file(self._ctx.paths.evidence_dir, path)
            pixmap = QPixmap(str(file))
            if pixmap.isNull() and not file.exists():
                lines.append(
                    translate(
                        "JournalWindow",
                        "The screenshot {path} cannot be opened (moved or deleted?).",
                    ).replace("{path}", str(file))
                )
            elif pixmap.isNull():  # there, but not a picture Qt can read: damaged, or replaced
                lines.append(
                    translate(
                        "JournalWindow",
                        "The screenshot {path} is there, but it cannot be read as a picture: the "
                        "file may be damaged.",
                    ).replace("{path}", str(file))
                )
            else:
                self.pixmap = pixmap
                self._pixmap_path = file
                self.preview.setPixmap(
                    pixmap.scaled(
                        PREVIEW_WIDTH,
                        PREVIEW_HEIGHT,
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                )
                self.preview.show()
                self.full_size_button.show()
        self.detail_label.setText("\n".join(lines))

    def show_full_size(self) -> QDialog | None:
        """The selected screenshot at full size in a scrollable dialog."""
        if self.pixmap is None:
            return None
        dialog = QDialog(self.window())
        dialog.setWindowTitle(
            translate("JournalWindow", "Screenshot — {name}").replace(
                "{name}", self._pixmap_path.name
            )
            if self._pixmap_path
            else translate("JournalWindow", "Screenshot")
        )
        image = QLabel()
        image.setPixmap(self.pixmap)
        image.setAccessibleName(translate("JournalWindow", "Screenshot"))
        area = QScrollArea()
        area.setWidget(image)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(
            translate("JournalWindow", "Close")
        )
        close.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(area)
        layout.addWidget(close)
        dialog.resize(min(self.pixmap.width() + 40, 1200), min(self.pixmap.height() + 80, 800))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog


def check_sentence(ctx: AppContext, entry: Entry) -> str:
    """A check's sentence as the reader's language says it, with the window's advice;
    written in the other language, it is said again in this one when that loses nothing,
    else shown as the check wrote it, and marked so (X's words in it are evidence)."""
    reason = check_reason(entry.payload)
    own = message_for_reader(entry.payload)
    from consentinel.core.check_sentences import midway_parts, sentence_for_reader

    around = midway_parts(entry.payload)  # (kept around the window's advice)
    if own or not entry.payload.get("message"):
        return window_advice(reason, own, entry.handle or "", around, in_journal=True)

    account = ctx.accounts.get(entry.handle or "")
    keep = account.keep if account is not None else ALL_BOXES
    said = sentence_for_reader(entry.payload, entry.handle or "", keep)
    advice = window_advice(reason, said.text, entry.handle or "", around, in_journal=True)
    if said.written_in is None or advice != said.text:
        return advice  # in the reader's language: said again, or the window's own advice
    written = {
        "en": translate("JournalWindow", "As the check wrote it, in English: “{sentence}”"),
        "fr": translate("JournalWindow", "As the check wrote it, in French: “{sentence}”"),
    }
    # (A language this version does not speak: a payload edited outside the app.)
    as_written = written.get(said.written_in, "“{sentence}” ({language})")
    return as_written.replace("{language}", said.written_in).replace("{sentence}", said.text)
