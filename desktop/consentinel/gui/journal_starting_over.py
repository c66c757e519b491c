"""The journal window's "Start a new journal…": asked first, the damaged journal is kept as it
is beside a new one, unless a check is running or its file went from under the app."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from consentinel.core.fileio import StorageError
from consentinel.core.lock import RunLock
from consentinel.gui.confirmation import Confirmation

if TYPE_CHECKING:
    from consentinel.gui.journal_window import JournalWindow

# The window's own words: its context in the catalogues (as its self.tr() has).
translate = QCoreApplication.translate


def ask_start_over(window: JournalWindow) -> bool:
    """Ask, then keep the damaged journal as it is and begin a new one; True when done."""
    problem = window.problem
    if problem is None:
        return False
    ctx = window._ctx
    if ctx.journal_lost() is not None:  # (its file went: there is nothing to keep)
        window.export_label.setText(
            translate(
                "JournalWindow",
                "The journal shown here is no longer the one in the data folder: nothing was "
                "set aside.",
            )
        )
        window.journal_lost.emit()  # the main window says what happened, and may close it
        return False
    box = Confirmation(
        window,
        QMessageBox.Icon.Warning,
        translate("JournalWindow", "Start a new journal"),
        translate("JournalWindow", "Keep this journal as it is and start a new one?"),
        translate(
            "JournalWindow",
            "This journal no longer verifies: {problem}\n\n"
            "It will not be changed or deleted: it stays in the data folder under a name of "
            "its own, with its screenshots, for whoever needs to examine it. Export it "
            "first if you need to show it to someone.\n\n"
            "The new journal starts with an entry naming the old one, and its badge says "
            "“intact” again from there. The accounts' last results show again after their "
            "next check.",
        ).replace("{problem}", problem),
        act=translate("JournalWindow", "&Start a new journal"),
        keep=translate("JournalWindow", "Cancel"),
    )
    window.confirm_box = box
    if not box.confirmed():
        return False
    lock = RunLock(ctx.paths.lock_path)
    if not lock.acquire(wait=False):
        window.export_label.setText(
            translate("JournalWindow", "A check is running: start a new journal once it has ended.")
        )
        return False
    try:
        moved = ctx.start_journal_over(problem)
        window.model.set_damaged({})  # the new journal's entry numbers start again at 1
    except StorageError as error:
        window.export_label.setText(
            translate("JournalWindow", "Nothing was changed: {problem}").replace(
                "{problem}", str(error)
            )
        )
        return False
    finally:
        lock.release()
    window.export_label.setText(
        translate(
            "JournalWindow", "The old journal is kept as {name}, next to the new one."
        ).replace("{name}", moved.name)
    )
    window.refresh()
    window.journal_replaced.emit()
    return True
