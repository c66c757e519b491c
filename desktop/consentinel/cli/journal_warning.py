"""What every command that prints or adds journal entries says when the journal does not
verify."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from consentinel.core.i18n import tr

if TYPE_CHECKING:
    from collections.abc import Collection

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
