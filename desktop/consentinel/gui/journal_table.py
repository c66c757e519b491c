"""The journal window's table of entries, and its columns' widths: fitted to the rows shown,
kept open when none is."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from consentinel.gui.journal_model import JournalModel

# The window's own words: its context in the catalogues (as its self.tr() has).
translate = QCoreApplication.translate

_SIZED_COLUMNS = (JournalModel.TIME, JournalModel.ACCOUNT, JournalModel.KIND)
#: What a typical cell of each sized column holds, to size it when no row is there.
_TYPICAL_CELLS = ("0000-00-00 00:00:00", "@" + "n" * 14, "n" * 18)


def journal_table(model: JournalModel) -> QTableView:
    """The entries, a row each, one selected at a time."""
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(translate("JournalWindow", "Journal entries"))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move within it
    table.verticalHeader().hide()
    header = table.horizontalHeader()
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
    return table


def column_widths(table: QTableView) -> list[int]:
    """The sized columns' widths, to keep (keep_columns_open) once the rows are gone."""
    header = table.horizontalHeader()
    return [header.sectionSize(column) for column in _SIZED_COLUMNS]


def fit_columns_to_rows(table: QTableView) -> None:
    header = table.horizontalHeader()
    for column in _SIZED_COLUMNS:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)


def keep_columns_open(table: QTableView, widths: list[int]) -> None:
    """With no row to measure, each column would shrink to its title and the titles would
    run together: keep the widths the rows had, or a typical row's."""
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    margin = 4 * metrics.averageCharWidth()  # the cell's padding and the time's dot
    for column, typical, before in zip(_SIZED_COLUMNS, _TYPICAL_CELLS, widths, strict=True):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, max(before, metrics.horizontalAdvance(typical) + margin))
