"""A scheduled run, as the systemd timer starts it, after X switched a box back on.

The command and its environment are the ones the OS job would get (`check_command()`, the unit's
Environment= lines, and the little a user manager passes on: HOME, PATH, the session bus). The
keyring is a real GNOME Keyring and the desktop notifier the real notify-send, talking to a
small notification server on the same private bus.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pyotp
import pytest

from consentinel.cli.scheduled_retry import TEST_WAITS_ENV
from consentinel.core.catch_up import stamp_path
from consentinel.core.events import AccountResult
from consentinel.core.french_typography import typeset
from consentinel.core.journal import Journal
from consentinel.core.journal_entries import EntryKind
from consentinel.core.moments import moment_text
from consentinel.core.osjobs.job import CHECK_ARGS, check_command
from consentinel.core.paths import AppPaths
from consentinel.core.settings import Settings, save_settings
from consentinel.core.status import Status
from consentinel.simx import SimAccount
from tests.e2e._cli_support import CLI
from tests.fixtures.check_json import skipped
from tests.fixtures.keyring_fixtures import (
    SecretServiceEnv,
    lock_keyring,
    prompts_in,
    unlock_keyring,
    watch_bus,
)
from tests.fixtures.notify_server import FakeNotificationServer
from tests.fixtures.private_mounts import with_read_only

PASSWORD = "scheduled run password 7"


@pytest.fixture
def notifications(private_secret_service: SecretServiceEnv) -> Iterator[FakeNotificationServer]:
    server = FakeNotificationServer(private_secret_service.address)
    yield server
    server.close()


def _as_the_timer_runs_it(consentinel_home: Path, bus: str) -> tuple[list[str], dict[str, str]]:
    command = check_command({"CONSENTINEL_HOME": str(consentinel_home)})
    env = {
        "HOME": os.environ["HOME"],
        "PATH": os.environ["PATH"],
        "LANG": "C.UTF-8",
        "DBUS_SESSION_BUS_ADDRESS": bus,
        **command.env,
        # The job's later tries, for the accounts X could not be reached for: at once here
        # (their own waits are test_scheduled_retry.py's).
        TEST_WAITS_ENV: "0.05,0.05/0.05",
    }
    if os.environ.get("PYTHONPATH"):
        # The sources under test, where the test runs them from a checkout the interpreter's
        # own install does not point at (the job installed from there would be the same).
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    return list(command.argv), env


def _shows_all(handle: str) -> SimAccount:
    """An account whose page shows every box (simx hides Memory, still on, as X does for some:
    what a run says of that is tests/unit/test_notify_hidden_on.py's)."""
    return SimAccount(handle, PASSWORD, memory_shown=True)


def _cli(argv: list[str]) -> list[str]:
    """The job's program, without the check's arguments: for the person's own commands."""
    return argv[: -len(CHECK_ARGS)]


def _a_day_passes(journal_path: Path) -> None:
    """Every run so far dated a day earlier, as the clock would see them a day later (the
    schedule and the notifications count from when runs ended)."""
    with sqlite3.connect(journal_path) as db:
        for run_id, started, finished in db.execute(
            "SELECT id, started_at, finished_at FROM runs"
        ).fetchall():
            earlier = [
                (datetime.fromisoformat(t) - timedelta(days=1)).isoformat() if t else t
                for t in (started, finished)
            ]
            db.execute(
                "UPDATE runs SET started_at = ?, finished_at = ? WHERE id = ?", (*earlier, run_id)
            )


def test_scheduled_run_after_x_switched_training_back_on(
    simx: Any,
    consentinel_home: Path,
    private_secret_service: SecretServiceEnv,
    notifications: FakeNotificationServer,
    chromium_path: Path,
) -> None:
    sim = simx(_shows_all("nora"))
    bus = private_secret_service.address
    paths, argv, env, first = _set_up(sim, consentinel_home, chromium_path, bus)
    assert sim.boxes("nora")["training"] is False
    assert notifications.calls == []  # a first fix is what the person asked for: no news

    sim.set_box("nora", "training", True)  # X switches it back on
    # A timer firing right after a check (the open app's, say) does not check again...
    soon = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=180)
    assert soon.returncode == 0 and "is skipped" in soon.stderr, soon.stderr
    assert sim.boxes("nora")["training"] is True
    # ...the next one, a day later, does: the first run is dated back as the clock would see it.
    _a_day_passes(paths.journal_path)
    second = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=180)
    assert second.returncode == 0, (second.stdout, second.stderr)

    assert sim.boxes("nora")["training"] is False
    assert len(sim.signin_attempts("nora")) == 1  # the saved session was reused
    journal = Journal.open(paths.journal_path)
    try:
        changes = journal.entries(handle="nora", kinds=[EntryKind.CHANGE])
        latest = max(changes, key=lambda entry: entry.id)
        assert latest.payload["box"] == "training"
        assert latest.payload["reverted_by_x"] is True and latest.payload["confirmed"] is True
        (said,) = journal.entries(kinds=[EntryKind.NOTIFICATION])
        assert said.handle == "nora"
        assert journal.verify().ok
    finally:
        journal.close()
    assert len(notifications.calls) == 1
    _app, _replaces, _icon, summary, body, *_ = notifications.calls[0]
    assert summary == "Consentinel"
    assert body == "X switched back on for @nora: Training. Switched off again."
    for output in (first.stdout, first.stderr, second.stdout, second.stderr):
        assert PASSWORD not in output


