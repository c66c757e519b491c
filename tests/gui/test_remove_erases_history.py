"""The window's remove box says what stays (the account's history and screenshots) and offers
to erase it too: ticked, the journal still verifies and holds nothing of the account."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from consentinel.core.journal_erasure import erase_history, history_of
from consentinel.core.lock import RunLock
from consentinel.gui.confirmation import Confirmation
from consentinel.gui.journal_model import row_words
from consentinel.gui.journal_window import JournalWindow
from tests.gui._app_support import add_account, make_context, running_app
from tests.unit.test_erase_history import write_history


def _files_naming(folder: Path, word: str) -> list[Path]:
    return [f for f in folder.rglob("*") if f.is_file() and word.encode() in f.read_bytes()]


@pytest.mark.parametrize(("language", "tick"), [("en", True), ("fr", True), ("en", False)])
def test_the_remove_box_offers_to_erase_the_history(
    qtbot: QtBot,
    consentinel_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    tick: bool,
) -> None:
    asked: list[Confirmation] = []
    buttons: list[str] = []
    told: list[tuple[str, str]] = []

    def answered_yes(box: Confirmation) -> bool:
        asked.append(box)
        buttons.append(box.act_button.text())
        box.checkBox().setChecked(tick)
        buttons.append(box.act_button.text())
        return True

    monkeypatch.setattr(Confirmation, "confirmed", answered_yes)
    monkeypatch.setattr(
        QMessageBox, "information", lambda _parent, title, text: told.append((title, text))
    )
    ctx = make_context(consentinel_home)
    add_account(ctx, "alice", "pw-alice")
    add_account(ctx, "bob", "pw-bob")
    evidence = ctx.paths.evidence_dir
    evidence.mkdir(parents=True, exist_ok=True)
    write_history(ctx.journal, evidence, "alice")
    write_history(ctx.journal, evidence, "bob")
    with running_app(qtbot, ctx, language=language) as app:
        app.window.remove_account("alice")
        box = asked[0]
        offer = box.checkBox().text()
        # Its 4 entries with the one its removal writes first: what is then erased.
        if language == "fr":
            assert offer == "Effacer aussi son historique du journal (5 entrées, 1 capture d'écran)"
            assert (
                "plus tard dans la fenêtre du journal\u00a0: choisissez @alice sous "
                "«\u00a0Compte\u00a0», puis «\u00a0Effacer l'historique de @alice…\u00a0»)"
                in box.informativeText()
            )
            assert buttons == ["&Retirer", "&Retirer et effacer" if tick else "&Retirer"]
        else:
            assert offer == "Also erase its history from the journal (5 entries, 1 screenshot)"
            assert buttons == ["&Remove", "&Remove and erase" if tick else "&Remove"]
            assert (
                "Its history stays in the journal, with its screenshots, unless you erase it "
                "(below, or later in the journal window: choose @alice under “Account”, then "
                "“Erase the history of @alice…”)." in box.informativeText()
            )
        assert ctx.accounts.get("alice") is None
        assert ctx.journal.verify().ok
        if tick:
            assert history_of(ctx.journal, "alice").entries == 0
            assert _files_naming(consentinel_home, "alice") == []
            # The journal window says the erasure, and what became of each entry it emptied.
            rows = [row_words(entry) for entry in ctx.journal.entries()]
            said = {what: details for _when, _who, what, details in rows}
            erased = "Historique effacé" if language == "fr" else "History erased"
            assert said[erased] == (
                "L'historique d'un compte a été effacé (entrées\u00a0: 5\u00a0; captures "
                "d'écran\u00a0: 1)"
                if language == "fr"
                else "The history of an account was erased (entries: 5; screenshots: 1)"
            )
            assert sum(what in ("Erased entry", "Entrée effacée") for _w, _h, what, _d in rows) == 5
            # What was erased, and what still holds it, as the command line says it.
            assert told == [
                (
                    "Historique effacé",
                    "Historique de @alice effacé du journal\u00a0: 5 entrées, 1 capture "
                    "d'écran.\n\nLes exports, paquets de preuves et copies du dossier de "
                    "données faits avant le contiennent encore\u00a0: supprimez-les aussi.",
                )
                if language == "fr"
                else (
                    "History erased",
                    "Erased the history of @alice from the journal: 5 entries, 1 screenshot."
                    "\n\nExports, bundles and copies of the data folder made before still "
                    "hold it: delete those too.",
                )
            ]
        else:
            assert history_of(ctx.journal, "alice")[:4] == (5, 1, None, ())
            assert told == []
        assert history_of(ctx.journal, "bob").entries == 6  # another's untouched


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_remove_box_without_history_says_so_and_names_the_journal_window(
    qtbot: QtBot, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    """An account the journal holds nothing of: no box to tick, and no "its history stays";
    several: erased later from the journal window, each account in turn (no command)."""
    asked: list[Confirmation] = []

    def answered_no(box: Confirmation) -> bool:
        asked.append(box)
        return False

    monkeypatch.setattr(Confirmation, "confirmed", answered_no)
    ctx = make_context(consentinel_home)
    for handle in ("alice", "bob", "erin"):
        add_account(ctx, handle, f"pw-{handle}")
    evidence = ctx.paths.evidence_dir
    evidence.mkdir(parents=True, exist_ok=True)
    write_history(ctx.journal, evidence, "alice")
    write_history(ctx.journal, evidence, "bob")
    assert history_of(ctx.journal, "erin").entries == 0
    with running_app(qtbot, ctx, language=language) as app:
        app.window._accounts.confirm_remove(["erin"])
        app.window._accounts.confirm_remove(["alice", "bob"])
    alone, several = asked
    assert alone.checkBox() is None
    if language == "fr":
        assert "Le journal ne contient aucun historique de ce compte." in alone.informativeText()
        assert "Son historique reste" not in alone.informativeText()
        assert (
            "plus tard dans la fenêtre du journal, pour chaque compte\u00a0: choisissez-le "
            "sous «\u00a0Compte\u00a0», puis «\u00a0Effacer l'historique de\u00a0» suivi de son "
            "identifiant)" in several.informativeText()
        )
    else:
        assert "The journal holds no history of it." in alone.informativeText()
        assert "Its history stays" not in alone.informativeText()
        assert (
            "later in the journal window, for each account: choose it under “Account”, then "
            "“Erase the history of” followed by its handle)" in several.informativeText()
        )
    assert "consentinel" not in several.informativeText()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_no_removal_with_erasure_while_a_check_runs_elsewhere(
    qtbot: QtBot, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    def answered_yes(box: Confirmation) -> bool:
        box.checkBox().setChecked(True)
        return True

    said: list[str] = []
    monkeypatch.setattr(Confirmation, "confirmed", answered_yes)
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _parent, _title, text: said.append(text))
    )
    ctx = make_context(consentinel_home)
    add_account(ctx, "alice", "pw-alice")
    ctx.paths.evidence_dir.mkdir(parents=True, exist_ok=True)
    write_history(ctx.journal, ctx.paths.evidence_dir, "alice")
    scheduled = RunLock(ctx.paths.lock_path)  # a check in another process
    assert scheduled.acquire(wait=False)
    try:
        with running_app(qtbot, ctx, language=language) as app:
            app.window.remove_account("alice")
            assert said == [
                "Une vérification est en cours\u00a0: attendez qu'elle se termine (ou "
                "annulez-la), puis réessayez."
                if language == "fr"
                else "A check is running: wait for it to end (or cancel it), then try again."
            ]
            assert ctx.accounts.get("alice") is not None  # nothing removed, nothing erased
            assert history_of(ctx.journal, "alice").entries == 4
    finally:
        scheduled.release()


def test_the_journal_badge_says_the_erasure(qtbot: QtBot, consentinel_home: Path) -> None:
    ctx = make_context(consentinel_home)
    ctx.paths.evidence_dir.mkdir(parents=True, exist_ok=True)
    write_history(ctx.journal, ctx.paths.evidence_dir, "alice")
    write_history(ctx.journal, ctx.paths.evidence_dir, "bob")
    ctx.journal.append_account_removed("alice")
    done = erase_history(ctx.journal, "alice")
    window = JournalWindow(ctx)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.verifying)
    count = ctx.journal.count()
    assert window.badge.text() == (
        f"Journal intact — {count} entries, emptied by erasure: {done.entries}"
    )
    assert (
        f"were emptied by an erasure of an account's history (entry {done.entry_id}, "
        in window.badge.toolTip()
    )


def test_the_window_says_when_the_erased_bytes_wait_in_the_write_ahead_file(
    qtbot: QtBot, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process reads the journal as the window erases: SQLite cannot empty its
    write-ahead file yet, and the window says so (the command line does), then empties it at
    its next write once that read ended."""
    import sqlite3

    told: list[str] = []

    def answered_yes(box: Confirmation) -> bool:
        box.checkBox().setChecked(True)
        return True

    monkeypatch.setattr(Confirmation, "confirmed", answered_yes)
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    ctx = make_context(consentinel_home)
    add_account(ctx, "alice", "pw-alice")
    add_account(ctx, "bob", "pw-bob")
    ctx.paths.evidence_dir.mkdir(parents=True, exist_ok=True)
    write_history(ctx.journal, ctx.paths.evidence_dir, "alice")
    reader = sqlite3.connect(ctx.paths.journal_path, isolation_level=None)  # `consentinel log`
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM entries").fetchone()
        with running_app(qtbot, ctx) as app:
            app.window.remove_account("alice")
            assert len(told) == 1
            assert "the erased history stays in the journal's write-ahead file" in told[0]
            assert ctx.journal.erased_bytes_pending
            reader.execute("COMMIT")
            ctx.journal.append_account_added("carol", keep=[])  # the window's next write
            assert not ctx.journal.erased_bytes_pending
    finally:
        reader.close()
