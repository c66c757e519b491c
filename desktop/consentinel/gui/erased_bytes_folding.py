"""An erasure's old bytes that SQLite could not take out of the journal's write-ahead log
(another process read the journal as it erased) are taken out by the window as soon as that
read ends: the window keeps the journal open, so they stayed there until it next wrote to the
journal or closed, which an idle window may not do for days."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Slot

if TYPE_CHECKING:
    from consentinel.core.journal import Journal

log = logging.getLogger(__name__)

#: The first wait before trying again while a read holds them, and the longest (doubled each
#: time in between: a read left open for long is not knocked on every second).
FIRST_RETRY_MS = 500
LONGEST_RETRY_MS = 30_000


class ErasedBytesFolding(QObject):
    """Watches the journal's folder (an erasure leaves its mark there, core/journal's
    ERASURE_PENDING, and any write replaces the head file there) and tries again, waiting
    longer each time, until nothing is left. Made after the window's first frame."""

    def __init__(
        self, journal: Callable[[], Journal], folder: Path, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._folder = str(folder)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._changed)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self.look)
        self._wait_ms = FIRST_RETRY_MS
        self._watch()
        self.look()  # (a mark left before the window opened)

    def stop(self) -> None:
        """No more tries (the app quits); asked again, nothing more."""
        self._retry.stop()
        self._watcher.blockSignals(True)

    def _watch(self) -> None:
        # (its folder deleted and made again, as "Delete all data" does: watched again)
        if not self._watcher.directories():
            self._watcher.addPath(self._folder)

    @Slot(str)
    def _changed(self, _folder: str) -> None:
        self._wait_ms = FIRST_RETRY_MS
        self._watch()
        self.look()

    @Slot()
    def look(self) -> None:
        """Folds what is left now if no read holds it; else tries again later."""
        done = self._journal().fold_erased_left()
        if done:
            self._retry.stop()
            self._wait_ms = FIRST_RETRY_MS
            return
        self._retry.start(self._wait_ms)
        self._wait_ms = min(self._wait_ms * 2, LONGEST_RETRY_MS)