def test_a_box_found_off_that_x_switches_back_on_is_said(
    simx: Any,
    consentinel_home: Path,
    private_secret_service: SecretServiceEnv,
    notifications: FakeNotificationServer,
    chromium_path: Path,
) -> None:
    """Every box switched off by hand before the account was added: the first run finds them
    off (nothing to say). Training switched back on at X since is said at the next run as one
    Consentinel had unticked: in the check, its change and a notification."""
    everything_off = {"training": False, "personalization": False, "memory": False}
    sim = simx(SimAccount("dave", PASSWORD, memory_shown=True, boxes=dict(everything_off)))
    bus = private_secret_service.address
    paths, argv, env, first = _set_up(sim, consentinel_home, chromium_path, bus, "dave")
    assert "already off" in first.stdout, first.stdout
    assert notifications.calls == []

    sim.set_box("dave", "training", True)  # switched back on at X
    _a_day_passes(paths.journal_path)
    second = subprocess.run([*argv, "--json"], capture_output=True, text=True, env=env,
                            timeout=180)  # fmt: skip
    assert second.returncode == 0, (second.stdout, second.stderr)

    assert sim.boxes("dave") == everything_off
    (result,) = json.loads(second.stdout)["accounts"]
    assert result["reverted_by_x"] == ["training"]
    assert result["message"].startswith("X had switched Training back on.")
    journal = Journal.open(paths.journal_path)
    try:
        (change,) = journal.entries(handle="dave", kinds=[EntryKind.CHANGE])
        assert change.payload["reverted_by_x"] is True and change.payload["confirmed"] is True
        (said,) = journal.entries(kinds=[EntryKind.NOTIFICATION])
        assert said.handle == "dave" and said.payload["kind"] == "reverted_by_x"
    finally:
        journal.close()
    assert _bodies(notifications) == ["X switched back on for @dave: Training. Switched off again."]


def test_a_box_you_ticked_before_keeping_it_off_is_not_said_switched_back_on_by_x(
    simx: Any,
    consentinel_home: Path,
    private_secret_service: SecretServiceEnv,
    notifications: FakeNotificationServer,
    chromium_path: Path,
) -> None:
    """@eve keeps Training alone off; the first run finds every box off. She ticks
    Personalization at X herself, then asks Consentinel to keep it off too, and X switches
    Training back on meanwhile. The next run unticks both, and says X switched back on
    Training alone: Personalization was found off while not kept off, so who ticked it since
    is not known — not in the check, not in its change, not in a notification."""
    everything_off = {"training": False, "personalization": False, "memory": False}
    sim = simx(SimAccount("eve", PASSWORD, memory_shown=True, boxes=dict(everything_off)))
    paths = AppPaths.under(consentinel_home).ensure()
    save_settings(paths, Settings(x_origin=sim.origin, browser_path=str(chromium_path)))
    argv, env = _as_the_timer_runs_it(consentinel_home, private_secret_service.address)
    _add(argv, env, "eve", keep="training")
    first = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=180)
    assert first.returncode == 0 and "already off" in first.stdout, (first.stdout, first.stderr)

    sim.set_box("eve", "personalization", True)  # she ticks it herself...
    edit = [*_cli(argv), "account", "edit", "eve", "--keep", "personalization"]
    edited = subprocess.run(edit, capture_output=True, text=True, env=env, timeout=120)
    assert edited.returncode == 0, edited.stderr  # ...then has it kept off
    sim.set_box("eve", "training", True)  # X switches it back on
    _a_day_passes(paths.journal_path)
    second = subprocess.run([*argv, "--json"], capture_output=True, text=True, env=env,
                            timeout=180)  # fmt: skip
    assert second.returncode == 0, (second.stdout, second.stderr)

    assert sim.boxes("eve") == everything_off
    (result,) = json.loads(second.stdout)["accounts"]
    assert result["status"] == "fixed" and result["keep"] == ["training", "personalization"]
    assert result["reverted_by_x"] == ["training"]
    assert result["message"].startswith("X had switched Training back on."), result["message"]
    assert "Personalization back on" not in result["message"]
    journal = Journal.open(paths.journal_path)
    try:
        changes = {
            c.payload["box"]: c.payload
            for c in journal.entries(handle="eve", kinds=[EntryKind.CHANGE])
        }
        assert changes["personalization"]["confirmed"] is True
        assert changes["personalization"]["reverted_by_x"] is False
        assert changes["training"]["reverted_by_x"] is True
        checks = journal.entries(handle="eve", kinds=[EntryKind.CHECK])
        assert [c.payload["keep"] for c in checks] == [
            ["training"],
            ["training", "personalization"],
        ]
        (said,) = journal.entries(kinds=[EntryKind.NOTIFICATION])
        assert said.payload["kind"] == "reverted_by_x"
        assert journal.verify().ok
    finally:
        journal.close()
    assert _bodies(notifications) == ["X switched back on for @eve: Training. Switched off again."]


