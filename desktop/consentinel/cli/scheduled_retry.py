"""A scheduled check's second and third tries: the accounts the OS job's run could not take to X
(a laptop waking before its Wi-Fi) are checked again in the same run, a little later, the run
lock free meanwhile.

The app's own scheduler tries such a run again half an hour later (core/schedule.py
DEFAULT_RETRY_DELAY), but it runs only while the app is open. With the app closed, the OS job
(systemd, cron, launchd, the Task Scheduler) fires once a slot, a day or a week away, and no
job system but systemd can start a job again on its exit code: the command does it itself.

The tries' times (each wait, and RETRY_WITHIN_S for them all) are counted by both clocks, the
monotonic one and the wall one (core/answer_deadline.AnswerDeadline), and are up when either
says so. Intended, on every OS alike: the computer's sleep counts. The monotonic clock alone
stands still through a sleep on Linux and macOS but goes on through it on Windows, so the same
laptop shut during a wait ended its tries at wake on Windows, and waited on (minutes, or the
whole time for tries) after it on Linux and macOS. A wall clock set back cannot lengthen them
(the monotonic clock still counts); one set forward may shorten them, as it does a question's.
"""

from __future__ import annotations

import logging
import math
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from consentinel.core.answer_deadline import AnswerDeadline
from consentinel.core.i18n import tr
from consentinel.core.listing import in_words
from consentinel.core.status import RETRY_SOON_REASONS, Reason

if TYPE_CHECKING:
    from consentinel.core.accounts import AccountStore
    from consentinel.core.context import AppContext
    from consentinel.core.events import RunResult
    from consentinel.core.journal import Journal
    from consentinel.core.lock import RunLock

log = logging.getLogger(__name__)

#: What a later try may mend: the network (no answer, too slow an answer), a browser that
#: crashed, a keyring not unlocked yet at start-up. Not a browser that is not installed (the
#: person must install one), nor X asking to slow down (RATE_LIMITED: a retry soon is what it
#: asks not to do), nor what waits for the person.
RETRIED_REASONS = RETRY_SOON_REASONS - {Reason.BROWSER_MISSING}
#: The waits before each later try: 5 minutes, then 10 more (tries at 5 and 15 minutes). Short
#: of the app's 30 minutes, as the job has a time limit (an hour under systemd, after up to 20
#: minutes waiting for another check: cli/check_cmd.py LOCK_WAIT_S); a laptop's Wi-Fi is up
#: within a minute or two of waking, a hotel's within a quarter of an hour, or not soon.
RETRY_WAITS_S: tuple[float, ...] = (5 * 60.0, 10 * 60.0)
#: What all the later tries may take, waits for another check's end included: with the 20
#: minutes of LOCK_WAIT_S and the checks themselves, the job ends within its hour.
RETRY_WITHIN_S = 25 * 60.0
#: While X cannot be reached, it is asked this often whether it answers again: the network back,
#: the wait ends at once (a laptop's Wi-Fi up within seconds of waking).
PROBE_EVERY_S = 20.0
#: Used by the tests alone: "WAIT,WAIT/PROBE" in seconds (the waits, then the probe's period).
TEST_WAITS_ENV = "CONSENTINEL_TEST_RETRY_WAITS"


@dataclass(frozen=True)
class RetryPlan:
    """How a scheduled run tries again: the wait before each later try, and how often X is
    asked meanwhile whether it answers."""

    waits_s: tuple[float, ...] = RETRY_WAITS_S
    probe_every_s: float = PROBE_EVERY_S
    within_s: float = RETRY_WITHIN_S

    @classmethod
    def from_env(cls) -> RetryPlan:
        """The product's plan, or the tests' shorter one (TEST_WAITS_ENV). What that variable
        may change is bounded, should anyone else set it: no more tries than the product's,
        none waited longer than the product's, X asked no more often than every 50 ms; a value
        that does not read as that is ignored (the product's plan, said in the log)."""
        given = os.environ.get(TEST_WAITS_ENV, "").strip()
        if not given:
            return cls()
        waits, _, probe = given.partition("/")
        try:
            read = [float(wait) for wait in waits.split(",") if wait.strip()]
            every = float(probe) if probe.strip() else PROBE_EVERY_S
        except ValueError:
            log.warning("%s ignored: not read as WAIT,WAIT/PROBE in seconds", TEST_WAITS_ENV)
            return cls()
        if not all(math.isfinite(value) for value in [*read, every]):
            log.warning("%s ignored: not read as WAIT,WAIT/PROBE in seconds", TEST_WAITS_ENV)
            return cls()
        bounded = tuple(
            min(max(wait, 0.0), most) for wait, most in zip(read, RETRY_WAITS_S, strict=False)
        )
        return cls(waits_s=bounded, probe_every_s=min(max(every, 0.05), PROBE_EVERY_S))


