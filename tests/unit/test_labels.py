"""The label table: every language's labels map to the right box, and nothing else does."""

from __future__ import annotations

import re

import pytest

from consentinel.core.french_typography import typeset
from consentinel.core.status import ALL_BOXES, Box
from consentinel.x.labels import (
    all_languages,
    box_for_label,
    is_page_title,
    labels_for,
    normalize,
    strip_learn_more,
)

LANGS = all_languages()


def test_table_has_every_language_and_column() -> None:
    assert len(LANGS) == 50
    langs = {row.lang for row in LANGS}
    assert {"en", "fr", "de", "ja", "ar-x-fm", "zh-Hant"} <= langs
    for row in LANGS:
        assert row.page_title and row.learn_more
        assert all(row.boxes[box] for box in ALL_BOXES)


@pytest.mark.parametrize("row", LANGS, ids=lambda r: r.lang)
def test_each_language_label_maps_to_its_box(row: object) -> None:
    from consentinel.x.labels import LanguageLabels

    assert isinstance(row, LanguageLabels)
    for box, label in row.boxes.items():
        assert box_for_label(label) is box
        # The element around a label may carry the box's help text and its "Learn more" link.
        help_text = f"Some help text. {row.learn_more}"
        assert box_for_label(f"{label}\n{help_text}", help_text) is box
    assert is_page_title(row.page_title)


def test_no_label_of_one_box_hides_inside_another_boxs_label() -> None:
    # If it did, box_for_label could not tell the two apart from surrounding text.
    for row in LANGS:
        for box, label in row.boxes.items():
            for other in ALL_BOXES:
                if other is not box:
                    for row2 in LANGS:
                        assert normalize(row2.boxes[other]) not in normalize(label)


def test_whitespace_quotes_and_case_do_not_matter() -> None:
    fr = labels_for("fr")
    assert fr is not None
    curly = fr.boxes[Box.TRAINING].replace("'", "\u2019")
    assert box_for_label(curly) is Box.TRAINING
    assert box_for_label("  allow X to   personalize\nyour experience with GROK.  ") is (
        Box.PERSONALIZATION
    )
    assert box_for_label("\u200fAllow Grok to remember your conversation history\u200f") is (
        Box.MEMORY
    )


def test_old_english_training_label_is_still_known() -> None:
    old = (
        "Allow your posts as well as your interactions, inputs, and results with Grok to be "
        "used for training and fine-tuning"
    )
    assert box_for_label(old) is Box.TRAINING


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Delete conversation history",
        "Allow X to personalize",  # part of a label is a changed page, not a match
        "Allow Grok to remember your chats",
        "Protect your posts",
        "Grok & Third-Party Collaborators",
    ],
)
def test_unknown_or_partial_text_matches_nothing(text: str) -> None:
    assert box_for_label(text) is None


def test_text_holding_two_labels_is_ambiguous() -> None:
    en = labels_for("en")
    assert en is not None
    both = en.boxes[Box.TRAINING] + " " + en.boxes[Box.PERSONALIZATION]
    assert box_for_label(both) is None


def test_strip_learn_more_in_any_language() -> None:
    assert strip_learn_more("Help here. En savoir plus") == "help here."
    assert strip_learn_more("Help here. Learn more") == "help here."


def test_what_changed_on_the_page_is_said_in_the_persons_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The detail goes into the page_changed sentence: a French one has no English inside."""
    from consentinel.core.check_messages import reason_message
    from consentinel.core.status import Reason
    from consentinel.x.errors import PageChanged
    from consentinel.x.grok_page import identify_boxes

    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    memory_first = [{"label": "Allow Grok to remember your conversation history"}]
    with pytest.raises(PageChanged) as changed:
        identify_boxes(memory_first)
    assert changed.value.detail == typeset("la case 1 est « Mémoire », attendue : Entraînement")
    sentence = reason_message(Reason.PAGE_CHANGED, "alice", changed.value.detail)
    assert "expected" not in sentence and "rien n'a donc été cliqué" in sentence


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_unknown_label_is_quoted_as_x_shows_it(
    monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """The words in quotes are X's label, not a placeholder quoted as if X showed it ("la case
    1 est « un libellé inconnu »"); a box with no label is said so, with no quotes."""
    from consentinel.x.errors import PageChanged
    from consentinel.x.grok_page import identify_boxes

    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    new = "Allow xAI to use your data\n  to improve its products and services"
    said = {}
    for name, label in (("new", new), ("none", "  "), ("long", "Allow " + "x" * 200)):
        with pytest.raises(PageChanged) as changed:
            identify_boxes([{"label": label}])
        said[name] = changed.value.detail
    if lang == "en":
        assert said["new"] == (
            "box 1 has an unknown label, “Allow xAI to use your data to improve its products and "
            "services”, expected Training"
        )
        assert said["none"] == "box 1 has no label, expected Training"
    else:
        assert said["new"] == typeset(
            "la case 1 a un libellé inconnu, « Allow xAI to use your data to improve its "
            "products and services », attendue : Entraînement"
        )
        assert said["none"] == typeset("la case 1 n'a pas de libellé, attendue : Entraînement")
    assert "inconnu »" not in said["new"] and "“" not in said["none"] and "«" not in said["none"]
    quoted = re.search(r"(“|«\u00a0)(.*)(”|\u00a0»)", said["long"])
    assert quoted is not None and len(quoted.group(2)) == 80 and quoted.group(2).endswith("…")
