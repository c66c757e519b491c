"""Button icons readable on a dark palette.

Qt's Fusion style draws some of its standard button icons (Close, the dialog's "X") in dark grey
whatever the palette, so on a dark palette they all but vanish. A proxy style repaints those
icons, and only those that are dark and colourless, in the palette's button text colour; coloured
icons (Save's) and light palettes are left as the style draws them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

from consentinel.gui.message_style import is_dark

_SIZES = (QSize(16, 16), QSize(24, 24), QSize(32, 32))


def _dark_and_colourless(image_source: QPixmap) -> bool:
    image = image_source.toImage()
    seen = dark = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            colour = image.pixelColor(x, y)
            if colour.alpha() < 64:
                continue
            seen += 1
            if colour.hslSaturation() > 60:
                return False  # a coloured icon: drawn to be seen on any background
            dark += colour.lightness() < 110
    return seen > 0 and dark * 2 > seen


def _in_colour(icon: QIcon, colour: QColor) -> QIcon:
    tinted = QIcon()
    for size in icon.availableSizes() or list(_SIZES):
        pixmap = icon.pixmap(size)
        if pixmap.isNull():
            continue
        # The colour, drawn where the icon is. (A pixmap of it, not the painter's own fill,
        # which makes PySide build the Qt namespace before the first frame: see qt_by_name.)
        solid = QPixmap(pixmap.size())
        solid.setDevicePixelRatio(pixmap.devicePixelRatio())
        solid.fill(colour)
        painter = QPainter(pixmap)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.drawPixmap(0, 0, solid)
        painter.end()
        tinted.addPixmap(pixmap)
    return tinted


class ReadableIconsStyle(QProxyStyle):
    """The application's own style, with dark monochrome standard icons lightened on a dark
    palette."""

    def __init__(self, base: str) -> None:
        super().__init__(base)
        self._cache: dict[tuple[int, int], QIcon] = {}

    def standardIcon(
        self,
        standard_icon: QStyle.StandardPixmap,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> QIcon:
        icon = super().standardIcon(standard_icon, option, widget)
        if icon.isNull() or not is_dark():
            return icon
        colour = QApplication.palette().color(QPalette.ColorRole.ButtonText)
        key = (int(standard_icon), colour.rgb())
        if key not in self._cache:
            sample = icon.pixmap(QSize(16, 16))
            readable = not sample.isNull() and _dark_and_colourless(sample)
            self._cache[key] = _in_colour(icon, colour) if readable else icon
        return self._cache[key]


def use_readable_icons(app: QApplication) -> None:
    """Wrap the application's style (once, before the first window is built). The launcher
    calls it only on a dark palette: a light one needs nothing, and need not wait for it."""
    if not isinstance(app.style(), ReadableIconsStyle):
        app.setStyle(ReadableIconsStyle(app.style().name()))


def follow_dark_palette(app: QApplication) -> Callable[[], None]:
    """When the palette turns dark while the app runs (the desktop switched to its dark
    theme), wrap the style then. Wrapped, it stays so: on a light palette the wrapper draws
    what the style draws."""

    def palette_changed() -> None:
        if is_dark():
            use_readable_icons(app)

    app.paletteChanged.connect(palette_changed)
    return palette_changed
