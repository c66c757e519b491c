"""Without systemd, "Delete all my data" deletes everything, then says under the button, in
English and French, that the crontab line the person added still runs the scheduled check
(Consentinel does not rewrite a crontab), with the line to remove, selectable to be copied.
Untold, cron ran it every hour on the emptied folder. The keyring is a real Secret Service;
`crontab -l` a small program on PATH; systemd is not running."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer, QTranslator
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from consentinel.core import osjobs
from consentinel.core.catch_up import stamp_path
from consentinel.core.context import AppContext
from consentinel.core.french_typography import typeset
from consentinel.core.osjobs import systemd
from consentinel.core.osjobs.job import check_command
from consentinel.core.settings import load_settings
from consentinel.core.vault import Vault
from consentinel.gui.confirmation import Confirmation
from consentinel.gui.settings_dialog import SettingsDialog
from tests.fixtures.fake_crontab import fake_crontab

TS = Path(__file__).resolve().parents[2] / "resources" / "translations"


@pytest.fixture
def crontab_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """No systemd here, and a `crontab` program on PATH listing this data folder's line (the
    one `schedule install` gives), which this returns; the crontab is checked unchanged after."""
    monkeypatch.setattr(systemd, "SYSTEMD_RUN_DIR", tmp_path / "no-systemd")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    line = systemd.crontab_line("daily", check_command(os.environ))
    listed = tmp_path / "crontab.txt"
    listed.write_text(f"MAILTO=ada\n{line}\n")
    fake_crontab(tmp_path / "bin", listed, monkeypatch)
    yield line
    assert listed.read_text() == f"MAILTO=ada\n{line}\n"


def _delete_all(qtbot: QtBot, dialog: SettingsDialog) -> None:
    """The "Delete all my data…" question, answered with its destructive button once shown."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, Confirmation)
        box.act_button.click()

    QTimer.singleShot(0, answer)
    with qtbot.waitSignal(dialog.dataDeleted):
        assert dialog.delete_all_data() is True


def test_deleting_all_data_names_the_crontab_line_left(
    qtbot: QtBot, real_vault: Vault, crontab_line: str
) -> None:
    ctx = AppContext.create(vault=real_vault)
    ctx.settings.run_when_closed = True
    ctx.save_settings()
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    _delete_all(qtbot, dialog)

    label = dialog.delete_label
    assert _lines(label) == [
        "All your data was deleted.",
        "Your crontab still runs the scheduled check: Consentinel does not change your "
        "crontab. To stop it, remove this line with crontab -e:",
        crontab_line,  # its `>` and `&` as they are, on a line of its own
    ]
    assert "color" not in label.styleSheet()  # done: not said as a failure
    # To be copied: selectable with the mouse, and from the keyboard.
    assert _select_all(label).endswith(crontab_line)
    assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
    # The line left runs on: the box stays ticked, and the settings say so (below).
    assert dialog.run_when_closed.isChecked()
    assert load_settings(ctx.paths)[0].run_when_closed is True


def test_after_deleting_all_data_the_settings_say_the_crontab_line_still_checks(
    qtbot: QtBot, real_vault: Vault, crontab_line: str
) -> None:
    """The line left runs on every hour, and checks while Consentinel is closed (an account
    added again included): "Keep checking when Consentinel is closed" says so, ticked, as do
    the settings saved and `schedule status`, not "only while Consentinel is open" beside a
    job that runs. Here the box was unticked before (the line kept after being told to remove
    it): the erase found it still there. The start at login, removed, is unticked at once."""
    ctx = AppContext.create(vault=real_vault)
    ctx.settings.schedule = "daily"
    ctx.settings.run_when_closed = False
    ctx.settings.start_at_login = True
    ctx.save_settings()
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert not dialog.run_when_closed.isChecked()
    _delete_all(qtbot, dialog)

    assert dialog.run_when_closed.isChecked()
    assert not dialog.start_at_login.isChecked()
    saved = load_settings(ctx.paths)[0]
    assert (saved.run_when_closed, saved.start_at_login) == (True, False)
    assert osjobs.status().installed


