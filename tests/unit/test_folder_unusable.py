"""What a scheduled run says when a folder cannot be written: the folder of the file the
error names, not the data folder whatever the file was (real files, real settings)."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from consentinel.cli.check_notices import say_folder_unusable
from consentinel.core.fileio import storage_error
from consentinel.core.paths import AppPaths
from consentinel.core.records import replace
from consentinel.core.settings import Settings, save_settings


@pytest.fixture
def paths(consentinel_home: Path) -> AppPaths:
    paths = AppPaths.under(consentinel_home).ensure()
    # (no notifier here: the words on standard error are what is looked at)
    save_settings(paths, replace(Settings(), notifications=False))
    return paths


def test_the_folder_named_is_that_of_the_file_the_error_names(
    paths: AppPaths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "mounted" / "browser.json"
    denied = PermissionError(errno.EACCES, "Permission denied", str(elsewhere))
    say_folder_unusable(denied, said="")
    said = capsys.readouterr().err
    assert f"you cannot write in its folder {elsewhere.parent}." in said, said
    settings_file = paths.config_dir / "settings.json"
    say_folder_unusable(storage_error(settings_file, OSError(errno.EROFS, "ro")), said="")
    said = capsys.readouterr().err
    assert f"its folder {paths.config_dir} is on a disk that is read-only" in said, said
