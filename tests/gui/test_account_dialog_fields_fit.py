"""The account dialog's fields are never cut on the right: when a long message under them makes
the dialog taller (up to the screen's height, the fields scrolling), their scroll bar takes its
width from them, not from their right edge; with large text, the dialog is never narrower than
its fields (nor can the person make it so). In English and in French, adding and editing. A
fresh process per case: Qt's screen and text size are set before it starts."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gui._on_screens import ROOT, run_on_screens

#: Opens the dialog, gets it to say a long refusal under the fields (editing: "Use the saved
#: 2FA secret again" on a saved secret no code can be made from; adding: the account added
#: meanwhile by another writer), then says what is cut: as the save returns (what the dialog
#: fitted itself to), once Qt's queued work is done, and at the narrowest the dialog allows.
_PROBE = """
import json, os, sys
sys.path.insert(0, os.environ["PROBE_ROOT"])
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QLabel, QWidget
app = QApplication([])
if os.environ["PROBE_TEXT"] != "1":
    font = app.font()
    font.setPointSizeF(font.pointSizeF() * float(os.environ["PROBE_TEXT"]))
    app.setFont(font)
from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.memory_keyring import MemoryKeyring
from consentinel.core.totp_refusals import remember_refused_totp
from consentinel.core.vault import Vault
from consentinel.gui.account_dialog import AccountDialog
from consentinel.gui.translations import Translators
from tests.fixtures.accounts_race import another_writer_adds_meanwhile

TOTP = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
translators = Translators()
translators.switch(os.environ["PROBE_LANGUAGE"])
vault = Vault(MemoryKeyring())
ctx = AppContext.create(vault=vault)
editing = os.environ["PROBE_DIALOG"] == "edit"
if editing:
    ctx.accounts.add(Account("ivy"))
    vault.set_totp("ivy", TOTP)
    remember_refused_totp(ctx, "ivy", TOTP)
    vault.backend.set_password(vault.service, "ivy:totp", "not a secret at all!")
dialog = AccountDialog(ctx, ctx.accounts.get("ivy") if editing else None)
dialog.show()
while dialog.keyring_seen is None:  # (its look at the keyring answers from a thread)
    app.processEvents()
app.processEvents()


def cut() -> list[str]:
    area = dialog.form_area
    viewport = area.viewport()
    content = area.widget()
    found = []
    if viewport.mapTo(dialog, QPoint(viewport.width(), 0)).x() > dialog.width():
        found.append(f"the fields' area, {dialog.width()} wide, at {viewport.width()}")
    for widget in content.findChildren(QWidget):
        if not widget.isVisibleTo(content):
            continue
        name = (widget.text() if hasattr(widget, "text") else "") or type(widget).__name__
        right = widget.mapTo(viewport, QPoint(widget.width(), 0)).x()
        if right > viewport.width():
            found.append(f"{name[:40]!r} to {right}, {viewport.width()} in view")
    for label in dialog.findChildren(QLabel):
        if label.isVisibleTo(dialog) and label.wordWrap() and label.text():
            if label.heightForWidth(label.width()) > label.height():
                found.append(f"{label.text()[:40]!r}: lines cut")
    return found


def settle() -> None:
    for _ in range(10):
        app.processEvents()


if editing:
    dialog.use_totp_again.click()
    dialog.save_button.click()
else:
    dialog.handle_edit.setText("fay")
    dialog.password_edit.setText("a-password-of-their-own")
    dialog._validate()
    with another_writer_adds_meanwhile(ctx.paths, vault, "fay", "their-password"):
        dialog.save_button.click()


def look(moment: str) -> None:
    seen[moment] = cut()
    if os.environ.get("PROBE_SHOTS"):  # (to look at: PROBE_SHOTS=folder/prefix)
        dialog.grab().save(f"{os.environ['PROBE_SHOTS']}_{moment}.png")


seen: dict[str, object] = {"message": dialog.save_error.text()}
look("as_saved")
settle()
seen["scrolls"] = dialog.form_area.verticalScrollBar().isVisible()
look("settled")
dialog.resize(1, dialog.height())  # as narrow as it lets the person make it
settle()
look("narrowest")
print(json.dumps(seen))
"""

#: Small: the message makes the dialog as tall as the screen allows, and the fields scroll.
#: Roomy: the dialog grows for the message, and the fields scroll only on the way.
_SCREENS = {"small": {"width": 1024, "height": 600}, "roomy": {"width": 1024, "height": 800}}


def _open(
    tmp_path: Path, screen: str, dialog: str, language: str, text: str, shots: str = ""
) -> dict[str, object]:
    return run_on_screens(
        _PROBE,
        [_SCREENS[screen]],
        tmp_path / "home",
        tmp_path / "screen.json",
        PROBE_ROOT=str(ROOT),
        PROBE_DIALOG=dialog,
        PROBE_LANGUAGE=language,
        PROBE_TEXT=text,
        PROBE_SHOTS=shots,
    )


_REFUSED = {
    ("edit", "en"): "Nothing was saved: The 2FA secret saved for @ivy is not a valid one",
    ("edit", "fr"): "Rien n'a été enregistré\u00a0: Le secret 2FA enregistré pour @ivy n'est",
    ("add", "en"): "@fay was added meanwhile",
    ("add", "fr"): "@fay a été ajouté entre-temps",
}


@pytest.mark.parametrize("screen", sorted(_SCREENS))
@pytest.mark.parametrize("text", ["1", "1.5"])
@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("dialog", ["edit", "add"])
def test_a_long_refusal_leaves_the_fields_whole_when_they_scroll(
    tmp_path: Path, dialog: str, language: str, text: str, screen: str
) -> None:
    """Growing for the message, the dialog went through a height at which the fields scroll:
    the scroll bar shown then stayed over fields laid out for no bar (Qt hides it in a queued
    call), the line edits under it, the help text reading "…quand", "…vous", the keyring line
    "…jama". With large text, the dialog could be narrower than its fields, whose right edge
    was then outside it (its own minimum width kept Qt from raising it to theirs)."""
    seen = _open(tmp_path, screen, dialog, language, text)
    assert str(seen["message"]).startswith(_REFUSED[dialog, language]), seen["message"]
    if screen == "small":
        assert seen["scrolls"] is True  # (the case in point)
    assert seen["as_saved"] == [], seen
    assert seen["settled"] == [], seen
    assert seen["narrowest"] == [], seen
