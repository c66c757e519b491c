"""The command line's one error type: a sentence for the user, exit 2, nothing changed; and
what is done when whoever reads its output stops reading."""

from __future__ import annotations

import logging
import os
import sys
from typing import TYPE_CHECKING

from consentinel.core.i18n import tr

if TYPE_CHECKING:
    from consentinel.core.journal import UnreadableJournal


def stop_writing_output() -> None:
    """The reader of standard output went away (`consentinel log | head`): from now on it goes
    nowhere, so that later writes and the flush at exit do not fail again."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def hush_what_a_stopped_run_leaves() -> None:
    """After Ctrl-C stopped a check, asyncio reports at exit what the stopped run left
    unfinished ("Future exception was never retrieved": Ctrl-C also stopped the browser's
    driver). The person pressed Ctrl-C and reads "Interrupted."; not that."""
    logging.getLogger("asyncio").disabled = True


class UsageError(Exception):
    """Bad input or set-up: one clear sentence, exit 2, nothing changed."""


class DataFolderError(UsageError):
    """Consentinel's folders cannot be used (a read-only or full disk, a file where a folder
    should be): a set-up problem, which a scheduled run also tells the person of, since nobody
    reads its output."""


class UnreadableJournalError(DataFolderError):
    """A command that only looks found a journal it cannot read as it is (damaged, a newer
    Consentinel's, an older one's to be brought up to date): said, and left where it is.
    `why` is `UnreadableJournal.why`."""

    def __init__(self, error: UnreadableJournal, *, set_aside_later: bool) -> None:
        text = str(error)
        if set_aside_later and error.why in ("damaged", "newer"):
            text += " " + tr(
                "It was left as it is: the app, or a check, sets it aside and begins a new "
                "journal when it next opens it."
            )
        super().__init__(text)
        self.why = error.why


class StoppedRunSaid(KeyboardInterrupt):
    """Ctrl-C (or SIGTERM) stopped a check that has said how far it had gone, from a line of
    its own (not after a question's words): its last word ("Interrupted.") follows on the next
    line, with no empty line before it."""
