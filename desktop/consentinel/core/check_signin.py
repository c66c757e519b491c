"""A check's sign-in at X: within the sign-in rules, one at a time in the run, the person asked
what only they know, and what X answered remembered for the next sign-ins."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from playwright.async_api import Page

from consentinel.core.answer_thread import answer_in_daemon_thread
from consentinel.core.check_browser import CheckBrowser
from consentinel.core.check_evidence import with_shot
from consentinel.core.check_messages import (
    no_window_said,
    rate_limited_message,
    session_set_aside_no_password_message,
)
from consentinel.core.check_results import CheckResults, CheckStop, with_detail_code
from consentinel.core.check_state import CheckState
from consentinel.core.clock_offset import offset_in_detail
from consentinel.core.events import BackOff, NotRetried, PromptRequest
from consentinel.core.evidence import SIGNIN_CHANGED_SHOT
from consentinel.core.journal_entries import EntryKind
from consentinel.core.password_refusals import lift_stale_rejection, refused_password_digest
from consentinel.core.run_stop import Turn
from consentinel.core.signin_rules import may_sign_in, remember_outcome
from consentinel.core.signin_secrets import secrets_to_type
from consentinel.core.status import Reason, Status
from consentinel.core.steps import PromptKind, Step
from consentinel.core.totp_refusals import remember_refusals
from consentinel.x.grok_page import GrokPage
from consentinel.x.signin import SignInOutcome, sign_in
from consentinel.x.signin_shot import signin_screenshot


class CheckSignIn:
    """Signs the check's account in, or stops the check with why it could not."""

    def __init__(
        self,
        state: CheckState,
        results: CheckResults,
        browser: CheckBrowser,
        turn: Turn,
    ) -> None:
        self._state = state
        self._results = results
        self._browser = browser
        self._turn = turn
        #: The saved 2FA secret this check's sign-in makes codes from (None: none).
        self._totp_secret: str | None = None
        #: X needed the person at sign-in and no window could be offered (no desktop).
        self._no_window = False

    async def sign_in(self, page: Page, grok: GrokPage) -> tuple[Page, GrokPage]:
        """Sign in within the rules; returns the page to carry on with, or stops the check."""
        state, shared, results = self._state, self._state.shared, self._results
        ctx, handle = state.ctx, state.handle
        # X's "wrong password" of a password saved no longer holds nothing back (it was saved
        # while the sign-in that typed the old one ran, maybe in another process).
        held = lift_stale_rejection(ctx, handle)
        refusal = may_sign_in(handle, held, unattended=shared.unattended)
        if refusal is not None:
            # A reason remembered from an earlier sign-in or check, not X's answer now: the
            # entry and its sentence say that no sign-in was tried, and since when.
            if refusal.backoff:
                since = self._last_stopped_signin_at(refusal.reason)
            else:
                since = ctx.journal.stopped_signin_at(handle, refusal.reason)
            message = refusal.message_since(handle, since)
            result = results.result(refusal.status, refusal.reason, message)
            result = with_detail_code(result, refusal.detail)
            result = dataclasses.replace(result, clock_offset_s=offset_in_detail(refusal.detail))
            if refusal.backoff:
                result = dataclasses.replace(result, backoff=BackOff(since))
            else:
                result = dataclasses.replace(result, not_retried=NotRetried(since))
            raise CheckStop(result)
        secrets, self._totp_secret = secrets_to_type(ctx, state.account)
        if secrets.password is None and state.session_set_aside:
            message = session_set_aside_no_password_message(handle)
            state.session_set_aside = False  # said in full here
            # Not "the session expired": it could not be read, and now none is saved (the
            # message says why); its reason is that of an account never signed in here.
            raise CheckStop(results.result(Status.NEEDS_USER, Reason.NOT_SIGNED_IN, message))
        if secrets.password is None:
            raise results.fail(
                Reason.SESSION_EXPIRED if state.had_session else Reason.NOT_SIGNED_IN
            )
        # One sign-in at a time (x-reference §4), the person's own in a visible window too:
        # the other accounts' sign-ins wait until it is over. A check that must wait gives
        # its place and its page to the checks that need no sign-in meanwhile (the account
        # signing in may wait minutes for its person's code), and opens a page again after.
        waits = shared.signins.busy
        if waits:
            await self._browser.close()
            state.step(Step.WAITING_TO_SIGN_IN)
            self._turn.give_up()
        async with shared.signins.held():
            if waits:
                await self._turn.take()  # (no check holding a place waits for this one)
                results.check_cancel()
                page, grok = await self._browser.open_page()
            results.check_cancel()
            with state.writing_at_x():  # a sign-in cut short would leave X's answer unknown
                state.step(Step.SIGNING_IN)
                outcome = await sign_in(
                    page, ctx.site, secrets, self._ask, shared.signin_step_timeout_ms
                )
                self._remember(outcome, secrets.password)
                if outcome.ok:
                    session = dict(await self._browser.session_state())
                    ctx.sessions.save(handle, session)
                    self._no_session_if_removed()
                    return page, grok
                # A screen X is not known to show: photographed as it stands, fields masked
                # (x/signin_shot.py), kept if the check stops there.
                shot = None
                if (outcome.reason or Reason.PAGE_CHANGED) is Reason.PAGE_CHANGED:
                    shot = await signin_screenshot(page)
                finished = False
                window = shared.finish_in_browser
                if outcome.finish_in_browser and window is not None and not shared.unattended:
                    await self._browser.close()
                    state.step(Step.WAITING_FOR_PERSON)
                    finished = await window(state.account)
        if finished:
            return await self._browser.open_page()
        stop = results.fail(
            outcome.reason or Reason.PAGE_CHANGED,
            outcome.detail,
            outcome.status,
            x_answered=outcome.x_answered,
        )
        if outcome.reason is Reason.RATE_LIMITED:  # said as at the settings page: until when
            until = ctx.accounts.state(handle).blocked_until
            message = rate_limited_message(handle, until)
            stop = CheckStop(results.result(Status.ERROR, Reason.RATE_LIMITED, message))
        if shot is not None:
            stop = CheckStop(with_shot(state, stop.result, shot, SIGNIN_CHANGED_SHOT))
        if self._no_window:
            said = no_window_said(outcome.reason, handle, stop.result.message)
            stop = CheckStop(dataclasses.replace(stop.result, message=said))
        raise stop

    async def _ask(
        self, kind: PromptKind, detail: str, *, saved_code_refused: bool = False
    ) -> str | None:
        """The person's answer to what X asks while signing in (None: nobody to ask)."""
        state, shared = self._state, self._state.shared
        ask = shared.ask
        if shared.unattended or ask is None:
            return None
        if kind is PromptKind.FINISH_IN_BROWSER and shared.finish_in_browser is None:
            self._no_window = True  # not offered: the result says why, and what to do
            return None
        # The caller's ask may block (a GUI dialog, a terminal's question); keep the other
        # accounts moving meanwhile: this check gives its place to a queued one, and once
        # answered goes on at once, one more than the setting for the time it ends (queuing
        # again, a code would go stale). Its row says what it waits for.
        self._turn.give_up()
        codes = (PromptKind.TWO_FACTOR_CODE, PromptKind.EMAIL_CODE)
        state.step(Step.WAITING_FOR_CODE if kind in codes else Step.WAITING_FOR_ANSWER)
        request = PromptRequest(
            state.handle,
            kind,
            detail,
            wait_s=shared.answer_wait_s,
            saved_code_refused=saved_code_refused,
        )
        answer = await answer_in_daemon_thread(ask, request)
        # Signing in goes on only with an answer to type: no answer ends the sign-in, and a
        # yes to the browser window leads to the window's own step (a question stopped says
        # nothing more).
        if answer and kind is not PromptKind.FINISH_IN_BROWSER:
            state.step(Step.SIGNING_IN)
        return answer

    def _no_session_if_removed(self) -> None:
        """The session just saved goes if the account was removed meanwhile: its removal
        deleted the session it found, not this one (a removal takes the account off the list
        before it deletes its session, so one of the two deletes it)."""
        if self._results.removed_meanwhile():
            self._state.ctx.sessions.delete(self._state.handle)

    def _last_stopped_signin_at(self, reason: Reason) -> datetime | None:
        """When X stopped the sign-in whose back-off holds: the account's last sign-in in the
        journal, if X stopped it for this reason (None: the journal does not have it)."""
        last = self._state.ctx.journal.entries(
            handle=self._state.handle, kinds=[EntryKind.SIGNIN], limit=1, newest_first=True
        )
        if not last or last[0].payload.get("reason") != reason.value:
            return None
        return datetime.fromisoformat(last[0].ts)

    def _remember(self, outcome: SignInOutcome, password: str | None) -> None:
        """What the sign-in that typed `password` (None: none) teaches the next ones."""
        ctx, handle = self._state.ctx, self._state.handle
        remember_refusals(ctx, handle, outcome, self._totp_secret)
        rejected = refused_password_digest(ctx, handle, outcome, password)
        ctx.journal.record_signin(
            self._state.shared.run_id,
            handle,
            "ok" if outcome.ok else (outcome.status or Status.ERROR).value,
            None if outcome.ok else outcome.reason,
            totp_refused=outcome.totp_refused,
            detail=outcome.detail,
        )
        remember_outcome(
            ctx.accounts,
            handle,
            None if outcome.ok else outcome.reason,
            outcome.password_submitted,
            ctx.settings.backoff_hours,
            unattended=self._state.shared.unattended,
            detail=outcome.detail,
            rejected_password=rejected,
        )
        if rejected is not None:  # a new password saved meanwhile is typed next time
            lift_stale_rejection(ctx, handle)
