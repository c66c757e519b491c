"""One app per data folder: a second launch asks the first to come forward, then exits."""

from __future__ import annotations

import hashlib
import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from consentinel import APP_ID

log = logging.getLogger(__name__)

_MESSAGE = b"show\n"
_TIMEOUT_MS = 1500


def server_name(data_root: str) -> str:
    # Per data folder (and so per user): a demo or a test home never finds the real app.
    digest = hashlib.sha256(data_root.encode("utf-8")).hexdigest()[:16]
    return f"{APP_ID}-{digest}"


class SingleInstance(QObject):
    """`claim()` is True for the first instance; later ones tell it to show itself."""

    activated = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server: QLocalServer | None = None

    def ask_first_to_show(self) -> bool:
        """True when another instance answered (it will bring its window forward)."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(_TIMEOUT_MS):
            return False
        socket.write(_MESSAGE)
        socket.flush()
        socket.waitForBytesWritten(_TIMEOUT_MS)
        socket.disconnectFromServer()
        return True

    def claim(self) -> bool:
        if self.ask_first_to_show():
            return False
        # Nobody answered: a socket file left by a crashed instance is removed.
        QLocalServer.removeServer(self.name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            log.warning("single-instance server could not listen: %s", server.errorString())
            return True
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

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
        for socket in self.findChildren(QLocalSocket):
            if socket.bytesAvailable() and bytes(socket.readAll().data()).startswith(
                _MESSAGE.strip()
            ):
                self.activated.emit()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
