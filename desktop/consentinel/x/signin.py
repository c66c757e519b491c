"""Signing in to X: a state machine that reads which step the page shows and answers it.

Every step is recognised by X's DOM (x-reference §3), never by timing. A screen we do not know
ends the attempt as page_changed: we never click blindly, and the password only ever goes into
X's password field.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page, Request, Response
from playwright.async_api import TimeoutError as PlaywrightTimeout

from consentinel.core.check_messages import (
    CODE_REFUSED,
    CODES_REFUSED,
    SAVED_CODE_NOT_TAKEN,
    TOTP_NOT_VALID,
    TOTP_REFUSED,
    X_FAILED_AT_CODE,
    X_FAILED_AT_PASSWORD,
)
from consentinel.core.clock_offset import clock_is_off, clock_off_detail, offset_from_date
from consentinel.core.i18n import tr
from consentinel.core.log_redaction import forget_later
from consentinel.core.status import Reason, Status
from consentinel.core.steps import PromptKind
from consentinel.x.errors import (
    browser_error_words,
    reason_for_exception,
    reason_for_status,
    sent_elsewhere,
)
from consentinel.x.labels import normalize
from consentinel.x.one_time_codes import cleaned_code, well_formed
from consentinel.x.reachability import trouble_reaching
from consentinel.x.signin_screens import (
    READ_SCREEN_JS,
    SUBTASK_SCREENS,
    TASK_PATH,
    WAIT_CHANGE_JS,
    WAIT_SLICE_MS,
    PageState,
    Screen,
    Toast,
    first_line,
    state_from_js,
)
from consentinel.x.site import XSite

#: X's error code for a handle, email or phone it does not know, "Sorry, we could not find
#: your account." (x-reference §3); but also its "Incorrect. Please try again." to a wrong
#: one-time code (twikit #142), and to a sign-in it blocks ("We blocked an attempt to access
#: your account", twscrape #222, twikit #276), at any step. Its words are in the page's language.
REJECTED_CODE = 399
#: Codes of X's answers to a code sent at a code step (2FA, email/SMS) that say the code is
#: wrong, whatever language X's words are in: 399 (above), and 236, which earlier versions of
#: this app took for it (the reference never names it; taking it for "wrong" only ever keeps a
#: wrong secret from being used again).
INCORRECT_CODE_CODES = frozenset({REJECTED_CODE, 236})
#: X's answer to a wrong password ("Wrong password!", x-reference §3), in any language.
WRONG_PASSWORD_CODE = 114
#: X's "internal error" (its API's code for an unknown failure of its own, said on its page as
#: "Something went wrong. Try reloading."): X failing, not judging what was typed.
X_FAILED_CODE = 131
#: How long, after X's page showed its words, its answer to what was sent may still be on its
#: way; after that the page alone decides (never in favour of sending the same thing again).
ANSWER_GRACE_S = 3.0

#: How many wrong codes a sign-in sends X at most: X counts each one toward locking the
#: account (x-reference §4), and a third in a row may be the one that does.
MAX_REFUSED_CODES = 2


class Ask(Protocol):
    """Answer a question X asks that only a person can answer; None means nobody answered.
    `saved_code_refused`: the question follows X's refusal of the code made from the saved 2FA
    secret, which the person is told (another wrong code may get X to lock the account)."""

    def __call__(
        self, kind: PromptKind, detail: str, /, *, saved_code_refused: bool = False
    ) -> Awaitable[str | None]: ...


@dataclass(frozen=True)
class PersonAtWindow:
    """The sign-in runs in a window a person sees: at a puzzle or a locked-account screen, wait
    up to `timeout_s` for them to get past it, then go on filling what the saved secrets allow."""

    timeout_s: float
    cancelled: Callable[[], bool] = lambda: False

    async def wait(self, page: Page, arrived: Callable[[], Awaitable[bool]]) -> bool:
        """Wait, a second at a time so a cancel is noticed, until `arrived()` (itself a wait of
        about a second) says yes; False when time runs out, on cancel, or when the window closes."""
        waited = 0.0
        while waited < self.timeout_s and not self.cancelled():
            if await arrived():
                return True
            if page.is_closed():
                return False
            waited += 1.0
        return False


@dataclass(frozen=True)
class SignInSecrets:
    """What the vault and the account give us to answer X's steps; never logged (nor shown by
    repr(), should one ever be formatted into a message)."""

    handle: str
    password: str | None = field(default=None, repr=False)
    # A fresh code each call (may wait).
    totp_code: Callable[[], Awaitable[str]] | None = field(default=None, repr=False)
    email: str | None = field(default=None, repr=False)
    phone: str | None = field(default=None, repr=False)
    #: A 2FA secret is saved, but X refused a code made from it: none is made (totp_code is
    #: None), and a check nobody answers says why.
    totp_refused: bool = False
    #: A 2FA secret is saved, but it is none codes can be made from (changed in the keyring
    #: by hand): none is made (totp_code is None), and a check nobody answers says why.
    totp_not_valid: bool = False


@dataclass(frozen=True)
class SignInOutcome:
    """How a sign-in ended. `password_submitted` tells the engine a password reached X."""

    ok: bool
    status: Status | None = None
    reason: Reason | None = None
    detail: str = ""
    password_submitted: bool = False
    finish_in_browser: bool = False  # the person asked to finish in a visible window
    #: The identity answer X refused this time, to be remembered (as a hash) and not typed again.
    refused_answer: str | None = field(default=None, repr=False)
    #: X called the code made from the saved 2FA secret incorrect, whatever came after (the
    #: person may then have typed a code of their own): no code is made from it again.
    totp_refused: bool = False
    #: A NETWORK stop at which X answered, with an error of its own (reason_message).
    x_answered: bool = False

    @classmethod
    def success(cls, password_submitted: bool = False, totp_refused: bool = False) -> SignInOutcome:
        return cls(True, password_submitted=password_submitted, totp_refused=totp_refused)


def answer_for_unusual_activity(text: str, secrets: SignInSecrets) -> str | None:
    """What to type when X asks to confirm who we are: handle, email or phone, as it asks."""
    norm = normalize(text)
    wants_username = "username" in norm or "nom d'utilisateur" in norm
    wants_email = "email" in norm or "e-mail" in norm or "adresse" in norm
    wants_phone = "phone" in norm or "téléphone" in norm
    if wants_username:
        return secrets.handle
    if wants_email and secrets.email:
        return secrets.email
    if wants_phone and secrets.phone:
        return secrets.phone
    return None


class SignIn:
    """One sign-in attempt on one page; `run()` drives it to an outcome."""

    MAX_STEPS = 12

    def __init__(
        self,
        page: Page,
        site: XSite,
        secrets: SignInSecrets,
        ask: Ask,
        step_timeout_ms: float = 20_000,
        person: PersonAtWindow | None = None,
    ) -> None:
        self.page = page
        self.person = person
        self.site = site
        self.secrets = secrets
        self.ask = ask
        self.step_timeout_ms = step_timeout_ms
        self._password_submitted = False
        # (The steps' "…_sent_at" count the step requests the page had sent before that one.)
        self._handle_sent_at: int | None = None  # step requests sent before the handle's
        self._password_sent_at = 0  # step requests sent before the password's
        #: The HTTP status of X's failing answer to a page or step (a 5xx or 429), its rate
        #: limit kept once seen; None until one.
        self._trouble_status: int | None = None
        #: Codes sent at each code step (2FA, email/SMS), the saved secret's among them, and
        #: of those the ones the person typed.
        self._codes_sent: dict[Screen, int] = {}
        self._codes_typed: dict[Screen, int] = {}
        #: Step requests sent before a code from the saved 2FA secret went (None: none went).
        self._totp_sent_at: int | None = None
        self._totp_refused = False  # X called that code incorrect
        self._identity_answers: list[str] = []  # what was typed at the unusual-activity step
        self._identity_sent_at = 0  # step requests sent before the last of them went
        #: Step requests sent before the last code the person typed at a code step went.
        self._typed_sent_at: dict[Screen, int] = {}
        self._refused_answer: str | None = None
        #: The sign-in step requests the page sent, in order; X's answer to each, and for each
        #: that failed (no answer: the connection cut) Chromium's reason in words. An answer
        #: is told by its request, never by how many answers came before it: the page may show
        #: X's next step (and we may send the next answer) before the browser reports it.
        self._step_requests: list[Request] = []
        self._task_answers: dict[Request, Response] = {}
        self._task_failures: dict[Request, str] = {}
        self._heard = asyncio.Event()  # set at each answer or failure of a sign-in step
        self._answers_read = 0  # how many step requests were sent when the last state was read
        self._answer_bodies: dict[Request, dict[str, Any] | None] = {}  # read once each
        #: How long the last wait for the next state ran before it gave up, in milliseconds
        #: (Playwright's timeout names only the last slice of it).
        self._waited_ms = 0.0
        #: This computer's clock less X's, by the `Date` of X's latest step answer (None: none
        #: read). Only step answers: made for this request, never a cached page's old date.
        self._clock_offset_s: float | None = None

    def _on_response(self, response: Response) -> None:
        is_step = self.site.api_path_of(response.url) == TASK_PATH
        # X failing: its answer to a step, or a page of its own; not a stray picture or
        # measurement request, which says nothing of the sign-in.
        if is_step or (
            self.site.path_of(response.url) and response.request.is_navigation_request()
        ):
            kept = reason_for_status(self._trouble_status or 0)  # (the rate limit stays)
            if reason_for_status(response.status) is not None and kept is not Reason.RATE_LIMITED:
                self._trouble_status = response.status
        if is_step:
            self._step_request(response.request)
            self._task_answers[response.request] = response
            offset = offset_from_date(response.headers.get("date"), time.time())
            self._clock_offset_s = self._clock_offset_s if offset is None else offset
            self._heard.set()

    def _on_request(self, request: Request) -> None:
        if self.site.api_path_of(request.url) == TASK_PATH:
            self._step_request(request)

    def _on_request_failed(self, request: Request) -> None:
        if self.site.api_path_of(request.url) == TASK_PATH:
            self._step_request(request)
            self._task_failures[request] = browser_error_words(Exception(request.failure or ""))
            self._heard.set()

    def _step_request(self, request: Request) -> None:
        if request not in self._step_requests:  # (each is told of once, answered once)
            self._step_requests.append(request)

    def _sent(self) -> int:
        """How many step requests the page has sent: what a step sent now comes after."""
        return len(self._step_requests)

    def _answers_since(self, sent_at: int) -> list[Response]:
        """X's answers heard to the step requests sent after the first `sent_at`, in order."""
        return [r for q in self._step_requests[sent_at:] if (r := self._task_answers.get(q))]

    def _failure_since(self, sent_at: int) -> str | None:
        """Chromium's words for the first step request sent after the first `sent_at` that
        failed ("" when it gave none); None when none failed."""
        for request in self._step_requests[sent_at:]:
            if (why := self._task_failures.get(request)) is not None:
                return why
        return None

    def _trouble_since(self, sent_at: int) -> SignInOutcome | None:
        """X failing at what was sent after the first `sent_at` step requests: its answer a
        5xx or 429, or none (the request failed: the connection cut as it was sent, said in
        Chromium's words). Only that, never an earlier or unrelated error."""
        for answer in self._answers_since(sent_at):
            if (failing := self._failing_answer(answer.status)) is not None:
                return failing
        if (why := self._failure_since(sent_at)) is not None:
            return self._fail(Status.ERROR, Reason.NETWORK, why or tr("the connection was cut"))
        return None

    def _failing_answer(self, status: int | None) -> SignInOutcome | None:
        """The sign-in's end when X answered with the HTTP `status` a 5xx or 429: X failing,
        said as "HTTP status 503". None for any other status, or none."""
        reason = None if status is None else reason_for_status(status)
        if reason is None:
            return None
        said = tr("HTTP status {status}", status=status)
        return self._fail(Status.ERROR, reason, said, x_answered=True)

    def _off_x(self) -> SignInOutcome | None:
        """The page is not on X's origin at all: the network put another site's page there (a
        captive portal's "accept the terms"), so X was not reached: NETWORK, not a sign-in
        screen X changed."""
        if self.site.path_of(self.page.url):
            return None
        trouble = sent_elsewhere(self.page.url)
        return self._fail(Status.ERROR, trouble.reason, trouble.detail)

    async def _hear_since(self, sent_at: int) -> None:
        """Waits, a few seconds at most, for X's answer (or its failure) to what was sent after
        the first `sent_at` step requests: the page may show X's words a moment before the
        browser reports the answer. Not heard by then, the caller decides on the page alone."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + ANSWER_GRACE_S
        while not self._answers_since(sent_at) and self._failure_since(sent_at) is None:
            left = deadline - loop.time()
            if left <= 0:
                return
            self._heard.clear()
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._heard.wait(), left)

    async def _hear_last_step(self) -> None:
        """Waits, ANSWER_GRACE_S at most, for X's answer (or its failure) to the last step
        request the page sent: the page may show the step that answer names a moment before
        the browser reports it, and the step before would then be taken for this one."""
        if self._step_requests:
            await self._hear_since(self._sent() - 1)

    async def _answer_body(self, answer: Response) -> dict[str, Any] | None:
        """X's answer to a sign-in step, as JSON; read from the browser once (a wait looks at
        the answers again every few hundred milliseconds). None when it cannot be read."""
        if answer.request not in self._answer_bodies:
            try:
                body = await answer.json()
            except (PlaywrightError, ValueError):
                body = None
            self._answer_bodies[answer.request] = body if isinstance(body, dict) else None
        return self._answer_bodies[answer.request]

    async def _current_subtask(self) -> str | None:
        """The step X's latest answer named; an answer that only reports an error (a wrong
        code, say) leaves the step as it was. None when none was seen or read."""
        for answer in reversed(self._answers_since(0)):
            body = await self._answer_body(answer)
            subtasks = body.get("subtasks") if body else None
            if isinstance(subtasks, list) and subtasks and isinstance(subtasks[0], dict):
                return str(subtasks[0].get("subtask_id") or "") or None
        return None

    async def _with_step(self, state: PageState) -> PageState:
        """X's generic text step, told apart by the step X named as well as by its wording:
        the step alone in a language whose words we do not know. When the wording names
        another step in words of its own (a code generator, unusual activity), the screen is
        taken as unknown and nothing is typed; "code" alone is in every code step's wording."""
        if state.raw_screen != "enter_text":
            return state
        await self._hear_last_step()  # (the step named is that of X's latest answer)
        by_step = SUBTASK_SCREENS.get(await self._current_subtask() or "")
        if by_step is None:
            return state
        by_words = state.screen
        if by_words in (Screen.TWO_FACTOR, Screen.UNUSUAL_ACTIVITY) and by_words is not by_step:
            return replace(state, screen=Screen.ENTER_TEXT)
        return replace(state, screen=by_step)

    async def read_state(self) -> PageState:
        return await self._with_step(state_from_js(await self.page.evaluate(READ_SCREEN_JS)))

    async def _wait_for_state(
        self, prev: PageState | None, timeout_ms: float | None = None
    ) -> PageState:
        """The next recognisable state: a new screen, or a new message on the same screen (any
        message, once X answered with an error since `prev`)."""
        loop = asyncio.get_running_loop()
        total_ms = self.step_timeout_ms if timeout_ms is None else timeout_ms
        deadline = loop.time() + total_ms / 1000
        while True:
            prev_toast = "" if prev is None or await self._x_said_no() else prev.raw_toast
            args = [None, "", ""] if prev is None else [prev.raw_screen, prev.text, prev_toast]
            left_ms = max(1.0, (deadline - loop.time()) * 1000)
            try:
                handle = await self.page.wait_for_function(
                    WAIT_CHANGE_JS,
                    arg=args,
                    timeout=min(left_ms, WAIT_SLICE_MS),
                    polling="raf",
                )
            except PlaywrightTimeout:
                if loop.time() < deadline:
                    continue
                self._waited_ms = total_ms
                raise
            self._answers_read = self._sent()
            return await self._with_step(state_from_js(await handle.json_value()))

    async def _errors_since(self, since: int) -> list[Any]:
        """The errors X's step answers reported, to the step requests after the first `since`."""
        found: list[Any] = []
        for answer in self._answers_since(since):
            body = await self._answer_body(answer)
            errors = body.get("errors") if body else None
            if errors:
                found.extend(errors if isinstance(errors, list) else [errors])
        return found

    async def _error_codes_since(self, since: int) -> list[object]:
        """The codes of those errors (X's numbers, the same in every language)."""
        errors = await self._errors_since(since)
        return [error.get("code") for error in errors if isinstance(error, dict)]

    async def _x_said_no(self) -> bool:
        """Whether one of X's step answers since the last state was an error."""
        return bool(await self._errors_since(self._answers_read))

    def _fail(
        self, status: Status, reason: Reason, detail: str = "", *, x_answered: bool = False
    ) -> SignInOutcome:
        return SignInOutcome(
            False,
            status,
            reason,
            detail,
            password_submitted=self._password_submitted,
            refused_answer=self._refused_answer,
            totp_refused=self._totp_refused,
            x_answered=x_answered,
        )

    async def run(self) -> SignInOutcome:
        self.page.on("request", self._on_request)
        self.page.on("response", self._on_response)
        self.page.on("requestfailed", self._on_request_failed)
        try:
            await self.page.goto(self.site.login_url, wait_until="domcontentloaded")
            return self._off_x() or await self._drive()
        except PlaywrightError as exc:
            if (failing := self._failing_answer(self._trouble_status)) is not None:
                return failing
            return self._fail(Status.ERROR, reason_for_exception(exc), browser_error_words(exc))
        finally:
            self.page.remove_listener("request", self._on_request)
            self.page.remove_listener("response", self._on_response)
            self.page.remove_listener("requestfailed", self._on_request_failed)

    async def _drive(self) -> SignInOutcome:
        state: PageState | None = None
        for _ in range(self.MAX_STEPS):
            try:
                state = await self._wait_for_state(state)
            except PlaywrightError as exc:
                return await self._stuck(state, exc)
            outcome = self._off_x() or await self._answer(state)
            if outcome is not None:
                return outcome
        return self._fail(Status.ERROR, Reason.PAGE_CHANGED, tr("too many sign-in steps"))

    async def _stuck(self, prev: PageState | None, exc: PlaywrightError) -> SignInOutcome:
        """Nothing new appeared in time: X is slow, failing, or shows a page we do not know."""
        if (elsewhere := self._off_x()) is not None:
            return elsewhere
        if (failing := self._failing_answer(self._trouble_status)) is not None:
            return failing
        if trouble := await trouble_reaching(self.page, self.site):  # X went away
            said = trouble.x_answered
            return self._fail(Status.ERROR, trouble.reason, trouble.detail, x_answered=said)
        try:
            now = await self.read_state()
        except PlaywrightError:
            return self._fail(Status.ERROR, reason_for_exception(exc), self._stuck_words(exc))
        if now.screen is None or now.screen is Screen.ENTER_TEXT:
            return self._fail(Status.ERROR, Reason.PAGE_CHANGED, tr("unknown sign-in screen"))
        if prev is not None and now.screen is prev.screen:
            return self._fail(Status.ERROR, Reason.TIMEOUT, self._stuck_words(exc))
        return self._fail(Status.ERROR, reason_for_exception(exc), self._stuck_words(exc))

    def _stuck_words(self, exc: PlaywrightError) -> str:
        """The failure of a wait for the next state in words: a timeout says how long the whole
        wait ran ("no answer within 30 s"), not its last slice."""
        if isinstance(exc, PlaywrightTimeout) and self._waited_ms >= 1000:
            return tr("no answer within {seconds} s", seconds=round(self._waited_ms / 1000))
        return browser_error_words(exc)

    async def _answer(self, state: PageState) -> SignInOutcome | None:
        """Act on one state; an outcome ends the attempt, None means go on to the next step."""
        if state.toast is Toast.WRONG_PASSWORD:
            return self._fail(Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD)
        if state.toast is Toast.UNKNOWN_ACCOUNT:
            return self._fail(Status.SIGNIN_FAILED, Reason.UNKNOWN_ACCOUNT)
        screen = state.screen
        if screen is Screen.HOME:
            return SignInOutcome.success(self._password_submitted, self._totp_refused)
        if screen is Screen.USERNAME:
            if self._handle_sent_at is not None:
                return await self._username_again(state)
            self._handle_sent_at = self._sent()
            await self._fill_and_next(
                'input[name="text"][autocomplete="username"]', self.secrets.handle, "username"
            )
            return None
        if screen is Screen.PASSWORD:
            return await self._password(state)
        if screen is Screen.UNUSUAL_ACTIVITY:
            return await self._unusual(state)
        if screen is Screen.TWO_FACTOR:
            return await self._two_factor(state)
        if screen is Screen.EMAIL_CODE:
            return await self._typed_code(state, PromptKind.EMAIL_CODE, Reason.EMAIL_CODE)
        if screen is Screen.CAPTCHA:
            return await self._person_needed(Reason.CAPTCHA, Status.NEEDS_USER, state)
        if screen is Screen.LOCKED:
            return await self._person_needed(Reason.LOCKED, Status.NEEDS_USER, state)
        if screen is Screen.REFUSED:
            return self._fail(
                Status.SIGNIN_FAILED, Reason.REFUSED, first_line(state.question or state.text)
            )
        if state.toast is not None and screen is None:
            # X's words and no step: its first answer failed (its client says "Something went
            # wrong" and shows no step), on proof only; otherwise a message we do not know.
            if (failing := await self._x_failing_since(0)) is not None:
                return failing
            return self._fail(Status.ERROR, Reason.PAGE_CHANGED, tr("unexpected message from X"))
        return self._fail(Status.ERROR, Reason.PAGE_CHANGED, tr("unknown sign-in screen"))

    async def _username_again(self, state: PageState) -> SignInOutcome | None:
        """X shows its username step again after it had the handle. The handle is never typed
        twice: each time is one more failed sign-in for X to count against the account.

        X answers code 399 both to a handle it does not know and to a sign-in it blocks
        ("Incorrect. Please try again.", "We blocked an attempt…"); only its words tell them
        apart, and they are in the page's language. Its "could not find your account" in words
        we read ended the sign-in as an unknown account before this (`_answer`). Any other 399
        — other words, words in a language we do not read, or none — is taken as a refusal:
        backed off from for hours, with X's own words for the person to read. Erring the other
        way would tell the person to add the account again, and let their checks sign in again
        at once, into a block that lasts longer with each attempt.

        X failing at what was sent (as at the password: its answer a 5xx or 429, none, or its
        internal error) is neither: the sign-in ends as X failing, backed off from as X asks
        at its "too many requests"."""
        assert self._handle_sent_at is not None
        sent_at = self._password_sent_at if self._password_submitted else self._handle_sent_at
        if (failing := await self._x_failing_since(sent_at)) is not None:
            return failing
        if not self._answers_since(self._handle_sent_at):
            return None  # X has not answered yet: wait for what it says
        if self._password_submitted:
            # Back at the first step after the password: X's 399 was its answer to the
            # password, maybe "wrong" in words we do not read. Said as a password X did not
            # take, so that it is never sent again until the person changes it (a block said
            # so would send it again once the back-off ends).
            if REJECTED_CODE in await self._error_codes_since(self._password_sent_at):
                return self._fail(Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD, state.raw_toast)
        elif REJECTED_CODE in await self._error_codes_since(self._handle_sent_at):
            return self._fail(Status.SIGNIN_FAILED, Reason.REFUSED, first_line(state.raw_toast))
        return self._fail(Status.ERROR, Reason.PAGE_CHANGED, tr("X asked for the username again"))

    async def _x_failing_since(self, sent_at: int) -> SignInOutcome | None:
        """X failing at what was sent when it had given `sent_at` answers, on proof only (its
        answer a 5xx or 429, its request failed, or its answer names its internal error, code
        131): the sign-in's end, as X failing (None: it did not fail). Never taken for X's
        judgement of what was sent (a refusal, a wrong answer)."""
        await self._hear_since(sent_at)
        if (trouble := self._trouble_since(sent_at)) is not None:
            return trouble
        if self._x_failed(await self._error_codes_since(sent_at)):
            said = tr("it said something went wrong")
            return self._fail(Status.ERROR, Reason.NETWORK, said, x_answered=True)
        return None

    async def _x_said_incorrect(self, state: PageState, sent_at: int) -> bool:
        """X called what was sent when it had given `sent_at` answers incorrect: its words
        ("Incorrect. Please try again.") or its error code in answer (399, or 236), in any
        language (x-reference §3)."""
        codes = await self._error_codes_since(sent_at)
        return state.toast is Toast.INCORRECT_CODE or bool(INCORRECT_CODE_CODES.intersection(codes))

    async def _password(self, state: PageState) -> SignInOutcome | None:
        if self._password_submitted:
            # X failing is not X refusing the password, on proof only: its answer to the
            # password a 5xx (or 429), its request failed (the connection cut), or its answer
            # names its internal error (code 131).
            await self._hear_since(self._password_sent_at)
            if (trouble := self._trouble_since(self._password_sent_at)) is not None:
                return trouble
            codes = await self._error_codes_since(self._password_sent_at)
            if WRONG_PASSWORD_CODE not in codes and self._x_failed(codes):
                # X's own "Something went wrong": it failed before judging the password, which
                # stays usable; the next check sends it again.
                return self._fail(
                    Status.ERROR, Reason.NETWORK, X_FAILED_AT_PASSWORD, x_answered=True
                )
            # Else X shows its password step again: whatever its words (a message in any
            # language, or none) and whether its answer was seen, it did not take it. Never
            # sent twice.
            return self._fail(Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD, state.raw_toast)
        if self.secrets.password is None:
            return await self._person_needed(Reason.WRONG_PASSWORD, Status.SIGNIN_FAILED)
        if not self.site.takes_secrets or not self.site.path_of(self.page.url):
            # Only on X's own pages (or a simulated X's on this computer): never into a page
            # another site put in front of us.
            return self._fail(Status.ERROR, Reason.PAGE_CHANGED, tr("the password page is not X's"))
        password_field = self.page.locator('input[name="password"][type="password"]')
        # The password goes only into X's one visible password field, checked just before typing.
        if (
            await password_field.count() != 1
            or await password_field.get_attribute("type") != "password"
        ):
            return self._fail(Status.ERROR, Reason.PAGE_CHANGED, tr("password field not found"))
        forget_later(self.secrets.password)  # (never in the log, whatever quotes it)
        await password_field.fill(self.secrets.password)
        self._password_sent_at = self._sent()
        button = self.page.locator('[data-testid="LoginForm_Login_Button"]')
        if await button.count() == 1:
            await button.click()
        else:
            await password_field.press("Enter")
        self._password_submitted = True
        return None

    async def _unusual(self, state: PageState) -> SignInOutcome | None:
        """X asks who we are. What it refused is never typed again (X counts refused answers
        against the account): then only the person may give another answer. Refused only
        when X says "Incorrect" (x-reference §3): X failing at the answer ends the sign-in as
        X failing, the answer kept; other words of X's end it for the person, the answer kept
        too (never typed again in this sign-in on a guess)."""
        refused = False
        if self._identity_answers and state.toast is not None:
            if (failing := await self._x_failing_since(self._identity_sent_at)) is not None:
                return failing
            if not await self._x_said_incorrect(state, self._identity_sent_at):
                return self._fail(Status.NEEDS_USER, Reason.UNUSUAL_ACTIVITY, state.raw_toast)
            refused = True
            self._refused_answer = self._identity_answers[-1]
        answer = None if refused else answer_for_unusual_activity(state.text, self.secrets)
        if answer is None:
            asked = state.question or state.text
            question = f"{state.raw_toast}\n{asked}" if refused else asked
            answer = await self.ask(PromptKind.EMAIL_OR_PHONE, first_line(question))
        answer = (answer or "").strip()
        if not answer or answer in self._identity_answers:
            return self._fail(
                Status.NEEDS_USER, Reason.UNUSUAL_ACTIVITY, state.raw_toast if refused else ""
            )
        self._identity_answers.append(answer)
        self._identity_sent_at = self._sent()
        await self._fill_and_next('input[data-testid="ocfEnterTextTextInput"]', answer, "ocf")
        return None

    @staticmethod
    def _x_failed(codes: list[object]) -> bool:
        """X says it failed, not what it thinks of what was sent: its "internal error" code in
        its answer, on proof only. Its "Something went wrong" on the page alone is not: its
        answer unseen, the words may be any (X's rate limit starts "Something went wrong"),
        and taking them for X failing would send the password again at every retry."""
        return X_FAILED_CODE in codes

    def _codes_refused(self, screen: Screen) -> int:
        """How many codes X refused at this sign-in, its page showing the code step `screen`:
        every code sent at this step (X asks again), and at each step passed all but the one
        X took."""
        return sum(n if step is screen else n - 1 for step, n in self._codes_sent.items())

    def _refused_here(self, screen: Screen) -> str:
        """What the sign-in says of the codes X refused at this step (CODES_REFUSED, or
        CODE_REFUSED for one), "" when none was sent there."""
        sent = self._codes_sent.get(screen, 0)
        return CODES_REFUSED if sent >= 2 else CODE_REFUSED if sent == 1 else ""

    def _code_sent(self, screen: Screen, *, typed: bool) -> None:
        self._codes_sent[screen] = self._codes_sent.get(screen, 0) + 1
        if typed:
            self._codes_typed[screen] = self._codes_typed.get(screen, 0) + 1

    async def _two_factor(self, state: PageState) -> SignInOutcome | None:
        if self._codes_refused(Screen.TWO_FACTOR) >= MAX_REFUSED_CODES:
            return self._fail(
                Status.NEEDS_USER, Reason.TWO_FACTOR, self._refused_here(Screen.TWO_FACTOR)
            )
        if self.secrets.totp_code is not None and not self._totp_refused:
            if self._totp_sent_at is not None and state.toast is not None:
                return await self._saved_code_refused(state)
            self._code_sent(Screen.TWO_FACTOR, typed=False)
            # A fresh code may mean waiting for the next 30-second window (never a reused code).
            code = await self.secrets.totp_code()
            self._totp_sent_at = self._sent()
            await self._fill_and_next(
                'input[data-testid="ocfEnterTextTextInput"]', code, "ocf", secret=True
            )
            return None
        unanswered = (
            TOTP_REFUSED
            if self.secrets.totp_refused
            else TOTP_NOT_VALID
            if self.secrets.totp_not_valid
            else ""
        )
        return await self._typed_code(
            state, PromptKind.TWO_FACTOR_CODE, Reason.TWO_FACTOR, unanswered
        )

    async def _saved_code_refused(self, state: PageState) -> SignInOutcome | None:
        """The 2FA step again, with a message, after a code from the saved secret. Only X's
        "Incorrect" (its words, or its error code in answer to the code, in any language: 399,
        or 236) says the secret's codes are wrong, and the
        next one would be too (it comes from the same secret): the secret is marked refused
        (TOTP_REFUSED), which keeps it from being used again until it is saved again, and a
        person who is there is asked for the code in this same sign-in (nobody is asked in a
        scheduled run). X failing or slow ends this sign-in only (on proof: its answer a 5xx or
        429, or its request failed; or X saying it failed, X_FAILED_AT_CODE); other words of
        X's, or its answer not seen, keep the secret (SAVED_CODE_NOT_TAKEN), and scheduled
        checks wait for the person. "Incorrect" from an X whose clock this computer's is far
        off blames the clock, not the secret (_clock_off).

        X's 399 is also its answer to a sign-in it blocks, and nothing x-reference §3 names
        tells that apart from a wrong code at this step (no other code, no words of its own,
        no way to know a code certainly right: the secret is what is in doubt). Erring toward
        "wrong" sends no further code X may count toward a lock; the sentence TOTP_REFUSED
        gives the person says that the secret may be right, and how to put it back."""
        assert self._totp_sent_at is not None
        await self._hear_since(self._totp_sent_at)
        if (trouble := self._trouble_since(self._totp_sent_at)) is not None:
            return trouble
        codes = await self._error_codes_since(self._totp_sent_at)
        if await self._x_said_incorrect(state, self._totp_sent_at):
            if clock_is_off(self._clock_offset_s):
                return self._clock_off()
            self._totp_refused = True
            return await self._typed_code(
                state, PromptKind.TWO_FACTOR_CODE, Reason.TWO_FACTOR, TOTP_REFUSED
            )
        if self._x_failed(codes):
            return self._fail(Status.ERROR, Reason.NETWORK, X_FAILED_AT_CODE, x_answered=True)
        # Words of X's that are not "Incorrect": the secret stays usable, but no scheduled
        # check sends another code on a guess (a wrong one counts toward X's lock).
        return self._fail(Status.NEEDS_USER, Reason.TWO_FACTOR, SAVED_CODE_NOT_TAKEN)

    def _clock_off(self) -> SignInOutcome:
        """X called the saved secret's code incorrect, and this computer's clock is far off
        X's: codes made by it are refused whatever the secret, so the secret is not set aside
        (not blamed for the clock), and no one is asked for a code (each wrong one counts
        toward X's lock, and the next sign-in goes through once the clock is right)."""
        assert self._clock_offset_s is not None
        detail = clock_off_detail(self._clock_offset_s)
        return self._fail(Status.NEEDS_USER, Reason.TWO_FACTOR, detail)

    async def _typed_code(
        self, state: PageState, kind: PromptKind, reason: Reason, unanswered: str = ""
    ) -> SignInOutcome | None:
        """Asks the person for the code X sent or their app shows; `unanswered`: the detail
        of a sign-in nobody gave one to. Once X refused a code the person typed at this step,
        the sign-in's end says so (CODE_REFUSED, CODES_REFUSED: how many, and that one more
        may get the account locked), at the 2FA step and at the email/SMS one alike.

        The step again with a message after a typed code: only X's "Incorrect" refuses it. X
        failing at it ends the sign-in as X failing (no second code is sent to an X that
        fails), and other words of X's end it for the person (no code sent on a guess)."""
        screen = Screen.EMAIL_CODE if kind is PromptKind.EMAIL_CODE else Screen.TWO_FACTOR
        typed_at = self._typed_sent_at.get(screen)
        if typed_at is not None and state.toast is not None:
            if (failing := await self._x_failing_since(typed_at)) is not None:
                return failing
            if not await self._x_said_incorrect(state, typed_at):
                return self._fail(Status.NEEDS_USER, reason, unanswered)
        if self._codes_refused(screen) >= MAX_REFUSED_CODES:
            return self._fail(Status.NEEDS_USER, reason, self._refused_here(screen))
        # The first code asked for after X refused the saved secret's: the person is told.
        after_saved = self._totp_refused and screen is Screen.TWO_FACTOR and typed_at is None
        code = await self.ask(
            kind, first_line(state.question or state.text), saved_code_refused=after_saved
        )
        # Sent as X takes it ("281 961" as apps show it is 281961); a code of the wrong form
        # is never sent (the window and the command line ask again for one; X would count it
        # toward a lock): the sign-in ends as if none was given.
        code = cleaned_code(code or "")
        if not code or not well_formed(kind, code):
            typed = self._codes_typed.get(screen, 0)
            return self._fail(
                Status.NEEDS_USER, reason, self._refused_here(screen) if typed else unanswered
            )
        self._code_sent(screen, typed=True)
        self._typed_sent_at[screen] = self._sent()
        await self._fill_and_next(
            'input[data-testid="ocfEnterTextTextInput"]', code, "ocf", secret=True
        )
        return None

    async def _person_needed(
        self, reason: Reason, status: Status, state: PageState | None = None
    ) -> SignInOutcome | None:
        if (
            self.person is not None
            and state is not None
            and await self.person.wait(self.page, lambda: self._screen_changed(state))
        ):
            return None  # the person solved it in the window: go on with the next step
        answer = await self.ask(PromptKind.FINISH_IN_BROWSER, reason.value)
        return SignInOutcome(
            False,
            status,
            reason,
            password_submitted=self._password_submitted,
            finish_in_browser=bool(answer),
            totp_refused=self._totp_refused,
        )

    async def _screen_changed(self, state: PageState) -> bool:
        """Whether the page moves on from this state within a second."""
        try:
            await self._wait_for_state(state, timeout_ms=1000)
        except PlaywrightError:
            return False
        return True

    async def _fill_and_next(
        self, selector: str, value: str, kind: str, *, secret: bool = False
    ) -> None:
        """Type `value` and go on; a `secret` (a code) is first named to the log's redaction."""
        field = self.page.locator(selector)
        if secret:
            forget_later(value)
        await field.fill(value)
        if kind == "ocf":
            button = self.page.locator('[data-testid="ocfEnterTextNextButton"]')
        else:
            button = self.page.get_by_role("button", name=re.compile(r"^\s*(Next|Suivant)\s*$"))
        if await button.count() == 1:
            await button.click()
        else:
            await field.press("Enter")


async def sign_in(
    page: Page,
    site: XSite,
    secrets: SignInSecrets,
    ask: Ask,
    step_timeout_ms: float = 20_000,
    person: PersonAtWindow | None = None,
) -> SignInOutcome:
    """Sign in on this page, answering each of X's steps; see SignIn."""
    return await SignIn(page, site, secrets, ask, step_timeout_ms, person).run()


async def screen_shown(page: Page) -> Screen | None:
    """The sign-in step X shows on `page` now, read from its words (None: none known, or the
    page is gone): what a person's sign-in in the window stopped at."""
    if page.is_closed():
        return None
    try:
        return state_from_js(await page.evaluate(READ_SCREEN_JS)).screen
    except PlaywrightError:
        return None


async def wait_until_home(page: Page, site: XSite, timeout_ms: float) -> bool:
    """Wait while a person finishes signing in; True once the page reaches X's home."""
    try:
        await page.wait_for_url(lambda url: site.is_home(url), timeout=timeout_ms)
    except PlaywrightError:
        return False
    return True
