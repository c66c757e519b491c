"""read_hidden where no terminal is (a pipe) and on Windows, whose console cannot be had here
(getpass's Windows reader is replaced, and the test says so). The terminal itself: a real
pseudo-terminal in tests/e2e/test_cli_terminal.py."""

from __future__ import annotations

import io
import sys
import time

import pytest

from consentinel.cli import hidden_typing
from consentinel.core import answer_deadline


def test_a_pipe_is_read_as_it_is_and_the_question_goes_to_stderr(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert hidden_typing.read_hidden(io.StringIO("123456\n"), "code: ") == "123456\n"
    assert capsys.readouterr().err == "code: "
    hidden_typing.restore()  # nothing was hidden: nothing to put back, no error


def test_windows_reads_through_getpass(monkeypatch: pytest.MonkeyPatch) -> None:
    """Mocked: there is no Windows console here. The question and the typed code go through
    getpass (which reads key by key, unseen); Ctrl-Z then Enter (EOFError) is no answer."""
    import getpass

    asked: list[str] = []

    def fake_getpass(prompt: str, stream: object = None) -> str:
        asked.append(prompt)
        assert stream is sys.stderr
        return "654321"

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(getpass, "getpass", fake_getpass)
    assert hidden_typing.read_hidden(io.StringIO(""), "code: ") == "654321\n"
    assert asked == ["code: "]

    def no_answer(prompt: str, stream: object = None) -> str:
        raise EOFError

    monkeypatch.setattr(getpass, "getpass", no_answer)
    assert hidden_typing.read_hidden(io.StringIO(""), "code: ") == ""


def test_restore_gives_a_real_terminal_its_echo_back_while_the_reader_still_waits() -> None:
    """What the exit and the SIGTERM path rely on: the question's reader is a thread nobody
    waits for, and restore() from elsewhere puts the echo back while it still reads. A real
    pseudo-terminal; the test's end answers the question so that the reader ends."""
    import os
    import pty
    import termios
    import threading
    import time

    master, slave = pty.openpty()
    stream = os.fdopen(slave, "r")
    answers: list[str] = []
    reader = threading.Thread(
        target=lambda: answers.append(hidden_typing.read_hidden(stream, "")), daemon=True
    )
    try:
        assert termios.tcgetattr(master)[3] & termios.ECHO
        reader.start()
        deadline = time.monotonic() + 10
        while termios.tcgetattr(master)[3] & termios.ECHO:  # the reader hides the typing
            assert time.monotonic() < deadline, "the echo never went off"
            threading.Event().wait(0.01)
        hidden_typing.restore()
        assert termios.tcgetattr(master)[3] & termios.ECHO
        os.write(master, b"123456\n")
        reader.join(timeout=10)
        assert answers == ["123456\n"]
        assert termios.tcgetattr(master)[3] & termios.ECHO  # and the reader's own restore
    finally:
        if reader.is_alive():  # (a failed assertion above: let the reader end first)
            os.write(master, b"\n")
            reader.join(timeout=10)
        stream.close()
        os.close(master)


def test_a_script_piping_several_answers_at_once_has_each_one_read() -> None:
    """A pipe kept open that already holds two answers ("y", then a code): Python's buffer
    takes both at the first read, where select() no longer sees the second; each question
    still gets its line at once (before: the second waited out its limit, None)."""
    import os

    read_end, write_end = os.pipe()
    try:
        os.write(write_end, b"y\n123456\n")
        with open(read_end, encoding="utf-8", closefd=True) as stream:
            assert hidden_typing.line_within(stream, 5) == "y\n"
            assert hidden_typing.line_within(stream, 5) == "123456\n"
    finally:
        os.close(write_end)


def test_a_code_typed_after_its_question_went_unanswered_is_not_the_next_ones_answer() -> None:
    """A real pseudo-terminal: the question's limit runs out, then the person types the code
    (late) and Enter. The next question, for another account, does not take that code as its
    answer; what is typed for it is."""
    import fcntl
    import os
    import pty
    import select
    import struct
    import termios
    import threading

    def unread(fd: int) -> int:
        return int(struct.unpack("i", fcntl.ioctl(fd, termios.FIONREAD, b"\0" * 4))[0])

    master, slave = pty.openpty()
    try:
        with open(slave, encoding="utf-8", closefd=False) as stream:
            assert hidden_typing.line_within(stream, 0.2) is None  # nobody answered
            os.write(master, b"111111\n")  # typed late, for the question now closed
            assert select.select([slave], [], [], 10)[0]  # (there, waiting to be read)
            answers: list[str | None] = []
            asking = threading.Thread(
                target=lambda: answers.append(hidden_typing.line_within(stream, 20))
            )
            asking.start()  # the next account's question
            deadline = time.monotonic() + 10
            while unread(slave) and not answers and time.monotonic() < deadline:
                select.select([], [], [], 0.01)  # (until the late code is gone or taken)
            os.write(master, b"222222\n")  # typed for the question asked now
            asking.join(20)
            assert answers == ["222222\n"]
    finally:
        os.close(master)
        os.close(slave)


def test_a_question_left_open_while_the_computer_slept_goes_on_wake(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A real pseudo-terminal, nobody typing, a question given an hour. The computer sleeps
    for a weekend: the monotonic clock stood still meanwhile (Linux, macOS), the wall clock
    did not (moved here). The question ends at the next look at the wall clock, not an hour
    after the wake (before: it waited its whole hour from then)."""
    import os
    import pty
    import threading

    looks: list[float] = []
    real = time.time

    def wall_clock() -> float:  # the question's start, then the weekend gone on each look
        looks.append(real())
        return looks[-1] + (3 * 86400 if len(looks) > 1 else 0)

    monkeypatch.setattr(answer_deadline, "_wall_clock", wall_clock)
    master, slave = pty.openpty()
    try:
        with open(slave, encoding="utf-8", closefd=False) as stream:
            answers: list[str | None] = []
            asking = threading.Thread(
                target=lambda: answers.append(hidden_typing.line_within(stream, 3600)),
                daemon=True,
            )
            asking.start()
            asking.join(30)
            assert answers == [None], "the question still waited after the wake"
    finally:
        os.close(master)
        os.close(slave)
        hidden_typing._stale_typing = False  # (what the timeout set: not for the next tests)
