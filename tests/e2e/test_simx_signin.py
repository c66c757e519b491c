"""The simulated X's sign-in flow, driven by real Chromium the way a person would."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pyotp
import pytest
from playwright.sync_api import Page, expect, sync_playwright

from consentinel.simx import SimAccount

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


@pytest.fixture
def page(chromium_path: Path) -> Iterator[Page]:
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(chromium_path),
            args=["--disable-background-networking", "--no-first-run"],
        )
        yield browser.new_page()
        browser.close()


def start_login(page: Page, origin: str, identifier: str) -> None:
    page.goto(origin + "/i/flow/login")
    page.locator('input[name="text"][autocomplete="username"]').fill(identifier)
    page.keyboard.press("Enter")


def enter_password(page: Page, password: str) -> None:
    field = page.locator('input[name="password"][type="password"][autocomplete="current-password"]')
    button = page.locator('[data-testid="LoginForm_Login_Button"]')
    expect(button).to_be_disabled()
    field.fill(password)
    button.click()


def test_signed_out_settings_visit_leads_to_sign_in(simx: Any, page: Page) -> None:
    sim = simx(SimAccount("alice", "pw"))
    page.goto(sim.origin + "/settings/grok_settings")
    assert "/i/flow/login" in page.url
    expect(page.locator('input[name="text"][autocomplete="username"]')).to_be_visible()


def test_username_then_password_lands_home_with_cookies(simx: Any, page: Page) -> None:
    sim = simx(SimAccount("alice", "s3cret"))
    start_login(page, sim.origin, "alice")
    expect(page.locator('input[name="username"][type="hidden"]')).to_have_value("alice")
    enter_password(page, "s3cret")
    page.wait_for_url("**/home")
    for testid in (
        "AppTabBar_Home_Link",
        "SideNav_AccountSwitcher_Button",
        "SideNav_NewTweet_Button",
        "primaryColumn",
    ):
        expect(page.get_by_test_id(testid)).to_be_visible()
    cookies = {c["name"]: c for c in page.context.cookies()}
    assert cookies["auth_token"]["httpOnly"] is True
    assert cookies["ct0"]["httpOnly"] is False
    assert [a["outcome"] for a in sim.signin_attempts("alice")] == ["success"]


def test_unknown_account_and_wrong_password_toasts(simx: Any, page: Page) -> None:
    sim = simx(SimAccount("alice", "s3cret"))
    start_login(page, sim.origin, "nobody_here")
    expect(page.get_by_test_id("toast")).to_have_text("Sorry, we could not find your account.")
    page.locator('input[name="text"]').fill("alice")
    page.keyboard.press("Enter")
    enter_password(page, "wrong")
    expect(page.get_by_test_id("toast")).to_have_text("Wrong password!")
    outcomes = [a["outcome"] for a in sim.signin_attempts()]
    assert outcomes == ["unknown_account", "wrong_password"]


@pytest.mark.parametrize(
    ("challenge", "answer", "heading"),
    [
        ("unusual_activity_username", "alice", "Enter your phone number or username"),
        ("unusual_activity_email", "alice@example.org", "Enter your phone number or email address"),
    ],
)
def test_unusual_activity_check(
    simx: Any, page: Page, challenge: str, answer: str, heading: str
) -> None:
    sim = simx(SimAccount("alice", "pw", email="alice@example.org", challenges=[challenge]))
    start_login(page, sim.origin, "alice")
    expect(page.get_by_role("heading", name=heading)).to_be_visible()
    expect(
        page.get_by_text("There was unusual login activity on your account.", exact=False)
    ).to_be_visible()
    page.get_by_test_id("ocfEnterTextTextInput").fill("not-it")
    page.get_by_test_id("ocfEnterTextNextButton").click()
    expect(page.get_by_test_id("toast")).to_have_text("Incorrect. Please try again.")
    page.get_by_test_id("ocfEnterTextTextInput").fill(answer)
    page.get_by_test_id("ocfEnterTextNextButton").click()
    enter_password(page, "pw")
    page.wait_for_url("**/home")


def test_totp_two_factor_checked_against_the_real_secret(simx: Any, page: Page) -> None:
    sim = simx(SimAccount("alice", "pw", totp_secret=SECRET, challenges=["two_factor"]))
    start_login(page, sim.origin, "alice")
    enter_password(page, "pw")
    expect(
        page.get_by_text("Use your code generator app to generate a code and enter it below.")
    ).to_be_visible()
    page.get_by_test_id("ocfEnterTextTextInput").fill(
        "000000" if pyotp.TOTP(SECRET).now() != "000000" else "111111"
    )
    page.get_by_test_id("ocfEnterTextNextButton").click()
    expect(page.get_by_test_id("toast")).to_have_text("Incorrect. Please try again.")
    code = pyotp.TOTP(SECRET).now()
    page.get_by_test_id("ocfEnterTextTextInput").fill(code)
    page.get_by_test_id("ocfEnterTextNextButton").click()
    page.wait_for_url("**/home")
    # The same code cannot be used twice (a fresh sign-in with it is refused).
    page.context.clear_cookies()
    start_login(page, sim.origin, "alice")
    enter_password(page, "pw")
    page.get_by_test_id("ocfEnterTextTextInput").fill(code)
    page.get_by_test_id("ocfEnterTextNextButton").click()
    expect(page.get_by_test_id("toast")).to_have_text("Incorrect. Please try again.")


def test_email_code(simx: Any, page: Page) -> None:
    sim = simx(SimAccount("alice", "pw", challenges=["email_code"]))
    start_login(page, sim.origin, "alice")
    enter_password(page, "pw")
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()
    code = sim.email_code("alice")
    assert code and len(code) == 6
    page.get_by_test_id("ocfEnterTextTextInput").fill(code)
    page.get_by_test_id("ocfEnterTextNextButton").click()
    page.wait_for_url("**/home")


def test_captcha_refusal_and_lock(simx: Any, page: Page) -> None:
    sim = simx(
        SimAccount("cap", "pw", challenges=["captcha"]),
        SimAccount("deny", "pw", challenges=["refuse"]),
        SimAccount("locked", "pw", challenges=["lock"]),
    )
    start_login(page, sim.origin, "cap")
    expect(page.locator("#arkoseFrame")).to_be_visible()
    expect(page.locator('input[name="password"]')).to_have_count(0)
    # As X's (iframe.arkoselabs.com), the puzzle is another site's: the page cannot reach into it.
    frame_src = page.locator("#arkoseFrame").get_attribute("src") or ""
    assert frame_src.startswith(sim.captcha_origin + "/") and not frame_src.startswith(sim.origin)
    assert urlsplit(frame_src).hostname == "iframe.arkoselabs.localhost", frame_src
    expect(page.frame_locator("#arkoseFrame").locator("#solve")).to_be_visible()
    assert (
        page.evaluate(
            "() => { try { return !!document.querySelector('#arkoseFrame').contentDocument; }"
            " catch (e) { return 'blocked'; } }"
        )
        is False
    )

    page.context.clear_cookies()
    start_login(page, sim.origin, "deny")
    enter_password(page, "pw")
    expect(page.get_by_test_id("OCF_CallToAction_Button")).to_be_visible()
    expect(page.get_by_text("Could not log you in now. Please try again later.")).to_be_visible()

    start_login(page, sim.origin, "locked")
    enter_password(page, "pw")
    page.wait_for_url("**/account/access")
    expect(page.get_by_role("heading", name="Authenticate your account")).to_be_visible()
    assert [a["outcome"] for a in sim.signin_attempts()] == ["captcha", "refused", "locked"]
    assert sim.truth()["sessions"] == 0


def test_session_expiry_sends_back_to_sign_in(simx: Any, page: Page) -> None:
    sim = simx(SimAccount("alice", "pw"))
    start_login(page, sim.origin, "alice")
    enter_password(page, "pw")
    page.wait_for_url("**/home")
    sim.expire_sessions()
    page.goto(sim.origin + "/settings/grok_settings")
    assert "/i/flow/login" in page.url


def test_french_sign_in_pages(simx: Any, chromium_path: Path) -> None:
    sim = simx(SimAccount("alice", "pw"))
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(chromium_path))
        page = browser.new_page(locale="fr-FR")
        start_login(page, sim.origin, "alice")
        expect(page.get_by_test_id("LoginForm_Login_Button")).to_have_text("Se connecter")
        enter_password(page, "faux")
        expect(page.get_by_test_id("toast")).to_have_text("Mot de passe incorrect !")
        browser.close()


def test_wrong_passwords_in_a_row_lock_the_account(simx: Any, page: Page) -> None:
    """x-reference §4: repeated failures lock accounts. The third wrong password in a row
    (`lock_after_failures`, 3 by default), typed here or on another device, locks it: its
    signed-in pages and its next sign-ins lead to /account/access."""
    sim = simx(
        SimAccount("alice", "pw"),
        SimAccount("bob", "pw"),
        SimAccount("carl", "pw", lock_after_failures=0),
    )
    start_login(page, sim.origin, "alice")
    enter_password(page, "pw")
    page.wait_for_url("**/home")
    for _ in range(2):
        assert sim.sign_in_elsewhere("alice", "nope") == "wrong_password"
    assert not sim.locked("alice")
    page.goto(sim.origin + "/settings/grok_settings")
    expect(page.get_by_test_id("xaiDataSharingSettings")).to_be_visible()
    assert sim.sign_in_elsewhere("alice", "nope") == "wrong_password"  # X still says so
    assert sim.locked("alice") and sim.truth()["accounts"]["alice"]["failures_in_a_row"] == 3
    page.goto(sim.origin + "/settings/grok_settings")
    page.wait_for_url("**/account/access")
    expect(page.get_by_role("heading", name="Authenticate your account")).to_be_visible()
    # The next sign-in in a browser, with the right password, ends there too.
    page.context.clear_cookies()
    start_login(page, sim.origin, "alice")
    enter_password(page, "pw")
    page.wait_for_url("**/account/access")
    outcomes = [(a["outcome"], a["elsewhere"]) for a in sim.signin_attempts("alice")]
    assert outcomes == [("success", False), *[("wrong_password", True)] * 3, ("locked", False)]
    # Wrong passwords typed in the browser count the same; a sign-in in between starts again.
    for password in ("nope", "nope", "pw", "nope", "nope"):
        page.context.clear_cookies()
        start_login(page, sim.origin, "bob")
        enter_password(page, password)
        if password == "pw":
            page.wait_for_url("**/home")
        else:
            expect(page.get_by_test_id("toast")).to_have_text("Wrong password!")
    assert not sim.locked("bob")
    assert sim.sign_in_elsewhere("bob", "nope") == "wrong_password"
    assert sim.locked("bob")
    # lock_after_failures = 0: X never locks it.
    assert {sim.sign_in_elsewhere("carl", "nope") for _ in range(5)} == {"wrong_password"}
    assert not sim.locked("carl")


def test_a_code_sent_by_text_message(simx: Any, page: Page) -> None:
    """The same code step as by email (LoginAcid, its one field), worded for the phone."""
    sim = simx(SimAccount("alice", "pw", phone="+33 6 12 34 56 78", challenges=["sms_code"]))
    start_login(page, sim.origin, "alice")
    enter_password(page, "pw")
    expect(page.get_by_role("heading", name="Check your phone")).to_be_visible()
    expect(
        page.get_by_text(
            "We sent a confirmation code by text message to your phone number ending in 78."
        )
    ).to_be_visible()
    code = sim.email_code("alice")
    assert code and len(code) == 6
    page.get_by_test_id("ocfEnterTextTextInput").fill(code)
    page.get_by_test_id("ocfEnterTextNextButton").click()
    page.wait_for_url("**/home")
    assert [a["steps"][-2] for a in sim.signin_attempts("alice")] == ["LoginAcid"]


def test_a_puzzle_frame_without_an_id(simx: Any, page: Page) -> None:
    """The `captcha_frame_no_id` sign-in layout: only the frame's address names the puzzle."""
    sim = simx(SimAccount("cap", "pw", challenges=["captcha"]), signin_layout="captcha_frame_no_id")
    start_login(page, sim.origin, "cap")
    frame = page.locator(f'iframe[src^="{sim.captcha_origin}/fc/gc/"]')
    expect(frame).to_be_visible()
    assert frame.get_attribute("id") is None
    expect(page.locator("#arkoseFrame")).to_have_count(0)
    expect(frame.content_frame.locator("#solve")).to_be_visible()


