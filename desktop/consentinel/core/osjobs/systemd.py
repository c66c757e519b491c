"""Linux: a systemd user timer + service that runs the unattended check on the schedule."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import shlex
import shutil
from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from pathlib import Path

from consentinel.core.fileio import make_private_dirs
from consentinel.core.i18n import tr
from consentinel.core.osjobs.job import (
    CATCH_UP,
    CommandOutcome,
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
from consentinel.core.schedule import ScheduleChoice, parse_schedule
from consentinel.core.schedule_slots import random_delay_for, slots_for

#: The units' name for the platform's own data folder; another folder's adds its suffix.
UNIT_NAME = "consentinel-check"
SERVICE = f"{UNIT_NAME}.service"
TIMER = f"{UNIT_NAME}.timer"
#: A run longer than this is stopped by systemd (30 accounts take minutes): whatever it waits
#: for (a keyring asking for its password, a hung browser), the next runs are not held up.
RUN_TIMEOUT = "1h"
WANTS_DIR = "timers.target.wants"
#: An X- key is ignored by systemd; it lets status() say which schedule is installed.
SCHEDULE_KEY = "X-ConsentinelSchedule"
_WEEKDAYS = {1: "Mon", 2: "Tue", 3: "Wed", 4: "Thu", 5: "Fri", 6: "Sat", 7: "Sun"}


def user_unit_dir(environ: Mapping[str, str] | None = None) -> Path:
    """$XDG_CONFIG_HOME/systemd/user (default ~/.config/systemd/user)."""
    env = os.environ if environ is None else environ
    config = env.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "systemd" / "user"


def quote_arg(arg: str, *, program: bool = False) -> str:
    """One ExecStart= word: specifiers (%) and variables ($) escaped, quoted when needed. The
    program (the first word) has specifiers expanded but no variables: its "$" is its own."""
    escaped = arg.replace("%", "%%")
    if not program:
        escaped = escaped.replace("$", "$$")
    if escaped and not any(c in escaped for c in " \t\n\"'\\;"):
        return escaped
    return '"' + escaped.replace("\\", "\\\\").replace('"', '\\"') + '"'


def quote_assignment(name: str, value: str) -> str:
    """One Environment= assignment, quoted so that spaces and quotes survive."""
    text = f"{name}={value}".replace("%", "%%")
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def installed_program(service_text: str) -> str | None:
    """The program an installed service runs: ExecStart='s first word, as quote_arg wrote it."""
    for line in service_text.splitlines():
        if line.startswith("ExecStart="):
            words = shlex.split(line.removeprefix("ExecStart="))
            return words[0].replace("%%", "%") if words else None
    return None


def on_calendar(schedule: str) -> str:
    """The OnCalendar= expression for a schedule, e.g. '*-*-* 00,06,12,18:00:00'."""
    slots = slots_for(schedule)
    if not slots:
        raise ValueError(f"no calendar for schedule {schedule!r}")
    weekdays = sorted({s.weekday for s in slots if s.weekday is not None})
    day = ",".join(_WEEKDAYS[d] for d in weekdays) + " " if weekdays else ""
    hours = ",".join(f"{h:02d}" for h in sorted({s.hour for s in slots}))
    minutes = ",".join(f"{m:02d}" for m in sorted({s.minute for s in slots}))
    return f"{day}*-*-* {hours}:{minutes}:00"


def cron_times(schedule: str) -> str:
    """A crontab line's five time fields for a schedule, at the timer's times: '0 12 * * 1'
    (cron numbers Sunday 0, the slots 7). The form of the lines given before the hourly one
    (`crontab_line`), which made up no missed check."""
    slots = slots_for(schedule)
    if not slots:
        raise ValueError(f"no cron times for schedule {schedule!r}")
    weekdays = sorted({s.weekday % 7 for s in slots if s.weekday is not None})
    day = ",".join(str(d) for d in weekdays) or "*"
    hours = ",".join(str(h) for h in sorted({s.hour for s in slots}))
    minutes = ",".join(str(m) for m in sorted({s.minute for s in slots}))
    return f"{minutes} {hours} * * {day}"


#: The hourly line's minute is below this: the shortest of the timer's random delays (15
#: minutes, every 6 hours), so that a slot is served no later than the timer would serve it.
CATCH_UP_MINUTES = 15


