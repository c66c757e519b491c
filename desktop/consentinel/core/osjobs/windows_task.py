"""Windows: a Task Scheduler task (imported from XML with schtasks) that runs the check."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import tempfile
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from pathlib import Path
from xml.etree import ElementTree as ET

from consentinel.core.i18n import tr
from consentinel.core.osjobs.job import (
    JobCommand,
    JobReport,
    JobState,
    Runner,
    every_words,
    folder_suffix,
    gone_report,
    job_description,
    off_report,
    program_gone,
    run_command,
    write_file,
)
from consentinel.core.schedule import ScheduleChoice, interval_for, parse_schedule
from consentinel.core.schedule_slots import random_delay_for, slots_for

TASK_NAME = "\\Consentinel\\Check"
TASK_NS = "http://schemas.microsoft.com/windows/2004/02/mit/task"
SCHTASKS = "schtasks"
_DAY_NAMES = {1: "Monday", 2: "Tuesday", 3: "Wednesday", 4: "Thursday", 5: "Friday",
              6: "Saturday", 7: "Sunday"}  # fmt: skip


def iso_duration(delta: timedelta) -> str:
    """PT6H, PT15M, P1D… as Task Scheduler wants them."""
    seconds = int(delta.total_seconds())
    days, seconds = divmod(seconds, 86400)
    hours, seconds = divmod(seconds, 3600)
    minutes, seconds = divmod(seconds, 60)
    text = "P" + (f"{days}D" if days else "")
    time = (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    time += f"{seconds}S" if seconds else ""
    return text + ("T" + time if time else "") if (days or time) else "PT0S"


#: A .cmd file's first lines: cmd.exe reads each line of a batch file in the console's code
#: page when it reaches it, the OEM one (850 on a French Windows) unless told otherwise; after
#: `chcp 65001` it reads the rest as UTF-8, which is how the file is written, so that a path
#: such as C:\Users\Hélène\… is read as written. Both lines are ASCII: they read the same in
#: every code page. (No byte-order mark: cmd.exe would take it as part of the first command.)
BATCH_PROLOGUE = ("@echo off", "chcp 65001 >nul")


def batch_quote(value: str) -> str:
    # In a .cmd file only % needs escaping inside `set "NAME=value"`.
    return value.replace("%", "%%")


def render_wrapper(command: JobCommand) -> str:
    """A .cmd that sets the environment and runs the check: task actions cannot set variables.
    Written in UTF-8 (see BATCH_PROLOGUE)."""
    lines = list(BATCH_PROLOGUE)
    lines += [f'set "{k}={batch_quote(v)}"' for k, v in sorted(command.env.items())]
    lines.append(batch_quote(subprocess.list2cmdline(list(command.argv))))
    lines.append("exit /b %ERRORLEVEL%")
    return "\r\n".join(lines) + "\r\n"


def _sub(parent: ET.Element, tag: str, text: str | None = None) -> ET.Element:
    element = ET.SubElement(parent, f"{{{TASK_NS}}}{tag}")
    if text is not None:
        element.text = text
    return element


def render_task_xml(
    schedule: str,
    command: JobCommand,
    *,
    start_day: date,
    wrapper: Path | None = None,
    task_name: str = TASK_NAME,
) -> str:
    """The task definition; with `wrapper`, the action runs that .cmd instead of the command."""
    choice = parse_schedule(schedule)
    interval = interval_for(choice)
    slots = slots_for(choice)
    if interval is None or not slots:
        raise ValueError("no task for an off schedule")
    ET.register_namespace("", TASK_NS)
    task = ET.Element(f"{{{TASK_NS}}}Task", {"version": "1.2"})
    info = _sub(task, "RegistrationInfo")
    _sub(info, "Description", job_description(schedule))
    _sub(info, "URI", task_name)

    trigger = _sub(_sub(task, "Triggers"), "CalendarTrigger")
    first = min(slots, key=lambda s: (s.hour, s.minute))
    if interval < timedelta(days=1):
        repetition = _sub(trigger, "Repetition")
        _sub(repetition, "Interval", iso_duration(interval))
        _sub(repetition, "Duration", "P1D")
        _sub(repetition, "StopAtDurationEnd", "false")
    start = datetime.combine(start_day, datetime.min.time()).replace(
        hour=first.hour, minute=first.minute
    )
    _sub(trigger, "StartBoundary", start.strftime("%Y-%m-%dT%H:%M:%S"))  # local time
    _sub(trigger, "Enabled", "true")
    _sub(trigger, "RandomDelay", iso_duration(random_delay_for(choice)))
    if first.weekday is None:
        by_day = _sub(trigger, "ScheduleByDay")
        _sub(by_day, "DaysInterval", "1")
    else:
        by_week = _sub(trigger, "ScheduleByWeek")
        _sub(_sub(by_week, "DaysOfWeek"), _DAY_NAMES[first.weekday])
        _sub(by_week, "WeeksInterval", "1")

    principal = _sub(_sub(task, "Principals"), "Principal")
    principal.set("id", "Author")
    _sub(principal, "LogonType", "InteractiveToken")
    _sub(principal, "RunLevel", "LeastPrivilege")

    settings = _sub(task, "Settings")
    for tag, text in (
        ("MultipleInstancesPolicy", "IgnoreNew"),
        ("DisallowStartIfOnBatteries", "false"),
        ("StopIfGoingOnBatteries", "false"),
        ("AllowHardTerminate", "true"),
        # Catch up a run missed while the machine was off or asleep.
        ("StartWhenAvailable", "true"),
        ("RunOnlyIfNetworkAvailable", "false"),
        ("AllowStartOnDemand", "true"),
        ("Enabled", "true"),
        ("Hidden", "false"),
        ("RunOnlyIfIdle", "false"),
        ("WakeToRun", "false"),
        ("ExecutionTimeLimit", "PT2H"),
        ("Priority", "7"),
    ):
        _sub(settings, tag, text)

    actions = _sub(task, "Actions")
    actions.set("Context", "Author")
    exec_ = _sub(actions, "Exec")
    if wrapper is not None:
        _sub(exec_, "Command", str(wrapper))
    else:
        _sub(exec_, "Command", command.program)
        _sub(exec_, "Arguments", subprocess.list2cmdline(list(command.args)))
    ET.indent(task)
    body = ET.tostring(task, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-16"?>\n' + body + "\n"


class WindowsTaskJob:
    """Install, remove and report the task; schtasks is the only OS call."""

    what = "windows_task"

    def __init__(
        self,
        wrapper_dir: Path | None = None,
        runner: Runner = run_command,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        env = os.environ if environ is None else environ
        local = env.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        self.wrapper_dir = wrapper_dir or Path(local) / "Consentinel"
        self._run = runner
        #: This data folder's task (see folder_suffix).
        self._suffix = folder_suffix(env)
        self.task_name = TASK_NAME + self._suffix

    @property
    def wrapper_path(self) -> Path:
        return self.wrapper_dir / f"consentinel-check{self._suffix}.cmd"  # one per data folder too

    @property
    def record_path(self) -> Path:
        """What the task was installed to run (program and schedule), as written here: schtasks
        prints the task in a code page that is not sure to be the one it is read in, and a path
        misread (C:\\Users\\Hélène\\…) would be taken for a program gone."""
        return self.wrapper_dir / f"consentinel-check{self._suffix}.json"

    def install(self, schedule: str, command: JobCommand) -> JobReport:
        if parse_schedule(schedule) is ScheduleChoice.OFF:
            return off_report()
        wrapper: Path | None = None
        files: tuple[Path, ...] = ()
        if command.env:
            wrapper = self.wrapper_path
            write_file(wrapper, render_wrapper(command).encode("utf-8"))  # (no BOM)
            files = (wrapper,)
        xml = render_task_xml(
            schedule, command, start_day=date.today(), wrapper=wrapper, task_name=self.task_name
        )
        # schtasks reads the file as the declaration says: UTF-16 with its byte-order mark.
        fd, name = tempfile.mkstemp(prefix="consentinel-task-", suffix=".xml")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(xml.encode("utf-16"))
            outcome = self._run([SCHTASKS, "/Create", "/TN", self.task_name, "/XML", name, "/F"])
        finally:
            Path(name).unlink(missing_ok=True)
        if not outcome.ok:
            return JobReport(
                JobState.FAILED,
                tr("Task Scheduler refused the scheduled check: {detail}", detail=outcome.detail()),
                files,
            )
        record = {"program": command.program, "schedule": parse_schedule(schedule).value}
        write_file(self.record_path, json.dumps(record).encode("ascii"))  # (\u escapes)
        return JobReport(
            JobState.ACTIVE,
            tr(
                "Installed a Task Scheduler task: checks run {every}, "
                "even when Consentinel is closed.",
                every=every_words(schedule),
            ),
            (*files, self.record_path),
        )

    def remove(self) -> JobReport:
        outcome = self._run([SCHTASKS, "/Delete", "/TN", self.task_name, "/F"])
        self.wrapper_path.unlink(missing_ok=True)
        self.record_path.unlink(missing_ok=True)
        if not outcome.ok:
            return JobReport(JobState.NOT_INSTALLED, tr("No scheduled check was installed."))
        return JobReport(JobState.NOT_INSTALLED, tr("Removed the scheduled check."))

    def status(self) -> JobReport:
        outcome = self._run([SCHTASKS, "/Query", "/TN", self.task_name, "/FO", "CSV", "/NH"])
        if not outcome.ok:
            return JobReport(JobState.NOT_INSTALLED, tr("Scheduled check: not installed."))
        installed = self._installed()
        if installed is not None and program_gone(installed[0]):
            # Consentinel was moved, upgraded into another folder, or removed: the task still
            # starts at its times, and runs nothing.
            program, every = installed
            files = tuple(p for p in (self.wrapper_path, self.record_path) if p.exists())
            return gone_report(every, program, files)
        rows = [r for r in csv.reader(io.StringIO(outcome.stdout)) if r]
        # Columns: TaskName, Next Run Time, Status; the time is in the system's own format, so it
        # is shown as Windows wrote it rather than parsed.
        when = rows[0][1] if rows and len(rows[0]) > 1 else "?"
        return JobReport(
            JobState.ACTIVE,
            tr("Scheduled check: installed (Task Scheduler), next run {when}.", when=when),
        )

    def _installed(self) -> tuple[str, str] | None:
        """The program the task runs and its schedule's words, from record_path; None when
        unknown (a task installed by a version that wrote no record)."""
        try:
            record = json.loads(self.record_path.read_text(encoding="utf-8"))
            program, schedule = str(record["program"]), str(record["schedule"])
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return program, every_words(schedule)
