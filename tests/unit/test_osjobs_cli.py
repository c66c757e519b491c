"""`consentinel schedule install|remove|status` here: real systemctl, no user manager."""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import pytest

from consentinel.cli import schedule_cmd
from consentinel.core.events import AccountResult, RunResult
from consentinel.core.french_typography import typeset
from consentinel.core.journal_queries import Missed
from consentinel.core.notify import Notification
from consentinel.core.osjobs.job import folder_suffix
from consentinel.core.status import Box, Status
from tests.fixtures.systemd_state import pretend_systemd_runs


@dataclass
class FakeSettings:
    schedule: str = "off"
    run_when_closed: bool = False


@dataclass
class FakeContext:
    """Just the parts of AppContext that `schedule` touches."""

    settings: FakeSettings = field(default_factory=FakeSettings)
    saved: int = 0

    def save_settings(self) -> None:
        self.saved += 1


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="consentinel")
    sub = parser.add_subparsers(dest="command")
    schedule_cmd.add_parser(sub)
    return parser.parse_args(argv)


def run_cmd(argv: list[str], ctx: FakeContext) -> int:
    return schedule_cmd.run(parse(argv), cast(Any, ctx))


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    config = tmp_path / "config"
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))  # no user manager listens here
    pretend_systemd_runs(monkeypatch, tmp_path)
    return config


def timer_name() -> str:
    """This test's data folder's timer (each folder has its own)."""
    return f"consentinel-check{folder_suffix()}.timer"


def test_install_status_remove_round_trip(
    config_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ctx = FakeContext()
    assert run_cmd(["schedule", "install", "--every", "daily"], ctx) == 0
    out = capsys.readouterr().out
    assert "systemd user manager is not running" in out
    assert (config_home / "systemd" / "user" / timer_name()).exists()
    assert ctx.settings.schedule == "daily" and ctx.settings.run_when_closed is True
    assert ctx.saved == 1

    assert run_cmd(["schedule", "status"], ctx) == 0
    assert "installed (every day" in capsys.readouterr().out

    assert run_cmd(["schedule", "remove"], ctx) == 0
    assert "Removed the scheduled check." in capsys.readouterr().out
    assert not (config_home / "systemd" / "user" / timer_name()).exists()
    assert ctx.settings.run_when_closed is False

    assert run_cmd(["schedule", "status"], ctx) == 0
    assert "not installed" in capsys.readouterr().out


def test_remove_with_the_login_item_is_what_an_uninstaller_runs(
    config_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The Windows uninstaller runs `schedule remove --login-item`: both entries point at the
    program being removed."""
    from consentinel.core import osjobs

    ctx = FakeContext(FakeSettings(schedule="daily"))
    assert run_cmd(["schedule", "install"], ctx) == 0
    assert osjobs.install_autostart().installed
    capsys.readouterr()
    assert run_cmd(["schedule", "remove", "--login-item"], ctx) == 0
    out = capsys.readouterr().out
    assert "Removed the scheduled check." in out
    assert not osjobs.status().installed and not osjobs.autostart_status().installed
    assert ctx.settings.run_when_closed is False


def test_install_uses_the_settings_schedule_and_refuses_off(
    config_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ctx = FakeContext(FakeSettings(schedule="off"))
    assert run_cmd(["schedule", "install"], ctx) == 2
    assert "--every" in capsys.readouterr().err
    assert not (config_home / "systemd").exists()
    ctx.settings.schedule = "6h"
    assert run_cmd(["schedule", "install"], ctx) == 0
    timer = (config_home / "systemd" / "user" / timer_name()).read_text()
    assert "OnCalendar=*-*-* 00,06,12,18:00:00" in timer


def test_without_systemd_every_is_saved_and_the_crontab_line_has_it(
    config_home: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No systemd (this machine): the person is given a crontab line to add, and the runs it
    starts skip until the settings' schedule is due, so `--every` must be saved there too (it
    was ignored: runs every week from cron, each skipped or not by a daily setting)."""
    from consentinel.core.osjobs import systemd

    monkeypatch.setattr(systemd, "SYSTEMD_RUN_DIR", tmp_path / "no-systemd")
    ctx = FakeContext(FakeSettings(schedule="daily"))
    assert run_cmd(["schedule", "install", "--every", "weekly"], ctx) == 2
    said = capsys.readouterr().err
    assert "checks every week; as with systemd" in said
    assert re.search(r"The line is:\n\d+ \* \* \* \* .* check --unattended --from-schedule "
                     r"--catch-up\n", said + "\n")  # fmt: skip
    assert (ctx.settings.schedule, ctx.saved > 0) == ("weekly", True)
    assert ctx.settings.run_when_closed is False  # no job: the app does not say one runs
    assert not (config_home / "systemd").exists()


def test_messages_in_french(
    config_home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    assert run_cmd(["schedule", "status"], FakeContext()) == 0
    assert capsys.readouterr().out.strip() == typeset("Vérification planifiée : non installée.")


def test_unknown_every_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as exit_:
        parse(["schedule", "install", "--every", "hourly"])
    assert exit_.value.code == 2


def test_post_run_notifications_sends_and_journals() -> None:
    class Journal:
        def __init__(self) -> None:
            self.rows: list[tuple[object, ...]] = []

        def record_notification(self, *row: object) -> None:
            self.rows.append(row)

        def said_before(
            self, run_id: int, kind: str, handle: str | None, message: str | None = None
        ) -> bool | None:
            return None

        def missed_notices(self, *_asked: object) -> Missed:
            return Missed((), None)

    class Shown:
        def __init__(self) -> None:
            self.notes: list[Notification] = []

        def notify(self, note: Notification) -> bool:
            self.notes.append(note)
            return True

    @dataclass
    class Settings:
        notifications: bool = True

    @dataclass
    class Ctx:
        journal: Journal
        settings: Settings = field(default_factory=Settings)

    run = RunResult(3, (AccountResult("carol", Status.FIXED, reverted_by_x=(Box.TRAINING,)),))
    ctx, shown = Ctx(Journal()), Shown()
    assert schedule_cmd.post_run_notifications(cast(Any, ctx), run, shown) == 1
    assert [n.handle for n in shown.notes] == ["carol"]
    assert ctx.journal.rows[0][:3] == (3, "carol", "reverted_by_x")
    quiet = RunResult(4, (AccountResult("carol", Status.OPTED_OUT),))
    assert schedule_cmd.post_run_notifications(cast(Any, ctx), quiet, shown) == 0
    # Notifications switched off in the settings: nothing is shown, nothing journaled.
    ctx.settings.notifications = False
    assert schedule_cmd.post_run_notifications(cast(Any, ctx), run, shown) == 0
    assert len(shown.notes) == 1 and len(ctx.journal.rows) == 1


def test_status_of_a_job_that_can_never_run_is_not_ok(
    config_home: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from consentinel.core.osjobs import systemd

    assert run_cmd(["schedule", "install", "--every", "daily"], FakeContext()) == 0
    # The units stay, but the computer no longer runs systemd (a container image, say).
    monkeypatch.setattr(systemd, "SYSTEMD_RUN_DIR", tmp_path / "gone")
    capsys.readouterr()
    assert run_cmd(["schedule", "status"], FakeContext()) == 2
    assert "never runs" in capsys.readouterr().out
