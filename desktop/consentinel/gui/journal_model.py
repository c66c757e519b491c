"""The journal's entries as a Qt table model: time, account, what happened, details."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from consentinel.core.check_messages import x_answered_in
from consentinel.core.clock_offset import clock_words, offset_in_check
from consentinel.core.entry_words import shared_details
from consentinel.core.evidence import (
    EVERY_CHECK_SHOT,
    PAGE_CHANGED_SHOT,
    SIGNIN_CHANGED_SHOT,
    UntickShown,
    unticked_in_shot,
)
from consentinel.core.journal_entries import (
    Entry,
    EntryKind,
    backoff_since,
    box_changes_in_page_order,
    not_retried_since,
    run_end_words,
    text_for_reader,
    untick_not_saved,
)
from consentinel.core.status import OWN_NAME_REASONS, Box, Reason, Status, Tally
from consentinel.gui.dialog_words import (
    box_name,
    capitalised,
    entry_kind_name,
    on_off,
    status_name,
    status_names_reason,
)
from consentinel.gui.status_colors import RED, dot_icon

if TYPE_CHECKING:
    from consentinel.core.journal_export import ReadableColumns

_Index = QModelIndex | QPersistentModelIndex


def local_time(entry: Entry) -> str:
    """The entry's time in the computer's time zone, to the second, as the window's language
    writes dates (« 5 déc. 2026 23:42:34 »)."""
    from consentinel.gui.time_words import local_text_to_the_second

    return local_text_to_the_second(entry.at)


def local_iso_time(entry: Entry) -> str:
    """The same as an export writes it, whatever the language, with its offset from UTC:
    "2026-12-05 23:42:34 +01:00" (a spreadsheet sorts it; the offset tells apart the two
    02:30 of the night the clocks go back, and says the time to a reader in another zone)."""
    local = entry.at.astimezone()
    offset = local.strftime("%z")  # "+0100" (Python 3.11 has no "%:z")
    return f"{local.strftime('%Y-%m-%d %H:%M:%S')} {offset[:3]}:{offset[3:5]}"


def time_with_zone(entry: Entry) -> str:
    """The same with its offset from UTC, and in UTC (what an export says): for a tooltip."""
    local = entry.at.astimezone()
    utc = entry.at.astimezone(timezone.utc)
    return f"{local.strftime('%Y-%m-%d %H:%M:%S %z')} ({utc.strftime('%Y-%m-%d %H:%M:%S')} UTC)"


def _box_words(value: object) -> str:
    """A box's name; a code this version does not know, as it is."""
    try:
        return box_name(Box(value))
    except ValueError:
        return str(value)


def state_words(box_value: object, state: object) -> str:
    """'Training: off': a box a check read and left as it was."""
    words = _tr(QT_TRANSLATE_NOOP("JournalModel", "{box}: {state}"))
    return words.replace("{box}", _box_words(box_value)).replace("{state}", on_off(state))


def change_words(payload: dict[str, Any]) -> str:
    """'Training: on → off (confirmed)' in the interface's language; for an untick X did not
    confirm, the box as X left it ('Training: still on'), not 'on → on'."""
    name = _box_words(payload.get("box", "?"))
    flags = []
    if payload.get("confirmed"):
        flags.append(_tr(QT_TRANSLATE_NOOP("JournalModel", "confirmed")))
    if payload.get("reverted_by_x"):
        flags.append(_tr(QT_TRANSLATE_NOOP("JournalModel", "X had switched it back on")))
    extra = f" ({', '.join(flags)})" if flags else ""
    if untick_not_saved(payload):
        if payload.get("after") is True:
            left = _tr(QT_TRANSLATE_NOOP("JournalModel", "{box}: still on"))
        else:
            left = _tr(QT_TRANSLATE_NOOP("JournalModel", "{box}: not read back"))
        return left.replace("{box}", name) + extra
    words = _tr(QT_TRANSLATE_NOOP("JournalModel", "{box}: {before} → {after}"))
    return (
        words.replace("{box}", name)
        .replace("{before}", on_off(payload.get("before")))
        .replace("{after}", on_off(payload.get("after")))
        + extra
    )


