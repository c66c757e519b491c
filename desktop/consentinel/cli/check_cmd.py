"""`consentinel check` and `consentinel login`: run the engine from a terminal or a scheduler."""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from consentinel.cli.context import (
    known_account,
    open_context,
    parse_handle,
    warn_if_browser_setting_skipped,
)
from consentinel.cli.errors import (
    DataFolderError,
    StoppedRunSaid,
    UsageError,
    hush_what_a_stopped_run_leaves,
    stop_writing_output,
)
from consentinel.cli.terminal import (
    HeldOutput,
    TerminalPrompter,
    describe_result,
    describe_step,
)
from consentinel.core.fileio import folder_problem, problem_of_error
from consentinel.core.i18n import tr
from consentinel.core.vault import KEYRING_WAIT_S

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from datetime import datetime

    from consentinel.cli.scheduled_retry import RetryPlan
    from consentinel.core.answer_deadline import AnswerDeadline
    from consentinel.core.context import AppContext
    from consentinel.core.events import AccountResult, Event, RunResult
    from consentinel.core.lock import RunLock
    from consentinel.core.paths import AppPaths
    from consentinel.core.settings import Settings
    from consentinel.core.status import Reason

EXIT_OK, EXIT_NOT_ALL_OFF, EXIT_USAGE = 0, 1, 2
#: How long an unattended run waits for another check or sign-in to end (the app's, a
#: person's, another `check`) before it is skipped: with the keyring's wait and its own check,
#: it still ends within the hour systemd gives the job (osjobs/systemd.py RUN_TIMEOUT; the
#: Windows task has two, cron and launchd no limit).
LOCK_WAIT_S = 20 * 60.0


def add_parsers(sub: Any) -> None:
    """`login`, then `check`: one signs in first (the order of `consentinel --help`)."""
    login = sub.add_parser("login", help=tr("sign in to an account in a browser window"))
    login.add_argument("handle", metavar=tr("HANDLE"), help=tr("one of your accounts"))
    login.set_defaults(handler=_login)

    check = sub.add_parser("check", help=tr("check the accounts and untick what must be off"))
    check.add_argument(
        "handles", nargs="*", metavar=tr("HANDLE"), help=tr("accounts to check (default: all)")
    )
    check.add_argument(
        "--dry-run", action="store_true", help=tr("read the boxes but change nothing")
    )
    check.add_argument(
        "--unattended",
        action="store_true",
        help=tr("nobody is at the keyboard: never ask, record what needs you"),
    )
    check.add_argument(
        "--json", action="store_true", help=tr("print the result as one JSON object")
    )
    check.add_argument(
        "--watch", action="store_true", help=tr("show the browser window during the check")
    )
    # Written by the OS jobs (core/osjobs/job.py CHECK_ARGS), never typed: the run is the
    # schedule's, whether or not the job gave it a terminal. Not in --help.
    check.add_argument("--from-schedule", action="store_true", help=argparse.SUPPRESS)
    # Written in the crontab line (core/osjobs/systemd.py crontab_line), which cron runs every
    # hour: the run checks only for a time of the schedule not served yet (core/catch_up.py),
    # and says nothing otherwise. Not in --help.
    check.add_argument("--catch-up", action="store_true", help=argparse.SUPPRESS)
    check.set_defaults(handler=_check)


def resolve_handles(ctx: AppContext, raw: list[str]) -> list[str] | None:
    if not ctx.accounts.list():
        raise UsageError(tr("No accounts yet. Add one with: consentinel account add HANDLE"))
    if not raw:
        return None
    return [known_account(ctx, parse_handle(text)).handle for text in raw]


def _check(args: argparse.Namespace) -> int:
    """`check`; a scheduled one that cannot use Consentinel's folders (a read-only or full
    disk) also tells the person by notification, since nobody reads the job's log. One that
    another process kept from the account list past its wait (AccountsBusy) is skipped, as one
    that another check kept waiting is (_wait_unattended): said on stderr, exit 0."""
    if args.catch_up:
        if not _catch_up_goes_ahead():
            return EXIT_OK  # (nothing said: cron mails what a job prints)
        # The hourly run that goes ahead is the schedule's, whatever else its line says.
        args.unattended = args.from_schedule = True
        args.handles = []
    if args.from_schedule and _data_folder_gone():
        return EXIT_USAGE
    if not args.unattended:
        return _check_now(args)
    from consentinel.core.accounts_lock import AccountsBusy
    from consentinel.core.fileio import StorageError
    from consentinel.core.journal import JournalError

    try:
        return _check_now(args)
    except BrokenPipeError:
        raise
    except AccountsBusy as error:  # (another process's change, for a while: not the folder's)
        # A skip, as when another check holds the data folder past the wait: the next run
        # tries again; nothing to tell the person, and not a failed job (exit 0).
        print(str(error), file=sys.stderr)
        print(tr("This scheduled check is skipped; the next one tries again."), file=sys.stderr)
        if args.json:
            _print_skipped("accounts_busy")
        return EXIT_OK
    except (DataFolderError, JournalError, StorageError) as error:
        _folder_unusable(error, said=str(error))
    except OSError as error:
        if problem_of_error(error) is None:  # (not a folder that takes nothing)
            raise
        _folder_unusable(error, said="")
    return EXIT_USAGE


