"""Engine.run_check(): the heart. One browser per run, one context per account, journal all.

Synchronous on the outside (the GUI calls it from a worker thread, the CLI directly); inside it
runs its own asyncio loop with async Playwright. See docs/ARCHITECTURE.md for the contract.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from playwright.async_api import Browser, Page, Playwright
from playwright.async_api import Error as PlaywrightError

from consentinel.core import async_run
from consentinel.core.account_check import AccountCheck
from consentinel.core.accounts import Account, handle_key
from consentinel.core.check_messages import (
    browser_failed_message,
    firefox_browser_message,
    no_window_message,
    not_a_browser_message,
    reason_message,
    signin_browser_stopped_message,
)
from consentinel.core.context import AppContext
from consentinel.core.display import has_display
from consentinel.core.events import (
    AccountFinished,
    AccountResult,
    AccountStep,
    BrowserUnsandboxed,
    CancelToken,
    Event,
    RunFinished,
    RunResult,
    RunStarted,
)
from consentinel.core.i18n import current_language, tr
from consentinel.core.identity_answers import answers_to_type
from consentinel.core.password_refusals import lift_stale_rejection, refused_password_digest
from consentinel.core.run_shared import AskSync, RunShared
from consentinel.core.run_stop import check_all
from consentinel.core.signin_rules import remember_outcome
from consentinel.core.signin_secrets import secrets_to_type
from consentinel.core.status import ALL_BOXES, Reason, Status
from consentinel.core.steps import Step
from consentinel.core.totp_refusals import remember_refusals
from consentinel.core.unfinished_signin import ran_out_message, window_closed_message
from consentinel.core.vault import VaultError
from consentinel.x.browser import (
    LAUNCH_TIMEOUT_S,
    VIEWPORT,
    BrowserChoice,
    find_browser,
    headful_user_agent,
    launch_browser,
    launch_detail,
    own_playwright,
)
from consentinel.x.browser_sandbox import news_of_refusal
from consentinel.x.browser_watch import BrowserWatch, watched
from consentinel.x.errors import XError
from consentinel.x.signin import (
    PersonAtWindow,
    SignInOutcome,
    SignInSecrets,
    screen_shown,
    sign_in,
    wait_until_home,
)
from consentinel.x.signin_screens import Screen

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LoginResult:
    """How `Engine.login_interactive` ended; `message` is for the person."""

    ok: bool
    message: str
    reason: Reason | None = None
    #: The window's time ran out, after so many seconds (None: it did not): each front end
    #: adds how to try again in its own words ("Sign in yourself…", `consentinel login`).
    ran_out_after_s: float | None = None
    #: X still showed its locked-account page then: it is unlocked on x.com before trying again.
    still_locked: bool = False


def _answer_wait_s(chosen: float | None) -> float:
    """The engine's own limit, else the app's, as it stands when the run starts."""
    from consentinel.core import events

    return events.ANSWER_WAIT_S if chosen is None else chosen


def _no_event(_event: Event) -> None:
    return None


def _password_left_to_person(outcome: SignInOutcome) -> bool:
    """The sign-in stopped at X's password step with no password sent by us: it is the
    person's to type in the window, not a password X refused."""
    return (
        not outcome.ok
        and outcome.reason is Reason.WRONG_PASSWORD
        and not outcome.password_submitted
    )


def _tell_a_refused_sandbox(choice: BrowserChoice, on_event: Callable[[Event], None]) -> None:
    """Chromium's refusal of this browser's sandbox, said once a process: by the check or the
    sign-in that met it first, once its browser started (x/browser_sandbox)."""
    refused = news_of_refusal(choice.path)
    if refused is not None:
        on_event(BrowserUnsandboxed(refused))


#: How long a check waits for the browser named by the person to say what it is.
CHECK_VERSION_TIMEOUT_S = 30.0