def _tr(text: object) -> str:
    return QCoreApplication.translate("JournalModel", str(text))


# Marked for lupdate; translated when shown.
_REASONS = {
    Reason.TWO_FACTOR: QT_TRANSLATE_NOOP("JournalModel", "X asked for a two-factor code"),
    Reason.EMAIL_CODE: QT_TRANSLATE_NOOP(
        "JournalModel", "X asked for a code sent by email or text message"
    ),
    Reason.CAPTCHA: QT_TRANSLATE_NOOP("JournalModel", "X showed a captcha"),
    Reason.UNUSUAL_ACTIVITY: QT_TRANSLATE_NOOP("JournalModel", "X saw unusual activity"),
    Reason.REFUSED: QT_TRANSLATE_NOOP("JournalModel", "X refused the sign-in"),
    Reason.LOCKED: QT_TRANSLATE_NOOP("JournalModel", "the account is locked"),
    Reason.SESSION_EXPIRED: QT_TRANSLATE_NOOP("JournalModel", "the session expired"),
    Reason.NOT_SIGNED_IN: QT_TRANSLATE_NOOP("JournalModel", "no session or password saved"),
    Reason.WRONG_PASSWORD: QT_TRANSLATE_NOOP("JournalModel", "wrong password"),
    Reason.UNKNOWN_ACCOUNT: QT_TRANSLATE_NOOP("JournalModel", "X does not know this account"),
    Reason.PAGE_CHANGED: QT_TRANSLATE_NOOP("JournalModel", "X's page has changed"),
    Reason.SAVE_FAILED: QT_TRANSLATE_NOOP("JournalModel", "X did not save the change"),
    Reason.NETWORK: QT_TRANSLATE_NOOP("JournalModel", "X unreachable or failing"),
    Reason.TIMEOUT: QT_TRANSLATE_NOOP("JournalModel", "X took too long to answer"),
    Reason.BROWSER_MISSING: QT_TRANSLATE_NOOP("JournalModel", "no usable browser"),
    Reason.BROWSER_CRASHED: QT_TRANSLATE_NOOP("JournalModel", "the browser stopped"),
    Reason.KEYRING_UNAVAILABLE: QT_TRANSLATE_NOOP("JournalModel", "the keyring is unavailable"),
    Reason.RATE_LIMITED: QT_TRANSLATE_NOOP("JournalModel", "X asked to slow down"),
    Reason.CANCELLED: QT_TRANSLATE_NOOP("JournalModel", "cancelled"),
    Reason.BACKING_OFF: QT_TRANSLATE_NOOP("JournalModel", "waiting after a refused sign-in"),
    Reason.BOX_DISABLED: QT_TRANSLATE_NOOP("JournalModel", "X does not allow unticking"),
    Reason.EVIDENCE_NOT_KEPT: QT_TRANSLATE_NOOP("JournalModel", "a screenshot could not be kept"),
}
_CLOCK_REFUSED = QT_TRANSLATE_NOOP(
    "JournalModel", "X refused the 2FA code made by this computer's clock"
)
_DRY_RUN = QT_TRANSLATE_NOOP("JournalModel", "a dry run: nothing changed")
_NOT_X = QT_TRANSLATE_NOOP("JournalModel", "against {origin}, not X")
_TRIGGERS = {
    "gui": QT_TRANSLATE_NOOP("JournalModel", "started from the app"),
    "manual": QT_TRANSLATE_NOOP("JournalModel", "started from the command line"),
    "schedule": QT_TRANSLATE_NOOP("JournalModel", "started by the schedule"),
}
_RUN_STATUSES = {
    "finished": QT_TRANSLATE_NOOP("JournalModel", "finished"),
    "cancelled": QT_TRANSLATE_NOOP("JournalModel", "cancelled"),
    "interrupted": QT_TRANSLATE_NOOP("JournalModel", "interrupted"),
}