def _catch_up_goes_ahead() -> bool:
    """The crontab line's hourly run: whether a time of the schedule is to be served now
    (core/catch_up.py), read before anything is opened or said."""
    from consentinel.core.catch_up import goes_ahead
    from consentinel.core.paths import AppPaths

    return goes_ahead(AppPaths.from_env(), _now())


def _data_folder_gone() -> bool:
    """The OS job's check, on a data folder that is no longer there (deleted with the job left
    behind, or on a disk not connected now): it must not make a new, empty one (its journal,
    a new keyring service) at every run. Said on stderr, which is the job's log."""
    import os
    import shlex

    from consentinel.core.paths import HOME_ENV, AppPaths

    paths = AppPaths.from_env()
    if paths.data_dir.is_dir():
        return False
    home = os.environ.get(HOME_ENV, "").strip()
    remove = "consentinel schedule remove --login-item"
    print(
        tr(
            "The data folder {folder} is gone (deleted, or on a disk not connected now): this "
            "scheduled check does nothing, and makes no new folder. If you deleted it, remove "
            "the scheduled check: {command}",
            folder=paths.data_dir,
            command=f"{HOME_ENV}={shlex.quote(home)} {remove}" if home else remove,
        ),
        file=sys.stderr,
    )
    return True


def _check_now(args: argparse.Namespace) -> int:
    from consentinel.core.engine import Engine
    from consentinel.core.events import (
        AccountFinished,
        AccountStep,
        BrowserUnsandboxed,
        CancelToken,
        RunResult,
        RunStarted,
    )
    from consentinel.core.lock import RunLock
    from consentinel.core.steps import Step

    ctx = open_context(goes_to_x=True)
    scheduled = args.unattended and not args.handles
    if args.unattended:
        # Nobody to answer the keyring's unlock dialog: a locked keyring is said, never asked
        # for its password (at the check's first read, nor at each account's secrets).
        ctx.vault.never_prompt()
        # Nobody's terminal: what it says (notifications, the journal) is in the language
        # chosen in the app, when one was (CONSENTINEL_LANG still comes first).
        from consentinel.core.i18n import set_language

        set_language(ctx.settings.language)
        if ctx.settings_set_aside is not None:
            _settings_set_aside(ctx, ctx.settings_set_aside)
        if ctx.journal.known_warning:  # (said on stderr by open_context)
            _journal_set_aside(ctx)
    listed = bool(ctx.accounts.list())
    missing = _missing_accounts(ctx) if scheduled or not listed else []
    if not listed and not (scheduled and missing):
        return _no_accounts(args, missing)
    handles = resolve_handles(ctx, args.handles) if listed else None
    warn_if_browser_setting_skipped(ctx)
    if args.watch:
        ctx.settings.show_browser = True
        from consentinel.core.display import has_display

        if not has_display():
            print(tr("No screen here: the check runs without a window."), file=sys.stderr)
    quiet = args.json
    reader_gone = False
    output = HeldOutput()  # (held back while a question waits at the terminal)
    # What an interrupted run still says (its JSON, or its summary): the accounts whose check
    # ended, of those it was to check.
    run_ids: list[int] = []
    planned: list[str] = []
    finished: list[AccountResult] = []

    def on_event(event: Event) -> None:
        nonlocal reader_gone
        if isinstance(event, RunStarted):
            run_ids.append(event.run_id)
            planned.extend(event.handles)
        elif isinstance(event, AccountFinished):
            finished.append(event.result)
        elif isinstance(event, BrowserUnsandboxed):  # (on stderr with --json too: a warning)
            print(
                tr(
                    "The browser's sandbox could not start here ({said}): this check runs "
                    "without it. `consentinel doctor` says what to do.",
                    said=event.detail,
                ),
                file=sys.stderr,
            )
        if quiet or reader_gone:
            return
        try:
            if isinstance(event, AccountStep) and event.step is not Step.DONE:
                output.print(describe_step(event), sys.stderr)
            elif isinstance(event, AccountFinished):
                output.print(describe_result(event.result), sys.stdout)
        except BrokenPipeError:
            # Whoever read the lines stopped (`check | head -1`): the check goes on, unseen.
            reader_gone = True
            stop_writing_output()
        except OSError as error:
            if error.errno != errno.EIO:
                raise
            # The terminal closed (its SIGHUP is on its way, which stops the check and sends
            # what is still said nowhere): not a failure of the check.
            reader_gone = True

    # A paused schedule's run is skipped at once: not after a wait for another check (up to
    # LOCK_WAIT_S); a pause chosen during that wait is read after it.
    if scheduled and _paused(ctx, args.json):
        return EXIT_OK
    lock = RunLock(ctx.paths.lock_path)
    # Given back whatever way the command ends, a skip included: held on, it would keep every
    # later check of this process waiting (a second scheduled run, the retries of
    # cli/scheduled_retry, a test). Each try of the loop below gives it back itself, and
    # _try_again_later takes it again for the next: releasing it twice is nothing.
    try:
        if not lock.acquire(wait=False):
            if not args.unattended:
                _wait_for(lock)
            elif not _wait_unattended(lock, args.json):
                return EXIT_OK
            else:  # what was read before the wait may have changed while the other ran
                _read_settings_again(ctx, watch=args.watch)
                listed = bool(ctx.accounts.list())
                missing = _missing_accounts(ctx) if scheduled or not listed else []
                if not listed and not (scheduled and missing):
                    return _no_accounts(args, missing)
                if scheduled and _paused(ctx, args.json):
                    return EXIT_OK
        if missing:  # (said before the run: the run's own notices may follow it)
            _say_missing(ctx, missing, listed=listed)
            if not listed:
                if args.json:
                    _print_skipped("accounts_missing", missing_accounts=missing)
                return EXIT_USAGE
        checked_lately: list[str] = []
        #: Of those, the accounts whose last check waits for the person, with what it needs.
        waiting_later: dict[str, Reason | None] = {}
        if scheduled:
            # The crontab line's hourly run: cron mails whatever it prints, and a skip is no news.
            due = _due_now(ctx, args.json, missing, quiet=bool(getattr(args, "catch_up", False)))
            if due is None:
                return EXIT_USAGE if missing else EXIT_OK
            every = [account.handle for account in ctx.accounts.list()]
            checked_lately = [handle for handle in every if handle not in due]
            if checked_lately:
                waiting_later = _say_checked_lately(ctx, checked_lately)
            handles = due
        if args.unattended:
            # A locked keyring is refused at once (never_prompt); one that does not answer at all
            # is given up on past this: every account's check then ends "keyring unavailable" at
            # once, and the person is told.
            from consentinel.core.vault import VaultError

            with contextlib.suppress(VaultError):
                ctx.vault.check_within(KEYRING_WAIT_S)
        from consentinel.cli.scheduled_retry import only, to_retry
        from consentinel.core.answer_deadline import AnswerDeadline
        from consentinel.core.journal import JournalError
        from consentinel.core.settings import XOriginError

        cancel = CancelToken()
        # A scheduled run tries again, a little later, the accounts it could not take to X (a
        # laptop waking before its Wi-Fi): the OS job fires again only at its next slot.
        plan = _retry_plan(args, scheduled)
        waits = list(plan.waits_s) if plan is not None else []
        #: The time for all the later tries, from the first's start (scheduled_retry: by both
        #: clocks, so that the computer's sleep counts on every OS).
        budget: AnswerDeadline | None = None
        #: What the earlier tries ended with for the accounts not tried again (told already).
        settled: list[AccountResult] = []
        while True:
            run_ids.clear()  # (this try's)
            planned.clear()
            finished.clear()
            try_started = _now()
            again: list[str] = []
            try:
                # Said at every check, --json too: passwords go to a simulated X, not to X (the
                # settings read after a wait may name another address: refused as at the start).
                not_x = ctx.settings.not_x_words(ctx.paths.settings_path)
                if not_x is not None:
                    print(not_x, file=sys.stderr)
                # A scheduled run never opens a window out of nowhere, whatever the setting says.
                headless = True if args.unattended and not args.watch else None
                result = Engine(ctx, headless=headless).run_check(
                    handles=handles,
                    dry_run=args.dry_run,
                    unattended=args.unattended,
                    on_event=on_event,
                    ask=TerminalPrompter(unattended=args.unattended, output=output),
                    cancel=cancel,
                    trigger=_started_by(scheduled, from_schedule=args.from_schedule),
                )
            except XOriginError as error:  # (the setting changed during a wait for another check)
                print(str(error), file=sys.stderr)
                return EXIT_USAGE
            except JournalError as error:  # a full disk, a read-only one: nothing more can be noted
                print(str(error), file=sys.stderr)
                if run_ids:  # it had begun: it may have reached X
                    print(
                        tr(
                            "The check stopped: boxes at X may have been changed before it did, "
                            "and the next check reads them again."
                        ),
                        file=sys.stderr,
                    )
                if args.unattended:  # (the notification needs no journal)
                    _folder_unusable(
                        error, said=str(error), already_printed=True, settings=ctx.settings
                    )
                return EXIT_USAGE
            except KeyboardInterrupt:
                cancel.cancel()
                output.release()  # (the accounts that ended while a question waited)
                hush_what_a_stopped_run_leaves()
                if run_ids:
                    stopped = RunResult(run_ids[0], tuple(finished), cancelled=True)
                    if args.unattended:
                        # Cut by the job's time limit, a logout, a shutdown: what the checks that
                        # ended found (X switching a box back on…) is told all the same.
                        _notify(ctx, stopped)
                    if args.json:  # a script still learns which accounts were checked
                        stopped = RunResult(stopped.run_id, (*settled, *finished), cancelled=True)
                        _print_json(stopped, interrupted=True, missing=missing,
                                    checked_lately=checked_lately,
                                    waiting_later=waiting_later)  # fmt: skip
                    else:  # a person learns what was done, and what is left for the next check
                        _say_stopped_run(planned, finished)
                        raise StoppedRunSaid from None
                raise
            else:
                from consentinel.cli.journal_warning import carry_on_if_lost

                # The journal file gone during the check (its data folder deleted): the check's
                # entries written again in the journal at its place, before its notifications.
                result, added = carry_on_if_lost(ctx, result)
                if waits and not result.cancelled:
                    again = to_retry(result)
                if args.unattended:
                    # Told while the run still holds the lock: its notifications are journaled
                    # with it, not among the next run's entries. The accounts tried again are
                    # told their last try's outcome only (no alarm a later try mends).
                    _notify(ctx, only(result, again, keep=False))
            finally:
                lock.release()
            from consentinel.cli.journal_warning import warn_if_broken

            # The check's entries were added all the same: evidence among edited entries must
            # not be taken for a sound record unsaid. The chain is walked whole, and every
            # screenshot looked for, but only this check's are read: a year of "a screenshot of
            # every check" would be read again at every scheduled check (`log --verify` and the
            # window read them). (None: its entries are in no journal there is to verify.)
            if added is not None:
                warn_if_broken(ctx.journal, added, read_shots_of=[result.run_id])
            if not again:
                break
            assert plan is not None  # (there are waits)
            if budget is None:
                budget = AnswerDeadline(plan.within_s)
            wait_s = waits.pop(0)
            attempt = len(plan.waits_s) - len(waits) + 1  # (the first try was 1)
            retried = _try_again_later(
                ctx, lock, result, again, wait_s, attempt, len(plan.waits_s) + 1,
                since=try_started, budget=budget, plan=plan, args=args, settled=settled,
            )  # fmt: skip
            settled.extend(a for a in result.accounts if a.handle not in again)
            if not retried:  # (told, the lock given back)
                # None: no next try, what the last found is their outcome; []: another check
                # took them through meanwhile, its outcome theirs.
                result = only(result, again if retried is None else (), keep=True)
                break
            handles = retried
        result = RunResult(result.run_id, (*settled, *result.accounts), result.cancelled)
        if args.json:
            _print_json(result, interrupted=False, missing=missing, checked_lately=checked_lately,
                        waiting_later=waiting_later)  # fmt: skip
        # Accounts the list lost were not checked: not a success, whatever the others gave.
        return EXIT_USAGE if missing else exit_code(result)
    finally:
        lock.release()


