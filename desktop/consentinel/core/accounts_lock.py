"""The accounts file's writers take turns, across processes and threads alike.

The window, the command line and the OS-scheduled run each read accounts.json, change it and
write it back; two doing so at once would lose one's change (an account added in the window
while a scheduled check records a state). Each write therefore holds an OS file lock on a small
file beside accounts.json from its read to its write. Reading alone takes no lock: the file is
replaced whole (fileio.atomic_write_text), and a data folder that cannot be written can still be
listed.

settings.json's writers (AppContext.save_settings) take turns the same way, on a lock of their
own (settings.json.lock): the window saving its settings while `consentinel schedule pause` saves
the pause would otherwise lose one of the two.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from consentinel.core.file_locks import try_lock, unlock
from consentinel.core.fileio import StorageError, file_identity, make_private_dirs, storage_error
from consentinel.core.i18n import tr

log = logging.getLogger(__name__)

#: How long a writer waits for another process to finish its change. A write holds the lock for
#: a few milliseconds (one read, one fsynced write); a new account's secrets written to the
#: keyring inside AccountStore.editing() take longer, still far less than this. Longer means its
#: holder hangs: the change is refused and said, rather than the window or a check freezing.
WAIT_S = 15.0

#: The first retry comes soon (the holder is most likely about to finish); later ones less often.
_FIRST_POLL_S = 0.001
_LAST_POLL_S = 0.02


class AccountsBusy(StorageError):
    """Another process held the accounts file longer than its writers wait (WAIT_S)."""


class AccountsLock:
    """A re-entrant lock on the file `guarded` (accounts.json, settings.json: a path for the
    error message), held through the OS lock file `path`. The outermost `with lock.held():` of
    a process takes the OS lock and the last one out gives it back; the ones inside it only
    count. Threads of one process take turns on it too."""

    def __init__(self, path: Path, guarded: Path, wait_s: float | None = None) -> None:
        self.path = Path(path)
        self._guarded = Path(guarded)
        self._wait_s = wait_s
        self._guard = threading.RLock()
        self._depth = 0
        self._fd: int | None = None

    @contextmanager
    def held(self) -> Iterator[None]:
        """Hold the lock for the block. Raises AccountsBusy when another process keeps it past
        the wait, StorageError when its file cannot be made (a read-only folder)."""
        with self._guard:
            if self._depth == 0:
                self._fd = self._acquire()
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0:
                    fd, self._fd = self._fd, None
                    if fd is not None:
                        try:
                            unlock(fd)
                        finally:
                            os.close(fd)

    def _acquire(self) -> int:
        wait_s = WAIT_S if self._wait_s is None else self._wait_s
        deadline = time.monotonic() + wait_s
        poll = _FIRST_POLL_S
        said = False
        while True:
            fd = self._open()
            if try_lock(fd, shared=False):
                if self._still_there(fd):
                    return fd
                unlock(fd)  # its file was deleted as it was taken: the next one is the lock
                os.close(fd)
                continue
            os.close(fd)
            if not said:
                log.info("another process is changing %s: waiting for it", self._guarded.name)
                said = True
            if time.monotonic() >= deadline:
                raise AccountsBusy(
                    tr(
                        "{path} is being changed by another Consentinel process, which has not "
                        "finished after {seconds} seconds: nothing was changed. Try again.",
                        path=self._guarded,
                        seconds=round(wait_s),
                    )
                )
            time.sleep(poll)
            poll = min(poll * 2, _LAST_POLL_S)

    def _open(self) -> int:
        """The lock file, made owner-only (0600) beside the accounts file on first use."""
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
        try:
            make_private_dirs(self.path.parent)
            return os.open(self.path, flags, 0o600)
        except OSError as error:
            # (Said of the accounts file: that is what cannot be saved.)
            raise storage_error(self._guarded, error) from error

    def _still_there(self, fd: int) -> bool:
        """Whether the file locked through `fd` is still the one at the path: a lock file
        deleted meanwhile (all data erased) is one that the next writer will not see."""
        if sys.platform == "win32":  # (a file held open there cannot be deleted)
            return True
        try:
            mine = os.fstat(fd)
            return file_identity(self.path) == (mine.st_dev, mine.st_ino)
        except OSError:  # (a file system that numbers no files: take it as there)
            return True
