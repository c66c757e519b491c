"""The sentence each check result shows a person, in English and French (via tr())."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from functools import cache

from consentinel.core.clock_offset import clock_off_message, offset_in_detail
from consentinel.core.i18n import tr
from consentinel.core.moments import moment_text
from consentinel.core.status import Box, Reason, Status

#: The detail of a TWO_FACTOR stop at which X refused the code made from the saved secret.
TOTP_REFUSED = "totp_refused"
#: … at which no code could be made: the 2FA secret the keyring holds is none codes can be
#: made from (changed there by hand).
TOTP_NOT_VALID = "totp_not_valid"
#: … at which X answered the saved secret's code with words other than "Incorrect".
SAVED_CODE_NOT_TAKEN = "saved_code_not_taken"
#: … at which X refused the codes typed at its 2FA step (by the person, or made from the saved
#: secret and then typed by the person): one more wrong code may get X to lock the account.
CODES_REFUSED = "codes_refused"
#: … at which X refused the one code typed at that step (the person gave no other, or one
#: more would have been the sign-in's third wrong code): it too may be one X counts to a lock.
CODE_REFUSED = "code_refused"
#: The detail of a NETWORK stop at which X said it failed ("Something went wrong") at the
#: password step, or at the code made from the saved 2FA secret: what was sent stays usable.
X_FAILED_AT_PASSWORD = "x_failed_at_password"
X_FAILED_AT_CODE = "x_failed_at_code"
#: The details above: codes in no language, which a check's entry keeps (its `detail_code`)
#: so that its sentence can be made again in another language with them.
DETAIL_CODES = frozenset(
    {
        TOTP_REFUSED,
        TOTP_NOT_VALID,
        SAVED_CODE_NOT_TAKEN,
        CODES_REFUSED,
        CODE_REFUSED,
        X_FAILED_AT_PASSWORD,
        X_FAILED_AT_CODE,
    }
)


def x_answered_in(payload: Mapping[str, object]) -> bool | None:
    """Whether a NETWORK check's entry says X itself answered with an error (True) or was not
    reached from this computer (False); None when it does not say (an entry of an earlier
    version, which wrote neither: its sentence said it)."""
    said = payload.get("x_answered")
    if isinstance(said, bool):
        return said
    if payload.get("detail_code") in (X_FAILED_AT_PASSWORD, X_FAILED_AT_CODE):
        return True
    return None


def is_detail_code(detail: str) -> bool:
    """Whether `detail` is a code in no language a check's entry may keep: one of DETAIL_CODES,
    or a clock off X's by so many seconds (core/clock_offset.py: "clock_off:-300")."""
    return detail in DETAIL_CODES or offset_in_detail(detail) is not None


#: The details a step that waits for the person is remembered with (AccountState.waits_detail),
#: so the scheduled runs that wait say what the sign-in said: Consentinel's own words, never
#: text from X's page.
WAIT_DETAILS = frozenset({TOTP_REFUSED, SAVED_CODE_NOT_TAKEN})


def is_wait_detail(detail: object) -> bool:
    """Whether a step that waits for the person is remembered with `detail`: one of
    WAIT_DETAILS, or a clock off X's (core/clock_offset.py), which names by how much."""
    if not isinstance(detail, str):
        return False
    return detail in WAIT_DETAILS or offset_in_detail(detail) is not None


def box_name(box: Box) -> str:
    """A box's name in a sentence, capitalised as the accounts table's column and the account
    dialog name it ("X had switched Training back on"). What a person types to choose boxes on
    the command line is the lower-case word (`accounts.parse_keep`)."""
    return {
        Box.TRAINING: tr("Training"),
        Box.PERSONALIZATION: tr("Personalization"),
        Box.MEMORY: tr("Memory"),
    }[box]


def boxes_text(boxes: list[Box] | tuple[Box, ...]) -> str:
    return ", ".join(box_name(b) for b in boxes)


