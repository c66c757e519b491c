"""Accounts the journal knows and the account list lacks, and adding them back.

The account list (accounts.json) can be lost while the rest survives: a damaged file is set
aside and the list starts empty, a file deleted by hand or by a tool. The journal still says
which accounts were added and not removed, and which boxes each kept off; the keyring still
holds their passwords and 2FA secrets, and the data folder their saved sessions. Adding them
back from the journal gives them all back, except an email address or phone number, which the
journal never holds (the person adds them again if X asks for them).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from consentinel.core.account_edits import TOTP_USED_AGAIN
from consentinel.core.accounts import (
    DEFAULT_BACKOFF,
    Account,
    AccountStore,
    DuplicateAccount,
    InvalidHandle,
    backoff_length,
    handle_key,
)
from consentinel.core.i18n import tr
from consentinel.core.journal import Journal
from consentinel.core.journal_entries import Entry, EntryKind
from consentinel.core.signin_rules import backoff_hours_for
from consentinel.core.status import (
    BACKOFF_REASONS,
    Box,
    Reason,
    Status,
    boxes_named,
    reason_named,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class JournalAccount:
    """An account as the journal knows it. `boxes_known` False: it was added before the journal
    kept the boxes chosen at adding, and never edited since; it comes back with every box kept
    off, the default, which the person may have changed."""

    account: Account
    boxes_known: bool = True

    @property
    def handle(self) -> str:
        return self.account.handle


@dataclass(frozen=True)
class Recovered:
    """What adding back gave: the accounts added, and why it stopped early (None: it did not)."""

    added: tuple[JournalAccount, ...]
    problem: str | None = None


def accounts_the_journal_knows(journal: Journal) -> list[JournalAccount]:
    """Every account whose last word in the journal is "added" or "edited" (not "removed"), in
    the order it was added, with the boxes it kept off when the journal says them."""
    known: dict[str, JournalAccount] = {}
    kinds = [EntryKind.ACCOUNT_ADDED, EntryKind.ACCOUNT_REMOVED, EntryKind.ACCOUNT_EDITED]
    for entry in journal.entries(kinds=kinds):
        if not entry.handle:
            continue
        key = handle_key(entry.handle)
        if entry.kind is EntryKind.ACCOUNT_REMOVED:
            known.pop(key, None)
            continue
        keep = _kept_off(entry.payload.get("keep"))
        try:
            if entry.kind is EntryKind.ACCOUNT_ADDED:
                if keep is None:  # (added before the journal kept its boxes: the default)
                    account = Account(entry.handle, added_at=entry.at)
                else:
                    account = Account(entry.handle, keep=keep, added_at=entry.at)
                known[key] = JournalAccount(account, boxes_known=keep is not None)
            elif key in known and keep is not None:
                added_at = known[key].account.added_at
                known[key] = JournalAccount(Account(entry.handle, keep=keep, added_at=added_at))
        except InvalidHandle:  # (a journal edited by hand): not an account to bring back
            log.warning("the journal names an account that cannot be one: %r", entry.handle)
    return list(known.values())


def _kept_off(keep: object) -> frozenset[Box] | None:
    """The boxes in an entry's `keep`: a list when added, {"before", "after"} when edited."""
    names = keep.get("after") if isinstance(keep, dict) else keep
    if not isinstance(names, list):
        return None
    return frozenset(boxes_named(names))


def missing_accounts(journal: Journal, store: AccountStore) -> list[JournalAccount]:
    """The accounts the journal knows that the list lacks."""
    listed = {account.key for account in store.list()}
    return [a for a in accounts_the_journal_knows(journal) if a.account.key not in listed]