def _refused_browser(choice: BrowserChoice) -> str | None:
    """Why the browser the person named cannot be started, said before trying, in the words
    the doctor and the settings use: Firefox, another program (an editor, a script, Brave…),
    or one that did not say what it is. Only a browser named in CONSENTINEL_BROWSER or the
    settings is asked (those found by Consentinel are Chromium's own paths), with --version
    once per version of the file in this process (~0.1 s; the settings' verdict when they
    asked it in this process): a start would otherwise meet whatever error the program gives,
    or a minute's wait for a browser that cannot answer Playwright."""
    from consentinel.core.doctor import source_words
    from consentinel.x.browser import BrowserSource
    from consentinel.x.browser_program import ProgramKind, remembered_program_check

    if choice.source not in (BrowserSource.ENVIRONMENT, BrowserSource.PREFERENCE):
        return None
    # (The check runs in its own thread: a browser slow to answer, the first time from a cold
    # disk, is given longer than the settings' dialog gives it before it counts as silent.)
    kind, said = remembered_program_check(choice.path, timeout_s=CHECK_VERSION_TIMEOUT_S)
    if kind is ProgramKind.USABLE:
        return None
    log.warning("the browser %s is %s: not started", choice.path, said or kind.value)
    path, source = str(choice.path), source_words(choice.source)
    if kind is ProgramKind.FIREFOX:
        return firefox_browser_message(path, source)
    return not_a_browser_message(path, source, said, answered=kind is ProgramKind.OTHER)