def test_an_erase_that_fails_partway_names_the_crontab_line_left_too(
    qtbot: QtBot, real_vault: Vault, crontab_line: str
) -> None:
    """The jobs go before the files: a file that cannot go after them (the catch-up's mark, a
    folder here) is said in the error colour, and the crontab line, which cron runs on every
    hour on the half-emptied folder, under it, to be copied."""
    ctx = AppContext.create(vault=real_vault)
    stamp = stamp_path(ctx.paths)
    stamp.mkdir(parents=True)  # (unlink() fails on a folder, even for root)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, Confirmation)
        box.act_button.click()

    QTimer.singleShot(0, answer)
    assert dialog.delete_all_data() is False
    label = dialog.delete_label
    lines = _lines(label)
    # The cause in the person's words, not Python's "[Errno 21] Is a directory: '…'"; and
    # what stayed, for the person to delete by hand.
    assert lines[0] == "Some files could not be deleted: a folder has that name", lines
    assert lines[1:] == [
        f"Still there (delete it yourself): {stamp}",
        "Your crontab still runs the scheduled check: Consentinel does not change your "
        "crontab. To stop it, remove this line with crontab -e:",
        crontab_line,
    ]
    assert "color" in label.styleSheet()  # (not done)
    assert _select_all(label).endswith(crontab_line)


def test_an_erase_that_fails_partway_shows_the_settings_it_saved(
    qtbot: QtBot, real_vault: Vault, crontab_line: str
) -> None:
    """The jobs went, and the settings saying so were saved ("Keep checking when Consentinel is
    closed" ticked for the line left, the start at login off), before a file could not go: the
    open dialog shows them at once (it showed those from before the erase), and tells the
    window, as after a whole erase; a Save then keeps them."""
    ctx = AppContext.create(vault=real_vault)
    ctx.settings.run_when_closed = False
    ctx.settings.start_at_login = True
    ctx.save_settings()
    stamp_path(ctx.paths).mkdir(parents=True)  # (unlink() fails on a folder, even for root)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert (dialog.run_when_closed.isChecked(), dialog.start_at_login.isChecked()) == (False, True)

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, Confirmation)
        box.act_button.click()

    QTimer.singleShot(0, answer)
    with qtbot.waitSignal(dialog.eraseFailed):
        assert dialog.delete_all_data() is False
    assert (dialog.run_when_closed.isChecked(), dialog.start_at_login.isChecked()) == (True, False)
    dialog.concurrency.setValue(dialog.concurrency.value() + 1)  # (a change of the person's)
    dialog.save()
    saved = load_settings(ctx.paths)[0]
    assert (saved.run_when_closed, saved.start_at_login) == (True, False)


def _shown(label: QLabel) -> QTextDocument:
    shown = QTextDocument()
    if label.textFormat() is Qt.TextFormat.RichText:
        shown.setHtml(label.text())
    else:
        shown.setPlainText(label.text())
    return shown


def _lines(label: QLabel) -> list[str]:
    """The label's text as a person reads it, line by line (its no-break spaces kept: each
    paragraph ends with U+2029, each <br> with U+2028)."""
    raw = _shown(label).toRawText().replace("\u2029", "\n").replace("\u2028", "\n")
    return raw.strip("\n").split("\n")


def _select_all(label: QLabel) -> str:
    """What a person selecting the whole label copies."""
    label.setSelection(0, _shown(label).characterCount() - 1)
    return label.selectedText()


@pytest.fixture
def french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The window's French (its dialogs' catalogue, compiled here) and the core's."""
    qm = tmp_path / "dialogs_fr.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    ts = TS / "consentinel_fr_dialogs.ts"
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    app = QApplication.instance()
    assert app is not None
    app.installTranslator(translator)
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    yield
    app.removeTranslator(translator)


def test_the_same_in_french(
    qtbot: QtBot, real_vault: Vault, crontab_line: str, french: None
) -> None:
    ctx = AppContext.create(vault=real_vault)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    _delete_all(qtbot, dialog)
    assert _lines(dialog.delete_label) == [
        "Toutes vos données ont été supprimées.",
        typeset(
            "Votre crontab lance toujours la vérification planifiée : Consentinel ne modifie "
            "pas votre crontab. Pour l'arrêter, supprimez cette ligne avec crontab -e :"
        ),
        crontab_line,
    ]


def test_a_failure_is_said_in_french_too(
    qtbot: QtBot, real_vault: Vault, crontab_line: str, french: None
) -> None:
    """Its cause too: Python's words were English whatever the window's language."""
    ctx = AppContext.create(vault=real_vault)
    stamp = stamp_path(ctx.paths)
    stamp.mkdir(parents=True)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, Confirmation)
        box.act_button.click()

    QTimer.singleShot(0, answer)
    assert dialog.delete_all_data() is False
    assert _lines(dialog.delete_label)[:2] == [
        typeset("Certains fichiers n'ont pas pu être supprimés : un dossier porte ce nom"),
        typeset("Toujours présent (supprimez-le vous-même) : {path}").replace("{path}", str(stamp)),
    ]
