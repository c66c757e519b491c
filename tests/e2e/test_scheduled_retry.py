"""A scheduled check that meets no network (a laptop waking before its Wi-Fi) tries again in
the same run once X answers, the run lock free meanwhile; stopped while it waits, it ends
cleanly. The OS job's own command and environment (test_scheduled_run.py), a real keyring,
real Chromium, and simx serving on X's address only once the network is "back"."""

from __future__ import annotations

import signal
import socket
from pathlib import Path

from consentinel.cli.scheduled_retry import TEST_WAITS_ENV
from consentinel.core.journal import Journal
from consentinel.core.journal_entries import EntryKind
from consentinel.core.lock import RunLock
from consentinel.core.paths import AppPaths
from consentinel.core.settings import Settings, save_settings
from consentinel.simx import SimAccount
from consentinel.simx.scenario import Scenario
from consentinel.simx.server import SimX
from tests.e2e.test_scheduled_run import (
    PASSWORD,
    _add,
    _as_the_timer_runs_it,
    notifications,  # noqa: F401 (a fixture)
)
from tests.fixtures.keyring_fixtures import SecretServiceEnv
from tests.fixtures.notify_server import FakeNotificationServer
from tests.reliability.cli_support import started

#: Waits far longer than the test: only X answering again ends them (probed every 0.2 s).
LONG_WAITS = "600,600/0.2"
SAID_RETRY = "X could not be reached for @nora: this scheduled check tries again"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _set_up(
    home: Path, chromium: Path, bus: str, port: int
) -> tuple[AppPaths, list[str], dict[str, str]]:
    """nora added; X's address one nothing answers at yet (the network down)."""
    paths = AppPaths.under(home).ensure()
    origin = f"http://127.0.0.1:{port}"
    save_settings(paths, Settings(x_origin=origin, browser_path=str(chromium)))
    argv, env = _as_the_timer_runs_it(home, bus)
    env[TEST_WAITS_ENV] = LONG_WAITS
    _add(argv, env, "nora")
    return paths, argv, env


def _runs(paths: AppPaths) -> list[tuple[str, str | None, str | None]]:
    """Each run's status, and nora's check in it: (run status, check status, reason)."""
    journal = Journal.open(paths.journal_path)
    try:
        checks = {e.run_id: e for e in journal.entries(handle="nora", kinds=[EntryKind.CHECK])}
        found = []
        for run in reversed(journal.runs()):
            assert run.trigger == "schedule"
            check = checks[run.id].payload
            found.append((run.status.value, check.get("status"), check.get("reason")))
        assert journal.verify().ok
        return found
    finally:
        journal.close()


def test_a_scheduled_check_without_network_tries_again_once_x_answers(
    consentinel_home: Path,
    private_secret_service: SecretServiceEnv,
    notifications: FakeNotificationServer,  # noqa: F811
    chromium_path: Path,
) -> None:
    port = _free_port()
    paths, argv, env = _set_up(consentinel_home, chromium_path, private_secret_service.address,
                               port)  # fmt: skip
    sim = SimX(Scenario(accounts=[SimAccount("nora", PASSWORD, memory_shown=True)],
                        render_delay_ms=80), port=port)  # fmt: skip
    with started(env, *argv[1:], program=argv[0]) as check:
        check.said(SAID_RETRY)
        # The lock is free while it waits: the window, or a person's check, may run.
        lock = RunLock(paths.lock_path)
        assert lock.acquire(wait=False), lock.holder()
        lock.release()
        sim.start()  # the network is back
        try:
            done = check.finish(timeout=240)
        finally:
            sim.stop()
    assert done.returncode == 0, (done.stdout, done.stderr)
    assert sim.boxes("nora") == {"training": False, "personalization": False, "memory": False}
    # Each try is its own run in the journal, as it went: the first could not reach X.
    (first, second) = _runs(paths)
    assert first == ("finished", "error", "network"), first
    assert second[:2] == ("finished", "fixed"), second
    assert notifications.calls == []  # a failure the retry mended is no news
    assert PASSWORD not in done.stdout + done.stderr


def test_a_scheduled_check_stopped_while_it_waits_to_try_again_ends_cleanly(
    consentinel_home: Path,
    private_secret_service: SecretServiceEnv,
    notifications: FakeNotificationServer,  # noqa: F811
    chromium_path: Path,
) -> None:
    """SIGTERM (a shutdown) during the wait: the command ends as stopped by it, the first
    try's run stays as it ended (not found "interrupted" later), and the lock is free."""
    paths, argv, env = _set_up(consentinel_home, chromium_path, private_secret_service.address,
                               _free_port())  # fmt: skip
    with started(env, *argv[1:], program=argv[0]) as check:
        check.said(SAID_RETRY)
        check.proc.send_signal(signal.SIGTERM)
        done = check.finish(timeout=60)
    assert done.returncode == -signal.SIGTERM, (done.stdout, done.stderr)
    assert "Stopped: the system asked Consentinel to end." in done.stderr
    assert "Traceback" not in done.stderr
    assert _runs(paths) == [("finished", "error", "network")]
    lock = RunLock(paths.lock_path)
    assert lock.acquire(wait=False)
    lock.release()
    assert notifications.calls == []
