"""The words a check ends with: statuses, reasons and the boxes on X's Grok page."""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum


class Box(str, Enum):
    """A checkbox on X's Grok settings page, in the page's order."""

    TRAINING = "training"
    PERSONALIZATION = "personalization"
    MEMORY = "memory"


ALL_BOXES: tuple[Box, ...] = (Box.TRAINING, Box.PERSONALIZATION, Box.MEMORY)


def boxes_named(values: object) -> list[Box]:
    """The boxes a stored list names (a journal entry's, a file's), in its order: those this
    version knows; nothing when it is no list (an entry written by another version)."""
    if not isinstance(values, (list, tuple)):
        return []
    known = {box.value: box for box in Box}
    return [known[value] for value in values if isinstance(value, str) and value in known]


class Status(str, Enum):
    """How one account's check ended."""

    OPTED_OUT = "opted_out"  # every enforced box was already off
    FIXED = "fixed"  # at least one box was on, is now off, and was read back off
    WOULD_FIX = "would_fix"  # dry run: a box is on and would be unticked
    NEEDS_USER = "needs_user"  # a person must act (2FA code, captcha, email code…)
    SIGNIN_FAILED = "signin_failed"  # X refused the sign-in (wrong password, unknown account…)
    ERROR = "error"  # anything else: page changed, network, save failed…


class Reason(str, Enum):
    """Why a check did not simply end opted out or fixed."""

    TWO_FACTOR = "two_factor"
    EMAIL_CODE = "email_code"
    CAPTCHA = "captcha"
    UNUSUAL_ACTIVITY = "unusual_activity"
    REFUSED = "refused"
    LOCKED = "locked"
    SESSION_EXPIRED = "session_expired"
    #: No session saved (none yet, or the saved one could not be read and was set aside),
    #: and no password to sign in with.
    NOT_SIGNED_IN = "not_signed_in"
    WRONG_PASSWORD = "wrong_password"
    UNKNOWN_ACCOUNT = "unknown_account"
    PAGE_CHANGED = "page_changed"
    SAVE_FAILED = "save_failed"
    NETWORK = "network"
    TIMEOUT = "timeout"
    BROWSER_MISSING = "browser_missing"
    KEYRING_UNAVAILABLE = "keyring_unavailable"
    RATE_LIMITED = "rate_limited"
    CANCELLED = "cancelled"
    BACKING_OFF = "backing_off"
    BOX_DISABLED = "box_disabled"  # an enforced box X shows ticked but disabled (under 18)
    BROWSER_CRASHED = "browser_crashed"  # the browser stopped during the check (killed, crashed)
    #: A screenshot of the check could not be written (a full or read-only disk): the check
    #: stopped there, keeping what it had done and read back before.
    EVIDENCE_NOT_KEPT = "evidence_not_kept"


def reason_named(value: object) -> Reason | None:
    """A stored reason (a journal entry's, a file's): None for none, or for one this version
    does not know (written by a later one)."""
    try:
        return Reason(value) if isinstance(value, str) and value else None
    except ValueError:
        return None


#: Reasons that mean a person must sign in again (or finish signing in) for checks to go on.
SIGN_IN_REASONS = frozenset(
    {
        Reason.TWO_FACTOR,
        Reason.EMAIL_CODE,
        Reason.CAPTCHA,
        Reason.UNUSUAL_ACTIVITY,
        Reason.SESSION_EXPIRED,
        Reason.NOT_SIGNED_IN,
        Reason.WRONG_PASSWORD,
        Reason.LOCKED,
        Reason.REFUSED,
    }
)


def waits_for_person(status: object, reason: Reason | None) -> bool:
    """Whether a check that ended so waits for the person: a step of X's sign-in only they can
    take, the right password, X's lock… (`status`: a Status, or its stored value). What the
    notifications say "needs you" of, and what the window and a scheduled run leave to them."""
    return status in (Status.NEEDS_USER, Status.SIGNIN_FAILED) or reason in SIGN_IN_REASONS


#: Reasons whose check is named after them rather than after its status ("Page changed",
#: "Slowed down by X", "Cancelled", not "Error"), in the windows and in their filters: none is
#: a failure of the person's or of this computer's.
OWN_NAME_REASONS: tuple[Reason, ...] = (Reason.PAGE_CHANGED, Reason.RATE_LIMITED, Reason.CANCELLED)

