"""Words a first-time user met and misread (docs: the s38 first-run review): where to find the
email X asks to confirm, what a box X keeps on without showing it means, that automatic checks
stop with the window when nothing runs them while it is closed, journal dates in the window's
language, the status bar's message kept apart from the schedule's words."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from consentinel.core.check_messages import reason_message
from consentinel.core.events import AccountResult, BoxChange, RunResult
from consentinel.core.journal_entries import Entry, EntryKind
from consentinel.core.settings import ScheduleChoice
from consentinel.core.status import Box, Reason, Status
from consentinel.core.steps import Step
from consentinel.core.vault import Vault
from consentinel.gui.dialog_words import step_name
from consentinel.gui.journal_model import local_time, row_words
from consentinel.gui.row_hints import window_advice
from consentinel.gui.settings_dialog import SettingsDialog
from consentinel.gui.translations import Translators
from tests.gui._app_support import add_account, make_context, running_app

NBSP = "\u00a0"


def test_confirming_the_email_says_where_x_shows_it(qapp: QApplication) -> None:
    translators = Translators()
    advice = window_advice(
        Reason.UNUSUAL_ACTIVITY, reason_message(Reason.UNUSUAL_ACTIVITY, "claire"), "claire"
    )
    assert "“Edit account…”" in advice
    assert "Settings and privacy › Your account › Account information." in advice
    assert "Settings and privacy › Your account › Account information." in reason_message(
        Reason.UNUSUAL_ACTIVITY, "claire"
    )
    translators.switch("fr")
    try:
        advice = window_advice(
            Reason.UNUSUAL_ACTIVITY, reason_message(Reason.UNUSUAL_ACTIVITY, "claire"), "claire"
        )
        assert (
            "Paramètres et confidentialité › Votre compte › Informations sur le compte." in advice
        ), advice
        assert "Informations sur le compte." in reason_message(Reason.UNUSUAL_ACTIVITY, "claire")
        # (And the step a check waits at, in plain French: another account's sign-in.)
        assert step_name(Step.WAITING_TO_SIGN_IN) == "En attente d'une autre connexion…"
    finally:
        translators.switch("en")


def test_an_account_waiting_its_turn_to_sign_in_says_it_waits_for_another_sign_in(
    qapp: QApplication,
) -> None:
    """ "Waiting to sign in…" read as a wait for the person, beside "Waiting for your code…":
    it waits while another account signs in (as the command line says)."""
    translators = Translators()
    assert step_name(Step.WAITING_TO_SIGN_IN) == "Waiting for another sign-in…"
    translators.switch("fr")
    try:
        assert step_name(Step.WAITING_TO_SIGN_IN) == "En attente d'une autre connexion…"
    finally:
        translators.switch("en")


def test_the_window_s_advice_keeps_what_a_check_that_ended_midway_said_around_it(
    qapp: QApplication, consentinel_home: Path
) -> None:
    """A check that could not go on after X ended the session mid-untick: the window says its
    own advice instead of the command line's, and still the box it had unticked before and the
    one X may have switched off (core/account_check `midway`), whatever the reason's sentence
    (a session lost, a refusal held since a moment)."""
    from datetime import datetime, timezone

    from consentinel.core.check_messages import (
        held_message,
        session_lost_message,
        stopped_while_unticking_message,
        success_message,
    )
    from consentinel.core.events import Midway
    from consentinel.gui.account_rows import rows_for
    from consentinel.gui.row_hints import status_hint

    since = datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)
    translators = Translators()
    for language in ("en", "fr"):
        translators.switch(language)
        try:
            cut = stopped_while_unticking_message(Box.PERSONALIZATION)
            done = success_message(Status.FIXED, [Box.TRAINING], [])
            for reason, middle in (
                (Reason.SESSION_EXPIRED, reason_message(Reason.SESSION_EXPIRED, "lev")),
                (Reason.SESSION_EXPIRED, session_lost_message("lev")),
                (Reason.WRONG_PASSWORD, held_message(Reason.WRONG_PASSWORD, "lev", since)),
            ):
                said = f"{done} {middle} {cut}"
                advice = window_advice(reason, said, "lev", (done, cut))
                alone = window_advice(reason, middle, "lev")
                assert "`consentinel" in middle and "`consentinel" not in alone, alone
                assert advice == f"{done} {alone} {cut}", advice
        finally:
            translators.switch("en")
    # The row of such a check, from the journal: the same, its parts found from the entry.
    cut = stopped_while_unticking_message(Box.PERSONALIZATION)
    done = success_message(Status.FIXED, [Box.TRAINING], [])
    ctx = make_context(consentinel_home)
    add_account(ctx, "lev", "pw")
    run = ctx.journal.start_run("manual")
    message = f"{done} {reason_message(Reason.SESSION_EXPIRED, 'lev')} {cut}"
    boxes = {Box.TRAINING: BoxChange(True, False), Box.PERSONALIZATION: BoxChange(True, None)}
    ctx.journal.record_check(
        run,
        AccountResult(
            "lev",
            Status.NEEDS_USER,
            Reason.SESSION_EXPIRED,
            settings=boxes,
            message=message,
            midway=Midway(Box.PERSONALIZATION),
        ),
    )
    (row,) = rows_for(ctx)
    hint = status_hint(row, datetime.now(timezone.utc))
    assert hint.startswith(done + " ") and hint.endswith(" " + cut), hint
    assert "`consentinel" not in hint and "Sign in yourself" in hint, hint


def _hidden_memory(handle: str) -> AccountResult:
    off = BoxChange(True, False)
    return AccountResult(
        handle,
        Status.FIXED,
        settings={Box.TRAINING: off, Box.PERSONALIZATION: off},
        hidden_on=(Box.MEMORY,),
    )


def test_a_box_x_keeps_on_without_showing_it_is_said_with_what_follows(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    run = RunResult(1, (_hidden_memory("claire_ong"),))
    with running_app(qtbot, make_context(consentinel_home), language="fr") as app:
        text = app.window.summary(run)
    assert text == (
        "Le compte est vérifié, mais toutes les cases ne sont pas décochées. "
        f"X garde la case Mémoire cochée pour @claire_ong sans l'afficher sur sa page{NBSP}: "
        "elle ne peut pas être décochée pour l'instant. Consentinel la décochera dès que X "
        "l'affichera."
    ), text


def _with_schedule(home: Path) -> object:
    ctx = make_context(home)
    ctx.settings.schedule = ScheduleChoice.EVERY_6H.value
    add_account(ctx, "claire_ong")
    return ctx


def test_next_check_says_while_open_when_nothing_checks_once_closed(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    ctx = _with_schedule(consentinel_home)
    for language, open_only in (
        ("en", " (while Consentinel is open)"),
        ("fr", " (tant que Consentinel est ouvert)"),
    ):
        ctx.settings.run_when_closed = ctx.settings.start_at_login = False  # type: ignore[attr-defined]
        with running_app(qtbot, ctx, language=language) as app:  # type: ignore[arg-type]
            window = app.window
            window.refresh()
            assert window.schedule_label.text().endswith(open_only), window.schedule_label.text()
            ctx.settings.start_at_login = True  # type: ignore[attr-defined]
            window.refresh()
            assert not window.schedule_label.text().endswith(")"), window.schedule_label.text()
            ctx.settings.start_at_login = False  # type: ignore[attr-defined]
            ctx.settings.run_when_closed = True  # type: ignore[attr-defined]
            window.refresh()
            assert not window.schedule_label.text().endswith(")"), window.schedule_label.text()


def test_the_settings_say_checks_stop_with_the_window_when_neither_option_is_on(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    ctx = _with_schedule(consentinel_home)
    dialog = SettingsDialog(ctx, tray=True)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    note = dialog.open_only_note
    assert note.isVisible() and "only while Consentinel is open" in note.text()
    dialog.start_at_login.setChecked(True)
    assert not note.isVisible()
    dialog.start_at_login.setChecked(False)
    dialog.run_when_closed.setChecked(True)
    assert not note.isVisible()
    dialog.run_when_closed.setChecked(False)
    assert note.isVisible()
    dialog.schedule_combo.setCurrentIndex(dialog.schedule_combo.findData("off"))
    assert not note.isVisible()  # no automatic check to speak of


def test_the_settings_name_the_two_options_and_say_why_the_others_are_greyed(
    qtbot: QtBot, consentinel_home: Path, real_vault: Vault
) -> None:
    # A real keyring: the demo's greys "Keep checking when closed" for a reason of its own.
    ctx = make_context(consentinel_home, vault=real_vault)
    ctx.settings.schedule = ScheduleChoice.DAILY.value
    translators = Translators()
    try:
        for language, first, named in (
            (
                "en",
                "Choose how often to check first.",
                ("“Keep checking when Consentinel is closed”", "“Start Consentinel at login”"),
            ),
            (
                "fr",
                "Choisissez d'abord la fréquence des vérifications.",
                (
                    "«\u00a0Continuer à vérifier quand Consentinel est fermé\u00a0»",
                    "«\u00a0Lancer Consentinel à l'ouverture de session\u00a0»",
                ),
            ),
        ):
            translators.switch(language)
            dialog = SettingsDialog(ctx, tray=False)
            qtbot.addWidget(dialog)
            dialog.show()
            # Under four boxes, "these two" left the reader guessing which: they are named.
            for name in named:
                assert name in dialog.open_only_note.text(), dialog.open_only_note.text()
            assert dialog.check_on_start.toolTip() == ""
            dialog.schedule_combo.setCurrentIndex(dialog.schedule_combo.findData("off"))
            for greyed in (dialog.check_on_start, dialog.run_when_closed):
                assert not greyed.isEnabled()
                assert greyed.toolTip() == first
            dialog.schedule_combo.setCurrentIndex(dialog.schedule_combo.findData("daily"))
            assert dialog.check_on_start.isEnabled() and dialog.check_on_start.toolTip() == ""
            dialog.close()
    finally:
        translators.switch("en")


def test_journal_times_in_the_windows_language_and_iso_in_exports(qapp: QApplication) -> None:
    entry = Entry(1, "2026-12-05T22:42:34+00:00", 1, EntryKind.CHECK, "a", {}, "", "")
    translators = Translators()
    try:
        assert re.fullmatch(r"5 Dec 2026 \d{1,2}:42:34\s?[AP]M", local_time(entry)), local_time(
            entry
        )
        translators.switch("fr")
        shown = local_time(entry)
        assert re.fullmatch(r"[56] déc\. 2026 \d\d:42:34", shown), shown
        # The CSV's readable columns keep ISO whatever the language: a spreadsheet sorts them.
        # With its offset from UTC: the same local time twice a year, and other time zones.
        iso = row_words(entry)[0]
        assert re.fullmatch(r"2026-12-0[56] \d\d:42:34 [+-]\d\d:\d\d", iso), iso
    finally:
        translators.switch("en")


def test_the_status_bars_message_is_kept_apart_from_the_schedule(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    with running_app(qtbot, make_context(consentinel_home)) as app:
        window = app.window
        window.statusBar().showMessage("@claire_ong added. Choose “Check selected”.")
        line = window.schedule_separator
        assert line.isVisible() and line.frameShape() == line.Shape.VLine
        label = window.schedule_label
        assert line.geometry().right() <= label.geometry().left()
        assert line.geometry().width() > 0


def test_the_journal_window_says_a_notification_that_could_not_be_shown(
    qapp: QApplication, consentinel_home: Path
) -> None:
    """A notification no notifier showed reads "not shown" in the journal window, as in
    `consentinel log`: the person was not told then. One shown reads as it was sent, and one
    sent in another language is said by what it was about, in the window's."""
    ctx = make_context(consentinel_home)
    run = ctx.journal.start_run("schedule")
    sent = "X switched Training back on for @ann; Consentinel switched it off again."
    shown = ctx.journal.record_notification(run, "ann", "reverted_by_x", sent, True)
    missed = ctx.journal.record_notification(run, "ann", "reverted_by_x", sent, False)
    assert row_words(shown)[3] == sent
    assert row_words(missed)[3] == f"{sent} (not shown: no notifier answered)"
    translators = Translators()
    translators.switch("fr")
    try:
        words = row_words(missed)[3]
    finally:
        translators.switch("en")
    assert words == (
        "X a réactivé une case\u00a0; elle a été désactivée à nouveau (non affichée\u00a0: aucun "
        "service de notification n'a répondu)"
    ), words
