"""Engine.run_check() end to end: real Chromium against simx, real stores, every box outcome."""

from __future__ import annotations

import hashlib
import io
import socket
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image

from consentinel import __version__
from consentinel.core.accounts import Account
from consentinel.core.events import (
    AccountFinished,
    AccountStep,
    RunFinished,
    RunResult,
    RunStarted,
)
from consentinel.core.journal import EntryKind
from consentinel.core.status import ALL_BOXES, Box, Reason, Status
from consentinel.core.steps import Step
from tests.e2e._engine_support import (
    Recorder,
    SimHarness,
    add_account,
    engine,
    make_context,
)

pytestmark = pytest.mark.browser


def test_ticked_boxes_are_fixed_and_x_really_has_them_off(sim: SimHarness, tmp_path: Path) -> None:
    sim.add(
        "alice",
        "pw-alice",
        boxes={Box.TRAINING: True, Box.PERSONALIZATION: True, Box.MEMORY: False},
    )
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "alice", "pw-alice")
    rec = Recorder.new()
    result = engine(ctx).run_check(on_event=rec.on_event, ask=rec.ask)

    (alice,) = result.accounts
    assert alice.status is Status.FIXED, alice.message
    assert alice.settings[Box.TRAINING].before is True
    assert alice.settings[Box.TRAINING].after is False
    assert alice.settings[Box.MEMORY].before is False
    assert not sim.box("alice", Box.TRAINING) and not sim.box("alice", Box.PERSONALIZATION)
    # Evidence: a screenshot of the settings page after the change, owner-only.
    assert alice.evidence is not None and alice.evidence.is_file()
    assert alice.evidence.parent == ctx.paths.evidence_dir
    assert alice.evidence.stat().st_mode & 0o077 == 0
    # The journal names it by file name (a folder restored elsewhere still finds it) and holds
    # the hash of its bytes, so that a screenshot changed afterwards does not verify.
    shots = {e.payload["path"]: e.payload for e in ctx.journal.entries(kinds=[EntryKind.EVIDENCE])}
    assert alice.evidence.name in shots
    for name, payload in shots.items():
        file = ctx.paths.evidence_dir / name
        assert payload["sha256"] == hashlib.sha256(file.read_bytes()).hexdigest()
    assert ctx.journal.verify().ok
    # Events in order, and the journal holds the run, the changes and the check.
    steps = [e.step for e in rec.events if isinstance(e, AccountStep)]
    for step in (
        Step.OPENING_SESSION,
        Step.SIGNING_IN,
        Step.READING_PAGE,
        Step.UNTICKING,
        Step.VERIFYING,
        Step.DONE,
    ):
        assert step in steps
    assert isinstance(rec.events[0], RunStarted) and isinstance(rec.events[-1], RunFinished)
    assert any(isinstance(e, AccountFinished) for e in rec.events)
    changes = ctx.journal.entries(handle="alice", kinds=[EntryKind.CHANGE])
    assert {c.payload["box"] for c in changes} == {"training", "personalization"}
    assert all(c.payload["confirmed"] and c.payload["after"] is False for c in changes)
    assert ctx.journal.verify().ok
    assert not sim.delete_pressed("alice")


def test_x_is_shown_a_normal_chrome_not_a_headless_one(sim: SimHarness, tmp_path: Path) -> None:
    """X refuses headless browsers more (x-reference §4). A check runs headless, but every request
    it and its sign-in send must name a normal Chrome: no "HeadlessChrome" in the User-Agent nor
    in the Sec-CH-UA brands. A headless shell (chromium-headless-shell, Playwright's default)
    would fail here: its brands say HeadlessChrome whatever user agent is set."""
    sim.add("carol", "pw-carol", boxes={Box.TRAINING: True})
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "carol", "pw-carol")
    rec = Recorder.new()
    result = engine(ctx).run_check(on_event=rec.on_event, ask=rec.ask)

    (carol,) = result.accounts
    assert carol.status is Status.FIXED, carol.message
    assert Step.SIGNING_IN in [e.step for e in rec.events if isinstance(e, AccountStep)]
    clients = sim.clients()
    assert clients, "simx saw no request"
    for agent, brands in clients:
        assert agent.startswith("Mozilla/5.0 (") and " Chrome/" in agent, agent
        assert "Chromium" in brands or "Google Chrome" in brands, brands
        assert "headless" not in (agent + brands).lower(), (agent, brands)


