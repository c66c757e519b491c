"""Screenshots of the dialogs, in English and French, from real windows under Xvfb.

Run from the repository root: `.venv/bin/python docs/screenshots/take_dialog_screenshots.py`
(add dialog names, such as `about-diagnostics`, to take only those).
It starts `Xvfb :98` unless DISPLAY is already set, uses a throwaway data folder and an
in-memory keyring, and writes docs/screenshots/dialog-<name>-<lang>.png.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DISPLAY = ":98"
TS = ROOT / "resources" / "translations" / "consentinel_fr_dialogs.ts"
EVIDENCE = HERE / "simx-grok-unticked-en.png"  # after unticking, as evidence is
EVIDENCE_NOT_SAVED = HERE / "simx-grok-en.png"  # after an untick X did not save: still ticked
TOTP = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
#: Dialog names given on the command line: only those are taken (all when none).
ONLY = frozenset(sys.argv[1:])


@contextmanager
def xvfb() -> Iterator[None]:
    """A private X server for real xcb windows (kept if the caller already has a display)."""
    if os.environ.get("DISPLAY"):
        yield
        return
    server = subprocess.Popen(
        ["Xvfb", DISPLAY, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    socket = Path("/tmp/.X11-unix") / f"X{DISPLAY[1:]}"
    deadline = time.monotonic() + 10
    while not socket.exists():
        if server.poll() is not None or time.monotonic() > deadline:
            raise SystemExit("Xvfb did not start (is it installed? apt install xvfb)")
        time.sleep(0.05)  # an external process: nothing to wait on but its socket
    os.environ["DISPLAY"] = DISPLAY
    try:
        yield
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    home = Path(tempfile.mkdtemp(prefix="consentinel-shots-"))
    os.environ["CONSENTINEL_HOME"] = str(home)
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    os.environ.setdefault("CONSENTINEL_BROWSER", shutil.which("chromium") or "/usr/bin/chromium")
    try:
        with xvfb():
            take_all(home)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def take_all(home: Path) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QTimer, QTranslator
    from PySide6.QtWidgets import QApplication, QLineEdit

    app = QApplication(sys.argv[:1])
    app.setApplicationName("Consentinel")
    # Qt's own style, the same on every desktop, set before any widget exists.
    app.setStyle("Fusion")
    qm = compile_french(home)
    for lang in ("en", "fr"):
        os.environ["CONSENTINEL_LANG"] = lang
        translator = QTranslator()
        if lang == "fr":
            assert translator.load(str(qm)), qm
            app.installTranslator(translator)
        ctx = sample_context(home / lang)
        for name, make in dialogs(ctx).items():
            if ONLY and name not in ONLY:
                continue
            widget = make()
            widget.show()
            widget.raise_()
            settle(app, QEventLoop, QTimer)
            for edit in widget.findChildren(QLineEdit):
                edit.deselect()  # focus-in selects all; a screenshot reads better without
            path = HERE / f"dialog-{name}-{lang}.png"
            widget.grab().save(str(path))
            print("wrote", path.relative_to(ROOT))
            widget.close()
            widget.deleteLater()
        if not ONLY or "delete-confirm" in ONLY:
            take_delete_confirmation(ctx, lang, app)
        ctx.journal.close()
        if lang == "fr":
            app.removeTranslator(translator)
    # A dark palette, to check that messages, badges and links stay readable.
    os.environ["CONSENTINEL_LANG"] = "en"
    app.setPalette(dark_palette())
    from consentinel.gui.readable_icons import use_readable_icons

    use_readable_icons(app)  # as the launcher does on a dark palette
    ctx = sample_context(home / "dark")
    makers = dialogs(ctx)
    for name in ("account-add", "journal", "prompt-2fa", "about-diagnostics"):
        if ONLY and name not in ONLY:
            continue
        widget = makers[name]()
        widget.show()
        settle(app, QEventLoop, QTimer)
        for edit in widget.findChildren(QLineEdit):
            edit.deselect()
        path = HERE / f"dialog-{name}-dark.png"
        widget.grab().save(str(path))
        print("wrote", path.relative_to(ROOT))
        widget.close()
    ctx.journal.close()
    # Delete every window while the application still exists (not at interpreter exit).
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def dark_palette() -> object:
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    role = QPalette.ColorRole
    for r, colour in (
        (role.Window, "#2b2b2b"),
        (role.WindowText, "#e8e8e8"),
        (role.Base, "#1e1e1e"),
        (role.AlternateBase, "#262626"),
        (role.Text, "#e8e8e8"),
        (role.Button, "#353535"),
        (role.ButtonText, "#e8e8e8"),
        (role.Highlight, "#2f7fd8"),
        (role.HighlightedText, "#ffffff"),
        (role.Link, "#7ab7ff"),
        (role.PlaceholderText, "#9a9a9a"),
        (role.ToolTipBase, "#353535"),
        (role.ToolTipText, "#e8e8e8"),
    ):
        palette.setColor(r, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor("#7a7a7a"))
    palette.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, QColor("#7a7a7a"))
    palette.setColor(QPalette.ColorGroup.Disabled, role.WindowText, QColor("#7a7a7a"))
    return palette


def settle(app: object, loop_cls: type, timer_cls: type, ms: int = 250) -> None:
    """Let the window map and paint (a real X server answers asynchronously)."""
    loop = loop_cls()
    timer_cls.singleShot(ms, loop.quit)
    loop.exec()


def compile_french(home: Path) -> Path:
    import PySide6

    lrelease = shutil.which("pyside6-lrelease") or str(
        Path(sys.executable).parent / "pyside6-lrelease"
    )
    qm = home / "consentinel_fr_dialogs.qm"
    # Both catalogues, as the app loads them (the demo's words are in the window's).
    sources = [str(TS), str(TS.with_name("consentinel_fr.ts"))]
    subprocess.run([lrelease, "-silent", *sources, "-qm", str(qm)], check=True)
    del PySide6
    return qm


def sample_context(home: Path) -> object:
    """A data folder with two accounts, one check that fixed a box, and its evidence, then one
    where X did not save the untick of another."""
    from consentinel.core.accounts import Account
    from consentinel.core.context import AppContext
    from consentinel.core.events import AccountResult, BoxChange
    from consentinel.core.paths import AppPaths
    from consentinel.core.status import Box, Reason, Status
    from consentinel.core.vault import MemoryKeyring, Vault

    vault = Vault(MemoryKeyring())
    ctx = AppContext.create(AppPaths.under(home), vault=vault)
    for handle in ("alice", "camille"):
        ctx.accounts.add(Account(handle, email=f"{handle}@example.com"))
        vault.set_password(handle, "demo-password")
        ctx.journal.append_account_added(handle)
    vault.set_totp("alice", TOTP)
    run = ctx.journal.start_run("gui")
    ctx.journal.record_signin(run, "alice", "ok")
    ctx.journal.record_change(run, "alice", Box.TRAINING, True, False, True, reverted_by_x=True)
    shot = ctx.paths.evidence_dir / "alice-after.png"
    shutil.copyfile(EVIDENCE, shot)
    ctx.journal.record_evidence(run, "alice", shot, "training")
    ctx.journal.record_check(
        run,
        AccountResult(
            "alice", Status.FIXED, settings={Box.TRAINING: BoxChange(True, False)}, evidence=shot
        ),
    )
    ctx.journal.record_check(run, AccountResult("camille", Status.NEEDS_USER, Reason.TWO_FACTOR))
    ctx.journal.finish_run(run)
    # A later check where X did not save an untick: how the journal says what did not happen.
    run = ctx.journal.start_run("schedule")
    ctx.journal.record_change(run, "alice", Box.PERSONALIZATION, True, True, False)
    shot = ctx.paths.evidence_dir / "alice-personalization-not-saved.png"
    shutil.copyfile(EVIDENCE_NOT_SAVED, shot)
    ctx.journal.record_evidence(run, "alice", shot, "personalization-not-saved")
    kept_on = {Box.TRAINING: BoxChange(False, False), Box.PERSONALIZATION: BoxChange(True, True)}
    ctx.journal.record_check(
        run, AccountResult("alice", Status.ERROR, Reason.SAVE_FAILED, settings=kept_on)
    )
    ctx.journal.finish_run(run)
    return ctx


def dialogs(ctx: object) -> dict[str, Callable[[], object]]:
    from PySide6.QtTest import QTest

    from consentinel.core.events import PromptKind, PromptRequest
    from consentinel.core.journal_entries import EntryKind
    from consentinel.gui.about_dialog import AboutDialog
    from consentinel.gui.account_dialog import AccountDialog
    from consentinel.gui.journal_window import JournalWindow
    from consentinel.gui.prompt_dialogs import PromptDialog
    from consentinel.gui.settings_dialog import SettingsDialog

    def looked(dialog: AccountDialog) -> None:
        """Once its look at the keyring (in a thread) has answered."""
        from PySide6.QtCore import QEventLoop

        if dialog.keyring_seen is None:
            loop = QEventLoop()
            dialog._keyring_look.found.connect(loop.quit)
            loop.exec()

    def account_add() -> object:
        dialog = AccountDialog(ctx)  # type: ignore[arg-type]
        looked(dialog)
        QTest.keyClicks(dialog.handle_edit, "@bob_42")
        QTest.keyClicks(dialog.password_edit, "a password")
        QTest.keyClicks(dialog.totp_edit, "1234")  # too short: shows the inline message
        QTest.keyClicks(dialog.email_edit, "bob@example.com")
        dialog.email_edit.setFocus()
        return dialog

    def account_edit() -> object:
        dialog = AccountDialog(ctx, ctx.accounts.get("alice"))  # type: ignore[attr-defined,arg-type]
        looked(dialog)
        return dialog

    def account_no_keyring() -> object:
        import keyring.backends.fail

        from consentinel.core.context import AppContext
        from consentinel.core.vault import Vault

        broken = AppContext(
            paths=ctx.paths,
            settings=ctx.settings,
            accounts=ctx.accounts,
            journal=ctx.journal,
            site=ctx.site,
            vault=Vault(keyring.backends.fail.Keyring()),
        )
        dialog = AccountDialog(broken)
        looked(dialog)
        QTest.keyClicks(dialog.handle_edit, "bob")
        dialog.password_edit.setFocus()
        return dialog

    def account_keyring_locked() -> object:
        # A real GNOME Keyring on a private bus (tests/fixtures), locked as the desktop does.
        from keyring.backends.SecretService import Keyring as SecretServiceKeyring
        from tests.fixtures.keyring_fixtures import lock_keyring, start_secret_service

        from consentinel.core.context import AppContext
        from consentinel.core.vault import Vault

        bus = os.environ.get("DBUS_SESSION_BUS_ADDRESS")
        with start_secret_service() as service:
            os.environ["DBUS_SESSION_BUS_ADDRESS"] = service.address
            lock_keyring(service)
            locked = AppContext(
                paths=ctx.paths,
                settings=ctx.settings,
                accounts=ctx.accounts,
                journal=ctx.journal,
                site=ctx.site,
                vault=Vault(SecretServiceKeyring(), service="org.consentinel.Consentinel.shots"),
            )
            dialog = AccountDialog(locked)
            looked(dialog)
        if bus is None:
            os.environ.pop("DBUS_SESSION_BUS_ADDRESS", None)
        else:
            os.environ["DBUS_SESSION_BUS_ADDRESS"] = bus
        QTest.keyClicks(dialog.handle_edit, "@bob_42")
        QTest.keyClicks(dialog.password_edit, "a password")
        dialog.email_edit.setFocus()
        return dialog

    def settings() -> object:
        # As on most desktops, which show a tray (Xvfb shows none: "window minimized").
        return SettingsDialog(ctx, tray=True)  # type: ignore[arg-type]

    def prompt(kind: PromptKind, detail: str = "", hint: str = "") -> Callable[[], object]:
        def make() -> object:
            dialog = PromptDialog(PromptRequest("alice", kind, detail), hint)
            if kind is PromptKind.TWO_FACTOR_CODE:
                QTest.keyClicks(dialog.edit, "12a")
            return dialog

        return make

    def journal() -> object:
        window = JournalWindow(ctx)  # type: ignore[arg-type]
        from PySide6.QtCore import QEventLoop

        if window.verifying:  # the badge's verdict comes from a thread of its own
            loop = QEventLoop()
            window.badge_updated.connect(loop.quit)
            loop.exec()
        window.kind_filter.setCurrentIndex(window.kind_filter.findData(None))
        for row in range(window.model.rowCount()):
            if window.model.entry_at(row).kind is EntryKind.EVIDENCE:
                window.select_row(row)
        return window

    def about() -> object:
        dialog = AboutDialog(ctx)  # type: ignore[arg-type]
        from PySide6.QtCore import QEventLoop

        loop = QEventLoop()
        dialog.diagnosticsReady.connect(loop.quit)
        loop.exec()
        return dialog

    def about_diagnostics() -> object:
        dialog = about()
        dialog.tabs.setCurrentIndex(1)  # type: ignore[attr-defined]
        return dialog

    def browser_setup(state: str) -> Callable[[], object]:
        from consentinel.gui.browser_setup_dialog import BrowserSetupDialog

        def make() -> object:
            dialog = BrowserSetupDialog(ctx)  # type: ignore[arg-type]
            if state == "downloading":  # what the dialog shows 42 % into the download
                dialog._set_busy(True)
                dialog.bar.show()
                dialog.status.show()
                dialog._on_progress("Chromium 159.0.8154.6", 42)
            elif state == "checking":  # a program picked that is slow to say what it is
                slow = Path(tempfile.mkdtemp(prefix="consentinel-shots-")) / "chromium"
                slow.write_text("#!/bin/sh\nexec sleep 9\n")
                slow.chmod(0o755)
                dialog.use_browser(str(slow))
            elif state == "failed":
                from consentinel.x.browser_install import download_failed_message

                offline = "Error: getaddrinfo ENOTFOUND cdn.playwright.dev"
                dialog._on_finished(False, download_failed_message(offline))
            return dialog

        return make

    def already_open() -> object:
        # What a launch says when the app holding the data folder never answers (gui/stuck_app.py).
        from consentinel.core.i18n import set_language
        from consentinel.gui.stuck_app import Ending, end_box

        set_language(None)  # follow CONSENTINEL_LANG, as the launcher does
        return end_box(48213, Ending.ASK)[0]

    def force_end() -> object:
        # ...and when it did not close once asked to.
        from consentinel.core.i18n import set_language
        from consentinel.gui.stuck_app import force_box

        set_language(None)
        return force_box(48213)[0]

    def still_closing() -> object:
        # What a launch shows while the app it found is closing (gui/closing_wait.py).
        from consentinel.core.i18n import set_language
        from consentinel.gui.closing_wait import ClosingWait

        set_language(None)  # follow CONSENTINEL_LANG, as the launcher does
        return ClosingWait.make_dialog()

    from PySide6.QtCore import QCoreApplication

    # The demo's own words (gui/demo.py), in the language being shot.
    demo_hint = QCoreApplication.translate(
        "DemoSession", "Demo: an authenticator app would show {code} now."
    ).replace("{code}", "492039")
    return {
        "already-open": already_open,
        "force-end": force_end,
        "still-closing": still_closing,
        "browser-setup": browser_setup("offer"),
        "browser-downloading": browser_setup("downloading"),
        "browser-failed": browser_setup("failed"),
        "browser-checking": browser_setup("checking"),
        "account-add": account_add,
        "account-edit": account_edit,
        "account-no-keyring": account_no_keyring,
        "account-keyring-locked": account_keyring_locked,
        "settings": settings,
        "prompt-2fa": prompt(PromptKind.TWO_FACTOR_CODE, hint=demo_hint),
        "prompt-email-code": prompt(
            PromptKind.EMAIL_CODE,
            "Check your email — You'll receive a confirmation code at your email address. "
            "Enter it below to continue.",
        ),
        "prompt-email-or-phone": prompt(
            PromptKind.EMAIL_OR_PHONE, "Enter your phone number or username"
        ),
        "prompt-finish-in-browser": prompt(PromptKind.FINISH_IN_BROWSER, "captcha"),
        "journal": journal,
        "about": about,
        "about-diagnostics": about_diagnostics,
    }


def take_delete_confirmation(ctx: object, lang: str, app: object) -> None:
    """The "Delete all my data" confirmation, grabbed while it waits for an answer."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from consentinel.gui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx)  # type: ignore[arg-type]
    dialog.show()

    def grab_and_cancel() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        path = HERE / f"dialog-delete-confirm-{lang}.png"
        box.grab().save(str(path))
        print("wrote", path.relative_to(ROOT))
        box.escapeButton().click()

    QTimer.singleShot(400, grab_and_cancel)
    assert dialog.delete_all_data() is False
    dialog.close()
    dialog.deleteLater()


if __name__ == "__main__":
    main()
