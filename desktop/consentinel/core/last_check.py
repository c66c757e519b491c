"""An account's last check as `account list` says it: the one the window's row shows.

The accounts file remembers each check as it ends (AccountCheck._last_check_in_list), after its
journal entry. A check whose process was killed while unticking is journaled by the next
process that opens the journal (Journal.interrupt_stale_runs), which does not write the
accounts file then (it would wait for another process holding the list); its entry is then
newer than what the file remembers, and it is the account's last check.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from consentinel.core.status import Reason, Status, reason_named

if TYPE_CHECKING:
    from consentinel.core.accounts import AccountState
    from consentinel.core.journal import Journal


def with_last_check(state: AccountState, handle: str, journal: Journal) -> AccountState:
    """`state` with the account's last check, status and reason taken from its journal entry
    when that entry is newer than what the accounts file remembers."""
    entry = journal.last_check(handle)
    if entry is None or (state.last_check_at is not None and entry.at <= state.last_check_at):
        return state
    status, reason = outcome_of(entry.payload)
    return state._replace(last_check_at=entry.at, last_status=status, last_reason=reason)


def outcome_of(payload: dict[str, Any]) -> tuple[Status, Reason | None]:
    """How a check entry says its check ended; one another version wrote, as best known (an
    unknown status is an error, an unknown reason none)."""
    try:
        status = Status(payload.get("status"))
    except ValueError:
        status = Status.ERROR
    return status, reason_named(payload.get("reason"))
