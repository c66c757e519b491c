"""Chromium's sandbox: on for an ordinary user, and where it cannot start, the check goes on
without it and says why (the log, the doctor).

Real Chromium against simx. The tests run as root here, and Chromium cannot sandbox a browser
root runs: the ordinary user is `nobody`, the browser started through a small script that drops
to it (a stand-in for a person's own account, not for the browser). Where the tests run as an
ordinary user, the browser is started as it is, and the refused sandbox is Chromium's refusal
of root inside a user namespace where this user is root (`unshare --map-root-user`). Either
way, what refuses or runs the sandbox is Chromium itself.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.async_api import Error as PlaywrightError
from playwright.async_api import async_playwright

from consentinel.cli.main import main
from consentinel.core import doctor
from consentinel.core.context import AppContext
from consentinel.core.events import BrowserUnsandboxed
from consentinel.core.paths import AppPaths
from consentinel.core.status import Box, Status
from consentinel.x import browser_sandbox
from consentinel.x.browser import BrowserChoice, BrowserSource, launch_browser
from tests.e2e._engine_support import Recorder, SimHarness, add_account, engine, make_context
from tests.fixtures.keyring_fixtures import SecretServiceEnv, folder_vault
from tests.fixtures.sandbox_fixtures import browser_script, chromium, use_browser

pytestmark = pytest.mark.browser

ROOT = os.geteuid() == 0

#: Chromium as the user `nobody`: the folders the product gives it (its profile, its private
#: folder of browser_env) are handed over to that user first, as they would belong to a person.
_AS_NOBODY = """#!/bin/sh
for arg in "$@"; do
    case "$arg" in --user-data-dir=*) profile="${arg#--user-data-dir=}";; esac
done
mkdir -p "$profile" && chown -R 65534:65534 "$profile" && chmod a+x "$(dirname "$profile")"
[ -n "$DCONF_PROFILE" ] && chown -R 65534:65534 "$(dirname "$DCONF_PROFILE")"
exec setpriv --reuid=65534 --regid=65534 --clear-groups env HOME="$NOBODY_HOME" "{browser}" "$@"
"""


@pytest.fixture(autouse=True)
def _no_failure_kept() -> Iterator[None]:
    yield
    browser_sandbox.forget_failures()


@pytest.fixture
def ordinary_user_browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The browser as an ordinary user runs it (and Consentinel as that user would see it)."""
    if not ROOT:
        return Path(chromium())
    home = tmp_path / "nobody-home"
    home.mkdir()
    home.chmod(0o777)
    monkeypatch.setenv("NOBODY_HOME", str(home))
    monkeypatch.setattr(browser_sandbox, "runs_as_root", lambda: False)
    return use_browser(browser_script(tmp_path, "chromium-as-nobody", _AS_NOBODY), monkeypatch)


async def _sandbox_page(executable: Path) -> str:
    async with async_playwright() as pw:
        choice = BrowserChoice(executable, BrowserSource.PREFERENCE, "Chromium")
        browser = await launch_browser(pw, choice, headless=True, language="en")
        try:
            page = await browser.new_page()
            await page.goto("chrome://sandbox")
            return await page.inner_text("body")
        finally:
            await browser.close()


def _check_one(sim: SimHarness, home: Path, handle: str = "alice") -> tuple[Status, list[str]]:
    """A check of one account whose training box is on: its status, and what the engine said
    of the browser's sandbox."""
    sim.add(handle, f"pw-{handle}", boxes={Box.TRAINING: True})
    ctx = make_context(sim.origin, home)
    add_account(ctx, handle, f"pw-{handle}")
    rec = Recorder.new()
    (result,) = engine(ctx).run_check(on_event=rec.on_event).accounts
    assert not sim.box(handle, Box.TRAINING), result.message
    return result.status, [e.detail for e in rec.events if isinstance(e, BrowserUnsandboxed)]


def test_an_ordinary_user_s_browser_runs_in_its_sandbox(
    sim: SimHarness, tmp_path: Path, ordinary_user_browser: Path
) -> None:
    assert _check_one(sim, tmp_path / "home") == (Status.FIXED, [])
    assert browser_sandbox.why_unsandboxed(ordinary_user_browser) is None
    # Chromium's own page on its sandbox, in a browser started the product's way.
    said = asyncio.run(_sandbox_page(ordinary_user_browser))
    assert "You are adequately sandboxed" in said, said
    line = doctor.check_sandbox(str(ordinary_user_browser))
    assert (line.topic, line.ok) == (doctor.Topic.SANDBOX, True), line