def success_message(
    status: Status,
    fixed: list[Box],
    would: list[Box],
    reverted: tuple[Box, ...] = (),
    *,
    some_hidden: bool = False,
) -> str:
    """`some_hidden`: X's data holds as on a box its page does not show (then "every box you
    chose is off" would be false)."""
    if status is Status.FIXED:
        # Said by count: the French agrees with one box or several ("Case décochée…").
        if len(fixed) == 1:
            done = tr("Unticked and read back off: {boxes}.", boxes=boxes_text(fixed))
        elif len(fixed) == 2:
            done = tr("Both unticked and read back off: {boxes}.", boxes=boxes_text(fixed))
        else:
            done = tr("All unticked and read back off: {boxes}.", boxes=boxes_text(fixed))
        if not reverted:
            return done
        again = tr("X had switched {boxes} back on.", boxes=boxes_text(reverted))
        return f"{again} {done}"
    if status is Status.WOULD_FIX:
        return tr("Would untick: {boxes}.", boxes=boxes_text(would))
    if some_hidden:
        return tr("Every box you chose that X's page shows is off.")
    return tr("Every box you chose is off.")


def hidden_on_message(boxes: list[Box]) -> str:
    """Boxes X's own data holds as on, that X's page does not show this account: what that
    means for the person (on for now, and nobody can switch them off until X shows them)."""
    if len(boxes) == 1:
        return tr(
            "X keeps {box} on without showing it on its page to this account: it cannot be "
            "switched off for now. Consentinel will switch it off as soon as X shows it.",
            box=box_name(boxes[0]),
        )
    return tr(
        "X keeps {boxes} on without showing them on its page to this account: they cannot be "
        "switched off for now. Consentinel will switch them off as soon as X shows them.",
        boxes=boxes_text(boxes),
    )


def stopped_while_unticking_message(box: Box) -> str:
    """A check stopped between its click on `box` and X's answer: told to stop (Cancel, a
    logout), or killed (its mark found afterwards, core/pending_unticks.py)."""
    return tr(
        "Stopped while unticking {box}: X may have switched it off; the next check reads it again.",
        box=box_name(box),
    )


def cancelled_message(
    done: list[Box], reverted: tuple[Box, ...] = (), unticking: Box | None = None
) -> str:
    """A check cut short (Cancel, a logout): the boxes it had unticked and read back off
    (`done`, among them those X had switched back on), then the box it was unticking, which
    X may have switched off unread, or else that it was cancelled."""
    said = success_message(Status.FIXED, done, [], reverted) if done else ""
    if unticking is not None:
        stop = stopped_while_unticking_message(unticking)
    else:
        stop = tr("The check was cancelled.")
    return f"{said} {stop}".strip()


def midway_message(
    said: str, done: list[Box], reverted: tuple[Box, ...] = (), cut_short: Box | None = None
) -> str:
    """A check that ended otherwise than cancelled after it had begun unticking at X (X ended
    the session and no sign-in could follow…): first the boxes it had unticked and read back
    off (`done`, among them those X had switched back on), then why it ended (`said`), then
    the box it was unticking then, which X may have switched off unread."""
    first, last = midway_words(done, reverted, cut_short)
    return " ".join(part for part in (first, said, last) if part)


def midway_words(
    done: list[Box], reverted: tuple[Box, ...] = (), cut_short: Box | None = None
) -> tuple[str, str]:
    """What midway_message says before and after why the check ended ("" for none)."""
    first = success_message(Status.FIXED, done, [], reverted) if done else ""
    last = stopped_while_unticking_message(cut_short) if cut_short is not None else ""
    return first, last


def box_disabled_message(boxes: list[Box]) -> str:
    """Boxes the person keeps off that X shows ticked and disabled (the BOX_DISABLED result's
    sentence), said for one box or several."""
    if len(boxes) == 1:
        return tr(
            "A box X shows ticked but disabled: {box} (X does this for accounts under 18); "
            "Consentinel cannot change it.",
            box=box_name(boxes[0]),
        )
    return tr(
        "Boxes X shows ticked but disabled: {detail} (X does this for accounts under 18); "
        "Consentinel cannot change them.",
        detail=boxes_text(boxes),
    )


