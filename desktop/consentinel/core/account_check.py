"""One account's check in a run: session, sign-in, read the boxes, untick, read back, journal."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from playwright.async_api import Browser, BrowserContext, Page
from playwright.async_api import Error as PlaywrightError

from consentinel.core.accounts import Account, handle_key
from consentinel.core.check_messages import (
    box_disabled_message,
    box_name,
    cancelled_message,
    hidden_on_message,
    is_detail_code,
    midway_message,
    midway_words,
    page_changed_midway_message,
    rate_limit_held_message,
    rate_limited_message,
    reason_message,
    screenshot_saved_note,
    session_lost_message,
    session_set_aside_no_password_message,
    session_set_aside_note,
    success_message,
)
from consentinel.core.clock_offset import offset_in_detail
from consentinel.core.context import AppContext
from consentinel.core.events import (
    AccountFinished,
    AccountResult,
    AccountStep,
    BackOff,
    BoxChange,
    CancelToken,
    Event,
    Midway,
    NotRetried,
    PromptRequest,
)
from consentinel.core.evidence import (
    EVERY_CHECK_SHOT,
    PAGE_CHANGED_SHOT,
    SIGNIN_CHANGED_SHOT,
    Screenshot,
    sha256_hex,
    stamped,
    untick_shot,
)
from consentinel.core.fileio import (
    StorageError,
    atomic_write_bytes,
    make_private_dirs,
    storage_error,
)
from consentinel.core.i18n import tr
from consentinel.core.journal_entries import EntryKind
from consentinel.core.password_refusals import lift_stale_rejection, refused_password_digest
from consentinel.core.pending_unticks import FOLDER_NAME, mark, unmark
from consentinel.core.run_stop import Turn
from consentinel.core.signin_rules import (
    backoff_hours_for,
    may_sign_in,
    page_was_read,
    remember_outcome,
    status_for,
)
from consentinel.core.signin_secrets import secrets_to_type
from consentinel.core.status import ALL_BOXES, Box, Reason, Status
from consentinel.core.steps import PromptKind, Step
from consentinel.core.totp_refusals import remember_refusals
from consentinel.core.vault import VaultError
from consentinel.x.browser import VIEWPORT
from consentinel.x.browser_watch import (
    CLOSE_TIMEOUT_S,
    BrowserNotAnswering,
    BrowserWatch,
    bounded,
)
from consentinel.x.errors import (
    AccountLocked,
    PageChanged,
    SessionExpired,
    XError,
    browser_error_text,
    browser_error_words,
    reason_for_exception,
)
from consentinel.x.grok_page import BoxState, GrokPage, UntickOutcome
from consentinel.x.signin import SignInOutcome, sign_in
from consentinel.x.signin_shot import signin_screenshot

log = logging.getLogger(__name__)


AskSync = Callable[[PromptRequest], "str | None"]
#: Opens a visible window for the person to finish signing in; True once signed in and saved.
FinishInBrowser = Callable[[Account], Awaitable[bool]]


def no_window_note(handle: str) -> str:
    """Said after why a sign-in needs the person, when no window could be offered for it."""
    return tr(
        "No window was offered to finish signing in: no graphical desktop was found (no "
        "DISPLAY or WAYLAND_DISPLAY). Run `consentinel login {handle}` from a desktop session.",
        handle=handle,
    )


class OneSignInAtATime:
    """The run's sign-ins, one at a time (x-reference §4), the person's own in a visible
    window too; and so one question to the person at a time, as questions come only while
    signing in. `busy` says whether an account signs in or waits to."""

    def __init__(self) -> None:
        self._lock = asyncio.Lock()
        self._wanted = 0

    @property
    def busy(self) -> bool:
        return self._wanted > 0

    @contextlib.asynccontextmanager
    async def held(self) -> AsyncIterator[None]:
        self._wanted += 1
        try:
            async with self._lock:
                yield
        finally:
            self._wanted -= 1


@dataclass
class RunShared:
    """What every account's check in one run shares."""

    ctx: AppContext
    browser: Browser
    run_id: int
    dry_run: bool
    unattended: bool
    emit: Callable[[Event], None]
    ask: AskSync | None
    cancel: CancelToken
    user_agent: str
    page_timeout_ms: float
    signin_step_timeout_ms: float
    #: How long each question waits for the person once shown (PromptRequest.wait_s).
    answer_wait_s: float
    #: None where no window can be shown (no graphical desktop): none is offered.
    finish_in_browser: FinishInBrowser | None
    signins: OneSignInAtATime = field(default_factory=OneSignInAtATime)
    #: The browser asked whether it still answers, and ended when not (None: not watched).
    watch: BrowserWatch | None = None


class _Stop(Exception):
    """Ends a check early with a finished result (not an error)."""

    def __init__(self, result: AccountResult) -> None:
        super().__init__(result.status.value)
        self.result = result


