"""Help › Getting started: the README's "First steps" in the window, in English and in French,
with the window's own words for its menus, the journal's place, and the README when the app
runs from a checkout (the quick start's)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

import consentinel
from consentinel.gui.getting_started import GettingStartedDialog, local_readme
from consentinel.gui.main_window import MainWindow
from tests.gui._app_support import make_context, running_app

README = Path(__file__).resolve().parents[2] / "README.md"


def _open_from_the_help_menu(qtbot: QtBot, window: MainWindow) -> GettingStartedDialog:
    help_menu = window.menuBar().actions()[-1].menu()
    entries = [action for action in help_menu.actions() if not action.isSeparator()]
    assert entries == [window.getting_started_action, window.about_action]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_F1)  # (the platform's Help key)
    dialog = window.getting_started_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def _plain(dialog: GettingStartedDialog) -> str:
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(dialog.text.text())
    return document.toRawText()  # (toPlainText makes no-break spaces plain ones)


def test_getting_started_says_what_to_have_ready_what_a_check_does_and_where_the_journal_is(
    qtbot: QtBot, tmp_path: Path
) -> None:
    ctx = make_context(tmp_path / "home")
    with running_app(qtbot, ctx) as app:
        window = app.window
        assert window.getting_started_action.text() == "&Getting started"
        dialog = _open_from_the_help_menu(qtbot, window)
        assert dialog.windowTitle() == "Getting started"
        said = _plain(dialog)
        for words in (
            "Have ready, for each X account: its @name and its password.",
            "the 2FA field can stay empty, and Consentinel asks you for the app's code",
            "Accounts › Add account…, then Check all: Consentinel signs in to X in a browser "
            "you do not see, opens X's Grok settings page, unticks every box",
            "reloads the page and reads the boxes again",
            "nothing is checked, unless you turn on "
            "Tools › Settings… › Keep checking when Consentinel is closed.",
            f"The journal: Checks › Journal (Ctrl+J). It is kept on this computer, in "
            f"{ctx.paths.journal_path}.",
        ):
            assert words in said, (words, said)
        # From a checkout: its README, as a link.
        assert f"href='file://{README}'" in dialog.text.text()
        # Asked again: one dialog, made anew.
        window.getting_started_action.trigger()
        assert window.getting_started_dialog is not dialog
        qtbot.waitUntil(lambda: not dialog.isVisible())
    ctx.journal.close()


def test_getting_started_in_french_with_the_window_s_french_words(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    ctx = make_context(tmp_path / "home")
    with running_app(qtbot, ctx, language="fr") as app:
        window = app.window
        assert window.getting_started_action.text() == "&Premiers pas"
        dialog = _open_from_the_help_menu(qtbot, window)
        assert dialog.windowTitle() == "Premiers pas"
        said = _plain(dialog)
        monkeypatch.setenv("CONSENTINEL_LANG", "en")
    for words in (
        "À préparer, pour chaque compte X\u00a0: son @identifiant et son mot de passe.",
        "le champ 2FA peut rester vide, Consentinel vous demande le code de l'application",
        "Comptes › Ajouter un compte…, puis Tout vérifier\u00a0: Consentinel se connecte à X",
        "rien n'est vérifié, sauf si vous cochez "
        "Outils › Paramètres… › Continuer à vérifier quand Consentinel est fermé.",
        "Le journal\u00a0: Vérifications › Journal (Ctrl+J).",
        "La même chose, et plus, dans le README\u00a0:",
    ):
        assert words in said, (words, said)
    # The folders named in the text are wherever this checkout and the journal lie (CI clones
    # into a /check/... folder): only the words around them must be French.
    words_only = re.sub(r"\S*/\S*", "", said)
    for english in ("Have ready", "check", "Settings", "journal is", "README:"):
        assert english not in words_only, english
    ctx.journal.close()


def test_an_installed_package_has_no_readme_to_point_to(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pip installs no README.md beside the package: the dialog then says it all itself."""
    assert local_readme() == README
    installed = tmp_path / "lib" / "python3" / "site-packages" / "consentinel" / "__init__.py"
    installed.parent.mkdir(parents=True)
    installed.touch()
    monkeypatch.setattr(consentinel, "__file__", str(installed))
    assert local_readme() is None
    dialog = GettingStartedDialog(tmp_path / "journal.sqlite3", None)
    qtbot.addWidget(dialog)
    assert "README" not in dialog.text.text() and "href" not in dialog.text.text()
    assert "Have ready" in dialog.text.text()
