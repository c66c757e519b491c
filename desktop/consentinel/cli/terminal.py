"""Talking to a person at a terminal: progress lines, results, and the engine's questions."""

from __future__ import annotations

import contextlib
import math
import sys
import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TextIO

from consentinel.core.answer_deadline import AnswerDeadline
from consentinel.core.events import AccountResult, AccountStep, PromptRequest
from consentinel.core.i18n import tr
from consentinel.core.status import OWN_NAME_REASONS, Reason, Status
from consentinel.core.status_words import named_outcome
from consentinel.core.steps import PromptKind, Step
from consentinel.x.one_time_codes import cleaned_code, is_code_kind, well_formed

if TYPE_CHECKING:
    from consentinel.core.accounts import Account

_STEP_WORDS = {
    Step.QUEUED: "waiting",
    Step.OPENING_SESSION: "opening the session",
    Step.WAITING_TO_SIGN_IN: "waiting while another account signs in",
    Step.SIGNING_IN: "signing in",
    Step.WAITING_FOR_CODE: "waiting for your code",
    Step.WAITING_FOR_ANSWER: "waiting for your answer",
    Step.WAITING_FOR_PERSON: "waiting for you to sign in in the browser window",
    Step.READING_PAGE: "reading the Grok settings page",
    Step.UNTICKING: "unticking",
    Step.VERIFYING: "reloading to verify",
    Step.DONE: "done",
}

_STATUS_WORDS = {
    Status.OPTED_OUT: "already off (nothing to change)",
    Status.FIXED: "fixed (switched off and verified)",
    Status.WOULD_FIX: "would be fixed (dry run)",
    Status.NEEDS_USER: "needs you",
    Status.SIGNIN_FAILED: "sign-in failed",
    Status.ERROR: "error",
}


_CODES = (PromptKind.TWO_FACTOR_CODE, PromptKind.EMAIL_CODE)


def reason_words(value: object) -> str:
    """Why a check or a sign-in ended so, in a few words (an unknown code as it is)."""
    words = {
        Reason.TWO_FACTOR: tr("X asked for a two-factor code"),
        Reason.EMAIL_CODE: tr("X asked for a code sent by email or text message"),
        Reason.CAPTCHA: tr("X showed a captcha"),
        Reason.UNUSUAL_ACTIVITY: tr("X saw unusual activity"),
        Reason.REFUSED: tr("X refused the sign-in"),
        Reason.LOCKED: tr("the account is locked"),
        Reason.SESSION_EXPIRED: tr("the session expired"),
        Reason.NOT_SIGNED_IN: tr("no session or password saved"),
        Reason.WRONG_PASSWORD: tr("wrong password"),
        Reason.UNKNOWN_ACCOUNT: tr("X does not know this account"),
        Reason.PAGE_CHANGED: tr("X's page has changed"),
        Reason.SAVE_FAILED: tr("X did not save the change"),
        Reason.NETWORK: tr("X unreachable or failing"),
        Reason.TIMEOUT: tr("X took too long to answer"),
        # (Missing, or found and not started: "no browser found" said of one that was.)
        Reason.BROWSER_MISSING: tr("no usable browser"),
        Reason.BROWSER_CRASHED: tr("the browser stopped"),
        Reason.KEYRING_UNAVAILABLE: tr("the keyring is unavailable"),
        Reason.RATE_LIMITED: tr("X asked to slow down"),
        Reason.CANCELLED: tr("cancelled"),
        Reason.BACKING_OFF: tr("waiting after a refused sign-in"),
        # (said in `account list` too, which does not know how many boxes: no number)
        Reason.BOX_DISABLED: tr("X does not allow unticking"),
        Reason.EVIDENCE_NOT_KEPT: tr("a screenshot could not be kept"),
    }
    try:
        return words[Reason(value)]
    except ValueError:
        return str(value)


def _code_refused_words(request: PromptRequest) -> str:
    """Said before a code is asked for again in a check: X refused the one typed (or, first,
    the one made from the saved 2FA secret)."""
    if request.saved_code_refused:
        return tr(
            "@{handle}: X refused the code made from the saved 2FA secret; another wrong code "
            "may get X to lock the account.",
            handle=request.handle,
        )
    if request.kind is PromptKind.EMAIL_CODE:
        return tr(
            "@{handle}: X refused the code typed from its email or SMS; another wrong code may "
            "get X to lock the account.",
            handle=request.handle,
        )
    return tr(
        "@{handle}: X refused the two-factor code typed; another wrong code may get X to lock "
        "the account.",
        handle=request.handle,
    )


def _unanswered_words(request: PromptRequest) -> str:
    """Said when nobody answered a question in its time (PromptRequest.wait_s)."""
    return tr(
        "@{handle}: no answer for {minutes} min: the question is closed, and the check goes on "
        "without this account.",
        handle=request.handle,
        minutes=max(1, math.ceil(request.wait_s / 60)),
    )


def describe_step(event: AccountStep) -> str:
    return tr("@{handle}: {what}…", handle=event.handle, what=tr(_STEP_WORDS[event.step]))


