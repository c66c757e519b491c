"""A logout, a shutdown or `systemctl stop` sends SIGTERM: a check then ends as when the person
cancels it, its run written down as cancelled, its browser and folders gone, whether the command
line or the window was checking.

Real processes, a real Secret Service keyring, real Chromium against the simulated X, the window
offscreen. Each process gets a temporary folder of its own, so what it leaves there is its own.
"""

from __future__ import annotations

import contextlib
import json
import os
import pty
import select
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from consentinel.core.journal import EntryKind, Journal
from consentinel.core.journal_entries import RunStatus
from consentinel.core.paths import AppPaths
from consentinel.simx import SimAccount, SimX
from tests.e2e.test_cli import CLI, PASSWORD, run_cli
from tests.fixtures.keyring_fixtures import SecretServiceEnv
from tests.fixtures.notify_server import FakeNotificationServer
from tests.fixtures.process_lines import processes_naming

GUI = str(Path(sys.executable).parent / "consentinel-gui")
HANDLES = ("sig_ann", "sig_bob")


@pytest.fixture
def private_tmp() -> Iterator[Path]:
    # Short: Chromium's socket goes in it, and a socket's path has at most 107 bytes.
    with tempfile.TemporaryDirectory(prefix="sigterm-", dir="/tmp") as folder:
        yield Path(folder)


def _accounts_on_a_slow_x(
    simx: Any, cli_env: dict[str, str], private_tmp: Path
) -> tuple[SimX, dict[str, str]]:
    # X takes its time to draw its pages: the signal arrives while they are open.
    sim = simx(*(SimAccount(h, PASSWORD) for h in HANDLES), render_delay_ms=4000)
    env = dict(cli_env, CONSENTINEL_X_ORIGIN=sim.origin, TMPDIR=str(private_tmp))
    for handle in HANDLES:
        run_cli(env, "account", "add", handle, "--password-stdin", stdin=PASSWORD + "\n",
                check_exit=0)  # fmt: skip
    return sim, env


@contextlib.contextmanager
def _started(args: list[str], env: dict[str, str]) -> Iterator[subprocess.Popen[str]]:
    """The process, killed at the end if the test failed before it ended."""
    proc = subprocess.Popen(
        args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()


def _when_x_is_open(sim: SimX, proc: subprocess.Popen[str]) -> None:
    """Until the check's browser has asked X for a page (polled: X's side is another thread)."""
    deadline = time.monotonic() + 120
    while not sim.clients():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            out, err = proc.communicate()
            raise AssertionError(f"the check never reached X:\n{out}\n{err}")
        time.sleep(0.1)


def _nothing_left(env: dict[str, str]) -> None:
    left = sorted(p.name for p in Path(env["TMPDIR"]).iterdir())
    assert not [n for n in left if n.startswith(("consentinel-browser-", "playwright"))], left
    assert not processes_naming(env["TMPDIR"]), "a browser outlived the check"


def _last_run_status(home: Path) -> RunStatus:
    journal = Journal.open(AppPaths(home).journal_path)
    try:
        runs = journal.runs()
        return runs[0].status
    finally:
        journal.close()


@pytest.mark.browser
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["sigterm", "sighup"])
def test_a_command_line_check_stopped_by_sigterm_cleans_up_and_says_so(
    simx: Any,
    cli_env: dict[str, str],
    consentinel_home: Path,
    private_tmp: Path,
    signum: signal.Signals,
) -> None:
    """SIGTERM (a shutdown, `systemctl stop`) or SIGHUP (the terminal it ran in closed)."""
    sim, env = _accounts_on_a_slow_x(simx, cli_env, private_tmp)
    with _started([CLI, "check", "--json"], env) as proc:
        _when_x_is_open(sim, proc)
        proc.send_signal(signum)
        out, err = proc.communicate(timeout=120)
    # Ended as killed by the signal once cleaned up: SIGTERM a clean stop to systemd, 143 to a
    # shell (SIGHUP: 129).
    assert proc.returncode == -signum, (proc.returncode, err)
    assert "Stopped: the system asked Consentinel to end." in err
    assert "Traceback" not in err
    assert '"interrupted": true' in out
    assert "Accounts checked" not in err  # (the JSON says it: no summary for a person)
    assert _last_run_status(consentinel_home) is RunStatus.CANCELLED
    # Each account's check is journaled as stopped, the one under way and the one waiting its
    # turn alike, and the JSON names them: none vanishes.
    assert _checks(consentinel_home) == {h: ("error", "cancelled") for h in HANDLES}
    stopped = json.loads(out)["accounts"]
    assert sorted((a["handle"], a["reason"]) for a in stopped) == [
        (h, "cancelled") for h in HANDLES
    ]
    _nothing_left(env)


