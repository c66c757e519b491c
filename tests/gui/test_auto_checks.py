"""The window's "Next check": the app's own schedule, or the OS job's fixed time when that job
is on and its time comes first (the job runs whether the window is open or not)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from consentinel.core.journal import Journal
from consentinel.core.settings import Settings
from consentinel.gui.auto_checks import AutoChecks
from tests.fixtures.check_json import skipped
from tests.gui._app_support import HandClock, add_account, local_at, make_context


def _auto(home: Path, last_check: datetime, now: datetime, *, job_on: bool) -> AutoChecks:
    ctx = make_context(home)
    ctx.settings.schedule = "6h"  # the OS job at 00:00, 06:00, 12:00 and 18:00
    ctx.settings.run_when_closed = job_on
    ctx.journal.close()
    ctx.journal = Journal.open(ctx.paths.journal_path, clock=lambda: last_check)
    ctx.journal.finish_run(ctx.journal.start_run("schedule"), cancelled=False)
    return AutoChecks(ctx, start_run=lambda _due: False, clock=HandClock(now))


def test_the_os_job_s_time_when_it_comes_first(qtbot: QtBot, tmp_path: Path) -> None:
    # Last check 01:30, now 05:00: the app would check at 07:30 and later; the OS job checks at
    # 06:00 (4.5 h after the last check, more than half the interval).
    auto = _auto(tmp_path, local_at(1, 30), local_at(5), job_on=True)
    assert auto.next_run_at() == local_at(6)


def test_the_app_s_time_when_the_job_is_off_or_would_skip(qtbot: QtBot, tmp_path: Path) -> None:
    in_app = _auto(tmp_path / "off", local_at(1, 30), local_at(5), job_on=False).next_run_at()
    assert in_app is not None and local_at(7, 30) <= in_app < local_at(8, 30)  # 6 h + its jitter
    # Last check 04:00: the job skips 06:00 (2 h after), so the app's 10:00 comes first.
    skipped = _auto(tmp_path / "skip", local_at(4), local_at(5), job_on=True).next_run_at()
    assert skipped is not None and local_at(10) <= skipped < local_at(11)


def test_a_last_check_dated_a_year_ahead_does_not_stop_the_schedule(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The last check ran while the computer's clock was a year ahead, and the clock was put
    right since: the journal says it ended a year from now. The app's schedule checks as if
    none had run, then every 6 hours from its own check, not never until that date."""
    from consentinel.core.events import AccountResult
    from consentinel.core.schedule import TickOutcome
    from consentinel.core.status import Status

    now = local_at(5)
    clock = HandClock(now + timedelta(days=365))
    ctx = make_context(tmp_path)  # (no check at start: an overdue one waits 10 minutes)
    ctx.settings.schedule = "6h"
    add_account(ctx, "fay")
    ctx.journal.close()
    ctx.journal = Journal.open(ctx.paths.journal_path, clock=clock.now)

    def check() -> None:
        run = ctx.journal.start_run("schedule")
        ctx.journal.record_check(run, AccountResult("fay", Status.OPTED_OUT))
        ctx.journal.finish_run(run)

    check()  # with the clock a year ahead
    clock.time = now  # put right
    started: list[datetime] = []

    def start_run(_due: list[str]) -> bool:
        started.append(clock.time)
        return True

    auto = AutoChecks(ctx, start_run=start_run, clock=clock)
    assert auto.tick() is TickOutcome.NOT_DUE
    clock.time = now + timedelta(minutes=10)
    assert auto.tick() is TickOutcome.STARTED
    check()
    auto.run_finished(True)
    clock.time = now + timedelta(hours=6, minutes=9)
    assert auto.tick() is TickOutcome.NOT_DUE  # 6 hours after its own check, and its jitter
    clock.time = now + timedelta(hours=6, minutes=21)
    assert auto.tick() is TickOutcome.STARTED
    assert started == [now + timedelta(minutes=10), now + timedelta(hours=6, minutes=21)]


