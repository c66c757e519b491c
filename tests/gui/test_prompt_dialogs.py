"""The questions asked during a check: each kind returns what was typed, None on cancel."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent, QFont
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from consentinel.core.accounts import Account
from consentinel.core.check_messages import reason_message
from consentinel.core.events import PromptRequest
from consentinel.core.status import Reason
from consentinel.core.steps import PromptKind
from consentinel.gui.prompt_dialogs import PromptDialog, ask_user
from consentinel.gui.row_hints import window_advice
from consentinel.gui.translations import Translators


def _when_shown(qtbot: QtBot, act: Callable[[PromptDialog], None]) -> list[PromptDialog]:
    """Act on the modal dialog once ask_user() shows it."""
    seen: list[PromptDialog] = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PromptDialog)
        seen.append(dialog)
        act(dialog)

    QTimer.singleShot(0, run)
    return seen


def _type_and_continue(qtbot: QtBot, text: str) -> Callable[[PromptDialog], None]:
    def act(dialog: PromptDialog) -> None:
        qtbot.keyClicks(dialog.edit, text)
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)

    return act


@pytest.mark.parametrize(
    ("kind", "typed"),
    [
        (PromptKind.TWO_FACTOR_CODE, "123456"),
        (PromptKind.TWO_FACTOR_CODE, "12345678"),
        (PromptKind.EMAIL_CODE, "a1b2c3d4"),
        (PromptKind.EMAIL_OR_PHONE, "+33 6 12 34 56 78"),
    ],
)
def test_each_kind_returns_what_was_typed(qtbot: QtBot, kind: PromptKind, typed: str) -> None:
    request = PromptRequest("alice", kind, "Enter your phone number or username")
    seen = _when_shown(qtbot, _type_and_continue(qtbot, typed))
    assert ask_user(None, request) == typed
    assert "@alice" in seen[0].windowTitle() or "@alice" in seen[0].title.text()


@pytest.mark.parametrize("kind", list(PromptKind))
def test_cancel_returns_none(qtbot: QtBot, kind: PromptKind) -> None:
    _when_shown(qtbot, lambda dialog: dialog.cancel_button.click())
    assert ask_user(None, PromptRequest("alice", kind)) is None


def test_escape_returns_none(qtbot: QtBot) -> None:
    _when_shown(qtbot, lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape))
    assert ask_user(None, PromptRequest("alice", PromptKind.TWO_FACTOR_CODE)) is None


def test_two_factor_rejects_non_digits(qtbot: QtBot) -> None:
    dialog = PromptDialog(PromptRequest("alice", PromptKind.TWO_FACTOR_CODE))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.edit, "12a456")
    assert not dialog.ok_button.isEnabled()
    assert dialog.error.isVisible()
    assert "6 to 8 digits" in dialog.error.text()
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)  # Enter does not accept a bad code
    assert dialog.isVisible()
    dialog.edit.clear()
    qtbot.keyClicks(dialog.edit, "123")  # still being typed: no message yet
    assert not dialog.error.isVisible()
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.edit, "456")
    assert dialog.ok_button.isEnabled()
    assert dialog.edit.inputMethodHints() & Qt.InputMethodHint.ImhDigitsOnly
    qtbot.keyClicks(dialog.edit, "789")  # nine digits is too many
    assert not dialog.ok_button.isEnabled()
    assert "6 to 8 digits" in dialog.error.text()


@pytest.mark.parametrize(
    ("kind", "typed", "sent"),
    [
        (PromptKind.TWO_FACTOR_CODE, "357 946", "357946"),  # as authenticator apps show it
        (PromptKind.TWO_FACTOR_CODE, "1234 5678", "12345678"),
        (PromptKind.TWO_FACTOR_CODE, "357\u00a0946", "357946"),  # pasted: a no-break space
        (PromptKind.EMAIL_CODE, "12-34-56", "123456"),
    ],
)
def test_a_code_typed_with_spaces_or_hyphens_is_taken_and_answered_without_them(
    qtbot: QtBot, kind: PromptKind, typed: str, sent: str
) -> None:
    """The code is 6 to 8 digits: a space inside is how the apps show it, not a mistake (the
    dialog said it was one while the code's 30 seconds ran out)."""
    dialog = PromptDialog(PromptRequest("alice", kind))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.edit, typed)
    assert dialog.edit.text() == typed
    assert not dialog.error.isVisible(), dialog.error.text()
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    assert dialog.answer() == sent


