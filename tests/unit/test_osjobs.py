"""OS jobs: systemd units verified by systemd itself, plist and Task XML read back field by field.

Only the OS calls that cannot run on this Linux machine are replaced by a recording fake:
`launchctl` (macOS) and `schtasks` (Windows). systemd's files are checked by the real
`systemd-analyze`, the desktop entry by the real `desktop-file-validate`.
"""

from __future__ import annotations

import configparser
import os
import plistlib
import shlex
import shutil
import subprocess
import sys
from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from consentinel.core.french_typography import typeset
from consentinel.core.osjobs import JobState, check_job, login_item, systemd
from consentinel.core.osjobs.autostart import (
    desktop_exec_arg,
    launchd_login_item,
    render_startup_cmd,
    windows_login_item,
    xdg_login_item,
)
from consentinel.core.osjobs.job import (
    CommandOutcome,
    JobCommand,
    JobReport,
    check_command,
    folder_suffix,
    gui_command,
)
from consentinel.core.osjobs.launchd import CHECK_LABEL, LaunchdJob, render_check_plist
from consentinel.core.osjobs.systemd import (
    SERVICE,
    TIMER,
    UNIT_NAME,
    SystemdUserJob,
    cron_times,
    crontab_line,
    installed_program,
    on_calendar,
    render_service,
    render_timer,
)
from consentinel.core.osjobs.windows_task import (
    BATCH_PROLOGUE,
    TASK_NAME,
    WindowsTaskJob,
    render_task_xml,
    render_wrapper,
)
from consentinel.core.schedule_slots import next_slot_time, slots_for

SCHEDULES = ["6h", "12h", "daily", "weekly"]
NS = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}


def require_tool(name: str, package: str) -> str:
    """The tool's path; a missing tool fails the test with how to install it (never a skip)."""
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: install it with `sudo apt-get install -y {package}`")
    return path


class FakeRunner:
    """Stands in for launchctl/schtasks, which do not exist on Linux: records, answers as told."""

    def __init__(self, answers: dict[str, CommandOutcome] | None = None) -> None:
        self.calls: list[list[str]] = []
        self.answers = answers or {}
        self.seen_files: dict[str, bytes] = {}

    def __call__(self, argv: Sequence[str]) -> CommandOutcome:
        self.calls.append(list(argv))
        if "/XML" in argv:  # keep what schtasks would have read before the file is deleted
            path = argv[list(argv).index("/XML") + 1]
            self.seen_files[path] = Path(path).read_bytes()
        for verb, outcome in self.answers.items():
            if verb in argv:
                return outcome
        return CommandOutcome(0)


def home_command(home: str) -> JobCommand:
    return check_command({"CONSENTINEL_HOME": home})


def make_program(path: Path) -> Path:
    """An executable file standing for the installed app's program."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("")
    path.chmod(0o700)
    return path


def gone_message(every: str, program: Path) -> str:
    """The one sentence every platform's status says of a job whose program is gone."""
    if os.environ.get("CONSENTINEL_LANG") == "fr":
        return typeset(
            f"Vérification planifiée : installée ({every}), mais le programme qu'elle lance "
            f"n'existe plus ({program}). Installez-la à nouveau : consentinel schedule install, "
            "ou enregistrez les paramètres dans l'application."
        )
    return (
        f"Scheduled check: installed ({every}), but the program it runs is gone ({program}). "
        "Install it again: consentinel schedule install, or save the settings in the app."
    )


def read_as_cmd(data: bytes, oem: str = "cp850") -> list[str]:
    """A batch file's lines as cmd.exe reads them: each in the console's code page when it
    reaches it, the OEM one (850: a French Windows) until a `chcp` line changes it."""
    codepage, lines = oem, []
    for raw in data.split(b"\r\n"):
        line = raw.decode(codepage)
        lines.append(line)
        words = line.lstrip("@").split()
        if words[:1] == ["chcp"] and len(words) > 1:
            codepage = {"65001": "utf-8"}.get(words[1], f"cp{words[1]}")
    return lines


# -- commands ---------------------------------------------------------------------------------


def test_check_command_is_this_interpreter_with_absolute_path(consentinel_home: Path) -> None:
    cmd = check_command()
    assert os.path.isabs(cmd.program)
    assert os.access(cmd.program, os.X_OK)
    assert cmd.args == ("-m", "consentinel", "check", "--unattended", "--from-schedule")
    assert cmd.env["CONSENTINEL_HOME"] == str(consentinel_home)
    assert check_command({}).env == {}
    # What the job needs to do what the app does, and nothing else of the environment: a job
    # installed from a demo's shell checks the demo's X, not x.com with the demo's passwords.
    demo = {
        "CONSENTINEL_HOME": "/tmp/demo",
        "CONSENTINEL_X_ORIGIN": "http://127.0.0.1:8765",
        "PATH": "/usr/bin",
        "DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/1000/bus",
    }
    # Run from another folder than the installing shell's, the job needs an absolute path.
    relative = check_command({"CONSENTINEL_HOME": "relhome"}).env["CONSENTINEL_HOME"]
    assert relative == os.path.join(os.getcwd(), "relhome")
    assert check_command(demo).env == {
        "CONSENTINEL_HOME": "/tmp/demo",
        "CONSENTINEL_X_ORIGIN": "http://127.0.0.1:8765",
    }


def test_a_session_that_moved_its_folders_gives_them_to_the_job() -> None:
    """XDG_DATA_HOME and its kin, set in the session that installs the job, say where the
    data folder is (platformdirs): a job run by cron or systemd does not see them, and would
    check from another, empty, folder. Passed on when absolute (the standard ignores others),
    and not with CONSENTINEL_HOME, which puts everything in one folder of its own."""
    moved = {
        "XDG_DATA_HOME": "/srv/me/data",
        "XDG_CONFIG_HOME": "/srv/me/config",
        "XDG_STATE_HOME": "relative/state",
        "XDG_RUNTIME_DIR": "/run/user/1000",
        "XDG_CACHE_HOME": "/srv/me/cache",  # where Playwright's own Chromium is
        "PLAYWRIGHT_BROWSERS_PATH": "/opt/browsers",
    }
    assert check_command(moved).env == {
        "XDG_DATA_HOME": "/srv/me/data",
        "XDG_CONFIG_HOME": "/srv/me/config",
        "XDG_CACHE_HOME": "/srv/me/cache",
        "PLAYWRIGHT_BROWSERS_PATH": "/opt/browsers",
    }
    assert gui_command(moved).env == check_command(moved).env
    inside = check_command({"PLAYWRIGHT_BROWSERS_PATH": "0"}).env  # (in Playwright's package)
    assert inside == {"PLAYWRIGHT_BROWSERS_PATH": "0"}
    assert check_command({**moved, "CONSENTINEL_HOME": "/tmp/demo"}).env == {
        "CONSENTINEL_HOME": "/tmp/demo",
        "XDG_CACHE_HOME": "/srv/me/cache",
        "PLAYWRIGHT_BROWSERS_PATH": "/opt/browsers",
    }