def _checks(home: Path) -> dict[str, tuple[str, str | None]]:
    """Each account's last check entry: its status and reason."""
    journal = Journal.open(AppPaths(home).journal_path)
    try:
        found: dict[str, tuple[str, str | None]] = {}
        for entry in journal.entries(kinds=[EntryKind.CHECK]):
            found.setdefault(entry.handle or "", (entry.payload["status"], entry.payload["reason"]))
        return found
    finally:
        journal.close()


@pytest.mark.browser
def test_a_scheduled_check_stopped_by_sigterm_still_tells_what_its_ended_checks_found(
    simx: Any,
    cli_env: dict[str, str],
    consentinel_home: Path,
    private_tmp: Path,
    private_secret_service: SecretServiceEnv,
) -> None:
    """systemd's time limit or a logout stops a scheduled check: an account whose check had
    ended (X refused its password) is told of as after a whole run; the one cut short is not."""
    sim = simx(
        SimAccount("sig_eve", "the password X now has"),
        SimAccount("sig_fay", PASSWORD, fault="settings_hang"),  # its check waits on X for ever
    )
    env = dict(cli_env, CONSENTINEL_X_ORIGIN=sim.origin, TMPDIR=str(private_tmp))
    env.update(private_secret_service)  # its bus has the desktop's notifier too
    for handle in ("sig_eve", "sig_fay"):
        run_cli(env, "account", "add", handle, "--password-stdin", stdin=PASSWORD + "\n",
                check_exit=0)  # fmt: skip
    notifications = FakeNotificationServer(private_secret_service.address)
    try:
        with _started([CLI, "check", "--unattended"], env) as proc:
            assert sim.settings_hanging.wait(timeout=120), "sig_fay's check never reached X"
            _until_checked(consentinel_home, "sig_eve", proc)
            proc.send_signal(signal.SIGTERM)
            _out, err = proc.communicate(timeout=120)
        bodies = [call[4] for call in notifications.calls]
    finally:
        notifications.close()
    assert proc.returncode == -signal.SIGTERM, (proc.returncode, err)
    assert _checks(consentinel_home) == {
        "sig_eve": ("signin_failed", "wrong_password"),
        "sig_fay": ("error", "cancelled"),
    }
    assert bodies == ["@sig_eve: X refused the password — save the right one in Consentinel"]
    journal = Journal.open(AppPaths(consentinel_home).journal_path)
    try:
        (said,) = journal.entries(kinds=[EntryKind.NOTIFICATION])
    finally:
        journal.close()
    assert said.handle == "sig_eve"
    assert "Traceback" not in err


def _until_checked(home: Path, handle: str, proc: subprocess.Popen[str]) -> None:
    """Until the journal has the account's check entry (polled: another process writes it)."""
    journal_path = AppPaths(home).journal_path
    deadline = time.monotonic() + 120
    while True:
        with (
            contextlib.suppress(sqlite3.Error),
            contextlib.closing(sqlite3.connect(f"file:{journal_path}?mode=ro", uri=True)) as db,
        ):
            found = db.execute(
                "SELECT count(*) FROM entries WHERE handle = ? AND kind = ?",
                (handle, EntryKind.CHECK.value),
            ).fetchone()[0]
            if found:
                return
        if proc.poll() is not None or time.monotonic() > deadline:
            raise AssertionError(f"@{handle}'s check never ended")
        time.sleep(0.1)


