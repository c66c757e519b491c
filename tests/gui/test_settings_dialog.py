"""The settings dialog: values saved and journaled, absurd values impossible, delete-all-data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from consentinel.core import desktop_entry, osjobs
from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.data_eraser import erase_all_data
from consentinel.core.journal_entries import EntryKind
from consentinel.core.lock import RunLock
from consentinel.core.osjobs import systemd
from consentinel.core.osjobs.job import JobCommand, check_command, folder_suffix, gui_command
from consentinel.core.settings import load_settings
from consentinel.core.vault import Vault
from consentinel.gui.settings_dialog import SettingsDialog
from consentinel.gui.translations import Translators
from tests.fixtures.fake_crontab import fake_crontab
from tests.fixtures.systemd_state import pretend_systemd_runs


@pytest.fixture
def xdg_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The OS jobs are real (systemd user units, XDG autostart), written under a temporary
    XDG_CONFIG_HOME so the test never touches this machine's own session."""
    config = tmp_path / "xdg-config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    pretend_systemd_runs(monkeypatch, tmp_path)
    return config


def _answer_confirmation(qtbot: QtBot, choose: Callable[[QMessageBox], object]) -> list[str]:
    """Click a button of the confirmation box once it is shown; returns its text for checks."""
    seen: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.informativeText())
        button = choose(box)
        assert button is not None
        button.click()  # type: ignore[attr-defined]

    QTimer.singleShot(0, click)
    return seen


def test_values_are_saved_journaled_and_the_jobs_installed(
    qtbot: QtBot, real_vault: Vault, xdg_config: Path
) -> None:
    ctx = AppContext.create(vault=real_vault)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.schedule_combo.setCurrentIndex(dialog.schedule_combo.findData("6h"))
    dialog.check_on_start.setChecked(False)
    dialog.run_when_closed.setChecked(True)
    dialog.start_at_login.setChecked(True)
    dialog.show_browser.setChecked(True)
    dialog.concurrency.setValue(5)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("fr"))
    dialog.notifications.setChecked(False)
    dialog.screenshot_every_check.setChecked(True)
    with qtbot.waitSignal(dialog.settingsChanged):
        dialog.save_button.click()

    saved, warning = load_settings(ctx.paths)
    assert warning is None
    assert (saved.schedule, saved.check_on_start, saved.run_when_closed) == ("6h", False, True)
    assert (saved.start_at_login, saved.show_browser, saved.concurrency) == (True, True, 5)
    assert (saved.language, saved.notifications) == ("fr", False)
    assert saved.screenshot_every_check is True
    assert ctx.settings == saved

    changed = ctx.journal.entries(kinds=[EntryKind.SETTINGS_CHANGED])
    assert len(changed) == 1
    assert changed[0].payload["schedule"] == "6h"
    assert changed[0].payload["concurrency"] == 5

    # The OS jobs really exist, and the dialog says what the OS said.
    timer = xdg_config / "systemd" / "user" / f"consentinel-check{folder_suffix()}.timer"
    assert timer.is_file()
    assert (xdg_config / "autostart").is_dir() and any((xdg_config / "autostart").iterdir())
    assert dialog.jobs_label.isVisibleTo(dialog)
    assert "start at login" in dialog.jobs_label.text()

    # Switching them off removes them.
    dialog.run_when_closed.setChecked(False)
    dialog.start_at_login.setChecked(False)
    dialog.save_button.click()
    assert not (
        xdg_config / "systemd" / "user" / f"consentinel-check{folder_suffix()}.timer"
    ).exists()
    assert not any((xdg_config / "autostart").iterdir())
    assert "no longer start at login" in dialog.jobs_label.text()


