"""The window's scheduled check that could not reach X (a laptop waking before its Wi-Fi: a
network error, or its page load timed out) is retried as soon as X answers again, not half an
hour later, even when the person's own check, started meanwhile, could not reach X either or
checked only some of its accounts, or a sign-in of theirs was going as X answered; once: a retry
that fails in turn waits for its time. Only a "yes" after a "no": X answering as the check ends,
or X's own error (a 5xx, "Something went wrong" at the password), keeps the half hour (no burst
of sign-ins). The whole app (real Qt offscreen, real Chromium, real SQLite journal), X's address
one nothing answers at (or one that takes connections and never answers) until simx starts
there (the network back); the schedule alone (AutoChecks, real X's answers) for a pause saved
meanwhile by the command line and a start that raises."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from consentinel.core import doctor
from consentinel.core.check_messages import X_FAILED_AT_PASSWORD
from consentinel.core.context import AppContext
from consentinel.core.engine import Engine
from consentinel.core.events import RunResult
from consentinel.core.journal import Journal
from consentinel.core.journal_entries import EntryKind
from consentinel.core.paths import AppPaths
from consentinel.core.schedule import DEFAULT_RETRY_DELAY, TickOutcome
from consentinel.core.settings import Settings, save_settings
from consentinel.core.vault import MemoryKeyring, Vault
from consentinel.gui import x_watch
from consentinel.gui.app_controller import AppController
from consentinel.gui.auto_checks import AutoChecks
from consentinel.simx import SimAccount
from consentinel.simx.scenario import Scenario
from consentinel.simx.server import SimX
from tests.fixtures.simx_fixtures import SimxFactory
from tests.gui._app_support import HandClock, add_account, make_context, running_app

RUN_TIMEOUT_MS = 90_000
PASSWORD = "pw-nora"


@pytest.fixture(autouse=True)
def _quick_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    """X is asked every 50 ms while it does not answer, not every 20 seconds."""
    monkeypatch.setattr(x_watch, "PROBE_EVERY_MS", 50)


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """X's answers to the window's questions, in order (the real question, recorded)."""
    answers: list[bool] = []
    real = x_watch.x_answers

    def recorded(ctx: AppContext) -> bool:
        answer = real(ctx)
        answers.append(answer)
        return answer

    monkeypatch.setattr(x_watch, "x_answers", recorded)
    return answers


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _checks(journal: Journal, handle: str) -> list[tuple[str | None, str | None]]:
    """Each of `handle`'s checks, oldest first: (status, reason)."""
    entries = sorted(journal.entries(handle=handle, kinds=[EntryKind.CHECK]), key=lambda e: e.id)
    return [(e.payload.get("status"), e.payload.get("reason")) for e in entries]


def test_a_scheduled_check_that_met_no_network_is_retried_once_x_answers(
    qtbot: QtBot, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch, asked: list[bool]
) -> None:
    port = _free_port()
    origin = f"http://127.0.0.1:{port}"
    monkeypatch.setenv("CONSENTINEL_X_ORIGIN", origin)
    ctx = make_context(consentinel_home, origin)
    ctx.settings.schedule = "daily"
    ctx.settings.check_on_start = True  # nora never checked: due at once
    add_account(ctx, "nora", PASSWORD)
    sim = SimX(Scenario(accounts=[SimAccount("nora", PASSWORD, memory_shown=True)],
                        render_delay_ms=80), port=port)  # fmt: skip
    try:
        with running_app(qtbot, ctx) as app:
            with qtbot.waitSignal(app.runner.run_finished, timeout=RUN_TIMEOUT_MS) as first:
                pass  # the schedule's first tick starts it
            (result,) = first.args[0].accounts
            assert result.reason is not None and result.reason.value == "network", result
            assert first.args[1] == "schedule"
            # X is asked meanwhile; the retry waits for its answer, at most half an hour.
            qtbot.waitUntil(lambda: app.auto.watching_x)
            # The network comes back once X did not answer a question: X answering the first
            # one (asked as the check ends, in a thread that may come after sim.start() on a
            # busy machine) is the network never down, which keeps the half hour.
            qtbot.waitUntil(lambda: False in asked)
            after = app.auto.next_run_at()
            assert after is not None
            assert after > datetime.now(timezone.utc) + DEFAULT_RETRY_DELAY - timedelta(minutes=1)
            with qtbot.waitSignal(app.runner.run_finished, timeout=RUN_TIMEOUT_MS) as second:
                sim.start()  # the network is back
            assert second.args[1] == "schedule"
            (result,) = second.args[0].accounts
            assert result.reason is None, result
            assert not app.auto.watching_x
            assert _checks(ctx.journal, "nora") == [("error", "network"), ("fixed", None)]
        assert sim.boxes("nora") == {"training": False, "personalization": False, "memory": False}
    finally:
        sim.stop()


