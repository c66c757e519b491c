"""The wheel people install: built from this checkout with pip, it carries every resource and
both launchers; pipx installs it into a fresh environment whose commands run."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import consentinel
from consentinel import APP_ID

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "desktop" / "consentinel"
#: Local folders a build must not see (and must not write into the checkout).
_NOT_SOURCES = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", "*.pyc"
)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """`pip wheel --no-deps` of a copy of this checkout (the build needs PyPI for its backend)."""
    base = tmp_path_factory.mktemp("wheel")
    source = base / "src"
    shutil.copytree(REPO, source, ignore=_NOT_SOURCES)
    out = base / "dist"
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(source)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (built,) = out.glob("consentinel-*.whl")
    yield built


def _names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_wheel_is_named_for_this_version(wheel: Path) -> None:
    assert wheel.name.startswith(f"consentinel-{consentinel.__version__}-py3-none-any")


def test_wheel_carries_the_package_data(wheel: Path) -> None:
    names = _names(wheel)
    # Every non-Python file of the package (label table, simx pages and scripts…).
    expected = {
        path.relative_to(PACKAGE.parent).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts
    }
    assert "consentinel/x/data/x-labels.tsv" in expected
    assert expected <= names, sorted(expected - names)


def test_wheel_carries_the_resources(wheel: Path) -> None:
    names = _names(wheel)
    resources = REPO / "resources"
    for required in (
        f"consentinel/resources/icons/{APP_ID}.svg",
        f"consentinel/resources/linux/{APP_ID}.desktop",
        f"consentinel/resources/linux/{APP_ID}.metainfo.xml",
    ):
        assert required in names, required
    # Translations ship compiled: one .qm for each .ts source, and no .ts.
    for ts in (resources / "translations").glob("*.ts"):
        assert f"consentinel/resources/translations/{ts.stem}.qm" in names, ts.name
    assert not [n for n in names if n.endswith(".ts")]
    licence = [n for n in names if n.endswith(".dist-info/licenses/LICENSE")]
    assert licence, "LICENSE is not in the wheel's metadata"


def test_wheel_declares_both_launchers(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        (entry_points,) = [n for n in archive.namelist() if n.endswith("entry_points.txt")]
        text = archive.read(entry_points).decode("utf-8")
        (metadata,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        meta = archive.read(metadata).decode("utf-8")
    parser = configparser.ConfigParser()
    parser.read_string(text)
    assert parser["console_scripts"]["consentinel"].strip() == "consentinel.cli.main:main"
    # gui_scripts: Windows starts this one without a console window.
    assert parser["gui_scripts"]["consentinel-gui"].strip() == "consentinel.gui.launch:main"
    assert "License-Expression: GPL-3.0-or-later" in meta


def test_pipx_installs_the_wheel_and_its_commands_run(wheel: Path, tmp_path: Path) -> None:
    """pipx into a temporary PIPX_HOME: real dependencies from PyPI, then the installed commands."""
    pipx_env = tmp_path / "pipx-tool"
    subprocess.run(
        [sys.executable, "-m", "venv", str(pipx_env)], check=True, capture_output=True, timeout=300
    )
    pip = pipx_env / "bin" / "pip"
    installed = subprocess.run(
        [str(pip), "install", "-q", "pipx"], capture_output=True, text=True, timeout=600
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr

    bin_dir = tmp_path / "pipx-bin"
    env = {
        **os.environ,
        "PIPX_HOME": str(tmp_path / "pipx-home"),
        "PIPX_BIN_DIR": str(bin_dir),
        "PIPX_MAN_DIR": str(tmp_path / "pipx-man"),
        "CONSENTINEL_LANG": "en",
    }
    proc = subprocess.run(
        [str(pipx_env / "bin" / "pipx"), "install", str(wheel)],
        capture_output=True,
        text=True,
        env=env,
        timeout=1200,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (bin_dir / "consentinel-gui").is_file()

    version = subprocess.run(
        [str(bin_dir / "consentinel"), "--version"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert version.stdout.strip() == f"consentinel {consentinel.__version__}", version.stderr

    # The installed copy finds its own desktop files (not this checkout's) for the menu entry.
    data_home = tmp_path / "xdg-data"
    entry = subprocess.run(
        [str(bin_dir / "consentinel"), "desktop-entry", "install"],
        capture_output=True,
        text=True,
        env={**env, "XDG_DATA_HOME": str(data_home)},
        timeout=120,
    )
    assert entry.returncode == 0, entry.stdout + entry.stderr
    desktop = (data_home / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    launcher = os.path.realpath(bin_dir / "consentinel-gui")
    assert f"Exec={launcher}\n" in desktop or f"Exec={bin_dir / 'consentinel-gui'}\n" in desktop