def add_back(
    journal: Journal,
    store: AccountStore,
    refuse_saved_totp: Callable[[str], None] | None = None,
    backoff_hours: float = DEFAULT_BACKOFF.total_seconds() / 3600,
) -> Recovered:
    """Add back every missing account, each journaled as added back with its boxes. Stops at
    the first one that cannot be saved or journaled, and says why; those before it stay.
    `refuse_saved_totp(handle)` keeps the account's saved 2FA secret from making codes, for
    one whose code X refused with no secret saved since (core/totp_refusals). `backoff_hours`:
    the back-off setting, which made the back-offs the lost list held."""
    from consentinel.core.fileio import StorageError
    from consentinel.core.journal import JournalError

    added: list[JournalAccount] = []
    for known in missing_accounts(journal, store):
        try:
            # The account and its sign-in rules in one step: no other process (a window, a
            # command) removes it, or sees it without them, in between.
            with store.editing():
                store.add(known.account)
                _last_check_back(journal, store, known.handle)
                totp_refused = _signin_rules_back(journal, store, known.handle, backoff_hours)
        except DuplicateAccount:  # added meanwhile, by another window or the command line
            continue
        except StorageError as error:
            return Recovered(tuple(added), str(error))
        if totp_refused and refuse_saved_totp is not None:  # (the keyring read outside the lock)
            refuse_saved_totp(known.handle)
        try:
            journal.append_account_added(known.handle, keep=known.account.keep, added_back=True)
        except JournalError as error:
            return Recovered((*added, known), str(error))
        added.append(known)
    return Recovered(tuple(added))


#: A check that read the page: X did not hold the account locked then.
_PAGE_READ = frozenset(s.value for s in (Status.FIXED, Status.OPTED_OUT, Status.WOULD_FIX))


def _signin_rules_back(
    journal: Journal, store: AccountStore, handle: str, backoff_hours: float
) -> bool:
    """What keeps sign-ins from being tried, as the journal shows it still holds: a password X
    refused with no new one saved nor a sign-in since (never sent again), X's lock not seen
    lifted since (no automatic sign-in), and the back-off after X refused a sign-in, showed a
    puzzle or said "too many requests" (_backoff_back: until the end the lost list had, from
    the journal's times). True when X refused the saved 2FA secret's code and no secret was
    saved or removed since, nor a sign-in made: the secret saved now is that one (the caller
    keeps it from making codes)."""
    from consentinel.core.fileio import StorageError

    rejected = locked = totp_refused = False
    kinds = [EntryKind.SIGNIN, EntryKind.CHECK, EntryKind.ACCOUNT_EDITED, EntryKind.ACCOUNT_REMOVED]
    entries = journal.entries(handle=handle, kinds=kinds)
    removed = [i for i, e in enumerate(entries) if e.kind is EntryKind.ACCOUNT_REMOVED]
    if removed:  # removed since: added again, it began afresh (nothing before is its)
        entries = entries[removed[-1] + 1 :]
    for entry in entries:
        p = entry.payload
        if entry.kind is EntryKind.ACCOUNT_EDITED:
            rejected = rejected and not p.get("new_password")
            totp_refused = totp_refused and not (
                p.get("new_2fa_secret") or p.get("2fa_secret_removed") or p.get(TOTP_USED_AGAIN)
            )
        elif entry.kind is EntryKind.SIGNIN and p.get("outcome") == "ok":
            rejected = locked = totp_refused = False
        elif entry.kind is EntryKind.SIGNIN and p.get("2fa_secret_refused") is True:
            totp_refused = True
        elif p.get("reason") == Reason.WRONG_PASSWORD.value and entry.kind is EntryKind.SIGNIN:
            rejected = True
        elif p.get("reason") == Reason.LOCKED.value:
            locked = True
        elif entry.kind is EntryKind.CHECK and p.get("status") in _PAGE_READ:
            locked = False
    backoff = _backoff_back(entries, backoff_hours)
    try:
        if rejected:
            store.mark_password_rejected(handle)
        if backoff is not None:
            until, began, reason, in_a_row = backoff
            state = store.state(handle)._replace(
                blocked_until=until,
                blocked_since=began,
                block_reason=Reason.LOCKED if locked else reason,
                backoffs_in_a_row=in_a_row,
            )
            store.set_state(handle, state)
        elif locked:
            store.block(handle, Reason.LOCKED)
    except StorageError as error:  # the account is back; said in the log
        log.warning("the sign-in rules of @%s could not be kept: %s", handle, error)
    return totp_refused


