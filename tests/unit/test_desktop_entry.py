"""The Linux desktop integration: the shipped entry and metainfo pass the freedesktop validators,
and `consentinel desktop-entry install|remove` writes and deletes real files under a temporary
XDG_DATA_HOME (update-desktop-database really runs)."""

from __future__ import annotations

import argparse
import configparser
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import consentinel
from consentinel import APP_ID
from consentinel.cli import desktop_entry_cmd
from consentinel.core import desktop_entry

REPO = Path(__file__).resolve().parents[2]
SHIPPED_DESKTOP = REPO / "resources" / "linux" / f"{APP_ID}.desktop"
SHIPPED_METAINFO = REPO / "resources" / "linux" / f"{APP_ID}.metainfo.xml"
SHIPPED_ICON = REPO / "resources" / "icons" / f"{APP_ID}.svg"


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed (apt install {package})", pytrace=False)
    return path


def _validate_desktop(path: Path) -> None:
    proc = subprocess.run(
        [_tool("desktop-file-validate", "desktop-file-utils"), str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    # It prints nothing and exits 0 for a clean file; hints and warnings count as failures here.
    assert (proc.returncode, proc.stdout + proc.stderr) == (0, ""), proc.stdout + proc.stderr


def _desktop_keys(text: str) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(text)
    return dict(parser["Desktop Entry"])


def _run(action: str) -> int:
    parser = argparse.ArgumentParser()
    desktop_entry_cmd.add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["desktop-entry", action])
    result: int = args.handler(args)
    return result


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


def test_shipped_desktop_entry_validates() -> None:
    _validate_desktop(SHIPPED_DESKTOP)
    keys = _desktop_keys(SHIPPED_DESKTOP.read_text(encoding="utf-8"))
    assert keys["Icon"] == APP_ID
    assert keys["Exec"] == "consentinel-gui"
    assert keys["Terminal"] == "false"
    assert "Comment[fr]" in keys


def test_shipped_metainfo_validates_and_matches_the_app() -> None:
    proc = subprocess.run(
        [_tool("appstreamcli", "appstream"), "validate", "--no-net", str(SHIPPED_METAINFO)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "W:" not in proc.stdout and "E:" not in proc.stdout, proc.stdout
    root = ET.parse(SHIPPED_METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.findtext("project_license") == "GPL-3.0-or-later"
    newest = root.find("releases/release")
    assert newest is not None and newest.get("version") == consentinel.__version__


def test_changelog_and_licence_match_the_version() -> None:
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{consentinel.__version__}]" in changelog
    licence = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in licence and "Version 3, 29 June 2007" in licence


def test_the_app_icon_is_an_svg() -> None:
    assert SHIPPED_ICON.is_file(), f"{SHIPPED_ICON} is missing"
    root = ET.parse(SHIPPED_ICON).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"


def test_exec_with_spaces_is_quoted_the_spec_way(tmp_path: Path) -> None:
    argv = ["/opt/My Apps/consentinel-gui"]
    text = desktop_entry.render_desktop_entry(SHIPPED_DESKTOP.read_text(encoding="utf-8"), argv)
    keys = _desktop_keys(text)
    assert keys["Exec"] == '"/opt/My Apps/consentinel-gui"'
    assert keys["TryExec"] == "/opt/My Apps/consentinel-gui"
    path = tmp_path / f"{APP_ID}.desktop"
    path.write_text(text, encoding="utf-8")
    _validate_desktop(path)


def test_install_then_remove(data_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _tool("update-desktop-database", "desktop-file-utils")
    assert _run("install") == 0
    out = capsys.readouterr().out
    assert "applications menu" in out

    applications = data_home / "applications"
    entry = applications / f"{APP_ID}.desktop"
    icon = data_home / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg"
    metainfo = data_home / "metainfo" / f"{APP_ID}.metainfo.xml"
    for path in (entry, icon, metainfo):
        assert path.is_file(), path
        assert path.stat().st_mode & 0o777 == 0o644
    _validate_desktop(entry)

    # Exec points at this installation's launcher, which exists and is executable.
    launcher = Path(sys.executable).parent / "consentinel-gui"
    keys = _desktop_keys(entry.read_text(encoding="utf-8"))
    assert keys["Exec"] == str(launcher)
    assert launcher.is_file()
    assert icon.read_bytes() == SHIPPED_ICON.read_bytes()
    # update-desktop-database ran on the folder and left its cache there.
    assert (applications / "mimeinfo.cache").is_file()

    # Installing again replaces the files in place.
    assert _run("install") == 0
    assert sorted(p.name for p in applications.iterdir() if p.name.startswith(APP_ID)) == [
        f"{APP_ID}.desktop"
    ]

    capsys.readouterr()
    assert _run("remove") == 0
    assert "Removed" in capsys.readouterr().out
    for path in (entry, icon, metainfo):
        assert not path.exists()
    assert _run("remove") == 0
    assert "no Consentinel menu entry" in capsys.readouterr().out


def test_install_speaks_french(
    data_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    assert _run("install") == 0
    assert "menu des applications" in capsys.readouterr().out


def test_a_relative_xdg_data_home_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    assert desktop_entry.data_home({"XDG_DATA_HOME": "relative/dir"}) == (
        Path.home() / ".local" / "share"
    )
    assert desktop_entry.data_home({"XDG_DATA_HOME": "/srv/x"}) == Path("/srv/x")


def test_an_install_from_a_data_folder_of_its_own_says_the_entry_does_not_use_it(
    data_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """One menu entry per person: it opens the usual data folder, which is said when the
    command runs with CONSENTINEL_HOME (the scheduled job, per folder, carries it)."""
    monkeypatch.setenv("CONSENTINEL_HOME", str(data_home / "elsewhere"))
    assert _run("install") == 0
    assert "not the one CONSENTINEL_HOME names" in capsys.readouterr().err
    monkeypatch.delenv("CONSENTINEL_HOME")
    assert _run("install") == 0
    assert "CONSENTINEL_HOME" not in capsys.readouterr().err
