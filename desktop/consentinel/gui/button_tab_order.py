"""Tab walks a dialog's buttons in the order they are seen, whatever order the platform uses."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QWidget


def buttons_as_seen(box: QDialogButtonBox) -> list[QAbstractButton]:
    """The box's buttons in its layout's order: as they are read (left to right here), which
    the platform decides (Windows and KDE put the answer first, macOS and GNOME last)."""
    layout = box.layout()
    if layout is None:
        return []
    items = (layout.itemAt(at) for at in range(layout.count()))
    seen = (item.widget() for item in items if item is not None)
    return [widget for widget in seen if isinstance(widget, QAbstractButton)]


def tab_into_buttons(after: QWidget, box: QDialogButtonBox) -> None:
    """Tab from `after` (the last control above the buttons) through the buttons as seen.

    Qt's own chain follows the order the buttons were added in, and reached "Skip this
    account" (on the right) before "Continue" (on the left). Called as the dialog shows: the
    box lays its buttons out again when its style changes."""
    previous = after
    for button in buttons_as_seen(box):
        QWidget.setTabOrder(previous, button)
        previous = button
