"""The journal's entries as a Qt table model: time, account, what happened, details."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from consentinel.core.journal_entries import Entry, EntryKind
from consentinel.core.status import Box, Status
from consentinel.gui.dialog_words import box_name, kind_name, on_off, status_name

_Index = QModelIndex | QPersistentModelIndex


def local_time(entry: Entry) -> str:
    """The entry's time in the computer's time zone, to the second."""
    return entry.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def change_words(payload: dict[str, Any]) -> str:
    """'Training: on → off (confirmed)' in the interface's language."""
    try:
        name = box_name(Box(payload.get("box")))
    except ValueError:
        name = str(payload.get("box", "?"))
    flags = []
    if payload.get("confirmed"):
        flags.append(QCoreApplication.translate("JournalModel", "confirmed"))
    if payload.get("reverted_by_x"):
        flags.append(QCoreApplication.translate("JournalModel", "X had switched it back on"))
    extra = f" ({', '.join(flags)})" if flags else ""
    return f"{name}: {on_off(payload.get('before'))} → {on_off(payload.get('after'))}{extra}"


def check_words(payload: dict[str, Any]) -> str:
    try:
        words = status_name(Status(payload.get("status")))
    except ValueError:
        words = str(payload.get("status", "?"))
    reason = payload.get("reason")
    boxes = payload.get("settings") or {}
    parts = [f"{words} ({reason})" if reason else words]
    for box_value, change in boxes.items():
        if isinstance(change, dict):
            parts.append(change_words({"box": box_value, **change}))
    return " — ".join(parts)


def details(entry: Entry) -> str:
    """One line on what the entry says."""
    if entry.kind is EntryKind.CHANGE:
        return change_words(entry.payload)
    if entry.kind is EntryKind.CHECK:
        return check_words(entry.payload)
    if entry.kind is EntryKind.EVIDENCE:
        return str(entry.payload.get("why") or Path(str(entry.payload.get("path", ""))).name)
    return entry.summary()


def evidence_path(entry: Entry) -> str | None:
    """The screenshot an entry points to (evidence entries, and checks that kept one)."""
    if entry.kind is EntryKind.EVIDENCE:
        return str(entry.payload.get("path") or "") or None
    if entry.kind is EntryKind.CHECK:
        return str(entry.payload.get("evidence") or "") or None
    return None


class JournalModel(QAbstractTableModel):
    """Read-only; set_entries() replaces the rows (the window re-queries the journal)."""

    TIME, ACCOUNT, KIND, DETAILS = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[Entry] = []

    def set_entries(self, entries: list[Entry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry_at(self, row: int) -> Entry:
        return self._entries[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Time"), self.tr("Account"), self.tr("What"), self.tr("Details"))[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == self.TIME:
                return local_time(entry)
            if column == self.ACCOUNT:
                return f"@{entry.handle}" if entry.handle else ""
            if column == self.KIND:
                return kind_name(entry.kind)
            text = details(entry)
            if role == Qt.ItemDataRole.ToolTipRole and evidence_path(entry):
                return f"{text}\n{evidence_path(entry)}"
            return text
        if role == Qt.ItemDataRole.UserRole:
            return entry
        return None
