"""The boxes a stored list names: read the same way by every reader of the journal."""

from __future__ import annotations

from consentinel.core.status import Box, boxes_named


def test_known_boxes_in_the_order_stored() -> None:
    assert boxes_named(["memory", "training"]) == [Box.MEMORY, Box.TRAINING]
    assert boxes_named(("personalization",)) == [Box.PERSONALIZATION]


def test_what_another_version_wrote_is_passed_over() -> None:
    assert boxes_named(["training", "voice_mode", 3, None]) == [Box.TRAINING]
    assert boxes_named("training") == []
    assert boxes_named({"training": True}) == []
    assert boxes_named(None) == []