def _retry_plan(args: argparse.Namespace, scheduled: bool) -> RetryPlan | None:
    """How the OS job's run tries again (cli/scheduled_retry.py); None for any other check
    (a person's reads its outcome at once, the app's scheduler retries its own)."""
    if not (args.from_schedule and scheduled) or args.dry_run:
        return None
    from consentinel.cli.scheduled_retry import RetryPlan

    plan = RetryPlan.from_env()
    return plan if plan.waits_s else None


def _now() -> datetime:
    from datetime import datetime, timezone

    return datetime.now(timezone.utc)


def _try_again_later(
    ctx: AppContext,
    lock: RunLock,
    result: RunResult,
    again: list[str],
    wait_s: float,
    attempt: int,
    attempts: int,
    *,
    since: datetime,
    budget: AnswerDeadline,
    plan: RetryPlan,
    args: argparse.Namespace,
    settled: list[AccountResult],
) -> list[str] | None:
    """Between two tries of a scheduled run: says which accounts are tried again, waits (the
    lock free: the window, or a person's check, may run meanwhile), then takes the lock back.
    Returns the accounts to check now: those no other check took through meanwhile (none:
    said, the lock given back). None when there is no next try (the time for tries is over,
    another check still runs, checks were paused): what the last try found for them is then
    their outcome, told now. Stopped meanwhile (SIGTERM, Ctrl-C), the run ends there, each
    try's run already journaled as it ended, their outcome told."""
    from consentinel.cli import scheduled_retry as retry
    from consentinel.core.doctor import x_answers
    from consentinel.core.events import RunResult

    pending = retry.only(result, again, keep=True)
    left = budget.left()
    try:
        if left <= 0:
            _no_next_try(ctx, args, pending, told=False)
            return None
        down = not x_answers(ctx)  # (asked first: X back after the words is seen)
        retry.say_retry(again, min(wait_s, left), attempt, attempts)
        retry.wait_for_x(ctx, min(wait_s, left), plan.probe_every_s, watch=down)
        if not retry.take_the_lock_again(lock, budget):
            _no_next_try(ctx, args, pending, told=True)
            return None
        _read_settings_again(ctx, watch=args.watch)
        if _paused(ctx, as_json=False):
            lock.release()
            _no_next_try(ctx, args, pending, told=True)
            return None
        handles = retry.still_to_retry(ctx.accounts, ctx.journal, again, since)
    except BaseException:
        lock.release()
        if args.unattended:
            _notify(ctx, pending)
        if args.json:
            stopped = RunResult(result.run_id, (*settled, *result.accounts))
            _print_json(stopped, interrupted=True)
        raise
    if not handles:
        lock.release()
        print(
            tr("Another check took those accounts to X meanwhile: no next try is needed."),
            file=sys.stderr,
        )
    return handles


