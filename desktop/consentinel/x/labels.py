"""Which label text means which Box, in every language X shows (from data/x-labels.tsv)."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from consentinel.core.status import ALL_BOXES, Box

_BOX_COLUMNS: dict[Box, str] = {
    Box.TRAINING: "training_label",
    Box.PERSONALIZATION: "personalization_label",
    Box.MEMORY: "memory_label",
}

#: Wordings X used before the current ones; still accepted so an old cached page reads right.
_LEGACY: dict[Box, tuple[str, ...]] = {
    Box.TRAINING: (
        "Allow your posts as well as your interactions, inputs, and results with Grok to be used "
        "for training and fine-tuning",
    ),
}

# Direction marks and isolates that some languages wrap around text; invisible, so dropped.
_INVISIBLE = dict.fromkeys(
    [
        0x200B,
        0x200C,
        0x200D,
        0x200E,
        0x200F,
        0x202A,
        0x202B,
        0x202C,
        0x202D,
        0x202E,
        0xFEFF,
        *range(0x2066, 0x206A),
    ]
)
_QUOTES = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2013": "-",
        "\u00a0": " ",
    }
)
_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Compare texts the way a reader would: same letters, quotes, dashes and spacing."""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE).translate(_QUOTES)
    text = _SPACES.sub(" ", text).strip().casefold()
    return text.rstrip(".。．").strip()


@dataclass(frozen=True)
class LanguageLabels:
    """One language's texts on the Grok settings page."""

    lang: str
    page_title: str
    boxes: dict[Box, str]
    learn_more: str


@lru_cache(maxsize=1)
def all_languages() -> tuple[LanguageLabels, ...]:
    """Every row of x-labels.tsv (read once)."""
    raw = resources.files("consentinel.x").joinpath("data/x-labels.tsv").read_text("utf-8")
    rows = csv.DictReader(io.StringIO(raw), delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple(
        LanguageLabels(
            lang=row["lang"],
            page_title=row["grok_page_title"],
            boxes={box: row[col] for box, col in _BOX_COLUMNS.items()},
            learn_more=row["learn_more"],
        )
        for row in rows
    )


def labels_for(lang: str) -> LanguageLabels | None:
    for row in all_languages():
        if row.lang == lang:
            return row
    return None


@lru_cache(maxsize=1)
def _known_texts() -> dict[Box, frozenset[str]]:
    texts: dict[Box, set[str]] = {box: set() for box in ALL_BOXES}
    for row in all_languages():
        for box, label in row.boxes.items():
            texts[box].add(normalize(label))
    for box, legacy in _LEGACY.items():
        texts[box].update(normalize(t) for t in legacy)
    return {box: frozenset(t for t in found if t) for box, found in texts.items()}


@lru_cache(maxsize=1)
def _learn_more_texts() -> frozenset[str]:
    return frozenset(normalize(row.learn_more) for row in all_languages())


@lru_cache(maxsize=1)
def _page_titles() -> frozenset[str]:
    return frozenset(normalize(row.page_title) for row in all_languages())


def box_for_label(text: str) -> Box | None:
    """The box whose label this is, in any known language; None when unknown or ambiguous.

    The element X puts around a label may also hold its help text and "Learn more", so a known
    label contained whole in the text counts; a text holding labels of two boxes is ambiguous.
    Nothing shorter than a whole label matches: near misses are a changed page, not a guess.
    """
    norm = normalize(text)
    if not norm:
        return None
    exact = [box for box, texts in _known_texts().items() if norm in texts]
    if len(exact) == 1:
        return exact[0]
    contained = {
        box for box, texts in _known_texts().items() if any(label in norm for label in texts)
    }
    if len(contained) == 1:
        return contained.pop()
    return None


def is_page_title(text: str) -> bool:
    """True when the text is the Grok settings page title in a known language."""
    return normalize(text) in _page_titles()


def strip_learn_more(text: str) -> str:
    """Help text without its trailing "Learn more" link text, in any known language."""
    norm = normalize(text)
    for learn in sorted(_learn_more_texts(), key=len, reverse=True):
        if norm.endswith(learn):
            return norm[: -len(learn)].strip()
    return norm
