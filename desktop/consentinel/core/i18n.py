"""English and French for everything the core and the command line say to a person.

The message id is the English sentence; `fr.py` maps it to French. The language comes from
CONSENTINEL_LANG, else the forced setting, else the system locale (LC_ALL, LC_MESSAGES, LANG).
In the app, a language chosen in Settings comes before CONSENTINEL_LANG, as it does for Qt's
words, so that one window never mixes two languages. The GUI uses Qt's own translation system;
this module is for Qt-free code.
"""

from __future__ import annotations

import contextlib
import importlib
import os
from collections.abc import Iterator
from contextvars import ContextVar
from functools import cache

SUPPORTED = ("en", "fr")
#: Modules holding a FRENCH dict; one per package so that each part keeps its own words.
_FRENCH_CATALOGS = (
    "consentinel.core.i18n_fr",
    "consentinel.cli.i18n_fr",
)
#: The simulated X's French is X's own words, typed as X types them: never typeset.
_SIMX_CATALOG = "consentinel.simx.i18n_fr"
_forced: str | None = None
_forced_first = False
#: A language spoken for a moment, in this thread only (speaking()): it comes before all.
_speaking: ContextVar[str | None] = ContextVar("consentinel_speaking", default=None)


@cache
def _french() -> dict[str, str]:
    from consentinel.core.french_typography import typeset

    merged: dict[str, str] = dict(importlib.import_module(_SIMX_CATALOG).FRENCH)
    for name in _FRENCH_CATALOGS:
        catalog: dict[str, str] = importlib.import_module(name).FRENCH
        merged.update({english: typeset(french) for english, french in catalog.items()})
    return merged


def set_language(lang: str | None, *, above_environment: bool = False) -> None:
    """Force a language ("en", "fr") or go back to the system's (None or "system").
    `above_environment`: the forced language wins over CONSENTINEL_LANG too (the app's choice)."""
    global _forced, _forced_first
    _forced = lang if lang in SUPPORTED else None
    _forced_first = above_environment and _forced is not None


def system_language() -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    import locale  # (the environment nearly always answers: 0.7 ms of a start spared)

    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:
        loc = ""
    return "fr" if loc.lower().startswith("fr") else "en"


@contextlib.contextmanager
def speaking(lang: str) -> Iterator[None]:
    """tr() in `lang` ("en", "fr") within, whatever the person's language, in this thread
    only: to say a sentence again in the language it was written in, and compare."""
    token = _speaking.set(lang if lang in SUPPORTED else None)
    try:
        yield
    finally:
        _speaking.reset(token)


def current_language() -> str:
    spoken = _speaking.get()
    if spoken:
        return spoken
    if _forced_first and _forced:
        return _forced
    env = os.environ.get("CONSENTINEL_LANG", "").lower()[:2]
    if env in SUPPORTED:
        return env
    return _forced or system_language()


def tr(message: str, **values: object) -> str:
    """Translate an English message id and fill in its {placeholders}."""
    return tr_in(current_language(), message, **values)


def tr_in(lang: str, message: str, **values: object) -> str:
    """`tr` into `lang` whatever the person's language: for words read outside the app, such as
    the OS scheduler's description of its job, which outlasts any choice of language."""
    text = _french().get(message, message) if lang == "fr" else message
    return text.format(**values) if values else text


def quoted(text: str) -> str:
    """What the person typed (or a file of theirs holds), quoted as their language quotes it
    ('a b' or « a b »), on one readable line: something huge pasted is cut, a line break or a
    tab shows escaped."""
    short = text if len(text) <= 40 else text[:40] + "…"
    return tr("'{text}'", text=repr(short)[1:-1])