def _backoff_back(
    entries: list[Entry], backoff_hours: float
) -> tuple[datetime, datetime, Reason, int] | None:
    """The back-off the lost list held, as the sign-in rules made it from what X said, at the
    journal's times (so one that has ended since stays ended): its end, its beginning, its
    reason and how many back-offs in a row (no sign-in succeeded since) it follows. None: no
    back-off since the last sign-in that succeeded."""
    until: datetime | None = None
    began: datetime | None = None
    reason: Reason | None = None
    in_a_row = 0
    counted: set[tuple[int, Reason]] = set()
    for entry in entries:
        p = entry.payload
        if entry.kind is EntryKind.SIGNIN and p.get("outcome") == "ok":
            until, reason, in_a_row = None, None, 0
            continue
        said = reason_named(p.get("reason"))
        if entry.kind is EntryKind.CHECK:
            if p.get("status") in _PAGE_READ:
                if reason is Reason.LOCKED:  # seen unlocked: its back-off was lifted
                    until, reason, in_a_row = None, None, 0
                continue
            # A check tried no sign-in during a back-off (`backoff`, `not_retried`: X said
            # nothing); one whose sign-in X refused has that sign-in's entry, counted there.
            if "backoff" in p or "not_retried" in p:
                continue
            if said not in (Reason.RATE_LIMITED, Reason.LOCKED):
                continue
        elif entry.kind is not EntryKind.SIGNIN:
            continue
        if said is None or said not in BACKOFF_REASONS:
            continue
        if entry.kind is EntryKind.SIGNIN and entry.run_id is None:
            continue  # the person's own sign-in in a window: the rules hold nothing back for it
        if entry.run_id is not None:
            if (entry.run_id, said) in counted:
                continue  # the check's entry of its sign-in's refusal, counted once
            counted.add((entry.run_id, said))
        hours = backoff_hours_for(said, backoff_hours)
        began = entry.at
        until = began + backoff_length(hours, in_a_row)  # (as AccountStore.block, from then)
        reason = Reason.LOCKED if reason is Reason.LOCKED else said
        in_a_row += 1
    if until is None or began is None or reason is None:
        return None
    return until, began, reason, in_a_row


def _last_check_back(journal: Journal, store: AccountStore, handle: str) -> None:
    """What the account's last check found, as the lost list had it: its row says when it was
    checked and how it ended, not "not checked yet" (the sign-in rules: _signin_rules_back)."""
    from datetime import datetime

    from consentinel.core.fileio import StorageError

    entry = journal.last_check(handle)
    if entry is None:
        return
    try:
        status = Status(entry.payload.get("status"))
        raw_reason = entry.payload.get("reason")
        reason = Reason(raw_reason) if raw_reason else None
        at = datetime.fromisoformat(entry.ts)
    except (TypeError, ValueError):  # an entry edited outside the app: the row says less
        return
    try:
        store.record_check(handle, status, at=at, reason=reason)
    except StorageError as error:  # the account is back; only its last check is not shown
        log.warning("the last check of @%s could not be kept: %s", handle, error)


def carry_over(journal: Journal, store: AccountStore) -> int:
    """Into a journal begun afresh (the old one set aside, deleted or replaced), the listed
    accounts it does not know, each with its boxes: a later loss of the list can still bring
    them back. Returns how many; JournalError when one cannot be written."""
    known = {a.account.key for a in accounts_the_journal_knows(journal)}
    carried = 0
    for account in store.list():
        if account.key not in known:
            journal.append_account_added(account.handle, keep=account.keep, carried_over=True)
            carried += 1
    return carried


def recovery_words(entry: Entry) -> str | None:
    """An accounts file set aside, an account added back or carried over to a new journal, in
    the reader's language (None: another entry)."""
    p = entry.payload
    if entry.kind is EntryKind.ACCOUNTS_SET_ASIDE:
        name = str(p.get("moved_to") or "")
        if p.get("why") == "newer":
            return tr(
                "the accounts file was a newer Consentinel's; set aside as {name}, and the list "
                "started empty",
                name=name,
            )
        return tr(
            "the accounts file could not be read; set aside as {name}, and the list started empty",
            name=name,
        )
    if entry.kind is EntryKind.ACCOUNT_ADDED and p.get("added_back"):
        return tr("added back from the journal")
    if entry.kind is EntryKind.ACCOUNT_ADDED and p.get("carried_over"):
        return tr("listed when this journal began")
    return None


def add_back_hint() -> str:
    """Said after an accounts file set aside, when the journal knows accounts it held."""
    return tr(
        "Their passwords and 2FA secrets are still in the keyring, and the journal knows which "
        "accounts they were: “Add back” on the window's first screen, or `consentinel account "
        "restore`, adds them back."
    )
