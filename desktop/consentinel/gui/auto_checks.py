"""The in-app schedule: core.schedule.Scheduler ticked by a slow QTimer.

No wake is heard as such: the timer does not count the sleep, so its first tick comes within
TICK_MS of the wake and catches up on what came due meanwhile (the scheduler compares wall-clock
times). A check that starts then, before the Wi-Fi is back, cannot reach X: X is then asked
every 20 seconds whether it answers again (gui/x_watch.py), and the check is retried as soon as
it does, not half an hour later. A check that comes due while the person's own check or
sign-in runs in the window starts as that ends, of the accounts still due; one that another
process (the OS job, `consentinel check`) kept from starting, as its run lock is free again."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from consentinel.core.accounts import handle_key
from consentinel.core.answer_deadline import Deadline
from consentinel.core.context import AppContext
from consentinel.core.lock import RunLock
from consentinel.core.records import replace
from consentinel.core.schedule import (
    Clock,
    Scheduler,
    SystemClock,
    TickOutcome,
    account_due,
    due_accounts,
    interval_for,
    monotonic_for,
    parse_schedule,
)

if TYPE_CHECKING:
    from consentinel.gui.crontab_minute import CrontabMinute
    from consentinel.gui.x_watch import XWatch

log = logging.getLogger(__name__)

#: Slow on purpose: the wall clock decides, so after a sleep the first tick catches up (once).
#: (QTimer counts by the monotonic clock, which stands still during sleep: the first tick
#: comes within this of the wake.)
TICK_MS = 60_000
#: While the crontab line's minute is wanted, the line is read again every this many ticks
#: (`read_os_job_again`): found or not, as the person may add it or remove it by hand
#: (`crontab -e`); it runs `crontab -l`, not worth every minute.
LINE_LOOK_EVERY_TICKS = 10
#: The window's coming back (a dialog closed, alt-tab) reads the crontab line again at most
#: this often (seconds): each read is a `crontab -l`, another program.
LINE_LOOK_WHEN_BACK_EVERY_S = 60.0
#: How long the schedule leaves alone an account the person just added in the window.
NEW_ACCOUNT_HOLD = timedelta(minutes=30)
#: The settings another process may save while the window is open, which its schedule follows
#: (`consentinel schedule pause`, `resume`, `install --every`, `remove`).
_SAVED_ELSEWHERE = ("schedule_paused", "schedule", "run_when_closed")


class AutoChecks(QObject):
    """Starts scheduled checks through `start_run(handles)`, of the accounts that are due
    (core/schedule.py `due_accounts`); tell it `run_finished()` when they end, and those the
    person started too, and `sign_in_finished()` when a sign-in of theirs ends. `busy()` says
    whether a check or sign-in of the window's is going (a start would be refused: a run due
    meanwhile starts at its end).
    `clock` and `monotonic` (the system's) are the tests' to pass (core/schedule.py
    `monotonic_for`)."""

    schedule_changed = Signal()
    #: The pause could not be saved (a full disk…): why, in words; nothing changed.
    pause_failed = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        start_run: Callable[[list[str]], bool],
        clock: Clock | None = None,
        parent: QObject | None = None,
        *,
        monotonic: Callable[[], float] | None = None,
        busy: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._start_run = start_run
        self._busy = busy or (lambda: False)
        self._clock = clock or SystemClock()
        self._monotonic = monotonic or monotonic_for(self._clock)
        #: Accounts just added in the window, left alone until then (`hold_new`): by both
        #: clocks, so that a clock set back does not hold them longer.
        self._held: dict[str, Deadline] = {}
        self.scheduler = Scheduler(
            clock=self._clock,
            schedule=ctx.settings.schedule,
            start_run=self._start_due_run,
            last_completed=self._every_account_checked_at,
            last_retried=ctx.journal.last_retried_run_at,
            check_on_start=ctx.settings.check_on_start,
            monotonic=self._monotonic,
        )
        if ctx.settings.schedule_paused:  # paused in an earlier session: still paused
            self.scheduler.pause()
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        #: Asks X whether it answers again, after a scheduled check that could not reach it
        #: (made at its first use, `_x_watch`: not the window's first frame's work).
        self._made_x_watch: XWatch | None = None
        #: The run going is the retry started once X answered again (`_x_answers_again`).
        self._retry_on_x_back = False
        #: X answered again while a check of the person's was going: the retry waits for how
        #: that check ends (`run_finished`), not half an hour.
        self._x_back_in_run = False
        #: Without systemd, the minute at which cron runs the crontab line: its checks are
        #: said at it (`read_os_job`; made at the first read, after the window's first frame).
        self._made_crontab_minute: CrontabMinute | None = None
        #: Whether the line is read at all (`read_os_job` called: not in the demo), and the
        #: ticks until it is read again (`read_os_job_again`).
        self._reads_os_job = False
        self._ticks_to_line_look = LINE_LOOK_EVERY_TICKS
        #: When the line was last read (`_monotonic`), for `read_os_job_when_back`.
        self._line_read_at: float | None = None
        #: A run came due while the person's check or sign-in was going: it starts at that
        #: one's end (`run_finished`, `sign_in_finished`), not half an hour later.
        self._due_in_run = False
        #: A start refused as another process held the run lock (the OS job's check, one
        #: typed in a terminal): tried again at the first tick that finds the lock free
        #: (`_start_once_lock_free`), not half an hour later. The lock is only looked at.
        self._waiting_for_lock = False
        self._run_lock = RunLock(ctx.paths.lock_path)
        #: Stopped (the app quits): nothing starts any more.
        self._stopped = False

    @property
    def _x_watch(self) -> XWatch:
        if self._made_x_watch is None:
            from consentinel.gui import x_watch

            # (x_answers looked up at each question: a test records them.)
            self._made_x_watch = x_watch.XWatch(lambda: x_watch.x_answers(self._ctx), self)
            self._made_x_watch.x_back.connect(self._x_answers_again)
        return self._made_x_watch

    @property
    def _crontab_minute(self) -> CrontabMinute:
        if self._made_crontab_minute is None:
            from consentinel.gui.crontab_minute import CrontabMinute

            self._made_crontab_minute = CrontabMinute(self)
            self._made_crontab_minute.changed.connect(self.schedule_changed)
        return self._made_crontab_minute

    @property
    def _cron_minute(self) -> int | None:
        """The crontab line's minute (None: not read yet, or no line)."""
        made = self._made_crontab_minute
        return made.minute if made is not None else None

    def _stop_watching_x(self) -> None:
        if self._made_x_watch is not None:
            self._made_x_watch.stop()

    def hold_new(self, handle: str) -> None:
        """An account the person just added in the window: its first check is theirs to start
        ("Check selected"), with them there to answer what X asks (a 2FA code, a puzzle),
        which a scheduled check cannot. The schedule leaves it alone for NEW_ACCOUNT_HOLD,
        then checks it if they did not; the other accounts keep their own times."""
        deadline = Deadline.after(NEW_ACCOUNT_HOLD, self._clock.now(), self._monotonic())
        self._held[handle_key(handle)] = deadline

    def _held_until(self) -> dict[str, datetime]:
        """The accounts held now, by handle key, and until when (those whose hold ended are
        let go)."""
        now = self._clock.now()
        monotonic_now = self._monotonic()
        until = {key: held.at(now, monotonic_now) for key, held in self._held.items()}
        self._held = {key: self._held[key] for key, at in until.items() if at > now}
        return {key: at for key, at in until.items() if at > now}

    def _accounts(self) -> list[str]:
        """The listed accounts the schedule looks after now: not those it holds."""
        held = self._held_until()
        return [
            account.handle
            for account in self._ctx.accounts.list()
            if handle_key(account.handle) not in held
        ]

    def _every_account_checked_at(self) -> datetime | None:
        """What the schedule counts from (Journal.every_account_checked_at); an account it
        holds counts as checked an interval before its hold ends: due then, not now."""
        looked_after = self._accounts()
        held = self._held_until()
        interval = interval_for(self._ctx.settings.schedule) if held else None
        if interval is None:
            return self._ctx.journal.every_account_checked_at(looked_after)
        held_from = min(held.values()) - interval
        if not looked_after:
            return held_from
        at = self._ctx.journal.every_account_checked_at(looked_after)
        return None if at is None else min(at, held_from)

    def _start_due_run(self) -> bool | None:
        """A run of the accounts due now, not of them all: one whose check keeps failing is
        retried alone, and one checked lately waits for its own time (`due_accounts`). None:
        no account is due (none listed yet; checked meanwhile by the OS job: its due time has
        moved on), which is no failure to try again later."""
        checked = self._ctx.journal.checked_through_at(self._accounts())
        now = self.scheduler.clock.now()
        due = due_accounts(checked, self.scheduler.schedule.value, now)
        if not due:
            return None
        if self._busy():
            # The person's check or sign-in is going: a start now would be refused, and the
            # run put off half an hour, though that check may leave some of these accounts
            # unchecked. Its end starts those still due then; nothing failed meanwhile.
            self._due_in_run = True
            return None
        started = self._start_run(due)
        if started is False:
            self._waiting_for_lock = self._lock_held_elsewhere() is True
        return started

    def _lock_held_elsewhere(self) -> bool | None:
        """Whether another process holds the run lock (the window's own runner does not when
        this is asked: nothing of the window's is going); None: the lock file could not be
        read (the half hour's retry stands then)."""
        try:
            return self._run_lock.holder() is not None
        except OSError as error:
            log.warning("the run lock could not be looked at: %s", error)
            return None

    def checked_by_hand(self, checked: list[str]) -> None:
        """A check the person started came to the end of `checked` (cancelled ones left
        out): an account just added and checked so is no longer held, its first check was
        theirs, and its next counts from it, as any other's, not from the end of its hold."""
        for handle in checked:
            self._held.pop(handle_key(handle), None)
        self.schedule_changed.emit()

    def start(self) -> None:
        self._stopped = False
        self._timer.start()
        # The first tick soon after start, once the window is up.
        QTimer.singleShot(2000, self._first_tick)

    def _first_tick(self) -> None:
        """Not once stopped: the app has quit and closed its journal (an app run in a test's
        process, quit within two seconds, ticked in the next test)."""
        if self._timer.isActive():
            self.tick()

    def stop(self) -> None:
        # (A check's end heard after this, as the app quits, starts nothing.)
        self._stopped = True
        self._timer.stop()
        self._stop_watching_x()

    @property
    def watching_x(self) -> bool:
        """Whether X is asked whether it answers again (a retry waits for it)."""
        return self._made_x_watch is not None and self._made_x_watch.watching

    def tick(self) -> TickOutcome:
        # `consentinel schedule pause`, `resume` or `install --every` typed while the window is
        # open: its schedule follows at its next tick, as the OS job does at its next run.
        # (`schedule remove` or `install` without --every change only run_when_closed: the
        # scheduler is as it was, but what the window and an open Settings dialog say is not)
        if self._follow_saved_settings():
            self.read_os_job()
            self.schedule_changed.emit()
        self._end_runs_of_gone_processes()
        self._ticks_to_line_look -= 1
        if self._ticks_to_line_look <= 0:
            self._ticks_to_line_look = LINE_LOOK_EVERY_TICKS
            self.read_os_job_again()
        outcome = self._start_once_lock_free()
        if outcome is None:
            outcome = self.scheduler.tick()
        if outcome is not TickOutcome.NOT_DUE:
            # The retry started at its time (or at the end of the person's check going, which
            # starts it), or none waits any more (paused, off): the watch for X lasts no longer
            # than the wait it could cut short.
            self._stop_watching_x()
            self._x_back_in_run = False
        return outcome

    def _start_once_lock_free(self) -> TickOutcome | None:
        """The run another process's lock kept from starting, started at the first tick that
        finds the lock free (that run ended), of the accounts still due (those it checked are
        not): not half an hour after the refusal. None: nothing waits for the lock, or it is
        held still, or the window's own check is going (the tick's own rule then)."""
        if not self._waiting_for_lock or self._busy() or self._lock_held_elsewhere() is not False:
            return None
        self._waiting_for_lock = False
        outcome = self.scheduler.retry_now()
        return None if outcome is TickOutcome.NOT_DUE else outcome

    def _end_runs_of_gone_processes(self) -> None:
        """A check of another process (the OS job, the command line) killed while the window
        is open is marked interrupted, as the window's start marks one: its journal says the
        run ended, and an untick it cut short, instead of leaving it going until a restart.
        Never waits: a journal closed, busy or not checked yet is left to the next tick."""
        from consentinel.core.journal import JournalError

        try:
            ended = self._ctx.journal.end_runs_of_gone_processes()
        except (JournalError, sqlite3.Error, OSError) as error:  # (the next tick tries again)
            log.warning("runs of gone processes not marked: %s", error)
            return
        if ended:
            log.info("runs %s marked interrupted: their process is gone", ended)

    def _follow_saved_settings(self) -> bool:
        """The settings another process saved meanwhile taken (`consentinel schedule pause`,
        `resume`, `install --every`), and the scheduler set as they say: whether either
        changed anything. Before each tick's run and each start the window makes itself."""
        taken = self._ctx.follow_saved(_SAVED_ELSEWHERE)
        return self._follow_settings() or bool(taken)

    def _follow_settings(self) -> bool:
        """The scheduler set as the settings say (how often, paused or not); whether it
        changed. Compared, not told: the settings may change without the scheduler hearing of
        it, as when the window's own save takes a pause saved meanwhile from the command line
        (AppContext.save_settings keeps what the file holds)."""
        settings = self._ctx.settings
        changed = False
        if self.scheduler.schedule is not parse_schedule(settings.schedule):
            self.scheduler.set_schedule(settings.schedule)
            changed = True
        if self.scheduler.paused != settings.schedule_paused:
            # (Saved and journaled by whoever chose it: `schedule pause` or `resume`.)
            if settings.schedule_paused:
                self.scheduler.pause()
            else:
                self.scheduler.resume()
            log.info(
                "automatic checks %s, as saved by another process",
                "paused" if settings.schedule_paused else "resumed",
            )
            changed = True
        return changed

    def settings_changed(self) -> None:
        self._follow_settings()
        self.read_os_job()  # (the box ticked may have found the crontab line: its minute)
        self.schedule_changed.emit()

    def read_os_job(self) -> None:
        """Read, in a thread, the minute at which cron runs the crontab line that is the OS job
        where there is no systemd (gui/crontab_minute.py): its checks are said at that minute,
        not at the schedule's times, at which cron does not run it. Once the window's first
        frame is painted, and again when the settings change (and now and then,
        `read_os_job_again`); nothing while the settings ask for no checks while closed
        (their times are not said)."""
        self._reads_os_job = True
        if self._ctx.settings.run_when_closed:
            self._read_line()

    def read_os_job_again(self) -> None:
        """Read the crontab line's minute again while checks are kept while closed, whether a
        line was found or not: the person may add it with `crontab -e` after the Save's read
        (told the line to add), or remove it so (a line found and counted on would have the
        window announce runs cron never makes, until a restart). Called when they come back to
        the window (from the terminal, or the tray) and every LINE_LOOK_EVERY_TICKS ticks: one
        `crontab -l`, in the reading thread (a read going on takes it as its follow-up)."""
        if self._reads_os_job and self._ctx.settings.run_when_closed:
            self._read_line()

    def read_os_job_when_back(self) -> None:
        """`read_os_job_again` as the person comes back to the window, unless the line was
        read less than LINE_LOOK_WHEN_BACK_EVERY_S ago: the window comes back at each dialog
        closed and each alt-tab, and the person typing `crontab -e` in a terminal takes longer
        than that (the ticks read it anyway every LINE_LOOK_EVERY_TICKS minutes)."""
        read_at = self._line_read_at
        if read_at is not None and self._monotonic() - read_at < LINE_LOOK_WHEN_BACK_EVERY_S:
            return
        self.read_os_job_again()

    def _read_line(self) -> None:
        self._line_read_at = self._monotonic()
        self._crontab_minute.read()

    def run_finished(
        self, completed: bool, *, x_not_reached: bool = False, cancelled: bool = False
    ) -> None:
        """A check ended (started by the schedule or not); `completed` as Scheduler.run_finished
        says; `x_not_reached` when what it could not do was only for want of X's answer (the
        network down or too slow to come up, as at a wake before the Wi-Fi is back): a
        scheduled one is then retried as soon as X answers again, not half an hour later. Once
        a failure: the retry that X's answer started, failing in turn, waits for its time (the
        browser and X's quick question may disagree: no retry after retry).

        A check the person starts meanwhile leaves that wait as it was: X's answer during it
        waits for its end (`_x_answers_again`). It could not reach X either: the watch goes on,
        and the retry starts once X answers. It went through: the retry starts then, of the
        accounts still due (those the person did not check; none, nothing starts). It failed
        otherwise (cancelled, X's own error): the retry keeps its time."""
        scheduled = self.scheduler.running
        if scheduled:
            self.scheduler.run_finished(completed)
        elif self._due_in_run:
            # A run came due during the person's check: started now, of the accounts it did
            # not check. Once this end is handled everywhere (the window's own slots,
            # `checked_by_hand`), not within it. Unless they cancelled it (`cancelled`): a
            # check starting as the one they stopped ends would undo their Cancel; it waits
            # the half hour a refused start waits.
            self._due_in_run = False
            if cancelled:
                self.scheduler.put_off()
            else:
                QTimer.singleShot(0, self._start_put_off)
        retried_on_x_back, self._retry_on_x_back = self._retry_on_x_back, False
        x_back_in_run, self._x_back_in_run = self._x_back_in_run, False
        if scheduled and x_not_reached and not completed and not retried_on_x_back:
            self._x_watch.watch()
        elif x_back_in_run and x_not_reached and not scheduled:
            # X said "no" before this check and "yes" during it: asked again now, a "yes" is
            # the network back, as if the watch had never paused.
            self._x_watch.watch(unanswered_before=True)
        elif x_back_in_run and completed and not scheduled:
            # The person may have checked only some of the accounts the retry is for: the
            # others are due still. Once this end is handled everywhere (the window's own
            # slots, `checked_by_hand`), not within it.
            QTimer.singleShot(0, self._x_answers_again)
        self.schedule_changed.emit()

    def sign_in_finished(self) -> None:
        """A sign-in of the person's ended ("Sign in yourself…"): X's answer heard during it
        waited for its end (`_x_answers_again`), the start of the retry refused while it
        lasted. X is asked again now (it said "no" before): its "yes" starts the retry. The
        sign-in checked no account, whichever way it ended: the retry's are all due still."""
        x_back_in_run, self._x_back_in_run = self._x_back_in_run, False
        if x_back_in_run:
            self._x_watch.watch(unanswered_before=True)
        due_in_run, self._due_in_run = self._due_in_run, False
        if due_in_run:  # (a run came due during the sign-in: its accounts are due still)
            QTimer.singleShot(0, self._start_put_off)

    def _start_put_off(self) -> None:
        """The run that came due during the person's check or sign-in, now that it ended: of
        the accounts due still (none: nothing), unless paused or set off meanwhile."""
        if self._stopped:
            return
        self._follow_saved_settings()
        try:
            self.scheduler.start_now()
        finally:
            self.schedule_changed.emit()

    def _x_answers_again(self) -> None:
        if self._stopped:  # (from a check's end heard as the app quits: no new check then)
            return
        if self._busy():
            # The person's check or sign-in is going: a start now would be refused, and the
            # retry put off half an hour. How it ends decides (`run_finished`,
            # `sign_in_finished`).
            self._x_back_in_run = True
            return
        # A pause or schedule saved meanwhile by another process (`consentinel schedule
        # pause` while the window waited) holds the retry, as it holds a tick's run.
        self._follow_saved_settings()
        outcome: TickOutcome | None = None
        # (Set before the start: a run that fails to start ends within it. Reset whatever
        # the start did, an exception included: else the next failure would get no watch.)
        self._retry_on_x_back = True
        try:
            outcome = self.scheduler.retry_now()  # (nothing when paused or off)
        finally:
            if outcome is not TickOutcome.STARTED:
                self._retry_on_x_back = False
            self.schedule_changed.emit()

    def next_run_at(self) -> datetime | None:
        """The app's next automatic check, or the OS job's when that comes first (it runs at
        fixed times, whether the app is open or not: the schedule's, or without systemd the
        crontab line's first hourly run after one, `read_os_job`; None: off or paused)."""
        return self._next_run(self._line_served())

    def _next_run(self, served: datetime | None) -> datetime | None:
        """next_run_at(), the crontab line's last run having served a time at `served`."""
        in_app = self.scheduler.next_run_at()
        if in_app is None or not self._ctx.settings.run_when_closed:
            return in_app
        from consentinel.core.schedule_slots import next_os_run

        # From the same last run as the app's own schedule (its run may not be journaled yet).
        last = self.scheduler.last_good_run()
        by_os = next_os_run(
            last,
            self._ctx.settings.schedule,
            self.scheduler.clock.now(),
            self._cron_minute,
            served,
        )
        return in_app if by_os is None else min(in_app, by_os)

    def _line_served(self) -> datetime | None:
        """When the crontab line's run last served a time of the schedule (core/catch_up.py):
        the time just passed, not served yet, is its next run's (12:37 for noon, at 12:10).
        Read only when the line is known: a small file in the data folder, which the line's
        runs write (another process): read again for each answer, once."""
        if self._cron_minute is None:
            return None
        from consentinel.core.catch_up import read_served, stamp_path

        return read_served(stamp_path(self._ctx.paths))

    def next_checks(self, handles: Sequence[str]) -> dict[str, datetime | None]:
        """When each account is checked next by the schedule, by handle key (None: off or
        paused): the next run (`next_run_at`) for those it will check, else each one's own
        time (core/schedule.py `account_due`), or the OS job's for it when that comes first.
        A run that failed for some accounts is retried soon for them only."""
        return self.next_times(handles)[1]

    def next_times(
        self, handles: Sequence[str]
    ) -> tuple[datetime | None, dict[str, datetime | None]]:
        """next_run_at() and next_checks(handles) at once, as the window's every refresh asks
        both: the crontab line's stamp read once for both, not once each (and again within)."""
        served = self._line_served()
        next_run = self._next_run(served)
        if next_run is None or not handles:
            return next_run, {handle_key(handle): None for handle in handles}
        schedule = self._ctx.settings.schedule
        now = self.scheduler.clock.now()
        by_os_job = self._ctx.settings.run_when_closed
        if by_os_job:
            from consentinel.core.schedule_slots import next_os_run
        checked = self._ctx.journal.checked_through_at(list(handles))
        held_until = self._held_until()
        due: dict[str, datetime | None] = {}
        for handle, at in checked.items():
            key = handle_key(handle)
            when = account_due(at, next_run, schedule, now)
            if by_os_job:
                os_run = next_os_run(at, schedule, now, self._cron_minute, served)
                when = when if os_run is None else min(when, os_run)
            held = held_until.get(key)
            due[key] = when if held is None else max(when, held)
        return next_run, due

    @property
    def paused(self) -> bool:
        return self.scheduler.paused

    def toggle_pause(self) -> None:
        """Pause or resume every automatic check: the app's, and the OS job's while it is
        closed (`check --unattended` reads the saved setting). Kept across restarts."""
        paused = not self.scheduler.paused
        before = self._ctx.settings
        self._ctx.settings = replace(before, schedule_paused=paused)
        try:
            self._ctx.save_settings()
        except OSError as error:
            self._ctx.settings = before
            self.pause_failed.emit(str(error))
            return
        if paused:
            self.scheduler.pause()
        else:
            self.scheduler.resume()
        self.schedule_changed.emit()
        try:
            self._ctx.journal.record_settings_changed({"schedule_paused": paused})
        except Exception:  # the journal says why at its next write; the pause itself holds
            log.exception("the pause was not journaled")
