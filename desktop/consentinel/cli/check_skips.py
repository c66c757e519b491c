"""What a `check` says when it checks nothing, or leaves accounts for later: a scheduled run
with no account, paused, or whose accounts were all checked lately (by the open app, most
often), or that waits for the person (a 2FA code, a puzzle…). Said on stderr, the job's log
(the crontab line's hourly run: the app's log file only, as cron would mail it), and with
--json as one document of a run's keys, `skipped` and its reason."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from consentinel.core.i18n import tr

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from datetime import datetime

    from consentinel.core.context import AppContext
    from consentinel.core.paths import AppPaths
    from consentinel.core.status import Reason

EXIT_OK, EXIT_USAGE = 0, 2


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


def print_skipped(reason: str, **specific: object) -> None:
    """`check --json`'s answer when the check does not run, whatever the reason: one shape
    (a run's keys with no account, `skipped` and `reason`), then what is the reason's own."""
    print(json.dumps({**_NO_RUN, "skipped": True, "reason": reason, **specific}))


def no_accounts(args: argparse.Namespace, missing: list[str]) -> int:
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
        print_skipped("no_accounts")
    return EXIT_OK if scheduled else EXIT_USAGE


def paused(ctx: AppContext, as_json: bool) -> bool:
    """True (and said) when the person paused automatic checks in the app (its tray)."""
    if not ctx.settings.schedule_paused:
        return False
    print(
        tr("Automatic checks are paused in Consentinel; this scheduled check is skipped."),
        file=sys.stderr,
    )
    if as_json:
        print_skipped("paused")
    return True


def decimal_words(value: float) -> str:
    """3.5, or 3,5 in French."""
    from consentinel.core.i18n import current_language

    text = f"{value:g}"
    return text.replace(".", ",") if current_language() == "fr" else text


def due_now(
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
        print_skipped("checked_lately", **specific)
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


def say_checked_lately(ctx: AppContext, handles: list[str]) -> dict[str, Reason | None]:
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
