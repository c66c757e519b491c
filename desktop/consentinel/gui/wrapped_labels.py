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
            label.setMinimumHeight(label.heightForWidth(label.width()))
