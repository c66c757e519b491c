"""Windows sized for the screen they open on: never larger than its free area (a small laptop
screen at 200 % has 700 points by 500 or fewer), so that nothing opens out of reach; and
where the person left them last time, as long as that is on a screen here."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def resize_within_screen(window: QWidget, width: int, height: int) -> None:
    """`window.resize(width, height)`, each no larger than the screen's free area allows."""
    screen = window.screen()
    if screen is not None:
        room = screen.availableGeometry()
        width, height = min(width, room.width()), min(height, room.height())
    window.resize(width, height)


def restore_within_screen(window: QWidget, saved: bytes | None, width: int, height: int) -> bool:
    """The window's place and size as Qt saved them (`saveGeometry`), else `width` by `height`
    (resize_within_screen); returns whether they were restored. Qt refuses a geometry saved on
    a screen of a quite different width (another monitor, another scale): the window then
    opens at its usual size. Call keep_on_screen again once it is shown (its frame is known
    then)."""
    if saved is None or not window.restoreGeometry(saved):
        resize_within_screen(window, width, height)
        return False
    keep_on_screen(window)
    return True


def keep_on_screen(window: QWidget) -> None:
    """Moved, and made smaller if need be, to be whole within the free area of the screen it
    is on: a window left on a monitor no longer there, or larger than this screen, opens
    whole on a screen of this one, its title bar and buttons in reach."""
    if window.isMaximized() or window.isFullScreen():
        return  # (the screen's own size)
    from PySide6.QtGui import QGuiApplication

    frame = window.frameGeometry()
    screen = QGuiApplication.screenAt(frame.center()) or window.screen()
    if screen is None:
        return
    room = screen.availableGeometry()
    # The frame (title bar, borders) around the window's own area, kept on the screen too.
    extra_w, extra_h = frame.width() - window.width(), frame.height() - window.height()
    w = max(1, min(window.width(), room.width() - extra_w))
    h = max(1, min(window.height(), room.height() - extra_h))
    x = max(room.left(), min(frame.x(), room.right() + 1 - (w + extra_w)))
    y = max(room.top(), min(frame.y(), room.bottom() + 1 - (h + extra_h)))
    if (w, h) != (window.width(), window.height()):
        window.resize(w, h)
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)
