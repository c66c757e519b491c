"""What a check stopped before its end (Ctrl-C, a shutdown) had done, said at the terminal: how
many accounts were checked, which are left for the next check, and on which a box was being
unticked (the next check reads those again)."""

from __future__ import annotations

from collections.abc import Sequence

from consentinel.core.events import AccountResult
from consentinel.core.i18n import tr
from consentinel.core.listing import in_words
from consentinel.core.status import Reason


def stopped_run_words(planned: Sequence[str], finished: Sequence[AccountResult]) -> list[str]:
    """The lines that sum up a stopped check of the accounts `planned` (in the run's order),
    of which `finished` ended (cancelled ones too, each as it ended)."""
    checked = {a.handle for a in finished if a.reason is not Reason.CANCELLED}
    left = [handle for handle in planned if handle not in checked]
    lines = [tr("Accounts checked: {done} of {total}.", done=len(checked), total=len(planned))]
    if len(left) == 1:
        lines.append(tr("Not checked, left for the next check: @{handle}.", handle=left[0]))
    elif left:
        lines.append(
            tr(
                "Not checked, left for the next check: {handles}.",
                handles=in_words([f"@{handle}" for handle in left]),
            )
        )
    cut = [a.handle for a in finished if a.reason is Reason.CANCELLED and _was_unticking(a)]
    if cut:
        lines.append(
            tr(
                "Stopped while unticking boxes on {handles}: the next check reads them again.",
                handles=in_words([f"@{handle}" for handle in cut]),
            )
        )
    return lines


def _was_unticking(result: AccountResult) -> bool:
    """A box it had clicked off: read back off, or not read back (X may have switched it off)."""
    return any(change.before and change.after is not True for change in result.settings.values())
