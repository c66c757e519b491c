"""SIGTERM and SIGINT quit the app as its Quit does (tests/e2e/test_stopped_by_the_system.py
has the real app cancel a real check); here, what the handlers do to the process's own."""

from __future__ import annotations

import os
import signal

from pytestqt.qtbot import QtBot

from consentinel.gui.quit_signals import QuitOnSignals


def test_a_signal_quits_and_uninstalling_gives_the_handlers_back(qtbot: QtBot) -> None:
    before = {n: signal.getsignal(n) for n in (signal.SIGTERM, signal.SIGINT)}
    quits: list[int] = []
    on_signals = QuitOnSignals(lambda: quits.append(1))
    on_signals.install()
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: quits == [1])
        assert on_signals.received is signal.SIGTERM
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C: no KeyboardInterrupt, a quit
        qtbot.waitUntil(lambda: quits == [1, 1])
        assert on_signals.received is signal.SIGINT
    finally:
        on_signals.uninstall()
    assert {n: signal.getsignal(n) for n in before} == before
    assert signal.set_wakeup_fd(-1) == -1  # the wake-up pipe is gone with them


def test_a_signal_its_starter_ignored_stays_ignored(qtbot: QtBot) -> None:
    # A shell's background job starts with SIGINT ignored: Ctrl-C in that shell is not for us.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    on_signals = QuitOnSignals(lambda: None)
    try:
        on_signals.install()
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
        assert signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL
    finally:
        on_signals.uninstall()
        signal.signal(signal.SIGINT, previous)
