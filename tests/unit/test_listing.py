"""A list in words, one way for the window, the command line and the notices."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from consentinel.core.i18n import set_language
from consentinel.core.listing import in_words


@pytest.fixture
def french() -> Iterator[None]:
    set_language("fr", above_environment=True)
    yield
    set_language(None)


def test_a_few_are_named_the_last_after_and() -> None:
    assert in_words([]) == ""
    assert in_words(["@a"]) == "@a"
    assert in_words(["@a", "@b"]) == "@a and @b"
    assert in_words(["@a", "@b", "@c"]) == "@a, @b and @c"
    assert in_words(["@a (x, y)", "@b", "@c"], "; ") == "@a (x, y); @b and @c"


def test_past_three_the_others_are_counted() -> None:
    assert in_words(["@a", "@b", "@c", "@d"]) == "@a, @b and 2 others"
    assert in_words([f"@{n}" for n in range(25)]) == "@0, @1 and 23 others"


def test_in_french(french: None) -> None:
    assert in_words(["@a", "@b", "@c"]) == "@a, @b et @c"
    assert in_words(["@a", "@b", "@c", "@d", "@e"]) == "@a, @b et 3 autres"