def test_email_or_phone_shows_xs_own_words(qtbot: QtBot) -> None:
    words = "Saisissez votre numéro de téléphone ou votre adresse e-mail"
    dialog = PromptDialog(PromptRequest("alice", PromptKind.EMAIL_OR_PHONE, words))
    qtbot.addWidget(dialog)
    assert words in dialog.body.text()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_without_words_from_x_the_email_or_phone_question_quotes_nobody(
    qtbot: QtBot, consentinel_home: Path, language: str
) -> None:
    """X gave no words: the app's own fallback was shown as 'X says: “Enter your phone number
    or email address.”', a quote X never said. The app now says it in its own voice."""
    translators = Translators()
    translators.switch(language)
    try:
        dialog = PromptDialog(PromptRequest("alice", PromptKind.EMAIL_OR_PHONE, ""))
        qtbot.addWidget(dialog)
        body = dialog.body.text()
        assert (
            body
            == {
                "en": "Type the email address or phone number that @alice uses on X.",
                "fr": "Saisissez l'adresse e-mail ou le numéro de téléphone que @alice "
                "utilise sur X.",
            }[language]
        )
        assert not any(mark in body for mark in "“”«»")
    finally:
        translators.switch("en")


def test_finish_in_browser_returns_ok_to_open(qtbot: QtBot) -> None:
    request = PromptRequest("alice", PromptKind.FINISH_IN_BROWSER, "captcha")  # as the engine
    seen = _when_shown(qtbot, lambda dialog: dialog.ok_button.click())
    assert ask_user(None, request) == "ok"
    dialog = seen[0]
    assert dialog.ok_button.text() == "&Open browser window"
    assert dialog.cancel_button.text() == "S&kip this account"  # as in every other question
    # Why, in words: not the engine's code for it.
    assert dialog.title.text() == "X shows a captcha for @alice"
    assert dialog.body.text().startswith("Only a person can solve it.")
    assert not dialog.edit.isVisibleTo(dialog)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_locked_account_is_told_the_procedure_its_row_says(
    qtbot: QtBot, consentinel_home: Path, language: str
) -> None:
    """The question said "until you confirm that it is yours… Sign in there" (in the window it
    opens), the row's advice "until you verify it. Sign in on x.com, then use “Sign in
    yourself…”": two procedures for one lock. The question says the row's why, and x.com
    first, its window being where the sign-in is finished once the account is verified."""
    translators = Translators()
    translators.switch(language)
    try:
        dialog = PromptDialog(PromptRequest("alice", PromptKind.FINISH_IN_BROWSER, "locked"))
        qtbot.addWidget(dialog)
        body = dialog.body.text()
        expected = {
            "en": "The account stays locked until you verify it.\n\nFirst sign in on x.com in your "
            "usual browser and do what X asks there. Then use “Open browser window”: the check "
            "goes on by itself once X shows your home page in that window.",
            "fr": "Le compte reste verrouillé jusqu'à ce que vous le vérifiiez.\n\n"
            "Connectez-vous d'abord sur x.com dans votre navigateur habituel et faites ce que X "
            "y demande. Puis utilisez «\u00a0Ouvrir la fenêtre du navigateur\u00a0»\u00a0: la "
            "vérification reprend d'elle-même dès que X affiche votre page d'accueil dans "
            "cette fenêtre.",
        }
        assert body == expected[language]
        # The row's words, as they are (gui/row_hints): why, and x.com before the window.
        row = window_advice(Reason.LOCKED, reason_message(Reason.LOCKED, "alice"), "alice")
        why, then = row.split(". ", 1)
        until = {"en": "until you verify it", "fr": "jusqu'à ce que vous le vérifiiez"}[language]
        assert until in why and until in body.split("\n\n")[0]
        assert "x.com" in re.split("[“«]", then)[0] and "x.com" in re.split("[“«]", body)[0]
        # The button it names is the dialog's own.
        assert dialog.ok_button.text().replace("&", "") in body
    finally:
        translators.switch("en")


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize(
    ("reason", "heading"),
    [
        ("locked", {"en": "X locked @alice", "fr": "X a verrouillé @alice"}),
        (
            "captcha",
            {"en": "X shows a captcha for @alice", "fr": "X affiche un captcha pour @alice"},
        ),
        (
            "wrong_password",
            {
                "en": "X asks for the password of @alice",
                "fr": "X demande le mot de passe de @alice",
            },
        ),
        (
            "something_new",
            {
                "en": "X needs you to sign in to @alice",
                "fr": "X a besoin de vous pour la connexion à @alice",
            },
        ),
    ],
)
def test_the_heading_says_what_x_did_and_the_body_alone_what_to_do(
    qtbot: QtBot, consentinel_home: Path, language: str, reason: str, heading: dict[str, str]
) -> None:
    """The heading, shared by every reason, said "finish signing in to @lou_locked in the
    browser window" above a body that sent the person to x.com first (audit 2, item 5): two
    places to act. Each reason's heading now says what X did; only the body says what to do,
    naming the one button that opens the window."""
    translators = Translators()
    translators.switch(language)
    try:
        dialog = PromptDialog(PromptRequest("alice", PromptKind.FINISH_IN_BROWSER, reason))
        qtbot.addWidget(dialog)
        assert dialog.title.text() == heading[language]
        why, steps = dialog.body.text().split("\n\n")
        assert why and dialog.ok_button.text().replace("&", "") in steps
        assert not re.search("browser window|fenêtre du navigateur", dialog.title.text())
    finally:
        translators.switch("en")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_captcha_is_called_a_captcha_as_the_row_calls_it(
    qtbot: QtBot, consentinel_home: Path, language: str
) -> None:
    """The question said "a puzzle" where the row's advice and the journal's French say
    "captcha": one thing, one word."""
    translators = Translators()
    translators.switch(language)
    try:
        dialog = PromptDialog(PromptRequest("alice", PromptKind.FINISH_IN_BROWSER, "captcha"))
        qtbot.addWidget(dialog)
        body = dialog.body.text()
        expected = {
            "en": "Only a person can solve it.\n\nUse “Open browser "
            "window” and solve the captcha there, then answer X's questions if it asks any: "
            "the check goes on by itself once X shows your home page in that window.",
            "fr": "Seule une personne peut le résoudre.\n\nUtilisez "
            "«\u00a0Ouvrir la fenêtre du navigateur\u00a0» et résolvez le captcha dans cette "
            "fenêtre, puis répondez aux questions de X s'il en pose\u00a0: la vérification "
            "reprend d'elle-même dès que X affiche votre page d'accueil dans cette fenêtre.",
        }
        assert body == expected[language]
        row = window_advice(Reason.CAPTCHA, reason_message(Reason.CAPTCHA, "alice"), "alice")
        assert "captcha" in row and "captcha" in body
        assert not re.search("puzzle|énigme", body)
    finally:
        translators.switch("en")


