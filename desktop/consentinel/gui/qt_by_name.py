"""Qt's enum values for the widgets of the first frame, without PySide's `Qt` namespace.

Naming any member of the `Qt` namespace in Python (`Qt.AlignmentFlag.AlignCenter`) makes PySide
build all of its ~95 enums at once, 1 200 members through Python's `enum`: 20-30 ms of every
start, before the window can show (issue 7). So the widgets the first frame builds set such
properties through Qt's meta-object system, by the value's own name as style sheets do, and use
the item roles' numbers. Code that runs later names `QtCore.Qt` as usual: the namespace is then
built once, just after the first frame (`warm_up_later`). `tests/gui/test_startup.py` fails if
it is built before.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

#: Qt.ItemDataRole's numbers, fixed by Qt's API (tests/gui/test_qt_by_name.py compares them).
ACCESSIBLE_TEXT_ROLE = 11
ACCESSIBLE_DESCRIPTION_ROLE = 12
USER_ROLE = 0x0100


def set_by_name(obj: QObject, name: str, value: str) -> None:
    """Sets the Qt property `name` (of an enum or flags type) to `value`, one of its keys or
    keys joined by "|": `set_by_name(label, "alignment", "AlignCenter")`."""
    if not obj.setProperty(name, value):
        raise ValueError(f"{type(obj).__name__} has no property {name!r} that takes {value!r}")


def warm_up_later() -> None:
    """Builds the `Qt` namespace (after the first frame), so that the first key press or menu
    does not wait for it."""
    from PySide6 import QtCore

    QtCore.Qt  # noqa: B018 (the attribute's first read is what builds it)
