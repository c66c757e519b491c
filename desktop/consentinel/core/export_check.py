"""Checking a JSON export of the journal: its entries re-hashed and chained by the recipe, what
the file says of itself not trusted; and, when asked, its screenshots and this computer's
journal."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from consentinel.core.i18n import tr
from consentinel.core.journal_entries import (
    GENESIS_HASH,
    ErasureSeen,
    canonical_json,
    entry_hash,
)
from consentinel.core.journal_export import ERASED_EXPORT_VERSION, EXPORT_VERSION
from consentinel.core.json_keys import keys_written_twice, loads_noting_twice

if TYPE_CHECKING:
    from consentinel.core.evidence_bundle import Bundle
    from consentinel.core.journal import Journal

EXPORT_FORMAT = "consentinel-journal"
#: The versions of the JSON export this Consentinel reads (journal_export's: 2 for a journal
#: with an erased history, else 1). Neither is a claim checked: the entries are.
EXPORT_VERSIONS = (EXPORT_VERSION, ERASED_EXPORT_VERSION)

#: An entry's fields, as the export writes them, and what each must be to be hashed.
_ENTRY_FIELDS: dict[str, tuple[type, ...]] = {
    "id": (int,),
    "ts": (str,),
    "run_id": (int, type(None)),
    "kind": (str,),
    "handle": (str, type(None)),
    "payload": (dict, list, str, int, float, bool, type(None)),
    "prev_hash": (str,),
    "hash": (str,),
}


class NotAnExport(ValueError):
    """The file is not a JSON export this version reads: one sentence that names it."""


class ExportCheck(NamedTuple):
    """The verdict on an export, worked out again from its entries.

    `problems`: everything found, in words, the file's own claims first; none: it checks out.
    `notes`: sentences true whatever the verdict, said after it (what a filtered export cannot
    show; the screenshots and the journal compared, when they matched)."""

    complete: bool
    entry_count: int
    problems: tuple[str, ...]
    notes: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def read_export(path: Path) -> dict[str, Any]:
    """The export at `path`, as JSON. Raises OSError when it cannot be read, NotAnExport when
    it is not a journal export of the version this Consentinel reads."""
    return parse_export(path.read_bytes(), path)


def parse_export(data: bytes, path: Path | str) -> dict[str, Any]:
    """read_export() of bytes read already (an evidence bundle's export), `path` naming them."""
    try:
        # (an object holding a key twice is marked, and its entry said edited: _well_formed)
        document = loads_noting_twice(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise NotAnExport(
            tr("{path} is not a journal export: it is not JSON text.", path=path)
        ) from None
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        raise NotAnExport(
            tr(
                '{path} is not a journal export: Consentinel\'s JSON exports say "format": '
                '"{format}" (the CSV export cannot be checked this way).',
                path=path,
                format=EXPORT_FORMAT,
            )
        )
    version = document.get("version")
    if type(version) is not int or version not in EXPORT_VERSIONS:
        raise NotAnExport(
            tr(
                "{path} is a journal export of version {version}, which this Consentinel "
                "cannot read: it reads versions {known}.",
                path=path,
                version=canonical_json(version),
                known=", ".join(str(known) for known in EXPORT_VERSIONS),
            )
        )
    return document


def check_export(
    document: dict[str, Any],
    *,
    evidence_dir: Path | None = None,
    bundle: Bundle | None = None,
    journal: Journal | None = None,
) -> ExportCheck:
    """Re-hash every entry of `document` (read_export's) and re-chain them; with
    `evidence_dir`, compare the screenshots its evidence entries name with their hash; with
    `bundle` (the evidence bundle `document` is read from), the same with the screenshots it
    holds, and nothing else there; with `journal`, compare each entry with the journal's
    entry of that id."""
    problems: list[str] = []
    notes: list[str] = []
    complete, filters_problem = _completeness(document)
    if filters_problem:
        problems.append(filters_problem)
    raw_entries = document.get("entries")
    if not isinstance(raw_entries, list):
        problems.append(tr("the file holds no list of entries: it was edited."))
        raw_entries = []
    entries = _well_formed(raw_entries, problems)
    _walk(entries, complete, problems)
    head = document.get("journal")
    stated = _stated_head(head)
    if stated is None:
        problems.append(
            tr(
                "the file's journal head (its count of entries and last hash) is missing or "
                "damaged: the file was edited."
            )
        )
    elif complete:
        problem = _head_problem(len(raw_entries), entries, stated)
        if problem:
            problems.append(problem)
    problems[:0] = _claims(document, edited=bool(problems))
    erasures = [e for e in erasures_vouched(entries, complete)[1] if e.entries]
    if erasures:  # said whatever the verdict: what the chain no longer vouches for
        from consentinel.core.journal_erasure import erasures_sentence

        notes.insert(0, erasures_sentence(erasures))
    if not complete:
        notes.append(
            tr(
                "It is a filtered export ({filters}: {count} of the {total} entries its head "
                "says the journal held), so it cannot show that no entry was removed, added or "
                "moved between them, nor that they end at the journal's head.",
                filters=canonical_json(document.get("filters")),
                count=len(raw_entries),
                total=stated[0] if stated else "?",
            )
        )
    if evidence_dir is not None:
        _check_screenshots(entries, evidence_dir, None, problems, notes)
    elif bundle is not None:
        named = _check_screenshots(entries, bundle.path, bundle.read_screenshot, problems, notes)
        problems.extend(bundle.problems(named | _checks_shots(entries)))
    if journal is not None:
        _compare_with(journal, entries, complete, stated, problems, notes)
    return ExportCheck(complete, len(raw_entries), tuple(problems), tuple(notes))


def _completeness(document: dict[str, Any]) -> tuple[bool, str | None]:
    """Whether the file says it holds every entry, and a problem when that disagrees with its
    filters (an export is complete exactly when nothing chose its entries)."""
    complete, filters = document.get("complete"), document.get("filters")
    if not isinstance(complete, bool) or not isinstance(filters, dict):
        return False, tr(
            "the file does not say whether it holds every entry, or by what they were chosen: "
            "it was edited (its entries are checked as a filtered export's)."
        )
    if complete and filters:
        return False, tr(
            "the file says it holds every entry, yet names what they were chosen by: it was "
            "edited (its entries are checked as a filtered export's)."
        )
    if not complete and not filters:
        return True, tr(
            "the file says its entries were chosen by filters, yet names none: it was edited "
            "(its entries are checked as a complete export's)."
        )
    return complete, None


def _well_formed(raw: Sequence[object], problems: list[str]) -> list[dict[str, Any]]:
    """The entries that hold every field the recipe hashes, each of the right type; a problem
    for each other one (it cannot be re-hashed)."""
    found = []
    for position, entry in enumerate(raw, 1):
        wrong = (
            sorted(_ENTRY_FIELDS)
            if not isinstance(entry, dict)
            else [
                name
                for name, types in _ENTRY_FIELDS.items()
                if name not in entry
                or not isinstance(entry[name], types)
                or (isinstance(entry[name], bool) and bool not in types)
            ]
        )
        if wrong:
            problems.append(
                tr(
                    "entry number {position} of the file cannot be re-hashed ({fields}: "
                    "missing, or not what the format says): it was edited.",
                    position=position,
                    fields=", ".join(wrong),
                )
            )
            continue
        assert isinstance(entry, dict)
        extra = sorted(set(entry) - set(_ENTRY_FIELDS))
        if extra:
            problems.append(
                tr(
                    "entry {id} holds {fields}, which an export does not write and its hash "
                    "does not cover: it was edited.",
                    id=entry["id"],
                    fields=", ".join(extra),
                )
            )
        if keys_written_twice(entry):
            problems.append(
                tr(
                    "entry {id} holds a key twice, so that it can be read two ways: it was edited.",
                    id=entry["id"],
                )
            )
        found.append(entry)
    return found


def _walk(entries: Sequence[dict[str, Any]], complete: bool, problems: list[str]) -> None:
    """Each entry after the one before it, linked to it, and matching its hash. A complete
    export is one chain from 64 zeros; a filtered one is linked only where ids follow each
    other. After a break the walk goes on from the entry that broke it, so that each edited,
    removed or moved entry is named once, as the journal's own verify does."""
    from consentinel.core.journal_erasure import erasure_problem

    erased, erasures = erasures_vouched(entries, complete)
    wrong = {e.entry_id: erasure_problem(e) for e in erasures}
    before: dict[str, Any] | None = None
    for entry in entries:
        id_, prev_hash = entry["id"], entry["prev_hash"]
        problem = None
        if before is not None and id_ <= before["id"]:
            problem = tr(
                "entry {id} comes after entry {before} in the file: entries were moved.",
                id=id_,
                before=before["id"],
            )
        elif (before is None and (complete or id_ == 1)) and prev_hash != GENESIS_HASH:
            problem = tr(
                "the file's first entry ({id}) does not start the journal's chain: it was "
                "edited, or entries before it were removed.",
                id=id_,
            )
        elif before is not None and complete and prev_hash != before["hash"]:
            problem = tr(
                "entry {id} does not follow the one before it in the file (an entry was "
                "removed, moved or edited).",
                id=id_,
            )
        elif before is not None and id_ == before["id"] + 1 and prev_hash != before["hash"]:
            problem = tr(
                "entry {id} does not follow entry {before}, the one before it in the journal "
                "(one of them was edited).",
                id=id_,
                before=before["id"],
            )
        elif id_ not in erased and not _rehashes(entry):
            problem = tr("entry {id} was edited: it no longer matches its hash.", id=id_)
        elif wrong.get(id_):
            problem = wrong[id_]
        if problem is not None:
            problems.append(problem)
        before = entry


def erasures_vouched(
    entries: Sequence[dict[str, Any]], complete: bool
) -> tuple[set[int], list[ErasureSeen]]:
    """The erased entries (an account's history erased) a `history_erased` entry of the file,
    matching its hash, vouches for, as the journal's own verify reads them; and those
    erasures. A filtered export (not `complete`) leaves out the entries an erasure emptied:
    one it lists that the file does not hold is not missing (see vouched())."""
    from consentinel.core.journal_entries import EntryKind
    from consentinel.core.journal_erasure import Emptied, erased_by, erasures_seen

    erased: dict[int, Emptied] = {}
    erasures: dict[int, object] = {}
    times: dict[int, str] = {}
    for entry in entries:
        by = erased_by(entry["kind"], entry["handle"], entry["payload"])
        if by is not None:
            erased[int(entry["id"])] = Emptied(by, entry["ts"], entry["run_id"], str(entry["hash"]))
        elif entry["kind"] == EntryKind.HISTORY_ERASED.value and _rehashes(entry):
            erasures[int(entry["id"])] = entry["payload"]
            times[int(entry["id"])] = str(entry["ts"])
    held = None if complete else {int(entry["id"]) for entry in entries}
    return erasures_seen(erased, erasures, times, held)


def _rehashes(entry: dict[str, Any]) -> bool:
    made = entry_hash(
        entry["prev_hash"],
        entry["id"],
        entry["ts"],
        entry["run_id"],
        entry["kind"],
        entry["handle"],
        entry["payload"],
    )
    return made == str(entry["hash"])


def _stated_head(head: object) -> tuple[int, str] | None:
    if not isinstance(head, dict):
        return None
    count, last_hash = head.get("entries"), head.get("last_hash")
    if type(count) is not int or count < 0 or not isinstance(last_hash, str):
        return None
    return count, last_hash


def _head_problem(
    count: int, entries: Sequence[dict[str, Any]], stated: tuple[int, str]
) -> str | None:
    """A complete export ends at the head it states: as many entries, the last one its hash."""
    last_hash = entries[-1]["hash"] if entries else GENESIS_HASH
    if count != stated[0]:
        return tr(
            "the file holds {count} entries but the journal's head it states says {expected}: "
            "entries were removed from it or added to it, or its head was edited.",
            count=count,
            expected=stated[0],
        )
    if last_hash != stated[1]:
        return tr(
            "the file's last entry is not the one the journal's head it states names: its end "
            "was changed, or its head was edited."
        )
    return None


def _claims(document: dict[str, Any], *, edited: bool) -> list[str]:
    """What the file says of the journal it came from, against what its entries show: never
    believed, only reported when it says the journal did not verify, or when it says it did
    and the file shows otherwise."""
    verified, problem, listed = (
        document.get("verified"),
        document.get("problem"),
        document.get("problems"),
    )
    if verified is True:
        if edited:
            return [
                tr(
                    "the file says the journal verified when it was exported, but its entries "
                    "do not check out: the file was edited after it was written."
                )
            ]
        if problem is not None or listed not in ([], None):
            return [
                tr(
                    "the file says the journal verified when it was exported, yet names a "
                    "problem: the file was edited."
                )
            ]
        return []
    if verified is False:
        return [
            tr(
                "the file says the journal did not verify when it was exported: {problem}",
                problem=problem if isinstance(problem, str) and problem else tr("no reason given."),
            )
        ]
    return [
        tr(
            "the file does not say whether the journal verified when it was exported: it was "
            "edited."
        )
    ]


def _check_screenshots(
    entries: Sequence[dict[str, Any]],
    folder: Path,
    read: Callable[[str, Any], bytes | None] | None,
    problems: list[str],
    notes: list[str],
) -> set[str]:
    """The screenshots the evidence entries name, in `folder` (or given by `read`: a bundle's),
    as the journal's own verify compares them: missing, unreadable, or no longer the bytes
    whose hash the entry holds. Returns the names looked for."""
    from consentinel.core.evidence import check_evidence_files, check_screenshots
    from consentinel.core.journal_entries import EntryKind

    shots = [
        e
        for e in entries
        if e["kind"] == EntryKind.EVIDENCE.value
        and isinstance(e["payload"], dict)
        and isinstance(e["payload"].get("path"), str)
        and e["payload"]["path"]
    ]
    rows = [
        (e["id"], e["ts"], e["run_id"], e["kind"], e["handle"], canonical_json(e["payload"]))
        for e in shots
    ]
    found = check_evidence_files(rows, folder) if read is None else check_screenshots(rows, read)
    problems.extend(problem for _id, problem in found)
    names = {e["payload"]["path"] for e in shots}
    if found:
        return names
    unhashed = sum(1 for e in shots if not e["payload"].get("sha256"))
    if not shots:
        notes.append(tr("It names no screenshot."))
    elif len(shots) == 1 and unhashed:
        notes.append(
            tr(
                "The screenshot it names is in {folder}; its entry was written before "
                "screenshots were hashed, so it was only looked for.",
                folder=folder,
            )
        )
    elif len(shots) == 1:
        notes.append(
            tr(
                "The screenshot it names is in {folder}, as it was taken: its bytes match the "
                "hash its entry holds.",
                folder=folder,
            )
        )
    elif unhashed:
        notes.append(
            tr(
                "The {count} screenshots it names are in {folder}; those whose entry holds a "
                "hash match it, and {unhashed} were kept before screenshots were hashed: those "
                "were only looked for.",
                count=len(shots),
                folder=folder,
                unhashed=unhashed,
            )
        )
    else:
        notes.append(
            tr(
                "The {count} screenshots it names are in {folder}, as they were taken: their "
                "bytes match the hashes their entries hold.",
                count=len(shots),
                folder=folder,
            )
        )
    return names


def _checks_shots(entries: Sequence[dict[str, Any]]) -> set[str]:
    """The screenshots check entries name (a bundle holds them too; their entries hold no
    hash: the evidence entry of the same file does)."""
    from consentinel.core.journal_entries import EntryKind

    return {
        e["payload"]["evidence"]
        for e in entries
        if e["kind"] == EntryKind.CHECK.value
        and isinstance(e["payload"], dict)
        and isinstance(e["payload"].get("evidence"), str)
        and e["payload"]["evidence"]
    }


def _compare_with(
    journal: Journal,
    entries: Sequence[dict[str, Any]],
    complete: bool,
    stated: tuple[int, str] | None,
    problems: list[str],
    notes: list[str],
) -> None:
    """Each exported entry, field by field, against the journal's entry of the same id; when
    they differ and the journal was started over since the export was made, against the
    journal it set aside, if that one is still there."""
    found = _differences(journal, entries)
    if not found:
        notes.append(_same_in(journal, complete, stated))
        return
    restart = _started_over_since(journal, entries, stated)
    if restart is None:
        problems.extend(found)
        return
    when, kept = restart
    made_from = tr(
        "this export was made from the journal set aside on {when} (kept at {path}), not "
        "from this computer's journal",
        when=when,
        path=kept,
    )
    if not kept.is_file():
        problems.append(
            tr(
                "{made_from}; that journal is no longer there, so its entries could not be "
                "compared with it.",
                made_from=made_from,
            )
        )
        return
    from consentinel.core.fileio import StorageError
    from consentinel.core.journal import Journal

    try:
        old = Journal.open_read_only(kept)
    except StorageError as error:
        problems.append(
            tr(
                "{made_from}; that journal could not be read, so its entries could not be "
                "compared with it: {cause}",
                made_from=made_from,
                cause=error,
            )
        )
        return
    try:
        found = _differences(old, entries, set_aside=True)
        if found:
            problems.append(tr("{made_from}: it was compared with that one.", made_from=made_from))
            problems.extend(found)
        else:
            notes.append(
                tr(
                    "This export was made from the journal set aside on {when} (kept at {path}), "
                    "not from this computer's journal, which began by naming it.",
                    when=when,
                    path=kept,
                )
            )
            notes.append(_same_in(old, complete, stated, set_aside=True))
    finally:
        old.close()


def _differences(
    journal: Journal, entries: Sequence[dict[str, Any]], *, set_aside: bool = False
) -> list[str]:
    """What differs between the exported entries and `journal`'s of the same ids, in words
    (`set_aside`: `journal` is the one this computer's journal set aside)."""
    held = {entry.id: entry for entry in journal.entries()}
    found = []
    for entry in entries:
        mine = held.get(entry["id"])
        if mine is None:
            found.append(
                tr("the journal set aside has no entry {id}.", id=entry["id"])
                if set_aside
                else tr("this computer's journal has no entry {id}.", id=entry["id"])
            )
        elif canonical_json(mine.to_json()) != canonical_json(
            {field: entry[field] for field in _ENTRY_FIELDS}
        ):
            found.append(
                tr(
                    "the journal set aside holds another entry {id} than the file's.",
                    id=entry["id"],
                )
                if set_aside
                else tr(
                    "this computer's journal holds another entry {id} than the file's.",
                    id=entry["id"],
                )
            )
    return found


def _same_in(
    journal: Journal, complete: bool, stated: tuple[int, str] | None, *, set_aside: bool = False
) -> str:
    """The note when each exported entry is the same in `journal`."""
    more = journal.count() - stated[0] if complete and stated else 0
    if set_aside:
        if more > 0:
            return tr(
                "Each of its entries is the same in the journal set aside, which holds {more} "
                "more.",
                more=more,
            )
        return tr("Each of its entries is the same in the journal set aside.")
    if more > 0:
        return tr(
            "Each of its entries is the same in this computer's journal, which holds {more} "
            "more since.",
            more=more,
        )
    return tr("Each of its entries is the same in this computer's journal.")


def _started_over_since(
    journal: Journal, entries: Sequence[dict[str, Any]], stated: tuple[int, str] | None
) -> tuple[str, Path] | None:
    """When `journal` begins by naming a journal it set aside (`log --start-over`, or a file
    set aside at open) that the export was made from: when it was set aside (in words) and
    where it is kept. The export was made from it when the head it states is the one the
    start-over names, or when its entries are all older than the start-over (and no more than
    the set-aside journal held)."""
    from consentinel.core.journal_entries import EntryKind
    from consentinel.core.moments import moment_text

    restarts = journal.entries(kinds=[EntryKind.JOURNAL_RESTARTED])
    if not restarts or restarts[0].id != 1:
        return None
    restart = restarts[0]
    name = restart.payload.get("set_aside")
    if not isinstance(name, str) or not name or Path(name).name != name:
        return None
    count = restart.payload.get("set_aside_entries")
    last_hash = restart.payload.get("set_aside_last_hash")
    same_head = stated is not None and (count, last_hash) == stated
    try:
        newest = max((datetime.fromisoformat(e["ts"]) for e in entries), default=None)
        older = newest is not None and newest < restart.at
    except (TypeError, ValueError):
        older = False
    fits = stated is None or type(count) is not int or stated[0] <= count
    if not same_head and not (older and fits):
        return None
    return moment_text(restart.at), journal.path.with_name(name)


def verdict_lines(check: ExportCheck, at_most: int) -> list[str]:
    """The verdict as the CLI prints it and the journal window shows it: one sentence, the
    problems (`at_most` of them, then how many more), then the notes."""
    from consentinel.core.journal_verify import problems_to_list

    if check.ok:
        lines = [_checks_out(check)]
    elif len(check.problems) == 1:
        lines = [tr("The export does not check out: {problem}", problem=check.problems[0])]
    else:
        lines = [tr("The export does not check out: {count} problems.", count=len(check.problems))]
        listed, hidden = problems_to_list(check.problems, at_most)
        lines += [f"  - {problem}" for problem in listed]
        if hidden > 0:
            lines.append(tr("  … and {more} more.", more=hidden))
    return [*lines, *check.notes]


def _checks_out(check: ExportCheck) -> str:
    count = check.entry_count
    if not check.complete:
        return tr(
            "The export checks out as far as a filtered export can show: each of its entries "
            "({count}) re-hashes by the recipe, and follows the one before it where their ids "
            "follow each other.",
            count=count,
        )
    if count == 0:
        return tr("The export checks out: it holds no entry, as its head says.")
    if count == 1:
        return tr(
            "The export checks out: its one entry re-hashes by the recipe, starts the "
            "journal's chain and is the head it states."
        )
    return tr(
        "The export checks out: its {count} entries re-hash by the recipe and are chained "
        "from the journal's first entry to the head it states.",
        count=count,
    )
