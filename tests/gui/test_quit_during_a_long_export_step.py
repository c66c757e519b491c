"""Quitting while an export is in a step it cannot be stopped in (its file being written on a slow
disk; a journal of years being read): the app's end waits for it a while only, then removes its
temp file itself, so that none outlives the process; and should the export's thread go on, its
file is never renamed into place half written. Real windows, a real journal and real files; the
disk is slow: the export's temp file is not synced until let go."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from consentinel.gui import journal_exporting
from consentinel.gui.export_waiting import ExportWait
from tests.gui._app_support import add_account, make_context, running_app


class SlowDisk:
    """The export thread's first fsync (its temp file's, once written) returns only once let go
    (`release`); every other thread's at once."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.syncing = threading.Event()
        self.released = threading.Event()
        real_fsync = os.fsync

        def fsync(fd: int) -> None:
            exporting = threading.current_thread().name == "journal-export"
            if exporting and not self.syncing.is_set():
                self.syncing.set()
                assert self.released.wait(30)
            real_fsync(fd)

        monkeypatch.setattr(os, "fsync", fsync)

    def release(self) -> None:
        self.released.set()


@pytest.fixture
def slow_disk(monkeypatch: pytest.MonkeyPatch) -> Iterator[SlowDisk]:
    disk = SlowDisk(monkeypatch)
    yield disk
    disk.release()  # (never a thread left waiting)


@pytest.mark.parametrize("fmt", ["json", "csv", "zip"])
def test_quitting_removes_the_temp_file_of_an_export_it_could_not_stop(
    qtbot: QtBot,
    consentinel_home: Path,
    slow_disk: SlowDisk,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
) -> None:
    ctx = make_context(consentinel_home)
    add_account(ctx, "alice", "pw")
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / f"journal.{fmt}"
    # (the app's end waits 10 s for an export; a test need not)
    monkeypatch.setattr(journal_exporting, "STOP_WAIT_S", 0.2, raising=False)
    with running_app(qtbot, ctx) as app:
        app.window.show_journal()
        journal = app.window.journal_window
        assert journal is not None
        qtbot.waitUntil(lambda: not journal.verifying)
        assert journal.export_to(target, fmt)
        assert slow_disk.syncing.wait(30)
        (temp,) = folder.iterdir()  # written, not yet synced
        assert temp.name.startswith(f".{target.name}.") and temp.name.endswith(".tmp")
        thread = journal.export_thread
        assert thread is not None
        app.shutdown()  # (what launch.py does once the loop ended: SIGTERM, a logout)
        assert thread.is_alive()  # still in its fsync: not stopped
        assert list(folder.iterdir()) == []  # its temp file removed all the same
        slow_disk.release()  # the disk answers: the thread goes on, and finds itself stopped
        qtbot.waitUntil(lambda: not thread.is_alive())
        assert list(folder.iterdir()) == []  # nothing renamed into place
        assert journal_exporting.running_exports() == []


def test_stop_the_export_and_quit_while_its_file_is_synced_writes_nothing(
    qtbot: QtBot, consentinel_home: Path, slow_disk: SlowDisk, tmp_path: Path
) -> None:
    """Stopped in a step it cannot be stopped in, the export ends with it; its file, written
    whole meanwhile, is not renamed into place: "nothing was written" stays true."""
    ctx = make_context(consentinel_home)
    add_account(ctx, "alice", "pw")
    folder = tmp_path / "exports"
    folder.mkdir()
    with running_app(qtbot, ctx) as app:
        quits: list[bool] = []
        app.on_quit = lambda: quits.append(True)
        app.window.show_journal()
        journal = app.window.journal_window
        assert journal is not None
        qtbot.waitUntil(lambda: not journal.verifying)
        assert journal.export_to(folder / "journal.json", "json")
        assert slow_disk.syncing.wait(30)
        app.window.quit_action.trigger()
        qtbot.waitUntil(lambda: len(app.window.findChildren(ExportWait)) == 1)
        app.window.findChildren(ExportWait)[0].stop_button.click()
        slow_disk.release()
        qtbot.waitUntil(lambda: quits == [True])
        assert list(folder.iterdir()) == []
        assert journal.export_label.text() == "The export was stopped: nothing was written."


def test_a_temp_file_made_after_the_quit_s_removal_is_removed_at_once(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The quit's removal ran between the export's temp file being made and its name being
    told (nothing to remove yet): told afterwards, the file is removed then, not left for a
    process about to end. And the write that made it is never put in place."""
    from consentinel.core.fileio import atomic_write_bytes
    from consentinel.core.journal_export import ReadableColumns

    ctx = make_context(tmp_path / "home")
    target = tmp_path / "journal.json"
    asked = journal_exporting.ExportAsked(
        journal=ctx.journal, path=target, fmt="json", filters={},
        evidence_dir=tmp_path, csv_delimiter=",", readable=ReadableColumns([], lambda _e: []),
    )  # fmt: skip
    run = journal_exporting.RunningExport(asked)
    run.remove_temp()  # (the wait ran out: nothing told yet)
    made = tmp_path / ".journal.json.late.tmp"
    made.write_bytes(b"{")
    run.made(made)
    assert not made.exists()
    with pytest.raises(journal_exporting.ExportStopped):
        atomic_write_bytes(target, b"{}", temps=run)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home"]
