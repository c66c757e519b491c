"""Without systemd, the scheduled check is a crontab line the person added, which Consentinel
does not rewrite: `delete-all-data` deletes everything else, then says the line is still there
and how to remove it (with the line), in English and French, and exits 3, done in part, not 0
(cron would otherwise run it every hour on the emptied or deleted folder, untold). The erase
does not stop there: the keyring's secrets are gone by then. The keyring is a real Secret
Service; `crontab -l` a small program on PATH; systemd is not running."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from consentinel.cli.main import main
from consentinel.core import osjobs
from consentinel.core.catch_up import stamp_path
from consentinel.core.french_typography import typeset
from consentinel.core.i18n import tr
from consentinel.core.osjobs import JobReport, JobState, systemd
from consentinel.core.osjobs.job import check_command
from consentinel.core.osjobs.systemd import SystemdUserJob, crontab_line
from consentinel.core.paths import AppPaths
from consentinel.core.settings import Settings, load_settings, save_settings
from tests.fixtures.fake_crontab import fake_crontab
from tests.fixtures.keyring_fixtures import SecretServiceEnv, _delete_service_items

STILL_THERE = (
    "Your crontab still runs the scheduled check: Consentinel does not change your crontab. "
    "To stop it, remove this line with crontab -e:"
)


@pytest.fixture
def crontab(
    tmp_path: Path,
    consentinel_home: Path,
    secret_service: SecretServiceEnv,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Path]:
    """No systemd here, and a `crontab` program on PATH listing the file this returns (the
    test writes it); a data folder with automatic checks kept while closed, its keyring
    entries removed at the end whatever the test did."""
    monkeypatch.setattr(systemd, "SYSTEMD_RUN_DIR", tmp_path / "no-systemd")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    listed = tmp_path / "crontab.txt"
    listed.write_text("MAILTO=ada\n")
    fake_crontab(tmp_path / "bin", listed, monkeypatch, path_after="/usr/bin:/bin")
    paths = AppPaths.under(consentinel_home).ensure()
    save_settings(paths, Settings(schedule="daily", run_when_closed=True))
    yield listed
    _delete_service_items(secret_service.address, paths.keyring_service)


def _line(home: Path) -> str:
    return crontab_line("daily", check_command({"CONSENTINEL_HOME": str(home)}))


def test_delete_all_data_says_the_crontab_line_left_and_exits_3(
    crontab: Path, consentinel_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deleted = f"All your Consentinel data in {consentinel_home} was deleted."
    assert main(["delete-all-data", "--yes"]) == 0  # no line of this folder's: all gone
    assert capsys.readouterr().out == deleted + "\n"

    line = _line(consentinel_home)
    crontab.write_text(f"MAILTO=ada\n{line}\n")
    before = crontab.read_bytes()
    assert main(["delete-all-data", "--yes"]) == 3
    assert capsys.readouterr().out == f"{deleted}\n{STILL_THERE}\n{line}\n"
    assert crontab.read_bytes() == before  # (the person's to change)
    # The rest was done all the same; the line left still checks while Consentinel is closed
    # (cron runs it every hour): the settings keep saying so, as `schedule status` sees it.
    assert load_settings(AppPaths.from_env())[0].run_when_closed is True
    assert osjobs.status().installed


def test_the_same_in_french(
    crontab: Path,
    consentinel_home: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    line = _line(consentinel_home)
    crontab.write_text(f"{line}\n")
    assert main(["delete-all-data", "--yes"]) == 3
    said = capsys.readouterr().out.splitlines()
    assert said[0].endswith("ont été supprimées."), said
    assert said[1:] == [
        typeset(
            "Votre crontab lance toujours la vérification planifiée : Consentinel ne modifie "
            "pas votre crontab. Pour l'arrêter, supprimez cette ligne avec crontab -e :"
        ),
        line,
    ]


def test_a_folder_deleted_by_hand_names_its_crontab_line_too(
    crontab: Path, consentinel_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The line's every hourly run then says the folder is gone (mailed by cron): the person
    deleting what the folder left is told the one thing Consentinel cannot remove."""
    line = _line(consentinel_home)
    crontab.write_text(f"MAILTO=ada\n{line}\n")
    shutil.rmtree(consentinel_home)
    assert main(["delete-all-data"]) == 3
    said = capsys.readouterr().out.splitlines()
    assert said[0].startswith(f"There is no Consentinel data in {consentinel_home}."), said
    assert said[1:] == [STILL_THERE, line]
    assert not consentinel_home.exists()  # nothing made


