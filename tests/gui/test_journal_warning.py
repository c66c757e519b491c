"""A damaged journal is said in the main window, not only by the journal window's badge, which a
person may never open: the app checks the journal in a thread once its window is up."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from pytestqt.qtbot import QtBot

from consentinel.core.events import AccountResult, BoxChange
from consentinel.core.french_typography import typeset
from consentinel.core.status import Box, Status
from tests.gui._app_support import add_account, make_context, running_app


def test_an_edited_journal_is_said_in_the_main_window_which_opens_it(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    ctx = make_context(consentinel_home)
    add_account(ctx, "alice", "pw-alice")
    run = ctx.journal.start_run("gui")
    ctx.journal.record_check(
        run, AccountResult("alice", Status.FIXED, settings={Box.TRAINING: BoxChange(True, False)})
    )
    ctx.journal.finish_run(run)
    # Someone rewrites history in the file: alice's check "found nothing on".
    with sqlite3.connect(ctx.paths.journal_path) as db:
        db.execute(
            "UPDATE entries SET payload = ? WHERE kind = 'check'",
            (json.dumps({"status": "opted_out"}),),
        )
    db.close()
    with running_app(qtbot, ctx) as app:
        window = app.window
        assert window.journal_warning is None  # nothing said before the check has run
        app._journal_timer.setInterval(3_600_000)  # (its own check, 3 s after the first frame)
        app.check_journal()  # as the app does a few seconds after its first frame
        qtbot.waitUntil(lambda: window.journal_warning is not None)
        warning = window.journal_warning
        assert warning is not None
        qtbot.waitUntil(warning.isVisible)
        assert warning.text().startswith("Journal damaged: entry ")
        assert "was edited" in warning.text()
        # A new language builds a new window: it still says it.
        app._rebuild_window()
        window = app.window
        warning = window.journal_warning
        assert warning is not None and warning.isVisibleTo(window)
        assert "was edited" in warning.text()
        # In French, the problem is said in French too, not in the words of the first check.
        ctx.settings.language = "fr"
        app._apply_language()
        window = app.window
        qtbot.waitUntil(lambda: "a été modifiée" in (window.journal_problem or ""))
        warning = window.journal_warning
        assert warning is not None and warning.isVisibleTo(window)
        assert warning.text().startswith(typeset("Journal endommagé : l'entrée "))
        assert "a été modifiée" in warning.text()
        warning.click()
        journal_window = window.journal_window
        assert journal_window is not None and journal_window.isVisible()


def test_an_intact_journal_says_nothing(qtbot: QtBot, consentinel_home: Path) -> None:
    ctx = make_context(consentinel_home)
    add_account(ctx, "alice", "pw-alice")
    with running_app(qtbot, ctx) as app:
        app.check_journal()
        verdicts = app.journal_verdicts
        assert verdicts is not None
        # The verdict is queued to this thread: it cannot arrive before the wait begins.
        with qtbot.waitSignal(verdicts.ready, timeout=10_000):
            pass
        assert app.window.journal_warning is None
