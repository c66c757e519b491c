"""Boxes X switched back on that the person was never shown: told late, in one notice.

"X switched a box back on" says an event: the run that found it unticked the box again, so no
later run has it to say. When its notification could not be shown (no notification daemon, a
notifier that failed), the next run whose notifications can be shown tells it late, with any
other such of the last days, in one notice (`telling_missed_reverts`, a step of
notify_delivery.deliver).
A notice about a state that lasts (an account that needs the person) needs none of this: the
next run says it again.
"""

from __future__ import annotations

import logging
from collections.abc import Generator, Sequence
from datetime import timedelta
from typing import TYPE_CHECKING

from consentinel import APP_NAME
from consentinel.core.accounts import handle_key
from consentinel.core.check_messages import boxes_text
from consentinel.core.i18n import tr
from consentinel.core.listing import in_words
from consentinel.core.moments import moment_text
from consentinel.core.notify import Notification, NotificationKind
from consentinel.core.status import boxes_named

if TYPE_CHECKING:
    from consentinel.core.journal_queries import MissedNotice
    from consentinel.core.notify_delivery import NotificationJournal

log = logging.getLogger(__name__)

#: How far back a revert never shown is still told: older news is in the journal and the window.
MISSED_WITHIN = timedelta(days=30)


def _account_words(handle: str | None, missed: Sequence[MissedNotice]) -> str:
    """How one account is said: its handle, then the boxes and when, each time X switched them
    back on, oldest first: @ann (Training, 1 Dec 2026 10:00)."""
    times = []
    for notice in missed:
        when = moment_text(notice.at)
        boxes = boxes_named(notice.boxes)
        times.append(tr("{boxes} on {when}", boxes=boxes_text(boxes), when=when) if boxes else when)
    said = times[0]
    for later in times[1:]:
        said = tr("{earlier}; {later}", earlier=said, later=later)
    return f"@{handle} ({said})" if handle else f"({said})"


def missed_reverts_notice(missed: Sequence[MissedNotice]) -> Notification:
    """One notice for every revert never shown (at least one), by account, in the order X did
    them; it covers their entries (see Journal.missed_notices)."""
    by_account: dict[str, list[MissedNotice]] = {}
    for notice in missed:
        by_account.setdefault(handle_key(notice.handle or ""), []).append(notice)
    accounts = in_words([_account_words(group[0].handle, group) for group in by_account.values()])
    one_box = len(missed) == 1 and len(missed[0].boxes) <= 1
    body = (
        tr(
            "Missed while notifications could not be shown: X had switched a box back on for "
            "{accounts}. Consentinel unticked it again.",
            accounts=accounts,
        )
        if one_box
        else tr(
            "Missed while notifications could not be shown: X had switched boxes back on for "
            "{accounts}. Consentinel unticked them again.",
            accounts=accounts,
        )
    )
    handles = tuple(group[0].handle for group in by_account.values() if group[0].handle)
    return Notification(
        NotificationKind.MISSED_REVERTED,
        None,
        APP_NAME,
        body,
        accounts=handles,
        covers=tuple(notice.entry_id for notice in missed),
    )


def telling_missed_reverts(
    run_id: int, journal: NotificationJournal
) -> Generator[Notification, bool, tuple[Notification, bool] | None]:
    """Tell, in one notice, the reverts of earlier runs whose notification could not be shown
    (within MISSED_WITHIN before run `run_id`) and that no notice shown since told; journal
    it with the entries it covers. None when there are none. One it cannot show either is
    journaled once, not at each run that fails to show the same again. Step by step, as
    notify_delivery.delivering: yields the notice, is sent back whether it was shown."""
    missed = journal.missed_notices(
        run_id,
        NotificationKind.REVERTED_BY_X.value,
        NotificationKind.MISSED_REVERTED.value,
        MISSED_WITHIN,
    )
    if not missed.notices:
        return None
    note = missed_reverts_notice(missed.notices)
    delivered = yield note
    if delivered or missed.failed_to_tell != note.covers:
        try:
            journal.record_notification(
                run_id,
                None,
                note.kind.value,
                note.body,
                delivered,
                None,
                note.accounts,
                note.covers,
            )
        except Exception:  # (a busy or full disk: the run's own notices were said all the same)
            log.exception("the late notice of switched-back boxes was not journaled")
    return note, delivered