def test_an_erase_that_fails_partway_names_the_crontab_line_left_too(
    crontab: Path, consentinel_home: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """The jobs go before the files: a file that cannot go after them (here the catch-up's
    mark, a folder where a file is kept) is said, and the crontab line, still run every hour
    on the half-emptied folder, with it, in English and French."""
    line = _line(consentinel_home)
    crontab.write_text(f"MAILTO=ada\n{line}\n")
    stamp = stamp_path(AppPaths.from_env())
    stamp.mkdir()  # (unlink() fails on a folder, even for root)
    assert main(["delete-all-data", "--yes"]) == 2
    said = capsys.readouterr()
    assert said.err.splitlines() == [
        "Some files could not be deleted: a folder has that name",
        f"Still there (delete it yourself): {stamp}",
        STILL_THERE,
        line,
    ]
    assert crontab.read_bytes() == f"MAILTO=ada\n{line}\n".encode()

    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    assert main(["delete-all-data", "--yes"]) == 2
    assert capsys.readouterr().err.splitlines()[2:] == [
        typeset(
            "Votre crontab lance toujours la vérification planifiée : Consentinel ne modifie "
            "pas votre crontab. Pour l'arrêter, supprimez cette ligne avec crontab -e :"
        ),
        line,
    ]


def test_a_folder_deleted_by_hand_whose_timer_cannot_go_says_why_in_words(
    crontab: Path,
    consentinel_home: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What the folder left outside it cannot all go (here a folder where its timer unit's
    file is kept: unlink() fails on it, even for root): the cause is said in the person's
    words and language, as when the folder is there, not Python's "[Errno 21] Is a
    directory: '…'", in English whatever the language."""
    shutil.rmtree(consentinel_home)
    SystemdUserJob().timer_path.mkdir(parents=True)
    assert main(["delete-all-data"]) == 2
    err = capsys.readouterr().err
    assert err.splitlines() == ["Some files could not be deleted: a folder has that name"]
    assert "Errno" not in err

    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    assert main(["delete-all-data"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        typeset("Certains fichiers n'ont pas pu être supprimés : un dossier porte ce nom")
    ]
    assert not consentinel_home.exists()  # nothing made


class _Refusing:
    """A scheduler that will not remove the job and says why, in the person's language (no
    backend of today's does; launchctl or schtasks could): the report is all there is."""

    what = "refusing"

    def remove(self) -> JobReport:
        return JobReport(JobState.FAILED, tr("{tool} did not answer in time.", tool="launchctl"))


@pytest.mark.parametrize("folder_there", [True, False])
def test_a_scheduled_check_that_could_not_be_removed_says_why(
    folder_there: bool,
    crontab: Path,
    consentinel_home: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The scheduler's own words are said, in English and French, not "OSError" (the
    error built from them has no errno to describe), with the folder there or deleted by hand."""
    monkeypatch.setattr(osjobs, "check_job", lambda platform=None: _Refusing())
    if not folder_there:
        shutil.rmtree(consentinel_home)
    args = ["delete-all-data", "--yes"]
    assert main(args) == 2
    assert capsys.readouterr().err.splitlines() == [
        "Some files could not be deleted: launchctl did not answer in time."
    ]

    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    assert main(args) == 2
    assert capsys.readouterr().err.splitlines() == [
        typeset(
            "Certains fichiers n'ont pas pu être supprimés : launchctl n'a pas répondu à temps."
        )
    ]


@pytest.mark.parametrize(
    ("language", "said"),
    [
        (
            "en",
            [
                "Some files could not be deleted: a folder has that name",
                "Still there (delete it yourself): {path}",
            ],
        ),
        (
            "fr",
            [
                typeset("Certains fichiers n'ont pas pu être supprimés : un dossier porte ce nom"),
                typeset("Toujours présent (supprimez-le vous-même) : {path}"),
            ],
        ),
    ],
)
def test_a_file_that_cannot_be_deleted_is_named_to_be_deleted_by_hand(
    language: str,
    said: list[str],
    crontab: Path,
    consentinel_home: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A file the erase cannot delete (busy on Windows, in a folder whose permissions keep it;
    here a saved session's name held by a folder, which unlink() refuses even for root) is
    named with the failure, in English and French: the person can delete it by hand, and
    knew only that "some files" stayed."""
    monkeypatch.setenv("CONSENTINEL_LANG", language)
    kept = AppPaths.from_env().sessions_dir / "fay.session"
    (kept / "inside").mkdir(parents=True)
    assert main(["delete-all-data", "--yes"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        words.replace("{path}", str(kept)) for words in said
    ]
    assert kept.is_dir()  # (the person's to delete)


@contextlib.contextmanager
def _immutable(path: Path) -> Iterator[None]:
    """`path` made immutable (chattr +i): not even root can delete it; made deletable again
    after."""
    subprocess.run(["chattr", "+i", str(path)], check=True)
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


@pytest.mark.parametrize(
    ("language", "said"),
    [
        (
            "en",
            [
                "Some files could not be deleted: permission denied (is the folder read-only?)",
                "Still there (delete it yourself): {path}",
            ],
        ),
        (
            "fr",
            [
                typeset(
                    "Certains fichiers n'ont pas pu être supprimés : permission refusée (le "
                    "dossier est-il en lecture seule ?)"
                ),
                typeset("Toujours présent (supprimez-le vous-même) : {path}"),
            ],
        ),
    ],
)
def test_a_screenshot_that_cannot_be_deleted_is_named_not_said_deleted(
    language: str,
    said: list[str],
    crontab: Path,
    consentinel_home: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The screenshots' folder was deleted with its errors ignored: a screenshot the OS kept
    was never named, and the erase said all the data was gone (exit 0). It is named now, as
    any file that stays, and the rest still goes (the exports, the journal)."""
    monkeypatch.setenv("CONSENTINEL_LANG", language)
    paths = AppPaths.from_env()
    kept = paths.evidence_dir / "run-1" / "alice-before.png"
    kept.parent.mkdir(parents=True)
    kept.write_bytes(b"\x89PNG")
    (paths.evidence_dir / "run-1" / "alice-after.png").write_bytes(b"\x89PNG")
    (paths.exports_dir / "journal.csv").write_text("when,what\n")
    with _immutable(kept):
        assert main(["delete-all-data", "--yes"]) == 2
        assert capsys.readouterr().err.splitlines() == [
            words.replace("{path}", str(kept)) for words in said
        ]
        assert sorted(paths.evidence_dir.rglob("*")) == [kept.parent, kept]
    assert list(paths.exports_dir.iterdir()) == []  # (deleted after the screenshots)
