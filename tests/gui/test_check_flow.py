"""A check run from the main window against the simulated X, with real Chromium."""

from __future__ import annotations

import asyncio
import gc
import re
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any, TypeVar

import pyotp
import pytest
from playwright.async_api import BrowserContext, Page
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtTest import QSignalSpy
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from consentinel.core.context import AppContext
from consentinel.core.display import has_display
from consentinel.core.engine import Engine
from consentinel.core.events import RunResult
from consentinel.core.journal_entries import EntryKind, RunStatus
from consentinel.core.status import Reason, Status
from consentinel.core.steps import PromptKind, Step
from consentinel.gui.dialog_words import status_name
from consentinel.simx import SimAccount
from tests.fixtures.simx_fixtures import SimxFactory
from tests.gui._app_support import (
    add_account,
    check_all_until_prompt,
    make_context,
    message_boxes,
    running_app,
)

pytestmark = pytest.mark.browser
RUN_TIMEOUT_MS = 90_000
T = TypeVar("T")


def test_check_all_turns_the_row_fixed_and_journals_the_change(
    qtbot: QtBot, simx: SimxFactory, consentinel_home: Path
) -> None:
    # (Memory shown on its page: simx's default keeps it on unseen, which is no "Fixed" but
    # "1 box still on at X", test_rows_needing_attention. So in this file's checks.)
    sim = simx(SimAccount("alice", "pw-alice", memory_shown=True))
    ctx = make_context(consentinel_home, sim.origin)
    add_account(ctx, "alice", "pw-alice")
    with running_app(qtbot, ctx) as app:
        window = app.window
        assert window.table.status_text("alice") == "Not checked yet"
        steps: list[Step] = []
        app.runner.step.connect(lambda _h, step: steps.append(step))
        assert window.check_all_action.shortcut().toString() == "Ctrl+Shift+R"
        with qtbot.waitSignal(app.runner.run_finished, timeout=RUN_TIMEOUT_MS) as finished:
            window.check_all_action.trigger()
            assert app.runner.running
        result = finished.args[0]
        assert not result.cancelled
        qtbot.waitUntil(lambda: window.table.status_text("alice") == "Fixed")
        assert Step.UNTICKING in steps and Step.VERIFYING in steps
        # X itself says the box is off, and the journal holds the change with before/after.
        assert sim.boxes("alice")["training"] is False
        changes = ctx.journal.entries(handle="alice", kinds=[EntryKind.CHANGE])
        training = [e for e in changes if e.payload["box"] == "training"]
        assert training and training[-1].payload["before"] is True
        assert training[-1].payload["after"] is False
        # The journal window lists it.
        window.show_journal()
        journal = window.journal_window
        assert journal is not None
        qtbot.waitExposed(journal)
        texts = [journal.model.index(r, 3).data() for r in range(journal.model.rowCount())]
        assert any("Training" in str(t) and "off" in str(t) for t in texts), texts


def test_a_two_factor_prompt_is_answered_in_its_dialog(
    qtbot: QtBot, simx: SimxFactory, consentinel_home: Path
) -> None:
    secret = pyotp.random_base32()
    sim = simx(
        SimAccount(
            "tom2fa", "pw-tom", memory_shown=True, totp_secret=secret, challenges=["two_factor"]
        )
    )
    ctx = make_context(consentinel_home, sim.origin)
    add_account(ctx, "tom2fa", "pw-tom")  # no TOTP secret saved: X's question reaches a person
    with running_app(qtbot, ctx) as app:
        window = app.window
        dialog = check_all_until_prompt(qtbot, app, RUN_TIMEOUT_MS)
        assert "tom2fa" in dialog.windowTitle() or "tom2fa" in dialog.title.text()
        with qtbot.waitSignal(app.runner.run_finished, timeout=RUN_TIMEOUT_MS):
            qtbot.keyClicks(dialog.edit, pyotp.TOTP(secret).now())
            qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.table.status_text("tom2fa") == "Fixed")
        assert sim.boxes("tom2fa")["training"] is False


