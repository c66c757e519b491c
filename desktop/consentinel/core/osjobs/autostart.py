"""Start Consentinel at login, in the tray: XDG autostart, a LaunchAgent, or the Startup folder."""

from __future__ import annotations

import os
import plistlib
import subprocess
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from consentinel import APP_ID, APP_NAME
from consentinel.core.i18n import tr
from consentinel.core.osjobs.job import (
    JobCommand,
    JobReport,
    JobState,
    folder_suffix,
    write_file,
)
from consentinel.core.osjobs.launchd import launch_agents_dir
from consentinel.core.osjobs.windows_task import BATCH_PROLOGUE

AUTOSTART_LABEL = f"{APP_ID}.autostart"
STARTUP_NAME = "Consentinel"
#: Characters that force an Exec= argument into double quotes (Desktop Entry spec, "Exec key").
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def desktop_exec_arg(arg: str) -> str:
    """One Exec= argument: quoted when needed, with the spec's two levels of escaping."""
    arg = arg.replace("%", "%%")  # field codes
    if arg and not any(c in _RESERVED for c in arg):
        return arg.replace("\\", "\\\\")
    inner = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    # The value is also a desktop-file string, whose own escape for a backslash is "\\".
    return '"' + inner.replace("\\", "\\\\") + '"'


def desktop_exec(command: JobCommand) -> str:
    argv = list(command.argv)
    if command.env:
        argv = ["env", *(f"{k}={v}" for k, v in sorted(command.env.items())), *argv]
    return " ".join(desktop_exec_arg(a) for a in argv)


def render_desktop_entry(command: JobCommand) -> str:
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            f"Name={APP_NAME}",
            "Comment=Keeps your X accounts out of AI training",
            "Comment[fr]=Garde vos comptes X hors de l'entraînement de l'IA",
            f"Exec={desktop_exec(command)}",
            # Once the program is gone (uninstalled, moved), the session starts nothing.
            f"TryExec={command.program}",
            f"Icon={APP_ID}",
            "Terminal=false",
            "X-GNOME-Autostart-enabled=true",
            "",
        ]
    )


def render_autostart_plist(command: JobCommand, label: str = AUTOSTART_LABEL) -> bytes:
    plist: dict[str, Any] = {
        "Label": label,
        "ProgramArguments": list(command.argv),
        "RunAtLoad": True,
        "ProcessType": "Interactive",
        "LimitLoadToSessionType": "Aqua",  # only in a graphical login, not over ssh
    }
    if command.env:
        plist["EnvironmentVariables"] = dict(command.env)
    return plistlib.dumps(plist, fmt=plistlib.FMT_XML, sort_keys=True)


def render_startup_cmd(command: JobCommand) -> str:
    """The Startup folder's .cmd, written in UTF-8 (see BATCH_PROLOGUE)."""
    lines = list(BATCH_PROLOGUE)
    lines += [f'set "{k}={v.replace("%", "%%")}"' for k, v in sorted(command.env.items())]
    # `start ""` returns at once, so the console window closes instead of waiting for the app.
    line = 'start "" ' + subprocess.list2cmdline(list(command.argv))
    lines.append(line.replace("%", "%%"))
    return "\r\n".join(lines) + "\r\n"


def desktop_entry_program(text: str) -> str | None:
    """The program a desktop entry's TryExec= names (in its [Desktop Entry] group), else None."""
    in_main_group = False
    for line in text.splitlines():
        if line.startswith("["):
            in_main_group = line.strip() == "[Desktop Entry]"
        elif in_main_group and line.startswith("TryExec="):
            return line.removeprefix("TryExec=").strip() or None
    return None


def _plist_program(data: bytes) -> str | None:
    try:
        argv = plistlib.loads(data).get("ProgramArguments") or []
    except (plistlib.InvalidFileException, ValueError, AttributeError):
        return None
    return str(argv[0]) if argv else None


def _startup_cmd_program(data: bytes) -> str | None:
    """The program of the `start "" …` line that render_startup_cmd() writes."""
    for line in data.decode("utf-8", "replace").splitlines():
        if line.startswith('start "" '):
            rest = line.removeprefix('start "" ').replace("%%", "%")
            if rest.startswith('"'):
                return rest[1:].split('"', 1)[0] or None
            return rest.split(" ", 1)[0] or None
    return None


class LoginItem:
    """One file that makes the system start the app at login; present means enabled."""

    def __init__(
        self,
        path: Path,
        content: bytes,
        program: str = "",
        read_program: Callable[[bytes], str | None] = lambda _data: None,
    ) -> None:
        self.path = path
        self._content = content
        #: The program this item starts when installed now (this copy of Consentinel).
        self.program = program
        self._read_program = read_program

    def installed_program(self) -> str | None:
        """The program the item in place starts; None when there is none (or it cannot be read)."""
        try:
            data = self.path.read_bytes()
        except OSError:
            return None
        return self._read_program(data)

    def names_another_program(self) -> bool:
        """In place, but it starts another program than this one: Consentinel was moved, or
        downloaded again elsewhere. (A desktop entry's TryExec then hides it, silently.)"""
        installed = self.installed_program()
        return installed is not None and installed != self.program

    def install(self) -> JobReport:
        # Readable by the desktop's session manager, which runs as the same user.
        write_file(self.path, self._content, mode=0o600)
        return JobReport(
            JobState.ACTIVE,
            tr("Consentinel will start at login, in the tray."),
            (self.path,),
        )

    def remove(self) -> JobReport:
        if not self.path.exists():
            return JobReport(
                JobState.NOT_INSTALLED, tr("Consentinel was not set to start at login.")
            )
        self.path.unlink()
        return JobReport(JobState.NOT_INSTALLED, tr("Consentinel will no longer start at login."))

    def status(self) -> JobReport:
        if self.path.exists():
            return JobReport(JobState.ACTIVE, tr("Starts at login: yes."), (self.path,))
        return JobReport(JobState.NOT_INSTALLED, tr("Starts at login: no."))


def xdg_autostart_dir(environ: Mapping[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    config = env.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "autostart"


def windows_startup_dir(environ: Mapping[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    appdata = env.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
    return Path(appdata) / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "Startup"


def _folder(command: JobCommand) -> str:
    """Each data folder's login item has its own name (folder_suffix of the folder the command
    starts on): turning it on or off for a CONSENTINEL_HOME folder leaves the platform folder's
    alone."""
    return folder_suffix(command.env)


def xdg_login_item(command: JobCommand, directory: Path | None = None) -> LoginItem:
    path = (directory or xdg_autostart_dir()) / f"{APP_ID}{_folder(command)}.desktop"
    content = render_desktop_entry(command).encode("utf-8")
    return LoginItem(
        path,
        content,
        command.program,
        lambda data: desktop_entry_program(data.decode("utf-8", "replace")),
    )


def launchd_login_item(command: JobCommand, directory: Path | None = None) -> LoginItem:
    # Not bootstrapped now: that would start a second copy of the app that is already running.
    label = f"{AUTOSTART_LABEL}{_folder(command)}"
    path = (directory or launch_agents_dir()) / f"{label}.plist"
    return LoginItem(path, render_autostart_plist(command, label), command.program, _plist_program)


def windows_login_item(command: JobCommand, directory: Path | None = None) -> LoginItem:
    path = (directory or windows_startup_dir()) / f"{STARTUP_NAME}{_folder(command)}.cmd"
    content = render_startup_cmd(command).encode("utf-8")
    return LoginItem(path, content, command.program, _startup_cmd_program)
