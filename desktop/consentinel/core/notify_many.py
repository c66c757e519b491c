"""A run with news for many accounts: one notification per kind, not one per account.

When X switches boxes back on for everyone, a scheduled check of 30 accounts had 30 things to
say: 30 popups piled on the desktop (and on Windows, where each tray balloon replaces the last,
only the last one seen). Past FEW accounts, the notes of one kind (boxes switched back on, an
account that needs the person, a box still on) are said in one notification that counts the
accounts and names the first few (listing.in_words). Each account's note is still journaled
alone, as it would have been said (Notification.parts, notify_delivery.delivering): what was said to
whom, what is said again and what is told late stay per account. A few accounts keep one
notification each.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from consentinel import APP_NAME
from consentinel.core.check_messages import boxes_text
from consentinel.core.events import AccountResult
from consentinel.core.i18n import tr
from consentinel.core.listing import FEW, in_words
from consentinel.core.notify import Notification, NotificationKind
from consentinel.core.status import Box, Reason

#: The kinds said of one account each, merged past FEW accounts.
_MERGED_KINDS = (
    NotificationKind.REVERTED_BY_X,
    NotificationKind.NEEDS_USER,
    NotificationKind.STILL_ON,
)


def merged_past_few(
    notes: Sequence[Notification], results: Mapping[str, AccountResult]
) -> list[Notification]:
    """`notes` as they are for up to FEW accounts; past that, each kind said of several
    accounts in one notification, where the first of them was (`results`: each account's
    check, by handle)."""
    own = [n for n in notes if n.handle is not None and n.kind in _MERGED_KINDS]
    if len({n.handle for n in own}) <= FEW:
        return list(notes)
    by_kind: dict[NotificationKind, list[Notification]] = {}
    for note in own:
        by_kind.setdefault(note.kind, []).append(note)
    out: list[Notification] = []
    for note in notes:
        group = by_kind.get(note.kind) if note.handle is not None else None
        if group is None or len(group) < 2:
            out.append(note)
        elif note is group[0]:
            out.append(_merged(group, results))
    return out


def _merged(group: list[Notification], results: Mapping[str, AccountResult]) -> Notification:
    handles = [note.handle or "" for note in group]
    kind = group[0].kind
    if kind is NotificationKind.REVERTED_BY_X:
        body = _reverted_words([results[h] for h in handles])
    else:
        # (What each account needs, or which box stays on, is said in the window.)
        words = (
            tr("{count} accounts need you: {accounts}. Open Consentinel to see what each needs.")
            if kind is NotificationKind.NEEDS_USER
            else tr(
                "Boxes you want off are still on for {count} accounts: {accounts} — open "
                "Consentinel to see which, and why."
            )
        )
        body = _counted(_Words.alike(words), [(handle, ()) for handle in handles])
    return Notification(kind, None, APP_NAME, body, accounts=tuple(handles), parts=tuple(group))


class _Words(NamedTuple):
    """What a notification says of many accounts, by how their boxes compare: each a sentence
    already in the person's language, its {count} and {accounts} (and {box} or {boxes}) left to
    fill (_counted)."""

    #: Every account has this one box: {box}.
    one_box: str
    #: Every account has these boxes: {boxes}.
    same_boxes: str
    #: The accounts' boxes differ: each account is named with its own, in {accounts}.
    own_boxes: str

    @classmethod
    def alike(cls, words: str) -> _Words:
        """One sentence whatever the boxes (their accounts' boxes are not said)."""
        return cls(words, words, words)


def _counted(words: _Words, accounts: Sequence[tuple[str, tuple[Box, ...]]]) -> str:
    """`words` said of `accounts` (each handle with its boxes): counted, the first few named;
    the boxes named once when they are the same for every account, else with each account."""
    boxes = _same_boxes([each for _handle, each in accounts])
    if boxes is None:
        return words.own_boxes.format(count=len(accounts), accounts=_with_boxes(accounts))
    return (words.one_box if len(boxes) == 1 else words.same_boxes).format(
        box=boxes_text(boxes),
        boxes=boxes_text(boxes),
        count=len(accounts),
        accounts=in_words([f"@{handle}" for handle, _boxes in accounts]),
    )


def _reverted_words(reverted: list[AccountResult]) -> str:
    """The boxes X switched back on, named once when they are the same for every account, else
    with each account named."""
    words = _counted(
        _Words(
            tr(
                "X switched {box} back on for {count} accounts: {accounts}. Switched off again "
                "on each."
            ),
            tr(
                "X switched {boxes} back on for {count} accounts: {accounts}. Each switched off "
                "again."
            ),
            tr(
                "X switched boxes back on for {count} accounts: {accounts}. Each switched off "
                "again."
            ),
        ),
        [(r.handle, r.reverted_by_x) for r in reverted],
    )
    # (A check that stopped at a screenshot it could not write: said alone, so said here too.)
    unkept = [
        f"@{r.handle}" for r in reverted if r.reason is Reason.EVIDENCE_NOT_KEPT and not r.all_off
    ]
    if unkept:
        words += " " + tr(
            "Screenshots could not be kept for {accounts} — open Consentinel.",
            accounts=in_words(unkept),
        )
    return words


def hidden_on_words(hidden: Sequence[AccountResult]) -> str:
    """Boxes X keeps on unseen for more than FEW accounts: counted, the first few named."""
    return _counted(
        _Words(
            tr(
                "X keeps {box} on for {count} accounts without showing it on its page: "
                "{accounts}. It cannot be switched off for now; Consentinel will switch it off "
                "as soon as X shows it."
            ),
            tr(
                "X keeps {boxes} on for {count} accounts without showing them on its page: "
                "{accounts}. They cannot be switched off for now; Consentinel will switch them "
                "off as soon as X shows them."
            ),
            tr(
                "X keeps boxes on for {count} accounts without showing them on its page: "
                "{accounts}. They cannot be switched off for now; Consentinel will switch them "
                "off as soon as X shows them."
            ),
        ),
        [(r.handle, r.hidden_on) for r in hidden],
    )


def _same_boxes(each: list[tuple[Box, ...]]) -> tuple[Box, ...] | None:
    """The boxes, when every account has the same (in any order); None when they differ."""
    first = each[0]
    return first if all(set(boxes) == set(first) for boxes in each) else None


def _with_boxes(accounts: Sequence[tuple[str, tuple[Box, ...]]]) -> str:
    """@a (Training); @b (Training, Memory) and 3 others: the boxes hold commas themselves."""
    return in_words([f"@{h} ({boxes_text(boxes)})" for h, boxes in accounts], tr("; "))
