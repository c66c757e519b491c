"""French for the whole GUI: every string in the code has a finished translation (found with
Qt's own lupdate, so a string missing from every .ts is caught too), both catalogues are
compiled and loaded, and the main window shows no English once switched to French."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QWidget
from pytestqt.qtbot import QtBot

from consentinel.core import i18n
from consentinel.gui.translations import Translators, cache_dir, french_catalogues
from tests.gui._app_support import add_account, make_context, running_app

ROOT = Path(__file__).resolve().parents[2]
GUI_SOURCES = sorted((ROOT / "desktop" / "consentinel" / "gui").glob("*.py"))
TRANSLATIONS = ROOT / "resources" / "translations"
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"  # (this virtualenv's)

#: Words that are the same in both languages: names, and French words equal to the English.
SAME_IN_BOTH = {"X", "Grok", "xAI", "Consentinel", "Journal", "&Journal", "—", "Chromium"}


def _finished_translations() -> set[tuple[str, str]]:
    done: set[tuple[str, str]] = set()
    for ts in sorted(TRANSLATIONS.glob("consentinel_fr*.ts")):
        for context in ET.parse(ts).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is None or not (translation.text or "").strip():
                    continue
                if translation.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                done.add((name, message.findtext("source") or ""))
    return done


def test_every_string_in_the_gui_code_has_french(tmp_path: Path) -> None:
    """lupdate reads tr()/translate() calls the way Qt does: what it finds must be translated."""
    if not LUPDATE.is_file():
        pytest.fail(f"{LUPDATE} is missing: PySide6-Essentials ships it")
    extracted = tmp_path / "all.ts"
    subprocess.run(
        [str(LUPDATE), *map(str, GUI_SOURCES), "-ts", str(extracted), "-no-obsolete"],
        check=True,
        capture_output=True,
    )
    done = _finished_translations()
    french_core = i18n._french()
    missing = []
    for context in ET.parse(extracted).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            # No context: the core's tr() (core/i18n.py), translated by the FRENCH dicts.
            found = source in french_core if name == "" else (name, source) in done
            if not found:
                missing.append(f"{name or 'core i18n'}: {source!r}")
    assert len(done) > 100  # the catalogues really were read
    assert not missing, "\n".join(missing)


def test_both_catalogues_are_compiled_into_the_cache_and_loaded(
    qtbot: QtBot, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sources = sorted(TRANSLATIONS.glob("consentinel_fr*.ts"))
    assert {ts.stem for ts in sources} >= {"consentinel_fr", "consentinel_fr_dialogs"}
    compiled = french_catalogues()
    assert [qm.stem for qm in compiled] == [ts.stem for ts in sources]
    # Built from the checkout into the cache folder, never next to the sources.
    assert all(qm.is_relative_to(cache_dir()) for qm in compiled)
    assert not list(TRANSLATIONS.glob("*.qm"))
    # A .ts edited after its .qm was built is built again (the .qm made older than its .ts,
    # whenever the .ts was last edited).
    stale = compiled[0]
    old = sources[0].stat().st_mtime - 3600
    os.utime(stale, (old, old))
    assert french_catalogues()[0].stat().st_mtime > old

    translators = Translators()
    try:
        monkeypatch.setenv("CONSENTINEL_LANG", "fr")  # the tests' environment pins English
        assert translators.switch("fr") == "fr"
        translate = QCoreApplication.translate
        assert translate("MainWindow", "&Accounts") == "&Comptes"  # consentinel_fr.ts
        assert translate("SettingsDialog", "&Save") != "&Save"  # consentinel_fr_dialogs.ts
        monkeypatch.setenv("CONSENTINEL_LANG", "en")
        assert translators.switch("en") == "en"
        assert translate("MainWindow", "&Accounts") == "&Accounts"
    finally:
        translators.switch("en")


def _visible_texts(root: QWidget) -> list[str]:
    """What a person sees or hears in the window, in a stable order."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        for reader in ("text", "toolTip", "accessibleName", "windowTitle", "placeholderText"):
            method = getattr(widget, reader, None)
            try:
                value = method() if callable(method) else None
            except TypeError:
                continue
            if isinstance(value, str):
                found.append(value)
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount()):
                found.append(str(model.headerData(column, Qt.Orientation.Horizontal)))
                for row in range(model.rowCount()):
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        found.append(str(model.index(row, column).data(role) or ""))
    for action in root.findChildren(QAction):
        found += [action.text(), action.toolTip(), action.statusTip()]
    return found


