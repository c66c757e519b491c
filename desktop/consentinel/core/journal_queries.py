"""What the journal is asked: its entries by account, kind, time and outcome, its runs, and what
the schedule and the notifications need (whether something was already said, when each account
was last checked through). A mixin of `Journal` (core/journal.py), which holds the connection."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, Concatenate, NamedTuple, ParamSpec, Protocol, TypeVar

from consentinel.core.accounts import handle_key
from consentinel.core.clock_offset import CLOCK_OFF
from consentinel.core.journal_entries import Entry, EntryKind, Run, RunStatus
from consentinel.core.status import RETRY_SOON_REASONS, X_UNREACHED_REASONS, Box, Reason, Status

#: Checks that did not reach X for a reason of this computer's (no browser, the browser
#: stopped, the keyring) or that a person cut short: they neither reached X nor say anything of
#: X, so they neither end nor lengthen a stretch of checks X kept out of reach.
_NEITHER = (
    Reason.CANCELLED,
    Reason.BROWSER_MISSING,
    Reason.BROWSER_CRASHED,
    Reason.KEYRING_UNAVAILABLE,
)

#: Of an account's entries `e`, those of runs begun after it was last removed: one removed and
#: added again begins afresh (its last check is not the removed one's, nor is it "checked
#: lately"). An account brought back (`account restore`, its list lost, never removed) keeps
#: its own.
SINCE_LAST_REMOVED = (
    # An entry counts from its run's start (a check of the removed account journaled after
    # the removal, when it ended or when a killed run was found, is still the removed one's).
    " AND coalesce((SELECT min(began.id) FROM entries began WHERE began.run_id = e.run_id"
    f" AND began.kind = '{EntryKind.RUN_STARTED.value}'), e.id)"
    " > coalesce((SELECT max(gone.id) FROM entries gone"
    " WHERE lower(gone.handle) = lower(e.handle)"
    f" AND gone.kind = '{EntryKind.ACCOUNT_REMOVED.value}'), 0)"
)
#: The notification of boxes X keeps on without showing them (core/notify.py HIDDEN_ON).
_HIDDEN_ON = "hidden_on"


class OutOfReach(NamedTuple):
    """An account's checks that did not reach X (X_UNREACHED_REASONS), in a row up to its
    latest one; times are those of their runs' ends, as the schedule counts them."""

    failed: int
    first_failed_at: datetime
    last_failed_at: datetime
    #: Its last check that reached X's settings page before them (None: none ever did).
    reached_at: datetime | None
    #: The person was told of this stretch already (see `out_of_reach`).
    told: bool

    @property
    def since(self) -> datetime:
        """Since when the account has gone unchecked: its last check that reached X, else its
        first that did not."""
        return self.reached_at or self.first_failed_at


class MissedNotice(NamedTuple):
    """A notification of an earlier run that could not be shown, and was not told since (see
    `missed_notices`)."""

    entry_id: int
    handle: str | None
    #: When its run's check of the account found what it says (the notification's own time
    #: when that check is not in the journal).
    at: datetime
    #: The boxes that check found X had switched back on, as stored (Box values).
    boxes: tuple[str, ...]


class Missed(NamedTuple):
    """What `missed_notices` found: the notifications never shown, oldest first, and what the
    last notice telling them could not show (None: it was shown, or there was none)."""

    notices: tuple[MissedNotice, ...]
    failed_to_tell: tuple[int, ...] | None


class _Settles(Protocol):
    @property
    def unchecked(self) -> bool: ...

    def _settle(self) -> None: ...

    def _confirm_unchanged(self) -> None: ...


_Journal = TypeVar("_Journal", bound=_Settles)
_Read = TypeVar("_Read")
_Args = ParamSpec("_Args")


def read_before_the_check(
    query: Callable[Concatenate[_Journal, _Args], _Read],
) -> Callable[Concatenate[_Journal, _Args], _Read]:
    """A query that may read the file before SQLite's check of it has run (the window's first
    frame reads the accounts' last checks; the check follows it, see `Journal.begin_check`). If
    the file turns out not to be sound, the check settles it (sets it aside, starts a new
    journal) and the query runs again on what is left: a read never fails for damage the check
    handles. A file read as it is (`Journal.open_read_only`) that changed meanwhile makes any
    query raise (`_confirm_unchanged`): what it read may be of no moment of the journal."""

    def reading(self: _Journal, /, *args: _Args.args, **kwargs: _Args.kwargs) -> _Read:
        try:
            found = query(self, *args, **kwargs)
        except sqlite3.DatabaseError as error:
            self._confirm_unchanged()  # ("malformed": pages changed under the read)
            if isinstance(error, sqlite3.OperationalError) or not self.unchecked:
                raise
            self._settle()
            found = query(self, *args, **kwargs)
        self._confirm_unchanged()
        return found

    reading.__doc__ = query.__doc__
    return reading


