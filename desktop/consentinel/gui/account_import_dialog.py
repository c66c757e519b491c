"""Accounts › Import accounts from a file…: a CSV or TSV file chosen, its rows shown (never a
secret: "✓" where one is given), the valid ones imported (core/account_import) in a thread of
their own, each row's status shown as it is done, and the file offered for deletion once
nothing of it is kept only there, since it holds passwords in clear. Loaded when the action
is first used."""

from __future__ import annotations

import contextlib
import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from consentinel.core.account_import import (
    ImportKeyringError,
    ImportRow,
    Outcome,
    RowResult,
    after_import_advice,
    all_done,
    delete_import_file,
    import_accounts,
    imported_words,
    parse_accounts,
)
from consentinel.core.account_import_reading import ImportFileError, read_import_file
from consentinel.core.fileio import describe_os_error
from consentinel.gui.message_style import error_color, error_style, ok_color
from consentinel.gui.spoken_labels import say

if TYPE_CHECKING:
    from consentinel.core.context import AppContext
    from consentinel.gui.main_window import MainWindow

log = logging.getLogger(__name__)

#: The preview's columns, in order.
ROW, HANDLE, PASSWORD, TOTP, EMAIL, PHONE, STATUS = range(7)
GIVEN, NOT_GIVEN = "✓", "—"


