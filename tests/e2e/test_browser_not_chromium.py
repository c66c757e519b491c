"""A browser that is not Chromium (Firefox, Ubuntu's default): known by its --version before it
is saved; when Firefox or another program (an editor, a script) is named all the same, a check
says so at once, in the doctor's and the settings' words, instead of starting it; a start that
fails is said in the person's words after a launch timeout of a minute, not Playwright's English
after three, and a program that never ran is said as such.

Real programs: this machine's Chromium, a Firefox stand-in script (what `firefox --version`
prints, then it waits like a browser that never answers Playwright), a program that is no
browser and notes each time it is started, a Chromium that never opens, and Python."""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

import pytest

from consentinel.cli.terminal import reason_words
from consentinel.core.engine import Engine
from consentinel.core.journal import EntryKind, Journal
from consentinel.core.paths import AppPaths
from consentinel.core.settings import load_settings, save_settings
from consentinel.core.status import Reason, Status
from consentinel.x.browser import BROWSER_ENV, LAUNCH_TIMEOUT_S, BrowserChoice, BrowserSource
from consentinel.x.browser_program import (
    ProgramKind,
    check_browser_program,
    known_program_check,
    remembered_program_check,
)
from tests.e2e._cli_support import run_cli, x_with_accounts
from tests.e2e._engine_support import SimHarness, add_account, make_context
from tests.fixtures.fake_browsers import fake_firefox, never_opening_browser, not_a_browser
from tests.fixtures.sandbox_fixtures import chromium
from tests.fixtures.simx_fixtures import SimxFactory

pytestmark = pytest.mark.browser


def test_each_program_is_known_by_its_own_version_line(tmp_path: Path) -> None:
    usable = check_browser_program(Path(chromium()))
    assert usable.kind is ProgramKind.USABLE and usable.said.startswith("Chromium "), usable
    # Named "browser": its answer, not its file name, gives it away.
    firefox = check_browser_program(fake_firefox(tmp_path))
    assert firefox == (ProgramKind.FIREFOX, "Mozilla Firefox 128.0")
    other = check_browser_program(Path(sys.executable))
    assert other.kind is ProgramKind.OTHER and other.said.startswith("Python 3"), other


def test_a_program_that_does_not_answer_is_stopped_not_waited_on(tmp_path: Path) -> None:
    mute = tmp_path / "mute"
    pid_file = tmp_path / "pid"
    mute.write_text(f"#!/bin/sh\necho $$ > {pid_file}\nexec sleep 60\n")
    mute.chmod(0o755)
    assert check_browser_program(mute, timeout_s=1.0) == (ProgramKind.SILENT, "")
    with pytest.raises(ProcessLookupError):  # killed with its group, not left running
        os.kill(int(pid_file.read_text()), 0)


def test_a_program_slow_to_answer_once_is_asked_again_next_time(tmp_path: Path) -> None:
    """A Chromium whose first --version, from a cold disk, takes longer than asked: silent that
    time, kept for nothing; asked again, it is known (a verdict kept would have refused every
    check until the app was restarted). What it said is kept once it says it."""
    first = tmp_path / "first-start-done"
    slow = tmp_path / "chromium-browser"
    slow.write_text(
        f"#!/bin/sh\nif [ ! -e '{first}' ]; then touch '{first}'; exec sleep 60; fi\n"
        "echo 'Chromium 131.0.6778.85 snap'\n"
    )
    slow.chmod(0o755)
    assert remembered_program_check(slow, timeout_s=1.0).kind is ProgramKind.SILENT
    assert known_program_check(slow) is None
    assert remembered_program_check(slow) == (ProgramKind.USABLE, "Chromium 131.0.6778.85 snap")
    assert known_program_check(slow) == (ProgramKind.USABLE, "Chromium 131.0.6778.85 snap")


