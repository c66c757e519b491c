"""read_hidden where no terminal is (a pipe) and on Windows, whose console cannot be had here
(getpass's Windows reader is replaced, and the test says so). The terminal itself: a real
pseudo-terminal in tests/e2e/test_cli_terminal.py."""

from __future__ import annotations

import io
import sys

import pytest

from consentinel.cli import hidden_typing


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
