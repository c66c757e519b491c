"""The app's icons: SVG files under resources/icons (crisp at any scale)."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from consentinel import APP_ID
from consentinel.core.resources import find_resource


@cache
def icon(name: str) -> QIcon:
    """resources/icons/<name>.svg; an empty icon if it is missing (text still says it all)."""
    path = find_resource("icons", f"{name}.svg")
    return QIcon(str(path)) if path else QIcon()


def app_icon() -> QIcon:
    themed = QIcon.fromTheme(APP_ID)
    return themed if not themed.isNull() else icon(APP_ID)
