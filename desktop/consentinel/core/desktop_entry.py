"""The Linux menu entry for pip/pipx installs: the .desktop file, icon and metainfo in the
user's XDG data folder, pointing at this installation's launcher.

Distribution packages install the same files system-wide; this is for installs that cannot.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from consentinel import APP_ID
from consentinel.core.fileio import make_private_dirs
from consentinel.core.i18n import tr
from consentinel.core.osjobs.autostart import desktop_entry_program, desktop_exec_arg
from consentinel.core.resources import find_resource

DESKTOP_NAME = f"{APP_ID}.desktop"
METAINFO_NAME = f"{APP_ID}.metainfo.xml"
ICON_NAME = f"{APP_ID}.svg"
#: Menu entries and icons are public by nature (the desktop shell reads them), hence 0644.
_PUBLIC_FILE = 0o644


class DesktopEntryError(Exception):
    """The entry could not be installed; str() is a sentence for a person."""


def data_home(environ: Mapping[str, str] | None = None) -> Path:
    """$XDG_DATA_HOME, else ~/.local/share (the XDG Base Directory default)."""
    env = os.environ if environ is None else environ
    value = env.get("XDG_DATA_HOME", "").strip()
    # The spec says relative values are invalid and must be ignored.
    if value and os.path.isabs(value):
        return Path(value)
    return Path.home() / ".local" / "share"


def launcher_argv() -> list[str]:
    """The command that opens the app without a terminal, as installed here."""
    if getattr(sys, "frozen", False):
        # A bundle has a windowed launcher beside its command line; both open the window.
        here = Path(os.path.abspath(sys.executable))
        windowed = here.with_name("consentinel-gui" + here.suffix)
        return [str(windowed if windowed.is_file() else here)]
    # abspath, not resolve(): a virtualenv's python is a symlink out of the virtualenv.
    bindir = Path(os.path.abspath(sys.executable)).parent
    candidate = bindir / "consentinel-gui"
    if candidate.is_file() and os.access(candidate, os.X_OK):
        return [str(candidate)]
    found = shutil.which("consentinel-gui")
    if found:
        return [os.path.abspath(found)]
    return [os.path.abspath(sys.executable), "-m", "consentinel"]


def render_desktop_entry(template: str, argv: list[str]) -> str:
    """The shipped entry with Exec= (and TryExec=) pointing at `argv`."""
    exec_line = " ".join(desktop_exec_arg(arg) for arg in argv)
    lines: list[str] = []
    in_main_group = False
    for line in template.splitlines():
        if line.startswith("["):
            in_main_group = line.strip() == "[Desktop Entry]"
        elif in_main_group and line.startswith("Exec="):
            line = f"Exec={exec_line}"
        elif in_main_group and line.startswith("TryExec="):
            # TryExec takes a program, unquoted; it hides the entry once the program is gone.
            line = f"TryExec={argv[0]}"
        lines.append(line)
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class EntryReport:
    """What install/remove did, with one translated sentence for a person."""

    message: str
    files: tuple[Path, ...] = ()
    database_updated: bool = False


@dataclass(frozen=True)
class EntryLocations:
    """Where the three files go under one XDG data folder."""

    root: Path

    @property
    def desktop_file(self) -> Path:
        return self.root / "applications" / DESKTOP_NAME

    @property
    def icon_file(self) -> Path:
        return self.root / "icons" / "hicolor" / "scalable" / "apps" / ICON_NAME

    @property
    def metainfo_file(self) -> Path:
        return self.root / "metainfo" / METAINFO_NAME

    def all(self) -> tuple[Path, Path, Path]:
        return (self.desktop_file, self.icon_file, self.metainfo_file)


def install(root: Path | None = None, argv: list[str] | None = None) -> EntryReport:
    """Write the menu entry, icon and metainfo; refresh the menu's cache when the tool exists."""
    where = EntryLocations(root or data_home())
    sources = {
        "desktop": find_resource("linux", DESKTOP_NAME),
        "icon": find_resource("icons", ICON_NAME),
        "metainfo": find_resource("linux", METAINFO_NAME),
    }
    missing = [name for name, path in sources.items() if path is None]
    if missing:
        raise DesktopEntryError(
            tr(
                "This installation lacks its desktop files ({missing}); reinstall Consentinel.",
                missing=", ".join(missing),
            )
        )
    desktop_src, icon_src, metainfo_src = (sources["desktop"], sources["icon"], sources["metainfo"])
    assert desktop_src is not None and icon_src is not None and metainfo_src is not None
    entry = render_desktop_entry(desktop_src.read_text(encoding="utf-8"), argv or launcher_argv())
    try:
        _write(where.desktop_file, entry.encode("utf-8"))
        _write(where.icon_file, icon_src.read_bytes())
        _write(where.metainfo_file, metainfo_src.read_bytes())
    except OSError as error:
        raise DesktopEntryError(
            tr("Could not write the menu entry: {error}", error=error)
        ) from None
    updated = _update_database(where.desktop_file.parent)
    return EntryReport(
        tr("Consentinel is now in your applications menu ({path}).", path=where.desktop_file),
        where.all(),
        updated,
    )


