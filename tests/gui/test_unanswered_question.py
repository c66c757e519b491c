"""A question nobody answers (a 2FA code asked for, the person gone for the weekend) is taken
away after its time: the account ends as if skipped, the run ends and frees the run lock that
every scheduled check needs. Real Qt offscreen, real Chromium against the simulated X."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pyotp
import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from consentinel.core.context import AppContext
from consentinel.core.engine import Engine
from consentinel.core.journal_entries import EntryKind
from consentinel.core.lock import RunLock
from consentinel.core.status import Reason, Status
from consentinel.simx import SimAccount
from tests.fixtures.simx_fixtures import SimxFactory
from tests.gui._app_support import (
    add_account,
    check_all_until_prompt,
    make_context,
    quick_engine,
    running_app,
)

pytestmark = pytest.mark.browser
RUN_TIMEOUT_MS = 90_000
#: The questions' time here: long enough to see the dialog open, short for a test.
WAIT_S = 4.0

WORDS = {
    "en": (
        "2FA code needed",
        "The question for @tom2fa went unanswered for 1 min: it was closed, and the check "
        "went on without this account.",
    ),
    "fr": (
        "Code 2FA requis",
        "La question pour @tom2fa est restée sans réponse pendant 1\u00a0min\u00a0: elle a été "
        "fermée, et la vérification a continué sans ce compte.",
    ),
}


def _engine_with_short_questions(ctx: AppContext) -> Engine:
    return quick_engine(ctx, answer_wait_s=WAIT_S)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_code_nobody_types_is_given_up_on_and_the_run_ends(
    qtbot: QtBot, simx: SimxFactory, consentinel_home: Path, language: str
) -> None:
    sim = simx(
        SimAccount(
            "tom2fa",
            "pw-tom",
            memory_shown=True,
            totp_secret=pyotp.random_base32(),
            challenges=["two_factor"],
        ),
        SimAccount("ann", "pw-ann", memory_shown=True),
    )
    ctx = make_context(consentinel_home, sim.origin)
    ctx.settings.language = language  # (else the window is rebuilt in English at the end)
    add_account(ctx, "tom2fa", "pw-tom")  # no 2FA secret saved: X's question reaches a person
    add_account(ctx, "ann", "pw-ann")
    status_words, said = WORDS[language]
    with running_app(qtbot, ctx, language, engine_factory=_engine_with_short_questions) as app:
        window = app.window
        with qtbot.waitSignal(app.runner.run_finished, timeout=RUN_TIMEOUT_MS) as finished:
            dialog = check_all_until_prompt(qtbot, app, RUN_TIMEOUT_MS)
            # Nobody answers: the dialog goes by itself, the run goes on to its end.
            qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=RUN_TIMEOUT_MS)
        result = finished.args[0]
        accounts = {a.handle: a for a in result.accounts}
        # As "Skip this account" ends it: needing the person, for the 2FA code.
        assert accounts["tom2fa"].status is Status.NEEDS_USER, accounts["tom2fa"]
        assert accounts["tom2fa"].reason is Reason.TWO_FACTOR, accounts["tom2fa"]
        assert accounts["ann"].status is Status.FIXED, accounts["ann"]
        assert not result.cancelled
        assert window.open_prompt is None
        assert QApplication.activeModalWidget() is None
        assert not app.runner.running
        assert not window.panel.isVisible()
        assert window.check_all_action.isEnabled()
        qtbot.waitUntil(lambda: window.table.status_text("tom2fa") == status_words)
        assert window.statusBar().currentMessage() == said
        # The run lock is free: the OS job's scheduled check can run.
        lock = RunLock(ctx.paths.lock_path)
        assert lock.holder() is None
        assert lock.acquire(wait=False)
        lock.release()
        checks = ctx.journal.entries(handle="tom2fa", kinds=[EntryKind.CHECK])
        assert checks[-1].payload["status"] == Status.NEEDS_USER.value, checks[-1].payload
        assert checks[-1].payload["reason"] == Reason.TWO_FACTOR.value, checks[-1].payload


def test_a_question_left_open_while_the_computer_slept_is_taken_away_on_wake(
    qtbot: QtBot, simx: SimxFactory, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The 2FA question asked on a Friday evening, the laptop shut: the monotonic clock stood
    still while it slept (Linux, macOS), the wall clock did not (moved here, once the dialog
    is up). On wake the question is taken away at once, as one that went unanswered, and the
    run ends and frees its lock, where it waited its whole time again from the wake (10 min
    here, the default)."""
    from consentinel.core import answer_deadline

    slept = threading.Event()
    real = time.time
    monkeypatch.setattr(
        answer_deadline, "_wall_clock", lambda: real() + (3 * 86400 if slept.is_set() else 0)
    )
    sim = simx(
        SimAccount(
            "tom2fa",
            "pw-tom",
            totp_secret=pyotp.random_base32(),
            challenges=["two_factor"],
        )
    )
    ctx = make_context(consentinel_home, sim.origin)
    add_account(ctx, "tom2fa", "pw-tom")  # no 2FA secret saved: X's question reaches a person

    def engine(ctx: AppContext) -> Engine:
        return quick_engine(ctx, answer_wait_s=600)

    with running_app(qtbot, ctx, engine_factory=engine) as app:
        with qtbot.waitSignal(app.runner.run_finished, timeout=RUN_TIMEOUT_MS) as finished:
            dialog = check_all_until_prompt(qtbot, app, RUN_TIMEOUT_MS)
            slept.set()  # (the weekend, as the wall clock says it on wake)
            qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=RUN_TIMEOUT_MS)
        (tom,) = finished.args[0].accounts
        assert (tom.status, tom.reason) == (Status.NEEDS_USER, Reason.TWO_FACTOR), tom
        lock = RunLock(ctx.paths.lock_path)
        assert lock.holder() is None
