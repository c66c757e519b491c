"""RunLock: one check at a time across processes (GUI, tray, OS-scheduled run).

The lock is an OS file lock (flock on POSIX, a byte-range lock on Windows) on a small file that
also says who holds it: pid, host and start time as JSON, never a secret. The kernel drops the
lock when its holder dies, however it dies, so a killed run never blocks the next one; the JSON it
leaves behind is recognised as stale because nobody holds the lock any more.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType
from typing import NamedTuple

from consentinel.core.answer_deadline import AnswerDeadline
from consentinel.core.file_locks import try_lock, unlock
from consentinel.core.fileio import file_identity, make_private_dirs, storage_error
from consentinel.core.i18n import tr
from consentinel.core.processes import this_host

#: How often a waiting acquire() retries; the OS lock calls used here cannot time out by themselves.
POLL_INTERVAL_S = 0.05


class LockInfo(NamedTuple):
    """Who holds (or last held) the run lock. pid/host/started_at are None when unreadable."""

    pid: int | None
    host: str | None
    started_at: datetime | None
    #: The holder is ending (`RunLock.say_closing`): it gives the lock back soon.
    closing: bool = False

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "pid": self.pid,
            "host": self.host,
            "started_at": self.started_at.isoformat() if self.started_at else None,
        }
        if self.closing:
            data["closing"] = True
        return data

    @classmethod
    def from_bytes(cls, data: bytes) -> LockInfo | None:
        """Parse the lock file's content; None when empty or not ours."""
        try:
            raw = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return None
        if not isinstance(raw, dict):
            return None
        pid = raw.get("pid")
        host = raw.get("host")
        started = raw.get("started_at")
        try:
            started_at = datetime.fromisoformat(started) if isinstance(started, str) else None
        except ValueError:
            started_at = None
        return cls(
            pid=pid if isinstance(pid, int) else None,
            host=host if isinstance(host, str) else None,
            started_at=started_at,
            closing=raw.get("closing") is True,
        )

    def describe(self) -> str:
        """'already running (pid N since …)', for the CLI and the GUI."""
        if self.pid is None or self.started_at is None:
            return tr("A check is already running.")
        since = self.started_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        if self.host and self.host != this_host():
            return tr(
                "A check is already running (pid {pid} on {host} since {since}).",
                pid=self.pid,
                host=self.host,
                since=since,
            )
        return tr(
            "A check is already running (pid {pid} since {since}).", pid=self.pid, since=since
        )


class RunLockBusy(Exception):
    """Raised by `with RunLock(...)` when another process holds the lock."""

    def __init__(self, holder: LockInfo | None) -> None:
        self.holder = holder
        super().__init__(holder.describe() if holder else tr("A check is already running."))


class RunLock:
    """An exclusive, cross-process lock on `path`; `with lock:` acquires without waiting."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._fd: int | None = None
        self._info: LockInfo | None = None
        self._guard = threading.Lock()

    @property
    def held(self) -> bool:
        """True while this object holds the lock."""
        return self._fd is not None

    def acquire(self, wait: bool = False, timeout: float | None = None) -> bool:
        """Take the lock; with `wait`, retry until `timeout` seconds (None: forever). A lock
        file that cannot be made or written (a read-only or full disk) raises StorageError,
        which names the file: a bare "the disk is full" would not say which disk.

        The timeout is counted by both clocks (AnswerDeadline): the computer's sleep counts,
        on every OS alike. By the monotonic clock alone a scheduled check waiting for another
        one's end, the laptop then shut for the night, would wait on after the wake for the
        rest of its time on Linux and macOS (whose monotonic clock stands still in a sleep),
        though not on Windows."""
        with self._guard:
            if self._fd is not None:
                raise RuntimeError("RunLock is not re-entrant: this object already holds it")
            deadline = None if timeout is None else AnswerDeadline(timeout)
            while True:
                try:
                    fd = self._try_lock()
                except OSError as error:
                    raise storage_error(self.path, error) from error
                if fd is not None:
                    info = LockInfo(pid=os.getpid(), host=this_host(), started_at=_utcnow())
                    try:
                        self._write_info(fd, info)
                    except BaseException as error:
                        # (A Ctrl+C here too: the lock taken, not yet this object's, would
                        # stay held by a file nobody can release until the process ends.)
                        unlock(fd)
                        os.close(fd)
                        if isinstance(error, OSError):
                            raise storage_error(self.path, error) from error
                        raise
                    self._fd, self._info = fd, info
                    return True
                if not wait or (deadline is not None and deadline.left() <= 0):
                    return False
                time.sleep(POLL_INTERVAL_S)

    def release(self) -> None:
        """Give the lock back (no-op when not held)."""
        with self._guard:
            fd, self._fd = self._fd, None
            if fd is None:
                return
            try:
                # Empty the file first so that nobody reads our pid as a live holder.
                os.ftruncate(fd, 0)
            finally:
                unlock(fd)
                os.close(fd)

    def lost(self) -> bool:
        """True when the file this object holds its lock on is no longer at its path (deleted
        with its folder, or another file in its place): a lock nobody else can see any more."""
        fd = self._fd
        if fd is None or sys.platform == "win32":  # (a file held open there cannot be deleted)
            return False
        try:
            here = file_identity(self.path)
            mine = os.fstat(fd)
        except OSError:  # (cannot tell, a file system that numbers no files: still there)
            return False
        return here != (mine.st_dev, mine.st_ino)

    def holder(self) -> LockInfo | None:
        """Who holds the lock now, or None when nobody does (a stale file is ignored)."""
        try:
            fd = os.open(self.path, os.O_RDWR | getattr(os, "O_BINARY", 0))
        except FileNotFoundError:
            return None
        try:
            if try_lock(fd, shared=True):
                unlock(fd)
                return None  # nobody holds it: whatever the file says is stale
            data = os.pread(fd, 4096, 0) if hasattr(os, "pread") else _read_head(fd)
            return LockInfo.from_bytes(data) or LockInfo(pid=None, host=None, started_at=None)
        finally:
            os.close(fd)

    def __enter__(self) -> RunLock:
        if not self.acquire(wait=False):
            raise RunLockBusy(self.holder())
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()

    def _try_lock(self) -> int | None:
        make_private_dirs(self.path.parent)
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(self.path, flags, 0o600)
        if try_lock(fd, shared=False):
            return fd
        os.close(fd)
        return None

    def say_closing(self) -> None:
        """Tells whoever reads the lock that its holder is ending and will give it back soon
        (it is kept until then)."""
        with self._guard:
            if self._fd is not None and self._info is not None:
                self._write_info(self._fd, self._info._replace(closing=True))

    @staticmethod
    def _write_info(fd: int, info: LockInfo) -> None:
        data = json.dumps(info.to_json(), sort_keys=True).encode("utf-8")
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        # Not fsynced (1 ms on an idle disk, far more on a busy one, at every start): the
        # kernel's lock says whether someone holds it; these words only name who, and a power
        # cut that could lose them ends the holder and its lock too.
        os.write(fd, data)


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


def _read_head(fd: int) -> bytes:
    os.lseek(fd, 0, os.SEEK_SET)
    return os.read(fd, 4096)
