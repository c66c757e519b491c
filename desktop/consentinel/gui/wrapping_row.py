"""Label and field pairs in one row when the width allows, else in two: the journal's filters
on a small screen at 200 % (700 points wide or fewer), where one row would push the window
past the screen's edge and its buttons out of reach."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget


class WrappingRow(QWidget):
    def __init__(
        self, pairs: Sequence[tuple[QLabel, QWidget]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._pairs = list(pairs)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._one_row: bool | None = None
        self.arrange(one_row=True)

    @property
    def in_one_row(self) -> bool:
        return bool(self._one_row)

    def arrange(self, *, one_row: bool) -> None:
        """All the pairs in one row, or the first half in a row and the rest below it."""
        if one_row == self._one_row:
            return
        self._one_row = one_row
        for label, field in self._pairs:
            self._grid.removeWidget(label)
            self._grid.removeWidget(field)
        per_row = len(self._pairs) if one_row else (len(self._pairs) + 1) // 2
        for index, (label, field) in enumerate(self._pairs):
            row, column = divmod(index, per_row)
            self._grid.addWidget(label, row, 2 * column)
            self._grid.addWidget(field, row, 2 * column + 1)
        for column in range(2 * len(self._pairs) + 1):
            self._grid.setColumnStretch(column, 0)
        self._grid.setColumnStretch(2 * per_row, 1)  # what is left, after the last field
        self.updateGeometry()

    def _width_of(self, pairs: Sequence[tuple[QLabel, QWidget]]) -> int:
        spacing = max(self._grid.horizontalSpacing(), 0)
        widths = [w.sizeHint().width() for pair in pairs for w in pair]
        return sum(widths) + spacing * (len(widths) - 1)

    def one_row_width(self) -> int:
        return self._width_of(self._pairs)

    def minimumSizeHint(self) -> QSize:
        # As narrow as two rows allow, whichever way it is laid out now: a window made
        # narrower than one row needs is what makes it go to two.
        half = (len(self._pairs) + 1) // 2
        width = max(self._width_of(self._pairs[:half]), self._width_of(self._pairs[half:]))
        return QSize(width, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.arrange(one_row=event.size().width() >= self.one_row_width())
        super().resizeEvent(event)
