"""The colour of each status: a dot beside the words, readable on light and dark palettes."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from consentinel.core.resources import find_resource
from consentinel.core.status import Reason, Status

GREEN = "#2e9d55"
BLUE = "#2f7fd8"
ORANGE = "#e08a00"
RED = "#d83b30"
PURPLE = "#9b59d0"
GREY = "#8a8f98"
#: A box X keeps on without showing it (AccountResult.hidden_on): nothing the person can do,
#: so not the orange of a step that needs them; its dot is a ring around a small one, told
#: apart from every filled dot without its colour, and its words say it ("still on at X").
HELD = "#6f86a3"


def status_color(status: Status | None, reason: Reason | None = None) -> str:
    if status is None:
        return GREY
    if reason is Reason.PAGE_CHANGED:
        return PURPLE
    if reason is Reason.RATE_LIMITED:  # waiting as X asked, as after a refused sign-in
        return GREY
    if reason in (Reason.NETWORK, Reason.TIMEOUT):  # X not reached, failing or slow: nobody's
        return GREY  # doing here, and the next check tries again (not the red of a refusal)
    if reason is Reason.CANCELLED:  # stopped by the person: nothing found wrong (a box still
        return GREY  # on says so in its own cell)
    return {
        Status.OPTED_OUT: GREEN,
        Status.FIXED: GREEN,  # off now, as opted out (blue is a check still running)
        Status.WOULD_FIX: ORANGE,
        Status.NEEDS_USER: ORANGE,
        Status.SIGNIN_FAILED: RED,
        Status.ERROR: RED,
    }[status]


#: The file of each colour's dot, resources/icons/status-<name>.svg: a filled circle with a light
#: ring, drawn by the SVG icon engine the tool bar's icons already loaded (crisp at any scale).
#: An SVG given as data would go through Qt's image readers, whose ten plugins are all looked
#: over before the first frame (issue 7); the painter's pen and brush calls would make PySide
#: build the Qt namespace (see qt_by_name).
DOT_NAMES = {
    GREEN: "green",
    BLUE: "blue",
    ORANGE: "orange",
    RED: "red",
    PURPLE: "purple",
    GREY: "grey",
    HELD: "held",
}


@cache
def dot_icon(color: str) -> QIcon:
    """The status dot of one of the colours above; its light ring keeps it visible on a
    selected (blue) row as on a plain one. An empty icon if its file is missing: the words
    still say it all.

    Made once for each colour: every refresh of the accounts table sets one for each cell."""
    path = find_resource("icons", f"status-{DOT_NAMES[color]}.svg")
    if path is None:
        return QIcon()
    icon = QIcon(str(path))
    # As it is on a selected row too: the style's own "selected" version tints the dot with
    # the highlight colour, and the status colour would be lost.
    icon.addFile(str(path), QSize(), QIcon.Mode.Selected)
    return icon