class Engine:
    """Checks accounts against X's Grok settings. Build one per AppContext; reusable."""

    def __init__(
        self,
        ctx: AppContext,
        *,
        headless: bool | None = None,
        interactive_headless: bool = False,
        page_timeout_s: float = 30.0,
        signin_step_timeout_s: float = 30.0,
        interactive_timeout_s: float = 600.0,
        launch_timeout_s: float = LAUNCH_TIMEOUT_S,
        answer_wait_s: float | None = None,
    ) -> None:
        """`answer_wait_s`: how long a question waits for the person (tests shorten it);
        None: ANSWER_WAIT_S."""
        self.ctx = ctx
        # Watching the browser is a setting; with no screen to watch it on (a scheduled run,
        # a server) the check runs headless rather than failing to start the browser.
        watch = ctx.settings.show_browser and has_display()
        self.headless = (not watch) if headless is None else headless
        # The "finish in the browser" window is visible unless a test (no display) says not.
        self.interactive_headless = interactive_headless
        self.page_timeout_ms = page_timeout_s * 1000
        self.signin_step_timeout_ms = signin_step_timeout_s * 1000
        self.interactive_timeout_s = interactive_timeout_s
        self.launch_timeout_s = launch_timeout_s
        self.answer_wait_s = answer_wait_s

    # -- run_check ------------------------------------------------------------------------------

    def run_check(
        self,
        handles: Sequence[str] | None = None,
        dry_run: bool = False,
        unattended: bool = False,
        on_event: Callable[[Event], None] = _no_event,
        ask: AskSync | None = None,
        cancel: CancelToken | None = None,
        trigger: str = "manual",
    ) -> RunResult:
        """Check the accounts (all when `handles` is None) and return what happened to each."""
        cancel = cancel or CancelToken()
        accounts = self._select(handles)
        journal = self.ctx.journal
        # Where the passwords go, known before anything is (XOriginError: not X's address nor
        # one on this computer), and noted with the run when it is not X (a simulated X).
        site = self.ctx.site
        run_id = journal.start_run(
            trigger, dry_run=dry_run, x_origin=None if site.is_x else site.origin
        )
        on_event(RunStarted(run_id, tuple(a.handle for a in accounts)))
        results: list[AccountResult]
        cancelled = False
        try:
            choice = find_browser(self.ctx.settings.browser_path)
            refused = _refused_browser(choice) if choice is not None else None
            if choice is None or refused is not None:
                missing = refused or reason_message(Reason.BROWSER_MISSING, "")
                results = [
                    self._finish_without_browser(run_id, a, on_event, missing) for a in accounts
                ]
            else:
                results = async_run.run(
                    self._run_all(
                        choice, run_id, accounts, dry_run, unattended, on_event, ask, cancel
                    )
                )
            cancelled = cancel.cancelled
        except BaseException:
            # The run did not reach its end; the journal has no "interrupted by us" call, and
            # "cancelled" is the honest nearest word for a run stopped before its end.
            journal.finish_run(run_id, cancelled=True)
            raise
        result = RunResult(run_id, tuple(results), cancelled=cancelled)
        journal.finish_run(run_id, cancelled=cancelled)
        on_event(RunFinished(result))
        return result

    def _select(self, handles: Sequence[str] | None) -> list[Account]:
        accounts = self.ctx.accounts.list()
        if handles is None:
            return accounts
        wanted = [handle_key(h) for h in handles]
        by_key = {a.key: a for a in accounts}
        return [by_key[k] for k in dict.fromkeys(wanted) if k in by_key]

    def _finish_without_browser(
        self, run_id: int, account: Account, on_event: Callable[[Event], None], message: str
    ) -> AccountResult:
        keep = tuple(box for box in ALL_BOXES if box in account.keep)
        result = AccountResult(
            account.handle, Status.ERROR, Reason.BROWSER_MISSING, message=message, keep=keep
        )
        self.ctx.journal.record_check(run_id, result)
        self.ctx.accounts.record_check(account.handle, result.status, reason=result.reason)
        on_event(AccountStep(account.handle, Step.DONE))
        on_event(AccountFinished(result))
        return result

    def _launch_failed(self, choice: BrowserChoice, error: Exception) -> str:
        """The sentence for a browser that did not start; Playwright's own words (English, a
        call log) go to the log only."""
        log.warning("the browser %s did not start: %s", choice.path, error)
        detail = launch_detail(error, self.launch_timeout_s)
        return browser_failed_message(str(choice.path), detail)

    def _prepare_sessions(self, accounts: list[Account]) -> None:
        try:
            self.ctx.sessions.prepare(a.handle for a in accounts)
        except Exception:  # each account meets it again when opening its session, and says so
            log.debug("reading the sessions' key ahead failed", exc_info=True)

    async def _run_all(
        self,
        choice: BrowserChoice,
        run_id: int,
        accounts: list[Account],
        dry_run: bool,
        unattended: bool,
        on_event: Callable[[Event], None],
        ask: AskSync | None,
        cancel: CancelToken,
    ) -> list[AccountResult]:
        # The sessions' key comes from the keyring (D-Bus, perhaps an unlock prompt): read it
        # while Playwright and the browser start, not on the event loop once accounts wait.
        async with own_playwright() as pw:
            warm = asyncio.create_task(asyncio.to_thread(self._prepare_sessions, accounts))
            try:
                # X's signed-out pages (its sign-in) in the person's language, as the app's.
                browser = await launch_browser(
                    pw, choice, self.headless, self.launch_timeout_s, language=current_language()
                )
            except PlaywrightError as exc:
                await warm
                failed = self._launch_failed(choice, exc)
                return [self._finish_without_browser(run_id, a, on_event, failed) for a in accounts]
            # A browser that stops answering (frozen) is ended, so that no call waits on it for
            # ever: the run ends, its lock is freed, and the next check starts afresh. Watched
            # from its start: whatever stops the run from here (a Ctrl+C while the keyring is
            # read) closes it, within a bound.
            async with watched(browser) as watch:
                await warm
                _tell_a_refused_sandbox(choice, on_event)
                user_agent = headful_user_agent(browser.version)

                async def finish_in_browser(account: Account) -> bool:
                    window = self._interactive(pw, choice, account, cancel, on_event=on_event)
                    return (await window).ok

                # With no screen (a server, an SSH session) no window is offered: it could only
                # fail to open, after the person said yes to it.
                can_show = self.interactive_headless or has_display()

                shared = RunShared(
                    ctx=self.ctx,
                    browser=browser,
                    run_id=run_id,
                    dry_run=dry_run,
                    unattended=unattended,
                    emit=on_event,
                    ask=ask,
                    cancel=cancel,
                    user_agent=user_agent,
                    page_timeout_ms=self.page_timeout_ms,
                    signin_step_timeout_ms=self.signin_step_timeout_ms,
                    answer_wait_s=_answer_wait_s(self.answer_wait_s),
                    finish_in_browser=finish_in_browser if can_show else None,
                    watch=watch,
                )
                limit = asyncio.Semaphore(max(1, self.ctx.settings.concurrency))
                for account in accounts:
                    on_event(AccountStep(account.handle, Step.QUEUED))

                checks = [AccountCheck(shared, account) for account in accounts]
                return await check_all(checks, limit, cancel)

    # -- signing in with a person ---------------------------------------------------------------

    def login_interactive(
        self,
        handle: str,
        on_event: Callable[[Event], None] = _no_event,
        cancel: CancelToken | None = None,
        *,
        headless: bool | None = None,
    ) -> LoginResult:
        """Open X's sign-in page in a visible window, fill what the saved secrets allow, wait
        until the person lands on X's home, then save the session."""
        cancel = cancel or CancelToken()
        account = self.ctx.accounts.get(handle)
        if account is None:
            return LoginResult(False, tr("@{handle} is not one of your accounts.", handle=handle))
        choice = find_browser(self.ctx.settings.browser_path)
        if choice is None:
            return LoginResult(
                False, reason_message(Reason.BROWSER_MISSING, handle), Reason.BROWSER_MISSING
            )
        refused = _refused_browser(choice)
        if refused is not None:
            return LoginResult(False, refused, Reason.BROWSER_MISSING)
        visible_headless = self.interactive_headless if headless is None else headless
        if not visible_headless and not has_display():
            return LoginResult(False, no_window_message())

        async def main() -> LoginResult:
            async with own_playwright() as pw:
                return await self._interactive(
                    pw, choice, account, cancel, visible_headless, on_event
                )

        self.ctx.sessions.new_check()  # the session it saves: under the keyring's key of now
        on_event(AccountStep(account.handle, Step.SIGNING_IN))
        result = async_run.run(main())
        on_event(AccountStep(account.handle, Step.DONE))
        return result

    async def _interactive(
        self,
        pw: Playwright,
        choice: BrowserChoice,
        account: Account,
        cancel: CancelToken,
        headless: bool | None = None,
        on_event: Callable[[Event], None] = _no_event,
    ) -> LoginResult:
        """The visible sign-in: we type what we may, the person does the rest."""
        headless = self.interactive_headless if headless is None else headless
        try:
            browser = await launch_browser(
                pw, choice, headless, self.launch_timeout_s, language=current_language()
            )
        except PlaywrightError as exc:
            message = self._launch_failed(choice, exc)
            return LoginResult(False, message, Reason.BROWSER_MISSING)
        _tell_a_refused_sandbox(choice, on_event)  # (a check's own window: said already)
        # Watched as a check's browser is: one that stops answering (frozen) is ended, so that
        # the wait for the person ends, and its close is bounded.
        async with watched(browser) as watch:
            try:
                result = await self._at_window(browser, account, cancel, watch)
            except (PlaywrightError, XError):
                if not watch.ended:
                    raise
                result = None
            if result is not None and (result.ok or not watch.ended):
                return result
        log.warning("the sign-in window's browser stopped answering: closed")
        message = signin_browser_stopped_message(account.handle)
        return LoginResult(False, message, Reason.BROWSER_CRASHED)

    @staticmethod
    async def _unfinished(handle: str, page: Page, reason: Reason, opened_at: float) -> LoginResult:
        """The person's sign-in did not reach X's home: the window closed, or its time ran out
        (how long it had, and the step X still showed, read before the window closes)."""
        if page.is_closed():
            return LoginResult(False, window_closed_message(handle), reason)
        screen = await screen_shown(page)
        waited = time.monotonic() - opened_at
        return LoginResult(
            False,
            ran_out_message(handle, waited, screen),
            reason,
            ran_out_after_s=waited,
            still_locked=screen is Screen.LOCKED,
        )

    async def _at_window(
        self, browser: Browser, account: Account, cancel: CancelToken, watch: BrowserWatch
    ) -> LoginResult:
        """The sign-in in its window, until X's home, a cancel, the person's time out or the
        browser ended by its `watch`."""
        context = await browser.new_context(
            user_agent=headful_user_agent(browser.version),
            viewport=VIEWPORT,
        )
        page = await context.new_page()
        secrets, totp_secret = self._secrets_for_person(account)

        async def nobody(
            _kind: object, _detail: str, *, saved_code_refused: bool = False
        ) -> str | None:
            return None  # the person answers in the window itself

        # At a puzzle the person solves it in this window, and we type the rest; what we
        # cannot type (a code nobody saved) they type, until X shows its home page.
        person = PersonAtWindow(self.interactive_timeout_s, lambda: cancel.cancelled or watch.ended)
        opened_at = time.monotonic()
        outcome = await sign_in(
            page, self.ctx.site, secrets, nobody, self.signin_step_timeout_ms, person
        )
        # No password to type (none saved, or X refused the saved one): the person types
        # it. Nothing reached X from us, so nothing is journaled as X's answer ("wrong
        # password" would be a refusal that never happened, and later checks would quote
        # its date); the person's own sign-in is journaled once it ends on X's home.
        left_to_person = _password_left_to_person(outcome)
        # (A sign-in cut short by the browser's end is not X's answer.)
        if not left_to_person and not watch.ended:
            self._journal_signin(account.handle, outcome, totp_secret, secrets.password)
        if not outcome.ok and not await person.wait(
            page, lambda: wait_until_home(page, self.ctx.site, 1000)
        ):
            if cancel.cancelled:
                return LoginResult(
                    False, reason_message(Reason.CANCELLED, account.handle), Reason.CANCELLED
                )
            reason = Reason.TIMEOUT if left_to_person else outcome.reason or Reason.TIMEOUT
            return await self._unfinished(account.handle, page, reason, opened_at)
        self.ctx.sessions.save(account.handle, dict(await context.storage_state()))
        if self.ctx.accounts.get(account.handle) is None:
            # Removed meanwhile (`account remove`): its session goes with it.
            self.ctx.sessions.delete(account.handle)
            said = tr(
                "@{handle} was removed from your accounts while it signed in: its session "
                "was not kept.",
                handle=account.handle,
            )
            return LoginResult(False, said)
        self.ctx.accounts.unblock(account.handle)
        if not outcome.ok:  # the person finished it in the window: the journal says so too
            self.ctx.journal.record_signin(None, account.handle, "ok")
        return LoginResult(
            True, tr("@{handle} is signed in; the session is saved.", handle=account.handle)
        )

    def _secrets_for_person(self, account: Account) -> tuple[SignInSecrets, str | None]:
        """Whatever we may type for the person, and the 2FA secret its codes come from; a
        keyring problem just means they type it."""
        try:
            return secrets_to_type(self.ctx, account)
        except VaultError:
            # What X refused at its "unusual activity" question is not typed here either.
            email, phone = answers_to_type(self.ctx, account)
            return SignInSecrets(account.handle, email=email, phone=phone), None

    def _journal_signin(
        self, handle: str, outcome: SignInOutcome, totp_secret: str | None, password: str | None
    ) -> None:
        """What the person's sign-in, which typed `password` (None: none), teaches."""
        remember_refusals(self.ctx, handle, outcome, totp_secret)
        self.ctx.journal.record_signin(
            None,
            handle,
            "ok" if outcome.ok else (outcome.status or Status.ERROR).value,
            None if outcome.ok else outcome.reason,
            totp_refused=outcome.totp_refused,
            detail=outcome.detail,
        )
        if outcome.ok:  # a person signed in: earlier blocks and waits no longer apply
            remember_outcome(self.ctx.accounts, handle, None, outcome.password_submitted, 0)
        elif outcome.reason is Reason.WRONG_PASSWORD and outcome.password_submitted:
            rejected = refused_password_digest(self.ctx, handle, outcome, password)
            remember_outcome(
                self.ctx.accounts, handle, outcome.reason, True, 0, rejected_password=rejected
            )
            if rejected is not None:  # a new password saved meanwhile is typed next time
                lift_stale_rejection(self.ctx, handle)
