"""Whether Qt's X11 platform plugin (libqxcb.so) can load here: the system libraries it needs
that this computer lacks, and the Debian/Ubuntu packages that hold them.

A pip or pipx install brings Qt but not these: Qt 6.5 and later then stop the window with
"xcb-cursor0 or libxcb-cursor0 is needed to load the Qt xcb platform plugin" (an abort, status
134) while PySide6 itself imports fine. Nothing here loads Qt's GUI."""

from __future__ import annotations

import ctypes
import os
import subprocess
from collections.abc import Iterable, Mapping
from pathlib import Path

#: The plugin, under one of Qt's plugin folders.
XCB_PLUGIN = Path("platforms") / "libqxcb.so"
#: The library Qt 6.5+ names when the plugin cannot load, and the one most often missing.
XCB_CURSOR = "libxcb-cursor.so.0"
LDD_TIMEOUT_S = 10.0

#: The Debian/Ubuntu package of each library the plugin needs (Ubuntu 24.04's "t64" packages
#: provide the older names, which apt accepts).
PACKAGES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
}


def window_uses_xcb(environ: Mapping[str, str]) -> bool:
    """Whether Qt would open the window through X11 here: a DISPLAY, and neither another
    platform asked for (QT_QPA_PLATFORM) nor a Wayland session, where Qt takes Wayland."""
    asked = environ.get("QT_QPA_PLATFORM", "").strip().split(";")[0].split(":")[0]
    if asked:
        return asked == "xcb" and bool(environ.get("DISPLAY"))
    if not environ.get("DISPLAY"):
        return False
    wayland_session = environ.get("XDG_SESSION_TYPE") == "wayland"
    return not (environ.get("WAYLAND_DISPLAY") and wayland_session)


def find_xcb_plugin(plugin_dirs: Iterable[Path]) -> Path | None:
    """The first libqxcb.so under these plugin folders, or None."""
    for folder in plugin_dirs:
        plugin = folder / XCB_PLUGIN
        if plugin.is_file():
            return plugin
    return None


def loadable(soname: str) -> bool:
    """Whether the dynamic loader finds and loads this library, as Qt's would."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def _not_found_by_ldd(plugin: Path) -> list[str]:
    """The libraries `ldd` says "not found" for the plugin (and what it links), or none when
    ldd is not there or does not answer."""
    try:
        proc = subprocess.run(
            ["ldd", str(plugin)],
            capture_output=True,
            text=True,
            timeout=LDD_TIMEOUT_S,
            stdin=subprocess.DEVNULL,
            env={**os.environ, "LC_ALL": "C"},
        )
    except (OSError, subprocess.TimeoutExpired):
        return []
    missing = []
    for line in proc.stdout.splitlines():
        name, arrow, where = line.strip().partition(" => ")
        if arrow and where.strip() == "not found":
            missing.append(name)
    return missing


def missing_libraries(plugin: Path) -> list[str]:
    """The system libraries the plugin needs that cannot be loaded here, sorted."""
    missing = set(_not_found_by_ldd(plugin))
    if not loadable(XCB_CURSOR):
        missing.add(XCB_CURSOR)
    return sorted(missing)


def packages_for(libraries: Iterable[str]) -> tuple[list[str], list[str]]:
    """The Debian/Ubuntu packages that hold these libraries, and the libraries of no package
    known here."""
    packages: list[str] = []
    unknown: list[str] = []
    for library in libraries:
        package = PACKAGES.get(library)
        if package is None:
            unknown.append(library)
        elif package not in packages:
            packages.append(package)
    return packages, unknown
