"""The main window and the journal window open within the screen, with every control in
reach, on a laptop screen at 200 % (1400 by 1000 pixels: 700 by 500 points), in English and
in French; on a roomy screen they open at their usual sizes, the journal's filters in one row.
A fresh process per case: Qt's screen and scale are set before it starts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

_PROBE = """
import json, os
from PySide6.QtWidgets import QApplication, QPushButton
app = QApplication([])
from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.memory_keyring import MemoryKeyring
from consentinel.core.settings import Settings
from consentinel.core.vault import Vault
from consentinel.gui.app_controller import AppController
from consentinel.gui.translations import Translators

settings = Settings(schedule="off", check_on_start=False)
ctx = AppContext.create(vault=Vault(MemoryKeyring()), settings=settings)
for handle in ("alice", "bob"):
    ctx.accounts.add(Account(handle))
translators = Translators()
translators.switch(os.environ["PROBE_LANGUAGE"])
controller = AppController(ctx, translators, use_tray=False)
controller.start()
app.processEvents()
window = controller.window
window.show_journal()
app.processEvents()
journal = window.journal_window
room = app.primaryScreen().availableGeometry()
buttons = [b for b in journal.findChildren(QPushButton) if b.isVisible()]
print(json.dumps({
    "room": [room.width(), room.height()],
    "main": [window.width(), window.height()],
    "journal": [journal.width(), journal.height()],
    "one_row": journal.filter_row.in_one_row,
    "outside": [
        b.text() for b in buttons if b.mapTo(journal, b.rect().topRight()).x() > journal.width()
    ],
}))
controller.shutdown()
"""


def _open(tmp_path: Path, scale: str, language: str) -> dict[str, object]:
    screen = tmp_path / "screen.json"
    screen.write_text(
        json.dumps({"screens": [{"name": "laptop", "width": 1400, "height": 1000, "dpr": 1}]})
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
        "QT_SCALE_FACTOR": scale,
        "PROBE_LANGUAGE": language,
        "CONSENTINEL_HOME": str(tmp_path / "home"),
        "PYTHONPATH": str(ROOT / "desktop"),
    }
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr[-2000:]
    seen: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return seen


@pytest.mark.parametrize("language", ["en", "fr"])
def test_at_200_percent_both_windows_fit_the_screen_with_every_button_in_reach(
    tmp_path: Path, language: str
) -> None:
    seen = _open(tmp_path, "2", language)
    assert seen["room"] == [700, 500]
    width, height = seen["room"]  # type: ignore[misc]
    for window in ("main", "journal"):
        w, h = seen[window]  # type: ignore[misc]
        assert w <= width and h <= height, seen
    assert seen["one_row"] is False  # the filters went to two rows rather than off-screen
    assert seen["outside"] == [], seen


def test_on_a_roomy_screen_they_open_at_their_usual_sizes(tmp_path: Path) -> None:
    seen = _open(tmp_path, "1", "en")
    assert seen["main"] == [980, 560] and seen["journal"] == [1100, 620], seen
    assert seen["one_row"] is True and seen["outside"] == [], seen
