"""Writing the journal out as JSON or CSV, to a file or a stream (stdout for the CLI)."""

from __future__ import annotations

import contextlib
import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from consentinel.core.fileio import atomic_write_text

if TYPE_CHECKING:
    from consentinel.core.journal import Journal

CSV_COLUMNS = ("id", "ts", "run_id", "kind", "handle", "summary", "payload", "prev_hash", "hash")


@contextlib.contextmanager
def _sink(target: Path | str | IO[str]) -> Iterator[IO[str]]:
    """A stream: the caller's, or a buffer written atomically (0600) to the path at the end."""
    if isinstance(target, (str, Path)):
        buffer = io.StringIO(newline="")
        yield buffer
        atomic_write_text(Path(target), buffer.getvalue())
    else:
        yield target


def write_json(journal: Journal, target: Path | str | IO[str], **filters: Any) -> int:
    """The entries and the verification verdict as one JSON document; returns the entry count."""
    entries = journal.entries(**filters)
    verdict = journal.verify()
    document = {
        "format": "consentinel-journal",
        "version": 1,
        "verified": verdict.ok,
        "problem": verdict.problem,
        "entries": [entry.to_json() for entry in entries],
    }
    with _sink(target) as out:
        json.dump(document, out, indent=2, ensure_ascii=False)
        out.write("\n")
    return len(entries)


def write_csv(journal: Journal, target: Path | str | IO[str], **filters: Any) -> int:
    """One row per entry (the payload as JSON in one column); returns the entry count."""
    entries = journal.entries(**filters)
    with _sink(target) as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for e in entries:
            writer.writerow(
                [
                    e.id,
                    e.ts,
                    e.run_id if e.run_id is not None else "",
                    e.kind.value,
                    e.handle or "",
                    e.summary(),
                    json.dumps(e.payload, sort_keys=True, ensure_ascii=False),
                    e.prev_hash,
                    e.hash,
                ]
            )
    return len(entries)