def test_cancelling_a_check_stops_it_and_writes_nothing_half_done(
    qtbot: QtBot, simx: SimxFactory, consentinel_home: Path
) -> None:
    # A slow X: the check is still busy when Cancel is pressed.
    sim = simx(
        SimAccount("slow_sam", "pw-sam"),
        SimAccount("slow_sue", "pw-sue"),
        render_delay_ms=2500,
        latency_ms=300,
    )
    ctx = make_context(consentinel_home, sim.origin)
    ctx.settings.concurrency = 1
    add_account(ctx, "slow_sam", "pw-sam")
    add_account(ctx, "slow_sue", "pw-sue")
    with running_app(qtbot, ctx) as app:
        window = app.window
        with qtbot.waitSignal(
            app.runner.step,
            timeout=RUN_TIMEOUT_MS,
            check_params_cb=lambda _h, step: step is Step.SIGNING_IN,
        ):
            window.check_all()
        assert window.panel.isVisible()
        with qtbot.waitSignal(app.runner.run_finished, timeout=RUN_TIMEOUT_MS) as finished:
            qtbot.mouseClick(window.panel.cancel_button, Qt.MouseButton.LeftButton)
        result = finished.args[0]
        assert result.cancelled
        assert not window.panel.isVisible()
        assert "cancelled" in window.result_label.text()
        run = ctx.journal.run(result.run_id)
        assert run is not None and run.status is RunStatus.CANCELLED
        # The journal is whole (the chain verifies), and no account was left "running".
        assert ctx.journal.verify().ok
        assert not app.runner.running
        # The second account was never started.
        assert sim.boxes("slow_sue")["training"] is True
        assert QApplication.activeModalWidget() is None


def _engine_for_a_person(ctx: AppContext) -> Engine:
    """As the app builds it: the sign-in window is a real window when there is a screen (else
    headless, the engine's override); the person has half a minute to finish."""
    return Engine(
        ctx,
        headless=True,
        interactive_headless=not has_display(),
        page_timeout_s=8,
        signin_step_timeout_s=8,
        interactive_timeout_s=30,
    )


def test_sign_in_in_a_browser_window_is_finished_by_the_person_and_saved(
    qtbot: QtBot, simx: SimxFactory, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """X shows a puzzle at every sign-in of @erin: the check can only say "needs you". The main
    window's "Sign in yourself…" opens X's sign-in page, types what it may, and leaves
    the puzzle to the person; here the test is the person and clicks it in that very page. The
    session is kept, the row stops saying "needs you", and the next check signs in nobody."""
    sim = simx(SimAccount("erin", "pw-erin", memory_shown=True, challenges=["captcha"]))
    ctx = make_context(consentinel_home, sim.origin)
    add_account(ctx, "erin", "pw-erin")
    # The engine's pages, with the asyncio loop each lives on, so the person can act in them.
    opened: list[tuple[Page, asyncio.AbstractEventLoop]] = []
    original_new_page = BrowserContext.new_page

    async def recording_new_page(self: BrowserContext) -> Page:
        page = await original_new_page(self)
        opened.append((page, asyncio.get_running_loop()))
        return page

    monkeypatch.setattr(BrowserContext, "new_page", recording_new_page)
    # A failed sign-in's message box would wait for a click: record it, so the test fails instead.
    boxes: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _parent, _title, text: boxes.append(text)
    )

    def in_the_window(act: Callable[[Page], Coroutine[Any, Any, T]]) -> T:
        page, loop = opened[-1]
        return asyncio.run_coroutine_threadsafe(act(page), loop).result(timeout=30)

    def puzzles_shown() -> int:
        signins = ctx.journal.entries(handle="erin", kinds=[EntryKind.SIGNIN])
        return sum(1 for e in signins if e.payload.get("reason") == Reason.CAPTCHA.value)

    with running_app(qtbot, ctx, engine_factory=_engine_for_a_person) as app:
        window = app.window
        # 1. A check meets the puzzle; the person skips it for now.
        prompt = check_all_until_prompt(qtbot, app, RUN_TIMEOUT_MS)
        assert prompt.request.kind is PromptKind.FINISH_IN_BROWSER
        with qtbot.waitSignal(app.runner.run_finished, timeout=RUN_TIMEOUT_MS):
            qtbot.mouseClick(prompt.cancel_button, Qt.MouseButton.LeftButton)
        needs_you = status_name(Status.NEEDS_USER, Reason.CAPTCHA)
        qtbot.waitUntil(lambda: window.table.status_text("erin") == needs_you)
        assert puzzles_shown() == 1 and not ctx.sessions.exists("erin")
        assert sim.captcha_touches() == 0  # the app's own page never touched the puzzle

        # 2. Sign in yourself: X's sign-in page; the app types the handle, the person
        # solves the puzzle there, and the app types the password X asks for next.
        window.table.selectRow(window.table.row_of("erin") or 0)
        assert window.signin_action.isEnabled()
        pages_before = len(opened)
        with qtbot.waitSignal(app.runner.login_finished, timeout=RUN_TIMEOUT_MS) as finished:
            window.signin_action.trigger()
            assert app.runner.running and not window.check_all_action.isEnabled()
            assert "erin" in window.panel.label.text()
            qtbot.waitUntil(lambda: len(opened) > pages_before, timeout=RUN_TIMEOUT_MS)

            async def solve_the_puzzle(page: Page) -> str:
                # A real click inside X's puzzle frame (X ignores a script's untrusted click);
                # the locator waits for the puzzle to be shown.
                await page.frame_locator("#arkoseFrame").locator("#solve").click()
                return page.url

            url = in_the_window(solve_the_puzzle)
            assert url.startswith(sim.origin) and ctx.site.is_login(url), url
            qtbot.waitUntil(
                lambda: sim.captcha_touches() > 0, timeout=RUN_TIMEOUT_MS
            )  # the click, seen
        outcome = finished.args[0]
        assert outcome.ok and not boxes, (outcome.message, boxes)
        assert ctx.sessions.exists("erin")
        qtbot.waitUntil(lambda: window.check_all_action.isEnabled())
        assert outcome.message in window.statusBar().currentMessage()
        assert not window.panel.isVisible()
        signins = ctx.journal.entries(handle="erin", kinds=[EntryKind.SIGNIN])
        assert signins[-1].payload.get("outcome") == "ok", signins
        assert puzzles_shown() == 1  # the window's sign-in went past its puzzle
        assert ctx.journal.verify().ok
        # The row says what happened, not "needs you" any more.
        assert window.table.status_text("erin") == "Signed in, not checked yet"

        # 3. The next check uses that session: X sees no new sign-in, and no puzzle.
        attempts = len(sim.signin_attempts("erin"))
        with qtbot.waitSignal(app.runner.run_finished, timeout=RUN_TIMEOUT_MS):
            window.check_all_action.trigger()
        qtbot.waitUntil(lambda: window.table.status_text("erin") == "Fixed")
        assert len(sim.signin_attempts("erin")) == attempts
        assert sim.boxes("erin")["training"] is False


