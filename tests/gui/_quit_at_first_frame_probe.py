"""Run by tests/gui/test_clean_exit.py in a fresh process: start the app as its command does
(`gui`: `consentinel-gui`; `cli`: `consentinel` with no command) and, the moment its window's
first frame is painted, quit it as its Quit does, with threads inside Qt calls: handing answers
to the window as the app's own threads do once `crontab -l`, the keyring, a browser or X has
answered. The process's exit code and standard error are the test's."""

from __future__ import annotations

import atexit
import sys
import threading
from collections.abc import Callable

# As the `consentinel-gui` entry point does: the launcher, then the core, before PySide.
from consentinel.gui.launch import load_core_before_qt
from consentinel.gui.launch import main as gui_main

load_core_before_qt()

from benchmarks.first_frame import when_first_shown  # noqa: E402
from PySide6.QtCore import QObject  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402

from consentinel.cli.main import main as cli_main  # noqa: E402
from consentinel.core.memory_keyring import MemoryKeyring  # noqa: E402
from consentinel.core.vault import Vault  # noqa: E402
from consentinel.gui.crontab_minute import CrontabMinute  # noqa: E402
from consentinel.gui.keyring_look import KeyringLook  # noqa: E402
from consentinel.gui.program_probe import ProgramProbe  # noqa: E402
from consentinel.gui.x_watch import XWatch  # noqa: E402
from consentinel.x.browser_program import ProgramCheck, ProgramKind  # noqa: E402

#: The name of the threads that answer without end.
ANSWERING = "answering"
#: Said on standard error when Python's ending begins with those threads still in Qt calls.
PYTHON_ENDS_UNDER = "Python's ending began under threads in Qt calls:"

#: The answering objects, kept until Python's ending deletes them.
KEPT: list[QObject] = []


def _answers() -> list[Callable[[], None]]:
    """The last call of each thread the app starts after its first frame: its answer queued to
    the GUI thread (gui/crontab_minute, keyring_look, program_probe, x_watch)."""
    minute = CrontabMinute()
    look = KeyringLook(Vault(MemoryKeyring()))
    probe = ProgramProbe()
    watch = XWatch(lambda: False)
    KEPT.extend((minute, look, probe, watch))
    silent = ProgramCheck(ProgramKind.SILENT, "")
    return [
        lambda: minute._read_done.emit(-1),
        lambda: look._done.emit(None),
        lambda: probe._done.emit("/usr/bin/chromium", silent),
        lambda: watch._answered.emit(0, False),
    ]


def _answer_again_and_again(answer: Callable[[], None], started: threading.Barrier) -> None:
    """An answer given without end: whenever the process ends, this thread is in that Qt call
    or about to be."""
    started.wait()
    while True:
        answer()


def _quit_with_threads_in_qt(window: QMainWindow) -> None:
    answers = _answers()
    started = threading.Barrier(len(answers) + 1)
    for answer in answers:
        threading.Thread(
            target=_answer_again_and_again, args=(answer, started), daemon=True, name=ANSWERING
        ).start()
    started.wait(10)
    window.quit_requested.emit()  # the window's File › Quit, the tray's Quit


def _said_if_python_ends_under_them() -> None:
    """Python's ending has begun (the exit hooks, PySide's next: it deletes the QApplication
    and every object of its own under these threads, then Python empties the modules). Whether
    that crashes is a race, lost one time in a few; beginning it at all is the fault."""
    answering = [t for t in threading.enumerate() if t.name == ANSWERING and t.is_alive()]
    if answering:
        print(f"{PYTHON_ENDS_UNDER} {len(answering)}", file=sys.stderr, flush=True)


def main() -> None:
    command = sys.argv[1]
    app = QApplication(sys.argv[:1])  # (the launcher takes the one that exists)
    # After PySide's own exit hook, so run before it (last registered, first run).
    atexit.register(_said_if_python_ends_under_them)
    watcher = when_first_shown(app, _quit_with_threads_in_qt)  # noqa: F841 (kept until the end)
    sys.argv[1:] = []  # the command as started from the menu or a terminal: no arguments
    # As the installed commands' wrappers do: `sys.exit(main())`.
    sys.exit(gui_main() if command == "gui" else cli_main())


if __name__ == "__main__":
    main()
