"""Accounts › Sort accounts by: the accounts table's order from the keyboard (a click on a
column's title is the mouse's way), each column by its title, as added, and descending."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from consentinel.gui.table_sort import COLUMN_NAMES, SortChoice

if TYPE_CHECKING:
    from consentinel.gui.accounts_table import AccountsTable


def with_letters(titles: list[str], taken: set[str]) -> list[str]:
    """Each title with an Alt letter ("&") none of the others nor `taken` has: its first
    letter free, one without an accent first (any keyboard has it), none when all are taken.
    A "&" of the title's own is doubled (shown as it is)."""
    marked = []
    for title in titles:
        letters = [i for i, c in enumerate(title) if c.isalnum() and c.lower() not in taken]
        plain = [i for i in letters if title[i].isascii()]
        at = (plain or letters or [-1])[0]
        if at >= 0:
            taken.add(title[at].lower())
        marked.append(
            "".join(("&" if i == at else "") + c.replace("&", "&&") for i, c in enumerate(title))
        )
    return marked


def letter_of(text: str) -> str | None:
    """The Alt letter of a menu entry's text ("&&" is a plain "&")."""
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].lower() if 0 <= at < len(plain) - 1 else None


class SortMenu(QMenu):
    """One checkable entry per column of the table (its title) and "As added", one of them
    checked: the order shown; "Descending" reverses it. Choosing one does what a click on
    the column's title does (AccountsTable.choose_sort: the order, the title's arrow, kept in
    window.json); a click on a title checks its entry here (`show_choice`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._table: AccountsTable | None = None
        self.setTitle(self.tr("S&ort accounts by"))
        self.orders = QActionGroup(self)  # exclusive: one order at a time
        self.as_added = self._order_action(self.tr("&As added"), None)
        self.addSeparator()
        #: By column name (COLUMN_NAMES): its entry, titled as the table titles the column.
        self.by_column = {name: self._order_action("", name) for name in COLUMN_NAMES}
        self.addSeparator()
        self.descending = QAction(self.tr("&Descending"), self)
        self.descending.setCheckable(True)
        self.descending.triggered.connect(self._descending_chosen)
        self.addAction(self.descending)
        self.as_added.setChecked(True)
        self.descending.setEnabled(False)
        # Titles and checks as they are now, each time it opens (a new language, a new table).
        self.aboutToShow.connect(self._read_the_table)

    def _order_action(self, text: str, column: str | None) -> QAction:
        action = QAction(text, self)
        action.setCheckable(True)
        action.triggered.connect(lambda _checked=False: self._order_chosen(column))
        self.orders.addAction(action)
        self.addAction(action)
        return action

    def follow(self, table: AccountsTable) -> None:
        """Sort `table`, and show the order it shows, whoever chose it."""
        self._table = table
        table.sort_chosen.connect(self.show_choice)
        self._read_the_table()

    def _read_the_table(self) -> None:
        table = self._table
        if table is None:
            return
        taken = {letter_of(a.text()) for a in (self.as_added, self.descending)}
        titles = with_letters(table.column_titles(), {t for t in taken if t})
        for action, title in zip(self.by_column.values(), titles, strict=True):
            action.setText(title)
        self.show_choice(table.sort)

    def show_choice(self, choice: SortChoice | None) -> None:
        """Check the entries of `choice` (None: as added), without choosing anything."""
        chosen = self.as_added if choice is None else self.by_column.get(choice.column)
        (chosen or self.as_added).setChecked(True)
        self.descending.setChecked(choice is not None and choice.descending)
        # (As added has no way to reverse.)
        self.descending.setEnabled(choice is not None)

    def _order_chosen(self, column: str | None) -> None:
        if self._table is None:
            return
        descending = self.descending.isChecked()  # (kept: what the menu shows is what it does)
        self._table.choose_sort(None if column is None else SortChoice(column, descending))
        self.show_choice(self._table.sort)

    def _descending_chosen(self, checked: bool) -> None:
        table = self._table
        if table is not None and table.sort is not None:
            table.choose_sort(table.sort._replace(descending=checked))
        self.show_choice(table.sort if table is not None else None)
