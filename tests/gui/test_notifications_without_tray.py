"""The app's own automatic checks notify on a desktop with no system tray (GNOME's default),
through the desktop's notifier as `check --unattended` does, and journal what they said, shown or
not. Real app (offscreen Qt: no tray), real engine and Chromium against simx, a private D-Bus with
a small notification server that the real notify-send talks to (tests/fixtures/notify_server.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from consentinel.core.journal_entries import EntryKind
from consentinel.core.notify import Notification, NotificationKind
from consentinel.gui.app_controller import AppController
from consentinel.gui.translations import Translators
from consentinel.gui.tray import Tray
from consentinel.gui.window_notifier import TrayOrDesktop
from consentinel.simx import SimAccount, SimX
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
        try:
            assert controller.tray is None  # offscreen Qt, like GNOME: no system tray
            controller.start(minimized=True)
            qtbot.addWidget(controller.window)
            with qtbot.waitSignal(controller.runner.run_finished, timeout=120_000):
                assert controller.window.start_check(None, trigger="schedule")
            said = ctx.journal.entries(kinds=[EntryKind.NOTIFICATION])
            assert [(e.handle, e.payload["message"], e.payload["delivered"]) for e in said] == [
                ("dave", REFUSED, False)
            ]
            server = FakeNotificationServer(bus)
            try:
                with qtbot.waitSignal(controller.runner.run_finished, timeout=120_000):
                    assert controller.window.start_check(None, trigger="schedule")
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
    said = ctx.journal.entries(kinds=[EntryKind.NOTIFICATION])
    assert [e.payload["delivered"] for e in said] == [False, True]


def test_a_tray_that_cannot_show_a_notification_leaves_it_to_the_desktop(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A tray whose icon is not shown (or that shows no messages): Tray.notify says False, and
    the desktop's notifier shows the notification instead."""
    tray = Tray(is_paused=lambda: False, is_running=lambda: False)
    note = Notification(NotificationKind.NEEDS_USER, "dave", "Consentinel", REFUSED)
    assert tray.notify(note) is False
    with private_session_bus() as bus:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bus)
        server = FakeNotificationServer(bus)
        try:
            assert TrayOrDesktop(tray).notify(note) is True
        finally:
            server.close()
    assert [str(call[4]) for call in server.calls] == [REFUSED]
