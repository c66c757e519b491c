"""A check started from the window runs on a thread of its own (gui/check_runner.py): its
browser's profile and Playwright's folders still go in the check's private folder, never in the
shared temp folder, and a Consentinel killed mid-check leaves nothing there once the next
browser has started.

Real processes, real Chromium against the simulated X. Each process gets a temporary folder of
the test's, so what is in it is theirs.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import consentinel
from consentinel.simx import SimAccount
from consentinel.x.browser import RUN_FOLDER_PREFIX
from tests.fixtures.process_lines import processes_naming

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
#: Where the code under test lives, for the checks' processes to import the same.
SOURCES = Path(consentinel.__file__).resolve().parents[1]


@pytest.fixture
def short_temp() -> Iterator[Path]:
    """An empty temp folder with a short path: Chromium's singleton socket goes in its temp
    folder, and a socket's path must fit in 107 bytes."""
    folder = Path(tempfile.mkdtemp(prefix="wt-", dir="/tmp"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _check(env: dict[str, str], origin: str, home: Path, handle: str) -> subprocess.Popen[str]:
    """A process checking `handle` from a thread, as the window does, in a session of its own
    (its process group can be killed at once); what it prints goes to files in `home`."""
    home.mkdir()
    with (home / "out.txt").open("w") as out, (home / "err.txt").open("w") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.e2e._check_from_a_thread", origin, str(home), handle],
            env=env,
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=out,
            stderr=err,
            text=True,
            start_new_session=True,
        )
    assert proc.stdin is not None
    proc.stdin.write(f"pw-{handle}\n")
    proc.stdin.close()
    return proc


def _until_no_process_names(words: str) -> None:
    """Until the browser of a killed process has ended too (it ends once its driver's pipe
    closes; polled: nothing to wait on in another process)."""
    deadline = time.monotonic() + 60
    while processes_naming(words):
        assert time.monotonic() < deadline, processes_naming(words)
        time.sleep(0.1)


def test_a_window_s_check_killed_mid_run_leaves_nothing_in_the_temp_folder(
    simx: Any, tmp_path: Path, short_temp: Path
) -> None:
    sim = simx(
        SimAccount("held_hana", "pw-held_hana", fault="settings_hang"),  # X never answers
        SimAccount("next_nils", "pw-next_nils"),
    )
    env = {
        **os.environ,
        "TMPDIR": str(short_temp),
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(SOURCES)]),
    }
    killed = _check(env, sim.origin, tmp_path / "home-1", "held_hana")
    try:
        assert sim.settings_hanging.wait(timeout=120), "the check never reached X's settings"
        # Under way: the browser's profile and Playwright's artifacts folder are in the
        # check's private folders, and nothing else is in the temp folder.
        ours = f"{RUN_FOLDER_PREFIX}{killed.pid}-"
        assert [p.name for p in short_temp.iterdir() if not p.name.startswith(ours)] == []
        assert list(short_temp.glob(f"{ours}*/playwright_chromiumdev_profile-*/Default"))
        assert list(short_temp.glob(f"{ours}*/playwright-artifacts-*"))
    finally:
        os.killpg(killed.pid, signal.SIGKILL)  # the app, its driver: no clean-up of their own
        killed.wait(timeout=60)
    _until_no_process_names(str(short_temp))
    left = sorted(p.name for p in short_temp.iterdir())
    assert left and all(name.startswith(ours) for name in left), left

    home = tmp_path / "home-2"
    following = _check(env, sim.origin, home, "next_nils")  # the next start

    ended = following.wait(timeout=180)
    err = (home / "err.txt").read_text()[-3000:]
    assert ended == 0, err
    assert (home / "out.txt").read_text() == "checked ['fixed']\n", err
    assert sorted(p.name for p in short_temp.iterdir()) == []
