"""Screenshots of the desktop app's main screens, in English and French, from real windows.

    .venv/bin/python docs/screenshots/take_app_screenshots.py [--out docs/screenshots]

Starts Xvfb (unless DISPLAY is set), runs the app on the xcb platform against the demo's
simulated X (headless Chromium does the checks) and writes docs/screenshots/app-<screen>-<lang>.png.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("en", "fr")
SIZE = "2400x1500x24"  # room for the 200 % variant; the 100 % windows sit in its corner
#: Extra English runs: a dark palette, and the whole app at 200 % (QT_SCALE_FACTOR=2).
VARIANTS = ("dark", "200")


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    if shutil.which("Xvfb") is None:
        raise SystemExit("Xvfb is not installed (apt install xvfb).")
    read_fd, write_fd = os.pipe()
    # -displayfd: Xvfb picks a free display and writes its number once it accepts clients.
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", SIZE, "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    if not number:
        proc.kill()
        raise SystemExit("Xvfb did not start.")
    return proc, f":{number}"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--child", choices=LANGUAGES)
    parser.add_argument("--variant", choices=VARIANTS)
    args = parser.parse_args()
    if args.child:
        return shoot(args.child, args.out, args.variant)
    xvfb = None
    env = dict(os.environ)
    if not env.get("DISPLAY"):
        xvfb, display = start_xvfb()
        env["DISPLAY"] = display
    env["QT_QPA_PLATFORM"] = "xcb"
    env.pop("WAYLAND_DISPLAY", None)
    try:
        runs: list[tuple[str, str | None]] = [(lang, None) for lang in LANGUAGES]
        runs += [("en", variant) for variant in VARIANTS]
        for lang, variant in runs:
            with tempfile.TemporaryDirectory(prefix="consentinel-shots-") as home:
                child_env = {
                    **env,
                    "CONSENTINEL_HOME": home,
                    "CONSENTINEL_LANG": lang,
                    "LANG": "fr_FR.UTF-8" if lang == "fr" else "en_US.UTF-8",
                }
                command = [sys.executable, __file__, "--child", lang, "--out", str(args.out)]
                if variant == "200":
                    child_env["QT_SCALE_FACTOR"] = "2"
                if variant:
                    command += ["--variant", variant]
                subprocess.run(command, env=child_env, check=True, timeout=600)
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(10)
    return 0


def shoot(lang: str, out: Path, variant: str | None = None) -> int:
    """Runs inside the Xvfb display: open each screen, wait for it to settle, grab it.

    With a variant, only the main window (first run, demo accounts, checked) is taken, named
    app-<screen>-<variant>.png."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    from consentinel.core.context import AppContext
    from consentinel.core.vault import MemoryKeyring, Vault
    from consentinel.gui.account_dialog import AccountDialog
    from consentinel.gui.app_controller import AppController
    from consentinel.gui.app_icons import app_icon
    from consentinel.gui.demo import DemoSession
    from consentinel.gui.translations import Translators

    app = QApplication([sys.argv[0]])
    app.setWindowIcon(app_icon())
    if variant == "dark":
        from take_dialog_screenshots import dark_palette  # this folder is on sys.path

        from consentinel.gui.readable_icons import use_readable_icons

        app.setStyle("Fusion")
        app.setPalette(dark_palette())  # type: ignore[arg-type]
        use_readable_icons(app)  # as the launcher does on a dark palette
    suffix = variant or lang
    only_main = variant is not None
    out.mkdir(parents=True, exist_ok=True)
    translators = Translators()
    translators.switch(lang)

    def settle(ms: int = 400) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def wait_until(condition: Callable[[], bool], timeout_s: float = 120) -> None:
        deadline = time.monotonic() + timeout_s
        while not condition():
            if time.monotonic() > deadline:
                visible = [w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible()]
                raise SystemExit(f"timed out waiting for the app; windows open: {visible}")
            settle(100)

    def grab(widget: QWidget, name: str) -> None:
        widget.raise_()
        widget.activateWindow()
        settle()
        # The picture is read from the X screen: on a busy machine a window just resized (at
        # 200 %) may not have been drawn there at its full size yet (its far part came out
        # black). Drawn now, and taken once two readings agree.
        widget.repaint()
        screen = widget.screen()
        frame = widget.frameGeometry()
        picture = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
        deadline = time.monotonic() + 30
        while True:
            settle(300)
            again = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
            if again.toImage() == picture.toImage():
                break
            if time.monotonic() > deadline:
                raise SystemExit(f"{name}: the window kept changing on screen")
            picture = again
        path = out / f"app-{name}-{suffix}.png"
        picture.save(str(path))
        print("wrote", path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)

    def place(widget: QWidget, x: int = 20, y: int = 20) -> None:
        widget.move(x, y)
        widget.show()
        settle()

    # 1. First run: the empty state.
    ctx = AppContext.create(vault=Vault(MemoryKeyring()))
    first = AppController(ctx, translators, use_tray=False)
    first.on_quit = lambda: None
    first.window.resize(1000, 620)
    place(first.window)
    grab(first.window, "first-run")
    dialog = AccountDialog(ctx, parent=first.window)
    dialog.handle_edit.setText("@my_handle")
    dialog.password_edit.setText("not a real password")
    dialog.totp_edit.setText("otpauth://totp/X:my_handle?secret=ABC")
    dialog._edited(dialog.totp_edit)  # show the validation message as typing would
    place(dialog, 120, 60)
    if not only_main:
        grab(dialog, "add-account")
    dialog.reject()
    first.shutdown()
    first.window.hide()

    # 2. The demo: a check with its 2FA prompt, the result, the journal, the settings.
    demo = DemoSession.start()
    controller = AppController(demo.ctx, translators, demo=demo, use_tray=False)
    controller.on_quit = lambda: None
    window = controller.window
    window.resize(1100, 560)
    place(window)
    grab(window, "demo-accounts")
    window.check_all()
    wait_until(lambda: window.open_prompt is not None)
    prompt = window.open_prompt
    assert prompt is not None
    prompt.move(window.x() + 260, window.y() + 140)
    settle()
    if not only_main:
        grab(window, "checking")
        grab(prompt, "two-factor-prompt")
    code = re.search(r"\b(\d{6})\b", prompt.hint.text())
    assert code, prompt.hint.text()
    # Typed like a person: Continue is enabled by textEdited, which setText() does not emit.

    QTest.keyClicks(prompt.edit, code.group(1))
    prompt.ok_button.click()
    wait_until(lambda: not controller.runner.running)
    settle(800)
    grab(window, "checked")
    if only_main:
        controller.shutdown()
        return 0
    window.show_journal()
    journal = window.journal_window
    assert journal is not None
    journal.resize(1100, 620)
    journal.move(40, 40)
    settle()
    grab(journal, "journal")
    journal.hide()
    from consentinel.gui.settings_dialog import SettingsDialog

    settings = SettingsDialog(demo.ctx, parent=window)
    place(settings, 200, 20)
    grab(settings, "settings")
    settings.reject()
    controller.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
