"""What an unattended run tells the person: desktop notifications, one per account event (past a
few accounts, one per kind of event: core/notify_many.py).

`notifications_for(run)` decides what is worth saying (nothing when nothing changed). What is
wrong before any account is checked (accounts the list lost, settings set aside, folders that
cannot be written) is one notice each (`..._notice`). Sending them and journaling them is
core/notify_delivery.py's; showing them, core/os_notifier.py's.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from consentinel import APP_NAME
from consentinel.core.check_messages import boxes_text
from consentinel.core.clock_offset import clock_off_needs_you
from consentinel.core.events import AccountResult, RunResult
from consentinel.core.fileio import FolderProblem
from consentinel.core.i18n import tr
from consentinel.core.listing import FEW, in_words
from consentinel.core.moments import moment_text
from consentinel.core.status import SIGN_IN_REASONS, X_UNREACHED_REASONS, Box, Reason, Status

if TYPE_CHECKING:
    from consentinel.core.journal_queries import OutOfReach


class NotificationKind(str, Enum):
    REVERTED_BY_X = "reverted_by_x"  # X switched a box back on (said each time it happens)
    STILL_ON = "still_on"  # a box the person wants off stays on: X did not save, or locks it
    NEEDS_USER = "needs_user"  # sign in again
    PAGE_CHANGED = "page_changed"  # X's settings page could not be read
    CANNOT_CHECK = "cannot_check"  # nothing could be checked here: no keyring, no browser
    X_UNREACHABLE = "x_unreachable"  # X out of reach for days: nothing was checked meanwhile
    ACCOUNTS_MISSING = "accounts_missing"  # the journal knows accounts the list lacks
    SETTINGS_SET_ASIDE = "settings_set_aside"  # settings.json could not be used: defaults now
    FOLDER_UNUSABLE = "folder_unusable"  # Consentinel's folder cannot be written: no check
    JOURNAL_SET_ASIDE = "journal_set_aside"  # the journal could not be read: kept aside, begun anew
    MISSED_REVERTED = "missed_reverted"  # reverts whose notification could not be shown, told late
    CHECK_FAILED = "check_failed"  # a scheduled check stopped on an unexpected error (cli/crash)
    HIDDEN_ON = "hidden_on"  # X keeps boxes on that its page does not show: none can untick them


#: An account whose checks have not reached X (no answer, too slow an answer, X asking to slow
#: down) is said to be out of reach once its last check that did was at least this long before
#: its latest: a box X switched back on may have been on that long. Three days: an outage of
#: X's or of the network seldom lasts that long, and a daily schedule has failed three times.
UNREACHED_FOR = timedelta(days=3)
#: ...and once its checks have failed for at least this long (so two checks at least): one
#: failed check (a laptop waking before its Wi-Fi) is never said, nor, with a weekly schedule,
#: an outage of an hour or two at the time the week's check is due, which the open app retries
#: every half hour; the week's next check, or six hours of retries, say it.
FAILING_FOR = timedelta(hours=6)


def long_out_of_reach(stretch: OutOfReach) -> bool:
    """Whether an account's checks have been kept from X long enough to tell the person."""
    latest = stretch.last_failed_at
    return latest - stretch.since >= UNREACHED_FOR and (
        latest - stretch.first_failed_at >= FAILING_FOR
    )


#: Reasons that stop every account's check on this computer, not one account's.
_COMPUTER_REASONS = frozenset({Reason.KEYRING_UNAVAILABLE, Reason.BROWSER_MISSING})


def _cannot_check_words(reason: Reason) -> str:
    if reason is Reason.KEYRING_UNAVAILABLE:
        return tr(
            "Consentinel could not check your X accounts: the keyring that keeps their "
            "passwords is locked or unavailable. Open Consentinel to see what to do."
        )
    return tr(
        "Consentinel could not check your X accounts: no browser was found. Open Consentinel "
        "to get one."
    )


