"""The browser's own folder: browser_env() keeps what the browser needs and sends what it would
write in the person's home there; remove_leftover_run_folders() removes those a killed process
left, and nothing else (the real browser: tests/e2e/test_browser_launch.py)."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from consentinel.x.browser import (
    _DRIVER_TEMP,
    CRASH_DUMPS_ENV,
    RUN_FOLDER_PREFIX,
    _give_the_driver_a_temp_folder,
    browser_env,
    read_only_dconf_profile,
    remove_leftover_run_folders,
)


def _person(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    (home / ".config" / "dconf").mkdir(parents=True)
    (home / ".config" / "dconf" / "user").write_bytes(b"GVariant")
    return {
        "HOME": str(home),
        "DISPLAY": ":5",
        "WAYLAND_DISPLAY": "wayland-1",
        "XAUTHORITY": str(home / ".Xauthority"),
        "DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/1000/bus",
        "XDG_RUNTIME_DIR": "/run/user/1000",
        "https_proxy": "http://proxy.example:3128",
        "LANG": "fr_FR.UTF-8",
    }


def test_the_person_s_dconf_settings_are_read_from_their_files_never_opened_for_writing(
    tmp_path: Path,
) -> None:
    env = _person(tmp_path)
    profile = tmp_path / "profile"
    profile.write_text(
        "# the person's profile\n"
        "user-db:user\n"
        "service-db:keyfile/user\n"
        "user-db:missing\n"
        "system-db:local   # the administrator's\n"
        "file-db:/srv/dconf/site\n"
        "nonsense\n"
    )
    env["DCONF_PROFILE"] = str(profile)

    assert read_only_dconf_profile(env) == (
        f"file-db:{tmp_path}/home/.config/dconf/user\nsystem-db:local\nfile-db:/srv/dconf/site\n"
    )


def test_the_browser_keeps_what_it_needs_and_its_own_files_are_owner_only(
    tmp_path: Path,
) -> None:
    person = _person(tmp_path)
    folder = tmp_path / "run"
    folder.mkdir(mode=0o700)

    env = browser_env(folder, person, platform="linux")

    for name in ("HOME", "DISPLAY", "WAYLAND_DISPLAY", "XAUTHORITY", "DBUS_SESSION_BUS_ADDRESS"):
        assert env[name] == person[name], name
    assert env["XDG_RUNTIME_DIR"] == person["XDG_RUNTIME_DIR"]
    assert env["https_proxy"] == person["https_proxy"] and env["LANG"] == "fr_FR.UTF-8"
    assert env[CRASH_DUMPS_ENV] == str(folder / "crash-dumps")
    assert env["XDG_CACHE_HOME"] == str(folder / "cache")
    assert env["MESA_SHADER_CACHE_DISABLE"] == "true"  # nothing to write once it has closed
    # Not its temp folder, this one's path being long: Chromium's singleton socket goes there,
    # and a socket's path has at most 107 bytes (a longer one stops it from starting).
    assert len(str(folder)) > 62 and env.get("TMPDIR") == person.get("TMPDIR")
    # No certificate store yet: the one the browser makes goes with it.
    assert env["XDG_DATA_HOME"] == str(folder / "data")
    profile = Path(env["DCONF_PROFILE"])
    assert profile.parent == folder
    assert profile.read_text() == f"file-db:{tmp_path}/home/.config/dconf/user\n"
    made = [folder / "crash-dumps", folder / "cache", folder / "data", profile]
    assert {oct(stat.S_IMODE(p.stat().st_mode)) for p in made[:3]} == {"0o700"}
    assert oct(stat.S_IMODE(profile.stat().st_mode)) == "0o600"


def test_chromium_s_own_temp_files_go_in_its_folder_when_its_socket_fits(tmp_path: Path) -> None:
    """A folder as short as /tmp/consentinel-browser-<pid>-…: Chromium's singleton socket, in
    /tmp/consentinel-browser-4194304-abcdefgh/org.chromium.Chromium.XXXXXX/SingletonSocket,
    fits in 107 bytes."""
    folder = Path(tempfile.mkdtemp(prefix=f"{RUN_FOLDER_PREFIX}4194304-", dir="/tmp"))
    try:
        env = browser_env(folder, _person(tmp_path), platform="linux")
        assert env["TMPDIR"] == str(folder)
    finally:
        shutil.rmtree(folder)


def test_the_playwright_driver_alone_gets_the_run_s_temp_folder(tmp_path: Path) -> None:
    """own_playwright gives the driver its temp folder through the environment Playwright makes
    for it, which this Playwright still does with the function that is wrapped; this process's
    environment is never changed (the window checks from a thread of its own)."""
    from playwright._impl import transport

    assert _give_the_driver_a_temp_folder()
    before = dict(os.environ)
    token = _DRIVER_TEMP.set(str(tmp_path))
    try:
        driver = transport.get_driver_env()
    finally:
        _DRIVER_TEMP.reset(token)
    assert {name: driver[name] for name in ("TMPDIR", "TEMP", "TMP")} == dict.fromkeys(
        ("TMPDIR", "TEMP", "TMP"), str(tmp_path)
    )
    assert driver["PW_LANG_NAME"] == "python"  # Playwright's own additions are kept
    assert transport.get_driver_env().get("TMPDIR") == os.environ.get("TMPDIR")
    assert dict(os.environ) == before


def test_a_person_s_own_certificate_store_stays_in_use(tmp_path: Path) -> None:
    person = _person(tmp_path)
    (Path(person["HOME"]) / ".local" / "share" / "pki" / "nssdb").mkdir(parents=True)
    folder = tmp_path / "run"
    folder.mkdir()

    env = browser_env(folder, person, platform="linux")

    assert "XDG_DATA_HOME" not in env  # their certificates, perhaps an employer's authority
    assert not (folder / "data").exists()


def test_the_person_s_own_fonts_are_linked_and_outlive_the_browser_s_folder(
    tmp_path: Path,
) -> None:
    """Drawn for real in tests/e2e/test_browser_launch.py; here: where they are looked for."""
    person = _person(tmp_path)
    fonts = Path(person["HOME"]) / ".local" / "share" / "fonts"
    fonts.mkdir(parents=True)
    (fonts / "mine.ttf").write_bytes(b"a font")
    folder = tmp_path / "run"
    folder.mkdir()

    env = browser_env(folder, person, platform="linux")

    linked = Path(env["XDG_DATA_HOME"]) / "fonts"
    assert linked.is_symlink() and linked.resolve() == fonts.resolve()
    shutil.rmtree(folder)  # as the browser's folder goes when it closes
    assert (fonts / "mine.ttf").read_bytes() == b"a font"


def test_without_fonts_of_their_own_nothing_is_linked(tmp_path: Path) -> None:
    folder = tmp_path / "run"
    folder.mkdir()

    env = browser_env(folder, _person(tmp_path), platform="linux")

    assert list(Path(env["XDG_DATA_HOME"]).iterdir()) == []


def test_elsewhere_only_the_crash_dumps_move(tmp_path: Path) -> None:
    person = {"HOME": str(tmp_path), "LOCALAPPDATA": str(tmp_path / "AppData")}

    env = browser_env(tmp_path, person, platform="win32")

    assert env == {**person, CRASH_DUMPS_ENV: str(tmp_path / "crash-dumps")}


def _ended_process() -> int:
    """The id of a process that ran and is gone."""
    proc = subprocess.Popen([sys.executable, "-c", ""])
    proc.wait()
    return proc.pid


def _folder(path: Path) -> Path:
    path.mkdir(mode=0o700)
    (path / "inside").write_text("a dump")
    return path


def test_only_the_folders_of_a_consentinel_that_is_gone_are_removed(tmp_path: Path) -> None:
    gone = _ended_process()
    target = _folder(tmp_path / "somewhere-else")
    left = _folder(tmp_path / f"{RUN_FOLDER_PREFIX}{gone}-k2x_9abc")
    keep = [
        _folder(tmp_path / f"{RUN_FOLDER_PREFIX}{os.getpid()}-a1b2c3d4"),  # a running one's
        _folder(tmp_path / "consentinel-crash-dumps-a1b2c3d4"),  # no process to ask
        _folder(tmp_path / f"{RUN_FOLDER_PREFIX}x{gone}-a1b2c3d4"),
        _folder(tmp_path / f"other-{gone}-a1b2c3d4"),
    ]
    link = tmp_path / f"{RUN_FOLDER_PREFIX}{gone}-linked00"
    link.symlink_to(target, target_is_directory=True)
    file = tmp_path / f"{RUN_FOLDER_PREFIX}{gone}-afile000"
    file.write_text("not a folder")

    assert remove_leftover_run_folders(tmp_path) == [left]

    assert not left.exists()
    assert all((folder / "inside").is_file() for folder in keep)
    assert link.is_symlink() and (target / "inside").is_file() and file.is_file()


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0,
    reason="only root can make a folder that another user owns",
)
def test_another_user_s_folder_is_left_alone(tmp_path: Path) -> None:
    theirs = _folder(tmp_path / f"{RUN_FOLDER_PREFIX}{_ended_process()}-a1b2c3d4")
    os.chown(theirs, 65534, 65534)

    assert remove_leftover_run_folders(tmp_path) == []
    assert (theirs / "inside").is_file()