def _add(argv: list[str], env: dict[str, str], *handles: str, keep: str | None = None) -> None:
    """The accounts added as the person adds them, each with its password (and `keep`, the
    boxes kept off, when given)."""
    for handle in handles:
        keeping = [] if keep is None else ["--keep", keep]
        added = subprocess.run(
            [*_cli(argv), "account", "add", handle, "--password-stdin", *keeping],
            input=PASSWORD + "\n", capture_output=True, text=True, env=env, timeout=120,
        )  # fmt: skip
        assert added.returncode == 0, added.stderr


def _set_up(
    sim: Any, consentinel_home: Path, chromium_path: Path, bus: str, *handles: str
) -> tuple[AppPaths, list[str], dict[str, str], subprocess.CompletedProcess[str]]:
    """The person's set-up: X's address (simx here) and the browser to use, the accounts
    (nora alone unless named) added and checked once by the timer; that first run too."""
    paths = AppPaths.under(consentinel_home).ensure()
    save_settings(paths, Settings(x_origin=sim.origin, browser_path=str(chromium_path)))
    argv, env = _as_the_timer_runs_it(consentinel_home, bus)
    _add(argv, env, *(handles or ("nora",)))
    first = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=180)
    assert first.returncode == 0, (first.stdout, first.stderr)
    return paths, argv, env, first


def test_a_scheduled_run_checks_only_the_accounts_that_are_due(
    simx: Any,
    consentinel_home: Path,
    private_secret_service: SecretServiceEnv,
    notifications: FakeNotificationServer,
    chromium_path: Path,
) -> None:
    """nora and tom were checked a day ago; tom again by hand a moment ago. X switched
    Training back on for both since: the timer's run checks nora, and does not load tom's page
    at X again (his box stays on until his own time comes); its JSON and its log say so."""
    sim = simx(_shows_all("nora"), _shows_all("tom"))
    bus = private_secret_service.address
    paths, argv, env, _first = _set_up(sim, consentinel_home, chromium_path, bus, "nora", "tom")
    _a_day_passes(paths.journal_path)
    by_hand = subprocess.run([*_cli(argv), "check", "tom"], capture_output=True, text=True,
                             env=env, timeout=180)  # fmt: skip
    assert by_hand.returncode == 0, (by_hand.stdout, by_hand.stderr)
    for handle in ("nora", "tom"):  # X switches it back on
        sim.set_box(handle, "training", True)

    run = subprocess.run([*argv, "--json"], capture_output=True, text=True, env=env, timeout=180)
    assert run.returncode == 0, (run.stdout, run.stderr)
    document = json.loads(run.stdout)
    assert [a["handle"] for a in document["accounts"]] == ["nora"]
    assert document["checked_lately_accounts"] == ["tom"]
    assert "Checked lately, so not checked by this scheduled check: @tom." in run.stderr
    assert sim.boxes("nora")["training"] is False
    assert sim.boxes("tom")["training"] is True  # his page was not loaded
    journal = Journal.open(paths.journal_path)
    try:
        last_run = journal.runs(limit=1)[0]
        checks = journal.entries(kinds=[EntryKind.CHECK])
        assert [e.handle for e in checks if e.run_id == last_run.id] == ["nora"]
        assert last_run.trigger == "schedule"
    finally:
        journal.close()
    assert _bodies(notifications) == ["X switched back on for @nora: Training. Switched off again."]
    # The next run, right after it, finds nobody due: skipped as before.
    again = subprocess.run([*argv, "--json"], capture_output=True, text=True, env=env,
                           timeout=180)  # fmt: skip
    assert json.loads(again.stdout) == skipped("checked_lately")


