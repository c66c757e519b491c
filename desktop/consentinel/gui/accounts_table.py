"""The accounts table: status in words and colour, each box, last checked, next check due."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QPoint, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from consentinel.core.status import ALL_BOXES, Box, Reason, Status
from consentinel.gui.account_rows import AccountRow, held_for_person
from consentinel.gui.dialog_words import (
    all_status_texts,
    backing_off,
    box_name,
    box_off_again,
    capitalised,
    not_checked,
    not_shown,
    off_again,
    on_off,
    outcome_name,
    step_name,
    still_on_unseen,
)
from consentinel.gui.qt_by_name import (
    ACCESSIBLE_DESCRIPTION_ROLE,
    ACCESSIBLE_TEXT_ROLE,
    USER_ROLE,
    set_by_name,
)
from consentinel.gui.row_hints import status_hint
from consentinel.gui.status_colors import (
    BLUE,
    GREEN,
    GREY,
    HELD,
    ORANGE,
    dot_icon,
    status_color,
)
from consentinel.gui.table_sort import (
    COLUMN_NAMES,
    SortChoice,
    SortKey,
    box_key,
    folded,
    handle_key,
    matches,
    sorted_rows,
    status_key,
    time_key,
)
from consentinel.gui.time_words import local_text, past_when_cell, when_cell

if TYPE_CHECKING:  # (their classes are made when the first key or menu event comes: 1.3 ms)
    from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QResizeEvent

    from consentinel.gui.no_match import NoMatch

HANDLE_ROLE = USER_ROLE + 1
STATUS_COLUMN = 1
#: Room after each cell's text, so that a column sized to its contents does not touch the next.
CELL_PADDING = 16


def _dot_item(text: str, color: str, tip: str = "") -> QTableWidgetItem:
    """A cell whose words follow a dot of `color`, with `tip` on hover when there is one."""
    item = QTableWidgetItem(text)
    item.setIcon(dot_icon(color))
    if tip:
        item.setToolTip(tip)
    return item


class AccountsTable(QTableWidget):
    """Read-only; Enter edits, Delete removes (signals), a double-click edits; a right-click,
    the Menu key or Shift+F10 asks for the selected accounts' menu (`menu_requested`).

    Sorted by a click on a column's title (`enable_sorting`) or from the window's menu
    (`choose_sort`, gui/sort_menu.py), by what the column means (the
    status by how much it needs the person, times as times), not by its words; `set_filter`
    shows only the accounts whose handle holds some letters, or whose status has some words.
    The selection and the current row stay on the same accounts through both and through each
    refill; where the filter leaves none, the table says so and offers every account again.

    While a check runs (`hold_order`, `release_order`), the rows keep the places they had
    when it began: a row whose status changes does not slide away from under the pointer
    (the person would click Edit or Remove on another account); sorted again at its end, or
    at once when the person asks for an order."""

    edit_requested = Signal(str)
    remove_requested = Signal(str)
    #: Where (global) to show the menu of the selected accounts.
    menu_requested = Signal(QPoint)
    #: The person chose an order (a SortChoice, or None: as listed) by clicking a column's
    #: title or from the window's menu (`choose_sort`): to be kept between runs.
    sort_chosen = Signal(object)
    #: "Show every account", where the filter left none: the filter is to be emptied.
    show_all_requested = Signal()

    COLUMNS = 4 + len(ALL_BOXES)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, self.COLUMNS, parent)
        self._rows: list[AccountRow] = []  # as shown, row by row
        #: What the last set_rows gave: every account, filtered or not, and its times.
        self._all_rows: list[AccountRow] = []
        self._next_due: datetime | None = None
        self._now: datetime | None = None
        self._own_due: Mapping[str, datetime | None] = {}
        self._in_this_check: Collection[str] = ()
        self._filter = ""  # folded (table_sort.folded); "": every account
        self._filter_words = ""  # as typed: said back when they find no account
        #: "No account matches…", over the empty rows (made when first needed).
        self._no_match: NoMatch | None = None
        #: By handle key, each account's status as its row says it, folded: what the filter
        #: looks in, worked out once per refill (not at each key typed), when first filtered.
        self._folded_status: dict[str, str] = {}
        #: The accounts selected when the filter began to hide some (lowercase handles), and
        #: those it left selected after its last change: emptied, it selects the first again
        #: unless the person chose others meanwhile.
        self._before_filter: list[str] | None = None
        self._left_by_filter: list[str] = []
        self._sort: SortChoice | None = None  # None: as listed
        self._sorting = False  # the header's titles can be clicked (`enable_sorting`)
        #: While a check runs: each account's place (by handle key) when it began, or when the
        #: person last chose an order (`hold_order`). None: in the chosen order.
        self._held: dict[str, int] | None = None
        self.setAccessibleName(self.tr("Accounts"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.setShowGrid(False)
        self.setWordWrap(False)
        # Tab leaves the table (arrows move within it): else Tab walks the rows, changing the
        # selection, and nothing after the table can be reached from the keyboard.
        self.setTabKeyNavigation(False)
        header = self.horizontalHeader()
        # Sized by `_size_columns` after each fill, not by the header (see there).
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        # Over their cells' words, not centred above them (the last column is wide).
        set_by_name(header, "defaultAlignment", "AlignLeft|AlignVCenter")
        # Room for the order's arrow in each title from the first frame (the columns would
        # widen when sorting comes, `enable_sorting`), and no arrow until then: a header starts
        # with its arrow on the first column, which is taken off with the column's removal
        # (setting it would name the `Qt` namespace's SortOrder, see qt_by_name).
        self.removeColumn(0)
        self.insertColumn(0)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(False)  # (until sorting comes: a click would do nothing)
        self._status_width: int | None = None
        self.retranslate()
        self.doubleClicked.connect(lambda _index: self._emit(self.edit_requested))

    def retranslate(self) -> None:
        labels = [self.tr("Account"), self.tr("Status")]
        labels += [box_name(box) for box in ALL_BOXES]
        labels += [self.tr("Last check"), self.tr("Next check")]
        self.setHorizontalHeaderLabels(labels)
        self._status_width = None  # the words changed
        self._folded_status = {}

    def column_titles(self) -> list[str]:
        """Each column's title as the header shows it, in COLUMN_NAMES' order."""
        titles = []
        for column in range(len(COLUMN_NAMES)):
            item = self.horizontalHeaderItem(column)
            titles.append(item.text() if item is not None else "")
        return titles

    def _widest_status(self) -> int:
        """The status column's width for its widest word, dot and padding included: as wide as
        the table's own delegate makes a status cell of the top row (there is one: the rows
        are filled), with the widest word's width for its own. (A cell made to be measured,
        in a model of its own, with its own view options, made PySide build 11 types for the
        first frame: 13 M instructions, 1.5 % of a start.)"""
        if self._status_width is None:
            texts = [
                *all_status_texts(),
                self.tr("Signed in, not checked yet"),
                self.tr("New password, not checked yet"),
            ]
            metrics = self.fontMetrics()
            widest = max(metrics.horizontalAdvance(text) for text in texts)
            item = self.item(max(self.rowAt(0), 0), STATUS_COLUMN)
            if item is None:
                return 0
            cell = self.sizeHintForIndex(self.indexFromItem(item)).width()
            # (+1: the delegate rounds each word's width up, the whole pixels here may not.)
            self._status_width = cell - metrics.horizontalAdvance(item.text()) + widest + 1
            self._status_width += CELL_PADDING
        return self._status_width

    def natural_width(self) -> int:
        """How wide the table's frame must be to show every column whole, the last one as wide
        as its title or widest cell (it takes what is left, so its width says nothing), with
        room for a vertical scroll bar."""
        header = self.horizontalHeader()
        last = self.columnCount() - 1
        columns = sum(header.sectionSize(column) for column in range(last))
        columns += self._content_width(last)
        return columns + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()

    def natural_height(self) -> int:
        """How tall the table's frame must be to show every row whole under its titles (a
        sideways scroll bar counted when it shows)."""
        rows = self.verticalHeader().length()  # (hidden, it still sums the rows' heights)
        sideways = self.horizontalScrollBar()
        bar = sideways.sizeHint().height() if sideways.maximum() > 0 else 0
        return self.horizontalHeader().height() + rows + bar + 2 * self.frameWidth()

    def _content_width(self, column: int) -> int:
        """As wide as the column's title or its widest cell, with room before the next."""
        cells = self.sizeHintForColumn(column) + CELL_PADDING
        return max(cells, self.horizontalHeader().sectionSizeHint(column))

    # -- order and filter ----------------------------------------------------------------------

    def enable_sorting(self) -> None:
        """A click on a column's title sorts by it, and its title shows the order. Called once
        the window's first frame is painted: the header's order is one of the `Qt`
        namespace's enums, whose first use costs the first frame 20-30 ms (qt_by_name); the
        rows are in their order from the first frame."""
        if self._sorting:
            return
        self._sorting = True
        header = self.horizontalHeader()
        header.setSectionsClickable(True)
        self._show_sort_indicator()
        header.sortIndicatorChanged.connect(self._sort_clicked)

    def _show_sort_indicator(self) -> None:
        if not self._sorting:
            return
        Qt = QtCore.Qt  # (not named at import: see qt_by_name)
        header = self.horizontalHeader()
        choice = self._sort
        section = COLUMN_NAMES.index(choice.column) if choice is not None else -1
        descending = choice is not None and choice.descending
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        blocked = header.blockSignals(True)  # (the person did not click)
        header.setSortIndicator(section, order)
        header.blockSignals(blocked)

    def _sort_clicked(self, section: int, order: QtCore.Qt.SortOrder) -> None:
        if not 0 <= section < len(COLUMN_NAMES):
            choice = None
        else:
            descending = order == QtCore.Qt.SortOrder.DescendingOrder
            choice = SortChoice(COLUMN_NAMES[section], descending)
        self.choose_sort(choice)

    def choose_sort(self, choice: SortChoice | None) -> None:
        """The person chose the order `choice` (None: as listed), by a click on a column's
        title or from the window's menu (Accounts › Sort accounts by): the rows in that order,
        the arrow on its title, and `sort_chosen`. Nothing when it is the order already shown."""
        if choice is not None and choice.column not in COLUMN_NAMES:
            choice = None
        if choice == self._sort:
            if self._held is not None:  # asked for while a check holds the rows: sorted now
                self._sort_held()
            return
        self.set_sort(choice)
        self.sort_chosen.emit(choice)

    @property
    def sortable(self) -> bool:
        """Whether a click on a column's title sorts by it yet (`enable_sorting`)."""
        return self._sorting

    @property
    def sort(self) -> SortChoice | None:
        return self._sort

    def set_sort(self, choice: SortChoice | None) -> None:
        """Sort by `choice` (None: as listed), as if its column's title had been clicked, but
        without `sort_chosen`: the window's own order, read back at start."""
        self._sort = choice if choice is None or choice.column in COLUMN_NAMES else None
        self._show_sort_indicator()
        if self._held is not None:
            self._sort_held()
        elif self._now is not None:
            self._show()

    def hold_order(self) -> None:
        """A check begins: until `release_order`, each row keeps its place as it changes (an
        account added meanwhile comes after the others)."""
        self._held = {row.account.key: place for place, row in enumerate(self._ordered_all())}

    def release_order(self) -> None:
        """The check ended: the rows in the chosen order again, at the next refill."""
        self._held = None

    def _sort_held(self) -> None:
        """The person chose an order while a check holds the rows: in that order now, then held
        there."""
        self._held = None
        self._show()
        self.hold_order()

    def _ordered_all(self) -> list[AccountRow]:
        """Every account, filtered or not, in the order shown."""
        if self._now is None:
            return list(self._all_rows)
        if not self._filter:
            return list(self._rows)  # (as shown: no need to sort them again)
        _items, keys = self._cells(self._all_rows, self._now)
        return [self._all_rows[place] for place in self._order(self._all_rows, keys)]

    def _order(self, rows: list[AccountRow], keys: dict[str, list[SortKey]]) -> list[int]:
        """The places of `rows` in the chosen order, or in the places held during a check."""
        order = sorted_rows(rows, keys, self._sort)
        held = self._held
        if held is None:
            return order
        # (Stable: those added since the check began after the others, in the chosen order.)
        return sorted(order, key=lambda place: held.get(rows[place].account.key, len(held)))

    def set_filter(self, text: str) -> None:
        """Show only the accounts whose handle holds `text`, or whose status (as the Status
        column says it) has a word beginning with it, whatever its case and accents
        ("mot de passe": "Mot de passe refusé"; table_sort.matches): typed with its @, the
        handle begins with it ("@a": @alice, not @carol); "" or "@" alone: every account."""
        wanted = folded(text.strip())
        wanted = "" if wanted == "@" else wanted
        self._filter_words = text.strip()
        if wanted == self._filter:
            self._say_if_none()  # (the same words in another case: said as now typed)
            return
        selected_now = [h.lower() for h in self.selected_handles()]
        if not self._filter:
            self._before_filter = selected_now
        elif selected_now != self._left_by_filter:
            self._before_filter = None  # the person chose while filtering: their choice stays
        self._filter = wanted
        if self._now is None:
            return
        self._show()
        before = self._before_filter
        if not wanted:
            self._before_filter = None
        if wanted:
            # One of those shown selected (the actions act on the selection): the first,
            # whatever keys are held (selectRow() would extend a selection with Shift).
            if not self.selected_handles() and self._rows:
                first = self._rows[0].account.handle
                self._select_again({first.lower()}, first)
            self._left_by_filter = [h.lower() for h in self.selected_handles()]
        elif before and [h.lower() for h in self.selected_handles()] == self._left_by_filter:
            # Emptied, the person having chosen nothing else meanwhile: what was selected
            # before, again, the first of them current and in view.
            back = next((h for h in before if self.row_of(h) is not None), None)
            if back is not None:
                self._select_again(set(before), back)
                self.scrollTo(self.model().index(self.row_of(back) or 0, 0))

    def account_count(self) -> int:
        """Every account, shown or not."""
        return len(self._all_rows)

    def shown_count(self) -> int:
        return len(self._rows)

    # -- the accounts shown --------------------------------------------------------------------

    def selected_handles(self) -> list[str]:
        # (Whole rows are selected: their first cells say which. The selection model would
        # cost PySide its type and flags at the first frame.)
        rows = sorted({item.row() for item in self.selectedItems() if item.column() == 0})
        handles = []
        for row in rows:
            item = self.item(row, 0)
            if item is not None:
                handles.append(str(item.data(HANDLE_ROLE)))
        return handles

    def current_handle(self) -> str | None:
        handles = self.selected_handles()
        return handles[0] if handles else None

    def row_of(self, handle: str) -> int | None:
        for row in range(self.rowCount()):
            item = self.item(row, 0)
            if item is not None and str(item.data(HANDLE_ROLE)).lower() == handle.lower():
                return row
        return None

    def lists(self, handle: str) -> bool:
        """Whether `handle` is one of the accounts, shown or hidden by the filter."""
        return any(row.account.handle.lower() == handle.lower() for row in self._all_rows)

    def status_text(self, handle: str) -> str:
        row = self.row_of(handle)
        item = self.item(row, 1) if row is not None else None
        return item.text() if item is not None else ""

    def set_rows(
        self,
        rows: list[AccountRow],
        next_due: datetime | None,
        now: datetime,
        own_due: Mapping[str, datetime | None] | None = None,
        in_this_check: Collection[str] = (),
    ) -> None:
        """`next_due`: the schedule's next run (None: off or paused). `own_due`: by handle key,
        an account's own next check where it is not that run's (the run that retries failed
        checks leaves the others for their own time; an account whose check in the run under
        way is over: None, set when the run ends). `in_this_check`: by handle key, the
        accounts the check under way has yet to finish, which it checks now."""
        self._all_rows = list(rows)
        self._next_due, self._now = next_due, now
        self._own_due = own_due or {}
        self._in_this_check = in_this_check
        self._folded_status = {}  # (the statuses may have changed)
        self._show()

    def _show(self) -> None:
        """Fill the table with the accounts the filter lets through, in the chosen order, the
        same accounts selected and current as before."""
        now = self._now
        if now is None:
            return
        selected = set(h.lower() for h in self.selected_handles())
        current = self._handle_at(self.currentRow())
        rows = [row for row in self._all_rows if self._lets_through(row, now)]
        items, keys = self._cells(rows, now)
        order = self._order(rows, keys)
        self._rows = [rows[place] for place in order]
        self.setRowCount(len(order))
        for index, place in enumerate(order):
            for column, item in enumerate(items[place]):
                self.setItem(index, column, item)
        if rows:  # (an empty table, at a first start, need not measure its words)
            self._size_columns()
        # The rows selected before stay selected, all of them (selectRow() one by one keeps
        # only the last: it clears the selection unless a modifier key is held).
        if selected or current is not None:
            self._select_again(selected, current)
        self._say_if_none()

    def _say_if_none(self) -> None:
        """Where the filter leaves no account, the table says so, with the words typed, and
        offers every account again: not an empty table that looks like a lost list."""
        none = bool(self._filter) and not self._rows and bool(self._all_rows)
        if not none:
            if self._no_match is not None:
                self._no_match.hide()
            return
        if self._no_match is None:
            from consentinel.gui.no_match import NoMatch

            # Over the viewport, not in it: the viewport's children scroll with the columns.
            self._no_match = NoMatch(self)
            self._no_match.show_all_requested.connect(self.show_all_requested)
        self._no_match.setGeometry(self.viewport().geometry())
        self._no_match.say_none_for(self._filter_words)  # (shown, then said)

    def no_match_text(self) -> str:
        """What the table says where the filter leaves no account ("": it shows some)."""
        shown = self._no_match is not None and not self._no_match.isHidden()
        return self._no_match.label.text() if shown and self._no_match is not None else ""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._no_match is not None:
            self._no_match.setGeometry(self.viewport().geometry())

    def _lets_through(self, row: AccountRow, now: datetime) -> bool:
        """Whether the filter shows `row`: its handle or its status's words (the status's words
        read once per refill: a key typed in the filter does not work them out again)."""
        if not self._filter:
            return True
        status = self._folded_status.get(row.account.key)
        if status is None:
            status = folded(self._status_look(row, now)[0])
            self._folded_status[row.account.key] = status
        return matches(row, self._filter, status)

    def select_handles(self, handles: list[str]) -> None:
        """Select these accounts, and only these (those shown), the last one current and in
        view: those one dialog added, for "Check selected" to check them all."""
        if not handles:
            return
        self._select_again({h.lower() for h in handles}, handles[-1])
        row = self.row_of(handles[-1])
        if row is not None:
            self.scrollTo(self.model().index(row, 0))

    def _select_again(self, selected: set[str], current: str | None) -> None:
        """The accounts `selected` (by handle key) before a refill selected again, and the
        `current` one current, wherever the order put them. (Not at the first fill, which has
        none: the selection's types cost PySide a type and its flags at the first frame.)"""
        from PySide6.QtCore import QItemSelection, QItemSelectionModel

        keep = QItemSelection()
        last = self.columnCount() - 1
        for index, row in enumerate(self._rows):
            if row.account.handle.lower() in selected:
                keep.select(self.model().index(index, 0), self.model().index(index, last))
        self.selectionModel().select(
            keep,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        # The current row (where the arrows move from, what the advice under the table is of)
        # stays on its account, wherever the order put it.
        moved = self.row_of(current) if current is not None else None
        if moved is not None and moved != self.currentRow():
            self.selectionModel().setCurrentIndex(
                self.model().index(moved, max(self.currentColumn(), 0)),
                QItemSelectionModel.SelectionFlag.NoUpdate,
            )

    def _handle_at(self, row: int) -> str | None:
        item = self.item(row, 0) if row >= 0 else None
        return str(item.data(HANDLE_ROLE)) if item is not None else None

    def _size_columns(self) -> None:
        """Each column as wide as its title or its widest cell, with room before the next; the
        status column as wide as the widest status, so it stays put as the words change at each
        step of a check; the last one takes what is left.

        Measured here, once per fill, rather than by a header in "resize to contents" mode:
        that one measures every cell of a column again each time one of its items is replaced
        (refilling N rows measured N × N cells: 4 s for 100 accounts at every step of a
        check), and again at each layout pass (ten times over before the first frame)."""
        header = self.horizontalHeader()
        for column in range(self.columnCount() - 1):
            if column == STATUS_COLUMN:
                width = max(self._widest_status(), header.sectionSizeHint(column))
            else:
                width = self._content_width(column)
            header.resizeSection(column, width)

    def _cells(
        self, rows: list[AccountRow], now: datetime
    ) -> tuple[list[list[QTableWidgetItem]], dict[str, list[SortKey]]]:
        """Each row's items, and each column's sort keys row by row (by column name)."""
        items = []
        keys: dict[str, list[SortKey]] = {name: [] for name in COLUMN_NAMES}
        for row in rows:
            handle = QTableWidgetItem(f"@{row.account.handle}")
            handle.setData(HANDLE_ROLE, row.account.handle)
            handle.setData(ACCESSIBLE_TEXT_ROLE, f"@{row.account.handle}")
            cells = [handle, self._status_item(row, now)]
            keys["account"].append(handle_key(row))
            keys["status"].append(status_key(row, now))
            for box in ALL_BOXES:
                cells.append(self._box_item(row, box))
                keys[box.value].append(box_key(row, box))
            cells.append(
                QTableWidgetItem(past_when_cell(row.last_checked, now) if row.last_checked else "—")
            )
            keys["last_check"].append(time_key(row.last_checked))
            due, due_key = self._next_check_item(row, now)
            cells.append(due)
            keys["next_check"].append(due_key)
            items.append(cells)
        return items, keys

    def _next_check_item(self, row: AccountRow, now: datetime) -> tuple[QTableWidgetItem, SortKey]:
        """The "Next check" cell, and what it sorts by: soonest first, then those waiting for
        the person, then those no schedule checks."""
        key = row.account.key
        next_due = self._next_due
        if key in self._in_this_check:
            # Its turn in the check under way: not "Now", which reads as a check about to start.
            item = QTableWidgetItem(self.tr("In this check"))
            tip = self.tr("This account is being checked, or waits its turn, in this check.")
            item.setToolTip(tip)
            item.setData(ACCESSIBLE_DESCRIPTION_ROLE, tip)
            return item, (0, 0, "")
        if next_due is not None and key in self._own_due:
            own = self._own_due[key]
            if own is not None or held_for_person(row, now):
                return self._due_item(row, own or now, now)
            item = QTableWidgetItem("—")
            tip = self.tr("Its next automatic check is set when this check ends.")
            item.setToolTip(tip)
            item.setData(ACCESSIBLE_DESCRIPTION_ROLE, tip)
            return item, (1, 0, "")
        return self._due_item(row, next_due, now)

    def _due_item(
        self, row: AccountRow, next_due: datetime | None, now: datetime
    ) -> tuple[QTableWidgetItem, SortKey]:
        """When the schedule checks this account next; not a time the schedule cannot keep (a
        check that cannot sign in is no check)."""
        if next_due is None:
            return QTableWidgetItem(self.tr("Not scheduled")), (4, 0, "")
        if not held_for_person(row, next_due):
            item = QTableWidgetItem(when_cell(next_due, now))
            if row.reason is Reason.PAGE_CHANGED and row.step is None:
                # Not a promise that this account is looked after meanwhile, as for others.
                tip = self.tr(
                    "The next check reads X's page again, but until Consentinel is updated "
                    "for X's new page it may not be able to check this account's boxes: check "
                    "them yourself on x.com."
                )
                item.setToolTip(tip)
                item.setData(ACCESSIBLE_DESCRIPTION_ROLE, tip)
            return item, (2, next_due.timestamp(), "")
        until = row.state.blocked_until
        key: SortKey = (3, 0, "")  # until the person acts
        if row.state.password_rejected:
            text = self.tr("After a new password")
            tip = self.tr(
                "Scheduled checks will not sign in to this account until you save a new "
                "password with “Edit account…”."
            )
        elif row.state.block_reason is Reason.LOCKED:  # whatever the time: until unlocked
            text = self.tr("After you unlock it on X")
            tip = self.tr(
                "X locked this account: scheduled checks do not sign in to it until it is "
                "unlocked. Sign in on x.com, then use “Sign in yourself…”."
            )
        elif row.state.waits_for_person is not None or until is None:
            text = self.tr("After you sign in")
            tip = self.tr(
                "Scheduled checks wait until you sign in to this account with “Sign in yourself…”."
            )
        else:
            text = self.tr("Not before {when}").replace("{when}", local_text(until))
            tip = self.tr(
                "After X's refusal, captcha or lock, scheduled checks do not sign in again before "
                "then. You can still use “Sign in yourself…”."
            )
            key = (2, until.timestamp(), "")
        item = QTableWidgetItem(text)
        item.setToolTip(tip)
        item.setData(ACCESSIBLE_DESCRIPTION_ROLE, tip)
        return item, key

    def _status_item(self, row: AccountRow, now: datetime) -> QTableWidgetItem:
        text, color = self._status_look(row, now)
        if row.step is not None:
            return _dot_item(text, color)
        if row.signed_in_since:
            return _dot_item(
                text,
                color,
                self.tr(
                    "The sign-in worked and the session is saved. The next check reads the "
                    "boxes again."
                ),
            )
        if row.new_password_since:
            return _dot_item(
                text,
                color,
                self.tr(
                    "X refused the password at the last check; a new one was saved since. The "
                    "next check signs in with it."
                ),
            )
        hint = status_hint(row, now)
        item = _dot_item(text, color, hint)
        if hint:
            # What a screen reader says, and what the status bar shows when the row is selected:
            # not only for a mouse hovering it.
            item.setData(ACCESSIBLE_DESCRIPTION_ROLE, hint)
        return item

    def _status_look(self, row: AccountRow, now: datetime) -> tuple[str, str]:
        """The Status cell's words and its dot's colour (the filter looks in the same words)."""
        if row.step is not None:
            return step_name(row.step), BLUE
        if row.signed_in_since:
            return self.tr("Signed in, not checked yet"), GREY
        if row.new_password_since:
            return self.tr("New password, not checked yet"), GREY
        color = status_color(row.status, row.reason)
        if row.state.is_blocked(now) and row.status is None:
            text = backing_off()
        elif row.status is None:
            text = not_checked()
        else:
            clock_off = row.clock_offset_s is not None
            text = outcome_name(
                row.status,
                row.reason,
                row.hidden_on,
                clock_off=clock_off,
                x_answered=row.x_answered,
            )
            if still_on_unseen(row.status, row.hidden_on):
                # As the box's own cell: on, not the green of a protected account; nor the
                # orange of a row that needs the person, who can do nothing about it.
                color = HELD
            if row.reverted and row.status in (Status.OPTED_OUT, Status.FIXED):
                # News until the next check: X undid the person's choice, switched off again
                # (which boxes: their cells say "Off again"; X's hidden ones, their own cell),
                # said after the boxes X still keeps on, if any: not "Off again" alone.
                text = off_again(row.reverted, row.hidden_on)
        return text, color

    def current_status_hint(self) -> str:
        """Why the selected account's check ended as it did, when there is more to say."""
        item = self.item(self.currentRow(), 1) if self.currentRow() >= 0 else None
        return item.toolTip() if item is not None else ""

    def current_advice(self) -> str:
        """What the selected account needs from the person, if anything: its status hint,
        except for an account whose boxes are off (its check's own sentence, in the language
        it ran in, says nothing to do), unless X had switched some back on, or keeps some on
        without showing them: that is news, as the run's summary and a notification say it."""
        current = self.currentRow()
        row = self._rows[current] if 0 <= current < len(self._rows) else None
        if row is None:
            return ""
        if row.step is None and row.status in (Status.OPTED_OUT, Status.FIXED):
            news = row.reverted or row.hidden_on  # (X keeps a box on: its sentence says so)
            return self.current_status_hint() if news else ""
        return self.current_status_hint()

    def _box_item(self, row: AccountRow, box: Box) -> QTableWidgetItem:
        if row.status is None or box not in row.boxes:
            # "Not shown" only when the page was read without this box (X's gradual roll-out);
            # a check that never reached the page (sign-in needed, error) knows nothing of it.
            if box not in row.hidden_on:
                if not row.boxes:
                    return QTableWidgetItem("—")
                # A grey dot: its words line up with the other rows' under the column's title.
                return _dot_item(
                    capitalised(not_shown()),
                    GREY,
                    self.tr(
                        "X's page does not show this box to this account (X shows it to some "
                        "accounts only): there is nothing to untick."
                    ),
                )
            # X's data holds it on: said in words, with the dot of what X holds (not the
            # orange of a box the person must see to).
            return _dot_item(
                capitalised(self.tr("on, hidden by X")),
                HELD,
                self.tr(
                    "X keeps this box on without showing it on its page to this account: it "
                    "cannot be switched off for now. Consentinel will switch it off as soon as "
                    "X shows it."
                ),
            )
        value = row.boxes[box]
        enforced = box in row.account.keep
        # A box left on by choice says so in words, not only by its grey dot.
        text = on_off(value) if value is not True or enforced else self.tr("on (kept)")
        again = value is False and box in row.reverted
        item = QTableWidgetItem(capitalised(box_off_again() if again else text))
        if again:
            item.setToolTip(
                self.tr(
                    "X had switched this box back on since the check before: this check "
                    "switched it off again."
                )
            )
        if value is False:
            item.setIcon(dot_icon(GREEN))
        elif value is True:
            item.setIcon(dot_icon(ORANGE if enforced else GREY))
            if not enforced:
                item.setToolTip(self.tr("You chose to leave this box as it is."))
        return item

    def keyPressEvent(self, event: QKeyEvent) -> None:
        Qt = QtCore.Qt  # (not named at import: see qt_by_name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._emit(self.edit_requested)
            return
        if event.key() == Qt.Key.Key_Delete:
            self._emit(self.remove_requested)
            return
        if event.key() == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier:
            # The menu key of GTK desktops and Windows; Qt itself only knows the Menu key.
            self._ask_for_menu(self._under_current_row())
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == event.Reason.Keyboard:
            # Under the selected row, not wherever the mouse pointer was left.
            self._ask_for_menu(self._under_current_row())
        else:
            self._ask_for_menu(event.globalPos())

    def _ask_for_menu(self, where: QPoint) -> None:
        if self.selected_handles():  # (a right-click below the rows selects none)
            self.menu_requested.emit(where)

    def _under_current_row(self) -> QPoint:
        row = self.currentRow()
        if row < 0 or not self.selectionModel().isRowSelected(row):
            rows = self.selectionModel().selectedRows()
            row = min(index.row() for index in rows) if rows else 0
        index = self.model().index(row, 0)
        self.scrollTo(index)
        return self.viewport().mapToGlobal(self.visualRect(index).bottomLeft())

    def _emit(self, signal: SignalInstance) -> None:
        handle = self.current_handle()
        if handle:
            signal.emit(handle)
