"""The accounts table's order: what each column sorts by (not its words), and the order chosen,
kept between runs by window_memory.py. Qt-free."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from typing import NamedTuple

from consentinel.core.status import ALL_BOXES, Box, Reason, Status
from consentinel.gui.account_rows import AccountRow

#: Each column of the accounts table by a name that does not change with its place or words:
#: the order kept between runs names its column so.
COLUMN_NAMES: tuple[str, ...] = (
    "account",
    "status",
    *(box.value for box in ALL_BOXES),
    "last_check",
    "next_check",
)

#: A sort key: compared as tuples, so every key of one column has the same shape.
SortKey = tuple[float, float, str]


class SortChoice(NamedTuple):
    """The column the person sorted by (one of COLUMN_NAMES), and which way."""

    column: str
    descending: bool = False


def handle_key(row: AccountRow) -> SortKey:
    return (0, 0, row.account.handle.casefold())


def status_key(row: AccountRow, now: datetime) -> SortKey:
    """By how much the account needs the person: what needs them first, then the failed
    checks, a box a dry run left on, the waits, the checks under way, those not checked yet,
    then what only X can change or did (a box it keeps on unseen, boxes it had switched back
    on, off again), and last those whose boxes are off. As the status cell words it
    (AccountsTable)."""
    if row.step is not None:
        rank = 5
    elif row.signed_in_since or row.new_password_since:
        rank = 6
    elif row.status is None:
        rank = 4 if row.state.is_blocked(now) else 6
    elif row.status is Status.NEEDS_USER:
        rank = 0
    elif row.reason in (Reason.RATE_LIMITED, Reason.CANCELLED):
        rank = 4  # waiting as X asked, or stopped by the person: nothing found wrong
    elif row.status in (Status.SIGNIN_FAILED, Status.ERROR):
        rank = 1
    elif row.status is Status.WOULD_FIX:
        rank = 3  # a box a dry run left on
    elif row.hidden_on or row.reverted:
        rank = 7  # X's doing: nothing for the person to do (AccountsTable's HELD, "Off again")
    else:  # opted out, fixed
        rank = 8
    return (rank, 0, "")


def box_key(row: AccountRow, box: Box) -> SortKey:
    """A box still on that must be off first, then one X holds on without showing it, unknown,
    left on by choice, not shown, off. As the box's cell words it (AccountsTable)."""
    if row.status is None or box not in row.boxes:
        # X holds it on unseen; nothing read (no check reached the page); not shown.
        rank = 1 if box in row.hidden_on else (2 if not row.boxes else 4)
    else:
        value = row.boxes[box]
        if value is True:
            rank = 0 if box in row.account.keep else 3
        else:
            rank = 5 if value is False else 2
    return (rank, 0, "")


def time_key(when: datetime | None) -> SortKey:
    """By time; none (never checked) before any."""
    return (0, float("-inf") if when is None else when.timestamp(), "")


def sorted_rows(
    rows: list[AccountRow], keys: dict[str, list[SortKey]], choice: SortChoice | None
) -> list[int]:
    """The places of `rows` in the order `choice` asks for, each column's keys given row by row
    in `keys` (by column name); accounts that tie stay in their handles' order. None: as
    listed (the order they were added in)."""
    places = list(range(len(rows)))
    if choice is None or choice.column not in keys:
        return places
    by_handle = sorted(places, key=lambda i: rows[i].account.handle.casefold())
    column = keys[choice.column]
    # (Python's sort is stable, reversed too: ties keep their handles' order.)
    return sorted(by_handle, key=lambda i: column[i], reverse=choice.descending)


def folded(text: str) -> str:
    """`text` without case or accents: "Élodie" and "elodie" match."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def matches(row: AccountRow, wanted: str, status: str = "") -> bool:
    """Whether the filter's words (`wanted`, already `folded`) are in the account's handle as
    the table shows it, @handle (typed with the @, its beginning), or begin a word of its
    status as the table shows it (`status`, already `folded`): "mot de passe" finds "Mot de
    passe refusé", "2fa" "Code 2FA requis". (Consentinel keeps no other name of an account:
    the handle is the one it shows.) A word's beginning only, for the status: a few letters
    of a handle would otherwise bring rows of their own ("ed": every "Fixed", "Locked by X",
    "Sign-in failed"); typed with the @, a handle only."""
    if wanted in folded(f"@{row.account.handle}"):
        return True
    if not status or wanted.startswith("@"):
        return False
    return re.search(r"(?<!\w)" + re.escape(wanted), status) is not None
