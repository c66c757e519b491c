"""Wrapped labels that get the lines they need, in grids and group boxes."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QLabel, QWidget


def fit_wrapped_labels(owner: QWidget, labels: Iterable[QLabel]) -> None:
    """Reserve the height each wrapped label of `owner` needs at its real width: in a grid or
    a group box Qt sizes it as one line, and the next lines were drawn over the row below.
    Call it when the words change and at each show and resize."""
    for label in labels:
        if label.isVisibleTo(owner) and label.width() > 0:
            # A label's heightForWidth is at least its minimum height: the one reserved for
            # longer words kept it tall, blank, once shorter ones replaced them.
            label.setMinimumHeight(0)
            label.setMinimumHeight(label.heightForWidth(label.width()))


def fit_height(window: QWidget, floor: int) -> int:
    """Make `window` as tall as its layout needs at its width now, and no shorter than
    `floor` (the height it had before any message, or the one the person gave it): Qt keeps a
    window at least its layout's minimum size, but a wrapped label's extra lines do not raise
    that minimum, so the grid squeezed their rows and the next field covered the last line; and
    a window grown for a message stayed that tall, blank, once the message went. Returns the
    height asked for."""
    layout = window.layout()
    if layout is None:
        return window.height()
    layout.activate()
    width = window.width()
    needed = (
        layout.totalHeightForWidth(width)
        if layout.hasHeightForWidth()
        else layout.totalMinimumSize().height()
    )
    height = max(needed, floor)
    if window.height() != height:
        window.resize(width, height)
    return height
