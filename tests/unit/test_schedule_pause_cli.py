"""`consentinel schedule pause` and `resume`: the app's "Pause automatic checks" from the command
line, saved and journaled as the app does it, read by the OS job's runs and by `schedule
status`, and kept by a window that saves its own settings afterwards. The real `consentinel`,
run as a process against a data folder of its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from consentinel.core.accounts import Account, AccountStore
from consentinel.core.context import AppContext
from consentinel.core.french_typography import typeset
from consentinel.core.journal_entries import EntryKind
from consentinel.core.paths import AppPaths
from consentinel.core.settings import Settings, save_settings, settings_in_file
from tests.fixtures.check_json import skipped

PAUSED = [
    "Automatic checks are paused, the app's and the OS job's, until: consentinel schedule resume",
    "A Consentinel window open now follows it within a minute.",
]
RESUMED = [
    "Automatic checks are resumed, the app's and the OS job's.",
    "A Consentinel window open now follows it within a minute.",
]


def _consentinel(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    """`consentinel ARGS` in the test's data folder (CONSENTINEL_HOME, set by the fixture)."""
    return subprocess.run(
        [sys.executable, "-m", "consentinel", *args],
        env={**os.environ, "CONSENTINEL_LANG": lang},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _paused_in_file(paths: AppPaths) -> bool:
    settings = settings_in_file(paths)
    assert settings is not None
    return settings.schedule_paused


def _journaled(paths: AppPaths) -> list[dict[str, object]]:
    ctx = AppContext.create(paths)
    try:
        return [e.payload for e in ctx.journal.entries(kinds=[EntryKind.SETTINGS_CHANGED])]
    finally:
        ctx.journal.close()


@pytest.fixture
def daily(consentinel_home: Path) -> AppPaths:
    """A folder with one account, checked daily by schedule."""
    paths = AppPaths.under(consentinel_home).ensure()
    AccountStore(paths).add(Account("erin"))
    save_settings(paths, Settings(schedule="daily", notifications=False))
    return paths


def test_pause_then_resume_is_saved_journaled_and_read_by_the_job(daily: AppPaths) -> None:
    paused = _consentinel("schedule", "pause")
    assert (paused.returncode, paused.stdout.splitlines(), paused.stderr) == (0, PAUSED, "")
    assert _paused_in_file(daily)
    assert _journaled(daily) == [{"schedule_paused": True}]
    # What the OS job runs skips, and `schedule status` says it, with how to resume.
    job = _consentinel("check", "--unattended", "--json")
    assert (job.returncode, json.loads(job.stdout)) == (0, skipped("paused")), job.stderr
    status = _consentinel("schedule", "status")
    assert (
        "Automatic checks are paused in Consentinel: consentinel schedule resume, or its Checks "
        "menu or tray menu, resumes them."
    ) in status.stdout.splitlines(), status.stdout
    # Asked again: said, and nothing saved or journaled twice.
    again = _consentinel("schedule", "pause")
    assert (again.returncode, again.stdout) == (0, "Automatic checks were already paused.\n")
    assert _journaled(daily) == [{"schedule_paused": True}]

    resumed = _consentinel("schedule", "resume")
    assert (resumed.returncode, resumed.stdout.splitlines(), resumed.stderr) == (0, RESUMED, "")
    assert not _paused_in_file(daily)
    assert _journaled(daily) == [{"schedule_paused": True}, {"schedule_paused": False}]
    again = _consentinel("schedule", "resume")
    assert (again.returncode, again.stdout) == (0, "Automatic checks are not paused.\n")
    assert "paused" not in _consentinel("schedule", "status").stdout


def test_a_window_open_meanwhile_does_not_undo_it(daily: AppPaths) -> None:
    """The window read its settings before the pause; saving a change of its own afterwards
    (its settings dialog) writes that change, not its old "not paused"."""
    window = AppContext.create(daily)
    try:
        assert _consentinel("schedule", "pause").returncode == 0
        window.settings.notifications = True
        window.save_settings()
    finally:
        window.journal.close()
    assert _paused_in_file(daily)
    assert settings_in_file(daily) == Settings(
        schedule="daily", notifications=True, schedule_paused=True
    )


def test_with_automatic_checks_off_there_is_nothing_to_pause(consentinel_home: Path) -> None:
    paths = AppPaths.under(consentinel_home).ensure()
    save_settings(paths, Settings(schedule="off"))
    done = _consentinel("schedule", "pause")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "Automatic checks are off: there is nothing to pause.\n"
    assert not _paused_in_file(paths)
    assert _journaled(paths) == []


def test_in_french(daily: AppPaths) -> None:
    paused = _consentinel("schedule", "pause", lang="fr")
    assert paused.returncode == 0, paused.stderr
    assert paused.stdout.splitlines() == [
        typeset(
            "Les vérifications automatiques sont suspendues, celles de l'application et celles "
            "de la tâche système, jusqu'à : consentinel schedule resume"
        ),
        typeset("Une fenêtre de Consentinel ouverte en ce moment suit ce choix dans la minute."),
    ]
    resumed = _consentinel("schedule", "resume", lang="fr")
    assert resumed.stdout.splitlines()[0] == typeset(
        "Les vérifications automatiques reprennent, celles de l'application et celles de la "
        "tâche système."
    )
    assert _consentinel("schedule", "resume", lang="fr").stdout == typeset(
        "Les vérifications automatiques ne sont pas suspendues.\n"
    )