#: What a run's checks came to, counted by the kinds the window's summary and the tray say
#: (not by status: the accounts table never says "Sign-in failed" or "Error" alone).
_TALLY_NAMES = {
    Tally.OFF: QT_TRANSLATE_NOOP("JournalModel", "Off"),
    Tally.WOULD_FIX: QT_TRANSLATE_NOOP("JournalModel", "Would be fixed"),
    Tally.NEED_YOU: QT_TRANSLATE_NOOP("JournalModel", "Need you"),
    Tally.NOT_CHECKED: QT_TRANSLATE_NOOP("JournalModel", "Could not be checked"),
    # (Every box X's page shows off, but one X keeps on unseen: not "Off".)
    Tally.HIDDEN_ON: QT_TRANSLATE_NOOP("JournalModel", "Still on at X"),
    Tally.CANCELLED: QT_TRANSLATE_NOOP("JournalModel", "Cancelled"),
}


def reason_words(value: object) -> str:
    try:
        return _tr(_REASONS[Reason(value)])
    except (ValueError, KeyError):
        return str(value)


def _status_words(value: object) -> str:
    try:
        return status_name(Status(value))
    except ValueError:  # a payload edited outside the app: as stored, not "None"
        return "?" if value is None else str(value)


def check_reason(payload: dict[str, Any]) -> Reason | None:
    try:
        return Reason(payload.get("reason"))
    except ValueError:
        return None


def _names_reason(payload: dict[str, Any], reason: Reason | None) -> bool:
    """The status's words say the reason already ("Password refused")."""
    try:
        return status_names_reason(Status(payload.get("status")), reason)
    except ValueError:
        return False


def check_words(payload: dict[str, Any]) -> str:
    """The status as the accounts table names it (with the reason when the name does not
    already say it), then each box in the order X's page shows them."""
    reason = payload.get("reason")
    known = check_reason(payload)
    offset = offset_in_check(payload)  # (a 2FA code refused for this computer's clock)
    try:
        status = Status(payload.get("status"))
        # (X failing or not reached from here: as the account's row named it.)
        answered = x_answered_in(payload) if known is Reason.NETWORK else None
        words = status_name(status, known, clock_off=offset is not None, x_answered=answered)
    except ValueError:
        words = str(payload.get("status"))
    if isinstance(payload.get("backoff"), dict) and known is not None:
        words = f"{words} ({_backoff_words(known, payload)})"
    elif isinstance(payload.get("not_retried"), dict) and known is not None:
        words = f"{words} ({_not_retried_words(known, payload)})"
    elif offset is not None:  # by how much and which way, as the row's advice says it
        clock = clock_words(offset)
        words = f"{words} ({clock[:1].lower()}{clock[1:]})"
    elif reason and known not in OWN_NAME_REASONS and not _names_reason(payload, known):
        words = f"{words} ({reason_words(reason)})"
    parts = [words]
    for box_value, change in box_changes_in_page_order(payload):
        if change.get("before") == change.get("after"):  # left as it was: its state
            parts.append(state_words(box_value, change.get("after")))
        else:
            parts.append(change_words({"box": box_value, **change}))
    # Boxes on in X's data that its page does not show: said in the reader's words too (the
    # entry's sentence, in the check's language, is left out for a reader in another).
    hidden = _tr(QT_TRANSLATE_NOOP("JournalModel", "{box}: not shown, on at X"))
    parts += [hidden.replace("{box}", _box_words(b)) for b in payload.get("hidden_on") or ()]
    return " — ".join(parts)


def _moment_words(when: datetime | None) -> str | None:
    """A time a held check names, as the window writes its entries' times (« 5 déc. 2026
    19:19:17 »; the log keeps "2026-12-05 19:19:17"): one row does not mix two ways of
    writing a date."""
    if when is None:
        return None
    from consentinel.gui.time_words import local_text_to_the_second

    return local_text_to_the_second(when)


