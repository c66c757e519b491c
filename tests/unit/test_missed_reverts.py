"""A box X switched back on whose notification could not be shown is told late, once.

Real SQLite journal (its clock moved by hand), and the real gdbus reaching a notification
server on a private D-Bus where the notifier's path matters (tests/fixtures/notify_server.py).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, cast

import pytest

from consentinel.cli import schedule_cmd
from consentinel.core.events import AccountResult, RunResult
from consentinel.core.french_typography import typeset
from consentinel.core.journal import EntryKind, Journal
from consentinel.core.journal_queries import MissedNotice
from consentinel.core.missed_reverts import missed_reverts_notice
from consentinel.core.moments import moment_text
from consentinel.core.notify import Notification, NotificationKind
from consentinel.core.notify_delivery import deliver
from consentinel.core.os_notifier import Notifier, OsNotifier
from consentinel.core.status import Box, Reason, Status
from tests.fixtures.notify_fakes import Calendar, Shown, Silent
from tests.fixtures.notify_server import FakeNotificationServer, private_session_bus

DAY = timedelta(days=1)
CAROL_REVERTED = AccountResult("carol", Status.FIXED, reverted_by_x=(Box.TRAINING,))
CAROL_OK = AccountResult("carol", Status.OPTED_OUT)
NEEDS = AccountResult("dave", Status.NEEDS_USER, Reason.TWO_FACTOR)


@pytest.fixture
def calendar() -> Calendar:
    return Calendar(datetime(2026, 12, 1, 9, 30, tzinfo=timezone.utc))


@pytest.fixture
def journal(journal_path: Path, calendar: Calendar) -> Iterator[Journal]:
    journal = Journal.open(journal_path, clock=calendar)
    yield journal
    journal.close()


def _run(
    journal: Journal, calendar: Calendar, after: timedelta, notifier: Notifier,
    *results: AccountResult,
) -> list[tuple[Notification, bool]]:  # fmt: skip
    """A scheduled run `after` the last one, as the engine journals it, then deliver()."""
    calendar.now += after
    run_id = journal.start_run("schedule")
    for result in results:
        journal.record_check(run_id, result)
    journal.finish_run(run_id)
    return deliver(RunResult(run_id, results), notifier, journal)


def _notices(journal: Journal) -> list[tuple[str, bool]]:
    return [
        (e.payload["kind"], e.payload["delivered"])
        for e in journal.entries(kinds=[EntryKind.NOTIFICATION])
    ]


def _gdbus() -> OsNotifier:
    path = shutil.which("gdbus")
    if path is None:
        pytest.fail("gdbus is missing: `sudo apt-get install -y libglib2.0-bin`")
    return OsNotifier(platform="linux", which=lambda name: path if name == "gdbus" else None)


def test_a_revert_not_shown_is_told_once_at_the_next_run_that_can_show_it(
    journal: Journal, calendar: Calendar, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No notification daemon at the run that found X's revert: gdbus fails. The next run has
    nothing new, the daemon is back: the revert is told, once, naming the box and when; the
    run after does not tell it again. A run without a journal tells nothing of it."""
    with private_session_bus() as bus:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bus)
        gdbus = _gdbus()
        [(_reverted, shown)] = _run(journal, calendar, DAY, gdbus, CAROL_REVERTED)
        assert shown is False  # nobody owns org.freedesktop.Notifications on this bus
        found_at = calendar.now
        server = FakeNotificationServer(bus)
        try:
            assert deliver(RunResult(99, (CAROL_OK,)), gdbus, None) == []  # no journal
            [(told, shown)] = _run(journal, calendar, DAY, gdbus, CAROL_OK)
            assert shown is True and told.kind is NotificationKind.MISSED_REVERTED
            assert told.body == (
                "Missed while notifications could not be shown: X had switched a box back on "
                f"for @carol (Training on {moment_text(found_at)}). Consentinel unticked it again."
            )
            assert [call[4] for call in server.calls] == [told.body]
            assert _run(journal, calendar, DAY, gdbus, CAROL_OK) == []  # told: not again
            assert len(server.calls) == 1
        finally:
            server.close()
    notices = journal.entries(kinds=[EntryKind.NOTIFICATION])
    assert [(e.payload["kind"], e.payload["delivered"]) for e in notices] == [
        ("reverted_by_x", False),
        ("missed_reverted", True),
    ]
    assert notices[1].payload["covers"] == [notices[0].id]
    assert notices[1].payload["accounts"] == ["carol"]