@contextmanager
def _deaf_port() -> Iterator[socket.socket]:
    """A port that takes connections and never answers: the Wi-Fi joined, its network not up
    yet (Chromium's page load and X's quick question time out). Closed on leaving."""
    deaf = socket.socket()
    try:
        deaf.bind(("127.0.0.1", 0))
        deaf.listen(64)  # (taken by the system, never read)
        yield deaf
    finally:
        deaf.close()


def test_a_scheduled_check_that_timed_out_before_x_answered_is_retried_once_x_answers(
    qtbot: QtBot, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch, asked: list[bool]
) -> None:
    """Chromium's page load times out (no answer at all, the network not up yet) rather than
    failing at once: the retry starts as soon as X answers, as after a network error, not
    half an hour later."""
    monkeypatch.setattr(doctor, "X_TIMEOUT_S", 1.0)  # (each "no" takes that long)
    with _deaf_port() as deaf:
        port = int(deaf.getsockname()[1])
        origin = f"http://127.0.0.1:{port}"
        monkeypatch.setenv("CONSENTINEL_X_ORIGIN", origin)
        ctx = make_context(consentinel_home, origin)
        ctx.settings.schedule = "daily"
        ctx.settings.check_on_start = True
        add_account(ctx, "nora", PASSWORD)
        with running_app(qtbot, ctx) as app:
            with qtbot.waitSignal(app.runner.run_finished, timeout=RUN_TIMEOUT_MS) as first:
                pass  # the schedule's first tick starts it
            (result,) = first.args[0].accounts
            assert result.reason is not None and result.reason.value == "timeout", result
            assert not result.x_answered
            qtbot.waitUntil(lambda: False in asked, timeout=RUN_TIMEOUT_MS)
            assert app.auto.watching_x
            assert _retry_in_half_an_hour(app.auto.next_run_at())
            sim = SimX(Scenario(accounts=[SimAccount("nora", PASSWORD, memory_shown=True)],
                                render_delay_ms=80), port=port)  # fmt: skip
            try:
                with qtbot.waitSignal(app.runner.run_finished, timeout=RUN_TIMEOUT_MS) as second:
                    deaf.close()
                    sim.start()  # the network is up
                assert second.args[1] == "schedule"
                (result,) = second.args[0].accounts
                assert result.reason is None, result
                assert _checks(ctx.journal, "nora") == [("error", "timeout"), ("fixed", None)]
            finally:
                sim.stop()