def status_words(status: Status) -> str:
    return tr(_STATUS_WORDS[status])


def outcome_words(
    status: Status,
    reason: Reason | None,
    x_answered: bool | None = None,
    *,
    clock_off: bool = False,
) -> str:
    """How a check ended, as `check`, `account list` and `log` say it: by the words the
    window's status column names it with, where its status alone says too little
    (core/status_words.py: "password refused", "locked by X", "X unreachable"), in a line's
    case; for a check named after its reason (OWN_NAME_REASONS: "X's page has changed",
    "cancelled"), by that reason alone; else by its status and why ("error (X did not save
    the change)"). `x_answered`: AccountResult.network_x_answered; `clock_off`: its 2FA code
    was refused for this computer's clock ("clock to set right")."""
    if reason in OWN_NAME_REASONS:
        return reason_words(reason)
    named = named_outcome(status, reason, x_answered, clock_off=clock_off)
    if named:
        return _in_a_line(tr(named))
    words = status_words(status)
    return f"{words} ({reason_words(reason)})" if reason is not None else words


def _in_a_line(words: str) -> str:
    """The window's words ("Password refused", a table cell's) in the lower case of the
    command line's ("fixed (switched off and verified)"), but for a first word said in
    capitals ("X unreachable", "2FA code needed")."""
    first = words.split(" ", 1)[0]
    if len(first) < 2 or not first[1:].islower():
        return words
    return words[:1].lower() + words[1:]


def describe_result(result: AccountResult) -> str:
    clock_off = result.clock_offset_s is not None
    what = outcome_words(
        result.status, result.reason, result.network_x_answered, clock_off=clock_off
    )
    line = tr("@{handle}: {what}", handle=result.handle, what=what)
    message = result.message
    if result.reason is Reason.PAGE_CHANGED:
        message = _page_changed_advice(result)
    if message:
        line += f" — {message}"
    return line


def _page_changed_advice(result: AccountResult) -> str:
    """A changed page's sentence, then what to do until Consentinel knows the new page (as the
    window says it), and the screenshot it says was saved, said last with its path."""
    from consentinel.core.check_messages import screenshot_saved_note

    advice = tr(
        "Consentinel could not check this account's boxes, and some may be on. Until it is "
        "updated for X's new page, check them yourself on x.com (Settings and privacy › "
        "Privacy and safety › Grok & Third-party Collaborators), and look for an update of "
        "Consentinel."
    )
    message, note = result.message, screenshot_saved_note()
    if note not in message or result.evidence is None:
        return f"{message} {advice}" if message else advice
    said = " ".join(part.strip() for part in message.split(note) if part.strip())
    where = tr("A screenshot of the page was saved: {path}", path=str(result.evidence))
    return f"{said} {advice} {where}"


def _finish_in_browser_question(reason: str) -> str:
    """The question before a window is opened for the person, with why X needs them (the
    request's detail is the sign-in's reason code, which is said in words, never as it is)."""
    if reason == Reason.LOCKED.value:
        # Said before the question, as the window's dialog says it: X's lock is passed on
        # x.com, not in the window offered (X's lock screen is known from scripts only), and
        # the question waits while the person does it.
        return tr(
            "@{handle}: X locked the account until you verify it. Unlock it first: sign in on "
            "x.com and do what X asks. Then, open a browser window to finish signing in? [y/N] "
        )
    try:
        why = reason_words(Reason(reason))
    except ValueError:
        return tr("@{handle}: X needs you. Open a browser window to finish signing in? [y/N] ")
    # ({handle} is filled in with the other questions'.)
    question = tr(
        "@{handle}: X needs you ({why}). Open a browser window to finish signing in? [y/N] "
    )
    return question.replace("{why}", why)