def to_retry(result: RunResult) -> list[str]:
    """The accounts of `result` a later try may check through (RETRIED_REASONS)."""
    return [a.handle for a in result.accounts if not a.removed and a.reason in RETRIED_REASONS]


def only(result: RunResult, handles: Sequence[str], *, keep: bool) -> RunResult:
    """`result` with only the accounts in `handles` (`keep`), or only the others."""
    from consentinel.core.events import RunResult

    wanted = set(handles)
    chosen = tuple(a for a in result.accounts if (a.handle in wanted) is keep)
    return RunResult(result.run_id, chosen, result.cancelled)


def say_retry(handles: Sequence[str], wait_s: float, attempt: int, attempts: int) -> None:
    """The job's log says which accounts are tried again, and when at the latest."""
    print(
        tr(
            "X could not be reached for {handles}: this scheduled check tries again in "
            "{minutes} minutes, or as soon as X answers (try {attempt} of {attempts}). Other "
            "checks may run meanwhile.",
            handles=in_words([f"@{handle}" for handle in handles]),
            minutes=f"{wait_s / 60:.0f}" if wait_s >= 60 else f"{wait_s / 60:.2g}",
            attempt=attempt,
            attempts=attempts,
        ),
        file=sys.stderr,
        flush=True,
    )


def wait_for_x(ctx: AppContext, wait_s: float, probe_every_s: float, *, watch: bool) -> None:
    """Waits `wait_s`, or less: `watch` (X did not answer as the wait began: the network was
    down), the wait ends once X answers again (the network back). X answering from the start
    (a check that timed out, a browser that crashed), the whole wait is waited: the next try
    must not follow at once. A wait the computer slept through ends on wake (module docstring):
    within a probe's period of it. X is asked as doctor asks it (core/doctor.x_answers), with
    the run lock free."""
    from consentinel.core.doctor import x_answers

    deadline = AnswerDeadline(wait_s)
    while (left := deadline.left()) > 0:
        time.sleep(min(probe_every_s, left))
        if watch and deadline.left() > 0 and x_answers(ctx):
            return


def still_to_retry(
    accounts: AccountStore, journal: Journal, handles: Sequence[str], since: datetime
) -> list[str]:
    """Of `handles`, those still in the list and not checked through by another check since
    `since` (the window's, a person's `check`, while this one waited): those are not checked
    again so soon."""
    listed = [handle for handle in handles if accounts.get(handle) is not None]
    checked = journal.checked_through_at(listed)
    return [handle for handle in listed if (at := checked[handle]) is None or at < since]


def take_the_lock_again(lock: RunLock, budget: AnswerDeadline) -> bool:
    """The run lock, for the next try: another check holding it is waited for while the
    tries' `budget` lasts; False (and said) when it still runs then."""
    if lock.acquire(wait=False):
        return True
    holder = lock.holder()
    who = f" (pid {holder.pid})" if holder is not None and holder.pid is not None else ""
    print(
        tr("Another check is running{who}: the next try waits for it to end.", who=who),
        file=sys.stderr,
        flush=True,
    )
    # (What is left of it, counted from now by both clocks too: a sleep during the wait
    # ends it on wake, as it ends the budget.)
    if lock.acquire(wait=True, timeout=max(0.0, budget.left())):
        return True
    print(
        tr("Another check is still running: this scheduled check does not try again."),
        file=sys.stderr,
    )
    return False
