"""AppController: the context, the runner, the window, the tray, the schedule and the demo."""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from consentinel.core.context import AppContext
from consentinel.core.display import has_display
from consentinel.core.journal import JournalError
from consentinel.core.status import RETRY_SOON_REASONS, Reason
from consentinel.core.steps import Step
from consentinel.gui.auto_checks import AutoChecks
from consentinel.gui.check_runner import CheckRunner
from consentinel.gui.dialog_words import PERSON_STEPS, waiting_for_you
from consentinel.gui.main_window import MainWindow
from consentinel.gui.translations import Translators
from consentinel.gui.tray import Tray

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from consentinel.core.engine import Engine
    from consentinel.core.events import RunResult
    from consentinel.core.journal import Journal
    from consentinel.gui.demo import DemoSession
    from consentinel.gui.erased_bytes_folding import ErasedBytesFolding
    from consentinel.gui.journal_verdict import Verdicts
    from consentinel.gui.keyring_look import KeyringLook, KeyringLooked
    from consentinel.gui.program_probe import ProgramProbe
    from consentinel.gui.settings_dialog import SettingsDialog
    from consentinel.x.browser_program import ProgramCheck

log = logging.getLogger(__name__)


#: How long work kept for after the first paint waits, at most, for a paint that does not come.
FIRST_FRAME_GRACE_MS = 3000
#: The journal's check waits this long after the first frame: the window settles first.
JOURNAL_CHECK_DELAY_MS = 3000
#: A check's stops at which X may not have been reached at all (`_x_not_reached`): Chromium's
#: network error, and its page load timed out (the network not up yet), as the OS job's
#: retries take both (cli/scheduled_retry.py RETRIED_REASONS).
_X_NOT_REACHED = frozenset({Reason.NETWORK, Reason.TIMEOUT})

EngineFactory = Callable[[AppContext], "Engine"]


def default_engine(ctx: AppContext) -> Engine:
    from consentinel.core.engine import Engine  # Playwright loads with the first check

    # The "finish in the browser" window must be visible; without a screen it cannot be.
    return Engine(ctx, interactive_headless=not has_display())