class HeldOutput:
    """The check's lines (progress, results), held back while a question waits at the
    terminal, then printed after the answer: the other accounts' checks go on meanwhile, and
    their lines landed in the middle of the question, or scrolled it away."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._asking = 0
        self._held: list[tuple[str, TextIO]] = []

    def print(self, text: str, file: TextIO) -> None:
        """Now, or after the question open (BrokenPipeError when printed now, as print())."""
        with self._lock:
            if self._asking:
                self._held.append((text, file))
                return
        print(text, file=file, flush=True)

    def release(self) -> None:
        """Print what is held now, a question open or not: the check is stopping (Ctrl-C, a
        shutdown) while a question waits, and the lines of the accounts that ended are not lost."""
        with self._lock:
            held, self._held = self._held, []
        for text, file in held:
            with contextlib.suppress(OSError):
                print(text, file=file, flush=True)

    @contextlib.contextmanager
    def asking(self) -> Iterator[None]:
        with self._lock:
            self._asking += 1
        try:
            yield
        finally:
            with self._lock:
                self._asking -= 1
                held, self._held = (self._held, []) if not self._asking else ([], self._held)
            for text, file in held:
                with contextlib.suppress(OSError):  # (a reader gone: the check goes on)
                    print(text, file=file, flush=True)


class TerminalPrompter:
    """Answers the engine's questions by asking the person at the terminal, if there is one;
    `output`: the check's lines, held back while a question waits."""

    def __init__(
        self,
        *,
        unattended: bool,
        output: HeldOutput | None = None,
        accounts: Iterable[Account] = (),
    ) -> None:
        """`accounts`: as saved when the check began; an email code's question names the
        email and phone saved for the one asked about, as the window's dialog does."""
        self._unattended = unattended
        self._asked: set[tuple[str, PromptKind]] = set()
        self._output = output or HeldOutput()
        from consentinel.core.accounts import handle_key

        self._accounts = {handle_key(account.handle): account for account in accounts}

    @property
    def can_ask(self) -> bool:
        """Whether a question would be asked (a terminal, not --unattended): else the check's
        steps that wait for the person are not said, as nobody is waited for."""
        return not self._unattended and sys.stdin is not None and sys.stdin.isatty()

    def __call__(self, request: PromptRequest) -> str | None:
        if not self.can_ask:
            return None
        with self._output.asking():
            return self._ask(request)

    def _ask(self, request: PromptRequest) -> str | None:
        questions = {
            PromptKind.TWO_FACTOR_CODE: tr(
                "@{handle}: enter the code from your authenticator app: "
            ),
            PromptKind.EMAIL_CODE: tr("@{handle}: enter the code X sent you by email or SMS: "),
            PromptKind.EMAIL_OR_PHONE: tr("@{handle}: X asks for your email or phone number: "),
            PromptKind.FINISH_IN_BROWSER: _finish_in_browser_question(request.detail),
        }
        again = (request.handle.lower(), request.kind)
        if (again in self._asked and request.kind in _CODES) or request.saved_code_refused:
            # Asked again for a code: X refused the one typed (its page says it in X's words),
            # or the one made from the saved 2FA secret; X counts wrong codes toward locking
            # the account.
            print(_code_refused_words(request), file=sys.stderr)
        elif request.detail and request.kind is not PromptKind.FINISH_IN_BROWSER:
            print(request.detail, file=sys.stderr)  # X's own words (its page's title and text)
        if request.kind is PromptKind.EMAIL_CODE and (saved := self._saved_contact(request)):
            print(saved, file=sys.stderr)
        self._asked.add(again)
        # The question on stderr: standard output is the result's (`check --json > out.json`).
        question = questions[request.kind].format(handle=request.handle)
        # Not for ever: a question left at a terminal held the run lock, and with it every
        # scheduled check, until someone came back (PromptRequest.wait_s). A code asked again
        # for its form is asked within the same time: X's code does not wait longer.
        deadline = AnswerDeadline(request.wait_s)
        while True:
            line = _read_answer(request, question, deadline)
            if line is None:
                print(file=sys.stderr)  # (the question's line ends: nothing was typed)
                print(_unanswered_words(request), file=sys.stderr, flush=True)
                return None
            if not line:  # end of input: no answer
                return None
            answer = line.strip()
            if request.kind is PromptKind.FINISH_IN_BROWSER:
                return "ok" if answer.lower() in ("y", "yes", "o", "oui") else None
            if not answer or not is_code_kind(request.kind):
                return answer or None
            if well_formed(request.kind, answer):
                return cleaned_code(answer)  # as X takes it: "281 961" is 281961
            # A typo X would refuse, and count toward locking the account: not sent, asked
            # again (the code itself is never said).
            print(_malformed_code_words(request), file=sys.stderr, flush=True)

    def _saved_contact(self, request: PromptRequest) -> str:
        """Which mailbox or phone to look at (core/saved_contact), in the window's words."""
        from consentinel.core.accounts import handle_key
        from consentinel.core.saved_contact import saved_contacts

        saved = saved_contacts(self._accounts.get(handle_key(request.handle)), request.handle)
        if len(saved) == 2:
            return tr(
                "Saved for this account: {email} and {phone}.", email=saved[0], phone=saved[1]
            )
        if saved:
            return tr("Saved for this account: {email}.", email=saved[0])
        return ""


def _read_answer(request: PromptRequest, question: str, deadline: AnswerDeadline) -> str | None:
    """The question asked, and the line typed within what is left of its time (None: none
    came; "": end of input). A code is read unseen, as a password is."""
    from consentinel.cli.hidden_typing import line_within, read_hidden

    if deadline.left() <= 0:
        return None
    if sys.stdin is not None and request.kind in _CODES:
        return read_hidden(sys.stdin, question, deadline.left())
    print(question, end="", file=sys.stderr, flush=True)
    return line_within(sys.stdin, deadline.left()) if sys.stdin is not None else ""


def _malformed_code_words(request: PromptRequest) -> str:
    """Said when what was typed cannot be the code asked for (x/one_time_codes.py)."""
    if request.kind is PromptKind.TWO_FACTOR_CODE:
        return tr(
            "@{handle}: the code is 6 to 8 digits (spaces and hyphens aside); nothing was sent "
            "to X. Type it again.",
            handle=request.handle,
        )
    return tr(
        "@{handle}: the code has 4 to 12 letters or digits (spaces and hyphens aside); nothing "
        "was sent to X. Type it again.",
        handle=request.handle,
    )