def test_a_cancelled_check_leaves_the_last_results_as_they_were(
    qtbot: QtBot, simx: SimxFactory, consentinel_home: Path
) -> None:
    """It found nothing out: the rows keep what the last finished check found, now and after
    a restart, and "Last checked" keeps its time."""
    sim = simx(
        SimAccount("alice", "pw-alice", memory_shown=True),
        SimAccount("bob", "pw-bob", memory_shown=True),
    )
    ctx = make_context(consentinel_home, sim.origin)
    add_account(ctx, "alice", "pw-alice")
    add_account(ctx, "bob", "pw-bob")
    with running_app(qtbot, ctx) as app:
        window = app.window
        with qtbot.waitSignal(app.runner.run_finished, timeout=RUN_TIMEOUT_MS):
            window.check_all()
        qtbot.waitUntil(lambda: window.table.status_text("alice") == "Fixed")
        checked_at = {h: ctx.accounts.state(h).last_check_at for h in ("alice", "bob")}
        with qtbot.waitSignal(app.runner.run_finished, timeout=RUN_TIMEOUT_MS) as finished:
            window.check_all()
            window.cancel_check()
        assert finished.args[0].cancelled
        assert {a.reason for a in finished.args[0].accounts} == {Reason.CANCELLED}
        assert [window.table.status_text(h) for h in ("alice", "bob")] == ["Fixed", "Fixed"]
        assert {h: ctx.accounts.state(h).last_check_at for h in ("alice", "bob")} == checked_at
    with running_app(qtbot, ctx) as app:  # the app started again: read from the journal
        assert [app.window.table.status_text(h) for h in ("alice", "bob")] == ["Fixed", "Fixed"]


def _cells(window: Any, handle: str) -> list[str]:
    """The row's status and its three boxes, as the table shows them."""
    row = window.table.row_of(handle)
    return [window.table.item(row, column).text() for column in (1, 2, 3, 4)]