@dataclass(frozen=True)
class Notification:
    kind: NotificationKind
    handle: str | None  # None: about X itself, not one account
    title: str
    body: str
    #: Why, in no language: what "the same thing, already said" is compared on (its body is in
    #: the language of the run that said it, which the window and the schedule may not share).
    reason: Reason | None = None
    #: For a notification about no one account (handle None): the accounts it is about.
    accounts: tuple[str, ...] = ()
    #: For one telling late what earlier notifications could not show: their journal entries.
    covers: tuple[int, ...] = ()
    #: For boxes X keeps on unseen (HIDDEN_ON): the boxes of each of `accounts`, in its order
    #: (one box more for an account is news, said again).
    boxes: tuple[tuple[Box, ...], ...] = ()
    #: For one said of several accounts at once (core/notify_many.py): the notification of
    #: each, journaled as if it had been said alone.
    parts: tuple[Notification, ...] = ()

    def to_json(self) -> dict[str, object]:
        return {"kind": self.kind.value, "handle": self.handle, "body": self.body}


def needs_you_words(handle: str, reason: Reason | None) -> str:
    """What X asked for that only the person can give, and what to do (said too by a scheduled
    run that leaves the account for later, cli/check_cmd.py)."""
    if reason is Reason.WRONG_PASSWORD:
        return tr(
            "@{handle}: X refused the password — save the right one in Consentinel",
            handle=handle,
        )
    words: dict[Reason | None, str] = {
        Reason.TWO_FACTOR: tr(
            "@{handle}: X asks for a two-factor code — open Consentinel to sign in, or save the "
            "account's 2FA secret",
            handle=handle,
        ),
        Reason.EMAIL_CODE: tr(
            "@{handle}: X sent a code by email or text message — open Consentinel to sign in",
            handle=handle,
        ),
        Reason.CAPTCHA: tr(
            "@{handle}: X asks for a captcha only a person can solve — open Consentinel to sign "
            "in yourself",
            handle=handle,
        ),
        Reason.UNUSUAL_ACTIVITY: tr(
            "@{handle}: X asks to confirm it is you — open Consentinel to sign in",
            handle=handle,
        ),
        Reason.LOCKED: tr(
            "@{handle}: X has locked the account — unlock it on X, then open Consentinel",
            handle=handle,
        ),
        Reason.NOT_SIGNED_IN: tr(
            "@{handle}: no session or password saved — open Consentinel to sign in",
            handle=handle,
        ),
        Reason.SESSION_EXPIRED: tr(
            "@{handle}: X ended the saved session and Consentinel could not sign in again by "
            "itself — open Consentinel to sign in",
            handle=handle,
        ),
        # Signing in again cannot help: the handle is wrong, or the account gone.
        Reason.UNKNOWN_ACCOUNT: tr(
            "@{handle}: X does not know this account — check how it is spelt on X; if it is "
            "wrong, remove the account in Consentinel and add it again",
            handle=handle,
        ),
        # X's refusal is for now: Consentinel waits (a back-off) and then tries again itself.
        Reason.REFUSED: tr(
            "@{handle}: X refused the sign-in for now — Consentinel waits before trying again; "
            "open Consentinel to sign in yourself",
            handle=handle,
        ),
    }
    if reason in words:
        return words[reason]
    return tr("@{handle} needs you — open Consentinel to see why", handle=handle)


#: What a scheduled check that waits for the person says as when X asked it: the steps of X's
#: sign-in only the person can take, and a handle X did not know (no sign-in helps until the
#: person corrects it).
_SAID_AS_WHEN_X_SAID_IT = (
    Reason.TWO_FACTOR,
    Reason.EMAIL_CODE,
    Reason.CAPTCHA,
    Reason.UNUSUAL_ACTIVITY,
    Reason.UNKNOWN_ACCOUNT,
)


def _not_retried_words(result: AccountResult) -> str | None:
    """For a check that tried no sign-in for a reason remembered from an earlier one (a
    password X rejected, X's lock, a back-off, a step for the person): that no sign-in is
    tried, since when, and what to do; None for any other check. (Said once all the same: the
    same reason, already said, is not said again, see deliver().)"""
    if result.not_retried is not None:
        since = result.not_retried.since
    elif result.backoff is not None:
        since = result.backoff.since
    else:
        return None
    at = tr("on {when}", when=moment_text(since)) if since else tr("earlier")
    handle = result.handle
    if result.reason is Reason.WRONG_PASSWORD:
        return tr(
            "@{handle}: X rejected the password {at}, and it is not tried again — save the "
            "right one in Consentinel",
            handle=handle,
            at=at,
        )
    if result.reason is Reason.LOCKED:
        return tr(
            "@{handle}: X locked the account {at}, and no sign-in is tried — unlock it on X, "
            "then open Consentinel",
            handle=handle,
            at=at,
        )
    if result.not_retried is not None and result.reason in _SAID_AS_WHEN_X_SAID_IT:
        # What X asked for, and what to do, say more than "X stopped a sign-in": the same
        # words as when X asked (a 2FA secret to save, a code to type).
        return None
    return tr(
        "@{handle}: not signed in again since X stopped a sign-in {at} — open Consentinel to "
        "sign in yourself",
        handle=handle,
        at=at,
    )


