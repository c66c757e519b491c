"""`consentinel schedule install|remove|status|pause|resume`: keep checking while Consentinel is
closed, or pause every automatic check for a while.

Also `post_run_notifications`, which `check --unattended` calls to tell the person what happened.
"""

from __future__ import annotations

import argparse
import logging
import sys
from typing import TYPE_CHECKING, Any

from consentinel.core.i18n import tr
from consentinel.core.moments import moment_text

if TYPE_CHECKING:
    from datetime import datetime

    from consentinel.core.context import AppContext
    from consentinel.core.events import RunResult
    from consentinel.core.notify import Notification
    from consentinel.core.os_notifier import Notifier
    from consentinel.core.settings import Settings

EXIT_OK, EXIT_USAGE = 0, 2
SCHEDULE_CHOICES = ("6h", "12h", "daily", "weekly")

log = logging.getLogger(__name__)


def add_parser(sub: Any) -> None:
    schedule = sub.add_parser(
        "schedule", help=tr("run checks on a schedule, even when Consentinel is closed")
    )
    actions = schedule.add_subparsers(dest="schedule_action", required=True)
    install = actions.add_parser(
        "install", help=tr("install the OS job that runs `consentinel check --unattended`")
    )
    install.add_argument(
        "--every",
        choices=SCHEDULE_CHOICES,
        help=tr("how often to check (default: the schedule in the settings)"),
    )
    remove = actions.add_parser("remove", help=tr("remove the OS job"))
    remove.add_argument(
        "--login-item",
        action="store_true",
        help=tr("also remove the start at login (for uninstallers)"),
    )
    actions.add_parser("status", help=tr("say whether the OS job is installed, and when it runs"))
    actions.add_parser(
        "pause",
        help=tr("pause automatic checks, the app's and the OS job's, until `schedule resume`"),
    )
    actions.add_parser("resume", help=tr("resume automatic checks"))
    schedule.set_defaults(handler=_handle)


def _handle(args: argparse.Namespace) -> int:
    from consentinel.cli.context import open_context
    from consentinel.core.paths import AppPaths

    action = args.schedule_action
    # Removing the job of a data folder that is gone (deleted with its job left behind) makes
    # no new one: the folder is only looked at, and no setting is saved in it.
    looking = action == "status" or (action == "remove" and not AppPaths.from_env().made())
    return run(args, open_context(read_only=looking))


def run(args: argparse.Namespace, ctx: AppContext) -> int:
    """Carry out one `schedule` action; 0 done, 2 when it could not be done."""
    from consentinel.core import osjobs
    from consentinel.core.osjobs import JobState
    from consentinel.core.schedule import ScheduleChoice, parse_schedule

    action = args.schedule_action
    if action in ("pause", "resume"):
        return _pause(ctx, paused=action == "pause")
    if action == "status":
        report = osjobs.status()
        print(report.message)
        _say_if_the_next_run_is_skipped(ctx, report.next_run, report.hourly_minute)
        if getattr(getattr(ctx, "settings", None), "schedule_paused", False):
            print(
                tr(
                    "Automatic checks are paused in Consentinel: consentinel schedule resume, "
                    "or its Checks menu or tray menu, resumes them."
                )
            )
        # A job that cannot run (no systemd) is reported, and is not "OK" for a script either.
        return EXIT_USAGE if report.state is JobState.FAILED else EXIT_OK
    if action == "remove":
        paths = getattr(ctx, "paths", None)
        saved = paths is None or paths.made()  # (a folder that is gone is not made again)
        reports = [osjobs.remove()]
        if saved:
            _save_run_when_closed(ctx, False)
        if getattr(args, "login_item", False):
            reports.append(osjobs.remove_autostart())
            if saved:
                _save_settings(ctx, start_at_login=False)
        for report in reports:
            print(report.message)
        # The job still there (a crontab line, which only the person removes) was not removed.
        failed = reports[0].installed or any(r.state is JobState.FAILED for r in reports)
        return EXIT_USAGE if failed else EXIT_OK
    # install
    settings = getattr(ctx, "settings", None)
    schedule = args.every or str(getattr(settings, "schedule", "off"))
    if parse_schedule(schedule) is ScheduleChoice.OFF:
        print(
            tr("Automatic checks are off. Choose: consentinel schedule install --every daily"),
            file=sys.stderr,
        )
        return EXIT_USAGE
    report = osjobs.install(schedule)
    changes: dict[str, bool | str] = {"schedule": schedule} if args.every else {}
    if report.installed:
        changes["run_when_closed"] = True
    if report.installed or report.unavailable:
        # Saved before the crontab line is given (no systemd) too: the runs it starts skip
        # until the settings' schedule is due, so that schedule must be the line's.
        _save_settings(ctx, **changes)
    stream = sys.stderr if report.state is JobState.FAILED else sys.stdout
    print(report.message, file=stream)
    return EXIT_USAGE if report.state is JobState.FAILED else EXIT_OK


