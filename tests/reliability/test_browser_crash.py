"""A browser that will not start, or that dies mid-check: a clear error, nothing marked fixed,
nothing half-written in the journal."""

from __future__ import annotations

import json
import os
import shutil
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.engine import Engine
from consentinel.core.events import AccountStep, Event
from consentinel.core.journal import EntryKind, RunStatus
from consentinel.core.paths import AppPaths
from consentinel.core.settings import Settings
from consentinel.core.status import Reason, Status
from consentinel.core.steps import Step
from consentinel.core.vault import MemoryKeyring, Vault
from consentinel.simx import SimAccount
from consentinel.x.browser import RUN_FOLDER_PREFIX
from tests.reliability.cli_support import descendants, run_cli


def test_a_browser_that_exits_at_once(
    simx: Any, env: dict[str, str], tmp_path: Path, consentinel_home: Path
) -> None:
    sim = simx(SimAccount("kate", "pw-kate"))
    broken = tmp_path / "chromium"
    broken.write_text("#!/bin/sh\necho 'this browser is broken' >&2\nexit 1\n")
    broken.chmod(0o755)
    env = dict(env, CONSENTINEL_X_ORIGIN=sim.origin, CONSENTINEL_BROWSER=str(broken))
    run_cli(env, "account", "add", "kate", "--password-stdin", stdin="pw-kate\n", expect=0)

    # No browser that starts: a set-up error (2), not "a box left on" (1).
    done = run_cli(env, "check", "--json", expect=2)

    (kate,) = json.loads(done.stdout)["accounts"]
    assert (kate["status"], kate["reason"]) == ("error", "browser_missing"), kate
    assert "browser" in kate["message"].lower() and "\n" not in kate["message"]
    # It names the browser that was found and what it said, not "no browser was found".
    assert str(broken) in kate["message"] and "this browser is broken" in kate["message"]
    assert "No Chromium" not in kate["message"]
    assert "Traceback" not in done.stderr
    assert sim.signin_attempts("kate") == [] and sim.mutations("kate") == []
    assert all(sim.boxes("kate").values())
    verified = run_cli(env, "log", "--verify", expect=0)
    assert "intact" in verified.stdout


def _signal_own_processes(which: Callable[[bytes], bool], signum: int) -> int:
    """Send `signum` to each process this test process started whose command line (from
    /proc) `which` picks; how many got it."""
    sent = 0
    for pid in descendants(os.getpid()):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if which(cmdline):
            try:
                os.kill(pid, signum)
                sent += 1
            except ProcessLookupError:
                pass
    return sent


def _kill_the_browser() -> int:
    """SIGKILL every Chromium process this test process started (the browser and helpers)."""
    return _signal_own_processes(
        lambda cmdline: b"chromium" in cmdline.split(b"\0", 1)[0], signal.SIGKILL
    )


