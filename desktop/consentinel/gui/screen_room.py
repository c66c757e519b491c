"""Windows sized for the screen they open on: never larger than its free area (a small laptop
screen at 200 % has 700 points by 500 or fewer), so that nothing opens out of reach."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def resize_within_screen(window: QWidget, width: int, height: int) -> None:
    """`window.resize(width, height)`, each no larger than the screen's free area allows."""
    screen = window.screen()
    if screen is not None:
        room = screen.availableGeometry()
        width, height = min(width, room.width()), min(height, room.height())
    window.resize(width, height)
