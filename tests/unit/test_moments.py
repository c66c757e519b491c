"""A moment in a sentence: the computer's time zone, the month in the reader's words."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime, timezone

import pytest

from consentinel.core.check_messages import rate_limited_message
from consentinel.core.moments import moment_text

WHEN = datetime(2026, 12, 4, 18, 6, tzinfo=timezone.utc)


@pytest.fixture
def paris(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("paris")
def test_a_moment_is_said_in_local_time_with_its_month_in_words() -> None:
    assert moment_text(WHEN) == "4 Dec 2026 19:06"
    assert moment_text(datetime(2027, 5, 31, 22, 30, tzinfo=timezone.utc)) == "1 Jun 2027 00:30"


@pytest.mark.usefixtures("paris")
def test_in_french_the_month_and_the_sentence_are_french(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    assert moment_text(WHEN) == "4 déc. 2026 à 19:06"
    first = datetime(2027, 5, 31, 22, 30, tzinfo=timezone.utc)
    assert moment_text(first) == "1er juin 2027 à 00:30"  # the first of the month: « 1er »
    sentence = rate_limited_message("rita", WHEN)
    assert sentence.endswith("pour @rita avant le 4 déc. 2026 à 19:06."), sentence
