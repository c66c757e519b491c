"""The main window and the journal window open within the screen, with every control in
reach, on a laptop screen at 200 % (1400 by 1000 pixels: 700 by 500 points), in English and
in French; on a roomy screen they open at their usual sizes, the journal's filters in one row.
A fresh process per case: Qt's screen and scale are set before it starts."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gui._on_screens import run_on_screens

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
    return run_on_screens(
        _PROBE,
        [{"width": 1400, "height": 1000}],
        tmp_path / "home",
        tmp_path / "screen.json",
        QT_SCALE_FACTOR=scale,
        PROBE_LANGUAGE=language,
    )


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


# -- the dialogs ------------------------------------------------------------------------------

_DIALOG_PROBE = """
import json, os
from pathlib import Path
from PySide6.QtWidgets import (
    QAbstractButton, QApplication, QCheckBox, QDialogButtonBox, QLabel, QWidget
)
app = QApplication([])
if os.environ.get("PROBE_FONT"):
    font = app.font()
    font.setPointSizeF(font.pointSizeF() * float(os.environ["PROBE_FONT"]))
    app.setFont(font)
from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.memory_keyring import MemoryKeyring
from consentinel.core.vault import Vault
from consentinel.gui.translations import Translators

Translators().switch(os.environ["PROBE_LANGUAGE"])
ctx = AppContext.create(vault=Vault(MemoryKeyring()))
ctx.accounts.add(Account("hal"))
which = os.environ["PROBE_DIALOG"]
if which in ("add", "edit"):
    from consentinel.gui.account_dialog import AccountDialog
    dialog = AccountDialog(ctx, ctx.accounts.get("hal") if which == "edit" else None)
elif which == "about":
    from consentinel.gui.about_dialog import AboutDialog
    dialog = AboutDialog(ctx)
else:
    from consentinel.gui.getting_started import GettingStartedDialog
    dialog = GettingStartedDialog(ctx.paths.journal_path, Path(os.environ["PROBE_README"]))
dialog.show()
for _ in range(10):
    app.processEvents()
room = app.primaryScreen().availableGeometry()

def on_screen(widget: QWidget) -> bool:
    rect = widget.rect()
    corners = (widget.mapToGlobal(rect.topLeft()), widget.mapToGlobal(rect.bottomRight()))
    return all(room.contains(corner) for corner in corners)

def cut(widget: QWidget) -> bool:
    if isinstance(widget, QLabel) and widget.wordWrap():
        return widget.heightForWidth(widget.width()) > widget.height()
    return widget.sizeHint().width() > widget.width()

buttons = [
    b for b in dialog.findChildren(QAbstractButton)
    if b.isVisible() and isinstance(b.parent(), QDialogButtonBox)
]
shown = [
    w for w in dialog.findChildren(QLabel) + dialog.findChildren(QCheckBox)
    if w.isVisible() and (not isinstance(w, QLabel) or w.text())
]
frame = dialog.frameGeometry()
print(json.dumps({
    "room": [room.width(), room.height()],
    "inside": room.contains(frame),
    "buttons": len(buttons),
    "out_of_reach": [b.text() for b in buttons if not on_screen(b)],
    "cut": [w.text()[:60] for w in shown if cut(w)],
}))
"""

#: Large text (twice the font) on a 1366 by 768 screen; 200 % on a 1400 by 1000 one.
_SMALL_ROOMS = {"font2": (1366, 768, "1", "2"), "200": (1400, 1000, "2", "")}


def _open_dialog(
    tmp_path: Path, dialog: str, language: str, room: tuple[int, int, str, str]
) -> dict[str, object]:
    width, height, scale, font = room
    readme = tmp_path / "README.md"
    readme.write_text("# Consentinel\n")
    return run_on_screens(
        _DIALOG_PROBE,
        [{"width": width, "height": height}],
        tmp_path / "home",
        tmp_path / "screen.json",
        QT_SCALE_FACTOR=scale,
        PROBE_FONT=font,
        PROBE_LANGUAGE=language,
        PROBE_DIALOG=dialog,
        PROBE_README=str(readme),
    )


@pytest.mark.parametrize("room", sorted(_SMALL_ROOMS))
@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("dialog", ["add", "edit", "about", "getting_started"])
def test_with_large_text_or_on_a_small_screen_the_dialogs_keep_their_buttons_in_reach(
    tmp_path: Path, dialog: str, language: str, room: str
) -> None:
    """The Add and Edit account dialogs were taller than the screen (Save and Cancel under
    its edge, the dialog no smaller), Training's line was cut on the right, and Getting
    started pushed the README's link and Close off the screen: their words scroll now."""
    seen = _open_dialog(tmp_path, dialog, language, _SMALL_ROOMS[room])
    if room == "200":
        assert seen["room"] == [700, 500]
    assert seen["inside"] is True, seen
    assert seen["buttons"] and seen["out_of_reach"] == [], seen
    assert seen["cut"] == [], seen


@pytest.mark.parametrize("language", ["en", "fr"])
def test_about_at_200_percent_on_a_1080p_screen_keeps_close_in_reach(
    tmp_path: Path, language: str
) -> None:
    seen = _open_dialog(tmp_path, "about", language, (1920, 1080, "2", ""))
    assert seen["room"] == [960, 540]
    assert seen["inside"] is True and seen["out_of_reach"] == [] and seen["cut"] == [], seen
