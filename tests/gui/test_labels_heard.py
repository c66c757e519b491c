"""Lines a screen reader reads by the words they show, read through Qt's own accessibility
interfaces as a screen reader's bridge reads them: a fixed accessible name ("Where secrets are
stored", "Hint") was all that was heard of them, never the words on screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring.backends.fail
import pytest
from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from consentinel.core.check_messages import reason_message
from consentinel.core.context import AppContext
from consentinel.core.events import AccountResult, PromptRequest
from consentinel.core.status import Reason, Status
from consentinel.core.steps import PromptKind
from consentinel.core.vault import Vault
from consentinel.gui.account_dialog import AccountDialog
from consentinel.gui.browser_setup_dialog import BrowserSetupDialog
from consentinel.gui.empty_state import EmptyState
from consentinel.gui.journal_window import JournalWindow
from consentinel.gui.prompt_dialogs import PromptDialog
from consentinel.gui.settings_dialog import SettingsDialog
from consentinel.gui.translations import Translators
from tests.gui._app_support import add_account, make_context, running_app

#: What each line is (its accessible description), in each language.
PURPOSE = {
    "en": {
        "body": "What Consentinel does",
        "keyring": "Keyring problem",
        "vault": "Where secrets are stored",
        "hint": "Hint",
        "count": "Entries shown",
        "folder": "Data folder",
        "download": "Download status",
        "advice": "What to do for the selected account",
    },
    "fr": {
        "body": "Ce que fait Consentinel",
        "keyring": "Problème de trousseau",
        "vault": "Où sont rangés les secrets",
        "hint": "Indice",
        "count": "Entrées affichées",
        "folder": "Dossier de données",
        "download": "État du téléchargement",
        "advice": "Que faire pour le compte sélectionné",
    },
}


def _heard(widget: QWidget) -> tuple[str, str]:
    """What a screen reader says of `widget`: its name, then its description."""
    line = QAccessible.queryAccessibleInterface(widget)
    assert line is not None
    return line.text(QAccessible.Text.Name), line.text(QAccessible.Text.Description)


def _heard_as_shown(label: QLabel, purpose: str) -> None:
    assert label.text()
    assert _heard(label) == (label.text(), purpose)


@pytest.fixture
def announced(monkeypatch: pytest.MonkeyPatch) -> list[tuple[QObject, str]]:
    """The announcements, seen on their way into Qt's QAccessible.updateAccessibility."""
    said: list[tuple[QObject, str]] = []
    real_update = QAccessible.updateAccessibility

    def listening(event: QAccessibleEvent) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            said.append((event.object(), event.message()))
        real_update(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", listening)
    return said


@pytest.fixture(params=["en", "fr"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    """The app's words in this language, for the whole test (its translators kept alive)."""
    translators = Translators()
    translators.switch(request.param)
    yield str(request.param)
    translators.switch("en")


def test_the_welcome_page_is_heard_by_its_words(qtbot: QtBot, language: str) -> None:
    page = EmptyState()
    qtbot.addWidget(page)
    purpose = PURPOSE[language]
    (body,) = [
        label
        for label in page.findChildren(QLabel)
        if label.text().startswith("Consentinel ") and "\n\n" in label.text()
    ]
    _heard_as_shown(body, purpose["body"])  # its three paragraphs, not "What Consentinel does"
    page.say_no_keyring("No system keyring is available.")
    assert "No system keyring is available." in page.keyring_problem.text()
    _heard_as_shown(page.keyring_problem, purpose["keyring"])


def test_no_keyring_is_heard_on_the_line_and_on_the_secret_that_greys_save(
    qtbot: QtBot, language: str, announced: list[tuple[QObject, str]]
) -> None:
    """With no keyring, typing a password greys Save, and the keyring's line is the only
    explanation: it is what is heard on the line, on the password field, and said once."""
    dialog = AccountDialog(AppContext.create(vault=Vault(keyring.backends.fail.Keyring())))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.keyring_seen is not None)
    vault = dialog.vault_label
    said = {"en": "Secrets cannot be stored.", "fr": "Impossible d'enregistrer les secrets."}[
        language
    ]
    assert vault.text().startswith(said), vault.text()
    _heard_as_shown(vault, PURPOSE[language]["vault"])
    qtbot.keyClicks(dialog.handle_edit, "dave")
    assert dialog.save_button.isEnabled()
    assert not [words for _line, words in announced if words == vault.text()]
    qtbot.keyClicks(dialog.password_edit, "Correct-Horse")
    assert not dialog.save_button.isEnabled()
    assert _heard(dialog.password_edit)[1] == vault.text()
    assert announced.count((vault, vault.text())) == 1  # once, not at each key
    dialog.password_edit.clear()
    qtbot.keyClicks(dialog.handle_edit, "x")  # Save again: the field says nothing of it
    assert dialog.save_button.isEnabled()
    assert _heard(dialog.password_edit)[1] == dialog.password_edit.placeholderText()


def test_the_prompts_hint_is_heard_on_its_line_and_on_the_field(
    qtbot: QtBot, language: str
) -> None:
    """The demo's 2FA code: a blind person heard "Hint" and could not finish the demo."""
    hint = "Demo: an authenticator app would show 424242 now."
    dialog = PromptDialog(PromptRequest("two_factor_tom", PromptKind.TWO_FACTOR_CODE), hint)
    qtbot.addWidget(dialog)
    dialog.show()
    _heard_as_shown(dialog.hint, PURPOSE[language]["hint"])
    assert _heard(dialog.edit)[1] == hint


def test_the_journal_windows_count_and_verdict_are_heard_by_their_words(
    qtbot: QtBot, language: str, memory_vault: Vault
) -> None:
    ctx = AppContext.create(vault=memory_vault)
    ctx.journal.append_account_added("alice")
    window = JournalWindow(ctx)
    qtbot.addWidget(window)
    _heard_as_shown(window.count_label, PURPOSE[language]["count"])
    qtbot.waitUntil(lambda: not window.verifying)
    badge = window.badge
    # Its words ("Journal intact — 1 entry"), and what they mean (its tooltip).
    assert _heard(badge) == (badge.text(), badge.toolTip())
    assert "1" in badge.text() and badge.toolTip()
    ctx.journal.close()
    window.update_badge()
    qtbot.waitUntil(lambda: not window.verifying)
    start = {"en": "The journal could not be checked: ", "fr": "Le journal n'a pas pu être"}
    assert badge.text().startswith(start[language]), badge.text()
    said = {"en": "Whether anything was edited is not known", "fr": "On ne sait pas si"}
    assert badge.toolTip().startswith(said[language])  # (it had none)
    assert _heard(badge) == (badge.text(), badge.toolTip())


def test_the_data_folder_is_heard_by_its_path(
    qtbot: QtBot, language: str, consentinel_home: Path
) -> None:
    ctx = make_context(consentinel_home)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.folder_label.text() == str(ctx.paths.data_dir)
    _heard_as_shown(dialog.folder_label, PURPOSE[language]["folder"])


def test_the_browser_setups_status_is_heard_and_its_problem_announced(
    qtbot: QtBot, language: str, consentinel_home: Path, announced: list[tuple[QObject, str]]
) -> None:
    dialog = BrowserSetupDialog(make_context(consentinel_home))
    qtbot.addWidget(dialog)
    dialog.show()
    problem = "/usr/bin/firefox is Firefox: checks need Chromium, Google Chrome or Edge."
    dialog._program_refused(problem)
    assert dialog.status.text() == problem
    _heard_as_shown(dialog.status, PURPOSE[language]["download"])
    assert announced == [(dialog.status, problem)]


def test_the_welcome_pages_keyring_problem_is_announced_as_it_appears(
    qtbot: QtBot, language: str, announced: list[tuple[QObject, str]]
) -> None:
    """The focus is on "Add your first account": the problem beside it was heard only by
    moving to it. Now it is said as it is found, and as the page appears with it."""
    page = EmptyState()
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    assert announced == []  # (nothing wrong, nothing said)
    page.say_no_keyring("No system keyring is available.")
    problem = page.keyring_problem
    assert announced == [(problem, problem.text())]
    assert "No system keyring is available." in problem.text()
    page.say_no_keyring("No system keyring is available.")  # found again: said once
    assert len(announced) == 1
    page.hide()
    page.show()  # (the welcome page shown again: the last account removed)
    assert announced == [(problem, problem.text())] * 2
    page.say_keyring_found()
    page.hide()
    page.show()
    assert len(announced) == 2
    # A page made once the problem was known (a home with accounts, the last one removed).
    later = EmptyState()
    qtbot.addWidget(later)
    later.say_no_keyring("The keyring is locked.", locked=True)
    assert len(announced) == 2  # (not shown yet: to no one)
    later.show()
    assert announced[-1] == (later.keyring_problem, "The keyring is locked.")
    _heard_as_shown(later.keyring_problem, PURPOSE[language]["keyring"])


def test_the_rows_advice_is_announced_as_it_appears_and_changes(
    qtbot: QtBot, language: str, consentinel_home: Path, announced: list[tuple[QObject, str]]
) -> None:
    """The advice under the table (why a row's check ended so, what to do) was heard only by
    moving to it: the focus stays on the table as the arrows move from row to row."""
    ctx = make_context(consentinel_home)
    for handle in ("alice", "lou", "tom"):
        add_account(ctx, handle, "pw")
    run = ctx.journal.start_run("manual")
    ctx.journal.record_check(run, AccountResult("alice", Status.OPTED_OUT))
    for handle, reason, status in (
        ("lou", Reason.WRONG_PASSWORD, Status.SIGNIN_FAILED),
        ("tom", Reason.TWO_FACTOR, Status.NEEDS_USER),
    ):
        message = reason_message(reason, handle)
        ctx.journal.record_check(run, AccountResult(handle, status, reason, message=message))
    ctx.journal.finish_run(run)
    with running_app(qtbot, ctx, language=language) as app:
        window = app.window
        table = window.table
        advice = window.row_advice
        table.setCurrentCell(table.row_of("alice") or 0, 0)
        assert not advice.isVisible()
        announced.clear()
        table.setCurrentCell(table.row_of("lou") or 0, 0)
        lou = advice.text()
        assert advice.isVisible() and lou
        assert [(line, words) for line, words in announced if line is advice] == [(advice, lou)]
        window.refresh()  # (a check's progress, a minute passing): not said again
        assert [words for line, words in announced if line is advice] == [lou]
        table.setCurrentCell(table.row_of("tom") or 0, 0)
        tom = advice.text()
        assert tom and tom != lou
        assert [words for line, words in announced if line is advice] == [lou, tom]
        _heard_as_shown(advice, PURPOSE[language]["advice"])
        table.setCurrentCell(table.row_of("alice") or 0, 0)  # no advice: nothing said
        assert [words for line, words in announced if line is advice] == [lou, tom]
