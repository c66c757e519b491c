"""Every message the core and the command line can show has a French translation."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import consentinel
from consentinel.core import i18n

PACKAGE = Path(consentinel.__file__).parent


def _tr_literals() -> list[tuple[str, str]]:
    found = []
    for folder in ("core", "cli", "x", "simx"):
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                    continue
                # tr(message, ...) and tr_in(lang, message, ...)
                at = {"tr": 0, "tr_in": 1}.get(node.func.id)
                if at is None or len(node.args) <= at:
                    continue
                message = node.args[at]
                if isinstance(message, ast.Constant) and isinstance(message.value, str):
                    found.append((f"{path.relative_to(PACKAGE)}:{node.lineno}", message.value))
    return found


def test_messages_exist() -> None:
    assert len(_tr_literals()) > 30


def test_every_message_has_french(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    missing = [where for where, msg in _tr_literals() if i18n.tr(msg) == msg]
    assert not missing, f"untranslated messages at: {missing}"


def test_placeholders_match() -> None:
    import string

    catalog = i18n._french()
    for _where, msg in _tr_literals():
        french = catalog.get(msg, msg)
        names_en = {f for _, f, _, _ in string.Formatter().parse(msg) if f}
        names_fr = {f for _, f, _, _ in string.Formatter().parse(french) if f}
        assert names_en == names_fr, msg


def test_language_follows_locale_and_can_be_forced(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CONSENTINEL_LANG")
    monkeypatch.setenv("LC_ALL", "fr_FR.UTF-8")
    assert i18n.tr("The journal is empty.") == "Le journal est vide."
    i18n.set_language("en")
    try:
        assert i18n.tr("The journal is empty.") == "The journal is empty."
    finally:
        i18n.set_language(None)