def test_a_scheduled_run_names_the_accounts_that_wait_for_you(
    simx: Any,
    consentinel_home: Path,
    private_secret_service: SecretServiceEnv,
    notifications: FakeNotificationServer,
    chromium_path: Path,
) -> None:
    """tom's sign-in stops at X's two-factor code (his 2FA secret is not saved): the timer's
    first run names him among the accounts that wait for you, with what he needs. A day later,
    tom checked by hand a moment ago (stopped there again), the timer's run checks nora alone:
    tom is left for later, and still named as waiting for you."""
    tom = SimAccount("tom", PASSWORD, memory_shown=True, totp_secret=pyotp.random_base32(),
                     challenges=["two_factor"])  # fmt: skip
    sim = simx(_shows_all("nora"), tom)
    paths = AppPaths.under(consentinel_home).ensure()
    save_settings(paths, Settings(x_origin=sim.origin, browser_path=str(chromium_path)))
    argv, env = _as_the_timer_runs_it(consentinel_home, private_secret_service.address)
    _add(argv, env, "nora", "tom")
    waiting = [{"handle": "tom", "reason": "two_factor"}]

    first = subprocess.run([*argv, "--json"], capture_output=True, text=True, env=env,
                           timeout=180)  # fmt: skip
    assert first.returncode == 1, (first.stdout, first.stderr)  # (not all off: tom)
    document = json.loads(first.stdout)
    assert [(a["handle"], a["status"]) for a in document["accounts"]] == [
        ("nora", "fixed"),
        ("tom", "needs_user"),
    ]
    assert document["waiting_for_you_accounts"] == waiting
    assert "checked_lately_accounts" not in document

    _a_day_passes(paths.journal_path)
    by_hand = subprocess.run([*_cli(argv), "check", "--unattended", "tom"],
                             capture_output=True, text=True, env=env, timeout=180)  # fmt: skip
    assert by_hand.returncode == 1, (by_hand.stdout, by_hand.stderr)
    run = subprocess.run([*argv, "--json"], capture_output=True, text=True, env=env, timeout=180)
    assert run.returncode == 0, (run.stdout, run.stderr)
    document = json.loads(run.stdout)
    assert [a["handle"] for a in document["accounts"]] == ["nora"]
    assert document["checked_lately_accounts"] == ["tom"]  # (left for later, as before)
    assert document["waiting_for_you_accounts"] == waiting
    assert "@tom: X asks for a two-factor code" in run.stderr


def test_a_box_more_that_x_keeps_on_unseen_is_said_again_once(
    simx: Any,
    consentinel_home: Path,
    private_secret_service: SecretServiceEnv,
    notifications: FakeNotificationServer,
    chromium_path: Path,
) -> None:
    """X's page does not show nora's Memory, on in X's data: the first run says so. X then
    switches Personalization back on and hides it too: the next day's run says so again,
    naming both (news: a box more that nothing can switch off); the day after, nothing new is
    said. (The page's boxes are known by their place: X can hide only the last ones.)"""
    sim = simx(SimAccount("nora", PASSWORD))  # (simx hides Memory, on, by default)
    paths, argv, env, _first = _set_up(
        sim, consentinel_home, chromium_path, private_secret_service.address
    )
    memory = (
        "X keeps Memory on for @nora without showing it on its page: it cannot be switched "
        "off for now. Consentinel will switch it off as soon as X shows it."
    )
    assert _bodies(notifications) == [memory]
    sim.set_box("nora", "personalization", True)
    sim.change_account("nora", hidden_boxes=["personalization"])
    both = (
        "X keeps Personalization, Memory on for @nora without showing them on its page: they "
        "cannot be switched off for now. Consentinel will switch them off as soon as X shows "
        "them."
    )
    for day in (1, 2):
        _a_day_passes(paths.journal_path)
        done = subprocess.run(
            [*argv, "--json"], capture_output=True, text=True, env=env, timeout=180
        )
        assert done.returncode == 0, (day, done.stdout, done.stderr)
        (result,) = json.loads(done.stdout)["accounts"]
        assert result["hidden_on"] == ["personalization", "memory"], (day, result)
        assert _bodies(notifications) == [memory, both], day
    assert sim.boxes("nora")["personalization"] is True  # (nothing could untick it)


