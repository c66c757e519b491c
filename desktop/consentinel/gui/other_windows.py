"""The windows the main window opens beside it: the journal, the settings and Help › Getting
started (each loaded when first opened: the first frame does without them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from consentinel import APP_NAME

if TYPE_CHECKING:
    from consentinel.gui.main_window import MainWindow

# The window's own words: its context in the catalogues (as its self.tr() has).
translate = QCoreApplication.translate


def open_journal(window: MainWindow, handle: str | None) -> None:
    """The journal window (made at the first, read again after); with `handle`, showing that
    account's entries only."""
    journal = window.journal_window
    if journal is None:
        from consentinel.gui.journal_window import JournalWindow

        journal = window.journal_window = JournalWindow(window.ctx, window, memory=window.memory)
        journal.journal_replaced.connect(window.refresh)
        journal.journal_lost.connect(window._journal_found_lost)
        if window.demo:  # beside the person's own journal, it must not pass for it
            journal.demo = True
            journal.setWindowTitle(
                translate("MainWindow", "Journal — {app} — DEMO (simulated X)").replace(
                    "{app}", APP_NAME
                )
            )
        made = journal
        journal.badge_updated.connect(lambda: window.say_journal_problem(made.problem))
    else:
        journal.refresh()
    if handle:
        journal.show_account(handle)
    journal.show()
    journal.raise_()
    journal.activateWindow()


def open_settings(window: MainWindow) -> None:
    """The settings, as a modal dialog; what they change is shown once it closes."""
    from consentinel.gui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.ctx, parent=window)
    if window.demo:
        # The demo's data folder is thrown away: no OS job may point at it.
        for option in (dialog.run_when_closed, dialog.start_at_login):
            option.setChecked(False)
            option.setEnabled(False)
            option.setToolTip(translate("MainWindow", "Not available in the demo."))
    dialog.settingsChanged.connect(window.settings_saved)
    dialog.dataDeleted.connect(window._data_erased)
    window.settings_opened.emit(dialog)
    dialog.exec()
    window.refresh()


def open_getting_started(window: MainWindow) -> None:
    """Help › Getting started, beside the window (not modal: it stays open while the person
    follows it), made anew each time: in the window's language of the moment."""
    from consentinel.gui.getting_started import GettingStartedDialog, local_readme

    if window.getting_started_dialog is not None:
        window.getting_started_dialog.close()
        window.getting_started_dialog.deleteLater()
    dialog = GettingStartedDialog(window.ctx.paths.journal_path, local_readme(), window)
    window.getting_started_dialog = dialog
    dialog.show()