def _backoff_words(reason: Reason, payload: dict[str, Any]) -> str:
    """A check that tried no sign-in, waiting out the back-off of an earlier one X stopped:
    not "X showed a captcha", which X did then, not at this check; for "too many requests", a
    check that sent X nothing."""
    when = _moment_words(backoff_since(payload))
    if reason is Reason.RATE_LIMITED:  # nothing sent to X, which said so at an earlier check
        if when is None:
            text = QT_TRANSLATE_NOOP(
                "JournalModel", "no request sent: waiting out the back-off X asked for earlier"
            )
        else:
            text = QT_TRANSLATE_NOOP(
                "JournalModel",
                "no request sent: waiting out the back-off X asked for at {when}",
            )
        return _tr(text).replace("{when}", when or "")
    if when is None:
        text = QT_TRANSLATE_NOOP(
            "JournalModel", "no sign-in tried: waiting out the back-off after {why}"
        )
    else:
        text = QT_TRANSLATE_NOOP(
            "JournalModel", "no sign-in tried: waiting out the back-off after {why} at {when}"
        )
    return _tr(text).replace("{why}", reason_words(reason)).replace("{when}", when or "")


def _not_retried_words(reason: Reason, payload: dict[str, Any]) -> str:
    """A check that tried no sign-in for a reason remembered from an earlier one (a password X
    rejected, X's lock, a step for the person): not "wrong password" as if X said it again."""
    when = _moment_words(not_retried_since(payload))
    if when is None:
        text = QT_TRANSLATE_NOOP("JournalModel", "no sign-in tried: not tried again after {why}")
    else:
        text = QT_TRANSLATE_NOOP(
            "JournalModel", "no sign-in tried: not tried again after {why} at {when}"
        )
    # Not "X asked for a two-factor code": X refused the one this computer's clock made.
    clock_off = offset_in_check(payload) is not None
    why = _tr(_CLOCK_REFUSED) if clock_off else reason_words(reason)
    return _tr(text).replace("{why}", why).replace("{when}", when or "")


def signin_words(payload: dict[str, Any]) -> str:
    outcome = payload.get("outcome")
    if outcome == "ok":
        return _tr(QT_TRANSLATE_NOOP("JournalModel", "Signed in"))
    reason = payload.get("reason")
    known = check_reason(payload)
    # Named as the account's check is ("Password refused", not "Sign-in failed (wrong
    # password)"): one name for one thing, in the table and in each entry.
    named = _names_reason({"status": outcome}, known)
    offset = offset_in_check(payload)  # (a 2FA code refused for this computer's clock)
    if offset is not None and outcome == Status.NEEDS_USER.value:  # as its check is named
        clock = clock_words(offset)
        words = status_name(Status.NEEDS_USER, known, clock_off=True)
        return f"{words} ({clock[:1].lower()}{clock[1:]})"
    words = status_name(Status(outcome), known) if named else _status_words(outcome)
    if payload.get("2fa_secret_refused") is True:  # more than "X asked for a two-factor code"
        why = _tr(QT_TRANSLATE_NOOP("JournalModel", "X refused the code from the saved 2FA secret"))
        return f"{words} ({why})"
    if named:
        return words
    return f"{words} ({reason_words(reason)})" if reason else words


def evidence_words(payload: dict[str, Any]) -> str:
    why = str(payload.get("why") or "")
    unticked = unticked_in_shot(why)
    if unticked is None:
        if why == PAGE_CHANGED_SHOT:
            return _tr(QT_TRANSLATE_NOOP("JournalModel", "The page did not look as expected"))
        if why == SIGNIN_CHANGED_SHOT:
            return _tr(
                QT_TRANSLATE_NOOP("JournalModel", "The sign-in page did not look as expected")
            )
        if why == EVERY_CHECK_SHOT:
            return _tr(QT_TRANSLATE_NOOP("JournalModel", "Every box off, as read"))
        return why or Path(str(payload.get("path", ""))).name
    box, shown = unticked
    return _tr(_UNTICK_SHOTS[shown]).replace("{box}", box_name(box))


#: A screenshot taken after an untick, by what came of it.
_UNTICK_SHOTS: dict[UntickShown, object] = {
    "unticked": QT_TRANSLATE_NOOP("JournalModel", "After unticking: {box}"),
    "still on": QT_TRANSLATE_NOOP("JournalModel", "After an untick X did not save: {box}"),
    "not read back": QT_TRANSLATE_NOOP(
        "JournalModel", "After an untick that could not be read back: {box}"
    ),
}