def _clock_off_words(result: AccountResult) -> str | None:
    """For a check whose saved 2FA secret's code X refused because this computer's clock is
    off X's (or that waits since): the clock, not a secret to save; None for any other."""
    if result.clock_offset_s is None:
        return None
    return clock_off_needs_you(result.handle, result.clock_offset_s)


def _switched_off_again(result: AccountResult) -> bool:
    """Every box X had switched back on was switched off and read back off: by a check that
    ended all off, or even by one that stopped afterwards (a screenshot or a file that could
    not be kept)."""
    return result.all_off or all(
        (change := result.settings.get(box)) is not None and change.after is False
        for box in result.reverted_by_x
    )


def _still_on_words(result: AccountResult) -> str | None:
    """A box the person wants off that stays on at X after the check, or None."""
    handle = result.handle
    if result.reverted_by_x and not _switched_off_again(result):
        return tr(
            "X switched back on for @{handle}: {boxes}. Consentinel could not switch it off "
            "again — open Consentinel.",
            boxes=boxes_text(result.reverted_by_x),
            handle=handle,
        )
    if result.reason is Reason.SAVE_FAILED:
        return tr(
            "@{handle}: X did not save the change, so a box you want off is still on — "
            "Consentinel tries again at the next check",
            handle=handle,
        )
    if result.reason is Reason.BOX_DISABLED and len(result.disabled_on) > 1:
        return tr(
            "@{handle}: X shows boxes you want off as on, and does not let them be changed — "
            "open Consentinel to see which",
            handle=handle,
        )
    if result.reason is Reason.BOX_DISABLED:
        return tr(
            "@{handle}: X shows a box you want off as on, and does not let it be changed — "
            "open Consentinel to see which",
            handle=handle,
        )
    return None


def _for_account(result: AccountResult) -> Notification | None:
    handle = result.handle
    off_again = bool(result.reverted_by_x) and _switched_off_again(result)
    if off_again and (result.all_off or result.reason is not Reason.EVIDENCE_NOT_KEPT):
        # (A check that stopped afterwards, at a file it could not keep, says so in the window:
        # what X did, and that it was undone, is what this says.)
        return Notification(
            NotificationKind.REVERTED_BY_X,
            handle,
            APP_NAME,
            tr(
                "X switched back on for @{handle}: {boxes}. Switched off again.",
                boxes=boxes_text(result.reverted_by_x),
                handle=handle,
            )
            if len(result.reverted_by_x) == 1
            else tr(
                "X switched back on for @{handle}: {boxes}. Each switched off again.",
                boxes=boxes_text(result.reverted_by_x),
                handle=handle,
            ),
        )
    if off_again and result.reason is Reason.EVIDENCE_NOT_KEPT:
        # The check stopped at a screenshot it could not write: it keeps only the boxes it had
        # switched off and read back, these among them; that they went unseen is said too.
        return Notification(
            NotificationKind.REVERTED_BY_X,
            handle,
            APP_NAME,
            tr(
                "X switched back on for @{handle}: {boxes}. Switched off again, but its "
                "screenshot could not be kept — open Consentinel.",
                boxes=boxes_text(result.reverted_by_x),
                handle=handle,
            )
            if len(result.reverted_by_x) == 1
            else tr(
                "X switched back on for @{handle}: {boxes}. Each switched off again, but their "
                "screenshots could not be kept — open Consentinel.",
                boxes=boxes_text(result.reverted_by_x),
                handle=handle,
            ),
            result.reason,
        )
    still_on = _still_on_words(result)
    if still_on:
        return Notification(NotificationKind.STILL_ON, handle, APP_NAME, still_on, result.reason)
    if result.reason in _COMPUTER_REASONS:
        return Notification(
            NotificationKind.CANNOT_CHECK,
            None,
            APP_NAME,
            _cannot_check_words(result.reason),
            result.reason,
        )
    if result.status in (Status.NEEDS_USER, Status.SIGNIN_FAILED) or (
        result.reason in SIGN_IN_REASONS
    ):
        return Notification(
            NotificationKind.NEEDS_USER,
            handle,
            APP_NAME,
            _clock_off_words(result)
            or _not_retried_words(result)
            or needs_you_words(handle, result.reason),
            result.reason,
        )
    if result.reason is Reason.PAGE_CHANGED:
        return Notification(
            NotificationKind.PAGE_CHANGED, None, APP_NAME, "", Reason.PAGE_CHANGED, (handle,)
        )
    if result.reason is Reason.EVIDENCE_NOT_KEPT:
        # The journal's proof of a change is its screenshot: the person keeps the disk able to
        # take them (said once, as a need is, until a check of the account ends all off).
        return Notification(
            NotificationKind.STILL_ON,
            handle,
            APP_NAME,
            tr(
                "@{handle}: the screenshot of its check could not be kept, so the check stopped "
                "there — open Consentinel to see why",
                handle=handle,
            ),
            result.reason,
        )
    return None


