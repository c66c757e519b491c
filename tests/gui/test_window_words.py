"""What the main window says after a check: counts in words, boxes X had switched back on, and
the status tooltips' advice in the window's own terms (its menu items, not CLI commands)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from consentinel.core.accounts import Account, AccountState
from consentinel.core.check_messages import rate_limited_message, reason_message
from consentinel.core.events import AccountResult, BoxChange, PromptRequest, RunResult
from consentinel.core.status import Box, Reason, Status
from consentinel.core.steps import PromptKind
from consentinel.gui.account_rows import AccountRow
from consentinel.gui.row_hints import status_hint
from consentinel.gui.time_words import local_text
from tests.gui._app_support import add_account, make_context, running_app

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=timezone.utc)


def _result(handle: str, status: Status, reverted: tuple[Box, ...] = ()) -> AccountResult:
    settings = {Box.TRAINING: BoxChange(True, False)} if status is Status.FIXED else {}
    return AccountResult(handle, status, settings=settings, reverted_by_x=reverted)


def _run(*accounts: AccountResult) -> RunResult:
    return RunResult(run_id=1, accounts=accounts)


def test_the_summary_counts_in_words_and_names_what_x_switched_back_on(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    with running_app(qtbot, make_context(consentinel_home)) as app:
        summary = app.window.summary
        assert summary(_run(_result("a", Status.OPTED_OUT))) == (
            "The account was checked: every box you chose is off."
        )
        three = [_result(h, Status.OPTED_OUT) for h in ("a", "b", "c")]
        assert summary(_run(*three)).startswith("All 3 accounts checked:")
        partial = summary(_run(*three[:2], _result("c", Status.NEEDS_USER)))
        assert partial == (
            "Checked 3 accounts: 2 off, 1 needs you (@c: Needs you). Select it to read why."
        )
        assert "(s)" not in partial
        assert "Select or hover the status" in summary(_run(_result("c", Status.ERROR)))

        flipped = summary(_run(_result("flipper", Status.FIXED, (Box.TRAINING,)), three[0]))
        assert flipped == (
            "All 2 accounts checked: every box you chose is off. X had switched a box back "
            "on: @flipper (Training). It is off again."
        )
        # X keeps a box on without showing it: not "every box you chose is off", nor an
        # account the person can do anything for ("needs a look"): X's doing, said apart.
        hidden = AccountResult("camille", Status.FIXED, hidden_on=(Box.MEMORY,))
        assert summary(_run(hidden, three[0])) == (
            "All 2 accounts checked: every box X's page shows is off. X keeps Memory on for "
            "@camille without showing it on its page: it cannot be switched off for now. "
            "Consentinel will switch it off as soon as X shows it."
        )
        assert summary(_run(hidden)) == (
            "The account was checked, but not every box is off. X keeps Memory on for @camille "
            "without showing it on its page: it cannot be switched off for now. Consentinel "
            "will switch it off as soon as X shows it."
        )
        # Those whose check did not end are named, alone.
        partial_hidden = summary(_run(hidden, three[0], _result("c", Status.NEEDS_USER)))
        assert partial_hidden.startswith(
            "Checked 3 accounts: 1 off, 1 needs you (@c: Needs you). Select it to read why. "
            "X keeps Memory on for @camille "
        ), partial_hidden
        # An account removed during its check (another process) is none of the person's now.
        gone = AccountResult("gone", Status.ERROR, Reason.CANCELLED, removed=True)
        assert summary(_run(three[0], gone)) == (
            "The account was checked: every box you chose is off."
        )
        assert summary(_run(gone)) == ""


def test_one_cause_on_this_computer_is_named_in_the_summary(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """No browser, the keyring, the network: the same cause for every account not done is said
    once, in the window's words, rather than "hover a status" on each row; when it is every
    account's, by the line above the summary, which the row selected shows."""
    missing = reason_message(Reason.BROWSER_MISSING, "")  # sends the person to the CLI
    no_browser = [
        AccountResult(h, Status.ERROR, Reason.BROWSER_MISSING, message=missing) for h in "ab"
    ]
    no_keyring = AccountResult("c", Status.ERROR, Reason.KEYRING_UNAVAILABLE, message="Keyring.")
    with running_app(qtbot, make_context(consentinel_home)) as app:
        summary = app.window.summary
        assert summary(_run(*no_browser)) == "No account could be checked."
        # (The cause is said by the line above, which the selected row shows: see
        # test_summary_tally's account X could not be reached for.)
        assert summary(_run(no_keyring)) == "@c could not be checked."
        done = _result("d", Status.OPTED_OUT)
        assert summary(_run(done, no_keyring)) == (
            "1 of 2 accounts could not be checked (@c): keyring."
        )
        # Causes that differ, or one only the account has (X's puzzle): each row says its own.
        mixed = summary(_run(no_browser[0], no_keyring))
        assert mixed == (
            "Neither account could be checked (@a: Error; @c: Error; tried again at the next "
            "check). Select one to read why."
        )
        captcha = AccountResult("e", Status.NEEDS_USER, Reason.CAPTCHA)
        assert "Select one to read why." in summary(
            _run(captcha, AccountResult("f", Status.NEEDS_USER, Reason.CAPTCHA))
        )