def catch_up_minute(seed: str) -> int:
    """The minute of the hour the crontab line runs at, the same for one person's line at
    every install, another for another person's: people do not all reach X at the same minute,
    as the timer's random delay spreads them."""
    return int(hashlib.sha256(seed.encode("utf-8")).hexdigest(), 16) % CATCH_UP_MINUTES


def crontab_line(schedule: str, command: JobCommand) -> str:
    """The whole crontab line that runs `command` every hour with --catch-up, its data folder
    included: cron makes up no run missed while the computer was off or asleep, so the run
    itself serves the schedule's times, a missed one at the first hour after it
    (core/catch_up.py). Lines of the old form (`cron_times`, at the slots only) still run."""
    if not slots_for(schedule):
        raise ValueError(f"no cron times for schedule {schedule!r}")
    words = [f"{k}={v}" for k, v in sorted(command.env.items())] + list(command.argv)
    words.append(CATCH_UP)
    # cron reads a bare % in a command as a new line.
    said = shlex.join(words).replace("%", "\\%")
    # (Not from the whole line: the session's bus it names may come and go.)
    minute = catch_up_minute(f"{Path.home()}\n{command.env.get('CONSENTINEL_HOME', '')}")
    return f"{minute} * * * * {said}"


#: A crontab line's word that sets a variable for the command (NAME=value), before its program.
_ASSIGNMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*=")


def _own_crontab_lines(crontab: str, home: str | None) -> list[tuple[str, list[str]]]:
    """The lines of `crontab` (`crontab -l`'s output) that run this data folder's scheduled
    check, each with its command's words after its variables (the program first). `home`:
    this folder's CONSENTINEL_HOME, absolute (None: the platform's folders)."""
    found = []
    for line in crontab.splitlines():
        fields = line.strip().split(None, 5)
        if len(fields) < 6 or fields[0].startswith("#"):
            continue
        try:
            words = shlex.split(fields[5].replace("\\%", "%"))
        except ValueError:  # (not a line of ours)
            continue
        env: dict[str, str] = {}
        while words and _ASSIGNMENT.match(words[0]):
            name, _, value = words.pop(0).partition("=")
            env[name] = value
        if "check" not in words or "--unattended" not in words:
            continue
        if (env.get("CONSENTINEL_HOME") or None) == home:
            found.append((line.strip(), words))
    return found


def old_form_crontab_line(crontab: str, home: str | None) -> str | None:
    """The line of `crontab` that runs this data folder's scheduled check in the old form, at
    the schedule's times only (`cron_times`, without --catch-up), which makes up no check
    missed while the computer was off or asleep; None when there is none."""
    old = old_form_crontab_lines(crontab, home)
    return old[0] if old else None


def old_form_crontab_lines(crontab: str, home: str | None) -> tuple[str, ...]:
    """Every line of `crontab` that runs this data folder's scheduled check in the old form
    (`old_form_crontab_line`)."""
    return tuple(line for line, words in _own_crontab_lines(crontab, home) if CATCH_UP not in words)


def with_old_lines_to_remove(report: JobReport, crontab: str) -> JobReport:
    """`report` on this folder's hourly crontab line, and what is to be done of the lines of
    the old form the crontab still has beside it: they run on at the schedule's times, a
    second run then, until the person removes them (Consentinel does not rewrite a crontab)."""
    old = old_form_crontab_lines(crontab, _folder())
    if not old:
        return report
    said = tr(
        "Your crontab also runs the scheduled check with a line of the old form, at the "
        "schedule's times: a second run then, beside the hourly line's. Remove this line "
        "with crontab -e:"
    )
    message = "\n".join([report.message, said, *old])
    return dataclasses.replace(report, message=message, to_remove=old)


def new_form_crontab_line(crontab: str, home: str | None) -> tuple[str, str] | None:
    """The line of `crontab` that runs this data folder's scheduled check every hour with
    --catch-up (`crontab_line`), and the program it runs; None when there is none."""
    new = [(line, words) for line, words in _own_crontab_lines(crontab, home) if CATCH_UP in words]
    return (new[0][0], new[0][1][0]) if new else None


def session_bus_for_cron(environ: Mapping[str, str] | None = None) -> str | None:
    """This session's bus address, when a job cron starts can reach it too: the fixed one at
    /run/user/<uid>/bus (dbus-launch's and dbus-run-session's change at every login, and cron
    starts jobs with no bus at all). The keyring and the notifications are reached over it."""
    address = (os.environ if environ is None else environ).get("DBUS_SESSION_BUS_ADDRESS", "")
    getuid = getattr(os, "getuid", None)
    if getuid is None or not address.startswith("unix:path="):
        return None
    fixed = f"/run/user/{getuid()}/bus"
    # Without the rest (",guid=…": the bus's id, new at every start, which a client checks).
    return f"unix:path={fixed}" if bus_socket(address) == fixed else None