@pytest.mark.parametrize(
    ("lang", "said", "reason"),
    [
        (
            "en",
            "did not start (it did not open within 3 seconds; Consentinel needs Chromium, "
            "Google Chrome or Microsoft Edge)",
            "no usable browser",
        ),
        (
            "fr",
            "n'a pas démarré (il ne s'est pas ouvert en 3 secondes\u00a0; Consentinel a "
            "besoin de Chromium, Google Chrome ou Microsoft Edge)",
            "aucun navigateur utilisable",
        ),
    ],
)
def test_a_browser_that_does_not_start_is_said_in_words_and_playwright_only_in_the_log(
    sim: SimHarness,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    lang: str,
    said: str,
    reason: str,
) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    monkeypatch.setenv(BROWSER_ENV, str(never_opening_browser(tmp_path)))
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "alice", "pw")
    # A minute by default (Playwright's own is three); three seconds here.
    assert Engine(ctx).launch_timeout_s == LAUNCH_TIMEOUT_S == 60
    caplog.set_level(logging.WARNING, logger="consentinel.core.engine")
    result = Engine(ctx, headless=True, launch_timeout_s=3).run_check()
    (alice,) = result.accounts
    assert (alice.status, alice.reason) == (Status.ERROR, Reason.BROWSER_MISSING)
    assert said in alice.message, alice.message
    assert "Timeout" not in alice.message and "ms exceeded" not in alice.message
    # The reason's words do not say "no browser found" of one that was found.
    assert reason_words(Reason.BROWSER_MISSING) == reason
    # Playwright's own words are kept for whoever reads the log.
    assert "Timeout 3000ms exceeded" in caplog.text


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "is Firefox, and Consentinel needs Chromium, Google Chrome or Microsoft Edge: name "
            "one of them there, or remove that setting",
        ),
        (
            "fr",
            "est Firefox, et Consentinel a besoin de Chromium, Google Chrome ou Microsoft "
            "Edge\u00a0: indiquez-en un à la place, ou retirez ce paramètre",
        ),
    ],
)
def test_firefox_saved_before_is_said_at_once_by_a_check_without_starting_it(
    simx: SimxFactory,
    cli_env: dict[str, str],
    consentinel_home: Path,
    tmp_path: Path,
    lang: str,
    said: str,
) -> None:
    """Saved before the settings asked for its --version: `consentinel check` waited a minute
    for it, then said to run the doctor, which found it fine."""
    from consentinel.simx import SimAccount

    _sim, env = x_with_accounts(simx, cli_env, SimAccount(handle="alice", password="pw-1234"))
    del env[BROWSER_ENV]
    env["CONSENTINEL_LANG"] = lang
    firefox = fake_firefox(tmp_path, "firefox")
    paths = AppPaths.under(consentinel_home)
    settings, _warning = load_settings(paths)
    settings.browser_path = str(firefox)
    save_settings(paths, settings)
    started = time.monotonic()
    done = run_cli(env, "check")
    took = time.monotonic() - started
    assert done.returncode != 0
    assert str(firefox) in done.stdout + done.stderr and said in done.stdout + done.stderr, (
        done.stdout + done.stderr
    )
    assert took < LAUNCH_TIMEOUT_S / 4, took  # not the minute a start is given


