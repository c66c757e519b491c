"""What a person's sign-in in a window ("Sign in yourself…", `consentinel login`) that did not
reach X's home says: the time it had run out, and the step X still showed, or the window closed."""

from __future__ import annotations

from consentinel.core.i18n import tr
from consentinel.x.signin_screens import Screen


def waited_words(seconds: float) -> str:
    """How long the window waited, as a person reads it ("10 min"; seconds under a minute). The
    same in French: no tr()."""
    if seconds < 60:
        return f"{max(1, round(seconds))} s"
    return f"{round(seconds / 60)} min"


def _still_shown(screen: Screen | None) -> str:
    """What X showed when the time ran out, to follow "X was still showing"; "" if unknown."""
    words = {
        Screen.CAPTCHA: tr("a captcha"),
        Screen.LOCKED: tr("that the account is locked"),
        Screen.USERNAME: tr("its sign-in page"),
        Screen.PASSWORD: tr("its password step"),
        Screen.TWO_FACTOR: tr("its step for the two-factor code"),
        Screen.EMAIL_CODE: tr("its step for the code sent by email or text message"),
        Screen.UNUSUAL_ACTIVITY: tr("its question about unusual activity"),
        Screen.ENTER_TEXT: tr("a question"),
        Screen.REFUSED: tr("that it refused the sign-in"),
    }
    return words.get(screen, "") if screen is not None else ""


def ran_out_message(handle: str, waited_s: float, screen: Screen | None) -> str:
    """The window's time ran out: after how long, and at which of X's steps. A captcha nobody
    solved read as "was not finished in the window", with neither the time nor the captcha."""
    waited = waited_words(waited_s)
    what = _still_shown(screen)
    if what:
        return tr(
            "The time to finish signing in to @{handle} ran out after {waited}: X was still "
            "showing {what}.",
            handle=handle,
            waited=waited,
            what=what,
        )
    return tr(
        "The time to finish signing in to @{handle} ran out after {waited}.",
        handle=handle,
        waited=waited,
    )


def window_closed_message(handle: str) -> str:
    """The person closed the window before X showed its home page."""
    return tr("The window was closed before the sign-in of @{handle} was finished.", handle=handle)
