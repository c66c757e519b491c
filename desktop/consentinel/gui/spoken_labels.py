"""Lines whose words change while the focus is elsewhere (a check's progress, its result), said
to screen readers as they change."""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtWidgets import QLabel


def say(label: QLabel, text: str) -> None:
    """Show `text` on `label` and have it read: its accessible name is its words (a fixed name
    such as "Check progress" hid them), announced politely while the label is visible. What
    the line is stays in its accessible description."""
    label.setText(text)
    label.setAccessibleName(text)  # (Qt sends NameChanged)
    if not label.isVisible():
        return
    # Qt 6.8+ has announcements (a live region's words, read without moving the focus). Looked
    # up here: the window shows before PySide makes these types.
    announcement = getattr(QtGui, "QAccessibleAnnouncementEvent", None)
    if announcement is not None:
        from PySide6.QtGui import QAccessible

        QAccessible.updateAccessibility(announcement(label, text))
