"""The OS job's check on a data folder that is gone (deleted, with the job left behind) makes no
new one: it says so where the job's output goes (stderr), names the command that removes the
job, and fails, at every run. `schedule remove` on that folder makes nothing either. A first
scheduled run right after `schedule install` still runs: installing made the folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from consentinel.cli.main import main
from consentinel.core.osjobs.job import CHECK_ARGS
from consentinel.core.paths import AppPaths
from tests.fixtures.systemd_state import pretend_systemd_runs


@pytest.fixture
def no_session(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The OS jobs' files under this test's folder; no user manager listens (a container)."""
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    pretend_systemd_runs(monkeypatch, tmp_path)


def test_a_scheduled_check_on_a_deleted_folder_makes_nothing_and_fails(
    consentinel_home: Path, no_session: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["account", "list"]) == 0  # (only looks: makes nothing)
    AppPaths.from_env().ensure()
    shutil.rmtree(consentinel_home)  # the person deleted the folder, not the job

    assert main(list(CHECK_ARGS)) == 2
    said = capsys.readouterr().err
    data = consentinel_home / "data"
    assert f"The data folder {data} is gone" in said, said
    assert f"CONSENTINEL_HOME={consentinel_home} consentinel schedule remove --login-item" in said
    assert "No accounts yet" not in said
    assert not consentinel_home.exists()  # no config, data, logs, journal nor keyring mark

    # Removing the job, as told, makes nothing either.
    assert main(["schedule", "remove", "--login-item"]) == 0
    assert not consentinel_home.exists()


def test_the_same_in_french(
    consentinel_home: Path,
    no_session: None,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    assert main(list(CHECK_ARGS)) == 2
    said = capsys.readouterr().err
    assert f"Le dossier de données {consentinel_home / 'data'} n'existe plus" in said, said
    assert "retirez la vérification planifiée" in said
    assert not consentinel_home.exists()


def test_the_platform_data_folder_deleted_with_its_settings_left(
    tmp_path: Path,
    no_session: None,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """~/.local/share/Consentinel deleted, ~/.config/Consentinel and the timer left."""
    monkeypatch.delenv("CONSENTINEL_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    paths = AppPaths.from_env().ensure()
    shutil.rmtree(paths.data_dir)

    assert main(list(CHECK_ARGS)) == 2
    said = capsys.readouterr().err
    assert f"The data folder {paths.data_dir} is gone" in said
    assert "remove the scheduled check: consentinel schedule remove --login-item" in said
    assert not paths.data_dir.exists()


def test_the_first_scheduled_run_after_installing_the_job_runs(
    consentinel_home: Path, no_session: None, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["schedule", "install", "--every", "daily"])  # (no user manager: installed, not loaded)
    assert (consentinel_home / "data").is_dir()  # installing made the folder
    capsys.readouterr()

    assert main(list(CHECK_ARGS)) == 0
    assert "No accounts yet, so this scheduled check" in capsys.readouterr().err


def test_the_hourly_crontab_run_says_it_once_for_each_time_of_the_schedule(
    consentinel_home: Path,
    no_session: None,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without systemd, cron runs the line every hour (`--catch-up`): the folder gone is said
    by the first run after each time of the schedule (the settings gone with it: daily, at
    noon), not every hour, and nothing is made; the other runs end at once, saying nothing."""
    from datetime import datetime, timedelta

    from consentinel.cli import check_cmd

    noon = datetime.now().astimezone().replace(hour=12, minute=0, second=0, microsecond=0)
    codes = []
    for minutes in (-43, 17, 77, 137):
        monkeypatch.setattr(check_cmd, "_now", lambda m=minutes: noon + timedelta(minutes=m))
        codes.append(main([*CHECK_ARGS, "--catch-up"]))
        said = capsys.readouterr()
        assert said.out == ""
        assert ("is gone" in said.err) is (minutes == 17), (minutes, said.err)
    assert codes == [0, 2, 0, 0]
    assert not consentinel_home.exists()
