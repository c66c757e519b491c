"""packaging/windows: what the installer deletes on an update, and the icon it wears, read from
the Inno Setup script and build.ps1 (Inno Setup runs on Windows only: nothing is built here)."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ISS = REPO / "packaging" / "windows" / "consentinel.iss"
BUILD = REPO / "packaging" / "windows" / "build.ps1"
SPEC = REPO / "packaging" / "pyinstaller" / "consentinel.spec"


def _section(name: str) -> list[str]:
    """A section's entries, comments and preprocessor lines left out."""
    lines, inside = [], False
    for line in ISS.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped.startswith("["):
            inside = stripped == f"[{name}]"
        elif inside and stripped and not stripped.startswith((";", "#")):
            lines.append(stripped)
    return lines


def _params(entry: str) -> dict[str, str]:
    found = re.findall(r'(\w+):\s*("[^"]*"|[^;]+)', entry)
    return {key: value.strip().strip('"') for key, value in found}


def test_an_update_empties_the_bundles_own_folder_and_nothing_else() -> None:
    """A file an older version shipped must not stay in {app} to be loaded by the new one; but
    {app} may be a folder the person chose: only PyInstaller's folder of libraries goes."""
    entries = [_params(entry) for entry in _section("InstallDelete")]
    assert entries == [{"Type": "filesandordirs", "Name": r"{app}\_internal"}]
    # That is the bundle's folder: the spec keeps PyInstaller's default name for it
    # (tests/e2e/test_bundle.py finds the bundle's files under _internal).
    assert "contents_directory" not in SPEC.read_text(encoding="utf-8")
    # The bundle itself is installed by [Files] into {app}, and nothing else is.
    files = [_params(entry) for entry in _section("Files")]
    assert [f["DestDir"] for f in files] == ["{app}"]


def test_setup_exe_wears_the_app_icon() -> None:
    """build.ps1 renders the .ico (every size, packaging/make_icons.py) and hands it to Inno
    Setup, whose script makes it setup.exe's icon."""
    setup = _section("Setup")
    assert "SetupIconFile={#IconFile}" in setup
    build = BUILD.read_text(encoding="utf-8")
    assert r"packaging\make_icons.py $icons" in build
    assert '$icon = Join-Path $icons "org.consentinel.Consentinel.ico"' in build
    assert '"/DIconFile=$icon"' in build
