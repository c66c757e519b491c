"""`consentinel --help` and its commands' help, in English and French: every command's commands
read alike (one placeholder, listed under "commands:", no line holding the bare placeholder),
and they come in the order of the README's "The command line / La ligne de commande"."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from consentinel.cli.argparse_fr import use_language
from consentinel.cli.main import build_parser
from consentinel.core import i18n
from consentinel.core.french_typography import typeset

README = Path(__file__).resolve().parents[2] / "README.md"
LANGUAGES = ["en", "fr"]


@pytest.fixture(params=LANGUAGES)
def language(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("CONSENTINEL_LANG", request.param)
    i18n.set_language(None)
    try:
        yield request.param
    finally:
        use_language("en")  # build_parser switched argparse's own words


def _help(command: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit):
        build_parser().parse_args([*command, "--help"])
    return capsys.readouterr().out


def _listed_commands(shown: str) -> list[str]:
    """The names the "commands:" section of a help lists, in their order (`install|remove`
    gives both)."""
    title = i18n.tr("commands")
    heading = typeset(f"{title} :") if i18n.current_language() == "fr" else f"{title}:"
    lines = shown.splitlines()
    assert heading in lines, shown
    names = []
    for line in lines[lines.index(heading) + 1 :]:
        if not line.strip():
            break
        entry = re.match(r"  (\S+)", line)  # a continuation line is indented further
        if entry:
            names.extend(entry.group(1).split("|"))
    return names


def _every_parser() -> Iterator[tuple[list[str], argparse.ArgumentParser]]:
    """Every parser of the command line, with the words that reach it (`["account", "add"]`)."""
    pending: list[tuple[list[str], argparse.ArgumentParser]] = [([], build_parser())]
    while pending:
        command, parser = pending.pop(0)
        yield command, parser
        for action in _commands_of(parser):
            pending.extend(([*command, name], sub) for name, sub in action.choices.items())


def _commands_of(
    parser: argparse.ArgumentParser,
) -> list[argparse._SubParsersAction[argparse.ArgumentParser]]:
    return [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]


def test_every_command_s_commands_read_alike(
    language: str, capsys: pytest.CaptureFixture[str]
) -> None:
    placeholder = i18n.tr("COMMAND")
    found = [(command, a) for command, parser in _every_parser() for a in _commands_of(parser)]
    assert sorted(command for command, _ in found) == [
        [],
        ["account"],
        ["browser"],
        ["desktop-entry"],
        ["schedule"],
    ]
    for command, action in found:
        assert action.metavar == placeholder, (command, action.metavar)
        shown = _help(command, capsys)
        usage = shown.split("\n\n")[0]
        # `browser` alone says which browser checks use: its command is optional.
        needed = f" [{placeholder}]\n" if command == ["browser"] else f" {placeholder} ...\n"
        assert needed in usage + "\n", shown
        # Listed under "commands:", each with what it does; not under "positional arguments:"
        # below a line holding the placeholder alone.
        assert _listed_commands(shown) == list(action.choices), shown
        assert placeholder not in [line.strip() for line in shown.splitlines()], shown
        assert typeset("arguments positionnels :") not in shown
        assert "positional arguments:" not in shown


@pytest.mark.parametrize("command", [["browser"], ["desktop-entry"]])
def test_a_mistyped_command_is_named_by_its_placeholder(
    command: list[str], language: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A usage error names the word it could not read as COMMAND, as `schedule`'s does, not
    by one of the commands it could have been ("argument install: invalid choice")."""
    with pytest.raises(SystemExit):
        build_parser().parse_args([*command, "bogus"])
    said = capsys.readouterr().err
    assert f"argument {i18n.tr('COMMAND')}" in said, said
    assert "argument install" not in said and "install|remove" not in said, said


def _readme_commands() -> dict[str, list[str]]:
    """The README's command line block: each command, in its order, with the words that
    follow it (`account add`, `schedule install | remove | status`, `browser [install]`)."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## The command line / La ligne de commande") :]
    block = section[section.index("```\n") + 4 :]
    block = block[: block.index("```")]
    commands: dict[str, list[str]] = {}
    for line in block.splitlines():
        words = line.split("#")[0].split()
        if len(words) < 2 or words[0] != "consentinel" or words[1].startswith("-"):
            continue  # the window, --version
        subwords = commands.setdefault(words[1], [])
        after = [words[2].strip("[]")] if len(words) > 2 else []
        after += [words[i + 1] for i, word in enumerate(words[:-1]) if word == "|"]
        for word in after:
            subwords.extend(w for w in word.split("|") if re.fullmatch(r"[a-z][a-z-]*", w))
    return commands


def test_the_readme_block_is_read() -> None:
    readme = _readme_commands()
    assert list(readme)[:3] == ["account", "login", "check"]
    assert readme["account"][:2] == ["add", "list"]
    assert readme["schedule"] == ["install", "remove", "status", "pause", "resume"]
    assert readme["check"] == [] and readme["log"] == []


def test_the_help_lists_the_commands_in_the_readme_s_order(
    language: str, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = _readme_commands()
    assert _listed_commands(_help([], capsys)) == list(readme)
    for command, subwords in readme.items():
        if subwords:
            assert _listed_commands(_help([command], capsys)) == subwords, command


def test_every_json_option_says_alike_what_it_prints() -> None:
    """`--json` is "print the … as JSON" (one JSON object for `check`), naming what it prints."""
    said = {
        parser.prog: action.help
        for _, parser in _every_parser()
        for action in parser._actions
        if "--json" in action.option_strings
    }
    assert set(said) == {
        "consentinel account list",
        "consentinel check",
        "consentinel log",
        "consentinel doctor",
    }
    for prog, words in said.items():
        assert re.fullmatch(r"print the \w+ as (one JSON object|JSON)", words or ""), (prog, words)
    assert len(set(said.values())) == len(said), said


def _readme_lines_of(command: str) -> list[str]:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## The command line / La ligne de commande") :]
    block = section[section.index("```\n") + 4 :]
    block = block[: block.index("```")]
    return [line.split("#")[0] for line in block.splitlines() if line.startswith(command + " ")]


def test_the_readme_names_every_option_of_log_and_its_choice_of_one() -> None:
    """The README's `consentinel log` lines hold every option of `log --help`; each line starts
    with the options of which one alone may be given (`[--json | --csv | …]`, or
    `--check-export FILE` on its own line), and the options that only go with one of them say
    so first in their help ("with --check-export: …")."""
    lines = _readme_lines_of("consentinel log")
    log = next(p for command, p in _every_parser() if command == ["log"])
    options = {o for a in log._actions for o in a.option_strings if o.startswith("--")}
    assert set(re.findall(r"--[a-z][a-z-]*", " ".join(lines))) == options - {"--help"}
    (group,) = log._mutually_exclusive_groups
    one_of = {o for a in group._group_actions for o in a.option_strings}
    leading = set()
    for line in lines:
        first = line.split()[2]
        if first.startswith("["):  # [--json | --csv | …]
            first = line[line.index("[") : line.index("]") + 1]
        leading |= set(re.findall(r"--[a-z][a-z-]*", first))
    assert leading == one_of, (leading, one_of)
    for action in log._actions:
        if {"--evidence", "--against-journal"} & set(action.option_strings):
            assert (action.help or "").startswith("with --check-export: "), action.help
