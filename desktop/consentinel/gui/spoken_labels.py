"""Lines whose words change while the focus is elsewhere (a check's progress, its result), said
to screen readers as they change."""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtWidgets import QLabel

#: Qt 6.8+ has announcements (a live region's words, read without moving the focus).
_Announcement = getattr(QtGui, "QAccessibleAnnouncementEvent", None)


def say(label: QLabel, text: str) -> None:
    """Show `text` on `label` and have it read: its accessible name is its words (a fixed name
    such as "Check progress" hid them), announced politely while the label is visible. What
    the line is stays in its accessible description."""
    label.setText(text)
    label.setAccessibleName(text)  # (Qt sends NameChanged)
    if _Announcement is not None and label.isVisible():
        from PySide6.QtGui import QAccessible  # (not needed to show the window)

        QAccessible.updateAccessibility(_Announcement(label, text))
