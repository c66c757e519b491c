"""A usage error points at the help of the command that was typed, not at the whole program's."""

from __future__ import annotations

import pytest

from consentinel.cli.main import EXIT_USAGE, main
from consentinel.core.french_typography import typeset


@pytest.mark.parametrize(
    ("argv", "help_line"),
    [
        (["check", "--bogus"], "See: consentinel check --help"),  # found by the top level
        (["account", "edit"], "See: consentinel account edit --help"),  # by the verb itself
        (["account", "edit", "ann", "--nope"], "See: consentinel account edit --help"),
        (["schedule", "install", "--every", "3h"], "See: consentinel schedule install --help"),
        (["chek"], "See: consentinel --help"),  # no command was recognised
    ],
)
def test_a_usage_error_names_the_help_of_the_command_typed(
    argv: list[str],
    help_line: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", "en")
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == EXIT_USAGE
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("Usage error: ")
    assert err[-1] == help_line


def test_in_french_too(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    with pytest.raises(SystemExit):
        main(["log", "--json", "--csv"])
    assert capsys.readouterr().err.splitlines()[-1] == typeset("Voir : consentinel log --help")
