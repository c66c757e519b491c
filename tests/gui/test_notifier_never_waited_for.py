"""The desktop's notifier runs beside the window, never waited for on the GUI thread: a hung one
leaves the event loop turning, is killed after its time, and each notification is journaled with
what really happened, also when the app quits meanwhile. Real offscreen Qt, real processes (a
fake `notify-send` first on PATH: one that hangs until killed, one that shows, one that fails),
real journal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from consentinel.core.events import AccountResult, RunResult
from consentinel.core.journal import EntryKind, Journal
from consentinel.core.status import Box, Reason, Status
from consentinel.gui.window_notifier import TrayOrDesktop
from tests.fixtures.fake_notifier import (
    HANGS,
    alive,
    fake_notify_send,
    its_pid,
    said_lines,
    started,
)

REFUSED = AccountResult("dave", Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD)
REFUSED_TEXT = "@dave: X refused the password — save the right one in Consentinel"
REVERTED = AccountResult("carol", Status.FIXED, reverted_by_x=(Box.TRAINING,))
REVERTED_TEXT = "X switched back on for @carol: Training. Switched off again."


def said(journal: Journal) -> list[tuple[str | None, str, bool]]:
    return [
        (e.handle, e.payload["message"], e.payload["delivered"])
        for e in journal.entries(kinds=[EntryKind.NOTIFICATION])
    ]


def a_run(journal: Journal, *accounts: AccountResult) -> RunResult:
    run_id = journal.start_run("schedule")
    for account in accounts:
        journal.record_check(run_id, account)
    journal.finish_run(run_id)
    return RunResult(run_id, accounts)


@pytest.fixture
def ticks() -> Iterator[Callable[[], int]]:
    """A timer of the GUI thread firing every 20 ms: how many times it fired so far."""
    fired = [0]
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: fired.__setitem__(0, fired[0] + 1))
    timer.start()
    yield lambda: fired[0]
    timer.stop()


def test_a_hung_notifier_leaves_the_window_turning_and_is_killed_and_journaled_not_shown(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    ticks: Callable[[], int],
) -> None:
    """A notifier stuck on D-Bus: deliver() returns at once, the GUI thread's timers keep
    firing while it hangs, nothing is journaled before its answer, and after its time it is
    killed and the notification journaled as not shown (tried again at the next run)."""
    files = fake_notify_send(tmp_path / "bin", monkeypatch, HANGS)
    journal = Journal.open(tmp_path / "journal.sqlite3")
    sender = TrayOrDesktop(None, timeout_s=1.5)
    sender.deliver(a_run(journal, REFUSED), journal)
    assert sender.busy
    qtbot.waitUntil(lambda: started(files))
    pid = its_pid(files)
    start = ticks()
    qtbot.waitUntil(lambda: ticks() >= start + 10, timeout=1_000)  # while it hangs
    assert alive(pid) and sender.busy
    assert said(journal) == []  # not yet known whether it was shown
    qtbot.waitUntil(lambda: not sender.busy, timeout=5_000)
    assert said(journal) == [("dave", REFUSED_TEXT, False)]
    assert not alive(pid)
    assert REFUSED_TEXT in said_lines(files)


@pytest.mark.parametrize(("ends", "shown"), [("exit 0", True), ("exit 1", False)])
def test_what_the_notifier_answers_is_journaled(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ends: str, shown: bool
) -> None:
    """A notifier that shows the notification, one that fails: journaled shown, not shown."""
    files = fake_notify_send(tmp_path / "bin", monkeypatch, ends)
    journal = Journal.open(tmp_path / "journal.sqlite3")
    sender = TrayOrDesktop(None)
    sender.deliver(a_run(journal, REFUSED, REVERTED), journal)
    qtbot.waitUntil(lambda: not sender.busy, timeout=10_000)
    assert said(journal) == [
        ("dave", REFUSED_TEXT, shown),
        ("carol", REVERTED_TEXT, shown),
    ]
    lines = said_lines(files)
    assert [line for line in lines if line in (REFUSED_TEXT, REVERTED_TEXT)] == [
        REFUSED_TEXT,
        REVERTED_TEXT,
    ]


def test_a_run_s_notifications_wait_for_those_of_the_run_before(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two runs ending close together: the second's are decided once the first's are
    journaled, so dave's refused password, shown after the first, is not said again."""
    files = fake_notify_send(tmp_path / "bin", monkeypatch, "exit 0")
    journal = Journal.open(tmp_path / "journal.sqlite3")
    sender = TrayOrDesktop(None)
    sender.deliver(a_run(journal, REFUSED), journal)
    sender.deliver(a_run(journal, REFUSED), journal)
    qtbot.waitUntil(lambda: not sender.busy, timeout=10_000)
    assert said(journal) == [("dave", REFUSED_TEXT, True)]
    lines = said_lines(files)
    assert lines.count(REFUSED_TEXT) == 1


def test_quitting_while_the_notifier_hangs_journals_all_not_shown_and_stops_it(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app quits while the notifier hangs on the first of two notifications: at once,
    without its ten seconds, it is killed, and both are journaled as not shown (neither is
    known to be: dave's is said again, carol's told late, at a later run), the second never
    tried. A run ending after that is journaled as not shown too, no notifier started."""
    files = fake_notify_send(tmp_path / "bin", monkeypatch, HANGS)
    journal = Journal.open(tmp_path / "journal.sqlite3")
    sender = TrayOrDesktop(None)
    sender.deliver(a_run(journal, REFUSED, REVERTED), journal)
    qtbot.waitUntil(lambda: started(files))
    pid = its_pid(files)
    sender.close()
    assert not sender.busy
    assert said(journal) == [("dave", REFUSED_TEXT, False), ("carol", REVERTED_TEXT, False)]
    assert not alive(pid)
    assert REVERTED_TEXT not in said_lines(files)
    (files / "pid").unlink()
    sender.deliver(a_run(journal, REVERTED), journal)
    assert not sender.busy
    assert said(journal)[-1] == ("carol", REVERTED_TEXT, False)
    assert not (files / "pid").exists()