def test_an_email_code_question_quotes_x_under_its_own_instruction(qtbot: QtBot) -> None:
    words = "Check your email You'll receive a confirmation code at your email address."
    dialog = PromptDialog(PromptRequest("alice", PromptKind.EMAIL_CODE, words))
    qtbot.addWidget(dialog)
    body = dialog.body.text()
    assert body.startswith("Check the email or phone of @alice and type the code X just sent.")
    assert f"X says: “{words}”" in body


def test_an_email_code_question_names_the_email_and_phone_saved_for_the_account(
    qtbot: QtBot,
) -> None:
    """Across 25 clients' mailboxes, "the email of @velo_paris" sends the person looking: the
    address saved for the account is said, and only what was saved."""
    request = PromptRequest("velo_paris", PromptKind.EMAIL_CODE, "Check your email")
    cases = {
        Account(
            "velo_paris", email="velo@example.org"
        ): "Saved for this account: velo@example.org.",
        Account("velo_paris", phone="+33 6 12 34 56 78"): (
            "Saved for this account: +33 6 12 34 56 78."
        ),
        Account("velo_paris", email="velo@example.org", phone="+33 6 12 34 56 78"): (
            "Saved for this account: velo@example.org and +33 6 12 34 56 78."
        ),
    }
    for account, said in cases.items():
        dialog = PromptDialog(request, account=account)
        qtbot.addWidget(dialog)
        lines = dialog.body.text().splitlines()
        assert lines[:2] == [
            "Check the email or phone of @velo_paris and type the code X just sent.",
            said,
        ]
        assert "X says: “Check your email”" in dialog.body.text()
    # Nothing saved, or another account than the one asked about: nothing more is said.
    for account in (Account("velo_paris"), Account("opera_lyon", email="opera@example.org")):
        dialog = PromptDialog(request, account=account)
        qtbot.addWidget(dialog)
        assert "Saved" not in dialog.body.text() and "@example" not in dialog.body.text()
    # A two-factor code comes from an app, not a mailbox: not said there.
    two_factor = PromptDialog(
        PromptRequest("velo_paris", PromptKind.TWO_FACTOR_CODE),
        account=Account("velo_paris", email="velo@example.org"),
    )
    qtbot.addWidget(two_factor)
    assert "velo@example.org" not in two_factor.body.text()


