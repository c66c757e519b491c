"""The words the windows show for boxes, statuses, steps, journal kinds and on/off values."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from consentinel.core.journal_entries import Entry, EntryKind, untick_not_saved
from consentinel.core.status import ALL_BOXES, Box, Reason, Status
from consentinel.core.status_words import (
    CLOCK_OFF,
    STATUS_BY_REASON,
    X_FAILING,
    X_UNREACHABLE,
    named_outcome,
)
from consentinel.core.steps import Step

_CONTEXT = "DialogWords"


def capitalised(text: str) -> str:
    """Words as a table's cell says them: with a capital, as every cell beside them ("Off"
    beside "Fixed", "In 6 hours" under "Not scheduled"); a sentence keeps them as they are."""
    return text[:1].upper() + text[1:]


# Marked with QT_TRANSLATE_NOOP so that lupdate finds them; translated when shown.
_BOX_NAMES = {
    Box.TRAINING: QT_TRANSLATE_NOOP("DialogWords", "Training"),
    Box.PERSONALIZATION: QT_TRANSLATE_NOOP("DialogWords", "Personalization"),
    Box.MEMORY: QT_TRANSLATE_NOOP("DialogWords", "Memory"),
}
_BOX_DESCRIPTIONS = {
    Box.TRAINING: QT_TRANSLATE_NOOP(
        "DialogWords", "Use my posts and Grok conversations to train AI"
    ),
    Box.PERSONALIZATION: QT_TRANSLATE_NOOP("DialogWords", "Personalize my Grok experience"),
    Box.MEMORY: QT_TRANSLATE_NOOP("DialogWords", "Let Grok remember my conversations"),
}
_STATUS_NAMES = {
    Status.OPTED_OUT: QT_TRANSLATE_NOOP("DialogWords", "Already off"),
    Status.FIXED: QT_TRANSLATE_NOOP("DialogWords", "Fixed"),
    Status.WOULD_FIX: QT_TRANSLATE_NOOP("DialogWords", "Would fix"),
    Status.NEEDS_USER: QT_TRANSLATE_NOOP("DialogWords", "Needs you"),
    Status.SIGNIN_FAILED: QT_TRANSLATE_NOOP("DialogWords", "Sign-in failed"),
    Status.ERROR: QT_TRANSLATE_NOOP("DialogWords", "Error"),
}
_PAGE_CHANGED = QT_TRANSLATE_NOOP("DialogWords", "Page changed")
_CANCELLED = QT_TRANSLATE_NOOP("DialogWords", "Cancelled")
# X's doing and not a failure: Consentinel waits as X asked (its tooltip says until when).
_SLOWED_DOWN = QT_TRANSLATE_NOOP("DialogWords", "Slowed down by X")
_OWN_NAMES = {
    Reason.PAGE_CHANGED: _PAGE_CHANGED,
    Reason.RATE_LIMITED: _SLOWED_DOWN,
    Reason.CANCELLED: _CANCELLED,
}
#: A status said by its reason (a password X refused, each step only the person can take, X
#: not reached or too slow), X not reached by who failed, and a 2FA code refused for this
#: computer's clock: the command line's words too, so kept in the core (core/status_words.py)
#: and translated here as ever, in DialogWords (their French: consentinel_fr_dialogs.ts).
_STATUS_BY_REASON = STATUS_BY_REASON
_UNREACHABLE = X_UNREACHABLE
_FAILING = X_FAILING
_CLOCK_OFF = CLOCK_OFF
#: The statuses said by a reason (status, reason), as the journal's outcome filter lists them:
#: under their status's own name, which covers them too ("Sign-in failed").
NAMED_BY_REASON: tuple[tuple[Status, Reason], ...] = tuple(_STATUS_BY_REASON)
#: An account whose every box X's page shows is off, but where X keeps some on unseen
#: (AccountResult.hidden_on): not green "Fixed", which reads as protected.
_ONE_STILL_ON = QT_TRANSLATE_NOOP("DialogWords", "1 box still on at X")
_SOME_STILL_ON = QT_TRANSLATE_NOOP("DialogWords", "{count} boxes still on at X")
#: An account whose boxes X had switched back on since the check before, and this one unticked
#: again (AccountResult.reverted_by_x): news until the next check, not a plain "Fixed". Which
#: boxes: their own cells say "Off again".
_ONE_OFF_AGAIN = QT_TRANSLATE_NOOP("DialogWords", "Off again: X had switched 1 box back on")
_SOME_OFF_AGAIN = QT_TRANSLATE_NOOP(
    "DialogWords", "Off again: X had switched {count} boxes back on"
)
#: Both at once: what X keeps on unseen first (it is still on), then the news of the others.
#: Not "Off again" alone, which reads as every box off. ({still_on}: _ONE/_SOME_STILL_ON.)
_STILL_ON_ONE_OFF_AGAIN = QT_TRANSLATE_NOOP("DialogWords", "{still_on}; 1 off again")
_STILL_ON_SOME_OFF_AGAIN = QT_TRANSLATE_NOOP("DialogWords", "{still_on}; {count} off again")
_BOX_OFF_AGAIN = QT_TRANSLATE_NOOP("DialogWords", "off again")
_NOT_CHECKED = QT_TRANSLATE_NOOP("DialogWords", "Not checked yet")
_WAITING = QT_TRANSLATE_NOOP("DialogWords", "Waiting (X refused a sign-in)")
_STEP_NAMES = {
    Step.QUEUED: QT_TRANSLATE_NOOP("DialogWords", "Waiting for its turn…"),
    Step.OPENING_SESSION: QT_TRANSLATE_NOOP("DialogWords", "Opening the session…"),
    # Another account's sign-in, not the person (as the command line says it): "Waiting to
    # sign in…" read as a wait for them, beside "Waiting for your code…".
    Step.WAITING_TO_SIGN_IN: QT_TRANSLATE_NOOP("DialogWords", "Waiting for another sign-in…"),
    Step.SIGNING_IN: QT_TRANSLATE_NOOP("DialogWords", "Signing in…"),
    Step.WAITING_FOR_CODE: QT_TRANSLATE_NOOP("DialogWords", "Waiting for your code…"),
    Step.WAITING_FOR_ANSWER: QT_TRANSLATE_NOOP("DialogWords", "Waiting for your answer…"),
    # Short: the status column is as wide as its widest words.
    Step.WAITING_FOR_PERSON: QT_TRANSLATE_NOOP("DialogWords", "Waiting for you in the browser…"),
    Step.READING_PAGE: QT_TRANSLATE_NOOP("DialogWords", "Reading the page…"),
    Step.UNTICKING: QT_TRANSLATE_NOOP("DialogWords", "Unticking…"),
    Step.VERIFYING: QT_TRANSLATE_NOOP("DialogWords", "Verifying…"),
    Step.DONE: QT_TRANSLATE_NOOP("DialogWords", "Done"),
}
_KIND_NAMES = {
    EntryKind.RUN_STARTED: QT_TRANSLATE_NOOP("DialogWords", "Check started"),
    EntryKind.RUN_FINISHED: QT_TRANSLATE_NOOP("DialogWords", "Check finished"),
    EntryKind.RUN_INTERRUPTED: QT_TRANSLATE_NOOP("DialogWords", "Check interrupted"),
    EntryKind.CHECK: QT_TRANSLATE_NOOP("DialogWords", "Account checked"),
    EntryKind.CHANGE: QT_TRANSLATE_NOOP("DialogWords", "Box changed"),
    EntryKind.SIGNIN: QT_TRANSLATE_NOOP("DialogWords", "Sign-in"),
    EntryKind.EVIDENCE: QT_TRANSLATE_NOOP("DialogWords", "Screenshot"),
    EntryKind.NOTIFICATION: QT_TRANSLATE_NOOP("DialogWords", "Notification"),
    EntryKind.ACCOUNT_ADDED: QT_TRANSLATE_NOOP("DialogWords", "Account added"),
    EntryKind.ACCOUNT_REMOVED: QT_TRANSLATE_NOOP("DialogWords", "Account removed"),
    EntryKind.ACCOUNT_EDITED: QT_TRANSLATE_NOOP("DialogWords", "Account edited"),
    EntryKind.SETTINGS_CHANGED: QT_TRANSLATE_NOOP("DialogWords", "Settings changed"),
    EntryKind.JOURNAL_RESTARTED: QT_TRANSLATE_NOOP("DialogWords", "Journal started over"),
    EntryKind.ACCOUNTS_SET_ASIDE: QT_TRANSLATE_NOOP("DialogWords", "Accounts file set aside"),
    EntryKind.HISTORY_ERASED: QT_TRANSLATE_NOOP("DialogWords", "History erased"),
    EntryKind.ERASED: QT_TRANSLATE_NOOP("DialogWords", "Erased entry"),
}
_UNTICK_NOT_SAVED = QT_TRANSLATE_NOOP("DialogWords", "Untick not saved")
_ON = QT_TRANSLATE_NOOP("DialogWords", "on")
_OFF = QT_TRANSLATE_NOOP("DialogWords", "off")
_UNKNOWN = QT_TRANSLATE_NOOP("DialogWords", "?")
_NOT_SHOWN = QT_TRANSLATE_NOOP("DialogWords", "not shown")


def _t(text: object) -> str:
    # QT_TRANSLATE_NOOP is typed as returning object; it returns its text unchanged.
    return QCoreApplication.translate(_CONTEXT, str(text))


def box_name(box: Box) -> str:
    """A short name for a box on X's Grok settings page."""
    return _t(_BOX_NAMES[box])


