"""What every command that prints or adds journal entries says when the journal does not
verify."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from consentinel.core.i18n import tr

if TYPE_CHECKING:
    from collections.abc import Collection

    from consentinel.core.context import AppContext
    from consentinel.core.events import RunResult
    from consentinel.core.journal import Journal


def warn_if_broken(
    journal: Journal, then: str = "", *, read_shots_of: Collection[int] | None = None
) -> None:
    """What was printed (or just added) may sit among edited entries: say so on standard
    error, where it cannot be missed (--json says it in its "verified" field, --verify in its
    exit code), followed by `then`. `read_shots_of`: see `Journal.verify`."""
    verdict = journal.verify(read_shots_of=read_shots_of)
    if not verdict.ok:
        from consentinel.core.journal_verify import problems_in_short

        problem = tr("The journal does not verify: {problem}", problem=problems_in_short(verdict))
        print(f"{problem} {then}".strip(), file=sys.stderr)


#: What warn_if_broken adds after its problem, once a check's entries were added.
def entries_added_words() -> str:
    return tr(
        "This check's entries were added to it. `consentinel log --verify` says what is "
        "wrong; `consentinel log --start-over` keeps it aside and begins a new one."
    )


def carry_on_if_lost(ctx: AppContext, result: RunResult) -> tuple[RunResult, str | None]:
    """A check whose journal file went while it ran (its data folder deleted, the file
    deleted or replaced: `AppContext.journal_lost`), as the window does at its next tick: the
    journal at its place opened or begun (saying why it begins), the accounts listed entered
    in it, and this check's entries written again in it; said on standard error. Returns the
    result (its run's number in the journal now in use) and what warn_if_broken adds after a
    problem: None when the check's entries are in no journal it can verify (say nothing of
    the one that went)."""
    import dataclasses

    from consentinel.core.fileio import StorageError
    from consentinel.core.journal import JournalError

    loss = ctx.journal_lost()
    if loss is None:
        return result, entries_added_words()
    if loss == "folder":
        said = tr(
            "The data folder {folder} was deleted during this check, with the journal it was "
            "writing to.",
            folder=ctx.paths.data_dir,
        )
    elif loss == "deleted":
        said = tr("The journal {path} was deleted during this check.", path=ctx.paths.journal_path)
    else:
        said = tr(
            "Another journal took the place of {path} during this check.",
            path=ctx.paths.journal_path,
        )
    try:
        again = ctx.start_afresh(loss, result.run_id)
    except (StorageError, JournalError) as error:
        print(said, file=sys.stderr)
        print(
            tr(
                "No journal could be begun there ({error}): this check's entries are lost.",
                error=error,
            ),
            file=sys.stderr,
        )
        return result, None
    if again is None:
        print(said, file=sys.stderr)
        print(
            tr(
                "Consentinel goes on with the journal at its place, but this check's entries "
                "could not be written in it again: what it found is said above."
            ),
            file=sys.stderr,
        )
        return result, None
    if again.screenshots_gone:
        words = tr(
            "Consentinel goes on with the journal at its place, and this check's entries are "
            "written in it again, without the {count} screenshots it had taken before, which "
            "went with the folder.",
            count=again.screenshots_gone,
        )
    else:
        words = tr(
            "Consentinel goes on with the journal at its place, and this check's entries are "
            "written in it again."
        )
    print(f"{said} {words}", file=sys.stderr)
    then = tr(
        "This check's entries were written again in it. `consentinel log --verify` says what "
        "is wrong."
    )
    return dataclasses.replace(result, run_id=again.run_id), then
