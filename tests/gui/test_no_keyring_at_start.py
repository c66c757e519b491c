"""With accounts and no keyring at all, every check would fail: the window says so once it is
up, not at the first check. A keyring that is there (locked or not) is not asked anything."""

from __future__ import annotations

from pathlib import Path

import pytest
from keyring.backends.fail import Keyring as NoKeyring
from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.memory_keyring import MemoryKeyring
from consentinel.core.paths import AppPaths
from consentinel.core.settings import Settings
from consentinel.core.vault import Vault
from tests.gui._app_support import running_app

QUIET = Settings(schedule="off", check_on_start=False)


class _CountingKeyring(MemoryKeyring):
    def __init__(self) -> None:
        super().__init__()
        self.reads = 0

    def get_password(self, service: str, username: str) -> str | None:
        self.reads += 1
        return super().get_password(service, username)


def _context(home: Path, vault: Vault) -> AppContext:
    ctx = AppContext.create(AppPaths(home), vault=vault, settings=QUIET)
    ctx.accounts.add(Account("alice"))
    return ctx


#: The status bar's line for no keyring: short enough to be read whole beside the schedule's
#: words (the welcome page, the bar's tooltip and the Diagnostics tab say the problem in full).
NO_KEYRING_LINE = {
    "en": "Passwords cannot be saved: no keyring can be used.",
    "fr": "Les mots de passe ne peuvent pas être enregistrés\u00a0: aucun trousseau utilisable.",
}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_no_keyring_is_said_once_the_window_is_up(
    qtbot: QtBot, consentinel_home: Path, language: str
) -> None:
    ctx = _context(consentinel_home, Vault(NoKeyring()))
    with running_app(qtbot, ctx, language=language) as app:
        window = app.window
        status = window.statusBar()
        line = NO_KEYRING_LINE[language]
        qtbot.waitUntil(lambda: status.currentMessage() == line, timeout=20_000)
        # Whole beside the schedule's words, where the problem's sentence was cut ("…On").
        room = status.width() - window.schedule_label.width() - window.schedule_separator.width()
        assert status.fontMetrics().horizontalAdvance(line) < room - 20
        # The problem in full when the bar is pointed at.
        assert status.toolTip() == window.keyring_problem
        assert status.toolTip() != line


def test_a_keyring_that_is_there_is_not_asked_and_nothing_is_said(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    keyring = _CountingKeyring()
    ctx = _context(consentinel_home, Vault(keyring))
    with running_app(qtbot, ctx) as app:
        # The look's answer came back (what it found is said only when it is a problem).
        qtbot.waitUntil(
            lambda: app.keyring_look is not None and not app.keyring_look.looking,
            timeout=20_000,
        )
        assert "keyring" not in app.window.statusBar().currentMessage()
    assert keyring.reads == 0  # nothing read: a locked keyring would have asked for its password


def test_no_keyring_is_said_on_the_welcome_page_before_a_first_account_is_typed_in(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """Claire, with no account yet, learned it only in the Add dialog once everything was
    typed: the welcome page says it, in full, with this system's step."""
    from consentinel.core.vault import keyring_setup_step

    ctx = AppContext.create(AppPaths(consentinel_home), vault=Vault(NoKeyring()), settings=QUIET)
    with running_app(qtbot, ctx) as app:
        empty = app.window.empty
        qtbot.waitUntil(empty.keyring_problem.isVisible, timeout=20_000)
        text = empty.keyring_problem.text()
        assert text.startswith("Passwords cannot be saved yet. No system keyring is available")
        assert keyring_setup_step() in text
        # Not said twice at length: the bar's short line, beside the page's sentence.
        assert app.window.statusBar().currentMessage() == NO_KEYRING_LINE["en"]
        # Heard by its words (what to do), "Keyring problem" as what the line is.
        line = QAccessible.queryAccessibleInterface(empty.keyring_problem)
        assert line.text(QAccessible.Text.Name) == text
        assert line.text(QAccessible.Text.Description) == "Keyring problem"


def test_no_keyring_on_the_welcome_page_in_french(qtbot: QtBot, consentinel_home: Path) -> None:
    ctx = AppContext.create(AppPaths(consentinel_home), vault=Vault(NoKeyring()), settings=QUIET)
    with running_app(qtbot, ctx, language="fr") as app:
        empty = app.window.empty
        qtbot.waitUntil(empty.keyring_problem.isVisible, timeout=20_000)
        assert empty.keyring_problem.text().startswith(
            "Les mots de passe ne peuvent pas encore être enregistrés. Aucun trousseau système "
            "n'est disponible (GNOME Keyring ou KWallet, via le Secret Service)"
        )
