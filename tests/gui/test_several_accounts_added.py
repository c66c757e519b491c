"""Accounts added in one Add dialog with "Save and add another" are all selected once it
closes, and the status bar counts them: only the last was selected, and the bar named it alone,
so "Check selected" checked one of them (EN and FR, real widgets offscreen)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from tests.gui._app_support import add_account, make_context, running_app
from tests.gui.test_main_window import _add_with_save_and_add_another

SAID = {
    "en": "3 accounts added. Choose “Check selected” to protect them now.",
    "fr": "3 comptes ajoutés. Choisissez «\u00a0Vérifier la sélection\u00a0» pour les protéger "
    "maintenant.",
}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_account_one_dialog_added_is_selected_and_counted_when_it_closes(
    qtbot: QtBot, consentinel_home: Path, language: str
) -> None:
    ctx = make_context(consentinel_home)
    add_account(ctx, "already_here", "pw")
    with running_app(qtbot, ctx, language=language) as app:
        window = app.window
        handles = ("velo_club", "cafe_nord", "studio_b")
        QTimer.singleShot(0, lambda: _add_with_save_and_add_another(qtbot, handles))
        window.add_action.trigger()  # saved three times, then Cancel
        assert sorted(window.table.selected_handles()) == sorted(handles)
        assert window.table.current_handle() in handles
        assert window.statusBar().currentMessage() == SAID[language]
        # "Check selected" is what the bar asks for: it would check the three.
        assert window.check_action.isEnabled()
        # One account alone is said as before, by its handle.
        QTimer.singleShot(0, lambda: _add_with_save_and_add_another(qtbot, ("solo_one",)))
        window.add_action.trigger()
        assert window.table.selected_handles() == ["solo_one"]
        assert window.statusBar().currentMessage().startswith("@solo_one ")
