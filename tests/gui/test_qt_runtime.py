"""The Qt binding itself must be sound: PySide6 6.12.0's Signal.emit() gave back `True` without
a reference, so every emitted signal took one reference from Python's True and the app aborted
("bool_dealloc: deallocating True or False") after enough signals. pyproject.toml excludes that
release; this test catches any binding with the same fault before people do."""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    changed = Signal(int)


def test_emitting_signals_leaves_true_and_false_alone() -> None:
    emitter = _Emitter()
    received: list[int] = []
    emitter.changed.connect(received.append)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for n in range(200):
        emitter.changed.emit(n)
    # And from a worker thread, as the check runner does.
    worker = threading.Thread(target=lambda: [emitter.changed.emit(n) for n in range(200)])
    worker.start()
    worker.join()
    after = sys.getrefcount(True), sys.getrefcount(False)
    assert len(received) >= 200
    # A few references come and go with the interpreter's own work; 400 emits may not take any.
    assert after[0] >= before[0] - 20 and after[1] >= before[1] - 20, (before, after)
