"""RunLock across real processes: one winner, a killed holder never blocks the next run."""

from __future__ import annotations

import multiprocessing
import os
import signal
import socket
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from multiprocessing.synchronize import Barrier, Event
from pathlib import Path
from queue import Queue

import pytest

from consentinel.core.lock import LockInfo, RunLock, RunLockBusy
from tests.fixtures.private_mounts import run_on_a_tmpfs

HOLDER_SCRIPT = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from consentinel.core.lock import RunLock
    lock = RunLock(Path(sys.argv[1]))
    assert lock.acquire(wait=False)
    print("locked", flush=True)
    sys.stdin.readline()  # hold until the test says so (or kills us)
    lock.release()
    """
)


@pytest.fixture
def lock_path(tmp_path: Path) -> Path:
    return tmp_path / "state" / "run.lock"


@pytest.fixture
def holder_process(lock_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the lock until its stdin gets a line or it is killed."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER_SCRIPT, str(lock_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "locked"
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=10)


def _race(path: str, barrier: Barrier, results: Queue[tuple[int, bool]], done: Event) -> None:
    lock = RunLock(Path(path))
    barrier.wait()
    won = lock.acquire(wait=False)
    results.put((os.getpid(), won))
    # The winner keeps the lock until every racer has tried, so a late racer cannot win after it.
    done.wait(timeout=60)
    if won:
        lock.release()


def test_two_processes_racing_exactly_one_wins(lock_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    racers = 4
    barrier = ctx.Barrier(racers)
    results: Queue[tuple[int, bool]] = ctx.Queue()  # type: ignore[assignment]
    done = ctx.Event()
    procs = [
        ctx.Process(target=_race, args=(str(lock_path), barrier, results, done))
        for _ in range(racers)
    ]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=60) for _ in range(racers)]
    done.set()
    for p in procs:
        p.join(timeout=30)
        assert p.exitcode == 0
    winners = [pid for pid, won in outcomes if won]
    assert len(winners) == 1, outcomes
    # Once everyone let go, the lock is free again.
    assert RunLock(lock_path).holder() is None


def test_holder_is_reported_while_another_process_holds_it(
    lock_path: Path, holder_process: subprocess.Popen[str]
) -> None:
    lock = RunLock(lock_path)
    info = lock.holder()
    assert info is not None
    assert info.pid == holder_process.pid
    assert info.host == socket.gethostname()
    assert info.started_at is not None and info.started_at.tzinfo is not None
    assert lock.acquire(wait=False) is False
    with pytest.raises(RunLockBusy) as busy, lock:
        pass
    assert f"pid {holder_process.pid}" in str(busy.value)


def test_sigkilled_holder_leaves_lock_acquirable_and_its_info_stale(
    lock_path: Path, holder_process: subprocess.Popen[str]
) -> None:
    lock = RunLock(lock_path)
    assert lock.acquire(wait=False) is False
    holder_process.send_signal(signal.SIGKILL)
    holder_process.wait(timeout=10)
    # The dead process's JSON is still in the file, but nobody holds the lock: it is stale.
    assert lock.holder() is None
    stale = LockInfo.from_bytes(lock_path.read_bytes())
    assert stale is not None and stale.pid == holder_process.pid
    assert lock.acquire(wait=False) is True
    try:
        info = lock.holder()
        assert info is not None and info.pid == os.getpid()
    finally:
        lock.release()
    assert lock.holder() is None


def test_waiting_acquire_times_out_then_succeeds_when_released(
    lock_path: Path, holder_process: subprocess.Popen[str]
) -> None:
    lock = RunLock(lock_path)
    assert lock.acquire(wait=True, timeout=0.2) is False
    assert holder_process.stdin is not None
    holder_process.stdin.write("release\n")
    holder_process.stdin.flush()
    assert lock.acquire(wait=True, timeout=30) is True
    lock.release()


def test_context_manager_releases_and_file_is_owner_only(lock_path: Path) -> None:
    with RunLock(lock_path) as lock:
        assert lock.held
        assert RunLock(lock_path).acquire(wait=False) is False  # a second opener is refused
        mode = stat.S_IMODE(lock_path.stat().st_mode)
        assert mode == 0o600
        content = lock_path.read_text()
        assert set(LockInfo.from_bytes(content.encode()).to_json()) == {  # type: ignore[union-attr]
            "pid",
            "host",
            "started_at",
        }
    assert not lock.held
    assert RunLock(lock_path).holder() is None
    assert lock_path.read_bytes() == b""  # released: no pid left for anyone to misread


def test_garbage_in_a_free_lock_file_is_overwritten(lock_path: Path) -> None:
    lock_path.parent.mkdir(parents=True)
    lock_path.write_bytes(b"\x00not json")
    lock = RunLock(lock_path)
    assert lock.holder() is None
    assert LockInfo.from_bytes(lock_path.read_bytes()) is None  # nobody's, and unreadable
    with lock:
        info = LockInfo.from_bytes(lock_path.read_bytes())
        assert info is not None and info.pid == os.getpid()


def test_a_lock_whose_file_went_knows_it_is_lost(tmp_path: Path) -> None:
    lock = RunLock(tmp_path / "folder" / "app.lock")
    assert not lock.lost()  # (not held: nothing to lose)
    assert lock.acquire()
    try:
        assert not lock.lost()
        (tmp_path / "folder" / "app.lock").unlink()  # deleted (with its folder, say)
        assert lock.lost() and lock.held
        other = RunLock(tmp_path / "folder" / "app.lock")
        assert other.acquire()  # nobody else sees the lost lock
        other.release()
        assert lock.lost()  # another file in its place
    finally:
        lock.release()
    assert lock.acquire() and not lock.lost()  # taken again at its place
    lock.release()


_ON_A_FULL_DISK = textwrap.dedent("""
    import json, os, sys
    from consentinel.core.fileio import StorageError
    from consentinel.core.lock import RunLock
    mnt = sys.argv[1]
    filler = os.open(os.path.join(mnt, "filler"), os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(filler, b"\\0" * 4096)
    except OSError:
        os.close(filler)
    lock = RunLock(os.path.join(mnt, "run.lock"))
    try:
        lock.acquire()
        said = None
    except StorageError as error:
        said = str(error)
    os.unlink(os.path.join(mnt, "filler"))
    print(json.dumps({"said": said, "held": lock.held, "then": RunLock(lock.path).acquire()}))
""")


def test_a_lock_file_on_a_full_disk_is_named(tmp_path: Path) -> None:
    """Writing who holds the lock on a full disk said "the disk is full" and nothing more (no
    file, no folder): the sentence names the lock file, and the lock is not kept."""
    mnt = tmp_path / "mnt"
    result = run_on_a_tmpfs(mnt, _ON_A_FULL_DISK, size="64k", timeout=60)
    assert result["said"] == f"Could not save {mnt / 'run.lock'}: the disk is full.", result
    assert (result["held"], result["then"]) == (False, True)


def test_a_ctrl_c_while_the_lock_is_being_taken_leaves_it_free(
    lock_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Ctrl+C just as the lock is taken (while who holds it is written) left the OS lock on
    a file no object could release: every later check of this process waited for it, then was
    skipped as "another check running". It is given back before the interruption goes on."""

    def interrupted(self: RunLock, fd: int, info: LockInfo) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(RunLock, "_write_info", interrupted)
    with pytest.raises(KeyboardInterrupt):
        RunLock(lock_path).acquire()
    monkeypatch.undo()
    again = RunLock(lock_path)
    assert again.acquire(wait=False)
    again.release()


def test_a_wait_for_the_lock_the_computer_slept_through_ends_on_wake(
    lock_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Waiting 20 minutes at most for another check's end, the laptop shut for the night:
    the wait is over on wake, on every OS (before, on Linux and macOS, whose monotonic clock
    stands still in a sleep, it went on waiting its 20 minutes from the wake)."""
    from consentinel.core import answer_deadline
    from tests.fixtures.slept_clock import SleptWallClock, ends_within

    other = RunLock(lock_path)  # (another open file: a real OS lock this one does not share)
    assert other.acquire(wait=False)
    try:
        monkeypatch.setattr(answer_deadline, "_wall_clock", SleptWallClock(10 * 3600.0))
        waiter = RunLock(lock_path)
        assert ends_within(20, lambda: waiter.acquire(wait=True, timeout=20 * 60.0)) == [False]
        assert not waiter.held and other.held
    finally:
        other.release()
