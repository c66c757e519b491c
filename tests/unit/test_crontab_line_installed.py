"""Without systemd, the scheduled check is the crontab line the person added as `schedule
install` said: `schedule status`, the doctor and the window's settings recognise this data
folder's line of the new form as the job, in English and French, and `schedule remove` says to
remove it with crontab -e (Consentinel does not rewrite the crontab). `crontab -l` is a real
program here: a small script on PATH printing a crontab."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from consentinel.cli.main import main
from consentinel.core import osjobs
from consentinel.core.accounts import Account
from consentinel.core.catch_up import mark_served, stamp_path
from consentinel.core.context import AppContext
from consentinel.core.doctor import check_schedule
from consentinel.core.events import AccountResult
from consentinel.core.french_typography import typeset
from consentinel.core.moments import moment_text
from consentinel.core.osjobs import JobState, systemd
from consentinel.core.osjobs.job import check_command
from consentinel.core.osjobs.systemd import crontab_line
from consentinel.core.paths import AppPaths
from consentinel.core.settings import Settings, save_settings
from consentinel.core.status import Status
from consentinel.core.vault import MemoryKeyring, Vault
from tests.fixtures.fake_crontab import fake_crontab

INSTALLED = (
    "Scheduled check: installed (every day, a line in your crontab, which cron runs every "
    "hour); a check missed while the computer was off or asleep is made within the hour after "
    "it is back on."
)


@pytest.fixture
def crontab(tmp_path: Path, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No systemd here, no units, and a `crontab` program on PATH that lists the file this
    returns (to be written by the test); a data folder whose schedule is daily."""
    monkeypatch.setattr(systemd, "SYSTEMD_RUN_DIR", tmp_path / "no-systemd")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    listed = tmp_path / "crontab.txt"
    fake_crontab(tmp_path / "bin", listed, monkeypatch, path_after="/usr/bin:/bin")
    paths = AppPaths.under(consentinel_home).ensure()
    save_settings(paths, Settings(schedule="daily", run_when_closed=True))
    return listed


def _line(home: Path) -> str:
    return crontab_line("daily", check_command({"CONSENTINEL_HOME": str(home)}))


