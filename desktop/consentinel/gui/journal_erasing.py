"""The journal window's "Erase the history of @x…": offered while its Account filter shows an
account removed from the list (whose history was kept when it was removed), asked first, then
erased as the main window's "Remove and erase" does (gui/history_erasing)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from consentinel.gui.confirmation import Confirmation

if TYPE_CHECKING:
    from consentinel.gui.journal_window import JournalWindow

log = logging.getLogger(__name__)

# The window's own words: its context in the catalogues (as its self.tr() has).
translate = QCoreApplication.translate


def erasable_handle(window: JournalWindow) -> str | None:
    """The account the Account filter shows when its history can be erased: no longer listed
    (its checks would write it again), nor an account the list lost (the journal alone names
    it: erased, nothing would); else None."""
    from consentinel.core.history_eraser import StillAnAccount, check_erasable

    handle = window.account_filter.currentData()
    if not handle:
        return None
    try:
        check_erasable(window._ctx, handle)
    except StillAnAccount:
        return None
    except Exception:  # (only an offer: a journal that cannot be read says so elsewhere)
        log.warning("whether an account's history can be erased is not known", exc_info=True)
        return None
    return str(handle)


def show_offer(window: JournalWindow) -> None:
    """The button shown, naming the account, while the Account filter shows one whose history
    can be erased."""
    handle = erasable_handle(window)
    button = window.erase_button
    if handle is None:
        button.hide()
        return
    button.setText(
        translate("JournalWindow", "&Erase the history of @{handle}…").replace("{handle}", handle)
    )
    button.show()


def ask_erase(window: JournalWindow) -> bool:
    """Ask, naming what goes and what still holds it, then erase the history of the account
    the Account filter shows; what was erased said. True when something was."""
    from consentinel.core.history_eraser import StillAnAccount, check_erasable
    from consentinel.core.journal import JournalError
    from consentinel.core.journal_erasure import history_of
    from consentinel.gui.history_erasing import (
        entries_words,
        erase_and_say_problems,
        say_erased,
        say_not_erased,
        screenshots_words,
        still_held_words,
    )

    handle = window.account_filter.currentData()
    if not handle:
        return False
    ctx = window._ctx
    # The main window's "Add back" is on its page for no account (MainWindow.refresh).
    add_back_offered = not window.demo and not ctx.accounts.list()
    try:
        check_erasable(ctx, handle)  # (added back since the filter was chosen)
        found = history_of(ctx.journal, handle)
    except StillAnAccount as still:
        say_not_erased(
            window, handle, still.describe(window=True, add_back_offered=add_back_offered)
        )
        window.refresh()
        return False
    except JournalError as error:
        say_not_erased(window, handle, str(error))
        return False
    if not found.entries and not found.screenshots:  # (erased meanwhile, by another process)
        window.refresh()
        return False
    box = Confirmation(
        window,
        QMessageBox.Icon.Warning,
        translate("JournalWindow", "Erase history"),
        translate("JournalWindow", "Erase the history of @{handle} from the journal?").replace(
            "{handle}", handle
        ),
        translate(
            "JournalWindow",
            "Erased for good: {entries}, {screenshots}, and its lines in Consentinel's log "
            "files. The journal still verifies, and says that an account's history was erased "
            "and how much, without naming it.",
        )
        .replace("{entries}", entries_words(found.entries))
        .replace("{screenshots}", screenshots_words(found.screenshots))
        + "\n\n"
        + still_held_words(),
        act=translate("JournalWindow", "&Erase"),
        keep=translate("JournalWindow", "Cancel"),
    )
    window.erase_box = box
    if not box.confirmed():
        return False
    done = erase_and_say_problems(
        window, ctx, handle, locked=False, add_back_offered=add_back_offered
    )
    window.refresh()  # its entries emptied: the badge counts them
    if done is None:
        return False
    if done.entries or done.screenshots:
        say_erased(window, ctx.journal, [(handle, done)])
    return True
