"""French for the words argparse writes itself (usage, section titles, its errors).

argparse looks each of them up through its module's `_` (gettext) when it writes them; with
French chosen, that lookup goes through this table, and any other text stays as it is.
"""

from __future__ import annotations

import argparse
import re

from consentinel.core.french_typography import NBSP, typeset

FRENCH: dict[str, str] = {
    "usage: ": "utilisation : ",
    # argparse writes a colon right after a section title; French puts a (non-breaking) space
    # before it.
    "positional arguments": "arguments positionnels" + NBSP,
    "options": "options" + NBSP,
    "show this help message and exit": "afficher cette aide et quitter",
    "show program's version number and exit": "afficher la version du programme et quitter",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "unrecognized arguments: %s": "arguments non reconnus : %s",
    "not allowed with argument %s": "interdit avec l'argument %s",
    "the following arguments are required: %s": "ces arguments sont obligatoires : %s",
    "one of the arguments %s is required": "l'un des arguments %s est obligatoire",
    "expected one argument": "une valeur est attendue",
    "expected at most one argument": "une valeur au plus est attendue",
    "expected at least one argument": "au moins une valeur est attendue",
    "ambiguous option: %(option)s could match %(matches)s": (
        "option ambiguë : %(option)s peut désigner %(matches)s"
    ),
    "invalid %(type)s value: %(value)r": "valeur %(type)s invalide : %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "choix invalide : %(value)r (au choix : %(choices)s)"
    ),
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
    "ignored explicit argument %r": "valeur %r donnée à une option qui n'en prend pas",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "commande inconnue %(parser_name)r (au choix : %(choices)s)"
    ),
}


#: A word argparse quotes as Python does ('hourly'), the only quotes its messages hold (a
#: French apostrophe, "l'argument", is never followed by another before a space).
_QUOTED = re.compile(r"'([^'\s]*)'")


def french_quotes(message: str) -> str:
    """argparse's quoted words (the value typed, the choices) between « », as French quotes."""
    return _QUOTED.sub(lambda m: f"«{NBSP}{m.group(1)}{NBSP}»", message)


def _french(text: str) -> str:
    french = FRENCH.get(text)
    return text if french is None else typeset(french)


def use_language(language: str) -> None:
    """Make argparse write its own words in `language` ("fr" or "en")."""
    import gettext

    argparse._ = _french if language == "fr" else gettext.gettext  # type: ignore[attr-defined]
