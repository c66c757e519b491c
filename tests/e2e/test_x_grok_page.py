"""x/grok_page.py against simx: every layout X might change to is refused with nothing clicked."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PIL import Image

from consentinel.core.context import AppContext
from consentinel.core.journal import EntryKind
from consentinel.core.status import ALL_BOXES, Box, Reason, Status
from consentinel.x.errors import NetworkTrouble, PageChanged
from consentinel.x.grok_page import GrokPage
from consentinel.x.site import XSite
from tests.e2e._engine_support import SimHarness, add_account, engine, make_context
from tests.e2e._grok_page_support import on_grok_page
from tests.fixtures.sandbox_fixtures import chromium

pytestmark = pytest.mark.browser


#: Layout changes simx can show; each must end page_changed with no mutation sent.
#: (Help ids missing or out of order, extra or missing boxes: see identify_boxes tests below.)
LAYOUTS = [
    "reordered",  # personalization first: label and position disagree
    "changed_label",  # the training box says something we do not know
    "no_wrapper",  # the data-testid wrapper is gone
    "negated_label",  # "Don't allow X to personalize…": a known label, negated
    "extended_label",  # the training label with words of its own after it
    # X adds a setting Consentinel does not read (ticked): "all unticked" would be false
    "new_switch",  # a role="switch" in the wrapper
    "new_toggle_button",  # a pressed button (aria-pressed) in the wrapper
    "new_hidden_box",  # a fourth checkbox whose input is display:none
    "new_section_box",  # a checkbox in a new section just after the wrapper
    "delete_in_block",  # the delete button inside the Memory box's block
]
#: What the check says of each of those (the part after "nothing was clicked (").
NEW_SETTING = "Data sharing with business partners"  # (x-labels.tsv, X's own words)
SAID_OF = {
    "new_switch": f"the page holds a setting Consentinel does not read: a switch, “{NEW_SETTING}”",
    "new_toggle_button": "the page holds a setting Consentinel does not read: a control that "
    f"can be on or off, “{NEW_SETTING}”",
    "new_hidden_box": "the page holds a setting Consentinel does not read: a hidden checkbox, "
    f"“{NEW_SETTING}”",
    "new_section_box": "the page holds a setting Consentinel does not read: a checkbox, "
    f"“{NEW_SETTING}”",
    "delete_in_block": "refused to click the Memory box: it is not a plain checkbox, or a "
    "button or a link shares its block",
}


@pytest.fixture
def chromium_path() -> str:
    return chromium()


@pytest.mark.parametrize("layout", LAYOUTS)
def test_changed_layout_is_page_changed_with_nothing_clicked(
    sim: SimHarness, tmp_path: Path, layout: str
) -> None:
    sim.add("ada", "pw", layout=layout)
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "ada", "pw")
    (ada,) = engine(ctx).run_check().accounts
    assert (ada.status, ada.reason) == (Status.ERROR, Reason.PAGE_CHANGED), ada.message
    assert sim.mutations("ada") == 0
    assert all(sim.box("ada", b) for b in ALL_BOXES)
    # A full-page screenshot of what we saw is kept and journaled.
    assert ada.evidence is not None and ada.evidence.is_file()
    assert ada.message.endswith("A screenshot of the page was saved.")
    (shot,) = ctx.journal.entries(handle="ada", kinds=[EntryKind.EVIDENCE])
    assert shot.payload["path"] == ada.evidence.name
    # The picture says in itself what it shows, of which page and account (as each one kept).
    with Image.open(ada.evidence) as image:
        text = image.text  # type: ignore[attr-defined]
        assert text["Description"] == "the page did not look as expected (X's Grok settings page)"
        assert (text["Account"], text["URL"]) == ("@ada", ctx.site.grok_settings_url)
    if layout == "changed_label":  # X's own words, quoted: not a placeholder in quotes
        from consentinel.simx.texts import CHANGED_TRAINING_LABEL

        said = f"box 1 has an unknown label, “{CHANGED_TRAINING_LABEL}”, expected Training"
        assert said in ada.message, ada.message
    if layout in SAID_OF:
        said = f"X's page is not what Consentinel knows, so nothing was clicked ({SAID_OF[layout]}"
        assert ada.message.startswith(said), ada.message
    if layout == "no_wrapper":
        # The screenshot shows the boxes: the sentence must not say the page never came.
        assert "never appeared" not in ada.message
        assert "the page shows boxes, but not in the Grok settings' frame" in ada.message


#: Changes X may make that leave every signal in agreement: each box is unticked as usual.
HARMLESS_LAYOUTS = [
    "extra_wrappers",  # more elements around each block
    "later_help_ids",  # help ids from CHECKBOX_7_LABEL on, still in page order
    "old_label",  # the training box's 2024 wording
]


@pytest.mark.parametrize("layout", HARMLESS_LAYOUTS)
def test_harmless_layout_changes_are_fine(sim: SimHarness, tmp_path: Path, layout: str) -> None:
    sim.add("aldo", "pw", layout=layout)
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "aldo", "pw")
    (aldo,) = engine(ctx).run_check().accounts
    assert aldo.status is Status.FIXED, aldo.message
    assert not any(sim.box("aldo", b) for b in ALL_BOXES)


def test_memory_hidden_by_rollout_is_fine_and_what_x_holds_is_said(
    sim: SimHarness, tmp_path: Path
) -> None:
    sim.add("bea", "pw", layout="memory_hidden")  # X's data: memory on, as by default
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "bea", "pw")
    (bea,) = engine(ctx).run_check().accounts
    assert bea.status is Status.FIXED, bea.message
    assert Box.MEMORY not in bea.settings
    # Not a silent "all off": X's own data still holds memory on, and no box shows it.
    assert "X keeps Memory on without showing it on its page" in bea.message
    assert bea.hidden_on == (Box.MEMORY,)
    (check,) = ctx.journal.entries(handle="bea", kinds=[EntryKind.CHECK])
    assert check.payload["hidden_on"] == ["memory"]  # the window reads it back from here
    # Checked again, nothing to untick: not "every box you chose is off" beside "on at X".
    (again,) = engine(ctx).run_check(["bea"]).accounts
    assert again.status is Status.OPTED_OUT, again.message
    assert again.message.startswith(
        "Every box you chose that X's page shows is off. X keeps Memory on without showing it"
    )
    # Off in X's data as well: nothing to say.
    sim.add("ben", "pw", layout="memory_hidden", boxes={Box.MEMORY: False})
    add_account(ctx, "ben", "pw")
    (ben,) = engine(ctx).run_check(["ben"]).accounts
    assert ben.status is Status.FIXED and "X's data" not in ben.message, ben.message


@pytest.mark.parametrize("others_on", [False, True])
def test_a_box_drawn_after_the_others_is_judged_too(
    sim: SimHarness, tmp_path: Path, others_on: bool
) -> None:
    """The page reads "ready" at its first box; memory comes a moment later. A verdict on
    the first read alone said "opted out" while memory was on."""
    boxes = {Box.TRAINING: others_on, Box.PERSONALIZATION: others_on, Box.MEMORY: True}
    sim.add("ole", "pw", layout="late_memory", boxes=boxes)
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "ole", "pw")
    (ole,) = engine(ctx).run_check().accounts
    assert ole.status is Status.FIXED, ole.message
    assert ole.settings[Box.MEMORY].after is False
    assert not any(sim.box("ole", b) for b in ALL_BOXES)


def _assert_page_changed_kept(ctx: AppContext, handle: str, said: str) -> None:
    """The check of `handle` ended page_changed, saying `said`, with its screenshot kept."""
    (result,) = ctx.journal.entries(handle=handle, kinds=[EntryKind.CHECK])
    assert result.payload["reason"] == Reason.PAGE_CHANGED.value, result.payload
    assert said in result.payload["message"], result.payload["message"]
    (shot,) = ctx.journal.entries(handle=handle, kinds=[EntryKind.EVIDENCE])
    assert (ctx.paths.evidence_dir / shot.payload["path"]).is_file()


def test_boxes_drawn_otherwise_than_x_data_are_page_changed_with_nothing_clicked(
    sim: SimHarness, tmp_path: Path
) -> None:
    """X's data says every box is on; the page draws them off. Read from the page alone, the
    account was "opted out" and nothing was clicked, silently."""
    sim.add("dana", "pw", drawn=False)
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "dana", "pw")
    (dana,) = engine(ctx).run_check().accounts
    assert (dana.status, dana.reason) == (Status.ERROR, Reason.PAGE_CHANGED), dana.message
    said = "the page shows the Training box unticked where X's data says it is on"
    assert said in dana.message and dana.evidence is not None and dana.evidence.is_file()
    _assert_page_changed_kept(ctx, "dana", said)
    assert sim.mutations("dana") == 0
    assert all(sim.box("dana", b) for b in ALL_BOXES)


def test_a_read_back_drawn_otherwise_than_x_data_is_page_changed(
    sim: SimHarness, tmp_path: Path
) -> None:
    """The page draws every box ticked whatever X holds: right at the first read (all on),
    wrong once X has switched Training off. The read-back after the reload is checked against
    X's data too: not "X did not keep it", and no second click."""
    sim.add("rhea", "pw", drawn=True)
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "rhea", "pw")
    (rhea,) = engine(ctx).run_check().accounts
    assert (rhea.status, rhea.reason) == (Status.ERROR, Reason.PAGE_CHANGED), rhea.message
    said = "the page shows the Training box ticked where X's data says it is off"
    assert said in rhea.message, rhea.message
    _assert_page_changed_kept(ctx, "rhea", said)
    assert sim.mutations("rhea") == 1  # the first click, read back against X's data: no more
    assert not sim.box("rhea", Box.TRAINING) and sim.box("rhea", Box.PERSONALIZATION)


