"""Reference cycles that hold Qt objects are collected in the GUI thread, never in a worker."""

from __future__ import annotations

import gc
import threading

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from consentinel.gui import launch
from consentinel.gui.gui_thread_gc import (
    BUSY_EVERY_MS,
    IDLE_EVERY_MS,
    GuiThreadCollector,
    other_threads_running,
)


class _Witness:
    """Says in which thread the cycle it belongs to was collected."""

    def __init__(self, seen: list[int]) -> None:
        self.seen = seen

    def __del__(self) -> None:
        self.seen.append(threading.get_ident())


def _cycle_with_a_qt_object(seen: list[int]) -> None:
    holder = QObject()
    witness = _Witness(seen)
    holder.witness = witness  # type: ignore[attr-defined]
    witness.holder = holder  # type: ignore[attr-defined]


def _allocate_like_a_check() -> None:
    """Garbage cycles, as a browser's driver leaves them: enough for Python to collect
    generations 0 and 1 several times over."""
    for _ in range(50_000):
        cycle: list[object] = []
        cycle.append(cycle)


def test_a_worker_s_allocations_leave_qt_cycles_to_the_gui_thread(qtbot: QtBot) -> None:
    gc.enable()  # as in the app before it starts the collector (the tests' own switched it off)
    collector = GuiThreadCollector(busy=lambda: True)  # a check runs: it looks every 0.5 s
    collector.start()
    try:
        assert not gc.isenabled()
        seen: list[int] = []
        _cycle_with_a_qt_object(seen)
        worker = threading.Thread(target=_allocate_like_a_check)
        worker.start()
        worker.join()
        assert seen == []  # the worker collected nothing
        qtbot.waitUntil(lambda: seen != [], timeout=5_000)
        assert seen == [threading.get_ident()]
    finally:
        collector.stop()
    assert gc.isenabled()


def test_without_it_the_worker_would_have_collected_the_cycle() -> None:
    """What the collector prevents, shown: Python's own collector runs in the allocating thread."""
    assert gc.isenabled()
    seen: list[int] = []
    _cycle_with_a_qt_object(seen)
    worker = threading.Thread(target=_allocate_like_a_check)
    worker.start()
    worker.join()
    assert seen == [worker.ident]


def test_a_generation_is_collected_only_once_python_would_have(qtbot: QtBot) -> None:
    gc.enable()
    collector = GuiThreadCollector()
    collector.start()
    try:
        gc.collect()  # all counts back to zero
        assert collector.collect_due() == -1
        kept = [[] for _ in range(gc.get_threshold()[0] + 1)]
        assert collector.collect_due() == 0
        del kept
    finally:
        collector.stop()


def test_it_looks_often_only_while_another_thread_runs(qtbot: QtBot) -> None:
    """Half a second during a check; ten seconds when the app waits (in the tray, for days)."""
    checking = [False]
    collector = GuiThreadCollector(busy=lambda: checking[0])
    collector.start()
    try:
        assert collector.interval_ms == IDLE_EVERY_MS
        checking[0] = True
        collector.collect_due()
        assert collector.interval_ms == BUSY_EVERY_MS
        checking[0] = False
        collector.collect_due()
        assert collector.interval_ms == IDLE_EVERY_MS
    finally:
        collector.stop()


def test_a_thread_that_runs_counts_as_busy() -> None:
    release = threading.Event()
    worker = threading.Thread(target=release.wait)
    worker.start()
    try:
        assert other_threads_running()
    finally:
        release.set()
        worker.join()


def test_the_launcher_starts_with_the_collector_off_and_leaves_it_as_found(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """From its first step the app's start runs without the cycle collector (what a start
    makes lives as long as the app: going through it again and again was 2 % of a start);
    whatever way it ends, the collector is as it found it."""
    seen: list[bool] = []

    def no_display() -> str:
        seen.append(gc.isenabled())
        return "no screen here"

    monkeypatch.setattr(launch, "no_display_reason", no_display)
    assert gc.isenabled()
    assert launch.main([]) == launch.EXIT_NO_DISPLAY
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        assert launch.main([]) == launch.EXIT_NO_DISPLAY
        assert not gc.isenabled()  # (left off, as found)
    finally:
        gc.enable()
