"""The tray's menu says who needs the person as the accounts table does now, not as the last
check left them: an account they signed in to themselves, gave a new password or removed is no
longer named. After a cancelled check it says how far the check had gone, and Check all now is
offered again. Real window, tray menu and stores offscreen; the check's results reach them as
the runner sends them (and one real cancelled check, with Chromium against the simulated X)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from consentinel.core.context import AppContext
from consentinel.core.engine import LoginResult
from consentinel.core.events import AccountResult, BoxChange, RunResult
from consentinel.core.status import Box, Reason, Status
from consentinel.core.steps import Step
from consentinel.gui.app_controller import AppController
from consentinel.gui.confirmation import Confirmation
from consentinel.gui.translations import Translators
from consentinel.gui.tray import Tray
from consentinel.simx import SimAccount
from tests.fixtures.simx_fixtures import SimxFactory
from tests.gui._app_support import add_account, make_context, message_boxes, quick_engine

OFF = {Box.TRAINING: BoxChange(True, False)}

WORDS = {
    "en": {
        "3": "3 accounts need you",
        "2": "2 accounts need you",
        "1": "1 account needs you",
        "0": "No account needs you",
        "show several": "&Show the accounts that need you",
        "show one": "&Show the account that needs you",
        "tip 2": "Consentinel — last check: 2 accounts need you",
        "cancelled after one": "Last check cancelled after 1 of 3 accounts",
        "check all": "&Check all now",
        "new password": "New password, not checked yet",
    },
    "fr": {
        "3": "3 comptes ont besoin de vous",
        "2": "2 comptes ont besoin de vous",
        "1": "1 compte a besoin de vous",
        "0": "Aucun compte n'a besoin de vous",
        "show several": "&Afficher les comptes qui ont besoin de vous",
        "show one": "&Afficher le compte qui a besoin de vous",
        "tip 2": "Consentinel — dernière vérification\u00a0: 2 comptes ont besoin de vous",
        "cancelled after one": "Dernière vérification annulée après 1 compte sur 3",
        "check all": "&Tout vérifier maintenant",
        "new password": "Nouveau mot de passe, pas encore vérifié",
    },
}


@contextmanager
def _app_with_a_tray(
    qtbot: QtBot, ctx: AppContext, language: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[AppController]:
    monkeypatch.setattr(Tray, "available", staticmethod(lambda: True))  # (no tray offscreen)
    ctx.settings.language = language  # (not the machine's: set again as a check ends)
    translators = Translators()
    translators.switch(language)
    app = AppController(ctx, translators, engine_factory=quick_engine, use_tray=True)
    app.on_quit = lambda: None
    try:
        app.start()
        qtbot.addWidget(app.window)
        tray = app.tray
        assert tray is not None
        qtbot.waitUntil(lambda: bool(tray.menu.actions()))  # (built after the first frame)
        yield app
    finally:
        app.shutdown()
        translators.switch("en")


def _menu(tray: Tray) -> list[str]:
    """The menu's lines as the person sees them (its status line first)."""
    return [a.text() for a in tray.menu.actions() if a.isVisible() and a.text()]


def _shown_by_the_entry(qtbot: QtBot, tray: Tray, text: str) -> list[str]:
    """The handles the menu's "Show the accounts that need you" shows."""
    entry = next(a for a in tray.menu.actions() if a.text() == text)
    assert entry.isVisible() and entry.isEnabled()
    with qtbot.waitSignal(tray.show_needing_you) as shown:
        entry.trigger()
    return sorted(shown.args[0])


