"""Notifications: what is said after a run, and the real notify-send/gdbus reaching a D-Bus server.

A private dbus-daemon runs a small org.freedesktop.Notifications server (jeepney, which keyring
already brings in), so the Linux notifiers are exercised for real. osascript (macOS) cannot run
here: only the command it would get is checked.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from consentinel.core.events import AccountResult, BoxChange, NotRetried, RunResult
from consentinel.core.french_typography import typeset
from consentinel.core.journal import EntryKind, Journal
from consentinel.core.moments import moment_text
from consentinel.core.notify import (
    Notification,
    NotificationKind,
    accounts_missing_notice,
    notifications_for,
)
from consentinel.core.notify_delivery import deliver, deliver_notice
from consentinel.core.os_notifier import OsNotifier
from consentinel.core.signin_rules import status_for
from consentinel.core.status import SIGN_IN_REASONS, Box, Reason, Status
from tests.fixtures.notify_fakes import Calendar, Shown, Silent
from tests.fixtures.notify_server import FakeNotificationServer


def run_of(*accounts: AccountResult) -> RunResult:
    return RunResult(run_id=7, accounts=accounts)


OPTED_OUT = AccountResult("alice", Status.OPTED_OUT)
FIRST_FIX = AccountResult("bob", Status.FIXED)
REVERTED = AccountResult("carol", Status.FIXED, reverted_by_x=(Box.TRAINING,))
NEEDS = AccountResult("dave", Status.NEEDS_USER, Reason.TWO_FACTOR)
EXPIRED = AccountResult("erin", Status.NEEDS_USER, Reason.SESSION_EXPIRED)
PAGE_1 = AccountResult("frank", Status.ERROR, Reason.PAGE_CHANGED)
PAGE_2 = AccountResult("grace", Status.ERROR, Reason.PAGE_CHANGED)
NETWORK = AccountResult("heidi", Status.ERROR, Reason.NETWORK)


# -- what is said -----------------------------------------------------------------------------


def test_nothing_changed_means_no_notification() -> None:
    assert notifications_for(run_of(OPTED_OUT, FIRST_FIX, NETWORK)) == []


def test_a_switch_undone_does_not_hide_what_else_the_check_needs_said() -> None:
    """X switched training back on and it was switched off again, but the check did not end
    all off: it stopped at a sign-in the person must make, or another box stays on. Both are
    said; a screenshot not kept is said with the switch, once."""
    from consentinel.core.events import BoxChange

    off_again = {Box.TRAINING: BoxChange(True, False)}
    stopped = AccountResult(
        "ivan",
        Status.NEEDS_USER,
        Reason.SESSION_EXPIRED,
        settings=off_again | {Box.PERSONALIZATION: BoxChange(True, None)},
        reverted_by_x=(Box.TRAINING,),
    )
    left_on = AccountResult(
        "judy",
        Status.ERROR,
        Reason.SAVE_FAILED,
        settings=off_again | {Box.PERSONALIZATION: BoxChange(True, True)},
        reverted_by_x=(Box.TRAINING,),
    )
    unkept = AccountResult(
        "kent",
        Status.ERROR,
        Reason.EVIDENCE_NOT_KEPT,
        settings=off_again,
        reverted_by_x=(Box.TRAINING,),
    )
    notes = notifications_for(run_of(stopped, left_on, unkept))
    assert [(n.kind, n.handle) for n in notes] == [
        (NotificationKind.REVERTED_BY_X, "ivan"),
        (NotificationKind.NEEDS_USER, "ivan"),
        (NotificationKind.REVERTED_BY_X, "judy"),
        (NotificationKind.STILL_ON, "judy"),
        (NotificationKind.REVERTED_BY_X, "kent"),
    ]


def test_one_notification_per_account_event() -> None:
    notes = notifications_for(run_of(OPTED_OUT, REVERTED, NEEDS, EXPIRED, PAGE_1, PAGE_2))
    assert [(n.kind, n.handle) for n in notes] == [
        (NotificationKind.REVERTED_BY_X, "carol"),
        (NotificationKind.NEEDS_USER, "dave"),
        (NotificationKind.NEEDS_USER, "erin"),
        (NotificationKind.PAGE_CHANGED, None),  # said once, not once per account
    ]
    assert notes[0].body == "X switched back on for @carol: Training. Switched off again."
    assert notes[1].body == (
        "@dave: X asks for a two-factor code — open Consentinel to sign in, or save the "
        "account's 2FA secret"
    )
    assert notes[2].body == (
        "@erin: X ended the saved session and Consentinel could not sign in again by itself — "
        "open Consentinel to sign in"
    )
    assert notes[3].body == (
        "Consentinel could not read X's settings page for @frank, @grace — it may have changed. "
        "Until Consentinel is updated, check their Grok settings yourself on x.com."
    )
    assert all(n.title == "Consentinel" for n in notes)


def test_an_account_removed_during_its_check_is_not_notified() -> None:
    gone = AccountResult("gone", Status.FIXED, reverted_by_x=(Box.TRAINING,), removed=True)
    assert notifications_for(run_of(gone)) == []
    assert [n.handle for n in notifications_for(run_of(gone, REVERTED))] == ["carol"]


def test_messages_in_french(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    notes = notifications_for(run_of(REVERTED, NEEDS, PAGE_1))
    assert notes[0].body == typeset(
        "X a réactivé pour @carol : Entraînement. Case de nouveau décochée."
    )
    assert notes[1].body == typeset(
        "@dave : X demande un code de double authentification — ouvrez Consentinel pour vous "
        "connecter, ou enregistrez le secret 2FA du compte"
    )
    assert notes[2].body == typeset(
        "Consentinel n'a pas pu lire la page des paramètres de X pour @frank — elle a "
        "peut-être changé. Tant que Consentinel n'est pas mis à jour, vérifiez vous-même les "
        "réglages Grok sur x.com."
    )


#: Every reason a check can end on that asks something of the person (core/notify NEEDS_USER).
NEEDS_YOU_REASONS = sorted(
    {r for r in Reason if status_for(r) is not Status.ERROR} | SIGN_IN_REASONS,
    key=lambda r: r.value,
)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_each_reason_that_needs_the_person_is_said_in_its_own_true_words(
    language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """None falls back to the words for no known reason; an unknown account is not told to sign
    in again (no sign-in helps: its spelling or the account is wrong), nor is a refusal (X
    refused for now and Consentinel waits), in English or French."""
    monkeypatch.setenv("CONSENTINEL_LANG", language)
    said = {}
    for reason in NEEDS_YOU_REASONS:
        (note,) = notifications_for(run_of(AccountResult("ghost_user", status_for(reason), reason)))
        assert note.kind is NotificationKind.NEEDS_USER and note.reason is reason
        said[reason] = note.body
    fallback = notifications_for(run_of(AccountResult("ghost_user", Status.NEEDS_USER)))[0].body
    assert fallback not in said.values(), said
    assert len(set(said.values())) == len(said), said  # each its own words
    if language == "en":
        assert fallback == "@ghost_user needs you — open Consentinel to see why"
        assert said[Reason.UNKNOWN_ACCOUNT] == (
            "@ghost_user: X does not know this account — check how it is spelt on X; if it is "
            "wrong, remove the account in Consentinel and add it again"
        )
        assert said[Reason.REFUSED] == (
            "@ghost_user: X refused the sign-in for now — Consentinel waits before trying "
            "again; open Consentinel to sign in yourself"
        )
    else:
        assert said[Reason.UNKNOWN_ACCOUNT] == typeset(
            "@ghost_user : X ne connaît pas ce compte — vérifiez son orthographe sur X ; si elle "
            "est fausse, supprimez le compte dans Consentinel et ajoutez-le de nouveau"
        )
        assert said[Reason.REFUSED] == typeset(
            "@ghost_user : X a refusé la connexion pour l'instant — Consentinel attend avant de "
            "réessayer ; ouvrez Consentinel pour vous connecter vous-même"
        )
        assert all("reconnectez-vous" not in body for body in said.values()), said


def test_a_scheduled_check_waiting_on_an_unknown_account_says_what_x_said() -> None:
    """A scheduled check tries no sign-in to a handle X did not know: it says so in the same
    words as when X said it, not that X "stopped a sign-in" and the person should sign in."""
    waiting = AccountResult(
        "ghost_user",
        Status.SIGNIN_FAILED,
        Reason.UNKNOWN_ACCOUNT,
        not_retried=NotRetried(since=datetime(2026, 3, 1, 9, tzinfo=timezone.utc)),
    )
    (note,) = notifications_for(run_of(waiting))
    assert note.body.startswith("@ghost_user: X does not know this account — "), note.body


def test_a_wrong_password_says_what_to_do_and_a_missing_keyring_is_said_once() -> None:
    wrong = AccountResult("ivan", Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD)
    no_keyring = [
        AccountResult(h, Status.ERROR, Reason.KEYRING_UNAVAILABLE) for h in ("judy", "ken")
    ]
    notes = notifications_for(run_of(wrong, *no_keyring))
    assert [(n.kind, n.handle) for n in notes] == [
        (NotificationKind.NEEDS_USER, "ivan"),
        (NotificationKind.CANNOT_CHECK, None),
    ]
    assert notes[0].body == "@ivan: X refused the password — save the right one in Consentinel"
    assert "keyring" in notes[1].body and "Open Consentinel" in notes[1].body


def test_deliver_does_not_repeat_what_was_shown_but_says_what_was_not(tmp_path: Path) -> None:
    """With the real journal: a need shown after one scheduled run is not shown again while
    nothing changes; shown again once the account was fine in between; and a need that could
    not be shown (notifications off, no notifier) is said at the next run."""
    from consentinel.core.journal import Journal

    journal = Journal.open(tmp_path / "journal.sqlite3")

    def scheduled_run(notifier: object, *accounts: AccountResult) -> list[tuple[str, str | None]]:
        run_id = journal.start_run("schedule")
        for account in accounts:
            journal.record_check(run_id, account)
        journal.finish_run(run_id)
        sent = deliver(RunResult(run_id, accounts), notifier, journal)  # type: ignore[arg-type]
        return [(note.kind.value, note.handle) for note, _delivered in sent]

    shown, not_shown = Shown(), Silent()
    assert scheduled_run(not_shown, NEEDS) == [("needs_user", "dave")]  # could not be shown...
    assert scheduled_run(shown, NEEDS, REVERTED) == [
        ("needs_user", "dave"),  # ...so it is said again
        ("reverted_by_x", "carol"),
    ]
    assert scheduled_run(shown, NEEDS, REVERTED) == [("reverted_by_x", "carol")]
    assert scheduled_run(shown, AccountResult("dave", Status.OPTED_OUT)) == []
    assert scheduled_run(shown, NEEDS) == [("needs_user", "dave")]
    page_changed = (PAGE_1, PAGE_2)
    assert scheduled_run(shown, *page_changed) == [("page_changed", None)]
    assert scheduled_run(shown, *page_changed) == []  # X's page still unreadable: said once


def _shown_after_run(journal: Journal, *accounts: AccountResult) -> list[Notification]:
    """A scheduled run of `accounts` journaled, and what deliver() shows after it."""
    run_id = journal.start_run("schedule")
    for account in accounts:
        journal.record_check(run_id, account)
    journal.finish_run(run_id)
    sent = deliver(RunResult(run_id, accounts), Shown(), journal)  # type: ignore[arg-type]
    return [note for note, _delivered in sent]


def test_a_changed_page_is_said_again_only_when_it_is_new_for_an_account(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another account's check going well says nothing of the page X shows this one; and what
    was said in English is not said again because the next run speaks French."""
    journal = Journal.open(tmp_path / "journal.sqlite3")

    def scheduled_run(*accounts: AccountResult) -> list[str]:
        return [note.body for note in _shown_after_run(journal, *accounts)]

    (said,) = scheduled_run(PAGE_1)
    assert "@frank" in said
    assert scheduled_run(OPTED_OUT) == []
    assert scheduled_run(PAGE_1, NEEDS) == [NEEDS_BODY]  # alice was fine: frank's page not new
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    assert scheduled_run(PAGE_1, NEEDS) == []  # the same, in another language: not new either
    (both,) = scheduled_run(PAGE_1, PAGE_2)  # grace's page too: new
    assert "@frank, @grace" in both and "peut-être changé" in both
    assert scheduled_run(PAGE_2) == []
    assert scheduled_run(AccountResult("frank", Status.OPTED_OUT)) == []
    assert len(scheduled_run(PAGE_1)) == 1  # frank's page was read fine since: new again


