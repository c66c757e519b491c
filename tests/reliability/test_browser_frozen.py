"""A browser that stops answering mid-check (its process stopped by SIGSTOP: frozen, as on a
starved computer): the check ends within a bound, the browser's fault said (browser_crashed,
never "X took too long"), an untick whose click reached X said as unknown, the browser ended,
the run finished and the next check as usual.

Real Chromium against simx; the test stops Chromium's main process itself, and its teardown
wakes and kills whatever it stopped, so that a check of the old code, which waited for ever,
ends too.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.engine import Engine
from consentinel.core.events import AccountStep, BoxChange, Event, RunResult
from consentinel.core.journal import EntryKind, Journal, RunStatus
from consentinel.core.lock import RunLock
from consentinel.core.paths import AppPaths
from consentinel.core.pending_unticks import FOLDER_NAME
from consentinel.core.settings import Settings
from consentinel.core.status import Box, Reason, Status
from consentinel.core.steps import Step
from consentinel.core.vault import MemoryKeyring, Vault
from consentinel.simx import SimAccount
from tests.reliability.cli_support import descendants, run_cli, started

pytestmark = pytest.mark.browser

#: How long a check with a frozen browser may take to end (the browser is asked every 5 s and
#: given 5 s to answer; the pages' own waits here are shorter).
ENDS_WITHIN_S = 60
CUT_SHORT = "Stopped while unticking Training: X may have switched it off"


def _browsers_of(root: int) -> list[int]:
    """The main Chromium processes started under process `root` (not its helpers), live."""
    found = []
    for pid in descendants(root):
        with contextlib.suppress(OSError):
            argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            if b"chromium" in argv[0] and not any(a.startswith(b"--type=") for a in argv):
                found.append(pid)
    return found


def _chromium_left(root: int) -> list[int]:
    """Every live Chromium process (helpers too) under process `root`."""
    left = []
    for pid in descendants(root):
        with contextlib.suppress(OSError):
            if b"chromium" in Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0]:
                left.append(pid)
    return left


@pytest.fixture
def freezer() -> Iterator[list[int]]:
    """Stops Chromium processes (`freeze(root)`); at the end each is woken and killed."""
    stopped: list[int] = []
    yield stopped
    for pid in stopped:
        for signum in (signal.SIGCONT, signal.SIGKILL):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signum)


def _freeze(root: int, stopped: list[int]) -> None:
    browsers = _browsers_of(root)
    assert browsers, "no Chromium to freeze"
    for pid in browsers:
        os.kill(pid, signal.SIGSTOP)
        stopped.append(pid)


def _context(home: Path, origin: str, *handles: str, keep: frozenset[Box]) -> AppContext:
    ctx = AppContext.create(
        AppPaths.under(home),
        vault=Vault(MemoryKeyring()),
        settings=Settings(x_origin=origin, concurrency=1),
    )
    for handle in handles:
        ctx.accounts.add(Account(handle, keep=keep))
        ctx.vault.set_password(handle, f"pw-{handle}")
    return ctx


def _run_bounded(engine: Engine, **kwargs: Any) -> RunResult:
    """The engine's check, in a thread of its own, given ENDS_WITHIN_S to end."""
    results: list[RunResult] = []
    thread = threading.Thread(
        target=lambda: results.append(engine.run_check(**kwargs)), daemon=True
    )
    thread.start()
    thread.join(ENDS_WITHIN_S)
    assert results, f"the check with a frozen browser did not end within {ENDS_WITHIN_S} s"
    return results[0]


