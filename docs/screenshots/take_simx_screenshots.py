"""Take the simx screenshots in docs/screenshots with real Chromium (run from the repo root)."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from consentinel.simx import Scenario, SimAccount, SimX

HERE = Path(__file__).resolve().parent
CHROMIUM_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def _sign_in(page: Page, origin: str, handle: str, password: str) -> None:
    page.goto(origin + "/i/flow/login")
    page.locator('input[name="text"][autocomplete="username"]').fill(handle)
    page.keyboard.press("Enter")
    page.locator('input[name="password"]').fill(password)
    page.locator('[data-testid="LoginForm_Login_Button"]').click()
    page.wait_for_url("**/home")


def main() -> None:
    accounts = [
        SimAccount(handle="alice", password="demo-pw", memory_shown=True),
        SimAccount(
            handle="camille",
            password="demo-pw",
            language="fr",
            memory_shown=True,
            boxes={"training": False},
        ),
    ]
    with SimX(Scenario(accounts=accounts, render_delay_ms=50)) as sim, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for handle, shot in (("alice", "simx-grok-en.png"), ("camille", "simx-grok-fr.png")):
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            if handle == "alice":
                page.goto(sim.origin + "/i/flow/login")
                page.locator('input[name="text"]').fill("alice")
                page.keyboard.press("Enter")
                page.locator('input[name="password"]').fill("demo-pw")
                page.screenshot(path=str(HERE / "simx-password.png"))
                page.locator('[data-testid="LoginForm_Login_Button"]').click()
                page.wait_for_url("**/home")
            else:
                _sign_in(page, sim.origin, handle, "demo-pw")
            page.goto(sim.origin + "/settings/grok_settings")
            page.locator(
                '[data-testid="xaiDataSharingSettings"] input[type="checkbox"]'
            ).first.wait_for()
            page.screenshot(path=str(HERE / shot))
            if handle == "alice":
                # The same page after Consentinel's work: what a journal's evidence shows.
                settings = page.locator('[data-testid="xaiDataSharingSettings"]')
                boxes = settings.locator('input[type="checkbox"]')
                for index in range(boxes.count()):
                    if boxes.nth(index).is_checked():
                        with page.expect_response(lambda r: r.request.method == "POST"):
                            boxes.nth(index).click()
                page.reload()
                boxes.first.wait_for()
                page.screenshot(path=str(HERE / "simx-grok-unticked-en.png"))
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