def test_x_switching_a_box_back_on_is_said_when_its_screenshot_cannot_be_kept(
    simx: Any,
    consentinel_home: Path,
    private_secret_service: SecretServiceEnv,
    notifications: FakeNotificationServer,
    chromium_path: Path,
) -> None:
    """The evidence folder alone read-only: the box X switched back on is unticked and read
    back, then its screenshot cannot be written. The check stops there, and says both: what
    it did (the box X had switched on, off again) and that the screenshot was not kept; the
    person is told X switched it back on."""
    sim = simx(_shows_all("nora"))
    paths, argv, env, _first = _set_up(
        sim, consentinel_home, chromium_path, private_secret_service.address
    )
    sim.set_box("nora", "training", True)  # X switches it back on
    _a_day_passes(paths.journal_path)
    second = subprocess.run(
        with_read_only(paths.evidence_dir, [*argv, "--json"]),
        capture_output=True, text=True, env=env, timeout=180,
    )  # fmt: skip
    assert second.returncode == 1, (second.stdout, second.stderr)

    assert sim.boxes("nora")["training"] is False
    (result,) = json.loads(second.stdout)["accounts"]
    assert result["status"] == "error" and result["reason"] == "evidence_not_kept"
    assert result["reverted_by_x"] == ["training"]
    assert result["settings"]["training"] == {"before": True, "after": False, "disabled": False}
    assert result["message"].startswith(
        "X had switched Training back on. Unticked and read back off: Training. The screenshot "
        "could not be kept: Could not save "
    )
    assert "the disk is read-only" in result["message"]
    journal = Journal.open(paths.journal_path)
    try:
        latest = journal.entries(handle="nora", kinds=[EntryKind.CHANGE])[-1]
        assert latest.payload["reverted_by_x"] is True and latest.payload["confirmed"] is True
        (said,) = journal.entries(kinds=[EntryKind.NOTIFICATION])
        assert said.handle == "nora" and said.payload["kind"] == "reverted_by_x"
    finally:
        journal.close()
    assert len(notifications.calls) == 1
    body = notifications.calls[0][4]
    assert body == (
        "X switched back on for @nora: Training. Switched off again, but its screenshot could "
        "not be kept — open Consentinel."
    )


def test_x_out_of_reach_for_days_is_said_once(
    simx: Any,
    consentinel_home: Path,
    private_secret_service: SecretServiceEnv,
    notifications: FakeNotificationServer,
    chromium_path: Path,
) -> None:
    """X cannot be reached (simx stopped) at the daily checks that follow a good one: the
    first two are no news, the third day's says since when and what to do, and the fourth's
    says nothing more."""
    sim = simx(_shows_all("nora"))
    paths, argv, env, _first = _set_up(
        sim, consentinel_home, chromium_path, private_secret_service.address
    )
    sim.stop()
    for day in (1, 2, 3, 4):
        _a_day_passes(paths.journal_path)
        done = subprocess.run(
            [*argv, "--json"], capture_output=True, text=True, env=env, timeout=180
        )
        assert done.returncode == 1, (day, done.stdout, done.stderr)
        (result,) = json.loads(done.stdout)["accounts"]
        assert result["reason"] == "network", (day, result)
        assert len(notifications.calls) == (1 if day >= 3 else 0), day

    journal = Journal.open(paths.journal_path)
    try:
        good = journal.runs()[-1]  # (newest first: the first run, four days ago now)
        assert good.finished_at is not None
        (said,) = journal.entries(kinds=[EntryKind.NOTIFICATION])
        assert said.payload["kind"] == "x_unreachable" and said.payload["accounts"] == ["nora"]
    finally:
        journal.close()
    body = notifications.calls[0][4]
    assert body == (
        "Consentinel has not been able to check @nora on X since "
        f"{moment_text(datetime.fromisoformat(good.finished_at) + timedelta(days=1))}: X could "
        "not be reached, did not answer in time, or asked to slow down, and a box X switches "
        "back on meanwhile stays on. Check this computer's connection and that x.com opens, "
        "then run `consentinel check` (or open Consentinel) to try now."
    )


def _bodies(notifications: FakeNotificationServer) -> list[str]:
    return [str(call[4]) for call in notifications.calls]