def test_the_crontab_line_of_the_new_form_is_the_installed_job(
    crontab: Path, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = _line(consentinel_home.with_name("another-folder"))
    crontab.write_text(f"MAILTO=ada\n# m h dom mon dow command\n{other}\n")
    report = osjobs.status()  # another folder's line is not this one's job
    assert (report.state, report.installed) == (JobState.NOT_INSTALLED, False)

    crontab.write_text(f"MAILTO=ada\n{other}\n{_line(consentinel_home)}\n")
    report = osjobs.status()
    assert (report.state, report.installed) == (JobState.ACTIVE, True)
    assert report.message.startswith(INSTALLED + " Next run: "), report.message
    settings = Settings(schedule="daily", run_when_closed=True)
    doctor = check_schedule(settings)
    assert (doctor.ok, doctor.advice) == (True, "")
    assert doctor.detail.startswith(INSTALLED + " Next run: ")
    assert main(["schedule", "status"]) == 0

    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    assert osjobs.status().message.startswith(
        typeset(
            "Vérification planifiée : installée (chaque jour, une ligne de votre crontab, que "
            "cron lance toutes les heures) ; une vérification manquée pendant que l'ordinateur "
            "était éteint ou en veille est faite dans l'heure qui suit son retour. Prochain "
            "lancement : "
        )
    )
    assert check_schedule(settings).ok is True


def test_schedule_status_prints_the_crontab_line_installed(
    crontab: Path, consentinel_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    crontab.write_text(_line(consentinel_home) + "\n")
    assert main(["schedule", "status"]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith(INSTALLED + " Next run: ")
    # Installing again adds nothing: the line is there, and follows the saved schedule.
    assert main(["schedule", "install"]) == 0
    said = capsys.readouterr()
    assert said.out.startswith("Your crontab already runs the scheduled check every hour")
    assert "crontab -e" not in said.out + said.err


def test_schedule_remove_says_to_remove_the_crontab_line_and_leaves_the_crontab(
    crontab: Path, consentinel_home: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    line = _line(consentinel_home)
    crontab.write_text(f"MAILTO=ada\n{line}\n")
    before = crontab.read_bytes()
    assert main(["schedule", "remove"]) == 2  # not removed: the person removes it
    assert capsys.readouterr().out == (
        "Your crontab still runs the scheduled check: Consentinel does not change your "
        f"crontab. To stop it, remove this line with crontab -e:\n{line}\n"
    )
    assert crontab.read_bytes() == before
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    assert osjobs.remove().message.startswith(
        typeset("Votre crontab lance toujours la vérification planifiée : Consentinel ne modifie")
    )


OLD_TOO = (
    "Your crontab also runs the scheduled check with a line of the old form, at the schedule's "
    "times: a second run then, beside the hourly line's. Remove this line with crontab -e:"
)


def _old_line(home: Path) -> str:
    """This folder's line as given before the hourly one: at noon, without --catch-up."""
    words = _line(home).split(" ", 5)[5]
    return f"0 12 * * * {words.removesuffix(' --catch-up')}"


def test_an_old_form_line_left_beside_the_new_one_is_named_to_be_removed(
    crontab: Path, consentinel_home: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """The hourly line added, the old one kept: both run, the old one at noon a second time.
    `schedule status`, the doctor (a warning: the job runs, but something is to be done) and
    `schedule install` (what the window's settings show) say the hourly line is installed and
    print the old one to remove, in English and French."""
    old = _old_line(consentinel_home)
    crontab.write_text(f"MAILTO=ada\n{old}\n{_line(consentinel_home)}\n")
    report = osjobs.status()
    assert (report.state, report.installed) == (JobState.ACTIVE, True)
    assert report.message.split("\n")[1:] == [OLD_TOO, old]
    assert main(["schedule", "status"]) == 0
    assert capsys.readouterr().out.splitlines()[1:3] == [OLD_TOO, old]
    doctor = check_schedule(Settings(schedule="daily", run_when_closed=True))
    assert doctor.ok is None
    assert doctor.detail.split("\n")[1:] == [OLD_TOO, old]
    assert main(["schedule", "install"]) == 0
    said = capsys.readouterr().out.splitlines()
    assert said[0].startswith("Your crontab already runs the scheduled check every hour")
    assert said[1:] == [OLD_TOO, old]

    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    assert osjobs.status().message.splitlines()[1:] == [
        typeset(
            "Votre crontab lance aussi la vérification planifiée avec une ligne de l'ancienne "
            "forme, aux heures du calendrier : un second lancement à ces heures-là, en plus de "
            "celui de la ligne horaire. Supprimez cette ligne avec crontab -e :"
        ),
        old,
    ]


def test_schedule_status_says_when_the_crontab_line_next_checks(
    crontab: Path, consentinel_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not the slot (noon, daily), at which cron does not run the line, but its first hourly
    run at or after it, at the line's own minute; said as the systemd timer's next run is
    (local time). Today's noon served already (just now): tomorrow's, or today's if to come."""
    line = _line(consentinel_home)
    crontab.write_text(line + "\n")
    now = datetime.now(timezone.utc).astimezone()
    mark_served(stamp_path(AppPaths.from_env()), now)
    noon = now.replace(hour=12, minute=0, second=0, microsecond=0)
    if noon <= now:
        noon = (noon.replace(tzinfo=None) + timedelta(days=1)).astimezone()
    run = noon + timedelta(minutes=int(line.split()[0]))
    assert main(["schedule", "status"]) == 0
    said = capsys.readouterr().out.splitlines()[0]
    assert said == f"{INSTALLED} Next run: {run:%Y-%m-%d %H:%M}."
    assert osjobs.status().next_run == run


@pytest.fixture
def nine_in_the_morning(monkeypatch: pytest.MonkeyPatch) -> Iterator[datetime]:
    """This process's local zone is one where it is 09:00 now (a fixed offset from UTC): the
    daily noon, three hours off, is not crossed while a test runs, whenever it runs. Put back
    after. Returns when it is, aware."""
    now = datetime.now(timezone.utc)
    ahead = (9 * 60 - (now.hour * 60 + now.minute)) % (24 * 60)  # minutes ahead of UTC
    ahead -= 24 * 60 if ahead > 12 * 60 else 0
    sign = "-" if ahead >= 0 else "+"  # (POSIX TZ counts west of UTC: "-" is ahead of it)
    monkeypatch.setenv("TZ", f"XYZ{sign}{abs(ahead) // 60}:{abs(ahead) % 60:02d}")
    time.tzset()
    local = now.astimezone()
    assert (local.hour, local.minute) == (9, 0), local
    yield local
    monkeypatch.undo()
    time.tzset()


def test_a_skipped_run_is_said_with_the_crontab_lines_first_run_that_checks(
    crontab: Path,
    consentinel_home: Path,
    nine_in_the_morning: datetime,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every account checked just now (09:00), daily: the line's run after noon today skips as
    "checked lately", and the first that checks is the one after noon tomorrow, at the line's
    own minute (37 here), not noon, at which cron does not run it; in English and French."""
    line = "37 " + _line(consentinel_home).split(None, 1)[1]
    crontab.write_text(line + "\n")
    mark_served(stamp_path(AppPaths.from_env()), nine_in_the_morning)  # (this morning's: noon)
    ctx = AppContext.create(
        vault=Vault(MemoryKeyring()), settings=Settings(schedule="daily", run_when_closed=True)
    )
    ctx.accounts.add(Account("fay"))
    run = ctx.journal.start_run("gui")
    ctx.journal.record_check(run, AccountResult("fay", Status.OPTED_OUT))
    ctx.journal.finish_run(run)
    ctx.journal.close()
    today = nine_in_the_morning.replace(hour=12, minute=37)
    tomorrow = (today.replace(tzinfo=None) + timedelta(days=1)).astimezone()

    assert main(["schedule", "status"]) == 0
    said = capsys.readouterr().out.splitlines()
    assert said[0].endswith(f" Next run: {today:%Y-%m-%d %H:%M}."), said
    assert said[1:] == [
        f"Every account was checked lately, so the run at {moment_text(today)} is skipped; "
        f"the first one that checks is at about {moment_text(tomorrow)}."
    ]

    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    assert main(["schedule", "status"]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == [
        typeset(
            f"Chaque compte a été vérifié récemment : le passage du {moment_text(today)} "
            f"n'aura pas lieu ; le premier qui vérifie est vers le {moment_text(tomorrow)}."
        )
    ]
