"""A question at the terminal is not cut by the other accounts' lines: their checks go on while
it waits, and what they print comes after the answer. A real pseudo-terminal is the
prompter's standard input, as a person's terminal is."""

from __future__ import annotations

import io
import os
import pty
import sys
import threading
import time

import pytest

from consentinel.cli.terminal import HeldOutput, TerminalPrompter
from consentinel.core.events import PromptRequest
from consentinel.core.steps import PromptKind


def _until(condition: object, what: str) -> None:
    deadline = time.monotonic() + 30
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, what
        time.sleep(0.01)


@pytest.mark.parametrize("kind", [PromptKind.EMAIL_CODE, PromptKind.EMAIL_OR_PHONE])
def test_lines_printed_while_a_question_waits_come_after_its_answer(
    monkeypatch: pytest.MonkeyPatch, kind: PromptKind
) -> None:
    master, slave = pty.openpty()
    stdin = os.fdopen(slave, "r", encoding="utf-8")
    stdout, stderr = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdin", stdin)
    monkeypatch.setattr(sys, "stdout", stdout)
    monkeypatch.setattr(sys, "stderr", stderr)
    output = HeldOutput()
    prompter = TerminalPrompter(unattended=False, output=output)
    answers: list[str | None] = []
    asking = threading.Thread(
        target=lambda: answers.append(prompter(PromptRequest("velo_paris", kind)))
    )
    try:
        asking.start()
        _until(lambda: "@velo_paris:" in stderr.getvalue(), "the question was never asked")
        question = stderr.getvalue()
        # Another account's check goes on meanwhile, and ends.
        output.print("@librairie_lune: reloading to verify", sys.stderr)
        output.print("@librairie_lune: fixed (switched off and verified)", sys.stdout)
        assert stderr.getvalue() == question and stdout.getvalue() == ""
        os.write(master, b"424242\n")
        asking.join(timeout=30)
        assert not asking.is_alive()
    finally:
        os.close(master)
        stdin.close()
    assert answers == ["424242"]
    assert stderr.getvalue() == question + "@librairie_lune: reloading to verify\n"
    assert stdout.getvalue() == "@librairie_lune: fixed (switched off and verified)\n"
    # No question open: printed at once.
    output.print("@atelier_rive: already off", sys.stdout)
    assert stdout.getvalue().endswith("@atelier_rive: already off\n")


def test_what_is_held_is_printed_when_the_check_stops_at_a_question(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Ctrl-C or a shutdown while a question waits: the question's thread never returns, and the
    lines of the accounts that ended meanwhile are printed all the same (check_cmd)."""
    output = HeldOutput()
    with output.asking():
        output.print("@librairie_lune: fixed (switched off and verified)", sys.stdout)
        assert capsys.readouterr().out == ""
        output.release()  # (the check stopping)
        assert capsys.readouterr().out == "@librairie_lune: fixed (switched off and verified)\n"
