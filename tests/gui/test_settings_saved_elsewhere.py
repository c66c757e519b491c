"""The Settings dialog open while `consentinel schedule install` or `remove` is typed in a
terminal: its Save keeps what the command saved, and its OS job, where the person changed
nothing in the form; what the person changed is saved, and journaled, as theirs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from consentinel.core import osjobs
from consentinel.core.context import AppContext
from consentinel.core.journal_entries import EntryKind
from consentinel.core.osjobs import systemd
from consentinel.core.osjobs.job import folder_suffix
from consentinel.core.schedule import ScheduleChoice
from consentinel.core.settings import load_settings
from consentinel.core.vault import Vault
from consentinel.gui.auto_checks import AutoChecks
from consentinel.gui.settings_dialog import SettingsDialog
from tests.fixtures.systemd_state import pretend_systemd_runs

#: The real command line, in a process of its own, on a computer that runs systemd as this
#: test pretends it does (pretend_systemd_runs: the folder sd_booted() looks at, its own).
_CLI_WHERE_SYSTEMD_RUNS = (
    "import pathlib, sys; from consentinel.core.osjobs import systemd; "
    "systemd.SYSTEMD_RUN_DIR = pathlib.Path(sys.argv[1]); "
    "from consentinel.cli.main import main; raise SystemExit(main(sys.argv[2:]))"
)


@pytest.fixture
def xdg_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The OS jobs are real (systemd user units), written under a temporary XDG_CONFIG_HOME,
    by this process and by the command line it runs: never this machine's own session."""
    config = tmp_path / "xdg-config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    pretend_systemd_runs(monkeypatch, tmp_path)
    return config


def in_a_terminal(*args: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _CLI_WHERE_SYSTEMD_RUNS, str(systemd.SYSTEMD_RUN_DIR), *args],
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def timer_file(xdg_config: Path) -> Path:
    return xdg_config / "systemd" / "user" / f"consentinel-check{folder_suffix()}.timer"


def settings_journaled(ctx: AppContext) -> list[dict[str, object]]:
    return [e.payload for e in ctx.journal.entries(kinds=[EntryKind.SETTINGS_CHANGED])]


def test_saving_the_dialog_keeps_a_schedule_installed_from_the_command_line_meanwhile(
    qtbot: QtBot, real_vault: Vault, xdg_config: Path
) -> None:
    """Settings open (every day, nothing while closed), `consentinel schedule install --every
    6h` typed meanwhile, which the window's tick takes; the person then switches the
    notifications off and saves: the file keeps every 6 hours with the job, the job stays,
    the window's schedule stays at 6 hours, and the journal says only the notifications."""
    ctx = AppContext.create(vault=real_vault)
    ctx.settings.schedule = "daily"
    ctx.save_settings()
    auto = AutoChecks(ctx, start_run=lambda _due: False)
    dialog = SettingsDialog(ctx, tray=False)
    qtbot.addWidget(dialog)
    dialog.settingsChanged.connect(auto.settings_changed)  # (as the app connects them)

    in_a_terminal("schedule", "install", "--every", "6h")
    assert "6h" in timer_file(xdg_config).read_text()
    auto.tick()
    assert auto.scheduler.schedule is ScheduleChoice.EVERY_6H

    dialog.notifications.setChecked(False)
    dialog.save_button.click()

    saved, _ = load_settings(ctx.paths)
    assert (saved.schedule, saved.run_when_closed, saved.notifications) == ("6h", True, False)
    assert osjobs.status().installed and "6h" in timer_file(xdg_config).read_text()
    assert auto.scheduler.schedule is ScheduleChoice.EVERY_6H
    assert settings_journaled(ctx) == [{"notifications": False}]


def test_saving_the_dialog_does_not_put_back_a_job_removed_from_the_command_line_meanwhile(
    qtbot: QtBot, real_vault: Vault, xdg_config: Path
) -> None:
    """Settings open (every 6 hours, kept while closed), `consentinel schedule remove` typed
    meanwhile: the dialog's Save of another change does not install the job again, nor tick
    "Keep checking when Consentinel is closed" again in the file."""
    ctx = AppContext.create(vault=real_vault)
    assert osjobs.install("6h").installed
    ctx.settings.schedule, ctx.settings.run_when_closed = "6h", True
    ctx.save_settings()
    auto = AutoChecks(ctx, start_run=lambda _due: False)
    dialog = SettingsDialog(ctx, tray=False)
    qtbot.addWidget(dialog)
    dialog.settingsChanged.connect(auto.settings_changed)
    auto.schedule_changed.connect(dialog.follow_settings)  # (as the app connects them)
    assert dialog.run_when_closed.isChecked()

    in_a_terminal("schedule", "remove")
    assert not timer_file(xdg_config).exists()
    auto.tick()
    # The box the person left alone shows what is now saved (it said "on" while Save wrote
    # "off": `remove` changes only this, and the tick said nothing of it).
    assert not dialog.run_when_closed.isChecked()

    dialog.screenshot_every_check.setChecked(True)
    dialog.save_button.click()

    saved, _ = load_settings(ctx.paths)
    assert (saved.run_when_closed, saved.screenshot_every_check) == (False, True)
    assert not timer_file(xdg_config).exists()
    assert settings_journaled(ctx) == [{"screenshot_every_check": True}]


def test_the_open_settings_show_what_the_command_line_saved_where_the_person_left_them(
    qtbot: QtBot, real_vault: Vault, xdg_config: Path
) -> None:
    """In the app: Settings open, the person chooses "Every week"; `consentinel schedule
    install --every 6h` typed meanwhile. At the window's tick, the dialog ticks "Keep checking
    when Consentinel is closed" (which the person left alone), and keeps their week; saved,
    the week is the job's, journaled as the person's change, and the box is not."""
    from consentinel.gui.app_controller import AppController
    from consentinel.gui.translations import Translators

    ctx = AppContext.create(vault=real_vault)
    ctx.settings.schedule = "daily"
    ctx.save_settings()
    controller = AppController(ctx, Translators(), use_tray=False)
    controller.on_quit = lambda: None
    qtbot.addWidget(controller.window)
    seen: list[tuple[str, bool]] = []

    def in_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SettingsDialog)
        try:
            dialog.schedule_combo.setCurrentIndex(dialog.schedule_combo.findData("weekly"))
            in_a_terminal("schedule", "install", "--every", "6h")
            controller.auto.tick()
            seen.append((dialog.schedule_combo.currentData(), dialog.run_when_closed.isChecked()))
            dialog.save_button.click()  # (stays open: it says what the OS said)
            seen.append((dialog.schedule_combo.currentData(), dialog.run_when_closed.isChecked()))
        finally:
            dialog.reject()

    try:
        QTimer.singleShot(0, in_the_dialog)
        controller.window.show_settings()
        assert seen == [("weekly", True), ("weekly", True)]
        saved, _ = load_settings(ctx.paths)
        assert (saved.schedule, saved.run_when_closed) == ("weekly", True)
        assert "weekly" in timer_file(xdg_config).read_text()
        assert controller.auto.scheduler.schedule is ScheduleChoice.WEEKLY
        assert settings_journaled(ctx) == [{"schedule": "weekly"}]
    finally:
        controller.shutdown()
