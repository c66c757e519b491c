"""What the main window says when the journal or the keyring goes wrong: a journal file gone
from under it (begun afresh, and said), a damaged journal (a warning that stays in the status
bar), a keyring that cannot be used (the bar's line and the welcome page)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from consentinel.core.context import JournalLoss
    from consentinel.gui.main_window import MainWindow

log = logging.getLogger(__name__)

# The window's own words: its context in the catalogues (as its self.tr() has).
translate = QCoreApplication.translate


def say_lost_journal(window: MainWindow, loss: JournalLoss, then_show_journal: bool) -> bool:
    """The journal file went from under the app (`loss`, found by
    MainWindow._notice_a_lost_journal): said, and the app goes on with the journal found or
    begun there; the journal window shows it once the message is read when it was open, or
    with `then_show_journal`. True when it was (False: a new one could not be begun)."""
    from PySide6.QtWidgets import QMessageBox

    from consentinel.core.fileio import StorageError
    from consentinel.core.journal import JournalError
    from consentinel.gui.lost_journal import lost_journal_words

    list_gone = not window.ctx.paths.accounts_path.exists()
    try:
        window.ctx.start_afresh(loss)
    except (StorageError, JournalError) as error:
        window.statusBar().showMessage(str(error))
        return False
    from consentinel.gui.journal_restart_notice import mark_told

    mark_told(window.ctx, window.memory)  # (said here: not again at the next start)
    window.live.clear()
    window.last_result = None
    window.result_label.hide()
    say_journal_problem(window, None)  # (the old journal's, if it had one)
    shown = then_show_journal or (
        window.journal_window is not None and window.journal_window.isVisible()
    )
    if window.journal_window is not None:
        window.journal_window.close()
        window.journal_window.deleteLater()
        window.journal_window = None
    title, text = lost_journal_words(loss, window.ctx.paths, list_gone)
    log.warning("the journal was lost while the app ran (%s): started afresh", loss)
    window.statusBar().showMessage(title)  # (the box says the rest: a line would be cut)
    icon = QMessageBox.Icon.Information if loss == "replaced" else QMessageBox.Icon.Warning
    box = QMessageBox(icon, title, text, parent=window)
    box.finished.connect(box.deleteLater)
    if shown:  # once read (not when quitting closes it), the journal in use now
        box.accepted.connect(window._show_the_new_journal)
    box.open()  # (not exec(): a timer may have found it)
    return True


def say_journal_problem(window: MainWindow, problem: str | None) -> None:
    """The journal's check found it damaged (None: intact): a warning that stays in the
    status bar, and opens the journal."""
    window.journal_problem = problem
    warning = window.journal_warning
    if problem is None:
        if warning is not None:
            warning.hide()
        return
    if warning is None:
        from PySide6.QtWidgets import QPushButton

        from consentinel.gui.message_style import error_style

        warning = window.journal_warning = QPushButton()
        warning.setFlat(True)
        warning.setStyleSheet(error_style())
        warning.clicked.connect(lambda: window.show_journal())
        window.statusBar().addWidget(warning)
    text = translate("MainWindow", "Journal damaged: {problem}").replace("{problem}", problem)
    warning.setText(text)
    warning.setToolTip(translate("MainWindow", "Open the journal to see what was changed."))
    warning.setAccessibleName(text)
    warning.show()


def say_keyring_problem(
    window: MainWindow, problem: str | None, *, locked: bool = False, label: str = ""
) -> None:
    """What a look at the keyring found (None: nothing wrong, and `label` names the keyring;
    `locked`: it is there, locked): in the status bar until something else is said, and on
    the welcome page. A problem gone goes from both, and the bar says the keyring can be
    used now."""
    said, window.keyring_problem = window.keyring_problem, problem
    was_locked, window._keyring_locked = window._keyring_locked, locked
    if problem == said:
        return
    bar = window.statusBar()
    if problem is not None:
        # A line the bar shows whole (the welcome page and the Diagnostics tab have the
        # problem's words and what to do); the whole problem on hover.
        bar.showMessage(keyring_line(locked))
        bar.setToolTip(problem)
    elif said is not None:
        if bar.currentMessage() == keyring_line(was_locked):
            bar.clearMessage()
        bar.showMessage(
            translate("MainWindow", "The keyring ({keyring}) can be used now.").replace(
                "{keyring}", label
            ),
            10_000,
        )
    if window._empty is not None:
        if problem is None:
            window._empty.say_keyring_found()
        else:
            window._empty.say_no_keyring(problem, locked=locked)


def keyring_line(locked: bool) -> str:
    """The status bar's short line for a keyring that cannot be used."""
    if locked:
        return translate(
            "MainWindow", "The keyring is locked: saving or using a password asks to unlock it."
        )
    return translate("MainWindow", "Passwords cannot be saved: no keyring can be used.")
