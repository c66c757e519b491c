"""Accounts › Import accounts from a file…: a CSV or TSV file chosen, its rows shown (never a
secret: "✓" where one is given), the valid ones imported (core/account_import), and the file
offered for deletion, since it holds passwords in clear. Loaded when the action is first
used."""

from __future__ import annotations

import logging
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
    ImportFileError,
    ImportKeyringError,
    ImportRow,
    Outcome,
    RowResult,
    delete_file_advice,
    import_accounts,
    imported_words,
    parse_accounts,
    read_import_file,
)
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
    imported; `accounts_imported` sends them once the import ends (when any was)."""

    accounts_imported = Signal(list)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.path: Path | None = None
        self.rows: list[ImportRow] = []
        self.imported: list[str] = []
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
        self.path = path
        self.imported = []
        self.file_label.setText(str(path))
        self.delete_button.setVisible(False)
        self.rows = []
        self.table.setRowCount(0)
        try:
            self.rows = parse_accounts(read_import_file(path), self._ctx.accounts.get)
        except ImportFileError as error:
            self._say(str(error), problem=True)
            self.import_button.setEnabled(False)
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
        self.import_button.setText(
            self.tr("&Import {count} accounts").replace("{count}", str(ready))
            if ready != 1
            else self.tr("&Import 1 account")
        )
        self.import_button.setEnabled(ready > 0)
        if ready:
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
        """The valid rows imported, each row's status said as it is; then how many were, and
        that the file is to be deleted. No keyring: said, nothing imported."""
        if not self.rows or self.imported:
            return
        self.import_button.setEnabled(False)
        self.choose_button.setEnabled(False)
        position = {id(row): index for index, row in enumerate(self.rows)}

        def shown(result: RowResult) -> None:
            index = position[id(result.row)]
            if result.outcome is Outcome.IMPORTED:
                self._status(index, self.tr("Imported"), True)
            else:
                self._status(index, result.reason or "", False)

        try:
            results = import_accounts(self._ctx, self.rows, on_result=shown)
        except ImportKeyringError as error:
            self._say(
                self.tr("Secrets cannot be stored: {problem} Nothing was imported.").replace(
                    "{problem}", str(error)
                ),
                problem=True,
            )
            self.import_button.setEnabled(True)
            return
        finally:
            self.choose_button.setEnabled(True)
        self.imported = [r.row.handle for r in results if r.outcome is Outcome.IMPORTED]
        self._say(f"{imported_words(results)} {delete_file_advice()}", problem=False)
        self.delete_button.setVisible(True)
        self.close_button.setDefault(True)
        if self.imported:
            self.accounts_imported.emit(list(self.imported))

    def delete_file(self) -> None:
        if self.path is None:
            return
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
        except OSError as error:
            self._say(
                self.tr("The file could not be deleted: {problem}").replace(
                    "{problem}", error.strerror or str(error)
                ),
                problem=True,
            )
            return
        self.delete_button.setVisible(False)
        self._say(self.tr("The file was deleted."), problem=False)

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