def test_in_french_the_summary_sets_a_space_before_each_semicolon(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """French puts a (non-breaking) space before « ; » as before « : »; the list of accounts
    was joined with an English "; "."""
    with running_app(qtbot, make_context(consentinel_home), language="fr") as app:
        hidden = [
            AccountResult("camille", Status.FIXED, hidden_on=(Box.MEMORY,)),
            AccountResult("flo", Status.FIXED, hidden_on=(Box.PERSONALIZATION, Box.MEMORY)),
        ]
        text = app.window.summary(_run(*hidden))
        assert "@camille (Mémoire)\u00a0; @flo (Personnalisation, Mémoire)" in text, text
        assert "page\u00a0: @camille" in text
        assert "pour l'instant\u00a0; Consentinel" in text


def _agency_check() -> RunResult:
    """An agency's 25 accounts as its review found them: a wrong password and a changed page,
    a box X had switched back on, and Memory on at X, not shown, on the 23 others."""
    accounts = []
    for i in range(25):
        handle = f"client_{i:02d}"
        if i == 2:
            accounts.append(
                AccountResult("maison_dupont", Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD)
            )
        elif i == 4:
            accounts.append(AccountResult("atelier_rive", Status.ERROR, Reason.PAGE_CHANGED))
        else:
            reverted = (Box.TRAINING,) if i == 3 else ()
            status = Status.FIXED if reverted else Status.OPTED_OUT
            accounts.append(
                AccountResult(handle, status, reverted_by_x=reverted, hidden_on=(Box.MEMORY,))
            )
    return _run(*accounts)


def test_after_checking_many_accounts_the_summary_names_those_not_done_in_two_lines(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """Checking 25 accounts, the summary listed the 23 healthy ones in six lines (half the
    table out of a 980×560 window) and never named the 2 not done."""
    ctx = make_context(consentinel_home)
    for i in range(25):
        add_account(ctx, f"client_{i:02d}")
    result = _agency_check()
    for language in ("en", "fr"):
        with running_app(qtbot, ctx, language=language) as app:
            window = app.window
            window.resize(980, 560)
            for account in result.accounts:  # as a check's accounts end, one by one
                window._account_finished(account)
            window._run_finished(result, "gui")
            # In French the window widens to its table's longer words (1092 pixels here), as
            # _fit_the_table does on any screen wider than this test's offscreen one.
            missing = window.table.natural_width() - window.table.width()
            window.resize(window.width() + max(missing, 0), 560)
            label = window.result_label
            qtbot.waitUntil(
                lambda shown=label: shown.height() >= shown.heightForWidth(shown.width())
            )
            text = label.text()
            # The two not done come first, named, with their status as their rows say it.
            if language == "en":
                # Those where X keeps Memory on unseen are not among them: counted apart.
                assert text.startswith(
                    "Checked 25 accounts: 1 needs you (@maison_dupont: Password refused), 1 "
                    "could not be checked (@atelier_rive: Page changed; tried again at the next "
                    "check). Select one to read why. X had "
                ), text
                assert text.endswith(
                    "X hides Memory, still on, on 23 accounts: it is switched off once X shows it."
                ), text
            else:
                assert text.startswith(
                    "25 comptes vérifiés\u00a0: 1 a besoin de vous (@maison_dupont\u00a0: Mot "
                    "de passe refusé), 1 n'a pas pu être vérifié (@atelier_rive\u00a0: Page "
                    "modifiée\u00a0; nouvel essai à la prochaine vérification). Sélectionnez-en "
                    "un pour savoir pourquoi."
                ), text
            assert "@client_03 (" in text  # what X had switched back on is still named
            assert text.count("@") == 3  # not the 23 healthy ones, one by one
            lines = label.height() / label.fontMetrics().lineSpacing()
            assert lines <= 2.5, (language, window.width(), lines, text)


def test_long_lists_name_a_few_and_count_the_others(qtbot: QtBot, consentinel_home: Path) -> None:
    failed = [AccountResult(f"f{i}", Status.NEEDS_USER, Reason.TWO_FACTOR) for i in range(5)]
    flipped = [
        AccountResult(f"r{i}", Status.FIXED, reverted_by_x=(Box.TRAINING,)) for i in range(4)
    ]
    two_boxes = [
        AccountResult(f"h{i}", Status.OPTED_OUT, hidden_on=(Box.PERSONALIZATION, Box.MEMORY))
        for i in range(4)
    ]
    with running_app(qtbot, make_context(consentinel_home)) as app:
        summary = app.window.summary
        # More than three of a kind are counted, not named (the table sorts them first).
        assert summary(_run(*failed, *flipped, *two_boxes)) == (
            "Checked 13 accounts: 4 off, 5 need you. Select one to read why. X had switched "
            "boxes back on: @r0 (Training); @r1 (Training) and 2 others. They are off again. X "
            "keeps some boxes (Personalization, Memory) on for 4 accounts without showing them: "
            "Consentinel will switch them off once X shows them."
        )
        many = [AccountResult(f"m{i}", Status.NEEDS_USER, Reason.CAPTCHA) for i in range(10)]
        assert summary(_run(*many)) == "Checked 10 accounts: all need you. Select one to read why."
        # Three are named, all of them, with their rows' words.
        assert summary(_run(*failed[:3], flipped[0])) == (
            "Checked 4 accounts: 1 off, 3 need you (@f0: 2FA code needed; @f1: 2FA code "
            "needed; @f2: 2FA code needed). Select one to read why. X had switched a box back "
            "on: @r0 (Training). It is off again."
        )
    with running_app(qtbot, make_context(consentinel_home), language="fr") as app:
        assert app.window.summary(_run(*failed[:4], flipped[0])) == (
            "5 comptes vérifiés\u00a0: 1 décoché, 4 ont besoin de vous. Sélectionnez-en un "
            "pour savoir pourquoi. Case recochée par X, de nouveau décochée\u00a0: @r0 "
            "(Entraînement)."
        )


def _row(reason: Reason, message: str, blocked_until: datetime | None = None) -> AccountRow:
    state = AccountState(blocked_until=blocked_until, block_reason=reason)
    status = Status.NEEDS_USER
    return AccountRow(Account("alice"), state, status, reason, message=message)


def test_status_tooltips_name_the_windows_menu_items_not_cli_commands(qtbot: QtBot) -> None:
    for reason in (Reason.TWO_FACTOR, Reason.CAPTCHA, Reason.WRONG_PASSWORD):
        cli = reason_message(reason, "alice")
        assert "`consentinel " in cli  # what the journal keeps, and the CLI prints
        hint = status_hint(_row(reason, cli), NOW)
        assert "consentinel " not in hint and "“" in hint, hint
    assert "“Edit account…”" in status_hint(
        _row(Reason.WRONG_PASSWORD, reason_message(Reason.WRONG_PASSWORD, "alice")), NOW
    )

    # A sentence with nothing to run is shown as the check wrote it; a changed page's, with
    # what to do until Consentinel knows X's new page (test_row_advice_page_changed).
    changed = reason_message(Reason.PAGE_CHANGED, "alice", "no training box")
    assert status_hint(_row(Reason.PAGE_CHANGED, changed), NOW).startswith(changed + " ")
    # X not knowing the account: the command line's sentence names the commands that remove
    # and add it, as its other sentences do; the window says it without them.
    unknown = reason_message(Reason.UNKNOWN_ACCOUNT, "alice")
    assert "`consentinel account remove alice`" in unknown, unknown
    hint = status_hint(_row(Reason.UNKNOWN_ACCOUNT, unknown), NOW)
    assert "consentinel " not in hint and "remove the account and add it again" in hint, hint

    # While X's refusal holds, the tooltip says until when.
    later = NOW + timedelta(hours=5)
    blocked = status_hint(_row(Reason.REFUSED, "… run `consentinel login alice` …", later), NOW)
    assert "No automatic sign-in before" in blocked

    # X's "slow down": its time written as every other time in the window, not as the
    # command line's sentence writes it (4 Dec 2026 18:06).
    slow = rate_limited_message("alice", later)
    hint = status_hint(_row(Reason.RATE_LIMITED, slow, later), NOW)
    assert hint.endswith(f"before {local_text(later)}."), hint
    assert later.astimezone().strftime("%Y-%m-%d") not in hint
    over = status_hint(_row(Reason.RATE_LIMITED, slow, NOW - timedelta(hours=1)), NOW)
    assert "the next check tries again" in over


@pytest.mark.parametrize(
    ("kind", "again"),
    [
        (
            PromptKind.TWO_FACTOR_CODE,
            "X refused the two-factor code typed. Another wrong code may get X to lock the "
            "account.",
        ),
        # The code X sent by email or SMS: refused, and one more wrong may lock, as at 2FA.
        (
            PromptKind.EMAIL_CODE,
            "X refused the code typed from its email or text message. Another wrong code may "
            "get X to lock the account.",
        ),
        (PromptKind.EMAIL_OR_PHONE, "X did not accept the previous answer. Try again."),
    ],
)
def test_a_question_asked_again_in_a_check_says_the_first_answer_was_refused(
    qtbot: QtBot,
    consentinel_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    kind: PromptKind,
    again: str,
) -> None:
    with running_app(qtbot, make_context(consentinel_home)) as app:
        window = app.window
        monkeypatch.setattr(app.runner, "answer", lambda _answer: None)
        request = PromptRequest("alice", kind, "")
        shown = []
        for _ in range(2):
            window._prompt(request)
            dialog = window.open_prompt
            assert dialog is not None
            shown.append(dialog.error.isVisibleTo(dialog) and dialog.error.text())
            dialog.reject()
        assert shown == [False, again]
        window._run_started(2, ("alice",))  # a new check asks afresh
        window._prompt(request)
        assert window.open_prompt is not None
        assert not window.open_prompt.error.isVisibleTo(window.open_prompt)
        window.open_prompt.reject()


@pytest.mark.parametrize(
    ("language", "said"),
    [
        (
            "en",
            "X refused the code made from the saved 2FA secret. Another wrong code may get X to "
            "lock the account.",
        ),
        (
            "fr",
            "X a refusé le code produit par le secret 2FA enregistré. Un code faux de plus "
            "pourrait amener X à verrouiller le compte.",
        ),
    ],
)
def test_the_first_code_asked_after_x_refused_the_saved_secret_s_says_so(
    qtbot: QtBot,
    consentinel_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    said: str,
) -> None:
    """Asked for a code just after X refused the one made from the saved 2FA secret (the
    check's first question): the person reads that it was refused, and that another wrong code
    may get X to lock the account, before typing one."""
    with running_app(qtbot, make_context(consentinel_home), language=language) as app:
        window = app.window
        monkeypatch.setattr(app.runner, "answer", lambda _answer: None)
        window._prompt(PromptRequest("alice", PromptKind.TWO_FACTOR_CODE, saved_code_refused=True))
        dialog = window.open_prompt
        assert dialog is not None
        assert dialog.error.isVisibleTo(dialog) and dialog.error.text() == said
        assert (
            QAccessible.queryAccessibleInterface(dialog.edit).text(QAccessible.Text.Description)
            == said
        )
        dialog.reject()


def test_no_empty_summary_line_before_the_first_check(qtbot: QtBot, consentinel_home: Path) -> None:
    ctx = make_context(consentinel_home)
    add_account(ctx, "a")  # the accounts page, not the first-run one
    with running_app(qtbot, ctx) as app:
        window = app.window
        assert window.table.isVisibleTo(window)
        assert not window.result_label.isVisibleTo(window)  # no empty band under the table
        window._run_finished(_run(_result("a", Status.OPTED_OUT)), "gui")
        assert window.result_label.isVisibleTo(window)
        assert window.result_label.text().startswith("The account was checked")
        # A screen reader reads the summary itself, not a fixed "Last check".
        line = QAccessible.queryAccessibleInterface(window.result_label)
        assert line.text(QAccessible.Text.Name) == window.result_label.text()
        assert line.text(QAccessible.Text.Description) == "Last check"


def test_a_date_reads_the_same_in_every_english_speaking_country() -> None:
    from datetime import datetime, timezone

    from PySide6.QtCore import QLocale

    from consentinel.gui.time_words import local_text

    when = datetime(2026, 12, 2, 13, 58, tzinfo=timezone.utc).astimezone()
    before = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        english = local_text(when)
        QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
        french = local_text(when)
    finally:
        QLocale.setDefault(before)
    day = when.strftime("%-d")
    assert english.startswith(f"{day} Dec 2026 "), english  # not "12/2/26"
    assert french.startswith(f"{day} déc. 2026 "), french


def test_the_selected_rows_advice_is_shown_whole_under_the_table(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """The advice of a row reached by keyboard or click is shown under the table, wrapped
    whole: the status bar, one line shared with the next check's time, cut the French off
    before its way out ("Modifier le compte…")."""
    ctx = make_context(consentinel_home)
    add_account(ctx, "alice", "pw")
    add_account(ctx, "lou", "pw")
    run = ctx.journal.start_run("manual")
    fixed = AccountResult(
        "alice",
        Status.FIXED,
        settings={Box.TRAINING: BoxChange(True, False)},
        message="Unticked and read back off: Training.",
    )
    ctx.journal.record_check(run, fixed)
    wrong = reason_message(Reason.WRONG_PASSWORD, "lou")
    ctx.journal.record_check(
        run, AccountResult("lou", Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD, message=wrong)
    )
    ctx.journal.finish_run(run)
    with running_app(qtbot, ctx, language="fr") as app:
        window = app.window
        advice = window.row_advice
        window.table.setCurrentCell(window.table.row_of("alice") or 0, 0)
        window._account_finished(fixed)  # as a check in this window ends: its own sentence
        window.table.setCurrentCell(window.table.row_of("alice") or 0, 0)
        # All off: nothing to do (its check's sentence stays in its tooltip): no band.
        assert window.table.current_status_hint() == "Unticked and read back off: Training."
        assert not advice.isVisibleTo(window)
        window.table.setCurrentCell(window.table.row_of("lou") or 0, 0)
        assert advice.isVisibleTo(window)
        assert advice.text() == window.table.current_status_hint()
        # Heard by its words, not a fixed "Que faire pour le compte sélectionné".
        line = QAccessible.queryAccessibleInterface(advice)
        assert line.text(QAccessible.Text.Name) == advice.text()
        assert line.text(QAccessible.Text.Description) == "Que faire pour le compte sélectionné"
        # (Non-breaking spaces inside the quotes: "»." never starts a line on its own.)
        assert "«\u00a0Modifier le compte…\u00a0»" in advice.text(), advice.text()
        qtbot.waitUntil(lambda: advice.height() >= advice.heightForWidth(advice.width()))
        assert advice.width() <= window.width()
        window.table.setCurrentCell(window.table.row_of("alice") or 0, 0)
        assert not advice.isVisibleTo(window)


def test_a_sign_in_in_the_browser_window_says_what_is_the_persons_to_do(qtbot: QtBot) -> None:
    """During "Sign in yourself…" each step keeps saying what the person does
    there; a check's steps say only what the app does."""
    from consentinel.core.steps import Step
    from consentinel.gui.check_panel import CheckPanel

    panel = CheckPanel()
    qtbot.addWidget(panel)
    panel.begin_sign_in("erin")
    assert "browser window" in panel.label.text()
    panel.show_step("erin", Step.SIGNING_IN)
    assert panel.label.text().startswith("@erin: Signing in")
    assert "do what X asks of you" in panel.label.text()
    panel.begin(2)
    panel.show_step("erin", Step.SIGNING_IN)
    assert panel.label.text() == "@erin: Signing in…"


def test_a_sign_in_the_person_cancelled_is_not_a_box_to_close(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """Cancelling "Sign in yourself…" is the person's choice: the status bar says
    it, no "Not signed in — The check was cancelled." box; the Cancel button named the sign-in."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from consentinel.core.engine import LoginResult

    boxes: list[str] = []

    def close_any_box() -> None:  # (on the old code, the box would wait for a click)
        box = QApplication.activeModalWidget()
        if box is not None:
            boxes.append(box.windowTitle())
            box.close()

    with running_app(qtbot, make_context(consentinel_home)) as app:
        window = app.window
        window.panel.begin_sign_in("erin")
        assert window.panel.cancel_button.text() == "Ca&ncel sign-in"
        QTimer.singleShot(500, close_any_box)
        # A box is modal: it would have been shown, and closed, before this returns.
        window._login_finished(LoginResult(False, "cancelled", Reason.CANCELLED))
        assert boxes == []
        assert window.statusBar().currentMessage() == "Sign-in cancelled."
        window.panel.begin(2)
        assert window.panel.cancel_button.text() == "Ca&ncel check"


@pytest.mark.parametrize(("language", "said"), [("en", "Sign-in cancelled."), ("fr", None)])
def test_what_a_sign_in_said_at_its_end_goes_when_a_check_starts(
    qtbot: QtBot, consentinel_home: Path, language: str, said: str | None
) -> None:
    """« Connexion annulée. » stayed in the status bar through the check started seconds after
    the person cancelled "Sign in yourself…", as if said of that check. A message of the
    window's own shown since (not the sign-in's) stays."""
    from consentinel.core.engine import LoginResult

    ctx = make_context(consentinel_home)
    add_account(ctx, "erin", "pw")
    with running_app(qtbot, ctx, language=language) as app:
        window = app.window
        bar = window.statusBar()
        window.panel.begin_sign_in("erin")
        window._login_finished(LoginResult(False, "cancelled", Reason.CANCELLED))
        assert bar.currentMessage() == (said or "Connexion annulée.")
        window._run_started(1, ("erin",))
        assert bar.currentMessage() == ""
        window._run_finished(_run(AccountResult("erin", Status.OPTED_OUT)), "gui")
        # Said after the sign-in's words, another message is not theirs to take away.
        window._login_finished(LoginResult(False, "cancelled", Reason.CANCELLED))
        bar.showMessage("The settings were saved.", 10_000)
        window._run_started(2, ("erin",))
        assert bar.currentMessage() == "The settings were saved."


def test_status_tooltips_say_what_the_sign_in_said_of_the_two_factor_step(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """A 2FA stop says what happened there, in the window's words: the typed codes refused
    (and that one more may get the account locked), the saved secret's code refused or not
    taken; not "save the account's 2FA secret" for each. X failing at the step is said as the
    check said it (nothing to run), in English and in French."""
    from consentinel.core.check_messages import (
        CODES_REFUSED,
        SAVED_CODE_NOT_TAKEN,
        TOTP_REFUSED,
        X_FAILED_AT_CODE,
    )

    def hint(reason: Reason, detail: str) -> str:
        return status_hint(_row(reason, reason_message(reason, "alice", detail)), NOW)

    generic = hint(Reason.TWO_FACTOR, "")
    assert generic.startswith("X asks for a two-factor code. Save the account's 2FA secret")
    typed = hint(Reason.TWO_FACTOR, CODES_REFUSED)
    assert typed.startswith("X refused the two-factor codes typed at this sign-in"), typed
    assert "lock the account" in typed and "“Sign in yourself…”" in typed
    refused = hint(Reason.TWO_FACTOR, TOTP_REFUSED)
    assert refused.startswith("X refused the code made from the saved 2FA secret"), refused
    assert "“Edit account…”" in refused
    not_taken = hint(Reason.TWO_FACTOR, SAVED_CODE_NOT_TAKEN)
    assert not_taken.startswith("X did not take the code made from the saved 2FA secret")
    assert "consentinel " not in typed + refused + not_taken
    failed = hint(Reason.NETWORK, X_FAILED_AT_CODE)
    assert failed == reason_message(Reason.NETWORK, "alice", X_FAILED_AT_CODE)
    assert "Try again later." in failed and "Save the account" not in failed

    with running_app(qtbot, make_context(consentinel_home), language="fr"):
        typed = hint(Reason.TWO_FACTOR, CODES_REFUSED)
        assert typed.startswith("X a refusé les codes de double authentification saisis"), typed
        assert "verrouiller le compte" in typed and "«\u00a0Se connecter soi-même…\u00a0»" in typed
        assert hint(Reason.TWO_FACTOR, TOTP_REFUSED).startswith("X a refusé le code produit")
        assert hint(Reason.TWO_FACTOR, SAVED_CODE_NOT_TAKEN).startswith("X n'a pas accepté")
        failed = hint(Reason.NETWORK, X_FAILED_AT_CODE)
        assert failed.startswith("X a échoué") and failed.endswith("Réessayez plus tard."), failed


def test_status_tooltips_say_a_clock_off_x_s_not_a_wrong_secret(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """X refused the saved secret's code made by a clock 7 minutes behind its own: the row says
    the clock, by how much, and to set it right, at that check and at the scheduled ones that
    wait after it; not "X asks for a two-factor code" nor "save the right secret". English
    and French."""
    from consentinel.core.check_messages import held_message

    detail = "clock_off:-420"  # (as the sign-in ends: this computer's time less X's)

    def hints() -> tuple[str, str]:
        said = reason_message(Reason.TWO_FACTOR, "alice", detail)
        held = held_message(Reason.TWO_FACTOR, "alice", None, detail=detail)
        return status_hint(_row(Reason.TWO_FACTOR, said), NOW), status_hint(
            _row(Reason.TWO_FACTOR, held), NOW
        )

    said, held = hints()
    assert said.startswith("This computer's clock is 7 minutes behind X's:"), said
    assert said.endswith(
        "Set this computer's clock right (automatic date and time), then check again."
    )
    assert "This computer's clock is 7 minutes behind X's:" in held, held
    assert "Edit account" not in said + held
    with running_app(qtbot, make_context(consentinel_home), language="fr"):
        said, held = hints()
        clock = "L'horloge de cet ordinateur retarde de 7 minutes sur celle de X\u00a0:"
        assert said.startswith(clock) and clock in held, (said, held)
        assert "Le secret est conservé." in said


def test_status_tooltip_of_a_saved_2fa_secret_no_code_can_be_made_from(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """A 2FA secret changed in the keyring by hand into one no code can be made from: the
    window says so in its own words (“Edit account…”), not "save the account's 2FA secret"
    as though none were saved, in English and in French."""
    from consentinel.core.check_messages import TOTP_NOT_VALID

    def hint() -> str:
        message = reason_message(Reason.TWO_FACTOR, "alice", TOTP_NOT_VALID)
        return status_hint(_row(Reason.TWO_FACTOR, message), NOW)

    said = hint()
    assert said.startswith("X asks for a two-factor code, and the 2FA secret saved in the")
    assert "not a valid one" in said and "“Edit account…”" in said
    assert "consentinel " not in said
    with running_app(qtbot, make_context(consentinel_home), language="fr"):
        said = hint()
        assert "le secret 2FA enregistré dans le trousseau" in said, said
        assert "«\u00a0Modifier le compte…\u00a0»" in said and "consentinel " not in said
