"""The command line's help in French, argparse's own words and the names of the values
(HANDLE, COMMAND…) included: nothing left in English but the command names themselves."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from consentinel.cli.main import build_parser
from consentinel.core import i18n
from consentinel.core.french_typography import typeset

COMMANDS = [
    [],
    ["account"],
    ["account", "add"],
    ["account", "list"],
    ["account", "remove"],
    ["account", "set-password"],
    ["account", "set-totp"],
    ["account", "edit"],
    ["account", "restore"],
    ["account", "import"],
    ["login"],
    ["check"],
    ["log"],
    ["browser"],
    ["schedule"],
    ["schedule", "install"],
    ["schedule", "remove"],
    ["schedule", "status"],
    ["schedule", "pause"],
    ["schedule", "resume"],
    ["doctor"],
    ["desktop-entry"],
]
ENGLISH = re.compile(
    r"\b(HANDLE|COMMAND|BOXES|PHONE|FILE|FOLDER|usage|show this)\b|positional arguments|options:"
    r"|commands:"
)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "consentinel")
def test_french_help_has_no_english_left(
    command: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    i18n.set_language(None)
    from consentinel.cli.argparse_fr import use_language

    use_language("fr")
    try:
        with pytest.raises(SystemExit):
            build_parser().parse_args([*command, "--help"])
    finally:
        use_language("en")
    shown = capsys.readouterr().out
    assert shown.startswith(typeset("utilisation : ")), shown
    assert not ENGLISH.search(shown), ENGLISH.search(shown)


def _help_in_french(
    show_help: Callable[[], object],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> str:
    """What a program's --help prints with French chosen; nothing of English's words left."""
    from consentinel.cli.argparse_fr import use_language

    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    i18n.set_language(None)
    try:
        with pytest.raises(SystemExit):
            show_help()
    finally:
        use_language("en")
    shown = capsys.readouterr().out
    assert not ENGLISH.search(shown), ENGLISH.search(shown)
    return shown


def test_the_window_s_launcher_help_in_french(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`consentinel-gui --help`: its options and argparse's own words, in French."""
    from consentinel.gui.launch import _parse

    shown = _help_in_french(lambda: _parse(["--help"]), monkeypatch, capsys)
    assert shown.startswith(typeset("utilisation : consentinel-gui")), shown
    assert "ouvrir l'application sur le X simulé" in shown
    assert "démarrer dans la zone de notification" in shown


def test_the_simulated_x_s_help_in_french(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`python -m consentinel.simx --help`, which the README's demo runs, in French."""
    from consentinel.simx.__main__ import main

    shown = _help_in_french(lambda: main(["--help"]), monkeypatch, capsys)
    assert shown.startswith(typeset("utilisation : python -m consentinel.simx")), shown
    assert "Sert le X simulé sur 127.0.0.1." in shown
    assert "--scenario FICHIER  un fichier de scénario (TOML ou JSON)" in shown


def test_a_usage_error_quotes_what_was_typed_as_french_does(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    i18n.set_language(None)
    from consentinel.cli.argparse_fr import use_language

    try:
        with pytest.raises(SystemExit):
            build_parser().parse_args(["schedule", "install", "--every", "hourly"])
    finally:
        use_language("en")
        i18n.set_language(None)
    said = capsys.readouterr().err
    assert typeset("choix invalide : « hourly » (au choix : « 6h », « 12h »") in said, said
    assert "'hourly'" not in said and "'6h'" not in said, said


def test_a_setting_s_bad_value_is_quoted_as_the_reader_s_language_quotes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from consentinel.core.settings import Settings

    for language, quoted in (("fr", typeset("« hourly »")), ("en", "'hourly'")):
        monkeypatch.setenv("CONSENTINEL_LANG", language)
        i18n.set_language(None)
        with pytest.raises(ValueError) as caught:
            Settings(schedule="hourly").validate()
        assert str(caught.value).endswith(f"{quoted}."), str(caught.value)
    i18n.set_language(None)
