"""The journal window's export (CSV, JSON or ZIP with screenshots) in a thread of its own, its
outcome carried back to the GUI thread: the journal's check that goes with it hashes every
screenshot (minutes for a journal of years), and the window must answer meanwhile.

The journal is the app's own: one connection behind a lock, shared by threads, as the badge's
check (journal_verdict) uses it. The file is written all at once (a temp file renamed), so
closing the window never leaves half of one under the name chosen. Quitting waits for the
exports under way (gui/export_waiting), or stops them: an export stopped removes its temp
file, between two screenshots read or two pieces of one copied. One still busy once the wait
ran out (a journal of years still being read, a slow disk) has its temp file removed by the
quit itself, and is never renamed into place should its thread go on."""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

if TYPE_CHECKING:
    from consentinel.core.evidence_bundle import BundleWritten
    from consentinel.core.fileio import TempFiles
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


class ExportStopped(Exception):
    """The export was stopped (the app quitting): nothing written, its temp file removed."""


class RunningExport:
    """An export under way, in its thread: what it writes, a way to stop it, and its outcome
    once it ended (an ExportWritten, or the exception that stopped it)."""

    def __init__(self, asked: ExportAsked) -> None:
        self.asked = asked
        self.thread: threading.Thread | None = None
        self.outcome: ExportWritten | Exception | None = None
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._on_end: list[Callable[[], None]] = []
        #: Its temp file while there is one (core.fileio.TempFiles), and the lock held around
        #: its rename into place, so that a quit's removal and the rename never cross.
        self._temp: Path | None = None
        self._placing = threading.Lock()

    def stop(self) -> None:
        """Stop it at its next safe point (from any thread)."""
        self._stop.set()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def stop_point(self) -> None:
        """Called by the export between its steps: raises ExportStopped once stopped."""
        if self._stop.is_set():
            raise ExportStopped

    def made(self, temp: Path) -> None:
        """Its temp file, made (TempFiles): removed by `remove_temp` if it outlives the wait;
        at once if that already ran (the quit's removal found none yet: made just after)."""
        with self._placing:
            if not self._stop.is_set():
                self._temp = temp
                return
        with contextlib.suppress(OSError):  # (its write goes on, to no name; never placed)
            temp.unlink()

    @contextlib.contextmanager
    def placing(self) -> Iterator[None]:
        """Held around its rename into place (TempFiles): once stopped, never renamed, as its
        temp file may be gone or half written."""
        with self._placing:
            self.stop_point()
            yield
            self._temp = None

    def remove_temp(self) -> None:
        """Its temp file removed now, from another thread (the quit's, once the wait for it ran
        out): stopped first, it is never renamed into place afterwards."""
        self.stop()
        with self._placing:
            temp, self._temp = self._temp, None
        if temp is not None:
            try:
                temp.unlink()
            except FileNotFoundError:
                pass
            except OSError as error:
                log.warning("the export's temp file %s could not be removed: %s", temp, error)

    def when_ended(self, callback: Callable[[], None]) -> None:
        """Call `callback` once it ended (from its thread), at once if it has."""
        with self._lock:
            if self.outcome is None:
                self._on_end.append(callback)
                return
        callback()

    def _ended(self, outcome: ExportWritten | Exception) -> None:
        with self._lock:
            self.outcome = outcome
            callbacks, self._on_end = self._on_end, []
        for callback in callbacks:
            with contextlib.suppress(RuntimeError):  # (its receiver deleted meanwhile)
                callback()


#: The exports under way, whichever window started them (one rebuilt for a new language
#: leaves its export running): quitting waits for them.
_running: list[RunningExport] = []
_running_lock = threading.Lock()


def running_exports(journal: Journal | None = None) -> list[RunningExport]:
    """The exports under way (of `journal` only, when given)."""
    with _running_lock:
        return [run for run in _running if journal is None or run.asked.journal is journal]


#: How long the app's end waits for an export it stopped, in seconds: one can only stop between
#: two of its steps, and reading a journal of years, or writing on a slow disk, is one step.
STOP_WAIT_S = 10.0


def stop_exports(journal: Journal | None = None, wait_s: float | None = None) -> None:
    """Stop the exports under way (of `journal` only, when given) and wait for their threads
    to end, each having removed its temp file: the app's end, whatever ended it. The temp
    file of one still busy after `wait_s` (STOP_WAIT_S) is removed here: no temp file outlives
    the process (its daemon thread ends with it)."""
    exports = running_exports(journal)
    for export in exports:
        export.stop()
    for export in exports:
        if export.thread is not None:
            export.thread.join(STOP_WAIT_S if wait_s is None else wait_s)
            if export.thread.is_alive():
                log.warning("the journal's export to %s did not stop in time", export.asked.path)
                export.remove_temp()


def _export(running: RunningExport, carrier: ExportEnded) -> None:
    outcome: ExportWritten | Exception
    try:
        outcome = write(running.asked, running.stop_point, running)
    except ExportStopped as stopped:
        log.info("the journal's export to %s was stopped", running.asked.path)
        outcome = stopped
    except Exception as error:  # said by the window, as the export failing
        if not isinstance(error, OSError):
            log.exception("the journal could not be exported")
        outcome = error
    with _running_lock:
        _running.remove(running)
    # RuntimeError: the window was closed meanwhile and nobody waits for this outcome.
    with contextlib.suppress(RuntimeError):
        carrier.ended.emit(outcome)
    # After: the window says how it ended before a quit waiting for it goes on.
    running._ended(outcome)


