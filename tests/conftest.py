"""Shared test set-up: every test gets its own data folder; Qt runs offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = [
    "tests.fixtures.simx_fixtures",
    "tests.fixtures.keyring_fixtures",
]


@pytest.fixture(autouse=True)
def consentinel_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private CONSENTINEL_HOME per test, and English messages unless a test asks otherwise."""
    home = tmp_path / "consentinel-home"
    monkeypatch.setenv("CONSENTINEL_HOME", str(home))
    monkeypatch.setenv("CONSENTINEL_LANG", "en")
    yield home
