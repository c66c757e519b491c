"""x/signin.py against simx: each of X's steps recognised in English and French."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pyotp
import pytest
from playwright.async_api import Page, Response, Route, async_playwright

from consentinel.core.check_messages import CODES_REFUSED, TOTP_REFUSED
from consentinel.core.status import Reason, Status
from consentinel.core.steps import PromptKind
from consentinel.x.browser import launch_args
from consentinel.x.signin import SignIn, SignInOutcome, SignInSecrets, sign_in
from consentinel.x.signin_screens import TASK_PATH
from consentinel.x.site import XSite
from tests.e2e._engine_support import SMS_PHONE, SimHarness, running_sim
from tests.fixtures.sandbox_fixtures import chromium

pytestmark = pytest.mark.browser


@pytest.fixture
def chromium_path() -> str:
    return chromium()


#: The browser's language for each account language: X shows its sign-in pages in the browser's
#: language (or the one its `lang` cookie remembers), its settings in the account's.
LOCALES = {"en": "en-US", "fr": "fr-FR", "de": "de-DE"}


def _run(
    sim: SimHarness,
    chromium_path: str,
    secrets: SignInSecrets,
    answers: dict[PromptKind, str | Callable[[], str | None]],
    lang: str = "en",
    questions: list[str] | None = None,
    prepare: Callable[[Page], Awaitable[None]] | None = None,
) -> tuple[SignInOutcome, list[PromptKind], str]:
    """One sign-in; `answers` by prompt (a callable: read when asked), X's questions as the
    person reads them collected in `questions`; `prepare` readies the page first."""
    asked: list[PromptKind] = []

    async def main() -> tuple[SignInOutcome, str]:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(
                executable_path=chromium_path, headless=True, args=launch_args(True)
            )
            page = await browser.new_page(locale=LOCALES[lang])
            if prepare is not None:
                await prepare(page)

            async def ask(
                kind: PromptKind, detail: str, *, saved_code_refused: bool = False
            ) -> str | None:
                asked.append(kind)
                if questions is not None:
                    questions.append(detail)
                answer = answers.get(kind)
                return answer() if callable(answer) else answer

            outcome = await sign_in(page, XSite(sim.origin), secrets, ask, 6000)
            url = page.url
            await browser.close()
            return outcome, url

    outcome, url = asyncio.run(main())
    return outcome, asked, url


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_plain_sign_in_lands_on_home(sim: SimHarness, chromium_path: str, lang: str) -> None:
    sim.add("ana", "pw", lang=lang)
    outcome, asked, url = _run(sim, chromium_path, SignInSecrets("ana", "pw"), {}, lang)
    assert outcome.ok and outcome.password_submitted and asked == []
    assert url.endswith("/home")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_totp_step(sim: SimHarness, chromium_path: str, lang: str) -> None:
    secret = pyotp.random_base32()
    sim.add("ben", "pw", lang=lang, totp_secret=secret)

    async def code() -> str:
        return pyotp.TOTP(secret).now()

    outcome, asked, _ = _run(sim, chromium_path, SignInSecrets("ben", "pw", code), {}, lang)
    assert outcome.ok and asked == []


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize(
    ("scenario", "status", "reason", "prompt"),
    [
        ("two_factor", Status.NEEDS_USER, Reason.TWO_FACTOR, PromptKind.TWO_FACTOR_CODE),
        ("email_code", Status.NEEDS_USER, Reason.EMAIL_CODE, PromptKind.EMAIL_CODE),
        ("sms_code", Status.NEEDS_USER, Reason.EMAIL_CODE, PromptKind.EMAIL_CODE),
        ("captcha", Status.NEEDS_USER, Reason.CAPTCHA, PromptKind.FINISH_IN_BROWSER),
        ("locked", Status.NEEDS_USER, Reason.LOCKED, PromptKind.FINISH_IN_BROWSER),
        ("refused", Status.SIGNIN_FAILED, Reason.REFUSED, None),
        (
            "unusual_activity_email",
            Status.NEEDS_USER,
            Reason.UNUSUAL_ACTIVITY,
            PromptKind.EMAIL_OR_PHONE,
        ),
    ],
)
def test_steps_needing_a_person(
    sim: SimHarness,
    chromium_path: str,
    lang: str,
    scenario: str,
    status: Status,
    reason: Reason,
    prompt: PromptKind | None,
) -> None:
    sim.add("cid", "pw", lang=lang, scenario=scenario)
    outcome, asked, _ = _run(sim, chromium_path, SignInSecrets("cid", "pw"), {}, lang)
    assert (outcome.ok, outcome.status, outcome.reason) == (False, status, reason)
    assert asked == ([prompt] if prompt else [])


#: simx's words on its sign-in pages, by language: X's "could not find your account" (399), and
#: its "Incorrect. Please try again." (399 at the handle, or at a code step).
UNKNOWN_WORDS = {
    "en": "Sorry, we could not find your account.",
    "fr": "Désolé, nous n'avons pas pu trouver votre compte.",
    "de": "Wir konnten deinen Account leider nicht finden.",
}
INCORRECT_WORDS = {
    "en": "Incorrect. Please try again.",
    "fr": "Incorrect. Veuillez réessayer.",
    "de": "Falsch. Bitte versuche es noch einmal.",
}


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_wrong_password_and_unknown_account(sim: SimHarness, chromium_path: str, lang: str) -> None:
    """A wrong password is one in every language. A handle X does not know is said so in the
    languages whose words for it the app reads; in another (German here), X's 399 may as well
    be its block of the sign-in (its code for both): a refusal, backed off from, with X's own
    words for the person to read, never "add the account again" and a retry at once."""
    sim.add("dee", "right", lang=lang)
    outcome, _, _ = _run(sim, chromium_path, SignInSecrets("dee", "wrong"), {}, lang)
    assert (outcome.status, outcome.reason) == (Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD)
    assert outcome.password_submitted
    outcome, _, _ = _run(sim, chromium_path, SignInSecrets("ghost", "pw"), {}, lang)
    reason = Reason.REFUSED if lang == "de" else Reason.UNKNOWN_ACCOUNT
    assert (outcome.status, outcome.reason) == (Status.SIGNIN_FAILED, reason)
    if reason is Reason.REFUSED:
        assert outcome.detail == UNKNOWN_WORDS[lang]
    assert not outcome.password_submitted
    # Each language's sign-in pages, and each wrong entry sent once: X counts every one.
    assert sim.signin_outcomes("dee") == ["wrong_password"]
    assert sim.signin_outcomes("ghost") == ["unknown_account"]


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_x_s_399_to_the_handle_in_other_words_is_a_refusal(
    sim: SimHarness, chromium_path: str, lang: str
) -> None:
    """X blocks the sign-in at the handle: code 399, the code it gives a handle it does not
    know, with its "Incorrect. Please try again." (twscrape #222, twikit #276). A refusal
    (backed off from), not an unknown account, in every language; X's words are kept for the
    person; the handle is sent once and nothing after it."""
    sim.add("hal", "pw", lang=lang, scenario="refused_at_handle")
    outcome, asked, _ = _run(sim, chromium_path, SignInSecrets("hal", "pw"), {}, lang)
    assert (outcome.status, outcome.reason) == (Status.SIGNIN_FAILED, Reason.REFUSED), outcome
    assert outcome.detail == INCORRECT_WORDS[lang]
    assert asked == [] and not outcome.password_submitted
    assert sim.signin_outcomes("hal") == ["handle_refused"]


@pytest.mark.parametrize("error", [399, 236])
@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_a_wrong_code_from_the_saved_2fa_secret_is_wrong_in_every_language(
    sim: SimHarness, chromium_path: str, lang: str, error: int
) -> None:
    """The saved 2FA secret is not the account's: X answers its code with 399 "Incorrect.
    Please try again." (twikit #142; 236 as simx said before), in the page's language. The
    code X answered so at its 2FA step is wrong whatever the words: the secret is set aside
    (no code is made from it again), the person is asked for the code, and nobody answering,
    the sign-in says the secret was refused. One code sent."""
    sim.add("tia", "pw", lang=lang, totp_secret=pyotp.random_base32(), wrong_code_error=error)
    wrong = pyotp.random_base32()

    async def code() -> str:
        return pyotp.TOTP(wrong).now()

    outcome, asked, _ = _run(sim, chromium_path, SignInSecrets("tia", "pw", code), {}, lang)
    assert (outcome.status, outcome.reason) == (Status.NEEDS_USER, Reason.TWO_FACTOR), outcome
    assert outcome.totp_refused and outcome.detail == TOTP_REFUSED
    assert asked == [PromptKind.TWO_FACTOR_CODE]
    assert sim.signin_outcomes("tia") == ["two_factor_failed"]


def test_a_code_typed_wrong_at_x_s_email_step_is_refused_in_a_language_we_do_not_read(
    sim: SimHarness, chromium_path: str
) -> None:
    """X answers a wrong emailed code with 399 and German words: each is a code refused, and
    after two the person is not asked for a third (X counts them toward its lock)."""
    sim.add("ute", "pw", lang="de", scenario="email_code")
    answers = {PromptKind.EMAIL_CODE: "000000"}
    outcome, asked, _ = _run(sim, chromium_path, SignInSecrets("ute", "pw"), answers, "de")
    assert (outcome.status, outcome.reason) == (Status.NEEDS_USER, Reason.EMAIL_CODE), outcome
    assert outcome.detail == CODES_REFUSED
    assert asked == [PromptKind.EMAIL_CODE] * 2
    assert sim.signin_outcomes("ute") == ["email_code_failed"] * 2


#: How late the browser reports X's answers in the tests of that order: within the sign-in's
#: wait for an answer (ANSWER_GRACE_S), longer than the page takes to draw the next step.
HEARD_LATE_S = 1.5


def _answers_heard_late(monkeypatch: pytest.MonkeyPatch) -> None:
    """The browser reports each of X's answers HEARD_LATE_S after it came: the page shows the
    step it names first. Both orders happen (the page's script and the browser's report race);
    here the one the sign-in must not depend on is made certain."""
    heard = SignIn._on_response

    def reported_late(self: SignIn, response: Response) -> None:
        asyncio.get_running_loop().call_later(HEARD_LATE_S, heard, self, response)

    monkeypatch.setattr(SignIn, "_on_response", reported_late)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_code_step_is_told_by_x_s_answer_reported_after_the_page_shows_it(
    sim: SimHarness, chromium_path: str, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """X's 2FA step, in words the app reads or not (German): told by the step X's answer names
    even when the browser reports that answer after the page shows the step; not an unknown
    screen, nor the step before."""
    secret = pyotp.random_base32()
    sim.add("ben", "pw", lang=lang, totp_secret=secret)

    async def code() -> str:
        return pyotp.TOTP(secret).now()

    _answers_heard_late(monkeypatch)
    outcome, asked, _ = _run(sim, chromium_path, SignInSecrets("ben", "pw", code), {}, lang)
    assert outcome.ok and asked == [], outcome
    assert sim.signin_outcomes("ben") == ["success"]


@pytest.mark.parametrize("lang", ["en", "de"])
def test_x_s_refusal_at_the_handle_is_told_by_its_answer_reported_after_the_page_shows_it(
    sim: SimHarness, chromium_path: str, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """X refuses the sign-in at the handle (its 399) and the browser reports that answer, and
    the one that began the sign-in, after the page shows the username step again: the refusal
    is told by X's answer to the handle, not by how many answers had come when it was sent
    (the sign-in's first, heard late, was taken for it: "X asked for the username again")."""
    sim.add("hal", "pw", lang=lang, scenario="refused_at_handle")
    _answers_heard_late(monkeypatch)
    outcome, asked, _ = _run(sim, chromium_path, SignInSecrets("hal", "pw"), {}, lang)
    assert (outcome.status, outcome.reason) == (Status.SIGNIN_FAILED, Reason.REFUSED), outcome
    assert outcome.detail == INCORRECT_WORDS[lang]
    assert asked == [] and sim.signin_outcomes("hal") == ["handle_refused"]


def test_a_wrong_password_is_wrong_when_x_s_answers_are_not_seen(
    sim: SimHarness, chromium_path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """X's web app may send its sign-in steps to an address this version does not know: its
    answers are then never seen. A password X shows its step again after, with words in a
    language the app does not read, is still a wrong password (not X failing): it is never
    sent again."""
    monkeypatch.setattr(XSite, "api_path_of", lambda _site, _url: "")
    sim.add("dee", "right", lang="de")
    outcome, _, _ = _run(sim, chromium_path, SignInSecrets("dee", "wrong"), {}, "de")
    assert (outcome.status, outcome.reason) == (Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD)
    assert sim.signin_outcomes("dee") == ["wrong_password"]


def test_a_server_error_elsewhere_on_the_page_does_not_excuse_a_wrong_password(
    sim: SimHarness, chromium_path: str
) -> None:
    """X's style sheet fails (a 503), then X refuses the password: the refusal is what it
    is. Only X's answer to the password itself can say X failed."""

    async def style_sheet_fails(page: Page) -> None:
        await page.route(
            lambda url: "/static/app.css" in url, lambda route: route.fulfill(status=503)
        )

    sim.add("dee", "right", lang="de")
    secrets = SignInSecrets("dee", "wrong")
    outcome, _, _ = _run(sim, chromium_path, secrets, {}, "de", prepare=style_sheet_fails)
    assert (outcome.status, outcome.reason) == (Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD)
    assert sim.signin_outcomes("dee") == ["wrong_password"]


@pytest.mark.parametrize(("status", "reason"), [(503, Reason.NETWORK), (429, Reason.RATE_LIMITED)])
def test_x_s_sign_in_page_answered_with_an_error_is_x_failing(
    sim: SimHarness, chromium_path: str, status: int, reason: Reason
) -> None:
    """X answers its sign-in page itself with an error (a 503, or 429 "too many requests"):
    no step ever shows, and the sign-in ends as X failing, said with the status X answered
    ("HTTP status 503"), not as a sign-in screen we do not know; nothing reached X's steps."""

    async def sign_in_page_fails(page: Page) -> None:
        await page.route(
            lambda url: url.split("?")[0].endswith("/i/flow/login"),
            lambda route: route.fulfill(
                status=status, body="<h1>Something is technically wrong.</h1>"
            ),
        )

    sim.add("dee", "right")
    secrets = SignInSecrets("dee", "right")
    outcome, asked, _ = _run(sim, chromium_path, secrets, {}, prepare=sign_in_page_fails)
    assert (outcome.ok, outcome.status, outcome.reason) == (False, Status.ERROR, reason)
    assert (outcome.detail, outcome.x_answered) == (f"HTTP status {status}", True)
    assert not outcome.password_submitted and asked == []
    assert sim.signin_attempts("dee") == 0


@pytest.mark.parametrize(
    ("status", "reason", "detail"),
    [
        (503, Reason.NETWORK, "HTTP status 503"),
        (429, Reason.RATE_LIMITED, "HTTP status 429"),
        (None, Reason.NETWORK, None),  # the connection cut: said in Chromium's words
    ],
)
def test_x_failing_at_the_sign_in_s_first_step_is_x_failing(
    sim: SimHarness, chromium_path: str, status: int | None, reason: Reason, detail: str | None
) -> None:
    """X fails its answer to the sign-in's first request (a 503, its "too many requests", or
    none: the connection cut), before any step shows: its page says "Something went wrong"
    with no step. The sign-in ends as X failing (backed off from as X asks, at a 429), not as
    a page Consentinel does not know (which would have its page photographed and the person
    told X's page changed)."""

    async def first_step_fails(page: Page) -> None:
        async def fail(route: Route) -> None:
            if status is None:
                await route.abort("connectionreset")
            else:
                await route.fulfill(status=status, json={})

        await page.route(lambda url: "onboarding/task.json?flow_name=login" in url, fail)

    sim.add("dee", "right")
    secrets = SignInSecrets("dee", "right")
    outcome, asked, _ = _run(sim, chromium_path, secrets, {}, prepare=first_step_fails)
    assert (outcome.ok, outcome.status, outcome.reason) == (False, Status.ERROR, reason)
    assert outcome.x_answered is (status is not None)
    if detail is not None:
        assert outcome.detail == detail
    assert not outcome.password_submitted and asked == []
    assert sim.signin_attempts("dee") == 0


def test_x_s_api_host_is_where_its_step_answers_may_come_from() -> None:
    site = XSite("https://x.com")
    assert site.api_path_of("https://api.x.com/1.1/onboarding/task.json") == TASK_PATH
    assert site.api_path_of("https://x.com/1.1/onboarding/task.json") == TASK_PATH
    assert site.api_path_of("https://api.x.com.evil.example/1.1/onboarding/task.json") == ""
    assert site.api_path_of("http://api.x.com/1.1/onboarding/task.json") == ""
    assert site.path_of("https://api.x.com/home") == ""  # pages are on X's own origin only


#: How X's code-by-text-message step says where the code went (simx's wording, [inferred]).
SMS_WORDS = {"en": "by text message", "fr": "par SMS"}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_code_sent_by_text_message_is_the_code_step(
    sim: SimHarness, chromium_path: str, lang: str
) -> None:
    """X's code step (LoginAcid) says the code went to the phone: the same step as by email.
    The person reads X's own words, and the code they type signs in."""
    sim.add("sam", "pw", lang=lang, scenario="sms_code")
    questions: list[str] = []
    answers = {PromptKind.EMAIL_CODE: lambda: sim.server.email_code("sam")}
    outcome, asked, url = _run(
        sim, chromium_path, SignInSecrets("sam", "pw"), answers, lang, questions
    )
    assert outcome.ok and url.endswith("/home"), outcome
    assert asked == [PromptKind.EMAIL_CODE]
    (question,) = questions
    assert SMS_WORDS[lang] in question and SMS_PHONE[-2:] in question, question
    assert sim.signin_outcomes("sam") == ["success"]


def test_a_puzzle_frame_without_its_usual_id_is_still_a_puzzle(chromium_path: str) -> None:
    """A build whose puzzle frame has no `#arkoseFrame`: the frame's address (Arkose Labs')
    still says what it is. Handed to a person; nothing pressed or typed inside it."""
    with running_sim(signin_layout="captcha_frame_no_id") as sim:
        sim.add("cid", "pw", scenario="captcha")
        outcome, asked, _ = _run(sim, chromium_path, SignInSecrets("cid", "pw"), {})
        assert (outcome.ok, outcome.status, outcome.reason) == (
            False,
            Status.NEEDS_USER,
            Reason.CAPTCHA,
        )
        assert asked == [PromptKind.FINISH_IN_BROWSER]
        assert not outcome.password_submitted  # X's puzzle comes before its password step
        assert sim.captcha_touches() == 0
        assert sim.signin_outcomes("cid") == ["captcha"]
        assert "/fc/gc/" in sim.other_sites_pages()


def test_a_frame_from_another_site_is_not_a_puzzle(chromium_path: str) -> None:
    """X's first step shows "Sign in with Google", a frame from Google's site: not a puzzle."""
    with running_sim(signin_layout="google_button") as sim:
        sim.add("ana", "pw")
        outcome, asked, url = _run(sim, chromium_path, SignInSecrets("ana", "pw"), {})
        assert outcome.ok and asked == [] and url.endswith("/home"), outcome
        assert sim.signin_outcomes("ana") == ["success"]
        assert "/gsi/button" in sim.other_sites_pages()  # the frame was there


# -- the wording rules, without a browser ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "screen"),
    [
        (
            "Enter your phone number or username\nThere was unusual login activity on your "
            "account. To help keep your account safe, please enter your phone number or username "
            "to verify it’s you.",
            "unusual_activity",
        ),
        (
            "Saisissez votre numéro de téléphone ou votre nom d'utilisateur\nIl y a eu une "
            "activité de connexion inhabituelle sur votre compte.",
            "unusual_activity",
        ),
        (
            "Enter code\nUse your code generator app to generate a code and enter it below.",
            "two_factor",
        ),
        (
            "Saisissez le code\nUtilisez votre application de génération de codes pour générer "
            "un code et saisissez-le ci-dessous.",
            "two_factor",
        ),
        ("Check your email\nWe sent your verification code to j***@e***.com", "email_code"),
        (
            "Vérifiez votre e-mail\nNous avons envoyé votre code de confirmation à j***@e***.com",
            "email_code",
        ),
        ("Tell us your favourite colour", "enter_text"),
    ],
)
def test_which_question_the_text_step_asks(text: str, screen: str) -> None:
    from consentinel.x.signin_screens import classify_enter_text

    assert classify_enter_text(text).value == screen


def test_unusual_activity_answer_follows_what_x_asks() -> None:
    from consentinel.x.signin import answer_for_unusual_activity

    full = SignInSecrets("gil", "pw", email="gil@example.org", phone="+33612345678")
    bare = SignInSecrets("gil", "pw")
    by_user = "Please enter your phone number or username to verify it's you."
    by_email = "Please enter your phone number or email address to verify it's you."
    by_phone = "Please enter your phone number to verify it's you."
    assert answer_for_unusual_activity(by_user, bare) == "gil"
    assert answer_for_unusual_activity(by_email, full) == "gil@example.org"
    assert answer_for_unusual_activity(by_email, bare) is None
    assert answer_for_unusual_activity(by_phone, full) == "+33612345678"
    assert answer_for_unusual_activity(by_phone, bare) is None
    fr = "Saisissez votre numéro de téléphone ou votre adresse e-mail."
    assert answer_for_unusual_activity(fr, full) == "gil@example.org"


@pytest.mark.parametrize(
    ("text", "toast"),
    [
        ("Wrong password!", "wrong_password"),
        ("Mot de passe incorrect !", "wrong_password"),
        ("Sorry, we could not find your account.", "unknown_account"),
        ("Désolé, nous n'avons pas pu trouver votre compte.", "unknown_account"),
        ("Incorrect. Please try again.", "incorrect_code"),
        ("Something else", "other"),
    ],
)
def test_toasts(text: str, toast: str) -> None:
    from consentinel.x.signin_screens import classify_toast

    found = classify_toast(text)
    assert found is not None and found.value == toast