def _cancelled_after_an_untick(qtbot: QtBot, app: Any, sim: Any) -> RunResult:
    """@cara checked once (every box off); then X switches Training and Personalization back
    on, and the person cancels while X applies the untick of Training (it answers late): the
    check reads Training back off, and is cancelled before Personalization."""
    window = app.window
    with qtbot.waitSignal(app.runner.run_finished, timeout=RUN_TIMEOUT_MS):
        window.check_all()
    qtbot.waitUntil(lambda: window.table.status_text("cara") == status_name(Status.FIXED))
    sim.set_box("cara", "training", True)
    sim.set_box("cara", "personalization", True)
    sim.change_account("cara", fault="mutation_hang")  # X applies it, answers late
    with qtbot.waitSignal(app.runner.run_finished, timeout=RUN_TIMEOUT_MS) as finished:
        window.check_all()
        qtbot.waitUntil(sim.mutation_hanging.is_set, timeout=RUN_TIMEOUT_MS)
        window.cancel_check()
    result = finished.args[0]
    assert isinstance(result, RunResult) and result.cancelled
    return result


def test_a_check_cancelled_after_it_unticked_a_box_shows_what_is_now_true(
    qtbot: QtBot, simx: SimxFactory, consentinel_home: Path
) -> None:
    """X switched two boxes back on; the check switched the first off (read back off, with its
    entry and picture), and the person cancelled before the second. The row says what is true
    at X now: cancelled, the first box off, the second on, not the last check's "Fixed" with
    every box off; so do `account list`'s words and the row after a restart."""
    sim = simx(SimAccount("cara", "pw-cara", memory_shown=True))
    ctx = make_context(consentinel_home, sim.origin)
    add_account(ctx, "cara", "pw-cara")
    with running_app(qtbot, ctx) as app:
        window = app.window
        (cara,) = _cancelled_after_an_untick(qtbot, app, sim).accounts
        assert (cara.status, cara.reason) == (Status.ERROR, Reason.CANCELLED), cara.message
        assert sim.boxes("cara") == {"training": False, "personalization": True, "memory": False}
        # (The first box's cell: "Off again", X had switched it back on.)
        assert _cells(window, "cara") == ["Cancelled", "Off again", "On", "Off"]
        row = window.table.row_of("cara")
        assert window.table.item(row, 1).toolTip() == (
            "X had switched Training back on. Unticked and read back off: Training. The check "
            "was cancelled."
        )
        state = ctx.accounts.state("cara")
        assert (state.last_status, state.last_reason) == (Status.ERROR, Reason.CANCELLED)
    # The journal keeps the change with its picture, as for a check that ends.
    changes = ctx.journal.entries(handle="cara", kinds=[EntryKind.CHANGE])
    last = changes[-1].payload
    said = (last["box"], last["before"], last["after"], last["confirmed"])
    assert said == ("training", True, False, True)
    shots = ctx.journal.entries(handle="cara", kinds=[EntryKind.EVIDENCE])
    assert shots[-1].id > changes[-1].id and shots[-1].payload["why"] == "training"
    with running_app(qtbot, ctx) as app:  # the app started again: read from the journal
        assert _cells(app.window, "cara") == ["Cancelled", "Off again", "On", "Off"]


@pytest.mark.parametrize(
    ("language", "summary", "tray"),
    [
        (
            "en",
            "The check was cancelled before any account's check was over. Before the cancel, "
            "it switched off Training on @cara.",
            "Consentinel — last check cancelled, after it switched off boxes on @cara",
        ),
        (
            "fr",
            "La vérification a été annulée avant qu'aucun compte ne soit vérifié jusqu'au "
            "bout. Avant l'annulation, elle a décoché Entraînement sur @cara.",
            "Consentinel — dernière vérification annulée, après avoir décoché des cases sur @cara",
        ),
    ],
)
def test_the_summary_of_a_check_cancelled_after_it_unticked_a_box_says_what_it_did(
    qtbot: QtBot, simx: SimxFactory, consentinel_home: Path, language: str, summary: str,
    tray: str,
) -> None:  # fmt: skip
    """The run's summary under the table said "cancelled before any account was checked"
    when the check had switched a box off at X before the Cancel: it says that box, and the
    tray's words for the last check say it too."""
    from consentinel.gui.tray import Tray

    sim = simx(SimAccount("cara", "pw-cara", memory_shown=True))
    ctx = make_context(consentinel_home, sim.origin)
    ctx.settings.language = language  # (the window is not rebuilt in English at the end)
    add_account(ctx, "cara", "pw-cara")
    with running_app(qtbot, ctx, language=language) as app:
        result = _cancelled_after_an_untick(qtbot, app, sim)
        assert sim.boxes("cara")["training"] is False
        label = app.window.result_label
        assert label.isVisibleTo(app.window) and label.text() == summary
        icon = Tray(lambda: False, lambda: False)
        icon.show_idle(result)
        assert icon.icon.toolTip() == tray


