"""Writing the journal out as JSON or CSV, to a file or a stream (stdout for the CLI)."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import stat
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from consentinel import APP_NAME, __version__
from consentinel.core.fileio import StorageError, atomic_write_text
from consentinel.core.i18n import tr
from consentinel.core.journal_entries import GENESIS_HASH, EntryKind, canonical_json

if TYPE_CHECKING:
    from consentinel.core.fileio import TempFiles
    from consentinel.core.journal import Journal
    from consentinel.core.journal_entries import Entry, VerifyResult

CSV_COLUMNS = ("id", "ts", "run_id", "kind", "handle", "summary", "payload", "prev_hash", "hash")


class EntrySearch(NamedTuple):
    """A search the entries were also chosen by (the journal window's, in its words): what
    was typed, said in the JSON export's filters, and which entries it finds."""

    text: str
    finds: Callable[[Entry], bool]


class ReadableColumns(NamedTuple):
    """Columns a person reads, before the ones above (the window's export, for a spreadsheet):
    their titles, and each entry's words in them, in the person's language."""

    titles: Sequence[str]
    words: Callable[[Entry], Sequence[str]]


@contextlib.contextmanager
def _sink(target: Path | str | IO[str], temps: TempFiles | None = None) -> Iterator[IO[str]]:
    """A stream: the caller's, or a buffer written atomically (0600) to the path at the end
    (`export_target`'s: never in place of what is not a file), its temp file told to `temps`."""
    if isinstance(target, (str, Path)):
        path = export_target(Path(target))
        buffer = io.StringIO(newline="")
        yield buffer
        atomic_write_text(path, buffer.getvalue(), temps)
    else:
        yield target


def export_target(path: Path) -> Path:
    """The file an export to `path` is written to: `path`, or the file a link there points to
    (the link is kept, and its file replaced). StorageError when something else is there: a
    device (`/dev/full`), a pipe, a folder, a link to one of these or to nothing. A file
    written in its place would replace it (a device node, a link), and say "written"."""
    if not os.path.lexists(path):
        return path
    real = Path(os.path.realpath(path))
    try:
        regular = stat.S_ISREG(os.stat(real).st_mode)
    except OSError:
        regular = False  # (a link to nothing, or a loop)
    if regular:
        return real
    raise StorageError(
        tr(
            "{path} is not a file (a device, a folder, a pipe, or a link to none of them or to "
            "nothing): an export would be written in its place. Choose a file's name.",
            path=path,
        )
    )


#: The JSON export's `version`: 1, or 2 for the export of a journal with an erased history.
EXPORT_VERSION = 1
ERASED_EXPORT_VERSION = 2
#: The kinds of entries an erasure leaves.
_ERASURE_KINDS = frozenset({EntryKind.ERASED, EntryKind.HISTORY_ERASED})

#: How each entry's hash is made, for whoever checks an export without Consentinel.
HASH_RECIPE = (
    "hash = hex SHA-256 of the UTF-8 bytes of prev_hash followed by the canonical JSON of "
    '{"handle", "id", "kind", "payload", "run_id", "ts"} (keys sorted, separators "," and ":" '
    "with no spaces, non-ASCII characters as they are); each entry's prev_hash is the hash of "
    f"the entry before it, the first one's is {GENESIS_HASH[:8]}… (64 zeros)."
)


def write_json(
    journal: Journal,
    target: Path | str | IO[str],
    *,
    verdict: VerifyResult | None = None,
    search: EntrySearch | None = None,
    temps: TempFiles | None = None,
    **filters: Any,
) -> int:
    """The entries, what they were chosen by, and the whole journal's verdict and head, as one
    JSON document (documented in docs/journal-export.md); returns the entry count. `verdict`:
    journal.verify()'s, taken just before by a caller that says it too (else taken here);
    `search`: only the entries it finds, and its text among the filters; `temps`: see
    TempFiles."""
    text, count, _verdict = json_document(journal, verdict=verdict, search=search, **filters)
    with _sink(target, temps) as out:
        out.write(text)
    return count


def json_document(
    journal: Journal,
    *,
    verdict: VerifyResult | None = None,
    search: EntrySearch | None = None,
    **filters: Any,
) -> tuple[str, int, VerifyResult]:
    """`write_json`'s document as text, its entry count, and the whole journal's verdict (as
    found, before another account's screenshots are left unnamed). The entries, the head and
    the verdict are the journal of one moment (one read transaction): an entry appended
    meanwhile (by the scheduled check) would otherwise be in the head and not among the
    entries, and the untouched file would read as edited."""
    with journal.snapshot() as chain:
        entries = _chosen(journal, search, filters)
        gone = journal.runs_of_gone_processes()
    count, last_hash = (int(chain.head[0]), str(chain.head[1])) if chain.head else (0, "")
    if verdict is None:
        verdict = journal.verdict_of(chain)
    whole = verdict
    chosen = {k: _plain(v) for k, v in filters.items() if v not in (None, (), [])}
    if chosen.get("handle"):
        verdict = _others_unnamed(journal, verdict, str(chosen["handle"]))
    if search is not None:
        chosen["search"] = search.text
    erased = bool(verdict.erasures) or any(e.kind in _ERASURE_KINDS for e in entries)
    document = {
        "format": "consentinel-journal",
        # 2 says an account's history was erased: a Consentinel from before, which would take
        # its emptied entries for edited ones, says it cannot read it. Else 1, as before.
        "version": ERASED_EXPORT_VERSION if erased else EXPORT_VERSION,
        "app": f"{APP_NAME} {__version__}",
        "exported_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        # The verdict is the whole journal's, checked at export time, not only these entries'.
        "verified": verdict.ok,
        "problem": verdict.problem,
        "problems": list(verdict.problems),
        # The erasures of an account's history the chain accepted: the entries they emptied
        # are vouched for in their place, no longer in what they held (with any verdict).
        "erasures": [
            {"entry": erasure.entry_id, "ts": erasure.ts, "entries": erasure.entries}
            for erasure in verdict.erasures
        ],
        "journal": {"entries": count, "last_hash": last_hash},
        # Only a complete export can be re-chained from its first entry to the head above.
        "complete": not chosen,
        "filters": chosen,
        # Runs of these entries still "running" whose process is gone (killed, a power cut):
        # the journal gets their run_interrupted entry when next opened to be written, which an
        # export does not do. Not in any entry: no hash covers it, as none covers "verified".
        "runs_interrupted_not_journaled": sorted(
            {e.run_id for e in entries if e.run_id is not None and e.run_id in gone}
        ),
        "hash_recipe": HASH_RECIPE,
        "entries": [entry.to_json() for entry in entries],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n", len(entries), whole


def write_csv(
    journal: Journal,
    target: Path | str | IO[str],
    *,
    delimiter: str = ",",
    bom: bool = False,
    readable: ReadableColumns | None = None,
    search: EntrySearch | None = None,
    temps: TempFiles | None = None,
    **filters: Any,
) -> int:
    """One row per entry (the payload as JSON in one column); returns the entry count.

    For a spreadsheet (the window's export): `bom`, so that Excel reads the file as UTF-8 and
    not as the system's code page (« Corrigé », not « CorrigÃ© »), the `delimiter` Excel
    splits columns on in the person's region (";" where numbers take a decimal comma), and
    `readable` columns first, which say each entry as the journal window does; `search`: only
    the entries it finds; `temps`: see TempFiles."""
    entries = _chosen(journal, search, filters)
    with _sink(target, temps) as out:
        if bom:
            out.write("\ufeff")
        writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
        writer.writerow([*(readable.titles if readable else ()), *CSV_COLUMNS])
        for e in entries:
            writer.writerow(
                [
                    *(readable.words(e) if readable else ()),
                    e.id,
                    e.ts,
                    e.run_id if e.run_id is not None else "",
                    e.kind.value,
                    e.handle or "",
                    e.summary(),
                    canonical_json(e.payload),  # as hashed: the row can be re-hashed
                    e.prev_hash,
                    e.hash,
                ]
            )
    return len(entries)


def _others_unnamed(journal: Journal, verdict: VerifyResult, handle: str) -> VerifyResult:
    """The whole journal's verdict, for one account's export: a problem with another account's
    screenshot is said without its file name, which names that account (an agency hands each
    client its own export). Another account's by the handle its evidence entry holds, not by
    whether the entry is exported: the account's own, left out by a kind, a date or a search,
    is still its own and named."""
    from consentinel.core.accounts import handle_key
    from consentinel.core.i18n import tr

    damaged = {id_ for id_, _problem in verdict.damaged}
    if not damaged:
        return verdict
    own = handle_key(handle)
    names = {
        Path(str(entry.payload.get("path") or "")).name
        for entry in journal.entries(kinds=[EntryKind.EVIDENCE])
        if entry.id in damaged and handle_key(entry.handle or "") != own
    } - {""}
    if not names:
        return verdict
    unnamed = tr("another account's screenshot")
    problems = list(verdict.problems)
    for name in names:
        problems = [problem.replace(f"({name})", f"({unnamed})") for problem in problems]
    return verdict.of(verdict.entry_count, problems, verdict.damaged, verdict.erasures)


def _chosen(journal: Journal, search: EntrySearch | None, filters: dict[str, Any]) -> list[Entry]:
    """The entries to export. A filtered export (a search, or filters) leaves out the entries
    an erasure emptied: they say nothing, and without the chain around them (a complete
    export's) they cannot be checked."""
    entries = journal.entries(**filters)
    if search is None and not any(v not in (None, (), []) for v in filters.values()):
        return entries
    kept = [e for e in entries if e.kind is not EntryKind.ERASED]
    return kept if search is None else [e for e in kept if search.finds(e)]


def _plain(value: Any) -> Any:
    """A filter's value as JSON can hold it (dates as ISO text, enums as their codes)."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    return value
