"""What an account's status says to do, in the window's own terms.

The journal keeps each check's sentence as the command line says it ("run `consentinel login
alice`"); in the window, the same advice names the window's menu items instead.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from consentinel.core.check_messages import (
    CODE_REFUSED,
    CODES_REFUSED,
    SAVED_CODE_NOT_TAKEN,
    TOTP_NOT_VALID,
    TOTP_REFUSED,
    reason_message,
    screenshot_saved_note,
    split_held_message,
    without_net_code,
)
from consentinel.core.status import Reason
from consentinel.gui.account_rows import AccountRow
from consentinel.gui.time_words import local_text

_CONTEXT = "RowHints"

# Marked with QT_TRANSLATE_NOOP so that lupdate finds them; translated when shown.
_HINTS = {
    # (the check's own sentence names the commands that remove and add it)
    Reason.UNKNOWN_ACCOUNT: QT_TRANSLATE_NOOP(
        "RowHints",
        "X does not know this account. Check how it is spelt on X: if it is wrong, remove the "
        "account and add it again. Scheduled checks no longer sign in to it until a sign-in "
        "succeeds.",
    ),
    Reason.TWO_FACTOR: QT_TRANSLATE_NOOP(
        "RowHints",
        "X asks for a two-factor code. Save the account's 2FA secret with “Edit account…”, or "
        "use “Sign in yourself…”.",
    ),
    Reason.EMAIL_CODE: QT_TRANSLATE_NOOP(
        "RowHints",
        "X sent a code by email or SMS. Use “Sign in yourself…” to enter it.",
    ),
    Reason.CAPTCHA: QT_TRANSLATE_NOOP(
        "RowHints", "X shows a captcha. Use “Sign in yourself…” to solve it."
    ),
    Reason.UNUSUAL_ACTIVITY: QT_TRANSLATE_NOOP(
        "RowHints",
        "X asks to confirm the account's email or phone. Add it with “Edit account…”, or use "
        "“Sign in yourself…”. To find it, open X where you are signed in (its app, or x.com): "
        "Settings and privacy › Your account › Account information.",
    ),
    Reason.REFUSED: QT_TRANSLATE_NOOP(
        "RowHints",
        "X refused the sign-in for now; Consentinel waits before trying again. You can still use "
        "“Sign in yourself…”.",
    ),
    Reason.LOCKED: QT_TRANSLATE_NOOP(
        "RowHints",
        "X locked the account until you verify it. Sign in on x.com, then use “Sign in yourself…”.",
    ),
    Reason.SESSION_EXPIRED: QT_TRANSLATE_NOOP(
        "RowHints",
        "X ended the saved session and Consentinel could not sign in again by itself. Use "
        "“Sign in yourself…”, or save the password with “Edit account…”.",
    ),
    Reason.NOT_SIGNED_IN: QT_TRANSLATE_NOOP(
        "RowHints",
        "Consentinel has no session and no password for this account. Use “Sign in yourself…”, "
        "or save the password with “Edit account…”.",
    ),
    Reason.WRONG_PASSWORD: QT_TRANSLATE_NOOP(
        "RowHints",
        "X said the saved password is wrong. It will not be tried again until you change it "
        "with “Edit account…”.",
    ),
    Reason.BROWSER_MISSING: QT_TRANSLATE_NOOP(
        "RowHints",
        "Consentinel could not start a browser. Choose one in “Settings…”, or check again to "
        "be offered a download of Chromium. The Diagnostics tab of “About Consentinel” shows "
        "what this computer has.",
    ),
    Reason.BROWSER_CRASHED: QT_TRANSLATE_NOOP(
        "RowHints",
        "The browser stopped unexpectedly during the check, before its end. Check "
        "again; if it keeps happening, see the Diagnostics tab of “About Consentinel”.",
    ),
}
#: Advice for what the sign-in said of a step (a check_messages detail), before the reason's.
_DETAIL_HINTS = {
    (Reason.TWO_FACTOR, TOTP_REFUSED): QT_TRANSLATE_NOOP(
        "RowHints",
        "X refused the code made from the saved 2FA secret, and Consentinel makes no code from "
        "it again. X answers so to a wrong code, but also when it holds sign-ins back for a "
        "while, so the secret may be right. If it is this account's and this computer's clock "
        "is right, put it back with “Use the saved 2FA secret again” in “Edit account…” (a few "
        "hours from now, in case X was holding sign-ins back); else save the right one there. "
        "Or use “Sign in yourself…”.",
    ),
    (Reason.TWO_FACTOR, TOTP_NOT_VALID): QT_TRANSLATE_NOOP(
        "RowHints",
        "X asks for a two-factor code, and the 2FA secret saved in the keyring for this account "
        "is not a valid one (a setup key is letters A to Z and digits 2 to 7), so no code could "
        "be made from it. Save the right one with “Edit account…”, or remove it there and use "
        "“Sign in yourself…”.",
    ),
    (Reason.TWO_FACTOR, SAVED_CODE_NOT_TAKEN): QT_TRANSLATE_NOOP(
        "RowHints",
        "X did not take the code made from the saved 2FA secret, without saying it was wrong. "
        "Use “Sign in yourself…”; checks will use the secret again after that.",
    ),
    (Reason.TWO_FACTOR, CODES_REFUSED): QT_TRANSLATE_NOOP(
        "RowHints",
        "X refused the two-factor codes typed at this sign-in, and another wrong code may get X "
        "to lock the account. Wait for your authenticator app to show a new code before you use "
        "“Sign in yourself…”, or save the account's 2FA secret with “Edit account…” so that "
        "checks make the code themselves.",
    ),
    (Reason.TWO_FACTOR, CODE_REFUSED): QT_TRANSLATE_NOOP(
        "RowHints",
        "X refused the two-factor code typed at this sign-in, and another wrong code may get X "
        "to lock the account. Wait for your authenticator app to show a new code before you use "
        "“Sign in yourself…”, or save the account's 2FA secret with “Edit account…” so that "
        "checks make the code themselves.",
    ),
    (Reason.EMAIL_CODE, CODES_REFUSED): QT_TRANSLATE_NOOP(
        "RowHints",
        "X refused both codes typed at this sign-in from the email or SMS it sent, and another "
        "wrong code may get X to lock the account. Type the code of X's latest email or SMS "
        "when you use “Sign in yourself…”.",
    ),
    (Reason.EMAIL_CODE, CODE_REFUSED): QT_TRANSLATE_NOOP(
        "RowHints",
        "X refused the code typed at this sign-in from the email or SMS it sent, and another "
        "wrong code may get X to lock the account. Type the code of X's latest email or SMS "
        "when you use “Sign in yourself…”.",
    ),
}
#: What to do, at the end of the sentence of a check that tried no sign-in for a remembered
#: reason (check_messages.held_message), in the window's terms.
_HELD_ADVICE = {
    # (after "until you change it with")
    Reason.WRONG_PASSWORD: QT_TRANSLATE_NOOP("RowHints", "“Edit account…”."),
    Reason.LOCKED: QT_TRANSLATE_NOOP("RowHints", "sign in on x.com, then use “Sign in yourself…”."),
    Reason.REFUSED: QT_TRANSLATE_NOOP("RowHints", "You can still use “Sign in yourself…”."),
}
#: After a changed page's own sentence (what did not match, a screenshot saved): what it means
#: for the person, and what to do until Consentinel knows X's new page. The path is X's own
#: (docs/x-reference.md: its settings' Privacy and safety list, its Grok row).
_PAGE_CHANGED_ADVICE = QT_TRANSLATE_NOOP(
    "RowHints",
    "Consentinel could not check this account's boxes, and some may be on. Until it is updated "
    "for X's new page, check them yourself on x.com (Settings and privacy › Privacy and safety "
    "› Grok & Third-party Collaborators), and look for an update of Consentinel.",
)
#: In place of the sentence's "A screenshot of the page was saved.", at the end: where.
_SCREENSHOT_IN_JOURNAL = QT_TRANSLATE_NOOP(
    "RowHints", "A screenshot of the page was saved: it is in the Journal (Ctrl+J)."
)
_NOT_BEFORE = QT_TRANSLATE_NOOP("RowHints", "No automatic sign-in before {when}.")
_SLOW_DOWN_UNTIL = QT_TRANSLATE_NOOP(
    "RowHints",
    "X asked to slow down: Consentinel sends no request for this account before {when}.",
)
_SLOWED_DOWN = QT_TRANSLATE_NOOP(
    "RowHints", "X asked to slow down at this check; the next check tries again."
)


def _t(text: object) -> str:
    # QT_TRANSLATE_NOOP is typed as returning object; it returns its text unchanged.
    return QCoreApplication.translate(_CONTEXT, str(text))


def window_advice(
    reason: Reason | None,
    message: str,
    handle: str = "",
    around: tuple[str, str] = ("", ""),
    *,
    in_journal: bool = False,
) -> str:
    """A check's own sentence, unless it sends the person to the command line, or there is
    none in the window's language, and the window has its own advice for the reason: for
    what the sign-in said of the step, when the sentence is the one said of it for `handle`.
    `around`: what a check that ended midway said before and after it (the boxes it had
    unticked, the one it was unticking then: check_sentences.midway_parts), kept as said.
    A changed page's sentence is followed by what to do until Consentinel knows the new page,
    and where its screenshot is; X not reached or too slow is said without Chromium's code;
    not so in the journal window (`in_journal`), which keeps what each check said then, its
    screenshot beside it."""
    if reason is Reason.PAGE_CHANGED and not in_journal:
        return _page_changed_advice(message)
    if reason in (Reason.NETWORK, Reason.TIMEOUT) and not in_journal:
        # Chromium's code (ERR_…) is for whoever helps: the journal's entry keeps it.
        return without_net_code(message)
    if reason is None or (message and "`consentinel " not in message):
        return message
    first, last = around
    before = bool(first) and message.startswith(first + " ")
    after = bool(last) and message.endswith(" " + last)
    if before or after:
        middle = message[len(first) + 1 if before else 0 : -len(last) - 1 if after else None]
        advice = window_advice(reason, middle, handle)
        return " ".join(
            part for part in (first if before else "", advice, last if after else "") if part
        )
    held = _held_in_window(reason, message, handle)
    if held is not None:
        return held
    for (hinted, detail), hint in _DETAIL_HINTS.items():
        if hinted is reason and message and message == reason_message(reason, handle, detail):
            return _t(hint)
    if reason in _HINTS:
        return _t(_HINTS[reason])
    return message


def _page_changed_advice(message: str) -> str:
    """A changed page's sentence, then what to do until Consentinel knows the new page; the
    screenshot it says was saved, said last with where to find it."""
    advice = _t(_PAGE_CHANGED_ADVICE)
    note = screenshot_saved_note()
    if note not in message:
        return f"{message} {advice}" if message else advice
    said = " ".join(part.strip() for part in message.split(note) if part.strip())
    return f"{said} {advice} {_t(_SCREENSHOT_IN_JOURNAL)}"


def _held_in_window(reason: Reason, message: str, handle: str) -> str | None:
    """The sentence of a check that tried no sign-in for a remembered reason, which says since
    when, ending with the window's advice instead of a command; None for any other sentence."""
    split = split_held_message(message, reason, handle)
    if split is None:
        return None
    head, detail = split
    if reason in (Reason.WRONG_PASSWORD, Reason.LOCKED):
        return head + _t(_HELD_ADVICE[reason])
    if reason in (Reason.REFUSED, Reason.CAPTCHA, Reason.RATE_LIMITED):
        return head + _t(_HELD_ADVICE[Reason.REFUSED])
    return head + window_advice(reason, reason_message(reason, handle, detail), handle)


def status_hint(row: AccountRow, now: datetime) -> str:
    """The status cell's tooltip; while X's refusal holds, until when."""
    if row.reason is Reason.RATE_LIMITED:
        # Its time in the window's words, as every other time there (the check's sentence
        # has it as the command line writes times).
        until = row.state.blocked_until
        if until is not None and row.state.is_blocked(now):
            return _t(_SLOW_DOWN_UNTIL).replace("{when}", local_text(until))
        return _t(_SLOWED_DOWN)
    hint = window_advice(row.reason, row.message, row.account.handle, row.around)
    if hint == row.message:
        return hint
    if row.reason is not None and split_held_message(row.message, row.reason, row.account.handle):
        return hint  # (it says until when itself)
    until = row.state.blocked_until
    locked = row.state.block_reason is Reason.LOCKED  # (until unlocked, whatever the time)
    if until is not None and row.state.is_blocked(now) and not locked:
        hint += " " + _t(_NOT_BEFORE).replace("{when}", local_text(until))
    return hint
