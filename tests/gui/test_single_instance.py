"""One app per data folder: the OS file lock decides who is first, a later launch brings the
first one's window forward (even before that one has opened its socket), and a first one that
holds the lock but never answers gets a message, not a second app on the same files."""

from __future__ import annotations

import contextlib
import os
import select
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import pytest
from PySide6.QtCore import QDir, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from consentinel.core.context import AppContext
from consentinel.core.lock import RunLock
from consentinel.core.paths import AppPaths
from consentinel.gui import app_controller, single_instance
from consentinel.gui.app_controller import AppController
from consentinel.gui.launch import EXIT_NO_DISPLAY
from consentinel.gui.launch import main as launch_main
from consentinel.gui.single_instance import Claim, SingleInstance, server_name, server_name_0_1
from consentinel.gui.translations import Translators
from tests.gui._app_support import make_context

ROOT = Path(__file__).resolve().parents[2]

#: A later instance in its own process (a first one answers from its event loop, which a
#: claim in the test's own process would block): its log lines, then what its claim got.
#: Arguments: the socket's name, the lock's path, [how long it asks, [0.1.0's socket name]].
_LATER_INSTANCE = """
import logging
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from consentinel.gui.single_instance import SingleInstance
logging.basicConfig(level=logging.INFO, stream=sys.stdout, format="%(message)s", force=True)
app = QCoreApplication([])
timeout = float(sys.argv[3]) if len(sys.argv) > 3 else None
older = sys.argv[4] if len(sys.argv) > 4 else None
instance = SingleInstance(
    sys.argv[1], Path(sys.argv[2]), answer_timeout_s=timeout, older_app_name=older
)
print("claim:", instance.claim().value, flush=True)
"""

_ENV = {**os.environ, "PYTHONPATH": str(ROOT / "desktop"), "QT_QPA_PLATFORM": "offscreen"}