def test_a_new_language_waits_for_the_check_and_the_old_window_is_let_go(
    qtbot: QtBot, simx: SimxFactory, consentinel_home: Path
) -> None:
    """Chosen during a check, the new language applies once it has ended (a window built anew
    mid-check had no progress and no Cancel); the window it replaces hears nothing more from
    the check runner (it raised "C++ object already deleted" at every check)."""
    sim = simx(SimAccount("alice", "pw-alice", memory_shown=True), render_delay_ms=1500)
    ctx = make_context(consentinel_home, sim.origin)
    add_account(ctx, "alice", "pw-alice")
    with running_app(qtbot, ctx) as app:
        old = [app.window]  # (the test's only reference to it, let go below)
        # Watched from now: the event loop that waits below may already delete it (a spy made
        # on a deleted window's signal crashed the run).
        gone = QSignalSpy(old[0].destroyed)
        with qtbot.waitSignal(app.runner.run_finished, timeout=RUN_TIMEOUT_MS):
            old[0].check_all()
            ctx.settings.language = "fr"
            old[0].settings_saved.emit()
            assert app.window is old[0]  # not mid-check
            assert "when this check has ended" in old[0].statusBar().currentMessage()
        qtbot.waitUntil(lambda: app.window is not old[0])
        assert app.window.check_all_action.text() == "&Tout vérifier"
        old.clear()
        gc.collect()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        assert gone.count() == 1
        # Another check: the runner's signals reach only the new window.
        with qtbot.waitSignal(app.runner.run_finished, timeout=RUN_TIMEOUT_MS):
            app.window.check_all()
        assert app.window.table.status_text("alice") == "Déjà décoché"