def test_a_browser_killed_mid_check(
    simx: Any,
    consentinel_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    import tempfile

    # A temp folder of this test's own, to see what a killed browser leaves there; short, as
    # a person's is: Chromium's singleton socket goes there, and a socket's path cannot be long.
    temp = Path(tempfile.mkdtemp(prefix="cs-", dir="/tmp"))
    request.addfinalizer(lambda: shutil.rmtree(temp, ignore_errors=True))
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    sim = simx(SimAccount("lena", "pw-lena"), SimAccount("milo", "pw-milo"))
    ctx = AppContext.create(
        AppPaths.under(consentinel_home),
        vault=Vault(MemoryKeyring()),
        settings=Settings(x_origin=sim.origin, concurrency=1),
    )
    for handle in ("lena", "milo"):
        ctx.accounts.add(Account(handle))
        ctx.vault.set_password(handle, f"pw-{handle}")
    killed: list[int] = []

    def on_event(event: Event) -> None:
        # The moment the first account is signed in and about to read the page: pull the plug.
        if isinstance(event, AccountStep) and event.step is Step.READING_PAGE and not killed:
            killed.append(_kill_the_browser())

    result = Engine(ctx, headless=True, page_timeout_s=15).run_check(on_event=on_event)

    assert killed and killed[0] > 0, "no Chromium process was found to kill"
    for account in result.accounts:
        assert account.status is Status.ERROR, (account.handle, account.status, account.message)
        assert account.message and "\n" not in account.message
    assert sim.mutations("lena") == [] and sim.mutations("milo") == []
    assert all(sim.boxes("lena").values()) and all(sim.boxes("milo").values())
    assert ctx.journal.verify().ok
    assert ctx.journal.entries(kinds=[EntryKind.CHANGE]) == []
    (run,) = ctx.journal.runs()
    assert run.status is not RunStatus.RUNNING
    assert {e.handle for e in ctx.journal.entries(kinds=[EntryKind.CHECK])} == {"lena", "milo"}
    # Clear means it names the culprit: the browser stopped, X is not to blame.
    for account in result.accounts:
        assert account.reason is Reason.BROWSER_CRASHED, (account.reason, account.message)
        assert not account.message.startswith("X "), account.message
    # Playwright's profile of the browser (its history of X's pages, its local storage) was in
    # the run's own folder, gone with the run. (Chromium's org.chromium.Chromium.… folder, a
    # socket and a lock, stays in the temp folder itself: a socket's path cannot be long.)
    left = sorted(p.name for p in temp.iterdir())
    assert not [name for name in left if not name.startswith("org.chromium.")], left


def test_a_browser_killed_while_x_sends_the_settings_is_not_blamed_on_x(
    simx: Any, consentinel_home: Path
) -> None:
    """X's page is there and its request for the settings is under way (X is slow to answer)
    when the browser dies: the browser stopped, not "X did not send the settings in time"."""
    import threading

    sim = simx(SimAccount("nina", "pw-nina", fault="settings_hang"))
    ctx = AppContext.create(
        AppPaths.under(consentinel_home),
        vault=Vault(MemoryKeyring()),
        settings=Settings(x_origin=sim.origin, concurrency=1),
    )
    ctx.accounts.add(Account("nina"))
    ctx.vault.set_password("nina", "pw-nina")
    killed: list[int] = []

    def kill_once_the_settings_are_asked() -> None:
        if sim.settings_hanging.wait(timeout=60):
            killed.append(_kill_the_browser())

    killer = threading.Thread(target=kill_once_the_settings_are_asked, daemon=True)
    killer.start()
    (nina,) = Engine(ctx, headless=True, page_timeout_s=30).run_check().accounts
    killer.join(timeout=5)

    assert killed and killed[0] > 0, "the settings request never came, or no Chromium to kill"
    assert (nina.status, nina.reason) == (Status.ERROR, Reason.BROWSER_CRASHED), nina.message
    assert not nina.message.startswith("X "), nina.message
    assert sim.mutations("nina") == [] and all(sim.boxes("nina").values())


def _crash_the_renderers() -> int:
    """SIGSEGV the page processes of the Chromium this test process started (only its own)."""
    # Chromium rewrites its helpers' command lines as one string.
    return _signal_own_processes(
        lambda cmdline: b"chromium" in cmdline.split(b" ", 1)[0] and b"--type=renderer" in cmdline,
        signal.SIGSEGV,
    )


def test_a_crashed_page_leaves_its_dump_nowhere_but_the_browser_s_own_folder(
    simx: Any, consentinel_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Debian's Chromium writes a crashed page's minidump (its memory: X's address, perhaps
    cookies) even with --disable-breakpad; it must go to a private folder that goes with the
    browser, never to ~/.config/chromium/Crash Reports."""
    home = tmp_path / "home"  # where Chromium's own folders would be: looked at after
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_CONFIG_HOME", "CHROME_CONFIG_HOME", "BREAKPAD_DUMP_LOCATION"):
        monkeypatch.delenv(name, raising=False)
    removed: dict[str, list[str]] = {}
    real_rmtree = shutil.rmtree

    def watched_rmtree(path: Any, *args: Any, **kwargs: Any) -> None:
        if Path(path).name.startswith(RUN_FOLDER_PREFIX):
            removed[str(path)] = sorted(p.name for p in Path(path).rglob("*.dmp"))
        real_rmtree(path, *args, **kwargs)

    monkeypatch.setattr(shutil, "rmtree", watched_rmtree)
    sim = simx(SimAccount("nell", "pw-nell"))
    ctx = AppContext.create(
        AppPaths.under(consentinel_home),
        vault=Vault(MemoryKeyring()),
        settings=Settings(x_origin=sim.origin),
    )
    ctx.accounts.add(Account("nell"))
    ctx.vault.set_password("nell", "pw-nell")
    crashed: list[int] = []

    def on_event(event: Event) -> None:
        if isinstance(event, AccountStep) and event.step is Step.READING_PAGE and not crashed:
            crashed.append(_crash_the_renderers())

    (nell,) = Engine(ctx, headless=True, page_timeout_s=15).run_check(on_event=on_event).accounts

    assert crashed and crashed[0] > 0, "no page process of ours was found"
    assert nell.status is Status.ERROR, nell.message
    stray = [str(p) for p in home.rglob("*") if "Crash" in str(p) or p.suffix == ".dmp"]
    assert stray == []
    # The browser's folder and the run's (Playwright's profiles): the dump is in the first.
    assert len(removed) == 2, removed
    dumps = [d for d in removed.values() if d]
    assert len(dumps) == 1, "the crash wrote no dump: this test would prove nothing"
    assert not any(Path(f).exists() for f in removed)  # gone with the browser and the run