def _no_next_try(
    ctx: AppContext, args: argparse.Namespace, pending: RunResult, *, told: bool
) -> None:
    """A scheduled run that does not try again: what its last try found is the outcome."""
    if not told:
        print(
            tr("No time is left for another try; the next scheduled check tries again."),
            file=sys.stderr,
        )
    if args.unattended:
        _notify(ctx, pending)


def _started_by(scheduled: bool, *, from_schedule: bool = False) -> str:
    """Who the journal says started the check. The OS job runs `check --unattended
    --from-schedule`, naming no account: the schedule, with a terminal or not (the Task
    Scheduler gives python.exe a console). A job installed by an earlier version runs it
    without `--from-schedule`, and with no terminal (systemd and launchd give it none): the
    schedule too. A person's check is theirs, --unattended or not: one naming accounts, or
    typed at a terminal (what the schedule's run does then, only the accounts due, it does
    too)."""
    from consentinel.cli.context import stdin_is_terminal

    if not scheduled:
        return "manual"
    return "schedule" if from_schedule or not stdin_is_terminal() else "manual"


def _say_stopped_run(planned: Sequence[str], finished: Sequence[AccountResult]) -> None:
    """A check stopped before its end says, before its last word ("Interrupted."), how far it
    had gone (cli/stopped_run.py), from a line of its own (^C ends no line, nor does a question
    waiting for its answer); what cannot be written (a terminal gone) is not a traceback."""
    from consentinel.cli.stopped_run import stopped_run_words

    with contextlib.suppress(OSError):
        print("\n" + "\n".join(stopped_run_words(planned, finished)), file=sys.stderr, flush=True)