def _for_account_all(result: AccountResult) -> list[Notification]:
    """What a check's result says: X switching a box back on, and, for a check that did not
    end all off for all that (one that ended midway: X ended the session and no sign-in could
    follow…), what else it needs said (the person needed, a box still on, a changed page),
    which that news must not hide. A screenshot not kept is said with the switch itself."""
    first = _for_account(result)
    if first is None:
        return []
    if (
        first.kind is not NotificationKind.REVERTED_BY_X
        or result.all_off
        or result.reason is Reason.EVIDENCE_NOT_KEPT
    ):
        return [first]
    rest = _for_account(dataclasses.replace(result, reverted_by_x=()))
    return [first] if rest is None else [first, rest]


def _page_changed(handles: list[str]) -> Notification:
    """One notification for every account whose page could not be read, naming them, and what
    to do meanwhile, as the window's row says it (gui/row_hints): their boxes may be on."""
    named = [f"@{handle}" for handle in handles]
    body = tr(
        "Consentinel could not read X's settings page for {accounts} — it may have changed. "
        "Until Consentinel is updated, check their Grok settings yourself on x.com.",
        accounts=", ".join(named) if len(named) <= FEW else in_words(named),
    )
    return Notification(
        NotificationKind.PAGE_CHANGED, None, APP_NAME, body, Reason.PAGE_CHANGED, tuple(handles)
    )


def _hidden_on(hidden: list[AccountResult]) -> Notification:
    """One notification for every account X keeps boxes on for without showing them on its
    page (AccountResult.hidden_on, what the window's summary says too): on, with nothing that
    can switch them off until X shows them. X's doing, as a changed page is: said once while
    it lasts (see deliver()), naming the accounts, and again when an account has a box more
    hidden than when it was said (not when it has fewer)."""
    if len(hidden) == 1:
        (result,) = hidden
        body = (
            tr(
                "X keeps {box} on for @{handle} without showing it on its page: it cannot be "
                "switched off for now. Consentinel will switch it off as soon as X shows it.",
                box=boxes_text(result.hidden_on),
                handle=result.handle,
            )
            if len(result.hidden_on) == 1
            else tr(
                "X keeps {boxes} on for @{handle} without showing them on its page: they cannot "
                "be switched off for now. Consentinel will switch them off as soon as X shows "
                "them.",
                boxes=boxes_text(result.hidden_on),
                handle=result.handle,
            )
        )
    elif len(hidden) > FEW:
        from consentinel.core.notify_many import hidden_on_words

        body = hidden_on_words(hidden)
    else:
        where = tr("; ").join(f"@{a.handle} ({boxes_text(a.hidden_on)})" for a in hidden)
        body = tr(
            "X keeps boxes on without showing them on its page: {accounts}. They cannot be "
            "switched off for now; Consentinel will switch them off as soon as X shows them.",
            accounts=where,
        )
    handles = tuple(result.handle for result in hidden)
    boxes = tuple(result.hidden_on for result in hidden)
    return Notification(
        NotificationKind.HIDDEN_ON, None, APP_NAME, body, accounts=handles, boxes=boxes
    )


