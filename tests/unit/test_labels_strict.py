"""A box is its label's exactly: a known label with other words (a negation, words added) is no
box, whatever else its text holds; only the box's help text and "Learn more" may follow it."""

from __future__ import annotations

import pytest

from consentinel.core.status import ALL_BOXES, Box
from consentinel.x.errors import PageChanged
from consentinel.x.grok_page import identify_boxes
from consentinel.x.labels import (
    LanguageLabels,
    all_languages,
    box_for_label,
    labels_for,
    normalize,
)

LANGS = all_languages()


def _lang(code: str) -> LanguageLabels:
    row = labels_for(code)
    assert row is not None
    return row


EN = _lang("en")
FR = _lang("fr")

#: Texts that hold a known label whole but say something else (the reviewer's examples first).
CHANGED = {
    "en": [
        ("Don't allow X to personalize your experience with Grok", Box.PERSONALIZATION),
        ("Do not allow X to personalize your experience with Grok", Box.PERSONALIZATION),
        (
            "Do not allow your public data as well as your interactions, inputs, and results "
            "with Grok and xAI to be used for training and fine-tuning",
            Box.TRAINING,
        ),
        ("Never allow Grok to remember your conversation history", Box.MEMORY),
        (
            EN.boxes[Box.TRAINING] + ", and to be shared with business partners",
            Box.TRAINING,
        ),
        (EN.boxes[Box.PERSONALIZATION] + " and your ads", Box.PERSONALIZATION),
        (EN.boxes[Box.MEMORY] + " (turn off to stop)", Box.MEMORY),
    ],
    "fr": [
        (
            "Ne pas autoriser Grok à se souvenir de votre historique de conversations",
            Box.MEMORY,
        ),
        ("Ne pas autoriser X à personnaliser votre expérience avec Grok", Box.PERSONALIZATION),
        (
            "Ne jamais " + FR.boxes[Box.TRAINING][0].lower() + FR.boxes[Box.TRAINING][1:],
            Box.TRAINING,
        ),
        (
            FR.boxes[Box.TRAINING] + ", et leur partage avec des partenaires commerciaux",
            Box.TRAINING,
        ),
        (FR.boxes[Box.PERSONALIZATION] + " et vos publicités", Box.PERSONALIZATION),
    ],
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_negated_or_extended_label_is_no_box(lang: str) -> None:
    row = _lang(lang)
    help_text = f"Some help text. {row.learn_more}"
    for text, box in CHANGED[lang]:
        assert normalize(row.boxes[box]) in normalize(text)  # it holds the known label whole
        assert box_for_label(text) is None, text
        # Help text and "Learn more" around it, as on X's page, do not make it one either.
        assert box_for_label(f"{text}\n{help_text}", help_text) is None, text
        assert box_for_label(f"{text} {row.learn_more}") is None, text


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_words_after_a_label_other_than_its_own_help_text_are_no_box(lang: str) -> None:
    row = _lang(lang)
    label = row.boxes[Box.PERSONALIZATION]
    help_text = f"Grok may use what it knows about you. {row.learn_more}"
    # The help text of another box, or help text the box does not point at, is other words.
    assert box_for_label(f"{label}\n{help_text}", "Other help. " + row.learn_more) is None
    assert box_for_label(f"{label}\n{help_text}") is None
    # Its own help text before the label is not where X puts it.
    assert box_for_label(f"{help_text}\n{label}", help_text) is None
    # A label holding two boxes' labels is no box.
    assert box_for_label(f"{label} {row.boxes[Box.MEMORY]}") is None


@pytest.mark.parametrize("row", LANGS, ids=lambda r: r.lang)
def test_every_known_label_is_its_box_as_x_lays_it_out(row: LanguageLabels) -> None:
    """All 150 labels: alone, followed by their help text and its "Learn more" link (the text of
    a block without a <label>), or by "Learn more" alone, in spacing as a page may give it."""
    for box, label in row.boxes.items():
        help_text = f"Help on this setting.\u00a0{row.learn_more}"
        assert box_for_label(label) is box
        assert box_for_label(f"{label}\n{help_text}", help_text) is box
        assert box_for_label(f"  {label}  \n\n{help_text}\n", help_text) is box
        assert box_for_label(f"{label}\n{row.learn_more}") is box
        # The help span read without its link, the link after it in the block.
        assert (
            box_for_label(
                f"{label}\nHelp on this setting.\n{row.learn_more}", "Help on this setting."
            )
            is box
        )
        assert box_for_label(f"{label}\n{row.learn_more}", help_text) is box


def _raw(label: str, n: int, help_text: str = "") -> dict[str, object]:
    return {
        "label": label,
        "describedby": f"CHECKBOX_{n}_LABEL",
        "helpExists": True,
        "helpText": help_text,
        "checked": True,
        "disabled": False,
    }


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_page_with_a_negated_box_is_page_changed(lang: str) -> None:
    """identify_boxes refuses the whole page: no box on it is acted on."""
    row = _lang(lang)
    negated = {"en": CHANGED["en"][0][0], "fr": CHANGED["fr"][1][0]}[lang]
    labels = [row.boxes[Box.TRAINING], negated, row.boxes[Box.MEMORY]]
    help_text = f"Help. {row.learn_more}"
    raw = [_raw(f"{t}\n{help_text}", i + 1, help_text) for i, t in enumerate(labels)]
    with pytest.raises(PageChanged) as changed:
        identify_boxes(raw)
    assert "box 2" in changed.value.detail or "case 2" in changed.value.detail
    good = [row.boxes[b] for b in ALL_BOXES]
    ok = [_raw(f"{t}\n{help_text}", i + 1, help_text) for i, t in enumerate(good)]
    assert identify_boxes(ok) == list(ALL_BOXES)