def test_a_notice_about_no_account_of_another_kind_does_not_make_a_changed_page_new(
    tmp_path: Path,
) -> None:
    """Notices about no single account (a changed page, X out of reach, accounts missing from
    the list) each compare with the last of their kind: X out of reach said between two runs
    that meet the same changed page does not make that page said again."""
    journal = Journal.open(tmp_path / "journal.sqlite3")

    def scheduled_run(*accounts: AccountResult) -> list[str]:
        return [note.kind.value for note in _shown_after_run(journal, *accounts)]

    assert scheduled_run(PAGE_1) == ["page_changed"]
    journal.record_notification(None, None, NotificationKind.X_UNREACHABLE, "X out of reach",
                                True, accounts=["heidi"])  # fmt: skip
    assert scheduled_run(PAGE_1) == []
    journal.close()


def test_what_an_older_version_said_is_not_said_again_after_an_upgrade(tmp_path: Path) -> None:
    """Its notifications kept neither a reason nor the accounts a changed page was about."""
    journal = Journal.open(tmp_path / "journal.sqlite3")
    before = journal.start_run("schedule")
    for handle, kind, body in ((None, "page_changed", "old words"), ("dave", "needs_user", "x")):
        journal.append(
            EntryKind.NOTIFICATION,
            handle,
            {"kind": kind, "message": body, "message_lang": "en", "delivered": True},
            before,
        )
    journal.finish_run(before)
    run = journal.start_run("schedule")
    assert deliver(RunResult(run, (PAGE_1, NEEDS)), Shown(), journal) == []


