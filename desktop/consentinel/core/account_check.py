"""One account's check in a run: session, sign-in, read the boxes, untick, read back, journal.

AccountCheck drives it and turns every failure into a result; its parts are composed here:
the check's state (check_state), its browser context (check_browser), its sign-in
(check_signin), the boxes kept off (box_enforcement) and its results (check_results)."""

from __future__ import annotations

import dataclasses
import logging

from playwright.async_api import Error as PlaywrightError

from consentinel.core.accounts import Account
from consentinel.core.box_enforcement import BoxEnforcement
from consentinel.core.check_browser import CheckBrowser
from consentinel.core.check_evidence import with_shot
from consentinel.core.check_messages import (
    page_changed_midway_message,
    rate_limit_held_message,
    rate_limited_message,
    reason_message,
    session_lost_message,
)
from consentinel.core.check_results import CheckResults, CheckStop
from consentinel.core.check_signin import CheckSignIn
from consentinel.core.check_state import CheckState
from consentinel.core.events import AccountFinished, AccountResult, BackOff
from consentinel.core.evidence import PAGE_CHANGED_SHOT
from consentinel.core.fileio import StorageError
from consentinel.core.i18n import tr
from consentinel.core.run_shared import RunShared
from consentinel.core.run_stop import Turn
from consentinel.core.signin_rules import (
    backoff_hours_for,
    page_was_read,
    remember_outcome,
    status_for,
)
from consentinel.core.status import Box, Reason, Status
from consentinel.core.steps import Step
from consentinel.core.vault import VaultError
from consentinel.x.browser_watch import BrowserNotAnswering
from consentinel.x.errors import (
    AccountLocked,
    PageChanged,
    SessionExpired,
    XError,
    browser_error_text,
    browser_error_words,
    reason_for_exception,
)
from consentinel.x.grok_page import BoxState

log = logging.getLogger(__name__)


