"""The field above the accounts table that shows only the accounts whose handle or status holds
its words, and the line that says how many are shown."""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from consentinel.gui.spoken_labels import say


class _FilterKeys(QObject):
    """The field's keys: Escape empties it (the window's Escape, which asks to cancel a check,
    is for an empty one); Down goes to the table (`down_pressed`). An event filter, not a
    QLineEdit of our own: PySide builds the types of a Qt class made ours when the module
    loads, a few milliseconds of the window's first frame."""

    down_pressed = Signal()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        Qt = QtCore.Qt  # (not named at import: see qt_by_name)
        key = event.key()  # type: ignore[attr-defined]
        plain = not event.modifiers()  # type: ignore[attr-defined]
        edit = watched if isinstance(watched, QLineEdit) else None
        if edit is None or not plain:
            return False
        if key == Qt.Key.Key_Escape and edit.text():
            if kind == QEvent.Type.KeyPress:
                edit.clear()
            event.accept()  # the key comes here, not to the window's shortcut
            return True
        if key == Qt.Key.Key_Down and kind == QEvent.Type.KeyPress:
            self.down_pressed.emit()
            return True
        return False


class AccountFilter(QWidget):
    """`changed(text)` as the person types; `show_count` says "3 of 25 accounts shown" while
    some are left out."""

    changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self._keys = _FilterKeys(self)
        self.down_pressed = self._keys.down_pressed
        # Says what can be typed: a status's words find accounts as well as a handle's letters.
        self.edit.setPlaceholderText(self.tr("Filter by @handle or status"))
        self.edit.setAccessibleName(self.tr("Filter by @handle or status"))
        self.edit.setToolTip(
            self.tr(
                "Shows only the accounts whose handle holds these letters, or whose status "
                "has these words (“password”, “2FA”…)."
            )
        )
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self.changed)
        self.count = QLabel()
        self.count.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        self.setFocusProxy(self.edit)

    def listen_to_keys(self) -> None:
        """Escape and Down as `_FilterKeys` says, from the window's first frame on (a filter
        on the field before it is called, from Qt, for each of the field's first events:
        PySide then makes a Python type for each kind of event)."""
        self.edit.installEventFilter(self._keys)

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
