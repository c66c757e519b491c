"""X's address as the command line takes it: a settings file naming another computer is a
set-up error said before anything starts (the saved password and codes would go there), and a
simulated X on this computer is said at every check, by `doctor` and in the journal."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

import pytest

from consentinel.core.french_typography import typeset
from consentinel.core.journal import Journal
from consentinel.core.journal_entries import EntryKind
from consentinel.core.paths import AppPaths
from consentinel.simx import SimAccount
from tests.e2e._cli_support import add_account, run_cli

PASSWORD = "Zq9-origin-test-4471"


def _settings_with(home: Path, origin: str) -> Path:
    paths = AppPaths.under(home).ensure()
    paths.settings_path.write_text(json.dumps({"version": 1, "x_origin": origin}))
    return paths.settings_path


@pytest.mark.parametrize(
    "origin",
    ["http://203.0.113.9", "https://x.com@evil.example", "http://x.com.evil.example:80"],
)
def test_a_settings_file_naming_another_computer_is_refused_before_any_browser_starts(
    cli_env: dict[str, str], consentinel_home: Path, tmp_path: Path, origin: str
) -> None:
    env = {k: v for k, v in cli_env.items() if k != "CONSENTINEL_X_ORIGIN"}
    add_account(env, "gina", PASSWORD)
    settings = _settings_with(consentinel_home, origin)
    # A browser that notes it was started: a check that went on would start it (or ask it its
    # version) before any page.
    marker = tmp_path / "browser-started"
    browser = tmp_path / "browser"
    browser.write_text(f'#!/bin/sh\necho "$@" >> {marker}\nexec /usr/bin/chromium "$@"\n')
    browser.chmod(browser.stat().st_mode | stat.S_IXUSR)
    env["CONSENTINEL_BROWSER"] = str(browser)
    said = (
        f"The setting x_origin in {settings} names '{origin}', which is neither X "
        "(https://x.com) nor an address on this computer (such as http://127.0.0.1:8765): the "
        "saved passwords and 2FA codes would be sent there. Correct it, or remove it to use "
        "x.com.\n"
    )
    for args in (["check"], ["check", "--json"], ["check", "--unattended"], ["login", "gina"]):
        proc = run_cli(env, *args, check_exit=2)
        assert (proc.stdout, proc.stderr) == ("", said), args
    french = run_cli(dict(env, CONSENTINEL_LANG="fr"), "check", check_exit=2)
    assert french.stderr == typeset(
        f"Le paramètre x_origin de {settings} indique « {origin} », qui n'est ni X "
        "(https://x.com) ni une adresse de cet ordinateur (comme http://127.0.0.1:8765) : les "
        "mots de passe et codes 2FA enregistrés y seraient envoyés. Corrigez-le, ou retirez-le "
        "pour utiliser x.com.\n"
    )
    assert not marker.exists()  # no browser was started, nor asked anything
    paths = AppPaths.under(consentinel_home)
    journal = Journal.open_read_only(paths.journal_path)
    assert journal.entries(kinds=[EntryKind.RUN_STARTED]) == []  # no check began
    assert json.loads(settings.read_text())["x_origin"] == origin  # left for the person
    doctor = run_cli(env, "doctor", check_exit=1)
    assert said.strip() in doctor.stdout


def test_a_simulated_x_is_said_at_every_check_by_doctor_and_in_the_journal(
    simx: Any, cli_env: dict[str, str], consentinel_home: Path
) -> None:
    sim = simx(SimAccount(handle="hugo", password=PASSWORD))
    env = {k: v for k, v in cli_env.items() if k != "CONSENTINEL_X_ORIGIN"}
    add_account(env, "hugo", PASSWORD)
    _settings_with(consentinel_home, sim.origin + "/")
    line = f"Checking against {sim.origin}, not X (the setting x_origin).\n"
    proc = run_cli(env, "check", "--json", check_exit=0)
    assert proc.stderr.startswith(line), proc.stderr
    assert sim.mutations("hugo")  # the check did go to the simulated X
    journal = Journal.open_read_only(AppPaths.under(consentinel_home).journal_path)
    (started,) = journal.entries(kinds=[EntryKind.RUN_STARTED])
    assert started.payload["x_origin"] == sim.origin  # where the password went
    assert f"(against {sim.origin}, not X)" in run_cli(env, "log", check_exit=0).stdout
    assert f"Checking against {sim.origin}, not X (the setting x_origin)." in (
        run_cli(env, "doctor").stdout
    )
    # The variable, when no setting names an address, in French too.
    AppPaths.under(consentinel_home).settings_path.unlink()
    french = dict(env, CONSENTINEL_X_ORIGIN=sim.origin, CONSENTINEL_LANG="fr")
    proc = run_cli(french, "check", "--dry-run", check_exit=0)
    assert proc.stderr.startswith(
        typeset(
            f"Vérification auprès de {sim.origin} et non de X (la variable CONSENTINEL_X_ORIGIN)."
        )
    ), proc.stderr