def test_all_off_already_is_opted_out_and_nothing_is_sent(sim: SimHarness, tmp_path: Path) -> None:
    sim.add("bob", "pw-bob", boxes=dict.fromkeys(ALL_BOXES, False))
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "bob", "pw-bob")
    eng = engine(ctx)
    (bob,) = eng.run_check().accounts
    assert bob.status is Status.OPTED_OUT and bob.all_off
    assert sim.mutations("bob") == 0
    assert bob.evidence is None  # nothing changed, nothing photographed (the default)
    # Asked to keep a screenshot of every check: the page as read, hashed in the journal.
    ctx.settings.screenshot_every_check = True
    (bob,) = eng.run_check().accounts
    assert bob.status is Status.OPTED_OUT and bob.evidence is not None
    (shot,) = ctx.journal.entries(handle="bob", kinds=[EntryKind.EVIDENCE])
    assert shot.payload["why"] == "all-off" and shot.payload["path"] == bob.evidence.name
    assert bob.evidence.read_bytes().startswith(b"\x89PNG")
    assert ctx.journal.verify().ok and sim.mutations("bob") == 0


def test_each_screenshot_says_when_where_and_of_whom_it_was_taken(
    sim: SimHarness, tmp_path: Path
) -> None:
    """A picture handed over alone proves nothing unless it says when and where it was taken:
    each one kept carries, in PNG text, the time (UTC), the page's address, the account, what it
    shows and the Consentinel that took it. Two checks of a page that did not change keep two
    different files, and the journal's hash is of the file as written: it still verifies."""
    sim.add("bob", "pw-bob", boxes=dict.fromkeys(ALL_BOXES, False))
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "bob", "pw-bob")
    ctx.settings.screenshot_every_check = True
    eng = engine(ctx)
    for _ in range(2):
        (bob,) = eng.run_check().accounts
        assert bob.status is Status.OPTED_OUT and bob.evidence is not None, bob.message

    shots = ctx.journal.entries(handle="bob", kinds=[EntryKind.EVIDENCE])
    runs = {run.id: run for run in ctx.journal.runs()}
    kept = [(ctx.paths.evidence_dir / shot.payload["path"]).read_bytes() for shot in shots]
    assert len(kept) == 2
    assert shots[0].payload["sha256"] != shots[1].payload["sha256"], "the same picture twice"
    for shot, data in zip(shots, kept, strict=True):
        assert shot.payload["sha256"] == hashlib.sha256(data).hexdigest()
        with Image.open(io.BytesIO(data)) as image:
            image.verify()  # a whole PNG, every chunk's CRC right
        with Image.open(io.BytesIO(data)) as image:
            text = dict(image.text)  # type: ignore[attr-defined]
        taken = datetime.fromisoformat(text.pop("Creation Time"))
        assert taken.utcoffset() == timedelta(0)
        assert datetime.fromisoformat(runs[shot.run_id].started_at) <= taken <= shot.at
        assert text == {
            "URL": ctx.site.grok_settings_url,  # (no query, nothing of the session)
            "Account": "@bob",
            "Description": "every box off, as read (X's Grok settings page)",
            "Software": f"Consentinel {__version__}",
        }
    assert ctx.journal.verify().ok


def test_dry_run_reports_would_fix_and_changes_nothing(sim: SimHarness, tmp_path: Path) -> None:
    sim.add("carol", "pw-carol")
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "carol", "pw-carol")
    (carol,) = engine(ctx).run_check(dry_run=True).accounts
    assert carol.status is Status.WOULD_FIX
    assert sim.mutations("carol") == 0
    assert sim.box("carol", Box.TRAINING)
    # The journal says it was a dry run, in the terminal's words and the window's.
    from consentinel.cli.log_words import entry_line
    from consentinel.gui.journal_model import details

    (started,) = [e for e in ctx.journal.entries() if e.kind is EntryKind.RUN_STARTED]
    # And where the password went: not X, a simulated X on this computer.
    assert started.payload == {"trigger": "manual", "dry_run": True, "x_origin": sim.origin}
    not_x = f"(against {sim.origin}, not X)"
    assert entry_line(started).endswith(
        f"from the command line (a dry run: nothing changed) {not_x}"
    )
    assert details(started) == f"Started from the command line (a dry run: nothing changed) {not_x}"