def exit_code(result: RunResult) -> int:
    """0 all off, 1 not all off, 2 when this computer (its keyring, its browser) kept any
    account from being checked.

    A missing or locked keyring, or no browser, is a set-up problem, as it is for `account add`:
    a script must tell it from a box left on, even when other accounts were checked (the lines
    printed, or the JSON, say which were).
    """
    from consentinel.core.status import Reason

    set_up = (Reason.KEYRING_UNAVAILABLE, Reason.BROWSER_MISSING)
    # An account removed during its check is no longer the person's to protect: its result is
    # said, and the others' make the code.
    counted = [a for a in result.accounts if not a.removed]
    if any(a.reason in set_up for a in counted):
        return EXIT_USAGE
    return EXIT_OK if all(a.all_off for a in counted) else EXIT_NOT_ALL_OFF


def _wait_for(lock: RunLock) -> None:
    """Another check or sign-in holds the data folder: say so, and wait for its end."""
    print(
        tr("Another check is running{who}; waiting for it to end…", who=_holder_words(lock)),
        file=sys.stderr,
        flush=True,
    )
    lock.acquire(wait=True)


def _wait_unattended(lock: RunLock, as_json: bool) -> bool:
    """Another check or sign-in holds the data folder: an unattended run says so once and
    waits for its end, LOCK_WAIT_S at most, rather than leave its accounts to the job's next
    time (a week away on a weekly schedule) if the app is closed meanwhile. True once it holds
    the lock; False (and said, as a skip) when the other still runs then. The computer's sleep
    counts in the wait (RunLock.acquire: both clocks): shut for the night, it does not wait
    its whole time again on wake. Ctrl-C or SIGTERM ends the wait as it ends a check
    (cli/main.py): nothing was begun."""
    minutes = decimal_words(LOCK_WAIT_S / 60)
    print(
        tr(
            "Another check is running{who}: this one waits for it to end (at most {minutes} "
            "minutes).",
            who=_holder_words(lock),
            minutes=minutes,
        ),
        file=sys.stderr,
        flush=True,
    )
    if lock.acquire(wait=True, timeout=LOCK_WAIT_S):
        return True
    print(
        tr(
            "Another check is still running after {minutes} minutes of waiting; this one is "
            "skipped.",
            minutes=minutes,
        ),
        file=sys.stderr,
    )
    if as_json:  # a script reading the result learns it too
        _print_skipped("another_check_running")
    return False


def _holder_words(lock: RunLock) -> str:
    """' (pid N)' naming the lock's holder, or '' when it cannot be told."""
    holder = lock.holder()
    return f" (pid {holder.pid})" if holder is not None and holder.pid is not None else ""


def _read_settings_again(ctx: AppContext, *, watch: bool) -> None:
    """The settings as they are after a wait for another check: a pause, a schedule or a
    language chosen meanwhile counts (the accounts and the journal are read at each use)."""
    from consentinel.core.i18n import set_language
    from consentinel.core.settings import read_settings

    loaded = read_settings(ctx.paths)
    if loaded.set_aside_to is not None:  # (a value that cannot be used was said at the start)
        print(loaded.warning, file=sys.stderr)
        _settings_set_aside(ctx, loaded.set_aside_to)
    ctx.settings = loaded.settings
    if watch:
        ctx.settings.show_browser = True
    set_language(ctx.settings.language)


def _print_json(
    result: RunResult,
    *,
    interrupted: bool,
    missing: Sequence[str] = (),
    checked_lately: Sequence[str] = (),
    waiting_later: Mapping[str, Reason | None] | None = None,
) -> None:
    """`check --json`'s answer; `interrupted`: stopped by Ctrl-C before its end; `missing`:
    the accounts the journal knows and the list lacks, which were not checked;
    `checked_lately`: those a scheduled run left for their own time, not due yet, of which
    `waiting_later` are those whose last check waits for the person (with why). Every account
    that waits for the person is named in `waiting_for_you_accounts` with what it needs: those
    this run checked, whose check ended so, then those it left for later."""
    document: dict[str, object] = {**result.to_json(), "interrupted": interrupted}
    # By how many seconds this computer's clock was off X's when X refused its 2FA code (its
    # time less X's), or null: for a script, not in every journal entry (to_json's).
    document["accounts"] = [
        {**account.to_json(), "clock_offset_s": account.clock_offset_s}
        for account in result.accounts
    ]
    if missing:
        document["missing_accounts"] = list(missing)
    if checked_lately:
        document["checked_lately_accounts"] = list(checked_lately)
    from consentinel.core.status import waits_for_person

    waiting = {a.handle: a.reason for a in result.accounts
               if not a.removed and waits_for_person(a.status, a.reason)}  # fmt: skip
    waiting.update(waiting_later or {})
    if waiting:
        document["waiting_for_you_accounts"] = waiting_json(waiting)
    json.dump(document, sys.stdout, ensure_ascii=False)
    print(flush=True)