def test_boxes_redrawn_from_x_data_a_moment_later_are_checked_as_usual(
    sim: SimHarness, tmp_path: Path
) -> None:
    """The page draws every box unticked (from what it had before), then, 300 ms later by its
    own script, again from X's data, which holds them on: the look again waits for that redraw
    (at the first read and at each read-back), and each box is unticked and read back off. Not
    looked at again, the first read said page_changed."""
    sim.add("remy", "pw", drawn=False, redrawn_after_ms=300)
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "remy", "pw")
    (remy,) = engine(ctx).run_check().accounts
    assert remy.status is Status.FIXED, remy.message
    assert remy.message == "All unticked and read back off: Training, Personalization, Memory."
    assert [remy.settings[b].after for b in ALL_BOXES] == [False, False, False]
    assert sim.mutations("remy") == 3
    assert not any(sim.box("remy", b) for b in ALL_BOXES)


def test_boxes_redrawn_after_the_wait_are_page_changed_with_nothing_clicked(
    sim: SimHarness, tmp_path: Path, chromium_path: str
) -> None:
    """The redraw from X's data comes 3 s after the first drawing, once the look again (1.5 s)
    gave up: page_changed, said only once the page was looked at again for those 1.5 s (not at
    the first look: the figures are the test's own, not read from the code it tests), and
    nothing clicked."""
    sim.add("lena", "pw", drawn=False, redrawn_after_ms=3000)
    sim.add("lars", "pw", drawn=False, redrawn_after_ms=3000)

    async def open_times_out(grok: GrokPage) -> float:
        answered: list[float] = []
        loop = asyncio.get_running_loop()
        grok.page.on(
            "response",
            lambda r: answered.append(loop.time()) if "/GrokSettingsScreenQuery" in r.url else None,
        )
        with pytest.raises(PageChanged):
            await grok.open()
        return loop.time() - answered[0]

    looked_s = asyncio.run(on_grok_page(chromium_path, XSite(sim.origin), "lena", open_times_out))
    assert looked_s >= 1.5, looked_s
    assert sim.mutations("lena") == 0
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "lars", "pw")
    (lars,) = engine(ctx).run_check().accounts
    assert (lars.status, lars.reason) == (Status.ERROR, Reason.PAGE_CHANGED), lars.message
    said = "the page shows the Training box unticked where X's data says it is on"
    _assert_page_changed_kept(ctx, "lars", said)
    assert sim.mutations("lars") == 0
    assert all(sim.box("lars", b) for b in ALL_BOXES)


