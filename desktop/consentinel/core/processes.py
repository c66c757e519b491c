"""Where a process runs (this computer's name) and whether it still runs, asked the way each OS
allows: what the run lock, the journal's runs and the browser's folders record of a process."""

from __future__ import annotations

import os


def this_host() -> str:
    """This computer's name, as `socket.gethostname()` says it; on Linux and macOS read from
    `uname`, the same system call, without loading the socket module at start-up."""
    uname = getattr(os, "uname", None)
    if uname is not None:
        return str(uname().nodename)
    import socket  # Windows

    return socket.gethostname()


def process_running(pid: int) -> bool:
    """True while process `pid` runs on this computer (ours or another user's)."""
    if pid == os.getpid():
        return True
    if os.name == "nt":  # pragma: no cover - Windows; os.kill(pid, 0) would end the process there
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return bool(code.value == 259)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def known_gone(pid: object, host: object) -> bool:
    """Whether the process `pid` a run lock or a journal's run names on computer `host` is known
    to have ended: one of this computer's that no longer runs (another computer's, or one named
    by no pid, cannot be told: not gone)."""
    return host == this_host() and isinstance(pid, int) and not process_running(pid)