def test_a_check_by_hand_that_cannot_reach_x_either_leaves_the_retry_to_x_s_answer(
    qtbot: QtBot, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch, asked: list[bool]
) -> None:
    """While the window waits for X after a scheduled check that could not reach it, the
    person starts a check of their own; X answers the window's question during it, yet that
    check cannot reach X either (X's answers to the page cut). The scheduled retry starts
    as soon as the person's check ends and X answers, not half an hour after X's answer."""
    port = _free_port()
    origin = f"http://127.0.0.1:{port}"
    monkeypatch.setenv("CONSENTINEL_X_ORIGIN", origin)
    ctx = make_context(consentinel_home, origin)
    ctx.settings.schedule = "daily"
    ctx.settings.check_on_start = True
    add_account(ctx, "nora", PASSWORD)
    nora = SimAccount("nora", PASSWORD, memory_shown=True, fault="settings_hang")
    sim = SimX(Scenario(accounts=[nora], render_delay_ms=80), port=port)
    try:
        with running_app(qtbot, ctx) as app:
            ended: list[tuple[str, str | None]] = []

            def finished(result: RunResult, trigger: str) -> None:
                reason = result.accounts[0].reason
                ended.append((trigger, None if reason is None else reason.value))

            app.runner.run_finished.connect(finished)
            qtbot.waitUntil(lambda: False in asked, timeout=RUN_TIMEOUT_MS)  # X not reached
            assert ended == [("schedule", "network")]
            # (Both before the window hears X's next answer: the person's check is going then.)
            sim.start()
            app.window.check_all_action.trigger()
            assert app.runner.running
            # X answers the window, while the person's check waits for X's settings.
            qtbot.waitUntil(lambda: True in asked and not app.auto.watching_x)
            qtbot.waitUntil(sim.settings_hanging.is_set, timeout=RUN_TIMEOUT_MS)
            sim.change_account("nora", fault=None)
            sim.release_hangs()  # the connection cut: the person's check does not reach X
            qtbot.waitUntil(lambda: len(ended) == 3, timeout=2 * RUN_TIMEOUT_MS)
            assert ended[1][0] == "gui" and ended[1][1] in ("network", "timeout"), ended
            assert ended[2] == ("schedule", None), ended
            assert not app.runner.running and not app.auto.watching_x
        assert sim.boxes("nora") == {"training": False, "personalization": False, "memory": False}
    finally:
        sim.stop()


def _retry_in_half_an_hour(after: datetime | None) -> bool:
    return after is not None and after > datetime.now(timezone.utc) + DEFAULT_RETRY_DELAY - (
        timedelta(minutes=1)
    )


def test_a_retry_x_answered_for_that_fails_again_waits_for_its_time(
    qtbot: QtBot, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch, asked: list[bool]
) -> None:
    """X does not answer, then does: the retry starts, yet the browser's check cannot reach
    it (the Grok page's own script cut: script_reset). That retry waits its half hour: X is
    not asked again, no retry after every answer."""
    port = _free_port()
    origin = f"http://127.0.0.1:{port}"
    monkeypatch.setenv("CONSENTINEL_X_ORIGIN", origin)
    ctx = make_context(consentinel_home, origin)
    ctx.settings.schedule = "daily"
    ctx.settings.check_on_start = True
    add_account(ctx, "nora", PASSWORD)
    nora = SimAccount("nora", PASSWORD, memory_shown=True, fault="script_reset")
    sim = SimX(Scenario(accounts=[nora], render_delay_ms=80), port=port)
    try:
        with running_app(qtbot, ctx) as app:
            ended: list[str | None] = []
            watched: list[bool] = []

            def finished(result: RunResult, _trigger: str) -> None:
                ended.append(result.accounts[0].reason.value)
                watched.append(app.auto.watching_x)  # (after the app's own slot)

            app.runner.run_finished.connect(finished)
            qtbot.waitUntil(lambda: False in asked, timeout=RUN_TIMEOUT_MS)
            sim.start()  # the network is back
            qtbot.waitUntil(lambda: len(ended) == 2, timeout=2 * RUN_TIMEOUT_MS)
            assert ended == ["network", "network"]
            assert watched == [True, False]
            assert not app.auto.watching_x and True not in asked[asked.index(True) + 1 :]
            assert _retry_in_half_an_hour(app.auto.next_run_at())
            assert not app.runner.running
    finally:
        sim.stop()