class AccountImportDialog(QDialog):
    """Choose a file, look at its rows, import the valid ones. `imported` holds the handles
    imported; `accounts_imported` sends them once the import ends (when any was).

    The import runs in a thread (each row waits for the keyring, and the journal: 200 rows
    take seconds), its rows' results sent to the GUI thread as they come. Meanwhile the
    dialog cannot be closed: closing it (its button says "Stop after this row", Escape, the
    window's ×) stops the import after the row under way, and the dialog stays open to say
    what was done."""

    accounts_imported = Signal(list)
    #: The import ended: `importing` is False again, its words said.
    import_ended = Signal()
    #: From the import's thread (queued to the GUI thread): a RowResult; then the results
    #: (a list), or the exception that stopped the import.
    _row_done = Signal(object)
    _done = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.path: Path | None = None
        self.rows: list[ImportRow] = []
        self.imported: list[str] = []
        #: Set to stop the import under way after its current row.
        self._stop: threading.Event | None = None
        self.setWindowTitle(self.tr("Import accounts from a file"))
        self.setObjectName("account-import-dialog")

        intro = QLabel(
            self.tr(
                "Choose a CSV or TSV file in UTF-8 (in a spreadsheet: save as “CSV UTF-8”). Its "
                "first row names the columns: handle and password, and if you have them 2FA "
                "secret, email and phone (in French: compte, mot de passe, secret 2FA, e-mail, "
                "téléphone). Commas, semicolons or tabs separate the cells."
            )
        )
        intro.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("&Choose a file…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.file_label = QLabel(self.tr("No file chosen."))
        self.file_label.setWordWrap(True)
        chooser = QHBoxLayout()
        chooser.addWidget(self.choose_button)
        chooser.addWidget(self.file_label, 1)

        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Row"),
                self.tr("Account"),
                self.tr("Password"),
                self.tr("2FA secret"),
                self.tr("Email"),
                self.tr("Phone"),
                self.tr("Status"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.Stretch)
        # The reasons wrap in the status column: the rows as tall as its width now needs.
        header.sectionResized.connect(self._fit_rows)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()

        self.delete_button = QPushButton(self.tr("&Delete the file"))
        self.delete_button.clicked.connect(self.delete_file)
        self.delete_button.hide()
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.import_now)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(chooser)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(900, 480)
        self._row_done.connect(self._shown)
        self._done.connect(self._ended)

    @property
    def importing(self) -> bool:
        return self._stop is not None

    # -- the file ---------------------------------------------------------------------------------

    def choose_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the file of accounts"),
            str(self.path.parent) if self.path else "",
            self.tr("Spreadsheets saved as text (*.csv *.tsv *.txt);;All files (*)"),
        )
        if chosen:
            self.load(Path(chosen))

    def load(self, path: Path) -> None:
        """Read `path` and show its rows; what makes the whole file unusable is said."""
        if self.importing:
            return
        self.path = path
        self.imported = []
        self.file_label.setText(str(path))
        self.delete_button.setVisible(False)
        self.rows = []
        self.table.setRowCount(0)
        self.import_button.setText(self.tr("&Import"))  # (not the last file's count)
        self.import_button.setEnabled(False)
        try:
            self.rows = parse_accounts(read_import_file(path), self._ctx.accounts.get)
        except ImportFileError as error:
            self._say(str(error), problem=True)
            return
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            self._fill(index, row)
        ready = sum(row.ok for row in self.rows)
        self._say(
            self.tr("Rows that can be imported: {ready} of {rows}.")
            .replace("{ready}", str(ready))
            .replace("{rows}", str(len(self.rows))),
            problem=ready == 0,
        )
        if ready:  # (none: "Import", greyed out; "0 comptes" is no French)
            self.import_button.setText(
                self.tr("&Import {count} accounts").replace("{count}", str(ready))
                if ready != 1
                else self.tr("&Import 1 account")
            )
            self.import_button.setEnabled(True)
            self.import_button.setDefault(True)

    def _fill(self, index: int, row: ImportRow) -> None:
        cells = {
            ROW: str(row.number),
            HANDLE: f"@{row.handle}" if row.handle else "",
            PASSWORD: GIVEN if row.password else NOT_GIVEN,
            TOTP: GIVEN if row.totp else NOT_GIVEN,
            EMAIL: row.email or "",
            PHONE: row.phone or "",
        }
        for column, text in cells.items():
            self.table.setItem(index, column, QTableWidgetItem(text))
        self._status(index, self.tr("Ready to import") if row.ok else row.problem or "", row.ok)

    def _status(self, index: int, text: str, good: bool) -> None:
        item = QTableWidgetItem(text)
        item.setToolTip(text)
        item.setForeground(QColor(ok_color() if good else error_color()))
        self.table.setItem(index, STATUS, item)
        self.table.resizeRowToContents(index)

    # -- importing --------------------------------------------------------------------------------

    def import_now(self) -> None:
        """The valid rows imported in a thread, each row's status said as it is done; then how
        many were, and what to do with the file. No keyring: said, nothing imported."""
        if not self.rows or self.imported or self.importing:
            return
        self._stop = threading.Event()
        self.import_button.setEnabled(False)
        self.choose_button.setEnabled(False)
        self.close_button.setText(self.tr("Stop after this row"))
        self._say(self.tr("Importing…"), problem=False)
        threading.Thread(
            target=self._work,
            args=(list(self.rows), self._stop),
            name="account-import",
            daemon=True,
        ).start()

    def _work(self, rows: list[ImportRow], stop: threading.Event) -> None:
        """In the import's thread: every outcome sent to the GUI thread, a failure too."""
        ended: object
        try:
            ended = import_accounts(self._ctx, rows, on_result=self._send_row, stop=stop.is_set)
        except ImportKeyringError as error:
            ended = error
        except Exception as error:  # (said in the dialog, not lost in the thread)
            log.exception("importing accounts failed")
            ended = error
        try:
            self._done.emit(ended)
        except RuntimeError:  # (the dialog is gone: the app quit meanwhile)
            log.info("account import ended after its dialog closed")

    def _send_row(self, result: RowResult) -> None:
        with contextlib.suppress(RuntimeError):  # (the dialog is gone: the app quit meanwhile)
            self._row_done.emit(result)

    def _shown(self, result: RowResult) -> None:
        index = next((i for i, row in enumerate(self.rows) if row is result.row), None)
        if index is None:
            return
        if result.outcome is Outcome.IMPORTED:
            self._status(index, self.tr("Imported"), True)
        else:
            self._status(index, result.reason or "", False)

    def _ended(self, ended: object) -> None:
        self._stop = None
        self.choose_button.setEnabled(True)
        self.close_button.setText(self.tr("Close"))
        self.close_button.setEnabled(True)
        if not isinstance(ended, list):
            if isinstance(ended, ImportKeyringError):
                problem = self.tr("Secrets cannot be stored: {problem} Nothing was imported.")
            else:
                problem = self.tr("The import failed: {problem}")
            self._say(problem.replace("{problem}", str(ended)), problem=True)
            self.import_button.setEnabled(isinstance(ended, ImportKeyringError))
            self.import_ended.emit()
            return
        results: list[RowResult] = ended
        self.import_button.setText(self.tr("&Import"))  # (greyed: its count is done with)
        self.imported = [r.row.handle for r in results if r.outcome is Outcome.IMPORTED]
        done = all_done(results)
        self._say(f"{imported_words(results)} {after_import_advice(results)}", problem=not done)
        # Deleting the file is offered only when nothing of it is kept there alone: a row
        # skipped has its password in that file only.
        self.delete_button.setVisible(done)
        self.close_button.setDefault(True)
        self.import_ended.emit()
        if self.imported:
            self.accounts_imported.emit(list(self.imported))

    def reject(self) -> None:
        """Close; while importing, stop after the row under way instead (the dialog then
        says what was done)."""
        if self._stop is not None:
            self._stop.set()
            self.close_button.setEnabled(False)
            self._say(self.tr("Stopping after this row…"), problem=False)
            return
        super().reject()

    def delete_file(self) -> None:
        if self.path is None:
            return
        linked = self.path.is_symlink()
        try:
            deleted = delete_import_file(self.path)
        except FileNotFoundError:
            self._say(
                self.tr(
                    "The file is not there any more: it was deleted or moved already. If it "
                    "was moved, delete it where it is now."
                ),
                problem=True,
            )
            self.delete_button.setVisible(False)
            return
        except OSError as error:
            self._say(
                self.tr("The file could not be deleted: {problem}").replace(
                    "{problem}", describe_os_error(error)
                ),
                problem=True,
            )
            return
        self.delete_button.setVisible(False)
        if not linked:
            self._say(self.tr("The file was deleted."), problem=False)
        else:  # (the file a link pointed to, and the link)
            self._say(
                self.tr("The file {file} was deleted, and the link to it.").replace(
                    "{file}", str(deleted)
                ),
                problem=False,
            )

    def _fit_rows(self, column: int, _old: int, _new: int) -> None:
        if column == STATUS:  # (once the view has the column's new width)
            QTimer.singleShot(0, self.table.resizeRowsToContents)

    def _say(self, text: str, *, problem: bool) -> None:
        self.message.setStyleSheet(error_style() if problem else "")
        self.message.show()
        say(self.message, text)


def show_imported(window: MainWindow, handles: list[str]) -> None:
    """The accounts imported shown in the window's table, selected (all of them: "Check
    selected" checks them), and held from the schedule as an account added is."""
    from PySide6.QtCore import QItemSelection, QItemSelectionModel

    for handle in handles:
        window.account_added.emit(handle)
    window.refresh()
    table = window.table
    rows = [row for handle in handles if (row := table.row_of(handle)) is not None]
    if len(rows) < len(handles) and window.filter_text:
        window.set_filter_text("")  # the filter hid some: shown, as the person expects
        rows = [row for handle in handles if (row := table.row_of(handle)) is not None]
    chosen = QItemSelection()
    last = table.columnCount() - 1
    for row in rows:
        chosen.select(table.model().index(row, 0), table.model().index(row, last))
    table.selectionModel().select(
        chosen,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    if rows:
        table.selectionModel().setCurrentIndex(
            table.model().index(rows[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate
        )
