"""Quitting while the journal window exports: the app waited for nothing, the export was lost
(its hidden temp file left beside the name chosen) and the person thought it saved. Now every
way of quitting waits in a small window, "Finishing the export", and quits once the file is
written; Stop the export and quit removes its temp file; Keep Consentinel open keeps both;
an export that fails meanwhile is said there instead of a quit; the app ended by a signal
stops it, its temp file removed. Real windows, a real journal and real files: the export's
one screenshot is read slowly (a slow disk), so that its temp file is there while it waits."""

from __future__ import annotations

import hashlib
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import pytest
from pytestqt.qtbot import QtBot

from consentinel.core import evidence_bundle
from consentinel.core.context import AppContext
from consentinel.gui import journal_exporting
from consentinel.gui.app_controller import AppController
from consentinel.gui.export_waiting import ExportWait
from consentinel.gui.journal_window import JournalWindow
from tests.gui._app_support import add_account, make_context, running_app

SHOT = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64

WORDS = {
    "en": {
        "title": "Finishing the export",
        "waiting": "The journal is being exported to {path}. Consentinel quits as soon as the "
        "file is written.",
        "stop": "&Stop the export and quit",
        "keep": "&Keep Consentinel open",
        "stopped": "The export was stopped: nothing was written.",
        "failed": "The export failed. ",
        "quit": "&Quit",
    },
    "fr": {
        "title": "Fin de l'export en cours",
        "waiting": "Le journal est en cours d'export vers {path}. Consentinel se fermera dès "
        "que le fichier sera écrit.",
        "stop": "&Arrêter l'export et quitter",
        "keep": "&Garder Consentinel ouvert",
        "stopped": "L'export a été arrêté\u00a0: rien n'a été écrit.",
        "failed": "L'export a échoué. ",
        "quit": "&Quitter",
    },
}


class SlowDisk:
    """The bundle's screenshot, read from a disk that gives its first piece only once let go
    (`release`), or once the export is stopped (its next piece would come)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.reading = threading.Event()
        self.released = threading.Event()
        real_open = evidence_bundle._open_screenshot
        real_stop = journal_exporting.RunningExport.stop
        disk = self

        class SlowFile:
            def __init__(self, file: BinaryIO) -> None:
                self._file = file

            def read(self, size: int = -1) -> bytes:
                disk.reading.set()
                assert disk.released.wait(30)
                return self._file.read(size)

            def __enter__(self) -> SlowFile:
                return self

            def __exit__(self, *_exc: object) -> None:
                self._file.close()

        def slow_open(folder: Path, name: str) -> SlowFile:
            return SlowFile(real_open(folder, name))

        def stop(export: journal_exporting.RunningExport) -> None:
            real_stop(export)
            disk.release()

        monkeypatch.setattr(evidence_bundle, "_open_screenshot", slow_open)
        monkeypatch.setattr(journal_exporting.RunningExport, "stop", stop)

    def release(self) -> None:
        self.released.set()


@pytest.fixture
def slow_disk(monkeypatch: pytest.MonkeyPatch) -> Iterator[SlowDisk]:
    disk = SlowDisk(monkeypatch)
    yield disk
    disk.release()  # (never a thread left waiting)


def _context(home: Path) -> AppContext:
    """A journal with one check and its screenshot."""
    ctx = make_context(home)
    add_account(ctx, "alice", "pw")
    ctx.paths.evidence_dir.mkdir(parents=True, exist_ok=True)
    shot = ctx.paths.evidence_dir / "alice-check.png"
    shot.write_bytes(SHOT)
    run = ctx.journal.start_run("gui")
    ctx.journal.record_evidence(run, "alice", shot, "check", hashlib.sha256(SHOT).hexdigest())
    ctx.journal.finish_run(run)
    return ctx


def _exporting(qtbot: QtBot, app: AppController, disk: SlowDisk, target: Path) -> JournalWindow:
    """The journal window's ZIP export under way, its temp file beside `target`."""
    app.window.show_journal()
    journal = app.window.journal_window
    assert journal is not None
    qtbot.waitUntil(lambda: not journal.verifying)
    assert journal.export_to(target, "zip")
    assert disk.reading.wait(30)
    assert _temp_files(target.parent), "the export's temp file is there while it is written"
    return journal


def _exports(tmp_path: Path) -> Path:
    """Where the person exports to (beside the data folder, not in it)."""
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