@pytest.mark.browser
def test_a_check_stopped_while_x_applies_a_change_says_which_box_x_may_have_changed(
    simx: Any, cli_env: dict[str, str], consentinel_home: Path, private_tmp: Path
) -> None:
    """The stop comes after X applied an untick and before its answer: the journal must not
    lose it. It names the box (X may have switched it off), and the next check reads it."""
    sim = simx(SimAccount("sig_cid", PASSWORD, fault="mutation_hang"))
    env = dict(cli_env, CONSENTINEL_X_ORIGIN=sim.origin, TMPDIR=str(private_tmp))
    run_cli(env, "account", "add", "sig_cid", "--password-stdin", stdin=PASSWORD + "\n",
            check_exit=0)  # fmt: skip
    with _started([CLI, "check", "--json"], env) as proc:
        assert sim.mutation_hanging.wait(timeout=120), "the check never unticked a box"
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=120)
    assert proc.returncode == -signal.SIGTERM, (proc.returncode, err)
    assert sim.boxes("sig_cid")["training"] is False  # X did switch it off
    assert _checks(consentinel_home) == {"sig_cid": ("error", "cancelled")}
    (cid,) = json.loads(out)["accounts"]
    assert cid["message"].startswith("Stopped while unticking Training: X may have switched it")
    # The boxes as the check left them: the one it clicked unknown (never said off unread),
    # the one it had not reached on, as read.
    assert cid["settings"]["training"] == {"before": True, "after": None, "disabled": False}
    assert cid["settings"]["personalization"]["after"] is True
    assert '"interrupted": true' in out and "Traceback" not in err


@pytest.mark.browser
def test_a_check_killed_while_x_applies_a_change_still_leaves_the_box_named(
    simx: Any, cli_env: dict[str, str], consentinel_home: Path, private_tmp: Path
) -> None:
    """Killed outright (SIGKILL, a power cut) after X applied an untick and before its answer:
    the process can say nothing, but the mark it wrote before clicking (core/pending_unticks)
    becomes the account's check entry once the run is found interrupted, naming the box, as a
    stop it is told of says it. The mark goes with it."""
    sim = simx(SimAccount("sig_dee", PASSWORD, fault="mutation_hang"))
    env = dict(cli_env, CONSENTINEL_X_ORIGIN=sim.origin, TMPDIR=str(private_tmp))
    run_cli(env, "account", "add", "sig_dee", "--password-stdin", stdin=PASSWORD + "\n",
            check_exit=0)  # fmt: skip
    marks = AppPaths(consentinel_home).data_dir / "unticking"
    with _started([CLI, "check"], env) as proc:
        assert sim.mutation_hanging.wait(timeout=120), "the check never unticked a box"
        assert [p.name for p in marks.iterdir()] == ["run1-sig_dee-training.json"]
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=120)
    assert proc.returncode == -signal.SIGKILL
    assert sim.boxes("sig_dee")["training"] is False  # X did switch it off
    # `account list` only looks: before anything journals the killed check, it says it as the
    # window's row does (the accounts file never heard of it), and leaves the mark and the run.
    (listed,) = json.loads(run_cli(env, "account", "list", "--json", check_exit=0).stdout)
    assert (listed["last_status"], listed["last_reason"]) == ("error", "cancelled")
    assert [p.name for p in marks.iterdir()] == ["run1-sig_dee-training.json"]
    # The next start, which opens the journal to write it, finds the run's process gone.
    journal = Journal.open(AppPaths(consentinel_home).journal_path)
    try:
        (check,) = journal.entries(handle="sig_dee", kinds=[EntryKind.CHECK])
        (run,) = journal.runs()
        last = journal.last_check("sig_dee")
    finally:
        journal.close()
    assert (check.payload["status"], check.payload["reason"]) == ("error", "cancelled")
    assert check.payload["message"].startswith(
        "Stopped while unticking Training: X may have switched it off"
    )
    # The boxes as the killed check knew them (from its mark): the one it clicked unknown,
    # the others as read; so the account's row shows this check, not the one before.
    assert check.payload["settings"]["training"] == {"before": True, "after": None,
                                                     "disabled": False}  # fmt: skip
    assert check.payload["settings"]["personalization"]["after"] is True
    assert last is not None and last.id == check.id
    assert check.run_id == run.id and run.status is RunStatus.INTERRUPTED
    assert list(marks.iterdir()) == []
    # `account list` says that entry.
    (listed,) = json.loads(run_cli(env, "account", "list", "--json", check_exit=0).stdout)
    assert (listed["last_status"], listed["last_reason"]) == ("error", "cancelled")
    assert listed["last_check_at"] == last.at.isoformat()


