"""Reading a line the terminal does not show: the codes X asks for during a check (a 2FA code,
a code sent by email), as `getpass` hides a password, so that a screen share or a person
looking over a shoulder does not see them.

The question is answered in a thread of its own that nothing waits for when the run stops
(core/answer_thread.answer_in_daemon_thread): Ctrl-C or SIGTERM at the question ends the
process while that thread still reads. The terminal's echo is therefore put back by
`restore()`, which runs at exit and which the SIGTERM path calls before it ends the process,
not only by the reading thread, which never gets to."""

from __future__ import annotations

import atexit
import contextlib
import sys
import threading
from typing import Any, TextIO

from consentinel.core.answer_deadline import AnswerDeadline

_lock = threading.Lock()
#: The terminal whose echo is off, and its settings before: (fd, termios attributes).
_hidden: tuple[int, list[Any]] | None = None
_registered = False
#: A question went unanswered: what was typed since (a code meant for it, typed late) is
#: thrown away before the next question, which would otherwise take it as its answer.
_stale_typing = False
#: How often a question's time is looked at again while nothing is typed: select() waits by
#: the clock that stands still while the computer sleeps (core/answer_deadline.py).
_WALL_LOOK_S = 2.0


def read_hidden(stream: TextIO, question: str, wait_s: float | None = None) -> str | None:
    """Ask `question` on standard error and read a line from `stream`, not shown when it is a
    terminal (the Enter is, as a new line). The echo goes off before the question is shown,
    and what was typed ahead is kept: nothing typed after the question is ever seen. None:
    no line within `wait_s` (see line_within)."""
    if sys.platform == "win32":  # (no termios: getpass reads the console key by key)
        import getpass

        try:
            return getpass.getpass(question, stream=sys.stderr) + "\n"
        except EOFError:
            return ""
    import termios

    try:
        fd = stream.fileno()
        before = termios.tcgetattr(fd)
    except (AttributeError, OSError, ValueError, termios.error):
        before = None  # not a terminal: nothing is shown anyway
    if before is not None:
        _drop_stale_typing(fd)
        quiet = list(before)
        quiet[3] = (quiet[3] & ~termios.ECHO) | termios.ECHONL
        with contextlib.suppress(OSError, termios.error):  # (then it is read as it is typed)
            _hide(fd, before, quiet)
    try:
        print(question, end="", file=sys.stderr, flush=True)
        return line_within(stream, wait_s)
    finally:
        restore()


def line_within(stream: TextIO, wait_s: float | None) -> str | None:
    """A line read from `stream`, or None when none came within `wait_s` seconds (None: no
    limit). A terminal gives a line only once Enter is pressed, so a code half typed when
    the time runs out is not taken. Where the stream cannot be waited on (no file descriptor;
    a Windows console, which select() does not take), it is read without a limit, and so is
    one that is not a terminal: a pipe a script writes its answers to may hold the next
    line in Python's buffer already, where select() does not see it (a closed pipe ends at
    once). What was typed for a question that went unanswered is thrown away (see
    _stale_typing)."""
    if wait_s is None or sys.platform == "win32":
        return stream.readline()
    import select

    try:
        fd = stream.fileno()
        terminal = stream.isatty()
    except (AttributeError, OSError, ValueError):
        return stream.readline()
    if not terminal:
        return stream.readline()
    _drop_stale_typing(fd)
    deadline = AnswerDeadline(wait_s)
    while True:
        left = deadline.left()
        if left <= 0:
            global _stale_typing
            _stale_typing = True
            _drop_stale_typing(fd)  # (a code half typed: not left for the next question)
            _stale_typing = True  # (and what is typed from now on, late)
            return None
        try:
            ready, _, _ = select.select([fd], [], [], min(left, _WALL_LOOK_S))
        except InterruptedError:  # (a signal: wait for what is left)
            continue
        if ready:
            return stream.readline()


def _drop_stale_typing(fd: int) -> None:
    """What the terminal holds unread thrown away, once a question went unanswered."""
    global _stale_typing
    if not _stale_typing:
        return
    _stale_typing = False
    import termios

    with contextlib.suppress(OSError, termios.error):
        termios.tcflush(fd, termios.TCIFLUSH)


def _hide(fd: int, before: list[Any], quiet: list[Any]) -> None:
    import termios

    global _hidden, _registered
    with _lock:
        if not _registered:
            atexit.register(restore)
            _registered = True
        if _hidden is None:  # a second question meanwhile must not take "no echo" as before
            _hidden = (fd, before)
        termios.tcsetattr(fd, termios.TCSADRAIN, quiet)


def restore() -> None:
    """Put the terminal's echo back if a hidden question left it off (idempotent)."""
    global _hidden
    with _lock:
        if _hidden is None:
            return
        fd, before = _hidden
        _hidden = None
        import termios

        # (The terminal may be gone: nothing to put back then.)
        with contextlib.suppress(OSError, ValueError, termios.error):
            termios.tcsetattr(fd, termios.TCSADRAIN, before)
