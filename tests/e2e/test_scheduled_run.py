"""A scheduled run, as the systemd timer starts it, after X switched a box back on.

The command and its environment are the ones the OS job would get (`check_command()`, the unit's
Environment= lines, and the little a user manager passes on: HOME, PATH, the session bus). The
keyring is a real GNOME Keyring and the desktop notifier the real notify-send, talking to a
small notification server on the same private bus.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from consentinel.core.journal import Journal
from consentinel.core.journal_entries import EntryKind
from consentinel.core.osjobs.job import check_command
from consentinel.core.paths import AppPaths
from consentinel.core.settings import Settings, save_settings
from consentinel.simx import SimAccount
from tests.fixtures.keyring_fixtures import SecretServiceEnv
from tests.fixtures.notify_server import FakeNotificationServer

PASSWORD = "scheduled run password 7"


@pytest.fixture
def notifications(private_secret_service: SecretServiceEnv) -> Iterator[FakeNotificationServer]:
    server = FakeNotificationServer(private_secret_service.address)
    yield server
    server.close()


def _as_the_timer_runs_it(consentinel_home: Path, bus: str) -> tuple[list[str], dict[str, str]]:
    command = check_command({"CONSENTINEL_HOME": str(consentinel_home)})
    env = {
        "HOME": os.environ["HOME"],
        "PATH": os.environ["PATH"],
        "LANG": "C.UTF-8",
        "DBUS_SESSION_BUS_ADDRESS": bus,
        **command.env,
    }
    return list(command.argv), env


def test_scheduled_run_after_x_switched_training_back_on(
    simx: Any,
    consentinel_home: Path,
    private_secret_service: SecretServiceEnv,
    notifications: FakeNotificationServer,
    chromium_path: Path,
) -> None:
    sim = simx(SimAccount("nora", PASSWORD))
    paths = AppPaths.under(consentinel_home).ensure()
    # What the person set up in the app: X's address (simx here) and the browser to use.
    save_settings(paths, Settings(x_origin=sim.origin, browser_path=str(chromium_path)))
    argv, env = _as_the_timer_runs_it(consentinel_home, private_secret_service.address)
    added = subprocess.run(
        [*argv[:-2], "account", "add", "nora", "--password-stdin"],
        input=PASSWORD + "\n", capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr

    first = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=180)
    assert first.returncode == 0, (first.stdout, first.stderr)
    assert sim.boxes("nora")["training"] is False
    assert notifications.calls == []  # a first fix is what the person asked for: no news

    sim.set_box("nora", "training", True)  # X switches it back on
    # A timer firing right after a check (the open app's, say) does not check again...
    soon = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=180)
    assert soon.returncode == 0 and "is skipped" in soon.stderr, soon.stderr
    assert sim.boxes("nora")["training"] is True
    # ...the next one, a day later, does: the first run is dated back as the clock would see it.
    day_before = (datetime.now(timezone.utc) - timedelta(days=1)).isoformat()
    with sqlite3.connect(paths.journal_path) as db:
        db.execute("UPDATE runs SET finished_at = ?", (day_before,))
    second = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=180)
    assert second.returncode == 0, (second.stdout, second.stderr)

    assert sim.boxes("nora")["training"] is False
    assert len(sim.signin_attempts("nora")) == 1  # the saved session was reused
    journal = Journal.open(paths.journal_path)
    try:
        changes = journal.entries(handle="nora", kinds=[EntryKind.CHANGE])
        latest = max(changes, key=lambda entry: entry.id)
        assert latest.payload["box"] == "training"
        assert latest.payload["reverted_by_x"] is True and latest.payload["confirmed"] is True
        (said,) = journal.entries(kinds=[EntryKind.NOTIFICATION])
        assert said.handle == "nora"
        assert journal.verify().ok
    finally:
        journal.close()
    assert len(notifications.calls) == 1
    _app, _replaces, _icon, summary, body, *_ = notifications.calls[0]
    assert summary == "Consentinel"
    assert body == "X switched back on for @nora: Training. Switched off again."
    for output in (first.stdout, first.stderr, second.stdout, second.stderr):
        assert PASSWORD not in output