def test_a_scheduled_run_tells_once_that_the_list_lost_its_accounts(
    consentinel_home: Path,
    private_secret_service: SecretServiceEnv,
    notifications: FakeNotificationServer,
) -> None:
    """A damaged accounts file is set aside by the first run that reads it, and the list starts
    empty: every scheduled run after it had nothing to check, exited 0 and told nobody, while
    the journal knows the accounts. Now each run says it in its log and fails; the person is
    told once; and the accounts are not added back behind their back."""
    argv, env = _as_the_timer_runs_it(consentinel_home, private_secret_service.address)
    _add(argv, env, "nora")
    accounts = consentinel_home / "config" / "accounts.json"
    accounts.write_text(accounts.read_text()[:-20])  # a hand edit gone wrong

    said = (
        "@nora is missing from Consentinel's list of accounts, so it is no longer checked. "
        "Open Consentinel and choose “Add back”, or run: consentinel account restore"
    )
    for _run in range(2):
        run = subprocess.run([*argv, "--json"], capture_output=True, text=True, env=env,
                             timeout=180)  # fmt: skip
        assert run.returncode == 2, (run.stdout, run.stderr)
        assert json.loads(run.stdout) == skipped("accounts_missing", missing_accounts=["nora"])
        assert said in run.stderr.splitlines(), run.stderr
    assert _bodies(notifications) == [said]  # once, not at every run
    french = subprocess.run(argv, capture_output=True, text=True, timeout=180,
                            env={**env, "CONSENTINEL_LANG": "fr"})  # fmt: skip
    assert french.returncode == 2
    assert (
        typeset(
            "@nora manque à la liste des comptes de Consentinel : il n'est donc plus vérifié. "
            "Ouvrez Consentinel et choisissez « Rajouter », ou lancez : consentinel account restore"
        )
        in french.stderr.splitlines()
    ), french.stderr
    assert len(notifications.calls) == 1
    # The person decides: the list still lacks @nora, and the journal still knows it.
    listed = subprocess.run([*_cli(argv), "account", "list"], capture_output=True, text=True,
                            env=env, timeout=120)  # fmt: skip
    assert listed.stdout.startswith("No accounts yet."), listed.stdout
    assert "(@nora): consentinel account restore adds it back." in listed.stdout


def test_a_notice_no_notifier_could_show_is_shown_once_one_can(
    consentinel_home: Path,
    private_secret_service: SecretServiceEnv,
    notifications: FakeNotificationServer,
) -> None:
    """Runs with no desktop session to show a notification (cron, before anyone logs in):
    notify-send fails, and what it could not show is not taken as said, however many runs
    failed to; it is journaled once as not shown. The first run with a session shows it, once."""
    argv, env = _as_the_timer_runs_it(consentinel_home, private_secret_service.address)
    _add(argv, env, "nora")
    accounts = consentinel_home / "config" / "accounts.json"
    accounts.write_text(accounts.read_text()[:-20])  # a hand edit gone wrong
    no_session = {**env, "DBUS_SESSION_BUS_ADDRESS": f"unix:path={consentinel_home}/no-bus"}
    for environment in (no_session, no_session, no_session, env, env):
        run = subprocess.run([*argv, "--json"], capture_output=True, text=True,
                             env=environment, timeout=180)  # fmt: skip
        assert run.returncode == 2, (run.stdout, run.stderr)
    assert _bodies(notifications) == [
        "@nora is missing from Consentinel's list of accounts, so it is no longer checked. "
        "Open Consentinel and choose “Add back”, or run: consentinel account restore"
    ]
    journal = Journal.open(AppPaths(consentinel_home).journal_path)
    try:
        said = journal.entries(kinds=[EntryKind.NOTIFICATION])
    finally:
        journal.close()
    assert [e.payload["delivered"] for e in said] == [False, True]


def test_a_scheduled_run_names_the_accounts_missing_beside_those_listed(
    consentinel_home: Path,
    private_secret_service: SecretServiceEnv,
    notifications: FakeNotificationServer,
) -> None:
    """The list was deleted and an account added since: the run goes on for the one listed
    (here skipped, checked a moment ago), and the one the journal knows is named, once."""
    argv, env = _as_the_timer_runs_it(consentinel_home, private_secret_service.address)
    for handle in ("nora", "tom"):
        added = subprocess.run([*_cli(argv), "account", "add", handle], capture_output=True,
                               text=True, env=env, timeout=120)  # fmt: skip
        assert added.returncode == 0, added.stderr
    (consentinel_home / "config" / "accounts.json").unlink()
    added = subprocess.run([*_cli(argv), "account", "add", "tom"], capture_output=True,
                           text=True, env=env, timeout=120)  # fmt: skip
    assert added.returncode == 0, added.stderr
    journal = Journal.open(AppPaths.under(consentinel_home).journal_path)
    try:  # tom was checked a moment ago (by the open app, say)
        run_id = journal.start_run("gui")
        journal.record_check(run_id, AccountResult("tom", Status.OPTED_OUT))
        journal.finish_run(run_id)
    finally:
        journal.close()

    said = (
        "@nora is missing from Consentinel's list of accounts, so it is no longer checked. "
        "To add it back, run: consentinel account restore"
    )
    for _run in range(2):
        run = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=180)
        assert run.returncode == 2, (run.stdout, run.stderr)
        assert said in run.stderr.splitlines() and "is skipped" in run.stderr, run.stderr
    assert _bodies(notifications) == [said]
    # A script reading --json learns it too, the run skipped or not.
    run = subprocess.run([*argv, "--json"], capture_output=True, text=True, env=env, timeout=180)
    assert run.returncode == 2, (run.stdout, run.stderr)
    assert json.loads(run.stdout) == skipped("checked_lately", missing_accounts=["nora"])