_RESTART_WHY = {
    "newer": QT_TRANSLATE_NOOP(
        "JournalModel",
        "The journal found was written by a newer Consentinel; it was set aside as {name}",
    ),
    "damaged": QT_TRANSLATE_NOOP(
        "JournalModel",
        "The journal before it no longer verified: {problem}; you chose to keep it as {name} "
        "and start a new one",
    ),
    "deleted": QT_TRANSLATE_NOOP(
        "JournalModel",
        "The journal before it was deleted while Consentinel was open; the record of its last "
        "entry is kept as {name}",
    ),
}


#: A journal begun again after its folder or file went while in use, nothing of it kept aside.
_BEGUN_AGAIN = {
    "folder": QT_TRANSLATE_NOOP(
        "JournalModel",
        "The data folder was deleted while Consentinel was using it: the journal before it "
        "went with it, and this one begins at its place",
    ),
    "deleted": QT_TRANSLATE_NOOP(
        "JournalModel",
        "The journal before it was deleted while Consentinel was using it, and this one begins "
        "at its place",
    ),
}
_RUN_AGAIN = QT_TRANSLATE_NOOP("JournalModel", "the check under way then is written again here")
_RUN_AGAIN_SHOTS = QT_TRANSLATE_NOOP(
    "JournalModel",
    "the check under way then is written again here, without the {count} screenshots it had "
    "taken, which went with the folder",
)


def _restart_words(p: dict[str, Any]) -> str:
    why = str(p.get("why"))
    if why in _BEGUN_AGAIN and not p.get("set_aside"):
        words = _tr(_BEGUN_AGAIN[why])
        if p.get("run_written_again"):
            gone = p.get("screenshots_gone")
            again = _tr(_RUN_AGAIN_SHOTS if gone else _RUN_AGAIN)
            words += "; " + again.replace("{count}", str(gone))
        return words
    problem = text_for_reader(p, "problem").rstrip(".")
    if p.get("why") == "damaged" and not problem:
        text = QT_TRANSLATE_NOOP(
            "JournalModel",
            "The journal before it no longer verified; you chose to keep it as {name} and start "
            "a new one",
        )
        return _tr(text).replace("{name}", str(p.get("set_aside", "?")))
    text = _RESTART_WHY.get(
        str(p.get("why")),
        QT_TRANSLATE_NOOP(
            "JournalModel", "The journal found could not be read; it was set aside as {name}"
        ),
    )
    return _tr(text).replace("{name}", str(p.get("set_aside", "?"))).replace("{problem}", problem)


def details(entry: Entry) -> str:
    """One line on what the entry says, in the interface's language, starting with a capital
    as every row's does ("Started from the app" under "Fixed — Training: on → off")."""
    return capitalised(_details_words(entry))


def _details_words(entry: Entry) -> str:
    p = entry.payload
    if entry.kind is EntryKind.CHANGE:
        return change_words(p)
    if entry.kind is EntryKind.CHECK:
        return check_words(p)
    if entry.kind is EntryKind.SIGNIN:
        return signin_words(p)
    if entry.kind is EntryKind.EVIDENCE:
        return evidence_words(p)
    if entry.kind is EntryKind.RUN_STARTED:
        trigger = str(p.get("trigger", ""))
        words = _tr(_TRIGGERS[trigger]) if trigger in _TRIGGERS else trigger
        if p.get("dry_run"):
            words += f" ({_tr(_DRY_RUN)})"
        if p.get("x_origin"):
            words += f" ({_tr(_NOT_X).format(origin=p['x_origin'])})"
        return words
    if entry.kind is EntryKind.JOURNAL_RESTARTED:
        return _restart_words(p)
    if entry.kind is EntryKind.HISTORY_ERASED:
        from consentinel.core.journal_erasure import erased_count

        text = _tr(
            QT_TRANSLATE_NOOP(
                "JournalModel",
                "The history of an account was erased (entries: {entries}; screenshots: "
                "{screenshots})",
            )
        )
        entries, shots = erased_count(p)
        return text.replace("{entries}", str(entries)).replace("{screenshots}", str(shots))
    if entry.kind is EntryKind.ERASED:
        text = _tr(
            QT_TRANSLATE_NOOP(
                "JournalModel", "Emptied when an account's history was erased (entry {id})"
            )
        )
        return text.replace("{id}", str(p.get("erased_by", "?")))
    if entry.kind in (EntryKind.RUN_FINISHED, EntryKind.RUN_INTERRUPTED):
        pair = _tr(QT_TRANSLATE_NOOP("JournalModel", "{name}: {count}"))
        return run_end_words(
            p,
            lambda end: _tr(_RUN_STATUSES[end]) if end in _RUN_STATUSES else end,
            lambda kind: _tr(_TALLY_NAMES[kind]),
            pair,
            " · ",  # (short, and read as apart in the narrow Details column)
        )
    # Settings, account edits and recovery, notifications: as `consentinel log` says them.
    shared = shared_details(entry)
    return entry.summary() if shared is None else shared