def write(
    asked: ExportAsked,
    stop: Callable[[], None] | None = None,
    temps: TempFiles | None = None,
) -> ExportWritten:
    """The export, as the window asks for it (in the thread); `stop` is called between its
    steps and raises to stop it there (nothing written, no temp file left); `temps` is told of
    its temp file, and asked before its rename (core.fileio.TempFiles)."""
    journal = asked.journal
    # The whole journal's verdict now, as the JSON export states it (and with it).
    verdict = journal.verify(stop=stop)
    if stop is not None:
        stop()  # (the CSV or JSON's temp file lives a moment only: not stopped once begun)
    if asked.fmt == "csv":
        count = journal.export_csv(
            asked.path,
            delimiter=asked.csv_delimiter,
            bom=True,
            readable=asked.readable,
            temps=temps,
            **asked.filters,
        )
        return ExportWritten(count, verdict)
    if asked.fmt == "zip":
        from consentinel.core.evidence_bundle import write_bundle

        bundle = write_bundle(
            journal,
            asked.path,
            asked.evidence_dir,
            verdict=verdict,
            stop=stop,
            temps=temps,
            **asked.filters,
        )
        return ExportWritten(bundle.entries, verdict, bundle)
    count = journal.export_json(asked.path, verdict=verdict, temps=temps, **asked.filters)
    return ExportWritten(count, verdict)


def failure_words(error: object) -> str:
    """An export's failure in a sentence (the journal window's words, in its context)."""
    from consentinel.core.fileio import StorageError, describe_os_error

    translate = QCoreApplication.translate
    if isinstance(error, ExportStopped):
        return translate("JournalWindow", "The export was stopped: nothing was written.")
    if isinstance(error, StorageError):
        # A whole sentence already ("Could not save …: the disk is full.").
        return translate("JournalWindow", "The export failed. {problem}").replace(
            "{problem}", str(error)
        )
    problem = describe_os_error(error) if isinstance(error, OSError) else str(error)
    return translate("JournalWindow", "The export failed: {problem}").replace("{problem}", problem)


def written_words(asked: ExportAsked, written: ExportWritten) -> list[str]:
    """What the file holds, a line each: how many entries, whether the whole journal, its
    verdict (the journal window's words, in its context)."""
    from consentinel.core.journal_verify import problems_in_short

    translate = QCoreApplication.translate
    count, verdict, filters = written.count, written.verdict, asked.filters
    lines = [
        (
            translate("JournalWindow", "1 entry written to {path}")
            if count == 1
            else translate("JournalWindow", "{count} entries written to {path}")
        )
        .replace("{count}", str(count))
        .replace("{path}", str(asked.path))
    ]
    if written.bundle is not None:
        lines += _bundle_words(written.bundle)
    searched = "search" in filters
    if searched and len(filters) > 1:
        lines.append(
            translate(
                "JournalWindow",
                "The file holds the entries the search and the filters show, not the whole "
                "journal.",
            )
        )
    elif searched:
        lines.append(
            translate(
                "JournalWindow",
                "The file holds the entries the search finds, not the whole journal.",
            )
        )
    elif filters:
        lines.append(
            translate(
                "JournalWindow",
                "The file holds the entries the filters show, not the whole journal.",
            )
        )
    if not verdict.ok:
        lines.append(
            (
                translate(
                    "JournalWindow",
                    "The journal does not verify: {problem} The CSV holds no verdict; "
                    "Export JSON… keeps it with the entries.",
                )
                if asked.fmt == "csv"
                else translate(
                    "JournalWindow",
                    "The journal does not verify: {problem} The file says so, with every "
                    "problem found.",
                )
            ).replace("{problem}", problems_in_short(verdict))
        )
    return lines


def _bundle_words(bundle: BundleWritten) -> list[str]:
    """How many screenshots a bundle holds, and each one missing or changed."""
    translate = QCoreApplication.translate
    shots = bundle.included
    lines = [
        translate("JournalWindow", "No screenshot is named by these entries.")
        if not bundle.shots
        else translate("JournalWindow", "With 1 screenshot.")
        if shots == 1
        else translate("JournalWindow", "With {count} screenshots.").replace("{count}", str(shots))
    ]
    if bundle.problems:
        lines.append(
            translate(
                "JournalWindow",
                "Not every screenshot is in it as it was taken (its README says so too): "
                "{problems}",
            ).replace("{problems}", " ".join(bundle.problems))
        )
    return lines


def export_in_thread(asked: ExportAsked, carrier: ExportEnded) -> RunningExport:
    """The export, in a daemon thread: quitting waits for it or stops it (gui/export_waiting,
    AppController.shutdown); a process killed meanwhile leaves the file chosen whole or not
    there."""
    running = RunningExport(asked)
    running.thread = threading.Thread(
        target=_export, args=(running, carrier), daemon=True, name="journal-export"
    )
    with _running_lock:
        _running.append(running)
    running.thread.start()
    return running
