"""The dialogs in French: the .ts is complete and no English string is left on screen."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.events import PromptRequest
from consentinel.core.steps import PromptKind
from consentinel.core.vault import Vault
from consentinel.gui.about_dialog import AboutDialog
from consentinel.gui.account_dialog import AccountDialog
from consentinel.gui.journal_window import JournalWindow
from consentinel.gui.prompt_dialogs import PromptDialog
from consentinel.gui.settings_dialog import SettingsDialog
from tests.fixtures.systemd_state import pretend_systemd_runs

TS = (
    Path(__file__).resolve().parents[2] / "resources" / "translations" / "consentinel_fr_dialogs.ts"
)
#: Words spelt the same in both languages.
SAME_IN_FRENCH = {"OK", "Application", "Notification", "Journal — Consentinel", "?", "Close"}


def _sources_and_translations() -> tuple[set[str], list[ET.Element]]:
    messages = list(ET.parse(TS).getroot().iter("message"))
    sources = {m.findtext("source") or "" for m in messages}
    return sources, messages


def test_every_message_is_translated() -> None:
    _sources, messages = _sources_and_translations()
    assert messages
    for message in messages:
        translation = message.find("translation")
        assert translation is not None
        assert translation.get("type") is None, message.findtext("source")
        assert (translation.text or "").strip(), message.findtext("source")


@pytest.fixture
def french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    qm = tmp_path / "dialogs_fr.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(TS), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    app = QApplication.instance()
    assert app is not None
    app.installTranslator(translator)
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")  # the core's own sentences
    yield
    app.removeTranslator(translator)


def _texts(widget: QWidget) -> Iterator[str]:
    yield widget.windowTitle()
    for child in widget.findChildren(QWidget):
        if isinstance(child, (QLabel, QAbstractButton)):
            yield child.text()
        elif isinstance(child, QGroupBox):
            yield child.title()
        elif isinstance(child, QLineEdit):
            yield child.placeholderText()
        elif isinstance(child, QComboBox):
            yield from (child.itemText(i) for i in range(child.count()))
        elif isinstance(child, QTabWidget):
            yield from (child.tabText(i) for i in range(child.count()))
        elif isinstance(child, QAbstractSpinBox):  # a date field's words for "no date"
            yield child.specialValueText()
        yield child.accessibleName()
        yield child.toolTip()


def test_no_english_left_in_the_dialogs(qtbot: QtBot, french: None, memory_vault: Vault) -> None:
    sources, _messages = _sources_and_translations()
    ctx = AppContext.create(vault=memory_vault)
    ctx.accounts.add(Account("alice"))
    ctx.journal.append_account_added("alice")
    widgets: list[QWidget] = [
        AccountDialog(ctx),
        AccountDialog(ctx, ctx.accounts.get("alice")),
        SettingsDialog(ctx),
        JournalWindow(ctx),
        AboutDialog(ctx),
        *(PromptDialog(PromptRequest("alice", kind), "indice") for kind in PromptKind),
    ]
    english = []
    for widget in widgets:
        qtbot.addWidget(widget)
        for text in _texts(widget):
            if text in sources and text not in SAME_IN_FRENCH:
                english.append((type(widget).__name__, text))
    assert english == []
    journal = widgets[3]
    assert isinstance(journal, JournalWindow)
    assert journal.badge.text() == "Vérification du journal…"
    qtbot.waitUntil(lambda: not journal.verifying)  # its verdict, from its own thread
    assert journal.badge.text() == "Journal intact — 1 entrée"
    # "Du : début du journal", "Au : fin du journal": one English word, two French ones.
    assert journal.from_date.text() == "début du journal"
    assert journal.to_date.text() == "fin du journal"
    assert widgets[0].windowTitle() == "Ajouter un compte"
    assert "en mémoire" in widgets[0].vault_label.text()  # type: ignore[attr-defined]


def test_the_delete_confirmation_names_the_saved_exports_in_french(
    qtbot: QtBot, french: None, memory_vault: Vault
) -> None:
    ctx = AppContext.create(vault=memory_vault)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    exports = ctx.paths.exports_dir
    (exports / "consentinel-journal-2026-12-01.json").write_text("{}")
    nbsp = "\u00a0"
    one = f"• l'export enregistré dans {exports} (copiez-le ailleurs avant pour le garder){nbsp};"
    assert one in dialog.confirmation_text()
    (exports / "consentinel-journal-2026-12-02.csv").write_text("id\n")
    text = dialog.confirmation_text()
    assert f"• les 2 exports enregistrés dans {exports} (copiez-les ailleurs" in text
    assert text.startswith(f"Ceci supprime, sur cet ordinateur{nbsp}:")


def test_a_three_line_error_is_shown_whole_not_under_the_next_field(
    qtbot: QtBot, french: None, memory_vault: Vault
) -> None:
    """French errors take three lines: the dialog grows for them (the password field covered
    the handle error's last line, "pas un.")."""
    dialog = AccountDialog(AppContext.create(vault=memory_vault))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.handle_edit, "bad handle ")  # the message grows as it is typed
    dialog.handle_edit.insert("é")  # (not a key QTest can type)
    qtbot.keyClicks(dialog.handle_edit, "!")
    qtbot.keyClicks(dialog.email_edit, "nope")
    qtbot.keyClicks(dialog.phone_edit, "abc")
    for above, below in (
        (dialog.handle_error, dialog.password_edit),
        (dialog.email_error, dialog.phone_edit),
    ):
        qtbot.waitUntil(lambda a=above, b=below: a.geometry().bottom() < b.geometry().top())
        assert above.height() >= above.heightForWidth(above.width())
    error = dialog.handle_error  # the case in point: three lines
    assert error.heightForWidth(error.width()) > 2 * error.fontMetrics().lineSpacing()


def test_the_settings_fit_their_area_in_french(
    qtbot: QtBot,
    french: None,
    real_vault: Vault,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """At the dialog's own size, the widest French setting (a check box, which does not wrap)
    was wider than the settings' area, which does not scroll sideways: the right edges of the
    groups and the "Ouvrir" button were cut, and after saving, the systemd message was cut at
    "est écrit, mai". Real OS job files, under a private XDG_CONFIG_HOME."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    pretend_systemd_runs(monkeypatch, tmp_path)  # whose user manager is not running: a message
    dialog = SettingsDialog(AppContext.create(vault=real_vault))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    area = dialog.settings_area
    content = area.widget()
    assert content is not None
    assert "vérification" in dialog.notifications.text()  # in French

    def widths() -> dict[str, int]:
        return {
            "needs": content.minimumSizeHint().width(),
            "has": content.width(),
            "area": area.viewport().width(),
        }

    def fits() -> bool:
        seen = widths()
        return seen["needs"] <= seen["area"] and seen["has"] <= seen["area"]

    qtbot.waitUntil(fits)  # (the settings follow the area's width at the next event)
    dialog.schedule_combo.setCurrentIndex(dialog.schedule_combo.findData("daily"))
    dialog.run_when_closed.setChecked(True)
    dialog.start_at_login.setChecked(True)
    dialog.save_button.click()
    label = dialog.jobs_label
    assert "est écrit, mais le gestionnaire systemd" in label.text()
    # The message makes the settings taller than the dialog: the scroll bar takes its width.
    qtbot.waitUntil(lambda: area.verticalScrollBar().isVisible())
    qtbot.waitUntil(fits)
    assert label.x() + label.width() <= content.width()
    assert label.height() >= label.heightForWidth(label.width())  # every line, none cut