def test_saving_the_settings_repairs_a_job_whose_program_is_gone(
    qtbot: QtBot, real_vault: Vault, xdg_config: Path
) -> None:
    """Consentinel was moved since its job was installed: the job's status says to save the
    settings, and saving, with nothing changed, installs it again with this program."""
    ctx = AppContext.create(vault=real_vault)
    gone = JobCommand(("/nowhere/consentinel-0.1/consentinel-gui", "check", "--unattended"))
    assert osjobs.install("daily", gone).installed
    assert osjobs.status().state is osjobs.JobState.FAILED
    ctx.settings.schedule, ctx.settings.run_when_closed = "daily", True
    ctx.save_settings()
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.save_button.click()
    assert osjobs.status().installed
    service = next(path for path in osjobs.status().files if path.suffix == ".service")
    assert systemd.installed_program(service.read_text()) == check_command().program


def test_saving_the_settings_points_the_start_at_login_and_the_menu_at_this_copy(
    qtbot: QtBot,
    real_vault: Vault,
    xdg_config: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Consentinel moved (a new folder, a new download) since its start at login and its menu
    entry were written: their TryExec named the old program, so the desktop hid both, silently.
    Saving the settings, with nothing changed, writes them again for this program."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    old = "/nowhere/clone/.venv/bin/consentinel-gui"
    here = gui_command()
    osjobs.login_item(command=JobCommand((old, "--minimized"), here.env)).install()
    desktop_entry.install(argv=[old])
    item = osjobs.login_item()
    assert item.installed_program() == old and desktop_entry.installed_program() == old
    ctx = AppContext.create(vault=real_vault)
    ctx.settings.start_at_login = True
    ctx.save_settings()
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.save_button.click()
    assert item.installed_program() == here.program
    assert desktop_entry.installed_program() == desktop_entry.launcher_argv()[0]
    assert old not in item.path.read_text()
    assert old not in desktop_entry.EntryLocations(tmp_path / "xdg-data").desktop_file.read_text()
    assert dialog.isVisible() and dialog.jobs_label.isVisible()  # it says what it did
    assert "start at login" in dialog.jobs_label.text()
    assert "menu entry now starts this copy" in dialog.jobs_label.text()

    # Once they start this copy, saving leaves them be, and the dialog closes.
    again = SettingsDialog(ctx)
    qtbot.addWidget(again)
    again.show()
    with qtbot.waitSignal(again.accepted):
        again.save_button.click()


def test_start_at_login_promises_no_tray_on_a_desktop_without_one(
    qtbot: QtBot, real_vault: Vault, xdg_config: Path
) -> None:
    """GNOME shows no tray by default: the box and what saving says tell what happens instead
    (the window starts minimized); with a tray, the tray."""
    ctx = AppContext.create(vault=real_vault)
    with_tray = SettingsDialog(ctx, tray=True)
    qtbot.addWidget(with_tray)
    assert "in the tray" in with_tray.start_at_login.text()
    dialog = SettingsDialog(ctx, tray=False)
    qtbot.addWidget(dialog)
    assert "tray" not in dialog.start_at_login.text()
    assert "minimized" in dialog.start_at_login.text()
    assert "no tray" in dialog.start_at_login.toolTip()
    dialog.start_at_login.setChecked(True)
    dialog.save_button.click()
    said = dialog.jobs_label.text()
    assert "start at login with its window minimized" in said and "in the tray" not in said
    assert osjobs.autostart_status().installed


def test_a_schedule_that_cannot_be_installed_leaves_the_box_unticked(
    qtbot: QtBot, real_vault: Vault, xdg_config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What sd_booted() looks at, pointed at a folder that is not there (most containers).
    monkeypatch.setattr(systemd, "SYSTEMD_RUN_DIR", xdg_config / "no-systemd")
    ctx = AppContext.create(vault=real_vault)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.schedule_combo.setCurrentIndex(dialog.schedule_combo.findData("daily"))
    dialog.run_when_closed.setChecked(True)
    dialog.start_at_login.setChecked(True)  # this one works: it must not look failed
    dialog.save_button.click()
    shown = dialog.jobs_label.text()
    failed, worked = shown.split("</p>")[:2]
    assert "does not run systemd" in failed and 'style="color:' in failed, shown
    assert "start at login" in worked and "color" not in worked, shown
    assert "check --unattended" in failed  # a line to copy: the words can be selected
    assert dialog.jobs_label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert not dialog.run_when_closed.isChecked()
    assert load_settings(ctx.paths)[0].run_when_closed is False
    assert not (xdg_config / "systemd").exists()


def test_the_crontab_line_the_person_added_is_the_job_and_the_box_stays_ticked(
    qtbot: QtBot, real_vault: Vault, xdg_config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No systemd, and this folder's crontab line of the new form (added as the window said):
    ticking "Keep checking when Consentinel is closed" keeps it ticked, nothing to add; unticking
    it says to remove the line with crontab -e, which Consentinel leaves as it is. `crontab -l`
    is a small script on PATH."""
    monkeypatch.setattr(systemd, "SYSTEMD_RUN_DIR", xdg_config / "no-systemd")
    line = systemd.crontab_line("daily", check_command(os.environ))
    listed = xdg_config.parent / "crontab.txt"
    listed.write_text(f"MAILTO=ada\n{line}\n")
    fake_crontab(xdg_config.parent / "bin", listed, monkeypatch)
    ctx = AppContext.create(vault=real_vault)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.schedule_combo.setCurrentIndex(dialog.schedule_combo.findData("daily"))
    dialog.run_when_closed.setChecked(True)
    dialog.save_button.click()
    shown = dialog.jobs_label.text()
    assert "Your crontab already runs the scheduled check every hour" in shown, shown
    assert "color" not in shown, shown
    assert dialog.run_when_closed.isChecked()
    assert load_settings(ctx.paths)[0].run_when_closed is True
    dialog.run_when_closed.setChecked(False)
    dialog.save_button.click()
    shown = dialog.jobs_label.text()
    assert "remove this line with crontab -e:<br>" in shown, shown
    assert listed.read_text() == f"MAILTO=ada\n{line}\n"


def test_an_old_crontab_line_left_beside_the_new_one_is_named_to_be_removed(
    qtbot: QtBot, real_vault: Vault, xdg_config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No systemd, and this folder's crontab has the hourly line and still the old one (at
    noon, without --catch-up), which runs the check a second time: ticking "Keep checking when
    Consentinel is closed" keeps it ticked and names the old line to remove, to be copied."""
    from html import escape

    monkeypatch.setattr(systemd, "SYSTEMD_RUN_DIR", xdg_config / "no-systemd")
    line = systemd.crontab_line("daily", check_command(os.environ))
    old = "0 12 * * * " + line.split(" ", 5)[5].removesuffix(" --catch-up")
    listed = xdg_config.parent / "crontab.txt"
    listed.write_text(f"{old}\n{line}\n")
    fake_crontab(xdg_config.parent / "bin", listed, monkeypatch)
    ctx = AppContext.create(vault=real_vault)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.schedule_combo.setCurrentIndex(dialog.schedule_combo.findData("daily"))
    dialog.run_when_closed.setChecked(True)
    dialog.save_button.click()
    shown = dialog.jobs_label.text()
    assert "Your crontab already runs the scheduled check every hour" in shown, shown
    assert "with a line of the old form" in shown, shown
    assert f"<br>{escape(old, quote=False)}</p>" in shown, shown
    assert "color" not in shown, shown
    assert dialog.run_when_closed.isChecked()
    assert listed.read_text() == f"{old}\n{line}\n"


def test_the_demo_never_installs_os_jobs(
    qtbot: QtBot, memory_vault: Vault, xdg_config: Path
) -> None:
    ctx = AppContext.create(vault=memory_vault)  # the demo's in-memory keyring
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert not dialog.run_when_closed.isEnabled()
    assert not dialog.start_at_login.isEnabled()
    assert "demo" in dialog.jobs_label.text()
    dialog.schedule_combo.setCurrentIndex(dialog.schedule_combo.findData("weekly"))
    assert not dialog.run_when_closed.isEnabled()
    dialog.save_button.click()
    assert load_settings(ctx.paths)[0].schedule == "weekly"
    assert not xdg_config.exists()


def test_absurd_values_are_impossible(qtbot: QtBot, memory_vault: Vault, tmp_path: Path) -> None:
    ctx = AppContext.create(vault=memory_vault)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()

    dialog.concurrency.setValue(500)
    assert dialog.concurrency.value() == 10
    dialog.concurrency.setValue(-3)
    assert dialog.concurrency.value() == 1
    assert dialog.schedule_combo.findData("every minute") == -1

    dialog.browser_custom.setChecked(True)
    assert not dialog.save_button.isEnabled()
    assert dialog.browser_error.isVisible()
    not_a_program = tmp_path / "notes.txt"
    not_a_program.write_text("hello")
    qtbot.keyClicks(dialog.browser_path, str(not_a_program))
    assert not dialog.save_button.isEnabled()
    assert "not a program" in dialog.browser_error.text()
    dialog.browser_path.setText("/usr/bin/chromium")
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.settingsChanged):  # once the program said it is Chromium
        dialog.save_button.click()
    assert load_settings(ctx.paths)[0].browser_path == "/usr/bin/chromium"

    # A schedule of "off" leaves nothing to run while closed.
    dialog.schedule_combo.setCurrentIndex(dialog.schedule_combo.findData("off"))
    assert not dialog.run_when_closed.isEnabled()
    assert not dialog.run_when_closed.isChecked()


def test_shows_the_browser_found_and_the_data_folder(qtbot: QtBot, memory_vault: Vault) -> None:
    ctx = AppContext.create(vault=memory_vault)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert "/usr/bin/chromium" in dialog.found_label.text()  # CONSENTINEL_BROWSER in tests
    assert dialog.folder_label.text() == str(ctx.paths.data_dir)
    assert "as soon as you save" in dialog.language_note.text()  # the windows switch at once


def test_focus_starts_on_the_first_setting_and_tab_never_stops_on_the_scroll_area(
    qtbot: QtBot, memory_vault: Vault
) -> None:
    """The scroll area around the settings is no stop of its own: unnamed, nothing is drawn
    as focused there, and a screen reader says nothing."""
    dialog = SettingsDialog(AppContext.create(vault=memory_vault))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.focusWidget() is not None)
    seen = []
    for _stop in range(40):
        widget = dialog.focusWidget()
        assert widget is not dialog.settings_area
        seen.append(widget)
        dialog.focusNextChild()
    assert seen[0] is not None and dialog.settings_area.isAncestorOf(seen[0])


def test_a_browser_variable_naming_no_program_is_said_not_silently_passed_over(
    qtbot: QtBot, memory_vault: Vault, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """As the doctor says it: checks use the browser found instead, and the person is told
    why the one they named is not the one shown."""
    missing = tmp_path / "no-such-chromium"
    monkeypatch.setenv("CONSENTINEL_BROWSER", str(missing))
    dialog = SettingsDialog(AppContext.create(vault=memory_vault))
    qtbot.addWidget(dialog)
    text = dialog.found_label.text()
    assert text.startswith("Found: ") and f"names {missing}, which is not a program" in text


def _fill(ctx: AppContext, vault: Vault) -> None:
    for handle in ("alice", "bob"):
        ctx.accounts.add(Account(handle))
        vault.set_password(handle, f"pw-{handle}")
        vault.set_totp(handle, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
        ctx.sessions.save(handle, {"cookies": [], "origins": []})
        ctx.journal.append_account_added(handle)
    (ctx.paths.evidence_dir / "shot.png").write_bytes(b"png")


def test_delete_all_data_after_confirmation(qtbot: QtBot, memory_vault: Vault) -> None:
    ctx = AppContext.create(vault=memory_vault)
    _fill(ctx, memory_vault)
    # Copies set aside (a session that could not be read, a corrupt list) and the log name
    # the accounts too.
    (ctx.paths.sessions_dir / "alice.session.corrupt-20261201T000000Z").write_bytes(b"x")
    ctx.paths.accounts_path.with_name("accounts.json.corrupt-20261201T000000Z").write_text("{")
    ctx.paths.logs_dir.mkdir(parents=True, exist_ok=True)
    (ctx.paths.logs_dir / "consentinel.log").write_text("checked @alice\n")
    (ctx.paths.logs_dir / "consentinel.log.1").write_text("checked @bob\n")
    # A mark a killed check left (core/pending_unticks.py): it names a run of this journal.
    (ctx.paths.data_dir / "unticking").mkdir()
    (ctx.paths.data_dir / "unticking" / "run1-alice-training.json").write_text("{}")
    # A journal kept earlier when it no longer verified: it goes too, head file and all.
    ctx.journal, _kept = ctx.journal.start_over("entry 1 was edited.")
    ctx.journal.append_account_added("alice")
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)

    seen = _answer_confirmation(
        qtbot,
        lambda box: next(b for b in box.buttons() if b.text() == "&Delete everything"),
    )
    with qtbot.waitSignal(dialog.dataDeleted):
        assert dialog.delete_all_data() is True
    left = sorted(p.name for p in ctx.paths.journal_path.parent.iterdir())
    assert not [n for n in left if ".damaged-" in n], left

    # The confirmation named what goes.
    assert "@alice, @bob" in seen[0]
    assert "journal (2 entries)" in seen[0]  # the new journal's
    assert "the demo's in-memory keyring" in seen[0]
    for handle in ("alice", "bob"):
        assert memory_vault.get_password(handle) is None
        assert memory_vault.get_totp(handle) is None
        assert not ctx.sessions.exists(handle)
    assert not ctx.paths.accounts_path.exists()
    assert ctx.accounts.list() == []
    assert not (ctx.paths.evidence_dir / "shot.png").exists()
    assert ctx.journal.count() == 0  # a fresh journal, usable again
    assert ctx.journal.verify().ok
    assert "deleted" in dialog.delete_label.text()
    assert "the scheduled checks while Consentinel is closed, and its start at login" in seen[0]
    assert list(ctx.paths.sessions_dir.iterdir()) == []
    assert not [p for p in ctx.paths.config_dir.iterdir() if p.name.startswith("accounts")]
    assert [p.name for p in ctx.paths.logs_dir.iterdir()] == ["consentinel.log"]
    assert (ctx.paths.logs_dir / "consentinel.log").read_text() == ""
    assert not (ctx.paths.data_dir / "unticking").exists()


def test_deleting_all_data_stops_the_checks_while_closed_and_the_start_at_login(
    memory_vault: Vault, xdg_config: Path
) -> None:
    """Left installed, the OS job would run on and fill the emptied folder again (and fail
    at every run with no account). Real unit and autostart files, under a private
    XDG_CONFIG_HOME; systemctl is this test's stand-in (no systemd here)."""
    ctx = AppContext.create(vault=memory_vault)
    _fill(ctx, memory_vault)
    installed = [osjobs.install("daily"), osjobs.install_autostart()]
    assert all(report.installed for report in installed), installed
    job_files = [path for report in installed for path in report.files]
    assert job_files and all(path.exists() for path in job_files)
    ctx.settings.run_when_closed = ctx.settings.start_at_login = True
    ctx.save_settings()

    erase_all_data(ctx)

    assert not [path for path in job_files if path.exists()]
    assert not osjobs.status().installed and not osjobs.autostart_status().installed
    kept = load_settings(ctx.paths)[0]
    assert not kept.run_when_closed and not kept.start_at_login
    assert kept.schedule == ctx.settings.schedule  # the other settings are kept


def test_the_confirmation_names_the_accounts_the_list_lost(
    qtbot: QtBot, memory_vault: Vault
) -> None:
    """Their secrets go too (data_eraser): the person is told, not "there is no account"."""
    ctx = AppContext.create(vault=memory_vault)
    _fill(ctx, memory_vault)
    ctx.paths.accounts_path.unlink()  # deleted, or set aside damaged
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert "the passwords and 2FA secrets of @alice, @bob" in dialog.confirmation_text()


def test_the_confirmation_names_the_exports_saved_in_the_data_folder(
    qtbot: QtBot, memory_vault: Vault
) -> None:
    """The journal window suggests saving exports in <data>/exports, which the erase empties:
    the person is told how many, and where, so that they can copy them first."""
    ctx = AppContext.create(vault=memory_vault)
    _fill(ctx, memory_vault)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert "export" not in dialog.confirmation_text()  # none saved: nothing said
    exports = ctx.paths.exports_dir
    (exports / "consentinel-journal-2026-12-01.json").write_text("{}")
    assert (
        f"• the export saved in {exports} (copy it elsewhere first to keep it);\n"
        in dialog.confirmation_text()
    )
    (exports / "consentinel-journal-2026-12-02.csv").write_text("id\n")
    (exports / "bundles").mkdir()
    (exports / "bundles" / "evidence.zip").write_bytes(b"PK")
    assert (
        f"• the 3 exports saved in {exports} (copy them elsewhere first to keep them);\n"
        in dialog.confirmation_text()
    )
    erase_all_data(ctx)
    assert list(exports.iterdir()) == []  # (what the sentence warns of)


def test_what_deleting_said_is_scrolled_into_view(qtbot: QtBot, memory_vault: Vault) -> None:
    """On a small screen (200 %, 1280×720) the settings scroll: the words after deleting,
    under the button, were below the visible part of the area, cut in half."""
    ctx = AppContext.create(vault=memory_vault)
    _fill(ctx, memory_vault)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.settings_area.setFixedHeight(250)  # as a short screen leaves it
    qtbot.waitUntil(lambda: dialog.settings_area.verticalScrollBar().maximum() > 0)
    _answer_confirmation(
        qtbot, lambda box: next(b for b in box.buttons() if b.text() == "&Delete everything")
    )
    assert dialog.delete_all_data() is True
    label, viewport = dialog.delete_label, dialog.settings_area.viewport()

    def in_view() -> bool:
        top = label.mapTo(viewport, label.rect().topLeft()).y()
        return top >= 0 and top + label.height() <= viewport.height()

    assert in_view()
    for _turn in range(3):  # and still once the area has laid itself out
        QApplication.processEvents()
    assert in_view()


def test_nothing_is_deleted_without_confirmation(qtbot: QtBot, memory_vault: Vault) -> None:
    ctx = AppContext.create(vault=memory_vault)
    _fill(ctx, memory_vault)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    _answer_confirmation(qtbot, lambda box: box.escapeButton())
    assert dialog.delete_all_data() is False

    assert [a.handle for a in ctx.accounts.list()] == ["alice", "bob"]
    assert memory_vault.get_password("alice") == "pw-alice"
    assert ctx.sessions.exists("bob")
    assert ctx.journal.count() == 2
    assert json.loads(ctx.paths.accounts_path.read_text())["accounts"]


def test_delete_refused_while_a_check_runs(qtbot: QtBot, memory_vault: Vault) -> None:
    ctx = AppContext.create(vault=memory_vault)
    _fill(ctx, memory_vault)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    lock = RunLock(ctx.paths.lock_path)
    assert lock.acquire()
    try:
        _answer_confirmation(
            qtbot,
            lambda box: next(b for b in box.buttons() if b.text() == "&Delete everything"),
        )
        assert dialog.delete_all_data() is False
    finally:
        lock.release()
    assert "A check is running" in dialog.delete_label.text()
    assert memory_vault.get_password("alice") == "pw-alice"
    assert ctx.journal.count() == 2


def test_the_confirmation_counts_entries_in_words(qtbot: QtBot, memory_vault: Vault) -> None:
    ctx = AppContext.create(vault=memory_vault)
    ctx.journal.append_account_added("alice")
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert "the journal (1 entry)" in dialog.confirmation_text()
    assert [dialog._entries_text(n) for n in (0, 2)] == ["0 entries", "2 entries"]


def test_the_confirmation_names_the_accounts_whose_secrets_go(
    qtbot: QtBot, memory_vault: Vault
) -> None:
    ctx = AppContext.create(vault=memory_vault)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    empty = dialog.confirmation_text()
    assert "• no password or 2FA secret: there is no account;" in empty
    assert "secrets of" not in empty
    ctx.accounts.add(Account("alice"))
    assert "• the passwords and 2FA secrets of @alice, in " in dialog.confirmation_text()


def test_the_confirmation_counts_many_accounts_and_names_the_first_few(
    qtbot: QtBot, memory_vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Thirty handles were listed in a wall of names: past a few, counted and the first named."""
    ctx = AppContext.create(vault=memory_vault)
    handles = [f"agency_{n:02}" for n in range(30)]
    for handle in handles:
        ctx.accounts.add(Account(handle))
    translators = Translators()
    try:
        for language, words in (
            (
                "en",
                "• the passwords and 2FA secrets of your 30 accounts (@agency_00, @agency_01 and "
                "28 others), in ",
            ),
            (
                "fr",
                "• les mots de passe et secrets 2FA de vos 30 comptes (@agency_00, @agency_01 et "
                "28 autres), dans ",
            ),
        ):
            translators.switch(language)
            monkeypatch.setenv("CONSENTINEL_LANG", language)  # the core's words ("and 28 others")
            dialog = SettingsDialog(ctx)
            qtbot.addWidget(dialog)
            text = dialog.confirmation_text()
            assert words in text, text
            assert "@agency_02" not in text and "@agency_29" not in text
    finally:
        translators.switch("en")
    for handle in handles[3:]:
        ctx.accounts.remove(handle)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    # A few are all named, as before.
    assert "secrets of @agency_00, @agency_01, @agency_02, in " in dialog.confirmation_text()


_SMALL_SCREEN_PROBE = """
import json, sys
from PySide6.QtWidgets import QApplication
from consentinel.core.context import AppContext
from consentinel.core.vault import MemoryKeyring, Vault
from consentinel.gui.settings_dialog import SettingsDialog

app = QApplication([])
dialog = SettingsDialog(AppContext.create(vault=Vault(MemoryKeyring())))
dialog.show()
app.processEvents()
buttons = dialog.buttons.geometry()
print(json.dumps({
    "room": dialog.screen().availableGeometry().height(),
    "height": dialog.frameGeometry().height(),
    "buttons_bottom": buttons.bottom(),
    "inside": dialog.rect().height(),
    "content": dialog.settings_area.widget().sizeHint().height(),
    "scrolls": dialog.settings_area.verticalScrollBar().maximum() > 0,
}))
"""


def test_the_settings_fit_a_small_screen_with_save_in_view(consentinel_home: Path) -> None:
    """200 % on a small screen (Qt's offscreen screen, 600 high, at scale 2: 300 points): the
    settings scroll, and Save and Close stay in view (they fell off the screen)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2"}
    done = subprocess.run(
        [sys.executable, "-c", _SMALL_SCREEN_PROBE],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["content"] > seen["room"], seen  # the settings alone are taller than the screen
    assert seen["height"] <= seen["room"], seen
    assert seen["buttons_bottom"] < seen["inside"], seen
    assert seen["scrolls"], seen


def test_a_line_of_its_own_in_what_the_os_said_stays_one() -> None:
    """Without systemd, the crontab line to copy stands on a line of its own (osjobs): the
    dialog's paragraph keeps it so, not run into the sentence around it."""
    from consentinel.core import osjobs
    from consentinel.gui.settings_dialog import jobs_words

    report = osjobs.JobReport(osjobs.JobState.FAILED, "The line is:\n0 12 * * * consentinel\nBut…")
    assert "The line is:<br>0 12 * * * consentinel<br>But…" in jobs_words([report])