def _stop_words(reason: Reason | None) -> str:
    """Why X stopped a sign-in, in words (the reasons that start a wait)."""
    words = {
        Reason.CAPTCHA: tr("a captcha"),
        Reason.LOCKED: tr("the account is locked"),
        Reason.REFUSED: tr("sign-in refused"),
        Reason.RATE_LIMITED: tr("too many requests"),
    }
    return words.get(reason, reason.value) if reason else "?"


def held_advice(reason: Reason, handle: str, detail: str = "") -> str:
    """What to do, at the end of the sentence of a check that tried no sign-in for a reason
    remembered from an earlier one (held_message); the window says its own instead."""
    if reason is Reason.WRONG_PASSWORD:  # (after "until you change it with")
        return f"`consentinel account set-password {handle}`."  # (a command: no language)
    if reason is Reason.LOCKED:
        return tr("sign in on x.com, then run `consentinel login {handle}`.", handle=handle)
    if reason in (Reason.REFUSED, Reason.CAPTCHA, Reason.RATE_LIMITED):
        return tr("Run `consentinel login {handle}` to sign in yourself.", handle=handle)
    return reason_message(reason, handle, detail)


def _held_sentence(reason: Reason, backoff: bool) -> str:
    """The sentence of a check that tried no sign-in for a remembered reason (held_message),
    translated, its {placeholders} unfilled, by what holds it: a back-off, a rejected password,
    X's lock, a step only the person can take. Each ends with its advice."""
    if backoff:
        return tr(
            "Not signed in: X stopped a sign-in {at} ({reason}); no automatic sign-in before "
            "{when}. {advice}"
        )
    if reason is Reason.WRONG_PASSWORD:
        return tr(
            "Not signed in: X rejected the saved password {at}, and it is not tried again "
            "until you change it with {advice}"
        )
    if reason is Reason.LOCKED:
        return tr(
            "Not signed in: X locked the account {at}, and no sign-in is tried until you "
            "verify it: {advice}"
        )
    return tr(
        "Not signed in: a sign-in stopped {at} at a step only you can take, and scheduled "
        "checks do not sign in again until you take it. {advice}"
    )


def held_message(
    reason: Reason,
    handle: str,
    since: datetime | None,
    *,
    backoff_until: datetime | None = None,
    backoff: bool = False,
    detail: str = "",
) -> str:
    """The sentence of a check that tried no sign-in for a reason the sign-in rules remember
    (core/signin_rules.py): that it was not tried again, since when (`since`: when X said it,
    None when the journal no longer has it), and what to do. Never "X locked the account" as if
    X had just said it: X was not asked."""
    return _held_sentence(reason, backoff).format(
        at=tr("on {when}", when=moment_text(since)) if since else tr("earlier"),
        reason=_stop_words(reason),
        when=moment_text(backoff_until) if backoff_until else "?",
        advice=held_advice(reason, handle, detail),
    )


def split_held_message(message: str, reason: Reason, handle: str) -> tuple[str, str] | None:
    """A held_message for `reason` and `handle` in the reader's language, as (its words before
    the advice, the detail the advice was made with), so that the window can end it with
    advice of its own; None for any other sentence."""
    for backoff in (False, True):
        sentence = _held_sentence(reason, backoff)
        head = sentence.split("{", 1)[0]
        # The words just before the advice: a sentence of an earlier version ("…until you
        # change it: run `…`.") is not cut inside its own words.
        lead = sentence.split("{advice}", 1)[0].rsplit("}", 1)[-1]
        if not message.startswith(head):
            continue
        for detail in ("", *sorted(WAIT_DETAILS)):
            advice = held_advice(reason, handle, detail)
            if message.endswith(lead + advice) and len(message) > len(advice):
                return message[: -len(advice)], detail
    return None


def rate_limited_message(handle: str, until: datetime | None) -> str:
    when = moment_text(until) if until else "?"
    return tr(
        "X asked to slow down: Consentinel sends no request for @{handle} before {when}.",
        handle=handle,
        when=when,
    )


def rate_limit_held_message(handle: str, since: datetime | None, until: datetime | None) -> str:
    """A check that sent X nothing: the back-off X asked for at `since` (the check or sign-in
    it answered "too many requests"; None: the journal no longer has it) holds until `until`.
    Never "X asked to slow down" as if X had just said it: X was not asked."""
    return tr(
        "X asked to slow down {at}: Consentinel sends no request for @{handle} before {when}.",
        at=tr("on {when}", when=moment_text(since)) if since else tr("earlier"),
        handle=handle,
        when=moment_text(until) if until else "?",
    )


