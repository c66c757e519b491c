"""Tray notifications from the running app, through Qt's real QSystemTrayIcon.

The app runs in a process of its own under Xvfb on the xcb platform (offscreen Qt has no tray),
with a private session bus on which a small StatusNotifierWatcher says a tray host is there and a
small notification server records what the tray icon's showMessage() sends (tests/fixtures/
notify_server.py). Everything else is real: the app, its schedule-triggered runs, Chromium, simx.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fixtures.notify_server import (
    FakeNotificationServer,
    FakeStatusNotifierWatcher,
    private_session_bus,
)

ROOT = Path(__file__).resolve().parents[2]


def _under_xvfb(
    module: str, home: Path, bus: str, chromium_path: Path, timeout_s: float
) -> subprocess.CompletedProcess[str]:
    """Runs `python -m module home` under Xvfb (xcb platform), on the private `bus`."""
    xvfb_run = shutil.which("xvfb-run")
    assert xvfb_run, "xvfb-run is missing: `sudo apt-get install -y xvfb xauth`"
    env = {
        **os.environ,
        "DBUS_SESSION_BUS_ADDRESS": bus,
        "QT_QPA_PLATFORM": "xcb",
        "CONSENTINEL_LANG": "en",
        "CONSENTINEL_BROWSER": str(chromium_path),  # and no offer to find one
        "PYTHONPATH": str(ROOT),
    }
    return subprocess.run(
        [xvfb_run, "-a", sys.executable, "-m", module, str(home)],
        env=env, capture_output=True, text=True, timeout=timeout_s, cwd=ROOT,
    )  # fmt: skip


@pytest.mark.browser
def test_the_tray_says_what_x_did_once_and_nothing_when_nothing_changed(
    consentinel_home: Path, chromium_path: Path
) -> None:
    with private_session_bus() as bus:
        watcher = FakeStatusNotifierWatcher(bus)
        server = FakeNotificationServer(bus)
        try:
            done = _under_xvfb("tests.gui._tray_app", consentinel_home, bus, chromium_path, 600)
        finally:
            watcher.close()
            server.close()
    assert done.returncode == 0, done.stderr[-3000:]
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    runs = [line for line in lines if "accounts" in line]
    assert len(runs) == 4, done.stdout
    assert runs[0]["accounts"]["nora"][0] == "fixed" and runs[0]["training"] is False
    assert runs[1]["accounts"]["nora"] == ["fixed", None, ["training"]]
    assert runs[1]["training"] is False
    assert runs[2]["accounts"]["nora"][0] == "opted_out"
    assert runs[3]["accounts"]["dave"][0] == "signin_failed"
    assert watcher.items, "the app's tray icon never registered"
    bodies = [call[4] for call in server.calls]
    # Run 1 (a first fix) and run 3 (nothing changed) said nothing; run 2 said one thing,
    # run 4 one thing: exactly these two, in this order. Then the window closed twice: the
    # app goes on in the tray, and says so the first time only.
    assert bodies == [
        "X switched back on for @nora: Training. Switched off again.",
        "@dave: X refused the password — save the right one in Consentinel",
        "Consentinel is still running in the notification area: its icon's menu opens the "
        "window again, or quits.",
    ], bodies
    assert json.loads(done.stdout.splitlines()[-1]) == {"window_hidden": True}
    assert all(call[3] == "Consentinel" for call in server.calls)
    # Sent by Qt's tray icon (it attaches the icon's pixels), not by the notify-send of
    # unattended command-line runs.
    assert all("image_data" in call[6] for call in server.calls), server.calls


def test_the_tray_icon_waits_for_the_window_s_first_frame(
    consentinel_home: Path, chromium_path: Path
) -> None:
    """Started from its launcher, the app shows its window first: the tray icon's registration
    with the desktop (D-Bus calls here) comes after the window's first frame, then it is there."""
    with private_session_bus() as bus:
        watcher = FakeStatusNotifierWatcher(bus)
        try:
            done = _under_xvfb(
                "tests.gui._tray_first_frame", consentinel_home, bus, chromium_path, 120
            )
        finally:
            watcher.close()
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {"tray_at_first_frame": False, "tray_after": True}, seen
    assert watcher.items, "the app's tray icon never registered"
