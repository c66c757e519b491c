"""Wall time and peak resident memory of a child process and every process it starts."""

from __future__ import annotations

import resource
import subprocess
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass

import psutil

SAMPLE_INTERVAL_S = 0.05


@dataclass(frozen=True)
class Measured:
    """One finished child: how long it ran, its tree's peak RSS, and what it printed."""

    seconds: float
    peak_rss: int
    returncode: int
    stdout: str
    stderr: str
    #: CPU time (user + system) of the child and all its descendants, each read at its last
    #: sample (a process's last < 50 ms may be missed): with the wall time, the cores it used.
    cpu_seconds: float = 0.0
    #: CPU time of this process meanwhile: the simulated X it serves, and the sampler.
    harness_cpu_seconds: float = 0.0
    #: Share of the whole machine's CPU time that was busy during the run (all processes).
    machine_busy: float = 0.0


def tree_rss(root: psutil.Process, cpu: dict[int, float] | None = None) -> int:
    """The summed RSS of a process and all its descendants (processes may vanish meanwhile);
    with `cpu`, also records each one's CPU time so far by pid."""
    total = 0
    try:
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0
    for proc in procs:
        try:
            total += proc.memory_info().rss
            if cpu is not None:
                times = proc.cpu_times()
                cpu[proc.pid] = times.user + times.system
        except psutil.Error:
            continue  # it exited between listing and reading
    return total


class PeakSampler:
    """Samples a process tree's RSS every ~50 ms in a thread; `stop()` returns the peak."""

    def __init__(self, pid: int, interval_s: float = SAMPLE_INTERVAL_S) -> None:
        self._root = psutil.Process(pid)
        self._interval = interval_s
        self._done = threading.Event()
        self.peak = 0
        self.samples = 0
        self.cpu_by_pid: dict[int, float] = {}
        self._thread = threading.Thread(target=self._loop, name="rss-sampler", daemon=True)

    def start(self) -> PeakSampler:
        self._thread.start()
        return self

    def _loop(self) -> None:
        while not self._done.is_set():
            self.peak = max(self.peak, tree_rss(self._root, self.cpu_by_pid))
            self.samples += 1
            self._done.wait(self._interval)

    def stop(self) -> int:
        self._done.set()
        self._thread.join()
        return self.peak


def run_measured(
    cmd: Sequence[str], env: dict[str, str], stdin_text: str = "", timeout_s: float = 1800
) -> Measured:
    """Run `cmd` to its end, timing it from just before start to exit and sampling its tree."""
    before_self = resource.getrusage(resource.RUSAGE_SELF)
    machine_before = psutil.cpu_times()
    started = time.perf_counter()
    proc = subprocess.Popen(
        list(cmd),
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    sampler = PeakSampler(proc.pid).start()
    try:
        out, err = proc.communicate(stdin_text, timeout=timeout_s)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
    seconds = time.perf_counter() - started
    peak = sampler.stop()
    machine_after = psutil.cpu_times()
    after_self = resource.getrusage(resource.RUSAGE_SELF)
    cpu = sum(sampler.cpu_by_pid.values())
    idle = (machine_after.idle + machine_after.iowait) - (
        machine_before.idle + machine_before.iowait
    )
    total = sum(machine_after) - sum(machine_before)
    busy = 1.0 - idle / total if total > 0 else 0.0
    harness = (after_self.ru_utime - before_self.ru_utime) + (
        after_self.ru_stime - before_self.ru_stime
    )
    return Measured(seconds, peak, proc.returncode, out, err, cpu, harness, busy)
