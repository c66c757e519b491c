"""The journal entries whose words are core's own, said alike by `consentinel log` and the
journal window: settings changed, an account edited, an accounts file set aside, an account
added (back), a notification. Each reader words the other kinds its own way (the window with
Qt's catalogue, the command line with its own terms for statuses and reasons)."""

from __future__ import annotations

from consentinel.core.journal_entries import Entry, EntryKind


def shared_details(entry: Entry) -> str | None:
    """The entry's details in the reader's language (core's `tr`), for a kind whose words both
    readers share; None: a kind each reader words itself."""
    # Each module is imported when such an entry is worded, as both readers did: importing a
    # reader loads none of them (account_recovery brings the journal and the sign-in rules).
    p = entry.payload
    if entry.kind is EntryKind.SETTINGS_CHANGED:
        from consentinel.core.settings import setting_names

        return setting_names(p)
    if entry.kind is EntryKind.ACCOUNT_EDITED:
        from consentinel.core.account_edits import edit_words

        return edit_words(p)
    if entry.kind in (EntryKind.ACCOUNTS_SET_ASIDE, EntryKind.ACCOUNT_ADDED):
        from consentinel.core.account_recovery import recovery_words

        return recovery_words(entry) or entry.summary()
    if entry.kind is EntryKind.NOTIFICATION:  # in the reader's language; "not shown" said
        from consentinel.core.notification_words import notification_words

        return notification_words(p)
    return None