class AccountCheck:
    """Checks one account; `run()` never raises, every failure becomes an AccountResult."""

    def __init__(self, shared: RunShared, account: Account) -> None:
        self.shared = shared
        self.ctx = shared.ctx
        self.account = account
        self.handle = account.handle
        self._started = time.monotonic()
        self._context: BrowserContext | None = None
        self._evidence: Path | None = None
        #: Boxes unticked and read back off in this check (kept across a second sign-in).
        self._confirmed: dict[Box, BoxChange] = {}
        self._reverted: set[Box] = set()
        #: The boxes as last read on X's page, and those not shown there that X holds on.
        self._read: dict[Box, BoxState] = {}
        self._hidden_on: tuple[Box, ...] = ()
        #: The boxes judged so far at this reading: each as it was left, a change as read back.
        self._judged: dict[Box, BoxChange] = {}
        #: An untick was begun at X in this check: cut short, it still says what it changed.
        self._clicked = False
        #: A box was clicked on X's page in this check (the click may have reached X): a page
        #: found changed after that is not said to have had nothing clicked.
        self._sent_click = False
        #: The saved session could not be decrypted and was set aside: the result says so.
        self._session_set_aside = False
        #: A saved session was found for the account (else it was never signed in here).
        self._had_session = False
        #: The saved 2FA secret this check's sign-in makes codes from (None: none).
        self._totp_secret: str | None = None
        #: The box being unticked now: X may have switched it off when a stop cuts in.
        self._unticking: Box | None = None
        #: A box whose untick X may have made, cut short before it was read back (X ended the
        #: session, the network failed): unknown until the page is read again, and its mark
        #: (core/pending_unticks.py) kept until then or until the check's entry says it.
        self._cut_short: Box | None = None
        #: The box cut short was one X had switched back on (unticked by an earlier check).
        self._cut_short_reverted = False
        #: X needed the person at sign-in and no window could be offered (no desktop).
        self._no_window = False
        #: The mark of the untick under way (core/pending_unticks.py), until it is journaled.
        self._pending: Path | None = None
        #: The check's result, once its entry is in the journal.
        self._recorded: AccountResult | None = None
        #: Signing in, or unticking a box and keeping its evidence: a stop waits for its end.
        self._writing = False
        #: The check has ended and is being closed and journaled: nothing is left to stop.
        self._finishing = False
        #: How many times the run's stopper cut this check short (the person cancelled).
        self.cuts = 0
        #: Its place among the checks under way at once (run_stop.check_all gives it).
        self.turn = Turn()
        #: A screenshot could not be written (a full or read-only disk): the check stopped there.
        self._evidence_not_kept = False

    # -- plumbing -------------------------------------------------------------------------------

    def _step(self, step: Step) -> None:
        self.shared.emit(AccountStep(self.handle, step))

    def _result(
        self,
        status: Status,
        reason: Reason | None = None,
        message: str = "",
        settings: dict[Box, BoxChange] | None = None,
        reverted: tuple[Box, ...] = (),
    ) -> AccountResult:
        return AccountResult(
            handle=self.handle,
            status=status,
            reason=reason,
            settings=settings or {},
            evidence=self._evidence,
            message=message,
            duration_s=round(time.monotonic() - self._started, 3),
            reverted_by_x=reverted,
            keep=self._kept_off,
        )

    @property
    def _kept_off(self) -> tuple[Box, ...]:
        """The boxes this check keeps off (the account's `keep` when it began), in X's order:
        said in its entry, for Journal.last_read_off_by_us."""
        return tuple(box for box in ALL_BOXES if box in self.account.keep)

    def _fail(
        self,
        reason: Reason,
        detail: str = "",
        status: Status | None = None,
        *,
        x_answered: bool = False,
    ) -> _Stop:
        message = reason_message(reason, self.handle, detail, x_answered=x_answered)
        result = self._result(status or status_for(reason), reason, message)
        result = dataclasses.replace(
            result, clock_offset_s=offset_in_detail(detail), x_answered=x_answered
        )
        return _Stop(self._with_detail(result, detail))

    @staticmethod
    def _with_detail(result: AccountResult, detail: str) -> AccountResult:
        """`result`, keeping `detail` in its entry when it is a code in no language (what the
        sign-in said of the step), for its sentence to be made again in another."""
        if not is_detail_code(detail):
            return result  # (X's or Chromium's words, in the run's language, or none)
        return dataclasses.replace(result, detail_code=detail)

    def _check_cancel(self) -> None:
        if self.shared.cancel.cancelled:
            raise _Stop(self._cancelled())
        if self._removed_meanwhile():
            # Removed by another process (`account remove`): nothing more is done at X for an
            # account the person no longer protects; stopped here, as a Cancel would.
            raise _Stop(self._said_removed(self._cancelled()))

    def _removed_meanwhile(self) -> bool:
        """The account is no longer in the list (removed while its check ran)."""
        return self.ctx.accounts.get(self.handle) is None

    def _said_removed(self, result: AccountResult) -> AccountResult:
        """The result of a check whose account was removed before its end: said so, first,
        and no longer counted for the run's exit code."""
        said = tr("@{handle} was removed from your accounts during its check.", handle=self.handle)
        if result.reason is Reason.CANCELLED:  # stopped for it: what it had done, then that
            done = [box for box in ALL_BOXES if box in self._confirmed]
            first, last = midway_words(done, result.reverted_by_x, self._cut_short)
            words = [said, first, last or tr("The check stopped there.")]
        else:  # ended by itself: as it ended
            words = [said, result.message]
        message = " ".join(part for part in words if part)
        return dataclasses.replace(result, message=message, removed=True)

    def _cancelled(self) -> AccountResult:
        """Cancelled. A check that had begun unticking at X says what is true there now, as a
        finished check would: every box as read, those it unticked as read back (and which of
        them X had switched back on), and the box it was unticking, if cut short then, as
        unknown (X may have switched it off unread). One that changed nothing says nothing of
        the boxes: the last finished check's stand."""
        reverted = tuple(box for box in ALL_BOXES if box in self._reverted)
        done = [box for box in ALL_BOXES if box in self._confirmed]
        message = cancelled_message(done, reverted, self._unticking or self._cut_short)
        result = self._result(Status.ERROR, Reason.CANCELLED, message, {}, reverted)
        if not (self._clicked or self._confirmed):
            return result
        hidden = tuple(box for box in self._hidden_on if box in self.account.keep)
        return dataclasses.replace(result, settings=self._boxes_now(), hidden_on=hidden)

    def _boxes_now(self) -> dict[Box, BoxChange]:
        """Every box as this check knows it now: as last read, as judged, those unticked as
        read back, and the one whose untick was cut short as unknown (clicked, not read back)."""
        now = {box: BoxChange(s.checked, s.checked, s.disabled) for box, s in self._read.items()}
        now |= self._judged
        now |= self._confirmed
        clicked = self._unticking or self._cut_short
        if clicked is not None:
            now[clicked] = BoxChange(True, None)
        return {box: now[box] for box in ALL_BOXES if box in now}

    def _midway(self, result: AccountResult) -> AccountResult:
        """A check that ended otherwise than cancelled (X ended the session and no sign-in
        could follow, the network failed, a full disk…) after it had begun unticking at X: its
        result says what is true there now, as a cancelled one does — every box as known, those
        it unticked and read back (and which of them X had switched back on) said first, and
        the box it was unticking then, if X may have switched it off unread, said last as
        unknown — not nothing. A check that ended at its own end (its boxes judged) says them
        itself."""
        if result.reason is Reason.CANCELLED or result.settings:
            return result  # (a cancelled check's own words say it; a judged one's too)
        cut = self._cut_short
        if cut is None and not self._confirmed:
            return result
        reverted = tuple(box for box in ALL_BOXES if box in self._reverted)
        done = [box for box in ALL_BOXES if box in self._confirmed]
        hidden = tuple(box for box in self._hidden_on if box in self.account.keep)
        return dataclasses.replace(
            result,
            settings=self._boxes_now(),
            message=midway_message(result.message, done, reverted, cut),
            reverted_by_x=reverted,
            hidden_on=hidden,
            midway=Midway(cut),
        )

    def _stopped_by_storage(self, error: StorageError) -> AccountResult:
        """A file that cannot be kept (a full or read-only disk): nothing more is changed
        unseen, so the check stops there. What it had done and read back before stays in its
        result (_midway), as a cancelled check's does: the boxes it unticked, and which of them
        X had switched back on, so that the person is told of those even without their
        picture."""
        reason: Reason | None = None
        if self._evidence_not_kept:
            reason = Reason.EVIDENCE_NOT_KEPT
            stop = tr(
                "The screenshot could not be kept: {problem} The check of this account stopped "
                "there; the journal has what was done before.",
                problem=str(error),
            )
        else:
            stop = tr(
                "{problem} The check of this account stopped there; the journal has what was "
                "done before.",
                problem=str(error),
            )
        return self._result(Status.ERROR, reason, stop)

    def _with_set_aside_note(self, result: AccountResult) -> AccountResult:
        """The result, saying first that the saved session had to be set aside, if it was: so
        the person sees it, and the journal's check entry keeps it."""
        if not self._session_set_aside:
            return result
        note = f"{session_set_aside_note()} {result.message}".strip()
        return dataclasses.replace(result, message=note)

    @property
    def stoppable(self) -> bool:
        """True while the check only waits, loads or reads: cutting it then loses nothing."""
        return not (self._writing or self._finishing)

    @contextlib.contextmanager
    def _writing_at_x(self) -> Iterator[None]:
        self._writing = True
        try:
            yield
        finally:
            self._writing = False

    async def _ask(
        self, kind: PromptKind, detail: str, *, saved_code_refused: bool = False
    ) -> str | None:
        ask = self.shared.ask
        if self.shared.unattended or ask is None:
            return None
        if kind is PromptKind.FINISH_IN_BROWSER and self.shared.finish_in_browser is None:
            self._no_window = True  # not offered: the result says why, and what to do
            return None
        # The caller's ask may block (a GUI dialog, a terminal's question); keep the other
        # accounts moving meanwhile: this check gives its place to a queued one, and once
        # answered goes on at once, one more than the setting for the time it ends (queuing
        # again, a code would go stale). Its row says what it waits for.
        self.turn.give_up()
        codes = (PromptKind.TWO_FACTOR_CODE, PromptKind.EMAIL_CODE)
        self._step(Step.WAITING_FOR_CODE if kind in codes else Step.WAITING_FOR_ANSWER)
        request = PromptRequest(
            self.handle,
            kind,
            detail,
            wait_s=self.shared.answer_wait_s,
            saved_code_refused=saved_code_refused,
        )
        answer = await answer_in_daemon_thread(ask, request)
        self._step(Step.SIGNING_IN)  # (a question stopped says nothing more)
        return answer

    def _save_evidence(self, shot: Screenshot, what: str) -> Path:
        # Named and stamped with the moment it was taken, the PNG saying when, of what page
        # and account: the journal's hash is of the bytes written, those words included.
        png = stamped(shot, self.handle, what)
        stamp = shot.taken_at.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        folder = self.ctx.paths.evidence_dir
        path = folder / f"run{self.shared.run_id}-{handle_key(self.handle)}-{what}-{stamp}.png"
        try:
            try:
                make_private_dirs(folder)
            except OSError as error:
                raise storage_error(folder, error) from error
            atomic_write_bytes(path, png)
        except StorageError:
            self._evidence_not_kept = True  # (not a session file: the result says which)
            raise
        self.ctx.journal.record_evidence(
            self.shared.run_id, self.handle, path.name, what, sha256=sha256_hex(png)
        )
        self._evidence = path
        return path

    def _with_shot(self, result: AccountResult, shot: Screenshot, what: str) -> AccountResult:
        """A page that did not look as expected: its screenshot kept, and the result saying
        so (or, on a full disk, why it could not be)."""
        try:
            self._save_evidence(shot, what)
        except StorageError as error:  # a full disk: the check's own words say so
            return dataclasses.replace(result, message=f"{result.message} {error}")
        note = f"{result.message} {screenshot_saved_note()}"
        return dataclasses.replace(result, message=note, evidence=self._evidence)

    def _unmark(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            unmark(pending)

    def record_stopped(self) -> AccountResult:
        """The check was cut short (the person cancelled; Ctrl-C, a shutdown) before its end:
        its entry says so, with the boxes it had unticked and read back, and the box it was
        unticking then, which X may have switched off meanwhile (the next check reads it).
        A check that had made its entry already keeps it."""
        if self._recorded is not None:
            return self._recorded
        result = self._with_set_aside_note(self._cancelled())
        try:
            self.ctx.journal.record_check(self.shared.run_id, result)
        except Exception:  # a full disk: the run's end says it was cancelled all the same
            log.exception("the stopped check of @%s was not journaled", self.handle)
        else:
            self._unmark()  # (its entry names the box now)
        self._recorded = result
        self._last_check_in_list(result)
        self._step(Step.DONE)
        self.shared.emit(AccountFinished(result))
        return result

    # -- the check ------------------------------------------------------------------------------

    async def run(self) -> AccountResult:
        try:
            result = await self._run()
        except _Stop as stop:
            result = stop.result
        except PageChanged as exc:
            if self._sent_click:
                message = page_changed_midway_message(exc.detail)
                status = status_for(Reason.PAGE_CHANGED)
                result = self._result(status, Reason.PAGE_CHANGED, message)
            else:
                result = self._fail(Reason.PAGE_CHANGED, exc.detail).result
            if exc.screenshot:
                result = self._with_shot(result, exc.screenshot, PAGE_CHANGED_SHOT)
        except SessionExpired:
            message = session_lost_message(self.handle)
            result = self._result(Status.NEEDS_USER, Reason.SESSION_EXPIRED, message)
        except AccountLocked:
            result = self._locked()
        except BrowserNotAnswering as exc:
            if not self._browser_ended and await self._browser_answers():
                # One call ran out of time (an answer's body X stopped sending, on a flaky
                # network) while the browser still answers: X was slow, and the browser the
                # run's other accounts share is kept.
                result = self._fail(
                    Reason.TIMEOUT, tr("its page stopped halfway"), Status.ERROR
                ).result
            else:
                # Frozen: ended, so that the run's other calls into it end too, and nothing
                # waits.
                self._end_the_browser()
                result = self._fail(exc.reason, exc.detail, Status.ERROR).result
        except XError as exc:
            if exc.reason is Reason.RATE_LIMITED:
                result = self._back_off()
            else:
                answered = exc.x_answered
                result = self._fail(
                    exc.reason, exc.detail, Status.ERROR, x_answered=answered
                ).result
        except VaultError as exc:
            result = self._fail(Reason.KEYRING_UNAVAILABLE, str(exc), Status.ERROR).result
        except PlaywrightError as exc:
            reason = reason_for_exception(exc)
            log.info("check of @%s: %s", self.handle, browser_error_text(exc).split("\n")[0])
            result = self._fail(reason, browser_error_words(exc), Status.ERROR).result
        except StorageError as exc:
            result = self._stopped_by_storage(exc)
        except Exception as exc:
            # A bug of ours must not end the other accounts' checks; it is logged in full and
            # shown to the person, never swallowed.
            log.exception("check of @%s failed unexpectedly", self.handle)
            said = browser_error_text(exc)  # (it may quote a browser error, and its typing)
            message = tr("Unexpected error: {error}", error=f"{type(exc).__name__}: {said}")
            result = self._result(Status.ERROR, None, message)
        finally:
            self._finishing = True
            await self._close()
        if (
            result.reason is Reason.TIMEOUT
            and not result.settings  # (its boxes read back: the browser answered)
            and not await self._browser_answers()
        ):
            # Nothing came because the browser stopped (frozen), not because X was slow.
            self._end_the_browser()
            result = self._fail(Reason.BROWSER_CRASHED, status=Status.ERROR).result
        result = self._with_set_aside_note(self._midway(result))
        if not result.removed and self._removed_meanwhile():  # (its end says what it found)
            result = self._said_removed(result)
        self.ctx.journal.record_check(self.shared.run_id, result)
        self._unmark()  # (a box cut short is named in the entry now)
        self._recorded = result
        self._last_check_in_list(result)
        self._step(Step.DONE)
        self.shared.emit(AccountFinished(result))
        return result

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

    async def _close(self) -> None:
        if self._context is not None:
            context, self._context = self._context, None
            if self._browser_ended:
                return  # (its process is gone: nothing to close, and no answer would come)
            # The browser may already be gone (cancelled or crashed): nothing left to close.
            with contextlib.suppress(PlaywrightError):
                try:
                    await asyncio.wait_for(context.close(), CLOSE_TIMEOUT_S)
                except asyncio.TimeoutError:
                    self._end_the_browser()  # frozen: the check is journaled all the same

    @property
    def _browser_ended(self) -> bool:
        watch = self.shared.watch
        return watch is not None and watch.ended

    def _end_the_browser(self) -> None:
        """The browser stopped answering: ended (x/browser_watch), for every account of the
        run; those still to come end at their first call, as after a crash."""
        if self.shared.watch is not None:
            self.shared.watch.end()

    async def _browser_answers(self) -> bool:
        watch = self.shared.watch
        return watch is None or (not watch.ended and await watch.answers())

    async def _open_page(self) -> tuple[Page, GrokPage]:
        await self._close()
        storage: dict[str, Any] | None
        try:
            storage = self.ctx.sessions.load(self.handle)
        except VaultError:
            storage = None  # no key to open it: this account needs a sign-in, judged there
        moved = self.ctx.sessions.take_set_aside(self.handle)
        if moved is not None:
            log.warning("the saved session of @%s could not be decrypted: %s", self.handle, moved)
            self._session_set_aside = True
        timeout_s = self.shared.page_timeout_ms / 1000
        context = self.shared.browser.new_context(
            storage_state=storage,  # type: ignore[arg-type]
            user_agent=self.shared.user_agent,
            viewport=VIEWPORT,
        )
        self._context = await bounded(context, timeout_s)
        page = await bounded(self._context.new_page(), timeout_s)
        page.set_default_timeout(self.shared.page_timeout_ms)
        grok = GrokPage(page, self.ctx.site, self.shared.page_timeout_ms)
        return page, grok

    def _back_off(self) -> AccountResult:
        """X said "too many requests": record a back-off so no run hammers it meanwhile."""
        hours = backoff_hours_for(Reason.RATE_LIMITED, self.ctx.settings.backoff_hours)
        state = self.ctx.accounts.block(self.handle, Reason.RATE_LIMITED, hours=hours)
        message = rate_limited_message(self.handle, state.blocked_until)
        return self._result(Status.ERROR, Reason.RATE_LIMITED, message)

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
        return self._result(Status.NEEDS_USER, Reason.LOCKED, message)

    def _check_not_rate_limited(self) -> None:
        """X said "too many requests" and its back-off holds: nothing is sent to X, and the
        result says since when (the check or sign-in X answered so), as a sign-in's back-off
        does, and until when."""
        state = self.ctx.accounts.state(self.handle)
        if state.block_reason is Reason.RATE_LIMITED and state.is_blocked():
            since = self.ctx.journal.rate_limited_at(self.handle)
            message = rate_limit_held_message(self.handle, since, state.blocked_until)
            result = self._result(Status.ERROR, Reason.RATE_LIMITED, message)
            raise _Stop(dataclasses.replace(result, backoff=BackOff(since)))

    async def _run(self) -> AccountResult:
        self._check_cancel()
        self._check_not_rate_limited()
        self._step(Step.OPENING_SESSION)
        # As listed when its turn comes, not when the run began: an account edited while it
        # waited in the queue (the window allows it) keeps the boxes it was given then.
        self.account = self.ctx.accounts.get(self.handle) or self.account
        page, grok = await self._open_page()
        boxes: dict[Box, BoxState] | None = None
        self._had_session = self.ctx.sessions.exists(self.handle)
        if self._had_session:
            self._step(Step.READING_PAGE)
            try:
                boxes = await grok.open()
            except SessionExpired:
                boxes = None
        if boxes is None:
            self._check_cancel()
            page, grok = await self._sign_in(page, grok)
            self._check_cancel()
            self._step(Step.READING_PAGE)
            boxes = await grok.open()
        page_was_read(self.ctx.accounts, self.handle)
        try:
            return await self._enforce(grok, boxes)
        except SessionExpired:
            # X ended the session between the read and a save: sign in once more (within the
            # sign-in rules), read again and carry on; a second expiry ends the check.
            self._check_cancel()
            page, grok = await self._sign_in(page, grok)
            self._check_cancel()
            self._step(Step.READING_PAGE)
            boxes = await grok.open()
            return await self._enforce(grok, boxes)

    # -- signing in ----------------------------------------------------------------------------

    async def _sign_in(self, page: Page, grok: GrokPage) -> tuple[Page, GrokPage]:
        """Sign in within the rules; returns the page to carry on with, or stops the check."""
        # X's "wrong password" of a password saved no longer holds nothing back (it was saved
        # while the sign-in that typed the old one ran, maybe in another process).
        held = lift_stale_rejection(self.ctx, self.handle)
        refusal = may_sign_in(self.handle, held, unattended=self.shared.unattended)
        if refusal is not None:
            # A reason remembered from an earlier sign-in or check, not X's answer now: the
            # entry and its sentence say that no sign-in was tried, and since when.
            if refusal.backoff:
                since = self._last_stopped_signin_at(refusal.reason)
            else:
                since = self.ctx.journal.stopped_signin_at(self.handle, refusal.reason)
            message = refusal.message_since(self.handle, since)
            result = self._result(refusal.status, refusal.reason, message)
            result = self._with_detail(result, refusal.detail)
            result = dataclasses.replace(result, clock_offset_s=offset_in_detail(refusal.detail))
            if refusal.backoff:
                result = dataclasses.replace(result, backoff=BackOff(since))
            else:
                result = dataclasses.replace(result, not_retried=NotRetried(since))
            raise _Stop(result)
        secrets, self._totp_secret = secrets_to_type(self.ctx, self.account)
        if secrets.password is None and self._session_set_aside:
            message = session_set_aside_no_password_message(self.handle)
            self._session_set_aside = False  # said in full here
            # Not "the session expired": it could not be read, and now none is saved (the
            # message says why); its reason is that of an account never signed in here.
            raise _Stop(self._result(Status.NEEDS_USER, Reason.NOT_SIGNED_IN, message))
        if secrets.password is None:
            raise self._fail(Reason.SESSION_EXPIRED if self._had_session else Reason.NOT_SIGNED_IN)
        # One sign-in at a time (x-reference §4), the person's own in a visible window too:
        # the other accounts' sign-ins wait until it is over. A check that must wait gives
        # its place and its page to the checks that need no sign-in meanwhile (the account
        # signing in may wait minutes for its person's code), and opens a page again after.
        waits = self.shared.signins.busy
        if waits:
            await self._close()
            self._step(Step.WAITING_TO_SIGN_IN)
            self.turn.give_up()
        async with self.shared.signins.held():
            if waits:
                await self.turn.take()  # (no check holding a place waits for this one)
                self._check_cancel()
                page, grok = await self._open_page()
            self._check_cancel()
            with self._writing_at_x():  # a sign-in cut short would leave X's answer unknown
                self._step(Step.SIGNING_IN)
                outcome = await sign_in(
                    page, self.ctx.site, secrets, self._ask, self.shared.signin_step_timeout_ms
                )
                self._remember(outcome, secrets.password)
                if outcome.ok:
                    assert self._context is not None
                    saved = self._context.storage_state()
                    state = dict(await bounded(saved, self.shared.page_timeout_ms / 1000))
                    self.ctx.sessions.save(self.handle, state)
                    self._no_session_if_removed()
                    return page, grok
                # A screen X is not known to show: photographed as it stands, fields masked
                # (x/signin_shot.py), kept if the check stops there.
                shot = None
                if (outcome.reason or Reason.PAGE_CHANGED) is Reason.PAGE_CHANGED:
                    shot = await signin_screenshot(page)
                finished = False
                window = self.shared.finish_in_browser
                if outcome.finish_in_browser and window is not None and not self.shared.unattended:
                    await self._close()
                    self._step(Step.WAITING_FOR_PERSON)
                    finished = await window(self.account)
        if finished:
            return await self._open_page()
        stop = self._fail(
            outcome.reason or Reason.PAGE_CHANGED,
            outcome.detail,
            outcome.status,
            x_answered=outcome.x_answered,
        )
        if outcome.reason is Reason.RATE_LIMITED:  # said as at the settings page: until when
            until = self.ctx.accounts.state(self.handle).blocked_until
            message = rate_limited_message(self.handle, until)
            stop = _Stop(self._result(Status.ERROR, Reason.RATE_LIMITED, message))
        if shot is not None:
            stop = _Stop(self._with_shot(stop.result, shot, SIGNIN_CHANGED_SHOT))
        if self._no_window:
            said = f"{stop.result.message} {no_window_note(self.handle)}"
            stop = _Stop(dataclasses.replace(stop.result, message=said))
        raise stop

    def _no_session_if_removed(self) -> None:
        """The session just saved goes if the account was removed meanwhile: its removal
        deleted the session it found, not this one (a removal takes the account off the list
        before it deletes its session, so one of the two deletes it)."""
        if self._removed_meanwhile():
            self.ctx.sessions.delete(self.handle)

    def _last_stopped_signin_at(self, reason: Reason) -> datetime | None:
        """When X stopped the sign-in whose back-off holds: the account's last sign-in in the
        journal, if X stopped it for this reason (None: the journal does not have it)."""
        last = self.ctx.journal.entries(
            handle=self.handle, kinds=[EntryKind.SIGNIN], limit=1, newest_first=True
        )
        if not last or last[0].payload.get("reason") != reason.value:
            return None
        return datetime.fromisoformat(last[0].ts)

    def _remember(self, outcome: SignInOutcome, password: str | None) -> None:
        """What the sign-in that typed `password` (None: none) teaches the next ones."""
        remember_refusals(self.ctx, self.handle, outcome, self._totp_secret)
        rejected = refused_password_digest(self.ctx, self.handle, outcome, password)
        self.ctx.journal.record_signin(
            self.shared.run_id,
            self.handle,
            "ok" if outcome.ok else (outcome.status or Status.ERROR).value,
            None if outcome.ok else outcome.reason,
            totp_refused=outcome.totp_refused,
            detail=outcome.detail,
        )
        remember_outcome(
            self.ctx.accounts,
            self.handle,
            None if outcome.ok else outcome.reason,
            outcome.password_submitted,
            self.ctx.settings.backoff_hours,
            unattended=self.shared.unattended,
            detail=outcome.detail,
            rejected_password=rejected,
        )
        if rejected is not None:  # a new password saved meanwhile is typed next time
            lift_stale_rejection(self.ctx, self.handle)

    # -- the boxes ------------------------------------------------------------------------------

    async def _enforce(self, grok: GrokPage, boxes: dict[Box, BoxState]) -> AccountResult:
        journal = self.ctx.journal
        self._read, self._hidden_on = dict(boxes), grok.hidden_on
        settings: dict[Box, BoxChange] = {}
        self._judged = settings  # (a Cancel meanwhile says the boxes from it)
        # Read again after a sign-in: a box unticked before that reads on now (X switched it
        # back meanwhile) is no longer said off; it is judged below as any box on.
        for box in [b for b, s in boxes.items() if s.checked and b in self._confirmed]:
            del self._confirmed[box]
            self._reverted.discard(box)
        cut, self._cut_short = self._cut_short, None
        if cut is not None:  # read again since: this reading says what the cut untick did
            state = boxes.get(cut)
            if state is not None and not state.checked and not state.disabled:
                await self._keep_cut_untick(grok, cut, state)
            else:
                self._unmark()  # (on: unticked again below, as any box on)
        reverted: list[Box] = []
        fixed: list[Box] = []
        would: list[Box] = []
        disabled_on: list[Box] = []
        failed: list[tuple[Box, UntickOutcome]] = []
        async for box, state in self._boxes_to_judge(grok, boxes):
            if state is None:
                continue  # X does not show this box to this account (memory's rollout)
            enforced = box in self.account.keep
            if box in self._confirmed and not state.checked:
                settings[box] = self._confirmed[box]  # done before X ended the session
                fixed.append(box)
                reverted.extend([box] if box in self._reverted else [])
                continue
            if not (enforced and state.checked):
                settings[box] = BoxChange(state.checked, state.checked, state.disabled)
                continue
            if state.disabled:
                # X shows it ticked and locked (under-18 accounts): report, never fight it.
                settings[box] = BoxChange(True, True, True)
                disabled_on.append(box)
                continue
            if journal.last_read_off_by_us(self.handle, box):
                reverted.append(box)
            if self.shared.dry_run:
                settings[box] = BoxChange(True, True)
                would.append(box)
                continue
            self._check_cancel()
            with self._writing_at_x():  # the change, its entry and its picture, whole
                # Written down first: a process killed before the change is journaled still
                # leaves it said (core/pending_unticks.py).
                folder = self.ctx.paths.data_dir / FOLDER_NAME
                # With every box as known now: a killed check's entry says them, not nothing.
                reverted_so_far = tuple(b for b in ALL_BOXES if b in self._reverted)
                self._pending = mark(
                    folder, self.shared.run_id, self.handle, box, self._boxes_now(),
                    reverted_so_far, self._kept_off,
                )  # fmt: skip
                self._unticking = box
                self._clicked = True
                try:
                    outcome = await self._untick(grok, box)
                except Exception:  # (X ended the session…): no box is being unticked now
                    self._sent_click = self._sent_click or grok.clicked
                    self._unticking = None
                    if grok.unread_click is box:  # X may have made it: said as unknown
                        self._cut_short = box
                        self._cut_short_reverted = box in reverted
                    else:
                        self._unmark()  # nothing reached X
                    raise
                self._sent_click = self._sent_click or grok.clicked
                self._unticking = None  # (a stop from outside leaves it: it names the box)
                after = outcome.after.checked if outcome.after else None
                disabled = bool(outcome.after and outcome.after.disabled)
                settings[box] = BoxChange(True, after, disabled)
                if outcome.confirmed:  # known before anything else can stop the check
                    fixed.append(box)
                    self._confirmed[box] = settings[box]
                    if box in reverted:
                        self._reverted.add(box)
                else:
                    failed.append((box, outcome))
                # The change first: a full disk may still take its entry, not its picture.
                journal.record_change(
                    self.shared.run_id,
                    self.handle,
                    box,
                    before=True,
                    after=after,
                    confirmed=outcome.confirmed,
                    reverted_by_x=box in reverted,
                )
                self._unmark()
                # Named for what it shows: a box unticked, or one X did not let go of.
                shot = untick_shot(box, after=after)
                self._save_evidence(await grok.screenshot(), shot)
        if failed:
            self._check_cancel()  # on a Cancel no second try was made: the failure is its
        kept = tuple(reverted)
        if failed:
            box, outcome = failed[0]
            reason = Reason.TIMEOUT if outcome.mutation_status is None else Reason.SAVE_FAILED
            names = ", ".join(box_name(b) for b, _ in failed)
            if outcome.mutation_status is None and outcome.cut:
                # Its request failed (the connection cut): X not reached, not X slow.
                reason, names = Reason.NETWORK, outcome.cut
            message = reason_message(reason, self.handle, names)
            return self._result(Status.ERROR, reason, message, settings, kept)
        if disabled_on:
            message = box_disabled_message(disabled_on)
            result = self._result(Status.ERROR, Reason.BOX_DISABLED, message, settings, kept)
            return dataclasses.replace(result, disabled_on=tuple(disabled_on))
        status = Status.WOULD_FIX if would else Status.FIXED if fixed else Status.OPTED_OUT
        if status is Status.OPTED_OUT and self.ctx.settings.screenshot_every_check:
            # Nothing changed, so nothing was photographed: the page as read, if asked for.
            self._save_evidence(await grok.screenshot(), EVERY_CHECK_SHOT)
        hidden = [box for box in grok.hidden_on if box in self.account.keep]
        message = success_message(status, fixed, would, kept, some_hidden=bool(hidden))
        if hidden:
            message = f"{message} {hidden_on_message(hidden)}"
        result = self._result(status, None, message, settings, kept)
        return dataclasses.replace(result, hidden_on=tuple(hidden))

    async def _keep_cut_untick(self, grok: GrokPage, box: Box, state: BoxState) -> None:
        """The untick cut short before it was read back (X ended the session…), read off at
        this reading: this check's change, journaled and photographed as one read back after
        a reload is (then judged as a box done before X ended the session), not a box found
        off. Its mark goes once its entry is in."""
        reverted = self._cut_short_reverted
        with self._writing_at_x():
            self._confirmed[box] = BoxChange(True, False, state.disabled)
            if reverted:
                self._reverted.add(box)
            self.ctx.journal.record_change(
                self.shared.run_id,
                self.handle,
                box,
                before=True,
                after=False,
                confirmed=True,
                reverted_by_x=reverted,
            )
            self._unmark()
            self._save_evidence(await grok.screenshot(), untick_shot(box, after=False))

    async def _boxes_to_judge(
        self, grok: GrokPage, boxes: dict[Box, BoxState]
    ) -> AsyncIterator[tuple[Box, BoxState | None]]:
        """Each box of the first read, in X's order (None: not shown); then, read again once
        they are judged, any box the page drew since: the verdict rests on the page as it is
        at the end, not only as it was first read."""
        for box in ALL_BOXES:
            yield box, boxes.get(box)
        latest = await grok.read()
        for box in ALL_BOXES:
            if box in latest and box not in boxes:
                yield box, latest[box]

    async def _untick(self, grok: GrokPage, box: Box) -> UntickOutcome:
        """Untick, reload, read back; a box read back ticked gets one more try."""
        self._step(Step.UNTICKING)
        outcome = await grok.untick(box)
        self._step(Step.VERIFYING)
        if outcome.confirmed or self.shared.cancel.cancelled:
            return outcome  # on a stop, no second try: the journal keeps the first
        self._step(Step.UNTICKING)
        retry = await grok.untick(box)
        self._step(Step.VERIFYING)
        if retry.mutation_status is None and outcome.mutation_status is not None:
            # The first try reached X: the failure is X not keeping it, not a slow answer.
            return UntickOutcome(
                box, retry.after, retry.confirmed, outcome.mutation_status, retry.went_wrong_toast
            )
        return retry


async def answer_in_daemon_thread(ask: AskSync, request: PromptRequest) -> str | None:
    """`ask(request)` in a thread of its own that nothing waits for when the run stops.

    A question waits for a person, who may never answer: the person presses Ctrl-C at a
    terminal's question, whose read no thread can interrupt. In asyncio's own thread pool, that
    read kept the process alive after the run had stopped, since asyncio waits for its pool's
    threads at the end of the run. Here the run ends, and the thread ends with the process."""
    loop = asyncio.get_running_loop()
    answered: asyncio.Future[str | None] = loop.create_future()

    def settle(answer: str | None, error: BaseException | None) -> None:
        if answered.done():  # the run stopped waiting (cancelled)
            return
        if error is not None:
            answered.set_exception(error)
        else:
            answered.set_result(answer)

    def work() -> None:
        answer: str | None = None
        error: BaseException | None = None
        try:
            answer = ask(request)
        except BaseException as exc:  # handed to the awaiting task, as to_thread would
            error = exc
        with contextlib.suppress(RuntimeError):  # the loop closed meanwhile: nobody waits
            loop.call_soon_threadsafe(settle, answer, error)

    threading.Thread(target=work, name=f"ask-{request.handle}", daemon=True).start()
    return await answered