def test_boxes_drawn_without_x_read_of_their_values_are_page_changed(
    sim: SimHarness, tmp_path: Path
) -> None:
    """A build that renamed the read of the settings: the boxes cannot be checked against X's
    data, so they are not acted on."""
    sim.add("nemo", "pw", settings_read_named="GrokSettingsQuery")
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "nemo", "pw")
    (nemo,) = engine(ctx).run_check().accounts
    assert (nemo.status, nemo.reason) == (Status.ERROR, Reason.PAGE_CHANGED), nemo.message
    said = "the boxes were drawn without X's read of their values (GrokSettingsScreenQuery)"
    _assert_page_changed_kept(ctx, "nemo", said)
    assert sim.mutations("nemo") == 0
    assert all(sim.box("nemo", b) for b in ALL_BOXES)


@pytest.mark.parametrize("fails", ["rate_limited", "server_error"])
def test_another_read_of_the_page_failing_does_not_stop_the_check(
    sim: SimHarness, tmp_path: Path, fails: str
) -> None:
    """The page's badge count answered 429 (or 500): not X's read of the settings, which came.
    It used to end the check "X failed to send the settings" and, on a 429, keep the account
    from being checked for an hour."""
    sim.add("otto", "pw", other_read_fails=fails)
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "otto", "pw")
    (otto,) = engine(ctx).run_check().accounts
    assert otto.status is Status.FIXED, otto.message
    assert not any(sim.box("otto", b) for b in ALL_BOXES)
    assert sim.other_reads() >= 2  # made (and failed) at the first read and each read-back
    state = ctx.accounts.state("otto")
    assert state.block_reason is None and not state.is_blocked()


