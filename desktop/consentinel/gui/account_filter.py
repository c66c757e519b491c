"""The field above the accounts table that shows only the accounts whose handle holds its words,
and the line that says how many are shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from consentinel.gui.spoken_labels import say

if TYPE_CHECKING:  # (their classes are made when the first key event comes)
    from PySide6.QtGui import QKeyEvent


class FilterEdit(QLineEdit):
    """Escape empties the field (the window's Escape, which asks to cancel a check, is for an
    empty one); Down goes to the table (`down_pressed`)."""

    down_pressed = Signal()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self._clears(event):  # type: ignore[arg-type]
            event.accept()  # the key comes to keyPressEvent, not to the window's shortcut
            return True
        return super().event(event)

    def _clears(self, event: QKeyEvent) -> bool:
        Qt = QtCore.Qt  # (not named at import: see qt_by_name)
        return bool(self.text()) and event.key() == Qt.Key.Key_Escape and not event.modifiers()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        Qt = QtCore.Qt
        if self._clears(event):
            self.clear()
            return
        if event.key() == Qt.Key.Key_Down and not event.modifiers():
            self.down_pressed.emit()
            return
        super().keyPressEvent(event)


class AccountFilter(QWidget):
    """`changed(text)` as the person types; `show_count` says "3 of 25 accounts shown" while
    some are left out."""

    changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = FilterEdit()
        self.edit.setPlaceholderText(self.tr("Filter accounts"))
        self.edit.setAccessibleName(self.tr("Filter accounts"))
        self.edit.setToolTip(self.tr("Shows only the accounts whose handle holds these letters."))
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self.changed)
        self.count = QLabel()
        self.count.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        self.setFocusProxy(self.edit)

    def text(self) -> str:
        return self.edit.text()

    def set_text(self, text: str) -> None:
        self.edit.setText(text)

    def show_count(self, shown: int, total: int) -> None:
        """Said only while the filter leaves some out (or none matches): all shown goes without
        saying. The French word for 0 or 1 is singular ("1 compte affiché sur 25")."""
        if not self.edit.text().strip() or (shown == total and total > 0):
            self.count.hide()
            self.edit.setAccessibleDescription("")
            return
        if total == 1:
            words = self.tr("{shown} of 1 account shown")
        elif shown <= 1:
            words = self.tr("{shown} of {total} accounts shown", "none or one shown")
        else:
            words = self.tr("{shown} of {total} accounts shown")
        text = words.replace("{shown}", str(shown)).replace("{total}", str(total))
        self.edit.setAccessibleDescription(text)
        if text != self.count.text() or not self.count.isVisible():
            self.count.show()
            say(self.count, text)
