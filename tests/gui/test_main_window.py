"""The main window without a browser: empty state, adding and removing, closing, tray menu,
the no-display message and the safety net (one app at a time: test_single_instance.py)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from consentinel.core.context import AppContext
from consentinel.core.engine import Engine
from consentinel.core.events import AccountResult, BoxChange, BrowserUnsandboxed, RunResult
from consentinel.core.journal_entries import EntryKind
from consentinel.core.log_redaction import REDACTED
from consentinel.core.status import ALL_BOXES, Box, Reason, Status
from consentinel.core.steps import Step
from consentinel.gui.account_dialog import AccountDialog
from consentinel.gui.dialog_words import status_name
from consentinel.gui.launch import main as launch_main
from consentinel.gui.logging_setup import setup_logging
from consentinel.gui.safety_net import SafetyNet
from consentinel.gui.tray import Tray
from consentinel.simx import SimAccount
from tests.fixtures.simx_fixtures import SimxFactory
from tests.gui._app_support import add_account, make_context, running_app


def test_first_run_shows_the_empty_state_and_adds_an_account(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    ctx = make_context(consentinel_home)
    with running_app(qtbot, ctx) as app:
        window = app.window
        assert window.stack.currentWidget() is window.empty
        assert window._table is None  # made with the first account
        assert window.empty.add_button.isDefault()
        assert not window.check_all_action.isEnabled()

        def fill_dialog() -> None:
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, AccountDialog)
            qtbot.keyClicks(dialog.handle_edit, "@new_person")
            qtbot.keyClicks(dialog.password_edit, "a password")
            assert dialog.save_button.isEnabled()
            dialog.save_button.click()

        QTimer.singleShot(0, fill_dialog)
        window.empty.add_button.click()
        assert window.stack.currentWidget() is window.table.parentWidget()
        assert window.table.status_text("new_person") == "Not checked yet"
        assert window.table.selected_handles() == ["new_person"]
        assert window.check_all_action.isEnabled() and window.check_action.isEnabled()
        assert ctx.vault.get_password("new_person") == "a password"
        # The hint to check it now, and no longer once its check has started.
        assert "Check selected" in window.statusBar().currentMessage()
        window._run_started(1, ("new_person",))
        assert window.statusBar().currentMessage() == ""
        window._run_finished(RunResult(run_id=1, accounts=()), "gui")


def test_removing_an_account_deletes_its_secrets_and_journals_it(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    ctx = make_context(consentinel_home)
    add_account(ctx, "bob", "pw-bob", "JBSWY3DPEHPK3PXP")
    with running_app(qtbot, ctx) as app:
        asked: list[str] = []

        def answer(remove: bool) -> None:
            box = QApplication.activeModalWidget()
            assert isinstance(box, QMessageBox)
            asked.append(box.text())
            wanted = "&Remove" if remove else "Cancel"
            next(b for b in box.buttons() if b.text() == wanted).click()

        QTimer.singleShot(0, lambda: answer(False))
        app.window.remove_account("bob")  # cancelled: nothing goes
        assert [a.handle for a in ctx.accounts.list()] == ["bob"]
        assert ctx.vault.get_password("bob") == "pw-bob"
        QTimer.singleShot(0, lambda: answer(True))
        app.window.remove_account("bob")
        assert asked == ["Remove @bob from Consentinel?"] * 2
        assert ctx.accounts.list() == []
        assert ctx.vault.get_password("bob") is None and ctx.vault.get_totp("bob") is None
        assert ctx.journal.entries(kinds=[EntryKind.ACCOUNT_REMOVED])[-1].handle == "bob"
        assert app.window.stack.currentWidget() is app.window.empty
        # Said once done (the status bar stayed empty).
        assert app.window.statusBar().currentMessage() == "@bob removed."


def test_several_selected_accounts_stay_selected_and_are_removed_together(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    ctx = make_context(consentinel_home)
    for handle in ("anna", "ben", "chloe", "dan"):
        add_account(ctx, handle, f"pw-{handle}")
    with running_app(qtbot, ctx) as app:
        table = app.window.table
        table.clearSelection()
        for row in (1, 2, 3):  # ben, chloe, dan: as Ctrl+click does
            table.selectionModel().select(
                table.model().index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )
        assert table.selected_handles() == ["ben", "chloe", "dan"]
        app.window.refresh()  # as at each step of a check and at the clock's tick
        assert table.selected_handles() == ["ben", "chloe", "dan"]

        asked: list[tuple[str, str]] = []

        def answer() -> None:
            box = QApplication.activeModalWidget()
            assert isinstance(box, QMessageBox)
            asked.append((box.text(), box.informativeText()))
            next(b for b in box.buttons() if b.text() == "&Remove").click()

        QTimer.singleShot(0, answer)
        qtbot.keyClick(table, Qt.Key.Key_Delete)  # Delete removes the selection, all of it
        assert asked[0][0] == "Remove these 3 accounts from Consentinel?"
        assert "@ben, @chloe, @dan" in asked[0][1]
        assert [a.handle for a in ctx.accounts.list()] == ["anna"]
        removed = ctx.journal.entries(kinds=[EntryKind.ACCOUNT_REMOVED])
        assert [e.handle for e in removed] == ["ben", "chloe", "dan"]
        assert all(ctx.vault.get_password(h) is None for h in ("ben", "chloe", "dan"))
        assert app.window.statusBar().currentMessage() == "3 accounts removed."


@pytest.mark.browser
def test_an_account_added_during_a_check_is_told_to_wait_for_its_end(
    qtbot: QtBot, simx: SimxFactory, consentinel_home: Path
) -> None:
    """During a check (one started at opening), "Check selected" is greyed out: "choose it to
    protect it now" was not true."""
    sim = simx(SimAccount("slow_sam", "pw-sam", fault="settings_hang"))
    ctx = make_context(consentinel_home, sim.origin)
    add_account(ctx, "slow_sam", "pw-sam")
    with running_app(qtbot, ctx) as app:
        window = app.window

        def fill_dialog() -> None:
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, AccountDialog)
            qtbot.keyClicks(dialog.handle_edit, "@zeta_last")
            qtbot.keyClicks(dialog.password_edit, "a password")
            dialog.save_button.click()

        window.check_all()
        assert app.runner.running
        QTimer.singleShot(0, fill_dialog)
        window.add_account()
        assert not window.check_action.isEnabled()
        assert window.statusBar().currentMessage() == (
            "@zeta_last added. Choose “Check selected” once this check ends."
        )
        with qtbot.waitSignal(app.runner.run_finished, timeout=60_000):
            window.cancel_check()