@pytest.mark.parametrize(
    "busy_ms",
    [0, 3000],
    ids=["click-answered", "click-unanswered"],  # (X's page busy: frozen before the click's end)
)
def test_a_browser_frozen_mid_untick_ends_the_check_with_the_box_unknown(
    simx: Any, consentinel_home: Path, freezer: list[int], busy_ms: int
) -> None:
    # X applies the untick and holds its answer back: the browser freezes once X applied it —
    # after the click was answered, or (X's page busy once the change is sent) before: either
    # way the change reached X.
    sim = simx(SimAccount("fro", "pw-fro", fault="mutation_hang", busy_after_change_ms=busy_ms))
    ctx = _context(consentinel_home, sim.origin, "fro", keep=frozenset({Box.TRAINING}))

    def freeze_once_applied() -> None:
        if sim.mutation_hanging.wait(timeout=120):
            _freeze(os.getpid(), freezer)

    threading.Thread(target=freeze_once_applied, daemon=True).start()
    engine = Engine(ctx, headless=True, page_timeout_s=4, signin_step_timeout_s=8)
    (fro,) = _run_bounded(engine).accounts

    assert freezer, "the browser was never frozen"
    assert sim.boxes("fro")["training"] is False  # X made it
    assert (fro.status, fro.reason) == (Status.ERROR, Reason.BROWSER_CRASHED), fro.message
    assert CUT_SHORT in fro.message and not fro.message.startswith("X "), fro.message
    # "→ ?": clicked, never read back; never said off unread.
    assert fro.settings[Box.TRAINING] == BoxChange(True, None)
    check = ctx.journal.last_check("fro")
    assert check is not None
    assert (check.payload["status"], check.payload["reason"]) == ("error", "browser_crashed")
    assert check.payload["settings"]["training"]["after"] is None
    assert list((ctx.paths.data_dir / FOLDER_NAME).glob("*.json")) == []
    (run,) = ctx.journal.runs()
    assert run.status is RunStatus.FINISHED
    # The frozen browser was ended: nothing of it is left running.
    assert _chromium_left(os.getpid()) == []

    # The next check goes as usual: it reads the box X switched off.
    (again,) = Engine(ctx, headless=True, page_timeout_s=15).run_check().accounts
    assert (again.status, again.reason) == (Status.OPTED_OUT, None), again.message
    assert again.settings[Box.TRAINING] == BoxChange(False, False)


def test_a_browser_frozen_while_reading_is_not_blamed_on_x(
    simx: Any, consentinel_home: Path, freezer: list[int]
) -> None:
    """Frozen while X's page loads (X answers as usual): the browser stopped, not "X took too
    long to answer"; the account waiting its turn in the same run ends for the same reason."""
    sim = simx(SimAccount("rea", "pw-rea"), SimAccount("reb", "pw-reb"), render_delay_ms=2000)
    ctx = _context(consentinel_home, sim.origin, "rea", "reb", keep=frozenset({Box.TRAINING}))
    engine = Engine(ctx, headless=True, page_timeout_s=3, signin_step_timeout_s=8)
    engine.run_check(dry_run=True)  # signed in: the next check reads the page at once

    def on_event(event: Event) -> None:
        if isinstance(event, AccountStep) and event.step is Step.READING_PAGE and not freezer:
            _freeze(os.getpid(), freezer)

    result = _run_bounded(engine, on_event=on_event)

    assert freezer, "the browser was never frozen"
    for account in result.accounts:
        assert (account.status, account.reason) == (Status.ERROR, Reason.BROWSER_CRASHED), (
            account.handle,
            account.message,
        )
        assert not account.message.startswith("X "), account.message
    assert sim.mutations("rea") == [] and sim.mutations("reb") == []
    assert _chromium_left(os.getpid()) == []


def test_a_command_line_check_whose_browser_froze_ends_and_frees_the_lock(
    simx: Any, env: dict[str, str], consentinel_home: Path, freezer: list[int]
) -> None:
    """`consentinel check` with the pages' own time (30 s): the frozen browser is found out by
    asking it, the check ends and says it, and the next one is not skipped."""
    sim = simx(SimAccount("clf", "pw-clf", fault="mutation_hang"))
    env = dict(env, CONSENTINEL_X_ORIGIN=sim.origin)
    run_cli(env, "account", "add", "clf", "--password-stdin", "--keep", "", stdin="pw-clf\n",
            expect=0)  # fmt: skip
    with started(env, "check", "--json") as check:
        assert sim.mutation_hanging.wait(timeout=120), "the check never unticked a box"
        _freeze(check.proc.pid, freezer)
        done = check.finish(timeout=ENDS_WITHIN_S)
    assert done.returncode == 1, (done.returncode, done.stderr)
    (clf,) = json.loads(done.stdout)["accounts"]
    assert (clf["status"], clf["reason"]) == ("error", "browser_crashed"), clf
    assert clf["settings"]["training"] == {"before": True, "after": None, "disabled": False}
    assert "Traceback" not in done.stderr
    lock = RunLock(AppPaths(consentinel_home).lock_path)
    assert lock.acquire(wait=False), "the run lock is still held"
    lock.release()
    journal = Journal.open(AppPaths(consentinel_home).journal_path)
    try:
        (run,) = journal.runs()
        (entry,) = journal.entries(handle="clf", kinds=[EntryKind.CHECK])
    finally:
        journal.close()
    assert run.status is RunStatus.FINISHED
    assert entry.payload["reason"] == "browser_crashed"
    assert _chromium_left(os.getpid()) == []