def iso_utc(when: datetime) -> str:
    """How the journal writes a time: UTC, to the microsecond (a naive time is taken as UTC)."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.astimezone(timezone.utc).isoformat(timespec="microseconds")


def entry_from_row(row: Sequence[Any]) -> Entry:
    id_, ts, run_id, kind, handle, payload, prev_hash, hash_ = row
    return Entry(
        int(id_), ts, run_id, EntryKind(kind), handle, json.loads(payload), prev_hash, hash_
    )


def run_from_row(row: Sequence[Any]) -> Run:
    return Run(int(row[0]), row[1], row[2], row[3], RunStatus(row[4]))


class JournalQueries:
    """The journal's queries. Each reads under the journal's lock, through the connection that
    may read before SQLite's check (`_reader`); see `read_before_the_check`."""

    #: checked_through_at's last answer: (_file_unchanged_since, the handle keys, the times).
    _checked_through: (
        tuple[tuple[sqlite3.Connection, int, int], list[str], dict[str, datetime | None]] | None
    ) = None

    if TYPE_CHECKING:
        _lock: threading.RLock

        @property
        def _reader(self) -> sqlite3.Connection: ...

        @property
        def unchecked(self) -> bool: ...

        def _settle(self) -> None: ...

        def _confirm_unchanged(self) -> None: ...

    @read_before_the_check
    def run(self, run_id: int) -> Run | None:
        with self._lock:
            row = self._reader.execute(
                "SELECT id, started_at, finished_at, trigger, status FROM runs WHERE id = ?",
                (run_id,),
            ).fetchone()
        return run_from_row(row) if row else None

    @read_before_the_check
    def runs(self, limit: int | None = None) -> list[Run]:
        """Runs, newest first."""
        sql = "SELECT id, started_at, finished_at, trigger, status FROM runs ORDER BY id DESC"
        with self._lock:
            rows = self._reader.execute(sql + (f" LIMIT {int(limit)}" if limit else "")).fetchall()
        return [run_from_row(row) for row in rows]

    @read_before_the_check
    def entries(
        self,
        handle: str | None = None,
        kinds: Iterable[EntryKind] | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        status: Status | None = None,
        limit: int | None = None,
        newest_first: bool = False,
        reason: Reason | None = None,
        except_reasons: Collection[Reason] = (),
        clock_off: bool | None = None,
    ) -> list[Entry]:
        """Entries oldest first (or newest first). `limit` keeps the most recent ones; `status`
        keeps check entries that ended so, `reason` those that ended for that reason, and
        `except_reasons` leaves out those that ended for one of these; `clock_off` True keeps
        the entries whose 2FA code X refused for this computer's clock (their `detail_code`,
        core/clock_offset.py), False leaves them out; `handle` compares case-insensitively."""
        where, args = [], []  # type: tuple[list[str], list[Any]]
        if handle is not None:
            where.append("lower(handle) = ?")
            args.append(handle_key(handle))
        if kinds is not None:
            values = [EntryKind(k).value for k in kinds]
            where.append(f"kind IN ({','.join('?' * len(values))})")
            args.extend(values)
        if since is not None:
            where.append("ts >= ?")
            args.append(iso_utc(since))
        if until is not None:
            where.append("ts < ?")
            args.append(iso_utc(until))
        if status is not None:
            where.append("kind = ? AND json_extract(payload, '$.status') = ?")
            args.extend([EntryKind.CHECK.value, Status(status).value])
        if reason is not None:
            where.append("kind = ? AND json_extract(payload, '$.reason') = ?")
            args.extend([EntryKind.CHECK.value, Reason(reason).value])
        if except_reasons:
            values = [Reason(r).value for r in except_reasons]
            marks = ",".join("?" * len(values))
            where.append(f"coalesce(json_extract(payload, '$.reason'), '') NOT IN ({marks})")
            args.extend(values)
        if clock_off is not None:
            # As offset_in_detail reads it: "clock_off:" and the seconds, signed.
            said = "coalesce(json_extract(payload, '$.detail_code'), '') GLOB ?"
            where.append(said if clock_off else f"NOT {said}")
            args.append(f"{CLOCK_OFF}:*")
        sql = "SELECT id, ts, run_id, kind, handle, payload, prev_hash, hash FROM entries"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            args.append(int(limit))
        with self._lock:
            rows = self._reader.execute(sql, args).fetchall()
        found = [entry_from_row(row) for row in rows]
        return found if newest_first else found[::-1]

    @read_before_the_check
    def handles(self) -> list[str]:
        """Every account the journal names, once each (compared case-insensitively), as first
        written; removed accounts too. Read from the handle index, not from every entry."""
        with self._lock:
            keys = [
                row[0]
                for row in self._reader.execute(
                    "SELECT DISTINCT lower(handle) FROM entries WHERE lower(handle) IS NOT NULL"
                )
            ]
            return [
                self._reader.execute(
                    "SELECT handle FROM entries WHERE lower(handle) = ? ORDER BY id LIMIT 1",
                    (key,),
                ).fetchone()[0]
                for key in keys
            ]

    @read_before_the_check
    def runs_of_gone_processes(self) -> set[int]:
        """The runs still "running" whose process is known gone (processes.known_gone): those
        that `interrupt_stale_runs(only_dead=True)` marks interrupted when the journal is next
        opened to be written, found without marking them (a command that only looks)."""
        from consentinel.core.processes import known_gone

        with self._lock:
            rows = self._reader.execute(
                "SELECT id, pid, host FROM runs WHERE status = ?", (RunStatus.RUNNING.value,)
            ).fetchall()
        return {int(run_id) for run_id, pid, host in rows if known_gone(pid, host)}

    @read_before_the_check
    def would_be_last_check(self, handle: str, run_id: int) -> bool:
        """Whether a check of `handle` journaled now in run `run_id` would be its last check
        (`last_check`): no later run has a check of it, and it was not removed since the run
        began."""
        sql = (
            "SELECT 1 FROM entries e WHERE lower(handle) = ?"
            " AND ((kind = ? AND run_id > ?) OR (kind = ? AND id > coalesce((SELECT min(id)"
            " FROM entries WHERE run_id = ? AND kind = ?), 0))) LIMIT 1"
        )
        args = (
            handle_key(handle),
            EntryKind.CHECK.value,
            run_id,
            EntryKind.ACCOUNT_REMOVED.value,
            run_id,
            EntryKind.RUN_STARTED.value,
        )
        with self._lock:
            return self._reader.execute(sql, args).fetchone() is None

    @read_before_the_check
    def last_check(self, handle: str) -> Entry | None:
        """The account's last check that came to an end, or that was cancelled after it had
        begun unticking at X (its entry has the boxes as it left them, core/account_check):
        one cancelled before found nothing out, and must not hide what the one before it
        found."""
        sql = (
            "SELECT id, ts, run_id, kind, handle, payload, prev_hash, hash FROM entries e"
            " WHERE lower(handle) = ? AND kind = ?"
            " AND (coalesce(json_extract(payload, '$.reason'), '') <> ?"
            " OR coalesce(json_extract(payload, '$.settings'), '{}') <> '{}')"
            f"{SINCE_LAST_REMOVED} ORDER BY id DESC LIMIT 1"
        )
        args = (handle_key(handle), EntryKind.CHECK.value, Reason.CANCELLED.value)
        with self._lock:
            row = self._reader.execute(sql, args).fetchone()
        return entry_from_row(row) if row is not None else None

    @read_before_the_check
    def said_before(
        self,
        run_id: int | None,
        kind: str,
        handle: str | None,
        reason: str | None = None,
        *,
        same_reason: bool = False,
        accounts: Sequence[str] = (),
        kind_alone: bool = False,
        hidden: Mapping[str, Sequence[str]] | None = None,
    ) -> bool | None:
        """Whether the person was told this before run `run_id`, nothing having changed since:
        True when the last notification about this account (or about no account, for a handle
        of None) is of this kind (for this `reason` too, with `same_reason`: compared in no
        language, as the window and the schedule may speak different ones), it was shown, and
        no check ended all off after it; False when that one could not be shown (not said:
        tried again at each run until it is, a notifier may come back; failing again is not
        journaled again, or a computer with no notifier would have a "not shown" entry at
        every run for ever); None otherwise (never said, or changed since). A notification
        about no account but about `accounts` (X's page unreadable for some) is changed when
        it is about an account it did not name, or one of those it named was fine since;
        without `accounts` (no keyring, no browser: this computer), when any account was fine
        since. A `run_id` of None: before the run about to start (all entries so far).
        `kind_alone`: only the notifications of this kind are compared, for a notice said
        before a run's (accounts missing from the list) that the run's own about no account
        must not make "changed". `hidden`: for boxes X keeps on unseen, each account's boxes
        now (Box values); changed when one has a box its check in the run that said it did not
        find hidden (fewer is not news)."""
        who = "lower(handle) = ?" if handle else "handle IS NULL"
        who_args: list[Any] = [handle_key(handle)] if handle else []
        said_of, said_args = who, who_args
        if kind_alone:
            said_of, said_args = f"{who} AND json_extract(payload, '$.kind') = ?", [*who_args, kind]
        # (Every run's id is below this: none is after the one about to start.)
        before = run_id if run_id is not None else 2**63 - 1
        with self._lock:
            last = self._reader.execute(
                f"SELECT id, payload, run_id FROM entries WHERE kind = ? AND {said_of} "
                "AND (run_id IS NULL OR run_id < ?) ORDER BY id DESC LIMIT 1",
                [EntryKind.NOTIFICATION.value, *said_args, before],
            ).fetchone()
            if last is None:
                return None
            said = json.loads(last[1])
            # A notification journaled by an older version kept no reason: taken as the same,
            # so that an upgrade does not say again everything already said.
            stored = said.get("reason", reason)
            if said.get("kind") != kind or (same_reason and stored != reason):
                return None
            # (An older entry named no account: taken as about them all.)
            if "accounts" in said:
                named = {handle_key(h) for h in said.get("accounts") or ()}
                if any(handle_key(h) not in named for h in accounts):
                    return None
            if hidden and last[2] is not None and self._more_hidden(last[2], hidden):
                return None
            checks_of, checks_args = who, who_args
            if not handle:
                keys = [handle_key(h) for h in accounts]
                marks = ", ".join("?" * len(keys))
                checks_of, checks_args = (
                    (f"lower(handle) IN ({marks})", keys) if keys else ("1 = 1", [])
                )
            # Boxes X keeps on unseen are there after a check that ended all off: only one
            # that found none hidden is fine since.
            if kind == _HIDDEN_ON:
                checks_of += " AND coalesce(json_array_length(payload, '$.hidden_on'), 0) = 0"
            fine_since = self._reader.execute(
                f"SELECT 1 FROM entries WHERE kind = ? AND {checks_of} AND id > ? "
                "AND (run_id IS NULL OR run_id < ?) "
                "AND json_extract(payload, '$.status') IN (?, ?) LIMIT 1",
                [
                    EntryKind.CHECK.value,
                    *checks_args,
                    last[0],
                    before,
                    Status.OPTED_OUT.value,
                    Status.FIXED.value,
                ],
            ).fetchone()
        if fine_since is not None:
            return None
        return bool(said.get("delivered"))

    def _more_hidden(self, run_id: int, hidden: Mapping[str, Sequence[str]]) -> bool:
        """Whether an account of `hidden` has a box hidden that its check in run `run_id` (the
        run that said the boxes hidden) did not find hidden: what that notification named is
        what that run found, journaled with each check. An account with no check in that run
        (a journal that does not say) counts as told of every box. (Under the lock.)"""
        keys = {handle_key(handle): set(boxes) for handle, boxes in hidden.items()}
        marks = ", ".join("?" * len(keys))
        found: dict[str, set[str]] = {}
        for handle, payload in self._reader.execute(
            f"SELECT handle, payload FROM entries WHERE kind = ? AND run_id = ?"
            f" AND lower(handle) IN ({marks})",
            [EntryKind.CHECK.value, run_id, *keys],
        ):
            boxes = json.loads(payload).get("hidden_on")
            said = {str(box) for box in boxes} if isinstance(boxes, list) else set()
            found.setdefault(handle_key(handle), set()).update(said)
        return any(key in found and not boxes <= found[key] for key, boxes in keys.items())

    @read_before_the_check
    def missed_notices(self, run_id: int, kind: str, told_kind: str, within: timedelta) -> Missed:
        """The notifications of `kind` of runs before `run_id` that could not be shown, in the
        `within` before that run began, that no notice of `told_kind` shown since covered
        (its payload's `covers`: the ids of the entries it told). A notification of that kind
        says an event (X switched a box back on), that no later run says again: told late, or
        never. Also what the last `told_kind` notice covered if it could not be shown, so that
        failing again to tell the same is not journaled again."""
        notice = EntryKind.NOTIFICATION.value
        with self._lock:
            began = self._reader.execute(
                "SELECT coalesce((SELECT started_at FROM runs WHERE id = ?),"
                " (SELECT max(ts) FROM entries))",
                (run_id,),
            ).fetchone()[0]
            if began is None:  # an empty journal
                return Missed((), None)
            since = iso_utc(datetime.fromisoformat(began) - within)
            rows = self._reader.execute(
                "SELECT id, ts, run_id, handle FROM entries WHERE kind = ? AND run_id < ?"
                " AND ts >= ? AND json_extract(payload, '$.kind') = ?"
                " AND json_extract(payload, '$.delivered') = 0 ORDER BY id",
                (notice, run_id, since, kind),
            ).fetchall()
            told: set[int] = set()
            if rows:
                told = {
                    int(covered)
                    for (covered,) in self._reader.execute(
                        "SELECT c.value FROM entries e, json_each(e.payload, '$.covers') c"
                        " WHERE e.kind = ? AND e.id > ? AND json_extract(e.payload, '$.kind') = ?"
                        " AND json_extract(e.payload, '$.delivered') = 1",
                        (notice, rows[0][0], told_kind),
                    )
                    if isinstance(covered, int)
                }
            found = [
                self._missed(int(id_), ts, int(run), handle)
                for id_, ts, run, handle in rows
                if int(id_) not in told
            ]
            last = self._reader.execute(
                "SELECT payload FROM entries WHERE kind = ?"
                " AND json_extract(payload, '$.kind') = ? ORDER BY id DESC LIMIT 1",
                (notice, told_kind),
            ).fetchone()
        failed = None
        if last is not None and not (said := json.loads(last[0])).get("delivered"):
            failed = tuple(int(i) for i in said.get("covers") or () if isinstance(i, int))
        return Missed(tuple(found), failed)

    def _missed(self, entry_id: int, ts: str, run_id: int, handle: str | None) -> MissedNotice:
        """A missed notification with its run's check of the account (under the lock)."""
        check = None
        if handle:
            check = self._reader.execute(
                "SELECT ts, payload FROM entries WHERE run_id = ? AND kind = ?"
                " AND lower(handle) = ? ORDER BY id DESC LIMIT 1",
                (run_id, EntryKind.CHECK.value, handle_key(handle)),
            ).fetchone()
        if check is None:
            return MissedNotice(entry_id, handle, datetime.fromisoformat(ts), ())
        boxes = json.loads(check[1]).get("reverted_by_x") or ()
        return MissedNotice(
            entry_id,
            handle,
            datetime.fromisoformat(check[0]),
            tuple(str(box) for box in boxes),
        )

    @read_before_the_check
    def out_of_reach(self, handle: str, notice_kind: str) -> OutOfReach | None:
        """The account's latest checks, if they did not reach X (no answer, too slow an answer,
        X asking to slow down; a check that read its page and then timed out did reach it):
        how many in a row, since when, and whether a notification of `notice_kind` naming the
        account was shown since its last check that reached X (one that could not be shown
        was not: it is tried again, as in `said_before`). None when its latest check reached X
        or it has none. Cancelled checks, and those kept from X by this computer, are passed
        over: they say nothing of X."""
        unreached = sorted(r.value for r in X_UNREACHED_REASONS)
        neither = sorted(r.value for r in _NEITHER)
        # Whether a check entry `e` did not reach X: its reason says so and it read no box.
        did_not_reach = (
            f"coalesce(json_extract(e.payload, '$.reason'), '') IN ({', '.join('?' * 3)})"
            " AND coalesce(json_extract(e.payload, '$.settings'), '{}') = '{}'"
        )
        aside = f"coalesce(json_extract(e.payload, '$.reason'), '') IN ({', '.join('?' * 4)})"
        when = "coalesce(r.finished_at, e.ts)"
        key = handle_key(handle)
        with self._lock:
            row = self._reader.execute(
                f"SELECT e.id, {when} FROM entries e LEFT JOIN runs r ON r.id = e.run_id"
                " WHERE lower(e.handle) = ? AND e.kind = ?"
                f" AND NOT ({did_not_reach}) AND NOT ({aside}) ORDER BY e.id DESC LIMIT 1",
                (key, EntryKind.CHECK.value, *unreached, *neither),
            ).fetchone()
            reached_id, reached_at = (int(row[0]), row[1]) if row else (0, None)
            failed, first_id, last_id = self._reader.execute(
                "SELECT count(*), min(e.id), max(e.id) FROM entries e"
                f" WHERE lower(e.handle) = ? AND e.kind = ? AND e.id > ? AND {did_not_reach}",
                (key, EntryKind.CHECK.value, reached_id, *unreached),
            ).fetchone()
            if not failed:
                return None
            first_at, last_at = (
                self._reader.execute(
                    f"SELECT {when} FROM entries e LEFT JOIN runs r ON r.id = e.run_id"
                    " WHERE e.id = ?",
                    (entry_id,),
                ).fetchone()[0]
                for entry_id in (first_id, last_id)
            )
            notices = self._reader.execute(
                "SELECT handle, payload FROM entries WHERE kind = ? AND id > ?"
                " AND json_extract(payload, '$.kind') = ? ORDER BY id DESC",
                (EntryKind.NOTIFICATION.value, reached_id, notice_kind),
            ).fetchall()
        naming = [
            json.loads(payload)
            for who, payload in notices
            if (who and handle_key(who) == key)
            or key in {handle_key(h) for h in json.loads(payload).get("accounts") or ()}
        ]
        shown = sum(1 for said in naming if said.get("delivered"))
        return OutOfReach(
            failed=int(failed),
            first_failed_at=datetime.fromisoformat(first_at),
            last_failed_at=datetime.fromisoformat(last_at),
            reached_at=datetime.fromisoformat(reached_at) if reached_at else None,
            told=shown > 0,
        )

    @read_before_the_check
    def last_completed_run_at(self) -> datetime | None:
        """When the last run that went through finished: it went to its end (not interrupted,
        not cancelled) and no account's check was kept from X by the network, the browser or
        the keyring (RETRY_SOON_REASONS). A run that could not reach X is no reason to wait a
        whole interval before the next one. The last one written, not the one with the latest
        time: a run made while the clock was ahead would stay "the last" after every run since."""
        soon = sorted(reason.value for reason in RETRY_SOON_REASONS)
        with self._lock:
            row = self._reader.execute(
                "SELECT r.finished_at FROM runs r WHERE r.status = ? AND NOT EXISTS ("
                "  SELECT 1 FROM entries e WHERE e.kind = ? AND e.run_id = r.id"
                f"  AND json_extract(e.payload, '$.reason') IN ({', '.join('?' * len(soon))})"
                ") ORDER BY r.id DESC LIMIT 1",
                (RunStatus.FINISHED.value, EntryKind.CHECK.value, *soon),
            ).fetchone()
        return datetime.fromisoformat(row[0]) if row and row[0] else None

    @read_before_the_check
    def last_retried_run_at(self, since: datetime | None = None) -> datetime | None:
        """When the last run that did not go through ended: cancelled by the person, or one of
        its checks kept from X by the network, the browser or the keyring (RETRY_SOON_REASONS),
        so tried again soon. (Not one found interrupted: its end is when that was found.) The
        last one written, as for last_completed_run_at, among those that ended after `since`
        when given: the schedule asks only for a run it may still retry, and looking through
        every run of a year of use read each of its checks (25 M instructions at each start)."""
        soon = sorted(reason.value for reason in RETRY_SOON_REASONS)
        bound = "" if since is None else " AND r.finished_at > ?"
        after = () if since is None else (iso_utc(since),)
        with self._lock:
            row = self._reader.execute(
                f"SELECT r.finished_at FROM runs r WHERE r.finished_at IS NOT NULL{bound} AND"
                " (r.status = ? OR (r.status = ? AND EXISTS ("
                "  SELECT 1 FROM entries e WHERE e.kind = ? AND e.run_id = r.id"
                f"  AND json_extract(e.payload, '$.reason') IN ({', '.join('?' * len(soon))})"
                "))) ORDER BY r.id DESC LIMIT 1",
                (*after, RunStatus.CANCELLED.value, RunStatus.FINISHED.value,
                 EntryKind.CHECK.value, *soon),
            ).fetchone()  # fmt: skip
        return datetime.fromisoformat(row[0]) if row and row[0] else None

    @read_before_the_check
    def every_account_checked_at(self, handles: Sequence[str]) -> datetime | None:
        """When the account checked longest ago among `handles` was last checked through, so
        what the next scheduled check counts from: a check of some accounts, or a dry run that
        left boxes on, must not put off the others' (the last good run did). A check through
        is as `checked_through_at` says. None when one of them never was: its check is due
        now. With no account, the last run that went through."""
        if not handles:
            return self.last_completed_run_at()
        times = self.checked_through_at(handles).values()
        if any(at is None for at in times):
            return None
        return min(at for at in times if at is not None)

    @read_before_the_check
    def checked_through_at(self, handles: Sequence[str]) -> dict[str, datetime | None]:
        """When each of `handles` was last checked through (None: never), keyed as given, in
        one read: what a scheduled run asks to pick the accounts that are due
        (core/schedule.py `due_accounts`). A check through came to its end without being kept
        from X (RETRY_SOON_REASONS) and, in a dry run, found nothing left to untick. Its time
        is its run's end, as the schedule has always counted (the check's own time while its
        run goes on): accounts checked in one run keep one time, and stay together."""
        if not handles:
            return {}
        keys = list(dict.fromkeys(handle_key(h) for h in handles))
        with self._lock:
            # Asked several times over by each refresh of the window and tick of the schedule
            # (the next run, each account's next check): read again only once the file changed.
            unchanged = self._file_unchanged_since()
            kept = self._checked_through
            if kept is not None and kept[0] == unchanged and kept[1] == keys:
                at = kept[2]
            else:
                at = self._read_checked_through(keys)
                if not self._reader.in_transaction:  # (what a rollback may undo is not kept)
                    self._checked_through = (unchanged, keys, at)
        return {handle: at[handle_key(handle)] for handle in handles}

    def _file_unchanged_since(self) -> tuple[sqlite3.Connection, int, int]:
        """Equal from one call to the next while nothing was written to the journal: the
        connection read through, the file's version (moved on by any other connection's
        write, another process's included) and this connection's own changes."""
        reader = self._reader
        (version,) = reader.execute("PRAGMA data_version").fetchone()
        return reader, int(version), reader.total_changes

    def _read_checked_through(self, keys: list[str]) -> dict[str, datetime | None]:
        """checked_through_at's read, by handle key (under the lock)."""
        skipped = sorted(r.value for r in (*RETRY_SOON_REASONS, Reason.CANCELLED))
        marks = ", ".join("?" * len(skipped))
        # One look-up by the handle index per account (its latest such check, newest first),
        # not one pass over all of its checks.
        wanted = ", ".join("(?)" for _ in keys)
        rows = self._reader.execute(
            "SELECT w.column1, ("
            " SELECT coalesce(r.finished_at, e.ts) FROM entries e"
            " LEFT JOIN runs r ON r.id = e.run_id"
            " WHERE lower(e.handle) = w.column1 AND e.kind = ?"
            f" AND coalesce(json_extract(e.payload, '$.reason'), '') NOT IN ({marks})"
            " AND json_extract(e.payload, '$.status') != ?"
            f"{SINCE_LAST_REMOVED} ORDER BY e.id DESC LIMIT 1"
            f") FROM (VALUES {wanted}) w",
            (EntryKind.CHECK.value, *skipped, Status.WOULD_FIX.value, *keys),
        ).fetchall()
        return {key: datetime.fromisoformat(when) if when else None for key, when in rows}

    @read_before_the_check
    def stopped_signin_at(self, handle: str, reason: Reason) -> datetime | None:
        """Since when the sign-in rules remember `reason` for `handle` (a check that tries no
        sign-in because of it says so): the last sign-in X stopped for it (a rejected password,
        a step only the person can take); for X's lock, which a check also meets with its
        saved session (no sign-in then), the first of the checks and sign-ins in a row that
        met it. None: the journal does not have it (begun afresh since, say)."""
        if reason is not Reason.LOCKED:
            with self._lock:
                row = self._reader.execute(
                    "SELECT ts FROM entries WHERE lower(handle) = ? AND kind = ? "
                    "AND json_extract(payload, '$.reason') = ? ORDER BY id DESC LIMIT 1",
                    (handle_key(handle), EntryKind.SIGNIN.value, Reason(reason).value),
                ).fetchone()
            return datetime.fromisoformat(row[0]) if row else None
        since: datetime | None = None
        kinds = [EntryKind.CHECK, EntryKind.SIGNIN]
        for entry in self.entries(handle=handle, kinds=kinds, limit=500, newest_first=True):
            said = entry.payload.get("reason")
            if said == Reason.CANCELLED.value:
                continue  # found nothing out
            if said != reason.value:
                break
            since = entry.at
        return since

    @read_before_the_check
    def rate_limited_at(self, handle: str) -> datetime | None:
        """When X itself last said "too many requests" for `handle` (a check or a sign-in it
        answered so), if that is the last thing X said of it: a check skipped during the
        back-off (its `backoff`) or cancelled found nothing out, and is passed over. None: the
        journal does not have it (begun afresh since, say)."""
        with self._lock:
            row = self._reader.execute(
                "SELECT ts, json_extract(payload, '$.reason') FROM entries "
                "WHERE lower(handle) = ? AND kind IN (?, ?) "
                "AND json_type(payload, '$.backoff') IS NULL "
                "AND coalesce(json_extract(payload, '$.reason'), '') != ? "
                "ORDER BY id DESC LIMIT 1",
                (
                    handle_key(handle),
                    EntryKind.CHECK.value,
                    EntryKind.SIGNIN.value,
                    Reason.CANCELLED.value,
                ),
            ).fetchone()
        if row is None or row[1] != Reason.RATE_LIMITED.value:
            return None
        return datetime.fromisoformat(row[0])

    @read_before_the_check
    def last_read_off_by_us(self, handle: str, box: Box) -> bool:
        """True when the latest reading of this box by one of our checks had it off: unticked
        and read back off (a `change` confirmed), or found off and left so while the account
        kept it off. If the box is ticked again now, it was switched back on at X since. A
        reading not sure to be X's (the page changed, a box X keeps on without drawing it), one
        read on, an untick not read back, and an account with no reading yet (its first check,
        or since it was removed and added again) say no.

        A box found off while the account did not keep it off (not in the check's `keep`) says
        no too: the person may have ticked it at X themselves, then asked for it to be kept
        off; "switched back on by X" would be false. One that check unticked was kept off, or
        it would not have been unticked. A check written before entries said `keep` is taken
        as keeping the box off, as it was then: an upgrade must not silence a real "X switched
        it back on" at its first check (Training, always kept off, is what X switches back
        on), and the false one needs the person to have changed the boxes kept off since."""
        key, name = handle_key(handle), Box(box).value
        # Two look-ups of the newest entry of one kind, each served by entries_by_handle_key
        # backwards from the end: the check that holds a reading (nearly always the last), the
        # change of this box. Never every entry of the account.
        newest = " ORDER BY e.id DESC LIMIT 1"
        with self._lock:
            change = self._reader.execute(
                "SELECT e.id, e.payload FROM entries e WHERE lower(e.handle) = ? AND e.kind = ?"
                f" AND json_extract(e.payload, '$.box') = ?{SINCE_LAST_REMOVED}{newest}",
                (key, EntryKind.CHANGE.value, name),
            ).fetchone()
            check = self._reader.execute(
                "SELECT e.id, e.payload FROM entries e WHERE lower(e.handle) = ? AND e.kind = ?"
                " AND json_type(e.payload, '$.settings.' || ?) = 'object'"
                f"{SINCE_LAST_REMOVED}{newest}",
                (key, EntryKind.CHECK.value, name),
            ).fetchone()
        unticked = change is not None and _unticked_and_read_back(json.loads(change[1]))
        if check is None or (change is not None and change[0] > check[0]):
            return unticked  # (a check cut short after its untick: its change says it)
        payload = json.loads(check[1])
        reading = payload["settings"][name]
        if reading.get("after") is not False:
            return False  # read on, or not read back
        if reading.get("before") is True:
            return unticked  # unticked by that check: its change says whether it was read back
        kept = payload.get("keep")
        if isinstance(kept, list) and name not in kept:
            return False  # found off and left so, not kept off: who ticked it since is unknown
        return payload.get("reason") != Reason.PAGE_CHANGED.value and name not in (
            payload.get("hidden_on") or ()
        )

    @read_before_the_check
    def head(self) -> tuple[int, str]:
        """How many entries the chain holds, and the last one's hash."""
        with self._lock:
            count, last_hash = self._reader.execute(
                "SELECT count, last_hash FROM chain_head"
            ).fetchone()
        return int(count), str(last_hash)

    @read_before_the_check
    def count(self) -> int:
        with self._lock:
            return int(self._reader.execute("SELECT count(*) FROM entries").fetchone()[0])


def _unticked_and_read_back(change: Mapping[str, Any]) -> bool:
    """A `change` entry that unticked its box and read it back off."""
    return change.get("after") is False and change.get("confirmed") is True