@pytest.mark.browser
def test_the_window_stopped_by_sigterm_during_a_check_cancels_it_and_quits(
    simx: Any, cli_env: dict[str, str], consentinel_home: Path, private_tmp: Path
) -> None:
    sim, env = _accounts_on_a_slow_x(simx, cli_env, private_tmp)
    env["QT_QPA_PLATFORM"] = "offscreen"
    log = AppPaths(consentinel_home).logs_dir / "consentinel.log"
    # Accounts never checked and a daily schedule: the window checks them as it starts.
    with _started([GUI], env) as proc:
        _when_x_is_open(sim, proc)
        deadline = time.monotonic() + 60
        while "quit the app from now on" not in (log.read_text() if log.exists() else ""):
            assert time.monotonic() < deadline, "the window never took over SIGTERM"
            time.sleep(0.1)
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert "SIGTERM received: quitting" in log.read_text()
    assert _last_run_status(consentinel_home) is RunStatus.CANCELLED
    _nothing_left(env)
    leftovers = [p.name for p in Path(env["TMPDIR"]).iterdir()]
    assert not [n for n in leftovers if n.startswith("org.consentinel")], leftovers


@pytest.mark.browser
def test_the_window_whose_terminal_closes_during_a_check_cancels_it_and_quits(
    simx: Any, cli_env: dict[str, str], consentinel_home: Path, private_tmp: Path
) -> None:
    """`consentinel` started from a terminal window that is then closed (SIGHUP from the
    kernel): the check is cancelled and journaled so, its browser closed, the app lock given
    back, and the app ends as its Quit ends it; it used to be killed outright mid-check."""
    sim, env = _accounts_on_a_slow_x(simx, cli_env, private_tmp)
    env["QT_QPA_PLATFORM"] = "offscreen"
    log = AppPaths(consentinel_home).logs_dir / "consentinel.log"
    master, slave = pty.openpty()
    # Accounts never checked and a daily schedule: the window checks them as it starts.
    proc = subprocess.Popen(
        [GUI], env=env, stdin=slave, stdout=slave, stderr=slave,
        preexec_fn=_in_a_terminal_of_its_own,
    )  # fmt: skip
    os.close(slave)
    deadline = time.monotonic() + 120

    def checking_and_listening() -> bool:
        said = log.read_text() if log.exists() else ""
        ready = bool(sim.clients()) and "quit the app from now on" in said
        return ready or proc.poll() is not None or time.monotonic() > deadline

    try:
        said = _read_until_closed(master, checking_and_listening)
        assert sim.clients(), f"the check never reached X:\n{said.decode(errors='replace')}"
        assert "SIGHUP" in log.read_text(), "the window never took over SIGHUP"
        os.close(master)  # the terminal window closes
        proc.wait(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, proc.returncode
    text = log.read_text()
    assert "SIGHUP received: quitting" in text and "Traceback" not in text
    assert _last_run_status(consentinel_home) is RunStatus.CANCELLED
    assert {h: r for h, (_s, r) in _checks(consentinel_home).items()} == {
        h: "cancelled" for h in HANDLES
    }
    _nothing_left(env)
    leftovers = [p.name for p in Path(env["TMPDIR"]).iterdir()]
    assert not [n for n in leftovers if n.startswith("org.consentinel")], leftovers
    lock = AppPaths(consentinel_home).instance_lock_path
    assert not lock.exists() or lock.read_text() == ""  # (no live holder named in it)


def _window_checking_in_a_terminal(
    simx: Any, cli_env: dict[str, str], consentinel_home: Path, private_tmp: Path
) -> tuple[subprocess.Popen[bytes], int]:
    """The window started from a terminal of its own (pseudo-terminal's master returned),
    checking its accounts as it starts, its signal handlers in place."""
    sim, env = _accounts_on_a_slow_x(simx, cli_env, private_tmp)
    env["QT_QPA_PLATFORM"] = "offscreen"
    log = AppPaths(consentinel_home).logs_dir / "consentinel.log"
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [GUI], env=env, stdin=slave, stdout=slave, stderr=slave,
        preexec_fn=_in_a_terminal_of_its_own,
    )  # fmt: skip
    os.close(slave)
    deadline = time.monotonic() + 120

    def checking_and_listening() -> bool:
        said = log.read_text() if log.exists() else ""
        ready = bool(sim.clients()) and "quit the app from now on" in said
        return ready or proc.poll() is not None or time.monotonic() > deadline

    said = _read_until_closed(master, checking_and_listening)
    assert proc.poll() is None and sim.clients(), said.decode(errors="replace")
    return proc, master