def test_delete_conversation_history_is_never_pressed(sim: SimHarness, tmp_path: Path) -> None:
    """In any language X shows: below the boxes, the boxes are unticked and the button left
    alone; moved into the Memory box's block, nothing is clicked at all. The guard goes by
    what the elements are, not by the button's words (German and Japanese are words it has
    no list of: it once unticked all three beside the German button)."""
    ctx = make_context(sim.origin, tmp_path / "home")
    langs = ("en", "fr", "de", "ja")
    for lang in langs:
        sim.add(f"del{lang}", "pw", lang=lang)
        add_account(ctx, f"del{lang}", "pw")
    for lang in ("en", "de", "ja"):
        sim.add(f"blk{lang}", "pw", lang=lang, layout="delete_in_block")
        add_account(ctx, f"blk{lang}", "pw")
    result = {a.handle: a for a in engine(ctx).run_check().accounts}
    for lang in langs:
        assert result[f"del{lang}"].status is Status.FIXED, (lang, result[f"del{lang}"].message)
        assert not sim.delete_pressed(f"del{lang}")
    for lang in ("en", "de", "ja"):
        blocked = result[f"blk{lang}"]
        assert (blocked.status, blocked.reason) == (Status.ERROR, Reason.PAGE_CHANGED), lang
        assert "nothing was clicked" in blocked.message, blocked.message
        assert sim.mutations(f"blk{lang}") == 0 and not sim.delete_pressed(f"blk{lang}")
        assert all(sim.box(f"blk{lang}", b) for b in ALL_BOXES)


def test_a_setting_x_added_is_named_in_french(
    sim: SimHarness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    sim.add("flo", "pw", lang="fr", layout="new_switch")
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "flo", "pw")
    (flo,) = engine(ctx).run_check().accounts
    assert flo.reason is Reason.PAGE_CHANGED, flo.message
    said = (
        "rien n'a donc été cliqué (la page contient un réglage que Consentinel ne lit pas\u00a0: "
        "un interrupteur, «\u00a0Partage de données avec nos partenaires commerciaux\u00a0»)"
    )
    assert said in flo.message, flo.message
    assert sim.mutations("flo") == 0


def test_a_page_changed_after_a_click_does_not_say_nothing_was_clicked(
    sim: SimHarness, tmp_path: Path
) -> None:
    """X's new build arrives mid-check: after the first untick and its reload, a fourth box.
    The check stops there, and says what it had clicked, not "nothing was clicked"."""
    sim.add("mona", "pw", layout="new_box_after_untick")
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "mona", "pw")
    (mona,) = engine(ctx).run_check().accounts
    assert (mona.status, mona.reason) == (Status.ERROR, Reason.PAGE_CHANGED), mona.message
    assert "nothing was clicked" not in mona.message, mona.message
    said = (
        "X's page changed during the check, so nothing more was clicked "
        "(4 checkboxes where at most 3 are known)."
    )
    assert mona.message.startswith(said), mona.message
    assert "Stopped while unticking Training" in mona.message, mona.message
    assert [m["operation"] for m in sim.server.mutations("mona")] == [
        "XaiDataSharingSettingsMutation"
    ]
    assert not sim.box("mona", Box.TRAINING) and sim.box("mona", Box.PERSONALIZATION)
    _assert_page_changed_kept(ctx, "mona", said)


