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
