"""The GUI and a scheduled run at once: one runs, the other waits or says so; neither corrupts
the journal. The GUI is the real CheckRunner (pytest-qt), the scheduled run the real
`consentinel check --unattended` process, both on one data folder and the real keyring."""

from __future__ import annotations

import json
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

import pyotp

from consentinel.core.context import AppContext
from consentinel.core.engine import Engine
from consentinel.core.events import PromptRequest
from consentinel.core.journal import EntryKind, Journal, RunStatus
from consentinel.core.lock import RunLock
from consentinel.core.status import Status
from consentinel.core.steps import PromptKind
from consentinel.simx import SimAccount
from tests.fixtures.check_json import skipped
from tests.reliability.cli_support import CLI, run_cli, started


def _runner(qtbot: Any) -> Any:
    from consentinel.gui.check_runner import CheckRunner

    ctx = AppContext.create()
    runner = CheckRunner(lambda: Engine(ctx, headless=True), ctx.paths.lock_path)
    return runner


def _runs_do_not_overlap(journal_path: Path) -> list[Any]:
    """Every run's entries sit between its run_started and its end: no two runs interleave."""
    with Journal.open(journal_path) as journal:
        assert journal.verify().ok
        entries = journal.entries()
        runs = journal.runs()
    current = None
    ended = None  # the last run that ended
    for entry in entries:
        if entry.kind is EntryKind.RUN_STARTED:
            assert current is None, "a run started while another was going"
            current = entry.run_id
        elif entry.kind in (EntryKind.RUN_FINISHED, EntryKind.RUN_INTERRUPTED):
            assert entry.run_id == current
            current, ended = None, current
        elif entry.kind is EntryKind.NOTIFICATION and entry.run_id is not None:
            # What a run tells the person is journaled after its end (notify_delivery.deliver), and
            # before the next run starts: never among another run's entries.
            assert current is None and entry.run_id == ended, entry
        elif entry.run_id is not None:
            assert entry.run_id == current, entry
    assert all(run.status is RunStatus.FINISHED for run in runs), runs
    return runs


def test_scheduled_run_during_a_gui_run_waits_then_checks_what_is_due(
    qtbot: Any, simx: Any, env: dict[str, str], consentinel_home: Path
) -> None:
    """The scheduled run waits for the window's check (it was skipped, and its accounts left
    for the job's next time), then checks the accounts that check left: the one it checked
    is "checked lately"."""
    secret = pyotp.random_base32()
    sim = simx(
        SimAccount("gina", "pw-gina", totp_secret=secret, challenges=["two_factor"]),
        SimAccount("hal", "pw-hal"),
    )
    env = dict(env, CONSENTINEL_X_ORIGIN=sim.origin)
    for handle in ("gina", "hal"):
        run_cli(env, "account", "add", handle, "--password-stdin", stdin=f"pw-{handle}\n", expect=0)
    runner = _runner(qtbot)
    try:
        # The GUI run stops at X's 2FA question and waits for the person: it holds the lock.
        with qtbot.waitSignal(runner.prompt, timeout=90_000) as asked:
            assert runner.start(["gina"], "gui")
        request: PromptRequest = asked.args[0]
        assert request.kind is PromptKind.TWO_FACTOR_CODE

        with started(env, "check", "--unattended", "--json") as scheduled:
            scheduled.said("this one waits for it to end")
            assert not sim.signin_attempts("hal")  # nothing checked while it waits
            with qtbot.waitSignal(runner.run_finished, timeout=90_000) as finished:
                runner.answer(pyotp.TOTP(secret).now())
            done = scheduled.finish()
    finally:
        runner.cancel()
        runner.wait()
    (gina,) = finished.args[0].accounts
    assert gina.status is Status.FIXED, gina.message
    assert done.returncode == 0, (done.stdout, done.stderr)
    document = json.loads(done.stdout)
    assert [(a["handle"], a["status"]) for a in document["accounts"]] == [("hal", "fixed")]
    assert document["checked_lately_accounts"] == ["gina"]
    assert "Traceback" not in done.stderr
    runs = _runs_do_not_overlap(consentinel_home / "data" / "journal.sqlite3")
    assert [run.trigger for run in sorted(runs, key=lambda run: run.id)] == ["gui", "schedule"]
    _each_box_unticked_once(sim, "gina")
    _each_box_unticked_once(sim, "hal")


