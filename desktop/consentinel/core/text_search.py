"""Free-text search as a person types it: case, accents, apostrophes and spacing do not count."""

from __future__ import annotations

import unicodedata


def folded(text: str) -> str:
    """`text` without what a search must not tell apart: case ("Alice", "alice"), accents
    ("Entraînement", "entrainement"), typographic apostrophes and French typography's
    no-break spaces ("n’a" as "n'a", "Corrigé : 1" as typed)."""
    if text.isascii():  # (most of an English journal: nothing to take off)
        return " ".join(text.lower().split())
    text = text.replace("\u2019", "'").replace("\u02bc", "'")
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.split())


def search_words(query: str) -> tuple[str, ...]:
    """The words of a search, folded; () for a search of nothing (spaces)."""
    return tuple(folded(query).split())


def finds(words: tuple[str, ...], text: str) -> bool:
    """Whether `text` (folded) holds each of `words`, in any order: "alice training" finds
    "@alice … Training: on → off"."""
    return all(word in text for word in words)