def test_a_notice_telling_them_that_cannot_be_shown_either_is_journaled_once(
    journal: Journal, calendar: Calendar
) -> None:
    """The grouped notice fails too: tried at each run that shows all its own, journaled once
    while it tells the same; not tried after a run's own notification failed; once shown, it
    tells every revert missed meanwhile, oldest first, in one notice."""
    silent = Silent()
    _run(journal, calendar, DAY, silent, CAROL_REVERTED)
    first_at = calendar.now
    assert _run(journal, calendar, DAY, silent, CAROL_OK) == [(silent.tried[-1], False)]
    assert silent.tried[-1].kind is NotificationKind.MISSED_REVERTED
    assert [shown for _n, shown in _run(journal, calendar, DAY, silent, CAROL_OK)] == [False]
    assert _notices(journal) == [("reverted_by_x", False), ("missed_reverted", False)]
    again = AccountResult("carol", Status.FIXED, reverted_by_x=(Box.MEMORY,))
    tried = len(silent.tried)
    assert [n.kind for n, _s in _run(journal, calendar, DAY, silent, again)] == [
        NotificationKind.REVERTED_BY_X  # (its own failed: the missed ones are not tried)
    ]
    assert len(silent.tried) == tried + 1
    again_at = calendar.now
    [(told, shown)] = _run(journal, calendar, DAY, Shown(), CAROL_OK)
    assert shown and told.body == (
        "Missed while notifications could not be shown: X had switched boxes back on for "
        f"@carol (Training on {moment_text(first_at)}; Memory on {moment_text(again_at)}). "
        "Consentinel unticked them again."
    )
    assert _notices(journal) == [
        ("reverted_by_x", False),
        ("missed_reverted", False),
        ("reverted_by_x", False),
        ("missed_reverted", True),
    ]
    assert _run(journal, calendar, DAY, Shown(), CAROL_OK) == []


def test_a_revert_shown_with_the_missed_ones_tells_them_after_its_own(
    journal: Journal, calendar: Calendar
) -> None:
    """A run whose own notifications are shown tells the missed ones after them, once."""
    _run(journal, calendar, DAY, Silent(), CAROL_REVERTED)
    sent = _run(journal, calendar, DAY, Shown(), CAROL_REVERTED, NEEDS)
    assert [(n.kind, shown) for n, shown in sent] == [
        (NotificationKind.REVERTED_BY_X, True),
        (NotificationKind.NEEDS_USER, True),
        (NotificationKind.MISSED_REVERTED, True),
    ]
    assert sent[2][0].covers == (journal.entries(kinds=[EntryKind.NOTIFICATION])[0].id,)


def test_a_revert_missed_more_than_thirty_days_before_is_not_told(
    journal: Journal, calendar: Calendar
) -> None:
    erin = AccountResult("erin", Status.FIXED, reverted_by_x=(Box.PERSONALIZATION,))
    _run(journal, calendar, DAY, Silent(), CAROL_REVERTED)
    _run(journal, calendar, 20 * DAY, Silent(), erin)
    erin_at = calendar.now
    [(told, _shown)] = _run(journal, calendar, 15 * DAY, Shown(), CAROL_OK)
    assert told.accounts == ("erin",)  # carol's, 35 days ago, is older news
    assert told.body == (
        "Missed while notifications could not be shown: X had switched a box back on for "
        f"@erin (Personalization on {moment_text(erin_at)}). Consentinel unticked it again."
    )


def test_many_accounts_are_counted_past_the_third(journal: Journal, calendar: Calendar) -> None:
    handles = ["ann", "ben", "cat", "dan", "eve"]
    reverted = [AccountResult(h, Status.FIXED, reverted_by_x=(Box.TRAINING,)) for h in handles]
    _run(journal, calendar, DAY, Silent(), *reverted)
    at = moment_text(calendar.now)
    [(told, _shown)] = _run(journal, calendar, DAY, Shown(), CAROL_OK)
    assert told.body == (
        "Missed while notifications could not be shown: X had switched boxes back on for "
        f"@ann (Training on {at}), @ben (Training on {at}) and 3 others. Consentinel unticked "
        "them again."
    )
    assert told.accounts == tuple(handles) and len(told.covers) == 5


