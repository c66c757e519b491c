"""GUI tests share one QApplication and the core's language choice: after each test, no French
translator stays installed and the core's language is back to its default."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from consentinel.core import i18n
from consentinel.gui.translations import Translators


@pytest.fixture(autouse=True)
def _language_back_to_english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    yield
    # A test that set CONSENTINEL_LANG=fr and left running_app() while it was set switched its
    # Translators "back" to French; the next tests would then see French. (monkeypatch undoes
    # this setenv after the test, like the test's own.)
    monkeypatch.setenv("CONSENTINEL_LANG", "en")
    for found in gc.get_objects():
        if isinstance(found, Translators) and found.language != "en":
            found.switch("en")
    # Translators.switch() forces the core's language (set_language) so that one window never
    # mixes two languages; tests/unit/test_i18n.py expects the default again.
    i18n.set_language(None)


@pytest.fixture
def keyring_looks_each_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each coming back to the window or the account dialog looks at the keyring at once (the
    few seconds between looks are tested apart)."""
    from consentinel.gui import keyring_look

    monkeypatch.setattr(keyring_look, "KEYRING_LOOK_EVERY_S", 0.0)
