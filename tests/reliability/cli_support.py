"""Running the installed `consentinel` command as a person or a scheduler would (in the
background too), and watching the processes it starts (their command lines and environments,
read from /proc)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

CLI = str(Path(sys.executable).parent / "consentinel")


def cli_env(base: dict[str, str], home: Path, **extra: str) -> dict[str, str]:
    """The environment of a CLI process: the test's keyring bus, its own data folder, English."""
    env = dict(base)
    env.update(
        CONSENTINEL_HOME=str(home),
        CONSENTINEL_LANG="en",
        CONSENTINEL_BROWSER="/usr/bin/chromium",
    )
    env.update(extra)
    return env


def run_cli(
    env: dict[str, str],
    *args: str,
    stdin: str = "",
    expect: int | None = None,
    timeout: float = 240,
) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [CLI, *args], input=stdin, capture_output=True, text=True, env=env, timeout=timeout
    )
    if expect is not None:
        assert proc.returncode == expect, (args, proc.returncode, proc.stdout, proc.stderr)
    return proc


class Started:
    """A `consentinel` command running in the background, its output read as it comes: a test
    awaits what it says (`said`) before it ends, then its end (`finish`). `program`: the
    command that runs Consentinel, when not the installed one (an OS job's, say)."""

    def __init__(self, env: dict[str, str], *args: str, program: str = CLI) -> None:
        self.proc = subprocess.Popen(
            [program, *args],
            env=env,
            text=True,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self._out: list[str] = []
        self._err: list[str] = []
        self._read = threading.Condition()
        self._closed = 0
        assert self.proc.stdout is not None and self.proc.stderr is not None
        self._readers = [
            threading.Thread(target=self._reading, args=(stream, lines), daemon=True)
            for stream, lines in ((self.proc.stdout, self._out), (self.proc.stderr, self._err))
        ]
        for reader in self._readers:
            reader.start()

    def _reading(self, stream: IO[str], lines: list[str]) -> None:
        for line in stream:
            with self._read:
                lines.append(line)
                self._read.notify_all()
        with self._read:
            self._closed += 1
            self._read.notify_all()

    def said(self, words: str, timeout: float = 60) -> str:
        """The first line of its standard error that holds `words`, once it is there; an
        AssertionError when the command ends, or `timeout` passes, without saying it."""

        def line() -> str | None:
            return next((said for said in self._err if words in said), None)

        with self._read:
            self._read.wait_for(lambda: line() is not None or self._closed == 2, timeout)
            found = line()
            assert found is not None, (words, self.proc.poll(), "".join(self._err))
            return found

    def finish(self, timeout: float = 180) -> subprocess.CompletedProcess[str]:
        """Its end: exit code, and all it printed."""
        returncode = self.proc.wait(timeout)
        for reader in self._readers:
            reader.join(timeout)
        with self._read:
            out, err = "".join(self._out), "".join(self._err)
        return subprocess.CompletedProcess(self.proc.args, returncode, out, err)


@contextmanager
def started(env: dict[str, str], *args: str, program: str = CLI) -> Iterator[Started]:
    """`consentinel ARGS` in the background (Started), killed at the end if still running."""
    command = Started(env, *args, program=program)
    try:
        yield command
    finally:
        if command.proc.poll() is None:
            command.proc.kill()
        command.finish(timeout=60)


def _ppid(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name is in parentheses and may hold spaces: read after the last ')'.
    return int(stat.rsplit(")", 1)[1].split()[1])


def descendants(root: int) -> set[int]:
    """Every live process whose ancestry reaches `root` (root included)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            ppid = _ppid(int(entry))
            if ppid is not None:
                parents[int(entry)] = ppid
    found = {root}
    changed = True
    while changed:
        changed = False
        for pid, ppid in parents.items():
            if ppid in found and pid not in found:
                found.add(pid)
                changed = True
    return {pid for pid in found if pid in parents}


@dataclass
class ProcessSamples:
    """Command lines and environments of a process tree, as sampled while it ran."""

    cmdlines: set[tuple[int, bytes]] = field(default_factory=set)
    environs: set[tuple[int, bytes]] = field(default_factory=set)

    def blobs(self) -> Iterator[tuple[str, bytes]]:
        for pid, data in self.cmdlines:
            yield f"command line of pid {pid}", data
        for pid, data in self.environs:
            yield f"environment of pid {pid}", data

    def programs(self) -> set[str]:
        """The program and script of each process, e.g. "python3 consentinel", "chromium"."""
        found = set()
        for _, data in self.cmdlines:
            words = [Path(w.decode(errors="replace")).name for w in data.split(b"\0")[:2]]
            found.add(" ".join(words))
        return found


@contextmanager
def sampling(root: int, samples: ProcessSamples, every_s: float = 0.02) -> Iterator[None]:
    """Read /proc/<pid>/cmdline and environ of `root` and its descendants until the block ends.

    Every round reads every process again: Chromium starts helpers all along, and a forked
    helper changes its command line after the fork.
    """
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            for pid in descendants(root):
                try:
                    cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
                    environ = Path(f"/proc/{pid}/environ").read_bytes()
                except OSError:
                    continue  # it ended between the listing and the read
                samples.cmdlines.add((pid, cmdline))
                samples.environs.add((pid, environ))
            stop.wait(every_s)  # a sampling period, not a wait for a condition

    thread = threading.Thread(target=watch, name="proc-sampler", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