def test_settings_set_aside_by_a_scheduled_run_are_said_and_the_lost_pause_too(
    consentinel_home: Path,
    private_secret_service: SecretServiceEnv,
    notifications: FakeNotificationServer,
) -> None:
    """A damaged settings.json holding a pause: the check's first read set it aside and threw
    the warning away, so the run ran on the defaults, unpaused, and said nothing. Now it says
    the file went, and that a pause went with it."""
    argv, env = _as_the_timer_runs_it(consentinel_home, private_secret_service.address)
    settings = AppPaths.under(consentinel_home).ensure().settings_path
    settings.write_text('{"version": 1, "schedule": "weekly", "schedule_paused": true,}')
    run = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=180)
    (aside,) = settings.parent.glob("settings.json.corrupt-*")
    assert f"The settings file could not be read; it was moved to {aside}" in run.stderr
    note = (
        f"Consentinel's settings file could not be used; it was set aside as {aside.name} and "
        "the defaults are used. Automatic checks run again, even if you had paused them: open "
        "Consentinel to choose your settings again."
    )
    assert note in run.stderr.splitlines(), run.stderr
    assert _bodies(notifications) == [note]
    # Said by the run that set it aside; the next finds no file, and nothing to say.
    again = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=180)
    assert "settings" not in again.stderr and len(notifications.calls) == 1


def test_a_check_says_the_settings_file_it_set_aside(cli_env: dict[str, str]) -> None:
    """Typed at a terminal, in English and in French: the warning was lost to the first of
    the two reads of the settings, which moved the file."""
    settings = AppPaths.under(Path(cli_env["CONSENTINEL_HOME"])).ensure().settings_path
    for lang, words in (
        ("en", "The settings file could not be read; it was moved to "),
        ("fr", typeset("Le fichier des paramètres est illisible ; il a été déplacé vers ")),
    ):
        settings.write_text("{not json")
        proc = subprocess.run([CLI, "check"], capture_output=True, text=True, timeout=120,
                              env={**cli_env, "CONSENTINEL_LANG": lang})  # fmt: skip
        assert proc.stderr.startswith(words), proc.stderr
        assert not settings.exists()


def test_a_scheduled_run_never_asks_for_a_locked_keyrings_password(
    simx: Any,
    consentinel_home: Path,
    private_secret_service: SecretServiceEnv,
    notifications: FakeNotificationServer,
    chromium_path: Path,
    tmp_path: Path,
) -> None:
    """The keyring locked (the screen locked, a login without it): the timer's run says so and
    ends (exit 2, the person told once), and GNOME Keyring is never asked to unlock, neither at
    the run's first read nor at each account's secrets: on a desktop its dialog would open at
    every run, with nobody there (the run then waited for it)."""
    sim = simx(_shows_all("nora"), _shows_all("olga"))
    bus = private_secret_service.address
    paths, argv, env, _first = _set_up(sim, consentinel_home, chromium_path, bus, "nora", "olga")
    _a_day_passes(paths.journal_path)  # (both due again)
    lock_keyring(private_secret_service)
    with watch_bus(private_secret_service, tmp_path / "bus.log") as watch:
        run = subprocess.run([*argv, "--json"], capture_output=True, text=True, env=env,
                             timeout=180)  # fmt: skip
        seen = watch.seen_up_to_now()
    assert run.returncode == 2, (run.stdout, run.stderr)
    accounts = json.loads(run.stdout)["accounts"]
    assert {(a["handle"], a["reason"]) for a in accounts} == {
        ("nora", "keyring_unavailable"),
        ("olga", "keyring_unavailable"),
    }
    assert prompts_in(seen) == []
    assert len(notifications.calls) == 1 and "keyring" in _bodies(notifications)[0]
    unlock_keyring(private_secret_service)