def _out_of_reach(stretches: list[tuple[str, OutOfReach]]) -> Notification:
    """One notification for every account X has been out of reach for, long enough (see
    long_out_of_reach): since when, and what to do."""
    if len(stretches) == 1:
        (handle, stretch), *_ = stretches
        body = tr(
            "Consentinel has not been able to check @{handle} on X since {when}: X could not "
            "be reached, did not answer in time, or asked to slow down, and a box X switches "
            "back on meanwhile stays on. Check this computer's connection and that x.com "
            "opens, then run `consentinel check` (or open Consentinel) to try now.",
            handle=handle,
            when=moment_text(stretch.since),
        )
    else:
        since = [
            tr("@{handle} (since {when})", handle=handle, when=moment_text(stretch.since))
            for handle, stretch in stretches
        ]
        accounts = ", ".join(since) if len(since) <= FEW else in_words(since)
        body = tr(
            "Consentinel has not been able to check {accounts} on X for days: X could not be "
            "reached, did not answer in time, or asked to slow down, and a box X switches back "
            "on meanwhile stays on. Check this computer's connection and that x.com opens, "
            "then run `consentinel check` (or open Consentinel) to try now.",
            accounts=accounts,
        )
    handles = tuple(handle for handle, _stretch in stretches)
    return Notification(NotificationKind.X_UNREACHABLE, None, APP_NAME, body, accounts=handles)


def _not_reached(result: AccountResult) -> bool:
    """The check did not reach X's settings page, for X's doing or the way to it's."""
    return result.reason in X_UNREACHED_REASONS and not result.settings


def accounts_missing_notice(handles: Sequence[str], *, list_empty: bool) -> Notification:
    """The accounts the journal knows and the list lacks are no longer checked: the list was
    set aside or deleted. Only the person adds them back (they may have removed one by hand);
    the window offers "Add back" when its list is empty, the command line always."""
    names = ", ".join(f"@{handle}" for handle in handles)
    if len(handles) == 1 and list_empty:
        body = tr(
            "{handles} is missing from Consentinel's list of accounts, so it is no longer "
            "checked. Open Consentinel and choose “Add back”, or run: consentinel account restore",
            handles=names,
        )
    elif list_empty:
        body = tr(
            "{handles} are missing from Consentinel's list of accounts, so they are no longer "
            "checked. Open Consentinel and choose “Add back”, or run: consentinel account restore",
            handles=names,
        )
    elif len(handles) == 1:
        body = tr(
            "{handles} is missing from Consentinel's list of accounts, so it is no longer "
            "checked. To add it back, run: consentinel account restore",
            handles=names,
        )
    else:
        body = tr(
            "{handles} are missing from Consentinel's list of accounts, so they are no longer "
            "checked. To add them back, run: consentinel account restore",
            handles=names,
        )
    return Notification(
        NotificationKind.ACCOUNTS_MISSING, None, APP_NAME, body, accounts=tuple(handles)
    )


def settings_set_aside_notice(moved: Path) -> Notification:
    """settings.json could not be used and was set aside: what the person chose is gone, and a
    pause of the automatic checks with it, so this run and the next ones check."""
    return Notification(
        NotificationKind.SETTINGS_SET_ASIDE,
        None,
        APP_NAME,
        tr(
            "Consentinel's settings file could not be used; it was set aside as {name} and the "
            "defaults are used. Automatic checks run again, even if you had paused them: open "
            "Consentinel to choose your settings again.",
            name=moved.name,
        ),
    )


def journal_set_aside_notice(moved: Path) -> Notification:
    """The journal could not be read (damaged, a newer version's) and was set aside as `moved`
    by a check nobody watched: its record of every earlier check is no longer in view, and the
    person is told where it is kept."""
    return Notification(
        NotificationKind.JOURNAL_SET_ASIDE,
        None,
        APP_NAME,
        tr(
            "Consentinel's journal could not be read; it was kept aside as {path} and a new "
            "one was started. Its record of earlier checks is in that file: keep it.",
            path=moved,
        ),
    )