def box_description(box: Box) -> str:
    """What the box on X's page allows, in a few words."""
    return _t(_BOX_DESCRIPTIONS[box])


def on_off(value: object) -> str:
    """'on', 'off', or '?' when the box was not seen."""
    if value is True:
        return _t(_ON)
    if value is False:
        return _t(_OFF)
    return _t(_UNKNOWN)


def not_shown() -> str:
    """A box X did not show on this account's page."""
    return _t(_NOT_SHOWN)


def status_name(
    status: Status,
    reason: Reason | None = None,
    *,
    clock_off: bool = False,
    x_answered: bool | None = None,
) -> str:
    """The status in words; a changed page, X's request to slow down and a cancelled check
    get their own words (OWN_NAME_REASONS), and so do a password X refused, each step only
    the person can take (a 2FA code, X's lock, a captcha…) and X not reached or too slow.
    `clock_off`: the 2FA code was refused for this computer's clock (AccountResult.
    clock_offset_s), said as such. `x_answered`, of X not reached: X answered with an error
    of its own ("X failing"), or was not reached from here ("X unreachable"); None: not
    known ("X unreachable or failing")."""
    named = named_outcome(status, reason, x_answered, clock_off=clock_off)
    if named:  # (the command line's words too: core/status_words.py)
        return _t(named)
    if reason in _OWN_NAMES:
        return _t(_OWN_NAMES[reason])
    return _t(_STATUS_NAMES[status])


