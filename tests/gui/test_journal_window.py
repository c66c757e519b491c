"""The journal window: filters, before/after, the evidence screenshot, export, integrity badge."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sqlite3
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale, Qt, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from consentinel.core.accounts import Account
from consentinel.core.check_messages import reason_message, success_message
from consentinel.core.context import AppContext
from consentinel.core.events import AccountResult, BoxChange
from consentinel.core.journal_entries import EntryKind
from consentinel.core.journal_export import CSV_COLUMNS
from consentinel.core.lock import RunLock
from consentinel.core.status import Box, Reason, Status
from consentinel.core.vault import Vault
from consentinel.gui.dialog_words import status_name
from consentinel.gui.journal_window import PREVIEW_WIDTH, JournalWindow, spreadsheet_delimiter
from consentinel.gui.translations import Translators
from tests.gui._exporting import exported


def _screenshot(path: Path, width: int = 640, height: int = 400) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#1d9bf0"))
    assert image.save(str(path), "PNG")
    return path


def _journal_with_a_run(ctx: AppContext) -> Path:
    ctx.accounts.add(Account("alice"))
    ctx.accounts.add(Account("bob"))
    run = ctx.journal.start_run("gui")
    ctx.journal.record_change(run, "alice", Box.TRAINING, True, False, True, reverted_by_x=True)
    shot = _screenshot(ctx.paths.evidence_dir / "alice-after.png")
    ctx.journal.record_evidence(run, "alice", shot, "training")
    ctx.journal.record_check(
        run,
        AccountResult(
            "alice",
            Status.FIXED,
            settings={Box.TRAINING: BoxChange(True, False)},
            evidence=shot,
        ),
    )
    ctx.journal.record_check(run, AccountResult("bob", Status.NEEDS_USER, Reason.TWO_FACTOR))
    ctx.journal.finish_run(run)
    return shot


def _window(qtbot: QtBot, ctx: AppContext) -> JournalWindow:
    window = JournalWindow(ctx)
    qtbot.addWidget(window)
    return window


def _verdict(qtbot: QtBot, window: JournalWindow) -> str:
    """The badge once its check (in a thread of its own) is done."""
    qtbot.waitUntil(lambda: not window.verifying)
    return window.badge.text()


def _column(window: JournalWindow, column: int) -> list[str]:
    model = window.model
    return [str(model.data(model.index(r, column))) for r in range(model.rowCount())]


def _select(combo: object, data: object) -> None:
    combo.setCurrentIndex(combo.findData(data))  # type: ignore[attr-defined]


def test_filters_by_account_outcome_kind_and_date(qtbot: QtBot, memory_vault: Vault) -> None:
    ctx = AppContext.create(vault=memory_vault)
    _journal_with_a_run(ctx)
    window = _window(qtbot, ctx)
    assert window.model.rowCount() == 6  # started, change, evidence, 2 checks, finished
    details = _column(window, window.model.DETAILS)
    # Newest first: what the check found, counted as the window's summary counts.
    assert details[0] == "Off: 1 · Need you: 1"
    # The time column's tooltip gives the offset from UTC, and the time in UTC.
    tip = window.model.data(window.model.index(0, window.model.TIME), Qt.ItemDataRole.ToolTipRole)
    assert str(tip).endswith(" UTC)") and ("+" in str(tip) or "-" in str(tip).split(" ")[2])
    assert details[-1] == "Started from the app"
    assert "After unticking: Training" in details

    _select(window.account_filter, "bob")
    assert set(_column(window, window.model.ACCOUNT)) == {"@bob"}
    _select(window.account_filter, None)

    _select(window.outcome_filter, Status.FIXED.value)
    assert _column(window, window.model.ACCOUNT) == ["@alice"]
    assert _column(window, window.model.KIND) == ["Account checked"]
    _select(window.outcome_filter, Status.NEEDS_USER.value)
    assert _column(window, window.model.ACCOUNT) == ["@bob"]
    # Named as the accounts table names it: which step X asks for, not "Needs you" alone.
    assert _column(window, window.model.DETAILS)[0].startswith("2FA code needed")
    _select(window.outcome_filter, Reason.TWO_FACTOR.value)
    assert _column(window, window.model.ACCOUNT) == ["@bob"]
    _select(window.outcome_filter, Reason.LOCKED.value)
    assert _column(window, window.model.ACCOUNT) == []
    # "Needs you" covers each of them, and its tooltip names every one.
    index = window.outcome_filter.findData(Status.NEEDS_USER.value)
    tip = str(window.outcome_filter.itemData(index, Qt.ItemDataRole.ToolTipRole))
    assert tip.startswith("Needs you: “2FA code needed”, ") and "“Locked by X”" in tip, tip
    _select(window.outcome_filter, Status.NEEDS_USER.value)
    # An outcome is a check's: with another kind shown it stands aside (greyed), where it hid
    # every entry ("Check finished" and "Fixed": nothing).
    _select(window.kind_filter, EntryKind.RUN_FINISHED.value)
    assert window.model.rowCount() == 1 and not window.outcome_filter.isEnabled()
    _select(window.kind_filter, None)
    assert window.outcome_filter.isEnabled()
    _select(window.outcome_filter, None)

    _select(window.kind_filter, EntryKind.CHANGE.value)
    assert window.model.rowCount() == 1
    _select(window.kind_filter, None)

    today = QDate.currentDate()
    window.from_date.setDate(today.addDays(1))
    assert window.model.rowCount() == 0
    assert window.detail_label.text() == "No entry matches these filters."  # not a blank table
    # Its columns keep a row's width: shrunk to their titles, "TimeAccountKind" ran together.
    header = window.table.horizontalHeader()
    metrics = header.fontMetrics()
    assert header.sectionSize(window.model.TIME) > metrics.horizontalAdvance("0000-00-00 00:00")
    assert header.sectionSize(window.model.KIND) > metrics.horizontalAdvance("Account checked")
    window.from_date.setDate(today.addDays(-1))
    window.to_date.setDate(today)
    assert window.model.rowCount() == 6
    window.to_date.setDate(today.addDays(-1))
    assert window.model.rowCount() == 0


def test_the_outcome_filter_names_checks_as_the_table_does(
    qtbot: QtBot, memory_vault: Vault
) -> None:
    """A changed page, X's request to slow down and a cancelled check are listed under their
    own names, not under Error."""
    ctx = AppContext.create(vault=memory_vault)
    run = ctx.journal.start_run("gui")
    for handle, reason in (
        ("carol", Reason.PAGE_CHANGED),
        ("dave", Reason.CANCELLED),
        ("erin", Reason.NETWORK),
        ("rita", Reason.RATE_LIMITED),
    ):
        ctx.journal.record_check(run, AccountResult(handle, Status.ERROR, reason))
    ctx.journal.finish_run(run)
    window = _window(qtbot, ctx)
    outcomes = [window.outcome_filter.itemText(i) for i in range(window.outcome_filter.count())]
    assert outcomes[-6:] == [
        "Error",
        "X unreachable or failing",
        "X too slow to answer",
        "Page changed",
        "Slowed down by X",
        "Cancelled",
    ]

    _select(window.outcome_filter, Reason.PAGE_CHANGED.value)
    assert _column(window, window.model.ACCOUNT) == ["@carol"]
    assert _column(window, window.model.DETAILS) == ["Page changed"]
    _select(window.outcome_filter, Reason.RATE_LIMITED.value)
    assert _column(window, window.model.ACCOUNT) == ["@rita"]
    assert _column(window, window.model.DETAILS) == ["Slowed down by X"]
    _select(window.outcome_filter, Reason.CANCELLED.value)
    assert _column(window, window.model.ACCOUNT) == ["@dave"]
    _select(window.outcome_filter, Status.ERROR.value)
    assert _column(window, window.model.ACCOUNT) == ["@erin"]
    assert _column(window, window.model.DETAILS) == ["X unreachable"]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_check_skipped_by_a_rate_limit_is_listed_with_when_x_asked(
    qtbot: QtBot, memory_vault: Vault, lang: str
) -> None:
    """A check that sent X nothing during its "too many requests" back-off is listed as
    waiting, with the time X asked (as the window writes dates), not as a sign-in X stopped
    nor as X slowing it down again; "earlier" when the journal no longer had that check."""
    from consentinel.core.events import BackOff
    from consentinel.gui.time_words import local_text_to_the_second

    ctx = AppContext.create(vault=memory_vault)
    run = ctx.journal.start_run("gui")
    said = ctx.journal.record_check(run, AccountResult("rita", Status.ERROR, Reason.RATE_LIMITED))
    for since in (said.at, None):
        skip = AccountResult("rita", Status.ERROR, Reason.RATE_LIMITED, backoff=BackOff(since))
        ctx.journal.record_check(run, skip)
    ctx.journal.finish_run(run)
    translators = Translators()
    translators.switch(lang)
    try:
        window = _window(qtbot, ctx)
        _select(window.kind_filter, EntryKind.CHECK.value)
        details = _column(window, window.model.DETAILS)
        when = local_text_to_the_second(said.at.replace(microsecond=0))  # in the window's words
    finally:
        translators.switch("en")
    nbsp = "\u00a0"
    if lang == "en":
        assert sorted(details) == [
            "Slowed down by X",
            f"Slowed down by X (no request sent: waiting out the back-off X asked for at {when})",
            "Slowed down by X (no request sent: waiting out the back-off X asked for earlier)",
        ], details
    else:
        (name,) = {d.split(" (")[0] for d in details}
        assert sorted(d[len(name) :] for d in details) == [
            "",
            f" (aucune requête envoyée{nbsp}: attente de la fin du délai demandé par X le {when})",
            f" (aucune requête envoyée{nbsp}: attente de la fin du délai demandé plus tôt par X)",
        ], details


def test_a_sentence_written_in_another_language_is_not_shown_as_is(
    qtbot: QtBot, memory_vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Checks run in French, read in an English window: their French sentences give way to the
    window's own words (the status and reason, and its advice when it has some)."""
    ctx = AppContext.create(vault=memory_vault)
    run = ctx.journal.start_run("schedule")
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    slow = reason_message(Reason.TIMEOUT, "bob")
    wrong = reason_message(Reason.WRONG_PASSWORD, "dan")
    ctx.journal.record_check(run, AccountResult("bob", Status.ERROR, Reason.TIMEOUT, message=slow))
    ctx.journal.record_check(
        run, AccountResult("dan", Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD, message=wrong)
    )
    monkeypatch.setenv("CONSENTINEL_LANG", "en")
    english = "X took a while; checked again next time."
    ctx.journal.record_check(
        run, AccountResult("carol", Status.ERROR, Reason.TIMEOUT, message=english)
    )
    window = _window(qtbot, ctx)
    _select(window.kind_filter, EntryKind.CHECK.value)
    shown = {}
    for row in range(window.model.rowCount()):
        window.select_row(row)
        shown[_column(window, window.model.ACCOUNT)[row]] = window.detail_label.text()
    assert slow not in shown["@bob"] and "X took too long to answer" in shown["@bob"]
    assert wrong not in shown["@dan"] and "Edit account" in shown["@dan"]
    assert english in shown["@carol"]  # written in the window's language: as it is


