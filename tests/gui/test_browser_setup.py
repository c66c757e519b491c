"""First run with no browser: the app offers to choose one or to download Chromium, with progress.

The download is Playwright's real installer; only its CDN, out of reach here, is replaced by a
local stand-in (tests/fixtures/fake_cdn.py), so download, progress, unpacking and finding the
result are all real.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from consentinel.core.context import AppContext
from consentinel.core.journal_entries import EntryKind
from consentinel.core.paths import AppPaths
from consentinel.core.settings import load_settings
from consentinel.core.status import Reason, Status
from consentinel.core.vault import MemoryKeyring, Vault
from consentinel.gui.app_controller import AppController
from consentinel.gui.browser_setup_dialog import BrowserSetupDialog, program_check_problem
from consentinel.gui.settings_dialog import SettingsDialog
from consentinel.gui.translations import Translators
from consentinel.simx import SimAccount
from consentinel.x import browser
from consentinel.x.browser import BROWSER_ENV, BrowserSource, find_browser
from consentinel.x.browser_install import downloaded_browsers_dir
from consentinel.x.browser_program import ProgramCheck, ProgramKind
from tests.fixtures.fake_browsers import fake_firefox, not_a_browser, slow_browser
from tests.fixtures.fake_cdn import fake_cdn
from tests.fixtures.simx_fixtures import SimxFactory
from tests.gui._app_support import add_account, make_context, running_app


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
    dialog.use_browser(str(not_a_program))  # (said at once: nothing to ask)
    assert "not a program" in dialog.status.text() and dialog.isVisible()
    assert ctx.settings.browser_path is None and not dialog.checking
    with qtbot.waitSignal(dialog.accepted):
        dialog.use_browser("/usr/bin/chromium")
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
    dialog.use_browser(str(fake_firefox(tmp_path)))
    qtbot.waitUntil(lambda: not dialog.checking)  # (asked in a thread)
    assert dialog.status.text() == (
        "Firefox cannot be used: Consentinel needs Chromium, Google Chrome or Microsoft Edge."
    )
    assert dialog.isVisible() and ctx.settings.browser_path is None
    assert dialog.download_button.isEnabled() and dialog.choose_button.isEnabled()
    dialog.use_browser(sys.executable)
    qtbot.waitUntil(lambda: not dialog.checking)
    said = dialog.status.text()
    assert "is not Chromium, Google Chrome or Microsoft Edge (it says “Python 3." in said, said
    saved, _warning = load_settings(AppPaths.under(consentinel_home))
    assert saved.browser_path is None and find_browser(saved.browser_path) is None


@pytest.mark.browser
def test_chromium_downloaded_after_a_refused_firefox_is_the_one_the_next_check_uses(
    qtbot: QtBot,
    consentinel_home: Path,
    no_browser: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    simx: SimxFactory,
) -> None:
    """Firefox saved as the browser: a check is refused, and the dialog offers Chromium. Once
    downloaded, it said "Chromium is ready: checks can start." while the settings still named
    Firefox, which find_browser() prefers: the next check was refused again, the dialog back.
    The refused choice is let go (saved, and journaled as a settings change), and the next
    check runs in the Chromium downloaded."""
    sim = simx(SimAccount("dora", "pw-dora"))
    ctx = make_context(consentinel_home, sim.origin)
    firefox = fake_firefox(tmp_path, "firefox")
    ctx.settings.browser_path = str(firefox)
    ctx.save_settings()
    add_account(ctx, "dora", "pw-dora")
    with fake_cdn() as cdn, running_app(qtbot, ctx) as app:
        monkeypatch.setenv("PLAYWRIGHT_DOWNLOAD_HOST", cdn.origin)
        window = app.window
        with qtbot.waitSignal(app.runner.run_finished, timeout=120_000) as refused:
            window.check_all()
        (dora,) = refused.args[0].accounts
        assert dora.reason is Reason.BROWSER_MISSING and "Firefox" in dora.message
        qtbot.waitUntil(lambda: app.browser_dialog is not None and app.browser_dialog.isVisible())
        dialog = _dialog_of(app)
        with qtbot.waitSignal(dialog.accepted, timeout=120_000):
            qtbot.mouseClick(dialog.download_button, Qt.MouseButton.LeftButton)
        assert dialog.status.text() == "Chromium is ready: checks can start."
        saved, _warning = load_settings(AppPaths.under(consentinel_home))  # read back
        assert saved.browser_path is None and ctx.settings.browser_path is None
        choice = find_browser(ctx.settings.browser_path)
        assert choice is not None and choice.source is BrowserSource.PLAYWRIGHT
        assert choice.path.is_relative_to(downloaded_browsers_dir())
        changed = ctx.journal.entries(kinds=[EntryKind.SETTINGS_CHANGED])
        assert [entry.payload for entry in changed] == [{"browser_path": None}]
        qtbot.waitUntil(lambda: app.browser_dialog is None)
        with qtbot.waitSignal(app.runner.run_finished, timeout=120_000) as checked:
            window.check_all()
        (dora,) = checked.args[0].accounts
        assert (dora.status, dora.reason) == (Status.FIXED, None), dora.message
        assert sim.boxes("dora")["training"] is False
        assert app.browser_dialog is None  # not offered again


def test_chromium_downloaded_while_the_environment_names_firefox_says_what_checks_use(
    qtbot: QtBot,
    consentinel_home: Path,
    no_browser: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """CONSENTINEL_BROWSER comes before Chromium downloaded: naming Firefox, it is still what
    checks use, and the dialog must not say "checks can start"; it says what to do."""
    firefox = fake_firefox(tmp_path, "firefox")
    monkeypatch.setenv(BROWSER_ENV, str(firefox))
    ctx = make_context(consentinel_home)
    with fake_cdn() as cdn:
        monkeypatch.setenv("PLAYWRIGHT_DOWNLOAD_HOST", cdn.origin)
        dialog = BrowserSetupDialog(ctx)
        qtbot.addWidget(dialog)
        dialog.show()
        with qtbot.waitSignal(dialog.download.finished, timeout=120_000):
            dialog.start_download()
    assert dialog.status.text() == (
        f"Chromium is downloaded, but checks use the program that CONSENTINEL_BROWSER names "
        f"({firefox}) before it: remove CONSENTINEL_BROWSER from the environment, then start "
        "Consentinel again."
    )
    assert dialog.isVisible() and dialog.result() != BrowserSetupDialog.DialogCode.Accepted
    layout = dialog.layout()  # tall enough for its lines: the intro's were cut off
    assert layout is not None and dialog.height() >= layout.totalHeightForWidth(dialog.width())
    monkeypatch.delenv(BROWSER_ENV)
    choice = find_browser(ctx.settings.browser_path)  # (downloaded all the same)
    assert choice is not None and choice.source is BrowserSource.PLAYWRIGHT


def _setup_dialog(qtbot: QtBot, consentinel_home: Path) -> BrowserSetupDialog:
    dialog = BrowserSetupDialog(make_context(consentinel_home))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_slow_program_chosen_is_asked_while_the_dialog_answers(
    qtbot: QtBot, consentinel_home: Path, no_browser: None, tmp_path: Path
) -> None:
    """The program chosen with "Choose a browser…" was asked --version on the app's thread:
    one slow to answer (or hanging, up to ten seconds) froze the app. Now it is asked in a
    thread, the dialog says it is checking and keeps Download waiting, and saves the program
    once it says it is Chromium."""
    gate = tmp_path / "answer"
    slow = slow_browser(tmp_path, gate)
    dialog = _setup_dialog(qtbot, consentinel_home)
    ctx = dialog.ctx
    ticks: list[int] = []
    timer = QTimer(dialog)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    try:
        dialog.use_browser(str(slow))
        assert dialog.checking and dialog.status.isVisible()
        assert dialog.status.text() == (
            f"Checking that {slow} is Chromium, Google Chrome or Microsoft Edge…"
        )
        assert dialog.status.styleSheet() == ""  # not said as an error
        assert not dialog.download_button.isEnabled()  # it waits for the answer
        assert dialog.choose_button.isEnabled() and dialog.later_button.isEnabled()
        qtbot.waitUntil(gate.with_name("answer.asked").exists)  # the program runs…
        qtbot.waitUntil(lambda: len(ticks) >= 5)  # …and the dialog's timers still fire
        assert dialog.checking and dialog.isVisible() and not gate.exists()
        assert ctx.settings.browser_path is None
    finally:
        gate.touch()
    with qtbot.waitSignal(dialog.accepted):
        pass
    saved, _warning = load_settings(AppPaths.under(consentinel_home))
    assert saved.browser_path == str(slow)


def test_an_answer_for_a_program_chosen_before_is_ignored(
    qtbot: QtBot, consentinel_home: Path, no_browser: None, tmp_path: Path
) -> None:
    """A slow Chromium chosen, then Firefox: Firefox is refused with its words, and Chromium's
    late answer saves nothing (it is no longer the choice). A slow Firefox chosen, then a
    slow Chromium: Firefox's answer says nothing of Chromium. "Not now" while a program is
    asked: its answer saves nothing."""
    gate = tmp_path / "chromium"
    chromium = slow_browser(tmp_path, gate)
    dialog = _setup_dialog(qtbot, consentinel_home)
    ctx = dialog.ctx
    accepted: list[int] = []
    dialog.accepted.connect(lambda: accepted.append(1))
    dialog.use_browser(str(chromium))
    assert dialog.checking
    try:
        dialog.use_browser(str(fake_firefox(tmp_path)))  # chosen again meanwhile
        qtbot.waitUntil(lambda: dialog.status.text().startswith("Firefox cannot be used"))
        assert not dialog.checking and dialog.download_button.isEnabled()
    finally:
        with qtbot.waitSignal(dialog._probe.answered):
            gate.touch()
    assert not accepted and dialog.isVisible() and ctx.settings.browser_path is None
    assert dialog.status.text().startswith("Firefox cannot be used")

    firefox_gate = tmp_path / "firefox"
    firefox = slow_browser(tmp_path, firefox_gate, says="Mozilla Firefox 128.0", name="firefox2")
    chromium_gate = tmp_path / "chromium2"
    chromium2 = slow_browser(tmp_path, chromium_gate)
    try:
        dialog.use_browser(str(firefox))
        dialog.use_browser(str(chromium2))
        with qtbot.waitSignal(dialog._probe.answered):
            firefox_gate.touch()
        assert dialog.checking and not dialog.download_button.isEnabled()
        assert dialog.status.text().startswith(f"Checking that {chromium2} is")
        # "Not now" while Chromium is asked: closed, and nothing saved once it answers.
        qtbot.mouseClick(dialog.later_button, Qt.MouseButton.LeftButton)
        assert not dialog.isVisible()
    finally:
        with qtbot.waitSignal(dialog._probe.answered):
            chromium_gate.touch()
    assert not accepted and ctx.settings.browser_path is None
    assert load_settings(AppPaths.under(consentinel_home))[0].browser_path is None


def test_the_settings_refuse_firefox_as_the_browser(
    qtbot: QtBot, consentinel_home: Path, tmp_path: Path
) -> None:
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
    qtbot.waitUntil(lambda: dialog.browser_error.text().startswith("Firefox cannot be used"))
    assert not dialog.save_button.isEnabled() and not dialog.browser_checking.isVisible()
    dialog.browser_path.setText("/usr/bin/chromium")
    assert dialog.save_button.isEnabled() and not dialog.browser_error.isVisible()


def test_the_settings_ask_the_program_once_typed_never_at_each_keystroke(
    qtbot: QtBot, consentinel_home: Path, tmp_path: Path
) -> None:
    """At each keystroke forming a program's path the window ran `<path> --version` and waited
    for it, up to ten seconds for one that hangs. Now: once the path is typed (editing ends),
    chosen, or saved, and once per version of the file; Firefox is still refused on Save."""
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
    qtbot.waitUntil(lambda: dialog.browser_error.text().startswith("Firefox cannot be used"))
    assert times_asked() == 1 and dialog.isVisible()
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
    qtbot.waitUntil(lambda: times_asked() == 2)
    qtbot.waitUntil(lambda: dialog.browser_error.text().startswith("Firefox cannot"))


def _settings_with_a_path(qtbot: QtBot, consentinel_home: Path, path: Path) -> SettingsDialog:
    """The settings dialog shown, the browser path typed in (editing not ended yet)."""
    dialog = SettingsDialog(make_context(consentinel_home))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.browser_custom.setChecked(True)
    dialog.browser_path.setFocus()
    dialog.browser_path.setText(str(path))
    return dialog


def test_the_settings_ask_a_slow_program_while_the_window_answers(
    qtbot: QtBot, consentinel_home: Path, tmp_path: Path
) -> None:
    """The program typed was asked --version on the window's thread: one slow to answer (or
    hanging, up to ten seconds) froze the window. Now it is asked in a thread, the dialog says
    it is checking, and the window answers meanwhile."""
    gate = tmp_path / "answer"
    slow = slow_browser(tmp_path, gate)
    dialog = _settings_with_a_path(qtbot, consentinel_home, slow)
    ticks: list[int] = []
    timer = QTimer(dialog)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    try:
        dialog.show_browser.setFocus()  # editing the path ends: the program is asked
        assert dialog.browser_checking.isVisible() and not dialog.browser_error.isVisible()
        assert dialog.browser_checking.text() == (
            "Checking that this program is Chromium, Chrome or Edge…"
        )
        qtbot.waitUntil(gate.with_name("answer.asked").exists)  # the program runs…
        qtbot.waitUntil(lambda: len(ticks) >= 5)  # …and the window's timers still fire
        assert dialog.browser_checking.isVisible() and not gate.exists()
    finally:
        gate.touch()
    qtbot.waitUntil(lambda: not dialog.browser_checking.isVisible())
    assert dialog.save_button.isEnabled() and not dialog.browser_error.isVisible()
    # Its verdict is kept for this version of the file: typed again, nothing is asked.
    dialog.browser_path.setText("")
    dialog.browser_path.setText(str(slow))
    assert not dialog.browser_checking.isVisible() and dialog.save_button.isEnabled()


def test_save_waits_for_a_slow_program_and_saves_once_it_is_a_browser(
    qtbot: QtBot, consentinel_home: Path, tmp_path: Path
) -> None:
    gate = tmp_path / "answer"
    slow = slow_browser(tmp_path, gate)
    dialog = _settings_with_a_path(qtbot, consentinel_home, slow)
    ctx = dialog._ctx
    try:
        qtbot.keyClick(dialog.browser_path, Qt.Key.Key_Return)  # editing ends, and Save
        assert dialog.isVisible() and ctx.settings.browser_path is None
        assert dialog.browser_checking.text() == (
            "Checking that this program is Chromium, Chrome or Edge… The settings will be saved "
            "once it has answered."
        )
        assert not dialog.save_button.isEnabled()  # pressed once: it waits
    finally:
        gate.touch()
    with qtbot.waitSignal(dialog.accepted):
        pass
    saved, _warning = load_settings(ctx.paths)
    assert saved.browser_path == str(slow)


def test_a_slow_answer_counts_only_for_the_path_it_was_asked_for(
    qtbot: QtBot, consentinel_home: Path, tmp_path: Path
) -> None:
    """Firefox slow to answer, Save pressed, then another path typed: the settings are not
    saved when Firefox answers, and its verdict is not said of the new path (it is kept for
    Firefox's path, should it come back). Firefox saved and answering late is refused; a
    Cancel while it is asked saves nothing."""
    gate = tmp_path / "answer"
    firefox = slow_browser(tmp_path, gate, says="Mozilla Firefox 128.0", name="firefox")
    dialog = _settings_with_a_path(qtbot, consentinel_home, firefox)
    ctx = dialog._ctx
    saved: list[int] = []
    dialog.settingsChanged.connect(lambda: saved.append(1))
    try:
        dialog.save_button.click()
        assert dialog.browser_checking.isVisible() and not dialog.save_button.isEnabled()
        dialog.browser_path.setText(str(tmp_path / "chrome"))  # typed on: no such program
        assert not dialog.browser_checking.isVisible()
        assert dialog.browser_error.text().endswith("is not a program that can be started.")
        edge = tmp_path / "msedge"
        edge.write_text('#!/bin/sh\necho "Microsoft Edge 131.0.2903.70"\n')
        edge.chmod(0o755)
        dialog.browser_path.setText("")
        qtbot.keyClicks(dialog.browser_path, str(edge))  # a program not asked yet
        assert not dialog.browser_error.isVisible() and dialog.save_button.isEnabled()
    finally:
        with qtbot.waitSignal(dialog._probe.answered):
            gate.touch()
    assert not dialog.browser_error.isVisible() and dialog.save_button.isEnabled()
    assert not saved and dialog.isVisible() and ctx.settings.browser_path is None
    # Firefox's path again: its verdict is said at once, and Save refuses it.
    dialog.browser_path.setText(str(firefox))
    assert dialog.browser_error.text().startswith("Firefox cannot be used")
    assert not dialog.save_button.isEnabled()
    # A new version of Firefox, slow again: Save waits, then refuses it.
    gate.unlink()
    firefox.write_text(firefox.read_text() + "# updated\n")
    dialog.browser_path.setText(str(firefox) + " ")
    dialog.save_button.click()
    assert dialog.browser_checking.isVisible()
    with qtbot.waitSignal(dialog._probe.answered):
        gate.touch()
    assert dialog.browser_error.text().startswith("Firefox cannot be used")
    assert not saved and dialog.isVisible() and not dialog.save_button.isEnabled()
    # Cancel while a slow Chromium is asked after Save: nothing saved once it answers.
    gate.unlink()
    chromium = slow_browser(tmp_path, gate)
    dialog.browser_path.setText(str(chromium))
    dialog.save_button.click()
    assert dialog.browser_checking.isVisible()
    dialog.reject()
    with qtbot.waitSignal(dialog._probe.answered):
        gate.touch()
    assert not saved and ctx.settings.browser_path is None
    assert load_settings(ctx.paths)[0].browser_path is None


@pytest.mark.parametrize(
    ("language", "said"),
    [
        (
            "en",
            "The browser chosen in the settings, {path}, is Firefox: Consentinel cannot use it, "
            "and no check can start. In Settings, choose Chrome, Edge or Chromium, or “Find a "
            "browser automatically” to let Consentinel find one.",
        ),
        (
            "fr",
            "Le navigateur choisi dans les paramètres, {path}, est Firefox\u00a0: Consentinel ne "
            "peut pas l'utiliser, et aucune vérification ne peut commencer. Dans les Paramètres, "
            "choisissez Chrome, Edge ou Chromium, ou «\u00a0Trouver un navigateur "
            "automatiquement\u00a0» pour que Consentinel en trouve un.",
        ),
    ],
)
def test_firefox_saved_before_it_was_refused_is_said_once_the_window_is_up(
    qtbot: QtBot,
    consentinel_home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    said: str,
) -> None:
    """An older version's settings.json naming Firefox: only a check (after a wait) or the
    doctor said it. Now the window does, after its first frame (the program is asked in a
    thread then, never before), in the status bar and in the box of problems found at start;
    the Settings dialog says it of the path too."""
    monkeypatch.delenv(BROWSER_ENV, raising=False)  # the settings' browser is the one used
    asked = tmp_path / "asked"
    firefox = fake_firefox(tmp_path, "firefox", asked=asked)
    paths = AppPaths.under(consentinel_home).ensure()
    paths.settings_path.write_text(
        json.dumps({"version": 1, "schedule": "off", "browser_path": str(firefox)})
    )
    ctx = AppContext.create(paths, vault=Vault(MemoryKeyring()))
    assert ctx.settings.browser_path == str(firefox)
    asked_at_first_frame: list[bool] = []
    translators = Translators()
    translators.switch(language)
    controller = AppController(ctx, translators, use_tray=False)
    controller.on_quit = lambda: None
    controller.window.first_painted.connect(lambda: asked_at_first_frame.append(asked.exists()))
    qtbot.addWidget(controller.window)
    try:
        controller.start()
        qtbot.waitUntil(
            lambda: controller.window.findChild(QMessageBox, "start_warnings") is not None
        )
        words = said.replace("{path}", str(firefox))
        box = controller.window.findChild(QMessageBox, "start_warnings")
        assert box.isVisible() and box.text() == words
        assert controller.window.statusBar().currentMessage() == words
        assert asked_at_first_frame == [False]  # asked after the first frame, not before
        box.accept()
        settings = SettingsDialog(ctx, controller.window)
        settings.settingsChanged.connect(controller.window.settings_saved)  # as show_settings
        qtbot.addWidget(settings)
        settings.show()
        qtbot.waitUntil(settings.browser_error.isVisible)
        assert settings.browser_error.text() == (
            "Firefox cannot be used: Consentinel needs Chromium, Google Chrome or Microsoft Edge."
            if language == "en"
            else "Firefox ne peut pas être utilisé\u00a0: Consentinel a besoin de Chromium, "
            "Google Chrome ou Microsoft Edge."
        )
        # Another browser chosen: the status bar no longer says it.
        settings.browser_auto.setChecked(True)
        with qtbot.waitSignal(settings.accepted):
            settings.save_button.click()
        assert controller.window.statusBar().currentMessage() == ""
    finally:
        controller.shutdown()
        translators.switch("en")


def test_a_chromium_saved_in_the_settings_is_not_warned_about(
    qtbot: QtBot, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(BROWSER_ENV, raising=False)
    ctx = make_context(consentinel_home)
    ctx.settings.browser_path = "/usr/bin/chromium"
    with running_app(qtbot, ctx) as app:
        qtbot.waitUntil(lambda: app.chosen_browser_probe is not None)
        probe = app.chosen_browser_probe
        if probe.asking("/usr/bin/chromium"):
            with qtbot.waitSignal(probe.answered, timeout=15_000):
                pass
        QApplication.processEvents()
        assert app.window.findChild(QMessageBox, "start_warnings") is None
        assert "Firefox" not in app.window.statusBar().currentMessage()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_another_program_saved_as_the_browser_is_said_once_the_window_is_up(
    qtbot: QtBot,
    consentinel_home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
) -> None:
    """A program that is no browser saved in the settings (a check refuses it before starting
    it): the window says so too, after its first frame, without starting it."""
    monkeypatch.delenv(BROWSER_ENV, raising=False)
    started = tmp_path / "started"
    program = not_a_browser(tmp_path, started, says="gedit 44.2", name="gedit")
    ctx = make_context(consentinel_home)
    ctx.settings.browser_path = str(program)
    translators = Translators()
    translators.switch(language)
    controller = AppController(ctx, translators, use_tray=False)
    controller.on_quit = lambda: None
    qtbot.addWidget(controller.window)
    try:
        controller.start()
        qtbot.waitUntil(
            lambda: controller.window.findChild(QMessageBox, "start_warnings") is not None
        )
        box = controller.window.findChild(QMessageBox, "start_warnings")
        said = (
            f"The browser chosen in the settings, {program}, is not Chromium, Google Chrome or "
            "Microsoft Edge: Consentinel cannot use it, and no check can start."
            if language == "en"
            else f"Le navigateur choisi dans les paramètres, {program}, n'est ni Chromium, ni "
            "Google Chrome, ni Microsoft Edge\u00a0: Consentinel ne peut pas l'utiliser, et "
            "aucune vérification ne peut commencer."
        )
        assert box.text().startswith(said), box.text()
        assert controller.window.statusBar().currentMessage() == box.text()
        assert not started.exists()  # asked --version only
        box.accept()
    finally:
        controller.shutdown()
        translators.switch("en")


def test_a_saved_browser_that_said_nothing_in_time_is_not_warned_about_at_start(
    qtbot: QtBot, consentinel_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Silent when asked after the first frame (slow from a cold disk, perhaps): nothing said
    at start; each check asks it again."""
    monkeypatch.delenv(BROWSER_ENV, raising=False)
    program = not_a_browser(tmp_path, tmp_path / "started", says="", name="chromium-browser")
    ctx = make_context(consentinel_home)
    ctx.settings.browser_path = str(program)
    with running_app(qtbot, ctx) as app:
        qtbot.waitUntil(lambda: app.chosen_browser_probe is not None)
        probe = app.chosen_browser_probe
        if probe.asking(str(program)):
            with qtbot.waitSignal(probe.answered, timeout=15_000):
                pass
        QApplication.processEvents()
        assert app.window.findChild(QMessageBox, "start_warnings") is None
        assert str(program) not in app.window.statusBar().currentMessage()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_offered_a_browser_after_a_named_one_was_refused_it_is_not_said_none_was_found(
    qtbot: QtBot,
    consentinel_home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
) -> None:
    """A check refused the program the settings name: the dialog names it, and does not say
    that no browser was found (Chrome may well be installed)."""
    monkeypatch.delenv(BROWSER_ENV, raising=False)
    firefox = fake_firefox(tmp_path, "firefox")
    ctx = make_context(consentinel_home)
    ctx.settings.browser_path = str(firefox)
    with running_app(qtbot, ctx, language=language) as app:
        app.offer_browser()
        dialog = app.browser_dialog
        assert dialog is not None
        said = " ".join(label.text() for label in dialog.findChildren(QLabel))
        if language == "en":
            assert (
                f"Consentinel opens X's settings page in Chrome, Edge or Chromium, and the "
                f"program named by the settings, {firefox}, is none of them." in said
            ), said
            assert "none was found" not in said
        else:
            assert (
                "Consentinel ouvre la page de paramètres de X dans Chrome, Edge ou Chromium, et "
                f"le programme indiqué par les paramètres, {firefox}, n'est aucun des trois."
                in said
            ), said
        dialog.reject()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_program_known_by_its_file_name_alone_is_refused_without_empty_quotes(
    qtbot: QtBot, language: str
) -> None:
    """On Windows a program is judged by its file name, never asked: its refusal quotes no
    answer it never gave."""
    translators = Translators()
    translators.switch(language)
    try:
        said = program_check_problem(Path("brave.exe"), ProgramCheck(ProgramKind.OTHER, ""))
    finally:
        translators.switch("en")
    assert said == (
        "brave.exe is not Chromium, Google Chrome or Microsoft Edge: Consentinel can use only "
        "those browsers."
        if language == "en"
        else "brave.exe n'est ni Chromium, ni Google Chrome, ni Microsoft Edge\u00a0: "
        "Consentinel ne peut utiliser que ces navigateurs-là."
    )


def test_no_offer_when_a_browser_is_found(qtbot: QtBot, consentinel_home: Path) -> None:
    ctx = make_context(consentinel_home)
    with running_app(qtbot, ctx) as app:
        QApplication.processEvents()  # the start-up's queued calls run (none may open it)
        QApplication.processEvents()
        assert app.browser_dialog is None
