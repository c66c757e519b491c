"""French sentences never break a line before : ; ! ? » or after «: the space there is a
non-breaking one, in the core's and the command line's catalogues and in Qt's."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from consentinel.cli import argparse_fr
from consentinel.cli import i18n_fr as cli_fr
from consentinel.core import i18n_fr as core_fr
from consentinel.core.french_typography import NBSP, typeset
from consentinel.core.i18n import tr_in

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"


def test_typeset_makes_the_spaces_around_french_marks_non_breaking() -> None:
    assert typeset("@alice : X dit « non » ; pourquoi ? Voilà !") == (
        f"@alice{NBSP}: X dit «{NBSP}non{NBSP}»{NBSP}; pourquoi{NBSP}? Voilà{NBSP}!"
    )


def test_typeset_leaves_marks_without_a_space_and_english_alone() -> None:
    for text in ("https://x.com/settings", "Done: 3 of 4; why? (fine!)", "{when:%H:%M}"):
        assert typeset(text) == text


@pytest.mark.parametrize("catalog", [core_fr.FRENCH, cli_fr.FRENCH], ids=["core", "cli"])
def test_every_french_sentence_of_the_core_and_the_command_line_is_typeset(
    catalog: dict[str, str],
) -> None:
    spoken = {english: tr_in("fr", english) for english in catalog}
    assert all(NBSP in spoken[e] for e in catalog if " : " in catalog[e])
    # Typeset already: no plain space is left where a non-breaking one belongs.
    assert {e: f for e, f in spoken.items() if typeset(f) != f} == {}


def test_argparse_words_are_typeset() -> None:
    said = argparse_fr._french("the following arguments are required: %s")
    assert said == f"ces arguments sont obligatoires{NBSP}: %s"


@pytest.mark.parametrize("name", sorted(p.name for p in TRANSLATIONS.glob("consentinel_fr*.ts")))
def test_every_french_sentence_of_the_window_is_typeset(name: str) -> None:
    root = ET.parse(TRANSLATIONS / name).getroot()
    texts = [
        "".join(node.itertext())
        for node in root.iter()
        if node.tag in ("translation", "numerusform")
    ]
    assert len(texts) > 20  # (the catalogue was read)
    assert any(NBSP + ":" in text for text in texts)
    assert [t for t in texts if typeset(t) != t] == []