def test_x_answering_as_the_check_ends_keeps_the_half_hour(
    qtbot: QtBot, consentinel_home: Path, simx: SimxFactory, asked: list[bool]
) -> None:
    """The browser's check could not reach X (the Grok page's own script cut) while X answers
    the window's first question, as the check ends: the network was not down, and the retry
    keeps its half hour, as the OS job's does (no sign-in again within a second)."""
    sim = simx(SimAccount("nora", PASSWORD, memory_shown=True, fault="script_reset"))
    ctx = make_context(consentinel_home, sim.origin)
    ctx.settings.schedule = "daily"
    ctx.settings.check_on_start = True
    add_account(ctx, "nora", PASSWORD)
    with running_app(qtbot, ctx) as app:
        with qtbot.waitSignal(app.runner.run_finished, timeout=RUN_TIMEOUT_MS) as first:
            pass  # the schedule's first tick starts it
        (result,) = first.args[0].accounts
        assert result.reason is not None and result.reason.value == "network", result
        assert not result.x_answered
        qtbot.waitUntil(lambda: not app.auto.watching_x)  # its one question answered
        assert asked == [True]
        assert not app.runner.running
        assert _retry_in_half_an_hour(app.auto.next_run_at())
        assert _checks(ctx.journal, "nora") == [("error", "network")]


def test_x_s_own_error_at_the_password_is_not_retried_as_soon_as_x_answers(
    qtbot: QtBot, consentinel_home: Path, simx: SimxFactory, asked: list[bool]
) -> None:
    """X answers the password with its own "Something went wrong": X was reached. The retry
    waits its half hour; X is not even asked (typing the password again within a second, and
    maybe a fresh 2FA code, is a burst of sign-ins X may find suspicious)."""
    sim = simx(SimAccount("nora", PASSWORD, signin_faults={"password": "went_wrong"}))
    ctx = make_context(consentinel_home, sim.origin)
    ctx.settings.schedule = "daily"
    ctx.settings.check_on_start = True
    add_account(ctx, "nora", PASSWORD)
    with running_app(qtbot, ctx) as app:
        with qtbot.waitSignal(app.runner.run_finished, timeout=RUN_TIMEOUT_MS) as first:
            pass  # the schedule's first tick starts it
        (result,) = first.args[0].accounts
        assert result.reason is not None and result.reason.value == "network", result
        assert result.detail_code == X_FAILED_AT_PASSWORD and result.x_answered
        assert not app.auto.watching_x
        assert _retry_in_half_an_hour(app.auto.next_run_at())
        assert not app.runner.running and asked == []


def _saved_schedule(home: Path, origin: str) -> AppContext:
    """The app's context as it reads its saved settings: every day, X at `origin`, nora due."""
    paths = AppPaths.under(home).ensure()
    save_settings(paths, Settings(schedule="daily", check_on_start=True, x_origin=origin))
    ctx = AppContext.create(paths, vault=Vault(MemoryKeyring()))
    add_account(ctx, "nora", PASSWORD)
    return ctx


