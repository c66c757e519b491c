"""The journal window's exports: never over Consentinel's own files, times that say their
offset from UTC, and written in a thread while the window answers (a journal of years takes
minutes to check)."""

from __future__ import annotations

import csv
import json
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.events import AccountResult
from consentinel.core.journal import Journal
from consentinel.core.status import Reason, Status
from consentinel.core.vault import Vault
from consentinel.gui.journal_model import JournalModel, local_time
from consentinel.gui.journal_window import JournalWindow
from consentinel.gui.translations import Translators
from tests.gui._exporting import exported

NBSP = "\u00a0"


def _journal(ctx: AppContext) -> None:
    """1 run_started, alice's and bob's checks, 4 run_finished."""
    for handle in ("alice", "bob"):
        ctx.accounts.add(Account(handle))
    run = ctx.journal.start_run("gui")
    ctx.journal.record_check(run, AccountResult("alice", Status.OPTED_OUT))
    ctx.journal.record_check(run, AccountResult("bob", Status.NEEDS_USER, Reason.TWO_FACTOR))
    ctx.journal.finish_run(run)


def _window(qtbot: QtBot, ctx: AppContext) -> JournalWindow:
    window = JournalWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.verifying)
    return window


def test_an_export_is_never_written_over_consentinel_s_own_files(
    qtbot: QtBot, memory_vault: Vault
) -> None:
    """The save dialog opens in the data folder's exports: one level up, JSON written over
    journal.sqlite3 replaced the live journal with text (set aside as damaged at the next
    start), over journal.head the journal never verified again, and a CSV over accounts.json
    lost the account list. The command line refused this; the window now refuses it too, in a
    box, and writes nothing."""
    ctx = AppContext.create(vault=memory_vault)
    _journal(ctx)
    window = _window(qtbot, ctx)
    paths = ctx.paths
    own = [
        (paths.journal_path, "json"),
        (paths.journal_path.with_name("journal.head"), "json"),
        (paths.accounts_path, "csv"),
        (paths.exports_dir / ".." / "journal.sqlite3", "zip"),
        (paths.logs_dir / "journal.csv", "csv"),
    ]
    before = {path.resolve(): path.read_bytes() for path, _fmt in own if path.exists()}
    assert len(before) == 3  # the journal, its head file, the accounts
    for path, fmt in own:
        assert window.export_to(path, fmt) is False
        box = window.refusal_box
        assert box is not None and box.isVisible()
        assert box.icon() == QMessageBox.Icon.Warning
        assert box.text() == "Nothing was written."
        assert box.informativeText() == (
            f"{path} is in Consentinel's own folders, where an export could replace what it "
            f"keeps: choose another place, such as {paths.exports_dir}."
        )
        assert not window.exporting and window.export_thread is None
        box.done(0)
        qtbot.waitUntil(lambda box=box: not box.isVisible())
    assert {path: path.read_bytes() for path in before} == before
    assert not (paths.logs_dir / "journal.csv").exists()
    assert window.export_label.text().startswith(f"Nothing was written: {own[-1][0]} is in")
    # The exports folder, in the data folder, is the one place there made for them.
    assert exported(qtbot, window, paths.exports_dir / "journal.json", "json") == 4
    # The journal still opens, and verifies.
    assert Journal.open_read_only(paths.journal_path).verify().ok

    translators = Translators()
    translators.switch("fr")
    try:
        french = _window(qtbot, ctx)
        assert french.export_to(paths.accounts_path, "csv") is False
        box = french.refusal_box
        assert box is not None
        assert box.text() == "Rien n'a été écrit."
        assert box.informativeText() == (
            f"{paths.accounts_path} est dans les dossiers de Consentinel, où un export pourrait "
            f"remplacer ce qu'il garde{NBSP}: choisissez un autre endroit, par exemple "
            f"{paths.exports_dir}."
        )
        assert box.button(QMessageBox.StandardButton.Close).text() == "Fermer"
        box.done(0)
    finally:
        translators.switch("en")


