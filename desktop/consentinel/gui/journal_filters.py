"""The journal window's filters (account, outcome, kind of entry, from and to dates) and the
journal.entries() arguments they ask for."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QWidget

from consentinel.core.clock_offset import CLOCK_OFF
from consentinel.core.journal_entries import EntryKind
from consentinel.core.status import OWN_NAME_REASONS, Reason, Status
from consentinel.gui.dialog_words import NAMED_BY_REASON, kind_name, status_name
from consentinel.gui.wrapping_row import WrappingRow

if TYPE_CHECKING:
    from collections.abc import Callable

    from consentinel.core.context import AppContext

# The window's own words: its context in the catalogues (as its self.tr() has).
translate = QCoreApplication.translate

#: The checks named "Clock to set right" when X refused their 2FA code for this computer's
#: clock (their detail_code, core/clock_offset.py), else "2FA code needed": each has its own
#: item in the Outcome filter, and "Needs you" covers both.
_CLOCK_OFF_NAMED = (Status.NEEDS_USER, Reason.TWO_FACTOR)

#: The date fields' minimum date: it stands for "no limit" and shows as "Any".
NO_DATE = QDate(2000, 1, 1)


class JournalFilters:
    """The filters' fields, in one row when the window is wide enough (`row`), else in two."""

    def __init__(self) -> None:
        self.account_filter = QComboBox()
        self.account_filter.setAccessibleName(translate("JournalWindow", "Account"))
        self.outcome_filter = QComboBox()
        self.outcome_filter.setAccessibleName(translate("JournalWindow", "Outcome"))
        # As wide as most of its names, not its longest ("Email or phone to confirm", longer in
        # French): at 200 % the filters' row would push the window past a small screen. The
        # list shows every name whole.
        self.outcome_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.outcome_filter.setMinimumContentsLength(14)
        self.outcome_filter.setToolTip(
            translate(
                "JournalWindow", "How an account's check ended: it applies to account checks only."
            )
        )
        self.outcome_filter.addItem(translate("JournalWindow", "Any outcome"), None)
        for status in Status:
            self.outcome_filter.addItem(status_name(status), status.value)
            # A status some checks are named after their reason ("Password refused"): that
            # name is listed too, after its status's, which covers it.
            reasons = [reason for named, reason in NAMED_BY_REASON if named is status]
            for name, data in _named_by_reason(status, reasons):
                self.outcome_filter.addItem(name, data)
            if reasons:
                self._outcome_tip(status, reasons)
        for reason in OWN_NAME_REASONS:  # as the table names them, not as "Error"
            self.outcome_filter.addItem(status_name(Status.ERROR, reason), reason.value)
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName(translate("JournalWindow", "Kind of entry"))
        self.kind_filter.addItem(translate("JournalWindow", "Everything"), None)
        for kind in EntryKind:
            self.kind_filter.addItem(kind_name(kind), kind.value)
        # "Any" on both: no limit. (French reads "from the journal's start", "to its end".)
        self.from_date = _date_edit(translate("JournalWindow", "Any", "no first date"))
        self.from_date.setAccessibleName(translate("JournalWindow", "From date"))
        self.to_date = _date_edit(translate("JournalWindow", "Any", "no last date"))
        self.to_date.setAccessibleName(translate("JournalWindow", "To date"))

        pairs = []
        for text, widget in (
            (translate("JournalWindow", "&Account:"), self.account_filter),
            (translate("JournalWindow", "&Outcome:"), self.outcome_filter),
            (translate("JournalWindow", "&Show:"), self.kind_filter),
            (translate("JournalWindow", "&From:"), self.from_date),
            (translate("JournalWindow", "&To:"), self.to_date),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            pairs.append((label, widget))
        #: In two rows when one would be wider than the window (a small screen at 200 %).
        self.row = WrappingRow(pairs)

    def _outcome_tip(self, status: Status, reasons: list[Reason]) -> None:
        """A status's filter item says it covers the checks named after `reasons` too."""
        index = self.outcome_filter.findData(status.value)
        quoted = translate("JournalWindow", "“{named}”")
        # Every one of them (in_words would count some as "others").
        named = _named_by_reason(status, reasons)
        names = ", ".join(quoted.replace("{named}", name) for name, _data in named)
        tip = translate("JournalWindow", "{status}: {names} included").replace(
            "{status}", status_name(status)
        )
        self.outcome_filter.setItemData(
            index, tip.replace("{names}", names), Qt.ItemDataRole.ToolTipRole
        )

    def when_changed(self, slot: Callable[[], None]) -> None:
        """`slot` is called at each change of a filter (not when the accounts are listed again)."""
        for combo in (self.account_filter, self.outcome_filter, self.kind_filter):
            combo.currentIndexChanged.connect(slot)
        for edit in (self.from_date, self.to_date):
            edit.dateChanged.connect(slot)

    def asked(self) -> dict[str, Any]:
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
        elif outcome == CLOCK_OFF:
            found["status"], found["reason"] = _CLOCK_OFF_NAMED
            found["clock_off"] = True
        elif outcome in named:
            found["status"], found["reason"] = named[outcome], Reason(outcome)
            if (found["status"], found["reason"]) == _CLOCK_OFF_NAMED:
                # "2FA code needed": a code wanted from the person, not the clock's refusal.
                found["clock_off"] = False
        elif outcome:
            found["status"] = Status(outcome)
            if found["status"] is Status.ERROR:
                found["except_reasons"] = OWN_NAME_REASONS
        if kind:
            found["kinds"] = [EntryKind(kind)]
        if self.from_date.date() != NO_DATE:
            found["since"] = _local_midnight(self.from_date.date())
        if self.to_date.date() != NO_DATE:
            found["until"] = _local_midnight(self.to_date.date()) + timedelta(days=1)
        return found

    def grey_outcome(self) -> None:
        """The outcome is greyed unless account checks are shown: it applies to them only."""
        self.outcome_filter.setEnabled(self.kind_filter.currentData() in (None, "check"))

    def show_account(self, handle: str) -> None:
        """Only this account's entries: its name chosen in the Account filter."""
        index = self.account_filter.findData(handle)
        if index >= 0:
            self.account_filter.setCurrentIndex(index)

    def fill_accounts(self, ctx: AppContext) -> None:
        """The accounts listed again, the one chosen kept (no change is signalled)."""
        current = self.account_filter.currentData()
        handles = {a.handle.lower(): a.handle for a in ctx.accounts.list()}
        for handle in ctx.journal.handles():  # accounts removed since still have history
            handles.setdefault(handle.lower(), handle)
        self.account_filter.blockSignals(True)
        self.account_filter.clear()
        self.account_filter.addItem(translate("JournalWindow", "All accounts"), None)
        for key in sorted(handles):
            self.account_filter.addItem(f"@{handles[key]}", handles[key])
        index = self.account_filter.findData(current) if current else 0
        self.account_filter.setCurrentIndex(max(index, 0))
        self.account_filter.blockSignals(False)


def _named_by_reason(status: Status, reasons: list[Reason]) -> list[tuple[str, str]]:
    """The Outcome filter's items (name, data) listed after `status`'s, which covers them: a
    name for each of `reasons` ("Password refused"), and after "2FA code needed", "Clock to
    set right" (CLOCK_OFF: its 2FA code refused for this computer's clock)."""
    items = []
    for reason in reasons:
        items.append((status_name(status, reason), reason.value))
        if (status, reason) == _CLOCK_OFF_NAMED:
            items.append((status_name(status, reason, clock_off=True), CLOCK_OFF))
    return items


class _DateEdit(QDateEdit):
    """Tab leaves the field (its parts are reached with the arrow keys): showing "Any", Qt's
    date field kept Tab for itself, and nothing after it could be reached from the keyboard."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


def _date_edit(any_words: str) -> QDateEdit:
    edit = _DateEdit()
    edit.setCalendarPopup(True)
    edit.setMinimumDate(NO_DATE)
    # The minimum date stands for "no limit" and shows as "Any".
    edit.setSpecialValueText(any_words)
    edit.setDate(NO_DATE)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _local_midnight(day: QDate) -> datetime:
    as_date = date(day.year(), day.month(), day.day())
    return datetime.combine(as_date, time()).astimezone()