def _missed(handle: str, *boxes: Box, entry_id: int = 1) -> MissedNotice:
    at = datetime(2026, 12, 1, 10, 0, tzinfo=timezone.utc)
    return MissedNotice(entry_id, handle, at, tuple(box.value for box in boxes))


def test_the_accounts_are_said_as_a_sentence_says_a_list() -> None:
    at = moment_text(datetime(2026, 12, 1, 10, 0, tzinfo=timezone.utc))
    two = missed_reverts_notice([_missed("ann", Box.TRAINING), _missed("ben", Box.MEMORY)])
    assert (
        f"@ann (Training on {at}) and @ben (Memory on {at}). Consentinel unticked them" in two.body
    )
    four = missed_reverts_notice([_missed(h, Box.TRAINING) for h in ("a", "b", "c", "d")])
    assert f"@a (Training on {at}), @b (Training on {at}) and 2 others." in four.body


def test_in_french(journal: Journal, calendar: Calendar, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    both = AccountResult("carol", Status.FIXED, reverted_by_x=(Box.TRAINING, Box.MEMORY))
    _run(journal, calendar, DAY, Silent(), both)
    at = moment_text(calendar.now)
    assert at.startswith("2 déc. 2026 à ")  # the date in French
    [(told, _shown)] = _run(journal, calendar, DAY, Shown(), CAROL_OK)
    assert told.body == typeset(
        "Non signalé faute de pouvoir afficher les notifications : X avait réactivé des cases "
        f"pour @carol (Entraînement, Mémoire le {at}). Consentinel les a de nouveau décochées."
    )
    one = missed_reverts_notice([_missed("ann", Box.TRAINING), _missed("ann", Box.MEMORY)])
    assert typeset("(Entraînement le 1er déc. 2026 à ") in one.body and typeset(" ; Mémoire") in (
        one.body
    )
    lone = missed_reverts_notice([_missed("ann", Box.TRAINING)])
    assert lone.body.endswith("Consentinel l'a de nouveau décochée.")
    assert typeset("réactivé une case pour @ann (") in lone.body
    five = missed_reverts_notice([_missed(h, Box.TRAINING) for h in "abcde"])
    assert " et 3 autres. " in five.body


def test_the_os_jobs_unattended_check_tells_them_too(journal: Journal, calendar: Calendar) -> None:
    """`consentinel check --unattended` (the OS job) notifies through post_run_notifications."""

    @dataclass
    class Settings:
        notifications: bool = True

    @dataclass
    class Ctx:
        journal: Journal
        settings: Settings = field(default_factory=Settings)

    ctx: Any = Ctx(journal)

    def unattended(notifier: Notifier, result: AccountResult) -> int:
        calendar.now += DAY
        run_id = journal.start_run("schedule")
        journal.record_check(run_id, result)
        journal.finish_run(run_id)
        return schedule_cmd.post_run_notifications(cast(Any, ctx), RunResult(run_id, (result,)),
                                                   notifier)  # fmt: skip

    assert unattended(Silent(), CAROL_REVERTED) == 0
    shown = Shown()
    assert unattended(shown, CAROL_OK) == 1
    assert [note.kind for note in shown.tried] == [NotificationKind.MISSED_REVERTED]
    assert unattended(shown, CAROL_OK) == 0


def test_a_note_that_cannot_be_shown_asks_the_journal_once(
    journal: Journal, calendar: Calendar, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whether it was said before, and whether its failure was journaled: one question."""
    asked: list[str] = []
    said_before = journal.said_before

    def counting(*args: Any, **kwargs: Any) -> bool | None:
        asked.append(str(args[1]))
        return said_before(*args, **kwargs)

    monkeypatch.setattr(journal, "said_before", counting)
    assert [shown for _n, shown in _run(journal, calendar, DAY, Silent(), NEEDS)] == [False]
    assert asked == ["needs_user"]
    assert [shown for _n, shown in _run(journal, calendar, DAY, Silent(), NEEDS)] == [False]
    assert asked == ["needs_user", "needs_user"]
    assert _notices(journal) == [("needs_user", False)]