def still_on_at_x(hidden_on: Collection[Box]) -> str:
    """An account whose boxes are off on X's page while X keeps `hidden_on` on unseen."""
    if len(hidden_on) == 1:
        return _t(_ONE_STILL_ON)
    return _t(_SOME_STILL_ON).replace("{count}", str(len(hidden_on)))


def still_on_unseen(status: Status | None, hidden_on: Collection[Box]) -> bool:
    """Whether a check that ended with every box its page shows off left boxes X keeps on
    without showing them: said as such (still_on_at_x), not as "Fixed" or "Already off"."""
    return bool(hidden_on) and status in (Status.OPTED_OUT, Status.FIXED)


def outcome_name(
    status: Status,
    reason: Reason | None,
    hidden_on: Collection[Box] = (),
    *,
    clock_off: bool = False,
    x_answered: bool | None = None,
) -> str:
    """How a check ended, as the accounts table's status cell says it: its status_name, or the
    boxes X keeps on unseen after a check that switched off every box its page shows."""
    if still_on_unseen(status, hidden_on):
        return still_on_at_x(hidden_on)
    return status_name(status, reason, clock_off=clock_off, x_answered=x_answered)


def off_again(reverted: Collection[Box], hidden_on: Collection[Box] = ()) -> str:
    """An account whose `reverted` boxes X had switched back on, switched off again; and,
    when X still keeps `hidden_on` on unseen, those first ("1 box still on at X; 2 off
    again"): "Off again" alone read as every box off while Memory was still on."""
    if hidden_on:
        words = _STILL_ON_ONE_OFF_AGAIN if len(reverted) == 1 else _STILL_ON_SOME_OFF_AGAIN
        return (
            _t(words)
            .replace("{still_on}", still_on_at_x(hidden_on))
            .replace("{count}", str(len(reverted)))
        )
    if len(reverted) == 1:
        return _t(_ONE_OFF_AGAIN)
    return _t(_SOME_OFF_AGAIN).replace("{count}", str(len(reverted)))


