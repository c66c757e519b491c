"""The journal window's export, waited for: it is written in a thread of its own."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from consentinel.gui.journal_window import JournalWindow


def exported(qtbot: QtBot, window: JournalWindow, path: Path, fmt: str) -> int:
    """window.export_to(path, fmt) once its thread is done: the entries written (0: failed)."""
    with qtbot.waitSignal(window.export_ended, timeout=30_000) as ended:
        assert window.export_to(path, fmt)
    return int(ended.args[0])