def evidence_path(entry: Entry) -> str | None:
    """The screenshot an entry points to (evidence entries, and checks that kept one)."""
    if entry.kind is EntryKind.EVIDENCE:
        return str(entry.payload.get("path") or "") or None
    if entry.kind is EntryKind.CHECK:
        return str(entry.payload.get("evidence") or "") or None
    return None


def account_words(entry: Entry) -> str:
    return f"@{entry.handle}" if entry.handle else ""


def row_words(entry: Entry) -> tuple[str, str, str, str]:
    """An entry as the journal window's row says it (its local time as an export writes
    it, with its offset from UTC): local time, account, what, details."""
    return local_iso_time(entry), account_words(entry), entry_kind_name(entry), details(entry)


class JournalModel(QAbstractTableModel):
    """Read-only; set_entries() replaces the rows (the window re-queries the journal)."""

    TIME, ACCOUNT, KIND, DETAILS = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[Entry] = []
        #: Entries the journal's last check named, and what it found (a red dot and a tooltip).
        self.damaged: dict[int, str] = {}

    def set_damaged(self, damaged: dict[int, str]) -> None:
        if damaged != self.damaged:
            self.damaged = dict(damaged)
            if self._entries:  # (not a reset: the selected entry stays selected)
                last = self.index(len(self._entries) - 1, self.DETAILS)
                self.dataChanged.emit(self.index(0, self.TIME), last)

    def damage_of(self, entry: Entry) -> str | None:
        """What the journal's check found wrong with this entry, as a sentence; None: nothing."""
        problem = self.damaged.get(entry.id)
        return capitalised(problem) if problem else None

    def set_entries(self, entries: list[Entry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry_at(self, row: int) -> Entry:
        return self._entries[row]

    def row_of(self, entry_id: int) -> int | None:
        """The row showing the entry `entry_id` (None: not shown)."""
        return next((row for row, e in enumerate(self._entries) if e.id == entry_id), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def titles(self) -> tuple[str, str, str, str]:
        return (self.tr("Date and time"), self.tr("Account"), self.tr("Event"), self.tr("Details"))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.titles()[section]

    def readable_columns(self) -> ReadableColumns:
        """The window's four columns, for the CSV export: a spreadsheet shows each entry in
        the person's language before the columns made for scripts and for checking hashes."""
        from consentinel.core.journal_export import ReadableColumns

        return ReadableColumns(self.titles(), row_words)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        damage = self.damage_of(entry) if self.damaged else None
        if damage is not None:
            if role == Qt.ItemDataRole.DecorationRole and index.column() == self.TIME:
                return dot_icon(RED)
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
                return damage
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == self.TIME:
                tip = role == Qt.ItemDataRole.ToolTipRole
                return time_with_zone(entry) if tip else local_time(entry)
            if column == self.ACCOUNT:
                return account_words(entry)
            if column == self.KIND:
                return entry_kind_name(entry)
            text = details(entry)
            if role == Qt.ItemDataRole.ToolTipRole and evidence_path(entry):
                return f"{text}\n{evidence_path(entry)}"
            return text
        if role == Qt.ItemDataRole.UserRole:
            return entry
        return None