def test_boxes_not_enforced_are_left_alone(sim: SimHarness, tmp_path: Path) -> None:
    sim.add("dan", "pw-dan")
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "dan", "pw-dan", keep=frozenset({Box.TRAINING}))
    (dan,) = engine(ctx).run_check().accounts
    assert dan.status is Status.FIXED
    assert not sim.box("dan", Box.TRAINING)
    assert sim.box("dan", Box.PERSONALIZATION) and sim.box("dan", Box.MEMORY)


def test_french_account_is_read_and_fixed(sim: SimHarness, tmp_path: Path) -> None:
    sim.add("elodie", "pw-elodie", lang="fr")
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "elodie", "pw-elodie")
    (elodie,) = engine(ctx).run_check().accounts
    assert elodie.status is Status.FIXED, elodie.message
    assert not any(sim.box("elodie", b) for b in ALL_BOXES)


def test_french_messages(sim: SimHarness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    sim.add("fanny", "pw-fanny")
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "fanny", "pw-fanny")
    (fanny,) = engine(ctx).run_check().accounts
    # Every box on at first, so the words agree with several boxes.
    assert fanny.message.startswith("Toutes les cases décochées, puis relues décochées"), (
        fanny.message
    )


def test_a_screenshot_that_cannot_be_kept_stops_the_account_after_journaling_the_change(
    sim: SimHarness, tmp_path: Path
) -> None:
    """The evidence folder cannot be made (a file has its name): the box just unticked is in
    the journal, and nothing more is changed at X without its picture. The result says both:
    the box unticked and read back off, and the screenshot not kept."""
    sim.add("ines", "pw-ines")
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "ines", "pw-ines")
    ctx.paths.evidence_dir.rmdir()  # made empty with the data folder
    ctx.paths.evidence_dir.write_text("not a folder")
    (ines,) = engine(ctx).run_check().accounts
    assert (ines.status, ines.reason) == (Status.ERROR, Reason.EVIDENCE_NOT_KEPT), ines.message
    assert ines.message.startswith(
        "Unticked and read back off: Training. The screenshot could not be kept: Could not "
        f"save {ctx.paths.evidence_dir}: a part of"
    )
    assert "The check of this account stopped there" in ines.message
    assert "Unexpected error" not in ines.message
    changes = ctx.journal.entries(kinds=[EntryKind.CHANGE])
    assert [(c.payload["box"], c.payload["after"]) for c in changes] == [("training", False)]
    assert sim.box("ines", Box.TRAINING) is False and sim.box("ines", Box.PERSONALIZATION)
    # The account's own result keeps the box it had unticked and read back off.
    assert ines.settings[Box.TRAINING].after is False


def test_a_changed_page_whose_screenshot_cannot_be_kept_is_still_said_and_others_go_on(
    sim: SimHarness, tmp_path: Path
) -> None:
    sim.add("paco", "pw-paco", layout="no_wrapper")
    sim.add("olga", "pw-olga", boxes={b: False for b in ALL_BOXES})
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "paco", "pw-paco")
    add_account(ctx, "olga", "pw-olga")
    ctx.paths.evidence_dir.rmdir()
    ctx.paths.evidence_dir.write_text("not a folder")
    results = {r.handle: r for r in engine(ctx).run_check().accounts}
    paco, olga = results["paco"], results["olga"]
    assert (paco.status, paco.reason) == (Status.ERROR, Reason.PAGE_CHANGED), paco.message
    assert "nothing was clicked" in paco.message and "Could not save" in paco.message
    assert olga.status is Status.OPTED_OUT, olga.message  # the run went on


def test_x_turning_a_box_back_on_is_fixed_and_journaled(sim: SimHarness, tmp_path: Path) -> None:
    sim.add("gus", "pw-gus", flip_back=Box.TRAINING)
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "gus", "pw-gus")
    eng = engine(ctx)
    first = eng.run_check().accounts[0]
    assert first.status is Status.FIXED and first.reverted_by_x == ()
    (gus,) = eng.run_check().accounts  # X switched training back on in between
    assert gus.status is Status.FIXED
    assert gus.reverted_by_x == (Box.TRAINING,)
    # Said, not only journaled: the sentence the CLI prints and the window shows names it.
    assert gus.message.startswith("X had switched Training back on"), gus.message
    last = ctx.journal.entries(handle="gus", kinds=[EntryKind.CHANGE])[-1]
    assert last.payload["box"] == "training" and last.payload["reverted_by_x"] is True
    assert not sim.box("gus", Box.TRAINING)


