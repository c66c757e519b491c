"""One app per data folder: a second launch asks the first to come forward, then exits.

Who is first is decided by an OS file lock in the data folder (`AppPaths.instance_lock_path`),
taken before the window is built: the kernel gives it to exactly one process, even when two are
started at the same moment, and drops it when its holder dies, however it dies. The first
instance answers later ones on a local socket that it opens only after its window is painted
(`listen()`), so loading Qt's network module does not delay the first frame (unless a socket file
is found at the start); a later instance that finds the lock held keeps knocking for a moment while
the first one gets there. A knock counts only once the first instance wrote back: a socket that
accepts and never answers (an app that hangs, or is ending) is not taken for an app.

The lock file can go from under the first instance (its data folder deleted by hand or by a
clean-up tool, and made again by the next launch): a lock nobody else sees. So a launch that gets
the lock still knocks when the first one's socket is there (a socket file left by an app that died
refuses, and it goes on as first), and the first instance looks every half minute: it takes the
lock again at its place once its folder is back, and listens again when its socket file went. If
another app got the lock meanwhile, the one that had lost it steps aside (`superseded`).
"""

from __future__ import annotations

import contextlib
import enum
import logging
import os
import stat
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from consentinel import APP_ID
from consentinel.core.fileio import known_identity
from consentinel.core.lock import LockInfo, RunLock

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

log = logging.getLogger(__name__)

_MESSAGE = b"show\n"
#: What a first instance writes back once it took the message (version 0.1.0 wrote nothing).
_ANSWER = b"shown\n"
_IO_TIMEOUT_MS = 1500
#: How long a later instance keeps asking a first one that holds the lock but does not answer
#: yet (it opens its socket once its window is painted, a fraction of a second after it starts).
ANSWER_TIMEOUT_S = 5.0
#: How long a later instance waits for a first one that said it is closing (its check is
#: cancelled at a safe point, its browser closed: up to a minute), to be the app after it.
CLOSING_WAIT_S = 90.0
_RETRY_S = 0.05
#: How often the first instance makes sure its lock and its socket are still where later
#: instances look for them.
KEEP_CLAIM_MS = 30_000


class Claim(enum.Enum):
    FIRST = "first"  # this process is the app now
    FORWARDED = "forwarded"  # the running app was asked to show its window
    UNANSWERED = "unanswered"  # an app holds the lock but did not answer (stuck?)
    GAVE_UP = "gave_up"  # the person stopped waiting for an app that is closing


def server_name(data_root: str) -> str:
    """Per data folder (and so per user): a demo or a test home never finds the real app."""
    # Two checksums of zlib, loaded with Qt already (hashlib's OpenSSL costs 2 ms at each
    # start): a name, not a secret.
    import zlib

    raw = data_root.encode("utf-8")
    return f"{APP_ID}-{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}"


def server_name_0_1(data_root: str) -> str:
    """The name version 0.1.0 listened on (it took no lock, and wrote nothing back): worked
    out at the start of a folder with no lock file yet."""
    try:  # CPython's own SHA-256, without hashlib's OpenSSL (2 ms)
        from _sha256 import sha256
    except ImportError:  # (named _sha2 from Python 3.12)
        try:
            from _sha2 import sha256
        except ImportError:
            from hashlib import sha256
    return f"{APP_ID}-{sha256(data_root.encode('utf-8')).hexdigest()[:16]}"


def temp_dir() -> str:
    """Qt's `QDir.tempPath()`, where a socket named without a folder lives, without having
    PySide build QDir's type before the first frame (0.5 ms): TMPDIR, else /tmp (macOS
    without TMPDIR: Qt's own answer)."""
    temp = os.environ.get("TMPDIR", "")
    if not temp and sys.platform == "darwin":
        from PySide6.QtCore import QDir

        return QDir.tempPath()
    return os.path.normpath(temp or "/tmp")