def test_a_sentence_in_another_language_keeps_what_x_showed_and_answered(
    qtbot: QtBot, memory_vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An officer reads the journal as evidence: a check's sentence written in the other
    language is said again in the window's when the entry holds all it said, and otherwise
    shown as the check wrote it, marked so: the label X's page showed, X's answer, are in no
    other field of the entry."""
    ctx = AppContext.create(vault=memory_vault)
    ctx.accounts.add(Account("bob"))
    run = ctx.journal.start_run("schedule")
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    label = "la case 1 a un libellé inconnu, « Allow xAI to use your data »"
    changed = reason_message(Reason.PAGE_CHANGED, "bob", label)
    ctx.journal.record_check(
        run, AccountResult("bob", Status.ERROR, Reason.PAGE_CHANGED, message=changed)
    )
    fixed = AccountResult(
        "bob",
        Status.FIXED,
        settings={Box.TRAINING: BoxChange(True, False)},
        message=success_message(Status.FIXED, [Box.TRAINING], []),
    )
    ctx.journal.record_check(run, fixed)
    monkeypatch.setenv("CONSENTINEL_LANG", "en")
    failing = reason_message(Reason.NETWORK, "bob", "HTTP status 500", x_answered=True)
    ctx.journal.record_check(
        run, AccountResult("bob", Status.ERROR, Reason.NETWORK, message=failing, x_answered=True)
    )

    def pane(window: JournalWindow) -> list[str]:
        _select(window.kind_filter, EntryKind.CHECK.value)
        said = []
        for row in range(window.model.rowCount()):  # newest first
            window.select_row(row)
            said.append(window.detail_label.text())
        return said

    english = _window(qtbot, ctx)
    network, fixed_en, changed_en = pane(english)
    assert f"As the check wrote it, in French: “{changed}”" in changed_en, changed_en
    assert "\nUnticked and read back off: Training.\n" in fixed_en, fixed_en
    assert f"\n{failing}\n" in network  # (in the window's language: as it is)
    translators = Translators()
    translators.switch("fr")
    try:
        network, fixed_fr, changed_fr = pane(_window(qtbot, ctx))
        nbsp = "\u00a0"
        assert (
            f"Tel que la vérification l'a écrit, en anglais{nbsp}: «{nbsp}X answered with an "
            f"error: HTTP status 500. The trouble is on X's side; the next check tries "
            f"again.{nbsp}»" in network
        ), network
        assert "\nX en panne\n" in network, network  # (named as its row is)
        assert f"\n{changed}\n" in changed_fr
        assert f"\nCase décochée, puis relue décochée{nbsp}: Entraînement.\n" in fixed_fr
    finally:
        translators.switch("en")


def test_each_change_shows_before_and_after(qtbot: QtBot, memory_vault: Vault) -> None:
    ctx = AppContext.create(vault=memory_vault)
    _journal_with_a_run(ctx)
    window = _window(qtbot, ctx)
    _select(window.kind_filter, EntryKind.CHANGE.value)
    details = _column(window, window.model.DETAILS)[0]
    assert details == "Training: on → off (confirmed, X had switched it back on)"
    window.select_row(0)
    assert "Training: on → off" in window.detail_label.text()
    assert "@alice" in window.detail_label.text()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_untick_x_did_not_save_is_not_shown_as_a_change(
    qtbot: QtBot, memory_vault: Vault, lang: str
) -> None:
    """Not "Box changed — Training: on → on", nor its picture "After unticking": the window
    says the untick was not saved, and what X left; older pictures read as they did. The kind
    filter still finds it among the box changes."""
    ctx = AppContext.create(vault=memory_vault)
    run = ctx.journal.start_run("gui")
    ctx.journal.record_change(run, "bea", Box.TRAINING, True, True, False)
    shot = _screenshot(ctx.paths.evidence_dir / "run1-bea-training-not-saved-x.png")
    ctx.journal.record_evidence(run, "bea", shot, "training-not-saved")
    ctx.journal.record_change(run, "cat", Box.MEMORY, True, None, False)
    ctx.journal.record_evidence(run, "cat", shot, "memory-not-read-back")
    ctx.journal.record_evidence(run, "dan", shot, "memory")  # written by an older version
    ctx.journal.finish_run(run)
    translators = Translators()
    translators.switch(lang)
    try:
        window = _window(qtbot, ctx)
        _select(window.kind_filter, EntryKind.CHANGE.value)
        shown = list(zip(_column(window, window.model.KIND), _column(window, 3), strict=True))
        window.select_row(0)
        pane = window.detail_label.text()
        _select(window.kind_filter, EntryKind.EVIDENCE.value)
        shots = _column(window, window.model.DETAILS)
    finally:
        translators.switch("en")
    nbsp = "\u00a0"
    if lang == "en":
        assert sorted(shown) == [
            ("Untick not saved", "Memory: not read back"),
            ("Untick not saved", "Training: still on"),
        ]
        assert "Untick not saved" in pane and "Box changed" not in pane
        assert sorted(shots) == [
            "After an untick X did not save: Training",
            "After an untick that could not be read back: Memory",
            "After unticking: Memory",
        ]
    else:
        assert sorted(shown) == [
            ("Décochage non enregistré", f"Case Entraînement{nbsp}: toujours cochée"),
            ("Décochage non enregistré", f"Case Mémoire{nbsp}: non relue"),
        ]
        assert "Décochage non enregistré" in pane and "Case modifiée" not in pane
        assert sorted(shots) == [
            f"Après décochage{nbsp}: Mémoire",
            f"Après un décochage que X n'a pas enregistré{nbsp}: Entraînement",
            f"Après un décochage qui n'a pas pu être relu{nbsp}: Mémoire",
        ]


def test_evidence_preview_loads_the_png(qtbot: QtBot, memory_vault: Vault) -> None:
    ctx = AppContext.create(vault=memory_vault)
    shot = _journal_with_a_run(ctx)
    # A check written before entries named screenshots by file name held the full path.
    old_shot = _screenshot(ctx.paths.evidence_dir / "alice-before.png", 320, 200)
    old = {"status": "opted_out", "reason": None, "settings": {}, "evidence": str(old_shot)}
    ctx.journal.append(EntryKind.CHECK, "alice", old)
    window = _window(qtbot, ctx)
    window.show()
    _select(window.kind_filter, EntryKind.EVIDENCE.value)
    window.select_row(0)
    assert window.pixmap is not None
    assert (window.pixmap.width(), window.pixmap.height()) == (640, 400)
    assert window.preview.isVisible()
    assert window.preview.pixmap().width() <= PREVIEW_WIDTH
    full = window.show_full_size()
    assert full is not None
    assert shot.name in full.windowTitle()
    # It has its own Close button (not only the title bar's).
    close = next(b for b in full.findChildren(QPushButton) if b.text() == "Close")
    close.click()
    assert not full.isVisible()

    # A check entry that kept a screenshot shows it too: it names it by file name only.
    _select(window.kind_filter, None)
    _select(window.outcome_filter, Status.FIXED.value)
    (check,) = ctx.journal.entries(kinds=[EntryKind.CHECK], status=Status.FIXED)
    assert check.payload["evidence"] == shot.name
    window.select_row(0)
    assert window.pixmap is not None and window.pixmap.width() == 640
    # And an older one, by the full path it holds.
    _select(window.outcome_filter, Status.OPTED_OUT.value)
    window.select_row(0)
    assert window.pixmap is not None and window.pixmap.width() == 320

    # A file there but not a picture (damaged, or replaced) is said as such: nothing was
    # moved or deleted.
    good = shot.read_bytes()
    shot.write_bytes(good[:100])
    _select(window.outcome_filter, None)
    _select(window.kind_filter, EntryKind.EVIDENCE.value)
    window.select_row(0)
    assert window.pixmap is None
    said = window.detail_label.text()
    assert f"The screenshot {shot} is there, but it cannot be read as a picture" in said, said
    assert "moved or deleted" not in said
    # A missing file is said, not crashed on.
    shot.unlink()
    window.refresh()
    window.select_row(0)
    assert window.pixmap is None
    assert f"The screenshot {shot} cannot be opened (moved or deleted?)." in (
        window.detail_label.text()
    )
    translators = Translators()
    translators.switch("fr")
    try:
        window.refresh()  # (the entry read is shown again, in French)
        assert "(déplacée ou supprimée\u00a0?)" in window.detail_label.text()
        shot.write_bytes(good[:100])
        window.refresh()
        said = window.detail_label.text()
        assert "est bien là, mais elle ne peut pas être lue comme une image" in said, said
    finally:
        translators.switch("en")


def test_export_writes_valid_csv_and_json(
    qtbot: QtBot, memory_vault: Vault, tmp_path: Path
) -> None:
    ctx = AppContext.create(vault=memory_vault)
    _journal_with_a_run(ctx)
    window = _window(qtbot, ctx)

    window.csv_delimiter = ","  # the machine's region says which; both are tested below
    assert exported(qtbot, window, tmp_path / "all.csv", "csv") == 6
    rows = list(csv.DictReader((tmp_path / "all.csv").open(encoding="utf-8-sig")))
    assert len(rows) == 6
    assert {r["kind"] for r in rows} >= {"change", "check", "evidence"}
    assert "6 entries written" in window.export_label.text()
    # Screenshots by file name: no path naming the person and their folders.
    data_folder = str(ctx.paths.data_dir)
    assert data_folder not in (tmp_path / "all.csv").read_text(encoding="utf-8-sig")

    _select(window.account_filter, "alice")  # the export follows the filters
    count = exported(qtbot, window, tmp_path / "alice.json", "json")
    document = json.loads((tmp_path / "alice.json").read_text(encoding="utf-8"))
    assert document["verified"] is True
    assert len(document["entries"]) == count == 3
    assert {e["handle"] for e in document["entries"]} == {"alice"}
    assert data_folder not in (tmp_path / "alice.json").read_text(encoding="utf-8")
    assert "alice-after.png" in (tmp_path / "alice.json").read_text(encoding="utf-8")

    # A folder that takes no file: said as one sentence, with its real cause.
    assert exported(qtbot, window, Path("/proc/journal.json"), "json") == 0
    assert window.export_label.text() == (
        "The export failed. Could not save /proc/journal.json: that folder does not take new files."
    )


def test_one_accounts_export_is_offered_a_file_named_after_it(
    qtbot: QtBot, memory_vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An agency exports two clients' journals the same day: the second was offered the first
    one's file name (consentinel-journal-DATE.json), and one export replaced the other."""
    from PySide6.QtWidgets import QFileDialog

    ctx = AppContext.create(vault=memory_vault)
    _journal_with_a_run(ctx)
    window = _window(qtbot, ctx)
    offered: list[str] = []

    def save_dialog(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        offered.append(suggested)  # (the system's file dialog cannot be answered here)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    stamp = datetime.now().strftime("%Y-%m-%d")
    window._ask_export("json")
    _select(window.account_filter, "alice")
    window._ask_export("json")
    _select(window.account_filter, "bob")
    window._ask_export("csv")
    exports = ctx.paths.exports_dir
    assert offered == [
        str(exports / f"consentinel-journal-{stamp}.json"),
        str(exports / f"consentinel-journal-alice-{stamp}.json"),
        str(exports / f"consentinel-journal-bob-{stamp}.csv"),
    ]


def test_an_export_says_when_the_journal_does_not_verify_and_when_it_is_filtered(
    qtbot: QtBot, memory_vault: Vault, tmp_path: Path
) -> None:
    """An officer exports a damaged journal to CSV: the window says that the journal does not
    verify, that the CSV holds no verdict (its format stays as it is) and where the verdict
    is; and that a filtered export is not the whole journal."""
    ctx = AppContext.create(vault=memory_vault)
    _journal_with_a_run(ctx)
    window = _window(qtbot, ctx)
    assert exported(qtbot, window, tmp_path / "intact.csv", "csv") == 6
    assert window.export_label.text() == f"6 entries written to {tmp_path / 'intact.csv'}"
    _select(window.account_filter, "alice")
    assert exported(qtbot, window, tmp_path / "alice.csv", "csv") == 3
    assert window.export_label.text().splitlines() == [
        f"3 entries written to {tmp_path / 'alice.csv'}",
        "The file holds the entries the filters show, not the whole journal.",
    ]
    _select(window.account_filter, None)

    with sqlite3.connect(ctx.paths.journal_path) as db:
        db.execute("UPDATE entries SET handle = 'mallory' WHERE kind = 'change'")
    db.close()
    assert exported(qtbot, window, tmp_path / "damaged.csv", "csv") == 6
    assert window.export_label.text().splitlines() == [
        f"6 entries written to {tmp_path / 'damaged.csv'}",
        "The journal does not verify: entry 2 was edited. The CSV holds no verdict; Export "
        "JSON… keeps it with the entries.",
    ]
    header = (tmp_path / "damaged.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.split(window.csv_delimiter)[4:] == list(CSV_COLUMNS)  # (no verdict column)
    assert exported(qtbot, window, tmp_path / "damaged.json", "json") == 6
    document = json.loads((tmp_path / "damaged.json").read_text(encoding="utf-8"))
    assert (document["verified"], document["problems"]) == (False, ["entry 2 was edited."])
    assert window.export_label.text().splitlines()[1] == (
        "The journal does not verify: entry 2 was edited. The file says so, with every problem "
        "found."
    )

    translators = Translators()
    translators.switch("fr")
    try:
        _select(window.kind_filter, EntryKind.CHECK.value)
        assert exported(qtbot, window, tmp_path / "checks.csv", "csv") == 2
        nbsp = "\u00a0"
        assert window.export_label.text().splitlines() == [
            f"2 entrées écrites dans {tmp_path / 'checks.csv'}",
            "Le fichier contient les entrées que montrent les filtres, pas tout le journal.",
            f"Le journal ne se vérifie pas{nbsp}: l'entrée 2 a été modifiée. Le CSV ne porte "
            f"aucun verdict{nbsp}; «{nbsp}Exporter en JSON…{nbsp}» le garde avec les entrées.",
        ]
    finally:
        translators.switch("en")


def test_the_csv_is_written_for_the_person_s_spreadsheet(
    qtbot: QtBot, memory_vault: Vault, tmp_path: Path
) -> None:
    """Excel reads a .csv without a BOM in the system's code page, and splits it on the
    region's list separator: a semicolon where numbers take a decimal comma."""
    assert spreadsheet_delimiter(QLocale(QLocale.Language.French, QLocale.Country.France)) == ";"
    assert spreadsheet_delimiter(QLocale(QLocale.Language.German, QLocale.Country.Germany)) == ";"
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    assert spreadsheet_delimiter(english) == ","
    ctx = AppContext.create(vault=memory_vault)
    _journal_with_a_run(ctx)
    window = _window(qtbot, ctx)
    assert window.csv_delimiter == spreadsheet_delimiter(QLocale.system())
    window.csv_delimiter = ";"
    assert exported(qtbot, window, tmp_path / "fr.csv", "csv") == 6
    raw = (tmp_path / "fr.csv").read_bytes()
    assert raw.startswith("\ufeffDate and time;Account;Event;Details;id;ts;".encode())
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    fixed = next(r for r in rows if r["kind"] == "check" and r["handle"] == "alice")
    assert json.loads(fixed["payload"])["status"] == "fixed"
    assert (fixed["Account"], fixed["Event"]) == ("@alice", "Account checked")
    assert fixed["Details"].startswith("Fixed — Training: on → off")
    assert _rows_as_shown(window) == sorted((r["Account"], r["Event"], r["Details"]) for r in rows)
    # ISO, with the offset from UTC.
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d\d:\d\d", fixed["Date and time"])


def _rows_as_shown(window: JournalWindow) -> list[tuple[str, ...]]:
    """The rows but their time, which the window writes in its language and the CSV in ISO."""
    columns = [_column(window, column) for column in range(1, window.model.columnCount())]
    return sorted(zip(*columns, strict=True))


def test_the_window_s_csv_says_each_entry_in_the_person_s_language(
    qtbot: QtBot, memory_vault: Vault, tmp_path: Path
) -> None:
    """A newsroom opens the export in a spreadsheet: its first columns are the journal
    window's, in French for a French window, before the columns made for scripts (which keep
    their codes, as `consentinel log --csv` writes them, and re-hash as they did)."""
    ctx = AppContext.create(vault=memory_vault)
    _journal_with_a_run(ctx)
    translators = Translators()
    translators.switch("fr")
    try:
        window = _window(qtbot, ctx)
        window.csv_delimiter = ";"
        assert exported(qtbot, window, tmp_path / "fr.csv", "csv") == 6
        text = (tmp_path / "fr.csv").read_text(encoding="utf-8-sig")
        assert text.startswith("Date et heure;Compte;Événement;Détails;id;ts;run_id;kind;handle;")
        rows = list(csv.DictReader(text.splitlines(), delimiter=";"))
        change = next(r for r in rows if r["kind"] == "change")
        assert change["Événement"] != "change" and change["Détails"].startswith("Case Entraînement")
        assert change["summary"] == "training: on → off (confirmed, reverted by X)"
        assert _rows_as_shown(window) == sorted(
            (r["Compte"], r["Événement"], r["Détails"]) for r in rows
        )
        # The script's columns are those of `log --csv`, byte for byte.
        for_scripts = io.StringIO()
        ctx.journal.export_csv(for_scripts, delimiter=";")
        script_rows = list(csv.DictReader(for_scripts.getvalue().splitlines(), delimiter=";"))
        assert [{k: r[k] for k in CSV_COLUMNS} for r in rows] == script_rows
    finally:
        translators.switch("en")


def test_badge_shows_intact_then_damaged_after_tampering(qtbot: QtBot, memory_vault: Vault) -> None:
    ctx = AppContext.create(vault=memory_vault)
    _journal_with_a_run(ctx)
    window = _window(qtbot, ctx)
    assert _verdict(qtbot, window) == "Journal intact — 6 entries"
    assert "#1e7b34" in window.badge.styleSheet()

    # Someone rewrites history in the file: alice's box was "never on".
    with sqlite3.connect(ctx.paths.journal_path) as db:
        db.execute(
            "UPDATE entries SET payload = ? WHERE kind = 'change'",
            (json.dumps({"box": "training", "before": False, "after": False}),),
        )
    db.close()
    window.refresh()
    assert _verdict(qtbot, window).startswith("Journal damaged:")
    assert "was edited" in window.badge.text()
    assert "#b3261e" in window.badge.styleSheet()


def test_the_badge_counts_every_problem_and_its_tooltip_lists_them(
    qtbot: QtBot, memory_vault: Vault
) -> None:
    ctx = AppContext.create(vault=memory_vault)
    shot = _journal_with_a_run(ctx)
    with sqlite3.connect(ctx.paths.journal_path) as db:
        db.execute("UPDATE entries SET handle = 'mallory' WHERE kind = 'change'")
    db.close()
    shot.unlink()
    window = _window(qtbot, ctx)
    assert (
        _verdict(qtbot, window)
        == "Journal damaged: entry 2 was edited; one more problem was found."
    )
    tip = window.badge.toolTip()
    assert "• entry 2 was edited." in tip
    assert f"• the screenshot of entry 3 ({shot.name}) is missing." in tip
    assert "red dot" in tip
    # The entries it names can be found: a red dot and the problem on their rows, and their
    # number in the details; the others are left as they were.
    model = window.model
    marked = {}
    for row in range(model.rowCount()):
        entry = model.entry_at(row)
        if model.index(row, model.TIME).data(Qt.ItemDataRole.DecorationRole) is not None:
            marked[entry.id] = model.index(row, model.DETAILS).data(Qt.ItemDataRole.ToolTipRole)
    assert marked == {
        2: "Entry 2 was edited.",
        3: f"The screenshot of entry 3 ({shot.name}) is missing.",
    }, marked
    row = next(r for r in range(model.rowCount()) if model.entry_at(r).id == 2)
    window.select_row(row)
    details = window.detail_label.text()
    assert "Entry 2 was edited." in details and "\nEntry 2" in details, details


def test_the_window_answers_while_the_screenshots_are_hashed(
    qtbot: QtBot, memory_vault: Vault
) -> None:
    """Hashing a year of screenshots takes seconds: the window must not wait for it. Here the
    screenshot is a named pipe whose bytes come only when the test sends them, so the check
    stays under way for as long as the test needs."""
    ctx = AppContext.create(vault=memory_vault)
    shot = _journal_with_a_run(ctx)
    data = shot.read_bytes()
    shot.unlink()
    os.mkfifo(shot)
    sent, once = threading.Event(), threading.Lock()

    def send() -> None:
        if once.acquire(blocking=False):
            with shot.open("wb") as pipe:  # waits for the check to open it for reading
                pipe.write(data)
            sent.set()

    # A window that hashed before it showed would wait here for ever: the bytes come anyway
    # after a while, and the assertions below then fail instead of the run hanging.
    fallback = threading.Timer(20, send)
    fallback.start()
    try:
        window = _window(qtbot, ctx)
        assert not sent.is_set()
        assert window.badge.text() == "Checking the journal…"
        assert window.verifying
        _select(window.account_filter, "bob")  # the window answers meanwhile
        assert set(_column(window, window.model.ACCOUNT)) == {"@bob"}
    finally:
        fallback.cancel()
        send()
    assert _verdict(qtbot, window) == "Journal intact — 6 entries"
    shot.unlink()
    shot.write_bytes(data)
    # A second check asked for while one runs: only the latest verdict is shown.
    window.refresh()
    window.refresh()
    assert _verdict(qtbot, window) == "Journal intact — 6 entries"


def test_a_journal_that_cannot_be_read_says_so_instead_of_a_verdict(
    qtbot: QtBot, memory_vault: Vault
) -> None:
    ctx = AppContext.create(vault=memory_vault)
    _journal_with_a_run(ctx)
    window = _window(qtbot, ctx)
    assert _verdict(qtbot, window) == "Journal intact — 6 entries"
    ctx.journal.close()  # as when the app quits while the window checks
    window.update_badge()
    assert _verdict(qtbot, window).startswith("The journal could not be checked: ")
    assert "#8a5300" in window.badge.styleSheet()


def _confirm_when_asked(qtbot: QtBot, window: JournalWindow, *, start: bool) -> list[str]:
    """Answers the confirmation box once it shows; returns what it said."""
    said: list[str] = []

    def answer() -> None:
        box = window.confirm_box
        said.append(box.informativeText())
        wanted = "&Start a new journal" if start else "Cancel"
        next(b for b in box.buttons() if b.text() == wanted).click()

    QTimer.singleShot(0, answer)
    return said


def test_a_damaged_journal_can_be_kept_and_a_new_one_started(
    qtbot: QtBot, memory_vault: Vault
) -> None:
    ctx = AppContext.create(vault=memory_vault)
    _journal_with_a_run(ctx)
    window = _window(qtbot, ctx)
    assert _verdict(qtbot, window) == "Journal intact — 6 entries"
    assert window.start_over_button.isHidden()  # never offered for an intact journal
    with sqlite3.connect(ctx.paths.journal_path) as db:
        db.execute("UPDATE entries SET handle = 'mallory' WHERE kind = 'change'")
    db.close()
    window.refresh()
    assert _verdict(qtbot, window).startswith("Journal damaged:")
    assert not window.start_over_button.isHidden()
    old_journal = ctx.journal
    assert window.model.damaged  # the edited entry has its red dot

    # Cancel: nothing moves.
    said = _confirm_when_asked(qtbot, window, start=False)
    assert window.ask_start_over() is False
    assert "was edited" in said[0] and "will not be changed or deleted" in said[0]
    assert ctx.journal is old_journal

    # A check running holds it back (its run lock, taken here as a check takes it).
    lock = RunLock(ctx.paths.lock_path)
    assert lock.acquire()
    try:
        _confirm_when_asked(qtbot, window, start=True)
        assert window.ask_start_over() is False
        assert "A check is running" in window.export_label.text()
        assert ctx.journal is old_journal
    finally:
        lock.release()

    _confirm_when_asked(qtbot, window, start=True)
    with qtbot.waitSignal(window.journal_replaced):
        assert window.ask_start_over() is True
    assert ctx.journal is not old_journal
    assert window.model.damaged == {}  # the old journal's marks, not on the new one's entries
    aside = [p.name for p in ctx.paths.journal_path.parent.glob("journal.sqlite3.damaged-*")]
    assert len(aside) == 1 and aside[0] in window.export_label.text()
    # The new journal says why it began, and knows the accounts still listed (so that a
    # later loss of the list can still bring them back).
    assert _verdict(qtbot, window) == "Journal intact — 3 entries"
    assert window.start_over_button.isHidden()
    details = _column(window, window.model.DETAILS)
    (restart,) = [d for d in details if d.startswith("The journal before it no longer verified: ")]
    assert aside[0] in restart
    assert details.count("Listed when this journal began") == 2
    assert [e.handle for e in ctx.journal.entries(kinds=[EntryKind.ACCOUNT_ADDED])] == [
        "alice",
        "bob",
    ]


def test_a_problem_written_in_another_language_is_left_out(
    qtbot: QtBot, memory_vault: Vault
) -> None:
    """Started over from a French terminal: the English window says it without the French."""
    from consentinel.gui.journal_model import details

    ctx = AppContext.create(vault=memory_vault)
    payload = {"set_aside": "journal.sqlite3.damaged-x", "why": "damaged"}
    french = ctx.journal.append(
        EntryKind.JOURNAL_RESTARTED,
        None,
        {**payload, "problem": "l'entrée 2 a été modifiée.", "problem_lang": "fr"},
    )
    assert details(french) == (
        "The journal before it no longer verified; you chose to keep it as "
        "journal.sqlite3.damaged-x and start a new one"
    )
    english = ctx.journal.append(
        EntryKind.JOURNAL_RESTARTED,
        None,
        {**payload, "problem": "entry 2 was edited.", "problem_lang": "en"},
    )
    assert details(english).startswith(
        "The journal before it no longer verified: entry 2 was edited; "
    )


def test_a_box_on_at_x_but_not_shown_is_said_whatever_the_checks_language(
    qtbot: QtBot, memory_vault: Vault
) -> None:
    """A check made in French: its sentence is left out in the English window, but the box
    X's data holds on is still said, in the window's words."""
    from consentinel.gui.journal_model import details

    ctx = AppContext.create(vault=memory_vault)
    payload = {
        "status": "opted_out",
        "settings": {"training": {"before": False, "after": False}},
        "hidden_on": ["memory"],
        "message": "La case Mémoire est activée dans les données de X…",
        "message_lang": "fr",
    }
    entry = ctx.journal.append(EntryKind.CHECK, "cleo", payload)
    words = details(entry)
    assert words.endswith("Training: off — Memory: not shown, on at X"), words
    assert "données" not in words


def test_refresh_picks_up_new_entries_and_accounts(qtbot: QtBot, memory_vault: Vault) -> None:
    ctx = AppContext.create(vault=memory_vault)
    window = _window(qtbot, ctx)
    assert window.model.rowCount() == 0
    assert _verdict(qtbot, window) == "Journal intact — no entries yet"
    ctx.accounts.add(Account("carol"))
    ctx.journal.append_account_added("carol")
    window.refresh()
    assert window.model.rowCount() == 1
    assert window.account_filter.findData("carol") > 0
    since = datetime.now(timezone.utc) - timedelta(minutes=5)
    assert ctx.journal.entries(since=since)


def test_a_check_reads_as_the_accounts_table_says_it_with_the_window_s_advice(
    qtbot: QtBot, memory_vault: Vault
) -> None:
    ctx = AppContext.create(vault=memory_vault)
    ctx.accounts.add(Account("carol"))
    run = ctx.journal.start_run("gui")
    boxes = {
        Box.MEMORY: BoxChange(False, False),
        Box.TRAINING: BoxChange(True, False),
        Box.PERSONALIZATION: BoxChange(False, False),
    }
    ctx.journal.record_check(run, AccountResult("carol", Status.FIXED, settings=boxes))
    changed = reason_message(Reason.PAGE_CHANGED, "carol", "no training box")
    ctx.journal.record_check(
        run, AccountResult("carol", Status.ERROR, Reason.PAGE_CHANGED, message=changed)
    )
    cli = reason_message(Reason.TWO_FACTOR, "carol")
    ctx.journal.record_check(
        run, AccountResult("carol", Status.NEEDS_USER, Reason.TWO_FACTOR, message=cli)
    )
    window = _window(qtbot, ctx)
    _select(window.kind_filter, EntryKind.CHECK.value)
    two_factor, page_changed, fixed = _column(window, window.model.DETAILS)[:3]
    # Boxes in the order X's page shows them, not the order they were stored in.
    assert fixed.index("Training") < fixed.index("Personalization") < fixed.index("Memory")
    # "Page changed", as the table says it, not "Error (X's page has changed)".
    assert page_changed.startswith("Page changed") and "Error" not in page_changed
    assert two_factor.startswith("2FA code needed") and "(" not in two_factor
    # The detail pane says what to do, in the window's terms.
    window.select_row(0)
    assert "“Edit account…”" in window.detail_label.text()
    assert "consentinel login" not in window.detail_label.text()
    window.select_row(1)
    assert changed in window.detail_label.text()


def test_an_empty_journal_says_so_once_checked(qtbot: QtBot, memory_vault: Vault) -> None:
    """The side pane says the journal is empty, and still does once the check (in a thread)
    has given its verdict."""
    window = _window(qtbot, AppContext.create(vault=memory_vault))
    assert _verdict(qtbot, window) == "Journal intact — no entries yet"
    assert window.detail_label.text() == "The journal is empty."


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "X refused the code from the saved 2FA secret"),
        ("fr", "X a refusé le code fait avec le secret 2FA enregistré"),
    ],
)
def test_a_sign_in_at_which_x_refused_the_saved_secret_s_code_says_so(
    qtbot: QtBot, memory_vault: Vault, lang: str, said: str
) -> None:
    ctx = AppContext.create(vault=memory_vault)
    ctx.journal.record_signin(None, "tess", "needs_user", Reason.TWO_FACTOR, totp_refused=True)
    translators = Translators()
    translators.switch(lang)
    try:
        window = _window(qtbot, ctx)
        (details,) = _column(window, window.model.DETAILS)
    finally:
        translators.switch("en")
    assert details.endswith(f"({said})"), details


