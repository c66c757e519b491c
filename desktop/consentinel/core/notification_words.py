"""A journaled notification in words, for whoever reads the journal now (`consentinel log`, the
journal window): its text in the reader's language when it was sent in theirs, else what it
was about; and, when it could not be shown, that it was not."""

from __future__ import annotations

from typing import Any

from consentinel.core.i18n import tr
from consentinel.core.journal_entries import message_for_reader


def notification_words(payload: dict[str, Any]) -> str:
    """A notification entry's words: its text (or what it was about), and "not shown" when no
    notifier showed it (the person was not told then)."""
    message = message_for_reader(payload) or _about(payload.get("kind"))
    if payload.get("delivered"):
        return message
    return tr("{text} (not shown: no notifier answered)", text=message)


def _about(kind: object) -> str:
    """What a notification was about, for a reader of another language than it was sent in."""
    words = {
        "reverted_by_x": tr("X switched a box back on; it was switched off again"),
        "still_on": tr("a box that should be off stays on"),
        "needs_user": tr("the account needs you"),
        "page_changed": tr("X's settings page could not be read"),
        "cannot_check": tr("the accounts could not be checked"),
        "x_unreachable": tr("X could not be reached for days"),
        "accounts_missing": tr("accounts missing from the list"),
        "settings_set_aside": tr("the settings file was set aside"),
        "folder_unusable": tr("Consentinel's folder could not be written"),
        "journal_set_aside": tr("the journal could not be read and was set aside"),
        "missed_reverted": tr("boxes X had switched back on, told late"),
        "hidden_on": tr("X keeps boxes on without showing them on its page"),
    }
    return words.get(str(kind), str(kind))