def _window_texts(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, home: Path, language: str, handles: list[str]
) -> list[str]:
    monkeypatch.setenv("CONSENTINEL_LANG", language)  # the tests' environment pins English
    ctx = make_context(home)
    for handle in handles:
        add_account(ctx, handle, "pw")
    with running_app(qtbot, ctx, language=language) as app:
        texts = _visible_texts(app.window)
        # Back to English before running_app switches back, so no French translator stays.
        monkeypatch.setenv("CONSENTINEL_LANG", "en")
    ctx.journal.close()
    return texts


@pytest.mark.parametrize("handles", [[], ["alice", "bob"]], ids=["first-run", "accounts"])
def test_the_main_window_in_french_has_no_english_left(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, handles: list[str]
) -> None:
    """The same window built in English and in French: no text may stay the same."""
    english = _window_texts(qtbot, monkeypatch, tmp_path / "en", "en", handles)
    french = _window_texts(qtbot, monkeypatch, tmp_path / "fr", "fr", handles)
    assert len(english) == len(french)
    left = sorted(
        {
            en
            for en, fr in zip(english, french, strict=True)
            if en == fr and en.strip() and en not in SAME_IN_BOTH and not en.startswith("@")
        }
    )
    assert "&Comptes" in french  # the French catalogue really is in use
    assert not left, left


def test_the_file_dialog_of_the_exports_speaks_french(
    qtbot: QtBot, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Qt's own French lacks two words of Qt 6.11's file dialog ("&Look in:", "Files of
    &type:"): the app's catalogue has them, so the export dialog is French throughout."""
    from PySide6.QtCore import QFileInfo
    from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QLabel

    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    translators = Translators()
    translators.switch("fr")
    try:
        dialog = QFileDialog(None, "Exporter", str(consentinel_home), "JSON (*.json)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(dialog)
        labels = {label.text() for label in dialog.findChildren(QLabel) if label.text()}
        # What the dialog's Type column says of a folder.
        folder_type = QFileIconProvider().type(QFileInfo(str(consentinel_home)))
    finally:
        translators.switch("en")
    assert folder_type == "Dossier"
    assert {"&Voir dans\u00a0:", "Fichiers de &type\u00a0:"} <= labels, labels
    assert not labels & {"&Look in:", "Files of &type:", "File &name:"}, labels


def test_a_language_chosen_in_settings_is_the_cores_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """The window's Qt words follow Settings before CONSENTINEL_LANG: the core's sentences in
    the same window (a check's problems, the diagnostics) must follow the same choice, or one
    window mixes two languages. 'System' gives CONSENTINEL_LANG its place back."""
    from consentinel.core import i18n

    monkeypatch.setenv("CONSENTINEL_LANG", "en")
    translators = Translators()
    try:
        assert translators.switch("fr") == "fr"
        assert QCoreApplication.translate("MainWindow", "&Accounts") == "&Comptes"
        assert i18n.tr("The journal is empty.") == "Le journal est vide."
        assert translators.switch("system") == "en"
        assert i18n.tr("The journal is empty.") == "The journal is empty."
    finally:
        translators.switch("en")


def test_an_open_journal_window_comes_back_in_the_new_language(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """A new language builds a new main window; the journal window, its child, went with the
    old one and never came back: it is reopened where it was, in the new language."""
    from PySide6.QtWidgets import QPushButton

    ctx = make_context(consentinel_home)
    add_account(ctx, "alice", "pw")
    from consentinel.core.events import AccountResult, RunResult
    from consentinel.core.status import Status

    with running_app(qtbot, ctx) as app:
        done = RunResult(run_id=1, accounts=(AccountResult("alice", Status.OPTED_OUT),))
        app.window._run_finished(done, "gui")
        app.window.show_journal()
        old = app.window.journal_window
        assert old is not None
        qtbot.waitExposed(old)
        ctx.settings.language = "fr"
        app._apply_language()
        journal = app.window.journal_window
        assert journal is not None and journal is not old
        qtbot.waitUntil(journal.isVisible)
        texts = {b.text() for b in journal.findChildren(QPushButton)}
        assert any("Exporter" in text for text in texts), texts
        # The last check's summary is said again, in French (the new window's was empty).
        assert app.window.result_label.isVisibleTo(app.window)
        assert app.window.result_label.text().startswith("Le compte est vérifié")


def test_the_check_progress_is_counted_in_each_language(qtbot: QtBot) -> None:
    from consentinel.gui.check_panel import CheckPanel

    translators = Translators()
    try:
        for language, zero in (("en", "0 of 3 accounts"), ("fr", "0 compte sur 3")):
            translators.switch(language)
            panel = CheckPanel()
            qtbot.addWidget(panel)
            panel.begin(3)
            assert panel.count.text() == zero, language
    finally:
        translators.switch("en")