def _temp_files(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


def _wait_window(qtbot: QtBot, app: AppController) -> ExportWait:
    found: list[ExportWait] = []

    def shown() -> bool:
        found[:] = [w for w in app.window.findChildren(ExportWait) if w.isVisible()]
        return len(found) == 1

    qtbot.waitUntil(shown)
    return found[0]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_quitting_waits_for_the_export_and_quits_once_it_is_written(
    qtbot: QtBot, consentinel_home: Path, slow_disk: SlowDisk, tmp_path: Path, language: str
) -> None:
    ctx = _context(consentinel_home)
    target = _exports(tmp_path) / "journal.zip"
    words = WORDS[language]
    with running_app(qtbot, ctx, language=language) as app:
        quits: list[bool] = []
        app.on_quit = lambda: quits.append(True)
        journal = _exporting(qtbot, app, slow_disk, target)
        app.window.quit_action.trigger()  # File › Quit, Ctrl+Q
        wait = _wait_window(qtbot, app)
        assert wait.isModal() and wait.windowTitle() == words["title"]
        assert wait.label.text() == words["waiting"].replace("{path}", str(target))
        assert wait.stop_button.text() == words["stop"]
        assert wait.keep_button.text() == words["keep"] and wait.keep_button.isDefault()
        assert quits == [] and journal.exporting
        app.window.quit_action.trigger()  # asked again: the same window, not a second one
        assert len(app.window.findChildren(ExportWait)) == 1
        slow_disk.release()
        qtbot.waitUntil(lambda: quits == [True])
        qtbot.waitUntil(lambda: not app.window.findChildren(ExportWait))  # (closed, deleted)
    assert [path.name for path in target.parent.iterdir()] == ["journal.zip"]
    assert evidence_bundle.is_bundle(target)


def test_closing_the_last_window_waits_and_stop_removes_the_temp_file(
    qtbot: QtBot, consentinel_home: Path, slow_disk: SlowDisk, tmp_path: Path
) -> None:
    """Closing the window quits when there is no tray: it stays open, the export is waited
    for; Stop the export and quit stops it, its temp file removed, then quits."""
    ctx = _context(consentinel_home)
    target = _exports(tmp_path) / "journal.zip"
    with running_app(qtbot, ctx) as app:
        quits: list[bool] = []
        app.on_quit = lambda: quits.append(True)
        journal = _exporting(qtbot, app, slow_disk, target)
        app.window.keep_in_tray = False
        app.window.close()
        wait = _wait_window(qtbot, app)
        assert app.window.isVisible() and quits == []  # (the close was not taken)
        wait.stop_button.click()
        qtbot.waitUntil(lambda: quits == [True])
        assert list(target.parent.iterdir()) == []  # no file, no temp file
        assert journal.export_label.text() == WORDS["en"]["stopped"]
        assert not journal.exporting


def test_keep_consentinel_open_keeps_the_app_and_the_export(
    qtbot: QtBot, consentinel_home: Path, slow_disk: SlowDisk, tmp_path: Path
) -> None:
    """The tray's Quit (the controller's quit): Keep Consentinel open (Esc too) closes the
    window, nothing quits, and the export is written."""
    ctx = _context(consentinel_home)
    target = _exports(tmp_path) / "journal.zip"
    with running_app(qtbot, ctx) as app:
        quits: list[bool] = []
        app.on_quit = lambda: quits.append(True)
        journal = _exporting(qtbot, app, slow_disk, target)
        app.quit()
        wait = _wait_window(qtbot, app)
        wait.reject()  # (Esc, the window's close)
        qtbot.waitUntil(lambda: not app.window.findChildren(ExportWait))
        with qtbot.waitSignal(journal.export_ended, timeout=30_000) as ended:
            slow_disk.release()
        assert ended.args[0] == 3 and quits == []  # (its 3 entries)
        assert [path.name for path in target.parent.iterdir()] == ["journal.zip"]
        app.quit()  # nothing under way now: quits at once
        assert quits == [True]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_export_that_fails_while_quitting_is_said_instead_of_quitting(
    qtbot: QtBot, consentinel_home: Path, slow_disk: SlowDisk, tmp_path: Path, language: str
) -> None:
    ctx = _context(consentinel_home)
    folder = tmp_path / "usb-stick"
    folder.mkdir()
    target = folder / "journal.zip"
    words = WORDS[language]
    with running_app(qtbot, ctx, language=language) as app:
        quits: list[bool] = []
        app.on_quit = lambda: quits.append(True)
        _exporting(qtbot, app, slow_disk, target)
        app.window.quit_action.trigger()
        wait = _wait_window(qtbot, app)
        shutil.rmtree(folder)  # (the stick pulled out)
        slow_disk.release()
        qtbot.waitUntil(lambda: wait.label.text().startswith(words["failed"]))
        assert quits == [] and wait.isVisible()
        assert wait.stop_button.text() == words["quit"]
        wait.stop_button.click()
        assert quits == [True]


def test_the_app_ended_by_a_signal_stops_the_export_and_removes_its_temp_file(
    qtbot: QtBot, consentinel_home: Path, slow_disk: SlowDisk, tmp_path: Path
) -> None:
    """SIGTERM (a logout) ends the event loop without asking; the shutdown after it stops the
    export and waits for its thread, so that no temp file outlives the process."""
    ctx = _context(consentinel_home)
    target = _exports(tmp_path) / "journal.zip"
    with running_app(qtbot, ctx) as app:
        journal = _exporting(qtbot, app, slow_disk, target)
        thread = journal.export_thread
        assert thread is not None
        app.shutdown()  # (what launch.py does once the loop ended)
        assert not thread.is_alive()
        assert list(target.parent.iterdir()) == []
        assert journal_exporting.running_exports() == []