#: Reasons that kept a check from reaching X (the network, this computer's browser or keyring):
#: a run where any account ended so did not go through, and is tried again soon, not after a
#: whole interval.
RETRY_SOON_REASONS = frozenset(
    {
        Reason.NETWORK,
        Reason.TIMEOUT,
        Reason.BROWSER_MISSING,
        Reason.BROWSER_CRASHED,
        Reason.KEYRING_UNAVAILABLE,
    }
)

#: Reasons for which a check did not reach X's settings page because of X or the way to it:
#: no answer, too slow an answer, or X asking to slow down. One is no news (the next check tries
#: again); an account that goes days with nothing else is (core/notify: X_UNREACHABLE).
X_UNREACHED_REASONS = frozenset({Reason.NETWORK, Reason.TIMEOUT, Reason.RATE_LIMITED})

#: Reasons after which no automatic sign-in is tried for a while (the back-off).
BACKOFF_REASONS = frozenset({Reason.REFUSED, Reason.CAPTCHA, Reason.LOCKED, Reason.RATE_LIMITED})


class Tally(str, Enum):
    """What a check's end comes to for the person, in the few kinds the window's summary, the
    tray and a run's journal entry count (in this order): every box off, would be switched off
    (a dry run), waits for the person, could not be checked (tried again at the next check),
    every box shown off but one X keeps on unseen (the window and the tray say these apart),
    cancelled. The accounts table's finer names say why, row by row."""

    OFF = "off"
    WOULD_FIX = "would_fix"
    NEED_YOU = "need_you"
    NOT_CHECKED = "not_checked"
    HIDDEN_ON = "hidden_on"
    CANCELLED = "cancelled"


#: How a run's journal entry keys a check that found every box X's page shows off, but where
#: X keeps one on that its page does not show: not "off" (its entries before this key counted
#: it there).
HIDDEN_ON_OUTCOME = "hidden_on"


#: The kind of each outcome a run's journal entry counts (a status, or a reason of
#: OWN_NAME_REASONS): X slowing checks down or a changed page is no step of the person's.
_TALLIED: dict[str, Tally] = {
    Status.OPTED_OUT.value: Tally.OFF,
    Status.FIXED.value: Tally.OFF,
    Status.WOULD_FIX.value: Tally.WOULD_FIX,
    Status.NEEDS_USER.value: Tally.NEED_YOU,
    Status.SIGNIN_FAILED.value: Tally.NEED_YOU,
    Status.ERROR.value: Tally.NOT_CHECKED,
    Reason.PAGE_CHANGED.value: Tally.NOT_CHECKED,
    Reason.RATE_LIMITED.value: Tally.NOT_CHECKED,
    HIDDEN_ON_OUTCOME: Tally.HIDDEN_ON,
    Reason.CANCELLED.value: Tally.CANCELLED,
}


def outcome_key(status: Status, reason: Reason | None, hidden_on: Sequence[Box] = ()) -> str:
    """How a run's journal entry keys a check's end: by its reason when the check is named
    after it (OWN_NAME_REASONS); HIDDEN_ON_OUTCOME for every box shown off but some X keeps on
    unseen (`hidden_on`: AccountResult.hidden_on), as the window's summary says them apart;
    else by its status."""
    if reason in OWN_NAME_REASONS and reason is not None:
        return reason.value
    if hidden_on and status in (Status.OPTED_OUT, Status.FIXED):
        return HIDDEN_ON_OUTCOME
    return status.value


def tally_of(outcome: str) -> Tally | None:
    """The kind an outcome (`outcome_key`) is counted in; None for one a later version wrote."""
    return _TALLIED.get(outcome)


def tallied(outcomes: dict[str, int]) -> dict[Tally, int]:
    """Counts by outcome (a run's journal entry's) summed by kind, in `Tally` order, without
    the kinds none ended in."""
    sums = dict.fromkeys(Tally, 0)
    for outcome, count in outcomes.items():
        kind = tally_of(str(outcome))
        if kind is not None and isinstance(count, int):
            sums[kind] += count
    return {kind: count for kind, count in sums.items() if count}