def test_a_setting_x_adds_is_seen_at_the_read_back_too(sim: SimHarness, chromium_path: str) -> None:
    """The read after the reload is judged as the first read is: a switch X adds meanwhile
    (its new build) is PageChanged there, not a box read back off."""
    sim.add("rolf", "pw")

    async def untick_then_changed(grok: GrokPage) -> PageChanged:
        await grok.open()
        sim.server.change_account("rolf", layout="new_switch")
        with pytest.raises(PageChanged) as changed:
            await grok.untick(Box.TRAINING)
        return changed.value

    changed = asyncio.run(
        on_grok_page(chromium_path, XSite(sim.origin), "rolf", untick_then_changed)
    )
    assert "a switch" in changed.detail and changed.screenshot is not None
    assert sim.mutations("rolf") == 1


def test_grok_page_reads_all_three_signals_directly(sim: SimHarness, chromium_path: str) -> None:
    """GrokPage on its own: read, untick one box, read back after a reload."""
    sim.add("cyd", "pw", boxes={Box.TRAINING: True, Box.PERSONALIZATION: False, Box.MEMORY: True})

    async def read_untick_read(grok: GrokPage) -> None:
        boxes = await grok.open()
        assert [b for b in boxes] == list(ALL_BOXES)
        assert boxes[Box.TRAINING].checked and not boxes[Box.PERSONALIZATION].checked
        untick = await grok.untick(Box.TRAINING)
        assert untick.confirmed and untick.mutation_status == 200
        assert not (await grok.read())[Box.TRAINING].checked

    asyncio.run(on_grok_page(chromium_path, XSite(sim.origin), "cyd", read_untick_read))
    assert not sim.box("cyd", Box.TRAINING)
    assert sim.box("cyd", Box.MEMORY)
    assert sim.mutations("cyd") == 1