class AppController(QObject):
    """One per process. `demo` set: the whole app runs on the simulated X."""

    def __init__(
        self,
        ctx: AppContext,
        translators: Translators,
        *,
        demo: DemoSession | None = None,
        engine_factory: EngineFactory = default_engine,
        use_tray: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.demo = demo
        self.translators = translators
        self._engine_factory = engine_factory
        self.runner = CheckRunner(lambda: self._engine_factory(self.ctx), ctx.paths.lock_path, self)
        self.auto = AutoChecks(ctx, self._scheduled_start, parent=self, busy=self._checking)
        self.runner.run_finished.connect(self._run_finished)
        self.runner.run_failed.connect(self._run_failed)
        self.runner.schedule_skipped.connect(self._run_failed)
        self.runner.login_finished.connect(self._sign_in_finished)
        self.tray: Tray | None = None
        if use_tray and Tray.available():
            # Busy until the window has heard the run end (CheckRunner.going), as the
            # schedule's starts are (`_checking`): `running` goes False before that, but also
            # after it when the check failed (run_failed is sent before the worker is done).
            self.tray = Tray(
                lambda: self.auto.paused,
                lambda: self.runner.going or self.runner.running,
                self,
                has_accounts=lambda: bool(self.ctx.accounts.list()),
            )
            self.tray.check_now.connect(self.check_now)
            self.tray.open_window.connect(self.show_window)
            self.tray.show_needing_you.connect(self._show_accounts_needing_you)
            self.tray.toggle_pause.connect(self.auto.toggle_pause)
            self.tray.quit_app.connect(self.quit)
            self._follow_on_the_tray(self.tray)
        self.demo_controller: AppController | None = None
        self.browser_dialog: QDialog | None = None
        self.journal_verdicts: Verdicts | None = None
        #: The last check of the journal asked for (its number, its journal): a verdict of an
        #: earlier one, or on another journal, says nothing of ctx's.
        self._journal_in_check: tuple[int, Journal | None] = (0, None)
        self._journal_timer = QTimer(self)
        self._journal_timer.setSingleShot(True)
        self._journal_timer.setInterval(JOURNAL_CHECK_DELAY_MS)
        self._journal_timer.timeout.connect(self.check_journal)
        self._shut_down = False
        #: Takes out of the journal's write-ahead log what an erasure left there (made after
        #: the first frame).
        self._erased_bytes: ErasedBytesFolding | None = None
        self._said_warnings: list[str] = []
        #: The keyring's looks, in a thread (gui/keyring_look): made once the window is up.
        self.keyring_look: KeyringLook | None = None
        self._start_box: QDialog | None = None
        #: Asks the browser chosen in the settings what it is, once the window is up.
        self.chosen_browser_probe: ProgramProbe | None = None
        #: What the status bar says of a Firefox chosen in the settings, until another is.
        self._firefox_warning = ""
        #: What waits for the window's first frame (`after_first_frame`), until it came.
        self._after_frame: list[Callable[[], None]] = []
        self._frame_passed = False
        self.window = self._make_window()
        self.auto.schedule_changed.connect(self.window.refresh)
        self.auto.pause_failed.connect(self._pause_failed)
        self.on_quit: Callable[[], None] = QApplication.quit

    def _follow_on_the_tray(self, tray: Tray) -> None:
        """The tray icon's tooltip says how far a check is, whoever started it, what it waits
        for from the person, and how the last one ended."""
        progress = [0, 0]
        waiting: dict[str, Step] = {}  # the account waiting for the person, and for what

        def show() -> None:
            said = "".join(waiting_for_you(h, s) for h, s in list(waiting.items())[:1])
            tray.show_progress(progress[0], progress[1], said)

        def started(_run_id: int, handles: tuple[str, ...]) -> None:
            progress[:] = [0, len(handles)]
            waiting.clear()
            show()

        def step(handle: str, step: Step) -> None:
            was = bool(waiting) and handle in waiting
            if step in PERSON_STEPS:
                waiting[handle] = step
            else:
                waiting.pop(handle, None)
            if was or handle in waiting:
                show()

        def account_done(_result: object) -> None:
            progress[0] += 1
            show()

        def finished(result: RunResult, _trigger: str) -> None:
            waiting.clear()
            tray.show_idle(result)

        self.runner.run_started.connect(started)
        self.runner.step.connect(step)
        self.runner.account_finished.connect(account_done)
        self.runner.run_finished.connect(finished)
        self.runner.run_failed.connect(lambda *_: tray.show_idle())
        # (A sign-in window runs without a check's steps; a failed check ends before `running`.)
        self.runner.busy_changed.connect(lambda _busy: tray.update_check_entry())
        # A sign-in's end, once heard (`going` False then: the runner's own slot comes first).
        self.runner.login_finished.connect(lambda _outcome: tray.update_check_entry())

    def _make_window(self) -> MainWindow:
        window = MainWindow(
            self.ctx,
            self.runner,
            demo=self.demo is not None,
            hint_for=self.demo.hint_for if self.demo else None,
            next_times=self.auto.next_times,
            paused=lambda: self.auto.paused,
        )
        window.keep_in_tray = self.tray is not None
        window.notifier = self.tray
        if self.tray is not None:
            # Who needs the person, as the table says it: after a check, a sign-in of theirs,
            # an account edited, removed or added (its first reading, made with the window).
            self.tray.follow_accounts(window.rows)
            window.rows_read.connect(self.tray.follow_accounts)
        window.quit_requested.connect(self.quit)
        window.pause_requested.connect(self.auto.toggle_pause)
        window.account_added.connect(self.auto.hold_new)
        window.settings_saved.connect(self._settings_saved)
        window.settings_opened.connect(self._follow_in_settings)
        window.demo_requested.connect(self.start_demo)
        return window

    def start(self, minimized: bool = False) -> None:
        """Show the window, or with `minimized` (the start at login) keep out of the way: in
        the tray, or, on a desktop that shows none (GNOME's default), with the window minimized
        (it popped up at every login, and closing it would quit the app)."""
        if not minimized:
            self.window.show()
        elif self.tray is None:
            self.window.showMinimized()
        if self.tray is not None:
            # The icon's registration with the desktop's tray (D-Bus calls, or a window of its
            # own) waits for the window's first frame: the window is what the person opened.
            self.after_first_frame(self.tray.show)
        self._said_warnings = self._warnings()
        for warning in self._said_warnings:
            self.window.statusBar().showMessage(warning, 20_000)
        if self._said_warnings and self._in_view():
            # A file set aside, a setting not used: said where it stays until read, not only
            # for 20 seconds in the status bar (cut short there when long).
            self.after_first_frame(self._show_start_warnings)
        self.auto.start()
        self.after_first_frame(self.window.watch_the_clock)
        if self.demo is None and self._in_view():
            self.after_first_frame(self._offer_browser_if_missing)
        # SQLite's check of the journal file, in a thread: put off until the window is up (its
        # rows read the file before; a read that meets damage waits for the check).
        self.after_first_frame(self._begin_journal_check)
        # Once the window has settled: the check hashes every screenshot in a thread.
        self.after_first_frame(self._journal_timer.start)
        # What an erasure (here or by another process) could not take out of the journal's
        # write-ahead log while a read went on: taken out once that read ends.
        self.after_first_frame(self._fold_erased_bytes_left)
        if self.demo is None:
            # No keyring at all (or a locked one): every check would fail, and no password
            # can be saved; said now, not at the first check nor once a first account is typed
            # in; and looked at again when the person comes back to the window (they may have
            # started or unlocked one meanwhile, as the message asks).
            self.after_first_frame(self._look_for_a_keyring)
            self.after_first_frame(self._look_when_back)
        if self.demo is None and self.ctx.settings.browser_path:
            # A browser saved before Firefox was refused: said now, not at the first check.
            self.after_first_frame(self._ask_the_chosen_browser)
        if self.demo is None:
            # Without systemd, the crontab line's minute (`crontab -l`, in a thread): the
            # window says the OS job's checks at it, not at the schedule's times.
            self.after_first_frame(self.auto.read_os_job)

    def _fold_erased_bytes_left(self) -> None:
        from consentinel.gui.erased_bytes_folding import ErasedBytesFolding

        if not self._shut_down:
            folder = self.ctx.paths.journal_path.parent
            self._erased_bytes = ErasedBytesFolding(lambda: self.ctx.journal, folder, self)

    def _in_view(self) -> bool:
        """The window is open before the person, not in the tray nor minimized: a dialog it
        opens is one they asked for, not one that pops up at login."""
        return self.window.isVisible() and not self.window.isMinimized()

    def _keyring(self) -> KeyringLook:
        """The keyring's looks, made with the first (after the window's first frame: the
        module and its Qt classes are not the first frame's work)."""
        if self.keyring_look is None:
            from consentinel.gui.keyring_look import KeyringLook

            self.keyring_look = KeyringLook(self.ctx.vault, self)
            self.keyring_look.found.connect(self._keyring_found)
        return self.keyring_look

    def _look_for_a_keyring(self) -> None:
        """In a thread (the keyring library loads there, and asks D-Bus which keyrings run and
        whether the one found is locked: D-Bus may not answer); the answer comes back through
        a queued signal. Nothing is read and no password asked (Vault.check_unprompted). One
        look at a time: one that hangs is not joined by others (one asked for meanwhile
        follows its answer)."""
        if not self._shut_down:
            self._keyring().look()

    def _keyring_found(self, looked: KeyringLooked) -> None:
        from consentinel.gui.keyring_look import KeyringSeen

        if self._shut_down:
            return
        usable = looked.seen is KeyringSeen.USABLE
        problem = None if usable else looked.words
        if problem is not None and problem != self.window.keyring_problem:
            log.warning("%s", problem)
        self.window.say_keyring_problem(
            problem, locked=looked.seen is KeyringSeen.LOCKED, label=looked.words if usable else ""
        )

    def _look_when_back(self) -> None:
        """From now on (the first frame is up), the window's coming back looks again."""
        self.window.came_back.connect(self._came_back)

    def _came_back(self) -> None:
        """Look at the keyring again, at most every KEYRING_LOOK_EVERY_S (gui/keyring_look):
        sooner, the look waits for its time (the person came back now, and the last look may
        be from before they started the keyring); and read the crontab line again (at most
        once a minute: AutoChecks.read_os_job_when_back)."""
        if not self._shut_down:
            self._keyring().look_when_due()
            # A crontab line the person was told to add may be there now (`crontab -e`), or
            # one found before removed so (read at most once a minute so).
            self.auto.read_os_job_when_back()

    def _ask_the_chosen_browser(self) -> None:
        """The browser chosen in the settings (when checks would use it) asked what it is, in a
        thread (gui/program_probe): Firefox, taken before the settings asked, is said in the
        window, with what to do; `consentinel check` and the doctor only said it when run."""
        from consentinel.gui.program_probe import ProgramProbe
        from consentinel.x.browser import BrowserSource, find_browser

        chosen = self.ctx.settings.browser_path
        choice = find_browser(chosen)
        if self._shut_down or not chosen or choice is None:
            return
        if choice.source is not BrowserSource.PREFERENCE:  # (CONSENTINEL_BROWSER comes first)
            return
        probe = ProgramProbe(self)
        probe.answered.connect(self._chosen_browser_answered)
        self.chosen_browser_probe = probe
        probe.ask(chosen)

    def _chosen_browser_answered(self, path: str, check: ProgramCheck) -> None:
        from consentinel.x.browser_program import ProgramKind

        # (Not when another browser was chosen meanwhile; nor for a program that said nothing
        # in time: slow at a start from a cold disk, it is asked again by each check.)
        if self._shut_down or check.kind in (ProgramKind.USABLE, ProgramKind.SILENT):
            return
        if path != self.ctx.settings.browser_path:
            return
        if check.kind is ProgramKind.FIREFOX:
            warning = self.tr(
                "The browser chosen in the settings, {path}, is Firefox: Consentinel cannot use "
                "it, and no check can start. In Settings, choose Chrome, Edge or Chromium, or "
                "“Find a browser automatically” to let Consentinel find one."
            )
        else:  # another program (a check now refuses it too, before starting it)
            warning = self.tr(
                "The browser chosen in the settings, {path}, is not Chromium, Google Chrome or "
                "Microsoft Edge: Consentinel cannot use it, and no check can start. In "
                "Settings, choose Chrome, Edge or Chromium, or “Find a browser automatically” "
                "to let Consentinel find one."
            )
        warning = warning.replace("{path}", path)
        log.warning("the browser chosen in the settings, %s, is no browser it can use", path)
        self._said_warnings.append(warning)
        self._firefox_warning = warning
        self.window.statusBar().showMessage(warning)
        if self._in_view():
            self._show_start_warnings([warning])

    def _begin_journal_check(self) -> None:
        try:
            self.ctx.journal.begin_check()
        except JournalError as error:
            # A first start's journal file could not be made (a full disk): said until
            # something else is; a check would meet it again, and say it again.
            log.warning("%s", error)
            self.window.statusBar().showMessage(str(error))

    def check_journal(self) -> None:
        """Check the journal's chain and screenshots in a thread (gui/journal_verdict); a
        damaged journal is then said in the window, which the journal window's badge alone did
        not (a person may never open it)."""
        from consentinel.gui.journal_verdict import Verdicts, verify_in_thread

        if self._shut_down:
            return
        if self.journal_verdicts is None:
            self.journal_verdicts = Verdicts(self)
            self.journal_verdicts.ready.connect(self._journal_checked)
        number = self._journal_in_check[0] + 1
        self._journal_in_check = (number, self.ctx.journal)
        verify_in_thread(self.ctx.journal, number, self.journal_verdicts)

    def _journal_checked(self, number: int, verdict: object) -> None:
        from consentinel.core.journal_entries import VerifyResult
        from consentinel.core.journal_verify import problems_in_short

        # Only the last check's verdict, and only while its journal is still the one in use
        # (not after its file went, or it was started over).
        if self._journal_in_check != (number, self.ctx.journal):
            return
        if isinstance(verdict, VerifyResult) and not self._shut_down:
            self.window.say_journal_problem(None if verdict.ok else problems_in_short(verdict))
            self._say_journal_set_aside()
            self._say_journal_restarted()

    def _say_journal_set_aside(self) -> None:
        """A journal file set aside by SQLite's check (done by now: the verdict waited for it),
        said once; the rows read from it before the check are read again."""
        warning = self.ctx.journal.open_warning
        if warning and warning not in self._said_warnings:
            self._said_warnings.append(warning)
            self.window.statusBar().showMessage(warning, 20_000)
            self.window.refresh()

    def _say_journal_restarted(self) -> None:
        """A start-over of the journal the window has not told yet (a scheduled check set it
        aside, or its folder went during a check): said as the start's warnings are, once.
        One this process's own start made is said by _say_journal_set_aside already."""
        from consentinel.gui.journal_restart_notice import restart_to_tell, restart_words

        entry = restart_to_tell(self.ctx, self.window.memory)
        if entry is None:
            return
        own = self.ctx.journal.known_warning or ""
        if entry.payload.get("set_aside") and str(entry.payload["set_aside"]) in own:
            return
        warning = restart_words(entry, self.ctx)
        self._said_warnings.append(warning)
        self.window.statusBar().showMessage(warning, 20_000)
        if self._in_view():
            self._show_start_warnings([warning])

    def after_first_frame(self, work: Callable[[], None]) -> None:
        """Run `work` once, after the window's first paint (at once when it starts hidden)."""
        # Timers with the controller as their context: a controller deleted first (tests make
        # one after another) cancels them, where they ran `work` on what it had deleted.
        # (A minimized window is painted only once the person brings it up.)
        if self._frame_passed or not self._in_view() or self.window.painted:
            QTimer.singleShot(0, self, work)
            return
        if not self._after_frame:
            self.window.first_painted.connect(self._run_after_frame)
            # A window shown but never painted (on a workspace nobody looks at, say) must not
            # hold the work back: a later launch could not reach this one, no browser would be
            # offered. (One timer of the controller's for all of it: a timer given a context
            # object, each, cost PySide the types of Qt's methods before the first frame.)
            grace = QTimer(self)
            grace.setSingleShot(True)
            grace.timeout.connect(self._run_after_frame)
            grace.start(FIRST_FRAME_GRACE_MS)
        self._after_frame.append(work)

    def _run_after_frame(self) -> None:
        """What waited for the first frame, in the order it was given; once."""
        self._frame_passed = True
        waiting, self._after_frame = self._after_frame, []
        for work in waiting:
            # Each on its own, as when each had its own timer: one that fails (said by the
            # safety net, as any error the event loop meets) keeps none of the others back,
            # such as listening for a later launch.
            try:
                work()
            except Exception:
                sys.excepthook(*sys.exc_info())

    def _offer_browser_if_missing(self) -> None:
        from consentinel.gui.browser_setup_dialog import browser_missing

        if browser_missing(self.ctx):
            self.offer_browser()

    def offer_browser(self) -> None:
        """The "a browser is needed" dialog: choose one or download Chromium (non-blocking)."""
        from consentinel.gui.browser_setup_dialog import BrowserSetupDialog

        if self.browser_dialog is not None:
            self.browser_dialog.raise_()
            return
        dialog = BrowserSetupDialog(self.ctx, self.window, refused=self._named_browser())
        dialog.accepted.connect(
            lambda: self.window.statusBar().showMessage(
                self.tr("A browser is ready: checks can start."), 20_000
            )
        )
        dialog.finished.connect(self._browser_dialog_closed)
        self.browser_dialog = dialog
        dialog.open()

    def _named_browser(self) -> tuple[str, str] | None:
        """The browser the person named (the settings, CONSENTINEL_BROWSER), if checks would
        use it: offered a browser, they were refused that one, not short of any."""
        from consentinel.core.doctor import source_words
        from consentinel.x.browser import BrowserSource, find_browser

        choice = find_browser(self.ctx.settings.browser_path)
        if choice is None or choice.source not in (
            BrowserSource.ENVIRONMENT,
            BrowserSource.PREFERENCE,
        ):
            return None
        return str(choice.path), source_words(choice.source)

    def _browser_dialog_closed(self) -> None:
        if self.browser_dialog is not None:
            self.browser_dialog.deleteLater()
        self.browser_dialog = None

    def _show_start_warnings(self, warnings: list[str] | None = None) -> None:
        """The warnings (those said at start by default) in a box that stays until read; one
        found later (in a thread) joins the box while it is open."""
        from PySide6.QtWidgets import QMessageBox

        said = self._said_warnings if warnings is None else warnings
        box = self._start_box
        # RuntimeError: it went with the window that a new language rebuilt.
        with contextlib.suppress(RuntimeError):
            if isinstance(box, QMessageBox) and box.isVisible():
                box.setText("\n\n".join([box.text(), *said]))
                return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Consentinel found a problem"),
            "\n\n".join(said),
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setObjectName("start_warnings")
        self._start_box = box
        box.open()  # not exec(): nothing waits on it

    def _warnings(self) -> list[str]:
        # (The journal's as known now: SQLite's check of its file comes after the first frame.)
        journal = self.ctx.journal.known_warning
        found = [*self.ctx.warnings, self.ctx.accounts.load_warning, journal]
        return [w for w in found if w]

    # -- checks -----------------------------------------------------------------------------------

    def check_now(self) -> None:
        self.window.start_check(None)

    def _scheduled_start(self, handles: list[str]) -> bool:
        """A scheduled run, of the accounts due (AutoChecks); the person's are of them all."""
        if not handles or self.runner.going:
            # (Going: a run whose end is not heard yet would be taken for this one's.)
            return False
        return self.window.start_check(handles, trigger="schedule")

    def _checking(self) -> bool:
        """Whether a check or a sign-in of the window's is going: a run started now would be
        refused. Until the GUI thread has heard it end (CheckRunner.going), not until the worker
        is done: X's answer delivered in between must not start a retry that the first run's
        end, delivered next, would be taken for."""
        return self.runner.going

    def _sign_in_finished(self, _outcome: object) -> None:
        self.auto.sign_in_finished()

    def _run_finished(self, result: RunResult, trigger: str) -> None:
        kept_from_x = any(a.reason in RETRY_SOON_REASONS for a in result.accounts)
        completed = not result.cancelled and not kept_from_x
        self.auto.run_finished(
            completed, x_not_reached=_x_not_reached(result), cancelled=result.cancelled
        )
        if trigger != "schedule":
            self.auto.checked_by_hand(
                [a.handle for a in result.accounts if a.reason is not Reason.CANCELLED]
            )
        # A language chosen during the check, once the window has shown how it ended.
        QTimer.singleShot(0, self._apply_language)
        if trigger != "schedule" and any(
            a.reason is Reason.BROWSER_MISSING for a in result.accounts
        ):
            self.offer_browser()

    def _run_failed(self, _message: str) -> None:
        if self.runner.signing_in:
            # A sign-in's failure: no check's; its end comes to `_sign_in_finished`.
            return
        self.auto.run_finished(False)
        QTimer.singleShot(0, self._apply_language)

    # -- windows, language, demo ------------------------------------------------------------------

    def show_window(self) -> None:
        self.window.bring_forward()

    def _show_accounts_needing_you(self, handles: list[str]) -> None:
        self.window.show_accounts_needing_you(handles)

    def _pause_failed(self, problem: str) -> None:
        text = self.tr("The schedule could not be paused or resumed: {problem}")
        self.window.statusBar().showMessage(text.replace("{problem}", problem), 30_000)

    def _follow_in_settings(self, dialog: SettingsDialog) -> None:
        """While the Settings dialog is open, what the window's tick takes from another
        process (`consentinel schedule install`, `remove`) is shown there, where the person
        has not changed it: the dialog's Save does not put the old values back."""
        self.auto.schedule_changed.connect(dialog.follow_settings)
        dialog.finished.connect(
            lambda _result: self.auto.schedule_changed.disconnect(dialog.follow_settings)
        )
        # "Delete all my data" saves the settings too: a crontab line it could not remove ticks
        # "Keep checking when Consentinel is closed", and its minute is read for the window.
        dialog.dataDeleted.connect(self.auto.settings_changed)
        dialog.eraseFailed.connect(self.auto.settings_changed)  # (it may have saved them too)

    def _settings_saved(self) -> None:
        self.auto.settings_changed()
        bar = self.window.statusBar()
        if self._firefox_warning and bar.currentMessage() == self._firefox_warning:
            bar.clearMessage()  # (the settings refuse Firefox: another browser was chosen)
        self._firefox_warning = ""
        if self.translators.language == self._wanted_language():
            return
        if self.runner.running:
            # A window built anew mid-check would lose the check's progress and its Cancel
            # button: the new language waits for the check to end.
            self.window.statusBar().showMessage(
                self.tr("The new language will apply when this check has ended."), 30_000
            )
            return
        self._apply_language()

    def _apply_language(self) -> None:
        if self.translators.language != self._wanted_language():
            self.translators.switch(self.ctx.settings.language)
            self._rebuild_window()

    def _wanted_language(self) -> str:
        from consentinel.gui.translations import gui_language

        return gui_language(self.ctx.settings.language)

    def _rebuild_window(self) -> None:
        """Every tr() is evaluated when a widget is built: a new language needs a new window."""
        old = self.window
        geometry = old.saveGeometry()
        # The journal window is the old window's child: it goes with it, and comes back in the
        # new language where it was (the person may have been reading it).
        journal = old.journal_window
        journal_geometry = journal.saveGeometry() if journal and journal.isVisible() else None
        self.window = self._make_window()
        self.auto.schedule_changed.connect(self.window.refresh)
        self.auto.pause_failed.connect(self._pause_failed)
        self.window.restoreGeometry(geometry)
        self.window.set_filter_text(old.filter_text)  # (its order is kept in window.json)
        self.window.show()
        self.window.say_journal_problem(old.journal_problem)  # what the journal's last check said
        if self.demo is None:
            self._look_when_back()
            if old.keyring_problem is not None:  # said again, in the new language
                self._look_for_a_keyring()
        if old.last_result is not None:  # the last check's summary, in the new language
            self.window.show_summary(old.last_result)
        if old.journal_problem is not None:
            self.check_journal()  # its words again, in the new language
        if journal_geometry is not None:
            self.window.show_journal()
            if self.window.journal_window is not None:
                self.window.journal_window.restoreGeometry(journal_geometry)
        old.keep_in_tray = True  # its close must not quit the app
        old.hide()
        old.deleteLater()
        if self.tray is not None:
            self.tray.rebuild_menu()

    def start_demo(self) -> None:
        if self.demo_controller is not None:
            self.demo_controller.show_window()
            return
        from consentinel.gui.demo import DemoSession

        try:
            session = DemoSession.start()
        except OSError as error:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(
                self.window,
                self.tr("The demo could not start"),
                self.tr("The simulated X could not start: {problem}").replace(
                    "{problem}", str(error)
                ),
            )
            return
        controller = AppController(
            session.ctx,
            self.translators,
            demo=session,
            engine_factory=self._engine_factory,
            use_tray=False,
            parent=self,
        )
        controller.on_quit = self._demo_closed
        self.demo_controller = controller
        controller.start()
        self.window.hide() if self.tray is not None else None

    def _demo_closed(self) -> None:
        controller, self.demo_controller = self.demo_controller, None
        if controller is not None:
            controller.shutdown()
            controller.window.hide()
            controller.window.deleteLater()
            controller.deleteLater()  # with its runner and timers: a demo closed is gone
        self.window.bring_forward()

    def quit(self) -> None:
        """Quit (the tray's Quit, the window's once it asked): once the journal's exports
        under way are written, or stopped (gui/export_waiting); the app's own quit waits for
        every export, the demo's for its journal's."""
        from consentinel.gui.export_waiting import finish_exports_first

        journal = self.ctx.journal if self.demo is not None else None
        if not finish_exports_first(self.window, journal, self.on_quit):
            self.on_quit()

    def shutdown(self) -> None:
        """Cancel a running check, let it reach a safe point, journal the notifications not
        yet said, stop the demo."""
        self._shut_down = True
        self.window.remember_places()  # (quitting from the tray or the menu: no closeEvent)
        self._journal_timer.stop()
        if self._erased_bytes is not None:
            self._erased_bytes.stop()
        if self.keyring_look is not None:
            self.keyring_look.stop()
        self.auto.stop()
        if self.demo_controller is not None:
            self.demo_controller.shutdown()
            self.demo_controller = None
        if self.runner.running:
            self.runner.cancel()
        self._stop_exports()
        self.runner.wait(60)  # also a worker that said it is done but has not yet ended
        self.window.stop_notifying()
        if self.tray is not None:
            self.tray.hide()
        if self.demo is not None:
            self.demo.stop()
            self.demo = None

    def _stop_exports(self) -> None:
        """An export still under way (the app ended by a signal, or the session) is stopped,
        its temp file removed before the process ends: quitting waited for it otherwise."""
        if "consentinel.gui.journal_exporting" not in sys.modules:
            return  # (no export was ever started)
        from consentinel.gui.journal_exporting import stop_exports

        stop_exports(self.ctx.journal if self.demo is not None else None)


def quit_soon() -> None:
    QTimer.singleShot(0, QApplication.quit)


def _x_not_reached(result: RunResult) -> bool:
    """Whether only X not reached from this computer kept `result`'s checks from X (Chromium's
    network error, or its page that timed out: no answer at all, or none in time, as at a wake
    before the Wi-Fi is back): its retry may start as soon as X answers again, as the OS job's
    does for both (cli/scheduled_retry.py). Not when X itself answered with an error (a 5xx,
    its "Something went wrong" at the password or the code): signing in again at once, the
    password typed again, maybe a fresh 2FA code, would make a burst of sign-ins X may find
    suspicious; that retry waits its half hour, as the OS job's does. (X merely slow, a
    timeout while it answers, is told apart by the watch: X answering its first question
    keeps the half hour.)"""
    kept = [a for a in result.accounts if a.reason in RETRY_SOON_REASONS]
    if result.cancelled or not kept:
        return False
    return all(a.reason in _X_NOT_REACHED and not a.x_answered for a in kept)
