"""When the engine may sign in by itself, and what a sign-in's outcome changes for next time.

X locks accounts that fail sign-ins repeatedly (x-reference §4), so: a wrong password is sent
once, ever, until the person saves a new one; after a refusal or captcha no automatic sign-in is
tried for `settings.backoff_hours`, twice as long after each refusal in a row (up to a week), and
after X's "too many requests" for an hour (the same as at its settings page); an
account X locked is not signed in to by itself at all until it is seen unlocked (its page read
with its session, or the person's own sign-in). A scheduled run that stopped at a step only a
person can take (a code sent by text or email), or at a handle X does not know, does not sign in
again by itself until a sign-in succeeds: X would send a new code, or count one more failed
sign-in, at every run.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from consentinel.core.accounts import AccountState, AccountStore
from consentinel.core.check_messages import held_message, is_wait_detail
from consentinel.core.status import BACKOFF_REASONS, Reason, Status

#: After X answered "too many requests" to a check or a sign-in, the account's checks leave X
#: alone this long (the back-off setting, if shorter): X asks for 15 minutes, not the hours a
#: refusal is given (x-reference §4).
RATE_LIMIT_BACKOFF_HOURS = 1.0


def backoff_hours_for(reason: Reason, backoff_hours: float) -> float:
    """How long a back-off for `reason` lasts (before doubling for those in a row): X's "too
    many requests" RATE_LIMIT_BACKOFF_HOURS at most, wherever X said it; else the setting."""
    if reason is Reason.RATE_LIMITED:
        return min(RATE_LIMIT_BACKOFF_HOURS, backoff_hours)
    return backoff_hours


#: Where a scheduled run stops and then waits for the person: steps it cannot take, and a
#: handle X does not know (typed again at every run, it is one more failed sign-in each time).
PERSON_STEP_REASONS = frozenset(
    {Reason.TWO_FACTOR, Reason.EMAIL_CODE, Reason.UNUSUAL_ACTIVITY, Reason.UNKNOWN_ACCOUNT}
)


@dataclass(frozen=True)
class SigninRefusal:
    """Why the engine will not try an automatic sign-in now: a reason remembered from an
    earlier sign-in or check, never X's answer now (none is asked for)."""

    status: Status
    reason: Reason
    #: What the check says, not knowing since when the reason holds (message_since knows).
    message: str
    #: Held by a back-off (X refused the last sign-in, or showed a puzzle): `reason` is that
    #: sign-in's, and no sign-in is tried now.
    backoff: bool = False
    #: What the sign-in that stopped at a step for the person said of it (waits_detail).
    detail: str = ""
    #: The back-off's end.
    until: datetime | None = None

    def message_since(self, handle: str, since: datetime | None) -> str:
        """The check's sentence: not tried again since `since` (when X said it)."""
        return held_message(
            self.reason,
            handle,
            since,
            backoff_until=self.until,
            backoff=self.backoff,
            detail=self.detail,
        )


def status_for(reason: Reason) -> Status:
    """The status a sign-in that ended with this reason gives the check."""
    if reason in (Reason.WRONG_PASSWORD, Reason.UNKNOWN_ACCOUNT, Reason.REFUSED):
        return Status.SIGNIN_FAILED
    if reason in (
        Reason.TWO_FACTOR,
        Reason.EMAIL_CODE,
        Reason.CAPTCHA,
        Reason.UNUSUAL_ACTIVITY,
        Reason.LOCKED,
        Reason.SESSION_EXPIRED,
        Reason.NOT_SIGNED_IN,
    ):
        return Status.NEEDS_USER
    return Status.ERROR


def may_sign_in(
    handle: str, state: AccountState, now: datetime | None = None, *, unattended: bool = False
) -> SigninRefusal | None:
    """None when an automatic sign-in may be tried; else why not."""
    now = now or datetime.now(timezone.utc)
    if not state.sign_in_held(now, unattended=unattended):
        return None
    if unattended and state.waits_for_person is not None:
        reason = state.waits_for_person
        detail = state.waits_detail
        message = held_message(reason, handle, None, detail=detail)
        return SigninRefusal(status_for(reason), reason, message, detail=detail)
    if state.block_reason is Reason.LOCKED:
        # Only its owner can unlock it, on X; whenever the back-off ends, a sign-in would find
        # it locked still, one more attempt on an account X already holds.
        message = held_message(Reason.LOCKED, handle, None)
        return SigninRefusal(Status.NEEDS_USER, Reason.LOCKED, message)
    if state.password_rejected:
        message = held_message(Reason.WRONG_PASSWORD, handle, None)
        return SigninRefusal(Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD, message)
    if state.is_blocked(now):
        reason = state.block_reason or Reason.REFUSED
        until = state.blocked_until
        message = held_message(reason, handle, None, backoff_until=until, backoff=True)
        return SigninRefusal(status_for(reason), reason, message, backoff=True, until=until)
    return None


def remember_outcome(
    store: AccountStore,
    handle: str,
    reason: Reason | None,
    password_submitted: bool,
    backoff_hours: float,
    *,
    unattended: bool = False,
    detail: str = "",
    rejected_password: str | None = None,
) -> None:
    """Record what this sign-in teaches: a rejected password, a back-off, or (for a scheduled
    run) a step that waits for the person, with what the sign-in said of it (`detail`).
    `rejected_password`: the keyed hash of the password typed (password_refusals), so that X's
    "wrong password" is not taken for one of a password saved meanwhile (None: of the saved
    one, whatever it is)."""
    if reason is None:
        # Signed in: any earlier block or wait no longer applies.
        state = store.state(handle)
        if state.blocked_until is not None or state.backoffs_in_a_row:
            store.unblock(handle)
        store.set_waits_for_person(handle, None)
        return
    if unattended and reason in PERSON_STEP_REASONS:
        store.set_waits_for_person(handle, reason, detail if is_wait_detail(detail) else "")
    if reason is Reason.WRONG_PASSWORD and password_submitted:
        store.mark_password_rejected(handle, rejected_password)
    if reason in BACKOFF_REASONS:
        store.block(handle, reason, hours=backoff_hours_for(reason, backoff_hours))


def page_was_read(store: AccountStore, handle: str) -> None:
    """The account's settings page was read with its session: X does not hold it locked (any
    longer), so a lock no longer keeps automatic sign-ins from being tried."""
    if store.state(handle).block_reason is Reason.LOCKED:
        store.unblock(handle)
