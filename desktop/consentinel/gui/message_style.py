"""Colours for inline messages in the dialogs, picked for the palette in use (light or dark)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QPalette


def is_dark() -> bool:
    """True when the application's window background is dark."""
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return window.lightness() < 128


def error_color() -> str:
    # Both reach about 4.5:1 against the usual light and dark window colours.
    return "#ff8a80" if is_dark() else "#b3261e"


def ok_color() -> str:
    return "#7bd88f" if is_dark() else "#1e7b34"


def unknown_color() -> str:
    return "#f0c75e" if is_dark() else "#8a6d00"


def error_style() -> str:
    """A style sheet for a QLabel that says what is wrong."""
    return f"color: {error_color()};"
