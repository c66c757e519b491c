"""Button icons stay readable on a dark palette (real Qt styles, offscreen)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyleFactory
from pytestqt.qtbot import QtBot

from consentinel.gui.readable_icons import ReadableIconsStyle, follow_dark_palette

CLOSE = QStyle.StandardPixmap.SP_DialogCloseButton
SAVE = QStyle.StandardPixmap.SP_DialogSaveButton


def _lightness(style: QStyle, icon: QStyle.StandardPixmap) -> float:
    image = style.standardIcon(icon).pixmap(QSize(16, 16)).toImage()
    values = [
        image.pixelColor(x, y).lightness()
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).alpha() > 64
    ]
    return sum(values) / len(values)


@pytest.fixture
def dark(qtbot: QtBot) -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    palette = QPalette(before)
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.Button, "#353535"),
        (QPalette.ColorRole.ButtonText, "#e8e8e8"),
    ):
        palette.setColor(role, QColor(colour))
    app.setPalette(palette)
    try:
        yield
    finally:
        app.setPalette(before)


def test_a_dark_grey_icon_is_lightened_on_a_dark_palette(dark: None) -> None:
    fusion = QStyleFactory.create("fusion")
    readable = ReadableIconsStyle("fusion")
    assert _lightness(fusion, CLOSE) < 80  # what Fusion draws: all but invisible on #353535
    assert _lightness(readable, CLOSE) > 200
    # A coloured icon is drawn to be seen on any background: left as it is.
    assert abs(_lightness(readable, SAVE) - _lightness(fusion, SAVE)) < 1


def test_a_light_palette_is_left_as_the_style_draws_it(qtbot: QtBot) -> None:
    readable = ReadableIconsStyle("fusion")
    assert _lightness(readable, CLOSE) == _lightness(readable.baseStyle(), CLOSE)


def test_a_palette_turning_dark_while_the_app_runs_wraps_the_style(qtbot: QtBot) -> None:
    """The desktop switching to its dark theme changes the application palette: the launcher's
    watcher then wraps the style, without a restart."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = app.style().name()
    before = app.palette()
    watcher = follow_dark_palette(app)
    try:
        assert not isinstance(app.style(), ReadableIconsStyle)
        palette = QPalette(before)
        palette.setColor(QPalette.ColorRole.Window, QColor("#2b2b2b"))
        palette.setColor(QPalette.ColorRole.ButtonText, QColor("#e8e8e8"))
        app.setPalette(palette)
        qtbot.waitUntil(lambda: isinstance(app.style(), ReadableIconsStyle))
        assert _lightness(app.style(), CLOSE) > 200
    finally:
        app.paletteChanged.disconnect(watcher)
        app.setPalette(before)
        app.setStyle(original)