def test_a_journal_a_scheduled_run_set_aside_is_told_and_the_doctor_says_where_it_is(
    simx: Any,
    consentinel_home: Path,
    private_secret_service: SecretServiceEnv,
    notifications: FakeNotificationServer,
    chromium_path: Path,
) -> None:
    """The journal damaged on disk; the timer's run cannot read it, sets it aside and starts
    a new one. It used to say so on standard error only (the job's log, read by nobody): a
    month of record out of view. Now a notification names where it is kept, and `doctor` has
    a journal line saying when it started over and where the one before is."""
    sim = simx(_shows_all("nora"))
    bus = private_secret_service.address
    paths, argv, env, _first = _set_up(sim, consentinel_home, chromium_path, bus)
    with paths.journal_path.open("r+b") as damaged:
        damaged.write(os.urandom(4096))  # its header and first page: "not a database"
    notifications.calls.clear()

    run = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=180)

    assert run.returncode == 0, (run.stdout, run.stderr)
    (kept,) = paths.data_dir.glob("journal.sqlite3.corrupt-*")
    assert f"The journal could not be read; it was moved to {kept}" in run.stderr
    told = [call for call in notifications.calls if str(kept) in call[4]]
    assert len(told) == 1, notifications.calls
    assert told[0][4] == (
        f"Consentinel's journal could not be read; it was kept aside as {kept} and a new one "
        "was started. Its record of earlier checks is in that file: keep it."
    )
    journal = Journal.open(paths.journal_path)
    try:
        notes = [e.payload["kind"] for e in journal.entries(kinds=[EntryKind.NOTIFICATION])]
        assert "journal_set_aside" in notes
        assert journal.verify().ok
    finally:
        journal.close()

    doctor = subprocess.run([*_cli(argv), "doctor", "--json"], capture_output=True, text=True,
                            env=env, timeout=180)  # fmt: skip
    (line,) = [row for row in json.loads(doctor.stdout) if row["topic"] == "journal"]
    assert line["ok"] is None, line  # intact, and a start-over of late: "--", not OK
    assert line["detail"].startswith(f"{paths.journal_path}: intact, "), line
    said = f"the journal before it could not be read and is kept as {kept}, with the record"
    assert said in line["detail"], line


def test_the_hourly_crontab_run_makes_up_a_missed_time_once_and_is_silent_otherwise(
    simx: Any,
    consentinel_home: Path,
    private_secret_service: SecretServiceEnv,
    notifications: FakeNotificationServer,
    chromium_path: Path,
) -> None:
    """Without systemd, cron runs the line every hour (`check ... --catch-up`): the computer
    was off at the schedule's last time, so the first hourly run after it checks (X had
    switched Training on); the next one, that time served, ends at once and says nothing at
    all (cron mails whatever a job prints); paused in the app, the runs say nothing either."""
    sim = simx(_shows_all("nora"))
    sim.set_box("nora", "training", True)
    paths = AppPaths.under(consentinel_home).ensure()
    save_settings(paths, Settings(x_origin=sim.origin, browser_path=str(chromium_path),
                                  schedule="weekly"))  # fmt: skip
    argv, env = _as_the_timer_runs_it(consentinel_home, private_secret_service.address)
    _add(argv, env, "nora")
    hourly = [*argv, "--catch-up"]  # (the crontab line's: core/osjobs/systemd.crontab_line)
    # The last time served 8 days ago: the computer was off (or asleep) at the one since.
    # (Weekly: no time of the schedule falls between two of the runs below, but once a week.)
    stamp_path(paths).write_text((datetime.now().astimezone() - timedelta(days=8)).isoformat())

    missed = subprocess.run(hourly, capture_output=True, text=True, env=env, timeout=180)
    assert missed.returncode == 0, (missed.stdout, missed.stderr)
    assert sim.boxes("nora")["training"] is False
    journal = Journal.open(paths.journal_path)
    try:
        (run,) = journal.runs()
        assert run.trigger == "schedule"
    finally:
        journal.close()

    sim.set_box("nora", "training", True)  # X switches it back on: not the hour's business
    served = subprocess.run(hourly, capture_output=True, text=True, env=env, timeout=180)
    assert (served.returncode, served.stdout, served.stderr) == (0, "", "")
    assert sim.boxes("nora")["training"] is True
    stamp_path(paths).write_text((datetime.now().astimezone() - timedelta(days=8)).isoformat())
    save_settings(paths, Settings(x_origin=sim.origin, browser_path=str(chromium_path),
                                  schedule="weekly", schedule_paused=True))  # fmt: skip
    paused = subprocess.run(hourly, capture_output=True, text=True, env=env, timeout=180)
    assert (paused.returncode, paused.stdout, paused.stderr) == (0, "", "")
    assert sim.boxes("nora")["training"] is True
    journal = Journal.open(paths.journal_path)
    try:
        assert len(journal.runs()) == 1
    finally:
        journal.close()
