"""`consentinel check` and `consentinel login`: run the engine from a terminal or a scheduler.

What a check says when it checks nothing is cli/check_skips.py's; what a scheduled one tells of
what it met before any account, cli/check_notices.py's; `login` itself, cli/login_cmd.py."""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import sys
from typing import TYPE_CHECKING, Any

from consentinel.cli.check_notices import (
    lost_accounts,
    say_folder_unusable,
    say_journal_set_aside,
    say_lost_accounts,
    say_settings_set_aside,
)
from consentinel.cli.check_skips import (
    decimal_words,
    due_now,
    no_accounts,
    paused,
    print_skipped,
    say_checked_lately,
    waiting_json,
)
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
from consentinel.core.fileio import problem_of_error
from consentinel.core.i18n import tr
from consentinel.core.steps import Step
from consentinel.core.vault import KEYRING_WAIT_S

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from datetime import datetime

    from consentinel.cli.scheduled_retry import RetryPlan
    from consentinel.core.answer_deadline import AnswerDeadline
    from consentinel.core.context import AppContext
    from consentinel.core.events import AccountResult, Event, RunResult
    from consentinel.core.lock import RunLock
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


def _login(args: argparse.Namespace) -> int:
    from consentinel.cli.login_cmd import run_login

    return run_login(args)


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
            print_skipped("accounts_busy")
        return EXIT_OK
    except (DataFolderError, JournalError, StorageError) as error:
        say_folder_unusable(error, said=str(error))
    except OSError as error:
        if problem_of_error(error) is None:  # (not a folder that takes nothing)
            raise
        say_folder_unusable(error, said="")
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


def _says_step(step: Step, prompter: TerminalPrompter) -> bool:
    """Whether a check's step is a progress line: not its end (its result says it), nor a
    wait for a code or an answer nobody will be asked for (no terminal, --unattended: the
    engine asks all the same, and gets no answer at once)."""
    if step is Step.DONE:
        return False
    return prompter.can_ask or step not in (Step.WAITING_FOR_CODE, Step.WAITING_FOR_ANSWER)


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
            say_settings_set_aside(ctx, ctx.settings_set_aside)
        if ctx.journal.known_warning:  # (said on stderr by open_context)
            say_journal_set_aside(ctx)
    listed = bool(ctx.accounts.list())
    missing = lost_accounts(ctx) if scheduled or not listed else []
    if not listed and not (scheduled and missing):
        return no_accounts(args, missing)
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

    prompter = TerminalPrompter(
        unattended=args.unattended, output=output, accounts=ctx.accounts.list()
    )

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
            if isinstance(event, AccountStep) and _says_step(event.step, prompter):
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
    if scheduled and paused(ctx, args.json):
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
                missing = lost_accounts(ctx) if scheduled or not listed else []
                if not listed and not (scheduled and missing):
                    return no_accounts(args, missing)
                if scheduled and paused(ctx, args.json):
                    return EXIT_OK
        if missing:  # (said before the run: the run's own notices may follow it)
            say_lost_accounts(ctx, missing, listed=listed)
            if not listed:
                if args.json:
                    print_skipped("accounts_missing", missing_accounts=missing)
                return EXIT_USAGE
        checked_lately: list[str] = []
        #: Of those, the accounts whose last check waits for the person, with what it needs.
        waiting_later: dict[str, Reason | None] = {}
        if scheduled:
            # The crontab line's hourly run: cron mails whatever it prints, and a skip is no news.
            due = due_now(ctx, args.json, missing, quiet=bool(getattr(args, "catch_up", False)))
            if due is None:
                return EXIT_USAGE if missing else EXIT_OK
            every = [account.handle for account in ctx.accounts.list()]
            checked_lately = [handle for handle in every if handle not in due]
            if checked_lately:
                waiting_later = say_checked_lately(ctx, checked_lately)
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
                    ask=prompter,
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
                    say_folder_unusable(
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
        if paused(ctx, as_json=False):
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
        print_skipped("another_check_running")
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
        say_settings_set_aside(ctx, loaded.set_aside_to)
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


def _notify(ctx: AppContext, result: Any) -> None:
    """Unattended runs tell the person through the desktop's notifier, and always journal it."""
    try:
        from consentinel.cli.schedule_cmd import post_run_notifications
    except ImportError:
        return
    post_run_notifications(ctx, result)