def _say_if_the_next_run_is_skipped(
    ctx: AppContext, next_run: datetime | None, hourly_minute: int | None = None
) -> None:
    """The job's next time, as the OS says it, may come too soon after the last checks: that
    run will skip ("checked lately"); say when the first one that checks is. `hourly_minute`:
    the job is the crontab line run at that minute past every hour (no systemd), which checks
    at its first run after a time of the schedule, not at the time (JobReport)."""
    from datetime import datetime, timezone

    from consentinel.core.schedule import os_run_is_due
    from consentinel.core.schedule_slots import next_os_run

    settings = getattr(ctx, "settings", None)
    journal = getattr(ctx, "journal", None)
    if next_run is None or settings is None or journal is None or settings.schedule_paused:
        return  # (paused: every run skips, and that is said instead)
    handles = [account.handle for account in ctx.accounts.list()]
    last = journal.every_account_checked_at(handles)
    if os_run_is_due(last, settings.schedule, next_run):
        return
    served = None
    paths = getattr(ctx, "paths", None)
    if hourly_minute is not None and paths is not None:
        from consentinel.core.catch_up import read_served, stamp_path

        served = read_served(stamp_path(paths))  # (a time passed, not served: its run's)
    now = datetime.now(timezone.utc)
    checks_at = next_os_run(last, settings.schedule, now, hourly_minute, served)
    if checks_at is None:
        return
    from consentinel.cli.check_skips import waiting_for_you, waiting_words

    # An account whose last check stopped at what only the person can give was not checked.
    waiting = waiting_for_you(ctx, handles)
    for line in waiting_words(waiting, ctx):
        print(line)
    if waiting:
        said = tr(
            "No account is due at {skipped}, so that run is skipped; the first one that checks "
            "is at about {when}.",
            skipped=moment_text(next_run),
            when=moment_text(checks_at),
        )
    else:
        said = tr(
            "Every account was checked lately, so the run at {skipped} is skipped; the first "
            "one that checks is at about {when}.",
            skipped=moment_text(next_run),
            when=moment_text(checks_at),
        )
    print(said)


def _pause(ctx: AppContext, *, paused: bool) -> int:
    """`schedule pause` or `resume`: the app's "Pause automatic checks" (its tray, its Checks
    menu), saved and journaled as the app saves and journals it. Both the app's schedule and
    the OS job's runs read it. With automatic checks off there is nothing to pause, as in the
    app (a pause already on can still be undone)."""
    from consentinel.core.journal import JournalError
    from consentinel.core.schedule import ScheduleChoice, parse_schedule

    if ctx.settings.schedule_paused == paused:
        print(
            tr("Automatic checks were already paused.")
            if paused
            else tr("Automatic checks are not paused.")
        )
        return EXIT_OK
    if paused and parse_schedule(ctx.settings.schedule) is ScheduleChoice.OFF:
        print(tr("Automatic checks are off: there is nothing to pause."), file=sys.stderr)
        return EXIT_USAGE
    # Saved as the app saves it: a window open now, saving its own changes later, keeps it.
    _save_settings(ctx, schedule_paused=paused)
    try:
        ctx.journal.record_settings_changed({"schedule_paused": paused})
    except JournalError as error:  # (the pause holds; the journal says why it was not kept)
        print(str(error), file=sys.stderr)
    if paused:
        said = tr(
            "Automatic checks are paused, the app's and the OS job's, until: "
            "consentinel schedule resume"
        )
    else:
        said = tr("Automatic checks are resumed, the app's and the OS job's.")
    print(said)
    # (The open app's schedule reads the saved choice at its next tick: gui/auto_checks.py.)
    print(tr("A Consentinel window open now follows it within a minute."))
    return EXIT_OK


def _save_run_when_closed(ctx: AppContext, value: bool) -> None:
    """Keep the GUI's "Keep checking when Consentinel is closed" box in step with the OS job."""
    _save_settings(ctx, run_when_closed=value)


def _save_settings(ctx: AppContext, **values: bool | str) -> None:
    settings = getattr(ctx, "settings", None)
    save = getattr(ctx, "save_settings", None)
    known = {name: value for name, value in values.items() if hasattr(settings, name)}
    if settings is None or not known or not callable(save):
        return
    for name, value in known.items():
        setattr(settings, name, value)
    save()


def post_run_notifications(
    ctx: AppContext, run_result: RunResult, notifier: Notifier | None = None
) -> int:
    """After an unattended check: show what needs saying, journal it; never fails the run.

    Returns how many notifications the desktop accepted.
    """
    from consentinel.core.notify_delivery import deliver
    from consentinel.core.os_notifier import OsNotifier

    settings = getattr(ctx, "settings", None)
    if settings is not None and not getattr(settings, "notifications", True):
        return 0  # the person switched notifications off in the settings
    journal = getattr(ctx, "journal", None)
    recorder = journal if journal is not None and hasattr(journal, "record_notification") else None
    try:
        sent = deliver(run_result, notifier or OsNotifier(), recorder)
    except Exception:  # the check is done and journaled; a notification problem must not undo it
        log.exception("could not deliver notifications")
        return 0
    return sum(1 for _note, delivered in sent if delivered)


def post_notice(
    settings: Settings,
    note: Notification,
    journal: Any = None,
    notifier: Notifier | None = None,
) -> bool:
    """A scheduled run's notice about no run's accounts (core/notify_delivery.deliver_notice),
    unless the person switched notifications off; `journal` None when it cannot be written.
    Never fails the run. True when the desktop accepted it."""
    from consentinel.core.notify_delivery import deliver_notice
    from consentinel.core.os_notifier import OsNotifier

    if not settings.notifications:
        return False
    try:
        return deliver_notice(note, notifier or OsNotifier(), journal)
    except Exception:  # (the journal could not say or keep it): the run goes on, it is logged
        log.exception("could not deliver a notice")
        return False
