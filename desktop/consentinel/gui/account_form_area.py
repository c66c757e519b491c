"""The account dialog's height: its fields in an area that scrolls when the screen is too
small for them, and the dialog as tall as its fields and messages need, within the screen,
give or take what the person resized it by; and never narrower than its fields."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QLayout, QScrollArea, QWidget

from consentinel.gui.screen_room import keep_on_screen
from consentinel.gui.wrapped_labels import fit_wrapped_labels


class FormArea(QScrollArea):
    """The dialog's fields, scrolled when the screen is too small for them; as tall as they
    need otherwise (a scroll area's own wish stops at 24 lines)."""

    def __init__(self, content: QWidget) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(content)
        # Not a stop of its own in the Tab order: the area scrolls to the field that has focus.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def fit_width(self) -> None:
        """As wide as the fields' narrowest, with room for the scroll bar: nothing is cut on
        the right (it does not scroll sideways)."""
        content = self.widget()
        if content is not None:
            bar = self.verticalScrollBar().sizeHint().width()
            self.setMinimumWidth(content.minimumSizeHint().width() + bar)

    def settle_bar(self) -> bool:
        """The scroll bar shown or hidden now, as its range says: Qt does it in a queued call,
        and meanwhile the fields kept the width it had given them for the other case (laid out
        for no bar under a bar just shown, their right edge and the help text's last words were
        under it). Returns whether the fields' width changed (their lines may have)."""
        bar = self.verticalScrollBar()
        width = self.viewport().width()
        for _ in range(4):  # (each showing or hiding may change the range again, once)
            if bar.isVisible() == (bar.maximum() > bar.minimum()):
                break
            QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)
        return self.viewport().width() != width

    def refit(self) -> None:
        """Its height asked again from what its fields need now (a message shown or hidden
        among them: their layout may not have been told yet)."""
        content = self.widget()
        layout = content.layout() if content is not None else None
        if layout is not None:
            layout.invalidate()
            layout.activate()
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        content = self.widget()
        layout = content.layout() if content is not None else None
        if layout is None:
            return hint
        width = self.viewport().width()
        needed = (
            layout.totalHeightForWidth(width)
            if layout.hasHeightForWidth() and width > 0
            else layout.totalSizeHint().height()
        )
        return QSize(hint.width(), needed + 2 * self.frameWidth())


class HeightFit:
    """Fits `window`'s height to what its `area` (set once built) and wrapped `labels` need.

    Remembers how much taller (or shorter) than its fields need the person made it (0: as
    they need, within the screen), what they needed then, and the heights it gave itself
    (see fit: the window system's word of them may come late). Keeps it no narrower than
    `least_width` nor than its fields need, their scroll bar's room included."""

    def __init__(
        self, window: QWidget, labels: Callable[[], Sequence[QLabel]], least_width: int = 0
    ) -> None:
        self._window = window
        self._labels = labels
        self._least_width = least_width
        self.area: FormArea | None = None
        self._offset = 0
        self._natural = 0
        self._asked_heights: set[int] = set()
        self._fitting = False  # (its own resizing calls resizeEvent: not fitted again within)

    def fit(self) -> None:
        """The messages' lines (French ones take two or three), once the form has laid out
        the labels just shown at their real width; then the dialog as tall as everything
        needs at this width (a message grows it, and it gives the room back once the message
        goes), give or take what the person resized it by, and never taller than the screen:
        the fields scroll, the buttons stay in view. Again until the lines settle (a height
        that brings or drops the scroll bar changes the fields' width, and so their lines)."""
        layout = self._window.layout()
        if layout is None or not self._window.isVisible() or self._fitting:
            return
        self._fitting = True
        try:
            for _ in range(4):
                if not self._fit_once(layout):
                    break
        finally:
            self._fitting = False

    def _fit_once(self, layout: QLayout) -> bool:
        """One pass of fit; returns whether it changed the dialog's size or its fields' width
        (their lines to be fitted again)."""
        window = self._window
        layout.activate()
        fit_wrapped_labels(window, self._labels())
        if self.area is not None:
            self.area.fit_width()
            self.area.refit()
        widened = self._fit_least_width(layout)
        layout.activate()
        self._natural = (
            layout.totalHeightForWidth(window.width())
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        height = self._natural + self._offset
        room = room_height(window)
        if room is not None:
            height = min(height, room)
        height = max(height, layout.totalMinimumSize().height())
        self._asked_heights.add(height)
        resized = height != window.height()
        if resized:
            window.resize(window.width(), height)
            keep_on_screen(window)  # (grown downwards: its bottom, and the buttons, in view)
        # The new height may bring or drop the scroll bar: the fields fitted to it now, not
        # after this returns (and their lines again, at their new width).
        rewrapped = self.area is not None and self.area.settle_bar()
        return resized or widened or rewrapped

    def _fit_least_width(self, layout: QLayout) -> bool:
        """The window's minimum width as its layout needs, its fields' scroll bar's room
        included: Qt raises it so only for a window with no minimum width of its own, and the
        dialog's own (least_width) let it be narrower than its fields (large text, French):
        their right edge was outside it. Widened if it is narrower now; returns whether it
        was."""
        needed = max(self._least_width, layout.totalMinimumSize().width())
        window = self._window
        if window.minimumWidth() == needed:
            return False
        wider = needed > window.width()
        window.setMinimumWidth(needed)  # (Qt widens a window narrower than its minimum)
        if wider:
            keep_on_screen(window)  # (its right edge in view)
        return wider

    def resized(self, event: QResizeEvent) -> None:
        """A height the dialog did not give itself is the person's: kept from then on."""
        height = event.size().height()
        if event.spontaneous() and height not in self._asked_heights and self._natural:
            self._offset = height - self._natural  # the person made it so tall
            self._asked_heights.clear()


def room_height(window: QWidget) -> int | None:
    """The height the window may have within its screen's free area, its title bar left in
    view (None: no screen known)."""
    screen = window.screen()
    if screen is None:
        return None
    frame = window.frameGeometry().height() - window.height()
    return screen.availableGeometry().height() - (frame if frame > 0 else 40)
