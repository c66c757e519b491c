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
def _learn_more_by_length() -> tuple[str, ...]:
    """Longest first, so that a "Learn more" ending with another language's is taken whole."""
    return tuple(sorted(_learn_more_texts(), key=len, reverse=True))


@lru_cache(maxsize=1)
def _page_titles() -> frozenset[str]:
    return frozenset(normalize(row.page_title) for row in all_languages())


def box_for_label(text: str, help_text: str = "") -> Box | None:
    """The box whose label this is, in any known language; None when unknown.

    `text` is what the page shows as the box's label: its `<label>`'s text, or its block's when
    there is none, which then also holds the box's help text (`help_text`, the text of the
    element its aria-describedby names) and its "Learn more" link. Those two, and only those,
    may follow the label; what is left must be a known label exactly (up to spacing, case and
    quotes). A label with any other words — "Don't allow X to personalize…", "Allow … and
    share it with partners" — is a changed page, not a match: a negated box unticked would
    switch the person in. Nor does anything shorter than a whole label match.
    """
    known = _known_texts()
    for candidate in _label_candidates(text, help_text):
        found = [box for box, texts in known.items() if candidate in texts]
        if len(found) == 1:
            return found[0]
    return None


def _label_candidates(text: str, help_text: str) -> list[str]:
    """`text` as read, and with what may follow the label on X's page taken off its end, each
    whole: the box's own help text (with or without its link), then a "Learn more" in any
    known language."""
    norm = normalize(text)
    help_norm = normalize(help_text)
    helps = {h for h in (help_norm, normalize(strip_learn_more(help_norm))) if h}
    readings = [norm]
    learn = next((t for t in _learn_more_by_length() if norm.endswith(t)), None)
    if learn:
        readings.append(normalize(norm[: -len(learn)]))
    out = list(readings)
    for reading in readings:
        out += [normalize(reading[: -len(h)]) for h in helps if reading.endswith(h)]
    return [candidate for candidate in out if candidate]


def is_page_title(text: str) -> bool:
    """True when the text is the Grok settings page title in a known language."""
    return normalize(text) in _page_titles()


def strip_learn_more(text: str) -> str:
    """Help text without its trailing "Learn more" link text, in any known language."""
    norm = normalize(text)
    for learn in _learn_more_by_length():
        if norm.endswith(learn):
            return norm[: -len(learn)].strip()
    return norm
