"""Sending what core/notify.py decided to say, and journaling it: `deliver(run, notifier,
journal)` for a run's notifications, `deliver_notice(...)` for one notice about no run's
accounts. The journal keeps what was shown, so that nothing unchanged is said again every few
hours, and what could not be shown is tried again at each run until it is."""

from __future__ import annotations

import logging
from collections.abc import Generator, Mapping, Sequence
from datetime import timedelta
from typing import TYPE_CHECKING, Protocol, TypedDict, TypeVar

from consentinel.core.events import RunResult
from consentinel.core.notify import Notification, NotificationKind, notifications_for

if TYPE_CHECKING:
    from consentinel.core.journal_queries import Missed, OutOfReach
    from consentinel.core.os_notifier import Notifier

log = logging.getLogger(__name__)

T = TypeVar("T")


class NotificationJournal(Protocol):
    def record_notification(
        self,
        run_id: int | None,
        handle: str | None,
        kind: str,
        message: str,
        delivered: bool,
        reason: str | None = None,
        accounts: Sequence[str] = (),
        covers: Sequence[int] = (),
    ) -> object: ...

    def said_before(
        self,
        run_id: int | None,
        kind: str,
        handle: str | None,
        reason: str | None = None,
        *,
        same_reason: bool = False,
        accounts: Sequence[str] = (),
        kind_alone: bool = False,
        hidden: Mapping[str, Sequence[str]] | None = None,
    ) -> bool | None: ...

    def out_of_reach(self, handle: str, notice_kind: str) -> OutOfReach | None: ...

    def missed_notices(
        self, run_id: int, kind: str, told_kind: str, within: timedelta
    ) -> Missed: ...


#: deliver()'s steps (`delivering`): each yields a notification to show and is sent back whether
#: it was shown; their value is what deliver() returns.
Delivery = Generator[Notification, bool, list[tuple[Notification, bool]]]


def deliver(
    run: RunResult, notifier: Notifier, journal: NotificationJournal | None = None
) -> list[tuple[Notification, bool]]:
    """Show every notification for `run` and journal each with whether it was shown. With the
    journal, what the person was already shown, unchanged since, is not said again; what could
    not be shown (notifications off, no notifier, a notifier that failed) is tried again at
    each run until it is shown, its failure journaled once; accounts X has been out of reach
    for for days are said (the journal knows since when); and boxes X switched back on at
    earlier runs whose notification could not be shown are told late, in one notice after
    the run's own, once they can be (core/missed_reverts.py). The window's scheduled runs and
    the OS job's both come here: they say the same things (the window through `delivering`,
    its notifier's answers coming later, gui/window_notifier)."""
    return shown_by(notifier, delivering(run, journal))


def shown_by(notifier: Notifier, steps: Generator[Notification, bool, T]) -> T:
    """Runs `steps` (a Delivery) to its end, each notification shown by `notifier`."""
    try:
        note = next(steps)
        while True:
            note = steps.send(shown(notifier, note))
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]


def shown(notifier: Notifier, note: Notification) -> bool:
    """Whether `notifier` showed `note`; False when it raised (a notifier must never fail the
    run that already happened)."""
    try:
        return notifier.notify(note)
    except Exception:
        log.exception("notifier raised")
        return False


