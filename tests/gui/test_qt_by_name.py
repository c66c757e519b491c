"""What the first frame's widgets set without PySide's Qt namespace (gui/qt_by_name.py) is what
the namespace's own values would set (real Qt widgets, offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QLabel, QScrollArea, QToolBar
from pytestqt.qtbot import QtBot

from consentinel.gui.qt_by_name import (
    ACCESSIBLE_DESCRIPTION_ROLE,
    ACCESSIBLE_TEXT_ROLE,
    USER_ROLE,
    set_by_name,
)
from consentinel.gui.status_colors import DOT_NAMES, dot_icon


def test_the_roles_numbers_are_qts() -> None:
    assert Qt.ItemDataRole.AccessibleTextRole.value == ACCESSIBLE_TEXT_ROLE
    assert Qt.ItemDataRole.AccessibleDescriptionRole.value == ACCESSIBLE_DESCRIPTION_ROLE
    assert Qt.ItemDataRole.UserRole.value == USER_ROLE


def test_a_property_set_by_name_holds_the_enums_value(qtbot: QtBot) -> None:
    label, scroll, toolbar = QLabel("x"), QScrollArea(), QToolBar()
    for widget in (label, scroll, toolbar):
        qtbot.addWidget(widget)
    set_by_name(label, "alignment", "AlignCenter")
    set_by_name(scroll, "focusPolicy", "NoFocus")
    set_by_name(toolbar, "toolButtonStyle", "ToolButtonTextBesideIcon")
    assert label.alignment() == Qt.AlignmentFlag.AlignCenter
    assert scroll.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon


def test_a_name_qt_does_not_know_is_an_error_not_a_silent_no_op(qtbot: QtBot) -> None:
    label = QLabel("x")
    qtbot.addWidget(label)
    with pytest.raises(ValueError, match="alignment"):
        set_by_name(label, "alignment", "AlignMiddle")
    with pytest.raises(ValueError, match="alignement"):
        set_by_name(label, "alignement", "AlignCenter")


@pytest.mark.parametrize("color", list(DOT_NAMES))
def test_a_status_dot_is_its_colour_in_a_light_ring_at_any_size_and_when_selected(
    qtbot: QtBot, color: str
) -> None:
    icon = dot_icon(color)
    assert not icon.isNull()
    for size in (16, 32, 24):
        for mode in (QIcon.Mode.Normal, QIcon.Mode.Selected):
            image = icon.pixmap(QSize(size, size), mode).toImage()
            assert image.width() == size
            centre = image.pixelColor(size // 2, size // 2)
            assert centre.name() == QColor(color).name()
            # The ring: light pixels between the dot and the corner, which stays transparent.
            ring = [image.pixelColor(x, x) for x in range(size // 2)]
            assert any(c.lightness() > 200 and c.alpha() > 200 for c in ring)
            assert image.pixelColor(0, 0).alpha() == 0