def test_second_run_reuses_sessions_and_signs_in_nobody(sim: SimHarness, tmp_path: Path) -> None:
    for h in ("hana", "ivan"):
        sim.add(h, f"pw-{h}")
    ctx = make_context(sim.origin, tmp_path / "home")
    for h in ("hana", "ivan"):
        add_account(ctx, h, f"pw-{h}")
    eng = engine(ctx)
    eng.run_check()
    before = {h: sim.signin_attempts(h) for h in ("hana", "ivan")}
    assert before == {"hana": 1, "ivan": 1}
    result = eng.run_check()
    assert {a.status for a in result.accounts} == {Status.OPTED_OUT}
    assert {h: sim.signin_attempts(h) for h in ("hana", "ivan")} == before
    # The saved session is encrypted: the auth cookie is not readable in the file.
    raw = ctx.sessions.path_for("hana").read_bytes()
    assert b"auth_token" not in raw


def test_ten_mixed_accounts_in_one_run(sim: SimHarness, tmp_path: Path) -> None:
    ctx = make_context(sim.origin, tmp_path / "home", concurrency=3)
    expected: dict[str, Status] = {}
    for i in range(4):
        sim.add(f"on{i}", "pw")
        add_account(ctx, f"on{i}", "pw")
        expected[f"on{i}"] = Status.FIXED
    for i in range(3):
        sim.add(f"off{i}", "pw", boxes=dict.fromkeys(ALL_BOXES, False))
        add_account(ctx, f"off{i}", "pw")
        expected[f"off{i}"] = Status.OPTED_OUT
    sim.add("fr0", "pw", lang="fr")
    add_account(ctx, "fr0", "pw")
    expected["fr0"] = Status.FIXED
    sim.add("badpw", "right")
    add_account(ctx, "badpw", "wrong")
    expected["badpw"] = Status.SIGNIN_FAILED
    sim.add("twofa", "pw", scenario="two_factor")
    add_account(ctx, "twofa", "pw")
    expected["twofa"] = Status.NEEDS_USER
    result = engine(ctx).run_check(unattended=True)
    got = {a.handle: a.status for a in result.accounts}
    assert got == expected, {a.handle: a.message for a in result.accounts}
    assert ctx.journal.verify().ok


def test_sticky_save_failure_is_retried_once_then_save_failed(
    sim: SimHarness, tmp_path: Path
) -> None:
    sim.add("jade", "pw", scenario="save_fails")
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "jade", "pw", keep=frozenset({Box.TRAINING}))
    (jade,) = engine(ctx).run_check().accounts
    assert (jade.status, jade.reason) == (Status.ERROR, Reason.SAVE_FAILED), jade.message
    assert sim.mutations("jade") == 2  # the first try and exactly one retry
    change = ctx.journal.entries(handle="jade", kinds=[EntryKind.CHANGE])[-1]
    assert change.payload["confirmed"] is False and change.payload["after"] is True
    # The journal says what happened: not "box changed, on → on", nor its picture "after
    # unticking", in the terminal's words and the window's.
    from consentinel.cli.log_words import entry_line
    from consentinel.gui.journal_model import row_words

    (shot,) = ctx.journal.entries(handle="jade", kinds=[EntryKind.EVIDENCE])
    assert shot.payload["why"] == "training-not-saved"
    assert "training-not-saved" in shot.payload["path"] and jade.evidence is not None
    assert "untick not saved" in entry_line(change) and "→" not in entry_line(change)
    assert entry_line(change).endswith("Training: still on"), entry_line(change)
    assert "after an untick X did not save: Training — " in entry_line(shot)
    assert row_words(change)[2:] == ("Untick not saved", "Training: still on")
    assert row_words(shot)[3] == "After an untick X did not save: Training"
    assert change.summary() == "training: still on (untick not saved)"


