"""The window opens before the heavy parts load: Playwright, the engine, the keyring library and
cryptography, the app's keyring and session stores, and what only they or a full log file need
(hashing, sockets, the standard library's log handlers) wait for the first check or the first
secret (issue 7's start-up target; the time itself is measured by benchmarks/, never by a
test)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from consentinel.core.accounts import Account, AccountStore
from consentinel.core.context import AppContext
from consentinel.core.events import AccountResult, BoxChange
from consentinel.core.journal import EntryKind, Journal
from consentinel.core.memory_keyring import MemoryKeyring
from consentinel.core.paths import AppPaths
from consentinel.core.settings import Settings
from consentinel.core.status import Box, Reason, Status
from consentinel.core.vault import Vault
from tests.gui._app_support import running_app
from tests.journal_damage import damage_a_page_past_the_header

ROOT = Path(__file__).resolve().parents[2]


def _probe(module: str, home: Path, *args: str) -> dict[str, object]:
    """Run a probe (tests/gui/_*_probe.py) in a fresh process; its JSON report."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "CONSENTINEL_HOME": str(home),
        "PYTHONPATH": os.pathsep.join((str(ROOT / "desktop"), str(ROOT))),
    }
    env.pop("QT_NO_GUI_THREADPOOL", None)  # (the launcher's to set)
    done = subprocess.run(
        [sys.executable, "-m", f"tests.gui.{module}", *args],
        env=env, capture_output=True, text=True, timeout=120, cwd=ROOT,
    )  # fmt: skip
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert done.returncode == 0 and lines, done.stderr[-2000:]
    report: dict[str, object] = json.loads(lines[-1])
    return report


def test_nothing_heavy_is_loaded_when_the_window_first_shows(consentinel_home: Path) -> None:
    report = _probe("_first_show_probe", consentinel_home)
    assert report["loaded"] == []
    # Nor the Qt namespace's ~95 enums, 20-30 ms that PySide spends on its first use.
    assert report["qt_namespace_built"] is False
    # A home with no account opens on its welcome page: no accounts table yet (Qt's first item
    # view, its header and their enums), and no message box type until a message is shown.
    assert report["accounts_table_loaded"] is False
    assert report["rows"] is None
    assert report["welcome_page_made"] is True
    # Nor the journal's file: a first start has nothing to read, and makes it after the frame.
    assert report["journal_file_made"] is False
    assert report["later_types_made"] == []
    # PySide was told what reading the app's modules would find (gui/launch.py), so it read none
    # of them looking for its `__feature__`s (10-13 ms); the package itself is read only because
    # this probe imports PySide before the launcher imports the core (the entry point does not).
    assert set(report["own_sources_read"]) <= {"consentinel"}  # type: ignore[arg-type]
    # Each dataclass costs Python 0.5-2 ms to build: the records the first frame needs are
    # NamedTuples, or written out (core/records.py).
    assert report["dataclasses_made"] == []


def _home_with_checked_accounts(home: Path) -> None:
    """Three accounts, one checked (its row shows status dots), one never checked, one whose
    password X refused (its "Next check" reads the sign-in rules)."""
    paths = AppPaths(home).ensure()
    store = AccountStore(paths)
    store.add(Account("checked_one"))
    store.add(Account("never_checked"))
    store.add(Account("wrong_password"))
    journal = Journal.open(paths.journal_path)
    try:
        run = journal.start_run("manual")
        result = AccountResult(
            "checked_one", Status.FIXED, settings={Box.TRAINING: BoxChange(True, False)}
        )
        journal.record_check(run, result)
        refused = AccountResult("wrong_password", Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD)
        journal.record_check(run, refused)
        journal.finish_run(run)
    finally:
        journal.close()
    store.record_check("checked_one", Status.FIXED, at=datetime.now(timezone.utc))
    store.mark_password_rejected("wrong_password")


def test_a_window_of_accounts_on_a_dark_palette_shows_before_the_qt_namespace_is_built(
    consentinel_home: Path,
) -> None:
    """The rows' status dots, the toolbar, the actions' shortcuts and the icons repainted for a
    dark palette all set what they need without it (gui/qt_by_name.py)."""
    _home_with_checked_accounts(consentinel_home)
    report = _probe("_first_show_probe", consentinel_home, "--dark")
    assert report["rows"] == 3
    # Nor the welcome page (its wrapped words were measured for the window's minimum size).
    assert report["welcome_page_made"] is False
    assert report["qt_namespace_built"] is False
    assert "QMessageBox" not in report["later_types_made"]
    # The refused password's row built none either (the sign-in rules' SigninRefusal).
    assert not [
        name
        for name in report["dataclasses_made"]  # type: ignore[attr-defined]
        if name.startswith("consentinel.core.signin_rules")
    ], report["dataclasses_made"]


def test_a_window_full_of_accounts_paints_its_first_frame_in_one_thread(
    consentinel_home: Path,
) -> None:
    """More rows than the window holds: Qt would hand the scroll bar's gradient to threads it
    starts for it (3 ms of a start on two cores). The launcher asks it to paint in the GUI
    thread (gui/launch.py, paint_in_one_thread)."""
    store = AccountStore(AppPaths(consentinel_home).ensure())
    for n in range(40):
        store.add(Account(f"account{n:02d}"))
    report = _probe("_first_show_probe", consentinel_home)
    assert report["rows"] == 40 and report["scroll_bar_shown"] is True
    assert report["qt_pool_threads"] == 0


