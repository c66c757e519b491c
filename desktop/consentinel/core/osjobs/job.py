"""What every OS job backend shares: the command it runs, its report, and how it calls the OS."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Protocol

from consentinel.core.fileio import StorageError, describe_os_error, make_private_dirs
from consentinel.core.i18n import SUPPORTED, current_language, tr, tr_in
from consentinel.core.schedule import ScheduleChoice, parse_schedule

#: The command line the OS job runs; the GUI's login item adds nothing but --minimized.
#: `--from-schedule` (a hidden option) tells the check that the OS job started it, so that the
#: journal says "by the schedule" whatever the job gives it: the Task Scheduler gives a console
#: (a terminal) to the check it runs with python.exe. (A job installed by a version without it
#: is still told by having no terminal.)
FROM_SCHEDULE = "--from-schedule"
CHECK_ARGS = ("check", "--unattended", FROM_SCHEDULE)
#: What the crontab line adds (no systemd): cron runs it every hour, and the run checks only
#: for a time of the schedule not served yet, a missed one too (core/catch_up.py).
CATCH_UP = "--catch-up"
GUI_ARGS = ("--minimized",)
#: Environment that the job must see to do what the app that installed it does: the same data
#: folder, the same X (a job installed from a demo's shell must not send its passwords to the
#: real x.com), the same browser.
PASSED_ENV = ("CONSENTINEL_HOME", "CONSENTINEL_X_ORIGIN", "CONSENTINEL_BROWSER")
#: Where the platform's folders are (platformdirs reads them), when the session that installs
#: the job moved them: a job started by cron or systemd does not see a session's own, and would
#: open other folders, empty. (Without CONSENTINEL_HOME only: with it, they name nothing of ours.)
FOLDERS_ENV = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME")
#: Where Playwright's own browser is (x/browser.py looks there), whatever the data folder.
BROWSER_FOLDERS_ENV = ("XDG_CACHE_HOME", "PLAYWRIGHT_BROWSERS_PATH")
#: Playwright's "0": its browsers inside its own package (not a folder, but meant as one).
_IN_PLAYWRIGHT = ("PLAYWRIGHT_BROWSERS_PATH", "0")


class JobState(str, Enum):
    """Where an OS job stands."""

    ACTIVE = "active"  # installed and known to the OS scheduler: it will run
    INSTALLED = "installed"  # files in place, but the OS scheduler has not loaded them (yet)
    NOT_INSTALLED = "not_installed"
    FAILED = "failed"  # the OS refused; `message` says why


@dataclass(frozen=True)
class JobReport:
    """The outcome of install/remove/status, with one translated sentence for a person."""

    state: JobState
    message: str
    files: tuple[Path, ...] = ()
    next_run: datetime | None = None
    #: This computer has no scheduler Consentinel can install a job into (no systemd).
    unavailable: bool = False
    #: Lines of the person's crontab that run this check too, and that only they can remove
    #: (the old form's, beside the hourly one): the message names them.
    to_remove: tuple[str, ...] = ()
    #: The job is the crontab line cron runs at this minute past every hour (no systemd): it
    #: checks for a time of the schedule at its first run after it, not at the time itself
    #: (schedule_slots.next_os_run). None for every other job.
    hourly_minute: int | None = None
    #: `crontab -l` failed (its program's error, not "no crontab"): whether the crontab has
    #: this folder's line is not known, though the report says it has none.
    crontab_unread: bool = False

    @property
    def installed(self) -> bool:
        return self.state in (JobState.ACTIVE, JobState.INSTALLED)


@dataclass(frozen=True)
class JobCommand:
    """An absolute program, its arguments, and the environment variables to pass on."""

    argv: tuple[str, ...]
    env: Mapping[str, str] = field(default_factory=dict)

    @property
    def program(self) -> str:
        return self.argv[0]

    @property
    def args(self) -> tuple[str, ...]:
        return self.argv[1:]


def folder_suffix(environ: Mapping[str, str] | None = None) -> str:
    """What each data folder's OS job adds to its name: nothing for the platform's own folder,
    "-" and 8 hex digits for a CONSENTINEL_HOME one, so that two folders' jobs (a demo's and
    the real one, one per client) neither replace nor remove each other."""
    env = os.environ if environ is None else environ
    home = env.get("CONSENTINEL_HOME")
    if not home:
        return ""
    root = Path(home).expanduser().absolute().resolve()
    return "-" + hashlib.sha256(str(root).encode("utf-8")).hexdigest()[:8]


def _passed_env(environ: Mapping[str, str]) -> dict[str, str]:
    passed = {name: environ[name] for name in PASSED_ENV if environ.get(name)}
    if "CONSENTINEL_HOME" in passed:
        # The job runs from another folder than the shell that installed it: a relative or
        # "~" path would name another data folder there.
        passed["CONSENTINEL_HOME"] = os.path.abspath(os.path.expanduser(passed["CONSENTINEL_HOME"]))
    # (The XDG standard ignores a relative folder: so does the job.)
    folders = (
        BROWSER_FOLDERS_ENV if "CONSENTINEL_HOME" in passed else FOLDERS_ENV + BROWSER_FOLDERS_ENV
    )
    passed |= {
        name: environ[name]
        for name in folders
        if environ.get(name)
        and (os.path.isabs(environ[name]) or (name, environ[name]) == _IN_PLAYWRIGHT)
    }
    return passed


def _interpreter() -> str:
    # abspath, not resolve(): a virtualenv's python is a symlink, and following it would leave the
    # virtualenv and lose its packages.
    return os.path.abspath(sys.executable)


#: A bundle's windowless program (no console window flashes on Windows at each run; the .app's
#: binary on macOS). Given `check`, it runs the check, not the window (gui/launch.py).
BUNDLE_WINDOWLESS = ("consentinel-gui", "consentinel-gui.exe")


def _bundle_program() -> str:
    """The bundle's windowless program beside this one, else this one."""
    folder = Path(_interpreter()).parent
    for name in BUNDLE_WINDOWLESS:
        if (folder / name).is_file():
            return str(folder / name)
    return _interpreter()


