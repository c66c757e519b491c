"""The window's remove box says what stays (the account's history and screenshots) and offers
to erase it too: ticked, the journal still verifies and holds nothing of the account."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from consentinel.core.journal_erasure import history_of
from consentinel.gui.confirmation import Confirmation
from consentinel.gui.journal_model import row_words
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

    def answered_yes(box: Confirmation) -> bool:
        asked.append(box)
        box.checkBox().setChecked(tick)
        return True

    monkeypatch.setattr(Confirmation, "confirmed", answered_yes)
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
        if language == "fr":
            assert offer == "Effacer aussi son historique du journal (4 entrées, 1 capture d'écran)"
            assert "consentinel account erase-history alice" in box.informativeText()
        else:
            assert offer == "Also erase its history from the journal (4 entries, 1 screenshot)"
            assert (
                "Its history stays in the journal, with its screenshots, unless you erase it"
                in (box.informativeText())
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
            assert sum(what in ("Erased", "Effacée") for _w, _h, what, _d in rows) == 5
        else:
            assert history_of(ctx.journal, "alice") == (5, 1, None, ())
        assert history_of(ctx.journal, "bob").entries == 6  # another's untouched
