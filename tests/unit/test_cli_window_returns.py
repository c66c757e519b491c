"""`consentinel` with no command opens the window; once it has quit, the `consentinel` command's
process ends at once with its code (gui/launch.py, end_after). Called with an `argv` (a test,
another program), cli.main.main returns that code instead, as gui/launch.main does: it used to
end the caller's process (os._exit), a test run with it."""

from __future__ import annotations

import os

import pytest

from consentinel.cli.main import main
from consentinel.gui.launch import EXIT_NO_DISPLAY


class _ProcessEnded(Exception):
    """What os._exit does in this test instead of ending the test run."""


@pytest.mark.parametrize("argv", [[], ["--demo"]])
def test_the_window_path_given_argv_returns_its_code(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    # The window's path up to its first answer and no further: no screen here, so the app
    # says so and gives its code without starting Qt.
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)

    def ended(status: int) -> None:
        raise _ProcessEnded(status)

    monkeypatch.setattr(os, "_exit", ended)  # (before: the whole test run ended here)
    assert main(argv) == EXIT_NO_DISPLAY
    assert "needs a graphical desktop" in capsys.readouterr().err
