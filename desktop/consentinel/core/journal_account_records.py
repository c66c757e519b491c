"""What the journal records outside a run: accounts added, removed, edited or set aside, and
settings changed. A mixin of `Journal` (core/journal.py)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from consentinel.core.journal_entries import Entry, EntryKind
from consentinel.core.journal_writes import JournalWrites
from consentinel.core.status import ALL_BOXES, Box


class JournalAccountRecords(JournalWrites):
    """The account list's and the settings' entries."""

    def append_account_added(
        self,
        handle: str,
        *,
        keep: Iterable[Box] | None = None,
        added_back: bool = False,
        carried_over: bool = False,
    ) -> Entry:
        """An account added, with the boxes it keeps off (what adding it back restores);
        `added_back`: from the journal, after the list lost it; `carried_over`: an account
        already listed, entered in a journal begun afresh (core/account_recovery)."""
        payload: dict[str, Any] = {}
        if keep is not None:
            kept = set(keep)
            payload["keep"] = [box.value for box in ALL_BOXES if box in kept]
        if added_back:
            payload["added_back"] = True
        if carried_over:
            payload["carried_over"] = True
        return self.append(EntryKind.ACCOUNT_ADDED, handle, payload)

    def record_accounts_set_aside(self, moved_to: str, why: str) -> Entry:
        """The accounts file could not be used and was set aside (`why`: "corrupt", "newer"):
        the list started empty from here, and the journal still knows its accounts."""
        return self.append(EntryKind.ACCOUNTS_SET_ASIDE, None, {"moved_to": moved_to, "why": why})

    def append_account_removed(self, handle: str) -> Entry:
        return self.append(EntryKind.ACCOUNT_REMOVED, handle, {})

    def record_account_edited(self, handle: str, changes: dict[str, Any]) -> Entry | None:
        """`changes` from core/account_edits.account_changes (never a secret, an email or a
        phone number); nothing is written when it is empty."""
        return self.append(EntryKind.ACCOUNT_EDITED, handle, dict(changes)) if changes else None

    def record_settings_changed(self, changes: dict[str, Any]) -> Entry:
        """`changes` maps a setting's name to its new value (never a secret)."""
        return self.append(EntryKind.SETTINGS_CHANGED, None, dict(changes))
