"""What a process still writes once the terminal it was started from has closed (SIGHUP)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from typing import TextIO


def terminals_among(streams: Sequence[TextIO | None]) -> list[TextIO]:
    """Those of `streams` that are a terminal, asked while it is open: once it has closed,
    isatty() says no more."""
    return [stream for stream in streams if stream is not None and is_a_tty(stream)]


def is_a_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (OSError, ValueError, AttributeError):  # (closed, or none: pythonw)
        return False


def away_from_a_closed_terminal(terminals: Sequence[TextIO]) -> None:
    """The terminal closed (SIGHUP): what the process still says on the outputs that were that
    terminal (`terminals`) goes nowhere, instead of failing to be written to a terminal that is
    gone (which would end the cleaning up midway). Output sent to a file or a pipe is kept."""
    for stream in terminals:
        with contextlib.suppress(OSError, ValueError):
            stream.flush()  # (a terminal gone fails it: what it held goes nowhere below)
        with contextlib.suppress(OSError, ValueError):
            nowhere = os.open(os.devnull, os.O_WRONLY)
            os.dup2(nowhere, stream.fileno())
            os.close(nowhere)
