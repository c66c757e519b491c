"""A code typed at the terminal that cannot be the one X asks for (a digit missing) is asked
again, with why, before anything is sent to X (each wrong code counts toward X's lock); one
typed as apps show it ("281 961") is answered as X takes it. A real pseudo-terminal is the
prompter's standard input, as a person's terminal is."""

from __future__ import annotations

import io
import os
import pty
import sys
import threading
import time
from collections.abc import Callable, Iterator

import pytest

from consentinel.cli import hidden_typing
from consentinel.cli.terminal import TerminalPrompter
from consentinel.core import answer_deadline
from consentinel.core.events import PromptRequest
from consentinel.core.steps import PromptKind

_AGAIN = {
    ("en", PromptKind.TWO_FACTOR_CODE): "@tom_2fa: the code is 6 to 8 digits (spaces and "
    "hyphens aside); nothing was sent to X. Type it again.",
    ("fr", PromptKind.TWO_FACTOR_CODE): "@tom_2fa\u00a0: le code compte 6 à 8 chiffres (espaces "
    "et tirets mis à part)\u00a0; rien n'a été envoyé à X. Saisissez-le à nouveau.",
    ("en", PromptKind.EMAIL_CODE): "@tom_2fa: the code has 4 to 12 letters or digits (spaces "
    "and hyphens aside); nothing was sent to X. Type it again.",
    ("fr", PromptKind.EMAIL_CODE): "@tom_2fa\u00a0: le code compte 4 à 12 lettres ou chiffres "
    "(espaces et tirets mis à part)\u00a0; rien n'a été envoyé à X. Saisissez-le à nouveau.",
}


def _until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + 30
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.01)


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    """A pseudo-terminal as standard input: its writing end."""
    master, slave = pty.openpty()
    stdin = os.fdopen(slave, "r", encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    monkeypatch.setattr(hidden_typing, "_stale_typing", False)  # (put back after the test)
    try:
        yield master
    finally:
        os.close(master)
        stdin.close()


def _stderr(monkeypatch: pytest.MonkeyPatch) -> io.StringIO:
    """Standard error as text (set in the test: pytest's capture takes it after fixtures)."""
    stderr = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    return stderr


def _asking(request: PromptRequest) -> tuple[threading.Thread, list[str | None]]:
    answers: list[str | None] = []
    prompter = TerminalPrompter(unattended=False)
    thread = threading.Thread(target=lambda: answers.append(prompter(request)), daemon=True)
    thread.start()
    return thread, answers


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize(
    ("kind", "wrong", "right", "sent"),
    [
        (PromptKind.TWO_FACTOR_CODE, "12345", "281 961", "281961"),
        (PromptKind.EMAIL_CODE, "a1b", "12-34-56", "123456"),
    ],
)
def test_a_code_of_the_wrong_form_is_asked_again_and_a_spaced_one_answered_without_spaces(
    terminal: int,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    kind: PromptKind,
    wrong: str,
    right: str,
    sent: str,
) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    master, stderr = terminal, _stderr(monkeypatch)
    thread, answers = _asking(PromptRequest("tom_2fa", kind))
    _until(lambda: "@tom_2fa" in stderr.getvalue(), "the question was never asked")
    question = stderr.getvalue()
    os.write(master, f"{wrong}\n".encode())
    again = _AGAIN[lang, kind]
    _until(lambda: stderr.getvalue().count(question) == 2, "the code was not asked again")
    # (The Enter's new line is the terminal's echo, not standard error's.)
    assert stderr.getvalue() == f"{question}{again}\n{question}", stderr.getvalue()
    os.write(master, f"{right}\n".encode())
    thread.join(timeout=30)
    assert answers == [sent]
    said = stderr.getvalue()
    assert wrong not in said and right not in said and sent not in said  # never shown


def test_a_code_asked_again_is_asked_within_the_first_question_s_time(
    terminal: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """X's code does not wait longer because a typo was caught: the question closes when its
    first asking's time is up (here, the wall clock moved on by all but a second of it)."""
    master, stderr = terminal, _stderr(monkeypatch)
    thread, answers = _asking(PromptRequest("tom_2fa", PromptKind.TWO_FACTOR_CODE, wait_s=600))
    _until(lambda: "@tom_2fa" in stderr.getvalue(), "the question was never asked")
    real_clock = time.time
    monkeypatch.setattr(answer_deadline, "_wall_clock", lambda: real_clock() + 599)
    os.write(master, b"12345\n")
    thread.join(timeout=20)
    assert not thread.is_alive(), "the question asked again waited a time of its own"
    assert answers == [None]
    assert "no answer for 10 min" in stderr.getvalue(), stderr.getvalue()