NEEDS_BODY = (
    "@dave: X asks for a two-factor code — open Consentinel to sign in, or save the account's "
    "2FA secret"
)


def test_a_need_already_said_last_run_is_not_repeated_but_a_revert_always_is() -> None:
    said = {(n.kind, n.handle) for n in notifications_for(run_of(REVERTED, NEEDS))}
    notes = notifications_for(
        run_of(REVERTED, NEEDS, EXPIRED), lambda note: (note.kind, note.handle) in said
    )
    assert [(n.kind, n.handle) for n in notes] == [
        (NotificationKind.REVERTED_BY_X, "carol"),
        (NotificationKind.NEEDS_USER, "erin"),
    ]


# -- a real notification server on a private session bus --------------------------------------


@pytest.fixture
def session_bus(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    dbus_daemon = shutil.which("dbus-daemon")
    if dbus_daemon is None:
        pytest.fail("dbus-daemon is missing: `sudo apt-get install -y dbus`")
    proc = subprocess.Popen(
        [dbus_daemon, "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    address = proc.stdout.readline().strip()
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
    yield address
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture
def server(session_bus: str) -> Iterator[FakeNotificationServer]:
    srv = FakeNotificationServer(session_bus)
    yield srv
    srv.close()


TRICKY = Notification(
    NotificationKind.PAGE_CHANGED,
    None,
    "Consentinel",
    'Consentinel could not read X\'s settings page — it may have changed \\ "quoted"',
)


def only(tool: str) -> OsNotifier:
    """A Linux notifier that finds `tool` and nothing else, so each path is tested on its own."""
    path = shutil.which(tool)
    if path is None:
        pytest.fail(f"{tool} is missing: `sudo apt-get install -y libnotify-bin libglib2.0-bin`")
    return OsNotifier(platform="linux", which=lambda name: path if name == tool else None)


def test_gdbus_reaches_the_notification_server(server: FakeNotificationServer) -> None:
    assert only("gdbus").notify(TRICKY) is True
    assert server.received.wait(timeout=10)
    app, replaces, icon, summary, body, actions, hints, timeout = server.calls[0]
    assert (app, replaces, icon) == ("Consentinel", 0, "org.consentinel.Consentinel")
    assert summary == "Consentinel"
    assert body == TRICKY.body  # apostrophe, backslash and quotes arrive intact
    assert (actions, timeout) == ([], -1)
    # Whose notification it is: the desktop opens the app when it is clicked.
    assert hints == {"desktop-entry": ("s", "org.consentinel.Consentinel")}


def test_notify_send_reaches_the_notification_server(server: FakeNotificationServer) -> None:
    assert only("notify-send").notify(TRICKY) is True
    assert server.received.wait(timeout=10)
    app, _replaces, icon, summary, body, _actions, hints, _timeout = server.calls[0]
    assert (app, icon, summary, body) == (
        "Consentinel",
        "org.consentinel.Consentinel",
        "Consentinel",
        TRICKY.body,
    )
    assert hints["desktop-entry"] == ("s", "org.consentinel.Consentinel")


def test_no_notification_daemon_returns_false_without_raising(
    session_bus: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A bus with nobody owning org.freedesktop.Notifications…
    assert only("gdbus").notify(TRICKY) is False
    # …and no bus at all.
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'no-bus'}")
    assert only("gdbus").notify(TRICKY) is False


def test_a_hung_or_missing_notifier_never_fails_the_run() -> None:
    def hangs(argv: Sequence[str]) -> int:
        raise subprocess.TimeoutExpired(list(argv), 10)

    assert OsNotifier(platform="linux", runner=hangs).notify(TRICKY) is False
    assert OsNotifier(platform="linux", which=lambda _n: None).notify(TRICKY) is False
    assert OsNotifier(platform="win32").notify(TRICKY) is False  # no notifier without extra deps


def test_macos_uses_osascript_with_text_as_arguments() -> None:
    # osascript exists only on macOS: the command is checked, not run.
    notifier = OsNotifier(platform="darwin", which=lambda n: f"/usr/bin/{n}")
    argv = notifier.command_for(TRICKY)
    assert argv is not None
    assert argv[0] == "/usr/bin/osascript"
    assert argv[-2:] == ["Consentinel", TRICKY.body]  # never spliced into the script text
    assert all(TRICKY.body not in part for part in argv[:-2])


# -- delivered and journaled ------------------------------------------------------------------


def _said(journal: Journal) -> list[tuple[int | None, str | None, str, str, bool]]:
    """What the journal holds of each notification, in the order they were said."""
    return [
        (e.run_id, e.handle, e.payload["kind"], e.payload["message"], e.payload["delivered"])
        for e in journal.entries(kinds=[EntryKind.NOTIFICATION])
    ]


def test_deliver_shows_and_journals_each_notification(
    server: FakeNotificationServer, tmp_path: Path
) -> None:
    journal = Journal.open(tmp_path / "journal.sqlite3")
    run = journal.start_run("schedule")
    sent = deliver(RunResult(run, (OPTED_OUT, REVERTED, NEEDS)), only("gdbus"), journal)
    assert [delivered for _n, delivered in sent] == [True, True]
    assert _said(journal) == [
        (run, "carol", "reverted_by_x", REVERTED_TEXT, True),
        (run, "dave", "needs_user", NEEDS_TEXT, True),
    ]
    assert len(server.calls) == 2


def test_deliver_journals_even_when_the_notifier_raises(tmp_path: Path) -> None:
    class Broken:
        def notify(self, note: Notification) -> bool:
            raise RuntimeError("boom")

    journal = Journal.open(tmp_path / "journal.sqlite3")
    run = journal.start_run("schedule")
    sent = deliver(RunResult(run, (NEEDS,)), Broken(), journal)
    assert [d for _n, d in sent] == [False]
    assert _said(journal)[0][4] is False


REVERTED_TEXT = "X switched back on for @carol: Training. Switched off again."
NEEDS_TEXT = (
    "@dave: X asks for a two-factor code — open Consentinel to sign in, or save the account's "
    "2FA secret"
)


# -- a box that stays on, and what was said before (a real journal) ---------------------------


def test_the_notification_names_the_boxes_x_switched_back_on() -> None:
    both = AccountResult("nora", Status.FIXED, reverted_by_x=(Box.PERSONALIZATION, Box.MEMORY))
    (note,) = notifications_for(run_of(both))
    assert note.body == (
        "X switched back on for @nora: Personalization, Memory. Each switched off again."
    )


def test_a_box_switched_off_again_by_a_check_that_then_stopped_is_said_switched_off() -> None:
    """A check that stopped at a file it could not keep (not a screenshot: the session, the
    accounts file), after it switched off and read back the box X had switched on: not "could
    not switch it off again". One whose box was not read back off is."""
    off = {Box.TRAINING: BoxChange(True, False)}
    stopped = AccountResult("nora", Status.ERROR, None, off, reverted_by_x=(Box.TRAINING,))
    (note,) = notifications_for(run_of(stopped))
    assert note.body == "X switched back on for @nora: Training. Switched off again."
    still = {Box.TRAINING: BoxChange(True, True)}
    kept_on = AccountResult("nora", Status.ERROR, None, still, reverted_by_x=(Box.TRAINING,))
    (note,) = notifications_for(run_of(kept_on))
    assert "could not switch it off again" in note.body


def test_a_check_whose_screenshot_could_not_be_kept_is_said() -> None:
    """The journal's proof of a change is its screenshot: a disk that takes none is said (once,
    as a need is), not only when X had switched a box back on."""
    off = {Box.TRAINING: BoxChange(True, False)}
    stopped = AccountResult("nora", Status.ERROR, Reason.EVIDENCE_NOT_KEPT, off)
    (note,) = notifications_for(run_of(stopped))
    assert note.handle == "nora" and note.body == (
        "@nora: the screenshot of its check could not be kept, so the check stopped there — "
        "open Consentinel to see why"
    )


def test_in_french_the_words_agree_with_one_box_or_several(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    both = AccountResult("nora", Status.FIXED, reverted_by_x=(Box.PERSONALIZATION, Box.MEMORY))
    (note,) = notifications_for(run_of(both))
    assert note.body.endswith("Personnalisation, Mémoire. Cases de nouveau décochées.")


def _scheduled_run(
    journal: Journal, result: AccountResult, notifier: Shown | Silent
) -> list[tuple[Notification, bool]]:
    """One run checking one account, its notifications delivered (and journaled)."""
    run_id = journal.start_run("schedule")
    journal.record_check(run_id, result)
    said = deliver(RunResult(run_id, (result,)), notifier, journal)
    journal.finish_run(run_id)
    return said


def test_a_box_that_stays_on_is_said_once_whatever_the_cause(journal: Journal) -> None:
    """X switched a box back on and did not save the change: said at once, and once only
    while it stays so; said again after a check that ended all off."""
    reverted_kept_on = AccountResult(
        "olga", Status.ERROR, Reason.SAVE_FAILED, reverted_by_x=(Box.TRAINING,)
    )
    still_failing = AccountResult("olga", Status.ERROR, Reason.SAVE_FAILED)
    notifier = Shown()

    def run(result: AccountResult) -> list[str]:
        return [note.body for note, _shown in _scheduled_run(journal, result, notifier)]

    assert run(reverted_kept_on) == [
        "X switched back on for @olga: Training. Consentinel could not switch it off again — "
        "open Consentinel."
    ]
    assert run(still_failing) == []  # the same box, still on: not said at every run
    assert run(AccountResult("olga", Status.FIXED)) == []
    assert run(still_failing) == [
        "@olga: X did not save the change, so a box you want off is still on — Consentinel "
        "tries again at the next check"
    ]
    disabled = AccountResult("pia", Status.ERROR, Reason.BOX_DISABLED)
    assert [n.kind for n in notifications_for(run_of(disabled))] == [NotificationKind.STILL_ON]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_boxes_x_shows_disabled_are_said_for_one_or_several(
    monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """An under-18 account: X shows ticked and locked the boxes it keeps off. Not "a box"
    when X locks two."""
    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    one = AccountResult("pia", Status.ERROR, Reason.BOX_DISABLED, disabled_on=(Box.TRAINING,))
    two = AccountResult(
        "pia", Status.ERROR, Reason.BOX_DISABLED, disabled_on=(Box.TRAINING, Box.PERSONALIZATION)
    )
    (said_one,) = [n.body for n in notifications_for(run_of(one))]
    (said_two,) = [n.body for n in notifications_for(run_of(two))]
    if lang == "en":
        assert said_one == (
            "@pia: X shows a box you want off as on, and does not let it be changed — open "
            "Consentinel to see which"
        )
        assert said_two == (
            "@pia: X shows boxes you want off as on, and does not let them be changed — open "
            "Consentinel to see which"
        )
    else:
        assert said_one.startswith(typeset("@pia : X affiche cochée une case que vous voulez"))
        assert said_two == typeset(
            "@pia : X affiche cochées des cases que vous voulez décochées, et ne permet pas de "
            "les changer — ouvrez Consentinel pour voir lesquelles"
        )


def test_what_x_asks_next_is_said_even_after_an_earlier_need(journal: Journal) -> None:
    """A puzzle was said; the next run X refuses the password: that is new, and said."""
    notifier = Shown()

    def run(result: AccountResult) -> list[NotificationKind]:
        return [note.kind for note, _shown in _scheduled_run(journal, result, notifier)]

    puzzle = AccountResult("quinn", Status.NEEDS_USER, Reason.CAPTCHA)
    assert run(puzzle) == [NotificationKind.NEEDS_USER]
    assert run(puzzle) == []
    wrong = AccountResult("quinn", Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD)
    assert run(wrong) == [NotificationKind.NEEDS_USER]


class Raising:
    def notify(self, note: Notification) -> bool:
        raise RuntimeError("the notifier broke")


@pytest.mark.parametrize("failing", [Silent(), Raising()], ids=["returns_false", "raises"])
def test_a_notification_that_cannot_be_shown_is_tried_at_each_run_until_it_is(
    journal: Journal, failing: Silent | Raising
) -> None:
    """No notifier at these runs (a cron job with no desktop session, Windows, a notifier that
    fails): what could not be shown was not said, however often it failed, and is tried again
    at the next run; its failure is journaled once, not at every run. Once a notifier is back,
    it is shown, and then not again."""
    refused = AccountResult("rita", Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD)
    tries = [shown for _ in range(4) for _n, shown in _scheduled_run(journal, refused, failing)]
    assert tries == [False, False, False, False]
    said = journal.entries(handle="rita", kinds=[EntryKind.NOTIFICATION])
    assert [e.payload["delivered"] for e in said] == [False]
    assert [shown for _n, shown in _scheduled_run(journal, refused, Shown())] == [True]
    assert _scheduled_run(journal, refused, Shown()) == []  # shown: said, not again
    said = journal.entries(handle="rita", kinds=[EntryKind.NOTIFICATION])
    assert [e.payload["delivered"] for e in said] == [False, True]


def test_a_failure_before_an_account_was_fine_does_not_count_for_the_next_need(
    journal: Journal,
) -> None:
    """A need that could not be shown, then a check that ended all off, then the same need:
    the new one is journaled when it cannot be shown, and tried again after."""
    refused = AccountResult("rita", Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD)
    assert [shown for _n, shown in _scheduled_run(journal, refused, Silent())] == [False]
    assert _scheduled_run(journal, AccountResult("rita", Status.OPTED_OUT), Silent()) == []
    tries = [shown for _ in range(2) for _n, shown in _scheduled_run(journal, refused, Silent())]
    assert tries == [False, False]
    said = journal.entries(handle="rita", kinds=[EntryKind.NOTIFICATION])
    assert [e.payload["delivered"] for e in said] == [False, False]
    assert [shown for _n, shown in _scheduled_run(journal, refused, Shown())] == [True]


@pytest.mark.parametrize("failing", [Silent(), Raising()], ids=["returns_false", "raises"])
def test_a_notice_that_cannot_be_shown_is_tried_again_and_journaled_once(
    journal: Journal, failing: Silent | Raising
) -> None:
    """A notice before any run (the list lost accounts): as a run's notifications."""
    note = accounts_missing_notice(["sam"], list_empty=True)
    assert [deliver_notice(note, failing, journal) for _ in range(3)] == [False, False, False]
    notices = journal.entries(kinds=[EntryKind.NOTIFICATION])
    assert [e.payload["delivered"] for e in notices] == [False]
    assert deliver_notice(note, Shown(), journal) is True
    assert deliver_notice(note, Shown(), journal) is False  # said: not again
    notices = journal.entries(kinds=[EntryKind.NOTIFICATION])
    assert [e.payload["delivered"] for e in notices] == [False, True]


# -- X out of reach for days ------------------------------------------------------------------


@pytest.fixture
def calendar() -> Calendar:
    return Calendar(datetime(2026, 5, 4, 12, 0, tzinfo=timezone.utc))


@pytest.fixture
def dated_journal(journal_path: Path, calendar: Calendar) -> Iterator[Journal]:
    journal = Journal.open(journal_path, clock=calendar)
    yield journal
    journal.close()


def _checks_at(
    journal: Journal, calendar: Calendar, after: timedelta, *results: AccountResult
) -> list[Notification]:
    """A scheduled run `after` the last one, as the engine journals it, then its notifications
    (shown, and journaled)."""
    calendar.now += after
    run_id = journal.start_run("schedule")
    for result in results:
        journal.record_check(run_id, result)
    journal.finish_run(run_id)
    return [note for note, _shown in deliver(RunResult(run_id, results), Shown(), journal)]


DAY = timedelta(days=1)
HEIDI_OK = AccountResult("heidi", Status.OPTED_OUT)
HEIDI_TIMEOUT = AccountResult("heidi", Status.ERROR, Reason.TIMEOUT)
HEIDI_SLOWED = AccountResult("heidi", Status.ERROR, Reason.RATE_LIMITED)


def test_x_out_of_reach_for_three_days_is_said_once_until_a_check_reaches_it(
    dated_journal: Journal, calendar: Calendar
) -> None:
    """Daily checks: one that could not reach X, or two, are no news; the third day is said,
    naming the account and its last good check, whatever kept X away (no network, no answer,
    "slow down"); not again while it lasts, and again after a good check and three new days."""
    journal = dated_journal
    assert _checks_at(journal, calendar, DAY, HEIDI_OK) == []
    last_good = calendar.now
    assert _checks_at(journal, calendar, DAY, NETWORK) == []
    assert _checks_at(journal, calendar, DAY, HEIDI_TIMEOUT) == []
    (note,) = _checks_at(journal, calendar, DAY, HEIDI_SLOWED)
    assert note.kind is NotificationKind.X_UNREACHABLE
    assert note.accounts == ("heidi",)
    assert note.body == (
        f"Consentinel has not been able to check @heidi on X since {moment_text(last_good)}: "
        "X could not be reached, did not answer in time, or asked to slow down, and a box X "
        "switches back on meanwhile stays on. Check this computer's connection and that x.com "
        "opens, then run `consentinel check` (or open Consentinel) to try now."
    )
    assert _checks_at(journal, calendar, DAY, NETWORK) == []  # said once
    assert _checks_at(journal, calendar, DAY / 4, NETWORK) == []
    assert _checks_at(journal, calendar, DAY, HEIDI_OK) == []
    assert _checks_at(journal, calendar, DAY, NETWORK) == []
    assert _checks_at(journal, calendar, DAY, NETWORK) == []
    (again,) = _checks_at(journal, calendar, DAY, NETWORK)
    assert again.kind is NotificationKind.X_UNREACHABLE
    said = journal.entries(kinds=[EntryKind.NOTIFICATION])
    assert [entry.payload["kind"] for entry in said] == ["x_unreachable", "x_unreachable"]


def test_a_weekly_check_is_said_at_the_weeks_second_failure_not_at_a_short_outage(
    dated_journal: Journal, calendar: Calendar
) -> None:
    """A week since the last good check, X cannot be reached: the app open retries every half
    hour, and an outage of a few hours is not said; six hours of it, or the next week's check
    (the app closed), is."""
    journal = dated_journal
    assert _checks_at(journal, calendar, DAY, HEIDI_OK) == []
    assert _checks_at(journal, calendar, 7 * DAY, NETWORK) == []  # a laptop waking offline
    for _ in range(3):
        assert _checks_at(journal, calendar, timedelta(minutes=30), NETWORK) == []
    assert _checks_at(journal, calendar, DAY, HEIDI_OK) == []
    assert _checks_at(journal, calendar, 7 * DAY, NETWORK) == []
    (note,) = _checks_at(journal, calendar, 7 * DAY, NETWORK)
    assert note.kind is NotificationKind.X_UNREACHABLE
    assert "since" in note.body and "@heidi" in note.body


def test_what_keeps_x_out_of_reach_is_told_apart_from_what_reached_it(
    dated_journal: Journal, calendar: Calendar
) -> None:
    """A cancelled check, or one this computer kept from X (the browser stopped), neither ends
    a stretch nor starts one; a check that read X's page and then timed out at a save reached
    X. An account never checked through counts from its first check. Accounts that cross the
    line in the same run share one notification naming each, with since when."""
    journal = dated_journal
    cancelled = AccountResult("heidi", Status.ERROR, Reason.CANCELLED)
    crashed = AccountResult("heidi", Status.ERROR, Reason.BROWSER_CRASHED)
    read_then_slow = AccountResult(
        "heidi", Status.ERROR, Reason.TIMEOUT, settings={Box.TRAINING: BoxChange(True, None)}
    )
    ivan = AccountResult("ivan", Status.ERROR, Reason.NETWORK)
    assert _checks_at(journal, calendar, DAY, read_then_slow, ivan) == []
    heidi_since, ivan_since = calendar.now, calendar.now
    assert _checks_at(journal, calendar, DAY, NETWORK, ivan) == []
    assert _checks_at(journal, calendar, DAY, cancelled, ivan) == []
    assert _checks_at(journal, calendar, DAY / 2, crashed) == []
    (note,) = _checks_at(journal, calendar, DAY / 2, NETWORK, ivan)
    assert note.accounts == ("heidi", "ivan")
    assert note.body.startswith(
        f"Consentinel has not been able to check @heidi (since {moment_text(heidi_since)}), "
        f"@ivan (since {moment_text(ivan_since)}) on X for days: "
    )
    assert _checks_at(journal, calendar, DAY, NETWORK, ivan) == []  # said for both
    stretch = journal.out_of_reach("HEIDI", NotificationKind.X_UNREACHABLE.value)
    assert stretch is not None and stretch.told and stretch.failed == 3
    assert stretch.reached_at == heidi_since


def test_out_of_reach_in_french(
    dated_journal: Journal, calendar: Calendar, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    journal = dated_journal
    ivan = AccountResult("ivan", Status.ERROR, Reason.NETWORK)
    assert _checks_at(journal, calendar, DAY, HEIDI_OK) == []
    since = calendar.now
    for _ in range(2):
        assert _checks_at(journal, calendar, DAY, NETWORK) == []
    (one,) = _checks_at(journal, calendar, DAY, NETWORK)
    assert one.body.startswith(
        typeset(f"Consentinel n'a pas pu vérifier @heidi chez X depuis le {moment_text(since)} : ")
    )
    assert one.body.endswith("pour réessayer maintenant.")
    assert moment_text(since).startswith("5 mai 2026")
    judy = AccountResult("judy", Status.ERROR, Reason.TIMEOUT)
    for _ in range(3):
        assert _checks_at(journal, calendar, DAY, NETWORK, ivan, judy) == []
    (several,) = _checks_at(journal, calendar, DAY, HEIDI_SLOWED, ivan, judy)
    assert several.accounts == ("ivan", "judy")  # heidi was told already
    assert several.body.startswith(typeset("Consentinel n'a pas pu vérifier @ivan (depuis le "))
    assert typeset("chez X depuis plusieurs jours : X n'a pas pu être joint") in several.body


def test_out_of_reach_that_could_not_be_shown_is_tried_until_it_is(
    dated_journal: Journal, calendar: Calendar
) -> None:
    """Not shown is not told: tried at each run (its failure journaled once) until shown."""
    journal = dated_journal
    _checks_at(journal, calendar, DAY, HEIDI_OK)

    def day_failing(notifier: Shown | Silent) -> list[bool]:
        calendar.now += DAY
        run_id = journal.start_run("schedule")
        journal.record_check(run_id, NETWORK)
        journal.finish_run(run_id)
        return [shown for _n, shown in deliver(RunResult(run_id, (NETWORK,)), notifier, journal)]

    tries = [shown for _ in range(6) for shown in day_failing(Silent())]
    assert tries == [False, False, False, False]  # from the third day on
    said = journal.entries(kinds=[EntryKind.NOTIFICATION])
    assert [e.payload["delivered"] for e in said] == [False]
    assert day_failing(Shown()) == [True]
    assert day_failing(Shown()) == []  # told: not again until a check reaches X
