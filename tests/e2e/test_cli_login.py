"""`consentinel login HANDLE`: the sign-in in a browser window the person can see, from a terminal.

Real processes, a real Secret Service keyring, real Chromium against the simulated X. The window
test runs the command under Xvfb (a real X server: Chromium opens a real window in it).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from consentinel.simx import SimAccount
from tests.e2e._cli_support import CLI, run_cli, x_with_accounts
from tests.e2e.test_cli import PASSWORD, grep_for_secrets


def _without_screen(env: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in env.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "no graphical desktop was found"), ("fr", "aucun bureau graphique n'a été trouvé")],
)
def test_login_without_a_screen_says_so_and_starts_no_browser(
    simx: Any, cli_env: dict[str, str], lang: str, words: str
) -> None:
    screenless = _without_screen(dict(cli_env, CONSENTINEL_LANG=lang))
    sim, env = x_with_accounts(simx, screenless, SimAccount(handle="erin", password=PASSWORD))

    proc = run_cli(env, "login", "erin", check_exit=2)

    assert words in proc.stderr
    assert "Traceback" not in proc.stderr
    # Not the misleading "no browser was found", and nothing reached X.
    assert "Chromium" not in proc.stderr
    assert sim.signin_attempts("erin") == []


@pytest.mark.browser
def test_login_in_a_window_under_xvfb_saves_a_session_the_next_check_uses(
    simx: Any, cli_env: dict[str, str], consentinel_home: Path
) -> None:
    xvfb_run = shutil.which("xvfb-run")
    assert xvfb_run, "xvfb-run is missing: `sudo apt-get install -y xvfb xauth`"
    fred = SimAccount(
        handle="fred",
        password=PASSWORD,
        boxes={"training": True, "personalization": False, "memory": False},
    )
    sim, env = x_with_accounts(simx, _without_screen(cli_env), fred)

    # xvfb-run gives the command (and only it) a real X server: Chromium opens a visible window
    # there, Consentinel types the saved password in it, and X's home page ends the wait.
    login = subprocess.run(
        [xvfb_run, "-a", CLI, "login", "fred"], capture_output=True, text=True, env=env, timeout=180
    )
    assert login.returncode == 0, (login.stdout, login.stderr)
    # The person is told what is happening before the window opens, then how it ended.
    assert "A browser window opens on X's sign-in page for @fred" in login.stderr
    assert "@fred is signed in; the session is saved." in login.stdout
    assert len(sim.signin_attempts("fred")) == 1
    sessions = consentinel_home / "data" / "sessions"
    assert any(sessions.iterdir())

    # The saved session is the one the next (headless, screenless) check uses: no new sign-in.
    check = run_cli(env, "check", "--json", check_exit=0)
    assert '"status": "fixed"' in check.stdout
    assert len(sim.signin_attempts("fred")) == 1
    assert sim.boxes("fred")["training"] is False

    grep_for_secrets(
        consentinel_home, [login.stdout, login.stderr, check.stdout, check.stderr], [PASSWORD]
    )


@pytest.mark.browser
def test_login_waits_while_a_check_runs_then_signs_in(
    simx: Any, cli_env: dict[str, str], consentinel_home: Path
) -> None:
    """One sign-in at a time (x-reference §4): a check under way (here its lock, held by this
    test as the app's or the scheduled check would) may be signing in; `login` says it waits,
    sends nothing to X meanwhile, and goes on once the check ends."""
    from consentinel.core.lock import RunLock
    from consentinel.core.paths import AppPaths

    xvfb_run = shutil.which("xvfb-run")
    assert xvfb_run, "xvfb-run is missing: `sudo apt-get install -y xvfb xauth`"
    gail = SimAccount(handle="gail", password=PASSWORD)
    sim, env = x_with_accounts(simx, _without_screen(cli_env), gail)
    lock = RunLock(AppPaths.under(consentinel_home).lock_path)
    assert lock.acquire(wait=False)
    login = subprocess.Popen(
        [xvfb_run, "-a", CLI, "login", "gail"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert login.stderr is not None
        first_line = login.stderr.readline()  # blocks until the command says something
        assert first_line.startswith("Checking against http://127.0.0.1:")  # (a simulated X)
        waiting = login.stderr.readline()
        assert "Another check is running" in waiting and "waiting for it to end" in waiting
        assert login.poll() is None and sim.signin_attempts("gail") == []
    finally:
        lock.release()
    out, err = login.communicate(timeout=180)
    assert login.returncode == 0, (out, err)
    assert "@gail is signed in; the session is saved." in out
    assert [a["outcome"] for a in sim.signin_attempts("gail")] == ["success"]