def test_a_pause_typed_while_the_window_waits_for_x_holds_the_retry(
    qtbot: QtBot, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch, asked: list[bool]
) -> None:
    """`consentinel schedule pause` typed while the window waits for X to answer again: X's
    answer starts no check, and the window says it is paused."""
    port = _free_port()
    origin = f"http://127.0.0.1:{port}"
    monkeypatch.setenv("CONSENTINEL_X_ORIGIN", origin)
    ctx = _saved_schedule(consentinel_home, origin)
    started: list[list[str]] = []
    auto = AutoChecks(ctx, start_run=lambda due: started.append(due) or True)
    sim = SimX(Scenario(accounts=[SimAccount("nora", PASSWORD)]), port=port)
    try:
        assert auto.tick() is TickOutcome.STARTED
        auto.run_finished(False, x_not_reached=True)
        qtbot.waitUntil(lambda: False in asked)  # X does not answer
        done = subprocess.run(
            [sys.executable, "-m", "consentinel", "schedule", "pause"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        sim.start()  # the network is back
        qtbot.waitUntil(lambda: not auto.watching_x)
        assert asked[-1] is True
        assert started == [["nora"]]
        assert auto.paused and auto.next_run_at() is None
    finally:
        auto.stop()
        sim.stop()


def test_a_retry_whose_start_raises_leaves_the_next_failure_its_watch(
    qtbot: QtBot, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch, asked: list[bool]
) -> None:
    """The retry X's answer starts fails to start (an error of ours): the next scheduled check
    that cannot reach X is retried as soon as X answers again all the same, not taken for
    that retry (which waits its half hour)."""
    port = _free_port()
    origin = f"http://127.0.0.1:{port}"
    monkeypatch.setenv("CONSENTINEL_X_ORIGIN", origin)
    ctx = _saved_schedule(consentinel_home, origin)
    clock = HandClock(datetime.now(timezone.utc))
    starts: list[list[str]] = []

    def start_run(due: list[str]) -> bool:
        starts.append(due)
        if len(starts) == 2:
            raise RuntimeError("the retry could not start")
        return True

    auto = AutoChecks(ctx, start_run=start_run, clock=clock)
    sim = SimX(Scenario(accounts=[SimAccount("nora", PASSWORD)]), port=port)
    try:
        assert auto.tick() is TickOutcome.STARTED
        auto.run_finished(False, x_not_reached=True)
        qtbot.waitUntil(lambda: False in asked)  # X does not answer
        with qtbot.captureExceptions() as raised:
            sim.start()  # the network is back: the retry's start raises
            qtbot.waitUntil(lambda: len(starts) == 2)
        assert [str(error) for _kind, error, _tb in raised] == ["the retry could not start"]
        assert not auto.scheduler.running and not auto.watching_x
        clock.time += DEFAULT_RETRY_DELAY + timedelta(minutes=1)
        assert auto.tick() is TickOutcome.STARTED
        auto.run_finished(False, x_not_reached=True)  # X not reached again
        assert auto.watching_x
    finally:
        auto.stop()
        sim.stop()


def _two_due_and_x_down(
    home: Path, monkeypatch: pytest.MonkeyPatch, sign_in_timeout_s: float | None = None
) -> tuple[AppContext, SimX, dict[str, object]]:
    """nora and omar due at once, X's address one nothing answers at until `sim` starts there;
    the app's options (an engine whose sign-in window waits `sign_in_timeout_s`)."""
    port = _free_port()
    origin = f"http://127.0.0.1:{port}"
    monkeypatch.setenv("CONSENTINEL_X_ORIGIN", origin)
    ctx = make_context(home, origin)
    ctx.settings.schedule = "daily"
    ctx.settings.check_on_start = True
    add_account(ctx, "nora", PASSWORD)
    add_account(ctx, "omar", "pw-omar")
    accounts = [
        SimAccount(h, p, memory_shown=True) for h, p in (("nora", PASSWORD), ("omar", "pw-omar"))
    ]
    sim = SimX(Scenario(accounts=accounts, render_delay_ms=80), port=port)
    options: dict[str, object] = {}
    if sign_in_timeout_s is not None:
        options["engine_factory"] = lambda c: Engine(
            c, headless=True, interactive_headless=True, page_timeout_s=8,
            signin_step_timeout_s=8, interactive_timeout_s=sign_in_timeout_s,
        )  # fmt: skip
    return ctx, sim, options


def _ends(app: AppController) -> list[tuple[str, tuple[str, ...], tuple[str | None, ...]]]:
    """Each run's end as the GUI thread hears it: (trigger, its accounts, their reasons)."""
    ended: list[tuple[str, tuple[str, ...], tuple[str | None, ...]]] = []

    def finished(result: RunResult, trigger: str) -> None:
        handles = tuple(a.handle for a in result.accounts)
        reasons = tuple(None if a.reason is None else a.reason.value for a in result.accounts)
        ended.append((trigger, handles, reasons))

    app.runner.run_finished.connect(finished)
    return ended


def test_a_check_by_hand_of_some_of_the_accounts_leaves_the_others_to_the_retry(
    qtbot: QtBot, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch, asked: list[bool]
) -> None:
    """nora and omar wait for X to answer again; the person checks nora alone ("Check
    selected") and X answers during it: once nora's check went through, the retry starts,
    of omar, who is due still, not half an hour later."""
    ctx, sim, _options = _two_due_and_x_down(consentinel_home, monkeypatch)
    try:
        with running_app(qtbot, ctx) as app:
            ended = _ends(app)
            qtbot.waitUntil(lambda: False in asked, timeout=RUN_TIMEOUT_MS)  # X not reached
            assert [(t, sorted(h)) for t, h, _r in ended] == [("schedule", ["nora", "omar"])]
            # (Both before the window hears X's next answer: the person's check is going then.)
            sim.start()
            assert app.window.start_check(["nora"])
            qtbot.waitUntil(lambda: True in asked and not app.auto.watching_x)
            qtbot.waitUntil(lambda: len(ended) == 3, timeout=2 * RUN_TIMEOUT_MS)
            assert ended[1] == ("gui", ("nora",), (None,)), ended
            assert ended[2] == ("schedule", ("omar",), (None,)), ended
            assert not app.runner.running and not app.auto.watching_x
        assert not any(sim.boxes("omar").values())
    finally:
        sim.stop()


def test_x_s_answer_heard_as_the_person_s_check_ends_waits_for_that_end(
    qtbot: QtBot, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch, asked: list[bool]
) -> None:
    """The worker of the person's check is done (CheckRunner.running False) but its end is not
    delivered to the window yet when X's answer comes: the retry does not start then, to have
    the person's end taken for its own; it starts after it, and its own end is heard."""
    ctx, sim, _options = _two_due_and_x_down(consentinel_home, monkeypatch)
    try:
        with running_app(qtbot, ctx) as app:
            ended = _ends(app)
            qtbot.waitUntil(lambda: False in asked, timeout=RUN_TIMEOUT_MS)  # X not reached
            going_at_end: list[bool] = []

            # X's answer delivered between the worker's busy_changed(False) and its
            # run_finished, both queued to the GUI thread in that order (the real watch's own
            # "yes" came during the check: this one is the same signal, at the worst moment).
            def answer_in_the_gap(busy: bool) -> None:
                if not busy:
                    app.auto._x_watch.x_back.emit()

            app.runner.run_finished.connect(lambda *_: going_at_end.append(app.runner.running))
            sim.start()
            assert app.window.start_check(["nora"])
            app.runner.busy_changed.connect(answer_in_the_gap)
            qtbot.waitUntil(lambda: len(ended) >= 2, timeout=RUN_TIMEOUT_MS)
            app.runner.busy_changed.disconnect(answer_in_the_gap)
            assert going_at_end[0] is False  # no retry started before the person's end
            qtbot.waitUntil(lambda: len(ended) == 3, timeout=RUN_TIMEOUT_MS)
            assert ended[1] == ("gui", ("nora",), (None,)), ended
            assert ended[2] == ("schedule", ("omar",), (None,)), ended
            assert not app.auto.scheduler.running and not app.runner.going
            assert not app.runner.running and not app.auto.watching_x
    finally:
        sim.stop()


def test_x_answering_during_a_sign_in_leaves_the_retry_to_its_end(
    qtbot: QtBot, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch, asked: list[bool]
) -> None:
    """The person opens "Sign in yourself…" for omar while the window waits for X; X answers
    during it. The retry's start waits for the sign-in's end (then refused, and put off half
    an hour): it starts as the sign-in ends, not half an hour later."""
    ctx, sim, options = _two_due_and_x_down(consentinel_home, monkeypatch, sign_in_timeout_s=60)
    try:
        with running_app(qtbot, ctx, **options) as app:
            ended = _ends(app)
            qtbot.waitUntil(lambda: False in asked, timeout=RUN_TIMEOUT_MS)  # X not reached
            sim.start()
            app.window.table.select_handles(["omar"])
            app.window.sign_in()
            assert app.runner.running and app.runner.trigger == "login"
            qtbot.waitUntil(lambda: True in asked and not app.auto.watching_x)
            with qtbot.waitSignal(app.runner.login_finished, timeout=RUN_TIMEOUT_MS):
                app.runner.cancel()  # the person closes the sign-in window
            qtbot.waitUntil(lambda: len(ended) == 2, timeout=RUN_TIMEOUT_MS)
            assert ended[1][0] == "schedule" and sorted(ended[1][1]) == ["nora", "omar"]
            assert ended[1][2] == (None, None), ended
            assert not app.runner.running and not app.auto.watching_x
    finally:
        sim.stop()