def _later(folder: Path, *extra: str) -> subprocess.Popen[str]:
    """A later launch's claim on `folder`, in a process of its own."""
    return subprocess.Popen(
        [sys.executable, "-c", _LATER_INSTANCE, server_name(str(folder)), str(folder / "app.lock"),
         *extra],
        env=_ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def _line(stream: IO[str], timeout: float = 30) -> str:
    """The next line a child process writes: a test that fails, not one that hangs, when it
    writes none."""
    ready, _, _ = select.select([stream], [], [], timeout)
    assert ready, f"nothing written in {timeout} s"
    return stream.readline()


def _later_claim(qtbot: QtBot, folder: Path, *extra: str) -> Claim:
    """What a later launch's claim on `folder` got, the test's event loop running meanwhile
    (where a first instance in this process answers)."""
    later = _later(folder, *extra)
    try:
        qtbot.waitUntil(lambda: later.poll() is not None, timeout=30_000)
        out, err = later.communicate()
    finally:
        later.kill()
    assert later.returncode == 0, err[-2000:]
    return Claim(out.strip().splitlines()[-1].removeprefix("claim: "))


def _instance(tmp_path: Path, **kwargs: float) -> SingleInstance:
    return SingleInstance(server_name(str(tmp_path)), tmp_path / "app.lock", **kwargs)


@contextmanager
def _first_app(folder: Path) -> Iterator[SingleInstance]:
    """The first app of `folder`: its claim taken, answering later ones; released at the end."""
    first = _instance(folder)
    assert first.claim() is Claim.FIRST
    first.listen()
    try:
        yield first
    finally:
        first.release()


def _message_boxes(monkeypatch: pytest.MonkeyPatch, kind: str) -> list[str]:
    """The texts of every QMessageBox.<kind>(...) the code under test shows, none of them modal."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, kind, lambda _p, _t, text, *_a: shown.append(text))
    return shown


@contextmanager
def _silent_holder(lock_path: Path) -> Iterator[RunLock]:
    """The app lock held by this process, as by an app that took it and hangs (never answers)."""
    holder = RunLock(lock_path)
    assert holder.acquire()
    try:
        yield holder
    finally:
        holder.release()


def _unstarted_controller(qtbot: QtBot, ctx: AppContext) -> AppController:
    """The app's controller with its window built but not shown yet (no tray, no quitting)."""
    controller = AppController(ctx, Translators(), use_tray=False)
    controller.on_quit = lambda: None
    qtbot.addWidget(controller.window)
    return controller


def test_the_second_instance_brings_the_first_forward(qtbot: QtBot, tmp_path: Path) -> None:
    with _first_app(tmp_path) as first, qtbot.waitSignal(first.activated, timeout=5000):
        assert _later_claim(qtbot, tmp_path) is Claim.FORWARDED
    # Once the first has quit, the next launch is first again.
    third = _instance(tmp_path)
    assert third.claim() is Claim.FIRST
    third.release()


def test_a_later_instance_waits_for_a_first_that_has_not_opened_its_socket_yet(
    qtbot: QtBot, tmp_path: Path
) -> None:
    first = _instance(tmp_path)
    assert first.claim() is Claim.FIRST  # holds the lock; its window is not painted yet
    later = _later(tmp_path)
    try:
        assert later.stdout is not None
        # It found the lock taken and nobody answering, and says it keeps asking...
        assert "does not answer yet" in _line(later.stdout)
        # ...so that it is answered once the first one's window is up and listening.
        with qtbot.waitSignal(first.activated, timeout=10_000):
            first.listen()
        out, err = later.communicate(timeout=30)
    finally:
        later.kill()
        first.release()
    assert later.returncode == 0, err[-2000:]
    assert out.strip() == f"claim: {Claim.FORWARDED.value}"


def test_a_holder_that_never_answers_is_reported_not_doubled(tmp_path: Path) -> None:
    with _silent_holder(tmp_path / "app.lock"):
        later = _instance(tmp_path, answer_timeout_s=0.3)
        assert later.claim() is Claim.UNANSWERED
        info = later.holder()
        assert info is not None and info.pid == os.getpid()


def test_the_app_opens_its_socket_only_after_its_window_is_painted(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    ctx = make_context(consentinel_home)
    instance = SingleInstance(server_name(str(ctx.paths.root)), ctx.paths.instance_lock_path)
    assert instance.claim() is Claim.FIRST
    controller = _unstarted_controller(qtbot, ctx)
    try:
        controller.start()
        controller.after_first_frame(instance.listen)
        assert not controller.window.painted and not instance.listening
        qtbot.waitUntil(lambda: instance.listening)
        assert controller.window.painted
    finally:
        controller.shutdown()
        instance.release()


def test_work_kept_for_the_first_frame_runs_even_if_the_window_is_never_painted(
    qtbot: QtBot, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = make_context(consentinel_home)
    monkeypatch.setattr(app_controller, "FIRST_FRAME_GRACE_MS", 200)
    controller = _unstarted_controller(qtbot, ctx)
    # Shown, but never painted (as on a workspace nobody looks at).
    controller.window.setUpdatesEnabled(False)
    ran: list[bool] = []
    try:
        controller.start()
        controller.after_first_frame(lambda: ran.append(True))
        assert controller.window.isVisible() and not ran
        qtbot.waitUntil(lambda: bool(ran))
        assert not controller.window.painted and ran == [True]
    finally:
        controller.shutdown()


def test_work_kept_for_the_first_frame_runs_even_after_one_that_fails(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """One task that fails after the first frame (said as any error the event loop meets)
    keeps none of those after it back: listening for a later launch among them."""
    ctx = make_context(consentinel_home)
    instance = SingleInstance(server_name(str(ctx.paths.root)), ctx.paths.instance_lock_path)
    assert instance.claim() is Claim.FIRST
    controller = _unstarted_controller(qtbot, ctx)

    def fails() -> None:
        raise RuntimeError("a task that fails")

    try:
        with qtbot.captureExceptions() as failed:
            controller.start()
            controller.after_first_frame(fails)
            controller.after_first_frame(instance.listen)
            qtbot.waitUntil(lambda: instance.listening)
        assert [str(error) for _kind, error, _trace in failed] == ["a task that fails"]
    finally:
        controller.shutdown()
        instance.release()


def test_a_launch_that_cannot_open_its_files_leaves_the_folder_free(
    qtbot: QtBot, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = AppPaths.under(consentinel_home).ensure()
    paths.journal_path.mkdir()  # the journal cannot be opened
    shown = _message_boxes(monkeypatch, "critical")
    assert launch_main([]) == EXIT_NO_DISPLAY
    assert len(shown) == 1 and "Could not open the journal" in shown[0]
    # The lock was given back: the next launch is first, not told that an app is running.
    later = SingleInstance(server_name(str(paths.root)), paths.instance_lock_path)
    assert later.claim() is Claim.FIRST
    later.release()


def test_a_first_app_whose_folder_was_deleted_still_answers_and_takes_its_lock_again(
    qtbot: QtBot, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    with _first_app(home) as first:
        shutil.rmtree(home)  # by hand, or a clean-up tool, while the app runs
        first.keep_claim()  # its folder is not made again behind the person's back
        assert not home.exists()
        home.mkdir()  # as the next launch does before it claims
        # That launch gets a lock (the first one's went with its file), and still brings the
        # running app forward instead of becoming a second one.
        with qtbot.waitSignal(first.activated, timeout=5000):
            assert _later_claim(qtbot, home) is Claim.FORWARDED
        assert RunLock(home / "app.lock").holder() is None  # (given back as it exits)
        first.keep_claim()  # the first takes the lock again at its place
        holder = RunLock(home / "app.lock").holder()
        assert holder is not None and holder.pid == os.getpid()


def test_a_first_app_whose_lock_file_alone_was_deleted_takes_it_again(
    qtbot: QtBot, tmp_path: Path
) -> None:
    with _first_app(tmp_path) as first:
        (tmp_path / "app.lock").unlink()
        assert RunLock(tmp_path / "app.lock").holder() is None  # nobody sees the lock now
        first.keep_claim()
        holder = RunLock(tmp_path / "app.lock").holder()
        assert holder is not None and holder.pid == os.getpid()
        assert first.listening


def test_an_app_that_lost_its_lock_to_another_steps_aside(qtbot: QtBot, tmp_path: Path) -> None:
    with _first_app(tmp_path) as first:
        socket_path = os.path.join(QDir.tempPath(), first.name)
        (tmp_path / "app.lock").unlink()
        os.remove(socket_path)  # nothing left for a later launch to find it by...
        other = _instance(tmp_path)
        assert other.claim() is Claim.FIRST  # ...which so became a second app
        other.listen()
        # Held at one look, it may be a launch knocking here: two looks in a row, another app.
        with qtbot.assertNotEmitted(first.superseded):
            first.keep_claim()
        with qtbot.waitSignal(first.superseded, timeout=1000):
            first.keep_claim()
        assert not first.listening
        assert os.path.exists(socket_path)  # the other app's socket file, left where it is
        with qtbot.waitSignal(other.activated, timeout=5000):
            assert _later_claim(qtbot, tmp_path) is Claim.FORWARDED
        other.release()


def test_keeping_the_claim_through_a_file_system_error_says_it_once_in_the_log(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with _first_app(tmp_path) as first:
        (tmp_path / "app.lock").unlink()
        (tmp_path / "app.lock").mkdir()  # the lock cannot be made again there
        first.keep_claim()
        first.keep_claim()  # (every 30 s: not a box, nor a log line, each time)
    said = [r.getMessage() for r in caplog.records if "could not keep" in r.getMessage()]
    # Named as a sentence names it (core/fileio.storage_error), the lock file's path with it.
    assert len(said) == 1 and "app.lock: a folder has that name." in said[0]


#: A socket that answers as an app would, in a process of its own (a thread of the test's would
#: wait for the interpreter lock a claim in the test's process holds while it waits).
_ANSWERING_SOCKET = """
import socket, sys
server = socket.socket(socket.AF_UNIX)
server.bind(sys.argv[1])
server.listen(4)
print("ready", flush=True)
while True:
    peer, _ = server.accept()
    try:
        peer.recv(64)
        peer.sendall(sys.argv[2].encode())
    except OSError:  # (a knock that did not wait for an answer)
        pass
    peer.close()
"""


@contextmanager
def _socket_at(path: str, *, answer: str | None) -> Iterator[None]:
    """A listening socket file at `path` that writes `answer` to whoever connects (None:
    accepts nothing, as an app that hangs: the kernel still completes the connection)."""
    if answer is None:
        server = socket.socket(socket.AF_UNIX)
        server.bind(path)
        server.listen(4)
        try:
            yield
        finally:
            server.close()
            os.remove(path)
        return
    serving = subprocess.Popen(
        [sys.executable, "-c", _ANSWERING_SOCKET, path, answer], stdout=subprocess.PIPE, text=True
    )
    try:
        assert serving.stdout is not None and _line(serving.stdout).strip() == "ready"
        yield
    finally:
        serving.kill()
        serving.wait()
        with contextlib.suppress(FileNotFoundError):
            os.remove(path)


def test_an_app_that_accepts_and_never_answers_is_not_taken_for_one(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = os.path.join(QDir.tempPath(), server_name(str(tmp_path)))
    with _socket_at(path, answer=None), _silent_holder(tmp_path / "app.lock"):
        # Before: "forwarded", and the launch ended with no window anywhere.
        assert _later_claim(qtbot, tmp_path, "1") is Claim.UNANSWERED


def test_another_users_socket_at_the_apps_name_is_never_believed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = os.path.join(QDir.tempPath(), server_name(str(tmp_path)))
    with _socket_at(path, answer="shown\n"):  # answering as the app would
        assert _instance(tmp_path).claim() is Claim.FORWARDED  # (this user's: believed)
        # The same socket file, its owner another user (as this process's user is changed
        # here: giving a file away needs root). Before: any socket there sent the launch away.
        monkeypatch.setattr(single_instance.os, "getuid", lambda: os.stat(path).st_uid + 1)
        later = _instance(tmp_path)
        assert later.claim() is Claim.FIRST
        later.release()


def test_a_launch_finds_an_app_of_version_0_1_on_a_folder_it_used(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """0.1.0 took no lock, listened on a name of its own and wrote nothing back."""
    older = server_name_0_1(str(tmp_path))
    with _socket_at(os.path.join(QDir.tempPath(), older), answer=""):
        alone = _instance(tmp_path)
        assert alone.claim() is Claim.FIRST  # (not looked for unless asked)
        alone.release()
        later = SingleInstance(
            server_name(str(tmp_path)), tmp_path / "app.lock", older_app_name=older
        )
        assert later.claim() is Claim.FORWARDED
        assert RunLock(tmp_path / "app.lock").holder() is None  # (given back)


def test_a_socket_file_left_by_an_app_that_died_does_not_stop_the_next(
    qtbot: QtBot, tmp_path: Path
) -> None:
    name = server_name(str(tmp_path))
    dead = socket.socket(socket.AF_UNIX)
    dead.bind(os.path.join(QDir.tempPath(), name))  # bound, never listening: refuses as a
    dead.close()  # dead app's socket file does
    first = _instance(tmp_path)
    try:
        assert first.claim() is Claim.FIRST
        first.listen()
        with qtbot.waitSignal(first.activated, timeout=5000):
            assert _later_claim(qtbot, tmp_path) is Claim.FORWARDED
    finally:
        first.release()
    assert not os.path.exists(os.path.join(QDir.tempPath(), name))


def test_a_first_app_whose_socket_file_went_listens_again(qtbot: QtBot, tmp_path: Path) -> None:
    with _first_app(tmp_path) as first:
        os.remove(os.path.join(QDir.tempPath(), first.name))  # a clean-up of /tmp
        assert _later_claim(qtbot, tmp_path, "0.3") is Claim.UNANSWERED
        first.keep_claim()
        with qtbot.waitSignal(first.activated, timeout=5000):
            assert _later_claim(qtbot, tmp_path) is Claim.FORWARDED


def test_the_first_app_keeps_its_claim_on_a_timer(qtbot: QtBot, tmp_path: Path) -> None:
    with _first_app(tmp_path) as first:
        socket_path = os.path.join(QDir.tempPath(), first.name)
        (timer,) = [t for t in first.findChildren(QTimer) if t.isActive()]
        assert timer.interval() == single_instance.KEEP_CLAIM_MS
        os.remove(socket_path)
        timer.setInterval(10)  # (the same timer, sooner)
        qtbot.waitUntil(lambda: os.path.exists(socket_path))  # keep_claim() ran on its own
    assert not any(t.isActive() for t in first.findChildren(QTimer))


#: The app as its launcher starts it, in a process of its own.
_LAUNCH = "from consentinel.gui.launch import main; raise SystemExit(main())"


def test_a_launch_after_the_running_apps_folder_was_deleted_brings_that_app_forward(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "desktop"), "QT_QPA_PLATFORM": "offscreen"}
    socket_path = os.path.join(QDir.tempPath(), server_name(str(consentinel_home)))
    out = consentinel_home.parent / "first-app.out"
    with out.open("w") as sink:
        first = subprocess.Popen([sys.executable, "-c", _LAUNCH], env=env, stdout=sink, stderr=sink)
    try:
        qtbot.waitUntil(lambda: os.path.exists(socket_path), timeout=30_000)  # painted, listening
        shutil.rmtree(consentinel_home)  # the data folder deleted while the app runs
        # A launch makes the folder again and gets a lock there; a second app would stay
        # (and time out here): this one asks the running app to come forward, and exits.
        later = subprocess.run(
            [sys.executable, "-c", _LAUNCH], env=env, capture_output=True, text=True, timeout=60
        )
        assert later.returncode == 0, later.stderr[-2000:]
        log_text = (AppPaths.under(consentinel_home).logs_dir / "consentinel.log").read_text()
        assert "another instance was asked to come forward" in log_text
        assert first.poll() is None  # still running, the one app for this folder
    finally:
        first.terminate()  # as a logout does
        first.wait(timeout=30)
    assert first.returncode == 0, out.read_text()[-2000:]


def test_the_app_ends_when_another_took_its_folder(
    qtbot: QtBot, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its lock file and socket gone, a later launch found nothing and became a second app:
    the one that lost its lock steps aside at its next look, as its Quit would."""
    paths = AppPaths.under(consentinel_home).ensure()
    monkeypatch.setattr(single_instance, "KEEP_CLAIM_MS", 20)
    other = RunLock(paths.instance_lock_path)

    def take_over() -> None:  # (once the app runs)
        paths.instance_lock_path.unlink()
        assert other.acquire()

    QTimer.singleShot(0, take_over)
    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(lambda: QApplication.instance().exit(99))  # (it went on)
    watchdog.start(15_000)
    try:
        assert launch_main([]) == 0  # it ended by itself
        assert other.held and other.holder() is not None
        assert other.holder().pid == os.getpid()  # type: ignore[union-attr]
    finally:
        watchdog.stop()
        other.release()
    log_text = (paths.logs_dir / "consentinel.log").read_text()
    assert "another app took this folder's lock" in log_text and "this one ends" in log_text


def test_a_launch_while_the_app_is_closing_waits_and_is_the_app_after_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Quitting cancels a check at a safe point and closes its browser (up to a minute), its
    socket already closed: a launch then was told the app did not answer, or sent to it."""
    first = _instance(tmp_path)
    assert first.claim() is Claim.FIRST
    first.listen()
    first.stop_answering()  # what the app does as it starts ending
    later = _later(tmp_path, "0.3")  # (would give up after 0.3 s on an app not closing)
    try:
        assert later.stdout is not None
        assert "closing: waiting for it to end" in _line(later.stdout)
        first.release()  # ended
        out, err = later.communicate(timeout=30)
    finally:
        later.kill()
        first.release()
    assert later.returncode == 0, err[-2000:]
    assert out.strip().splitlines()[-1] == f"claim: {Claim.FIRST.value}"


def test_launches_after_an_update_find_a_running_0_1_app_every_time(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    paths = AppPaths.under(consentinel_home).ensure()
    make_context(consentinel_home).journal.close()  # a folder 0.1.0 used: a journal, no lock
    assert paths.journal_path.exists() and not paths.instance_lock_path.exists()
    older = os.path.join(QDir.tempPath(), server_name_0_1(str(consentinel_home)))
    watchdog = QTimer()  # (a launch that became the app would run on: ended, and said)
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(lambda: QApplication.instance().exit(99))
    try:
        with _socket_at(older, answer=""):
            for _ in range(2):  # the second launch too (the first left no lock file)
                watchdog.start(15_000)
                assert launch_main([]) == 0
                assert not paths.instance_lock_path.exists()
    finally:
        watchdog.stop()


def test_the_sockets_folder_is_qts_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Worked out without QDir (its Python type costs the first frame 0.5 ms), it must be
    where Qt puts a socket named without a folder, or no running app would ever be found."""
    from consentinel.gui.single_instance import temp_dir

    monkeypatch.delenv("TMPDIR", raising=False)
    assert temp_dir() == QDir.tempPath()
    monkeypatch.setenv("TMPDIR", f"{tmp_path}/sockets/")
    (tmp_path / "sockets").mkdir()
    assert temp_dir() == QDir.tempPath() == f"{tmp_path}/sockets"


def test_the_name_version_0_1_listened_on_is_worked_out_as_it_did() -> None:
    import hashlib

    digest = hashlib.sha256(b"/home/ana/Consentinel").hexdigest()[:16]
    assert server_name_0_1("/home/ana/Consentinel") == f"org.consentinel.Consentinel-{digest}"