def _add_with_save_and_add_another(
    qtbot: QtBot, handles: tuple[str, ...], then_cancel: bool = True
) -> None:
    """Fill the open Add dialog with each account, saved by "Save and add another"; then
    Cancel (the dialog empty)."""
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, AccountDialog) and dialog.save_another_button is not None
    for handle in handles:
        qtbot.keyClicks(dialog.handle_edit, f"@{handle}")
        qtbot.keyClicks(dialog.password_edit, f"pw-{handle}")
        dialog.save_another_button.click()
        assert dialog.isVisible() and f"@{handle}" in dialog.saved_note.text()
    if then_cancel:
        dialog.reject()


def test_each_account_saved_by_save_and_add_another_is_added_as_one_added_alone(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """Its row, its 30 minutes left alone by the schedule, and the hint to check it: for each
    account the dialog saved, not only for one it closed with (Cancel, here)."""
    from consentinel.core.accounts import handle_key

    ctx = make_context(consentinel_home)
    with running_app(qtbot, ctx) as app:
        window = app.window
        added: list[str] = []
        window.account_added.connect(added.append)
        said: list[str] = []
        window.statusBar().messageChanged.connect(said.append)
        QTimer.singleShot(0, lambda: _add_with_save_and_add_another(qtbot, ("ana", "ben")))
        window.empty.add_button.click()
        assert added == ["ana", "ben"]
        assert {handle_key(h) for h in added} <= set(app.auto._held)
        assert [window.table.item(r, 0).text() for r in range(window.table.rowCount())] == [
            "@ana",
            "@ben",
        ]
        assert window.table.selected_handles() == ["ana", "ben"]  # both: "Check selected"
        hints = [m for m in said if "Choose “Check selected” to protect it now" in m]
        assert [h.split()[0] for h in hints] == ["@ana", "@ben"]
        assert said[-1] == "2 accounts added. Choose “Check selected” to protect them now."
        assert ctx.vault.get_password("ana") == "pw-ana"
        assert ctx.vault.get_password("ben") == "pw-ben"


def _patient_pages(ctx: AppContext) -> Engine:
    # X's held answer ends when the test lets it go (SimX.release_hangs), never on a timer
    # racing the test's own steps: on a busy computer they took longer than a short wait.
    return Engine(
        ctx, headless=True, interactive_headless=True, page_timeout_s=120, signin_step_timeout_s=8
    )


@pytest.mark.browser
def test_during_a_check_an_account_not_under_way_can_be_edited_and_is_checked_as_saved(
    qtbot: QtBot, simx: SimxFactory, consentinel_home: Path
) -> None:
    """One account at a time: @ann's check hangs on X's page while @bob waits his turn. Ann
    cannot be edited (the menu says why); Bob can: his new password and the box he now leaves
    on are what his check uses when it reaches him. Accounts added meanwhile with "Save and
    add another" are each told to wait for the check's end."""
    from consentinel.core.accounts import handle_key

    sim = simx(
        SimAccount("ann", "pw-ann", fault="settings_hang"),
        SimAccount("bob", "pw-bob-new"),
    )
    ctx = make_context(consentinel_home, sim.origin)
    ctx.settings.concurrency = 1
    add_account(ctx, "ann", "pw-ann")
    add_account(ctx, "bob", "pw-bob-old")  # changed on X: the saved one is wrong now
    with running_app(qtbot, ctx, engine_factory=_patient_pages) as app:
        window, table = app.window, app.window.table
        window.check_all()
        qtbot.waitUntil(
            lambda: window.under_way("ann") and sim.settings_hanging.is_set(), timeout=90_000
        )
        assert window.steps[handle_key("bob")] is Step.QUEUED

        table.selectRow(table.row_of("ann") or 0)
        assert not window.edit_action.isEnabled()
        why = "@ann is being checked; edit it when its check ends"
        assert window.edit_action.toolTip() == why
        window.edit_account("ann")  # Enter on her row: said, no dialog
        assert window.statusBar().currentMessage() == why

        table.selectRow(table.row_of("bob") or 0)
        assert window.edit_action.isEnabled()

        def edit_bob() -> None:
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, AccountDialog)
            qtbot.keyClicks(dialog.password_edit, "pw-bob-new")
            dialog.box_checks[Box.PERSONALIZATION].setChecked(False)  # left on from now on
            dialog.save_button.click()

        QTimer.singleShot(0, edit_bob)
        window.edit_action.trigger()
        assert window.statusBar().currentMessage() == (
            "@bob saved: this check uses the changes when it reaches it."
        )

        added: list[str] = []
        window.account_added.connect(added.append)
        said: list[str] = []
        window.statusBar().messageChanged.connect(said.append)
        QTimer.singleShot(0, lambda: _add_with_save_and_add_another(qtbot, ("cat", "dov")))
        window.add_action.trigger()
        assert added == ["cat", "dov"]
        assert {"cat", "dov"} <= set(app.auto._held)
        wait = [m for m in said if "Choose “Check selected” once this check ends" in m]
        assert [m.split()[0] for m in wait] == ["@cat", "@dov", "2"]
        assert wait[-1] == "2 accounts added. Choose “Check selected” once this check ends."

        assert window.under_way("ann")  # (all of it done while @ann's check was under way)
        with qtbot.waitSignal(app.runner.run_finished, timeout=90_000) as finished:
            sim.change_account("ann", fault=None)
            sim.release_hangs()  # X gives up on @ann's settings: her check ends, Bob's starts
        result = finished.args[0]
        bob = next(r for r in result.accounts if r.handle == "bob")
        assert bob.status is Status.FIXED, bob.message
        assert sim.boxes("bob") == {"training": False, "personalization": True, "memory": True}
        assert ctx.vault.get_password("bob") == "pw-bob-new"