def test_gui_run_during_a_scheduled_run_is_refused_then_works(
    qtbot: Any, simx: Any, env: dict[str, str], consentinel_home: Path
) -> None:
    # A slow X (every answer delayed) keeps the scheduled run going for several seconds.
    sim = simx(SimAccount("hugo", "pw-hugo"), latency_ms=150)
    env = dict(env, CONSENTINEL_X_ORIGIN=sim.origin)
    run_cli(env, "account", "add", "hugo", "--password-stdin", stdin="pw-hugo\n", expect=0)
    scheduled = subprocess.Popen(
        [CLI, "check", "--unattended", "--json"],
        env=env,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    lock = RunLock(consentinel_home / "data" / "run.lock")
    runner = _runner(qtbot)
    try:
        qtbot.waitUntil(lambda: (lock.holder() or _NoPid).pid == scheduled.pid, timeout=60_000)
        with qtbot.waitSignal(runner.run_failed, timeout=5_000) as refused:
            assert not runner.start(None, "gui")
        assert "Another Consentinel process" in refused.args[0]
        assert "is checking your accounts" in refused.args[0]
        out, err = scheduled.communicate(timeout=180)
        assert scheduled.returncode == 0, (out, err)
        assert json.loads(out)["accounts"][0]["status"] == "fixed"
        with qtbot.waitSignal(runner.run_finished, timeout=90_000) as finished:
            assert runner.start(None, "gui")
    finally:
        if scheduled.poll() is None:
            scheduled.kill()
            scheduled.communicate()
        runner.cancel()
        runner.wait()
    (hugo,) = finished.args[0].accounts
    assert hugo.status is Status.OPTED_OUT, hugo.message
    runs = _runs_do_not_overlap(consentinel_home / "data" / "journal.sqlite3")
    assert sorted(r.trigger for r in runs) == ["gui", "schedule"]
    _each_box_unticked_once(sim, "hugo")


def _each_box_unticked_once(sim: Any, handle: str) -> None:
    """X received one untick per ticked box: by the run that went first, never twice."""
    operations = [m["operation"] for m in sim.mutations(handle)]
    assert len(operations) == 2 and len(set(operations)) == 2, operations


class _NoPid:
    pid = None


def test_manual_and_scheduled_checks_started_together(
    simx: Any, env: dict[str, str], consentinel_home: Path
) -> None:
    sim = simx(SimAccount("ivy", "pw-ivy"), SimAccount("jon", "pw-jon"))
    env = dict(env, CONSENTINEL_X_ORIGIN=sim.origin)
    for handle in ("ivy", "jon"):
        run_cli(env, "account", "add", handle, "--password-stdin", stdin=f"pw-{handle}\n", expect=0)
    go = threading.Barrier(2)
    done: dict[str, subprocess.CompletedProcess[str]] = {}

    def start(name: str, *args: str) -> None:
        go.wait()
        done[name] = run_cli(env, "check", "--json", *args)

    threads = [
        threading.Thread(target=start, args=("manual",)),
        threading.Thread(target=start, args=("scheduled", "--unattended")),
    ]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert time.monotonic() - began < 300
    manual, scheduled = done["manual"], done["scheduled"]
    assert manual.returncode == 0, manual.stderr
    assert scheduled.returncode == 0, scheduled.stderr
    runs = _runs_do_not_overlap(consentinel_home / "data" / "journal.sqlite3")
    if len(runs) == 1:  # the manual check won; the scheduled one waited, then found nothing due
        assert "this one waits for it to end" in scheduled.stderr
        assert json.loads(scheduled.stdout) == skipped("checked_lately")
    else:  # the scheduled check won; the manual one waited for it, then ran
        assert len(runs) == 2 and "waiting" in manual.stderr
    with Journal.open(consentinel_home / "data" / "journal.sqlite3") as journal:
        for run in runs:
            checks = journal.entries(kinds=[EntryKind.CHECK])
            per_run = sorted(e.handle for e in checks if e.run_id == run.id)
            assert per_run == ["ivy", "jon"]  # each account once per run, no duplicate
    _each_box_unticked_once(sim, "ivy")
    _each_box_unticked_once(sim, "jon")
