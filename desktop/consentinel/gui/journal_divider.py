"""The journal window's divider between the table and the entry pane: the pane narrow by
default (the table's Details column takes what the other columns leave), or where the person
left it."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QDataStream, QIODevice
from PySide6.QtWidgets import QSplitter

from consentinel.gui.window_memory import JOURNAL_DIVIDER, JOURNAL_SPLITTER, WindowMemory

#: The entry pane's width until the person moves the divider: room for its words and a
#: screenshot's preview (journal_entry_pane.PREVIEW_WIDTH); a wider window widens the table.
PANE_WIDTH = 300
#: The pane's share of the divider's width before it had one of its own (370 of 1100, kept
#: as the window was resized): a divider kept at it under the old name was never moved.
_OLD_SHARE = 370 / 1100
_OLD_SHARE_MARGIN = 0.01


def place_divider(splitter: QSplitter, memory: WindowMemory | None) -> None:
    """The table widens with the window and the pane keeps its width; the divider where the
    person left it, if they moved it."""
    splitter.setStretchFactor(0, 1)
    splitter.setStretchFactor(1, 0)
    # (the table's share is whatever the window leaves: the splitter gives it the rest)
    splitter.setSizes([10 * PANE_WIDTH, PANE_WIDTH])
    kept = moved_divider(memory)
    if kept is not None:
        splitter.restoreState(kept)


def moved_divider(memory: WindowMemory | None) -> bytes | None:
    """The divider as the person left it; None when they never moved it. Before the pane had
    a width of its own every divider was kept, moved or not (as JOURNAL_SPLITTER): one that
    still gives the pane the share it had then is the old default, not the person's choice."""
    if memory is None:
        return None
    kept = memory.state(JOURNAL_DIVIDER)
    if kept is not None:
        return kept
    old = memory.state(JOURNAL_SPLITTER)
    sizes = _kept_sizes(old) if old is not None else None
    if not sizes or len(sizes) != 2 or sum(sizes) <= 0:
        return None
    if abs(sizes[1] / sum(sizes) - _OLD_SHARE) <= _OLD_SHARE_MARGIN:
        return None
    return old


def divider_states(splitter: QSplitter) -> dict[str, bytes | None]:
    """What to keep of the divider, by name: under its new name, the old one dropped."""
    return {JOURNAL_DIVIDER: bytes(splitter.saveState().data()), JOURNAL_SPLITTER: None}


def _kept_sizes(state: bytes) -> list[int] | None:
    """The widths in a QSplitter.saveState (a marker, a version, then the sizes as a list of
    32-bit integers); None when it is not one."""
    data = QByteArray(state)  # (held here: the stream reads it, and does not keep it alive)
    stream = QDataStream(data, QIODevice.OpenModeFlag.ReadOnly)
    marker, version, count = stream.readInt32(), stream.readInt32(), stream.readUInt32()
    if marker != 0xFF or version not in (0, 1) or count > 16:
        return None
    sizes = [stream.readInt32() for _ in range(count)]
    return sizes if stream.status() == QDataStream.Status.Ok else None
