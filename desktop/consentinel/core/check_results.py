"""The AccountResult a check ends with, from what it knows: done, failed, cancelled, cut short."""

from __future__ import annotations

import dataclasses
import time

from consentinel.core.check_messages import (
    cancelled_message,
    is_detail_code,
    midway_message,
    midway_words,
    reason_message,
    session_set_aside_note,
)
from consentinel.core.check_state import CheckState
from consentinel.core.clock_offset import offset_in_detail
from consentinel.core.events import AccountResult, BoxChange, Midway
from consentinel.core.fileio import StorageError
from consentinel.core.i18n import tr
from consentinel.core.signin_rules import status_for
from consentinel.core.status import ALL_BOXES, Box, Reason, Status


class CheckStop(Exception):
    """Ends a check early with a finished result (not an error)."""

    def __init__(self, result: AccountResult) -> None:
        super().__init__(result.status.value)
        self.result = result


def with_detail_code(result: AccountResult, detail: str) -> AccountResult:
    """`result`, keeping `detail` in its entry when it is a code in no language (what the
    sign-in said of the step), for its sentence to be made again in another."""
    if not is_detail_code(detail):
        return result  # (X's or Chromium's words, in the run's language, or none)
    return dataclasses.replace(result, detail_code=detail)


class CheckResults:
    """Builds the check's results from its state; raises CheckStop where the check must end."""

    def __init__(self, state: CheckState) -> None:
        self._state = state

    def result(
        self,
        status: Status,
        reason: Reason | None = None,
        message: str = "",
        settings: dict[Box, BoxChange] | None = None,
        reverted: tuple[Box, ...] = (),
    ) -> AccountResult:
        state = self._state
        return AccountResult(
            handle=state.handle,
            status=status,
            reason=reason,
            settings=settings or {},
            evidence=state.evidence,
            message=message,
            duration_s=round(time.monotonic() - state.started, 3),
            reverted_by_x=reverted,
            keep=state.kept_off,
        )

    def fail(
        self,
        reason: Reason,
        detail: str = "",
        status: Status | None = None,
        *,
        x_answered: bool = False,
    ) -> CheckStop:
        message = reason_message(reason, self._state.handle, detail, x_answered=x_answered)
        result = self.result(status or status_for(reason), reason, message)
        result = dataclasses.replace(
            result, clock_offset_s=offset_in_detail(detail), x_answered=x_answered
        )
        return CheckStop(with_detail_code(result, detail))

    def check_cancel(self) -> None:
        """Stops the check here if the person cancelled, or its account was removed."""
        if self._state.shared.cancel.cancelled:
            raise CheckStop(self.cancelled())
        if self.removed_meanwhile():
            # Removed by another process (`account remove`): nothing more is done at X for an
            # account the person no longer protects; stopped here, as a Cancel would.
            raise CheckStop(self.said_removed(self.cancelled()))

    def removed_meanwhile(self) -> bool:
        """The account is no longer in the list (removed while its check ran)."""
        return self._state.ctx.accounts.get(self._state.handle) is None

    def said_removed(self, result: AccountResult) -> AccountResult:
        """The result of a check whose account was removed before its end: said so, first,
        and no longer counted for the run's exit code."""
        state = self._state
        said = tr("@{handle} was removed from your accounts during its check.", handle=state.handle)
        if result.reason is Reason.CANCELLED:  # stopped for it: what it had done, then that
            done = [box for box in ALL_BOXES if box in state.confirmed]
            first, last = midway_words(done, result.reverted_by_x, state.cut_short)
            words = [said, first, last or tr("The check stopped there.")]
        else:  # ended by itself: as it ended
            words = [said, result.message]
        message = " ".join(part for part in words if part)
        return dataclasses.replace(result, message=message, removed=True)

    def cancelled(self) -> AccountResult:
        """Cancelled. A check that had begun unticking at X says what is true there now, as a
        finished check would: every box as read, those it unticked as read back (and which of
        them X had switched back on), and the box it was unticking, if cut short then, as
        unknown (X may have switched it off unread). One that changed nothing says nothing of
        the boxes: the last finished check's stand."""
        state = self._state
        reverted = tuple(box for box in ALL_BOXES if box in state.reverted)
        done = [box for box in ALL_BOXES if box in state.confirmed]
        message = cancelled_message(done, reverted, state.unticking or state.cut_short)
        result = self.result(Status.ERROR, Reason.CANCELLED, message, {}, reverted)
        if not (state.clicked or state.confirmed):
            return result
        hidden = tuple(box for box in state.hidden_on if box in state.account.keep)
        return dataclasses.replace(result, settings=state.boxes_now(), hidden_on=hidden)

    def midway(self, result: AccountResult) -> AccountResult:
        """A check that ended otherwise than cancelled (X ended the session and no sign-in
        could follow, the network failed, a full disk…) after it had begun unticking at X: its
        result says what is true there now, as a cancelled one does — every box as known, those
        it unticked and read back (and which of them X had switched back on) said first, and
        the box it was unticking then, if X may have switched it off unread, said last as
        unknown — not nothing. A check that ended at its own end (its boxes judged) says them
        itself."""
        if result.reason is Reason.CANCELLED or result.settings:
            return result  # (a cancelled check's own words say it; a judged one's too)
        state = self._state
        cut = state.cut_short
        if cut is None and not state.confirmed:
            return result
        reverted = tuple(box for box in ALL_BOXES if box in state.reverted)
        done = [box for box in ALL_BOXES if box in state.confirmed]
        hidden = tuple(box for box in state.hidden_on if box in state.account.keep)
        return dataclasses.replace(
            result,
            settings=state.boxes_now(),
            message=midway_message(result.message, done, reverted, cut),
            reverted_by_x=reverted,
            hidden_on=hidden,
            midway=Midway(cut),
        )

    def stopped_by_storage(self, error: StorageError) -> AccountResult:
        """A file that cannot be kept (a full or read-only disk): nothing more is changed
        unseen, so the check stops there. What it had done and read back before stays in its
        result (midway), as a cancelled check's does: the boxes it unticked, and which of them
        X had switched back on, so that the person is told of those even without their
        picture."""
        reason: Reason | None = None
        if self._state.evidence_not_kept:
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
        return self.result(Status.ERROR, reason, stop)

    def with_set_aside_note(self, result: AccountResult) -> AccountResult:
        """The result, saying first that the saved session had to be set aside, if it was: so
        the person sees it, and the journal's check entry keeps it."""
        if not self._state.session_set_aside:
            return result
        note = f"{session_set_aside_note()} {result.message}".strip()
        return dataclasses.replace(result, message=note)
