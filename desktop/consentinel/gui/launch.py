"""Starting the desktop app: `consentinel-gui`, `consentinel` alone, or `consentinel --demo`."""

from __future__ import annotations

import gc
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from consentinel import APP_ID, APP_NAME, __version__
from consentinel.core.display import has_display
from consentinel.core.i18n import current_language, tr

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from consentinel.core.context import AppContext
    from consentinel.core.paths import AppPaths
    from consentinel.gui.closing_wait import ClosingWait
    from consentinel.gui.quit_signals import QuitOnSignals
    from consentinel.gui.single_instance import Claim, SingleInstance

log = logging.getLogger(__name__)

#: 2: no screen, or the data folder cannot be made; 3: an app already runs and does not answer.
EXIT_OK, EXIT_NO_DISPLAY, EXIT_NOT_ANSWERING = 0, 2, 3


class LaunchOptions:
    """The launcher's own options (what it does not know is Qt's: `-platform`, `-style`, …)."""

    __slots__ = ("demo", "minimized")

    def __init__(self, *, demo: bool = False, minimized: bool = False) -> None:
        self.demo = demo
        self.minimized = minimized


_OWN_FLAGS = frozenset(("--demo", "--minimized"))


def _parse(argv: Sequence[str]) -> tuple[LaunchOptions, list[str]]:
    if _OWN_FLAGS.issuperset(argv):
        # How the desktop, the autostart entry and the OS jobs start it. argparse would look
        # for its translations on disk (gettext) and load `locale`, 2-3 ms of each start.
        return LaunchOptions(demo="--demo" in argv, minimized="--minimized" in argv), []
    return _parse_with_argparse(argv)


def _parse_with_argparse(argv: Sequence[str]) -> tuple[LaunchOptions, list[str]]:
    import argparse

    if current_language() == "fr":  # argparse's own words ("usage", "options") too
        from consentinel.cli.argparse_fr import use_language

        use_language("fr")
    parser = argparse.ArgumentParser(prog="consentinel-gui", add_help=True)
    parser.add_argument("--demo", action="store_true", help=tr("open the app on the simulated X"))
    parser.add_argument("--minimized", action="store_true", help=tr("start in the tray"))
    known, qt_args = parser.parse_known_args(list(argv))
    return LaunchOptions(demo=known.demo, minimized=known.minimized), qt_args


def no_display_reason() -> str | None:
    """A sentence when no window can be shown here, else None."""
    if os.environ.get("QT_QPA_PLATFORM") or has_display():
        return None
    return tr(
        "Consentinel's window needs a graphical desktop, and none was found (no DISPLAY or "
        "WAYLAND_DISPLAY). Use the command line instead: consentinel --help"
    )


def no_log_file_text(logs_dir: Path, error: OSError) -> str:
    from consentinel.core.fileio import describe_os_error

    return tr(
        "Consentinel cannot write its log file in {path} ({cause}); this time it logs to the "
        "terminal only.",
        path=logs_dir,
        cause=describe_os_error(error),
    )


def paint_in_one_thread() -> None:
    """Asks Qt to paint in the GUI thread only, before it paints anything.

    Qt hands a tall fill with a gradient (a scroll bar's, in a window whose accounts fill more
    than its height) to a pool of threads it starts on first use: two threads started and
    handed work some 250 times during the first frame, 3 ms of a start on two cores. The app's
    windows are small; one thread paints them as fast. (Qt reads this once, at its first such
    fill; set before, it holds for the whole run.)
    """
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")


def load_core_before_qt() -> None:
    """Imports the core the window starts on, before Qt.

    Once imported, PySide reads the source of every module imported after it, to see whether
    that module uses its opt-in `__feature__`s: for the core and the standard library modules
    it needs, about 40 files read for nothing at each start.
    """
    import consentinel.core.context  # noqa: F401


def spare_pyside_source_reads() -> None:
    """Tells PySide, once imported, what reading the source of the modules loaded so far and of
    this app's own would find.

    PySide looks for its opt-in `__feature__`s (which this app never uses) by reading the source
    of each module an import statement names after PySide's own import, standard modules
    included: 60 files and 10-13 ms at each start. It keeps the answers by module name in a
    table of its support package; entered here as it would enter them (0, uses PySide with no
    feature, for the window's modules; -1, ignored, for the others: the core runs without Qt),
    it reads only the modules first imported later. If a PySide version keeps that table
    elsewhere, nothing is done and it reads. A frozen app (PyInstaller's bundle) keeps its
    modules in an archive, not in folders: only the modules already loaded are entered there.
    """
    feature = sys.modules.get("shibokensupport.feature")
    known = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(known, dict):
        return
    import consentinel

    names = list(sys.modules)
    for root in consentinel.__path__:
        for package in ("core", "gui", "x"):  # what a start imports (cli and simx: never)
            try:
                files = os.listdir(os.path.join(root, package))
            except OSError:  # (a bundle: no such folder, its modules are in an archive)
                continue
            for file in files:
                if file.endswith(".py") and not file.startswith("__"):
                    names.append(f"consentinel.{package}.{file[:-3]}")
    for name in names:
        known.setdefault(name, 0 if name.startswith("consentinel.gui.") else -1)


