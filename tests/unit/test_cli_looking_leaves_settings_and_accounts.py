"""Commands that only look (`account list`, `log` and its exports and checks, `schedule
status`, `browser`) leave a settings or accounts file they cannot use (damaged, a newer
Consentinel's) where it is, and say so on standard error, in English or French: nothing in the
person's folders changes. A damaged settings file: the defaults are used, and said; a damaged
accounts file: said, and `account list` has no list to show (exit 2). The app and the commands
that change something still set such a file aside when they open it."""

from __future__ import annotations

import gc
import hashlib
import json
from pathlib import Path

import pytest

from consentinel.cli.main import main
from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.paths import AppPaths

CORRUPT = b"\x00\x01 not what this file should be {{{"
NEWER = json.dumps({"version": 99, "accounts": [], "schedule": "daily"}).encode()

#: What each damage makes said, in English and in French ({path}: the file's).
SAID = {
    ("settings", "corrupt", "en"): "The settings file {path} could not be read, so the defaults "
    "are used; it was left as it is",
    ("settings", "corrupt", "fr"): "Le fichier des paramètres {path} est illisible, les "
    "paramètres par défaut sont donc utilisés\u00a0; il a été laissé tel quel",
    ("settings", "newer", "en"): "The settings file {path} was written by a newer Consentinel, "
    "so the defaults are used; it was left as it is",
    ("settings", "newer", "fr"): "Le fichier des paramètres {path} vient d'une version plus "
    "récente de Consentinel, les paramètres par défaut sont donc utilisés\u00a0; il a été "
    "laissé tel quel",
    ("accounts", "corrupt", "en"): "The accounts file {path} could not be read; it was left as "
    "it is",
    ("accounts", "corrupt", "fr"): "Le fichier des comptes {path} est illisible\u00a0; il a été "
    "laissé tel quel",
    ("accounts", "newer", "en"): "The accounts file {path} was written by a newer Consentinel, "
    "which alone can read it; it was left as it is",
    ("accounts", "newer", "fr"): "Le fichier des comptes {path} vient d'une version plus récente "
    "de Consentinel, seule à pouvoir le lire\u00a0; il a été laissé tel quel",
}

COMMANDS = [
    ["account", "list"],
    ["account", "list", "--json"],
    ["log"],
    ["log", "--json"],
    ["log", "--csv"],
    ["log", "--verify"],
    ["log", "--bundle", "BUNDLE"],
    ["log", "--check-export", "EXPORT", "--against-journal"],
    ["schedule", "status"],
    ["browser"],
]


def _hashes(home: Path) -> dict[str, str]:
    """Every file under the home folder (config, data, logs) with its SHA-256, once the
    connections the commands run in this process left open are closed (as a command's
    process closes them when it ends)."""
    gc.collect()
    return {
        str(p.relative_to(home)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(home.rglob("*"))
        if p.is_file()
    }


def _a_folder_with_alice(home: Path, export: Path) -> None:
    ctx = AppContext.create()
    ctx.accounts.add(Account("alice"))
    ctx.journal.append_account_added("alice")
    ctx.journal.close()
    assert main(["log", "--json", "-o", str(export)]) == 0


def _damage(file: str, damage: str) -> Path:
    paths = AppPaths.from_env()
    target = paths.settings_path if file == "settings" else paths.accounts_path
    target.write_bytes(CORRUPT if damage == "corrupt" else NEWER)
    return target


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize(
    ("file", "damage"),
    [(file, damage) for file in ("settings", "accounts") for damage in ("corrupt", "newer")],
    ids=lambda value: value,
)
@pytest.mark.parametrize("command", COMMANDS, ids=lambda value: " ".join(value))
def test_a_looking_command_says_a_damaged_file_and_leaves_it(
    command: list[str],
    file: str,
    damage: str,
    language: str,
    consentinel_home: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    export = tmp_path / "export.json"
    _a_folder_with_alice(consentinel_home, export)
    target = _damage(file, damage)
    before = _hashes(consentinel_home)
    monkeypatch.setenv("CONSENTINEL_LANG", language)
    capsys.readouterr()
    words = [
        {"BUNDLE": str(tmp_path / "b.zip"), "EXPORT": str(export)}.get(word, word)
        for word in command
    ]

    code = main(words)

    said = capsys.readouterr()
    assert _hashes(consentinel_home) == before  # nothing moved, nothing made, nothing marked
    assert said.err.count(SAID[file, damage, language].format(path=target)) == 1, said.err
    assert "Traceback" not in said.err
    if command[:2] == ["account", "list"] and file == "accounts":
        assert (code, said.out) == (2, "")  # no list to show, rather than an empty one
    elif command[0] == "account":
        assert code == 0 and "alice" in said.out  # the defaults used, the list shown
    elif command[0] == "log":
        assert code == 0
    else:  # (the scheduler's and the browser's answers depend on this computer)
        assert code in (0, 2)


@pytest.mark.parametrize(
    ("file", "damage"),
    [("settings", "corrupt"), ("accounts", "newer")],
    ids=lambda value: value,
)
def test_with_no_journal_yet_the_file_is_left_too(
    file: str, damage: str, consentinel_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder with settings or accounts and no journal (a data folder removed): the same."""
    paths = AppPaths.from_env()
    paths.config_dir.mkdir(parents=True)
    target = _damage(file, damage)
    before = _hashes(consentinel_home)
    for command in (["account", "list"], ["log"]):
        main(command)
        assert SAID[file, damage, "en"].format(path=target) in capsys.readouterr().err
    assert _hashes(consentinel_home) == before
    assert not paths.data_dir.exists()


@pytest.mark.parametrize("file", ["settings", "accounts"])
def test_the_app_still_sets_the_file_aside_after_a_look(
    file: str, consentinel_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _a_folder_with_alice(consentinel_home, tmp_path / "export.json")
    target = _damage(file, "corrupt")
    main(["account", "list"])
    assert target.read_bytes() == CORRUPT
    ctx = AppContext.create()  # as the app and every command that changes something open it
    said = " ".join([*ctx.warnings, ctx.accounts.load_warning or ""])
    ctx.journal.close()
    (aside,) = [p for p in target.parent.iterdir() if p.name.startswith(f"{target.name}.corrupt-")]
    assert aside.read_bytes() == CORRUPT and str(aside) in said
    capsys.readouterr()
    assert main(["account", "list"]) == 0
    assert capsys.readouterr().err == ""  # said once, by whoever set it aside


def test_a_looking_store_writes_nothing(consentinel_home: Path) -> None:
    from consentinel.core.accounts import AccountStore

    store = AccountStore(AppPaths.from_env(), looking=True)
    with pytest.raises(RuntimeError):
        store.add(Account("bob"))
    assert not consentinel_home.exists()
