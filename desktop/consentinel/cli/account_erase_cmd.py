"""`consentinel account erase-history`, and `account remove --erase-history`: one account's
history erased from the journal, its screenshots deleted (core/journal_erasure)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from consentinel.cli.context import answered_yes, open_context, parse_handle, stdin_is_terminal
from consentinel.cli.errors import UsageError
from consentinel.core.i18n import tr

if TYPE_CHECKING:
    from consentinel.core.context import AppContext
    from consentinel.core.history_eraser import StillAnAccount
    from consentinel.core.journal_erasure import Erasure


def add_erase_verb(verbs: Any) -> None:
    erase = verbs.add_parser(
        "erase-history",
        help=tr("erase a removed account's history from the journal, and its screenshots"),
        description=tr(
            "For an account already removed (someone who left, or who asked for their data "
            "to be erased): its journal entries are emptied and its screenshots deleted, for "
            "good. The journal still verifies, and says that an account's history was erased "
            "and how much, without naming it. Exports and bundles written before still hold it."
        ),
    )
    erase.add_argument("handle", metavar=tr("HANDLE"), help=tr("a removed account"))
    erase.add_argument(
        "-y", "--yes", action="store_true", help=tr("do not ask first (needed without a terminal)")
    )
    erase.set_defaults(handler=_erase)


def _erase(args: argparse.Namespace) -> int:
    from consentinel.core.journal_erasure import history_of

    handle = parse_handle(args.handle)
    ctx = open_context()
    refuse_unless_erasable(ctx, handle)
    found = history_of(ctx.journal, handle)
    if not found.entries and not found.screenshots:
        print(tr("The journal holds no history of @{handle}: nothing to erase.", handle=handle))
        return 0
    if not args.yes and not confirm_erasure(handle, found):
        return 1
    say_erased(ctx, handle, erase_history_of(ctx, handle))
    return 0


def refuse_unless_erasable(ctx: AppContext, handle: str) -> None:
    """UsageError when `handle` is still an account: listed, or lost by the list (its secrets
    are still in the keyring, and the journal alone names it)."""
    from consentinel.core.history_eraser import StillAnAccount, check_erasable

    try:
        check_erasable(ctx, handle)
    except StillAnAccount as still:
        raise UsageError(refusal(still)) from None


def refusal(still: StillAnAccount) -> str:
    """Why it is not erased, with the commands to do it (core/history_eraser: the window says
    the same with its own ways)."""
    return still.describe()


def what_erasing_does(found: Erasure, handle: str | None = None) -> str:
    """What erasing does: of `handle`'s history, else of "its" (said after naming it)."""
    from consentinel.core.evidence_bundle import entries_count, screenshots_count

    counts = {
        "entries": entries_count(found.entries),
        "screenshots": screenshots_count(found.screenshots),
    }
    if handle is not None:
        return tr(
            "The history of @{handle} is erased from the journal for good: {entries}, "
            "{screenshots}. The journal says that an account's history was erased, without "
            "naming it.",
            handle=handle,
            **counts,
        )
    return tr(
        "Its history is erased from the journal for good: {entries}, {screenshots}. The "
        "journal says that an account's history was erased, without naming it.",
        **counts,
    )


def confirm_erasure(handle: str, found: Erasure) -> bool:
    """Asked at a terminal (nothing brings the history back); without one, --yes says it."""
    consequence = what_erasing_does(found, handle)
    if not stdin_is_terminal():
        raise UsageError(consequence + " " + tr("No terminal to ask on: add --yes to erase it."))
    print(consequence, file=sys.stderr)
    return answered_yes(tr("Erase it? [y/N] "), tr("Nothing was erased."))


def erase_history_of(ctx: AppContext, handle: str, *, locked: bool = False) -> Erasure:
    """`locked`: the caller holds the run lock (see `no_check_running`)."""
    from consentinel.core.data_eraser import CheckRunning
    from consentinel.core.history_eraser import StillAnAccount, erase_account_history
    from consentinel.core.journal import JournalError

    try:
        return erase_account_history(ctx, handle, locked=locked)
    except CheckRunning:
        raise UsageError(check_running()) from None
    except StillAnAccount as still:
        raise UsageError(refusal(still)) from None
    except JournalError as error:
        raise UsageError(str(error)) from None


def check_running() -> str:
    return tr("A check is running: wait for it to end (or cancel it), then try again.")


def say_erased(ctx: AppContext, handle: str, done: Erasure) -> None:
    from consentinel.core.evidence_bundle import entries_count, screenshots_count

    print(
        tr(
            "Erased the history of @{handle} from the journal: {entries}, {screenshots}.",
            handle=handle,
            entries=entries_count(done.entries),
            screenshots=screenshots_count(done.screenshots),
        )
    )
    for name in done.not_deleted:
        print(
            tr(
                "The screenshot {name} could not be deleted: delete it yourself from the "
                "evidence folder.",
                name=name,
            ),
            file=sys.stderr,
        )
    if ctx.journal.erased_bytes_pending and not ctx.journal.fold_erased():
        print(
            tr(
                "Another Consentinel window or check was reading the journal: the erased "
                "history stays in the journal's write-ahead file until that read ends; "
                "Consentinel empties it then."
            ),
            file=sys.stderr,
        )
    if done.logs_left:
        print(
            tr(
                "Its lines could not be taken out of these log files: {names}, in {folder}. "
                "Delete those files yourself.",
                names=", ".join(done.logs_left),
                folder=str(ctx.paths.logs_dir),
            ),
            file=sys.stderr,
        )
        print(
            tr(
                "Exports, bundles, backups and copies of the data folder made before still "
                "hold it: delete those too."
            )
        )
        return
    print(
        tr(
            "Its lines in Consentinel's log files were removed too. Exports, bundles, backups "
            "and copies of the data folder made before still hold it: delete those too."
        )
    )
