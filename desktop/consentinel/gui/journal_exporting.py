"""The journal window's export (CSV, JSON or ZIP with screenshots) in a thread of its own, its
outcome carried back to the GUI thread: the journal's check that goes with it hashes every
screenshot (minutes for a journal of years), and the window must answer meanwhile.

The journal is the app's own: one connection behind a lock, shared by threads, as the badge's
check (journal_verdict) uses it. The file is written all at once (a temp file renamed), so
closing the window or quitting meanwhile never leaves half of one under the name chosen."""

from __future__ import annotations

import contextlib
import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from consentinel.core.evidence_bundle import BundleWritten
    from consentinel.core.journal import Journal
    from consentinel.core.journal_entries import VerifyResult
    from consentinel.core.journal_export import ReadableColumns

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExportAsked:
    """What to write, all of it taken from the window before the thread starts (its widgets
    are read in the GUI thread only)."""

    journal: Journal
    path: Path
    fmt: str  # "csv", "json" or "zip"
    filters: dict[str, Any]
    evidence_dir: Path
    csv_delimiter: str
    readable: ReadableColumns


@dataclass(frozen=True)
class ExportWritten:
    """What was written: the entry count, the whole journal's verdict and, for a ZIP, what it
    holds."""

    count: int
    verdict: VerifyResult
    bundle: BundleWritten | None = None


class ExportEnded(QObject):
    """Carries an export's outcome to the window (a queued signal): an ExportWritten, or the
    exception that stopped it."""

    ended = Signal(object)


def _export(asked: ExportAsked, carrier: ExportEnded) -> None:
    outcome: ExportWritten | Exception
    try:
        outcome = write(asked)
    except Exception as error:  # said by the window, as the export failing
        if not isinstance(error, OSError):
            log.exception("the journal could not be exported")
        outcome = error
    # RuntimeError: the window was closed meanwhile and nobody waits for this outcome.
    with contextlib.suppress(RuntimeError):
        carrier.ended.emit(outcome)


def write(asked: ExportAsked) -> ExportWritten:
    """The export, as the window asks for it (in the thread)."""
    journal = asked.journal
    # The whole journal's verdict now, as the JSON export states it (and with it).
    verdict = journal.verify()
    if asked.fmt == "csv":
        count = journal.export_csv(
            asked.path,
            delimiter=asked.csv_delimiter,
            bom=True,
            readable=asked.readable,
            **asked.filters,
        )
        return ExportWritten(count, verdict)
    if asked.fmt == "zip":
        from consentinel.core.evidence_bundle import write_bundle

        bundle = write_bundle(
            journal, asked.path, asked.evidence_dir, verdict=verdict, **asked.filters
        )
        return ExportWritten(bundle.entries, verdict, bundle)
    count = journal.export_json(asked.path, verdict=verdict, **asked.filters)
    return ExportWritten(count, verdict)


def export_in_thread(asked: ExportAsked, carrier: ExportEnded) -> threading.Thread:
    """A daemon thread: quitting does not wait for it (the file chosen is whole, or not
    there)."""
    thread = threading.Thread(
        target=_export, args=(asked, carrier), daemon=True, name="journal-export"
    )
    thread.start()
    return thread