def folder_unusable_words(folder: Path, problem: FolderProblem | None, said: str) -> str:
    """Why no check can run, naming the folder and what to do; `said`: the error's own
    sentence, for a cause that looking at the folder does not tell."""
    if problem is FolderProblem.FULL:
        return tr(
            "Consentinel could not check your X accounts: the disk of its folder {folder} is "
            "full. Free some space on it; the next scheduled check then runs.",
            folder=folder,
        )
    if problem is FolderProblem.READ_ONLY:
        return tr(
            "Consentinel could not check your X accounts: its folder {folder} is on a disk "
            "that is read-only. Make that disk writable again (the system may have made it "
            "read-only after an error: restart, or check the disk); the next scheduled check "
            "then runs.",
            folder=folder,
        )
    if problem is FolderProblem.NOT_WRITABLE:
        return tr(
            "Consentinel could not check your X accounts: you cannot write in its folder "
            "{folder}. Make it writable by you again (chmod u+rwx); the next scheduled check "
            "then runs.",
            folder=folder,
        )
    return tr(
        "Consentinel could not check your X accounts, as its folder {folder} cannot be used: "
        "{said} Run consentinel doctor to see what to do.",
        folder=folder,
        said=said,
    )


def folder_unusable_notice(words: str) -> Notification:
    """No check can run: Consentinel's folder cannot be written (folder_unusable_words)."""
    return Notification(NotificationKind.FOLDER_UNUSABLE, None, APP_NAME, words)


def check_failed_notice(error: str, log_path: Path | None) -> Notification:
    """A scheduled check stopped on an error no code expected (`error`: its kind's name, never
    its message): said at each run that meets it, so that checks failing for months are not
    mistaken for checks that ran; what to do, and where the details are."""
    if log_path is None:
        body = tr(
            "The scheduled check failed: an unexpected error ({error}) stopped it, so your X "
            "accounts may not all have been checked — open Consentinel to check them.",
            error=error,
        )
    else:
        body = tr(
            "The scheduled check failed: an unexpected error ({error}) stopped it, so your X "
            "accounts may not all have been checked — open Consentinel to check them. If it "
            "happens again, please report it with the log file {log}.",
            error=error,
            log=log_path,
        )
    return Notification(NotificationKind.CHECK_FAILED, None, APP_NAME, body)


def notifications_for(
    run: RunResult,
    already_said: Callable[[Notification], bool] | None = None,
    out_of_reach: Callable[[str], OutOfReach | None] | None = None,
) -> list[Notification]:
    """One notification per account event; none when nothing changed. Past FEW accounts,
    one per kind of event, counting the accounts and naming the first few (notify_many.py).

    A changed page is X's doing, not an account's, and a missing keyring or browser this
    computer's, so each is said once per run however many accounts hit it; so are boxes X
    keeps on without showing them on its page, in one notification naming the accounts.
    Transient failures (network, timeout, X asking to slow down) are not notified: the next
    run retries. But with
    `out_of_reach` (deliver() asks the journal how long each account's checks have not reached
    X), an account that has gone days unchecked so (long_out_of_reach) is said once, naming it
    and since when, in one notification for all such accounts: a box X switched back on would
    stay on all that time without a word. It is said again only after a check that reached X,
    and a new stretch. With `already_said` (deliver() asks the journal what was shown), what
    was already said is not said again every few hours; only X switching a box back on is said
    each time it happens.
    """
    # (An account removed during its check is none of the person's any more.)
    kept = [result for result in run.accounts if not result.removed]
    notes = [note for result in kept for note in _for_account_all(result)]
    unreadable = [
        h for note in notes if note.kind is NotificationKind.PAGE_CHANGED for h in note.accounts
    ]
    out: list[Notification] = []
    said_now: set[tuple[NotificationKind, str | None]] = set()
    for note in notes:
        if note.kind is NotificationKind.PAGE_CHANGED:
            note = _page_changed(unreadable)
        key = (note.kind, note.handle)
        if (
            note.kind is not NotificationKind.REVERTED_BY_X
            and already_said is not None
            and already_said(note)
        ):
            continue
        if note.handle is None:
            if key in said_now:
                continue
            said_now.add(key)
        out.append(note)
    hidden = [result for result in kept if result.hidden_on]
    if hidden:
        note = _hidden_on(hidden)
        if already_said is None or not already_said(note):
            out.append(note)
    if out_of_reach is not None:
        stretches = [
            (result.handle, stretch)
            for result in run.accounts
            if _not_reached(result)
            and (stretch := out_of_reach(result.handle)) is not None
            and not stretch.told
            and long_out_of_reach(stretch)
        ]
        if stretches:
            out.append(_out_of_reach(stretches))
    if len(out) > FEW:
        from consentinel.core.notify_many import merged_past_few

        out = merged_past_few(out, {result.handle: result for result in kept})
    return out
