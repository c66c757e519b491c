"""What the window says, once, of a journal that started over while it was closed (set aside
by a scheduled check that could not read it, or begun again after its folder went during a
check): the journal window's badge and one row said it only to whoever opened it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from consentinel.core.context import AppContext
    from consentinel.core.journal_entries import Entry
    from consentinel.gui.window_memory import WindowMemory

#: Where window.json keeps the time of the last start-over the window told (or saw itself).
TOLD_KEY = "journal_restart_told"


def restart_to_tell(ctx: AppContext, memory: WindowMemory) -> Entry | None:
    """The journal's last start-over, when the window has not told it yet (a person's own
    "Start a new journal…" is not told back); the last one is remembered as told either way.
    With none remembered (the first open of a version that tells them, or window.json
    deleted), only one newer than the window's last open is told: an older one was in the
    window then (an earlier version told it). Reads the journal: never for the first frame."""
    from consentinel.core.journal_entries import EntryKind

    restarts = ctx.journal.entries(kinds=[EntryKind.JOURNAL_RESTARTED])
    if not restarts:
        return None
    last = restarts[-1]
    told = memory.kept(TOLD_KEY)
    if told == last.ts:
        return None
    memory.keep(TOLD_KEY, last.ts)
    if last.payload.get("why") == "damaged":
        return None
    if isinstance(told, str):
        return last if last.ts > told else None
    return last if _after(last, memory.written_before) else None


def _after(entry: Entry, written: float | None) -> bool:
    """Whether `entry` is newer than window.json's last write (False when there is none)."""
    from datetime import timezone

    if written is None:
        return False
    at = entry.at
    if at.tzinfo is None:
        at = at.replace(tzinfo=timezone.utc)
    return at.timestamp() > written


def mark_told(ctx: AppContext, memory: WindowMemory) -> None:
    """The window said the journal's start-over itself (its folder or file went while open)."""
    restart_to_tell(ctx, memory)


def restart_words(entry: Entry, ctx: AppContext) -> str:
    """The start-over in a sentence: when, why, and where the journal before it is kept."""
    from consentinel.gui.time_words import local_text_to_the_second

    translate = QCoreApplication.translate
    name = entry.payload.get("set_aside")
    why = entry.payload.get("why")
    if not name or why in ("deleted", "folder"):  # (kept then: at most the old head file)
        text = translate(
            "AppController",
            "The journal started over on {when}: the data folder or the journal file was "
            "deleted during a check, and the record of the checks before went with it.",
        )
    elif why == "newer":
        text = translate(
            "AppController",
            "The journal started over on {when}: the one before it was written by a newer "
            "Consentinel and is kept as {path}. Its record of earlier checks is in that file.",
        )
    else:
        text = translate(
            "AppController",
            "The journal started over on {when}: the one before it could not be read and is "
            "kept as {path}. Its record of earlier checks is in that file: keep it.",
        )
    text = text.replace("{when}", local_text_to_the_second(entry.at))
    return text.replace("{path}", str(ctx.paths.journal_path.with_name(name))) if name else text
