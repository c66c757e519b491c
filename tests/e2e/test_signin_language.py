"""The browser asks X's pages in the app's language: a French person signs in on X's French
sign-in screens (real Chromium against simx), while the signed-in pages stay in the account's
own display language; and a sign-in step X never answers says how long it was waited for."""

from __future__ import annotations

from pathlib import Path

import pyotp
import pytest

from consentinel.core.check_messages import reason_message
from consentinel.core.events import PromptRequest
from consentinel.core.journal import EntryKind
from consentinel.core.status import ALL_BOXES, Reason, Status
from consentinel.core.steps import PromptKind
from tests.e2e._engine_support import (
    SIGNIN_STEP_TIMEOUT_S,
    SimHarness,
    add_account,
    engine,
    make_context,
)

pytestmark = pytest.mark.browser

#: X's sign-in steps (its subtask ids, as simx records them): username, password, 2FA code,
#: home.
_SIGNIN_STEPS = [
    "LoginEnterUserIdentifierSSO",
    "LoginEnterPassword",
    "LoginTwoFactorAuthChallenge",
    "LoginSuccessSubtask",
]

#: By the app's language: what the browser must ask X for (the first language and the
#: fallback, as Chromium writes them), X's words on its 2FA step, and the check's own words.
_BY_LANGUAGE = {
    "fr": (
        "fr-FR,fr;q=0.9,",
        "Utilisez votre application de génération de code pour générer un code",
        "Toutes les cases décochées, puis relues décochées",
    ),
    "en": (
        "en-US,en;q=0.9",
        "Use your code generator app to generate a code and enter it below.",
        "All unticked and read back off",
    ),
}


@pytest.mark.parametrize("app_language", ["fr", "en"])
def test_the_sign_in_is_in_the_app_s_language_and_the_settings_in_the_account_s(
    sim: SimHarness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, app_language: str
) -> None:
    """A check signs in (username, password, a 2FA code the person types, home) on X's
    sign-in screens in the app's language: Chromium asks for it first, English after, and X's
    question reaches the person in those words. The Grok page X then shows is in the
    account's own display language (here the other one), and is read and fixed all the same."""
    monkeypatch.setenv("CONSENTINEL_LANG", app_language)
    accept_start, x_question, check_words = _BY_LANGUAGE[app_language]
    account_language = "en" if app_language == "fr" else "fr"
    secret = pyotp.random_base32()
    sim.add("amelie", "pw", totp_secret=secret, lang=account_language)
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "amelie", "pw")  # no 2FA secret saved: the person types the code
    questions: list[PromptRequest] = []

    def ask(request: PromptRequest) -> str | None:
        questions.append(request)
        return pyotp.TOTP(secret).now()

    (amelie,) = engine(ctx).run_check(ask=ask).accounts

    assert amelie.status is Status.FIXED, amelie.message
    assert amelie.message.startswith(check_words), amelie.message
    assert not any(sim.box("amelie", box) for box in ALL_BOXES)
    assert [q.kind for q in questions] == [PromptKind.TWO_FACTOR_CODE]
    assert x_question in questions[0].detail, questions[0].detail
    assert sim.signin_steps("amelie") == [_SIGNIN_STEPS]
    assert sim.signin_outcomes("amelie") == ["success"]
    (login,) = sim.pages_shown("login")
    assert login[0] == app_language, login
    assert login[1].startswith(accept_start), login
    if app_language == "fr":  # English as the fallback, after French
        assert login[1].endswith(",en;q=0.7") and ";q=0.8" in login[1], login
    # Signed in, the account's own language decides, whatever the browser asks for.
    grok = sim.pages_shown("grok")  # (read, then read back)
    assert grok and set(grok) == {(account_language, login[1])}, grok


def test_the_visible_sign_in_window_shows_x_in_french_to_a_french_person(
    sim: SimHarness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window a person signs in in (login, "Sign in in a window") asks X in French too;
    the saved password and 2FA secret are typed on the French screens, up to X's home."""
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    secret = pyotp.random_base32()
    sim.add("noemie", "pw", totp_secret=secret)
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "noemie", "pw", totp_secret=secret)

    outcome = engine(ctx).login_interactive("noemie", headless=True)

    assert outcome.ok, outcome.message
    assert outcome.message == "@noemie est connecté ; la session est enregistrée.".replace(
        " ;", "\u00a0;"
    ), outcome.message
    assert sim.signin_steps("noemie") == [_SIGNIN_STEPS]
    (login,) = sim.pages_shown("login")
    assert login[0] == "fr" and login[1].startswith("fr-FR,fr;q=0.9,"), login


@pytest.mark.parametrize(
    ("app_language", "words"),
    [
        (
            "en",
            "X took too long to answer (no answer within {s} s). The next check tries again; "
            "if this keeps happening, check this computer's internet connection, VPN or proxy.",
        ),
        (
            "fr",
            "X a mis trop de temps à répondre (pas de réponse en {s} s). La prochaine "
            "vérification réessaiera\u00a0; si cela se répète, vérifiez la connexion internet, "
            "le VPN ou le proxy de cet ordinateur.",
        ),
    ],
)
def test_a_sign_in_step_x_never_answers_says_how_long_it_was_waited_for(
    sim: SimHarness,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    app_language: str,
    words: str,
) -> None:
    """X takes the password and never answers: the check says X took too long, and how long
    it was waited for (the sign-in's whole wait for a step, not Playwright's last slice of
    it), in the person's language; the journal keeps that sentence."""
    monkeypatch.setenv("CONSENTINEL_LANG", app_language)
    sim.add("sam", "pw", x_fails_at={"password": "slow"})
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "sam", "pw")

    (sam,) = engine(ctx).run_check(unattended=True).accounts

    expected = words.format(s=round(SIGNIN_STEP_TIMEOUT_S))
    assert (sam.status, sam.reason) == (Status.ERROR, Reason.TIMEOUT), sam.message
    assert sam.message == expected
    assert sam.message != reason_message(Reason.TIMEOUT, "sam")  # (no duration: the bug)
    (check,) = ctx.journal.entries(handle="sam", kinds=[EntryKind.CHECK])
    assert check.payload["message"] == expected
