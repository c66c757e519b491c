"""The window's times after a jump of the clocks: a sleep of the computer (the wall clock moved
on while the monotonic one, which Qt's timers count, stood still) or a new time zone (a laptop
taken abroad). Real Qt offscreen, the real app and its window; the wall clock moved through
the window's own reading of it, the zone through the TZ variable as a session's changes."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from consentinel.core.moments import moment_text
from consentinel.gui import main_window
from tests.gui._app_support import add_account, make_context, running_app

#: Well within the window's 30-second tick: only a look at the clocks meanwhile passes.
SEEN_WITHIN_MS = 12_000


class _ThreeHoursLater(datetime):
    """The wall clock as the window reads it once the computer slept three hours."""

    @classmethod
    def now(cls, tz: object = None) -> datetime:  # type: ignore[override]
        return datetime.now(tz) + timedelta(hours=3)  # type: ignore[arg-type]


def test_after_a_sleep_the_next_automatic_check_is_not_said_at_a_time_past(
    qtbot: QtBot, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The next check was 2 minutes away when the laptop was shut; woken three hours later,
    the window says it comes now, within seconds (before: "in 2 minutes" until the tick)."""
    ctx = make_context(consentinel_home)
    add_account(ctx, "nora", "pw-nora")
    with running_app(qtbot, ctx) as app:
        window = app.window
        due = datetime.now(timezone.utc) + timedelta(minutes=2)
        window._next_times = lambda _handles: (due, {})  # (the app's schedule: off here)
        window.refresh()
        assert window.schedule_label.text() == (
            "Next automatic check: in 2 minutes (while Consentinel is open)"
        )
        monkeypatch.setattr(main_window, "datetime", _ThreeHoursLater)
        qtbot.waitUntil(
            lambda: (
                window.schedule_label.text()
                == "Next automatic check: now (while Consentinel is open)"
            ),
            timeout=SEEN_WITHIN_MS,
        )


@pytest.fixture
def in_paris() -> Iterator[None]:
    """The process's zone Paris for the test, then as it was."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Paris"
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()


@pytest.mark.usefixtures("in_paris")
def test_a_new_time_zone_is_followed_without_a_restart(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """The app started in Paris; the laptop's zone set to Tokyo on arrival. Its local times
    (a journal entry's, a notification's, the schedule's "every day at 12:00") are Tokyo's
    within seconds (before: Paris's until a restart, Python keeping the zone it read first)."""
    noon_utc = datetime(2026, 12, 7, 12, 0, tzinfo=timezone.utc)
    assert moment_text(noon_utc) == "7 Dec 2026 13:00"
    ctx = make_context(consentinel_home)
    with running_app(qtbot, ctx):
        os.environ["TZ"] = "Asia/Tokyo"  # (as the system changes it: no tzset here)
        qtbot.waitUntil(lambda: moment_text(noon_utc) == "7 Dec 2026 21:00", timeout=SEEN_WITHIN_MS)
        assert noon_utc.astimezone().tzname() == "JST"
