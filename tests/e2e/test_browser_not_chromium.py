"""A browser that is not Chromium (Firefox, Ubuntu's default): known by its --version before it
is saved, and, when one is set all the same, a start that fails is said in the person's words
after a launch timeout of a minute, not Playwright's English after three.

Real programs: this machine's Chromium, a Firefox stand-in script (what `firefox --version`
prints, then it waits like a browser that never answers Playwright), and Python."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import pytest

from consentinel.cli.terminal import reason_words
from consentinel.core.engine import Engine
from consentinel.core.status import Reason, Status
from consentinel.x.browser import BROWSER_ENV, LAUNCH_TIMEOUT_S
from consentinel.x.browser_program import ProgramKind, check_browser_program
from tests.e2e._engine_support import SimHarness, add_account, make_context
from tests.fixtures.fake_browsers import fake_firefox
from tests.fixtures.sandbox_fixtures import chromium

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
    monkeypatch.setenv(BROWSER_ENV, str(fake_firefox(tmp_path, "firefox")))
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