def test_closing_the_window_during_a_check_asks_first(
    qtbot: QtBot, simx: SimxFactory, consentinel_home: Path
) -> None:
    """With no tray to keep the app in, closing the window quits: during a check, only once
    the person said to cancel it."""
    sim = simx(SimAccount("slow_sam", "pw-sam"), render_delay_ms=2500, latency_ms=300)
    ctx = make_context(consentinel_home, sim.origin)
    add_account(ctx, "slow_sam", "pw-sam")
    with running_app(qtbot, ctx) as app:
        window = app.window
        assert not window.keep_in_tray
        quits: list[bool] = []
        window.quit_requested.connect(lambda: quits.append(True))

        def answer(choice: str) -> None:
            box = QApplication.activeModalWidget()
            assert isinstance(box, QMessageBox)
            next(b for b in box.buttons() if b.text() == choice).click()

        with qtbot.waitSignal(
            app.runner.step,
            timeout=RUN_TIMEOUT_MS,
            check_params_cb=lambda _h, step: step is Step.SIGNING_IN,
        ):
            window.check_all()
        QTimer.singleShot(0, lambda: answer("&Keep checking"))
        window.close()
        assert window.isVisible() and app.runner.running and quits == []
        QTimer.singleShot(0, lambda: answer("Cancel the check and &quit"))
        window.close()
        assert quits == [True]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_closing_the_window_while_the_person_signs_in_asks_about_the_sign_in(
    qtbot: QtBot, simx: SimxFactory, consentinel_home: Path, language: str
) -> None:
    """ "Sign in yourself…" is open (X's puzzle waits for the person): closing the window asks
    whether to close the sign-in window and quit, not whether to cancel a check, which none
    is; "Keep signing in" keeps it open."""
    sim = simx(SimAccount("erin", "pw-erin", challenges=["captcha"]))
    ctx = make_context(consentinel_home, sim.origin)
    add_account(ctx, "erin", "pw-erin")
    said: list[tuple[str, str, list[str]]] = []

    def answer(choice: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        said.append((box.windowTitle(), box.text(), [b.text() for b in box.buttons()]))
        next(b for b in box.buttons() if b.text() == choice).click()

    fr = language == "fr"
    keep = "&Continuer la connexion" if fr else "&Keep signing in"
    close = "La fermer et &quitter" if fr else "Close it and &quit"
    with running_app(qtbot, ctx, language, engine_factory=_engine_for_a_person) as app:
        window = app.window
        quits: list[bool] = []
        window.quit_requested.connect(lambda: quits.append(True))
        window.table.selectRow(0)
        with qtbot.waitSignal(app.runner.login_finished, timeout=RUN_TIMEOUT_MS):
            window.sign_in()
            assert app.runner.running
            QTimer.singleShot(0, lambda: answer(keep))
            window.close()
            assert window.isVisible() and app.runner.running and quits == []
            QTimer.singleShot(0, lambda: answer(close))
            window.close()
            assert quits == [True]
            window.cancel_check()  # (what quitting does: the app's shutdown stops the runner)
    nbsp = "\u00a0"
    title, question, buttons = said[0]
    assert title == ("Vous êtes en train de vous connecter" if fr else "You are signing in")
    assert question == (
        f"Quitter Consentinel et fermer la fenêtre de connexion{nbsp}?"
        if fr
        else "Quit Consentinel and close the sign-in window?"
    )
    assert sorted(buttons) == sorted([close, keep])
    assert said[0][:2] == said[1][:2]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_sign_in_that_meets_a_refused_sandbox_says_it_once_it_has_ended(
    qtbot: QtBot,
    simx: SimxFactory,
    consentinel_home: Path,
    refusing_browser: Path,
    language: str,
) -> None:
    """ "Sign in yourself" is the first in this process to meet Chromium's refusal:
    said in the status bar with how the sign-in ended, which would otherwise replace it while
    the person was busy in the browser window (tests/fixtures/sandbox_fixtures.py: a real
    refusal by Chromium)."""
    sim = simx(SimAccount("alice", "pw-alice"))
    ctx = make_context(consentinel_home, sim.origin)
    add_account(ctx, "alice", "pw-alice")
    with running_app(qtbot, ctx, language) as app:
        window = app.window
        window.table.selectRow(0)
        with qtbot.waitSignal(app.runner.login_finished, timeout=RUN_TIMEOUT_MS) as done:
            window.sign_in()
        outcome = done.args[0]
        assert outcome.ok, outcome.message
        sandbox = {
            "en": "The browser runs without its sandbox here",
            "fr": "Le navigateur tourne ici sans son bac à sable",
        }[language]
        qtbot.waitUntil(lambda: sandbox in window.statusBar().currentMessage())
        assert window.statusBar().currentMessage().startswith(outcome.message)
    assert [a["outcome"] for a in sim.signin_attempts("alice")] == ["success"]


def test_the_open_journal_shows_each_account_s_check_as_it_ends(
    qtbot: QtBot, simx: SimxFactory, consentinel_home: Path
) -> None:
    """Not only once the whole check has ended: an export made meanwhile holds what the table
    and its badge show."""
    sim = simx(SimAccount("ann", "pw-ann"), SimAccount("bob", "pw-bob"), render_delay_ms=2500)
    ctx = make_context(consentinel_home, sim.origin)
    ctx.settings.concurrency = 1
    add_account(ctx, "ann", "pw-ann")
    add_account(ctx, "bob", "pw-bob")
    with running_app(qtbot, ctx) as app:
        window = app.window
        window.show_journal()
        journal = window.journal_window
        assert journal is not None
        with qtbot.waitSignal(app.runner.account_finished, timeout=RUN_TIMEOUT_MS) as first:
            window.check_all()
        assert app.runner.running  # the other account's check goes on
        handle = first.args[0].handle
        checked = [
            journal.model.entry_at(row)
            for row in range(journal.model.rowCount())
            if journal.model.entry_at(row).kind is EntryKind.CHECK
        ]
        assert [entry.handle for entry in checked] == [handle]
        with qtbot.waitSignal(app.runner.run_finished, timeout=RUN_TIMEOUT_MS):
            pass


def test_the_tray_icon_says_how_far_a_check_is(
    qtbot: QtBot, simx: SimxFactory, consentinel_home: Path
) -> None:
    """The window may be hidden (a check from the tray's menu, or the schedule's): the icon's
    tooltip says how many accounts are done, and only the app's name once the check ends."""
    from consentinel.gui.tray import Tray

    sim = simx(
        SimAccount("ann", "pw-ann", memory_shown=True),
        SimAccount("bob", "pw-bob", memory_shown=True),
    )
    ctx = make_context(consentinel_home, sim.origin)
    ctx.settings.concurrency = 1
    add_account(ctx, "ann", "pw-ann")
    add_account(ctx, "bob", "pw-bob")
    with running_app(qtbot, ctx) as app:
        tray = Tray(lambda: False, lambda: app.runner.running)  # (tests have no system tray)
        app._follow_on_the_tray(tray)
        said: list[str] = []
        app.runner.account_finished.connect(lambda _r: said.append(tray.icon.toolTip()))
        with qtbot.waitSignal(app.runner.run_started, timeout=RUN_TIMEOUT_MS):
            app.check_now()
        assert tray.icon.toolTip() == "Consentinel — checking: 0 of 2 accounts done"
        with qtbot.waitSignal(app.runner.run_finished, timeout=RUN_TIMEOUT_MS):
            pass
        assert said == [
            "Consentinel — checking: 1 of 2 accounts done",
            "Consentinel — checking: 2 of 2 accounts done",
        ]
        assert tray.icon.toolTip() == "Consentinel — last check: all accounts fine"


def test_while_a_code_is_asked_for_the_others_are_checked_and_everything_says_so(
    qtbot: QtBot, simx: SimxFactory, consentinel_home: Path
) -> None:
    """One account at a time, tom's 2FA code asked for and not answered yet: ann and bob are
    checked meanwhile with their saved sessions (tom's check gives its place while it waits
    for the person; a sign-in would wait for tom's, one at a time); the panel,
    tom's row and the tray say what is waited for; ann's row says her own next check; the
    tray keeps how the check ended."""
    from consentinel.gui.tray import Tray

    secret = pyotp.random_base32()
    sim = simx(
        SimAccount(
            "tom2fa", "pw-tom", memory_shown=True, totp_secret=secret, challenges=["two_factor"]
        ),
        SimAccount("ann", "pw-ann", memory_shown=True),
        SimAccount("bob", "pw-bob", memory_shown=True),
    )
    ctx = make_context(consentinel_home, sim.origin)
    ctx.settings.concurrency = 1
    ctx.settings.schedule = "daily"
    add_account(ctx, "tom2fa", "pw-tom")  # no TOTP secret saved: X's question reaches a person
    add_account(ctx, "ann", "pw-ann")
    add_account(ctx, "bob", "pw-bob")
    with running_app(qtbot, ctx) as app:
        window = app.window
        tray = Tray(lambda: False, lambda: app.runner.running)  # (tests have no system tray)
        with qtbot.waitSignal(app.runner.run_finished, timeout=RUN_TIMEOUT_MS):
            window.start_check(["ann", "bob"])  # their sessions are saved: no sign-in next
        app._follow_on_the_tray(tray)
        done: list[str] = []
        app.runner.account_finished.connect(lambda result: done.append(result.handle))
        dialog = check_all_until_prompt(qtbot, app, RUN_TIMEOUT_MS)
        qtbot.waitUntil(lambda: sorted(done) == ["ann", "bob"], timeout=RUN_TIMEOUT_MS)
        assert dialog.isVisible() and app.runner.running  # tom's code is still asked for
        assert window.table.status_text("tom2fa") == "Waiting for your code…"
        assert window.panel.label.text() == "Waiting for your code for @tom2fa…"
        assert window.panel.count.text() == "2 of 3 accounts"
        assert tray.icon.toolTip() == (
            "Consentinel — checking: 2 of 3 accounts done\nWaiting for your code for @tom2fa"
        )
        ann = window.table.row_of("ann")
        assert ann is not None
        assert window.table.item(ann, window.table.columnCount() - 1).text() == "In 24 hours"
        with qtbot.waitSignal(app.runner.run_finished, timeout=RUN_TIMEOUT_MS):
            qtbot.keyClicks(dialog.edit, pyotp.TOTP(secret).now())
            qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
        assert tray.icon.toolTip() == "Consentinel — last check: all accounts fine"


def test_accounts_waiting_their_turn_say_so_then_each_row_its_own_next_check(
    qtbot: QtBot, simx: SimxFactory, consentinel_home: Path
) -> None:
    """While a check runs, the accounts it has yet to check say they are in it, not "Now" nor
    the schedule's next time. Once it ends, gus's failed (X's page reset the connection): his
    row says when he is tried again, as the status bar does; ann's went through: a day later."""
    sim = simx(SimAccount("ann", "pw-ann"), SimAccount("gus", "pw-gus", fault="connection_reset"))
    ctx = make_context(consentinel_home, sim.origin)
    ctx.settings.concurrency = 1
    ctx.settings.schedule = "daily"
    add_account(ctx, "ann", "pw-ann")
    add_account(ctx, "gus", "pw-gus")
    with running_app(qtbot, ctx) as app:
        window = app.window
        table = window.table
        due_column = table.columnCount() - 1

        def due(handle: str) -> str:
            return table.item(table.row_of(handle) or 0, due_column).text()

        with qtbot.waitSignal(app.runner.run_started, timeout=RUN_TIMEOUT_MS):
            window.check_all()
        assert due("ann") == due("gus") == "In this check"
        assert table.status_text("gus") == "Waiting for its turn…"
        with qtbot.waitSignal(app.runner.run_finished, timeout=RUN_TIMEOUT_MS) as finished:
            pass
        results = {a.handle: a for a in finished.args[0].accounts}
        assert results["gus"].reason is Reason.NETWORK, results["gus"]
        assert due("ann") == "In 24 hours"
        assert due("gus") != "In 24 hours"
        assert due("gus").lower() in window.schedule_label.text().lower()


def test_while_every_account_is_checked_the_next_automatic_check_waits_for_its_end(
    qtbot: QtBot, simx: SimxFactory, consentinel_home: Path
) -> None:
    """Every row says "In this check": the status bar does not say a time the schedule had
    before ("in 10 minutes", which became "in 24 hours" at the check's end)."""
    sim = simx(
        SimAccount(
            "tom2fa", "pw-tom", totp_secret=pyotp.random_base32(), challenges=["two_factor"]
        ),
        SimAccount("ann", "pw-ann"),
    )
    ctx = make_context(consentinel_home, sim.origin)
    ctx.settings.concurrency = 1
    ctx.settings.schedule = "daily"
    add_account(ctx, "tom2fa", "pw-tom")  # no 2FA secret saved: X's question waits for a person
    add_account(ctx, "ann", "pw-ann")
    with running_app(qtbot, ctx) as app:
        window = app.window
        before = window.schedule_label.text()
        assert before.startswith("Next automatic check: in "), before  # not due yet
        dialog = check_all_until_prompt(qtbot, app, RUN_TIMEOUT_MS)
        window.refresh()
        assert window.schedule_label.text() == "Next automatic check: set when this check ends"
        with qtbot.waitSignal(app.runner.run_finished, timeout=RUN_TIMEOUT_MS):
            dialog.reject()
        assert "set when" not in window.schedule_label.text()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_sign_in_whose_time_runs_out_says_how_long_what_x_showed_and_what_next(
    qtbot: QtBot,
    simx: SimxFactory,
    consentinel_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
) -> None:
    """Audit 2, item 9: "Sign in yourself…" at a captcha nobody solved said only "The sign-in
    of @cap_tcha was not finished in the window.": not that the time ran out, nor how long
    there was, nor that X still showed the captcha, nor what to do next."""
    sim = simx(SimAccount("cap_tcha", "pw-cap", challenges=["captcha"]))
    ctx = make_context(consentinel_home, sim.origin)
    add_account(ctx, "cap_tcha", "pw-cap")
    told = message_boxes(monkeypatch)

    def engine(ctx: AppContext) -> Engine:
        return Engine(
            ctx,
            headless=True,
            interactive_headless=True,
            page_timeout_s=8,
            signin_step_timeout_s=8,
            interactive_timeout_s=2,
        )

    with running_app(qtbot, ctx, language, engine_factory=engine) as app:
        window = app.window
        window.table.selectRow(0)
        with qtbot.waitSignal(app.runner.login_finished, timeout=RUN_TIMEOUT_MS) as done:
            window.sign_in()
        qtbot.waitUntil(lambda: bool(told), timeout=5_000)
    assert done.args[0].ran_out_after_s is not None
    ((kind, title, text),) = told
    assert kind == "information"
    said, then = text.split("\n\n")
    if language == "fr":
        assert title == "Non connecté"
        assert re.fullmatch(
            r"Le temps pour terminer la connexion de @cap_tcha s'est écoulé au bout de "
            r"\d+ s\u00a0: X affichait encore un captcha\.",
            said,
        ), said
        assert then == (
            "Réessayez «\u00a0Se connecter soi-même…\u00a0» quand vous aurez le temps de "
            "terminer la connexion."
        )
    else:
        assert title == "Not signed in"
        assert re.fullmatch(
            r"The time to finish signing in to @cap_tcha ran out after \d+ s: X was still "
            r"showing a captcha\.",
            said,
        ), said
        assert then == "Try “Sign in yourself…” again when you have time to finish it."
