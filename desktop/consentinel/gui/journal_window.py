"""The journal window: the entries the filters and the search show, the selected one beside
them, the integrity badge and the exports. Its parts: journal_filters, journal_search,
journal_table, journal_divider, journal_entry_pane, journal_badge, journal_starting_over,
journal_erasing and journal_export_actions."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, QLocale, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence, QPixmap, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from consentinel.core.context import AppContext
from consentinel.core.journal_entries import Entry, VerifyResult
from consentinel.core.journal_verify import problems_in_short
from consentinel.gui import journal_erasing as erasing
from consentinel.gui import journal_export_actions as exports
from consentinel.gui.export_checking import ExportChecking
from consentinel.gui.journal_badge import IntegrityBadge
from consentinel.gui.journal_divider import divider_states, place_divider
from consentinel.gui.journal_entry_pane import PREVIEW_WIDTH as PREVIEW_WIDTH
from consentinel.gui.journal_entry_pane import EntryPane
from consentinel.gui.journal_export_actions import spreadsheet_delimiter as spreadsheet_delimiter
from consentinel.gui.journal_filters import JournalFilters
from consentinel.gui.journal_model import JournalModel
from consentinel.gui.journal_search import JournalSearch
from consentinel.gui.journal_starting_over import ask_start_over
from consentinel.gui.journal_table import (
    column_widths,
    fit_columns_to_rows,
    journal_table,
    keep_columns_open,
)
from consentinel.gui.journal_verdict import Verdicts, verify_in_thread
from consentinel.gui.screen_room import keep_on_screen, restore_within_screen
from consentinel.gui.spoken_labels import heard_as_shown
from consentinel.gui.window_memory import JOURNAL_WINDOW, WindowMemory

# Enough for years of daily checks; older entries stay in the file and in exports.
MAX_ROWS = 5000

if TYPE_CHECKING:
    import threading

    from consentinel.gui.confirmation import Confirmation
    from consentinel.gui.journal_exporting import ExportAsked, ExportEnded

log = logging.getLogger(__name__)


class JournalWindow(QWidget):
    """Everything the journal holds, filtered; `refresh()` re-reads it (connect run signals).

    The integrity badge is worked out in a thread of its own: it hashes every screenshot, which
    takes seconds once a year of "a screenshot of every check" is kept, and the window must
    answer meanwhile. `badge_updated` is emitted when the badge shows a verdict."""

    badge_updated = Signal()
    #: ctx.journal is a new journal (the damaged one was kept and a new one started).
    journal_replaced = Signal()
    #: The journal's file went from under the app (found when asked to start a new journal).
    journal_lost = Signal()
    #: An export asked for by export_to() was written (its entry count) or failed (0).
    export_ended = Signal(int)

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, memory: WindowMemory | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self._ctx = ctx
        #: Where the person left this window and its divider last time (None: not kept).
        self._memory = memory
        self.setWindowTitle(self.tr("Journal — Consentinel"))
        saved = memory.state(JOURNAL_WINDOW) if memory is not None else None
        #: Placed where the person left it (kept on screen again at the first show).
        self._restored = restore_within_screen(self, saved, 1100, 620)

        self.filter_bar = JournalFilters()
        self.account_filter = self.filter_bar.account_filter
        self.outcome_filter = self.filter_bar.outcome_filter
        self.kind_filter = self.filter_bar.kind_filter
        self.from_date = self.filter_bar.from_date
        self.to_date = self.filter_bar.to_date
        self.search = JournalSearch(ctx, self, self._reload)
        self.search_field = self.search.field
        self._search_timer = self.search.timer
        self.count_label = QLabel()
        heard_as_shown(self.count_label, self.tr("Entries shown"))  # ("12 entries shown")

        self.badge = IntegrityBadge()
        self._verdicts = Verdicts(self)
        self._verdicts.ready.connect(self._show_verdict)
        self._checks_asked = 0
        self.verifying = False
        #: A badge asked for while entries keep coming (a check's accounts ending one after
        #: another) is worked out once they pause: it hashes every screenshot.
        self._badge_timer = QTimer(self)
        self._badge_timer.setSingleShot(True)
        self._badge_timer.timeout.connect(self.update_badge)
        self._problem: str | None = None  # why the journal does not verify, once known
        self.confirm_box: Confirmation | None = None  # (asking to start a new journal)
        self.start_over_button = QPushButton(self.tr("Start a &new journal…"))
        self.start_over_button.setToolTip(
            self.tr(
                "Keep this journal as it is, next to a new one that starts with an entry naming it."
            )
        )
        self.start_over_button.clicked.connect(self.ask_start_over)
        self.start_over_button.hide()
        #: Shown while the Account filter shows a removed account (gui/journal_erasing).
        self.erase_button = QPushButton()
        self.erase_button.setToolTip(
            self.tr(
                "Empty this removed account's entries and delete its screenshots, for good "
                "(asked first)."
            )
        )
        self.erase_button.clicked.connect(self.ask_erase_history)
        self.erase_button.hide()
        self.erase_box: Confirmation | None = None  # (asking to erase an account's history)
        #: The demo's (its main window offers no "Add back").
        self.demo = False
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence.StandardKey.Refresh, self, self.refresh)
        # A window of its own: closed from the keyboard as one (Esc, Ctrl+W); Escape clears a
        # search first.
        QShortcut(QKeySequence.StandardKey.Close, self, self.close)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self._escape)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        self.csv_button = QPushButton(self.tr("Export &CSV…"))
        self.csv_button.clicked.connect(lambda: self._ask_export("csv"))
        self.json_button = QPushButton(self.tr("Export &JSON…"))
        self.json_button.clicked.connect(lambda: self._ask_export("json"))
        self.bundle_button = QPushButton(self.tr("Export &with screenshots…"))
        self.bundle_button.setToolTip(
            self.tr(
                "One ZIP file: the JSON export, the screenshots its entries name and a README "
                "saying how to check them."
            )
        )
        self.bundle_button.clicked.connect(lambda: self._ask_export("zip"))
        self.check_button = QPushButton(self.tr("Chec&k an export…"))
        self.check_button.setToolTip(
            self.tr("Check a JSON export or a ZIP with screenshots, as it was written.")
        )
        self.export_checking = ExportChecking(self)
        self.check_button.clicked.connect(
            lambda: self.export_checking.ask(self._ctx.paths.exports_dir)
        )
        self.export_label = QLabel()
        self.export_label.setWordWrap(True)
        #: An export is being written in its thread (export_to); its buttons are greyed.
        self.exporting = False
        self.export_thread: threading.Thread | None = None
        self.export_asked: ExportAsked | None = None
        self.export_carrier: ExportEnded | None = None
        self._busy: QProgressBar | None = None  # (made at the first export)
        self.anything_shown = False
        self.refusal_box: QMessageBox | None = None
        #: What the person's spreadsheet splits a CSV's columns on (their region's, not the
        #: app's language: Excel follows the system).
        self.csv_delimiter = spreadsheet_delimiter(QLocale.system())

        #: In two rows when one would be wider than the window (a small screen at 200 %).
        self.filter_row = self.filter_bar.row

        self.model = JournalModel(self)
        self.table = journal_table(self.model)
        self.table.selectionModel().selectionChanged.connect(self._selected)

        self.entry_pane = EntryPane(ctx)
        self.detail_label = self.entry_pane.detail_label
        self.preview = self.entry_pane.preview
        self.full_size_button = self.entry_pane.full_size_button
        splitter = self.splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.entry_pane)
        place_divider(splitter, memory)

        bottom = QHBoxLayout()
        bottom.addWidget(self.badge)
        bottom.addWidget(self.start_over_button)
        bottom.addStretch(1)
        bottom.addWidget(self.erase_button)
        bottom.addWidget(self.refresh_button)
        # The exports in a row of their own: beside a damaged badge, one row was wider than
        # the window.
        row = self.exports_row = QHBoxLayout()
        row.addStretch(1)
        for button in (self.csv_button, self.json_button, self.bundle_button, self.check_button):
            row.addWidget(button)

        search_row = QHBoxLayout()
        search_row.addWidget(self.search_field, 1)
        search_row.addWidget(self.count_label)

        layout = QVBoxLayout(self)
        layout.addLayout(search_row)
        layout.addWidget(self.filter_row)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        layout.addLayout(row)
        # Below, the window's width: an export's message (a path, what the file holds) takes
        # lines, and beside a badge that names a screenshot it had one word a line.
        layout.addWidget(self.export_label)

        self.filter_bar.fill_accounts(ctx)
        self.filter_bar.when_changed(self._reload)
        self.account_filter.currentIndexChanged.connect(lambda _index: erasing.show_offer(self))
        self.refresh()

    # -- where it was left ------------------------------------------------------------------------

    def places(self) -> dict[str, bytes | None]:
        """Its place, size and divider as Qt saves them (saveGeometry, saveState), by name
        (None: a name no longer kept)."""
        return {JOURNAL_WINDOW: bytes(self.saveGeometry().data()), **divider_states(self.splitter)}

    def showEvent(self, event: QShowEvent) -> None:
        if self._restored:
            self._restored = False
            keep_on_screen(self)
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._memory is not None:
            self._memory.remember_states(self.places())
        super().closeEvent(event)

    # -- reading the journal ----------------------------------------------------------------------

    @Slot()
    def refresh(self, badge_delay_ms: int = 0) -> None:
        """Re-read accounts, entries and the integrity check (after an account's check, a run):
        what the badge counts is what the table and an export hold. The entry being read stays
        selected. With `badge_delay_ms`, the badge says it is checking and checks once no other
        refresh came for that long."""
        selected = self._selected_entry()
        self.search.read_again()
        self.filter_bar.fill_accounts(self._ctx)
        erasing.show_offer(self)
        self._reload()
        if selected is not None:
            row = self.model.row_of(selected.id)
            if row is not None:
                self.select_row(row)
        if badge_delay_ms:
            self._say_checking()
            self._badge_timer.start(badge_delay_ms)
        else:
            self.update_badge()

    def _reload(self) -> None:
        self._search_timer.stop()
        self.filter_bar.grey_outcome()
        filters = self.filters()
        words = self.search_words()
        if words:
            entries = []
            for entry in self.search.entries_to_search(filters):
                if self.search_finds(entry, words):
                    entries.append(entry)
                    if len(entries) == MAX_ROWS:
                        break
        else:
            entries = self._ctx.journal.entries(**filters, limit=MAX_ROWS, newest_first=True)
        self.count_label.setText(
            self.tr("1 entry shown")
            if len(entries) == 1
            else self.tr("{count} entries shown").replace("{count}", str(len(entries)))
        )
        self.anything_shown = bool(entries)
        exports.show_export_buttons(self)
        widths = column_widths(self.table)
        self.model.set_entries(entries)
        if entries:
            fit_columns_to_rows(self.table)
        else:
            keep_columns_open(self.table, widths)
        self._show_entry(None)
        if not entries:  # not a blank table that says nothing
            if words:
                empty = (
                    self.tr("No entry matches this search and these filters.")
                    if filters
                    else self.tr("No entry matches this search.")
                )
            elif filters:
                empty = self.tr("No entry matches these filters.")
            else:
                empty = self.tr("The journal is empty.")
            self.detail_label.setText(empty)

    # -- the badge --------------------------------------------------------------------------------

    @property
    def problem(self) -> str | None:
        """Why the journal does not verify, once the badge knows (None: intact or not known)."""
        return self._problem

    def update_badge(self) -> None:
        """Starts checking the chain and the screenshots; the badge says so until it is done.
        A check asked for while one runs supersedes it: only the latest verdict is shown."""
        self._badge_timer.stop()
        self._checks_asked += 1
        self._say_checking()
        verify_in_thread(self._ctx.journal, self._checks_asked, self._verdicts)

    def _say_checking(self) -> None:
        self.verifying = True
        self._problem = None
        self.start_over_button.hide()
        self.badge.say_checking()

    @Slot(int, object)
    def _show_verdict(self, number: int, verdict: VerifyResult | str) -> None:
        if number != self._checks_asked:
            return  # a later check is under way
        if self._ctx.journal.closed and not isinstance(verdict, str):
            self.verifying = False
            return  # the app or its demo ended once the check had read it: nothing to add
        self.verifying = False
        if isinstance(verdict, str):
            self.badge.say_unchecked(verdict)
        else:
            self._show_result(verdict)
        self.badge_updated.emit()

    def _show_result(self, result: VerifyResult) -> None:
        damaged: dict[int, str] = {}
        for entry_id, problem in result.damaged:
            damaged[entry_id] = f"{damaged[entry_id]} {problem}" if entry_id in damaged else problem
        self.model.set_damaged(damaged)
        selected = self._selected_entry()
        if selected is not None:  # its details say what was found, if anything
            self._show_entry(selected)
        if result.ok:
            self.badge.say_intact(result, self._ctx.journal)
        else:
            self._problem = problems_in_short(result)
            self.start_over_button.show()
            self.badge.say_damaged(result, self._problem, rows_marked=bool(damaged))

    def ask_start_over(self) -> bool:
        """Ask, then keep the damaged journal as it is and begin a new one; True when done."""
        return ask_start_over(self)

    def ask_erase_history(self) -> bool:
        """Ask, then erase the history of the removed account the Account filter shows; True
        when something was."""
        return erasing.ask_erase(self)

    # -- the filters and the search ---------------------------------------------------------------

    def filters(self) -> dict[str, Any]:
        """The journal.entries() arguments the filters ask for."""
        return self.filter_bar.asked()

    def search_words(self) -> tuple[str, ...]:
        """The words of the search typed (folded), () when none is."""
        return self.search.words()

    def search_finds(self, entry: Entry, words: tuple[str, ...]) -> bool:
        """Whether the entry's words as the window shows them hold each of `words`."""
        return self.search.finds(entry, words)

    def focus_search(self) -> None:
        self.search.focus()

    def _escape(self) -> None:
        """Escape clears a search (at once), else closes the window."""
        if self.search.clear():
            self._reload()
        else:
            self.close()

    def show_account(self, handle: str) -> None:
        """Only this account's entries: its name chosen in the Account filter."""
        self.filter_bar.show_account(handle)

    # -- the selected entry -----------------------------------------------------------------------

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = {index.row() for index in selected.indexes()}
        self._show_entry(self.model.entry_at(rows.pop()) if rows else None)

    def _selected_entry(self) -> Entry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entry_at(rows[0].row()) if rows else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _show_entry(self, entry: Entry | None) -> None:
        damage = self.model.damage_of(entry) if entry is not None else None
        self.entry_pane.show_entry(entry, damage)

    @property
    def pixmap(self) -> QPixmap | None:
        """The selected entry's screenshot at full size (None: none, or it cannot be read)."""
        return self.entry_pane.pixmap

    def show_full_size(self) -> QDialog | None:
        """The selected screenshot at full size in a scrollable dialog."""
        return self.entry_pane.show_full_size()

    # -- exporting --------------------------------------------------------------------------------

    def suggested_export_path(self, fmt: str) -> Path:
        """consentinel-journal-DATE.json; one account's, with its handle in the name."""
        return exports.suggested_export_path(self, fmt)

    def _ask_export(self, fmt: str) -> None:
        exports.ask_export(self, fmt)

    def export_to(self, path: Path, fmt: str) -> bool:
        """Start writing the entries the filters and the search show (all of them, not only
        the rows on screen) in a thread of its own: with the journal's check, which hashes
        every screenshot, a long journal takes minutes, and the window answers meanwhile.
        Once written, the window says whether that is the whole journal and, if it does not
        verify, what the file keeps of that (a CSV holds no verdict); `export_ended` gives the
        count (0: it failed). False: nothing started, for a file of Consentinel's own (said in
        a box: an export over the journal or the account list would lose them) or while
        another export is being written."""
        return exports.start_export(self, path, fmt)

    @Slot(object)
    def _export_ended(self, outcome: object) -> None:
        exports.say_export_ended(self, outcome)