class SingleInstance(QObject):
    """`claim()` decides who is first; the first calls `listen()` once its window is up."""

    activated = Signal()
    #: Another app took this folder's lock while this one had lost it (its folder deleted, its
    #: socket gone): this one should end, leaving one app.
    superseded = Signal()

    def __init__(
        self,
        name: str | Callable[[], str],
        lock_path: Path,
        *,
        answer_timeout_s: float | None = None,
        older_app_name: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._name = name
        self._lock = RunLock(lock_path)
        self._answer_timeout_s = ANSWER_TIMEOUT_S if answer_timeout_s is None else answer_timeout_s
        #: Where a version 0.1.0 app would answer (it took no lock), looked at too when given.
        self._older_app_name = older_app_name
        self._older_app_answered = False
        self._first = False
        self._server: QLocalServer | None = None
        self._socket_id: tuple[int, int] | None = None
        self._keeper: QTimer | None = None
        self._trouble_said = False
        self._listen_trouble_said = False
        #: keep_claim's looks in a row that found another app holding this folder's lock.
        self._taken_seen = 0

    @property
    def name(self) -> str:
        """The local socket's name (`name` may be given as a function: worked out when first
        needed)."""
        if not isinstance(self._name, str):
            self._name = self._name()
        return self._name

    def claim(self, waiting: Callable[[], bool] | None = None) -> Claim:
        """FIRST when this process took the lock; else asks the holder to show its window.

        While the app found is closing, `waiting` is called at each turn (every 50 ms): it may
        say so to the person, and returns False when they stop waiting (GAVE_UP)."""
        deadline = time.monotonic() + self._answer_timeout_s
        knocks = 0
        closing_said = False
        while True:
            if self._lock.acquire(wait=False):
                if self._lock.lost():  # (its file deleted as it was taken: a lock nobody sees)
                    self._lock.release()
                    continue
                if self._answered_elsewhere():  # (the first one's lock file went)
                    self._lock.release()
                    if self._older_app_answered:
                        # No lock file left, so that the next launch looks for that app again
                        # (deleted once closed: Windows deletes no open file).
                        with contextlib.suppress(OSError):
                            self._lock.path.unlink()
                    return Claim.FORWARDED
                self._first = True
                return Claim.FIRST
            if self._knock(self.name):
                return Claim.FORWARDED
            now = time.monotonic()
            if not closing_said:
                holder = self._lock.holder()
                if holder is not None and holder.closing:  # this launch is the app once it ends
                    log.info("the running app is closing: waiting for it to end")
                    deadline = max(deadline, now + CLOSING_WAIT_S)
                    closing_said = True
            if now >= deadline:
                return Claim.UNANSWERED
            if closing_said and waiting is not None and not waiting():
                log.info("the person stopped waiting for the running app to close")
                return Claim.GAVE_UP
            knocks += 1
            if knocks == 1 and not closing_said:
                log.info("the running app does not answer yet; asking again for a moment")
            # Nothing to wait on: the holder's socket does not exist yet, or it just quit (then
            # the next turn takes the lock).
            time.sleep(_RETRY_S)

    def holder(self) -> LockInfo | None:
        """Who holds the lock (pid, since when), for the message when it does not answer."""
        return self._lock.holder()

    def _socket_path(self, name: str) -> str | None:
        """Where a first instance's socket file is (None on Windows: a named pipe, and the lock
        file cannot be deleted while it is held there)."""
        if sys.platform == "win32":
            return None
        return name if os.path.isabs(name) else os.path.join(temp_dir(), name)

    def _answered_elsewhere(self) -> bool:
        """True when, though this process got the lock, a first instance answered on the
        socket: its lock file was deleted (with the data folder) while it ran; or an app of
        version 0.1.0, which took no lock, runs on this folder."""
        if self._knock(self.name):  # (one stat when there is no socket file: a usual start)
            log.info("an app whose lock file went answered on this folder's socket")
            return True
        # (a socket file left by an app that died refuses: listen() replaces it)
        older = self._older_app_name
        if older is not None and self._knock(older, answer_needed=False):
            log.info("an app of version 0.1.0 was asked to come forward")
            self._older_app_answered = True
            return True
        return False

    def _knock(self, name: str, *, answer_needed: bool = True) -> bool:
        """True when a first instance took the message (it will bring its window forward)."""
        path = self._socket_path(name)
        if path is not None and not _own_socket(path):
            return False  # none there (yet), or not this person's: never talked to
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(name)
        if not socket.waitForConnected(_IO_TIMEOUT_MS):
            return False
        socket.write(_MESSAGE)
        socket.flush()
        socket.waitForBytesWritten(_IO_TIMEOUT_MS)
        answered = not answer_needed or (
            socket.waitForReadyRead(_IO_TIMEOUT_MS)
            and bytes(socket.readAll().data()).startswith(_ANSWER.strip())
        )
        socket.disconnectFromServer()
        return answered

    @property
    def listening(self) -> bool:
        """True once this (first) instance answers later ones."""
        return self._server is not None

    def listen(self) -> None:
        """Start answering later instances (only the first instance calls this, after its
        window is up; `keep_claim` calls it again when the socket went or could not open)."""
        if not self._first or self._server is not None:
            return
        if self._keeper is None:
            self._keeper = QTimer(self)
            self._keeper.setInterval(KEEP_CLAIM_MS)
            self._keeper.timeout.connect(self.keep_claim)
            self._keeper.start()
        from PySide6.QtNetwork import QLocalServer

        # We are first, so a socket file already there was left by an instance that died.
        QLocalServer.removeServer(self.name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # (tried again every KEEP_CLAIM_MS: said once)
            level = logging.DEBUG if self._listen_trouble_said else logging.WARNING
            log.log(level, "single-instance server could not listen: %s", server.errorString())
            self._listen_trouble_said = True
            server.deleteLater()
            return
        server.newConnection.connect(self._on_connection)
        self._server = server
        path = self._socket_path(self.name)
        self._socket_id = known_identity(Path(path)) if path is not None else None

    def keep_claim(self) -> None:
        """The first instance's lock and socket where later launches look for them: the lock
        taken again at its place when its file went and its folder is back (not before: the
        data folder is not made again behind the person's back), the socket opened again when
        its file went (a clean-up of the temporary folder). When another app took the lock
        meanwhile, `superseded`. Every KEEP_CLAIM_MS."""
        if not self._first:
            return
        try:
            if self._lock.lost():
                self._lock.release()  # (a lock on a deleted file: nobody else sees it)
            if not self._lock.held and self._lock.path.parent.is_dir():
                if self._lock.acquire(wait=False):
                    log.info("the app lock was taken again at %s", self._lock.path)
                    self._taken_seen = 0
                else:
                    # Held a moment by a launch knocking here; held at two looks in a row
                    # (30 s apart), by another app.
                    self._taken_seen += 1
                    if self._taken_seen >= 2:
                        log.warning(
                            "another app took this folder's lock (%s): this one ends",
                            self._lock.holder(),
                        )
                        self._step_aside()
                    return
            self._taken_seen = 0  # (held by this app, or its folder not back yet)
            path = self._socket_path(self.name)
            if (
                self._server is not None
                and path is not None
                and known_identity(Path(path)) != self._socket_id
                and (self._lock.held or not os.path.exists(path))
            ):
                log.info("this app's socket file went: listening again")
                self._close_server()
            self.listen()  # (when it went, or could not open before)
        except OSError as error:  # (a folder made again by root, a disk gone read-only…)
            if not self._trouble_said:
                log.warning("could not keep this app's claim on its folder: %s", error)
                self._trouble_said = True

    def _step_aside(self) -> None:
        self._first = False
        if self._keeper is not None:
            self._keeper.stop()
        self._close_server()
        self.superseded.emit()

    def _on_connection(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            # Owned by us, not the server, and only through Qt's parent: no Python closure holds
            # a socket that Qt may delete.
            socket.setParent(self)
            socket.readyRead.connect(self._read_messages)
            socket.disconnected.connect(socket.deleteLater)
            self._read_messages()

    def _read_messages(self) -> None:
        from PySide6.QtNetwork import QLocalSocket

        for socket in self.findChildren(QLocalSocket):
            if socket.bytesAvailable() and bytes(socket.readAll().data()).startswith(
                _MESSAGE.strip()
            ):
                socket.write(_ANSWER)
                socket.flush()
                self.activated.emit()

    def stop_answering(self) -> None:
        """No more "come forward" taken (the app is ending): a later launch waits for the lock,
        and is the app once this one gave it back, instead of being sent to an app about to
        go (or told it does not answer)."""
        self._close_server()
        with contextlib.suppress(OSError):
            self._lock.say_closing()

    def _close_server(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        # Qt removes the file at the socket's path as it closes: not another app's.
        path = self._socket_path(self.name)
        aside = None
        if path is not None and known_identity(Path(path)) not in (None, self._socket_id):
            aside = f"{path}.{os.getpid()}"
            with contextlib.suppress(OSError):
                os.rename(path, aside)
        server.close()
        server.deleteLater()
        if path is not None and aside is not None:
            with contextlib.suppress(OSError):
                os.rename(aside, path)

    def release(self) -> None:
        if self._keeper is not None:
            self._keeper.stop()
        self._close_server()
        self._first = False
        self._lock.release()


def _own_socket(path: str) -> bool:
    """A socket file of this user's (another user's is never knocked on, nor believed)."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISSOCK(info.st_mode) and info.st_uid == os.getuid()
