"""The app's own automatic checks notify on a desktop with no system tray (GNOME's default),
through the desktop's notifier as `check --unattended` does, and journal what they said, shown or
not. Real app (offscreen Qt: no tray), real engine and Chromium against simx, a private D-Bus with
a small notification server that the real notify-send talks to (tests/fixtures/notify_server.py),
or a notify-send that hangs (tests/fixtures/fake_notifier.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from consentinel.core.events import AccountResult, RunResult
from consentinel.core.journal import Journal
from consentinel.core.journal_entries import Entry, EntryKind
from consentinel.core.notify import Notification, NotificationKind
from consentinel.core.status import Reason, Status
from consentinel.gui.app_controller import AppController
from consentinel.gui.translations import Translators
from consentinel.gui.tray import Tray
from consentinel.gui.window_notifier import TrayOrDesktop
from consentinel.simx import SimAccount, SimX
from tests.fixtures.fake_notifier import (
    HANGS,
    alive,
    fake_notify_send,
    its_pid,
    said_lines,
    started,
)
from tests.fixtures.notify_server import FakeNotificationServer, private_session_bus
from tests.gui._app_support import add_account, make_context, quick_engine

REFUSED = "@dave: X refused the password — save the right one in Consentinel"


@pytest.mark.browser
def test_with_no_tray_the_app_s_own_checks_notify_through_the_desktop_and_journal_it(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A scheduled check started by the window (minimized at login, no tray) finds dave's
    password refused. With no notification service on the bus, that is journaled as not shown;
    at the next check, with one, it is shown (by notify-send, not a tray) and journaled so."""
    with private_session_bus() as bus, SimX() as sim:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bus)
        sim.add_account(SimAccount("dave", "pw-dave"))
        ctx = make_context(tmp_path, sim.origin)
        add_account(ctx, "dave", "not-daves-password")
        controller = AppController(ctx, Translators(), engine_factory=quick_engine)
        controller.on_quit = lambda: None

        def said() -> list[Entry]:
            return ctx.journal.entries(kinds=[EntryKind.NOTIFICATION])

        try:
            assert controller.tray is None  # offscreen Qt, like GNOME: no system tray
            controller.start(minimized=True)
            qtbot.addWidget(controller.window)
            with qtbot.waitSignal(controller.runner.run_finished, timeout=120_000):
                assert controller.window.start_check(None, trigger="schedule")
            # (Journaled once notify-send answered: it runs beside the window.)
            qtbot.waitUntil(lambda: len(said()) == 1, timeout=15_000)
            assert [(e.handle, e.payload["message"], e.payload["delivered"]) for e in said()] == [
                ("dave", REFUSED, False)
            ]
            server = FakeNotificationServer(bus)
            try:
                with qtbot.waitSignal(controller.runner.run_finished, timeout=120_000):
                    assert controller.window.start_check(None, trigger="schedule")
                qtbot.waitUntil(lambda: len(said()) == 2, timeout=15_000)
            finally:
                server.close()
        finally:
            controller.shutdown()
    # (Said as X's refusal remembered: no sign-in was tried again.)
    bodies = [str(call[4]) for call in server.calls]
    assert len(bodies) == 1 and bodies[0].startswith("@dave: X rejected the password on "), bodies
    assert [str(call[3]) for call in server.calls] == ["Consentinel"]
    # The desktop's notifier (notify-send naming the app), not a tray balloon with its pixels.
    assert all("image_data" not in call[6] for call in server.calls), server.calls
    assert [e.payload["delivered"] for e in said()] == [False, True]


def test_a_tray_that_cannot_show_a_notification_leaves_it_to_the_desktop(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A tray whose icon is not shown (or that shows no messages): Tray.notify says False, and
    the desktop's notifier shows the notification instead, journaled as shown."""
    tray = Tray(is_paused=lambda: False, is_running=lambda: False)
    note = Notification(NotificationKind.NEEDS_USER, "dave", "Consentinel", REFUSED)
    assert tray.notify(note) is False
    journal = Journal.open(tmp_path / "journal.sqlite3")
    run_id = journal.start_run("schedule")
    refused = AccountResult("dave", Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD)
    journal.record_check(run_id, refused)
    journal.finish_run(run_id)
    with private_session_bus() as bus:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bus)
        server = FakeNotificationServer(bus)
        try:
            sender = TrayOrDesktop(tray)
            sender.deliver(RunResult(run_id, (refused,)), journal)
            qtbot.waitUntil(lambda: not sender.busy, timeout=15_000)
        finally:
            server.close()
    assert [str(call[4]) for call in server.calls] == [REFUSED]
    said = journal.entries(kinds=[EntryKind.NOTIFICATION])
    assert [(e.payload["message"], e.payload["delivered"]) for e in said] == [(REFUSED, True)]


@pytest.mark.browser
def test_closing_the_window_while_the_desktop_s_notifier_hangs(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A scheduled check's notification goes to a notify-send that hangs (a D-Bus that does
    not answer): the window goes on (its timers fire), and closing it, which quits the app,
    stops the notifier at once and journals the notification as not shown, to be said again
    at the next check."""
    files = fake_notify_send(tmp_path / "bin", monkeypatch, HANGS)
    with SimX() as sim:
        sim.add_account(SimAccount("dave", "pw-dave"))
        ctx = make_context(tmp_path / "home", sim.origin)
        add_account(ctx, "dave", "not-daves-password")
        controller = AppController(ctx, Translators(), engine_factory=quick_engine)
        controller.on_quit = lambda: None
        try:
            controller.start()
            qtbot.addWidget(controller.window)
            with qtbot.waitSignal(controller.runner.run_finished, timeout=120_000):
                assert controller.window.start_check(None, trigger="schedule")
            qtbot.waitUntil(lambda: started(files), timeout=5_000)
            ticks = [0]
            timer = QTimer(controller.window)
            timer.timeout.connect(lambda: ticks.__setitem__(0, ticks[0] + 1))
            timer.start(20)
            qtbot.waitUntil(lambda: ticks[0] >= 10, timeout=2_000)  # while notify-send hangs
            pid = its_pid(files)
            assert alive(pid)
            notified = ctx.journal.entries(kinds=[EntryKind.NOTIFICATION])
            assert notified == []  # not yet known whether it was shown
            with qtbot.waitSignal(controller.window.quit_requested):
                controller.window.close()
        finally:
            controller.shutdown()  # (as launch does once the app's event loop ended)
    assert not alive(pid)
    notified = ctx.journal.entries(kinds=[EntryKind.NOTIFICATION])
    assert [(e.handle, e.payload["message"], e.payload["delivered"]) for e in notified] == [
        ("dave", REFUSED, False)
    ]
    assert REFUSED in said_lines(files)