def bus_socket(address: str) -> str | None:
    """The socket's path a D-Bus address names ("unix:path=P,guid=…": P); None for another
    kind of address (abstract, tcp) or none."""
    if not address.startswith("unix:path="):
        return None
    return address.removeprefix("unix:path=").split(",")[0]


#: What sd_booted() looks at: present only on a computer that runs systemd.
SYSTEMD_RUN_DIR = Path("/run/systemd/system")


def systemd_booted() -> bool:
    """Whether this computer runs systemd (containers and WSL often do not)."""
    return SYSTEMD_RUN_DIR.is_dir()


def render_service(command: JobCommand) -> str:
    lines = [
        "[Unit]",
        f"Description={job_description()}",
        "",
        "[Service]",
        "Type=oneshot",
        "ExecStart=" + " ".join(quote_arg(a, program=i == 0) for i, a in enumerate(command.argv)),
        f"TimeoutStartSec={RUN_TIMEOUT}",
        # Exit 1: the run did its work and found a box on or an account that needs the person
        # (it said so, and journaled it); a run that could not check (2) or stopped on an
        # unexpected error (70, cli/crash) is a failed job.
        "SuccessExitStatus=1",
    ]
    lines += [f"Environment={quote_assignment(k, v)}" for k, v in sorted(command.env.items())]
    # A background check should not compete with what the person is doing.
    lines += ["Nice=10", "IOSchedulingClass=idle", ""]
    return "\n".join(lines)


def render_timer(schedule: str, service: str = SERVICE) -> str:
    choice = parse_schedule(schedule)
    delay = int(random_delay_for(choice).total_seconds())
    return "\n".join(
        [
            "[Unit]",
            f"Description={job_description(schedule)}",
            "",
            "[Timer]",
            f"OnCalendar={on_calendar(choice)}",
            # Persistent: a run missed while the machine was off happens as soon as it is on.
            "Persistent=true",
            f"RandomizedDelaySec={delay}",
            "AccuracySec=1min",
            f"Unit={service}",
            f"{SCHEDULE_KEY}={choice.value}",
            "",
            "[Install]",
            "WantedBy=timers.target",
            "",
        ]
    )


def installed_schedule(timer_text: str) -> ScheduleChoice | None:
    for line in timer_text.splitlines():
        key, _, value = line.partition("=")
        if key.strip() == SCHEDULE_KEY:
            return parse_schedule(value.strip())
    return None


