"""A launch that finds Consentinel open on this data folder but not answering: say so, and offer
to end it, so that the person need not find and end a process themselves.

Asked first as a logout would ask (SIGTERM): an app that is only slow stops a check it runs at
a safe point and closes, and the launch waits for it (gui/closing_wait.py). One that does not
end (its loop stuck) can then be forced to end (SIGKILL): a check it was running stops where
it is, as after a power cut, and the journal and the next check make up for it (the journal
marks the run interrupted; the next check reads every box again). On Windows there is no asking:
ending a process there is always forced, so the first question says so.

Made before the app's translations are loaded, so its words are the core's."""

from __future__ import annotations

import enum
import logging
import os
import signal
import sys

from PySide6.QtWidgets import QAbstractButton, QMessageBox

from consentinel import APP_NAME
from consentinel.core.i18n import tr
from consentinel.core.lock import LockInfo
from consentinel.core.processes import process_running, this_host

log = logging.getLogger(__name__)

_FORCED_ONLY = sys.platform == "win32"


class Ending(enum.Enum):
    """How ending the app that does not answer may be asked."""

    ASK = "ask"  # it may be asked to close (then forced, if it does not)
    FORCE = "force"  # only forced: Windows
    NONE = "none"  # not from here: unknown process, another computer's, or gone


def how_to_end(holder: LockInfo | None) -> Ending:
    """Whether the app holding the folder can be ended from here: a process of this computer
    that still runs (a folder shared between computers names one elsewhere)."""
    if holder is None or holder.pid is None or holder.pid == os.getpid():
        return Ending.NONE
    if holder.host is not None and holder.host != this_host():
        return Ending.NONE
    if not process_running(holder.pid):
        return Ending.NONE
    return Ending.FORCE if _FORCED_ONLY else Ending.ASK


def not_answering_text(pid: int | None, ending: Ending = Ending.NONE) -> str:
    """What to do when another Consentinel holds the data folder but does not come forward."""
    process = tr("process {pid}", pid=pid) if pid else tr("another process")
    said = tr("Consentinel is already open ({process}) but is not responding.", process=process)
    if ending is Ending.ASK:
        return said + " " + tr("End it to open Consentinel here.")
    if ending is Ending.FORCE:
        return (
            said
            + " "
            + tr(
                "End it to open Consentinel here: a check it was running stops where it is, "
                "and the next check finishes it."
            )
        )
    return (
        said
        + " "
        + tr("If its window does not appear, end that process, then start Consentinel again.")
    )


def offer_to_end(holder: LockInfo | None) -> bool:
    """Says the app does not answer; True once the person chose to end it and it was asked (or
    forced, on Windows). False: they closed the message, or it cannot be ended from here."""
    pid = holder.pid if holder else None
    ending = how_to_end(holder)
    box, end = end_box(pid, ending)
    box.exec()
    if end is None or pid is None or box.clickedButton() is not end:
        return False
    return _end(pid, force=ending is Ending.FORCE)


def offer_to_force(holder: LockInfo | None) -> bool:
    """The app asked to end did not: True once the person chose to force it and it was."""
    pid = holder.pid if holder else None
    if pid is None or how_to_end(holder) is Ending.NONE:
        return False  # (ended meanwhile, or its holder is no longer known)
    box, force = force_box(pid)
    box.exec()
    return box.clickedButton() is force and _end(pid, force=True)


def end_box(pid: int | None, ending: Ending) -> tuple[QMessageBox, QAbstractButton | None]:
    """The message that the app does not answer, and its button that ends it (None: OK only,
    it cannot be ended from here). Not shown (docs/screenshots take it too)."""
    box = _box(not_answering_text(pid, ending))
    if ending is Ending.NONE or pid is None:
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        return box, None
    end = box.addButton(tr("End it and open Consentinel"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("Do not open"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(end)
    return box, end


def force_box(pid: int) -> tuple[QMessageBox, QAbstractButton]:
    """The question whether to force the app to end, and its button that does."""
    box = _box(
        tr(
            "Consentinel ({process}) did not close when asked. Force it to end? A check it was "
            "running stops where it is, and the next check finishes it.",
            process=tr("process {pid}", pid=pid),
        )
    )
    force = box.addButton(tr("Force it to end"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(tr("Do not open"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(force)
    return box, force


def _box(text: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, text)
    box.setStandardButtons(QMessageBox.StandardButton.NoButton)
    return box


def _end(pid: int, *, force: bool) -> bool:
    """Asks process `pid` to end (SIGTERM), or forces it (SIGKILL; on Windows, always)."""
    number = signal.SIGKILL if force and not _FORCED_ONLY else signal.SIGTERM
    try:
        os.kill(pid, number)
    except ProcessLookupError:  # it ended meanwhile: as good
        return True
    except OSError as error:  # (another user's process: the folder is not ours to take)
        log.warning("could not end the app that does not answer (pid %s): %s", pid, error)
        return False
    log.info("the app that does not answer (pid %s) was %s", pid, "forced" if force else "asked")
    return True