def test_the_sign_in_with_google_frame(simx: Any, page: Page) -> None:
    """The `google_button` sign-in layout: X's first step shows a frame from Google's site,
    on that step only."""
    sim = simx(SimAccount("alice", "pw"), signin_layout="google_button")
    page.goto(sim.origin + "/i/flow/login")
    frame = page.locator(f'iframe[src^="{sim.google_origin}/gsi/button"]')
    expect(frame).to_be_visible()
    assert urlsplit(frame.get_attribute("src") or "").hostname == "accounts.google.localhost"
    expect(frame.content_frame.get_by_role("button", name="Sign in with Google")).to_be_visible()
    page.locator('input[name="text"][autocomplete="username"]').fill("alice")
    page.keyboard.press("Enter")
    expect(page.locator('input[name="password"]')).to_be_visible()
    expect(frame).to_have_count(0)


@pytest.mark.parametrize("fault", ["http_500", "connection_reset", "went_wrong"])
def test_x_failing_at_a_sign_in_step(simx: Any, page: Page, fault: str) -> None:
    """`signin_faults`: X fails its answer at a step without looking at what was typed; its
    page says "Something went wrong" and stays at the step. The code was not used up, nor
    counted toward the lock: once X answers again (`change_account`), the same code passes."""
    sim = simx(
        SimAccount(
            "alice",
            "pw",
            totp_secret=SECRET,
            challenges=["two_factor"],
            signin_faults={"two_factor": fault},
            lock_after_failures=1,
        )
    )
    start_login(page, sim.origin, "alice")
    enter_password(page, "pw")
    code = pyotp.TOTP(SECRET).now()
    page.get_by_test_id("ocfEnterTextTextInput").fill(code)
    page.get_by_test_id("ocfEnterTextNextButton").click()
    expect(page.get_by_test_id("toast")).to_have_text("Something went wrong. Try reloading.")
    expect(page.get_by_test_id("ocfEnterTextTextInput")).to_be_visible()
    assert [a["outcome"] for a in sim.signin_attempts("alice")] == ["two_factor_fault"]
    assert not sim.locked("alice")
    sim.change_account("alice", signin_faults={})
    page.get_by_test_id("ocfEnterTextNextButton").click()
    page.wait_for_url("**/home")
    assert [a["outcome"] for a in sim.signin_attempts("alice")] == ["two_factor_fault", "success"]


def test_x_refusing_the_sign_in_right_after_the_right_code(simx: Any, page: Page) -> None:
    """`challenges` in order: "refuse" after "two_factor" refuses once the code was right."""
    sim = simx(SimAccount("alice", "pw", totp_secret=SECRET, challenges=["two_factor", "refuse"]))
    start_login(page, sim.origin, "alice")
    enter_password(page, "pw")
    page.get_by_test_id("ocfEnterTextTextInput").fill(pyotp.TOTP(SECRET).now())
    page.get_by_test_id("ocfEnterTextNextButton").click()
    expect(page.get_by_text("Could not log you in now. Please try again later.")).to_be_visible()
    (attempt,) = sim.signin_attempts("alice")
    assert attempt["outcome"] == "refused"
    assert attempt["steps"][-2:] == ["LoginTwoFactorAuthChallenge", "DenyLoginSubtask"]