def waiting_json(waiting: Mapping[str, Reason | None]) -> list[dict[str, object]]:
    """`waiting_for_you_accounts`: each account waiting for the person, and what it needs (its
    last check's `reason`, as `accounts` gives it; null when the journal no longer says)."""
    return [
        {"handle": handle, "reason": reason.value if reason else None}
        for handle, reason in waiting.items()
    ]


#: The keys of a run's document, for a check that did not run (a script reading `accounts`
#: finds none).
_NO_RUN: dict[str, object] = {"run_id": None, "cancelled": False, "interrupted": False,
                              "accounts": []}  # fmt: skip


def _print_skipped(reason: str, **specific: object) -> None:
    """`check --json`'s answer when the check does not run, whatever the reason: one shape
    (a run's keys with no account, `skipped` and `reason`), then what is the reason's own."""
    print(json.dumps({**_NO_RUN, "skipped": True, "reason": reason, **specific}))


def _missing_accounts(ctx: AppContext) -> list[str]:
    """The accounts the journal knows and the list lacks (its file set aside, deleted): none
    when the journal cannot say (it says why itself, at its next use)."""
    from consentinel.core.account_recovery import missing_accounts
    from consentinel.core.journal import JournalError

    try:
        return [known.handle for known in missing_accounts(ctx.journal, ctx.accounts)]
    except JournalError:
        return []


def _say_missing(ctx: AppContext, missing: list[str], *, listed: bool) -> None:
    """A scheduled run that cannot check accounts the list lost says so in its log at every
    run, and tells the person once (not again while the same accounts stay missing). Adding
    them back is the person's to do: one may have been removed from the list on purpose."""
    from consentinel.cli.schedule_cmd import post_notice
    from consentinel.core.notify import accounts_missing_notice

    note = accounts_missing_notice(missing, list_empty=not listed)
    print(note.body, file=sys.stderr)
    post_notice(ctx.settings, note, ctx.journal)


def _settings_set_aside(ctx: AppContext, moved: Path) -> None:
    """A scheduled run that set the settings file aside (its warning is already on stderr)
    says what that costs, and tells the person: a pause is lost with the rest."""
    from consentinel.cli.schedule_cmd import post_notice
    from consentinel.core.notify import settings_set_aside_notice

    note = settings_set_aside_notice(moved)
    print(note.body, file=sys.stderr)
    post_notice(ctx.settings, note, ctx.journal)


def _journal_set_aside(ctx: AppContext) -> None:
    """A scheduled run that set the journal aside (damaged, a newer version's) tells the
    person where it is kept: its stderr is read by nobody, and the new journal shows no sign
    of the old one but its first entry."""
    from consentinel.cli.schedule_cmd import post_notice
    from consentinel.core.journal_entries import EntryKind
    from consentinel.core.notify import journal_set_aside_notice

    first = ctx.journal.entries(kinds=[EntryKind.JOURNAL_RESTARTED])
    name = first[-1].payload.get("set_aside") if first else None
    if isinstance(name, str) and name:
        post_notice(
            ctx.settings,
            journal_set_aside_notice(ctx.paths.journal_path.with_name(name)),
            ctx.journal,
        )


def _folder_unusable(
    error: BaseException,
    *,
    said: str,
    already_printed: bool = False,
    settings: Settings | None = None,
) -> None:
    """A scheduled run that cannot use Consentinel's folders (`error`, whose sentence is
    `said`, "" for a bare OS error) says, on stderr and by notification, which folder, why, and
    what to do. No journal to ask what was said: once per run, the one that meets it."""
    from consentinel.cli.schedule_cmd import post_notice
    from consentinel.core.i18n import set_language
    from consentinel.core.notify import folder_unusable_notice, folder_unusable_words
    from consentinel.core.paths import AppPaths
    from consentinel.core.settings import peek_settings

    paths = AppPaths.from_env()
    if settings is None:  # (the run stopped before reading them)
        settings = peek_settings(paths)
        set_language(settings.language)
    # The folder of the file the error names, when it names one; else the data folder, or the
    # settings' (often the same disk), whichever's disk says no.
    named = getattr(error, "filename", None)
    if isinstance(named, str) and named:
        folder = _folder_of(paths, Path(named))
        problem = folder_problem(folder, error)
    else:
        folder, problem = paths.data_dir, folder_problem(paths.data_dir, error)
        if problem is None and folder_problem(paths.config_dir) is not None:
            folder, problem = paths.config_dir, folder_problem(paths.config_dir)
    words = folder_unusable_words(folder, problem, said)
    if said and not already_printed:
        print(said, file=sys.stderr)
    print(words, file=sys.stderr)
    post_notice(settings, folder_unusable_notice(words))