@contextmanager
def cycle_collector_off() -> Iterator[None]:
    """Python's cycle collector off while the app starts (then the GUI thread collects:
    gui_thread_gc), as it was again when the app ends. The objects a start makes (modules,
    classes, widgets) live as long as the app; the collector went through them again and again
    before the first frame: 17 M instructions, 2 % of a start with a year of use."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def main(argv: Sequence[str] | None = None) -> int:
    """The app, or the command line's check. With no `argv`, the process's entry point (the
    `consentinel-gui` command, the bundle's launcher: they read sys.argv): once the app has
    ended, so does the process (end_after). Given `argv` (the command line, tests), it returns
    the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["check"]:
        # A bundle's OS job runs this windowless program with `check --unattended`: the check
        # of the command line, with no window (and Python's own ending: its clean-ups).
        from consentinel.cli.main import main as cli_main

        return cli_main(args)
    if argv is None:
        end_after(lambda: run_the_app(args))
    return run_the_app(args)


def run_the_app(argv: Sequence[str]) -> int:
    """The app's window until it quits; its exit code."""
    with cycle_collector_off():
        return _run_the_app(list(argv))


def end_after(run: Callable[[], int]) -> NoReturn:
    """Runs the app (`run`), then ends the process at once with its exit code.

    Threads the app starts once its window is up (a browser asked what it is, the keyring
    looked at, `crontab -l` read, X asked whether it answers, the journal checked) are daemon
    threads: quitting waits for none of them. Python's own ending would then tear PySide down
    (its exit hook deletes the QApplication, then the modules are emptied) while one of them
    may be inside a Qt call, handing its answer to the window: the process aborted (SIGABRT,
    "Fatal Python error", a segfault) instead of ending with its code, when the person quit
    at the first frame. By the time `run` returns the app has cleaned up (a check cancelled,
    the journal closed, the window's places written, the lock given back); what Python's
    ending would still do for it, the log file and the standard streams flushed, is done here.
    The app starts no thread that quitting must wait for (the check's worker is waited for by
    the clean-up): ended here, the daemon threads stop as Python's ending stops them."""
    try:
        status = run()
    except SystemExit as stop:  # argparse's `--help` (0), or its usage error (2)
        status = _exit_status(stop.code)
    except KeyboardInterrupt:  # a second Ctrl-C during the clean-up (gui/quit_signals.py)
        sys.excepthook(*sys.exc_info())
        _flush_what_python_would()
        _end_by_sigint()
    except BaseException:  # said as Python says it, with its exit code
        sys.excepthook(*sys.exc_info())
        status = 1
    _hand_copied_text_over()
    _flush_what_python_would()
    os._exit(status)


def _hand_copied_text_over() -> None:
    """Text the person copied in the app (Settings' "Still there …: PATH", a crontab line to
    remove) kept for pasting once the app has ended.

    On X11 copied text stays with the program that copied it; Qt hands it to the desktop's
    clipboard manager when the QApplication is deleted (its clipboard's own ending), which
    PySide's exit hook does at Python's ending, the ending end_after skips. So the QApplication
    is deleted here, but only when its clipboard (or the selection, X11's middle-click copy)
    still holds text copied in the app: deleting it is the Python ending's step that went wrong
    under the daemon threads still handing answers to the window, a race met by quitting at the
    first frame, long before anything is copied. Nothing owned (nothing copied, or another
    program copied since; Wayland, macOS and Windows keep copied text themselves and say so):
    nothing is deleted."""
    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is None:  # (no window was started: `--help`, no screen)
        return
    app = widgets.QApplication.instance()
    if app is None:
        return
    try:
        clipboard = widgets.QApplication.clipboard()
        owned = clipboard.ownsClipboard() or clipboard.ownsSelection()
    except RuntimeError:  # (an app already deleted: nothing of it to hand over)
        return
    if owned:
        import shiboken6

        log.debug("handing copied text to the clipboard manager")
        shiboken6.delete(app)


def _exit_status(code: object) -> int:
    """The exit code Python gives `sys.exit(code)`: 0 for None, a number as it is; anything
    else is said on standard error, and 1."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def _flush_what_python_would() -> None:
    """What Python's ending does that the app needs: the log's handlers flushed and closed, and
    the standard streams flushed (a pipe read by a script, a terminal)."""
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with suppress(Exception):  # (None with no console; a reader gone)
            if stream is not None:
                stream.flush()


def _end_by_sigint() -> NoReturn:
    """Ends as an interrupted Python program does: by SIGINT, which tells a shell running a
    script that it was interrupted (130 where there is no such signal's ending)."""
    import signal

    if os.name == "posix":
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)
    os._exit(130)


def _run_the_app(argv: list[str]) -> int:
    args, qt_args = _parse(argv)
    reason = no_display_reason()
    if reason:
        print(reason, file=sys.stderr)
        return EXIT_NO_DISPLAY

    paint_in_one_thread()
    load_core_before_qt()
    from PySide6.QtWidgets import QApplication

    spare_pyside_source_reads()
    from consentinel.core.context import AppContext
    from consentinel.core.fileio import StorageError
    from consentinel.core.paths import AppPaths
    from consentinel.core.settings import XOriginError
    from consentinel.gui.app_controller import AppController
    from consentinel.gui.app_icons import app_icon
    from consentinel.gui.gui_thread_gc import GuiThreadCollector
    from consentinel.gui.logging_setup import setup_logging_or_stderr
    from consentinel.gui.message_style import is_dark
    from consentinel.gui.qt_by_name import warm_up_later
    from consentinel.gui.safety_net import SafetyNet
    from consentinel.gui.single_instance import (
        Claim,
        SingleInstance,
        server_name,
        server_name_0_1,
    )
    from consentinel.gui.translations import Translators

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *qt_args])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationDomain("consentinel.org")
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    if is_dark():
        from consentinel.gui.readable_icons import use_readable_icons

        use_readable_icons(app)
    app.setQuitOnLastWindowClosed(False)

    paths = AppPaths.from_env()
    try:
        paths.ensure()
    except OSError as error:
        print(
            tr(
                "Could not create the data folder {path}: {cause}.",
                path=paths.root,
                cause=error.strerror or error,
            ),
            file=sys.stderr,
        )
        return EXIT_NO_DISPLAY
    log_path, log_error = setup_logging_or_stderr(paths.logs_dir)
    if log_error is not None:
        log.warning("no log file in %s (%s): logging to stderr only", paths.logs_dir, log_error)
    safety = SafetyNet(log_path)
    safety.install()

    demo = None
    instance: SingleInstance | None = None
    if args.demo:
        from consentinel.gui.demo import DemoSession

        demo = DemoSession.start()
        ctx = demo.ctx
    else:
        root = str(paths.root)
        # A folder used before without the lock: an app of version 0.1.0 may be running on it.
        upgraded = paths.journal_path.exists() and not paths.instance_lock_path.exists()
        instance = SingleInstance(
            lambda: server_name(root),
            paths.instance_lock_path,
            older_app_name=server_name_0_1(root) if upgraded else None,
        )
        claim = _claim_waiting_in_view(instance, paths)
        if claim is Claim.UNANSWERED:
            claim = _end_the_app_not_answering(instance, paths)
        if claim is Claim.GAVE_UP:
            return EXIT_OK
        if claim is Claim.FORWARDED:
            log.info("another instance was asked to come forward")
            return EXIT_OK
        if claim is Claim.UNANSWERED:
            return EXIT_NOT_ANSWERING
        try:
            # SQLite's check of the journal file waits for the window's first frame (the
            # controller starts it); the rows read the file before it.
            ctx = AppContext.create(paths, check_journal_later=True)
            ctx.site  # noqa: B018 (X's address is a set-up error before the window shows)
        except (StorageError, XOriginError) as error:
            instance.release()
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(None, APP_NAME, str(error))
            return EXIT_NO_DISPLAY

    translators = Translators()
    translators.switch(ctx.settings.language)
    if log_error is not None:  # said once, in the status bar, in the language just chosen
        ctx.warnings.append(no_log_file_text(paths.logs_dir, log_error))
    controller = AppController(ctx, translators, demo=demo)
    controller.start(minimized=args.minimized)
    if instance is not None:
        instance.activated.connect(controller.show_window)
        instance.superseded.connect(lambda: app.exit(0))  # (another app runs on its folder)
        controller.after_first_frame(instance.listen)
    controller.after_first_frame(lambda: _follow_dark_palette(app))
    if not demo:
        controller.after_first_frame(lambda: _repair_after_a_move(ctx))
    controller.after_first_frame(warm_up_later)
    log.info("Consentinel %s started%s", __version__, " (demo)" if demo else "")
    collector = GuiThreadCollector(app)  # a check's worker thread must never delete Qt objects
    collector.start()
    # A logout's SIGTERM or a terminal's Ctrl-C ends the app as Quit does (from the first
    # frame on: its module and Python's signal module are not loaded before).
    on_signals: list[QuitOnSignals] = []
    controller.after_first_frame(lambda: on_signals.append(_quit_on_signals(app)))
    try:
        return int(app.exec())
    finally:
        # From here SIGHUP and the first SIGTERM leave the clean-up be; a second SIGTERM
        # ends the process at once (gui/quit_signals.py).
        for handler in on_signals:
            handler.uninstall()
        if instance is not None:
            instance.stop_answering()  # a launch now waits for the lock, not for this app
        controller.shutdown()
        _close_the_journal(ctx)
        if instance is not None:
            instance.release()
        safety.uninstall()
        collector.stop()
        log.info("Consentinel %s ended", __version__)