def check_command(environ: Mapping[str, str] | None = None) -> JobCommand:
    """`<this interpreter> -m consentinel check --unattended --from-schedule`, or the bundle's
    windowless program with `check --unattended --from-schedule`."""
    env = _passed_env(os.environ if environ is None else environ)
    if getattr(sys, "frozen", False):
        return JobCommand(argv=(_bundle_program(), *CHECK_ARGS), env=env)
    return JobCommand(argv=(_interpreter(), "-m", "consentinel", *CHECK_ARGS), env=env)


def gui_command(environ: Mapping[str, str] | None = None) -> JobCommand:
    """`consentinel-gui --minimized`, preferring the launcher beside this interpreter."""
    env = _passed_env(os.environ if environ is None else environ)
    if getattr(sys, "frozen", False):
        return JobCommand(argv=(_bundle_program(), *GUI_ARGS), env=env)
    bindir = Path(_interpreter()).parent
    for name in ("consentinel-gui", "consentinel-gui.exe"):
        candidate = bindir / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return JobCommand(argv=(str(candidate), *GUI_ARGS), env=env)
    found = shutil.which("consentinel-gui")
    if found:
        return JobCommand(argv=(os.path.abspath(found), *GUI_ARGS), env=env)
    return JobCommand(argv=(_interpreter(), "-m", "consentinel.gui.launch", *GUI_ARGS), env=env)


@dataclass(frozen=True)
class CommandOutcome:
    returncode: int
    stdout: str = ""
    stderr: str = ""

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def detail(self) -> str:
        return (self.stderr or self.stdout).strip()


class Runner(Protocol):
    def __call__(self, argv: Sequence[str]) -> CommandOutcome: ...


def run_command(argv: Sequence[str]) -> CommandOutcome:
    """Run an OS tool (systemctl, launchctl, schtasks); a missing tool is an outcome."""
    try:
        done = subprocess.run(
            list(argv), capture_output=True, text=True, timeout=60, check=False, stdin=None
        )
    except FileNotFoundError:
        return CommandOutcome(127, stderr=tr("{tool} is not installed.", tool=argv[0]))
    except subprocess.TimeoutExpired:
        return CommandOutcome(124, stderr=tr("{tool} did not answer in time.", tool=argv[0]))
    except OSError as error:
        return CommandOutcome(126, stderr=str(error))
    return CommandOutcome(done.returncode, done.stdout, done.stderr)


def write_file(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write whole or not at all (temp file + rename), owner-only; a failure is a StorageError
    that names the file."""
    try:
        _write_file(path, data, mode)
    except OSError as error:
        cause = describe_os_error(error)
        message = tr("Could not save {path}: {cause}.", path=path, cause=cause)
        raise StorageError(message, error.errno) from error


def _write_file(path: Path, data: bytes, mode: int) -> None:
    make_private_dirs(path.parent)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def every_words(schedule: str, lang: str | None = None) -> str:
    """'every 6 hours', 'every day'… in the person's language, or in `lang`."""
    lang = lang or current_language()
    choice = parse_schedule(schedule)
    words = {
        ScheduleChoice.EVERY_6H: tr_in(lang, "every 6 hours"),
        ScheduleChoice.EVERY_12H: tr_in(lang, "every 12 hours"),
        ScheduleChoice.DAILY: tr_in(lang, "every day"),
        ScheduleChoice.WEEKLY: tr_in(lang, "every week"),
    }
    return words.get(choice, tr_in(lang, "never"))


def job_description(schedule: str | None = None) -> str:
    """What the OS's own tools show of a job (Task Scheduler's window, `systemctl status`): the
    job with `schedule`, else its service. In English and French, whatever the person's language
    now: they read it outside the app, maybe after changing it."""

    def said_in(lang: str) -> str:
        if schedule is None:
            return tr_in(lang, "Consentinel: check that X accounts stay out of AI training")
        every = every_words(schedule, lang)
        return tr_in(lang, "Consentinel: check X accounts {every}", every=every)

    return " / ".join(said_in(lang) for lang in SUPPORTED)


def program_gone(program: str | None) -> bool:
    """Whether the program an installed job names is no longer there to run: Consentinel was
    moved (out of a disk image or Downloads, into Applications), upgraded into another folder,
    or removed. The job still fires, and runs nothing."""
    return program is None or not (os.path.isfile(program) and os.access(program, os.X_OK))


def gone_report(every: str, program: str | None, files: tuple[Path, ...] = ()) -> JobReport:
    """What status() says of a job whose program is gone (program_gone), on every platform."""
    return JobReport(
        JobState.FAILED,
        tr(
            "Scheduled check: installed ({every}), but the program it runs is gone "
            "({program}). Install it again: consentinel schedule install, or save the "
            "settings in the app.",
            every=every,
            program=program or "?",
        ),
        files,
    )


def off_report() -> JobReport:
    return JobReport(
        JobState.FAILED,
        tr("Automatic checks are off: choose how often to check (6h, 12h, daily or weekly) first."),
    )
