"""What saving the settings asks of the OS: the job that checks while Consentinel is closed, the
start at login and the applications menu entry, installed or removed; and what the OS said."""

from __future__ import annotations

import dataclasses
import logging
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from consentinel.core import osjobs
from consentinel.core.osjobs import JobReport

if TYPE_CHECKING:
    from collections.abc import Callable

    from consentinel.core.context import AppContext
    from consentinel.core.settings import Settings

log = logging.getLogger(__name__)

# The dialog's own words: its context in the catalogues (as its self.tr() has).
translate = QCoreApplication.translate


def apply_jobs(
    ctx: AppContext,
    before: Settings,
    after: Settings,
    *,
    tray: bool,
    untick_keep_checking: Callable[[], None],
) -> list[JobReport]:
    """(Un)install the OS jobs whose settings changed (or that no longer run); what the OS said
    of each. `untick_keep_checking` is called when the job checking while closed failed."""
    reports: list[JobReport] = []
    job_changed = (before.run_when_closed, before.schedule) != (
        after.run_when_closed,
        after.schedule,
    )

    def keep_checking_is_off() -> None:
        """The OS job could not be installed: the box and the settings say so, not the wish."""
        untick_keep_checking()
        ctx.settings.run_when_closed = False
        try:
            ctx.save_settings()
        except OSError:
            log.warning("could not save the settings after a failed schedule install")

    try:
        # Also when the installed job no longer runs (Consentinel moved, or the job removed
        # by hand): saving puts it right.
        if after.run_when_closed and (job_changed or not osjobs.status().installed):
            report = osjobs.install(after.schedule)
            reports.append(report)
            if report.state is osjobs.JobState.FAILED:
                keep_checking_is_off()
        elif before.run_when_closed and not after.run_when_closed:
            reports.append(osjobs.remove())
    except OSError as error:  # the OS job's files could not be written
        reports.append(JobReport(osjobs.JobState.FAILED, str(error)))
        if after.run_when_closed:
            keep_checking_is_off()
    try:
        item = osjobs.login_item()
        # Also when the item in place starts another copy (Consentinel moved, or downloaded
        # again): a desktop entry's TryExec hides it then, and nothing starts at login.
        if after.start_at_login and (not before.start_at_login or item.names_another_program()):
            reports.append(_said_for_this_desktop(item.install(), tray=tray))
        elif before.start_at_login and not after.start_at_login:
            reports.append(item.remove())
    except OSError as error:
        reports.append(JobReport(osjobs.JobState.FAILED, str(error)))
    reports.extend(_refresh_menu_entry())
    return reports


def _said_for_this_desktop(report: JobReport, *, tray: bool) -> JobReport:
    """The login item's report, which says "in the tray", said as it will be here."""
    if tray or report.state is not osjobs.JobState.ACTIVE:
        return report
    return dataclasses.replace(
        report,
        message=translate(
            "SettingsDialog",
            "Consentinel will start at login with its window minimized: this desktop shows "
            "no tray.",
        ),
    )


def _refresh_menu_entry() -> list[JobReport]:
    """The applications menu entry (`consentinel desktop-entry install`) pointed at this
    copy when it starts another one: moved, its TryExec hid it from the menu."""
    if not sys.platform.startswith("linux"):
        return []
    from consentinel.core import desktop_entry

    try:
        done = desktop_entry.refresh()
    except desktop_entry.DesktopEntryError as error:
        return [JobReport(osjobs.JobState.FAILED, str(error))]
    if done is None:
        return []
    return [JobReport(osjobs.JobState.ACTIVE, done.message, done.files)]


def jobs_words(reports: list[JobReport]) -> str:
    """What the OS said of each job, a paragraph each: what failed in the error colour, what
    worked in the window's own (one red block made "will start at login" look failed too)."""
    from html import escape

    from consentinel.gui.message_style import error_color

    paragraphs = []
    for report in reports:
        failed = report.state is osjobs.JobState.FAILED
        colour = f' style="color: {error_color()}"' if failed else ""
        # (A line of its own stays one: the crontab line to copy, where there is no systemd.)
        text = escape(report.message, quote=False).replace("\n", "<br>")
        paragraphs.append(f"<p{colour}>{text}</p>")
    return "".join(paragraphs)