def _folder_of(paths: AppPaths, file: Path) -> Path:
    """Consentinel's folder `file` is in (its settings', its data's), else the file's own."""
    for folder in (paths.config_dir, paths.data_dir):
        if file == folder or folder in file.parents:
            return folder
    return file.parent


def _no_accounts(args: argparse.Namespace, missing: list[str]) -> int:
    """Nothing to check. A scheduled run (no accounts named) has not failed: it says why on
    stderr (the job's log) and exits 0, so that the job is not marked failed at every run
    before the first account is added. Typed at a terminal, or naming accounts, it is a set-up
    error (2): a script must not read "all off" when there is nothing. With --json, the usual
    document with no accounts in it, saying why."""
    scheduled = args.unattended and not args.handles
    if scheduled:
        said = tr(
            "No accounts yet, so this scheduled check has nothing to check. Add one with: "
            "consentinel account add HANDLE"
        )
    else:
        said = tr("No accounts yet. Add one with: consentinel account add HANDLE")
    print(said, file=sys.stderr)
    if missing:  # (typed at a terminal: a scheduled run says it by notification too)
        from consentinel.core.notify import accounts_missing_notice

        print(accounts_missing_notice(missing, list_empty=True).body, file=sys.stderr)
    if args.json:
        _print_skipped("no_accounts")
    return EXIT_OK if scheduled else EXIT_USAGE


def _paused(ctx: AppContext, as_json: bool) -> bool:
    """True (and said) when the person paused automatic checks in the app (its tray)."""
    if not ctx.settings.schedule_paused:
        return False
    print(
        tr("Automatic checks are paused in Consentinel; this scheduled check is skipped."),
        file=sys.stderr,
    )
    if as_json:
        _print_skipped("paused")
    return True


def decimal_words(value: float) -> str:
    """3.5, or 3,5 in French."""
    from consentinel.core.i18n import current_language

    text = f"{value:g}"
    return text.replace(".", ",") if current_language() == "fr" else text


def _due_now(
    ctx: AppContext, as_json: bool, missing: Sequence[str] = (), *, quiet: bool = False
) -> list[str] | None:
    """The accounts a scheduled run checks: those due (core/schedule.py `due_accounts`, the OS
    job's rule: last checked through at least half an interval ago, or never). The OS job fires
    at fixed times while the app counts from its last checks, and both need not check an
    account back to back; nor is every account loaded again at X because one is due. None
    (and said) when every account was checked lately (by the open app, most often): the run
    is skipped (`missing`: the accounts the list lost, named in its JSON too). `quiet`: the
    crontab line's hourly run, whose skip goes to the app's log file only (_log_only)."""
    from datetime import datetime, timezone

    from consentinel.core.schedule import due_accounts

    handles = [account.handle for account in ctx.accounts.list()]
    checked = ctx.journal.checked_through_at(handles)
    due = due_accounts(checked, ctx.settings.schedule, datetime.now(timezone.utc), by_os_job=True)
    if due:
        return due
    # An account whose last check stopped at what only the person can give was not checked:
    # what it needs is said, not "checked".
    waiting = waiting_for_you(ctx, handles)
    said = waiting_words(waiting, ctx)
    times = [at for handle, at in checked.items() if at is not None and handle not in waiting]
    if not times:
        said.append(tr("Every account waits for you; this scheduled check is skipped."))
    else:
        said.append(_checked_since_words(ctx, min(times), others=bool(waiting)))
    if quiet:
        _log_only(ctx.paths, said)
    else:
        for line in said:
            print(line, file=sys.stderr)
    if as_json:
        specific: dict[str, object] = {"missing_accounts": list(missing)} if missing else {}
        if waiting:
            specific["waiting_for_you_accounts"] = waiting_json(waiting)
        _print_skipped("checked_lately", **specific)
    return None


def _log_only(paths: AppPaths, lines: Sequence[str]) -> None:
    """What a run says to nobody's terminal, to the app's log file only (the window's, rotated,
    secrets blanked): the crontab line's skip, which cron would otherwise mail once per time of
    the schedule when the open app did the checks. Dropped when that file cannot be written:
    a skip is not worth a mail either way."""
    import logging

    from consentinel.gui.logging_setup import setup_logging

    try:
        setup_logging(paths.logs_dir)
    except OSError:
        return
    log = logging.getLogger(__name__)
    for line in lines:
        log.info("scheduled check skipped: %s", line)


def _checked_since_words(ctx: AppContext, last: datetime, *, others: bool) -> str:
    """That every account (`others`: every other one than those waiting for the person) was
    checked since `last`, less than half the schedule's interval ago: the run is skipped."""
    from consentinel.core.moments import moment_text
    from consentinel.core.schedule import interval_for

    interval = interval_for(ctx.settings.schedule)
    assert interval is not None  # (with no schedule, every run is due)
    when = moment_text(last)
    hours = interval.total_seconds() / 7200  # half the schedule's interval
    if hours >= 48 and others:  # a weekly schedule: "3.5 days", not "84 hours"
        return tr(
            "Every other account was checked since {when}, less than {days} days ago; this "
            "scheduled check is skipped.",
            when=when,
            days=decimal_words(hours / 24),
        )
    if hours >= 48:
        return tr(
            "Every account was checked since {when}, less than {days} days ago; this scheduled"
            " check is skipped.",
            when=when,
            days=decimal_words(hours / 24),
        )
    if others:
        return tr(
            "Every other account was checked since {when}, less than {hours} hours ago; this "
            "scheduled check is skipped.",
            when=when,
            hours=f"{hours:g}",
        )
    return tr(
        "Every account was checked since {when}, less than {hours} hours ago; this"
        " scheduled check is skipped.",
        when=when,
        hours=f"{hours:g}",
    )


