"""First run with no browser: the app offers to choose one or to download Chromium, with progress.

The download is Playwright's real installer; only its CDN, out of reach here, is replaced by a
local stand-in (tests/fixtures/fake_cdn.py), so download, progress, unpacking and finding the
result are all real.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from consentinel.core.paths import AppPaths
from consentinel.core.settings import load_settings
from consentinel.gui.browser_setup_dialog import BrowserSetupDialog
from consentinel.x import browser
from consentinel.x.browser import BROWSER_ENV, BrowserSource, find_browser
from consentinel.x.browser_install import downloaded_browsers_dir
from tests.fixtures.fake_browsers import fake_firefox
from tests.fixtures.fake_cdn import fake_cdn
from tests.gui._app_support import make_context, running_app


@pytest.fixture
def no_browser(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """A computer with no Chrome, Edge or Chromium, and nothing downloaded yet."""
    monkeypatch.delenv(BROWSER_ENV, raising=False)
    monkeypatch.setenv("PLAYWRIGHT_BROWSERS_PATH", str(tmp_path / "ms-playwright"))
    monkeypatch.setattr(browser, "system_candidates", lambda platform=sys.platform: [])
    assert find_browser() is None
    yield


def _dialog_of(controller: object) -> BrowserSetupDialog:
    dialog = controller.browser_dialog  # type: ignore[attr-defined]
    assert isinstance(dialog, BrowserSetupDialog)
    return dialog


def test_first_run_without_a_browser_downloads_chromium_with_progress(
    qtbot: QtBot, consentinel_home: Path, no_browser: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = make_context(consentinel_home)
    with fake_cdn() as cdn, running_app(qtbot, ctx) as app:
        monkeypatch.setenv("PLAYWRIGHT_DOWNLOAD_HOST", cdn.origin)
        qtbot.waitUntil(lambda: app.browser_dialog is not None and app.browser_dialog.isVisible())
        dialog = _dialog_of(app)
        assert dialog.download_button.isDefault()
        seen: list[int] = []
        dialog.bar.valueChanged.connect(seen.append)
        with qtbot.waitSignal(dialog.accepted, timeout=120_000):
            qtbot.mouseClick(dialog.download_button, Qt.MouseButton.LeftButton)
            assert dialog.cancel_button.isVisible() and not dialog.download_button.isVisible()
        # Each file Playwright fetches (Chromium, then its FFmpeg) rises to 100 %.
        runs: list[list[int]] = [[]]
        for value in seen:
            if runs[-1] and value < runs[-1][-1]:
                runs.append([])
            runs[-1].append(value)
        assert len(runs) >= 1 and all(run[-1] == 100 and len(run) >= 3 for run in runs), seen
        assert "browser is ready" in app.window.statusBar().currentMessage()
    choice = find_browser(ctx.settings.browser_path)
    assert choice is not None and choice.source is BrowserSource.PLAYWRIGHT
    assert choice.path.is_relative_to(downloaded_browsers_dir())
    assert downloaded_browsers_dir().is_relative_to(consentinel_home)


def test_a_failed_download_says_so_and_offers_the_choices_again(
    qtbot: QtBot, consentinel_home: Path, no_browser: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Nothing listens on port 9 of this machine: the download fails as it would offline.
    monkeypatch.setenv("PLAYWRIGHT_DOWNLOAD_HOST", "http://127.0.0.1:9")
    ctx = make_context(consentinel_home)
    dialog = BrowserSetupDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.download.finished, timeout=120_000):
        dialog.start_download()
    assert "download failed" in dialog.status.text()
    assert "\n" not in dialog.status.text() and "Traceback" not in dialog.status.text()
    assert dialog.download_button.isVisible() and dialog.choose_button.isVisible()
    assert dialog.download_button.text() == "&Try the download again"
    assert not dialog.cancel_button.isVisible() and dialog.isVisible()
    assert find_browser() is None


def test_choosing_an_installed_browser_saves_it(
    qtbot: QtBot, consentinel_home: Path, no_browser: None, tmp_path: Path
) -> None:
    ctx = make_context(consentinel_home)
    dialog = BrowserSetupDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    not_a_program = tmp_path / "notes.txt"
    not_a_program.write_text("hello")
    assert dialog.use_browser(str(not_a_program)) is False
    assert "not a program" in dialog.status.text() and dialog.isVisible()
    assert ctx.settings.browser_path is None
    with qtbot.waitSignal(dialog.accepted):
        assert dialog.use_browser("/usr/bin/chromium") is True
    saved, _warning = load_settings(AppPaths.under(consentinel_home))  # read back from the file
    assert saved.browser_path == "/usr/bin/chromium"
    choice = find_browser(saved.browser_path)
    assert choice is not None and choice.source is BrowserSource.PREFERENCE


def test_firefox_or_another_program_is_refused_by_name_and_not_saved(
    qtbot: QtBot, consentinel_home: Path, no_browser: None, tmp_path: Path
) -> None:
    """Firefox, Ubuntu's default, was taken: every check then waited three minutes for it."""
    ctx = make_context(consentinel_home)
    dialog = BrowserSetupDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.use_browser(str(fake_firefox(tmp_path))) is False
    assert dialog.status.text() == (
        "Firefox cannot be used: Consentinel needs Chromium, Google Chrome or Microsoft Edge."
    )
    assert dialog.isVisible() and ctx.settings.browser_path is None
    assert dialog.use_browser(sys.executable) is False
    said = dialog.status.text()
    assert "is not Chromium, Google Chrome or Microsoft Edge (it says “Python 3." in said, said
    saved, _warning = load_settings(AppPaths.under(consentinel_home))
    assert saved.browser_path is None and find_browser(saved.browser_path) is None


