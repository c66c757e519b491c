"""The journal's check (its hash chain and screenshots) in a thread of its own, its verdict
carried back to the GUI thread: it hashes every screenshot, seconds once a year of them is
kept, and the window must answer meanwhile. The journal window's badge and the main window's
warning both use it."""

from __future__ import annotations

import contextlib
import logging
import threading

from PySide6.QtCore import QObject, Signal

from consentinel.core.journal import Journal
from consentinel.core.journal_entries import VerifyResult

log = logging.getLogger(__name__)


class Verdicts(QObject):
    """Carries a verdict from the checking thread to the window (a queued signal): the number
    of the check it answers, and its VerifyResult, or the exception's words."""

    ready = Signal(int, object)


def _verify(journal: Journal, number: int, verdicts: Verdicts) -> None:
    verdict: VerifyResult | str
    try:
        verdict = journal.verify()
    except Exception as error:  # the journal closed as the app quits, or the disk failed
        log.warning("the journal could not be checked: %s", error)
        verdict = str(error)
    # RuntimeError: the window was closed meanwhile and nobody waits for this verdict.
    with contextlib.suppress(RuntimeError):
        verdicts.ready.emit(number, verdict)


def verify_in_thread(journal: Journal, number: int, verdicts: Verdicts) -> None:
    """A daemon thread: closing the window or quitting must not wait for the hashing."""
    threading.Thread(
        target=_verify, args=(journal, number, verdicts), daemon=True, name="journal-verify"
    ).start()