def test_a_bundle_runs_its_checks_with_its_windowless_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A PyInstaller bundle (simulated: sys.frozen cannot be true here) holds `consentinel`
    (with a console on Windows) and `consentinel-gui` (without). Its jobs run the windowless
    one, whichever of the two installed them: no console window flashes at each run."""
    for name in ("consentinel", "consentinel-gui"):
        (tmp_path / name).write_text("")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "consentinel"))
    assert check_command({}).argv == (
        str(tmp_path / "consentinel-gui"),
        "check",
        "--unattended",
        "--from-schedule",
    )
    assert gui_command({}).argv == (str(tmp_path / "consentinel-gui"), "--minimized")


def test_the_windowless_program_given_check_runs_the_check_not_the_window(
    consentinel_home: Path,
) -> None:
    """What that job runs: the GUI launcher with `check --unattended` is the command line's
    check (here: no account yet, said, and not a failed run: exit 0), and never starts Qt."""
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from consentinel.gui.launch import main; "
         "code = main(['check', '--unattended']); "
         "assert 'PySide6' not in sys.modules; sys.exit(code)"],
        capture_output=True, text=True, timeout=60, check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "No accounts yet, so this scheduled check has nothing to check" in done.stderr


def test_gui_command_is_the_launcher_minimized() -> None:
    cmd = gui_command({})
    assert cmd.args[-1] == "--minimized"
    assert os.path.isabs(cmd.program)


# -- systemd ----------------------------------------------------------------------------------


@pytest.mark.parametrize("schedule", SCHEDULES)
def test_systemd_units_pass_systemd_analyze_verify(
    schedule: str, tmp_path: Path, consentinel_home: Path
) -> None:
    analyze = require_tool("systemd-analyze", "systemd")
    unit_dir = tmp_path / "units"
    unit_dir.mkdir()
    odd_home = str(tmp_path / "my home 100%" / 'quote"d')  # spaces, % and " must survive
    (unit_dir / SERVICE).write_text(render_service(home_command(odd_home)))
    (unit_dir / TIMER).write_text(render_timer(schedule))
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    # --user needs a runtime directory, which a container has none of; a private one is enough.
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime)}
    done = subprocess.run(
        [analyze, "verify", "--user", str(unit_dir / TIMER), str(unit_dir / SERVICE)],
        capture_output=True,
        text=True,
        env=env,
        cwd=unit_dir,
        check=False,
    )
    assert done.returncode == 0 and done.stderr == "", done.stderr
    # (test_systemd_live.py has a real user manager read ExecStart and Environment back.)
    service = configparser.ConfigParser(interpolation=None, strict=False)
    service.read_string((unit_dir / SERVICE).read_text())
    assert service["Service"]["Type"] == "oneshot"
    assert service["Service"]["TimeoutStartSec"] == "1h"  # a run waiting forever holds none up
    # A run that found a box on, or someone to tell, is not a failed job (`systemctl --failed`).
    assert service["Service"]["SuccessExitStatus"] == "1"
    timer = configparser.ConfigParser(interpolation=None, strict=False)
    timer.read_string((unit_dir / TIMER).read_text())
    assert timer["Timer"]["Persistent"] == "true"
    assert int(timer["Timer"]["RandomizedDelaySec"]) > 0
    assert timer["Timer"]["Unit"] == SERVICE
    assert timer["Install"]["WantedBy"] == "timers.target"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_os_tools_describe_the_job_in_both_languages_whatever_the_persons(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Task Scheduler's window and `systemctl status` show the description long after the job
    # was installed, maybe after the person changed the app's language.
    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    daily = typeset(
        "Consentinel: check X accounts every day / Consentinel : vérifier les comptes X chaque jour"
    )
    timer = configparser.ConfigParser(interpolation=None, strict=False)
    timer.read_string(render_timer("daily"))
    assert timer["Unit"]["Description"] == daily
    cmd = JobCommand(argv=("python", "-m", "consentinel", "check", "--unattended"))
    xml = render_task_xml("daily", cmd, start_day=date(2026, 3, 2))
    task = ET.fromstring(xml.split("\n", 1)[1])
    assert task.findtext("t:RegistrationInfo/t:Description", namespaces=NS) == daily
    service = configparser.ConfigParser(interpolation=None, strict=False)
    service.read_string(render_service(cmd))
    assert service["Unit"]["Description"] == typeset(
        "Consentinel: check that X accounts stay out of AI training"
        " / Consentinel : vérifier que les comptes X restent hors de l'entraînement de l'IA"
    )


def test_a_program_whose_path_holds_dollar_and_percent_signs_is_run_as_it_is(
    tmp_path: Path,
) -> None:
    """systemd expands specifiers (%) in ExecStart='s program but no variables ($): "$$" there
    named another program, which the unit could not run, while `schedule status` said the
    program was there."""
    analyze = require_tool("systemd-analyze", "systemd")
    folder = tmp_path / "a$b 5%c"
    folder.mkdir()
    program = folder / "python"
    program.symlink_to(sys.executable)
    text = render_service(JobCommand(argv=(str(program), "-m", "consentinel", "$HOME")))
    (tmp_path / SERVICE).write_text(text)
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    done = subprocess.run(
        [analyze, "verify", "--user", str(tmp_path / SERVICE)],
        capture_output=True,
        text=True,
        env={**os.environ, "XDG_RUNTIME_DIR": str(runtime)},
        check=False,
    )
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert installed_program(text) == str(program)
    assert '"$$HOME"' in text or " $$HOME" in text  # (an argument's "$" stays escaped)


def test_systemd_verify_catches_a_broken_exec_start(tmp_path: Path) -> None:
    # Proves the verify test above would fail if ExecStart pointed at nothing.
    analyze = require_tool("systemd-analyze", "systemd")
    bad = JobCommand(argv=(str(tmp_path / "no-such-python"), "-m", "consentinel"))
    (tmp_path / SERVICE).write_text(render_service(bad))
    done = subprocess.run(
        [analyze, "verify", str(tmp_path / SERVICE)], capture_output=True, text=True, check=False
    )
    assert done.returncode != 0
    assert "not executable" in done.stderr


@pytest.mark.parametrize("schedule", SCHEDULES)
def test_on_calendar_matches_our_slots_according_to_systemd(schedule: str) -> None:
    analyze = require_tool("systemd-analyze", "systemd")
    done = subprocess.run(
        [analyze, "calendar", "--iterations=3", on_calendar(schedule)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "TZ": "UTC", "LC_ALL": "C"},
    )
    elapses = [
        datetime.strptime(line.split(":", 1)[1].strip()[4:23], "%Y-%m-%d %H:%M:%S")
        for line in done.stdout.splitlines()
        if line.strip().startswith(("Next elapse:", "Iter. #"))
    ]
    assert len(elapses) == 3
    # Our own next_slot_time (used where the OS cannot tell us) agrees with systemd.
    after = elapses[0] - timedelta(seconds=1)
    mine = []
    for _ in range(3):
        nxt = next_slot_time(slots_for(schedule), after)
        assert nxt is not None
        mine.append(nxt)
        after = nxt
    assert mine == elapses


def test_systemd_install_without_user_manager_writes_enabled_files_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The real systemctl is used: this container has no user manager, and that is the case tested.
    systemctl = require_tool("systemctl", "systemd")
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    job = SystemdUserJob(
        unit_dir=tmp_path / "systemd" / "user", systemctl=systemctl, booted=lambda: True
    )  # a computer that runs systemd, reached over ssh: no user manager for this session
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))  # a runtime dir with no manager in it
    assert job.manager_available() is False
    report = job.install("12h", check_command())
    status = job.status()
    assert report.state is JobState.INSTALLED
    assert "not running" in report.message and "systemctl --user" in report.message
    assert job.timer_path.exists() and job.service_path.exists()
    assert os.readlink(job.wants_link) == f"../{job.timer}"
    assert (job.wants_link.parent / os.readlink(job.wants_link)).resolve() == job.timer_path
    assert status.state is JobState.INSTALLED and "every 12 hours" in status.message
    removed = job.remove()
    assert removed.state is JobState.NOT_INSTALLED
    assert not job.timer_path.exists() and not job.wants_link.is_symlink()
    assert job.status().state is JobState.NOT_INSTALLED
    assert "No scheduled check" in job.remove().message


def test_systemd_install_with_a_user_manager_reloads_and_enables(tmp_path: Path) -> None:
    # A fake systemctl that says a manager is running, to check the calls made to it. The real
    # manager is exercised in test_systemd_live.py.
    runner = FakeRunner(
        {
            "show": CommandOutcome(
                0,
                "ActiveState=active\nNextElapseUSecRealtime=Sat 2026-11-28 18:03:27 UTC\n"
                "Version=252\n",
            )
        }
    )
    job = SystemdUserJob(
        unit_dir=tmp_path, runner=runner, systemctl="/usr/bin/systemctl", booted=lambda: True
    )
    report = job.install("daily", check_command())
    assert report.state is JobState.ACTIVE
    assert ["/usr/bin/systemctl", "--user", "daemon-reload"] in runner.calls
    assert ["/usr/bin/systemctl", "--user", "enable", "--now", job.timer] in runner.calls
    assert report.next_run == datetime(2026, 11, 28, 18, 3, 27, tzinfo=timezone.utc)


def test_a_job_whose_program_is_gone_is_not_reported_as_fine(tmp_path: Path) -> None:
    """Consentinel was moved or upgraded into another folder: the timer still fires, and runs
    nothing. Its status says so, with what to do, instead of "next run at…"."""
    runner = FakeRunner(
        {"show": CommandOutcome(0, "ActiveState=active\nNextElapseUSecRealtime=\nVersion=252\n")}
    )
    job = SystemdUserJob(
        unit_dir=tmp_path, runner=runner, systemctl="/usr/bin/systemctl", booted=lambda: True
    )
    program = tmp_path / "Downloads" / "consentinel 0.1" / "consentinel-gui"
    program.parent.mkdir(parents=True)
    program.write_text("#!/bin/sh\n")
    program.chmod(0o700)
    assert job.install("daily", JobCommand((str(program), "check", "--unattended"))).installed
    assert installed_program(job.service_path.read_text()) == str(program)
    assert job.status().state is JobState.ACTIVE
    program.unlink()
    gone = job.status()
    assert gone.state is JobState.FAILED
    assert gone.message == gone_message("every day", program)


def test_a_timer_systemd_refuses_leaves_the_units_as_they_were(tmp_path: Path) -> None:
    # A fake systemctl: a manager that answers, then refuses to enable the new timer.
    manager = {"show": CommandOutcome(0, "Version=252\n")}
    job = SystemdUserJob(unit_dir=tmp_path, runner=FakeRunner(manager),
                         systemctl="/usr/bin/systemctl", booted=lambda: True)  # fmt: skip
    assert job.install("daily", check_command()).state is JobState.ACTIVE
    daily = job.timer_path.read_bytes()
    refusing = FakeRunner({**manager, "enable": CommandOutcome(1, stderr="Access denied")})
    job = SystemdUserJob(unit_dir=tmp_path, runner=refusing,
                         systemctl="/usr/bin/systemctl", booted=lambda: True)  # fmt: skip
    report = job.install("weekly", check_command())
    assert report.state is JobState.FAILED and "Access denied" in report.message
    assert job.timer_path.read_bytes() == daily  # status() still says "every day", truly
    # Nothing was installed before: a refusal leaves nothing behind.
    fresh = SystemdUserJob(unit_dir=tmp_path / "fresh", runner=refusing,
                           systemctl="/usr/bin/systemctl", booted=lambda: True)  # fmt: skip
    assert fresh.install("daily", check_command()).state is JobState.FAILED
    assert not fresh.timer_path.exists() and not fresh.service_path.exists()


# -- launchd (launchctl is faked: macOS only) -------------------------------------------------


@pytest.mark.parametrize("schedule", SCHEDULES)
def test_launch_agent_plist_field_by_field(schedule: str) -> None:
    cmd = home_command("/Users/ada/Consentinel data")
    plist = plistlib.loads(render_check_plist(schedule, cmd))
    assert plist["Label"] == CHECK_LABEL == "org.consentinel.Consentinel.check"
    assert plist["ProgramArguments"] == list(cmd.argv)
    assert plist["ProgramArguments"][1:] == [
        "-m",
        "consentinel",
        "check",
        "--unattended",
        "--from-schedule",
    ]
    assert plist["EnvironmentVariables"] == {"CONSENTINEL_HOME": "/Users/ada/Consentinel data"}
    assert plist["RunAtLoad"] is False
    assert plist["ProcessType"] == "Background"
    entries = plist["StartCalendarInterval"]
    expected = {
        "6h": [{"Hour": h, "Minute": 0} for h in (0, 6, 12, 18)],
        "12h": [{"Hour": 0, "Minute": 0}, {"Hour": 12, "Minute": 0}],
        "daily": [{"Hour": 12, "Minute": 0}],
        "weekly": [{"Hour": 12, "Minute": 0, "Weekday": 1}],
    }[schedule]
    assert entries == expected


def test_launchd_install_bootstraps_and_remove_boots_out(tmp_path: Path) -> None:
    runner = FakeRunner({"print": CommandOutcome(0)})
    job = LaunchdJob(agents_dir=tmp_path / "LaunchAgents", runner=runner, uid=501)
    report = job.install("6h", check_command())
    assert report.state is JobState.ACTIVE
    assert runner.calls[-1] == ["/bin/launchctl", "bootstrap", "gui/501", str(job.plist_path)]
    assert plistlib.loads(job.plist_path.read_bytes())["Label"] == job.label
    assert oct(job.plist_path.stat().st_mode & 0o777) == "0o600"
    status = job.status()
    assert status.state is JobState.ACTIVE and status.next_run is not None
    assert status.next_run.hour in (0, 6, 12, 18)
    job.remove()
    assert ["/bin/launchctl", "bootout", f"gui/501/{job.label}"] in runner.calls
    assert not job.plist_path.exists()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_launch_agent_whose_program_is_gone_is_not_reported_as_fine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """The app was run from the disk image or Downloads, then dragged to Applications: launchd
    still starts the agent, which runs nothing. Its status says so, as on Linux (launchctl is
    faked: it answers that the agent is loaded)."""
    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    runner = FakeRunner({"print": CommandOutcome(0)})
    job = LaunchdJob(agents_dir=tmp_path / "LaunchAgents", runner=runner, uid=501)
    app = tmp_path / "Downloads" / "Consentinel.app"
    program = make_program(app / "Contents" / "MacOS" / "consentinel-gui")
    assert job.install("weekly", JobCommand((str(program), "check", "--unattended"))).installed
    assert job.status().state is JobState.ACTIVE
    app.rename(tmp_path / "Consentinel.app")  # moved to Applications
    gone = job.status()
    every = {"en": "every week", "fr": "chaque semaine"}[lang]
    assert (gone.state, gone.message) == (JobState.FAILED, gone_message(every, program))
    assert gone.files == (job.plist_path,)


def test_launchd_refusal_is_reported(tmp_path: Path) -> None:
    runner = FakeRunner({"bootstrap": CommandOutcome(5, stderr="Bootstrap failed: 5: I/O error")})
    report = LaunchdJob(agents_dir=tmp_path, runner=runner, uid=501).install(
        "daily", check_command()
    )
    assert report.state is JobState.FAILED and "I/O error" in report.message


# -- Windows Task Scheduler (schtasks is faked: Windows only) ---------------------------------


@pytest.mark.parametrize("schedule", SCHEDULES)
def test_task_xml_field_by_field(schedule: str) -> None:
    cmd = JobCommand(argv=(r"C:\Program Files\Python311\python.exe", "-m", "consentinel", "check",
                           "--unattended"))  # fmt: skip
    xml = render_task_xml(schedule, cmd, start_day=date(2026, 3, 2))
    assert xml.startswith('<?xml version="1.0" encoding="UTF-16"?>')
    root = ET.fromstring(xml.split("\n", 1)[1])
    assert root.tag == f"{{{NS['t']}}}Task" and root.get("version") == "1.2"
    assert root.findtext("t:RegistrationInfo/t:URI", namespaces=NS) == TASK_NAME
    trig = root.find("t:Triggers/t:CalendarTrigger", NS)
    assert trig is not None
    assert trig.findtext("t:Enabled", namespaces=NS) == "true"
    assert trig.findtext("t:RandomDelay", namespaces=NS) in ("PT15M", "PT30M", "PT1H")
    start = trig.findtext("t:StartBoundary", namespaces=NS)
    interval = trig.findtext("t:Repetition/t:Interval", namespaces=NS)
    if schedule in ("6h", "12h"):
        assert start == "2026-03-02T00:00:00"
        assert interval == {"6h": "PT6H", "12h": "PT12H"}[schedule]
        assert trig.findtext("t:Repetition/t:Duration", namespaces=NS) == "P1D"
        assert trig.findtext("t:ScheduleByDay/t:DaysInterval", namespaces=NS) == "1"
    elif schedule == "daily":
        assert start == "2026-03-02T12:00:00" and interval is None
        assert trig.findtext("t:ScheduleByDay/t:DaysInterval", namespaces=NS) == "1"
    else:
        assert start == "2026-03-02T12:00:00" and interval is None
        assert trig.find("t:ScheduleByWeek/t:DaysOfWeek/t:Monday", NS) is not None
        assert trig.findtext("t:ScheduleByWeek/t:WeeksInterval", namespaces=NS) == "1"
    settings = root.find("t:Settings", NS)
    assert settings is not None
    assert settings.findtext("t:StartWhenAvailable", namespaces=NS) == "true"
    assert settings.findtext("t:MultipleInstancesPolicy", namespaces=NS) == "IgnoreNew"
    assert settings.findtext("t:DisallowStartIfOnBatteries", namespaces=NS) == "false"
    assert settings.findtext("t:Enabled", namespaces=NS) == "true"
    principal = root.find("t:Principals/t:Principal", NS)
    assert principal is not None and principal.get("id") == "Author"
    assert principal.findtext("t:LogonType", namespaces=NS) == "InteractiveToken"
    assert principal.findtext("t:RunLevel", namespaces=NS) == "LeastPrivilege"
    actions = root.find("t:Actions", NS)
    assert actions is not None and actions.get("Context") == "Author"
    assert actions.findtext("t:Exec/t:Command", namespaces=NS) == cmd.program
    assert (
        actions.findtext("t:Exec/t:Arguments", namespaces=NS) == "-m consentinel check --unattended"
    )


def test_windows_install_imports_utf16_xml_and_uses_a_wrapper_for_the_home(tmp_path: Path) -> None:
    runner = FakeRunner()
    job = WindowsTaskJob(wrapper_dir=tmp_path / "Local" / "Consentinel", runner=runner)
    cmd = JobCommand(argv=(r"C:\Py\python.exe", "-m", "consentinel", "check", "--unattended"),
                     env={"CONSENTINEL_HOME": r"C:\Users\Ada\100% mine"})  # fmt: skip
    report = job.install("weekly", cmd)
    assert report.state is JobState.ACTIVE
    create = runner.calls[0]
    assert create[:4] == ["schtasks", "/Create", "/TN", job.task_name] and create[-1] == "/F"
    xml_path = create[create.index("/XML") + 1]
    assert not Path(xml_path).exists()  # the temporary file is cleaned up
    data = runner.seen_files[xml_path]
    assert data[:2] == b"\xff\xfe"  # UTF-16 little-endian byte-order mark
    root = ET.fromstring(data.decode("utf-16").split("\n", 1)[1])
    assert root.findtext("t:Actions/t:Exec/t:Command", namespaces=NS) == str(job.wrapper_path)
    wrapper = job.wrapper_path.read_bytes().decode("utf-8")
    assert 'set "CONSENTINEL_HOME=C:\\Users\\Ada\\100%% mine"' in wrapper
    assert r"C:\Py\python.exe -m consentinel check --unattended" in wrapper
    assert wrapper == render_wrapper(cmd)


@pytest.mark.parametrize("oem", ["cp850", "cp437", "cp866"])
def test_the_task_wrapper_is_read_as_written_whatever_the_code_page(
    tmp_path: Path, oem: str
) -> None:
    """cmd.exe reads a batch file in the console's OEM code page; the wrapper is UTF-8, so its
    first lines (ASCII, read the same in any code page) switch cmd.exe to UTF-8 before any path:
    C:\\Users\\Hélène\\… is read as written, not as "H├®l├¿ne" (schtasks is faked)."""
    job = WindowsTaskJob(wrapper_dir=tmp_path, runner=FakeRunner())
    program = r"C:\Users\Hélène\AppData\Local\Programs\Consentinel\consentinel-gui.exe"
    home = r"C:\Users\Hélène\Données Consentinel"
    cmd = JobCommand((program, "check", "--unattended"), {"CONSENTINEL_HOME": home})
    assert job.install("daily", cmd).installed
    data = job.wrapper_path.read_bytes()
    assert data == render_wrapper(cmd).encode("utf-8")
    assert not data.startswith(b"\xef\xbb\xbf")  # a BOM would be part of the first command
    assert data.startswith(b"@echo off\r\nchcp 65001 >nul\r\n")
    assert read_as_cmd(data, oem) == [
        *BATCH_PROLOGUE,
        f'set "CONSENTINEL_HOME={home}"',
        f"{program} check --unattended",
        "exit /b %ERRORLEVEL%",
        "",
    ]


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("env", [{}, {"CONSENTINEL_HOME": "C:\\Users\\Hélène\\Clients"}])
def test_a_task_whose_program_is_gone_is_not_reported_as_fine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, env: dict[str, str]
) -> None:
    """Consentinel was moved or upgraded into another folder: the task still starts at its
    times, and runs nothing. Its status says so, as on Linux (schtasks is faked: it answers that
    the task exists)."""
    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    query = '"\\Consentinel\\Check","02/03/2026 12:07:00","Ready"\r\n'
    runner = FakeRunner({"/Query": CommandOutcome(0, query)})
    job = WindowsTaskJob(wrapper_dir=tmp_path / "Local" / "Consentinel", runner=runner)
    program = make_program(tmp_path / "Programs" / "Hélène" / "consentinel-gui.exe")
    installed = job.install("12h", JobCommand((str(program), "check", "--unattended"), env))
    assert installed.installed and job.record_path in installed.files
    assert job.status().state is JobState.ACTIVE
    program.unlink()
    gone = job.status()
    every = {"en": "every 12 hours", "fr": "toutes les 12 heures"}[lang]
    assert (gone.state, gone.message) == (JobState.FAILED, gone_message(every, program))
    job.remove()
    assert not job.record_path.exists() and not job.wrapper_path.exists()


def test_windows_status_and_remove(tmp_path: Path) -> None:
    runner = FakeRunner(
        {"/Query": CommandOutcome(0, '"\\Consentinel\\Check","02/03/2026 12:07:00","Ready"\r\n')}
    )
    job = WindowsTaskJob(wrapper_dir=tmp_path, runner=runner)
    status = job.status()
    assert status.state is JobState.ACTIVE and "02/03/2026 12:07:00" in status.message
    job.remove()
    assert runner.calls[-1] == ["schtasks", "/Delete", "/TN", job.task_name, "/F"]
    missing = WindowsTaskJob(
        wrapper_dir=tmp_path, runner=FakeRunner({"/Query": CommandOutcome(1, stderr="ERROR")})
    )
    assert missing.status().state is JobState.NOT_INSTALLED


# -- start at login ---------------------------------------------------------------------------


def test_xdg_autostart_entry_is_valid_and_starts_minimized(tmp_path: Path) -> None:
    validate = require_tool("desktop-file-validate", "desktop-file-utils")
    cmd = JobCommand(argv=("/opt/my apps/bin/consentinel-gui", "--minimized"),
                     env={"CONSENTINEL_HOME": "/home/ada/50% \"data\""})  # fmt: skip
    item = xdg_login_item(cmd, tmp_path / "autostart")
    report = item.install()
    assert report.state is JobState.ACTIVE
    # A CONSENTINEL_HOME folder's own item, beside the platform folder's.
    suffix = folder_suffix(cmd.env)
    assert suffix
    path = tmp_path / "autostart" / f"org.consentinel.Consentinel{suffix}.desktop"
    assert item.path == path and path.exists()
    done = subprocess.run([validate, str(path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stdout.strip() == "", done.stdout
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(path)
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Name"] == "Consentinel"
    assert desktop["Terminal"] == "false"
    assert desktop["TryExec"] == "/opt/my apps/bin/consentinel-gui"  # gone: nothing starts
    assert parse_desktop_exec(desktop["Exec"]) == [
        "env",
        'CONSENTINEL_HOME=/home/ada/50% "data"',
        "/opt/my apps/bin/consentinel-gui",
        "--minimized",
    ]
    assert item.status().state is JobState.ACTIVE
    item.remove()
    assert not path.exists() and item.status().state is JobState.NOT_INSTALLED


def parse_desktop_exec(value: str) -> list[str]:
    """Read Exec= back as the Desktop Entry spec says a launcher does (string, then Exec rules)."""
    text = value.replace("\\\\", "\\")  # string level: a doubled backslash is one
    args: list[str] = []
    current, quoted, i, has_word = "", False, 0, False
    while i < len(text):
        c = text[i]
        if quoted and c == "\\" and i + 1 < len(text):
            current, i = current + text[i + 1], i + 2
            continue
        if c == '"':
            quoted, has_word = not quoted, True
        elif c == " " and not quoted:
            if has_word:
                args.append(current)
            current, has_word = "", False
        else:
            current, has_word = current + c, True
        i += 1
    if has_word:
        args.append(current)
    return [a.replace("%%", "%") for a in args]


def test_desktop_exec_quoting_rules() -> None:
    assert desktop_exec_arg("--minimized") == "--minimized"
    assert desktop_exec_arg("/a b") == '"/a b"'
    assert desktop_exec_arg("100%") == "100%%"
    assert desktop_exec_arg("$HOME") == '"\\\\$HOME"'


def test_macos_login_item_runs_at_load_minimized(tmp_path: Path) -> None:
    cmd = JobCommand(argv=("/Applications/Consentinel.app/Contents/MacOS/consentinel-gui",
                           "--minimized"))  # fmt: skip
    item = launchd_login_item(cmd, tmp_path)
    item.install()
    plist = plistlib.loads(item.path.read_bytes())
    assert plist["Label"] == "org.consentinel.Consentinel.autostart"
    assert plist["RunAtLoad"] is True
    assert plist["ProgramArguments"] == list(cmd.argv)
    assert plist["LimitLoadToSessionType"] == "Aqua"
    assert "StartCalendarInterval" not in plist


def test_windows_login_item_is_a_startup_cmd(tmp_path: Path) -> None:
    cmd = JobCommand(argv=(r"C:\Py\Scripts\consentinel-gui.exe", "--minimized"))
    item = windows_login_item(cmd, tmp_path)
    item.install()
    assert item.path.name == "Consentinel.cmd"
    text = item.path.read_text()
    assert text.splitlines()[-1] == r'start "" C:\Py\Scripts\consentinel-gui.exe --minimized'


@pytest.mark.parametrize("oem", ["cp850", "cp437", "cp866"])
def test_the_startup_cmd_is_read_as_written_whatever_the_code_page(
    tmp_path: Path, oem: str
) -> None:
    """The Startup folder's .cmd names C:\\Users\\Hélène\\…: written in UTF-8, it switches
    cmd.exe to UTF-8 before that line, or cmd.exe would read it in the OEM code page and start
    nothing."""
    program = r"C:\Users\Hélène\AppData\Local\Programs\Consentinel\consentinel-gui.exe"
    home = r"C:\Users\Hélène\Mes données"
    cmd = JobCommand((program, "--minimized"), {"CONSENTINEL_HOME": home})
    item = windows_login_item(cmd, tmp_path)
    item.install()
    data = item.path.read_bytes()
    assert data == render_startup_cmd(cmd).encode("utf-8")
    assert not data.startswith(b"\xef\xbb\xbf")
    assert read_as_cmd(data, oem) == [
        *BATCH_PROLOGUE,
        f'set "CONSENTINEL_HOME={home}"',
        f'start "" {program} --minimized',
        "",
    ]


def test_each_login_item_reads_back_the_program_it_starts(tmp_path: Path) -> None:
    """Which program the item in place starts: after a move, the desktop hides an XDG entry
    whose TryExec names the old one, so saving the settings writes it again."""
    old = JobCommand((r"C:\Old Place\consentinel-gui.exe", "--minimized"))
    new = JobCommand(("/opt/new place/consentinel-gui", "--minimized"),
                     {"CONSENTINEL_HOME": str(tmp_path / "50% data")})  # fmt: skip
    for make in (xdg_login_item, launchd_login_item, windows_login_item):
        folder = tmp_path / make.__name__
        assert make(new, folder).installed_program() is None  # none yet
        for command in (old, new):
            item = make(command, folder)
            item.install()
            assert item.installed_program() == command.program, make.__name__
            assert not item.names_another_program()
        moved = make(JobCommand(("/elsewhere/consentinel-gui", "--minimized"), new.env), folder)
        assert moved.names_another_program(), make.__name__


def test_dispatch_picks_the_platform_backend() -> None:
    assert isinstance(check_job("linux"), SystemdUserJob)
    assert isinstance(check_job("darwin"), LaunchdJob)
    assert isinstance(check_job("win32"), WindowsTaskJob)
    assert login_item("linux").path.name.endswith(".desktop")
    assert login_item("darwin").path.suffix == ".plist"
    assert login_item("win32").path.name == f"Consentinel{folder_suffix()}.cmd"
    assert sys.platform == "linux" or pytest.fail("these tests are written for a Linux runner")


def test_each_data_folder_has_its_own_login_item(tmp_path: Path) -> None:
    """Start at login switched off for a CONSENTINEL_HOME folder leaves the platform folder's
    item in place."""
    plain = JobCommand(("/usr/bin/consentinel-gui", "--minimized"))
    other = JobCommand(plain.argv, {"CONSENTINEL_HOME": str(tmp_path / "client-a")})
    for make in (xdg_login_item, launchd_login_item, windows_login_item):
        mine, theirs = make(plain, tmp_path / make.__name__), make(other, tmp_path / make.__name__)
        assert mine.path != theirs.path
        mine.install()
        theirs.install()
        theirs.remove()
        assert mine.status().installed and not theirs.status().installed
    agent = launchd_login_item(other, tmp_path)
    agent.install()
    label = plistlib.loads(agent.path.read_bytes())["Label"]
    assert label == f"org.consentinel.Consentinel.autostart{folder_suffix(other.env)}"


def test_each_data_folder_has_its_own_job(tmp_path: Path) -> None:
    """Two folders' jobs neither replace nor remove each other; the platform's own folder keeps
    the plain names (mocked runners: launchctl and schtasks cannot run here)."""
    home1 = {"CONSENTINEL_HOME": str(tmp_path / "one")}
    home2 = {"CONSENTINEL_HOME": str(tmp_path / "two")}
    assert folder_suffix({}) == ""
    assert folder_suffix(home1) != folder_suffix(home2)
    assert folder_suffix(home1) == folder_suffix(
        {"CONSENTINEL_HOME": str(tmp_path / "x" / ".." / "one")}
    )
    units = tmp_path / "units"
    jobs = []
    for home in (home1, home2):
        name = UNIT_NAME + folder_suffix(home)
        job = SystemdUserJob(unit_dir=units, runner=FakeRunner(), systemctl="/usr/bin/systemctl",
                             unit_name=name, booted=lambda: True)  # fmt: skip
        assert job.install("daily", check_command(home)).installed
        jobs.append(job)
    one, two = jobs
    assert one.service_path != two.service_path
    assert str(tmp_path / "one") in one.service_path.read_text()
    timer = configparser.ConfigParser(interpolation=None, strict=False)
    timer.read_string(one.timer_path.read_text())
    assert timer["Timer"]["Unit"] == one.service
    two.remove()
    assert one.timer_path.exists() and one.service_path.exists()
    assert not two.timer_path.exists()


def test_a_computer_without_systemd_is_told_so_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What sd_booted() looks at, pointed at a folder that is not there (as in most containers).
    monkeypatch.setattr(systemd, "SYSTEMD_RUN_DIR", tmp_path / "run" / "systemd" / "system")
    assert systemd.systemd_booted() is False
    units = tmp_path / "units"
    job = SystemdUserJob(unit_dir=units, runner=FakeRunner(), systemctl="/usr/bin/systemctl")
    command = check_command({"CONSENTINEL_HOME": "/home/ada/client a"})
    report = job.install("daily", command)
    assert report.state is JobState.FAILED
    assert "does not run systemd" in report.message and "cron" in report.message
    # The whole line a crontab needs, data folder included, quoted for a shell.
    assert f"'CONSENTINEL_HOME=/home/ada/client a' {shlex.join(command.argv)}" in report.message
    assert not units.exists()
    # `schedule status` and the doctor say the same, not a bare "not installed".
    status = job.status()
    assert status.state is JobState.NOT_INSTALLED
    assert "does not run systemd" in status.message and "cron" in status.message
    # True whatever the app's own schedule (it may be "Never"): not "checks while it is open".
    assert "nothing checks while Consentinel is closed" in status.message


@pytest.mark.parametrize(
    ("schedule", "every"),
    [("6h", "every 6 hours"), ("12h", "every 12 hours"), ("daily", "every day"),
     ("weekly", "every week")],
)  # fmt: skip
def test_without_systemd_the_crontab_line_given_runs_every_hour_and_catches_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, schedule: str, every: str
) -> None:
    """The line to paste into a crontab, whole, on a line of its own, in English and in French.
    cron makes up no run missed while the computer was off or asleep (systemd's timer does):
    the line runs every hour with --catch-up, at a minute of its own within the timer's
    shortest random delay, and the check serves the schedule's times itself (catch_up.py).
    It used to run at the schedule's times only ("0 12 * * *"), a laptop shut every noon
    never checked."""
    monkeypatch.setattr(systemd, "SYSTEMD_RUN_DIR", tmp_path / "no-systemd")
    bus = f"unix:path=/run/user/{os.getuid()}/bus"  # (a fixed address: cron's jobs reach it)
    # Its guid is the bus's of this login: not kept in the line.
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"{bus},guid=0123456789abcdef")
    job = SystemdUserJob(unit_dir=tmp_path, runner=FakeRunner(), systemctl="/usr/bin/systemctl")
    command = check_command({"CONSENTINEL_HOME": "/home/ada/100% mine"})
    report = job.install(schedule, command)
    assert (report.state, report.unavailable) == (JobState.FAILED, True)
    # (cron reads a bare % as a new line)
    words = (
        f"'CONSENTINEL_HOME=/home/ada/100\\% mine' DBUS_SESSION_BUS_ADDRESS={bus} "
        f"{shlex.join(command.argv)} --catch-up"
    )
    said, given = report.message.splitlines()
    assert said.endswith(
        f"the line to add with crontab -e runs every hour and checks {every}; as with systemd, "
        "a check missed while the computer was off or asleep is made within the hour after it "
        "is back on. The line is:"
    )
    minute, rest = given.split(" ", 1)
    assert rest == f"* * * * {words}" and 0 <= int(minute) < 15
    # The same minute at every install, with or without the session's bus.
    assert crontab_line(schedule, command).split(" ", 1)[0] == minute
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    said, given_fr = job.install(schedule, command).message.splitlines()
    assert given_fr == given
    assert said.endswith(
        typeset(
            "comme avec systemd, une vérification manquée pendant que l'ordinateur était "
            "éteint ou en veille est faite dans l'heure qui suit son redémarrage ou son "
            "réveil. La ligne est :"
        )
    )


@pytest.mark.parametrize(
    ("schedule", "times"),
    [("6h", "0 0,6,12,18 * * *"), ("12h", "0 0,12 * * *"), ("daily", "0 12 * * *"),
     ("weekly", "0 12 * * 1")],  # Monday, as the timer
)  # fmt: skip
def test_the_old_crontab_lines_times_are_the_timers(schedule: str, times: str) -> None:
    """The times of the lines given before the hourly one (still running where installed)."""
    assert cron_times(schedule) == times


@pytest.mark.parametrize(
    "address", [None, "unix:path=/tmp/dbus-XyZ1234,guid=0f", "unix:abstract=/tmp/dbus-1"]
)
def test_without_a_fixed_session_bus_the_crontab_line_is_said_not_to_reach_the_keyring(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, address: str | None
) -> None:
    """dbus-launch's and dbus-run-session's addresses change at every login, and cron starts
    its jobs with none: the line cannot open the keyring, and the person is told so, not left
    to find every scheduled check failing "keyring unavailable"."""
    monkeypatch.setattr(systemd, "SYSTEMD_RUN_DIR", tmp_path / "no-systemd")
    if address is None:
        monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    else:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
    job = SystemdUserJob(unit_dir=tmp_path, runner=FakeRunner(), systemctl="/usr/bin/systemctl")
    command = check_command()
    message = job.install("daily", command).message
    assert "DBUS_SESSION_BUS_ADDRESS" not in message
    # The line alone on its own, the warning after it on the next.
    said, line, warning = message.splitlines()
    assert said.endswith("is:") and line == crontab_line("daily", command)
    assert warning == (
        "But this session's bus has no fixed address, so a job cron starts cannot open the "
        "keyring, nor show a notification: here, keep Consentinel open."
    )
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    said, line_fr, warning = job.install("daily", command).message.splitlines()
    assert line_fr == line and warning.startswith("Mais le bus de cette session")


def test_off_schedule_installs_nothing(tmp_path: Path) -> None:
    job = SystemdUserJob(unit_dir=tmp_path, runner=FakeRunner(), systemctl="/usr/bin/systemctl")
    assert job.install("off", check_command()).state is JobState.FAILED
    assert list(tmp_path.iterdir()) == []


def test_the_app_start_repoints_a_menu_entry_and_login_item_whose_program_is_gone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the app does at start (gui/launch.py) after a move: what names a program that is
    gone is written for this copy; what names another copy still there is left alone (a
    second copy may be meant: the settings' Save points it here). Real files, private XDG."""
    from consentinel.core import desktop_entry

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    here = gui_command()
    gone = JobCommand(("/nowhere/clone/.venv/bin/consentinel-gui", "--minimized"), here.env)
    login_item(command=gone).install()
    desktop_entry.install(argv=[gone.program])
    assert desktop_entry.repair_after_a_move(start_at_login=False)  # the menu entry only
    assert desktop_entry.installed_program() == desktop_entry.launcher_argv()[0]
    assert login_item().installed_program() == gone.program  # not asked for: left alone
    assert desktop_entry.repair_after_a_move(start_at_login=True)
    assert login_item().installed_program() == here.program
    assert desktop_entry.repair_after_a_move(start_at_login=True) == []  # nothing left to do

    other_copy = tmp_path / "other" / "consentinel-gui"
    other_copy.parent.mkdir()
    other_copy.write_text("#!/bin/sh\n")
    desktop_entry.install(argv=[str(other_copy)])
    assert desktop_entry.repair_after_a_move(start_at_login=True) == []
    assert desktop_entry.installed_program() == str(other_copy)


@pytest.mark.parametrize("env", [{}, {"CONSENTINEL_HOME": "/home/ada/Consentinel data"}])
def test_every_os_job_tells_the_check_it_is_the_schedules(
    tmp_path: Path, env: dict[str, str]
) -> None:
    """Each OS job runs `check --unattended --from-schedule`: the journal then says "by the
    schedule" even when the job gives the check a console (the Task Scheduler does, to
    python.exe). Read back from what each backend writes: the systemd unit (and the crontab
    line, without systemd), the LaunchAgent, the Windows task or its wrapper; launchctl and
    schtasks cannot run here and are faked (FakeRunner). What they run, `consentinel check`
    takes as the schedule's."""
    from consentinel.cli.main import build_parser

    command = check_command(env)
    ran: dict[str, list[str]] = {}
    unit = SystemdUserJob(unit_dir=tmp_path / "systemd", runner=FakeRunner(),
                          systemctl="/usr/bin/systemctl", booted=lambda: True)  # fmt: skip
    assert unit.install("daily", command).installed
    exec_start = next(
        line for line in unit.service_path.read_text().splitlines() if line.startswith("ExecStart=")
    )
    ran["systemd"] = shlex.split(exec_start.removeprefix("ExecStart="))
    cron = shlex.split(crontab_line("daily", command).split(" ", 5)[5])[len(command.env) :]
    assert cron[-1] == "--catch-up"  # (the hourly line's: catch_up.py)
    ran["cron"] = cron[:-1]
    agent = LaunchdJob(agents_dir=tmp_path / "LaunchAgents", runner=FakeRunner(), uid=501)
    assert agent.install("daily", command).installed
    ran["launchd"] = plistlib.loads(agent.plist_path.read_bytes())["ProgramArguments"]
    runner = FakeRunner()
    task = WindowsTaskJob(wrapper_dir=tmp_path / "Local", runner=runner)
    assert task.install("daily", command).installed
    create = runner.calls[0]
    xml = runner.seen_files[create[create.index("/XML") + 1]].decode("utf-16").split("\n", 1)[1]
    action = ET.fromstring(xml).find("t:Actions/t:Exec", NS)
    assert action is not None
    if env:  # the task runs a .cmd that sets the data folder: its command line is its last
        assert action.findtext("t:Command", namespaces=NS) == str(task.wrapper_path)
        lines = task.wrapper_path.read_text(encoding="utf-8").splitlines()
        ran["windows"] = shlex.split(lines[-2])
    else:
        arguments = shlex.split(str(action.findtext("t:Arguments", namespaces=NS)))
        ran["windows"] = [str(action.findtext("t:Command", namespaces=NS)), *arguments]
    for backend, argv in ran.items():
        assert argv == list(command.argv), backend
        assert argv[-3:] == ["check", "--unattended", "--from-schedule"], backend
        args = build_parser().parse_args(argv[argv.index("check") :])
        assert args.unattended and args.from_schedule, backend
    # A person's `check --unattended` is not taken for the schedule's.
    assert not build_parser().parse_args(["check", "--unattended"]).from_schedule


def test_schedule_status_says_a_crontab_line_of_the_old_form_makes_up_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A line given before the hourly one (at the schedule's times, without --catch-up) still
    runs, and makes up no check missed while the computer was off or asleep: `schedule status`
    (and the doctor, which shows it) says so and what to do, in English and in French. This
    folder's line only: another folder's, or one of the new form, is not named."""
    monkeypatch.setattr(systemd, "SYSTEMD_RUN_DIR", tmp_path / "no-systemd")
    home = "/home/ada/100% mine"
    monkeypatch.setenv("CONSENTINEL_HOME", home)
    command = check_command({"CONSENTINEL_HOME": home})
    words = crontab_line("daily", command).split(" ", 5)[5]
    old = f"0 12 * * * {words.removesuffix(' --catch-up')}"
    other = old.replace("100\\% mine", "other")
    crontab = f"# m h dom mon dow command\nMAILTO=ada\n{other}\n"

    def status(listed: str) -> JobReport:
        runner = FakeRunner({"crontab": CommandOutcome(0, stdout=listed)})
        return SystemdUserJob(unit_dir=tmp_path, runner=runner, systemctl="").status()

    assert "nothing checks while Consentinel is closed" in status(crontab).message
    # (A line of the new form is the job installed: tests/unit/test_crontab_line_installed.py.)
    assert status(crontab + crontab_line("daily", command) + "\n").installed
    report = status(crontab + old + "\n")
    assert (report.state, report.unavailable) == (JobState.NOT_INSTALLED, True)
    assert report.message == (
        "Scheduled check: this computer does not run systemd, and your crontab runs it with a "
        "line of the old form, at the schedule's times only: it makes up no check missed while "
        "the computer was off or asleep. Replace it (crontab -e) with the line the command "
        '"consentinel schedule install" gives, which does.'
    )
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    assert status(crontab + old + "\n").message.startswith(
        typeset("Vérification planifiée : cet ordinateur n'utilise pas systemd, et votre crontab")
    )
