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


@pytest.fixture(autouse=True)
def _qt_objects_die_in_the_gui_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """In a Qt test, the app's own rule: Python's cycle collector runs in the GUI thread only.

    A test's controllers, runners and timers are left in reference cycles when it ends; collected
    later by whichever thread allocates (a check's worker, a simulated X's server), they were
    deleted outside their thread and crashed the run. They are collected here, at the end of the
    test that made them, after pytest-qt closed its windows."""
    if "qtbot" not in request.fixturenames:
        yield
        return
    request.getfixturevalue("qapp")
    from consentinel.gui.gui_thread_gc import GuiThreadCollector

    collector = GuiThreadCollector()
    collector.start()
    try:
        yield
    finally:
        collector.stop()