def session_lost_message(handle: str) -> str:
    return tr(
        "X ended the session again during the check: run `consentinel login {handle}` to sign "
        "in yourself.",
        handle=handle,
    )


def page_changed_midway_message(detail: str) -> str:
    """A PAGE_CHANGED result's sentence when a box had been clicked at X before the change was
    seen (the page changed during the check): not "nothing was clicked". What was done before
    is said beside it (midway_message)."""
    return tr(
        "X's page changed during the check, so nothing more was clicked ({detail}).",
        detail=detail,
    )


def screenshot_saved_note() -> str:
    """Said after a page_changed result when a picture of the page was kept (sign-in pages,
    which may show what was typed, never are)."""
    return tr("A screenshot of the page was saved.")


def session_set_aside_note() -> str:
    """Said before a result when the saved session could not be decrypted (set aside)."""
    return tr(
        "The saved X session could not be read (it was set aside), so a new sign-in was needed."
    )


def session_set_aside_no_password_message(handle: str) -> str:
    return tr(
        "The saved X session could not be read (it was set aside) and no password is saved, so "
        "Consentinel cannot sign in for you: sign in yourself in a browser window with "
        "`consentinel login {handle}`, or save the password with `consentinel account "
        "set-password {handle}`.",
        handle=handle,
    )


def browser_failed_message(path: str, detail: str) -> str:
    """A browser was found but did not start (broken install, no screen for a window…)."""
    text = tr(
        "The browser {path} did not start ({detail}). Run `consentinel doctor`, choose another "
        "browser in the settings, or run `consentinel browser install`.",
        path=path,
        detail=detail,
    )
    return text.replace(" ().", ".")


def firefox_browser_message(path: str, source: str) -> str:
    """The browser the person named is Firefox: said before any start, not after a minute's
    wait for a browser that cannot answer Playwright."""
    return tr(
        "The browser {path} (named by {source}) is Firefox, and Consentinel needs Chromium, "
        "Google Chrome or Microsoft Edge: name one of them there, or remove that setting so "
        "that Consentinel finds one. Run `consentinel doctor` to see which it would find.",
        path=path,
        source=source,
    )


def not_a_browser_message(path: str, source: str, said: str, answered: bool) -> str:
    """The program the person named is not Chromium, Chrome or Edge (`said`: its --version
    line; `answered`: False when it gave none in time): said before any start, in the words
    of the doctor and the settings, not Playwright's after a start that cannot work."""
    if not answered and said:  # (an error instead: a broken install, a script that fails)
        return tr(
            "The browser {path} (named by {source}) did not say which browser it is (it "
            "answered “{said}”), and Consentinel can use only Chromium, Google Chrome or "
            "Microsoft Edge: name one of them there, or remove that setting so that Consentinel "
            "finds one. Run `consentinel doctor` to see which it would find.",
            path=path,
            source=source,
            said=said,
        )
    if not answered:
        return tr(
            "The browser {path} (named by {source}) did not say which browser it is, and "
            "Consentinel can use only Chromium, Google Chrome or Microsoft Edge: name one of "
            "them there, or remove that setting so that Consentinel finds one. Run `consentinel "
            "doctor` to see which it would find.",
            path=path,
            source=source,
        )
    if not said:  # (Windows: known by its file name, not asked)
        return tr(
            "The browser {path} (named by {source}) is not Chromium, Google Chrome or Microsoft "
            "Edge, the only browsers Consentinel can use: name one of them there, or remove "
            "that setting so that Consentinel finds one. Run `consentinel doctor` to see which "
            "it would find.",
            path=path,
            source=source,
        )
    return tr(
        "The browser {path} (named by {source}) is not Chromium, Google Chrome or Microsoft "
        "Edge (it says “{said}”), the only browsers Consentinel can use: name one of them "
        "there, or remove that setting so that Consentinel finds one. Run `consentinel doctor` "
        "to see which it would find.",
        path=path,
        source=source,
        said=said,
    )