def test_a_refresh_keeps_the_entry_being_read_and_counts_the_new_ones(
    qtbot: QtBot, memory_vault: Vault
) -> None:
    """Refreshed while a check runs (after each account): the badge counts what the table and
    an export hold, and the entry the person is reading stays selected."""
    ctx = AppContext.create(vault=memory_vault)
    ctx.journal.record_change(None, "bea", Box.TRAINING, True, False, True)
    window = _window(qtbot, ctx)
    assert _verdict(qtbot, window) == "Journal intact — 1 entry"
    window.select_row(0)
    reading = window.model.entry_at(0)
    ctx.journal.record_check(None, AccountResult("cat", Status.OPTED_OUT))
    window.refresh()
    assert _verdict(qtbot, window) == "Journal intact — 2 entries"
    (row,) = {index.row() for index in window.table.selectionModel().selectedRows()}
    assert window.model.entry_at(row).id == reading.id and row == 1  # (the newest on top)
    assert "@bea" in window.detail_label.text()
    # During a check, accounts end one after another: the badge waits for them to pause.
    ctx.journal.record_check(None, AccountResult("dan", Status.OPTED_OUT))
    window.refresh(badge_delay_ms=300)
    assert window.model.rowCount() == 3
    assert window.verifying and window.badge.text() == "Checking the journal…"
    assert _verdict(qtbot, window) == "Journal intact — 3 entries"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_refused_password_has_one_name_and_a_filter_of_that_name(
    qtbot: QtBot, memory_vault: Vault, lang: str
) -> None:
    """The window's row says "Password refused": so do the journal's check and sign-in entries,
    and the outcome filter lists that name after "Sign-in failed", which covers it too (a check
    whose sign-in failed otherwise is under "Sign-in failed" only)."""
    ctx = AppContext.create(vault=memory_vault)
    run = ctx.journal.start_run("gui")
    ctx.journal.record_signin(run, "wanda", Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD)
    ctx.journal.record_check(
        run, AccountResult("wanda", Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD)
    )
    ctx.journal.record_check(run, AccountResult("lou", Status.SIGNIN_FAILED, Reason.LOCKED))
    ctx.journal.finish_run(run)
    translators = Translators()
    translators.switch(lang)
    try:
        window = _window(qtbot, ctx)
        refused, failed = {
            "en": ("Password refused", "Sign-in failed"),
            "fr": ("Mot de passe refusé", "Échec de la connexion"),
        }[lang]
        assert status_name(Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD) == refused
        _select(window.account_filter, "wanda")
        assert _column(window, window.model.DETAILS) == [refused, refused]  # check, sign-in
        _select(window.account_filter, None)
        combo = window.outcome_filter
        outcomes = [combo.itemText(i) for i in range(combo.count())]
        assert outcomes[outcomes.index(failed) + 1] == refused
        tip = combo.itemData(combo.findText(failed), Qt.ItemDataRole.ToolTipRole)
        assert refused in str(tip)
        combo.setCurrentIndex(combo.findText(refused))
        assert _column(window, window.model.ACCOUNT) == ["@wanda"]
        combo.setCurrentIndex(combo.findText(failed))
        assert sorted(_column(window, window.model.ACCOUNT)) == ["@lou", "@wanda"]
    finally:
        translators.switch("en")


def test_the_exports_wait_for_an_entry_to_export(qtbot: QtBot, memory_vault: Vault) -> None:
    """An empty journal (or filters that show nothing) has nothing to export: the three export
    buttons are greyed out until an entry is shown; "Check an export…" reads a file, and stays."""
    ctx = AppContext.create(vault=memory_vault)
    window = _window(qtbot, ctx)
    exports = (window.csv_button, window.json_button, window.bundle_button)
    assert window.model.rowCount() == 0
    assert [button.isEnabled() for button in exports] == [False, False, False]
    assert window.check_button.isEnabled()
    ctx.accounts.add(Account("alice"))
    ctx.journal.append_account_added("alice")
    window.refresh()
    assert [button.isEnabled() for button in exports] == [True, True, True]
    window.from_date.setDate(QDate.currentDate().addDays(1))  # nothing shown: nothing to export
    assert [button.isEnabled() for button in exports] == [False, False, False]
