"""The About dialog: version and licence, and the doctor's lines in the Diagnostics tab."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from consentinel import __version__
from consentinel.core.context import AppContext
from consentinel.core.vault import Vault
from consentinel.gui.about_dialog import AboutDialog


def test_about_shows_version_licence_and_diagnostics(qtbot: QtBot, memory_vault: Vault) -> None:
    ctx = AppContext.create(vault=memory_vault)
    dialog = AboutDialog(ctx)
    qtbot.addWidget(dialog)
    text = dialog.about_text.text()
    assert __version__ in text
    assert "GPL-3.0-or-later" in text
    # The doctor runs in a thread (it starts Chromium and calls X with a timeout).
    with qtbot.waitSignal(dialog.diagnosticsReady, timeout=60_000):
        pass
    names = [line.name for line in dialog.lines]
    assert "Python" in names and "Qt" in names
    assert len(names) >= 5
    shown = dialog.report.toPlainText()
    assert all(line.name in shown and line.detail[:20] in shown for line in dialog.lines)
    assert dialog.rerun_button.isEnabled()
    dialog.close()