def test_in_french_the_saved_email_is_said_with_its_colon(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    translators = Translators()
    translators.switch("fr")
    try:
        account = Account("velo_paris", email="velo@example.org", phone="+33 6 12 34 56 78")
        dialog = PromptDialog(PromptRequest("velo_paris", PromptKind.EMAIL_CODE), account=account)
        qtbot.addWidget(dialog)
        assert dialog.body.text().splitlines()[1] == (
            "Enregistrés pour ce compte\u00a0: velo@example.org et +33 6 12 34 56 78."
        )
    finally:
        translators.switch("en")


def test_hint_is_shown(qtbot: QtBot) -> None:
    dialog = PromptDialog(
        PromptRequest("two_factor_tom", PromptKind.TWO_FACTOR_CODE), hint="Demo: the code is 424242"
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.hint.isVisible()
    assert "424242" in dialog.hint.text()
    plain = PromptDialog(PromptRequest("alice", PromptKind.TWO_FACTOR_CODE))
    qtbot.addWidget(plain)
    plain.show()
    assert not plain.hint.isVisible()


def _cut(dialog: PromptDialog) -> list[str]:
    """The dialog's lines drawn shorter than their words need at their width."""
    labels = (dialog.title, dialog.body, dialog.error, dialog.hint)
    return [
        label.text()
        for label in labels
        if label.isVisible() and label.height() < label.heightForWidth(label.width())
    ]


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("scale", [1, 2])
@pytest.mark.parametrize("kind", [PromptKind.TWO_FACTOR_CODE, PromptKind.EMAIL_CODE])
def test_a_wrong_code_is_said_whole_on_the_field_and_in_lines_that_fit(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    scale: int,
    kind: PromptKind,
) -> None:
    """Typing "ab!" showed an error line without the dialog growing: the instructions were
    squeezed into cut, overlapping lines and the error was cut (at twice the font, worse); a
    screen reader heard the placeholder "123456" on the field, never the error."""
    announced: list[tuple[object, str]] = []
    real_update = QAccessible.updateAccessibility

    def listening(event: QAccessibleEvent) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            announced.append((event.object(), event.message()))
        real_update(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", listening)
    translators = Translators()
    translators.switch(language)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font = app.font()
    bigger = QFont(font)
    bigger.setPointSizeF(font.pointSizeF() * scale)
    app.setFont(bigger)
    try:
        hint = "Demo: an authenticator app would show 424242 now."
        dialog = PromptDialog(PromptRequest("two_factor_tom", kind), hint)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert _cut(dialog) == []
        opened = dialog.height()
        qtbot.keyClicks(dialog.edit, "ab!")
        error = dialog.error.text()
        assert (
            error
            == {
                ("en", PromptKind.TWO_FACTOR_CODE): "The code is 6 to 8 digits, nothing else.",
                ("en", PromptKind.EMAIL_CODE): "The code has 4 to 12 letters or digits.",
                ("fr", PromptKind.TWO_FACTOR_CODE): "Le code compte 6 à 8 chiffres, rien d'autre.",
                ("fr", PromptKind.EMAIL_CODE): "Le code compte 4 à 12 lettres ou chiffres.",
            }[(language, kind)]
        )
        assert dialog.height() > opened  # grown for the error's line
        assert _cut(dialog) == []
        assert dialog.buttons.width() >= dialog.buttons.minimumSizeHint().width()
        field = QAccessible.queryAccessibleInterface(dialog.edit)
        assert field.text(QAccessible.Text.Description) == error
        assert announced == [(dialog.error, error)]  # once, not at each key typed
        dialog.edit.clear()
        qtbot.keyClicks(dialog.edit, "424242" if kind is PromptKind.TWO_FACTOR_CODE else "a1b2")
        assert not dialog.error.isVisible()
        assert field.text(QAccessible.Text.Description) == hint  # the demo's code again
        assert dialog.height() == opened  # the room the error took, given back
        # X refused the code: its warning (another may lock the account), whole and heard.
        dialog.say_answer_refused()
        refused = dialog.error.text()
        assert "lock" in refused or "verrouiller" in refused
        assert _cut(dialog) == []
        assert field.text(QAccessible.Text.Description) == refused
        assert announced[-1] == (dialog.error, refused)
    finally:
        app.setFont(font)
        translators.switch("en")
