"""Lines read by their words: what a label shows is what a screen reader says, and a line
whose words change while the focus is elsewhere (a check's progress, its result, an error) is
announced as it changes."""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtWidgets import QLabel, QWidget


def heard_as_shown(label: QLabel, purpose: str) -> None:
    """Have `label` read by the words it shows, whatever they become, and `purpose` (what the
    line is: "Hint", "Data folder") as its description. A fixed accessible name hid the words:
    Qt reads a label's name instead of its text, and then nothing else of it."""
    label.setAccessibleName("")
    label.setAccessibleDescription(purpose)


def say(label: QLabel, text: str) -> None:
    """Show `text` on `label` and have it read: its accessible name is its words (a fixed name
    such as "Check progress" hid them), announced politely while the label is visible. What
    the line is stays in its accessible description."""
    label.setText(text)
    label.setAccessibleName(text)  # (Qt sends NameChanged)
    announce(label, text)


def announce(widget: QWidget, text: str) -> None:
    """Have a screen reader say `text` now, politely, without moving the focus, if `widget`
    (what the words come from) is visible and `text` is not empty."""
    if not text or not widget.isVisible():
        return
    # Qt 6.8+ has announcements (a live region's words, read without moving the focus). Looked
    # up here: the window shows before PySide makes these types.
    announcement = getattr(QtGui, "QAccessibleAnnouncementEvent", None)
    if announcement is not None:
        from PySide6.QtGui import QAccessible

        QAccessible.updateAccessibility(announcement(widget, text))
