"""The few words that name how an account's check ended, where its status alone says too
little: the window's status column and the command line (`check`, `account list`) say the
same ones. Qt-free English message ids: the window translates them with Qt (DialogWords, its
.ts), the command line with tr() (core/i18n_fr.py); tests/unit/test_status_words.py keeps the
two French alike."""

from __future__ import annotations

from consentinel.core.status import Reason, Status

#: A status said by its reason, where the reason is what the person must know: X refused the
#: saved password (a typo costs a sign-in), not merely "Sign-in failed".
#: Each step only the person can take has its own name too: "Needs you" alone, said of a
#: 2FA code, X's lock and a captcha alike, told nobody which (short: the status column's width).
STATUS_BY_REASON: dict[tuple[Status, Reason], str] = {
    (Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD): "Password refused",
    (Status.NEEDS_USER, Reason.TWO_FACTOR): "2FA code needed",
    (Status.NEEDS_USER, Reason.EMAIL_CODE): "Email or SMS code needed",
    (Status.NEEDS_USER, Reason.CAPTCHA): "Captcha to solve",
    (Status.NEEDS_USER, Reason.UNUSUAL_ACTIVITY): "Email or phone to confirm",
    (Status.NEEDS_USER, Reason.LOCKED): "Locked by X",
    (Status.NEEDS_USER, Reason.SESSION_EXPIRED): "Session expired",
    (Status.NEEDS_USER, Reason.NOT_SIGNED_IN): "Sign-in needed",
    # Not "Error", red as a refused password: nothing of the person's failed, and the next
    # check tries again. This name, for a check not known to be either (an entry of an earlier
    # version) and for the journal's filter, which lists both under it.
    (Status.ERROR, Reason.NETWORK): "X unreachable or failing",
    (Status.ERROR, Reason.TIMEOUT): "X too slow to answer",
}
#: A NETWORK check, by who failed (AccountResult.x_answered): X not reached from this computer
#: (its network, VPN or proxy), or X answering with an error of its own (a 5xx).
X_UNREACHABLE = "X unreachable"
X_FAILING = "X failing"
#: A 2FA code X refused because this computer's clock is off X's (core/clock_offset.py): not
#: "2FA code needed", as no code is wanted from the person; the clock is to be set right.
CLOCK_OFF = "Clock to set right"


def named_outcome(
    status: Status,
    reason: Reason | None,
    x_answered: bool | None = None,
    *,
    clock_off: bool = False,
) -> str:
    """The English id of the words a check that ended so is named by, or "" when its status
    alone names it (with its reason said after, if any). `x_answered`, of X not reached: X
    answered with an error of its own ("X failing"), or was not reached from here ("X
    unreachable"); None: not known ("X unreachable or failing"). `clock_off`: the 2FA code
    was refused for this computer's clock (AccountResult.clock_offset_s)."""
    if clock_off and (status, reason) == (Status.NEEDS_USER, Reason.TWO_FACTOR):
        return CLOCK_OFF
    if (status, reason) == (Status.ERROR, Reason.NETWORK) and x_answered is not None:
        return X_FAILING if x_answered else X_UNREACHABLE
    if reason is None:
        return ""
    return STATUS_BY_REASON.get((status, reason), "")
