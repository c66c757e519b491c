"""A launch that finds the app closing (a check it ran stops at a safe point first, up to a
minute) says so in a window, where the person may stop waiting; otherwise it becomes the app as
soon as the other one has closed. Before, it waited without a word."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from shiboken6 import getCppPointer

from consentinel.core.lock import RunLock
from consentinel.core.paths import AppPaths
from consentinel.core.settings import Settings, save_settings
from consentinel.gui import closing_wait, single_instance
from consentinel.gui.closing_wait import ClosingWait
from consentinel.gui.launch import EXIT_OK
from consentinel.gui.launch import main as launch_main
from consentinel.gui.single_instance import Claim, SingleInstance, server_name


def _closing_app(lock_path: Path) -> RunLock:
    """The lock of an app that is ending (as `SingleInstance.stop_answering` marks it)."""
    lock = RunLock(lock_path)
    assert lock.acquire()
    lock.say_closing()
    return lock


def _windows_shown() -> set[int]:
    """The windows shown, by their C++ address (a Python wrapper may be made again)."""
    return {getCppPointer(w)[0] for w in QApplication.topLevelWidgets() if w.isVisible()}


def test_the_wait_is_shown_and_the_person_may_stop_it(
    qtbot: QtBot, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In the language chosen in Settings (French here, on an English system)."""
    monkeypatch.setattr(closing_wait, "SHOW_AFTER_S", 0.0)
    # Should the button stop working: a failure in seconds, not a test that waits 90 s and
    # then for a message box nobody closes.
    monkeypatch.setattr(single_instance, "CLOSING_WAIT_S", 5.0)
    boxes: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: boxes.append(text))
    paths = AppPaths.under(consentinel_home).ensure()
    save_settings(paths, Settings(language="fr"))
    first = _closing_app(paths.instance_lock_path)
    seen: list[tuple[bool, str, str]] = []
    original = ClosingWait.still_waiting

    def as_the_person(self: ClosingWait) -> bool:
        waiting = original(self)
        if self.dialog is not None and not seen:
            seen.append(
                (self.dialog.isVisible(), self.dialog.windowTitle(), self.dialog.labelText())
            )
            (button,) = self.dialog.findChildren(QPushButton)
            assert button.text() == "Ne pas ouvrir"
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        return waiting

    monkeypatch.setattr(ClosingWait, "still_waiting", as_the_person)
    before = _windows_shown()
    try:
        assert launch_main([]) == EXIT_OK
    finally:
        first.release()
    (shown,) = seen
    assert shown[:2] == (True, "Consentinel")
    assert shown[2].startswith("Consentinel est encore en train de se fermer"), shown[2]
    assert boxes == []
    # Given up: no window left, no second app.
    assert _windows_shown() == before


def test_the_launch_is_the_app_once_the_other_has_closed(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(closing_wait, "SHOW_AFTER_S", 0.0)
    lock_path = tmp_path / "app.lock"
    other = _closing_app(lock_path)
    wait = ClosingWait()
    shown: list[bool] = []

    def still_waiting() -> bool:
        waiting = wait.still_waiting()
        shown.append(wait.dialog is not None and wait.dialog.isVisible())
        if len(shown) == 3:
            other.release()  # the other app has closed
        return waiting

    later = SingleInstance(server_name(str(tmp_path)), lock_path)
    try:
        assert later.claim(waiting=still_waiting) is Claim.FIRST
    finally:
        other.release()
        later.release()
    assert shown == [True, True, True]  # said from the first turn, until the lock came
    wait.close()
    assert wait.dialog is None
