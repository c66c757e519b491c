"""OS file locks on an open file, never waiting: flock on POSIX, a byte-range lock on Windows.

The kernel drops such a lock when its holder's file is closed, however its process ends, so a
killed holder never blocks the next one. Used by RunLock (core/lock.py) and by the accounts
file's writers (core/accounts_lock.py).
"""

from __future__ import annotations

import contextlib
import os
import sys

#: Windows locks a byte range, and a locked range cannot be read by anyone else; the lock sits on
#: one byte far past anything written to the file, so that what the file says can still be read.
WINDOWS_LOCK_OFFSET = 1 << 30


if sys.platform == "win32":
    import msvcrt

    def try_lock(fd: int, *, shared: bool) -> bool:
        """Take the lock on `fd` if nobody holds it; False at once when somebody does."""
        # Windows has no shared byte-range lock in msvcrt; a probe takes it exclusively and
        # gives it straight back, which is enough to learn whether somebody holds it.
        os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def unlock(fd: int) -> None:
        """Give back the lock taken on `fd` (closing it would too)."""
        os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        with contextlib.suppress(OSError):  # closing the handle releases it anyway
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def try_lock(fd: int, *, shared: bool) -> bool:
        """Take the lock on `fd` if nobody holds it; False at once when somebody does."""
        mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def unlock(fd: int) -> None:
        """Give back the lock taken on `fd` (closing it would too)."""
        fcntl.flock(fd, fcntl.LOCK_UN)