def test_closing_without_a_tray_quits_and_with_one_hides(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    ctx = make_context(consentinel_home)
    with running_app(qtbot, ctx) as app:
        quits: list[bool] = []
        app.on_quit = lambda: quits.append(True)
        app.window.keep_in_tray = True
        app.window.close()
        assert not app.window.isVisible() and quits == []
        app.show_window()
        assert app.window.isVisible()
        app.window.keep_in_tray = False
        app.window.close()
        assert quits == [True]


def test_a_start_at_login_with_no_tray_waits_minimized_out_of_the_way(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """`--minimized` (the start at login) on a desktop that shows no tray (GNOME's default):
    the window waits minimized, where it popped up at every login; a problem found at start is
    said in its status bar, not in a box over the desktop."""
    import json

    from consentinel.core.context import AppContext
    from consentinel.core.paths import AppPaths
    from consentinel.core.vault import MemoryKeyring, Vault
    from consentinel.gui.app_controller import AppController
    from consentinel.gui.translations import Translators

    paths = AppPaths.under(consentinel_home).ensure()
    paths.settings_path.write_text(json.dumps({"version": 1, "backoff_hours": 200}))
    ctx = AppContext.create(paths, vault=Vault(MemoryKeyring()))
    controller = AppController(ctx, Translators(), use_tray=False)
    controller.on_quit = lambda: None
    qtbot.addWidget(controller.window)
    try:
        controller.start(minimized=True)
        window = controller.window
        assert controller.tray is None and window.isMinimized()
        assert "back-off" in window.statusBar().currentMessage()
        # The journal's timer is the last work kept for the first frame: the rest ran before it.
        qtbot.waitUntil(controller._journal_timer.isActive)
        assert window.findChild(QMessageBox, "start_warnings") is None
        controller.show_window()  # a second launch, or the taskbar
        assert window.isVisible() and not window.isMinimized()
    finally:
        controller.shutdown()


def test_a_status_message_cut_by_the_bar_is_shown_whole_when_pointed_at(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    long = "No system keyring is available (GNOME Keyring / Secret Service, KWallet…). " * 3
    with running_app(qtbot, make_context(consentinel_home)) as app:
        bar = app.window.statusBar()
        bar.showMessage(long)
        assert bar.toolTip() == long
        bar.clearMessage()
        assert bar.toolTip() == ""  # nothing left to point at


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_browser_sandbox_that_could_not_start_is_said_in_the_status_bar(
    qtbot: QtBot, consentinel_home: Path, language: str
) -> None:
    """What the engine tells the check runner (tests/e2e/test_browser_sandbox.py makes it
    happen with a real browser) reaches the window, with where to look (Chromium's words, long
    on Ubuntu, are quoted there)."""
    said = "No usable sandbox! Update your kernel"
    with running_app(qtbot, make_context(consentinel_home), language) as app:
        app.runner._on_event(BrowserUnsandboxed(said))
        expected = {
            "en": "The browser runs without its sandbox here: see the Diagnostics tab of “About "
            "Consentinel”.",
            "fr": "Le navigateur tourne ici sans son bac à sable\u00a0: voir l'onglet Diagnostic "
            "de «\u00a0À propos de Consentinel\u00a0».",
        }[language]
        qtbot.waitUntil(lambda: app.window.statusBar().currentMessage() == expected)


def test_a_cancelled_checks_summary_says_how_far_it_went(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    fixed = AccountResult("ana", Status.FIXED)
    stopped = AccountResult("bea", Status.ERROR, Reason.CANCELLED)
    with running_app(qtbot, make_context(consentinel_home)) as app:

        def said(*accounts: AccountResult) -> str:
            return app.window.summary(RunResult(1, accounts, cancelled=True))

        assert said(stopped, stopped) == "The check was cancelled before any account was checked."
        assert said(fixed, stopped, stopped).startswith(
            "The check was cancelled after 1 of 3 accounts: its row says what was found"
        )
        assert said(fixed, fixed, stopped).startswith(
            "The check was cancelled after 2 of 3 accounts: their rows say what was found"
        )
        assert said(fixed, fixed).startswith("The check was cancelled once every account was")
        # Cut short after it had begun unticking (its boxes as it left them): what it
        # switched off and read back, and the box it was unticking, are said.
        off, unread, on = BoxChange(True, False), BoxChange(True, None), BoxChange(True, True)
        cid = AccountResult(
            "cid", Status.ERROR, Reason.CANCELLED,
            settings={Box.TRAINING: off, Box.PERSONALIZATION: unread},
        )  # fmt: skip
        dee = AccountResult(
            "dee", Status.ERROR, Reason.CANCELLED,
            settings={Box.TRAINING: off, Box.MEMORY: off, Box.PERSONALIZATION: on},
        )  # fmt: skip
        assert said(fixed, cid) == (
            "The check was cancelled after 1 of 2 accounts: its row says what was found, and "
            "the journal has it all. Before the cancel, it switched off Training on @cid. It "
            "was stopped while unticking Personalization on @cid: X may have switched it off; "
            "the next check reads it again."
        )
        assert said(cid, dee, stopped) == (
            "The check was cancelled before any account's check was over. Before the cancel, "
            "it switched off boxes on @cid (Training) and @dee (Training, Memory)."
            " It was stopped while unticking Personalization on @cid: X may have switched it "
            "off; the next check reads it again."
        )


def test_tray_menu_is_rebuilt_with_the_schedule_state(qtbot: QtBot) -> None:
    paused = [False]
    tray = Tray(lambda: paused[0], lambda: False)
    tray.menu.aboutToShow.emit()  # (built when the icon shows, and each time it opens)
    texts = [a.text() for a in tray.menu.actions() if a.text() and a.isVisible()]
    assert texts == [
        "No check since Consentinel started",  # (a line to read, first)
        "&Check all now",
        "&Open Consentinel",
        "Pa&use automatic checks",
        "&Quit",
    ]
    paused[0] = True
    tray.menu.aboutToShow.emit()
    assert "Res&ume automatic checks" in [a.text() for a in tray.menu.actions()]


def test_the_trays_check_all_is_greyed_out_with_no_account(
    qtbot: QtBot, consentinel_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As the window's "Check all" is: "Check all now" with no account did nothing visible
    (the window, maybe hidden, said "There is no account to check yet")."""
    from consentinel.gui.app_controller import AppController
    from consentinel.gui.translations import Translators

    monkeypatch.setattr(Tray, "available", staticmethod(lambda: True))  # (no tray offscreen)
    ctx = make_context(consentinel_home)
    controller = AppController(ctx, Translators(), use_tray=True)
    controller.on_quit = lambda: None
    try:
        controller.start()
        qtbot.addWidget(controller.window)
        tray = controller.tray
        assert tray is not None
        # Built when its icon shows, after the window's first frame.
        qtbot.waitUntil(lambda: bool(tray.menu.actions()))

        def check_all() -> QAction:
            return next(a for a in tray.menu.actions() if a.text() == "&Check all now")

        assert not check_all().isEnabled()
        assert not controller.window.check_all_action.isEnabled()
        add_account(ctx, "ann")
        tray.menu.aboutToShow.emit()
        assert check_all().isEnabled()
    finally:
        controller.shutdown()


def test_clicking_a_notification_opens_the_window(qtbot: QtBot) -> None:
    """The platform reports a click on the tray's balloon with Qt's messageClicked (a real
    balloon cannot be clicked offscreen, so the signal is sent as the platform would)."""
    tray = Tray(lambda: False, lambda: False)
    with qtbot.waitSignal(tray.open_window, timeout=1000):
        tray.icon.messageClicked.emit()


def test_no_display_prints_one_line_and_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert launch_main([]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "graphical desktop" in err and "consentinel --help" in err
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    assert launch_main(["--demo"]) == 2
    assert "bureau graphique" in capsys.readouterr().err


def test_an_uncaught_error_is_logged_without_secrets_and_shown(
    qtbot: QtBot, tmp_path: Path
) -> None:
    log_path = setup_logging(tmp_path / "logs")
    net = SafetyNet(log_path)
    net.dialogs_enabled = False
    try:
        raise ValueError(
            "sign-in failed with password=hunter2hunter2 for otpauth://totp/x?secret=ABC"
        )
    except ValueError as error:
        net.excepthook(type(error), error, error.__traceback__)
    qtbot.waitUntil(lambda: bool(net.shown))
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_path.read_text()
    assert "ValueError" in text and REDACTED in text
    assert "hunter2" not in text and "otpauth" not in text
    assert "ValueError" in net.shown[0] and str(log_path) in net.shown[0]
    assert oct(log_path.stat().st_mode & 0o777) == "0o600"


def test_a_row_after_a_sign_in_needed_then_done_in_the_window(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """A check that met X's puzzle read no box: the boxes say "—", not "not shown". Once the
    person signed in in the browser window (journalled "ok"), the row stops saying "needs you";
    a later check entry takes over again."""
    ctx = make_context(consentinel_home)
    add_account(ctx, "erin", "pw-erin")
    run = ctx.journal.start_run("manual")
    needs_you = AccountResult("erin", Status.NEEDS_USER, Reason.CAPTCHA, message="puzzle")
    ctx.journal.record_check(run, needs_you)
    ctx.journal.finish_run(run, cancelled=False)
    with running_app(qtbot, ctx) as app:
        table = app.window.table
        row = table.row_of("erin")
        assert row is not None
        assert table.status_text("erin") == status_name(Status.NEEDS_USER, Reason.CAPTCHA)
        boxes = [table.item(row, 2 + i).text() for i in range(len(ALL_BOXES))]
        assert boxes == ["—"] * len(ALL_BOXES)

        ctx.journal.record_signin(None, "erin", "ok")
        app.window.refresh()
        assert table.status_text("erin") == "Signed in, not checked yet"

        run = ctx.journal.start_run("manual")
        ctx.journal.record_check(run, needs_you)
        ctx.journal.finish_run(run, cancelled=False)
        app.window.refresh()
        assert table.status_text("erin") == status_name(Status.NEEDS_USER, Reason.CAPTCHA)


def test_check_all_with_no_account_says_so_and_starts_nothing(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """The tray's "Check all now" is there before any account is: no "All 0 accounts checked"
    left behind for the first account added."""
    ctx = make_context(consentinel_home)
    with running_app(qtbot, ctx) as app:
        assert app.window.start_check(None) is False
        assert not app.runner.running
        assert app.window.statusBar().currentMessage() == "There is no account to check yet."
        assert app.window.result_label.isHidden()
        assert ctx.journal.entries(kinds=[EntryKind.RUN_STARTED]) == []


def test_the_first_run_screen_scrolls_in_a_small_window(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """Its words were squeezed behind its buttons; now they keep their room and scroll."""
    ctx = make_context(consentinel_home)
    with running_app(qtbot, ctx) as app:
        window = app.window
        window.resize(420, 378)
        qtbot.waitUntil(lambda: window.height() <= 400)
        empty = window.empty
        labels = [w for w in empty.findChildren(QLabel) if w.wordWrap() and len(w.text()) > 200]
        assert len(labels) == 1
        body = labels[0]
        assert body.height() >= body.heightForWidth(body.width())
        body_bottom = body.mapTo(empty, body.rect().bottomLeft()).y()
        button_top = empty.add_button.mapTo(empty, empty.add_button.rect().topLeft()).y()
        assert body_bottom < button_top


def test_a_problem_found_at_start_is_said_in_a_box_that_stays_until_read(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """A settings value that cannot be used (a hand edit): the box says which and that its
    default is used; the other settings (a pause) are kept."""
    import json

    from PySide6.QtWidgets import QMessageBox

    from consentinel.core.context import AppContext
    from consentinel.core.paths import AppPaths
    from consentinel.core.vault import MemoryKeyring, Vault

    paths = AppPaths.under(consentinel_home).ensure()
    paths.settings_path.write_text(
        json.dumps({"version": 1, "schedule_paused": True, "backoff_hours": 200})
    )
    ctx = AppContext.create(paths, vault=Vault(MemoryKeyring()))
    assert ctx.settings.schedule_paused and ctx.settings.backoff_hours == 12
    with running_app(qtbot, ctx) as app:
        qtbot.waitUntil(lambda: app.window.findChild(QMessageBox, "start_warnings") is not None)
        box = app.window.findChild(QMessageBox, "start_warnings")
        assert box.isVisible()
        assert "The back-off must be between 1 and 168 hours, not 200." in box.text()
        assert "its default is used instead" in box.text()
        box.accept()


def test_automatic_checks_pause_and_resume_from_the_window_too(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    """Not every desktop shows a tray: the Checks menu pauses and resumes them as well, and
    the pause is saved (the OS job reads it)."""
    ctx = make_context(consentinel_home)
    add_account(ctx, "ann", "pw")
    with running_app(qtbot, ctx) as app:
        pause = app.window.pause_action
        assert not pause.isEnabled()  # automatic checks off: nothing to pause
        ctx.settings.schedule = "daily"
        app.window.refresh()
        assert pause.isEnabled() and pause.text() == "Pa&use automatic checks"
        pause.trigger()
        assert app.auto.paused and ctx.settings.schedule_paused
        assert pause.text() == "Res&ume automatic checks"
        assert app.window.schedule_label.text() == "Automatic checks: paused"
        assert '"schedule_paused": true' in ctx.paths.settings_path.read_text()
        pause.trigger()
        assert not app.auto.paused and not ctx.settings.schedule_paused
        assert pause.text() == "Pa&use automatic checks"