def no_window_message() -> str:
    """Signing in by hand needs a window the person can see, and there is no screen."""
    return tr(
        "Signing in by hand needs a browser window, and no graphical desktop was found (no "
        "DISPLAY or WAYLAND_DISPLAY). Run this from a desktop session."
    )


def no_window_said(reason: Reason | None, handle: str, message: str) -> str:
    """A check's sentence when X needs the person at the sign-in and no window could be offered
    for it (no graphical desktop): for a captcha or X's lock, what to do said once, with the
    desktop it needs (their own sentence already sends the person to `consentinel login`,
    which the note after it said again); for another reason, `message`, then that note."""
    if reason is Reason.CAPTCHA:
        return tr(
            "X shows a captcha: run `consentinel login {handle}` from a desktop session and "
            "solve it in its window (none was found here: no DISPLAY or WAYLAND_DISPLAY).",
            handle=handle,
        )
    if reason is Reason.LOCKED:
        return tr(
            "X locked the account until you verify it: sign in on x.com, then run "
            "`consentinel login {handle}` from a desktop session (none was found here: no "
            "DISPLAY or WAYLAND_DISPLAY).",
            handle=handle,
        )
    note = tr(
        "No window was offered to finish signing in: no graphical desktop was found (no "
        "DISPLAY or WAYLAND_DISPLAY). Run `consentinel login {handle}` from a desktop session.",
        handle=handle,
    )
    return f"{message} {note}"


def signin_browser_stopped_message(handle: str) -> str:
    """The sign-in window's browser stopped answering (frozen) and was closed by us."""
    return tr(
        "The browser stopped answering and was closed: the sign-in of @{handle} was not "
        "finished. Sign in again.",
        handle=handle,
    )


@cache
def _net_code_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Chromium's code at the end of its network error in words ("the connection was
    refused, ERR_CONNECTION_REFUSED", x/errors.browser_error_words), or alone; and that code
    as a sentence keeps it, last and apart: " (ERR_CONNECTION_REFUSED)". Compiled at the
    first network stop said, not with the window's first frame."""
    return (
        re.compile(r"(?:^|,\s*)(ERR_[A-Z0-9_]+)$"),
        re.compile(r" \((ERR_[A-Z0-9_]+)\)"),
    )


def _split_net_code(detail: str) -> tuple[str, str]:
    """A network failure's words and Chromium's code, apart ("" for none)."""
    match = _net_code_patterns()[0].search(detail)
    if match is None:
        return detail, ""
    return detail[: match.start()].strip(), match.group(1)


def _with_net_code(sentence: str, code: str) -> str:
    """The sentence, then Chromium's code in brackets: for whoever helps the person (and in
    the journal, as evidence), not in the middle of what the person reads."""
    return f"{sentence} ({code})" if code else sentence


def without_net_code(message: str) -> str:
    """A sentence without the Chromium code _with_net_code put after it: what the window
    shows (the journal's entry keeps it)."""
    return _net_code_patterns()[1].sub("", message)


def _network_message(detail: str, *, x_answered: bool | None) -> str:
    """A NETWORK stop: X's own error, or X not reached from here, then the cause, then what
    to do (nothing, for X's error: it is X's to mend; the next check tries again)."""
    if x_answered:
        if detail:
            return tr(
                "X answered with an error: {detail}. The trouble is on X's side; the next "
                "check tries again.",
                detail=detail,
            )
        return tr(
            "X answered with an error. The trouble is on X's side; the next check tries again."
        )
    if x_answered is None:
        # (A journal entry of an earlier version said again in another language: its cause
        # was said in its own, and who failed was not kept.)
        return tr("Could not reach X, or X answered with an error. The next check tries again.")
    words, code = _split_net_code(detail)
    if words:
        sentence = tr(
            "Could not reach X from this computer: {detail}. Check this computer's internet "
            "connection, VPN or proxy; the next check tries again.",
            detail=words,
        )
    else:
        sentence = tr(
            "Could not reach X from this computer. Check this computer's internet "
            "connection, VPN or proxy; the next check tries again."
        )
    return _with_net_code(sentence, code)


