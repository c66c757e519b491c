"""The words the dialogs show for boxes, statuses, journal kinds and on/off values."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from consentinel.core.journal_entries import EntryKind
from consentinel.core.status import Box, Status

_CONTEXT = "DialogWords"


def _t(text: str) -> str:
    return QCoreApplication.translate("DialogWords", text)


def box_name(box: Box) -> str:
    """A short name for a box on X's Grok settings page."""
    names = {
        Box.TRAINING: _t("Training"),
        Box.PERSONALIZATION: _t("Personalization"),
        Box.MEMORY: _t("Memory"),
    }
    return names[box]


def box_description(box: Box) -> str:
    """What the box on X's page allows, in a few words."""
    words = {
        Box.TRAINING: _t("Use my posts and Grok conversations to train AI"),
        Box.PERSONALIZATION: _t("Personalize my Grok experience"),
        Box.MEMORY: _t("Let Grok remember my conversations"),
    }
    return words[box]


def on_off(value: object) -> str:
    """'on', 'off', or '?' when the box was not seen."""
    if value is True:
        return _t("on")
    if value is False:
        return _t("off")
    return _t("?")


def status_name(status: Status) -> str:
    names = {
        Status.OPTED_OUT: _t("Opted out"),
        Status.FIXED: _t("Fixed"),
        Status.WOULD_FIX: _t("Would fix"),
        Status.NEEDS_USER: _t("Needs you"),
        Status.SIGNIN_FAILED: _t("Sign-in failed"),
        Status.ERROR: _t("Error"),
    }
    return names[status]


def kind_name(kind: EntryKind) -> str:
    names = {
        EntryKind.RUN_STARTED: _t("Check started"),
        EntryKind.RUN_FINISHED: _t("Check finished"),
        EntryKind.RUN_INTERRUPTED: _t("Check interrupted"),
        EntryKind.CHECK: _t("Account checked"),
        EntryKind.CHANGE: _t("Box changed"),
        EntryKind.SIGNIN: _t("Sign-in"),
        EntryKind.EVIDENCE: _t("Screenshot"),
        EntryKind.NOTIFICATION: _t("Notification"),
        EntryKind.ACCOUNT_ADDED: _t("Account added"),
        EntryKind.ACCOUNT_REMOVED: _t("Account removed"),
        EntryKind.SETTINGS_CHANGED: _t("Settings changed"),
    }
    return names.get(kind, kind.value)
