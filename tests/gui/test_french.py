"""In French, the main screens show no English left over, and every .ts entry is translated."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from consentinel.core.events import PromptRequest
from consentinel.core.steps import PromptKind
from consentinel.gui.account_dialog import AccountDialog
from consentinel.gui.empty_state import EmptyState
from consentinel.gui.prompt_dialogs import PromptDialog
from consentinel.gui.settings_dialog import SettingsDialog
from consentinel.gui.translations import french_catalogues
from tests.gui._app_support import add_account, make_context, running_app

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"


def _catalogue() -> dict[str, str]:
    """English source -> French, from every .ts of the app."""
    pairs: dict[str, str] = {}
    for ts in sorted(TRANSLATIONS.glob("consentinel_fr*.ts")):
        for message in ET.parse(ts).getroot().iter("message"):
            source = message.findtext("source") or ""
            pairs[source] = message.findtext("translation") or ""
    return pairs


def _texts(widget: QWidget) -> list[str]:
    """Every text a person can see or hear in the widget and its children."""
    found = [widget.windowTitle(), widget.toolTip(), widget.accessibleName()]
    for child in [widget, *widget.findChildren(QWidget)]:
        found += [child.toolTip(), child.accessibleName()]
        if isinstance(child, (QLabel, QAbstractButton)):
            found.append(child.text())
        if isinstance(child, QLineEdit):
            found.append(child.placeholderText())
        if isinstance(child, QGroupBox):
            found.append(child.title())
        if isinstance(child, QComboBox):
            found += [child.itemText(i) for i in range(child.count())]
        if isinstance(child, QTableView):
            model = child.model()
            for column in range(model.columnCount()):
                found.append(str(model.headerData(column, child.horizontalHeader().orientation())))
        for action in child.actions():
            found += [action.text(), action.toolTip()]
    return [text for text in found if text]


def _untranslated(texts: list[str]) -> list[str]:
    catalogue = _catalogue()
    english = {s for s, t in catalogue.items() if t and t != s}
    english |= {s.replace("&", "") for s in list(english)}
    return sorted({t for t in texts if t in english or t.replace("&", "") in english})


def test_every_ts_entry_is_translated() -> None:
    assert list(TRANSLATIONS.glob("consentinel_fr*.ts"))
    unfinished = []
    for ts in TRANSLATIONS.glob("consentinel_fr*.ts"):
        for message in ET.parse(ts).getroot().iter("message"):
            translation = message.find("translation")
            if (
                translation is None
                or not (translation.text or "").strip()
                or (translation.get("type") in ("unfinished", "obsolete", "vanished"))
            ):
                unfinished.append(f"{ts.name}: {message.findtext('source')}")
    assert not unfinished
    assert len(french_catalogues()) == len(list(TRANSLATIONS.glob("consentinel_fr*.ts")))


def test_main_screens_in_french_have_no_english_left(
    qtbot: QtBot, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    ctx = make_context(consentinel_home)
    ctx.settings.language = "fr"
    add_account(ctx, "alice", "pw")
    ctx.journal.append_account_added("alice")
    with running_app(qtbot, ctx, language="fr") as app:
        window = app.window
        seen = _texts(window)
        for menu_action in window.menuBar().actions():
            seen.append(menu_action.text())
            if menu_action.menu() is not None:
                seen += [a.text() for a in menu_action.menu().actions()]
        assert "&Comptes" in seen  # the French catalogue really is in use
        screens: list[QWidget] = [
            EmptyState(),
            AccountDialog(ctx, parent=window),
            SettingsDialog(ctx, parent=window),
            PromptDialog(PromptRequest("alice", PromptKind.TWO_FACTOR_CODE), "", window),
            PromptDialog(PromptRequest("alice", PromptKind.FINISH_IN_BROWSER), "", window),
        ]
        window.show_journal()
        assert window.journal_window is not None
        screens.append(window.journal_window)
        for screen in screens:
            qtbot.addWidget(screen) if screen.parent() is None else None
            seen += _texts(screen)
        left = _untranslated(seen)
        assert not left, left
