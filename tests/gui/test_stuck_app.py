"""An app that holds the data folder and never answers: a launch says so and offers to end it,
asked first (SIGTERM), forced if it does not close (SIGKILL), then opens on the folder. The
app is a real process holding the real lock; the messages are the real boxes, answered by
clicking their buttons."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from consentinel.core.lock import LockInfo
from consentinel.core.paths import AppPaths
from consentinel.core.processes import this_host
from consentinel.gui import launch, single_instance
from consentinel.gui.launch import EXIT_NOT_ANSWERING
from consentinel.gui.launch import main as launch_main
from consentinel.gui.single_instance import Claim, SingleInstance, server_name
from consentinel.gui.stuck_app import Ending, how_to_end

ROOT = Path(__file__).resolve().parents[2]

#: An app stuck with the folder's lock: takes it, says so, and never answers. With "deaf", it
#: ignores SIGTERM as an app whose loop is stuck does not act on it.
_STUCK_APP = """
import signal
import sys
import time
from pathlib import Path
from consentinel.core.lock import RunLock
if sys.argv[2] == "deaf":
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
lock = RunLock(Path(sys.argv[1]))
assert lock.acquire()
print("held", flush=True)
while True:
    time.sleep(60)
"""


@contextmanager
def _stuck_app(lock_path: Path, *, deaf: bool = False) -> Iterator[subprocess.Popen[str]]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "desktop")}
    app = subprocess.Popen(
        [sys.executable, "-c", _STUCK_APP, str(lock_path), "deaf" if deaf else "hears"],
        env=env, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert app.stdout is not None and app.stdout.readline() == "held\n"
        yield app
    finally:
        app.kill()
        app.wait(timeout=30)


def _answer(answers: list[str | None]) -> list[str]:
    """Clicks, in each message box shown from now on, the button named by the next answer
    (None: the only one, OK); returns the boxes' texts."""
    said: list[str] = []

    def look() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible() and len(said) < len(answers):
            said.append(box.text())
            wanted = answers[len(said) - 1]
            buttons = box.buttons()
            chosen = [b for b in buttons if b.text() == wanted] if wanted else buttons
            assert len(chosen) == 1, [b.text() for b in buttons]
            chosen[0].click()

    timer = QTimer(QApplication.instance())
    timer.timeout.connect(look)
    timer.start(50)
    return said


@pytest.fixture
def quick_claims(monkeypatch: pytest.MonkeyPatch) -> None:
    """An app that does not answer is given up on after 0.3 s, not 5."""
    monkeypatch.setattr(single_instance, "ANSWER_TIMEOUT_S", 0.3)


def _instance(paths: AppPaths) -> SingleInstance:
    return SingleInstance(server_name(str(paths.root)), paths.instance_lock_path)


def test_an_app_that_does_not_answer_is_ended_when_asked_and_the_launch_goes_on(
    qtbot: QtBot, consentinel_home: Path, quick_claims: None
) -> None:
    paths = AppPaths.under(consentinel_home).ensure()
    instance = _instance(paths)
    with _stuck_app(paths.instance_lock_path) as app:
        said = _answer(["End it and open Consentinel"])
        assert instance.claim() is Claim.UNANSWERED
        try:
            assert launch._end_the_app_not_answering(instance, paths) is Claim.FIRST
        finally:
            instance.release()
        assert app.wait(timeout=30) == -signal.SIGTERM  # asked, not forced
    assert said == [
        f"Consentinel is already open (process {app.pid}) but is not responding. End it to "
        "open Consentinel here."
    ]


def test_an_app_deaf_to_the_asking_is_forced_once_the_person_says_so(
    qtbot: QtBot, consentinel_home: Path, quick_claims: None
) -> None:
    paths = AppPaths.under(consentinel_home).ensure()
    instance = _instance(paths)
    with _stuck_app(paths.instance_lock_path, deaf=True) as app:
        said = _answer(["End it and open Consentinel", "Force it to end"])
        assert instance.claim() is Claim.UNANSWERED
        try:
            assert launch._end_the_app_not_answering(instance, paths) is Claim.FIRST
        finally:
            instance.release()
        assert app.wait(timeout=30) == -signal.SIGKILL
    assert len(said) == 2
    assert said[1].startswith(f"Consentinel (process {app.pid}) did not close when asked.")


@pytest.mark.parametrize(
    "answers", [["Do not open"], ["End it and open Consentinel", "Do not open"]]
)
def test_the_person_may_leave_the_app_running(
    qtbot: QtBot, consentinel_home: Path, quick_claims: None, answers: list[str | None]
) -> None:
    """Not ended (or not forced): the launch opens nothing, and the app runs on."""
    paths = AppPaths.under(consentinel_home).ensure()
    with _stuck_app(paths.instance_lock_path, deaf=True) as app:
        said = _answer(answers)
        assert launch_main([]) == EXIT_NOT_ANSWERING
        assert len(said) == len(answers)
        assert app.poll() is None


def test_in_french(
    qtbot: QtBot, consentinel_home: Path, quick_claims: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    paths = AppPaths.under(consentinel_home).ensure()
    with _stuck_app(paths.instance_lock_path, deaf=True) as app:
        said = _answer(["L'arrêter et ouvrir Consentinel", "Ne pas ouvrir"])
        assert launch_main([]) == EXIT_NOT_ANSWERING
    nbsp = "\u00a0"
    assert said == [
        f"Consentinel est déjà ouvert (processus {app.pid}) mais ne répond pas. Arrêtez-le "
        "pour ouvrir Consentinel ici.",
        f"Consentinel (processus {app.pid}) ne s'est pas fermé à la demande. Le forcer à "
        f"s'arrêter{nbsp}? Une vérification en cours s'arrête là où elle en est, et la suivante "
        "la termine.",
    ]


def test_an_app_that_cannot_be_ended_from_here_is_only_said(
    qtbot: QtBot, consentinel_home: Path, quick_claims: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """This very process (as a test holds it), another computer's (a shared folder), one gone,
    or none named: OK only, with what the person can do."""
    here = this_host()
    assert how_to_end(LockInfo(os.getpid(), here, None)) is Ending.NONE
    assert how_to_end(LockInfo(1, "another-computer", None)) is Ending.NONE
    assert how_to_end(LockInfo(None, here, None)) is Ending.NONE
    assert how_to_end(None) is Ending.NONE
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    assert how_to_end(LockInfo(int(gone.stdout), here, None)) is Ending.NONE
    paths = AppPaths.under(consentinel_home).ensure()
    from consentinel.core.lock import RunLock

    held = RunLock(paths.instance_lock_path)
    assert held.acquire()
    try:
        said = _answer([None, None])
        assert launch_main([]) == EXIT_NOT_ANSWERING
        monkeypatch.setenv("CONSENTINEL_LANG", "fr")
        assert launch_main([]) == EXIT_NOT_ANSWERING
    finally:
        held.release()
    assert said == [
        f"Consentinel is already open (process {os.getpid()}) but is not responding. If its "
        "window does not appear, end that process, then start Consentinel again.",
        f"Consentinel est déjà ouvert (processus {os.getpid()}) mais ne répond pas. Si sa "
        "fenêtre n'apparaît pas, arrêtez ce processus, puis relancez Consentinel.",
    ]
