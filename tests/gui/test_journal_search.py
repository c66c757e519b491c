"""The journal window's search: the words shown, the account and X's words quoted, whatever
their case and accents, with the filters; Ctrl+F and Escape; what an export holds then. Real
SQLite, real Qt (offscreen)."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from consentinel.core.accounts import Account
from consentinel.core.check_messages import reason_message
from consentinel.core.context import AppContext
from consentinel.core.events import AccountResult, BoxChange
from consentinel.core.export_check import check_export, read_export
from consentinel.core.journal_entries import EntryKind
from consentinel.core.status import Box, Reason, Status
from consentinel.core.vault import Vault
from consentinel.gui.journal_window import JournalWindow
from consentinel.gui.translations import Translators
from tests.gui._exporting import exported

#: What X's page showed, quoted in the check's sentence (in no other field of the entry).
X_LABEL = "Allow xAI to use your Grok interactions"


def _journal(ctx: AppContext) -> None:
    """alice unticked (Training), bob asked for a code, carol's page changed (X's words)."""
    for handle in ("alice", "bob", "carol"):
        ctx.accounts.add(Account(handle))
    run = ctx.journal.start_run("gui")
    ctx.journal.record_change(run, "alice", Box.TRAINING, True, False, True)
    ctx.journal.record_check(
        run,
        AccountResult("alice", Status.FIXED, settings={Box.TRAINING: BoxChange(True, False)}),
    )
    ctx.journal.record_check(run, AccountResult("bob", Status.NEEDS_USER, Reason.TWO_FACTOR))
    changed = reason_message(Reason.PAGE_CHANGED, "carol", f"box 1 reads “{X_LABEL}”")
    ctx.journal.record_check(
        run, AccountResult("carol", Status.ERROR, Reason.PAGE_CHANGED, message=changed)
    )
    ctx.journal.finish_run(run)


def _window(qtbot: QtBot, ctx: AppContext) -> JournalWindow:
    window = JournalWindow(ctx)
    qtbot.addWidget(window)
    return window


def _search(qtbot: QtBot, window: JournalWindow, text: str) -> list[str]:
    """`text` typed in the search field; the accounts of the rows shown once it is searched."""
    window.search_field.clear()
    qtbot.keyClicks(window.search_field, text)
    qtbot.waitUntil(lambda: not window._search_timer.isActive())
    model = window.model
    return [str(model.data(model.index(r, model.ACCOUNT))) for r in range(model.rowCount())]


def test_the_search_finds_words_shown_accounts_and_x_s_words_whatever_case_and_accents(
    qtbot: QtBot, memory_vault: Vault
) -> None:
    ctx = AppContext.create(vault=memory_vault)
    _journal(ctx)
    window = _window(qtbot, ctx)
    assert window.model.rowCount() == 6 and window.count_label.text() == "6 entries shown"

    # The account, with or without its @, in any case.
    assert _search(qtbot, window, "BOB") == ["@bob"]
    assert _search(qtbot, window, "@Alice") == ["@alice", "@alice"]
    assert window.count_label.text() == "2 entries shown"
    # The words a row shows ("2FA code needed"), every word typed.
    assert _search(qtbot, window, "needed 2fa") == ["@bob"]
    assert window.count_label.text() == "1 entry shown"
    # X's words, quoted in the check's sentence alone.
    assert _search(qtbot, window, "xai to use your GROK") == ["@carol"]
    # Nothing found: said, not a blank table.
    assert _search(qtbot, window, "mallory") == []
    assert window.detail_label.text() == "No entry matches this search."
    assert window.count_label.text() == "0 entries shown"

    # With the filters: both apply.
    window.account_filter.setCurrentIndex(window.account_filter.findData("alice"))
    assert _search(qtbot, window, "training") == ["@alice", "@alice"]
    assert _search(qtbot, window, "two-factor") == []
    assert window.detail_label.text() == "No entry matches this search and these filters."
    window.account_filter.setCurrentIndex(0)
    assert _search(qtbot, window, "two-factor") == ["@bob"]

    # In French, the words the French window shows, without their accents.
    translators = Translators()
    translators.switch("fr")
    try:
        french = _window(qtbot, ctx)
        assert french.search_field.placeholderText() == "Rechercher dans le journal"
        assert _search(qtbot, french, "entrainement") == ["@alice", "@alice"]
        assert _search(qtbot, french, "DECOCHES") == [""]  # the run's end: "Décochés : 1"
        assert _search(qtbot, french, "CORRIGE") == ["@alice"]  # the check
        assert french.count_label.text() == "1 entrée affichée"
        assert _search(qtbot, french, "personne") == []
        assert french.detail_label.text() == "Aucune entrée ne correspond à cette recherche."
    finally:
        translators.switch("en")


def test_ctrl_f_goes_to_the_search_and_escape_clears_it_then_closes(
    qtbot: QtBot, memory_vault: Vault
) -> None:
    ctx = AppContext.create(vault=memory_vault)
    _journal(ctx)
    window = _window(qtbot, ctx)
    window.show()
    qtbot.waitExposed(window)
    window.table.setFocus()
    qtbot.waitUntil(window.table.hasFocus)

    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search_field.hasFocus)
    qtbot.keyClicks(window.search_field, "bob")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)

    # Escape clears the search, at once; the window stays.
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    assert window.search_field.text() == "" and window.model.rowCount() == 6
    assert window.isVisible()
    # With nothing searched, Escape closes the window, as before.
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isVisible())


def test_an_export_with_a_search_holds_what_it_finds_and_says_it_is_not_the_whole_journal(
    qtbot: QtBot, memory_vault: Vault, tmp_path: Path
) -> None:
    ctx = AppContext.create(vault=memory_vault)
    _journal(ctx)
    window = _window(qtbot, ctx)
    _search(qtbot, window, "Alice")

    assert exported(qtbot, window, tmp_path / "alice.csv", "csv") == 2
    assert window.export_label.text().splitlines() == [
        f"2 entries written to {tmp_path / 'alice.csv'}",
        "The file holds the entries the search finds, not the whole journal.",
    ]
    rows = (tmp_path / "alice.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 3 and all("@alice" in row for row in rows[1:])

    assert exported(qtbot, window, tmp_path / "alice.json", "json") == 2
    document = read_export(tmp_path / "alice.json")
    assert document["complete"] is False and document["filters"] == {"search": "Alice"}
    assert {e["handle"] for e in document["entries"]} == {"alice"}
    check = check_export(document)  # checked as any filtered export is
    assert check.ok and not check.complete, check

    window.kind_filter.setCurrentIndex(window.kind_filter.findData("check"))
    assert exported(qtbot, window, tmp_path / "checks.json", "json") == 1
    assert window.export_label.text().splitlines()[1] == (
        "The file holds the entries the search and the filters show, not the whole journal."
    )
    filters = json.loads((tmp_path / "checks.json").read_text(encoding="utf-8"))["filters"]
    assert filters == {"kinds": ["check"], "search": "Alice"}

    translators = Translators()
    translators.switch("fr")
    try:
        french = _window(qtbot, ctx)
        _search(qtbot, french, "alice")
        assert exported(qtbot, french, tmp_path / "alice-fr.csv", "csv") == 2
        assert french.export_label.text().splitlines()[1] == (
            "Le fichier contient les entrées que trouve la recherche, pas tout le journal."
        )
    finally:
        translators.switch("en")


def test_a_bundle_exported_with_a_search_holds_what_it_finds(
    qtbot: QtBot, memory_vault: Vault, tmp_path: Path
) -> None:
    """'Export with screenshots…' during a search: its JSON holds the entries found, its
    filters name the search, and it says it is not the whole journal."""
    import zipfile

    ctx = AppContext.create(vault=memory_vault)
    _journal(ctx)
    window = _window(qtbot, ctx)
    _search(qtbot, window, "carol")
    assert exported(qtbot, window, tmp_path / "carol.zip", "zip") == 1
    with zipfile.ZipFile(tmp_path / "carol.zip") as bundle:
        document = json.loads(bundle.read("journal.json"))
    assert [entry["handle"] for entry in document["entries"]] == ["carol"]
    assert document["filters"] == {"search": "carol"}
    assert "the search finds, not the whole journal" in window.export_label.text()


def test_the_search_finds_an_entry_by_its_date_as_shown_and_as_exported(
    qtbot: QtBot, memory_vault: Vault
) -> None:
    """The Date column says « 6 déc. 2026 00:19:17 »: the search read no date at all, so the
    date as shown found nothing, and an ISO date found entries that only named an earlier
    sign-in's time in their details."""
    from consentinel.gui.journal_model import local_iso_time, local_time

    ctx = AppContext.create(vault=memory_vault)
    _journal(ctx)
    window = _window(qtbot, ctx)
    entry = ctx.journal.entries(limit=1)[0]
    shown_day = " ".join(local_time(entry).split()[:3])  # "5 Dec 2026"
    assert len(_search(qtbot, window, shown_day)) == 6
    assert len(_search(qtbot, window, local_iso_time(entry)[:10])) == 6
    assert _search(qtbot, window, "1999-01-01") == []


def test_a_check_held_from_signing_in_says_since_when_as_the_window_writes_dates(
    qtbot: QtBot, memory_vault: Vault
) -> None:
    """ "not tried again after wrong password at 2026-12-05 19:19:17" sat in the row of an
    entry whose Date column says "5 Dec 2026 7:19:17 PM": one way of writing dates."""
    from datetime import datetime, timezone

    from consentinel.gui.journal_model import details
    from consentinel.gui.time_words import local_text_to_the_second

    ctx = AppContext.create(vault=memory_vault)
    ctx.accounts.add(Account("zoe"))
    run = ctx.journal.start_run("schedule")
    since = datetime(2026, 12, 5, 18, 19, 17, tzinfo=timezone.utc)
    ctx.journal.record_check(run, AccountResult("zoe", Status.NEEDS_USER, Reason.WRONG_PASSWORD))
    ctx.journal.finish_run(run)
    entry = ctx.journal.entries(kinds=[EntryKind.CHECK], limit=1)[0]
    payload = {**entry.payload, "not_retried": {"since": since.isoformat()}}
    said = details(entry._replace(payload=payload))
    assert local_text_to_the_second(since) in said, said
    assert "2026-12-05" not in said