def _timeout_message(detail: str) -> str:
    """A TIMEOUT stop: how long X was waited for, when known, then what to do."""
    words, code = _split_net_code(detail)
    sentence = tr(
        "X took too long to answer ({detail}). The next check tries again; if this keeps "
        "happening, check this computer's internet connection, VPN or proxy.",
        detail=words,
    )
    return _with_net_code(sentence.replace(" ().", "."), code)


def reason_message(
    reason: Reason, handle: str, detail: str = "", *, x_answered: bool | None = False
) -> str:
    """What happened and what the person can do, for a check that did not end all off.

    `x_answered`, for NETWORK: X answered, with an error of its own (a 5xx, its "Something
    went wrong"), as against X not reached from this computer (Chromium's network error, a
    proxy, a captive portal): who is at fault is said first, then the cause; None: not known
    (an entry of an earlier version, said again)."""
    if reason is Reason.TWO_FACTOR and (offset := offset_in_detail(detail)) is not None:
        return clock_off_message(offset)  # (the secret kept: not blamed for the clock)
    messages: dict[Reason, str] = {
        Reason.TWO_FACTOR: tr(
            "X refused the code made from the saved 2FA secret, and Consentinel makes no code "
            "from it again. X answers so to a wrong code, but also when it holds sign-ins back "
            "for a while, so the secret may be right. If it is this account's and this "
            "computer's clock is right, put it back with `consentinel account set-totp "
            "{handle} --use-again` (a few hours from now, in case X was holding sign-ins "
            "back); else save the right one with `consentinel account set-totp {handle}`. Or "
            "run `consentinel login {handle}` to sign in yourself.",
            handle=handle,
        )
        if detail == TOTP_REFUSED
        else tr(
            "X did not take the code made from the saved 2FA secret, without saying it was "
            "wrong: run `consentinel login {handle}` to sign in yourself; checks will use the "
            "secret again after that.",
            handle=handle,
        )
        if detail == SAVED_CODE_NOT_TAKEN
        else tr(
            "X asks for a two-factor code, and the 2FA secret saved in the keyring for this "
            "account is not a valid one (a setup key is letters A to Z and digits 2 to 7), so "
            "no code could be made from it: save the right one with `consentinel account "
            "set-totp {handle}`, or remove it with `consentinel account set-totp {handle} "
            "--remove` and run `consentinel login {handle}` to sign in yourself.",
            handle=handle,
        )
        if detail == TOTP_NOT_VALID
        else tr(
            "X refused the two-factor codes typed at this sign-in, and another wrong code may "
            "get X to lock the account: wait for your authenticator app to show a new code "
            "before you run `consentinel login {handle}`, or save the account's 2FA secret with "
            "`consentinel account set-totp {handle}` so that checks make the code themselves.",
            handle=handle,
        )
        if detail == CODES_REFUSED
        else tr(
            "X refused the two-factor code typed at this sign-in, and another wrong code may "
            "get X to lock the account: wait for your authenticator app to show a new code "
            "before you run `consentinel login {handle}`, or save the account's 2FA secret with "
            "`consentinel account set-totp {handle}` so that checks make the code themselves.",
            handle=handle,
        )
        if detail == CODE_REFUSED
        else tr(
            "X asks for a two-factor code: save the account's 2FA secret with `consentinel "
            "account set-totp {handle}`, or run `consentinel login {handle}`.",
            handle=handle,
        ),
        Reason.EMAIL_CODE: tr(
            "X refused both codes typed at this sign-in from the email or SMS it sent, and "
            "another wrong code may get X to lock the account: type the code of X's latest "
            "email or SMS when you run `consentinel login {handle}`.",
            handle=handle,
        )
        if detail == CODES_REFUSED
        else tr(
            "X refused the code typed at this sign-in from the email or SMS it sent, and "
            "another wrong code may get X to lock the account: type the code of X's latest "
            "email or SMS when you run `consentinel login {handle}`.",
            handle=handle,
        )
        if detail == CODE_REFUSED
        else tr(
            "X sent a code by email or SMS: run `consentinel login {handle}` to enter it.",
            handle=handle,
        ),
        Reason.CAPTCHA: tr(
            "X shows a captcha: run `consentinel login {handle}` and solve it in the window.",
            handle=handle,
        ),
        Reason.UNUSUAL_ACTIVITY: tr(
            "X asks to confirm the account's email or phone: add it to the account, or run "
            "`consentinel login {handle}`. To find it, open X where you are signed in (its app, "
            "or x.com): Settings and privacy › Your account › Account information.",
            handle=handle,
        ),
        Reason.REFUSED: (
            tr(
                "X refused the sign-in for now (it said: “{detail}”); Consentinel waits before "
                "trying again. You can sign in yourself in a browser window: "
                "`consentinel login {handle}`.",
                detail=detail,
                handle=handle,
            )
            if detail
            else tr(
                "X refused the sign-in for now; Consentinel waits before trying again. You can "
                "sign in yourself in a browser window: `consentinel login {handle}`.",
                handle=handle,
            )
        ),
        Reason.LOCKED: tr(
            "X locked the account until you verify it: sign in on x.com, then run "
            "`consentinel login {handle}`.",
            handle=handle,
        ),
        Reason.SESSION_EXPIRED: tr(
            "The saved session expired and no password is saved: run `consentinel login "
            "{handle}`, or save the password with `consentinel account set-password {handle}`.",
            handle=handle,
        ),
        Reason.NOT_SIGNED_IN: tr(
            "No session and no password are saved for this account: run `consentinel login "
            "{handle}` to sign in yourself in a browser window, or save the password with "
            "`consentinel account set-password {handle}`.",
            handle=handle,
        ),
        Reason.WRONG_PASSWORD: (
            tr(
                "X did not take the saved password (it said: “{detail}”); it will not be tried "
                "again until you run `consentinel account set-password {handle}`.",
                detail=detail,
                handle=handle,
            )
            if detail
            else tr(
                "X said the saved password is wrong; it will not be tried again until you run "
                "`consentinel account set-password {handle}`.",
                handle=handle,
            )
        ),
        Reason.UNKNOWN_ACCOUNT: tr(
            "X does not know the account @{handle}. Check how it is spelt on X: if it is wrong, "
            "remove it with `consentinel account remove {handle}` and add it again as X spells "
            "it with `consentinel account add HANDLE`. Scheduled checks no longer sign in to it "
            "until a sign-in succeeds.",
            handle=handle,
        ),
        Reason.PAGE_CHANGED: tr(
            "X's page is not what Consentinel knows, so nothing was clicked ({detail}).",
            detail=detail,
        ),
        Reason.SAVE_FAILED: tr(
            "X did not keep the change after two tries: {detail}.",
            detail=detail,
        ),
        Reason.NETWORK: tr(
            "X failed when it was sent the saved password (it said something went wrong): "
            "that does not mean the password is wrong, so it is kept, and the next check "
            "signs in with it again. Try again later."
        )
        if detail == X_FAILED_AT_PASSWORD
        else tr(
            "X failed when it was sent the code made from the saved 2FA secret (it said "
            "something went wrong): that does not mean the secret is wrong, so it is kept, and "
            "the next check uses it again. Try again later."
        )
        if detail == X_FAILED_AT_CODE
        else _network_message(detail, x_answered=x_answered),
        Reason.TIMEOUT: _timeout_message(detail),
        Reason.RATE_LIMITED: tr("X is limiting requests; try again later."),
        Reason.BROWSER_CRASHED: tr(
            "The browser stopped unexpectedly during the check, before its end; check again "
            "(if it keeps happening, run `consentinel doctor`)."
        ),
        Reason.BROWSER_MISSING: tr(
            "No Chromium, Chrome or Edge was found. Install one, choose it in the settings, "
            "or run `consentinel browser install`."
        ),
        Reason.KEYRING_UNAVAILABLE: tr(
            "The system keyring, which keeps the account's password and the key of its saved "
            "session, cannot be used. {detail}",
            detail=detail,
        ),
        Reason.CANCELLED: tr("The check was cancelled."),
    }
    text = messages.get(reason, tr("The check failed ({reason}).", reason=reason.value))
    return text.replace(" ().", ".").replace(" ()", "")
