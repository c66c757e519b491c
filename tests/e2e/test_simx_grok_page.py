"""The simulated X's Grok settings page: DOM, GraphQL, csrf, languages, faults and layouts."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from consentinel.simx import FlipBack, Scenario, SimAccount
from consentinel.simx.texts import label_table

WRAPPER = '[data-testid="xaiDataSharingSettings"]'
EN = label_table()["en"]
FR = label_table()["fr"]


@pytest.fixture
def page(chromium_path: Path) -> Iterator[Page]:
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(chromium_path),
            args=["--disable-background-networking", "--no-first-run"],
        )
        yield browser.new_page()
        browser.close()


def sign_in(page: Page, origin: str, handle: str, password: str = "pw") -> None:
    page.goto(origin + "/i/flow/login")
    page.locator('input[name="text"]').fill(handle)
    page.keyboard.press("Enter")
    page.locator('input[name="password"]').fill(password)
    page.get_by_test_id("LoginForm_Login_Button").click()
    page.wait_for_url("**/home")


def open_grok(page: Page, origin: str) -> None:
    page.goto(origin + "/settings/grok_settings")
    page.locator(f"{WRAPPER} input[type=checkbox]").first.wait_for(state="attached")


def test_page_is_client_rendered_like_x(simx: Any, page: Page) -> None:
    sim = simx(SimAccount("alice", "pw", memory_shown=True), render_delay_ms=300)
    sign_in(page, sim.origin, "alice")
    page.goto(sim.origin + "/settings/grok_settings")
    # A shell and a spinner first, then the rendered settings.
    expect(page.get_by_role("progressbar")).to_be_visible()
    expect(page.locator(WRAPPER)).to_have_count(0)
    open_grok(page, sim.origin)
    expect(page.get_by_role("heading", name="Grok & Third-Party Collaborators")).to_be_visible()
    inputs = page.locator(f"{WRAPPER} input[type=checkbox]")
    expect(inputs).to_have_count(3)
    for index, key in enumerate(("training_label", "personalization_label", "memory_label")):
        box = inputs.nth(index)
        expect(box).to_be_checked()
        assert box.get_attribute("name") is None and box.get_attribute("data-testid") is None
        help_id = box.get_attribute("aria-describedby")
        assert help_id == f"CHECKBOX_{index + 1}_LABEL"
        help_text = page.locator(f"#{help_id}")
        expect(help_text.get_by_role("link", name="Learn more")).to_have_attribute(
            "href", "https://help.x.com/using-x/about-grok"
        )
        assert box.evaluate("el => getComputedStyle(el).opacity") == "0"
        expect(page.get_by_label(EN[key])).to_be_checked()
    classes = inputs.first.get_attribute("class") or ""
    assert classes.startswith("css-175oi2r r-")
    expect(page.get_by_role("button", name="Delete conversation history")).to_be_visible()


def test_memory_hidden_by_default(simx: Any, page: Page) -> None:
    sim = simx(SimAccount("alice", "pw"))
    sign_in(page, sim.origin, "alice")
    open_grok(page, sim.origin)
    expect(page.locator(f"{WRAPPER} input[type=checkbox]")).to_have_count(2)


def test_untick_sends_mutation_and_survives_reload(simx: Any, page: Page) -> None:
    sim = simx(SimAccount("alice", "pw"))
    sign_in(page, sim.origin, "alice")
    open_grok(page, sim.origin)
    training = page.get_by_label(EN["training_label"])
    with page.expect_response(lambda r: "XaiDataSharingSettingsMutation" in r.url) as info:
        training.click()
    assert info.value.status == 200
    request = info.value.request
    assert (
        request.headers["x-csrf-token"]
        == {c["name"]: c["value"] for c in page.context.cookies()}["ct0"]
    )
    assert request.post_data_json["variables"] == {"allowXaiDataSharing": False}
    assert sim.boxes("alice")["training"] is False
    page.reload()
    open_grok(page, sim.origin)
    expect(page.get_by_label(EN["training_label"])).not_to_be_checked()
    expect(page.get_by_label(EN["personalization_label"])).to_be_checked()


def test_forged_request_without_csrf_header_is_refused(simx: Any, page: Page) -> None:
    sim = simx(SimAccount("alice", "pw"))
    sign_in(page, sim.origin, "alice")
    query_id = sim.query_ids["XaiDataSharingSettingsMutation"]
    url = f"{sim.origin}/i/api/graphql/{query_id}/XaiDataSharingSettingsMutation"
    body = {"variables": {"allowXaiDataSharing": False}, "queryId": query_id}
    forged = page.request.post(url, data=body, headers={"x-csrf-token": "forged"})
    assert forged.status == 403
    missing = page.request.post(url, data=body)
    assert missing.status == 403
    assert sim.boxes("alice")["training"] is True
    assert sim.mutations("alice") == []


@pytest.mark.parametrize("failure_status", [500, 200])
def test_failing_mutation_is_rolled_back_with_a_toast(
    simx: Any, page: Page, failure_status: int
) -> None:
    """X says no with an HTTP error, or with a 200 whose GraphQL body holds "errors"."""
    sim = simx(SimAccount("alice", "pw", fail_mutations=1, failure_status=failure_status))
    sign_in(page, sim.origin, "alice")
    open_grok(page, sim.origin)
    training = page.get_by_label(EN["training_label"])
    with page.expect_response(lambda r: "XaiDataSharingSettingsMutation" in r.url) as answer:
        training.click()
    assert answer.value.status == failure_status
    if failure_status == 200:  # (the page never reads a 500's body, so Chromium keeps none)
        assert answer.value.json()["errors"]
    expect(page.get_by_test_id("toast")).to_have_text("Something went wrong. Try reloading.")
    expect(training).to_be_checked()
    assert sim.boxes("alice")["training"] is True
    assert [m["ok"] for m in sim.mutations("alice")] == [False]


def test_french_labels(simx: Any, page: Page) -> None:
    sim = simx(SimAccount("camille", "pw", language="fr", memory_shown=True))
    sign_in(page, sim.origin, "camille")
    open_grok(page, sim.origin)
    expect(page.get_by_role("heading", name=FR["grok_page_title"])).to_be_visible()
    expect(page.get_by_label(FR["training_label"])).to_be_checked()
    expect(page.get_by_label(FR["memory_label"])).to_be_checked()
    expect(
        page.get_by_role("button", name="Supprimer l'historique des conversations")
    ).to_be_visible()


def test_minor_gets_disabled_boxes(simx: Any, page: Page) -> None:
    sim = simx(SimAccount("kid", "pw", minor=True))
    sign_in(page, sim.origin, "kid")
    open_grok(page, sim.origin)
    expect(page.get_by_label(EN["training_label"])).to_be_disabled()


@pytest.mark.parametrize(
    "layout",
    [
        "reordered",
        "extra_wrappers",
        "changed_label",
        "no_wrapper",
        "later_help_ids",
        "old_label",
        "negated_label",
        "extended_label",
    ],
)
def test_layout_variants(simx: Any, page: Page, layout: str) -> None:
    sim = simx(SimAccount("alice", "pw", layout=layout))
    sign_in(page, sim.origin, "alice")
    page.goto(sim.origin + "/settings/grok_settings")
    page.locator("input[type=checkbox]").first.wait_for(state="attached")
    labels = page.locator("label").all_inner_texts()
    if layout == "reordered":
        assert EN["personalization_label"] in labels[0] and EN["training_label"] in labels[1]
    elif layout == "changed_label":
        assert EN["training_label"] not in labels[0]
    elif layout == "no_wrapper":
        expect(page.locator(WRAPPER)).to_have_count(0)
    elif layout == "later_help_ids":
        ids = [b.get_attribute("aria-describedby") for b in page.locator(f"{WRAPPER} input").all()]
        assert ids[:2] == ["CHECKBOX_7_LABEL", "CHECKBOX_8_LABEL"], ids
    elif layout == "old_label":
        assert labels[0].startswith("Allow your posts as well as your interactions"), labels
    elif layout == "negated_label":
        assert labels[1] == "Don't allow X to personalize your experience with Grok", labels
    elif layout == "extended_label":
        assert labels[0].startswith(EN["training_label"] + ", and to be shared"), labels
    else:
        depth = page.locator(f"{WRAPPER} input").first.evaluate(
            "el => { let d = 0; for (let n = el; n && n.dataset.testid !== "
            "'xaiDataSharingSettings'; n = n.parentElement) d++; return d; }"
        )
        assert depth > 5


def test_delete_history_button_and_confirmation_are_recorded(simx: Any, page: Page) -> None:
    sim = simx(SimAccount("alice", "pw"))
    sign_in(page, sim.origin, "alice")
    open_grok(page, sim.origin)
    assert sim.delete_presses("alice") == []
    page.get_by_role("button", name="Delete conversation history").click()
    page.get_by_test_id("confirmationSheetConfirm").click()
    expect(page.get_by_test_id("sheetDialog")).to_have_count(0)
    assert sim.delete_presses("alice") == ["button", "confirmed"]


def test_x_switches_a_box_back_on(simx: Any, page: Page) -> None:
    sim = simx(SimAccount("alice", "pw", flip_back=FlipBack("training", after_visits=1)))
    sign_in(page, sim.origin, "alice")
    open_grok(page, sim.origin)
    with page.expect_response(lambda r: "XaiDataSharingSettingsMutation" in r.url):
        page.get_by_label(EN["training_label"]).click()
    assert sim.boxes("alice")["training"] is False
    open_grok(page, sim.origin)  # the read-back still sees it off
    expect(page.get_by_label(EN["training_label"])).not_to_be_checked()
    open_grok(page, sim.origin)  # a later visit: X switched it back on
    expect(page.get_by_label(EN["training_label"])).to_be_checked()


def test_faults(simx: Any, page: Page) -> None:
    sim = simx(
        SimAccount("err", "pw", fault="http_500"), SimAccount("rl", "pw", fault="rate_limit")
    )
    sign_in(page, sim.origin, "err")
    response = page.goto(sim.origin + "/settings/grok_settings")
    assert response is not None and response.status == 500
    page.context.clear_cookies()
    sign_in(page, sim.origin, "rl")
    page.goto(sim.origin + "/settings/grok_settings")
    expect(page.get_by_test_id("toast")).to_contain_text("rate limited")
    expect(page.locator(WRAPPER)).to_have_count(0)


def test_other_read_fault_drawn_boxes_and_renamed_settings_read(simx: Any, page: Page) -> None:
    """The page's badge count failing leaves the boxes drawn; `drawn_boxes` draws them
    against X's data, and with `redrawn_after_ms` draws them again from it a moment later;
    `settings_query` renames the page's read of the settings."""
    sim = simx(
        SimAccount("rl", "pw", other_read_fault="rate_limit"),
        SimAccount("un", "pw", drawn_boxes=False),
        SimAccount("nm", "pw", settings_query="GrokSettingsQuery"),
        SimAccount("rd", "pw", drawn_boxes=False, redrawn_after_ms=300),
    )
    sign_in(page, sim.origin, "rl")
    with page.expect_response(lambda r: r.url.split("?")[0].endswith("/BadgeCount")) as badge:
        open_grok(page, sim.origin)
    assert badge.value.status == 429
    expect(page.locator(f"{WRAPPER} input[type=checkbox]")).to_have_count(2)
    expect(page.get_by_label(EN["training_label"])).to_be_checked()
    expect(page.get_by_test_id("toast")).to_have_count(0)
    page.context.clear_cookies()
    sign_in(page, sim.origin, "un")
    with page.expect_response(lambda r: "/GrokSettingsScreenQuery" in r.url) as read:
        open_grok(page, sim.origin)
    assert read.value.json()["data"]["viewer"]["user_preferences"]["allow_xai_data_sharing"]
    expect(page.get_by_label(EN["training_label"])).not_to_be_checked()
    page.context.clear_cookies()
    sign_in(page, sim.origin, "nm")
    with page.expect_response(lambda r: r.url.split("?")[0].endswith("/GrokSettingsQuery")):
        open_grok(page, sim.origin)
    expect(page.get_by_label(EN["training_label"])).to_be_checked()
    page.context.clear_cookies()
    sign_in(page, sim.origin, "rd")
    open_grok(page, sim.origin)
    expect(page.get_by_label(EN["training_label"])).not_to_be_checked()
    first = page.get_by_label(EN["training_label"]).element_handle()
    # Redrawn by the page itself: new boxes, as X holds them (on).
    expect(page.get_by_label(EN["training_label"])).to_be_checked()
    expect(page.get_by_label(EN["personalization_label"])).to_be_checked()
    assert not first.evaluate("(input) => input.isConnected")
    with pytest.raises(ValueError, match="other_read_fault"):
        SimAccount("x", "pw", other_read_fault="hang")
    with pytest.raises(ValueError, match="redrawn_after_ms"):
        SimAccount("x", "pw", redrawn_after_ms=300)  # only boxes drawn otherwise are redrawn
    for busy in (-1, 60_001, True, 2.5):
        with pytest.raises(ValueError, match="busy_after_change_ms"):
            SimAccount("x", "pw", busy_after_change_ms=busy)  # type: ignore[arg-type]


