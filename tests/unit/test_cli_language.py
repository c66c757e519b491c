"""The command line speaks the language chosen in the app (Settings, "Language"), as the app's
window and its notifications do: a scheduled job has no LANG, and the person who chose French
reads its log in French. "system" leaves it to LC_ALL, LC_MESSAGES, LANG; CONSENTINEL_LANG
comes first. The real `consentinel`, run as a process with the environment each case gives."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from consentinel import __version__
from consentinel.core.french_typography import typeset
from consentinel.core.paths import AppPaths

ENGLISH = "No accounts yet. Add one with: consentinel account add HANDLE\n"
FRENCH = typeset(
    "Aucun compte pour l'instant. Ajoutez-en un avec : consentinel account add IDENTIFIANT\n"
)
#: What says which language a process speaks: none of it is kept from the test's environment.
_LANGUAGE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE", "CONSENTINEL_LANG")


def _consentinel(home: Path, *args: str, **environment: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in _LANGUAGE_VARIABLES}
    env.update(CONSENTINEL_HOME=str(home), **environment)
    return subprocess.run(
        [sys.executable, "-m", "consentinel", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _settings(home: Path, text: str) -> None:
    """A data folder whose settings file holds `text`."""
    AppPaths.under(home).ensure().settings_path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("chosen", "environment", "said"),
    [
        ("fr", {}, FRENCH),  # a scheduled job: no LANG at all
        ("fr", {"LANG": "en_US.UTF-8"}, FRENCH),
        ("en", {"LANG": "fr_FR.UTF-8"}, ENGLISH),
        ("system", {"LANG": "fr_FR.UTF-8"}, FRENCH),
        ("system", {"LC_ALL": "en_US.UTF-8", "LANG": "fr_FR.UTF-8"}, ENGLISH),
        ("fr", {"CONSENTINEL_LANG": "en"}, ENGLISH),
    ],
    ids=["fr-no-lang", "fr-over-lang", "en-over-lang", "system-fr", "system-lc-all", "variable"],
)
def test_the_command_line_speaks_the_language_chosen_in_the_app(
    tmp_path: Path, chosen: str, environment: dict[str, str], said: str
) -> None:
    home = tmp_path / "home"
    _settings(home, f'{{"version": 1, "language": "{chosen}"}}\n')
    done = _consentinel(home, "account", "list", **environment)
    assert (done.returncode, done.stdout, done.stderr) == (0, said, "")


def test_its_help_too(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _settings(home, '{"version": 1, "language": "fr"}\n')
    done = _consentinel(home, "schedule", "--help", LANG="en_US.UTF-8")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(typeset("utilisation : consentinel schedule")), done.stdout


@pytest.mark.parametrize(
    "text",
    ['{"version": 1, "language": "fr"', '{"version": 1, "language": 42}', "[]", "\x00\xff"],
    ids=["cut-short", "not-a-language", "not-an-object", "not-text"],
)
def test_a_damaged_settings_file_leaves_the_environment_s_language(
    tmp_path: Path, text: str
) -> None:
    """Nothing is lost for it but the choice: the command runs, and speaks its environment's
    language (here French), to say what it has to say."""
    home = tmp_path / "home"
    _settings(home, text)
    done = _consentinel(home, "account", "list", LANG="fr_FR.UTF-8")
    assert (done.returncode, done.stdout) == (0, FRENCH), done.stderr
    assert "Traceback" not in done.stderr


def test_version_reads_the_choice_without_qt_or_playwright(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _settings(home, '{"version": 1, "language": "fr"}\n')
    # The command line's main, then a look at what it imported and which language it chose.
    probe = (
        "import sys\n"
        "from consentinel.cli.main import main\n"
        "try:\n"
        "    main(['--version'])\n"
        "except SystemExit as end:\n"
        "    assert end.code in (0, None), end.code\n"
        "from consentinel.core.i18n import current_language\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'playwright'))\n"
        "print(current_language(), heavy)\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in _LANGUAGE_VARIABLES}
    env["CONSENTINEL_HOME"] = str(home)
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [f"consentinel {__version__}", "fr []"], done.stdout
