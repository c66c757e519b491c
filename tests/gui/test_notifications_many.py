"""The app's own scheduled check of 30 accounts, X having switched boxes back on for them all:
the window's notifier shows three notifications, not 31, through the desktop's real notify-send
(a private D-Bus and a small notification server, tests/fixtures/notify_server.py) or through
the tray; each account's note is journaled. What they say: tests/unit/test_notify_many.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from consentinel.core.events import AccountResult, RunResult
from consentinel.core.journal import Journal
from consentinel.core.journal_entries import EntryKind
from consentinel.core.notify import Notification
from consentinel.core.status import Box, Reason, Status
from consentinel.gui.window_notifier import TrayOrDesktop
from tests.fixtures.notify_server import FakeNotificationServer, private_session_bus

FLOOD = tuple(
    AccountResult(
        f"rev{i:02}",
        Status.FIXED,
        reverted_by_x=(Box.TRAINING,),
        hidden_on=(Box.MEMORY,) if i < 25 else (),
    )
    for i in range(26)
) + tuple(AccountResult(f"need{i}", Status.NEEDS_USER, Reason.TWO_FACTOR) for i in range(4))


class Balloons:
    """A tray that shows every balloon (on Windows each replaces the last)."""

    def __init__(self) -> None:
        self.shown: list[Notification] = []

    def notify(self, note: Notification) -> bool:
        self.shown.append(note)
        return True


def _journaled_run(tmp_path: Path) -> tuple[Journal, int]:
    journal = Journal.open(tmp_path / "journal.sqlite3")
    run_id = journal.start_run("schedule")
    for account in FLOOD:
        journal.record_check(run_id, account)
    journal.finish_run(run_id)
    return journal, run_id


def test_the_desktop_shows_three_notifications_for_thirty_accounts(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal, run_id = _journaled_run(tmp_path)
    with private_session_bus() as bus:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bus)
        server = FakeNotificationServer(bus)
        try:
            sender = TrayOrDesktop(None)
            sender.deliver(RunResult(run_id, FLOOD), journal)
            qtbot.waitUntil(lambda: not sender.busy, timeout=30_000)
        finally:
            server.close()
    bodies = [str(call[4]) for call in server.calls]
    assert len(bodies) == 3, bodies
    assert bodies[0].startswith("X switched Training back on for 26 accounts: @rev00, @rev01")
    assert bodies[1].startswith("4 accounts need you: @need0, @need1 and 2 others.")
    assert bodies[2].startswith("X keeps Memory on for 25 accounts")
    said = journal.entries(kinds=[EntryKind.NOTIFICATION])
    assert len(said) == 26 + 4 + 1 and all(e.payload["delivered"] for e in said)


def test_the_tray_shows_three_balloons_for_thirty_accounts(qtbot: QtBot, tmp_path: Path) -> None:
    journal, run_id = _journaled_run(tmp_path)
    tray = Balloons()
    sender = TrayOrDesktop(tray)
    sender.deliver(RunResult(run_id, FLOOD), journal)
    qtbot.waitUntil(lambda: not sender.busy, timeout=10_000)
    assert [note.accounts[:2] for note in tray.shown] == [
        ("rev00", "rev01"),
        ("need0", "need1"),
        ("rev00", "rev01"),
    ]