@pytest.fixture
def paris(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("paris")
def test_the_csv_says_each_time_with_its_offset_from_utc_across_a_clock_change(
    qtbot: QtBot, memory_vault: Vault, tmp_path: Path
) -> None:
    """The night the clocks go back in Paris, 00:30 and 01:30 UTC are both 02:30 local time:
    the spreadsheet's "Date and time" said "2026-10-25 02:30:00" twice, and said nothing of
    the zone to a reader elsewhere. It carries the offset now; the table keeps its look (its
    tooltip gave the offset already)."""
    ctx = AppContext.create(vault=memory_vault)
    ctx.accounts.add(Account("alice"))
    moments = iter(datetime(2026, 10, 25, hour, 30, tzinfo=timezone.utc) for hour in (0, 1, 23, 23))
    ctx.journal.close()
    ctx.journal = Journal.open(
        ctx.paths.journal_path, clock=lambda: next(moments), evidence_dir=ctx.paths.evidence_dir
    )
    for _ in range(3):
        ctx.journal.record_check(None, AccountResult("alice", Status.OPTED_OUT))
    window = _window(qtbot, ctx)
    window.csv_delimiter = ","
    assert exported(qtbot, window, tmp_path / "clock-change.csv", "csv") == 3
    with (tmp_path / "clock-change.csv").open(encoding="utf-8-sig") as file:
        rows = list(csv.DictReader(file))
    assert [(row["Date and time"], row["ts"]) for row in rows] == [
        ("2026-10-25 02:30:00 +02:00", "2026-10-25T00:30:00.000000+00:00"),
        ("2026-10-25 02:30:00 +01:00", "2026-10-25T01:30:00.000000+00:00"),
        ("2026-10-26 00:30:00 +01:00", "2026-10-25T23:30:00.000000+00:00"),
    ]
    model = window.model
    newest = model.index(0, JournalModel.TIME)
    # As before: in the window's language, the offset in the tooltip.
    assert model.data(newest) == local_time(ctx.journal.entries(limit=1)[0])
    assert "+01" not in model.data(newest) and "Oct 2026" in model.data(newest)
    assert model.data(newest, 3) == (  # (ToolTipRole)
        "2026-10-26 00:30:00 +0100 (2026-10-25 23:30:00 UTC)"
    )


def test_an_export_is_written_in_a_thread_while_the_window_answers(
    qtbot: QtBot, memory_vault: Vault, tmp_path: Path
) -> None:
    """A journal of 400 000 entries took 162 s to export, the window frozen meanwhile: its
    check hashes every screenshot. The export runs in a thread; the window says it is at
    work, greys the export buttons, answers, and says what was written at the end."""
    ctx = AppContext.create(vault=memory_vault)
    _journal(ctx)
    window = _window(qtbot, ctx)
    target = tmp_path / "journal.json"
    buttons = (window.csv_button, window.json_button, window.bundle_button)
    # The journal held (as a check writing to it would): the export's thread waits for it.
    # (The GUI thread may still read it: the lock is its own.)
    with ctx.journal._lock:
        assert window.export_to(target, "json") is True
        assert window.exporting and window.export_thread is not None
        assert not any(button.isEnabled() for button in buttons)
        assert window.check_button.isEnabled()
        assert window._busy is not None and window._busy.isVisible()
        assert window.export_label.text().startswith(f"Exporting to {target}… The journal is")
        assert window.export_to(tmp_path / "other.json", "json") is False  # one at a time
        # The event loop turns: a timer fires, the search filters the table.
        ticked = QTimer(window)
        ticked.setSingleShot(True)
        with qtbot.waitSignal(ticked.timeout, timeout=2000):
            ticked.start(10)
        qtbot.keyClicks(window.search_field, "bob")
        qtbot.waitUntil(lambda: window.model.rowCount() == 1)
        assert not target.exists() and window.exporting
        # A refresh (a check ended) keeps the buttons greyed.
        window.refresh()
        assert not any(button.isEnabled() for button in buttons)
        ended = qtbot.waitSignal(window.export_ended, timeout=30_000)
    ended.wait()  # (the journal let go)
    assert ended.args == [4]
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["verified"] is True and len(document["entries"]) == 4
    assert document["filters"] == {}  # (the search typed after it started is not its)
    assert window.export_label.text() == f"4 entries written to {target}"
    assert all(button.isEnabled() for button in buttons)
    assert not window._busy.isVisible() and not window.exporting

    translators = Translators()
    translators.switch("fr")
    try:
        french = _window(qtbot, ctx)
        with ctx.journal._lock:
            french.export_to(tmp_path / "fr.json", "json")
            assert french.export_label.text() == (
                f"Export vers {tmp_path / 'fr.json'}… Le journal est d'abord vérifié, avec "
                f"chaque capture{NBSP}: pour un long journal, cela prend un moment. La fenêtre "
                "reste utilisable pendant ce temps."
            )
            written = qtbot.waitSignal(french.export_ended, timeout=30_000)
        written.wait()
        assert french.export_label.text() == f"4 entrées écrites dans {tmp_path / 'fr.json'}"
    finally:
        translators.switch("en")


def test_closing_the_window_while_it_exports_leaves_a_whole_file_or_none(
    qtbot: QtBot, memory_vault: Vault, tmp_path: Path
) -> None:
    """The window closed (and deleted, as the main window does when the journal is lost)
    while its export is being written: nothing crashes, the file is written whole, and no
    temp file is left beside it."""
    ctx = AppContext.create(vault=memory_vault)
    _journal(ctx)
    window = JournalWindow(ctx)
    window.show()
    qtbot.waitUntil(lambda: not window.verifying)
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "journal.csv"
    with ctx.journal._lock:
        assert window.export_to(target, "csv")
        thread = window.export_thread
        assert thread is not None
        window.close()
        window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        with pytest.raises(RuntimeError):
            window.isVisible()  # (gone)
    thread.join(timeout=30)
    assert not thread.is_alive()
    QApplication.processEvents()  # (its outcome reaches nobody)
    rows = target.read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 5 and rows[-1].count(",") >= 12
    assert [path.name for path in folder.iterdir()] == ["journal.csv"]
    assert oct(target.stat().st_mode & 0o777) == "0o600"
