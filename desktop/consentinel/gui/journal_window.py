"""The journal window: filters, each change before/after, evidence screenshots, export, badge."""

from __future__ import annotations

import logging
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QItemSelection, QLocale, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence, QPixmap, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from consentinel.core.context import AppContext
from consentinel.core.evidence import evidence_file
from consentinel.core.fileio import StorageError
from consentinel.core.journal_entries import Entry, EntryKind, VerifyResult, message_for_reader
from consentinel.core.journal_verify import problems_in_short, problems_to_list
from consentinel.core.lock import RunLock
from consentinel.core.status import ALL_BOXES, OWN_NAME_REASONS, Reason, Status
from consentinel.core.text_search import finds, folded, search_words
from consentinel.gui.confirmation import Confirmation
from consentinel.gui.dialog_words import (
    NAMED_BY_REASON,
    entry_kind_name,
    kind_name,
    status_name,
)
from consentinel.gui.export_checking import ExportChecking
from consentinel.gui.journal_model import (
    JournalModel,
    account_words,
    check_reason,
    details,
    evidence_path,
    local_iso_time,
    local_time,
)
from consentinel.gui.journal_verdict import Verdicts, verify_in_thread
from consentinel.gui.row_hints import window_advice
from consentinel.gui.screen_room import keep_on_screen, restore_within_screen
from consentinel.gui.spoken_labels import heard_as_shown
from consentinel.gui.window_memory import JOURNAL_SPLITTER, JOURNAL_WINDOW, WindowMemory
from consentinel.gui.wrapping_row import WrappingRow

# Enough for years of daily checks; older entries stay in the file and in exports.
MAX_ROWS = 5000
#: A search is made again once typing pauses this long (it reads every entry's words).
SEARCH_PAUSE_MS = 200
INTACT_STYLE = "background: #1e7b34; color: white; padding: 3px 8px; border-radius: 4px;"
DAMAGED_STYLE = "background: #b3261e; color: white; padding: 3px 8px; border-radius: 4px;"
CHECKING_STYLE = "background: #5f6368; color: white; padding: 3px 8px; border-radius: 4px;"
UNCHECKED_STYLE = "background: #8a5300; color: white; padding: 3px 8px; border-radius: 4px;"
_NO_DATE = QDate(2000, 1, 1)
PREVIEW_WIDTH, PREVIEW_HEIGHT = 360, 250
#: The damaged badge's tooltip lists this many problems at most; the JSON export holds them all.
MAX_PROBLEMS_IN_TOOLTIP = 15

