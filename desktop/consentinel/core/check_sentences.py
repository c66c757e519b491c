"""A journaled check's sentence for whoever reads it now, in their language.

A check's sentence is written in the language of the run that made it (the schedule may speak
English and the window French). When it is not the reader's, it is made again from what the
entry holds — its status, reason and boxes — without the detail X's page gave then, which was
in the run's language."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from consentinel.core.check_messages import reason_message, success_message
from consentinel.core.journal_entries import message_for_reader
from consentinel.core.status import ALL_BOXES, Box, Reason, Status


def check_sentence(payload: dict[str, Any], handle: str, keep: Collection[Box]) -> str:
    """The check entry's own sentence if the reader can read it, else the same made again;
    `keep` is the account's boxes to keep off (which boxes a dry run would untick)."""
    text = message_for_reader(payload)
    if text or not payload.get("message"):
        return text
    try:
        status = Status(payload.get("status"))
        reason = Reason(payload["reason"]) if payload.get("reason") else None
    except ValueError:
        return ""
    if reason is not None:
        return reason_message(reason, handle)
    changes = _changes(payload.get("settings"))
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


def _changes(settings: object) -> dict[Box, tuple[object, object]]:
    if not isinstance(settings, dict):
        return {}
    found = {}
    for box in ALL_BOXES:
        change = settings.get(box.value)
        if isinstance(change, dict):
            found[box] = (change.get("before"), change.get("after"))
    return found


def _boxes(names: object) -> list[Box]:
    if not isinstance(names, list):
        return []
    return [box for box in ALL_BOXES if box.value in names]