def test_scenario_files(tmp_path: Path) -> None:
    demo = Path(__file__).parents[2] / "desktop/consentinel/simx/scenarios/demo.toml"
    scenario = Scenario.from_file(demo)
    assert len(scenario.accounts) >= 5
    bad = tmp_path / "bad.toml"
    for text, words in [
        ("accounts = 3", "list of tables"),
        ('[[accounts]]\nhandle = "not a handle"\npassword = "x"', "not a valid X handle"),
        ('[[accounts]]\nhandle = "a"\npassword = "x"\nchallenges = ["dance"]', "unknown challenge"),
        ("this is = = not toml", "not valid"),
    ]:
        bad.write_text(text)
        with pytest.raises(ValueError, match=words):
            Scenario.from_file(bad)
    as_json = tmp_path / "s.json"
    as_json.write_text('{"accounts": [{"handle": "bob", "password": "x", "language": "fr"}]}')
    assert Scenario.from_file(as_json).accounts[0].language == "fr"


def test_served_standalone_prints_its_address(tmp_path: Path) -> None:
    scenario = tmp_path / "one.toml"
    scenario.write_text('[[accounts]]\nhandle = "alice"\npassword = "pw"\n')
    proc = subprocess.Popen(
        [sys.executable, "-m", "consentinel.simx", "--scenario", str(scenario)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        origin = proc.stdout.readline().strip()
        assert origin.startswith("http://127.0.0.1:")
        import json
        import urllib.request

        with urllib.request.urlopen(origin + "/__simx/truth", timeout=10) as reply:
            assert "alice" in json.load(reply)["accounts"]
    finally:
        proc.terminate()
        proc.wait(timeout=10)
