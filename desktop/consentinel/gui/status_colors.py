"""The colour of each status: a dot beside the words, readable on light and dark palettes."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon, QPixmap

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


#: A filled circle with a light ring, on a 12-unit square. Drawn by Qt's SVG renderer: the
#: painter's pen and brush calls would make PySide build the Qt namespace (see qt_by_name).
_DOT_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 12 12">'
    '<circle cx="6" cy="6" r="3.6" fill="{color}" stroke="#ffffff" stroke-width="1"/></svg>'
)


@cache
def dot_icon(color: str) -> QIcon:
    """The status dot, at 1x and 2x so it stays crisp on dense screens; its light ring keeps it
    visible on a selected (blue) row as on a plain one.

    Made once for each colour: every refresh of the accounts table sets one for each cell."""
    icon = QIcon()
    for size in (16, 32):
        pixmap = QPixmap()
        if not pixmap.loadFromData(_DOT_SVG.format(size=size, color=color).encode(), "SVG"):
            continue  # no SVG plugin: the words still say it all
        icon.addPixmap(pixmap)
        # As it is on a selected row too: the style's own "selected" version tints the dot
        # with the highlight colour, and the status colour would be lost.
        icon.addPixmap(pixmap, QIcon.Mode.Selected)
    return icon
