"""An account's last check as `account list` says it: the one the window's row shows.

The accounts file remembers each check as it ends (AccountCheck._last_check_in_list), after its
journal entry. A check whose process was killed while unticking is journaled by the next
process that opens the journal to write it (Journal.interrupt_stale_runs), which does not write
the accounts file then (it would wait for another process holding the list); its entry is then
newer than what the file remembers, and it is the account's last check. Until then, a command
that only looks (which marks nothing) finds it from the mark its untick left
(core/pending_unticks.py) and says it as that entry will (`killed_while_unticking`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from consentinel.core.status import Reason, Status, reason_named

if TYPE_CHECKING:
    from consentinel.core.accounts import AccountState
    from consentinel.core.journal import Journal


def with_last_check(
    state: AccountState,
    handle: str,
    journal: Journal,
    killed: Mapping[str, datetime] | None = None,
) -> AccountState:
    """`state` with the account's last check, status and reason taken from its journal entry
    when that entry is newer than what the accounts file remembers; or, newer still, from its
    check killed while unticking and not journaled yet (`killed`, by handle key:
    `killed_while_unticking`), as the journal will say it."""
    from consentinel.core.accounts import handle_key

    entry = journal.last_check(handle)
    if entry is not None and (state.last_check_at is None or entry.at > state.last_check_at):
        status, reason = outcome_of(entry.payload)
        state = state._replace(last_check_at=entry.at, last_status=status, last_reason=reason)
    at = (killed or {}).get(handle_key(handle))
    if at is not None and (state.last_check_at is None or at > state.last_check_at):
        state = state._replace(
            last_check_at=at, last_status=Status.ERROR, last_reason=Reason.CANCELLED
        )
    return state


def clock_offset_of_last_check(
    state: AccountState, handle: str, journal: Journal | None
) -> int | None:
    """By how many seconds this computer's clock was off X's (its time less X's) at the
    account's last check, `state` being as with_last_check gives it, when X refused its 2FA
    code for that clock: read from the check's journal entry (its detail_code), as the window's
    row says it; without the journal, from the step a scheduled check remembers it waits for.
    None for any other last check."""
    from consentinel.core.clock_offset import offset_in_check, offset_in_detail

    if (state.last_status, state.last_reason) != (Status.NEEDS_USER, Reason.TWO_FACTOR):
        return None  # (a newer check, or one killed while unticking, says nothing of the clock)
    if journal is None:
        return offset_in_detail(state.waits_detail)
    entry = journal.last_check(handle)
    return offset_in_check(entry.payload) if entry is not None else None


def killed_while_unticking(journal: Journal) -> dict[str, datetime]:
    """The accounts whose check was killed while unticking (SIGKILL, a power cut) and is not
    journaled yet, by handle key, with when its untick began: the marks left by runs still
    "running" whose process is gone, read without writing anything. Each is the check
    Journal.interrupt_stale_runs journals (status error, reason cancelled) when the app or a
    check next opens the journal, when that one is to be the account's last check (its mark
    has the boxes, no later run checked it, it was not removed since)."""
    from consentinel.core.accounts import handle_key
    from consentinel.core.pending_unticks import FOLDER_NAME, left_by

    runs = journal.runs_of_gone_processes()
    if not runs:
        return {}
    found: dict[str, datetime] = {}
    for pending in left_by(journal.path.parent / FOLDER_NAME, runs, tidy=False):
        if not pending.settings or not journal.would_be_last_check(pending.handle, pending.run_id):
            continue
        try:
            at = datetime.fromtimestamp(pending.path.stat().st_mtime, timezone.utc)
        except OSError:  # (journaled meanwhile: its entry is read next time)
            continue
        key = handle_key(pending.handle)
        found[key] = max(at, found.get(key, at))
    return found


def outcome_of(payload: dict[str, Any]) -> tuple[Status, Reason | None]:
    """How a check entry says its check ended; one another version wrote, as best known (an
    unknown status is an error, an unknown reason none)."""
    try:
        status = Status(payload.get("status"))
    except ValueError:
        status = Status.ERROR
    return status, reason_named(payload.get("reason"))
