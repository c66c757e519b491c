"""The window's scheduled check that could not reach X (a laptop waking before its Wi-Fi) is
retried as soon as X answers again, not half an hour later; once: a retry that fails in turn
waits for its time. The whole app (real Qt offscreen, real Chromium, real SQLite journal), X's
address one nothing answers at until simx starts there (the network back)."""

from __future__ import annotations

import socket
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from consentinel.core.journal import Journal
from consentinel.core.journal_entries import EntryKind
from consentinel.core.schedule import DEFAULT_RETRY_DELAY
from consentinel.gui import x_watch
from consentinel.simx import SimAccount
from consentinel.simx.scenario import Scenario
from consentinel.simx.server import SimX
from tests.fixtures.simx_fixtures import SimxFactory
from tests.gui._app_support import add_account, make_context, running_app

RUN_TIMEOUT_MS = 90_000
PASSWORD = "pw-nora"


@pytest.fixture(autouse=True)
def _quick_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    """X is asked every 50 ms while it does not answer, not every 20 seconds."""
    monkeypatch.setattr(x_watch, "PROBE_EVERY_MS", 50)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _checks(journal: Journal, handle: str) -> list[tuple[str | None, str | None]]:
    """Each of `handle`'s checks, oldest first: (status, reason)."""
    entries = sorted(journal.entries(handle=handle, kinds=[EntryKind.CHECK]), key=lambda e: e.id)
    return [(e.payload.get("status"), e.payload.get("reason")) for e in entries]


def test_a_scheduled_check_that_met_no_network_is_retried_once_x_answers(
    qtbot: QtBot, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch
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


def test_a_retry_x_answered_for_that_fails_again_waits_for_its_time(
    qtbot: QtBot, consentinel_home: Path, simx: SimxFactory
) -> None:
    """X answers the quick question, yet the browser's check cannot reach it (the Grok page's
    own script cut: script_reset). Retried once at once, then half an hour later: not a retry
    after every answer."""
    sim = simx(SimAccount("nora", PASSWORD, memory_shown=True, fault="script_reset"))
    ctx = make_context(consentinel_home, sim.origin)
    ctx.settings.schedule = "daily"
    ctx.settings.check_on_start = True
    add_account(ctx, "nora", PASSWORD)
    with running_app(qtbot, ctx) as app:
        ended: list[str | None] = []
        app.runner.run_finished.connect(
            lambda result, _trigger: ended.append(result.accounts[0].reason.value)
        )
        qtbot.waitUntil(lambda: len(ended) == 2, timeout=2 * RUN_TIMEOUT_MS)
        assert ended == ["network", "network"]
        assert not app.auto.watching_x
        after = app.auto.next_run_at()
        assert after is not None
        assert after > datetime.now(timezone.utc) + DEFAULT_RETRY_DELAY - timedelta(minutes=1)
        assert not app.runner.running
