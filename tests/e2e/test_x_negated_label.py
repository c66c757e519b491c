"""A box whose label holds a known label with other words ("Don't allow X to personalize…") is
no box: the page is page_changed, photographed, and nothing is clicked (real Chromium, simx)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from consentinel.core.journal import EntryKind
from consentinel.core.status import ALL_BOXES, Box, Reason, Status
from consentinel.simx.texts import NEGATED_PERSONALIZATION_LABEL
from consentinel.x.errors import PageChanged
from consentinel.x.grok_page import GrokPage
from consentinel.x.site import XSite
from tests.e2e._engine_support import SimHarness, add_account, engine, make_context
from tests.e2e._grok_page_support import on_grok_page
from tests.fixtures.sandbox_fixtures import chromium

pytestmark = pytest.mark.browser


@pytest.fixture
def chromium_path() -> str:
    return chromium()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_negated_label_is_page_changed_with_nothing_sent(
    sim: SimHarness, tmp_path: Path, lang: str
) -> None:
    """Unticking a box that says "Don't allow…" would switch the person in: no box is touched."""
    sim.add("neg", "pw", lang=lang, layout="negated_label")
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "neg", "pw")
    (neg,) = engine(ctx).run_check().accounts
    assert (neg.status, neg.reason) == (Status.ERROR, Reason.PAGE_CHANGED), neg.message
    assert sim.server.mutations("neg") == []
    assert all(sim.box("neg", b) for b in ALL_BOXES)  # not even the training box, known
    said = (
        f"box 2 has an unknown label, “{NEGATED_PERSONALIZATION_LABEL[lang]}”, "
        "expected Personalization"
    )
    assert said in neg.message, neg.message
    assert neg.evidence is not None and neg.evidence.is_file()
    assert neg.message.endswith("A screenshot of the page was saved.")
    (shot,) = ctx.journal.entries(handle="neg", kinds=[EntryKind.EVIDENCE])
    assert shot.payload["path"] == neg.evidence.name


def test_grok_page_neither_reads_nor_unticks_a_negated_box(
    sim: SimHarness, chromium_path: str
) -> None:
    """GrokPage on its own (the reviewer's run): open() and untick() both refuse, with a
    screenshot, and X receives no change."""
    sim.add("nia", "pw", layout="negated_label")
    site = XSite(sim.origin)

    async def refusals(grok: GrokPage) -> tuple[PageChanged, PageChanged]:
        with pytest.raises(PageChanged) as opened:
            await grok.open()
        with pytest.raises(PageChanged) as unticked:
            await grok.untick(Box.PERSONALIZATION)
        return opened.value, unticked.value

    opened, unticked = asyncio.run(on_grok_page(chromium_path, site, "nia", refusals))
    for refused in (opened, unticked):
        assert "box 2 has an unknown label" in refused.detail, refused.detail
        assert refused.screenshot is not None and refused.screenshot.png.startswith(b"\x89PNG")
        assert refused.screenshot.url == site.grok_settings_url
    assert sim.server.mutations("nia") == []
    assert sim.box("nia", Box.PERSONALIZATION)
