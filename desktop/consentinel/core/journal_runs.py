"""A run in the journal: its start and end, runs cut short, and what a run records (checks, box
changes, sign-ins, screenshots, notifications). A mixin of `Journal` (core/journal.py)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from consentinel.core.accounts import handle_key
from consentinel.core.check_messages import is_detail_code
from consentinel.core.i18n import current_language
from consentinel.core.journal_entries import Entry, EntryKind, RunStatus
from consentinel.core.journal_writes import JournalWrites
from consentinel.core.processes import known_gone, this_host
from consentinel.core.status import HIDDEN_ON_OUTCOME, OWN_NAME_REASONS, Box, Reason, Status

if TYPE_CHECKING:
    from consentinel.core.events import AccountResult  # loads with the first check


class JournalRuns(JournalWrites):
    """Runs and what they record; `Journal` holds the runs this process started."""

    if TYPE_CHECKING:
        _own_runs: set[int]

    def interrupt_stale_runs(self, *, only_dead: bool = False) -> list[int]:
        """Mark runs still "running" as interrupted. With only_dead, only those whose process on
        this machine is gone; without, every run not started by this Journal (call it while
        holding the RunLock, when no other run can be going)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT id, pid, host FROM runs WHERE status = ?", (RunStatus.RUNNING.value,)
            ).fetchall()
            stale = []
            for run_id, pid, run_host in rows:
                if run_id in self._own_runs:
                    continue
                if only_dead and not known_gone(pid, run_host):
                    continue
                stale.append(int(run_id))
            for run_id in stale:
                with self._write():
                    now = self._now()
                    cur = self._db.execute(
                        "UPDATE runs SET status = ?, finished_at = ? WHERE id = ? AND status = ?",
                        (RunStatus.INTERRUPTED.value, now, run_id, RunStatus.RUNNING.value),
                    )
                    if cur.rowcount:
                        self._insert(
                            now,
                            run_id,
                            EntryKind.RUN_INTERRUPTED,
                            None,
                            {"status": RunStatus.INTERRUPTED.value},
                        )
            self._say_unticks_cut_short(set(stale))
            return stale

    def _say_unticks_cut_short(self, runs: set[int]) -> None:
        """The unticks runs `runs` had begun and not journaled, their processes killed
        (core/pending_unticks.py): each becomes its account's check entry, naming the box X
        may have switched off, as a stop the check was told of says it."""
        from consentinel.core.check_messages import cancelled_message
        from consentinel.core.events import AccountResult
        from consentinel.core.pending_unticks import FOLDER_NAME, left_by, unmark

        if not runs:
            return
        for pending in left_by(self.path.parent / FOLDER_NAME, runs):
            # The boxes as the check knew them when it clicked (those it had unticked and
            # read back said first), the one clicked unknown: as a stop it is told of says.
            settings = pending.settings
            done = [box for box, c in settings.items() if c.before and c.after is False]
            reverted = tuple(box for box in pending.reverted if box in done)
            message = cancelled_message(done, reverted, pending.box)
            # Found late (another process kept the journal open meanwhile), after a later run
            # checked the account: said, but without its boxes, so that it does not pass for
            # the account's last check (Journal.last_check), which that later one is.
            later = self._checked_after(pending.handle, pending.run_id)
            result = AccountResult(
                pending.handle,
                Status.ERROR,
                Reason.CANCELLED,
                settings={} if later else settings,
                message=message,
                reverted_by_x=reverted,
                keep=pending.keep,
            )
            self.record_check(pending.run_id, result)
            unmark(pending.path)

    def _checked_after(self, handle: str, run_id: int) -> bool:
        """Whether a run after `run_id` has a check entry of `handle`."""
        with self._lock:
            row = self._db.execute(
                "SELECT 1 FROM entries WHERE lower(handle) = ? AND kind = ? AND run_id > ? LIMIT 1",
                (handle_key(handle), EntryKind.CHECK.value, run_id),
            ).fetchone()
        return row is not None

    def start_run(
        self, trigger: str | Enum, *, dry_run: bool = False, x_origin: str | None = None
    ) -> int:
        """A run begins; a dry run (boxes read, nothing changed) says so in its first entry,
        and so does a run whose passwords go to another address than X's (`x_origin`: a
        simulated X)."""
        trigger = trigger.value if isinstance(trigger, Enum) else str(trigger)
        payload: dict[str, Any] = {"trigger": str(trigger)}
        if dry_run:
            payload["dry_run"] = True
        if x_origin is not None:
            payload["x_origin"] = x_origin
        with self._lock, self._write():
            now = self._now()
            cur = self._db.execute(
                "INSERT INTO runs (started_at, trigger, status, pid, host) VALUES (?, ?, ?, ?, ?)",
                (now, str(trigger), RunStatus.RUNNING.value, os.getpid(), this_host()),
            )
            run_id = int(cur.lastrowid or 0)
            self._insert(now, run_id, EntryKind.RUN_STARTED, None, payload)
            self._own_runs.add(run_id)
            return run_id

    def finish_run(
        self, run_id: int, cancelled: bool = False, *, interrupted: bool = False
    ) -> None:
        """Close a run: finished, cancelled (a person asked), or interrupted (an error or a
        shutdown stopped it before its end; only "finished" runs count for the schedule)."""
        if interrupted:
            status, kind = RunStatus.INTERRUPTED, EntryKind.RUN_INTERRUPTED
        else:
            status = RunStatus.CANCELLED if cancelled else RunStatus.FINISHED
            kind = EntryKind.RUN_FINISHED
        with self._lock, self._write():
            now = self._now()
            self._db.execute(
                "UPDATE runs SET status = ?, finished_at = ? WHERE id = ?",
                (status.value, now, run_id),
            )
            # Keyed as status.outcome_key keys a check: checks named after their reason
            # ("cancelled", not "error") are counted so; every box shown off but one X keeps on
            # unseen is not "off" (the window's summary says those apart).
            own = [reason.value for reason in OWN_NAME_REASONS]
            marks = ", ".join("?" * len(own))
            off = (Status.OPTED_OUT.value, Status.FIXED.value)
            outcomes = dict(
                self._db.execute(
                    "SELECT CASE WHEN json_extract(payload, '$.reason') IN"
                    f" ({marks}) THEN json_extract(payload, '$.reason')"
                    " WHEN json_extract(payload, '$.status') IN (?, ?)"
                    " AND json_array_length(payload, '$.hidden_on') > 0 THEN ?"
                    " ELSE json_extract(payload, '$.status') END, count(*) FROM entries"
                    " WHERE run_id = ? AND kind = ? GROUP BY 1 ORDER BY 1",
                    (*own, *off, HIDDEN_ON_OUTCOME, run_id, EntryKind.CHECK.value),
                ).fetchall()
            )
            payload = {"status": status.value, "outcomes": outcomes}
            self._insert(now, run_id, kind, None, payload)
        self._own_runs.discard(run_id)

    # -- what a run records -----------------------------------------------------------------------

    def record_check(self, run_id: int | None, result: AccountResult) -> Entry:
        payload = result.to_json()
        payload.pop("handle", None)
        payload["duration_s"] = round(result.duration_s, 3)
        payload["message_lang"] = current_language()  # the sentence is in the run's language
        if result.evidence:
            # Its file name in the evidence folder, as evidence entries hold it: a full path
            # names the person and their folders in every export. (Older entries keep the full
            # path they hold; readers take both, by the file name.)
            payload["evidence"] = result.evidence.name
        return self.append(EntryKind.CHECK, result.handle, payload, run_id)

    def record_change(
        self,
        run_id: int | None,
        handle: str,
        box: Box,
        before: bool | None,
        after: bool | None,
        confirmed: bool,
        reverted_by_x: bool = False,
    ) -> Entry:
        payload = {
            "box": Box(box).value,
            "before": before,
            "after": after,
            "confirmed": confirmed,
            "reverted_by_x": reverted_by_x,
        }
        return self.append(EntryKind.CHANGE, handle, payload, run_id)

    def record_signin(
        self,
        run_id: int | None,
        handle: str,
        outcome: str | Enum,
        reason: Reason | None = None,
        *,
        totp_refused: bool = False,
        detail: str = "",
    ) -> Entry:
        """A sign-in and how it ended; `totp_refused`: X called the code made from the saved
        2FA secret incorrect (so that an account added back from the journal keeps that secret
        unused, as the lost list did). `detail`: what the sign-in said of the step it stopped
        at, kept as `detail_code` when it is a code in no language ("clock_off:-300": the
        entry then says the clock, as its check's does); X's own words are not kept."""
        payload: dict[str, Any] = {
            "outcome": outcome.value if isinstance(outcome, Enum) else str(outcome),
            "reason": reason.value if reason else None,
        }
        if totp_refused:
            payload["2fa_secret_refused"] = True
        if detail and is_detail_code(detail):
            payload["detail_code"] = detail
        return self.append(EntryKind.SIGNIN, handle, payload, run_id)

    def record_evidence(
        self, run_id: int | None, handle: str, path: Path | str, why: str, sha256: str = ""
    ) -> Entry:
        """A screenshot kept as evidence: its file name in the evidence folder and, so that a
        changed file shows in verify(), the SHA-256 of its bytes (given a full path, its file
        name alone is kept)."""
        payload = {"path": Path(path).name, "why": why}
        if sha256:
            payload["sha256"] = sha256
        return self.append(EntryKind.EVIDENCE, handle, payload, run_id)

    def record_notification(
        self,
        run_id: int | None,
        handle: str | None,
        kind: str | Enum,
        message: str,
        delivered: bool,
        reason: str | None = None,
        accounts: Sequence[str] = (),
        covers: Sequence[int] = (),
    ) -> Entry:
        """A desktop notification that was shown (or could not be: `delivered` False); its
        `reason` (a Reason's value) and, for one about no single account, the `accounts` it
        names, are what said_before() compares. `covers`: for a notice telling late what
        earlier notifications could not show, their entries' ids (missed_notices())."""
        payload: dict[str, Any] = {
            "kind": kind.value if isinstance(kind, Enum) else str(kind),
            "message": message,
            "message_lang": current_language(),
            "delivered": delivered,
        }
        if reason is not None:
            payload["reason"] = reason
        if accounts:
            payload["accounts"] = list(accounts)
        if covers:
            payload["covers"] = list(covers)
        return self.append(EntryKind.NOTIFICATION, handle, payload, run_id)
