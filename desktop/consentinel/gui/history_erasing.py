"""Erasing a removed account's history from a window (core/history_eraser), shared by the main
window's "Remove and erase" and the journal window's "Erase the history of @x…": the words
counting what goes, what stopped it, and what was erased with what still holds it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from consentinel.core.context import AppContext
    from consentinel.core.journal import Journal
    from consentinel.core.journal_erasure import Erasure

# The main window's words, where they were first said: their context in the catalogues.
translate = QCoreApplication.translate


def entries_words(count: int) -> str:
    if count == 1:
        return translate("MainWindow", "1 entry")
    return translate("MainWindow", "{count} entries").replace("{count}", str(count))


def screenshots_words(count: int) -> str:
    if count == 0:
        return translate("MainWindow", "no screenshot")
    if count == 1:
        return translate("MainWindow", "1 screenshot")
    return translate("MainWindow", "{count} screenshots").replace("{count}", str(count))


def check_running_words() -> str:
    return translate(
        "MainWindow", "A check is running: wait for it to end (or cancel it), then try again."
    )


def say_not_erased(parent: QWidget, handle: str, why: str) -> None:
    from PySide6.QtWidgets import QMessageBox  # (loads with a first message)

    QMessageBox.warning(
        parent,
        translate("MainWindow", "The history of @{handle} was not erased").replace(
            "{handle}", handle
        ),
        why,
    )


def erase_and_say_problems(
    parent: QWidget, ctx: AppContext, handle: str, *, locked: bool, add_back_offered: bool
) -> Erasure | None:
    """`handle`'s history erased (core/history_eraser; `locked`: the caller holds the run
    lock); what stopped it, or what of it could not be erased, said. What was erased (None:
    nothing)."""
    from consentinel.core.data_eraser import CheckRunning
    from consentinel.core.history_eraser import StillAnAccount, erase_account_history
    from consentinel.core.journal import JournalError

    try:
        done = erase_account_history(ctx, handle, locked=locked)
    except CheckRunning:  # (its end would write the history again)
        say_not_erased(parent, handle, check_running_words())
        return None
    except StillAnAccount as still:  # added back meanwhile, or lost by the list
        say_not_erased(
            parent, handle, still.describe(window=True, add_back_offered=add_back_offered)
        )
        return None
    except JournalError as error:
        say_not_erased(parent, handle, str(error))
        return None
    if not done.not_deleted and not done.logs_left:
        return done
    problems = []
    if done.not_deleted:
        problems.append(
            translate("MainWindow", "These screenshots could not be deleted: {names}").replace(
                "{names}", ", ".join(done.not_deleted)
            )
        )
    if done.logs_left:
        problems.append(
            translate(
                "MainWindow",
                "Its lines could not be taken out of these log files: {names}, in "
                "{folder}. Delete those files yourself.",
            )
            .replace("{names}", ", ".join(done.logs_left))
            .replace("{folder}", str(ctx.paths.logs_dir))
        )
    from PySide6.QtWidgets import QMessageBox  # (loads with a first message)

    QMessageBox.warning(
        parent,
        translate("MainWindow", "The history of @{handle} was not all erased").replace(
            "{handle}", handle
        ),
        "\n\n".join(problems),
    )
    return done


def say_erased(parent: QWidget, journal: Journal, erased: list[tuple[str, Erasure]]) -> None:
    """What was erased, and what still holds it (what only the person can delete): a box
    that stays until read, as the CLI says it (cli/account_erase_cmd say_erased)."""
    from PySide6.QtWidgets import QMessageBox  # (loads with a first message)

    text = (
        translate(
            "MainWindow",
            "Erased the history of {handles} from the journal: {entries}, {screenshots}.",
        )
        .replace("{handles}", ", ".join(f"@{handle}" for handle, _done in erased))
        .replace("{entries}", entries_words(sum(done.entries for _h, done in erased)))
        .replace("{screenshots}", screenshots_words(sum(done.screenshots for _h, done in erased)))
    )
    if journal.erased_bytes_pending and not journal.fold_erased():
        # (another process was reading: gui/erased_bytes_folding empties it once it is done)
        text += "\n\n" + translate(
            "MainWindow",
            "Another Consentinel process was reading the journal: the erased history stays "
            "in the journal's write-ahead file until that read ends; this window empties it "
            "then.",
        )
    text += "\n\n" + still_held_words()
    QMessageBox.information(parent, translate("MainWindow", "History erased"), text)


def still_held_words() -> str:
    """What erasing leaves: the copies made before (said before erasing, and once erased)."""
    return translate(
        "MainWindow",
        "Exports, bundles and copies of the data folder made before still hold it: delete "
        "those too.",
    )