def test_a_palette_turning_dark_after_start_makes_the_icons_readable(
    consentinel_home: Path,
) -> None:
    """The launcher wraps the style at start on a dark palette, and later when the palette
    turns dark (tests/gui/test_readable_icons.py checks what the wrapped style draws)."""
    assert _probe("_dark_palette_probe", consentinel_home) == {"wrapped": True}


def test_the_app_starts_when_its_log_file_cannot_be_written(consentinel_home: Path) -> None:
    """A folder where the log file should be: opening it fails even for root (a read-only
    disk fails the same way). The window opens, logs go to stderr, and the status bar says so."""
    (consentinel_home / "logs" / "consentinel.log").mkdir(parents=True)
    report = _probe("_first_show_probe", consentinel_home)
    assert report["to_stderr"] == [True]
    assert str(report["status"]).startswith("Consentinel cannot write its log file in ")
    assert str(consentinel_home / "logs") in str(report["status"])


def test_the_journal_files_check_waits_for_the_first_frame(consentinel_home: Path) -> None:
    """SQLite's check reads the whole journal file (a year of use: 26 M instructions, a fifth
    of what the window costs beyond a bare one): it starts after the first frame. The rows of
    a sound journal were read without waiting for it."""
    _home_with_checked_accounts(consentinel_home)
    report = _probe("_first_show_probe", consentinel_home)
    assert report["rows"] == 3
    assert report["journal_check_put_off"] is True


def test_a_first_start_makes_the_journal_file_once_the_window_is_up(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    paths = AppPaths(consentinel_home)
    settings = Settings(schedule="off", check_on_start=False)
    ctx = AppContext.create(
        paths, vault=Vault(MemoryKeyring()), settings=settings, check_journal_later=True
    )
    assert not paths.journal_path.exists()
    with running_app(qtbot, ctx):
        qtbot.waitUntil(lambda: not ctx.journal.unchecked, timeout=20_000)
        assert paths.journal_path.exists()
        ctx.journal.append(EntryKind.ACCOUNT_ADDED, "alice", {})
    journal = Journal.open(paths.journal_path)
    try:
        assert [e.handle for e in journal.entries()] == ["alice"]
    finally:
        journal.close()


def test_a_journal_file_that_cannot_be_made_is_said_in_the_window(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """As on a full disk: the first start's journal file cannot be made after the first frame.
    The status bar says so (until something else is said) rather than nothing."""
    paths = AppPaths(consentinel_home)
    settings = Settings(schedule="off", check_on_start=False)
    ctx = AppContext.create(
        paths, vault=Vault(MemoryKeyring()), settings=settings, check_journal_later=True
    )
    paths.journal_path.mkdir()  # something took the file's place
    with running_app(qtbot, ctx) as app:
        status = app.window.statusBar()
        qtbot.waitUntil(
            lambda: "Could not open the journal" in status.currentMessage(), timeout=20_000
        )
        assert str(paths.journal_path) in status.currentMessage()
    paths.journal_path.rmdir()


def test_a_journal_damaged_past_its_header_is_set_aside_once_the_window_is_up(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """The window's rows read the journal before SQLite's check of its file, which starts after
    the first frame: the check sets the damaged file aside and begins a new journal, the status
    bar says where the old one went, and the rows are read again."""
    _home_with_checked_accounts(consentinel_home)
    paths = AppPaths(consentinel_home)
    damage_a_page_past_the_header(paths.journal_path)
    settings = Settings(schedule="off", check_on_start=False)
    ctx = AppContext.create(
        paths, vault=Vault(MemoryKeyring()), settings=settings, check_journal_later=True
    )
    with running_app(qtbot, ctx) as app:
        assert app.window.table.rowCount() == 3
        status = app.window.statusBar()
        qtbot.waitUntil(lambda: "could not be read" in status.currentMessage(), timeout=20_000)
        assert not ctx.journal.unchecked
        aside = [p.name for p in paths.data_dir.iterdir() if ".corrupt-" in p.name]
        assert any(name.startswith("journal.sqlite3.corrupt-") for name in aside), aside
        assert str(paths.data_dir) in status.currentMessage()
        # The rows were read again: nothing of the set-aside journal is left in them.
        assert app.window.table.rowCount() == 3
        assert [e.kind.value for e in ctx.journal.entries()] == ["journal_restarted"]
        assert app.window.table.item(0, 0) is not None
    journal = Journal.open(paths.journal_path)
    try:
        assert journal.entries()[0].kind.value == "journal_restarted"
    finally:
        journal.close()


def test_an_x_address_variable_that_is_not_an_address_is_said_and_no_window_opens(
    consentinel_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CONSENTINEL_X_ORIGIN mistyped: the app says which variable and value, in a box, and
    opens no window (its first check would have met it as a network problem)."""
    monkeypatch.setenv("CONSENTINEL_X_ORIGIN", "notaurl")
    report = _probe("_startup_refusal_probe", consentinel_home)
    (box,) = report["said"]  # type: ignore[misc]
    assert box["kind"] == "critical"
    assert "CONSENTINEL_X_ORIGIN" in box["text"] and "notaurl" in box["text"], box
    assert report["exit_code"] != 0 and report["windows"] == [], report