def delivering(run: RunResult, journal: NotificationJournal | None = None) -> Delivery:
    """deliver(), step by step: yields each notification of `run` to show, is sent back
    whether it was shown, and journals it then; returns each with whether it was shown."""
    already_said = None
    out_of_reach = None
    #: What the journal answered for each note asked about (`said_before`): asked once.
    answers: dict[Notification, bool | None] = {}
    if journal is not None:
        unreachable = NotificationKind.X_UNREACHABLE.value

        def out_of_reach(handle: str) -> OutOfReach | None:
            return journal.out_of_reach(handle, unreachable)

        run_id = run.run_id

        def already_said(note: Notification) -> bool:
            said = answers[note] = journal.said_before(
                run_id, note.kind.value, note.handle, **_compared(note)
            )
            return said is True

    sent: list[tuple[Notification, bool]] = []
    for note in notifications_for(run, already_said, out_of_reach):
        delivered = yield note
        # (One said of several accounts: each account's own is journaled, as if said alone.)
        for said in note.parts or (note,):
            if journal is not None and (
                delivered or not _failed_before(journal, run.run_id, said, answers)
            ):
                journal.record_notification(
                    run.run_id,
                    said.handle,
                    said.kind.value,
                    said.body,
                    delivered,
                    _reason_value(said),
                    said.accounts,
                )
        sent.append((note, delivered))
    if journal is not None and all(delivered for _note, delivered in sent):
        # (A notification of this run that could not be shown: the notifier does not work
        # now, and the missed ones wait for a run whose notifications can be shown.)
        from consentinel.core.missed_reverts import telling_missed_reverts

        told = yield from telling_missed_reverts(run.run_id, journal)
        if told is not None:
            sent.append(told)
    return sent


def _failed_before(
    journal: NotificationJournal,
    run_id: int,
    note: Notification,
    answers: dict[Notification, bool | None],
) -> bool:
    """`note` could not be shown the last time it was tried either, and nothing changed since:
    failing again is not journaled again. (X switching a box back on is said each time it
    happens: each time is journaled.) `answers`: what the journal already answered for the
    notes deliver() asked it about, not asked again."""
    if note.kind is NotificationKind.REVERTED_BY_X:
        return False
    if note not in answers:  # (X out of reach: said without asking said_before)
        answers[note] = journal.said_before(run_id, note.kind.value, note.handle, **_compared(note))
    return answers[note] is False


class _Compared(TypedDict):
    reason: str | None
    same_reason: bool
    accounts: tuple[str, ...]
    kind_alone: bool
    hidden: dict[str, list[str]] | None


def _compared(note: Notification) -> _Compared:
    """How the journal compares `note` with what was said before (Journal.said_before)."""
    return {
        "reason": _reason_value(note),
        # What X asks of the person can change (a puzzle, then a refused password): each is
        # said once, in whatever language. A box still on is said once, whatever the cause at
        # the runs after it.
        "same_reason": note.kind is not NotificationKind.STILL_ON,
        "accounts": note.accounts,
        # About no single account (a changed page, this computer), several kinds are said:
        # each is compared with the last of its kind, not made new by another's.
        "kind_alone": note.handle is None,
        # Boxes X keeps on unseen: a box hidden on an account that was not when it was said.
        "hidden": {
            handle: [box.value for box in boxes]
            for handle, boxes in zip(note.accounts, note.boxes, strict=True)
        }
        if note.kind is NotificationKind.HIDDEN_ON
        else None,
    }


#: Notices of something that happened, not of a state that lasts: never "already said".
_SAID_EACH_TIME = frozenset(
    {
        NotificationKind.SETTINGS_SET_ASIDE,
        NotificationKind.CHECK_FAILED,
        NotificationKind.JOURNAL_SET_ASIDE,
    }
)


def deliver_notice(
    note: Notification, notifier: Notifier, journal: NotificationJournal | None = None
) -> bool:
    """Show one notice about no run's accounts and journal it; True when it was shown. With the
    journal, one already said is not said again while what it names stays the same (compared
    with the notices of its kind alone: they come before any run, among a run's own); settings
    set aside are said each time it happens. Without a journal (the folder cannot be written),
    it is said at every run that meets it: once a run. One that could not be shown is tried
    again at the next run, its failure journaled once."""
    lasts = note.kind not in _SAID_EACH_TIME
    kind, handle, accounts = note.kind.value, note.handle, note.accounts
    said = (
        journal.said_before(None, kind, handle, accounts=accounts, kind_alone=True)
        if journal is not None and lasts
        else None
    )
    if said is True:
        return False
    delivered = shown(notifier, note)
    # (Nothing was journaled since `said` was read: failing again as before is not written.)
    if journal is not None and (delivered or said is not False):
        journal.record_notification(
            None, note.handle, note.kind.value, note.body, delivered, None, note.accounts
        )
    return delivered


def _reason_value(note: Notification) -> str | None:
    return note.reason.value if note.reason is not None else None