def test_the_settings_refuse_firefox_as_the_browser(
    qtbot: QtBot, consentinel_home: Path, tmp_path: Path
) -> None:
    from consentinel.gui.settings_dialog import SettingsDialog

    ctx = make_context(consentinel_home)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.browser_custom.setChecked(True)
    dialog.browser_path.setFocus()
    dialog.browser_path.setText(str(fake_firefox(tmp_path)))
    dialog.show_browser.setFocus()  # editing the path ends: the program is asked
    assert not dialog.save_button.isEnabled()
    assert dialog.browser_error.text().startswith("Firefox cannot be used")
    dialog.browser_path.setText("/usr/bin/chromium")
    assert dialog.save_button.isEnabled() and not dialog.browser_error.isVisible()


def test_the_settings_ask_the_program_once_typed_never_at_each_keystroke(
    qtbot: QtBot, consentinel_home: Path, tmp_path: Path
) -> None:
    """At each keystroke forming a program's path the window ran `<path> --version` and waited
    for it, up to ten seconds for one that hangs. Now: once the path is typed (editing ends),
    chosen, or saved, and once per version of the file; Firefox is still refused on Save."""
    from consentinel.gui.settings_dialog import SettingsDialog

    asked = tmp_path / "asked"
    firefox = fake_firefox(tmp_path, "firefox", asked=asked)
    times_asked = lambda: len(asked.read_text().splitlines()) if asked.exists() else 0  # noqa: E731
    ctx = make_context(consentinel_home)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.browser_custom.setChecked(True)
    dialog.browser_path.clear()
    qtbot.keyClicks(dialog.browser_path, str(firefox))
    assert dialog.browser_path.text() == str(firefox)
    assert times_asked() == 0 and not dialog.browser_error.isVisible()
    # Save asks it, refuses it, and saves nothing.
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert times_asked() == 1 and dialog.isVisible()
    assert dialog.browser_error.text().startswith("Firefox cannot be used")
    assert not dialog.save_button.isEnabled() and ctx.settings.browser_path is None
    # The verdict is kept for this version of the file: typing the path again asks nothing,
    # and says it at once.
    dialog.browser_path.clear()
    qtbot.keyClicks(dialog.browser_path, str(firefox))
    assert times_asked() == 1 and dialog.browser_error.text().startswith("Firefox cannot")
    # A new version of the file is asked again once typed (editing ends).
    firefox.write_text(firefox.read_text() + "# updated\n")
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.browser_path.setFocus()
    dialog.browser_path.setText(str(firefox) + " ")
    assert times_asked() == 1
    dialog.show_browser.setFocus()  # editing ends
    assert times_asked() == 2 and dialog.browser_error.text().startswith("Firefox cannot")


def test_no_offer_when_a_browser_is_found(qtbot: QtBot, consentinel_home: Path) -> None:
    ctx = make_context(consentinel_home)
    with running_app(qtbot, ctx) as app:
        QApplication.processEvents()  # the start-up's queued calls run (none may open it)
        QApplication.processEvents()
        assert app.browser_dialog is None
