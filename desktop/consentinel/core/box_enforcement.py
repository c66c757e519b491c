"""Where a check decides which boxes must be unticked, unticks them at X and reads them back,
each change journaled and photographed whole."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator

from consentinel.core.check_evidence import save_evidence
from consentinel.core.check_messages import (
    box_disabled_message,
    box_name,
    hidden_on_message,
    reason_message,
    success_message,
)
from consentinel.core.check_results import CheckResults
from consentinel.core.check_state import CheckState
from consentinel.core.events import AccountResult, BoxChange
from consentinel.core.evidence import EVERY_CHECK_SHOT, untick_shot
from consentinel.core.pending_unticks import FOLDER_NAME, mark
from consentinel.core.status import ALL_BOXES, Box, Reason, Status
from consentinel.core.steps import Step
from consentinel.x.grok_page import BoxState, GrokPage, UntickOutcome


class BoxEnforcement:
    """Keeps the account's boxes off on X's page as read, and says how it left them."""

    def __init__(self, state: CheckState, results: CheckResults) -> None:
        self._state = state
        self._results = results

    async def enforce(self, grok: GrokPage, boxes: dict[Box, BoxState]) -> AccountResult:
        """Every box of the page judged: unticked (and read back) where the account keeps it
        off, else said as found; the result says what was done."""
        state, shared = self._state, self._state.shared
        journal = state.ctx.journal
        state.read, state.hidden_on = dict(boxes), grok.hidden_on
        settings: dict[Box, BoxChange] = {}
        state.judged = settings  # (a Cancel meanwhile says the boxes from it)
        # Read again after a sign-in: a box unticked before that reads on now (X switched it
        # back meanwhile) is no longer said off; it is judged below as any box on.
        for box in [b for b, s in boxes.items() if s.checked and b in state.confirmed]:
            del state.confirmed[box]
            state.reverted.discard(box)
        cut, state.cut_short = state.cut_short, None
        if cut is not None:  # read again since: this reading says what the cut untick did
            shown_cut = boxes.get(cut)
            if shown_cut is not None and not shown_cut.checked and not shown_cut.disabled:
                await self._keep_cut_untick(grok, cut, shown_cut)
            else:
                state.unmark()  # (on: unticked again below, as any box on)
        reverted: list[Box] = []
        fixed: list[Box] = []
        would: list[Box] = []
        disabled_on: list[Box] = []
        failed: list[tuple[Box, UntickOutcome]] = []
        async for box, shown in self._boxes_to_judge(grok, boxes):
            if shown is None:
                continue  # X does not show this box to this account (memory's rollout)
            enforced = box in state.account.keep
            if box in state.confirmed and not shown.checked:
                settings[box] = state.confirmed[box]  # done before X ended the session
                fixed.append(box)
                reverted.extend([box] if box in state.reverted else [])
                continue
            if not (enforced and shown.checked):
                settings[box] = BoxChange(shown.checked, shown.checked, shown.disabled)
                continue
            if shown.disabled:
                # X shows it ticked and locked (under-18 accounts): report, never fight it.
                settings[box] = BoxChange(True, True, True)
                disabled_on.append(box)
                continue
            if journal.last_read_off_by_us(state.handle, box):
                reverted.append(box)
            if shared.dry_run:
                settings[box] = BoxChange(True, True)
                would.append(box)
                continue
            self._results.check_cancel()
            with state.writing_at_x():  # the change, its entry and its picture, whole
                self._mark_untick(box)
                try:
                    outcome = await self._untick(grok, box)
                except Exception:  # (X ended the session…): no box is being unticked now
                    state.sent_click = state.sent_click or grok.clicked
                    state.unticking = None
                    if grok.unread_click is box:  # X may have made it: said as unknown
                        state.cut_short = box
                        state.cut_short_reverted = box in reverted
                    else:
                        state.unmark()  # nothing reached X
                    raise
                state.sent_click = state.sent_click or grok.clicked
                state.unticking = None  # (a stop from outside leaves it: it names the box)
                after = outcome.after.checked if outcome.after else None
                disabled = bool(outcome.after and outcome.after.disabled)
                settings[box] = BoxChange(True, after, disabled)
                if outcome.confirmed:  # known before anything else can stop the check
                    fixed.append(box)
                    state.confirmed[box] = settings[box]
                    if box in reverted:
                        state.reverted.add(box)
                else:
                    failed.append((box, outcome))
                # The change first: a full disk may still take its entry, not its picture.
                journal.record_change(
                    shared.run_id,
                    state.handle,
                    box,
                    before=True,
                    after=after,
                    confirmed=outcome.confirmed,
                    reverted_by_x=box in reverted,
                )
                state.unmark()
                # Named for what it shows: a box unticked, or one X did not let go of.
                shot = untick_shot(box, after=after)
                save_evidence(state, await grok.screenshot(), shot)
        kept = tuple(reverted)
        if failed:
            self._results.check_cancel()  # on a Cancel no second try was made: the failure is its
            return self._not_kept_off(failed, settings, kept)
        if disabled_on:
            message = box_disabled_message(disabled_on)
            result = self._results.result(
                Status.ERROR, Reason.BOX_DISABLED, message, settings, kept
            )
            return dataclasses.replace(result, disabled_on=tuple(disabled_on))
        status = Status.WOULD_FIX if would else Status.FIXED if fixed else Status.OPTED_OUT
        if status is Status.OPTED_OUT and state.ctx.settings.screenshot_every_check:
            # Nothing changed, so nothing was photographed: the page as read, if asked for.
            save_evidence(state, await grok.screenshot(), EVERY_CHECK_SHOT)
        hidden = [box for box in grok.hidden_on if box in state.account.keep]
        message = success_message(status, fixed, would, kept, some_hidden=bool(hidden))
        if hidden:
            message = f"{message} {hidden_on_message(hidden)}"
        result = self._results.result(status, None, message, settings, kept)
        return dataclasses.replace(result, hidden_on=tuple(hidden))

    def _mark_untick(self, box: Box) -> None:
        """The untick written down before its click: a process killed before the change is
        journaled still leaves it said (core/pending_unticks.py)."""
        state = self._state
        folder = state.ctx.paths.data_dir / FOLDER_NAME
        # With every box as known now: a killed check's entry says them, not nothing.
        reverted_so_far = tuple(b for b in ALL_BOXES if b in state.reverted)
        state.pending = mark(
            folder, state.shared.run_id, state.handle, box, state.boxes_now(),
            reverted_so_far, state.kept_off,
        )  # fmt: skip
        state.unticking = box
        state.clicked = True

    def _not_kept_off(
        self,
        failed: list[tuple[Box, UntickOutcome]],
        settings: dict[Box, BoxChange],
        kept: tuple[Box, ...],
    ) -> AccountResult:
        """Boxes X did not keep off (or whose save was not answered): why, naming them."""
        _, outcome = failed[0]  # (the first box X did not keep off says why)
        reason = Reason.TIMEOUT if outcome.mutation_status is None else Reason.SAVE_FAILED
        names = ", ".join(box_name(b) for b, _ in failed)
        if outcome.mutation_status is None and outcome.cut:
            # Its request failed (the connection cut): X not reached, not X slow.
            reason, names = Reason.NETWORK, outcome.cut
        message = reason_message(reason, self._state.handle, names)
        return self._results.result(Status.ERROR, reason, message, settings, kept)

    async def _keep_cut_untick(self, grok: GrokPage, box: Box, shown: BoxState) -> None:
        """The untick cut short before it was read back (X ended the session…), read off at
        this reading: this check's change, journaled and photographed as one read back after
        a reload is (then judged as a box done before X ended the session), not a box found
        off. Its mark goes once its entry is in."""
        state = self._state
        reverted = state.cut_short_reverted
        with state.writing_at_x():
            state.confirmed[box] = BoxChange(True, False, shown.disabled)
            if reverted:
                state.reverted.add(box)
            state.ctx.journal.record_change(
                state.shared.run_id,
                state.handle,
                box,
                before=True,
                after=False,
                confirmed=True,
                reverted_by_x=reverted,
            )
            state.unmark()
            save_evidence(state, await grok.screenshot(), untick_shot(box, after=False))

    async def _boxes_to_judge(
        self, grok: GrokPage, boxes: dict[Box, BoxState]
    ) -> AsyncIterator[tuple[Box, BoxState | None]]:
        """Each box of the first read, in X's order (None: not shown); then, read again once
        they are judged, any box the page drew since: the verdict rests on the page as it is
        at the end, not only as it was first read. When an untick reloaded the page and read it
        whole since (its read-back, after its click: the page's last load), that read is the
        page as it is at the end: not read a third time (a call into the page, with several
        accounts at once a run's time on a small computer)."""
        first = grok.settled
        for box in ALL_BOXES:
            yield box, boxes.get(box)
        latest = grok.settled if grok.settled is not first else await grok.read()
        for box in ALL_BOXES:
            if box in latest and box not in boxes:
                yield box, latest[box]

    async def _untick(self, grok: GrokPage, box: Box) -> UntickOutcome:
        """Untick, reload, read back; a box read back ticked gets one more try."""
        state = self._state
        state.step(Step.UNTICKING)
        outcome = await grok.untick(box)
        state.step(Step.VERIFYING)
        if outcome.confirmed or state.shared.cancel.cancelled:
            return outcome  # on a stop, no second try: the journal keeps the first
        state.step(Step.UNTICKING)
        retry = await grok.untick(box)
        state.step(Step.VERIFYING)
        if retry.mutation_status is None and outcome.mutation_status is not None:
            # The first try reached X: the failure is X not keeping it, not a slow answer.
            return UntickOutcome(
                box, retry.after, retry.confirmed, outcome.mutation_status, retry.went_wrong_toast
            )
        return retry