class AccountCheck:
    """Checks one account; `run()` never raises, every failure becomes an AccountResult."""

    def __init__(self, shared: RunShared, account: Account) -> None:
        self.shared = shared
        self.ctx = shared.ctx
        self.handle = account.handle
        #: How many times the run's stopper cut this check short (the person cancelled).
        self.cuts = 0
        #: Its place among the checks under way at once (run_stop.check_all gives it).
        self.turn = Turn()
        self._state = CheckState(shared, account)
        self._results = CheckResults(self._state)
        self._browser = CheckBrowser(self._state)
        self._signin = CheckSignIn(self._state, self._results, self._browser, self.turn)
        self._boxes = BoxEnforcement(self._state, self._results)
        #: The check's result, once its entry is in the journal.
        self._recorded: AccountResult | None = None
        #: The check has ended and is being closed and journaled: nothing is left to stop.
        self._finishing = False

    @property
    def stoppable(self) -> bool:
        """True while the check only waits, loads or reads: cutting it then loses nothing."""
        return not (self._state.writing or self._finishing)

    def record_stopped(self) -> AccountResult:
        """The check was cut short (the person cancelled; Ctrl-C, a shutdown) before its end:
        its entry says so, with the boxes it had unticked and read back, and the box it was
        unticking then, which X may have switched off meanwhile (the next check reads it).
        A check that had made its entry already keeps it."""
        if self._recorded is not None:
            return self._recorded
        result = self._results.with_set_aside_note(self._results.cancelled())
        try:
            self.ctx.journal.record_check(self.shared.run_id, result)
        except Exception:  # a full disk: the run's end says it was cancelled all the same
            log.exception("the stopped check of @%s was not journaled", self.handle)
        else:
            self._state.unmark()  # (its entry names the box now)
        self._finished(result)
        return result

    # -- the check ------------------------------------------------------------------------------

    async def run(self) -> AccountResult:
        results = self._results
        try:
            result = await self._run()
        except CheckStop as stop:
            result = stop.result
        except PageChanged as exc:
            if self._state.sent_click:
                message = page_changed_midway_message(exc.detail)
                status = status_for(Reason.PAGE_CHANGED)
                result = results.result(status, Reason.PAGE_CHANGED, message)
            else:
                result = results.fail(Reason.PAGE_CHANGED, exc.detail).result
            if exc.screenshot:
                result = with_shot(self._state, result, exc.screenshot, PAGE_CHANGED_SHOT)
        except SessionExpired:
            message = session_lost_message(self.handle)
            result = results.result(Status.NEEDS_USER, Reason.SESSION_EXPIRED, message)
        except AccountLocked:
            result = self._locked()
        except BrowserNotAnswering as exc:
            if not self._browser.ended and await self._browser.answers():
                # One call ran out of time (an answer's body X stopped sending, on a flaky
                # network) while the browser still answers: X was slow, and the browser the
                # run's other accounts share is kept.
                result = results.fail(
                    Reason.TIMEOUT, tr("its page stopped halfway"), Status.ERROR
                ).result
            else:
                # Frozen: ended, so that the run's other calls into it end too, and nothing
                # waits.
                self._browser.end()
                result = results.fail(exc.reason, exc.detail, Status.ERROR).result
        except XError as exc:
            if exc.reason is Reason.RATE_LIMITED:
                result = self._back_off()
            else:
                answered = exc.x_answered
                result = results.fail(
                    exc.reason, exc.detail, Status.ERROR, x_answered=answered
                ).result
        except VaultError as exc:
            result = results.fail(Reason.KEYRING_UNAVAILABLE, str(exc), Status.ERROR).result
        except PlaywrightError as exc:
            reason = reason_for_exception(exc)
            log.info("check of @%s: %s", self.handle, browser_error_text(exc).split("\n")[0])
            result = results.fail(reason, browser_error_words(exc), Status.ERROR).result
        except StorageError as exc:
            result = results.stopped_by_storage(exc)
        except Exception as exc:
            # A bug of ours must not end the other accounts' checks; it is logged in full and
            # shown to the person, never swallowed.
            log.exception("check of @%s failed unexpectedly", self.handle)
            said = browser_error_text(exc)  # (it may quote a browser error, and its typing)
            message = tr("Unexpected error: {error}", error=f"{type(exc).__name__}: {said}")
            result = results.result(Status.ERROR, None, message)
        finally:
            self._finishing = True
            await self._browser.close()
        if (
            result.reason is Reason.TIMEOUT
            and not result.settings  # (its boxes read back: the browser answered)
            and not await self._browser.answers()
        ):
            # Nothing came because the browser stopped (frozen), not because X was slow.
            self._browser.end()
            result = results.fail(Reason.BROWSER_CRASHED, status=Status.ERROR).result
        result = results.with_set_aside_note(results.midway(result))
        if not result.removed and results.removed_meanwhile():  # (its end says what it found)
            result = results.said_removed(result)
        self.ctx.journal.record_check(self.shared.run_id, result)
        self._state.unmark()  # (a box cut short is named in the entry now)
        self._finished(result)
        return result

    async def _run(self) -> AccountResult:
        state, results = self._state, self._results
        results.check_cancel()
        self._check_not_rate_limited()
        state.step(Step.OPENING_SESSION)
        # As listed when its turn comes, not when the run began: an account edited while it
        # waited in the queue (the window allows it) keeps the boxes it was given then.
        state.account = self.ctx.accounts.get(self.handle) or state.account
        page, grok = await self._browser.open_page()
        boxes: dict[Box, BoxState] | None = None
        state.had_session = self.ctx.sessions.exists(self.handle)
        if state.had_session:
            state.step(Step.READING_PAGE)
            try:
                boxes = await grok.open()
            except SessionExpired:
                boxes = None
        if boxes is None:
            results.check_cancel()
            page, grok = await self._signin.sign_in(page, grok)
            results.check_cancel()
            state.step(Step.READING_PAGE)
            boxes = await grok.open()
        page_was_read(self.ctx.accounts, self.handle)
        try:
            return await self._boxes.enforce(grok, boxes)
        except SessionExpired:
            # X ended the session between the read and a save: sign in once more (within the
            # sign-in rules), read again and carry on; a second expiry ends the check.
            results.check_cancel()
            page, grok = await self._signin.sign_in(page, grok)
            results.check_cancel()
            state.step(Step.READING_PAGE)
            boxes = await grok.open()
            return await self._boxes.enforce(grok, boxes)

    def _finished(self, result: AccountResult) -> None:
        """The check's end, its entry made: kept as its result, said in the accounts list
        and to whoever follows the run."""
        self._recorded = result
        self._last_check_in_list(result)
        self._state.step(Step.DONE)
        self.shared.emit(AccountFinished(result))

    def _last_check_in_list(self, result: AccountResult) -> None:
        """The check as the account's last one (`account list`, the row's time); a check
        cancelled before it changed anything at X found nothing out: the last one stands."""
        if result.reason is Reason.CANCELLED and not result.settings:
            return
        try:
            self.ctx.accounts.record_check(self.handle, result.status, reason=result.reason)
        except StorageError as error:  # (the journal has it: the row's words may lag)
            log.warning("the last check of @%s is not in the accounts file: %s", self.handle,
                        error)  # fmt: skip

    # -- what X said to stop --------------------------------------------------------------------

    def _back_off(self) -> AccountResult:
        """X said "too many requests": record a back-off so no run hammers it meanwhile."""
        hours = backoff_hours_for(Reason.RATE_LIMITED, self.ctx.settings.backoff_hours)
        state = self.ctx.accounts.block(self.handle, Reason.RATE_LIMITED, hours=hours)
        message = rate_limited_message(self.handle, state.blocked_until)
        return self._results.result(Status.ERROR, Reason.RATE_LIMITED, message)

    def _locked(self) -> AccountResult:
        """X sends the account's session to verify the account: only its owner can, on X. No
        sign-in is tried (one more on a locked account is what X counts), and none by itself
        until the account is seen unlocked (signin_rules); the session is kept for then."""
        remember_outcome(
            self.ctx.accounts,
            self.handle,
            Reason.LOCKED,
            password_submitted=False,
            backoff_hours=self.ctx.settings.backoff_hours,
            unattended=self.shared.unattended,
        )
        message = reason_message(Reason.LOCKED, self.handle)
        return self._results.result(Status.NEEDS_USER, Reason.LOCKED, message)

    def _check_not_rate_limited(self) -> None:
        """X said "too many requests" and its back-off holds: nothing is sent to X, and the
        result says since when (the check or sign-in X answered so), as a sign-in's back-off
        does, and until when."""
        state = self.ctx.accounts.state(self.handle)
        if state.block_reason is Reason.RATE_LIMITED and state.is_blocked():
            since = self.ctx.journal.rate_limited_at(self.handle)
            message = rate_limit_held_message(self.handle, since, state.blocked_until)
            result = self._results.result(Status.ERROR, Reason.RATE_LIMITED, message)
            raise CheckStop(dataclasses.replace(result, backoff=BackOff(since)))
