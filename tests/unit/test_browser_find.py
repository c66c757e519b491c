"""find_browser(): the order browsers are looked for, launch switches and the install command."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from consentinel.core.french_typography import typeset
from consentinel.x import browser
from consentinel.x.browser import (
    BROWSER_ENV,
    BrowserSource,
    find_browser,
    headful_user_agent,
    launch_args,
    system_candidates,
)
from consentinel.x.browser_install import install_browser, install_command


def _fake_exe(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\nexit 0\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


@pytest.fixture(autouse=True)
def _no_outside_choices(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(BROWSER_ENV, raising=False)
    monkeypatch.setenv("PLAYWRIGHT_BROWSERS_PATH", str(tmp_path / "empty-ms-playwright"))


def test_environment_wins_over_everything(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    env_exe = _fake_exe(tmp_path / "env" / "mychrome")
    pref = _fake_exe(tmp_path / "pref" / "chrome")
    monkeypatch.setenv(BROWSER_ENV, str(env_exe))
    choice = find_browser(str(pref))
    assert choice is not None
    assert choice.path == env_exe and choice.source is BrowserSource.ENVIRONMENT


def test_preference_next(tmp_path: Path) -> None:
    pref = _fake_exe(tmp_path / "pref" / "chrome")
    choice = find_browser(str(pref))
    assert choice is not None and choice.source is BrowserSource.PREFERENCE


def test_a_missing_preference_is_skipped(tmp_path: Path) -> None:
    choice = find_browser(str(tmp_path / "nothing-here"))
    assert choice is None or choice.source is not BrowserSource.PREFERENCE


def test_playwright_download_before_system_newest_revision_first(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    root = tmp_path / "ms-playwright"
    _fake_exe(root / "chromium-1100" / "chrome-linux" / "chrome")
    newest = _fake_exe(root / "chromium-1187" / "chrome-linux64" / "chrome")
    _fake_exe(root / "chromium-1200" / "chrome-linux64" / "chrome")  # unpacking cut off
    for done in ("chromium-1100", "chromium-1187"):
        (root / done / "INSTALLATION_COMPLETE").touch()
    monkeypatch.setenv("PLAYWRIGHT_BROWSERS_PATH", str(root))
    choice = find_browser(None, platform="linux")
    assert choice is not None
    assert choice.path == newest and choice.source is BrowserSource.PLAYWRIGHT


def test_system_chromium_is_found_on_this_machine() -> None:
    # The test machine has Debian's Chromium at /usr/bin/chromium (the preamble says so).
    choice = find_browser(None, platform="linux")
    assert choice is not None
    assert choice.source is BrowserSource.SYSTEM
    assert choice.path == Path("/usr/bin/chromium")


def test_nothing_found_gives_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(browser, "system_candidates", lambda platform=sys.platform: [])
    assert find_browser(None) is None


def test_candidate_lists_per_os(monkeypatch: pytest.MonkeyPatch) -> None:
    linux = [str(p) for _, p in system_candidates("linux")]
    assert linux[0] == "/usr/bin/chromium" and "/snap/bin/chromium" in linux
    mac = [str(p) for _, p in system_candidates("darwin")]
    assert any("Google Chrome.app" in p for p in mac)
    monkeypatch.setenv("PROGRAMFILES", "C:\\Program Files")
    win = [str(p) for _, p in system_candidates("win32")]
    assert any(p.endswith("chrome.exe") for p in win)
    assert any(p.endswith("msedge.exe") for p in win)


def test_launch_args_are_quiet_and_carry_no_secret() -> None:
    args = launch_args(headless=True)
    for needed in (
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
    ):
        assert needed in args
    assert not any("password" in a.lower() or "token" in a.lower() for a in args)


def test_launch_args_ask_pages_in_the_app_s_language() -> None:
    """French first and English after for a French person; English otherwise, a language the
    app does not speak included."""
    assert "--accept-lang=fr-FR,fr,en-US,en" in launch_args(headless=True, language="fr")
    for language in ("en", "de", ""):
        args = launch_args(headless=False, language=language)
        assert [a for a in args if a.startswith("--accept-lang")] == ["--accept-lang=en-US,en"]


def test_user_agent_never_says_headless() -> None:
    ua = headful_user_agent("156.0.8078.108", "linux")
    assert "HeadlessChrome" not in ua and "Chrome/156.0.0.0" in ua


def test_install_command_runs_playwrights_own_driver() -> None:
    # Not `sys.executable -m playwright`: inside a bundle sys.executable is the app itself.
    node, cli, *rest = install_command()
    assert Path(node).is_file() and os.access(node, os.X_OK)
    assert cli.endswith("cli.js") and Path(cli).is_file()
    assert rest == ["install", "--no-shell", "chromium"]


def test_install_without_internet_fails_with_a_message(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Really runs `playwright install chromium`; this machine has no internet, so it must fail
    # cleanly. Its download goes to a temporary folder so nothing outside the test changes.
    monkeypatch.setenv("PLAYWRIGHT_BROWSERS_PATH", str(tmp_path / "download"))
    monkeypatch.setenv("PLAYWRIGHT_DOWNLOAD_CONNECTION_TIMEOUT", "5000")
    monkeypatch.setattr(browser, "system_candidates", lambda platform=sys.platform: [])
    lines: list[str] = []
    outcome = install_browser(lines.append, into=tmp_path / "download")
    assert not outcome.ok
    assert "download failed" in outcome.message
    assert "Traceback" not in outcome.message
    assert os.environ["PLAYWRIGHT_BROWSERS_PATH"].endswith("download")


def test_a_failed_download_says_node_s_network_errors_in_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Playwright's downloader ends with Node's words ("Error: getaddrinfo ENOTFOUND
    cdn.playwright.dev"): English and cryptic in a French dialog."""
    from consentinel.x.browser_install import download_failed_message

    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    said = download_failed_message("Error: getaddrinfo ENOTFOUND cdn.playwright.dev")
    assert said.startswith(
        typeset(
            "Le téléchargement du navigateur a échoué : son serveur est introuvable (pas "
            "d'internet, ou un problème de DNS)."
        )
    ), said
    assert "ENOTFOUND" not in said
    refused = download_failed_message("Error: connect ECONNREFUSED 10.0.0.1:3128")
    assert "la connexion a été refusée" in refused
    # A line it has no words for is passed on as it is.
    assert "HTTP 503" in download_failed_message("Error: server returned HTTP 503")