@pytest.mark.parametrize(
    ("scenario", "reason"),
    [
        ("server_error", Reason.NETWORK),
        ("slow", Reason.TIMEOUT),
        ("rate_limited", Reason.RATE_LIMITED),
        ("connection_reset", Reason.NETWORK),
    ],
)
def test_network_troubles(sim: SimHarness, tmp_path: Path, scenario: str, reason: Reason) -> None:
    sim.add("kim", "pw", scenario=scenario)
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "kim", "pw")
    (kim,) = engine(ctx).run_check().accounts
    assert (kim.status, kim.reason) == (Status.ERROR, reason), kim.message
    assert sim.box("kim", Box.TRAINING)
    # In words, not in Playwright's ("Page.goto: net::ERR_… at http://…").
    assert "Page." not in kim.message and "Locator." not in kim.message, kim.message


def test_one_failed_save_is_retried_and_then_fixed(sim: SimHarness, tmp_path: Path) -> None:
    sim.add("jules", "pw", scenario="save_fails_once")
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "jules", "pw", keep=frozenset({Box.TRAINING}))
    (jules,) = engine(ctx).run_check().accounts
    assert jules.status is Status.FIXED, jules.message
    assert sim.mutations("jules") == 2 and not sim.box("jules", Box.TRAINING)


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "en",
            "Could not reach X from this computer: the connection was refused. Check this "
            "computer's internet connection, VPN or proxy; the next check tries again. ",
        ),
        (
            "fr",
            "Impossible de joindre X depuis cet ordinateur\u00a0: la connexion a été refusée. "
            "Vérifiez la connexion internet, le VPN ou le proxy de cet ordinateur\u00a0; la "
            "prochaine vérification réessaiera. ",
        ),
    ],
)
def test_unreachable_x_is_network_said_in_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, words: str
) -> None:
    # A port nothing listens on (taken, then given back): the connection is refused.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    ctx = make_context(f"http://127.0.0.1:{port}", tmp_path / "home")
    add_account(ctx, "leo", "pw")
    (leo,) = engine(ctx).run_check().accounts
    assert (leo.status, leo.reason) == (Status.ERROR, Reason.NETWORK), leo.message
    # What to do next; Chromium's code stays, last and apart, for whoever helps (the window
    # leaves it to the journal); Playwright's English around it does not.
    assert leo.message == f"{words}(ERR_CONNECTION_REFUSED)", leo.message


def test_disabled_box_is_reported_not_fought(sim: SimHarness, tmp_path: Path) -> None:
    sim.add("minor", "pw", scenario="under_18")
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "minor", "pw")
    (minor,) = engine(ctx).run_check().accounts
    assert minor.reason is Reason.BOX_DISABLED
    assert minor.settings[Box.TRAINING].disabled
    assert sim.mutations("minor") == 0
    # Every box it keeps off that X shows ticked, said as several, not as "this box".
    from consentinel.cli.terminal import describe_result
    from consentinel.core.notify import notifications_for

    assert minor.disabled_on[:2] == (Box.TRAINING, Box.PERSONALIZATION), minor.message
    assert minor.message.startswith("Boxes X shows ticked but disabled: Training, Personal")
    assert describe_result(minor).startswith("@minor: error (X does not allow unticking) — ")
    (note,) = notifications_for(RunResult(1, (minor,)))
    assert "X shows boxes you want off as on, and does not let them be changed" in note.body
    # One box kept off: said as one.
    ctx.accounts.update(Account("minor", keep=frozenset({Box.TRAINING})))
    (minor,) = engine(ctx).run_check().accounts
    assert minor.disabled_on == (Box.TRAINING,), minor.message
    assert minor.message.startswith("A box X shows ticked but disabled: Training ("), minor.message
    (note,) = notifications_for(RunResult(2, (minor,)))
    assert "X shows a box you want off as on, and does not let it be changed" in note.body
    assert sim.mutations("minor") == 0


