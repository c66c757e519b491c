"""A journaled check's sentence for whoever reads it now, in their language.

A check's sentence is written in the language of the run that made it (the schedule may speak
English and the window French). When it is not the reader's, it is made again from what the
entry holds — its status, reason and boxes — without the detail X's page gave then, which was
in the run's language."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from consentinel.core.check_messages import box_disabled_message, reason_message, success_message
from consentinel.core.journal_entries import box_changes_in_page_order
from consentinel.core.status import ALL_BOXES, Box, Reason, Status


def check_sentence(payload: dict[str, Any], handle: str, keep: Collection[Box]) -> str:
    """A check entry's sentence made again in the reader's language ("" when it cannot be);
    `keep` is the account's boxes to keep off (which boxes a dry run would untick). The caller
    first offers the entry's own sentence (message_for_reader)."""
    try:
        status = Status(payload.get("status"))
        reason = Reason(payload["reason"]) if payload.get("reason") else None
    except ValueError:
        return ""
    if reason is Reason.BOX_DISABLED:
        disabled = _disabled_boxes(payload, keep)
        return box_disabled_message(disabled) if disabled else ""
    if reason is not None:
        return reason_message(reason, handle)
    changes = _changes(payload)
    reverted = tuple(_boxes(payload.get("reverted_by_x")))
    if status is Status.FIXED:
        fixed = [box for box, (before, after) in changes.items() if before and after is False]
        return success_message(status, fixed, [], reverted)
    if status is Status.WOULD_FIX:
        would = [box for box, (_before, after) in changes.items() if after and box in keep]
        return success_message(status, [], would)
    if status is Status.OPTED_OUT:
        hidden = any(box in keep for box in _boxes(payload.get("hidden_on")))
        return success_message(status, [], [], some_hidden=hidden)
    return ""


def _changes(payload: dict[str, Any]) -> dict[Box, tuple[object, object]]:
    """Each known box's (before, after), in the order X's page shows them."""
    known = {box.value: box for box in ALL_BOXES}
    return {
        known[value]: (change.get("before"), change.get("after"))
        for value, change in box_changes_in_page_order(payload)
        if value in known
    }


def _disabled_boxes(payload: dict[str, Any], keep: Collection[Box]) -> list[Box]:
    """The boxes kept off that X showed ticked and disabled: as the entry names them, or, in
    one written before it did, as its boxes were read (ticked, disabled, and kept off)."""
    named = _boxes(payload.get("disabled_on"))
    if named:
        return named
    known = {box.value: box for box in ALL_BOXES}
    return [
        known[value]
        for value, change in box_changes_in_page_order(payload)
        if value in known
        and known[value] in keep
        and change.get("disabled")
        and change.get("after")
    ]


def _boxes(names: object) -> list[Box]:
    if not isinstance(names, list):
        return []
    return [box for box in ALL_BOXES if box.value in names]