class SystemdUserJob:
    """Install, remove and report the timer in the user's systemd unit folder."""

    what = "systemd"

    def __init__(
        self,
        unit_dir: Path | None = None,
        runner: Runner = run_command,
        systemctl: str | None = None,
        *,
        unit_name: str | None = None,
        booted: Callable[[], bool] | None = None,
    ) -> None:
        self.unit_dir = unit_dir or user_unit_dir()
        self._run = runner
        self._systemctl = systemctl if systemctl is not None else shutil.which("systemctl")
        #: This data folder's units (see folder_suffix).
        self.unit_name = unit_name or UNIT_NAME + folder_suffix()
        self._booted = booted or systemd_booted

    @property
    def service(self) -> str:
        return f"{self.unit_name}.service"

    @property
    def timer(self) -> str:
        return f"{self.unit_name}.timer"

    @property
    def service_path(self) -> Path:
        return self.unit_dir / self.service

    @property
    def timer_path(self) -> Path:
        return self.unit_dir / self.timer

    @property
    def wants_link(self) -> Path:
        return self.unit_dir / WANTS_DIR / self.timer

    def _not_systemd_report(self, schedule: str, command: JobCommand) -> JobReport:
        bus = session_bus_for_cron()
        if bus is not None:  # (cron starts its jobs with no bus: the line names it)
            command = JobCommand(command.argv, {**command.env, "DBUS_SESSION_BUS_ADDRESS": bus})
        # The line stands on a line of its own, to be copied whole (it used to end a sentence
        # that the next one followed on the same line). cron runs a line at its times only,
        # where systemd's timer (Persistent=true) makes up a check missed while the computer
        # was off or asleep: the line runs every hour and makes it up itself (catch_up.py).
        said = "\n".join(
            (
                tr(
                    "This computer does not run systemd, so Consentinel cannot check on a "
                    "schedule while it is closed. Keep Consentinel open (in the tray it checks "
                    "on schedule), or have your own scheduler run it in your session (the "
                    "keyring and the notifications need it). For cron, the line to add with "
                    "crontab -e runs every hour and checks {every}; as with systemd, a check "
                    "missed while the computer was off or asleep is made within the hour after "
                    "it is back on. The line is:",
                    every=every_words(schedule),
                ),
                crontab_line(schedule, command),
            )
        )
        if bus is None:
            said += "\n" + tr(
                "But this session's bus has no fixed address, so a job cron starts cannot "
                "open the keyring, nor show a notification: here, keep Consentinel open."
            )
        return JobReport(JobState.FAILED, said, unavailable=True)

    def _in_crontab_already(self, schedule: str) -> JobReport | None:
        """The person's crontab runs this folder's check every hour already (the line given
        before, which reads the schedule saved in the settings at each run): nothing to add,
        and the job is there (the window's "Keep checking" box stays ticked)."""
        crontab = self._crontab()
        found = new_form_crontab_line(crontab, _folder())
        if found is None or program_gone(found[1]):
            return None
        report = JobReport(
            JobState.ACTIVE,
            tr(
                "Your crontab already runs the scheduled check every hour, with the line "
                "Consentinel gives; it checks {every}, as chosen in the settings. There is "
                "nothing to add.",
                every=every_words(schedule),
            ),
            unavailable=True,
        )
        return with_old_lines_to_remove(report, crontab)

    def manager_available(self) -> bool:
        """Whether a systemd user manager answers (not in most containers, nor over plain ssh)."""
        if not self._systemctl:
            return False
        return self._run([self._systemctl, "--user", "show", "--property=Version"]).ok

    def install(self, schedule: str, command: JobCommand) -> JobReport:
        if parse_schedule(schedule) is ScheduleChoice.OFF:
            return off_report()
        if not self._booted():
            return self._in_crontab_already(schedule) or self._not_systemd_report(schedule, command)
        files = (self.service_path, self.timer_path)
        before = {path: _read_or_none(path) for path in files}
        write_file(self.service_path, render_service(command).encode("utf-8"))
        write_file(self.timer_path, render_timer(schedule, self.service).encode("utf-8"))
        if self.manager_available():
            assert self._systemctl is not None
            for argv in (
                [self._systemctl, "--user", "daemon-reload"],
                [self._systemctl, "--user", "enable", "--now", self.timer],
            ):
                outcome = self._run(argv)
                if not outcome.ok:
                    # Refused: the units go back to what they were, so that status() keeps
                    # telling the truth about what runs.
                    self._restore(before)
                    return JobReport(
                        JobState.FAILED,
                        tr("systemd refused the timer: {detail}", detail=outcome.detail()),
                        files,
                    )
            status = self.status()
            return JobReport(
                JobState.ACTIVE,
                tr(
                    "Installed a systemd user timer: checks run {every}, "
                    "even when Consentinel is closed.",
                    every=every_words(schedule),
                ),
                files,
                status.next_run,
            )
        # No user manager to talk to: enable the timer the way `systemctl enable` would (the
        # wants/ link), so that it starts with the user manager at the next login.
        self._link_wants()
        return JobReport(
            JobState.INSTALLED,
            tr(
                "Wrote {timer}, but the systemd user manager is not running here, so the timer "
                "starts at your next login. To start it now, run: "
                "systemctl --user daemon-reload && systemctl --user enable --now {name}",
                timer=str(self.timer_path),
                name=self.timer,
            ),
            (*files, self.wants_link),
        )

    def remove(self) -> JobReport:
        existed = self.timer_path.exists() or self.service_path.exists()
        if self.manager_available():
            assert self._systemctl is not None
            # Failing to disable a timer the manager never loaded is fine: the files go anyway.
            self._run([self._systemctl, "--user", "disable", "--now", self.timer])
        for path in (self.wants_link, self.timer_path, self.service_path):
            if path.is_symlink() or path.exists():
                path.unlink()
        if self.manager_available():
            assert self._systemctl is not None
            self._run([self._systemctl, "--user", "daemon-reload"])
        left = [] if self._booted() else _own_crontab_lines(self._crontab(), _folder())
        if left:
            # Consentinel never wrote the crontab, and does not rewrite it: `crontab -` replaces
            # the whole file, and a `crontab -e` open meanwhile, or a cron whose `crontab -l`
            # adds its own header, would lose or change the person's other lines. The job is
            # still there: said (not a failure, so that Delete all my data goes on).
            said = tr(
                "Your crontab still runs the scheduled check: Consentinel does not change your "
                "crontab. To stop it, remove this line with crontab -e:"
            )
            return JobReport(
                JobState.ACTIVE,
                "\n".join([said, *(line for line, _words in left)]),
                unavailable=True,
            )
        if not existed:
            return JobReport(JobState.NOT_INSTALLED, tr("No scheduled check was installed."))
        return JobReport(JobState.NOT_INSTALLED, tr("Removed the scheduled check."))

    def status(self) -> JobReport:
        if not self.timer_path.exists():
            listed = None if self._booted() else self._run(["crontab", "-l"])
            crontab = listed.stdout if listed is not None and listed.ok else ""
            cron = self._cron_report(crontab) if crontab else None
            if cron is not None:
                return with_old_lines_to_remove(cron, crontab)
            if crontab and old_form_crontab_line(crontab, _folder()) is not None:
                return JobReport(
                    JobState.NOT_INSTALLED,
                    tr(
                        "Scheduled check: this computer does not run systemd, and your crontab "
                        "runs it with a line of the old form, at the schedule's times only: it "
                        "makes up no check missed while the computer was off or asleep. Replace "
                        'it (crontab -e) with the line the command "consentinel schedule '
                        'install" gives, which does.'
                    ),
                    unavailable=True,
                )
            if not self._booted():  # nothing to install here: say so, not just "not installed"
                return JobReport(
                    JobState.NOT_INSTALLED,
                    tr(
                        "Scheduled check: not installed. This computer does not run "
                        "systemd, so nothing checks while Consentinel is closed; "
                        'the command "consentinel schedule install" says how to have cron '
                        "do it."
                    ),
                    unavailable=True,
                    crontab_unread=listed is not None and _crontab_unread(listed),
                )
            return JobReport(JobState.NOT_INSTALLED, tr("Scheduled check: not installed."))
        files = (self.service_path, self.timer_path)
        schedule = installed_schedule(self.timer_path.read_text(encoding="utf-8"))
        every = every_words(schedule.value) if schedule else "?"
        if not self._booted():
            return JobReport(
                JobState.FAILED,
                tr(
                    "Scheduled check: installed ({every}) but this computer does not run "
                    "systemd, so it never runs. Remove it: consentinel schedule remove",
                    every=every,
                ),
                files,
            )
        program = installed_program(self.service_path.read_text(encoding="utf-8"))
        if program_gone(program):
            return gone_report(every, program, files)
        if not self.manager_available():
            return JobReport(
                JobState.INSTALLED,
                tr(
                    "Scheduled check: installed ({every}, systemd user timer); the systemd user "
                    "manager is not running, so it starts at your next login.",
                    every=every,
                ),
                files,
            )
        assert self._systemctl is not None
        # systemctl prints times in the local zone and its own format; asking for UTC in the C
        # locale gives one format to parse (--timestamp=unix is ignored by `show` in v252).
        outcome = self._run(
            [
                "env",
                "TZ=UTC",
                "LC_ALL=C",
                self._systemctl,
                "--user",
                "show",
                self.timer,
                "--property=ActiveState",
                "--property=NextElapseUSecRealtime",
            ]
        )
        props = dict(
            line.partition("=")[::2] for line in outcome.stdout.splitlines() if "=" in line
        )
        next_run = parse_systemd_timestamp(props.get("NextElapseUSecRealtime", ""))
        if props.get("ActiveState") != "active":
            return JobReport(
                JobState.INSTALLED,
                tr(
                    "Scheduled check: installed ({every}) but the timer is not active; run: "
                    "systemctl --user enable --now {name}",
                    every=every,
                    name=self.timer,
                ),
                files,
            )
        when = next_run.astimezone().strftime("%Y-%m-%d %H:%M") if next_run else "?"
        return JobReport(
            JobState.ACTIVE,
            tr(
                "Scheduled check: installed ({every}, systemd user timer), next run {when}.",
                every=every,
                when=when,
            ),
            files,
            next_run,
        )

    def _crontab(self) -> str:
        """`crontab -l`'s lines ("" when there is none, or no crontab program)."""
        listed = self._run(["crontab", "-l"])
        return listed.stdout if listed.ok else ""

    def _cron_report(self, crontab: str) -> JobReport | None:
        """What status() says of this data folder's crontab line of the new form (no systemd
        here); None when the crontab has none. Consentinel cannot install one itself, so the
        one the person added as `schedule install` said is the job: it runs every hour, and
        reads the schedule saved in the settings at each run (catch_up.py)."""
        found = new_form_crontab_line(crontab, _folder())
        if found is None:
            return None
        schedule = _saved_schedule()
        every = every_words(schedule)
        if program_gone(found[1]):
            return dataclasses.replace(gone_report(every, found[1]), unavailable=True)
        if parse_schedule(schedule) is ScheduleChoice.OFF:
            said = tr(
                "Scheduled check: installed (a line in your crontab, which cron runs every "
                "hour), but automatic checks are off in the settings, so it checks nothing."
            )
        else:
            said = tr(
                "Scheduled check: installed ({every}, a line in your crontab, which cron runs "
                "every hour); a check missed while the computer was off or asleep is made "
                "within the hour after it is back on.",
                every=every,
            )
            minute = _hourly_minute(found[0])
            next_run = None if minute is None else _cron_next_run(minute, schedule)
            if next_run is not None:  # (said as the timer's is)
                when = next_run.astimezone().strftime("%Y-%m-%d %H:%M")
                said += " " + tr("Next run: {when}.", when=when)
                return JobReport(
                    JobState.ACTIVE,
                    said,
                    next_run=next_run,
                    unavailable=True,
                    hourly_minute=minute,
                )
        return JobReport(JobState.ACTIVE, said, unavailable=True)

    def _restore(self, before: dict[Path, bytes | None]) -> None:
        for path, data in before.items():
            if data is None:
                path.unlink(missing_ok=True)
            else:
                write_file(path, data)
        if self._systemctl is not None:
            self._run([self._systemctl, "--user", "daemon-reload"])

    def _link_wants(self) -> None:
        link = self.wants_link
        make_private_dirs(link.parent)
        if link.is_symlink() or link.exists():
            link.unlink()
        link.symlink_to(Path("..") / self.timer)