def test_a_sandbox_that_cannot_start_is_said_and_the_check_goes_on(
    sim: SimHarness,
    tmp_path: Path,
    refusing_browser: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, logger="consentinel.x.browser_sandbox")
    status, said = _check_one(sim, tmp_path / "home")
    why = browser_sandbox.why_unsandboxed(refusing_browser)
    assert why is not None and "--no-sandbox" in why, why  # Chromium's own words
    assert (status, said) == (Status.FIXED, [why])  # the check went on, and said it once
    assert [r.getMessage() for r in caplog.records if why in r.getMessage()], caplog.text
    # The browser really ran without it, and is not asked for it again in this process: the
    # next check does not say it again.
    caplog.clear()
    assert _check_one(sim, tmp_path / "home-bob", "bob") == (Status.FIXED, [])
    said = asyncio.run(_sandbox_page(refusing_browser))
    assert "You are NOT adequately sandboxed" in said, said
    assert not caplog.records  # no second failed start
    line = doctor.check_sandbox(str(refusing_browser))
    assert (line.topic, line.ok) == (doctor.Topic.SANDBOX, False), line
    assert "--no-sandbox" in line.detail and "Google Chrome" in line.advice


def test_as_root_the_browser_is_started_without_asking_for_the_sandbox(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Chromium refuses it for root: no failed start first, and the doctor says why."""
    monkeypatch.setattr(browser_sandbox, "runs_as_root", lambda: True)
    caplog.set_level(logging.WARNING, logger="consentinel.x.browser_sandbox")
    said = asyncio.run(_sandbox_page(Path(chromium())))
    assert "You are NOT adequately sandboxed" in said
    assert browser_sandbox.why_unsandboxed(Path(chromium())) == "root"
    assert not caplog.records
    line = doctor.check_sandbox(chromium())
    assert line.ok is None and "root" in line.detail, line


def test_the_command_line_says_on_stderr_that_the_check_ran_without_it(
    sim: SimHarness,
    refusing_browser: Path,
    secret_service: SecretServiceEnv,
    consentinel_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """In the person's language, with what Chromium said; the JSON on stdout is unchanged."""
    sim.add("alice", "pw-alice", boxes={Box.TRAINING: True})
    monkeypatch.setenv("CONSENTINEL_X_ORIGIN", sim.origin)
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    ctx = AppContext.create(AppPaths.from_env(), vault=folder_vault())
    add_account(ctx, "alice", "pw-alice")
    assert main(["check", "--json"]) == 0
    out, err = capsys.readouterr()
    assert [a["status"] for a in json.loads(out)["accounts"]] == ["fixed"]
    why = browser_sandbox.why_unsandboxed(refusing_browser)
    assert why is not None
    assert f"Le bac à sable du navigateur n'a pas pu démarrer ici ({why})" in err, err


@pytest.fixture
def x_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A real X server (Xvfb) as this process's display: `consentinel login` opens its window
    there."""
    xvfb = shutil.which("Xvfb")
    assert xvfb, "Xvfb is missing: `sudo apt-get install -y xvfb`"
    server = subprocess.Popen(
        [xvfb, "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert server.stdout is not None
        display = ":" + server.stdout.readline().decode().strip()  # (written once it listens)
        monkeypatch.setenv("DISPLAY", display)
        monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
        yield display
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_sign_in_from_the_terminal_says_it_ran_without_it(
    sim: SimHarness,
    refusing_browser: Path,
    secret_service: SecretServiceEnv,
    x_server: str,
    consentinel_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`consentinel login` runs in a process of its own, where it is the first to meet the
    refusal: said on stderr, in the person's language (it was only in the log)."""
    sim.add("alice", "pw-alice")
    monkeypatch.setenv("CONSENTINEL_X_ORIGIN", sim.origin)
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    ctx = AppContext.create(AppPaths.from_env(), vault=folder_vault())
    add_account(ctx, "alice", "pw-alice")
    assert main(["login", "alice"]) == 0
    err = capsys.readouterr().err
    why = browser_sandbox.why_unsandboxed(refusing_browser)
    assert why is not None
    said = f"Le bac à sable du navigateur n'a pas pu démarrer ici ({why})\u00a0: cette connexion"
    assert err.count(said) == 1, err
    assert sim.signin_outcomes("alice") == ["success"]


#: A browser that does not start for a reason of its own (a library missing after an upgrade):
#: a stand-in, since a real one cannot be broken that way here without breaking the machine's.
_BROKEN = """#!/bin/sh
echo "{browser}: error while loading shared libraries: libnss3.so: cannot open shared object \
file: No such file or directory" >&2
exit 127
"""


def test_a_browser_that_fails_for_another_reason_is_not_taken_for_a_refused_sandbox(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its failure is said as it is, the next start still asks for the sandbox, and the doctor
    cannot tell (it is not sent to choose another browser for its sandbox)."""
    monkeypatch.setattr(browser_sandbox, "runs_as_root", lambda: False)
    broken = use_browser(browser_script(tmp_path, "chromium-broken", _BROKEN), monkeypatch)
    with pytest.raises(PlaywrightError, match="libnss3"):
        asyncio.run(_sandbox_page(broken))
    assert browser_sandbox.why_unsandboxed(broken) is None
    assert browser_sandbox.sandbox_wanted(broken)
    line = doctor.check_sandbox(str(broken))
    assert line.ok is None and "libnss3" in line.detail, line