if TYPE_CHECKING:
    import threading

    from consentinel.core.evidence_bundle import BundleWritten
    from consentinel.gui.journal_exporting import ExportAsked, ExportEnded, ExportWritten

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

        self.account_filter = QComboBox()
        self.account_filter.setAccessibleName(self.tr("Account"))
        self.outcome_filter = QComboBox()
        self.outcome_filter.setAccessibleName(self.tr("Outcome"))
        # As wide as most of its names, not its longest ("Email or phone to confirm", longer in
        # French): at 200 % the filters' row would push the window past a small screen. The
        # list shows every name whole.
        self.outcome_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.outcome_filter.setMinimumContentsLength(14)
        self.outcome_filter.setToolTip(
            self.tr("How an account's check ended: it applies to account checks only.")
        )
        self.outcome_filter.addItem(self.tr("Any outcome"), None)
        for status in Status:
            self.outcome_filter.addItem(status_name(status), status.value)
            # A status some checks are named after their reason ("Password refused"): that
            # name is listed too, after its status's, which covers it.
            reasons = [reason for named, reason in NAMED_BY_REASON if named is status]
            for reason in reasons:
                self.outcome_filter.addItem(status_name(status, reason), reason.value)
            if reasons:
                self._outcome_tip(status, reasons)
        for reason in OWN_NAME_REASONS:  # as the table names them, not as "Error"
            self.outcome_filter.addItem(status_name(Status.ERROR, reason), reason.value)
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName(self.tr("Kind of entry"))
        self.kind_filter.addItem(self.tr("Everything"), None)
        for kind in EntryKind:
            self.kind_filter.addItem(kind_name(kind), kind.value)
        # "Any" on both: no limit. (French reads "from the journal's start", "to its end".)
        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(self.tr("Search the journal"))
        self.search_field.setAccessibleName(self.tr("Search the journal"))
        self.search_field.setToolTip(
            self.tr(
                "Shows the entries whose words, account or X's words quoted hold every word "
                "typed, whatever their case and accents, among those the filters show. "
                "Ctrl+F to search, Escape to clear."
            )
        )
        self.search_field.setClearButtonEnabled(True)
        #: Typing is searched once it pauses: each search reads every entry's words.
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self._reload)
        self.search_field.textChanged.connect(lambda _text: self._search_timer.start())
        #: Each entry's words as a search reads them (see search_finds).
        self._searched: dict[tuple[str, str], str] = {}
        self._search_base: tuple[object, list[Entry]] | None = None
        self.count_label = QLabel()
        heard_as_shown(self.count_label, self.tr("Entries shown"))  # ("12 entries shown")
        self.from_date = _date_edit(self.tr("Any", "no first date"))
        self.from_date.setAccessibleName(self.tr("From date"))
        self.to_date = _date_edit(self.tr("Any", "no last date"))
        self.to_date.setAccessibleName(self.tr("To date"))

        self.badge = QLabel()
        # Read by its words ("Journal damaged: …"), its tooltip as their description (a fixed
        # name "Journal integrity" hid both).
        self.badge.setAccessibleName("")
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
        self.start_over_button = QPushButton(self.tr("Start a &new journal…"))
        self.start_over_button.setToolTip(
            self.tr(
                "Keep this journal as it is, next to a new one that starts with an entry naming it."
            )
        )
        self.start_over_button.clicked.connect(self.ask_start_over)
        self.start_over_button.hide()
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
        self._export_asked: ExportAsked | None = None
        self._export_carrier: ExportEnded | None = None
        self._busy: QProgressBar | None = None  # (made at the first export)
        self._anything_shown = False
        self.refusal_box: QMessageBox | None = None
        #: What the person's spreadsheet splits a CSV's columns on (their region's, not the
        #: app's language: Excel follows the system).
        self.csv_delimiter = spreadsheet_delimiter(QLocale.system())

        pairs = []
        for text, widget in (
            (self.tr("&Account:"), self.account_filter),
            (self.tr("&Outcome:"), self.outcome_filter),
            (self.tr("&Show:"), self.kind_filter),
            (self.tr("&From:"), self.from_date),
            (self.tr("&To:"), self.to_date),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            pairs.append((label, widget))
        #: In two rows when one would be wider than the window (a small screen at 200 %).
        self.filter_row = WrappingRow(pairs)

        self.model = JournalModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Journal entries"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move within it
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)  # (titles turned bold over a selected row)
        # Over their cells' words, as in the accounts table.
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Sized from the rows in view and the next 100, not the next 1 000: time, account, kind
        # and outcome take much the same width in every row, and a long journal opened twice
        # as slowly for measuring them all.
        header.setResizeContentsPrecision(100)
        # Details takes what is left (its full text is in the tooltip and the side pane).
        header.setSectionResizeMode(JournalModel.DETAILS, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selected)

        self.detail_label = QLabel(self.tr("Select an entry to see it here."))
        self.detail_label.setWordWrap(True)
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview = QLabel()
        self.preview.setAccessibleName(self.tr("Screenshot"))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.preview.setMinimumSize(280, 180)
        self.preview.hide()
        self.full_size_button = QPushButton(self.tr("View full si&ze"))
        self.full_size_button.clicked.connect(self.show_full_size)
        self.full_size_button.hide()
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.detail_label)
        side_layout.addWidget(self.preview)
        side_layout.addWidget(self.full_size_button, 0, Qt.AlignmentFlag.AlignLeft)
        side_layout.addStretch(1)
        splitter = self.splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([730, 370])
        divider = memory.state(JOURNAL_SPLITTER) if memory is not None else None
        if divider is not None:
            splitter.restoreState(divider)

        bottom = QHBoxLayout()
        bottom.addWidget(self.badge)
        bottom.addWidget(self.start_over_button)
        bottom.addStretch(1)
        bottom.addWidget(self.refresh_button)
        # The exports in a row of their own: beside a damaged badge, one row was wider than
        # the window.
        exports = self._exports_row = QHBoxLayout()
        exports.addStretch(1)
        for button in (self.csv_button, self.json_button, self.bundle_button, self.check_button):
            exports.addWidget(button)

        search_row = QHBoxLayout()
        search_row.addWidget(self.search_field, 1)
        search_row.addWidget(self.count_label)

        layout = QVBoxLayout(self)
        layout.addLayout(search_row)
        layout.addWidget(self.filter_row)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        layout.addLayout(exports)
        # Below, the window's width: an export's message (a path, what the file holds) takes
        # lines, and beside a badge that names a screenshot it had one word a line.
        layout.addWidget(self.export_label)

        self.pixmap: QPixmap | None = None
        self._pixmap_path: Path | None = None
        self._fill_accounts()
        for combo in (self.account_filter, self.outcome_filter, self.kind_filter):
            combo.currentIndexChanged.connect(self._reload)
        for edit in (self.from_date, self.to_date):
            edit.dateChanged.connect(self._reload)
        self.refresh()

    # -- where it was left ------------------------------------------------------------------------

    def places(self) -> dict[str, bytes]:
        """Its place, size and divider as Qt saves them (saveGeometry, saveState), by name."""
        return {
            JOURNAL_WINDOW: bytes(self.saveGeometry().data()),
            JOURNAL_SPLITTER: bytes(self.splitter.saveState().data()),
        }

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
        self._search_base = None  # (read again: an entry edited by hand keeps the head)
        self._fill_accounts()
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
        self.badge.setText(self.tr("Checking the journal…"))
        self.badge.setStyleSheet(CHECKING_STYLE)
        self.badge.setToolTip(
            self.tr("Every entry and every screenshot is being compared with its hash.")
        )

    @Slot(int, object)
    def _show_verdict(self, number: int, verdict: VerifyResult | str) -> None:
        if number != self._checks_asked:
            return  # a later check is under way
        if self._ctx.journal.closed and not isinstance(verdict, str):
            self.verifying = False
            return  # the app or its demo ended once the check had read it: nothing to add
        self.verifying = False
        if isinstance(verdict, str):
            self.badge.setText(
                self.tr("The journal could not be checked: {problem}").replace("{problem}", verdict)
            )
            self.badge.setStyleSheet(UNCHECKED_STYLE)
            self.badge.setToolTip(
                self.tr(
                    "Whether anything was edited is not known: the journal could not be read "
                    "to compare its entries and screenshots with their hashes."
                )
            )
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
            count = result.entry_count
            if count == 0:
                text = self.tr("Journal intact — no entries yet")
            elif count == 1:
                text = self.tr("Journal intact — 1 entry")
            else:
                text = self.tr("Journal intact — {count} entries").replace("{count}", str(count))
            if result.erasures:  # never only "intact": entries it no longer vouches for
                text = self.tr("Journal intact — {count} entries, emptied by erasure: {emptied}")
                text = text.replace("{count}", str(count)).replace("{emptied}", str(result.emptied))
            self.badge.setText(text)
            self.badge.setStyleSheet(INTACT_STYLE)
            tip = self.tr(
                "Every entry is chained to the one before it, and every screenshot matches "
                "the hash taken with it: nothing was edited, removed or added since, unless "
                "the whole chain was rewritten (a check, not a signature)."
            )
            if result.erasures:
                from consentinel.core.journal_erasure import erasures_sentence

                tip += "\n" + erasures_sentence(result.erasures)
            restarts = [
                entry
                for entry in self._ctx.journal.entries(kinds=[EntryKind.JOURNAL_RESTARTED])
                if entry.payload.get("set_aside")  # (else nothing was kept: its row says why)
            ]
            if restarts:  # intact since it started over: a journal came before it
                tip += "\n" + self.tr(
                    "It started over on {when}: the journal before it was set aside as {name}."
                ).replace("{when}", local_time(restarts[-1])).replace(
                    "{name}", str(restarts[-1].payload.get("set_aside", "?"))
                )
            self.badge.setToolTip(tip)
        else:
            self._problem = problems_in_short(result)
            self.start_over_button.show()
            self.badge.setText(
                self.tr("Journal damaged: {problem}").replace("{problem}", self._problem)
            )
            self.badge.setStyleSheet(DAMAGED_STYLE)
            tip = self.tr(
                "Someone or something changed the journal file outside Consentinel. Keep "
                "a copy of it before anything else."
            )
            if damaged:
                tip += " " + self.tr("The entries it names have a red dot in the list.")
            if len(result.problems) > 1:
                listed, hidden = problems_to_list(result.problems, MAX_PROBLEMS_IN_TOOLTIP)
                tip += "\n\n" + "\n".join(f"• {problem}" for problem in listed)
                if hidden:
                    tip += "\n" + self.tr(
                        "… and {more} more: export JSON to see them all."
                    ).replace("{more}", str(hidden))
            self.badge.setToolTip(tip)

    def ask_start_over(self) -> bool:
        """Ask, then keep the damaged journal as it is and begin a new one; True when done."""
        if self._problem is None:
            return False
        if self._ctx.journal_lost() is not None:  # (its file went: there is nothing to keep)
            self.export_label.setText(
                self.tr(
                    "The journal shown here is no longer the one in the data folder: nothing was "
                    "set aside."
                )
            )
            self.journal_lost.emit()  # the main window says what happened, and may close this one
            return False
        box = Confirmation(
            self,
            QMessageBox.Icon.Warning,
            self.tr("Start a new journal"),
            self.tr("Keep this journal as it is and start a new one?"),
            self.tr(
                "This journal no longer verifies: {problem}\n\n"
                "It will not be changed or deleted: it stays in the data folder under a name of "
                "its own, with its screenshots, for whoever needs to examine it. Export it "
                "first if you need to show it to someone.\n\n"
                "The new journal starts with an entry naming the old one, and its badge says "
                "“intact” again from there. The accounts' last results show again after their "
                "next check."
            ).replace("{problem}", self._problem),
            act=self.tr("&Start a new journal"),
            keep=self.tr("Cancel"),
        )
        self.confirm_box = box
        if not box.confirmed():
            return False
        lock = RunLock(self._ctx.paths.lock_path)
        if not lock.acquire(wait=False):
            self.export_label.setText(
                self.tr("A check is running: start a new journal once it has ended.")
            )
            return False
        try:
            moved = self._ctx.start_journal_over(self._problem)
            self.model.set_damaged({})  # the new journal's entry numbers start again at 1
        except StorageError as error:
            self.export_label.setText(
                self.tr("Nothing was changed: {problem}").replace("{problem}", str(error))
            )
            return False
        finally:
            lock.release()
        self.export_label.setText(
            self.tr("The old journal is kept as {name}, next to the new one.").replace(
                "{name}", moved.name
            )
        )
        self.refresh()
        self.journal_replaced.emit()
        return True

    def _outcome_tip(self, status: Status, reasons: list[Reason]) -> None:
        """A status's filter item says it covers the checks named after `reasons` too."""
        index = self.outcome_filter.findData(status.value)
        quoted = self.tr("“{named}”")
        # Every one of them (in_words would count some as "others").
        names = ", ".join(quoted.replace("{named}", status_name(status, r)) for r in reasons)
        tip = self.tr("{status}: {names} included").replace("{status}", status_name(status))
        self.outcome_filter.setItemData(
            index, tip.replace("{names}", names), Qt.ItemDataRole.ToolTipRole
        )

    def filters(self) -> dict[str, Any]:
        """The journal.entries() arguments the filters ask for."""
        found: dict[str, Any] = {}
        handle = self.account_filter.currentData()
        if handle:
            found["handle"] = handle
        kind = self.kind_filter.currentData()
        # An outcome is an account check's: with another kind of entry it would hide them all.
        outcome = self.outcome_filter.currentData() if kind in (None, "check") else None
        named = {reason.value: status for status, reason in NAMED_BY_REASON}
        if outcome in {reason.value for reason in OWN_NAME_REASONS}:
            found["reason"] = Reason(outcome)
        elif outcome in named:
            found["status"], found["reason"] = named[outcome], Reason(outcome)
        elif outcome:
            found["status"] = Status(outcome)
            if found["status"] is Status.ERROR:
                found["except_reasons"] = OWN_NAME_REASONS
        if kind:
            found["kinds"] = [EntryKind(kind)]
        if self.from_date.date() != _NO_DATE:
            found["since"] = _local_midnight(self.from_date.date())
        if self.to_date.date() != _NO_DATE:
            found["until"] = _local_midnight(self.to_date.date()) + timedelta(days=1)
        return found

    def search_words(self) -> tuple[str, ...]:
        """The words of the search typed (folded), () when none is."""
        return search_words(self.search_field.text())

    def search_finds(self, entry: Entry, words: tuple[str, ...]) -> bool:
        """Whether the entry's words as the window shows them (its date, event and details,
        the sentence of a check as the side pane says it), its account, or X's words its
        check quoted, hold each of `words`."""
        # Each entry's words are worked out once per language (a year's journal, 2 s to say
        # them all): by its hash, which any edit of it changes.
        key = (entry.hash, self.tr("Search the journal"))
        text = self._searched.get(key)
        if text is None:
            # Its time as the Date column shows it, and as exports write it.
            parts = [local_time(entry), local_iso_time(entry)]
            parts += [account_words(entry), entry_kind_name(entry), details(entry)]
            if entry.kind is EntryKind.CHECK:
                parts.append(self._check_sentence(entry))
            message = entry.payload.get("message")
            if isinstance(message, str):  # (in the language it was written in: X's words)
                parts.append(message)
            text = self._searched[key] = folded("\n".join(parts))
        return finds(words, text)

    def _entries_to_search(self, filters: dict[str, Any]) -> list[Entry]:
        """Every entry the filters show, newest first; read again only when the filters or
        the journal's head changed, not at each word typed (a year's journal: half a second)."""
        key = (repr(sorted(filters.items())), self._ctx.journal.head())
        if self._search_base is None or self._search_base[0] != key:
            entries = self._ctx.journal.entries(**filters, newest_first=True)
            self._search_base = (key, entries)
        return self._search_base[1]

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def _escape(self) -> None:
        """Escape clears a search (at once), else closes the window."""
        if self.search_field.text():
            self.search_field.clear()
            self._search_timer.stop()
            self._reload()
        else:
            self.close()

    def _reload(self) -> None:
        self._search_timer.stop()
        self.outcome_filter.setEnabled(self.kind_filter.currentData() in (None, "check"))
        filters = self.filters()
        words = self.search_words()
        if words:
            entries = []
            for entry in self._entries_to_search(filters):
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
        self._anything_shown = bool(entries)
        self._show_export_buttons()
        widths = self._column_widths()
        self.model.set_entries(entries)
        if entries:
            self._fit_columns_to_rows()
        else:
            self._keep_columns_open(widths)
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

    _SIZED_COLUMNS = (JournalModel.TIME, JournalModel.ACCOUNT, JournalModel.KIND)
    #: What a typical cell of each sized column holds, to size it when no row is there.
    _TYPICAL_CELLS = ("0000-00-00 00:00:00", "@" + "n" * 14, "n" * 18)

    def _column_widths(self) -> list[int]:
        header = self.table.horizontalHeader()
        return [header.sectionSize(column) for column in self._SIZED_COLUMNS]

    def _fit_columns_to_rows(self) -> None:
        header = self.table.horizontalHeader()
        for column in self._SIZED_COLUMNS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def _keep_columns_open(self, widths: list[int]) -> None:
        """With no row to measure, each column would shrink to its title and the titles would
        run together: keep the widths the rows had, or a typical row's."""
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        margin = 4 * metrics.averageCharWidth()  # the cell's padding and the time's dot
        for column, typical, before in zip(
            self._SIZED_COLUMNS, self._TYPICAL_CELLS, widths, strict=True
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, max(before, metrics.horizontalAdvance(typical) + margin))

    def show_account(self, handle: str) -> None:
        """Only this account's entries: its name chosen in the Account filter."""
        index = self.account_filter.findData(handle)
        if index >= 0:
            self.account_filter.setCurrentIndex(index)

    def _fill_accounts(self) -> None:
        current = self.account_filter.currentData()
        handles = {a.handle.lower(): a.handle for a in self._ctx.accounts.list()}
        for handle in self._ctx.journal.handles():  # accounts removed since still have history
            handles.setdefault(handle.lower(), handle)
        self.account_filter.blockSignals(True)
        self.account_filter.clear()
        self.account_filter.addItem(self.tr("All accounts"), None)
        for key in sorted(handles):
            self.account_filter.addItem(f"@{handles[key]}", handles[key])
        index = self.account_filter.findData(current) if current else 0
        self.account_filter.setCurrentIndex(max(index, 0))
        self.account_filter.blockSignals(False)

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
        self.pixmap = None
        self._pixmap_path = None
        self.preview.clear()
        self.preview.hide()
        self.full_size_button.hide()
        if entry is None:
            self.detail_label.setText(self.tr("Select an entry to see it here."))
            return
        who = f"@{entry.handle} — " if entry.handle else ""
        said = details(entry)  # ("Account added" says it all: no empty line after it)
        what = entry_kind_name(entry)
        lines = [f"{local_time(entry)}", f"{who}{what}", *([said] if said else [])]
        damage = self.model.damage_of(entry)
        if damage:
            lines.append(damage)
        if entry.kind is EntryKind.CHECK:
            advice = self._check_sentence(entry)
            if advice:
                lines.append(advice)
        if entry.run_id is not None:
            lines.append(self.tr("Check number {run}").replace("{run}", str(entry.run_id)))
        # The number the journal's check and `consentinel log --json` name it by.
        lines.append(self.tr("Entry {id}").replace("{id}", str(entry.id)))
        path = evidence_path(entry)
        if path:
            file = self._resolve(path)
            pixmap = QPixmap(str(file))
            if pixmap.isNull() and not file.exists():
                lines.append(
                    self.tr("The screenshot {path} cannot be opened (moved or deleted?).").replace(
                        "{path}", str(file)
                    )
                )
            elif pixmap.isNull():  # there, but not a picture Qt can read: damaged, or replaced
                lines.append(
                    self.tr(
                        "The screenshot {path} is there, but it cannot be read as a picture: the "
                        "file may be damaged."
                    ).replace("{path}", str(file))
                )
            else:
                self.pixmap = pixmap
                self._pixmap_path = file
                self.preview.setPixmap(
                    pixmap.scaled(
                        PREVIEW_WIDTH,
                        PREVIEW_HEIGHT,
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                )
                self.preview.show()
                self.full_size_button.show()
        self.detail_label.setText("\n".join(lines))

    def _check_sentence(self, entry: Entry) -> str:
        """A check's sentence as the reader's language says it, with the window's advice;
        written in the other language, it is said again in this one when that loses nothing,
        else shown as the check wrote it, and marked so (X's words in it are evidence)."""
        reason = check_reason(entry.payload)
        own = message_for_reader(entry.payload)
        from consentinel.core.check_sentences import midway_parts, sentence_for_reader

        around = midway_parts(entry.payload)  # (kept around the window's advice)
        if own or not entry.payload.get("message"):
            return window_advice(reason, own, entry.handle or "", around, in_journal=True)

        account = self._ctx.accounts.get(entry.handle or "")
        keep = account.keep if account is not None else ALL_BOXES
        said = sentence_for_reader(entry.payload, entry.handle or "", keep)
        advice = window_advice(reason, said.text, entry.handle or "", around, in_journal=True)
        if said.written_in is None or advice != said.text:
            return advice  # in the reader's language: said again, or the window's own advice
        written = {
            "en": self.tr("As the check wrote it, in English: “{sentence}”"),
            "fr": self.tr("As the check wrote it, in French: “{sentence}”"),
        }
        # (A language this version does not speak: a payload edited outside the app.)
        as_written = written.get(said.written_in, "“{sentence}” ({language})")
        return as_written.replace("{language}", said.written_in).replace("{sentence}", said.text)

    def _resolve(self, path: str) -> Path:
        return evidence_file(self._ctx.paths.evidence_dir, path)

    def show_full_size(self) -> QDialog | None:
        """The selected screenshot at full size in a scrollable dialog."""
        if self.pixmap is None:
            return None
        dialog = QDialog(self)
        dialog.setWindowTitle(
            self.tr("Screenshot — {name}").replace("{name}", self._pixmap_path.name)
            if self._pixmap_path
            else self.tr("Screenshot")
        )
        image = QLabel()
        image.setPixmap(self.pixmap)
        image.setAccessibleName(self.tr("Screenshot"))
        area = QScrollArea()
        area.setWidget(image)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(area)
        layout.addWidget(close)
        dialog.resize(min(self.pixmap.width() + 40, 1200), min(self.pixmap.height() + 80, 800))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    # -- exporting --------------------------------------------------------------------------------

    def suggested_export_path(self, fmt: str) -> Path:
        """consentinel-journal-DATE.json; one account's, with its handle in the name: two
        clients' journals exported the same day are not offered the same file."""
        stamp = datetime.now().strftime("%Y-%m-%d")
        handle = self.account_filter.currentData()
        name = f"consentinel-journal-{handle}-{stamp}" if handle else f"consentinel-journal-{stamp}"
        return self._ctx.paths.exports_dir / f"{name}.{fmt}"

    def _ask_export(self, fmt: str) -> None:
        suggested = self.suggested_export_path(fmt)
        filter_text = {
            "csv": self.tr("CSV files (*.csv)"),
            "json": self.tr("JSON files (*.json)"),
            "zip": self.tr("ZIP files (*.zip)"),
        }[fmt]
        path, _chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export the journal"), str(suggested), filter_text
        )
        if path:
            self.export_to(Path(path), fmt)

    def export_to(self, path: Path, fmt: str) -> bool:
        """Start writing the entries the filters and the search show (all of them, not only
        the rows on screen) in a thread of its own: with the journal's check, which hashes
        every screenshot, a long journal takes minutes, and the window answers meanwhile.
        Once written, the window says whether that is the whole journal and, if it does not
        verify, what the file keeps of that (a CSV holds no verdict); `export_ended` gives the
        count (0: it failed). False: nothing started, for a file of Consentinel's own (said in
        a box: an export over the journal or the account list would lose them) or while
        another export is being written."""
        if self.exporting:
            return False
        from consentinel.core.export_place import own_files_problem

        refused = own_files_problem(path, self._ctx.paths)
        if refused is not None:
            self._refuse_export(refused)
            return False
        filters: dict[str, Any] = self.filters()
        words = self.search_words()
        if words:
            from consentinel.core.journal_export import EntrySearch

            text = " ".join(self.search_field.text().split())
            filters["search"] = EntrySearch(text, lambda entry: self.search_finds(entry, words))
        from consentinel.gui.journal_exporting import ExportAsked, ExportEnded, export_in_thread

        if self._export_carrier is None:
            self._export_carrier = ExportEnded(self)
            self._export_carrier.ended.connect(self._export_ended)
        asked = ExportAsked(
            self._ctx.journal,
            path,
            fmt,
            filters,
            self._ctx.paths.evidence_dir,
            self.csv_delimiter,
            self.model.readable_columns(),
        )
        self._export_asked = asked
        self._say_exporting(path)
        self.export_thread = export_in_thread(asked, self._export_carrier).thread
        return True

    def _refuse_export(self, problem: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Export the journal"),
            self.tr("Nothing was written."),
            QMessageBox.StandardButton.Close,
            self,
        )
        box.button(QMessageBox.StandardButton.Close).setText(self.tr("Close"))
        box.setInformativeText(problem)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.finished.connect(box.deleteLater)
        self.refusal_box = box
        box.open()  # (not exec(): the window goes on meanwhile)
        self.export_label.setText(
            self.tr("Nothing was written: {problem}").replace("{problem}", problem)
        )

    def _say_exporting(self, path: Path) -> None:
        """The export buttons greyed and the window busy, until the file is written."""
        self.exporting = True
        if self._busy is None:
            self._busy = QProgressBar()
            self._busy.setRange(0, 0)  # no end known: it moves to say work goes on
            self._busy.setTextVisible(False)
            self._busy.setMaximumWidth(160)
            self._busy.setAccessibleName(self.tr("Exporting"))
            self._exports_row.insertWidget(0, self._busy)
        self._busy.show()
        self._show_export_buttons()
        self.start_over_button.setEnabled(False)  # (it closes the journal being read)
        self.export_label.setText(
            self.tr(
                "Exporting to {path}… The journal is checked first, every screenshot with it: "
                "for a long journal this takes a while. The window can be used meanwhile."
            ).replace("{path}", str(path))
        )

    def _show_export_buttons(self) -> None:
        # Nothing shown, nothing to export (an empty file); "Check an export…" reads a file.
        for button in (self.csv_button, self.json_button, self.bundle_button):
            button.setEnabled(self._anything_shown and not self.exporting)

    @Slot(object)
    def _export_ended(self, outcome: object) -> None:
        from consentinel.gui.journal_exporting import ExportWritten

        asked = self._export_asked
        self.exporting = False
        self.export_thread = None
        if self._busy is not None:
            self._busy.hide()
        self._show_export_buttons()
        self.start_over_button.setEnabled(True)
        if asked is None:
            return
        if not isinstance(outcome, ExportWritten):
            self._say_export_failed(outcome)
            self.export_ended.emit(0)
            return
        self.export_label.setText("\n".join(self._written_lines(asked, outcome)))
        self.export_ended.emit(outcome.count)

    def _say_export_failed(self, error: object) -> None:
        from consentinel.gui.journal_exporting import failure_words

        self.export_label.setText(failure_words(error))

    def _written_lines(self, asked: ExportAsked, written: ExportWritten) -> list[str]:
        """What the file holds: how many entries, whether the whole journal, its verdict."""
        count, verdict, filters = written.count, written.verdict, asked.filters
        lines = [
            (
                self.tr("1 entry written to {path}")
                if count == 1
                else self.tr("{count} entries written to {path}")
            )
            .replace("{count}", str(count))
            .replace("{path}", str(asked.path))
        ]
        if written.bundle is not None:
            lines += self._bundle_lines(written.bundle)
        searched = "search" in filters
        if searched and len(filters) > 1:
            lines.append(
                self.tr(
                    "The file holds the entries the search and the filters show, not the whole "
                    "journal."
                )
            )
        elif searched:
            lines.append(
                self.tr("The file holds the entries the search finds, not the whole journal.")
            )
        elif filters:
            lines.append(
                self.tr("The file holds the entries the filters show, not the whole journal.")
            )
        if not verdict.ok:
            lines.append(
                (
                    self.tr(
                        "The journal does not verify: {problem} The CSV holds no verdict; "
                        "Export JSON… keeps it with the entries."
                    )
                    if asked.fmt == "csv"
                    else self.tr(
                        "The journal does not verify: {problem} The file says so, with every "
                        "problem found."
                    )
                ).replace("{problem}", problems_in_short(verdict))
            )
        return lines

    def _bundle_lines(self, bundle: BundleWritten) -> list[str]:
        """How many screenshots a bundle holds, and each one missing or changed."""
        shots = bundle.included
        lines = [
            self.tr("No screenshot is named by these entries.")
            if not bundle.shots
            else self.tr("With 1 screenshot.")
            if shots == 1
            else self.tr("With {count} screenshots.").replace("{count}", str(shots))
        ]
        if bundle.problems:
            lines.append(
                self.tr(
                    "Not every screenshot is in it as it was taken (its README says so too): "
                    "{problems}"
                ).replace("{problems}", " ".join(bundle.problems))
            )
        return lines


def spreadsheet_delimiter(locale: QLocale) -> str:
    """Excel opens a .csv file by splitting its columns on the region's list separator: ";"
    where numbers are written with a decimal comma (France, Belgium, Germany…), else ","."""
    return ";" if locale.decimalPoint() == "," else ","


class _DateEdit(QDateEdit):
    """Tab leaves the field (its parts are reached with the arrow keys): showing "Any", Qt's
    date field kept Tab for itself, and nothing after it could be reached from the keyboard."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


def _date_edit(any_words: str) -> QDateEdit:
    edit = _DateEdit()
    edit.setCalendarPopup(True)
    edit.setMinimumDate(_NO_DATE)
    # The minimum date stands for "no limit" and shows as "Any".
    edit.setSpecialValueText(any_words)
    edit.setDate(_NO_DATE)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _local_midnight(day: QDate) -> datetime:
    as_date = date(day.year(), day.month(), day.day())
    return datetime.combine(as_date, time()).astimezone()