def _close_the_journal(ctx: AppContext) -> None:
    """The journal's file closed once the clean-up has journaled the check's end: SQLite then
    folds its write-ahead log into the file and removes it. (The demo's is closed with it.)
    A journal that cannot be closed is logged; the lock is still given back."""
    if ctx.journal.closed:
        return
    try:
        ctx.journal.close()
    except Exception:  # (a disk gone: nothing more can be written to it anyway)
        log.exception("could not close the journal")


def _repair_after_a_move(ctx: AppContext) -> None:
    """A menu entry or start at login naming where Consentinel was before it moved: the desktop
    hid it, silently; written again for this copy."""
    from consentinel.core import desktop_entry

    try:
        written = desktop_entry.repair_after_a_move(ctx.settings.start_at_login)
    except (OSError, desktop_entry.DesktopEntryError) as error:
        log.warning("could not point the menu entry or the start at login here: %s", error)
        return
    for path in written:
        log.info("pointed %s at this copy of Consentinel", path)


def use_saved_language(paths: AppPaths) -> None:
    """The language chosen in Settings, for what a launch says before the app is up (that
    window's own translations come later). The file is only read: the app running on this
    folder may be writing it, and sets a damaged one aside itself."""
    import json

    try:
        raw = json.loads(paths.settings_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if isinstance(raw, dict) and isinstance(raw.get("language"), str):
        from consentinel.gui.translations import gui_language

        gui_language(raw["language"])  # (the rule the window follows: a chosen one wins)


def _claim_waiting_in_view(instance: SingleInstance, paths: AppPaths) -> Claim:
    """The single instance's claim; while the running app is closing, a window says so."""
    waits: list[ClosingWait] = []

    def still_waiting() -> bool:
        if not waits:
            from consentinel.gui.closing_wait import ClosingWait

            use_saved_language(paths)
            waits.append(ClosingWait())
        return waits[0].still_waiting()

    try:
        return instance.claim(waiting=still_waiting)
    finally:
        for wait in waits:
            wait.close()


def _end_the_app_not_answering(instance: SingleInstance, paths: AppPaths) -> Claim:
    """The app holding the folder does not answer: says so and, if the person wants, ends it
    (asked first, forced if it does not close) and claims the folder again."""
    from consentinel.gui import stuck_app
    from consentinel.gui.single_instance import Claim

    holder = instance.holder()
    log.warning("another instance holds the app lock but does not answer: %s", holder)
    use_saved_language(paths)
    if not stuck_app.offer_to_end(holder):
        return Claim.UNANSWERED
    claim = _claim_waiting_in_view(instance, paths)
    if claim is Claim.UNANSWERED and stuck_app.offer_to_force(instance.holder() or holder):
        claim = _claim_waiting_in_view(instance, paths)
    return claim


def _quit_on_signals(app: QApplication) -> QuitOnSignals:
    from consentinel.gui.quit_signals import QuitOnSignals

    handler = QuitOnSignals(lambda: app.exit(0), app)
    handler.install()
    return handler


def _follow_dark_palette(app: QApplication) -> None:
    from consentinel.gui.readable_icons import follow_dark_palette

    follow_dark_palette(app)


if __name__ == "__main__":
    raise SystemExit(main())