def _signal_mask(pid: int, field: str) -> int:
    """A mask of /proc/PID/status ("SigIgn", "SigCgt"): bit n-1 for signal n."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1], 16)
    raise AssertionError(f"no {field} for {pid}")


def _once_cleaning_up(proc: subprocess.Popen[bytes], home: Path) -> None:
    """Until the window's loop has ended and it cleans up: SIGHUP no longer caught by its
    handler (it gives the signals back first); its run not yet written as ended."""
    deadline = time.monotonic() + 60
    hangup = 1 << (signal.SIGHUP - 1)
    while _signal_mask(proc.pid, "SigCgt") & hangup:
        assert proc.poll() is None and time.monotonic() < deadline, "it never cleaned up"
        time.sleep(0.02)
    journal_path = AppPaths(home).journal_path
    with contextlib.closing(sqlite3.connect(f"file:{journal_path}?mode=ro", uri=True)) as db:
        (status,) = db.execute("SELECT status FROM runs ORDER BY id DESC LIMIT 1").fetchone()
    assert status == RunStatus.RUNNING.value, "the clean-up was over before the signals came"


@pytest.mark.browser
def test_the_window_whose_terminal_closed_is_not_cut_short_by_the_logout_after_it(
    simx: Any, cli_env: dict[str, str], consentinel_home: Path, private_tmp: Path
) -> None:
    """The terminal window closed (SIGHUP), then the person logs out (systemd's SIGTERM to the
    session, then its SIGHUP) while the window cleans up: the clean-up ends whole, the run
    journaled as cancelled, the browser closed. SIGTERM used to kill it there."""
    proc, master = _window_checking_in_a_terminal(simx, cli_env, consentinel_home, private_tmp)
    try:
        os.close(master)  # the terminal window closes
        _once_cleaning_up(proc, consentinel_home)
        proc.send_signal(signal.SIGTERM)
        proc.send_signal(signal.SIGHUP)
        proc.wait(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, proc.returncode
    text = (AppPaths(consentinel_home).logs_dir / "consentinel.log").read_text()
    assert "SIGHUP received: quitting" in text and "Traceback" not in text
    assert "SIGTERM received while the app closes: it goes on closing" in text
    assert _last_run_status(consentinel_home) is RunStatus.CANCELLED
    _nothing_left(dict(cli_env, TMPDIR=str(private_tmp)))


@pytest.mark.browser
def test_the_window_asked_twice_by_sigterm_ends_at_once_but_not_by_a_hangup(
    simx: Any, cli_env: dict[str, str], consentinel_home: Path, private_tmp: Path
) -> None:
    """SIGTERM quits the window; during its clean-up a hangup (its terminal closing, the
    session's SIGHUP) changes nothing, while a second SIGTERM, someone insisting, ends it at
    once: the run is found interrupted at the next start."""
    proc, master = _window_checking_in_a_terminal(simx, cli_env, consentinel_home, private_tmp)
    try:
        proc.send_signal(signal.SIGTERM)
        _once_cleaning_up(proc, consentinel_home)
        os.close(master)  # its terminal closes: SIGHUP
        proc.send_signal(signal.SIGHUP)
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGTERM, proc.returncode
    assert (
        "SIGTERM received: quitting"
        in (AppPaths(consentinel_home).logs_dir / "consentinel.log").read_text()
    )


def _hangup_ignored() -> None:
    signal.signal(signal.SIGHUP, signal.SIG_IGN)  # as `nohup` starts the command


@pytest.mark.browser
def test_a_check_started_with_nohup_goes_on_when_its_terminal_closes(
    simx: Any, cli_env: dict[str, str], consentinel_home: Path, private_tmp: Path
) -> None:
    """`nohup consentinel check`: SIGHUP ignored is left ignored, and the check ends as usual."""
    sim, env = _accounts_on_a_slow_x(simx, cli_env, private_tmp)
    proc = subprocess.Popen(
        [CLI, "check", "--json"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, preexec_fn=_hangup_ignored,
    )  # fmt: skip
    try:
        _when_x_is_open(sim, proc)
        proc.send_signal(signal.SIGHUP)
        out, err = proc.communicate(timeout=180)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode >= 0, (proc.returncode, err)
    assert "Stopped: the system asked" not in err and "Traceback" not in err
    assert '"interrupted": true' not in out
    assert _last_run_status(consentinel_home) is RunStatus.FINISHED
    assert {h: s for h, (s, _r) in _checks(consentinel_home).items()} == {
        h: "fixed" for h in HANDLES
    }
    _nothing_left(env)


def _in_a_terminal_of_its_own() -> None:
    """The child's own session, the pseudo-terminal on its standard input its controlling
    terminal: closing the terminal's master sends it SIGHUP, as closing a terminal window does."""
    import fcntl
    import termios

    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def _read_until_closed(master: int, stop: Callable[[], bool]) -> bytes:
    said = b""
    while not stop():
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:
            try:
                said += os.read(master, 4096)
            except OSError:
                break
    return said


@pytest.mark.browser
def test_a_check_whose_terminal_window_closes_is_cancelled_and_journaled(
    simx: Any, cli_env: dict[str, str], consentinel_home: Path, private_tmp: Path
) -> None:
    """A real terminal closed mid-check: once it hung up, writing to it fails (EIO) and it no
    longer says it is a terminal; the check still ends as stopped by SIGHUP, its run written
    down as cancelled, nothing of its browser left, no error of its own."""
    sim, env = _accounts_on_a_slow_x(simx, cli_env, private_tmp)
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [CLI, "check"], env=env, stdin=slave, stdout=slave, stderr=slave,
        preexec_fn=_in_a_terminal_of_its_own,
    )  # fmt: skip
    os.close(slave)
    try:
        deadline = time.monotonic() + 120
        said = _read_until_closed(
            master, lambda: bool(sim.clients()) or time.monotonic() > deadline
        )
        assert sim.clients(), f"the check never reached X:\n{said.decode(errors='replace')}"
        os.close(master)  # the terminal window closes
        proc.wait(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGHUP, proc.returncode
    assert _last_run_status(consentinel_home) is RunStatus.CANCELLED
    assert _checks(consentinel_home) == {h: ("error", "cancelled") for h in HANDLES}
    log = AppPaths(consentinel_home).logs_dir / "consentinel.log"
    assert "Traceback" not in (log.read_text() if log.exists() else "")
    _nothing_left(env)
