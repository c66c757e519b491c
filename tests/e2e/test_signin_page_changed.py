"""A sign-in screen X is not known to show: the check stops there, answers nothing, and keeps
a screenshot of it as it does of a settings page that changed — every field and frame masked,
so that nothing typed shows in it.

Real Chromium against simx: its `new_step` challenge asks, after the password, for a date of
birth, a step x-reference §3 does not list.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PIL import Image
from playwright.async_api import async_playwright

from consentinel.core.journal import EntryKind
from consentinel.core.status import ALL_BOXES, Reason, Status
from consentinel.x.browser import launch_args
from consentinel.x.signin_shot import MASK_COLOR, signin_screenshot
from consentinel.x.site import XSite
from tests.e2e._engine_support import SimHarness, add_account, engine, make_context
from tests.fixtures.sandbox_fixtures import chromium

pytestmark = pytest.mark.browser


def test_an_unknown_sign_in_step_is_page_changed_with_its_screenshot(
    sim: SimHarness, tmp_path: Path
) -> None:
    sim.add("noel", "pw-noel", scenario="new_step")
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "noel", "pw-noel")
    (noel,) = engine(ctx).run_check().accounts

    assert (noel.status, noel.reason) == (Status.ERROR, Reason.PAGE_CHANGED), noel.message
    assert noel.message.endswith("A screenshot of the page was saved."), noel.message
    assert sim.mutations("noel") == 0 and all(sim.box("noel", b) for b in ALL_BOXES)
    assert noel.evidence is not None and noel.evidence.is_file()
    (shot,) = ctx.journal.entries(handle="noel", kinds=[EntryKind.EVIDENCE])
    assert (shot.payload["path"], shot.payload["why"]) == (
        noel.evidence.name,
        "signin-page-changed",
    )
    with Image.open(noel.evidence) as image:
        text = image.text  # type: ignore[attr-defined]
        assert text["Description"] == (
            "the sign-in page did not look as expected (X's sign-in page, its fields masked)"
        )
        assert text["URL"] == f"{sim.origin}/i/flow/login"
    assert b"pw-noel" not in noel.evidence.read_bytes()


def _pixels(png: bytes, box: dict[str, float]) -> set[tuple[int, ...]]:
    """The colours inside `box` (CSS pixels, the screenshot's scale), a pixel's margin off."""
    import io

    with Image.open(io.BytesIO(png)) as image:
        rgb = image.convert("RGB")
        left, top = int(box["x"]) + 1, int(box["y"]) + 1
        right, bottom = int(box["x"] + box["width"]) - 1, int(box["y"] + box["height"]) - 1
        return {rgb.getpixel((x, y)) for x in range(left, right) for y in range(top, bottom)}


def test_what_was_typed_never_shows_in_the_screenshot(sim: SimHarness) -> None:
    """The handle typed on X's first step is covered by the mask, whole; without it, it
    shows (what the test looks at is there to hide)."""
    sim.add("typed_handle", "pw")

    async def shots() -> tuple[bytes, bytes, dict[str, float]]:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(
                executable_path=chromium(), headless=True, args=launch_args(True)
            )
            try:
                page = await browser.new_page()
                await page.goto(XSite(sim.origin).login_url)
                field = page.locator('input[name="text"][autocomplete="username"]')
                await field.fill("typed_handle")
                box = await field.bounding_box()
                assert box is not None
                shot = await signin_screenshot(page)
                assert shot is not None
                return shot.png, await page.screenshot(), box
            finally:
                await browser.close()

    masked, bare, box = asyncio.run(shots())
    mask = tuple(int(MASK_COLOR[i : i + 2], 16) for i in (1, 3, 5))
    assert _pixels(masked, box) == {mask}
    assert len(_pixels(bare, box)) > 2  # the field's text, drawn
