"""A journal set aside while the window was closed (a scheduled check could not read it) is
said when the window next opens, once, after its first frame: it was said only by the journal
window's tooltip and one row, and a month of record went out of view. A real `consentinel`
process sets the real SQLite file aside."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.gui._app_support import make_context, running_app
from tests.reliability.cli_support import cli_env, run_cli

SAID = {
    "en": "The journal started over on {when}: the one before it could not be read and is kept "
    "as {path}. Its record of earlier checks is in that file: keep it.",
    "fr": "Le journal a recommencé le {when}\u00a0: celui d'avant était illisible et est gardé "
    "sous {path}. Son historique des vérifications passées est dans ce fichier\u00a0: "
    "gardez-le.",
}


def _box(qtbot: QtBot) -> QMessageBox:
    qtbot.waitUntil(
        lambda: isinstance(QApplication.activeModalWidget(), QMessageBox), timeout=15_000
    )
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    return box


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_journal_set_aside_while_the_window_was_closed_is_said_once_at_the_next_open(
    qtbot: QtBot, consentinel_home: Path, language: str, tmp_path: Path
) -> None:
    from consentinel.gui.journal_model import local_time

    ctx = make_context(consentinel_home)
    ctx.journal.append_account_added("alice")
    with running_app(qtbot, ctx, language) as app:  # used before: window.json written at quit
        qtbot.waitUntil(lambda: app.window._painted)
    assert (ctx.paths.config_dir / "window.json").is_file()
    ctx.journal.close()
    with ctx.paths.journal_path.open("r+b") as damaged:
        damaged.write(os.urandom(4096))
    # A check in another process (no account listed: it ends there) opens it, sets it aside.
    run = run_cli(cli_env(dict(os.environ), consentinel_home), "check", "--dry-run", expect=2)
    (kept,) = ctx.paths.data_dir.glob("journal.sqlite3.corrupt-*")
    assert str(kept) in run.stderr

    ctx = make_context(consentinel_home)
    with running_app(qtbot, ctx, language) as app:
        box = _box(qtbot)
        (restart,) = ctx.journal.entries()
        said = SAID[language].replace("{when}", local_time(restart)).replace("{path}", str(kept))
        assert said in box.text(), box.text()
        assert box.grab().save(str(tmp_path / f"journal_restart_told_{language}.png"))
        box.accept()
    ctx.journal.close()

    ctx = make_context(consentinel_home)
    with running_app(qtbot, ctx, language) as app:
        app._say_journal_restarted()  # (what the journal's verdict after the first frame does)
        assert QApplication.activeModalWidget() is None  # said once
        assert not any(str(kept) in warning for warning in app._said_warnings)
    ctx.journal.close()


@pytest.mark.parametrize("window_json", ["upgraded", "deleted"])
def test_a_start_over_from_before_the_window_last_opened_is_not_told_again(
    qtbot: QtBot, consentinel_home: Path, window_json: str
) -> None:
    """The first open of a version that remembers what it told (window.json holds no
    start-over yet), or one after window.json was deleted: the journal's start-over of
    months ago was in the window already (an earlier version told it). It is remembered as
    seen, not announced again."""
    from consentinel.core.journal_entries import EntryKind
    from consentinel.gui.journal_restart_notice import TOLD_KEY

    ctx = make_context(consentinel_home)
    kept = "journal.sqlite3.corrupt-20260101T090000Z"
    ctx.journal.append(EntryKind.JOURNAL_RESTARTED, None, {"set_aside": kept, "why": "corrupt"})
    (restart,) = ctx.journal.entries(kinds=[EntryKind.JOURNAL_RESTARTED])
    memory_file = ctx.paths.config_dir / "window.json"
    if window_json == "upgraded":  # as the earlier version left it, closed after telling
        memory_file.parent.mkdir(parents=True, exist_ok=True)
        memory_file.write_text('{"accounts_sort": {"column": "handle", "descending": false}}\n')
        later = restart.at.timestamp() + 3600
        os.utime(memory_file, (later, later))
    with running_app(qtbot, ctx) as app:
        # (the journal's verdict after the first frame looks, and remembers it seen)
        qtbot.waitUntil(lambda: app.window.memory.kept(TOLD_KEY) == restart.ts, timeout=15_000)
        assert not any(kept in warning for warning in app._said_warnings)
        assert QApplication.activeModalWidget() is None
    ctx.journal.close()


def test_a_journal_deleted_during_a_check_is_never_said_kept(consentinel_home: Path) -> None:
    """The journal file deleted during a check: what was kept aside then is its head file at
    most (one hash), never "the one before it … is kept as …: keep it"."""
    from consentinel.core.journal_entries import Entry, EntryKind
    from consentinel.gui.journal_restart_notice import restart_words

    ctx = make_context(consentinel_home)
    for payload in (
        {"set_aside": "journal.head.deleted-20261206T120000Z", "why": "deleted"},
        {"why": "folder"},
    ):
        entry = Entry(
            1, "2026-12-06T12:00:00+00:00", None, EntryKind.JOURNAL_RESTARTED, None, payload, "", ""
        )
        words = restart_words(entry, ctx)
        assert "deleted during a check" in words, words
        assert "kept as" not in words and "could not be read" not in words, words