@pytest.mark.parametrize(
    ("lang", "says", "said"),
    [
        (
            "en",
            "GNU nano, version 7.2",
            "(named by the settings) is not Chromium, Google Chrome or Microsoft Edge (it says "
            "“GNU nano, version 7.2”), the only browsers Consentinel can use: name one of them "
            "there, or remove that setting",
        ),
        (
            "fr",
            "GNU nano, version 7.2",
            "(indiqué par les paramètres) n'est ni Chromium, ni Google Chrome, ni Microsoft Edge "
            "(il répond «\u00a0GNU nano, version 7.2\u00a0»), les seuls navigateurs que "
            "Consentinel peut utiliser\u00a0: indiquez-en un à la place, ou retirez ce paramètre",
        ),
        (
            "en",
            "",
            "(named by the settings) did not say which browser it is, and Consentinel can use "
            "only Chromium, Google Chrome or Microsoft Edge: name one of them there",
        ),
        (
            "fr",
            "",
            "(indiqué par les paramètres) n'a pas dit quel navigateur il est, et Consentinel ne "
            "peut utiliser que Chromium, Google Chrome ou Microsoft Edge\u00a0: indiquez-en un",
        ),
    ],
)
def test_a_program_that_is_no_browser_is_refused_by_a_check_without_starting_it(
    simx: SimxFactory,
    cli_env: dict[str, str],
    consentinel_home: Path,
    tmp_path: Path,
    lang: str,
    says: str,
    said: str,
) -> None:
    """A text editor or a script chosen as the browser before the settings asked what it is:
    `consentinel check` started it, and said whatever error came (the doctor and the settings
    already refused it in words). Now it is not started, the check's result and its journal
    entry say why, and a real Chromium chosen then checks as ever."""
    from consentinel.simx import SimAccount

    _sim, env = x_with_accounts(simx, cli_env, SimAccount(handle="alice", password="pw-1234"))
    del env[BROWSER_ENV]
    env["CONSENTINEL_LANG"] = lang
    started = tmp_path / "started"
    program = not_a_browser(tmp_path, started, says)
    paths = AppPaths.under(consentinel_home)
    settings, _warning = load_settings(paths)
    settings.browser_path = str(program)
    save_settings(paths, settings)
    done = run_cli(env, "check")
    out = done.stdout + done.stderr
    assert done.returncode == 2, out  # a set-up problem, as no browser is
    assert f"{program} {said}" in out, out
    assert not started.exists(), started.read_text()  # asked its --version, never started
    with Journal.open(paths.journal_path) as journal:
        (entry,) = journal.entries(kinds=[EntryKind.CHECK])
    assert entry.payload["reason"] == Reason.BROWSER_MISSING.value
    assert f"{program} {said}" in entry.payload["message"], entry.payload

    settings.browser_path = chromium()
    save_settings(paths, settings)
    done = run_cli(env, "check")
    assert done.returncode == 0, done.stdout + done.stderr
    assert not started.exists()


def test_a_sign_in_by_hand_with_firefox_is_refused_at_once(
    sim: SimHarness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", "en")
    monkeypatch.setenv(BROWSER_ENV, str(fake_firefox(tmp_path)))
    ctx = make_context(sim.origin, tmp_path / "home")
    add_account(ctx, "alice", "pw")
    result = Engine(ctx, launch_timeout_s=30).login_interactive("alice", headless=True)
    assert (result.ok, result.reason) == (False, Reason.BROWSER_MISSING)
    assert "(named by the CONSENTINEL_BROWSER variable) is Firefox" in result.message


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "did not start (it could not be started (missing, or not allowed to run))"),
        (
            "fr",
            "n'a pas démarré (il n'a pas pu être lancé (absent, ou pas autorisé à s'exécuter))",
        ),
    ],
)
def test_a_browser_that_never_ran_is_not_said_to_have_closed_as_it_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    """Playwright's real errors for a program gone since it was found, and for one the system
    will not start (no execute right; a script whose interpreter is gone)."""
    import asyncio

    from playwright.async_api import Error as PlaywrightError

    from consentinel.core.check_messages import browser_failed_message
    from consentinel.x.browser import launch_browser, launch_detail, own_playwright

    monkeypatch.setenv("CONSENTINEL_LANG", lang)
    not_allowed = tmp_path / "chrome"
    not_allowed.write_text("#!/bin/sh\n")
    not_allowed.chmod(0o644)
    no_interpreter = tmp_path / "chromium"
    no_interpreter.write_text("#!/nonexistent/sh\n")
    no_interpreter.chmod(0o755)
    programs = [tmp_path / "gone" / "chrome", not_allowed, no_interpreter]

    async def errors() -> list[BaseException]:
        met: list[BaseException] = []
        async with own_playwright() as pw:
            for program in programs:
                choice = BrowserChoice(program, BrowserSource.PREFERENCE, "Chromium")
                with pytest.raises(PlaywrightError) as raised:
                    await launch_browser(pw, choice, True, 20, language=lang)
                met.append(raised.value)
        return met

    for program, error in zip(programs, asyncio.run(errors()), strict=True):
        words = browser_failed_message(str(program), launch_detail(error))
        assert said in words, (str(error)[:300], words)
