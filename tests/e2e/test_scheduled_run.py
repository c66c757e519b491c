"""A scheduled run, as the systemd timer starts it, after X switched a box back on.

The command and its environment are the ones the OS job would get (`check_command()`, the unit's
Environment= lines, and the little a user manager passes on: HOME, PATH, the session bus). The
keyring is a real GNOME Keyring and the desktop notifier the real notify-send, talking to a
small notification server on the same private bus.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from consentinel.core.journal import Journal
from consentinel.core.journal_entries import EntryKind
from consentinel.core.moments import moment_text
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
    if os.environ.get("PYTHONPATH"):
        # The sources under test, where the test runs them from a checkout the interpreter's
        # own install does not point at (the job installed from there would be the same).
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    return list(command.argv), env


def _a_day_passes(journal_path: Path) -> None:
    """Every run so far dated a day earlier, as the clock would see them a day later (the
    schedule and the notifications count from when runs ended)."""
    with sqlite3.connect(journal_path) as db:
        for run_id, started, finished in db.execute(
            "SELECT id, started_at, finished_at FROM runs"
        ).fetchall():
            earlier = [
                (datetime.fromisoformat(t) - timedelta(days=1)).isoformat() if t else t
                for t in (started, finished)
            ]
            db.execute(
                "UPDATE runs SET started_at = ?, finished_at = ? WHERE id = ?", (*earlier, run_id)
            )


def _with_read_only(folder: Path, argv: list[str]) -> list[str]:
    """`argv` run with `folder` mounted read-only over itself, in a mount namespace of its own
    (as tests/reliability/test_storage_faults.py does): even root cannot write there."""
    assert shutil.which("unshare"), "util-linux's unshare is needed for the read-only folder"
    mounts = f'mount --bind "{folder}" "{folder}" && mount -o remount,bind,ro "{folder}" "{folder}"'
    namespace = ["unshare", "--mount", "--propagation", "private"]
    if os.geteuid() != 0:
        namespace[1:1] = ["--user", "--map-root-user"]
    return [*namespace, "sh", "-c", f'{mounts} && exec "$@"', "sh", *argv]


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


def _set_up(
    sim: Any, consentinel_home: Path, chromium_path: Path, bus: str
) -> tuple[AppPaths, list[str], dict[str, str]]:
    """The person's set-up: X's address (simx) and the browser, nora added and checked once."""
    paths = AppPaths.under(consentinel_home).ensure()
    save_settings(paths, Settings(x_origin=sim.origin, browser_path=str(chromium_path)))
    argv, env = _as_the_timer_runs_it(consentinel_home, bus)
    added = subprocess.run(
        [*argv[:-2], "account", "add", "nora", "--password-stdin"],
        input=PASSWORD + "\n", capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    first = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=180)
    assert first.returncode == 0, (first.stdout, first.stderr)
    return paths, argv, env


def test_x_switching_a_box_back_on_is_said_when_its_screenshot_cannot_be_kept(
    simx: Any,
    consentinel_home: Path,
    private_secret_service: SecretServiceEnv,
    notifications: FakeNotificationServer,
    chromium_path: Path,
) -> None:
    """The evidence folder alone read-only: the box X switched back on is unticked and read
    back, then its screenshot cannot be written. The check stops there, and says both: what
    it did (the box X had switched on, off again) and that the screenshot was not kept; the
    person is told X switched it back on."""
    sim = simx(SimAccount("nora", PASSWORD))
    paths, argv, env = _set_up(sim, consentinel_home, chromium_path, private_secret_service.address)
    sim.set_box("nora", "training", True)  # X switches it back on
    _a_day_passes(paths.journal_path)
    second = subprocess.run(
        _with_read_only(paths.evidence_dir, [*argv, "--json"]),
        capture_output=True, text=True, env=env, timeout=180,
    )  # fmt: skip
    assert second.returncode == 1, (second.stdout, second.stderr)

    assert sim.boxes("nora")["training"] is False
    (result,) = json.loads(second.stdout)["accounts"]
    assert result["status"] == "error" and result["reason"] == "evidence_not_kept"
    assert result["reverted_by_x"] == ["training"]
    assert result["settings"]["training"] == {"before": True, "after": False, "disabled": False}
    assert result["message"].startswith(
        "X had switched Training back on. Unticked and read back off: Training. The screenshot "
        "could not be kept: Could not save "
    )
    assert "the disk is read-only" in result["message"]
    journal = Journal.open(paths.journal_path)
    try:
        latest = journal.entries(handle="nora", kinds=[EntryKind.CHANGE])[-1]
        assert latest.payload["reverted_by_x"] is True and latest.payload["confirmed"] is True
        (said,) = journal.entries(kinds=[EntryKind.NOTIFICATION])
        assert said.handle == "nora" and said.payload["kind"] == "reverted_by_x"
    finally:
        journal.close()
    assert len(notifications.calls) == 1
    body = notifications.calls[0][4]
    assert body == (
        "X switched back on for @nora: Training. Switched off again, but its screenshot could "
        "not be kept — open Consentinel."
    )


def test_x_out_of_reach_for_days_is_said_once(
    simx: Any,
    consentinel_home: Path,
    private_secret_service: SecretServiceEnv,
    notifications: FakeNotificationServer,
    chromium_path: Path,
) -> None:
    """X cannot be reached (simx stopped) at the daily checks that follow a good one: the
    first two are no news, the third day's says since when and what to do, and the fourth's
    says nothing more."""
    sim = simx(SimAccount("nora", PASSWORD))
    paths, argv, env = _set_up(sim, consentinel_home, chromium_path, private_secret_service.address)
    sim.stop()
    for day in (1, 2, 3, 4):
        _a_day_passes(paths.journal_path)
        done = subprocess.run(
            [*argv, "--json"], capture_output=True, text=True, env=env, timeout=180
        )
        assert done.returncode == 1, (day, done.stdout, done.stderr)
        (result,) = json.loads(done.stdout)["accounts"]
        assert result["reason"] == "network", (day, result)
        assert len(notifications.calls) == (1 if day >= 3 else 0), day

    journal = Journal.open(paths.journal_path)
    try:
        good = journal.runs()[-1]  # (newest first: the first run, four days ago now)
        assert good.finished_at is not None
        (said,) = journal.entries(kinds=[EntryKind.NOTIFICATION])
        assert said.payload["kind"] == "x_unreachable" and said.payload["accounts"] == ["nora"]
    finally:
        journal.close()
    body = notifications.calls[0][4]
    assert body == (
        "Consentinel has not been able to check @nora on X since "
        f"{moment_text(datetime.fromisoformat(good.finished_at) + timedelta(days=1))}: X could "
        "not be reached, did not answer in time, or asked to slow down, and a box X switches "
        "back on meanwhile stays on. Check this computer's connection and that x.com opens, "
        "then run `consentinel check` (or open Consentinel) to try now."
    )