def remove(root: Path | None = None) -> EntryReport:
    """Delete the files that install() wrote; missing ones are fine."""
    where = EntryLocations(root or data_home())
    removed = []
    for path in where.all():
        if path.is_file() or path.is_symlink():
            path.unlink()
            removed.append(path)
    if not removed:
        return EntryReport(tr("There was no Consentinel menu entry to remove."))
    updated = _update_database(where.desktop_file.parent)
    return EntryReport(
        tr("Removed Consentinel from your applications menu."), tuple(removed), updated
    )


def installed_program(root: Path | None = None) -> str | None:
    """The program the menu entry in the user's data folder starts (its TryExec=); None when
    there is no such entry (a distribution's system-wide one is not this module's)."""
    try:
        text = EntryLocations(root or data_home()).desktop_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return desktop_entry_program(text)


def refresh(root: Path | None = None, argv: list[str] | None = None) -> EntryReport | None:
    """Install the menu entry again when the one in place starts another program than this
    copy (Consentinel moved, or downloaded again elsewhere): its TryExec= hid it from the menu,
    silently. None when there is no entry, or it already starts this copy."""
    argv = argv or launcher_argv()
    installed = installed_program(root)
    if installed is None or installed == argv[0]:
        return None
    done = install(root, argv)
    return EntryReport(
        tr(
            "The applications menu entry now starts this copy of Consentinel ({program}).",
            program=argv[0],
        ),
        done.files,
        done.database_updated,
    )


def repair_after_a_move(start_at_login: bool) -> list[Path]:
    """At the app's start: the menu entry, and the start at login when asked for, written again
    for this copy when the one in place names a program that is gone (Consentinel moved). One
    that names another copy still there is left for the settings' Save (a second copy may be
    meant). Returns the files written."""
    from consentinel.core import osjobs

    written: list[Path] = []
    item = osjobs.login_item()
    installed = item.installed_program()
    if start_at_login and installed and item.names_another_program() and not _exists(installed):
        written.extend(item.install().files)
    menu = installed_program()
    if sys.platform.startswith("linux") and menu and not _exists(menu):
        done = refresh()
        written.extend(done.files if done else ())
    return written


def _exists(program: str) -> bool:
    return Path(program).is_file()


def _write(path: Path, data: bytes) -> None:
    make_private_dirs(path.parent)
    # Written beside the target then renamed: a menu never sees half a file.
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, _PUBLIC_FILE)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _update_database(applications: Path) -> bool:
    """Run update-desktop-database on the folder when installed (menus then see the change)."""
    tool = shutil.which("update-desktop-database")
    if tool is None or not applications.is_dir():
        return False
    try:
        proc = subprocess.run(
            [tool, "-q", str(applications)], capture_output=True, timeout=60, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return proc.returncode == 0