def box_off_again() -> str:
    """A box X had switched back on, switched off again by the last check."""
    return _t(_BOX_OFF_AGAIN)


def status_names_reason(status: Status, reason: Reason | None) -> bool:
    """Whether status_name() already says the reason (no "(wrong password)" after it)."""
    return reason in _OWN_NAMES or (reason is not None and (status, reason) in _STATUS_BY_REASON)


def not_checked() -> str:
    return _t(_NOT_CHECKED)


def backing_off() -> str:
    return _t(_WAITING)


def step_name(step: Step) -> str:
    return _t(_STEP_NAMES[step])


#: The steps at which a check waits for the person (said wherever the check is followed).
PERSON_STEPS = (Step.WAITING_FOR_CODE, Step.WAITING_FOR_ANSWER, Step.WAITING_FOR_PERSON)
_WAITING_FOR_YOU = {
    Step.WAITING_FOR_CODE: QT_TRANSLATE_NOOP("DialogWords", "Waiting for your code for @{handle}"),
    Step.WAITING_FOR_ANSWER: QT_TRANSLATE_NOOP(
        "DialogWords", "Waiting for your answer for @{handle}"
    ),
    Step.WAITING_FOR_PERSON: QT_TRANSLATE_NOOP(
        "DialogWords", "Waiting for you to sign in @{handle} in the browser window"
    ),
}


def waiting_for_you(handle: str, step: Step) -> str:
    """What a check waits for from the person (a step of PERSON_STEPS), naming the account."""
    return _t(_WAITING_FOR_YOU[step]).replace("{handle}", handle)


def all_status_texts() -> list[str]:
    """Every word the status column can show (its width is set by the widest, so that it does
    not jump at each step of a check)."""
    words = [_t(text) for text in (*_STATUS_NAMES.values(), *_STEP_NAMES.values())]
    named = (*_STATUS_BY_REASON.values(), _CLOCK_OFF, _UNREACHABLE, _FAILING)
    own = [_t(text) for text in (*_OWN_NAMES.values(), *named)]
    still_on = [still_on_at_x(ALL_BOXES[:count]) for count in range(1, len(ALL_BOXES) + 1)]
    again = [off_again(ALL_BOXES[:count]) for count in range(1, len(ALL_BOXES) + 1)]
    # Both: as many boxes as there are, at most, between those held and those off again.
    again += [off_again(ALL_BOXES[held:], ALL_BOXES[:held]) for held in range(1, len(ALL_BOXES))]
    return [*words, *own, *still_on, *again, _t(_NOT_CHECKED), _t(_WAITING)]


def kind_name(kind: EntryKind) -> str:
    text = _KIND_NAMES.get(kind)
    return _t(text) if text else kind.value


def entry_kind_name(entry: Entry) -> str:
    """What an entry says happened: its kind's name, but not "Box changed" for an untick X did
    not confirm, which changed nothing (the kind filter still lists it under its kind)."""
    if entry.kind is EntryKind.CHANGE and untick_not_saved(entry.payload):
        return _t(_UNTICK_NOT_SAVED)
    return kind_name(entry.kind)
