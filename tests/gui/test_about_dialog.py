"""The About dialog: version and licence, and the doctor's lines in the Diagnostics tab."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from consentinel import __version__
from consentinel.core.context import AppContext
from consentinel.core.vault import Vault
from consentinel.gui import about_dialog
from consentinel.gui.about_dialog import AboutDialog, DiagnosticLine
from consentinel.gui.translations import Translators


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


@pytest.mark.parametrize(
    ("language", "one", "two", "none"),
    [
        (
            "en",
            "Consentinel has what it needs, but read the note below.",
            "Consentinel has what it needs, but read the 2 notes below.",
            "Everything Consentinel needs is here.",
        ),
        (
            "fr",
            "Consentinel a ce qu'il lui faut, mais lisez la ligne «\u00a0À noter\u00a0» "
            "ci-dessous.",
            "Consentinel a ce qu'il lui faut, mais lisez les 2 lignes «\u00a0À noter\u00a0» "
            "ci-dessous.",
            "Tout ce dont Consentinel a besoin est présent.",
        ),
    ],
)
def test_the_verdict_never_says_all_is_here_above_a_note_s_advice(
    qtbot: QtBot,
    memory_vault: Vault,
    consentinel_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    one: str,
    two: str,
    none: str,
) -> None:
    """As `consentinel doctor` ended "All good." under the sandbox's advice (audit 2, item 8),
    the Diagnostics tab said "Everything Consentinel needs is here." above "Note · Browser
    sandbox · off: Consentinel runs as root · What to do: Run Consentinel as your own user"."""
    sandbox = DiagnosticLine("Browser sandbox", None, "off: runs as root", "Run as your own user.")
    schedule = DiagnosticLine("Schedule", None, "not installed", "Run: schedule install")
    python = DiagnosticLine("Python", True, "3.12")
    shown: list[list[DiagnosticLine]] = [[python, sandbox], [python, sandbox, schedule], [python]]
    monkeypatch.setattr(about_dialog, "diagnostics", lambda _ctx: shown.pop(0))
    translators = Translators()
    translators.switch(language)
    try:
        dialog = AboutDialog(AppContext.create(vault=memory_vault))
        qtbot.addWidget(dialog)
        for expected in (one, two, none):
            with qtbot.waitSignal(dialog.diagnosticsReady, timeout=10_000):
                if expected is not one:
                    dialog.run_diagnostics()
            assert dialog.status_label.text() == expected
        dialog.close()
    finally:
        translators.switch("en")
