"""The colour of each status: a dot beside the words, readable on light and dark palettes."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from consentinel.core.status import Reason, Status

GREEN = "#2e9d55"
BLUE = "#2f7fd8"
ORANGE = "#e08a00"
RED = "#d83b30"
PURPLE = "#9b59d0"
GREY = "#8a8f98"


def status_color(status: Status | None, reason: Reason | None = None) -> str:
    if status is None:
        return GREY
    if reason is Reason.PAGE_CHANGED:
        return PURPLE
    return {
        Status.OPTED_OUT: GREEN,
        Status.FIXED: BLUE,
        Status.WOULD_FIX: ORANGE,
        Status.NEEDS_USER: ORANGE,
        Status.SIGNIN_FAILED: RED,
        Status.ERROR: RED,
    }[status]


@cache
def dot_icon(color: str) -> QIcon:
    """A filled circle with a light ring, drawn at 2x so it stays crisp on dense screens.

    Drawn once for each colour: every refresh of the accounts table sets one for each cell."""
    icon = QIcon()
    for size in (16, 32):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # A light ring keeps the dot visible on a selected (blue) row as on a plain one.
        painter.setPen(QPen(QColor("#ffffff"), size / 12))
        painter.setBrush(QColor(color))
        margin = size * 0.2
        painter.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin))
        painter.end()
        icon.addPixmap(pixmap)
        # As it is on a selected row too: the style's own "selected" version tints the dot
        # with the highlight colour, and the status colour would be lost.
        icon.addPixmap(pixmap, QIcon.Mode.Selected)
    return icon