def test_a_pause_holds_the_os_job_too_and_outlives_a_restart(qtbot: QtBot, tmp_path: Path) -> None:
    """The tray's "Pause automatic checks": saved, so the OS job's `check --unattended` (the real
    command, as the timer runs it) skips its run while the app is closed, and the next start
    of the app is still paused; "Resume" undoes both. Each is journaled as a setting."""
    import json
    import os
    import subprocess
    import sys

    from consentinel.core.accounts import Account
    from consentinel.core.context import AppContext
    from consentinel.core.journal import EntryKind
    from consentinel.core.paths import AppPaths
    from consentinel.core.vault import MemoryKeyring, Vault

    ctx = make_context(tmp_path)
    ctx.accounts.add(Account("fay"))
    auto = AutoChecks(ctx, start_run=lambda _due: False)
    auto.toggle_pause()
    assert auto.paused and auto.next_run_at() is None

    cli = Path(sys.executable).with_name("consentinel")
    env = dict(os.environ, CONSENTINEL_HOME=str(tmp_path), CONSENTINEL_LANG="en")
    proc = subprocess.run(
        [str(cli), "check", "--unattended", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == skipped("paused")
    assert "Automatic checks are paused in Consentinel" in proc.stderr
    assert not ctx.journal.entries(kinds=[EntryKind.RUN_STARTED])  # no check at all

    def restarted() -> AppContext:  # the settings as the app reads them at its start
        return AppContext.create(AppPaths.under(tmp_path), vault=Vault(MemoryKeyring()))

    again = AutoChecks(restarted(), start_run=lambda _due: False)
    assert again.paused
    again.toggle_pause()
    assert not again.paused and not restarted().settings.schedule_paused
    changes = [e.payload for e in ctx.journal.entries(kinds=[EntryKind.SETTINGS_CHANGED])]
    assert sorted(json.dumps(c) for c in changes) == [
        '{"schedule_paused": false}',
        '{"schedule_paused": true}',
    ]


def test_a_check_that_did_not_go_through_is_retried_after_a_restart_as_before_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Checked at 05:00, fay fine and gus kept from X (the network): the window said "next
    check in 30 minutes". Opened again at 05:02, the app keeps to that, not a whole check of
    every account at once; a run that went through, or one long ago, holds nothing back."""
    from consentinel.core.events import AccountResult
    from consentinel.core.status import Reason, Status

    clock = HandClock(local_at(5))
    ctx = make_context(tmp_path)
    ctx.settings.schedule = "6h"
    ctx.settings.check_on_start = True
    add_account(ctx, "fay")
    add_account(ctx, "gus")
    ctx.journal.close()
    ctx.journal = Journal.open(ctx.paths.journal_path, clock=clock.now)
    run = ctx.journal.start_run("gui")
    ctx.journal.record_check(run, AccountResult("fay", Status.OPTED_OUT))
    ctx.journal.record_check(run, AccountResult("gus", Status.ERROR, Reason.NETWORK))
    ctx.journal.finish_run(run)

    clock.time = local_at(5, 2)  # the app opened again
    auto = AutoChecks(ctx, start_run=lambda _due: True, clock=clock)
    assert auto.next_run_at() == local_at(5, 30)
    clock.time = local_at(5, 31)  # (a later start: the delay is over)
    assert AutoChecks(ctx, start_run=lambda _due: True, clock=clock).next_run_at() == local_at(
        5, 31
    )


def test_the_app_s_scheduled_run_checks_the_accounts_due_and_retries_a_failed_one_alone(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """fay and gus were checked at midnight, hal by hand at 05:00. At 06:10 the app's run
    checks fay and gus, not hal; gus's check fails (X answering 500) and is tried again 30
    minutes later alone, not with every account; then the window's next check is hal's time."""
    from consentinel.core.events import AccountResult
    from consentinel.core.schedule import DEFAULT_JITTER, TickOutcome
    from consentinel.core.status import Reason, Status

    clock = HandClock(local_at(0))
    ctx = make_context(tmp_path)
    ctx.settings.schedule = "6h"
    ctx.settings.check_on_start = True
    ctx.settings.run_when_closed = False
    for handle in ("fay", "gus", "hal"):
        add_account(ctx, handle)
    ctx.journal.close()
    ctx.journal = Journal.open(ctx.paths.journal_path, clock=clock.now)

    def run_of(*results: AccountResult) -> None:
        run = ctx.journal.start_run("schedule")
        for result in results:
            ctx.journal.record_check(run, result)
        ctx.journal.finish_run(run)

    run_of(*(AccountResult(h, Status.OPTED_OUT) for h in ("fay", "gus", "hal")))
    clock.time = local_at(5)
    run_of(AccountResult("hal", Status.FIXED))  # checked by hand

    started: list[list[str]] = []

    def start_run(due: list[str]) -> bool:
        started.append(due)
        return True

    clock.time = local_at(6, 10)
    auto = AutoChecks(ctx, start_run=start_run, clock=clock)
    assert auto.tick() is TickOutcome.STARTED
    assert started == [["fay", "gus"]]
    clock.time = local_at(6, 11)
    run_of(
        AccountResult("fay", Status.OPTED_OUT), AccountResult("gus", Status.ERROR, Reason.NETWORK)
    )
    auto.run_finished(False)
    assert auto.next_run_at() == local_at(6, 41)
    # Each account's own next check: gus's retry; fay an interval after her check, hal after
    # his (the retry leaves them both for their own time).
    assert auto.next_checks(["fay", "gus", "hal"]) == {
        "fay": local_at(12, 11),
        "gus": local_at(6, 41),
        "hal": local_at(11),
    }
    clock.time = local_at(6, 40)
    assert auto.tick() is TickOutcome.NOT_DUE
    clock.time = local_at(6, 41)
    assert auto.tick() is TickOutcome.STARTED
    assert started == [["fay", "gus"], ["gus"]]
    clock.time = local_at(6, 42)
    run_of(AccountResult("gus", Status.OPTED_OUT))
    auto.run_finished(True)
    # hal, checked at 05:00, is the next due: at 11:00 (and the app's jitter), not 12:42.
    next_at = auto.next_run_at()
    assert next_at is not None and local_at(11) <= next_at <= local_at(11) + DEFAULT_JITTER
    clock.time = next_at
    assert auto.tick() is TickOutcome.STARTED
    # hal alone: fay (06:11) and gus (06:42) are left for their own time.
    assert started[-1] == ["hal"]


def test_an_account_just_added_in_the_window_is_left_to_the_person_for_a_while(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """ann and bo were checked at midnight, every 6 hours. At 01:00 the person adds cy in the
    window: a scheduled check of it would start at the next tick, unattended, while they are
    there to answer what X asks (a 2FA code, a puzzle) in a check of their own ("Check
    selected"). It waits 30 minutes for them; then, still not checked, it is checked alone."""
    from consentinel.core.events import AccountResult
    from consentinel.core.schedule import TickOutcome
    from consentinel.core.status import Status

    clock = HandClock(local_at(0))
    ctx = make_context(tmp_path)
    ctx.settings.schedule = "6h"
    ctx.settings.check_on_start = True
    ctx.settings.run_when_closed = False
    for handle in ("ann", "bo"):
        add_account(ctx, handle)
    ctx.journal.close()
    ctx.journal = Journal.open(ctx.paths.journal_path, clock=clock.now)
    run = ctx.journal.start_run("schedule")
    for handle in ("ann", "bo"):
        ctx.journal.record_check(run, AccountResult(handle, Status.OPTED_OUT))
    ctx.journal.finish_run(run)
    started: list[list[str]] = []

    def start_run(due: list[str]) -> bool:
        started.append(due)
        return True

    clock.time = local_at(1)
    auto = AutoChecks(ctx, start_run=start_run, clock=clock)
    assert auto.tick() is TickOutcome.NOT_DUE
    add_account(ctx, "cy")
    auto.hold_new("cy")  # (the window's account_added)
    clock.time = local_at(1, 1)
    assert auto.tick() is TickOutcome.NOT_DUE
    clock.time = local_at(1, 29)
    assert auto.tick() is TickOutcome.NOT_DUE
    assert started == []
    clock.time = local_at(1, 31)
    assert auto.tick() is TickOutcome.STARTED
    assert started == [["cy"]]


class _TwoClocks(HandClock):
    """The wall clock and the monotonic one: `advance` moves both, `set_by` the wall alone."""

    def __init__(self, now: datetime) -> None:
        super().__init__(now)
        self.since_boot = 1000.0

    def monotonic(self) -> float:
        return self.since_boot

    def advance(self, delta: timedelta) -> None:
        self.time += delta
        self.since_boot += delta.total_seconds()

    def set_by(self, delta: timedelta) -> None:
        self.time += delta


def test_an_account_just_added_is_held_30_minutes_though_the_clock_is_set_back(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """cy added at 03:00 is left to the person for 30 minutes; NTP puts the clock back 2 hours
    a minute later: still 30 minutes, not 2 h 30."""
    from consentinel.core.events import AccountResult
    from consentinel.core.schedule import TickOutcome
    from consentinel.core.status import Status

    clock = _TwoClocks(local_at(0))
    ctx = make_context(tmp_path)
    ctx.settings.schedule = "6h"
    ctx.settings.check_on_start = True
    ctx.settings.run_when_closed = False
    add_account(ctx, "ann")
    ctx.journal.close()
    ctx.journal = Journal.open(ctx.paths.journal_path, clock=clock.now)
    run = ctx.journal.start_run("schedule")
    ctx.journal.record_check(run, AccountResult("ann", Status.OPTED_OUT))
    ctx.journal.finish_run(run)
    started: list[list[str]] = []

    def start_run(due: list[str]) -> bool:
        started.append(due)
        return True

    clock.advance(timedelta(hours=3))
    auto = AutoChecks(ctx, start_run=start_run, clock=clock, monotonic=clock.monotonic)
    assert auto.tick() is TickOutcome.NOT_DUE
    add_account(ctx, "cy")
    auto.hold_new("cy")
    clock.advance(timedelta(minutes=1))
    clock.set_by(-timedelta(hours=2))
    assert auto.tick() is TickOutcome.NOT_DUE
    clock.advance(timedelta(minutes=28))
    assert auto.tick() is TickOutcome.NOT_DUE
    assert started == []
    clock.advance(timedelta(minutes=2))
    assert auto.tick() is TickOutcome.STARTED
    assert started == [["cy"]]


def test_the_window_tells_the_schedule_of_an_account_the_person_added(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from consentinel.gui.app_controller import AppController
    from consentinel.gui.translations import Translators

    ctx = make_context(tmp_path)
    ctx.settings.schedule = "daily"
    app = AppController(ctx, Translators(), use_tray=False)
    qtbot.addWidget(app.window)
    add_account(ctx, "dee")
    now = app.auto.scheduler.clock.now()
    next_at = app.auto.next_run_at()
    assert next_at is not None and next_at <= now + timedelta(minutes=11)  # never checked: due
    app.window.account_added.emit("dee")
    next_at = app.auto.next_run_at()
    assert next_at is None or next_at > now + timedelta(minutes=29)


def test_an_account_added_then_checked_by_hand_is_due_an_interval_after_its_check(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The first start: no account yet. The person adds one in the window (held from the
    schedule for 30 minutes) and checks it at once. Its next automatic check is a day after
    that check (the schedule is daily), not at the end of the hold half an hour later: the
    window said "in 31 minutes" all through the first session."""
    from consentinel.core.events import AccountResult, RunResult
    from consentinel.core.status import Status
    from consentinel.gui.app_controller import AppController
    from consentinel.gui.translations import Translators

    ctx = make_context(tmp_path)
    ctx.settings.schedule = "daily"
    app = AppController(ctx, Translators(), use_tray=False)
    qtbot.addWidget(app.window)
    add_account(ctx, "eve")
    app.window.account_added.emit("eve")
    run = ctx.journal.start_run("gui")
    result = AccountResult("eve", Status.FIXED)
    ctx.journal.record_check(run, result)
    ctx.journal.finish_run(run)
    checked_at = app.auto.scheduler.clock.now()
    app._run_finished(RunResult(run, (result,)), "gui")
    next_at = app.auto.next_run_at()
    assert next_at is not None and next_at >= checked_at + timedelta(hours=23)


def test_after_a_run_with_failures_each_row_says_its_own_next_check(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The last run's check of gus did not reach X (the network): it is tried again 30
    minutes after that run, alone. fay's went through: her row says her own next check, a day
    after hers, not the retry's time, which the status bar says as the app's next check."""
    from consentinel.core.events import AccountResult
    from consentinel.core.status import Reason, Status
    from tests.gui._app_support import running_app

    ctx = make_context(tmp_path)
    ctx.settings.schedule = "daily"
    add_account(ctx, "fay")
    add_account(ctx, "gus")
    run = ctx.journal.start_run("schedule")
    ctx.journal.record_check(run, AccountResult("fay", Status.OPTED_OUT))
    ctx.journal.record_check(run, AccountResult("gus", Status.ERROR, Reason.NETWORK))
    ctx.journal.finish_run(run)
    with running_app(qtbot, ctx) as app:
        window = app.window
        table = window.table
        due_column = table.columnCount() - 1

        def due(handle: str) -> str:
            return table.item(table.row_of(handle) or 0, due_column).text()

        assert window.schedule_label.text() == (
            "Next automatic check: in 30 minutes (while Consentinel is open)"
        )
        assert due("gus") == "In 30 minutes"
        assert due("fay") == "In 24 hours"


def test_a_pause_keeps_what_another_process_saved_meanwhile(qtbot: QtBot, tmp_path: Path) -> None:
    """The window open (every 6 hours), `consentinel schedule install --every weekly` saves
    "weekly" from a terminal; the tray's "Pause" then writes the pause alone, on top of the
    file as it is: the schedule stays weekly (as the OS job's timer is), and the window's
    settings take it too. Resuming, after the job is removed meanwhile, does not put it back."""
    import subprocess
    import sys

    from consentinel.core.context import AppContext
    from consentinel.core.paths import AppPaths
    from consentinel.core.settings import load_settings, save_settings
    from consentinel.core.vault import MemoryKeyring, Vault

    paths = AppPaths.under(tmp_path).ensure()
    save_settings(paths, Settings(schedule="6h", check_on_start=False))
    ctx = AppContext.create(paths, vault=Vault(MemoryKeyring()))  # (as the app reads them)
    auto = AutoChecks(ctx, start_run=lambda _due: False)

    def elsewhere(**values: object) -> None:  # another process, as `schedule` saves them
        code = (
            "import sys; from consentinel.core.context import AppContext; "
            "from consentinel.core.paths import AppPaths; "
            "ctx = AppContext.create(AppPaths.under(sys.argv[1])); "
            f"[setattr(ctx.settings, k, v) for k, v in {values!r}.items()]; "
            "ctx.save_settings()"
        )
        subprocess.run([sys.executable, "-c", code, str(tmp_path)], check=True, timeout=60)

    elsewhere(schedule="weekly", run_when_closed=True)
    auto.toggle_pause()
    saved, _ = load_settings(paths)
    assert (saved.schedule, saved.run_when_closed, saved.schedule_paused) == ("weekly", True, True)
    assert (ctx.settings.schedule, ctx.settings.run_when_closed) == ("weekly", True)
    elsewhere(run_when_closed=False)  # `schedule remove`
    auto.toggle_pause()
    saved, _ = load_settings(paths)
    assert (saved.schedule, saved.run_when_closed, saved.schedule_paused) == (
        "weekly",
        False,
        False,
    )


def test_a_pause_saved_from_the_command_line_holds_the_open_window_s_schedule(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """`consentinel schedule pause` typed while the window is open (another process saving
    the setting): the window's schedule starts nothing from its next tick, says it is paused,
    and `schedule resume` lets it check again; a pause the window chose is not undone by a
    file that has not heard of it."""
    import subprocess
    import sys

    from consentinel.core.accounts import Account
    from consentinel.core.context import AppContext
    from consentinel.core.paths import AppPaths
    from consentinel.core.settings import save_settings
    from consentinel.core.vault import MemoryKeyring, Vault

    paths = AppPaths.under(tmp_path).ensure()
    save_settings(paths, Settings(schedule="6h", check_on_start=True))
    ctx = AppContext.create(paths, vault=Vault(MemoryKeyring()))  # (as the app reads them)
    ctx.accounts.add(Account("fay"))  # never checked: due at once
    started: list[list[str]] = []
    auto = AutoChecks(ctx, start_run=lambda due: started.append(due) or True)
    changes: list[bool] = []
    auto.schedule_changed.connect(lambda: changes.append(auto.paused))

    def elsewhere(paused: bool) -> None:  # another process, as `schedule pause` saves it
        code = (
            "import sys; from consentinel.core.context import AppContext; "
            "from consentinel.core.paths import AppPaths; "
            "ctx = AppContext.create(AppPaths.under(sys.argv[1])); "
            f"ctx.settings.schedule_paused = {paused!r}; ctx.save_settings()"
        )
        subprocess.run([sys.executable, "-c", code, str(tmp_path)], check=True, timeout=60)

    elsewhere(True)
    auto.tick()
    assert (auto.paused, ctx.settings.schedule_paused, started) == (True, True, [])
    assert changes == [True] and auto.next_run_at() is None
    auto.tick()  # (taken once: nothing new in the file)
    assert changes == [True]

    elsewhere(False)
    auto.tick()
    assert (auto.paused, changes, started) == (False, [True, False], [["fay"]])
    auto.run_finished(completed=True)

    auto.toggle_pause()  # the window's own pause, saved: the file agrees, nothing to take
    auto.tick()
    assert auto.paused and ctx.settings.schedule_paused


def test_a_pause_from_the_command_line_holds_when_the_window_saves_its_settings_meanwhile(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """`consentinel schedule pause` typed while the window is open, then, before the window's
    next tick, a change saved in its Settings (the language): the save keeps the pause in the
    file, and the window's schedule pauses all the same (its save took the pause, so there is
    nothing new in the file at its tick); `schedule resume` then another save resume it."""
    import subprocess
    import sys

    from consentinel.core.accounts import Account
    from consentinel.core.context import AppContext
    from consentinel.core.paths import AppPaths
    from consentinel.core.schedule import TickOutcome
    from consentinel.core.settings import save_settings, settings_in_file
    from consentinel.core.vault import MemoryKeyring, Vault
    from consentinel.gui.settings_dialog import SettingsDialog

    paths = AppPaths.under(consentinel_home).ensure()
    save_settings(paths, Settings(schedule="6h", check_on_start=True))
    ctx = AppContext.create(paths, vault=Vault(MemoryKeyring()))  # (as the app reads them)
    ctx.accounts.add(Account("gil"))  # never checked: due at once
    started: list[list[str]] = []
    auto = AutoChecks(ctx, start_run=lambda due: started.append(due) or True)
    changes: list[bool] = []
    auto.schedule_changed.connect(lambda: changes.append(auto.paused))

    def in_a_terminal(action: str) -> None:  # the real `consentinel schedule pause|resume`
        done = subprocess.run(
            [sys.executable, "-m", "consentinel", "schedule", action],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr

    def saved_in_the_window(language: str) -> None:  # its Settings, as the app connects them
        dialog = SettingsDialog(ctx, tray=False)
        qtbot.addWidget(dialog)
        dialog.settingsChanged.connect(auto.settings_changed)
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData(language))
        dialog.save()

    in_a_terminal("pause")
    saved_in_the_window("fr")
    in_file = settings_in_file(paths)
    assert in_file is not None and (in_file.language, in_file.schedule_paused) == ("fr", True)
    assert auto.paused and auto.next_run_at() is None and changes == [True]
    assert auto.tick() is TickOutcome.PAUSED and started == []

    in_a_terminal("resume")
    saved_in_the_window("en")
    assert not auto.paused and changes == [True, False]
    auto.tick()
    assert started == [["gil"]]


def test_a_schedule_saved_from_the_command_line_is_the_open_window_s_from_its_next_tick(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """`consentinel schedule install --every 12h` while the window is open (every 6 hours): the
    window's own checks follow the 12 hours, and its "Next check" the OS job's times, from its
    next tick, not from its next restart or settings save."""
    import subprocess
    import sys

    from consentinel.core.context import AppContext
    from consentinel.core.paths import AppPaths
    from consentinel.core.schedule import ScheduleChoice
    from consentinel.core.settings import save_settings
    from consentinel.core.vault import MemoryKeyring, Vault

    paths = AppPaths.under(tmp_path).ensure()
    save_settings(paths, Settings(schedule="6h", check_on_start=False))
    ctx = AppContext.create(paths, vault=Vault(MemoryKeyring()))  # (as the app reads them)
    auto = AutoChecks(ctx, start_run=lambda _due: False)
    changes: list[ScheduleChoice] = []
    auto.schedule_changed.connect(lambda: changes.append(auto.scheduler.schedule))
    # Another process, as `schedule install --every 12h` saves it once the job is installed.
    code = (
        "import sys; from consentinel.core.context import AppContext; "
        "from consentinel.core.paths import AppPaths; "
        "ctx = AppContext.create(AppPaths.under(sys.argv[1])); "
        "ctx.settings.schedule = '12h'; ctx.settings.run_when_closed = True; "
        "ctx.save_settings()"
    )
    subprocess.run([sys.executable, "-c", code, str(tmp_path)], check=True, timeout=60)
    auto.tick()
    assert auto.scheduler.schedule is ScheduleChoice.EVERY_12H
    assert (ctx.settings.schedule, ctx.settings.run_when_closed) == ("12h", True)
    assert changes == [ScheduleChoice.EVERY_12H]
    auto.tick()  # (taken once: nothing new in the file)
    assert changes == [ScheduleChoice.EVERY_12H]


def test_a_check_of_another_process_killed_while_the_window_is_open_ends_at_the_next_tick(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The OS job's check killed (SIGKILL, the job's time limit) while the window stays open:
    its run was left "running" in the journal (its journal window showed it going) until the
    app's next start marked it; the window's next tick marks it interrupted, as the start does.
    A real process killed; a run of this process, still going, is left as it is."""
    import signal
    import subprocess
    import sys
    import textwrap

    from consentinel.core.journal_entries import EntryKind

    ctx = make_context(tmp_path / "home")
    killed = textwrap.dedent("""
        import os, signal, sys
        from pathlib import Path
        from consentinel.core.journal import Journal
        j = Journal.open(Path(sys.argv[1]))
        print(j.start_run("schedule"), flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    child = subprocess.run(
        [sys.executable, "-c", killed, str(ctx.paths.journal_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    gone_run = int(child.stdout)
    own_run = ctx.journal.start_run("app")
    auto = AutoChecks(ctx, start_run=lambda _due: False)
    assert ctx.journal.runs_of_gone_processes() == {gone_run}

    auto.tick()
    (ended,) = ctx.journal.entries(kinds=[EntryKind.RUN_INTERRUPTED])
    assert ended.run_id == gone_run
    assert ctx.journal.runs_of_gone_processes() == set()
    auto.tick()  # (once)
    assert len(ctx.journal.entries(kinds=[EntryKind.RUN_INTERRUPTED])) == 1
    ctx.journal.finish_run(own_run, cancelled=False)  # (its own run was left going)


def test_the_tick_does_not_wait_for_the_journal_check_put_off_at_the_window_s_start(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The window's start puts SQLite's check of the journal off to a thread after its first
    frame; marking gone processes' runs at a tick went through the connection that waits for
    that check, so the first tick waited for it in the GUI thread (a large journal on a slow
    disk: seconds of a frozen window). It leaves the journal to its check, which marks them."""
    from consentinel.core.context import AppContext
    from consentinel.core.paths import AppPaths
    from consentinel.core.vault import MemoryKeyring, Vault

    paths = AppPaths.under(tmp_path).ensure()
    first = AppContext.create(paths, vault=Vault(MemoryKeyring()))
    first.journal.append_account_added("ada")
    first.journal.close()
    ctx = AppContext.create(paths, vault=Vault(MemoryKeyring()), check_journal_later=True)
    assert ctx.journal.unchecked
    auto = AutoChecks(ctx, start_run=lambda _due: False)
    auto.tick()
    assert ctx.journal.unchecked  # (not begun, not waited for, by the tick)
    ctx.journal.close()


def test_the_tick_does_not_wait_for_a_journal_another_thread_holds(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The start-up verdict's thread waits for SQLite's put-off check holding the journal (a
    large journal: seconds); the tick, in the GUI thread, leaves it to the next minute instead
    of waiting for it. Here a thread holds the journal until the tick has returned, or 30 s: a
    tick that waited would return only after those 30 s, and the holder would say so."""
    import threading

    ctx = make_context(tmp_path / "home")
    auto = AutoChecks(ctx, start_run=lambda _due: False)
    held, ticked = threading.Event(), threading.Event()
    let_go_by_the_tick: list[bool] = []

    def hold() -> None:
        with ctx.journal._lock:  # (as Journal._settle holds it while it waits)
            held.set()
            let_go_by_the_tick.append(ticked.wait(30))

    holder = threading.Thread(target=hold)
    holder.start()
    assert held.wait(30)
    auto.tick()
    ticked.set()
    holder.join(60)
    assert let_go_by_the_tick == [True]