def test_browser_missing(sim: SimHarness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from consentinel.x import browser

    # No browser on "this machine": nothing in the environment, preference, Playwright's folder
    # or the system paths.
    monkeypatch.delenv("CONSENTINEL_BROWSER", raising=False)
    monkeypatch.setenv("PLAYWRIGHT_BROWSERS_PATH", str(tmp_path / "none"))
    monkeypatch.setattr(browser, "system_candidates", lambda platform="linux": [])
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "nina", "pw")
    add_account(ctx, "omar", "pw")
    result = engine(ctx).run_check()
    assert {(a.status, a.reason) for a in result.accounts} == {
        (Status.ERROR, Reason.BROWSER_MISSING)
    }
    assert "consentinel browser install" in result.accounts[0].message


def test_keyring_unavailable_for_accounts_needing_a_sign_in(
    sim: SimHarness, tmp_path: Path
) -> None:
    from keyring.backends import fail

    from consentinel.core.vault import Vault

    sim.add("pia", "pw")
    ctx = make_context(sim.origin, tmp_path / "home", vault=Vault(fail.Keyring()))
    add_account(ctx, "pia", None)
    (pia,) = engine(ctx).run_check().accounts
    assert (pia.status, pia.reason) == (Status.ERROR, Reason.KEYRING_UNAVAILABLE)
    assert sim.signin_attempts("pia") == 0


def test_cancel_mid_run_stops_at_the_next_account(sim: SimHarness, tmp_path: Path) -> None:
    from consentinel.core.events import CancelToken

    ctx = make_context(sim.origin, tmp_path / "home", concurrency=1)
    for h in ("ra", "rb", "rc"):
        sim.add(h, "pw")
        add_account(ctx, h, "pw")
    token = CancelToken()

    def on_event(event: object) -> None:
        if isinstance(event, AccountFinished):
            token.cancel()  # the person presses Cancel after the first account

    result = engine(ctx).run_check(on_event=on_event, cancel=token)
    assert result.cancelled
    statuses = [(a.status, a.reason) for a in result.accounts]
    assert statuses[0] == (Status.FIXED, None)
    assert statuses[1:] == [(Status.ERROR, Reason.CANCELLED)] * 2
    assert sim.signin_attempts("rb") == 0 and sim.signin_attempts("rc") == 0
    (run,) = ctx.journal.runs()
    assert run.status.value == "cancelled"


def test_cancel_before_start_cancels_the_run(sim: SimHarness, tmp_path: Path) -> None:
    from consentinel.core.events import CancelToken

    sim.add("quinn", "pw")
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "quinn", "pw")
    token = CancelToken()
    token.cancel()
    result = engine(ctx).run_check(cancel=token)
    assert result.cancelled
    assert result.accounts[0].reason is Reason.CANCELLED
    assert sim.signin_attempts("quinn") == 0


def test_watching_needs_a_screen_and_without_one_the_check_runs_headless(
    sim: SimHarness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The setting "show the browser window during checks" is on, but this run has no screen
    (a scheduled run from a timer, a server): the check still runs, headless, instead of
    failing to start the browser and calling it missing."""
    from consentinel.core.engine import Engine

    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    sim.add("pat", "pw-pat", boxes={Box.TRAINING: True})
    ctx = make_context(sim.origin, tmp_path / "home")
    ctx.settings.show_browser = True
    add_account(ctx, "pat", "pw-pat")

    (pat,) = Engine(ctx).run_check().accounts

    assert pat.status is Status.FIXED, pat.message
    assert sim.box("pat", Box.TRAINING) is False


def test_an_accounts_file_held_too_long_by_another_process_does_not_fail_the_check(
    sim: SimHarness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process keeps the accounts file's lock (the person's keyring prompt while they
    add an account) past what a writer waits: the check still ends as X was found, in its
    result and the journal; only the accounts file's note of it waits for the next check."""
    from consentinel.core import accounts_lock
    from consentinel.core.accounts_lock import AccountsLock

    monkeypatch.setattr(accounts_lock, "WAIT_S", 0.2)
    sim.add("kay", "pw")
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "kay", "pw")
    # The same lock file through another open file: the OS keeps them apart as two processes.
    other = AccountsLock(ctx.paths.accounts_lock_path, ctx.paths.accounts_path)
    with other.held():
        (kay,) = engine(ctx).run_check().accounts
    assert kay.status is Status.FIXED, kay.message
    (check,) = ctx.journal.entries(handle="kay", kinds=[EntryKind.CHECK])
    assert check.payload["status"] == "fixed"
    assert sim.box("kay", Box.TRAINING) is False
