"""A check's sentence: the French agrees with one unticked box or several."""

from __future__ import annotations

import pytest

from consentinel.core.check_messages import success_message
from consentinel.core.french_typography import typeset
from consentinel.core.status import Box, Status

ONE = [Box.TRAINING]
TWO = [Box.TRAINING, Box.MEMORY]
THREE = [Box.TRAINING, Box.PERSONALIZATION, Box.MEMORY]


@pytest.mark.parametrize(
    ("boxes", "english", "french"),
    [
        (ONE, "Unticked and read back off: Training.", "Case décochée, puis relue décochée"),
        (TWO, "Both unticked and read back off: Training, Memory.", "Les deux cases décochées"),
        (THREE, "All unticked and read back off: Training,", "Toutes les cases décochées"),
    ],
)
def test_the_words_agree_with_the_number_of_boxes(
    monkeypatch: pytest.MonkeyPatch, boxes: list[Box], english: str, french: str
) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", "en")
    assert success_message(Status.FIXED, boxes, []).startswith(english)
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    said = success_message(Status.FIXED, boxes, [])
    assert said.startswith(typeset(french)), said
