"""An account removed with its history kept: the journal window offers to erase it once the
Account filter shows that account (not a listed one, nor one the list lost), asks first, then
erases it (the badge says the erasure) and says what was erased and what still holds it. A
check running refuses, as the main window's "Remove and erase" does."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from consentinel.core.context import AppContext
from consentinel.core.journal_erasure import history_of
from consentinel.core.lock import RunLock
from consentinel.gui.app_controller import AppController
from consentinel.gui.confirmation import Confirmation
from consentinel.gui.journal_window import JournalWindow
from tests.gui._app_support import add_account, make_context, message_boxes, running_app
from tests.unit.test_erase_history import write_history

BUTTON = {"en": "&Erase the history of @alice…", "fr": "Effacer l'&historique de @alice…"}
ASKED = {
    "en": "Erase the history of @alice from the journal?",
    "fr": "Effacer l'historique de @alice du journal\u00a0?",
}
DETAILS = {
    "en": "Erased for good: 5 entries, 1 screenshot, and its lines in Consentinel's log files. "
    "The journal still verifies, and says that an account's history was erased and how much, "
    "without naming it.\n\nExports, bundles and copies of the data folder made before still "
    "hold it: delete those too.",
    "fr": "Effacées définitivement\u00a0: 5 entrées, 1 capture d'écran, et ses lignes dans les "
    "fichiers de log de Consentinel. Le journal se vérifie toujours, et dit que l'historique "
    "d'un compte a été effacé et combien, sans le nommer.\n\nLes exports, paquets de preuves "
    "et copies du dossier de données faits avant le contiennent encore\u00a0: "
    "supprimez-les aussi.",
}
ERASED = {
    "en": (
        "History erased",
        "Erased the history of @alice from the journal: 5 entries, 1 screenshot.\n\nExports, "
        "bundles and copies of the data folder made before still hold it: delete those too.",
    ),
    "fr": (
        "Historique effacé",
        "Historique de @alice effacé du journal\u00a0: 5 entrées, 1 capture d'écran.\n\nLes "
        "exports, paquets de preuves et copies du dossier de données faits avant le "
        "contiennent encore\u00a0: supprimez-les aussi.",
    ),
}


def _removed_with_its_history(home: Path) -> tuple[AppContext, Path]:
    """alice removed without erasing her history (4 entries and the removal's, a screenshot),
    bob listed with his; alice's screenshot."""
    ctx = make_context(home)
    add_account(ctx, "alice", "pw-alice")
    add_account(ctx, "bob", "pw-bob")
    ctx.paths.evidence_dir.mkdir(parents=True, exist_ok=True)
    shot = write_history(ctx.journal, ctx.paths.evidence_dir, "alice")
    write_history(ctx.journal, ctx.paths.evidence_dir, "bob")
    ctx.accounts.remove("alice")
    ctx.journal.append_account_removed("alice")
    return ctx, shot


def _journal_of(qtbot: QtBot, app: AppController, handle: str) -> JournalWindow:
    app.window.show_journal(handle)
    journal = app.window.journal_window
    assert journal is not None
    qtbot.waitExposed(journal)
    qtbot.waitUntil(lambda: not journal.verifying)
    return journal


@pytest.mark.parametrize(("language", "yes"), [("en", True), ("fr", True), ("en", False)])
def test_the_journal_window_erases_a_removed_account_s_history(
    qtbot: QtBot,
    consentinel_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    yes: bool,
) -> None:
    asked: list[Confirmation] = []

    def answered(box: Confirmation) -> bool:
        asked.append(box)
        return yes

    monkeypatch.setattr(Confirmation, "confirmed", answered)
    told = message_boxes(monkeypatch)
    ctx, shot = _removed_with_its_history(consentinel_home)
    bob = history_of(ctx.journal, "bob")
    with running_app(qtbot, ctx, language=language) as app:
        journal = _journal_of(qtbot, app, "alice")
        assert journal.erase_button.isVisible()
        assert journal.erase_button.text() == BUTTON[language]
        journal.show_account("bob")  # still an account: its checks would write it again
        assert not journal.erase_button.isVisible()
        journal.account_filter.setCurrentIndex(0)  # all accounts
        assert not journal.erase_button.isVisible()
        journal.show_account("alice")
        assert journal.erase_button.isVisible()

        qtbot.mouseClick(journal.erase_button, Qt.MouseButton.LeftButton)
        (box,) = asked
        assert box.text() == ASKED[language]
        assert box.informativeText() == DETAILS[language]
        assert box.defaultButton() is not box.act_button  # Enter does not erase
        qtbot.waitUntil(lambda: not journal.verifying)
        if not yes:
            assert told == []
            assert history_of(ctx.journal, "alice")[:2] == (5, 1)
            assert shot.is_file()
            assert journal.erase_button.isVisible()
            assert journal.badge.text() == f"Journal intact — {ctx.journal.count()} entries"
            return
        assert told == [("information", *ERASED[language])]
        assert history_of(ctx.journal, "alice")[:2] == (0, 0)
        assert not shot.exists()
        assert history_of(ctx.journal, "bob") == bob  # another's untouched
        assert ctx.journal.verify().ok
        count = ctx.journal.count()
        emptied = (
            f"Journal intact — {count} entries, emptied by erasure: 5"
            if language == "en"
            else f"Journal intact — {count} entrées, vidées par un effacement\u00a0: 5"
        )
        assert journal.badge.text() == emptied
        # Nothing names alice any more: the filter shows every account, the offer is gone.
        assert journal.account_filter.findData("alice") == -1
        assert journal.account_filter.currentData() is None
        assert not journal.erase_button.isVisible()


def test_no_offer_for_an_account_the_list_lost(
    qtbot: QtBot, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The journal alone names carol (the list lost her, her secrets stay in the keyring):
    erased, nothing would name her; the main window offers to add her back."""
    told = message_boxes(monkeypatch)
    ctx, _shot = _removed_with_its_history(consentinel_home)
    write_history(ctx.journal, ctx.paths.evidence_dir, "carol")  # added, never removed
    with running_app(qtbot, ctx) as app:
        journal = _journal_of(qtbot, app, "carol")
        assert journal.account_filter.currentData() == "carol"
        assert not journal.erase_button.isVisible()
        assert not journal.ask_erase_history()  # (asked anyway: refused, said why)
    assert [(kind, title) for kind, title, _text in told] == [
        ("warning", "The history of @carol was not erased")
    ]
    assert told[0][2].startswith("@carol is an account the list lost: the journal alone")
    assert history_of(ctx.journal, "carol").entries == 4


@pytest.mark.parametrize("language", ["en", "fr"])
def test_no_erasure_while_a_check_runs(
    qtbot: QtBot, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    monkeypatch.setattr(Confirmation, "confirmed", lambda _box: True)
    told = message_boxes(monkeypatch)
    ctx, shot = _removed_with_its_history(consentinel_home)
    scheduled = RunLock(ctx.paths.lock_path)  # a check in another process
    assert scheduled.acquire(wait=False)
    try:
        with running_app(qtbot, ctx, language=language) as app:
            journal = _journal_of(qtbot, app, "alice")
            qtbot.mouseClick(journal.erase_button, Qt.MouseButton.LeftButton)
            assert told == [
                (
                    "warning",
                    "L'historique de @alice n'a pas été effacé"
                    if language == "fr"
                    else "The history of @alice was not erased",
                    "Une vérification est en cours\u00a0: attendez qu'elle se termine (ou "
                    "annulez-la), puis réessayez."
                    if language == "fr"
                    else "A check is running: wait for it to end (or cancel it), then try again.",
                )
            ]
            assert history_of(ctx.journal, "alice")[:2] == (5, 1)
            assert shot.is_file()
            assert journal.erase_button.isVisible()  # to try again once it ends
    finally:
        scheduled.release()
