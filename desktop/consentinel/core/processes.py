"""Whether a process still runs, asked the way each OS allows."""

from __future__ import annotations

import os


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
