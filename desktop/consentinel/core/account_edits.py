"""What an edit of an account changed, as the journal keeps it and as a person reads it.

The journal says that a detail changed, never what it holds: no secret, and not the email
address or phone number either (only that one was added, changed or removed). The boxes kept
off are kept before and after: a later check that left a box on is explained by them.
"""

from __future__ import annotations

from typing import Any

from consentinel.core.accounts import Account
from consentinel.core.check_messages import boxes_text
from consentinel.core.i18n import tr
from consentinel.core.records import replace
from consentinel.core.status import ALL_BOXES, Box, boxes_named

#: An edit's key: the person asked for codes from the saved 2FA secret again, after X refused one.
TOTP_USED_AGAIN = "2fa_secret_used_again"


def _ordered(boxes: frozenset[Box]) -> list[str]:
    return [box.value for box in ALL_BOXES if box in boxes]


def _how(before: str | None, after: str | None) -> str:
    return "removed" if after is None else "added" if before is None else "changed"


def account_changes(
    before: Account,
    after: Account,
    *,
    password: bool = False,
    totp: bool = False,
    totp_removed: bool = False,
    totp_used_again: bool = False,
) -> dict[str, Any]:
    """The journal's payload for an edit (empty: nothing changed). `password`, `totp`: a new
    one was saved; `totp_removed`: the saved 2FA secret was forgotten; `totp_used_again`: codes
    are made again from the saved 2FA secret X had refused a code of."""
    changes: dict[str, Any] = {}
    if before.keep != after.keep:
        changes["keep"] = {"before": _ordered(before.keep), "after": _ordered(after.keep)}
    if before.email != after.email:
        changes["email"] = _how(before.email, after.email)
    if before.phone != after.phone:
        changes["phone"] = _how(before.phone, after.phone)
    if password:
        changes["new_password"] = True
    if totp:
        changes["new_2fa_secret"] = True
    if totp_removed:
        changes["2fa_secret_removed"] = True
    if totp_used_again:
        changes[TOTP_USED_AGAIN] = True
    return changes


def edited_onto(opened: Account, edited: Account, listed: Account) -> Account:
    """The account as `listed` now, with what a form opened on `opened` changed to make
    `edited`: the email address, the phone number, each box kept off or not. Where the form
    changed a detail, its value wins (the person just chose it), even over a change saved
    elsewhere meanwhile; a detail it left alone keeps the listed value, however new."""

    def mine(detail: str) -> bool:
        return bool(getattr(edited, detail) != getattr(opened, detail))

    keep = {
        box
        for box in ALL_BOXES
        if box in (edited.keep if (box in edited.keep) != (box in opened.keep) else listed.keep)
    }
    return replace(
        listed,
        email=edited.email if mine("email") else listed.email,
        phone=edited.phone if mine("phone") else listed.phone,
        keep=frozenset(keep),
    )


def _boxes(values: object) -> str:
    names = boxes_named(values)
    return boxes_text(names) if names else tr("no box")


def edit_words(payload: dict[str, Any]) -> str:
    """An edit entry in words, in the reader's language."""
    parts: list[str] = []
    keep = payload.get("keep")
    if isinstance(keep, dict):
        parts.append(
            tr(
                "boxes kept off: {after} (before: {before})",
                after=_boxes(keep.get("after")),
                before=_boxes(keep.get("before")),
            )
        )
    email = {
        "added": tr("email address added"),
        "changed": tr("email address changed"),
        "removed": tr("email address removed"),
    }
    phone = {
        "added": tr("phone number added"),
        "changed": tr("phone number changed"),
        "removed": tr("phone number removed"),
    }
    for name, words in (("email", email), ("phone", phone)):
        how = payload.get(name)
        if isinstance(how, str):
            parts.append(words.get(how, f"{name}: {how}"))
    if payload.get("new_password"):
        parts.append(tr("new password saved"))
    if payload.get("new_2fa_secret"):
        parts.append(tr("new 2FA secret saved"))
    if payload.get("2fa_secret_removed"):
        parts.append(tr("2FA secret removed"))
    if payload.get(TOTP_USED_AGAIN):
        parts.append(tr("saved 2FA secret used again"))
    return tr("; ").join(parts)  # (French puts a space before it)