def _check_as_the_runner_says_it(app: AppController, results: list[AccountResult]) -> None:
    """A check of these accounts: journaled as the engine does, told as the runner does."""
    ctx = app.ctx
    run = ctx.journal.start_run("gui")
    runner = app.runner
    runner.run_started.emit(run, tuple(r.handle for r in results))
    for result in results:
        ctx.journal.record_check(run, result)
        ctx.accounts.record_check(result.handle, result.status, reason=result.reason)
        if result.reason is Reason.WRONG_PASSWORD:
            ctx.accounts.mark_password_rejected(result.handle)
        runner.step.emit(result.handle, Step.DONE)
        runner.account_finished.emit(result)
    ctx.journal.finish_run(run)
    runner.run_finished.emit(RunResult(run, tuple(results)), "gui")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_tray_names_those_that_need_the_person_now_not_as_the_last_check_left_them(
    qtbot: QtBot, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    words = WORDS[language]
    ctx = make_context(consentinel_home)
    for handle in ("zed", "dan", "eve", "amy"):
        add_account(ctx, handle, "pw")
    with _app_with_a_tray(qtbot, ctx, language, monkeypatch) as app:
        tray = app.tray
        assert tray is not None
        window = app.window
        _check_as_the_runner_says_it(
            app,
            [
                AccountResult("zed", Status.NEEDS_USER, Reason.CAPTCHA),
                AccountResult("dan", Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD),
                AccountResult("eve", Status.NEEDS_USER, Reason.TWO_FACTOR),
                AccountResult("amy", Status.FIXED, settings=OFF),
            ],
        )
        assert _menu(tray)[0] == words["3"]
        assert _shown_by_the_entry(qtbot, tray, words["show several"]) == ["dan", "eve", "zed"]

        # 1. zed: "Sign in yourself…" worked (the engine journals the sign-in, the runner
        # says it ended): the row says "Signed in, not checked yet", the tray counts two.
        ctx.journal.record_signin(None, "zed", "ok")
        app.runner.login_finished.emit(LoginResult(True, "Signed in to @zed."))
        assert window.table.status_text("zed") != window.table.status_text("eve")
        assert _menu(tray)[0] == words["2"]  # (without the menu being opened again)
        assert tray.icon.toolTip() == words["tip 2"]
        tray.menu.aboutToShow.emit()  # (rebuilt as it opens: the same)
        assert _menu(tray)[0] == words["2"]
        assert _shown_by_the_entry(qtbot, tray, words["show several"]) == ["dan", "eve"]

        # 2. dan: a new password saved with "Edit account…": the next check signs in with it.
        def type_a_new_password() -> None:
            from consentinel.gui.account_dialog import AccountDialog

            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, AccountDialog)
            qtbot.keyClicks(dialog.password_edit, "a new password")
            dialog.save_button.click()

        QTimer.singleShot(0, type_a_new_password)
        window.edit_account("dan")
        assert not ctx.accounts.state("dan").password_rejected
        # The table says it too (it still said "Wrong password", the tray no longer counting it).
        assert window.table.status_text("dan") == words["new password"]
        assert _menu(tray)[0] == words["1"]
        assert _shown_by_the_entry(qtbot, tray, words["show one"]) == ["eve"]

        # 3. eve removed: nobody left who needs the person; no entry to show them.
        monkeypatch.setattr(Confirmation, "confirmed", lambda _box: True)
        monkeypatch.setattr(QMessageBox, "information", lambda *_args: None)
        window.remove_account("eve")
        assert ctx.accounts.get("eve") is None
        assert _menu(tray)[0] == words["0"]
        assert words["show one"] not in _menu(tray)
        assert words["show several"] not in _menu(tray)
        tray.menu.aboutToShow.emit()
        assert _menu(tray)[:2] == [words["0"], words["check all"]]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_after_a_cancelled_check_the_tray_says_how_far_it_went_and_offers_a_new_one(
    qtbot: QtBot, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    words = WORDS[language]
    ctx = make_context(consentinel_home)
    for handle in ("amy", "bob", "cat"):
        add_account(ctx, handle, "pw")
    with _app_with_a_tray(qtbot, ctx, language, monkeypatch) as app:
        tray = app.tray
        assert tray is not None
        runner = app.runner
        check_all = next(a for a in tray.menu.actions() if a.text() == words["check all"])
        runner.run_started.emit(1, ("amy", "bob", "cat"))
        assert not check_all.isEnabled()
        # amy's check ended needing the person; the person pressed Cancel during bob's.
        amy = AccountResult("amy", Status.NEEDS_USER, Reason.TWO_FACTOR)
        run = ctx.journal.start_run("gui")
        ctx.journal.record_check(run, amy)
        ctx.accounts.record_check("amy", amy.status, reason=amy.reason)
        runner.account_finished.emit(amy)
        stopped = [
            AccountResult(h, Status.ERROR, Reason.CANCELLED, message="The check was cancelled.")
            for h in ("bob", "cat")
        ]
        ctx.journal.finish_run(run, cancelled=True)
        runner.run_finished.emit(RunResult(run, (amy, *stopped), cancelled=True), "gui")
        assert _menu(tray)[0] == words["cancelled after one"]
        assert check_all.isEnabled()
        tray.menu.aboutToShow.emit()
        assert _menu(tray)[0] == words["cancelled after one"]
        assert _shown_by_the_entry(qtbot, tray, words["show one"]) == ["amy"]
        check_all = next(a for a in tray.menu.actions() if a.text() == words["check all"])
        assert check_all.isEnabled()


@pytest.mark.browser
def test_a_check_cancelled_from_the_window_is_said_in_the_tray(
    qtbot: QtBot, simx: SimxFactory, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A real check, cancelled with the window's button while it signs in to its first
    account (a slow X): the tray says so, and offers Check all now again."""
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
    with _app_with_a_tray(qtbot, ctx, "en", monkeypatch) as app:
        tray = app.tray
        assert tray is not None
        window = app.window
        with qtbot.waitSignal(
            app.runner.step,
            timeout=90_000,
            check_params_cb=lambda _h, step: step is Step.SIGNING_IN,
        ):
            window.check_all()
        assert _menu(tray)[0] == "Checking… 0 of 2"
        with qtbot.waitSignal(app.runner.run_finished, timeout=90_000) as finished:
            qtbot.mouseClick(window.panel.cancel_button, Qt.MouseButton.LeftButton)
        assert finished.args[0].cancelled
        tray.menu.aboutToShow.emit()
        assert _menu(tray)[0] == "Last check cancelled before any account was checked"
        check_all = next(a for a in tray.menu.actions() if a.text() == "&Check all now")
        assert check_all.isEnabled()


def test_check_all_now_waits_for_the_window_to_hear_a_sign_in_end(
    qtbot: QtBot, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sign-in's worker is done (CheckRunner.running False) a moment before the window hears
    its end (login_finished): "Check all now" stays greyed until then, as the schedule's own
    starts wait for it (CheckRunner.going), and is offered again once the end is heard."""
    ctx = make_context(consentinel_home)
    add_account(ctx, "amy", "pw")
    boxes = message_boxes(monkeypatch)  # ("Not signed in": said, not waited on)
    with _app_with_a_tray(qtbot, ctx, "en", monkeypatch) as app:
        tray = app.tray
        assert tray is not None
        check_all = next(a for a in tray.menu.actions() if a.text() == "&Check all now")
        assert check_all.isEnabled()
        in_the_gap: list[tuple[bool, bool]] = []

        def worker_done(busy: bool) -> None:  # (after the tray's own slot: connected later)
            if not busy:
                in_the_gap.append((app.runner.going, check_all.isEnabled()))

        app.runner.busy_changed.connect(worker_done)
        with qtbot.waitSignal(app.runner.login_finished, timeout=30_000):
            # Not an account: the sign-in ends at once, without a browser.
            assert app.runner.sign_in("nobody")
            assert not check_all.isEnabled()
        assert in_the_gap == [(True, False)]
        assert check_all.isEnabled()
        assert [title for _kind, title, _text in boxes] == ["Not signed in"]
