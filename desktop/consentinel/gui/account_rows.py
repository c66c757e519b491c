"""What the accounts table shows for each account, gathered from the stores (Qt-free)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

from consentinel.core.accounts import Account, AccountState
from consentinel.core.check_messages import x_answered_in
from consentinel.core.clock_offset import offset_in_check
from consentinel.core.context import AppContext
from consentinel.core.journal_entries import EntryKind, message_for_reader
from consentinel.core.last_check import outcome_of
from consentinel.core.status import SIGN_IN_REASONS, Box, Reason, Status, boxes_named
from consentinel.core.steps import Step

if TYPE_CHECKING:
    from consentinel.core.events import AccountResult  # loads with the first check


#: A row's boxes when nothing was read yet (one shared mapping, which nobody can change).
NO_BOXES: Mapping[Box, bool | None] = MappingProxyType({})


class AccountRow(NamedTuple):
    account: Account
    state: AccountState
    status: Status | None = None  # None: never checked
    reason: Reason | None = None
    boxes: Mapping[Box, bool | None] = NO_BOXES  # after the last check
    message: str = ""
    last_checked: datetime | None = None
    step: Step | None = None  # set while a check of this account is running
    #: The last check needed a person to sign in, and they since did (in the browser window):
    #: the row no longer says "needs you", and the next check reads the boxes again.
    signed_in_since: bool = False
    #: Boxes X's data holds as on that its page does not show (see AccountResult.hidden_on).
    hidden_on: frozenset[Box] = frozenset()
    #: A check that ended midway: what its sentence says before and after why it ended (the
    #: boxes it had unticked, the one it was unticking then), kept around the window's advice.
    around: tuple[str, str] = ("", "")
    #: Boxes the last check found X had switched back on (and unticked again).
    reverted: frozenset[Box] = frozenset()
    #: The last check ended on a wrong password, and the person saved a new one since: the
    #: next check signs in with it; nothing waits for them.
    new_password_since: bool = False
    #: The last check's 2FA code was refused for this computer's clock, this far off X's
    #: (seconds, this computer's time less X's: AccountResult.clock_offset_s); None: not so.
    clock_offset_s: int | None = None
    #: The last check did not reach X's page for X's own error (True: "X failing") or because
    #: X was not reached from here (False: "X unreachable"); None: neither, or not known (an
    #: entry of an earlier version). See AccountResult.x_answered.
    x_answered: bool | None = None


def _boxes_from(settings: object) -> dict[Box, bool | None]:
    boxes: dict[Box, bool | None] = {}
    if isinstance(settings, dict):
        for name, change in settings.items():
            try:
                box = Box(name)
            except ValueError:
                continue
            if isinstance(change, dict):
                boxes[box] = change.get("after")
    return boxes


def rows_for(
    ctx: AppContext,
    live: dict[str, AccountResult] | None = None,
    steps: dict[str, Step] | None = None,
) -> list[AccountRow]:
    """One row per account: the live result of this session's check if any, else the journal's
    last check entry."""
    live = live or {}
    steps = steps or {}
    rows = []
    for account, state in ctx.accounts.list_with_states():
        result = live.get(account.key)
        step = steps.get(account.key)
        if result is not None:
            rows.append(
                AccountRow(
                    account,
                    state,
                    result.status,
                    result.reason,
                    {box: change.after for box, change in result.settings.items()},
                    result.message,
                    state.last_check_at,
                    step,
                    _signed_in_since(ctx, account.handle, result.status, result.reason),
                    frozenset(result.hidden_on),
                    _around(result.to_json()) if result.midway is not None else ("", ""),
                    frozenset(result.reverted_by_x),
                    _new_password_since(ctx, account.handle, result.reason, state.last_check_at),
                    result.clock_offset_s,
                    result.network_x_answered,
                )
            )
            continue
        entry = ctx.journal.last_check(account.handle)
        if entry is None:
            rows.append(AccountRow(account, state, step=step))
            continue
        payload = entry.payload
        status, reason = outcome_of(payload)
        rows.append(
            AccountRow(
                account,
                state,
                status,
                reason,
                _boxes_from(payload.get("settings")),
                message_for_reader(payload) or _sentence_again(payload, account),
                entry.at,
                step,
                _signed_in_since(ctx, account.handle, status, reason),
                frozenset(boxes_named(payload.get("hidden_on"))),
                _around(payload) if "midway" in payload else ("", ""),
                frozenset(boxes_named(payload.get("reverted_by_x"))),
                _new_password_since(ctx, account.handle, reason, entry.at),
                offset_in_check(payload),
                x_answered_in(payload) if reason is Reason.NETWORK else None,
            )
        )
    return rows


def _around(payload: dict[str, Any]) -> tuple[str, str]:
    """A midway check's words before and after why it ended (loaded only for one)."""
    from consentinel.core.check_sentences import midway_parts

    return midway_parts(payload)


def _sentence_again(payload: dict[str, Any], account: Account) -> str:
    """A check journaled in another language (the schedule's): its sentence made again in the
    window's. Loaded only then: a start in one language does not pay for it (issue 7)."""
    if not payload.get("message"):
        return ""  # none was written: nothing to say again
    from consentinel.core.check_sentences import check_sentence

    return check_sentence(payload, account.handle, account.keep)


def _signed_in_since(ctx: AppContext, handle: str, status: Status, reason: Reason | None) -> bool:
    """After a check that needed a person's sign-in: did a sign-in succeed since that check?"""
    if status not in (Status.NEEDS_USER, Status.SIGNIN_FAILED) and reason not in SIGN_IN_REASONS:
        return False
    latest = ctx.journal.entries(handle=handle, kinds=[EntryKind.CHECK, EntryKind.SIGNIN], limit=1)
    return bool(
        latest and latest[0].kind is EntryKind.SIGNIN and latest[0].payload.get("outcome") == "ok"
    )


def _new_password_since(
    ctx: AppContext, handle: str, reason: Reason | None, checked_at: datetime | None
) -> bool:
    """After a check that X refused the password of: was a new one saved since that check?"""
    if reason is not Reason.WRONG_PASSWORD or checked_at is None:
        return False
    edits = ctx.journal.entries(handle=handle, kinds=[EntryKind.ACCOUNT_EDITED], since=checked_at)
    return any(edit.payload.get("new_password") for edit in edits)


def needs_you(row: AccountRow) -> bool:
    """The account waits for the person, as its row says: a step of X's sign-in only they
    can take, or a sign-in that failed; not once they signed in themselves or saved a new
    password since (the tray's "Show the accounts that need you")."""
    return (
        row.status in (Status.NEEDS_USER, Status.SIGNIN_FAILED)
        and row.reason is not Reason.CANCELLED
        and not row.signed_in_since
        and not row.new_password_since
    )


def held_for_person(row: AccountRow, at: datetime) -> bool:
    """A scheduled check at `at` cannot get into this account: its last check stopped at the
    sign-in, and the sign-in rules keep the schedule from trying again (a rejected password, a
    step only the person can take, X's refusal still holding then). So too while the person
    signs in with "Sign in yourself…" (`row.step` set): it holds until that sign-in has worked
    (`signed_in_since`); a check under way is said by the table before this is asked."""
    if row.signed_in_since or row.reason is None:
        return False
    if row.reason not in SIGN_IN_REASONS and row.reason is not Reason.UNKNOWN_ACCOUNT:
        return False
    return row.state.sign_in_held(at, unattended=True)
