"""The journal window's "Export with screenshots…" (one ZIP: the export, its screenshots, a
README) and "Check an export…" (a JSON export or such a ZIP, its verdict in the CLI's words)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from consentinel.cli.main import main
from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.events import AccountResult, BoxChange
from consentinel.core.evidence import sha256_hex
from consentinel.core.status import Box, Status
from consentinel.core.vault import Vault
from consentinel.gui.journal_window import JournalWindow
from consentinel.gui.translations import Translators
from tests.gui._exporting import exported

NBSP = "\u00a0"


def _two_clients(ctx: AppContext) -> None:
    """1 run_started; alice 2-4 and bob 5-7 (change, evidence, check); 8 run_finished."""
    ctx.paths.evidence_dir.mkdir(parents=True, exist_ok=True)
    run = ctx.journal.start_run("gui")
    for handle in ("alice", "bob"):
        ctx.accounts.add(Account(handle))
        shot = ctx.paths.evidence_dir / f"run1-{handle}-training.png"
        shot.write_bytes(b"\x89PNG the page of " + handle.encode())
        ctx.journal.record_change(run, handle, Box.TRAINING, True, False, True)
        ctx.journal.record_evidence(
            run, handle, shot.name, "training", sha256_hex(shot.read_bytes())
        )
        ctx.journal.record_check(
            run,
            AccountResult(
                handle, Status.FIXED, settings={Box.TRAINING: BoxChange(True, False)}, evidence=shot
            ),
        )
    ctx.journal.finish_run(run)


def _window(qtbot: QtBot, memory_vault: Vault) -> JournalWindow:
    ctx = AppContext.create(vault=memory_vault)
    _two_clients(ctx)
    window = JournalWindow(ctx)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.verifying)
    return window


def _checked(qtbot: QtBot, window: JournalWindow, path: Path) -> QMessageBox:
    window.export_checking.box = None
    window.export_checking.check(path)
    qtbot.waitUntil(lambda: window.export_checking.box is not None)
    box = window.export_checking.box
    assert box is not None and box.isVisible()
    qtbot.addWidget(box)
    return box


def test_the_window_exports_the_accounts_it_shows_with_their_screenshots(
    qtbot: QtBot, memory_vault: Vault, tmp_path: Path
) -> None:
    window = _window(qtbot, memory_vault)
    ctx = window._ctx
    window.account_filter.setCurrentIndex(window.account_filter.findData("alice"))
    assert window.suggested_export_path("zip").name.startswith("consentinel-journal-alice-")
    bundle = tmp_path / "alice.zip"
    assert exported(qtbot, window, bundle, "zip") == 3
    assert window.export_label.text().splitlines() == [
        f"3 entries written to {bundle}",
        "With 1 screenshot.",
        "The file holds the entries the filters show, not the whole journal.",
    ]
    assert bundle.stat().st_mode & 0o777 == 0o600
    with zipfile.ZipFile(bundle) as opened:
        names = sorted(opened.namelist())
        document = json.loads(opened.read("journal.json"))
    assert names == ["README.txt", "evidence/run1-alice-training.png", "journal.json"]
    assert {e["handle"] for e in document["entries"]} == {"alice"}

    # Bob's screenshot gone: the journal is damaged, and the whole journal's bundle lacks it.
    (ctx.paths.evidence_dir / "run1-bob-training.png").unlink()
    window.account_filter.setCurrentIndex(0)
    translators = Translators()
    translators.switch("fr")
    try:
        assert exported(qtbot, window, tmp_path / "all.zip", "zip") == 8
        assert window.export_label.text().splitlines() == [
            f"8 entrées écrites dans {tmp_path / 'all.zip'}",
            "Avec 1 capture d'écran.",
            f"Les captures d'écran n'y sont pas toutes telles qu'elles ont été prises (son README "
            f"le dit aussi){NBSP}: la capture d'écran de l'entrée 6 (run1-bob-training.png) est "
            "introuvable.",
            f"Le journal ne se vérifie pas{NBSP}: la capture d'écran de l'entrée 6 "
            "(run1-bob-training.png) est introuvable. Le fichier le dit, avec chaque problème "
            "trouvé.",
        ]
        french = JournalWindow(ctx)  # (an open window is made again in the new language)
        qtbot.addWidget(french)
        assert french.bundle_button.text() == "Exporter avec les ca&ptures…"
        assert french.check_button.text() == "&Vérifier un export…"
        qtbot.waitUntil(lambda: not french.verifying)
    finally:
        translators.switch("en")


def test_checking_an_export_says_the_cli_s_verdict(
    qtbot: QtBot,
    memory_vault: Vault,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = _window(qtbot, memory_vault)
    bundle = tmp_path / "all.zip"
    exported(qtbot, window, bundle, "zip")
    # Picked in a file dialog that offers JSON exports and bundles.
    asked: list[str] = []

    def open_dialog(_parent: object, _title: str, folder: str, filters: str) -> tuple[str, str]:
        asked.append(filters)  # (the system's file dialog cannot be answered here)
        return str(bundle), filters

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_dialog))
    window.check_button.click()
    qtbot.waitUntil(lambda: window.export_checking.box is not None)
    assert asked == ["Journal exports (*.json *.zip)"]
    box = window.export_checking.box
    assert box is not None
    qtbot.addWidget(box)
    assert box.icon() == QMessageBox.Icon.Information
    assert main(["log", "--check-export", str(bundle)]) == 0
    cli = capsys.readouterr().out.splitlines()
    assert box.text() == cli[0]
    assert box.informativeText() == f"{bundle}\n\n{cli[1]}"
    assert "The 2 screenshots it names are in" in cli[1]

    # A JSON export edited: a warning, with each problem as the CLI lists them; in French too.
    export = tmp_path / "edited.json"
    exported(qtbot, window, export, "json")
    document = json.loads(export.read_text(encoding="utf-8"))
    document["entries"][1]["payload"]["confirmed"] = False
    export.write_text(json.dumps(document), encoding="utf-8")
    box = _checked(qtbot, window, export)
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.text() == "The export does not check out: 2 problems."
    assert box.informativeText().splitlines()[2:] == [
        "  - the file says the journal verified when it was exported, but its entries do not "
        "check out: the file was edited after it was written.",
        "  - entry 2 was edited: it no longer matches its hash.",
    ]
    translators = Translators()
    translators.switch("fr")
    try:
        box = _checked(qtbot, window, export)
        assert box.text() == f"L'export ne se vérifie pas{NBSP}: 2 problèmes."
        assert box.windowTitle() == "Vérifier un export"
        not_one = tmp_path / "notes.json"
        not_one.write_text("{}", encoding="utf-8")
        box = _checked(qtbot, window, not_one)
        assert box.text().startswith(f"{not_one} n'est pas un export du journal{NBSP}:")
    finally:
        translators.switch("en")