def waiting_for_you(ctx: AppContext, handles: Sequence[str]) -> dict[str, Reason | None]:
    """Of `handles`, those whose last check stopped at what only the person can give (a 2FA
    code, a puzzle, the right password, X's lock…), with why: not checked, though not due
    either (core/schedule.py counts such a check as gone through: trying again at once would
    meet the same)."""
    from consentinel.core.status import Reason, waits_for_person

    waiting: dict[str, Reason | None] = {}
    for handle in handles:
        entry = ctx.journal.last_check(handle)
        if entry is None:
            continue
        try:
            reason = Reason(entry.payload["reason"]) if entry.payload.get("reason") else None
        except ValueError:  # (an entry edited outside the app)
            reason = None
        if waits_for_person(entry.payload.get("status"), reason):
            waiting[handle] = reason
    return waiting


def waiting_words(waiting: dict[str, Reason | None], ctx: AppContext) -> list[str]:
    """One line for each account waiting for the person: what it needs, and that it cannot be
    checked until then (the words of its notification, core/notify.py): for one whose 2FA codes
    X refused for this computer's clock, the clock."""
    from consentinel.core.clock_offset import clock_off_needs_you, offset_in_detail
    from consentinel.core.notify import needs_you_words

    said = "{needs}. Until then, Consentinel cannot check it."
    lines = []
    for handle, reason in waiting.items():
        offset = offset_in_detail(ctx.accounts.state(handle).waits_detail)
        needs = (
            needs_you_words(handle, reason)
            if offset is None
            else clock_off_needs_you(handle, offset)
        )
        lines.append(tr(said, needs=needs))
    return lines


def _say_checked_lately(ctx: AppContext, handles: list[str]) -> dict[str, Reason | None]:
    """The job's log says which accounts a scheduled run left for their own time: those
    checked lately, and what those waiting for the person need; returns the latter."""
    waiting = waiting_for_you(ctx, handles)
    checked = [handle for handle in handles if handle not in waiting]
    if checked:
        print(
            tr(
                "Checked lately, so not checked by this scheduled check: {handles}.",
                handles=", ".join(f"@{handle}" for handle in checked),
            ),
            file=sys.stderr,
        )
    for line in waiting_words(waiting, ctx):
        print(line, file=sys.stderr)
    return waiting


def _notify(ctx: AppContext, result: Any) -> None:
    """Unattended runs tell the person through the desktop's notifier, and always journal it."""
    try:
        from consentinel.cli.schedule_cmd import post_run_notifications
    except ImportError:
        return
    post_run_notifications(ctx, result)


def _say_unsandboxed(event: Event) -> None:
    """A sign-in's only event worth a line: Chromium refused its sandbox."""
    from consentinel.core.events import BrowserUnsandboxed

    if isinstance(event, BrowserUnsandboxed):
        print(
            tr(
                "The browser's sandbox could not start here ({said}): this sign-in runs "
                "without it. `consentinel doctor` says what to do.",
                said=event.detail,
            ),
            file=sys.stderr,
        )


def _login(args: argparse.Namespace) -> int:
    from consentinel.core.check_messages import no_window_message
    from consentinel.core.display import has_display

    ctx = open_context(goes_to_x=True)
    not_x = ctx.settings.not_x_words(ctx.paths.settings_path)  # (checked by open_context)
    if not_x is not None:
        print(not_x, file=sys.stderr)
    handles = resolve_handles(ctx, [args.handle])
    assert handles
    if not has_display():
        print(no_window_message(), file=sys.stderr)
        return EXIT_USAGE
    from consentinel.core.engine import Engine
    from consentinel.core.events import CancelToken
    from consentinel.core.lock import RunLock

    # One sign-in at a time (x-reference §4): a check under way, the app's or the scheduled
    # one, may be signing in too; the scheduled one does not start while this one runs.
    lock = RunLock(ctx.paths.lock_path)
    # Given back whatever ends the command once it is taken, before the sign-in too: a Ctrl+C
    # just as the wait took it, a stderr that cannot be written. Held on, it would keep every
    # later check of this process waiting. (Not taken: releasing it is nothing.)
    try:
        if not lock.acquire(wait=False):
            _wait_for(lock)
        print(
            tr(
                "A browser window opens on X's sign-in page for @{handle}. Consentinel types "
                "what it has saved; finish the rest there (a captcha, a code). The session is "
                "saved once X shows its home page. Ctrl+C cancels.",
                handle=handles[0],
            ),
            file=sys.stderr,
        )
        cancel = CancelToken()
        try:
            result = Engine(ctx).login_interactive(
                handles[0], on_event=_say_unsandboxed, cancel=cancel
            )
        except KeyboardInterrupt:
            cancel.cancel()
            hush_what_a_stopped_run_leaves()
            raise
    finally:
        lock.release()
    print(result.message)
    return EXIT_OK if result.ok else EXIT_NOT_ALL_OFF
