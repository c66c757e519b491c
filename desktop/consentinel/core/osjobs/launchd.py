"""macOS: a LaunchAgent that runs the unattended check at calendar times (launchctl bootstrap)."""

from __future__ import annotations

import os
import plistlib
from datetime import datetime
from pathlib import Path
from typing import Any

from consentinel import APP_ID
from consentinel.core.i18n import tr
from consentinel.core.osjobs.job import (
    JobCommand,
    JobReport,
    JobState,
    Runner,
    every_words,
    folder_suffix,
    gone_report,
    off_report,
    program_gone,
    run_command,
    write_file,
)
from consentinel.core.schedule import ScheduleChoice, parse_schedule
from consentinel.core.schedule_slots import Slot, next_slot_time, slots_for

CHECK_LABEL = f"{APP_ID}.check"
LAUNCHCTL = "/bin/launchctl"


def launch_agents_dir(home: Path | None = None) -> Path:
    return (home or Path.home()) / "Library" / "LaunchAgents"


def calendar_entries(schedule: str) -> list[dict[str, int]]:
    """StartCalendarInterval dictionaries (launchd's Weekday: 0 or 7 is Sunday, 1 Monday)."""
    entries = []
    for slot in slots_for(schedule):
        entry = {"Hour": slot.hour, "Minute": slot.minute}
        if slot.weekday is not None:
            entry["Weekday"] = slot.weekday % 7
        entries.append(entry)
    return entries


def render_check_plist(schedule: str, command: JobCommand, label: str = CHECK_LABEL) -> bytes:
    if parse_schedule(schedule) is ScheduleChoice.OFF:
        raise ValueError("no LaunchAgent for an off schedule")
    plist: dict[str, Any] = {
        "Label": label,
        "ProgramArguments": list(command.argv),
        # launchd coalesces calendar times missed while asleep into one run at wake-up.
        "StartCalendarInterval": calendar_entries(schedule),
        "RunAtLoad": False,
        "ProcessType": "Background",
        "LowPriorityIO": True,
    }
    if command.env:
        plist["EnvironmentVariables"] = dict(command.env)
    return plistlib.dumps(plist, fmt=plistlib.FMT_XML, sort_keys=True)


def slots_from_plist(plist: dict[str, Any]) -> tuple[Slot, ...]:
    raw = plist.get("StartCalendarInterval", [])
    entries = raw if isinstance(raw, list) else [raw]
    slots = []
    for entry in entries:
        weekday = entry.get("Weekday")
        slots.append(
            Slot(
                hour=int(entry.get("Hour", 0)),
                minute=int(entry.get("Minute", 0)),
                weekday=None if weekday is None else (int(weekday) % 7 or 7),
            )
        )
    return tuple(slots)


def installed_schedule(slots: tuple[Slot, ...]) -> ScheduleChoice | None:
    """The schedule whose calendar times an installed agent has (None: none of ours)."""
    for choice in ScheduleChoice:
        wanted = slots_for(choice)
        if wanted and set(wanted) == set(slots):
            return choice
    return None


def installed_program(plist: dict[str, Any]) -> str | None:
    """The program an installed agent runs: ProgramArguments' first word."""
    argv = plist.get("ProgramArguments")
    return str(argv[0]) if isinstance(argv, list) and argv else None


class LaunchdJob:
    """Install, remove and report the check's LaunchAgent; launchctl is the only OS call."""

    what = "launchd"

    def __init__(
        self,
        agents_dir: Path | None = None,
        runner: Runner = run_command,
        uid: int | None = None,
    ) -> None:
        self.agents_dir = agents_dir or launch_agents_dir()
        self._run = runner
        self._uid = uid if uid is not None else _getuid()
        #: This data folder's agent (see folder_suffix).
        self.label = CHECK_LABEL + folder_suffix()

    @property
    def plist_path(self) -> Path:
        return self.agents_dir / f"{self.label}.plist"

    @property
    def _domain(self) -> str:
        return f"gui/{self._uid}"

    def install(self, schedule: str, command: JobCommand) -> JobReport:
        if parse_schedule(schedule) is ScheduleChoice.OFF:
            return off_report()
        # launchd refuses agents that others can write; owner-only is fine for it.
        write_file(self.plist_path, render_check_plist(schedule, command, self.label), mode=0o600)
        # A previous version may be loaded: bootstrap fails on a loaded label, so unload first.
        self._run([LAUNCHCTL, "bootout", f"{self._domain}/{self.label}"])
        outcome = self._run([LAUNCHCTL, "bootstrap", self._domain, str(self.plist_path)])
        if not outcome.ok:
            return JobReport(
                JobState.FAILED,
                tr("launchd refused the scheduled check: {detail}", detail=outcome.detail()),
                (self.plist_path,),
            )
        return JobReport(
            JobState.ACTIVE,
            tr(
                "Installed a LaunchAgent: checks run {every}, even when Consentinel is closed.",
                every=every_words(schedule),
            ),
            (self.plist_path,),
            next_slot_time(slots_for(schedule), datetime.now().astimezone()),
        )

    def remove(self) -> JobReport:
        existed = self.plist_path.exists()
        self._run([LAUNCHCTL, "bootout", f"{self._domain}/{self.label}"])
        self.plist_path.unlink(missing_ok=True)
        if not existed:
            return JobReport(JobState.NOT_INSTALLED, tr("No scheduled check was installed."))
        return JobReport(JobState.NOT_INSTALLED, tr("Removed the scheduled check."))

    def status(self) -> JobReport:
        if not self.plist_path.exists():
            return JobReport(JobState.NOT_INSTALLED, tr("Scheduled check: not installed."))
        plist = plistlib.loads(self.plist_path.read_bytes())
        slots = slots_from_plist(plist)
        program = installed_program(plist)
        if program_gone(program):
            # The app was run from the disk image or Downloads, then moved to Applications (or
            # removed): launchd still starts the agent at its times, and it runs nothing.
            schedule = installed_schedule(slots)
            every = every_words(schedule.value) if schedule else "?"
            return gone_report(every, program, (self.plist_path,))
        loaded = self._run([LAUNCHCTL, "print", f"{self._domain}/{self.label}"]).ok
        if not loaded:
            return JobReport(
                JobState.INSTALLED,
                tr("Scheduled check: the LaunchAgent exists but launchd has not loaded it."),
                (self.plist_path,),
            )
        next_run = next_slot_time(slots, datetime.now().astimezone())
        when = next_run.strftime("%Y-%m-%d %H:%M") if next_run else "?"
        return JobReport(
            JobState.ACTIVE,
            tr("Scheduled check: installed (LaunchAgent), next run {when}.", when=when),
            (self.plist_path,),
            next_run,
        )


def _getuid() -> int:
    getuid = getattr(os, "getuid", None)
    return int(getuid()) if getuid is not None else 0
