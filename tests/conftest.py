"""Shared test set-up: every test gets its own data folder; Qt runs offscreen."""

from __future__ import annotations

import json
import os
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


def _desktop_sized_offscreen() -> str:
    """Qt's offscreen screen is 800 by 600 unless told otherwise, smaller than the windows'
    usual sizes, which never exceed their screen: the tests' windows open on a common
    desktop screen (1920 by 1200), as on most people's. Tests about small screens and 200 %
    give their own (tests/gui/test_window_sizes.py)."""
    config = Path(tempfile.gettempdir()) / "consentinel-tests-screen.json"
    screen = {"name": "desktop", "width": 1920, "height": 1200, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}))
    return f"offscreen:configfile={config}"


if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = _desktop_sized_offscreen()

pytest_plugins = [
    "tests.fixtures.simx_fixtures",
    "tests.fixtures.keyring_fixtures",
    "tests.fixtures.sandbox_fixtures",
]


#: The signals an app run in this process takes over (gui/quit_signals.py, cli/main.py).
_TAKEN_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGHUP", "SIGTERM", "SIGINT") if hasattr(signal, name)
)


@pytest.fixture(autouse=True)
def _signals_as_they_were() -> Iterator[None]:
    """What a test leaves to this process's signals, set back after it: an app launched
    in-process keeps its clean-up's rules when its loop ends (SIGHUP ignored, as the process
    it runs in is about to end), which a later test would meet — a command's SIGHUP left
    ignored (`nohup`'s rule) made tests/unit/test_cli_stop_signals.py wait forever."""
    before = {number: signal.getsignal(number) for number in _TAKEN_SIGNALS}
    yield
    for number, handler in before.items():
        if handler is not None:  # (None: not set from Python, nothing to set back)
            signal.signal(number, handler)


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
