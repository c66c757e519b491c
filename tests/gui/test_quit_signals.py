"""SIGTERM, SIGINT and SIGHUP quit the app as its Quit does (tests/e2e/test_stopped_by_the_system.py
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


def test_a_hangup_quits_and_a_second_one_during_the_shutdown_does_not_kill(qtbot: QtBot) -> None:
    # The terminal that started the app closed: the kernel hangs it up, and its shell passes
    # the hangup on to its jobs, a second SIGHUP that may come once the loop has ended; a
    # logout's SIGTERM may follow. (tests/e2e/test_stopped_by_the_system.py: the real app.)
    before = {n: signal.getsignal(n) for n in (signal.SIGHUP, signal.SIGTERM)}
    quits: list[int] = []
    on_signals = QuitOnSignals(lambda: quits.append(1))
    on_signals.install()
    try:
        os.kill(os.getpid(), signal.SIGHUP)
        qtbot.waitUntil(lambda: quits == [1])
        assert on_signals.received is signal.SIGHUP
    finally:
        on_signals.uninstall()
    try:
        assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN
        os.kill(os.getpid(), signal.SIGHUP)  # (the default would end this test's process)
        # The first SIGTERM leaves the clean-up be; the next one gets what it had before.
        assert signal.getsignal(signal.SIGTERM) is not before[signal.SIGTERM]
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: signal.getsignal(signal.SIGTERM) is before[signal.SIGTERM])
        assert quits == [1]
    finally:
        for number, handler in before.items():
            signal.signal(number, handler)


def test_after_sigterm_a_hangup_is_ignored_and_a_second_sigterm_is_not(qtbot: QtBot) -> None:
    before = {n: signal.getsignal(n) for n in (signal.SIGHUP, signal.SIGTERM)}
    quits: list[int] = []
    on_signals = QuitOnSignals(lambda: quits.append(1))
    on_signals.install()
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: quits == [1])
    finally:
        on_signals.uninstall()
    try:
        assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN
        assert signal.getsignal(signal.SIGTERM) is before[signal.SIGTERM]  # (someone insists)
    finally:
        for number, handler in before.items():
            signal.signal(number, handler)


def test_a_hangup_ignored_at_start_up_stays_ignored(qtbot: QtBot) -> None:
    # `nohup consentinel`: the app goes on when its terminal closes.
    previous = signal.signal(signal.SIGHUP, signal.SIG_IGN)
    quits: list[int] = []
    on_signals = QuitOnSignals(lambda: quits.append(1))
    try:
        on_signals.install()
        assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN
        os.kill(os.getpid(), signal.SIGHUP)
        os.kill(os.getpid(), signal.SIGTERM)  # (after it: once this one quits, that one came)
        qtbot.waitUntil(lambda: quits == [1])
        assert on_signals.received is signal.SIGTERM
    finally:
        on_signals.uninstall()
        signal.signal(signal.SIGHUP, previous)