def test_install_downloads_into_the_data_folder_with_progress(
    monkeypatch: pytest.MonkeyPatch, consentinel_home: Path
) -> None:
    from consentinel.x.browser_install import (
        InstallProgress,
        downloaded_browsers_dir,
        shown_output,
    )
    from tests.fixtures.fake_cdn import fake_cdn

    monkeypatch.setattr(browser, "system_candidates", lambda platform=sys.platform: [])
    assert find_browser(None, platform="linux") is None
    progress: list[InstallProgress] = []
    with fake_cdn() as cdn:
        monkeypatch.setenv("PLAYWRIGHT_DOWNLOAD_HOST", cdn.origin)
        output: list[str] = []
        outcome = install_browser(on_progress=progress.append, on_output=output.append)
    assert outcome.ok, outcome.message
    assert any(p.endswith("/chrome-linux64.zip") for p in cdn.requested)
    assert not any("headless-shell" in p for p in cdn.requested)  # --no-shell: 100 MB saved
    # Into Consentinel's own data folder, not Playwright's cache or anywhere else.
    assert downloaded_browsers_dir().is_relative_to(consentinel_home)
    choice = find_browser(None, platform="linux")
    assert choice is not None and choice.source is BrowserSource.PLAYWRIGHT
    assert choice.path.is_relative_to(downloaded_browsers_dir())
    # Progress: what is downloaded, named as the offer named it, then rising percentages.
    assert not any("Chrome for Testing" in p.what for p in progress)
    # What `consentinel browser install` prints of Playwright's own lines says the same.
    shown = [shown_output(line) for line in output]
    assert any(line.startswith("Downloading Chromium 1") for line in shown), output
    assert not any("Chrome for Testing" in line for line in shown)
    chromium = [p for p in progress if p.what.startswith("Chromium 1")]
    assert chromium[0].percent is None
    percents = [p.percent for p in chromium[1:]]
    assert percents == sorted(percents) and percents[-1] == 100 and len(percents) >= 3


def test_install_can_be_cancelled(monkeypatch: pytest.MonkeyPatch, consentinel_home: Path) -> None:
    import threading

    from consentinel.x.browser_install import InstallProgress
    from tests.fixtures.fake_cdn import fake_cdn

    monkeypatch.setattr(browser, "system_candidates", lambda platform=sys.platform: [])
    cancel = threading.Event()

    def on_progress(p: InstallProgress) -> None:
        if p.percent is not None:
            cancel.set()  # the person pressed Cancel once the download was under way

    with fake_cdn(padding=60_000_000) as cdn:
        monkeypatch.setenv("PLAYWRIGHT_DOWNLOAD_HOST", cdn.origin)
        outcome = install_browser(on_progress=on_progress, cancel=cancel)
    assert not outcome.ok and "cancelled" in outcome.message
    assert find_browser(None, platform="linux") is None


def test_browser_install_prints_a_line_every_tenth_not_playwright_s_output(
    monkeypatch: pytest.MonkeyPatch, consentinel_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import re

    from consentinel.cli.main import main
    from tests.fixtures.fake_cdn import fake_cdn

    monkeypatch.setattr(browser, "system_candidates", lambda platform=sys.platform: [])
    with fake_cdn() as cdn:
        monkeypatch.setenv("PLAYWRIGHT_DOWNLOAD_HOST", cdn.origin)
        assert main(["browser", "install"]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == "Chromium is installed."
    lines = err.splitlines()
    assert lines[0].startswith("Downloading Chromium into "), err
    progress = [m.groups() for line in lines if (m := re.match(r"(.+): (\d+)% of \S", line))]
    chromium = [int(p) for what, p in progress if re.fullmatch(r"Chromium 1[\d.]+", what)]
    assert chromium and chromium[-1] == 100 and chromium == sorted(set(chromium)), err
    assert all(int(p) % 10 == 0 for _, p in progress), err
    # Only those: Playwright's own lines (its bar, "Chrome for Testing") go to the log.
    assert len(lines) == 1 + len(progress), err
    assert "Chrome for Testing" not in err and "■" not in err


def test_browser_install_offline_says_so_in_words_with_what_the_command_line_can_do(
    monkeypatch: pytest.MonkeyPatch, consentinel_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No internet here: no Node stack trace on the terminal, the cause in words, and advice
    the command line can follow; a browser already found is said first (Debian's Chromium)."""
    from consentinel.cli.main import main

    monkeypatch.setenv("PLAYWRIGHT_DOWNLOAD_CONNECTION_TIMEOUT", "5000")
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    assert main(["browser", "install"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(typeset("Un navigateur est déjà trouvé (")), err
    assert "    at " not in err and "ENOTFOUND" not in err and "Error:" not in err, err
    assert "CONSENTINEL_BROWSER=" in err and "paramètres" not in err, err
