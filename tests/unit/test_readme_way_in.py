"""The README's way in for a person who is no developer: the quick start's two commands first
(CI runs the test one), then how to get the folder and open a terminal in it, in English and in
French, and "First steps / Premiers pas", which names what the app names."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(heading: str) -> str:
    start = README.index(f"\n## {heading}\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end != -1 else None]


def test_the_two_commands_come_first_and_ci_runs_the_test_one() -> None:
    first_block = re.search(r"```(?:sh)?\n(.*?)```", README, re.S)
    assert first_block is not None
    commands = [line.split("#")[0].strip() for line in first_block.group(1).splitlines()]
    assert commands == ["bash packaging/quickstart.sh run", "bash packaging/quickstart.sh test"]
    assert "bash packaging/quickstart.sh test " in (ROOT / ".ci" / "run").read_text()


def test_the_quick_start_says_how_to_get_there_in_both_languages() -> None:
    quick = _section("Quick start (Debian/Ubuntu) / Démarrage rapide")
    # (The project's page, as the About dialog and the metainfo name it.)
    homepage = re.search(
        r'HOMEPAGE = "([^"]+)"',
        (ROOT / "desktop" / "consentinel" / "gui" / "about_dialog.py").read_text(),
    )
    assert homepage is not None
    assert (
        homepage.group(1)
        in (ROOT / "resources" / "linux" / "org.consentinel.Consentinel.metainfo.xml").read_text()
    )
    after = quick[quick.index("```", quick.index("```") + 3) :]
    english = after[after.index("**Never used a terminal?**") : after.index("**Jamais")]
    french = after[after.index("**Jamais utilisé de terminal ?**") :]
    for text in (english, french):
        assert f"<{homepage.group(1)}>" in text
        assert f"git clone\n   {homepage.group(1)}.git" in text
        assert "`bash packaging/quickstart.sh run`" in text
        assert "(#first-steps--premiers-pas)" in text
    for words in ("Download ZIP", "Extract Here", "Open in Terminal", "Ctrl+Shift+V", "Enter"):
        assert words in english, words
    for words in ("Extraire ici", "Ouvrir dans un\n   terminal", "Ctrl+Maj+V", "Entrée"):
        assert words in french, words


def test_first_steps_say_what_to_have_ready_what_a_check_does_and_where_the_journal_is() -> None:
    steps = _section("First steps / Premiers pas")
    flat = " ".join(steps.split())
    for words in (
        "its @name and its password",
        "the 2FA field can stay empty",
        "signs in to X in a browser you do not see, opens X's Grok settings page, unticks",
        "reloads the page and reads the boxes again",
        "Tools › Settings… › Keep checking when Consentinel is closed",
        "**Checks › Journal** (Ctrl+J)",
        "`~/.local/share/Consentinel/journal.sqlite3`",
        "son @identifiant et son mot de passe",
        "le champ 2FA peut rester vide",
        "se connecte à X dans un navigateur que vous ne voyez pas",
        "Outils › Paramètres… › Continuer à vérifier quand Consentinel est fermé",
        "**Vérifications › Journal** (Ctrl+J)",
        "**Help › Getting started**",
        "**Aide › Premiers pas**",
    ):
        assert words in flat, words
    # Where the app keeps it (platformdirs' data folder for "Consentinel", on Linux).
    paths = (ROOT / "desktop" / "consentinel" / "core" / "paths.py").read_text()
    assert 'self.data_dir / "journal.sqlite3"' in paths
