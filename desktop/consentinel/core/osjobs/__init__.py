"""OS jobs: keep checking while Consentinel is closed, and start it at login, on each platform.

`install/remove/status` manage the scheduled `consentinel check --unattended`;
`install_autostart/remove_autostart/autostart_status` manage starting the app in the tray.
Each picks the backend for `sys.platform`: systemd (Linux), launchd (macOS), Task Scheduler
(Windows).
"""

from __future__ import annotations

import sys
from typing import Protocol

from consentinel.core.osjobs.autostart import (
    LoginItem,
    launchd_login_item,
    windows_login_item,
    xdg_login_item,
)
from consentinel.core.osjobs.job import (
    JobCommand,
    JobReport,
    JobState,
    check_command,
    gui_command,
)
from consentinel.core.osjobs.launchd import LaunchdJob
from consentinel.core.osjobs.systemd import SystemdUserJob
from consentinel.core.osjobs.windows_task import WindowsTaskJob

__all__ = [
    "CheckJob",
    "JobCommand",
    "JobReport",
    "JobState",
    "autostart_status",
    "check_job",
    "install",
    "install_autostart",
    "login_item",
    "remove",
    "remove_autostart",
    "status",
]


class CheckJob(Protocol):
    """What every backend of the scheduled check offers."""

    what: str

    def install(self, schedule: str, command: JobCommand) -> JobReport: ...
    def remove(self) -> JobReport: ...
    def status(self) -> JobReport: ...


def check_job(platform: str | None = None) -> CheckJob:
    """The scheduled-check backend for this platform."""
    platform = platform or sys.platform
    if platform == "darwin":
        return LaunchdJob()
    if platform == "win32":
        return WindowsTaskJob()
    return SystemdUserJob()


def login_item(platform: str | None = None, command: JobCommand | None = None) -> LoginItem:
    """The start-at-login item for this platform."""
    platform = platform or sys.platform
    command = command or gui_command()
    if platform == "darwin":
        return launchd_login_item(command)
    if platform == "win32":
        return windows_login_item(command)
    return xdg_login_item(command)


def install(schedule: str, command: JobCommand | None = None) -> JobReport:
    """Run `consentinel check --unattended` on `schedule` while the app is closed."""
    return check_job().install(schedule, command or check_command())


def remove() -> JobReport:
    return check_job().remove()


def status() -> JobReport:
    return check_job().status()


def install_autostart() -> JobReport:
    return login_item().install()


def remove_autostart() -> JobReport:
    return login_item().remove()


def autostart_status() -> JobReport:
    return login_item().status()
