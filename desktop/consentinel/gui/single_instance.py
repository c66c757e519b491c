"""One app per data folder: a second launch asks the first to come forward, then exits.

Who is first is decided by an OS file lock in the data folder (`AppPaths.instance_lock_path`),
taken before the window is built: the kernel gives it to exactly one process, even when two are
started at the same moment, and drops it when its holder dies, however it dies. The first
instance answers later ones on a local socket that it opens only after its window is painted
(`listen()`), so loading Qt's network module never delays the first frame; a later instance that
finds the lock held keeps knocking for a moment while the first one gets there.
"""

from __future__ import annotations

import enum
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from consentinel import APP_ID
from consentinel.core.lock import LockInfo, RunLock

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

log = logging.getLogger(__name__)

_MESSAGE = b"show\n"
_IO_TIMEOUT_MS = 1500
#: How long a later instance keeps asking a first one that holds the lock but does not answer
#: yet (it opens its socket once its window is painted, a fraction of a second after it starts).
ANSWER_TIMEOUT_S = 5.0
_RETRY_S = 0.05


class Claim(enum.Enum):
    FIRST = "first"  # this process is the app now
    FORWARDED = "forwarded"  # the running app was asked to show its window
    UNANSWERED = "unanswered"  # an app holds the lock but did not answer (stuck?)


def server_name(data_root: str) -> str:
    # Per data folder (and so per user): a demo or a test home never finds the real app.
    import hashlib  # worked out once the window is up, unless another app holds the lock

    digest = hashlib.sha256(data_root.encode("utf-8")).hexdigest()[:16]
    return f"{APP_ID}-{digest}"


class SingleInstance(QObject):
    """`claim()` decides who is first; the first calls `listen()` once its window is up."""

    activated = Signal()

    def __init__(
        self,
        name: str | Callable[[], str],
        lock_path: Path,
        *,
        answer_timeout_s: float | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._name = name
        self._lock = RunLock(lock_path)
        self._answer_timeout_s = ANSWER_TIMEOUT_S if answer_timeout_s is None else answer_timeout_s
        self._server: QLocalServer | None = None

    @property
    def name(self) -> str:
        """The local socket's name (`name` may be given as a function: worked out when first
        needed)."""
        if not isinstance(self._name, str):
            self._name = self._name()
        return self._name

    def claim(self) -> Claim:
        """FIRST when this process took the lock; else asks the holder to show its window."""
        deadline = time.monotonic() + self._answer_timeout_s
        knocks = 0
        while True:
            if self._lock.acquire(wait=False):
                return Claim.FIRST
            if self._knock():
                return Claim.FORWARDED
            if time.monotonic() >= deadline:
                return Claim.UNANSWERED
            knocks += 1
            if knocks == 1:
                log.info("the running app does not answer yet; asking again for a moment")
            # Nothing to wait on: the holder's socket does not exist yet, or it just quit (then
            # the next turn takes the lock).
            time.sleep(_RETRY_S)

    def holder(self) -> LockInfo | None:
        """Who holds the lock (pid, since when), for the message when it does not answer."""
        return self._lock.holder()

    def _knock(self) -> bool:
        """True when a first instance took the message (it will bring its window forward)."""
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(_IO_TIMEOUT_MS):
            return False
        socket.write(_MESSAGE)
        socket.flush()
        socket.waitForBytesWritten(_IO_TIMEOUT_MS)
        socket.disconnectFromServer()
        return True

    @property
    def listening(self) -> bool:
        """True once this (first) instance answers later ones."""
        return self._server is not None

    def listen(self) -> None:
        """Start answering later instances (only the first instance calls this, once)."""
        if not self._lock.held or self._server is not None:
            return
        from PySide6.QtNetwork import QLocalServer

        # We hold the lock, so a socket file already there was left by an instance that died.
        QLocalServer.removeServer(self.name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            log.warning("single-instance server could not listen: %s", server.errorString())
            return
        server.newConnection.connect(self._on_connection)
        self._server = server

    def _on_connection(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            # Owned by us, not the server, and only through Qt's parent: no Python closure holds
            # a socket that Qt may delete.
            socket.setParent(self)
            socket.readyRead.connect(self._read_messages)
            self._read_messages()

    def _read_messages(self) -> None:
        from PySide6.QtNetwork import QLocalSocket

        for socket in self.findChildren(QLocalSocket):
            if socket.bytesAvailable() and bytes(socket.readAll().data()).startswith(
                _MESSAGE.strip()
            ):
                self.activated.emit()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.release()
