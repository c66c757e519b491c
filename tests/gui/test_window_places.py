"""The main window and the journal window open where the person left them, at the size they
gave them (the journal's divider too), kept in <config>/window.json when they close or the
app quits; a place kept on a larger monitor, or on one no longer there, opens whole on the
screen there is. A fresh process per run of the app: Qt's screens are set before it starts."""

from __future__ import annotations

import base64
import json
import struct
from pathlib import Path

from tests.gui._on_screens import run_on_screens

_RUN = """
import json, os
from PySide6.QtWidgets import QApplication
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
if ctx.accounts.get("alice") is None:
    ctx.accounts.add(Account("alice"))
controller = AppController(ctx, Translators(), use_tray=False)
controller.start()
app.processEvents()
window = controller.window
window.show_journal()
app.processEvents()
journal = window.journal_window

def frame(widget):
    rect = widget.frameGeometry()
    return [rect.x(), rect.y(), rect.width(), rect.height()]

room = app.primaryScreen().availableGeometry()
seen = {
    "room": [room.x(), room.y(), room.width(), room.height()],
    "main": frame(window),
    "journal": frame(journal),
    "divider": journal.splitter.sizes(),
    # (the Details column's share of the table: it takes what the other columns leave)
    "details": journal.table.horizontalHeader().sectionSize(3) / journal.table.viewport().width(),
}
moves = json.loads(os.environ.get("PROBE_MOVES", "{}"))
if moves:
    window.setGeometry(*moves["main"])
    journal.setGeometry(*moves["journal"])
    app.processEvents()
    journal.splitter.setSizes(moves["divider"])
    app.processEvents()
    seen["left"] = {
        "main": frame(window), "journal": frame(journal), "divider": journal.splitter.sizes()
    }
    journal.close()  # the journal kept as it closes; the main window as the app quits
print(json.dumps(seen))
controller.shutdown()
"""


def _run(home: Path, screens: list[dict[str, int]], moves: dict[str, object] | None = None):
    return run_on_screens(
        _RUN,
        screens,
        home,
        home.parent / "screens.json",
        QT_SCALE_FACTOR="1",
        PROBE_MOVES=json.dumps(moves or {}),
    )


def _inside(room: list[int], frame: list[int]) -> bool:
    x, y, w, h = room
    return (
        x <= frame[0]
        and y <= frame[1]
        and frame[0] + frame[2] <= x + w
        and (frame[1] + frame[3] <= y + h)
    )


def test_the_windows_open_where_and_as_they_were_left(tmp_path: Path) -> None:
    home = tmp_path / "home"
    screen = [{"width": 1920, "height": 1080}]
    first = _run(home, screen)
    moves = {"main": [130, 90, 900, 500], "journal": [400, 200, 1200, 700], "divider": [500, 680]}
    left = _run(home, screen, moves)["left"]
    assert isinstance(left, dict) and left["main"] != first["main"]  # (moved and resized)
    assert left["journal"] != first["journal"] and left["divider"] != first["divider"]
    kept = json.loads((home / "config" / "window.json").read_text())
    assert {"main_window", "journal_window", "journal_divider"} <= set(kept)
    again = _run(home, screen)
    assert again["main"] == left["main"], again
    assert again["journal"] == left["journal"], again
    assert again["divider"] == left["divider"], again


def test_the_journal_gives_its_table_the_room_and_its_pane_a_narrow_width(tmp_path: Path) -> None:
    """Its Details column was cut off while the pane beside it took a third of the window."""
    seen = _run(tmp_path / "home", [{"width": 1920, "height": 1080}])
    assert seen["journal"][2] >= 1100, seen  # type: ignore[index]  # (its usual size)
    assert seen["divider"][1] <= 300, seen  # type: ignore[index]
    assert seen["details"] >= 0.4, seen  # type: ignore[operator]  # (0.38 before, no row)


def _splitter_state(table: int, pane: int) -> str:
    """A divider as QSplitter.saveState writes it (marker, version, the sizes, then whether
    children collapse, the handle's width, opaque resizing, the orientation), in base64."""
    sizes = struct.pack(">iiIii", 0xFF, 1, 2, table, pane)
    return base64.b64encode(sizes + bytes.fromhex("01ffffffff010000000100")).decode("ascii")


def test_a_divider_kept_where_it_always_stood_moves_one_the_person_moved_stays(
    tmp_path: Path,
) -> None:
    """Before, the divider was kept whether moved or not, at a third of the window by
    default: that one gives way to the narrower pane; one the person moved is kept."""
    screen = [{"width": 1920, "height": 1080}]
    for (table, pane), kept_as_left in (((713, 361), False), ((500, 574), True)):
        home = tmp_path / f"home{pane}"
        (home / "config").mkdir(parents=True)
        memory = home / "config" / "window.json"
        memory.write_text(json.dumps({"journal_splitter": _splitter_state(table, pane)}))
        seen = _run(home, screen)
        if kept_as_left:
            assert seen["divider"] == [table, pane], seen
        else:
            assert seen["divider"][1] <= 300, seen  # type: ignore[index]
        kept = json.loads(memory.read_text())
        assert "journal_splitter" not in kept and "journal_divider" in kept, kept
        assert _run(home, screen)["divider"] == seen["divider"]


def test_a_place_kept_on_a_larger_screen_opens_whole_on_a_smaller_one(tmp_path: Path) -> None:
    home = tmp_path / "home"
    moves = {
        "main": [700, 600, 1500, 1000],
        "journal": [100, 50, 1450, 1100],
        "divider": [900, 500],
    }
    _run(home, [{"width": 1600, "height": 1200}], moves)
    seen = _run(home, [{"width": 1400, "height": 1000}])
    room = seen["room"]
    assert isinstance(room, list)
    assert seen["main"][2] > 1300, seen  # type: ignore[index]  # (as large as it can be now)
    for window in ("main", "journal"):
        assert _inside(room, seen[window]), seen  # type: ignore[arg-type]


def test_a_place_on_a_monitor_no_longer_there_opens_on_the_one_there_is(tmp_path: Path) -> None:
    home = tmp_path / "home"
    two = [{"width": 1920, "height": 1080}, {"x": 1920, "y": 0, "width": 1920, "height": 1080}]
    moves = {
        "main": [2500, 200, 1000, 600],
        "journal": [2200, 100, 1100, 650],
        "divider": [700, 380],
    }
    left = _run(home, two, moves)["left"]
    assert isinstance(left, dict) and left["main"][0] >= 1920  # (on the second monitor)
    seen = _run(home, [{"width": 1920, "height": 1080}])
    room = seen["room"]
    assert isinstance(room, list)
    assert seen["main"][2:] == left["main"][2:], seen  # type: ignore[index]  # (its size kept)
    for window in ("main", "journal"):
        assert _inside(room, seen[window]), seen  # type: ignore[arg-type]
