"""`consentinel log`: read, export and verify the journal."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from consentinel.cli.context import open_context
from consentinel.cli.errors import UnreadableJournalError, UsageError
from consentinel.cli.journal_warning import warn_if_broken
from consentinel.core.i18n import tr
from consentinel.core.moments import moment_text

#: `log --verify` lists this many problems at most; the JSON export holds them all.
MAX_PROBLEMS_SHOWN = 20

if TYPE_CHECKING:
    from consentinel.core.context import AppContext
    from consentinel.core.evidence_bundle import Bundle
    from consentinel.core.journal import Journal


def add_parser(sub: Any) -> None:
    log = sub.add_parser("log", help=tr("show, export or verify the journal"))
    fmt = log.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help=tr("print the journal as JSON"))
    # Codes for scripts, in every language alike (`consentinel log` says entries in words).
    fmt.add_argument(
        "--csv",
        action="store_true",
        help=tr(
            "print the journal as CSV, for scripts: the journal's codes, the same in every "
            "language (`consentinel log` says each entry in yours)"
        ),
    )
    fmt.add_argument(
        "--bundle",
        metavar=tr("FILE"),
        help=tr(
            "write FILE, a ZIP readable by you alone: the JSON export, every screenshot its "
            "entries name and a README saying how to check them (with --account: that "
            "account's alone)"
        ),
    )
    # --verify checks the whole journal and prints a verdict: with a format, it would be ignored.
    fmt.add_argument(
        "--verify",
        action="store_true",
        help=tr(
            "check that the journal and its screenshots were not edited or truncated (the whole "
            "journal)"
        ),
    )
    fmt.add_argument(
        "--start-over",
        action="store_true",
        help=tr(
            "when the journal no longer verifies: keep it as it is, next to a new one that "
            "starts with an entry naming it"
        ),
    )
    # --check-export reads a file, not the journal: nothing else of the group goes with it.
    fmt.add_argument(
        "--check-export",
        metavar=tr("FILE"),
        help=tr(
            "check that FILE, a JSON export of the journal or an evidence bundle (.zip), is as "
            "it was written: every entry re-hashed and chained again, whatever the file says "
            "of itself (a bundle's screenshots too)"
        ),
    )
    # (--account and --output after the group's last option: argparse then draws the group as
    # [--json | --csv | --verify | --start-over | --check-export FILE], as the README does)
    log.add_argument("--account", metavar=tr("HANDLE"), help=tr("only this account"))
    log.add_argument(
        "-o",
        "--output",
        metavar=tr("FILE"),
        help=tr(
            "with --json or --csv: write FILE, readable by you alone, instead of printing (a "
            "file made by the shell's > is often readable by other users)"
        ),
    )
    log.add_argument(
        "--evidence",
        nargs="?",
        default=False,
        const=True,  # (--evidence alone: this computer's evidence folder)
        metavar=tr("FOLDER"),
        help=tr(
            "with --check-export: also check the screenshots it names, in FOLDER (without "
            "FOLDER: this computer's evidence folder)"
        ),
    )
    log.add_argument(
        "--against-journal",
        action="store_true",
        help=tr(
            "with --check-export: also check that each of its entries is the same in this "
            "computer's journal"
        ),
    )
    log.set_defaults(handler=_log)


def _log(args: argparse.Namespace) -> int:
    from consentinel.core.accounts import InvalidHandle, normalize_handle

    handle = None
    if args.account is not None:  # `--account "$H"` with H empty is a mistake, not "all"
        try:
            handle = normalize_handle(args.account)
        except InvalidHandle as error:
            raise UsageError(str(error)) from None
    if args.output is not None and not (args.json or args.csv):
        raise UsageError(tr("--output writes an export: add --json or --csv."))
    if args.check_export is not None:
        if handle is not None:
            raise UsageError(
                tr("--check-export checks the whole file: --account does not go with it.")
            )
        return _check_export(args)
    if args.evidence is not False or args.against_journal:
        option = "--evidence" if args.evidence is not False else "--against-journal"
        raise UsageError(tr("{option} goes with --check-export FILE.", option=option))
    replacing = False
    if args.output is not None:
        _refuse_own_files(args.output)
        replacing = _usable_output(args.output)
    if args.bundle is not None:
        return _bundle(args.bundle, handle)
    try:
        ctx = open_context(read_only=not args.start_over)
    except UnreadableJournalError as error:
        if not args.verify or error.why not in ("damaged", "newer"):
            raise
        return _unreadable_verdict(error)
    journal = ctx.journal
    if args.start_over:
        return _start_over(ctx)
    if args.verify:
        if handle:
            print(
                tr("--verify checks the whole journal, every account's entries."), file=sys.stderr
            )
        verdict = journal.verify()
        if verdict.ok:
            count = verdict.entry_count
            if count == 0:
                print(tr("The journal is intact: no entries yet."))
            elif count == 1:
                print(tr("The journal is intact: 1 entry, chain verified."))
            else:
                print(tr("The journal is intact: {count} entries, chain verified.", count=count))
            if verdict.erasures:  # never only "intact": what it no longer vouches for
                from consentinel.core.journal_erasure import erasures_sentence

                print(erasures_sentence(verdict.erasures))
            from consentinel.core.journal_entries import EntryKind

            for restart in journal.entries(kinds=[EntryKind.JOURNAL_RESTARTED]):
                if not restart.payload.get("set_aside"):  # (nothing kept: `log` says why)
                    continue
                # Intact since it started over: say that a journal came before it.
                when = moment_text(restart.at)
                print(
                    tr(
                        "It started over on {when}: the journal before it was set aside as "
                        "{name}, next to it.",
                        when=when,
                        name=restart.payload.get("set_aside", "?"),
                    )
                )
            return 0
        if len(verdict.problems) == 1:
            print(tr("The journal does not verify: {problem}", problem=verdict.problem))
        else:
            print(
                tr(
                    "The journal does not verify: {count} problems.",
                    count=len(verdict.problems),
                )
            )
            from consentinel.core.journal_verify import problems_to_list

            listed, hidden = problems_to_list(verdict.problems, MAX_PROBLEMS_SHOWN)
            for problem in listed:
                print(f"  - {problem}")
            if hidden > 0:
                print(tr("  … and {more} more: export JSON to see them all.", more=hidden))
        return 1
    if args.json or args.csv:
        if handle is not None:
            _refuse_no_entry(journal, handle)
        target = Path(args.output) if args.output is not None else sys.stdout
        if args.json:
            count = journal.export_json(target, handle=handle)
        else:
            count = journal.export_csv(target, handle=handle)
        if args.output is not None:
            _say_written(count, args.output, replacing)
        if args.csv:  # (the JSON says it in its "verified" field)
            warn_if_broken(journal)
        return 0
    entries = journal.entries(handle=handle)
    if not entries:
        if handle:
            print(tr("The journal has no entry for @{handle}.", handle=handle))
        else:
            print(tr("The journal is empty."))
        return 0
    from consentinel.cli.log_words import entry_lines

    # A run whose process was killed is marked interrupted only by the next process that opens
    # the journal to write it; `log` writes nothing, and says it so meanwhile. (Not for one
    # account: a run's own entries, its end among them, name none.)
    gone = journal.runs_of_gone_processes() if handle is None else set()
    for line in entry_lines(entries, gone):
        print(line)
    warn_if_broken(journal)
    return 0


def _unreadable_verdict(error: UnreadableJournalError) -> int:
    """`log --verify` of a journal that cannot be read as it is: it does not verify (1), and
    what was found is said; the file is left where it is."""
    if error.why == "damaged":
        print(tr("The journal does not verify: its file is damaged."))
    else:
        print(tr("The journal does not verify: it was written by a newer Consentinel."))
    print(str(error), file=sys.stderr)
    return 1


def _check_export(args: argparse.Namespace) -> int:
    """`log --check-export FILE`: 0 when the export checks out, 1 when not, 2 when the file is
    not an export (or cannot be read). Opens the data folder only when asked to compare."""
    from consentinel.core.evidence_bundle import Bundle, is_bundle
    from consentinel.core.export_check import (
        NotAnExport,
        check_export,
        read_export,
        verdict_lines,
    )
    from consentinel.core.paths import AppPaths

    file = Path(args.check_export).expanduser()
    with contextlib.ExitStack() as closing:
        bundle: Bundle | None = None
        try:
            if is_bundle(file):
                bundle = closing.enter_context(Bundle(file))
                document = bundle.document
            else:
                document = read_export(file)
        except NotAnExport as error:
            raise UsageError(str(error)) from None
        except FileNotFoundError:
            raise UsageError(tr("{path} does not exist.", path=file)) from None
        except OSError as error:
            from consentinel.core.fileio import describe_os_error

            raise UsageError(
                tr("Could not read {path}: {cause}.", path=file, cause=describe_os_error(error))
            ) from None
        evidence = None
        if args.evidence is not False and bundle is not None:
            raise UsageError(
                tr(
                    "{path} is an evidence bundle: the screenshots it holds are checked, "
                    "--evidence does not go with it.",
                    path=file,
                )
            )
        if args.evidence is not False:
            # (--evidence alone: this computer's; `--evidence "$DIR"` with DIR empty: a mistake)
            named = AppPaths.from_env().evidence_dir if args.evidence is True else args.evidence
            if not named or not Path(named).expanduser().is_dir():
                raise UsageError(
                    tr(
                        "{folder} is not a folder: no screenshot can be checked there.",
                        folder=named or "''",
                    )
                )
            evidence = Path(named).expanduser()
        journal = None
        if args.against_journal:
            if not AppPaths.from_env().journal_path.exists():
                raise UsageError(
                    tr("This computer has no journal: there is nothing to compare the export with.")
                )
            journal = open_context(read_only=True).journal
        check = check_export(document, evidence_dir=evidence, bundle=bundle, journal=journal)
    for line in verdict_lines(check, MAX_PROBLEMS_SHOWN):
        print(line)
    return 0 if check.ok else 1


def _bundle(target: str, handle: str | None) -> int:
    """`log --bundle FILE [--account HANDLE]`: the export, its screenshots and a README in one
    ZIP; a screenshot missing or changed is said on standard error, what exists is written.
    Never over a file that exists: a bundle handed over is not replaced unawares."""
    from consentinel.core.evidence_bundle import entries_count, screenshots_count, write_bundle
    from consentinel.core.fileio import StorageError

    file = Path(target).expanduser()
    _refuse_own_files(target)
    if os.path.lexists(file):
        raise UsageError(
            tr("{path} exists already: choose another name, or remove it first.", path=target)
        )
    ctx = open_context(read_only=True)
    if handle is not None:
        _refuse_no_entry(ctx.journal, handle)
    try:
        # Exclusive: a file made there while this one was written is not replaced either.
        written = write_bundle(
            ctx.journal, file, ctx.paths.evidence_dir, exclusive=True, handle=handle
        )
    except FileExistsError:
        raise UsageError(
            tr("{path} exists already: choose another name, or remove it first.", path=target)
        ) from None
    except StorageError as error:
        raise UsageError(str(error)) from None
    print(
        tr(
            "{entries} and {shots} written to {path} (readable by you alone).",
            entries=entries_count(written.entries),
            shots=screenshots_count(written.included),
            path=target,
        )
    )
    if written.problems:
        print(
            tr("Not every screenshot is in it as it was taken (its README says so too):"),
            file=sys.stderr,
        )
        for problem in written.problems:
            print(f"  - {problem}", file=sys.stderr)
    if not written.verdict.ok:
        from consentinel.core.journal_verify import problems_in_short

        print(
            tr(
                "The journal does not verify: {problem} The bundle says so, with every "
                "problem found.",
                problem=problems_in_short(written.verdict),
            ),
            file=sys.stderr,
        )
    return 0


def _refuse_no_entry(journal: Journal, handle: str) -> None:
    """An export or a bundle of one account the journal has no entry for: a mistyped handle,
    most likely. Nothing is written (an empty file handed over would say "nothing happened")."""
    if not journal.entries(handle=handle, limit=1):
        raise UsageError(
            tr("The journal has no entry for @{handle}: nothing was written.", handle=handle)
        )


def _refuse_own_files(output: str) -> None:
    """An export never replaces the journal, the settings or anything else the app keeps."""
    from consentinel.core.export_place import own_files_problem
    from consentinel.core.paths import AppPaths

    problem = own_files_problem(output, AppPaths.from_env())
    if problem is not None:
        raise UsageError(problem)


def _usable_output(output: str) -> bool:
    """--output's file: refused before anything is read when it is not one (a device, a pipe,
    a folder, a link to none of them: the export would be written in its place); a link to a
    file is written through (the link kept). True when a file is there, which is replaced."""
    from consentinel.core.fileio import StorageError
    from consentinel.core.journal_export import export_target

    try:
        return os.path.lexists(export_target(Path(output)))
    except StorageError as error:
        raise UsageError(str(error)) from None


def _say_written(count: int, path: str, replacing: bool = False) -> None:
    if replacing and count == 1:
        print(
            tr(
                "1 entry written to {path} (readable by you alone), in place of the file that "
                "was there.",
                path=path,
            )
        )
    elif replacing:
        print(
            tr(
                "{count} entries written to {path} (readable by you alone), in place of the "
                "file that was there.",
                count=count,
                path=path,
            )
        )
    elif count == 1:
        print(tr("1 entry written to {path} (readable by you alone).", path=path))
    else:
        print(
            tr("{count} entries written to {path} (readable by you alone).", count=count, path=path)
        )


def _start_over(ctx: AppContext) -> int:
    """Keeps a journal that no longer verifies as it is and begins a new one (never for an
    intact journal: its chain would be cut for nothing)."""
    from consentinel.core.fileio import StorageError
    from consentinel.core.journal_verify import problems_in_short
    from consentinel.core.lock import RunLock

    verdict = ctx.journal.verify()
    if verdict.ok:
        print(tr("The journal is intact: there is nothing to start over."), file=sys.stderr)
        return 1
    lock = RunLock(ctx.paths.lock_path)
    if not lock.acquire(wait=False):
        print(
            tr("A check is running: start over once it has ended, so that it loses nothing."),
            file=sys.stderr,
        )
        return 1
    try:
        moved = ctx.start_journal_over(problems_in_short(verdict))
    except StorageError as error:
        print(tr("Nothing was changed: {problem}", problem=error), file=sys.stderr)
        return 1
    finally:
        lock.release()
    print(
        tr(
            "The journal that no longer verified is kept as it is, as {name} next to the new "
            "one (its screenshots stay in the evidence folder). The new journal starts with an "
            "entry that names it.",
            name=moved.name,
        )
    )
    return 0