def _crontab_unread(listed: CommandOutcome) -> bool:
    """`crontab -l` failed for a reason of its own (cron's folder unreadable, the program
    refused or timed out), not because the person has no crontab ("no crontab for NAME", cron's
    words on Linux and macOS) nor because there is no crontab program (no cron to run a line)."""
    return not listed.ok and listed.returncode != 127 and "no crontab" not in listed.stderr.lower()


def _folder() -> str | None:
    """This data folder's CONSENTINEL_HOME as a crontab line names it (absolute), or None."""
    home = os.environ.get("CONSENTINEL_HOME", "").strip()
    return os.path.abspath(os.path.expanduser(home)) if home else None


def _hourly_minute(line: str) -> int | None:
    """The minute past every hour at which cron runs the crontab `line`. None for a line whose
    times are not "M * * * *" (changed by hand: when cron runs it is not worked out here)."""
    times = line.split(None, 5)[:5]
    if not times[0].isdigit() or int(times[0]) > 59 or times[1:] != ["*"] * 4:
        return None
    return int(times[0])


def _cron_next_run(minute: int, schedule: str) -> datetime | None:
    """When the crontab line run at `minute` past every hour next checks
    (catch_up.next_check): the first of its runs at or after the slot it serves next, not the
    slot itself."""
    from consentinel.core.catch_up import next_check, read_served, stamp_path
    from consentinel.core.paths import AppPaths

    served = read_served(stamp_path(AppPaths.from_env()))
    return next_check(schedule, served, datetime.now(timezone.utc), minute)


def _saved_schedule() -> str:
    """The schedule saved in the settings, which the crontab line's runs follow."""
    from consentinel.core.paths import AppPaths
    from consentinel.core.settings import peek_settings

    return peek_settings(AppPaths.from_env()).schedule


def _read_or_none(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def parse_systemd_timestamp(text: str) -> datetime | None:
    """'Sat 2026-11-28 18:03:27 UTC' (or '@1700000000'); anything else is not known."""
    text = text.strip()
    if text.startswith("@"):
        try:
            return datetime.fromtimestamp(int(text[1:]), tz=timezone.utc)
        except ValueError:
            return None
    parts = text.split()
    if len(parts) != 4 or parts[3] != "UTC":
        return None
    try:
        naive = datetime.strptime(f"{parts[1]} {parts[2]}", "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    return naive.replace(tzinfo=timezone.utc)