def test_a_read_of_the_page_is_one_call_into_the_browser(
    sim: SimHarness, chromium_path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each read of the settings (four a check, with several accounts at once) is one call
    through Playwright's driver into the page, not one for the wrapper's count and one for each
    of its boxes, other controls and safe flags: on a small computer checking five accounts at
    once, those calls' time was a tenth of the run's processor time."""
    from playwright._impl.connection import Connection

    sim.add("oda", "pw")
    sent: list[str] = []
    send = Connection.send_message_to_server

    def counted(self: Connection, owner: object, method: str, *args: object) -> object:
        if method != "__waitInfo__":  # (Playwright's own bookkeeping: no call into the page)
            sent.append(method)
        return send(self, owner, method, *args)  # type: ignore[arg-type]

    async def read_counted(grok: GrokPage) -> dict[Box, object]:
        await grok.open()
        monkeypatch.setattr(Connection, "send_message_to_server", counted)
        try:
            return dict(await grok.read())
        finally:
            monkeypatch.undo()

    boxes = asyncio.run(on_grok_page(chromium_path, XSite(sim.origin), "oda", read_counted))
    assert list(boxes) == list(ALL_BOXES)
    assert len(sent) == 1, sent


@pytest.mark.parametrize(("training_on", "reads"), [(True, 3), (False, 2)])
def test_a_check_reads_the_page_again_at_its_end_unless_a_read_back_just_did(
    sim: SimHarness,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    training_on: bool,
    reads: int,
) -> None:
    """The verdict rests on the page as it is at the end: read once more after the boxes are
    judged (any box drawn since is judged too), unless an untick's read-back, after its reload,
    was that read. An untick: its first read, the read just before its click, its read-back
    (three); nothing to untick: the first read and the one at the end (two)."""
    from playwright._impl.connection import Connection

    sim.add("pia", "pw", boxes={Box.TRAINING: training_on, Box.PERSONALIZATION: False,
                                Box.MEMORY: False})  # fmt: skip
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "pia", "pw")
    engine(ctx).run_check()  # signs in (its page reads are not counted)
    sim.set_box("pia", Box.TRAINING, training_on)
    page_reads: list[str] = []
    send = Connection.send_message_to_server

    def counted(self: Connection, owner: object, method: str, *args: object) -> object:
        if method == "evaluateExpression" and getattr(owner, "_type", "") == "Frame":
            page_reads.append(method)
        return send(self, owner, method, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Connection, "send_message_to_server", counted)
    (pia,) = engine(ctx).run_check().accounts
    monkeypatch.undo()
    assert pia.status is (Status.FIXED if training_on else Status.OPTED_OUT), pia.message
    assert not sim.box("pia", Box.TRAINING)
    assert len(page_reads) == reads


@pytest.mark.parametrize("lang", ["en", "de"])
def test_x_saying_its_read_failed_is_seen_at_once_in_any_language(
    sim: SimHarness, chromium_path: str, lang: str
) -> None:
    """X's read of the settings answered 429 and its page says so in a toast: that is X's
    failure, seen when the toast comes whatever its words (here German, which we have no words
    for), not a page that "never appeared" after the whole wait."""
    sim.add("ines", "pw", lang=lang, scenario="rate_limited")

    async def open_fails(grok: GrokPage) -> NetworkTrouble:
        with pytest.raises(NetworkTrouble) as failed:
            await grok.open()
        return failed.value

    failed = asyncio.run(on_grok_page(chromium_path, XSite(sim.origin), "ines", open_fails))
    assert failed.reason is Reason.RATE_LIMITED
    # From the toast, not the time-out, with X's status.
    assert failed.detail == "it said something went wrong (HTTP status 429)"
    assert failed.x_answered


# -- identify_boxes on its own: the three signals must agree --------------------------------------


def _raw(label: str, n: int) -> dict[str, object]:
    return {
        "label": label,
        "describedby": f"CHECKBOX_{n}_LABEL",
        "helpExists": True,
        "checked": True,
        "disabled": False,
    }


EN = {
    Box.TRAINING: "Allow your public data as well as your interactions, inputs, and results "
    "with Grok and xAI to be used for training and fine-tuning",
    Box.PERSONALIZATION: "Allow X to personalize your experience with Grok",
    Box.MEMORY: "Allow Grok to remember your conversation history",
}


def test_identify_boxes_accepts_the_known_page() -> None:
    from consentinel.x.grok_page import identify_boxes

    raw = [_raw(EN[b], i + 1) for i, b in enumerate(ALL_BOXES)]
    assert identify_boxes(raw) == list(ALL_BOXES)
    zero_based = [_raw(EN[b], i) for i, b in enumerate(ALL_BOXES)]
    assert identify_boxes(zero_based) == list(ALL_BOXES)
    # Numbered after other boxes of X's: the ids still follow the page's order, one apart.
    later = [_raw(EN[b], i + 7) for i, b in enumerate(ALL_BOXES)]
    assert identify_boxes(later) == list(ALL_BOXES)
    assert identify_boxes(raw[:2]) == [Box.TRAINING, Box.PERSONALIZATION]


@pytest.mark.parametrize(
    "raw",
    [
        [],
        [_raw(EN[Box.PERSONALIZATION], 1), _raw(EN[Box.TRAINING], 2)],
        [_raw("Allow something new", 1)],
        [{**_raw(EN[Box.TRAINING], 1), "describedby": ""}],
        [{**_raw(EN[Box.TRAINING], 1), "helpExists": False}],
        [_raw(EN[Box.TRAINING], 2), _raw(EN[Box.PERSONALIZATION], 1)],
        [_raw(EN[Box.TRAINING], 1), _raw(EN[Box.PERSONALIZATION], 3)],
        [_raw(EN[Box.TRAINING], 4), _raw(EN[Box.PERSONALIZATION], 4)],
        [_raw(EN[b], i + 1) for i, b in enumerate(ALL_BOXES)] + [_raw(EN[Box.MEMORY], 4)],
        [_raw(EN[Box.PERSONALIZATION], 1), _raw(EN[Box.MEMORY], 2)],
    ],
)
def test_identify_boxes_refuses_when_signals_disagree(raw: list[dict[str, object]]) -> None:
    from consentinel.x.errors import PageChanged
    from consentinel.x.grok_page import identify_boxes

    with pytest.raises(PageChanged):
        identify_boxes(raw)
