"""A journaled check's sentence for whoever reads it now, in their language.

A check's sentence is written in the language of the run that made it (the schedule may speak
English and the window French). When it is not the reader's, it is made again from what the
entry holds — its status, reason, boxes and what the sign-in said of the step it stopped at
(its `detail_code`: "the saved 2FA secret is not a valid one", in no language) — without the
words X's page or Chromium gave then, which were in the run's language. An entry written before
`detail_code` was kept is made again without that detail, as before. The journal window, where
the entry is evidence, says it again only when that loses nothing, and otherwise shows it as it
was written (sentence_for_reader)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, NamedTuple

from consentinel.core.check_messages import (
    box_disabled_message,
    boxes_text,
    cancelled_message,
    held_message,
    hidden_on_message,
    is_detail_code,
    midway_words,
    reason_message,
    success_message,
    x_answered_in,
)
from consentinel.core.i18n import speaking
from consentinel.core.journal_entries import (
    box_changes_in_page_order,
    message_for_reader,
    not_retried_since,
)
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
    changes = _changes(payload)
    if reason is Reason.SAVE_FAILED:  # the boxes X left on, as the check named them
        left_on = [box for box, (before, after) in changes.items() if before and after is not False]
        return reason_message(reason, handle, boxes_text(left_on)) if left_on else ""
    if reason is Reason.CANCELLED and changes:  # cut short after it had begun unticking
        done = [box for box, (before, after) in changes.items() if before and after is False]
        unread = [box for box, (before, after) in changes.items() if before and after is None]
        reverted = tuple(box for box in _boxes(payload.get("reverted_by_x")) if box in done)
        return cancelled_message(done, reverted, unread[0] if unread else None)
    detail = _detail_code(payload)
    if reason is not None and isinstance(payload.get("not_retried"), dict):
        # No sign-in tried, for a reason remembered since its moment (`since`).
        since = not_retried_since(payload)
        return _midway(held_message(reason, handle, since, detail=detail), payload, changes)
    if reason is not None:
        # (X failing or not reached: as the check said it; not known of an older entry.)
        answered = x_answered_in(payload)
        said = reason_message(reason, handle, detail, x_answered=answered)
        return _midway(said, payload, changes)
    reverted = tuple(_boxes(payload.get("reverted_by_x")))
    # Boxes on in X's data that its page does not show: said after the rest, as the check did.
    hidden = [box for box in _boxes(payload.get("hidden_on")) if box in keep]
    if status is Status.FIXED:
        fixed = [box for box, (before, after) in changes.items() if before and after is False]
        said = success_message(status, fixed, [], reverted)
    elif status is Status.WOULD_FIX:
        would = [box for box, (_before, after) in changes.items() if after and box in keep]
        said = success_message(status, [], would)
    elif status is Status.OPTED_OUT:
        said = success_message(status, [], [], some_hidden=bool(hidden))
    else:
        return ""
    return f"{said} {hidden_on_message(hidden)}" if hidden else said


class ReaderSentence(NamedTuple):
    """A check entry's sentence for whoever reads it now; `written_in`: the language it is in
    when that is not the reader's (the sentence as the check wrote it), else None."""

    text: str
    written_in: str | None = None


def sentence_for_reader(
    payload: dict[str, Any], handle: str, keep: Collection[Box]
) -> ReaderSentence:
    """The entry's own sentence in the reader's language; else the same made again in theirs,
    if made again in its own language it is the sentence word for word (nothing was lost);
    else the sentence as written, in its language: what X showed or answered ("box 1 has an
    unknown label …", "X answered 500") is in no other field, and evidence must keep it."""
    own = message_for_reader(payload)
    written = str(payload.get("message") or "")
    if own or not written:
        return ReaderSentence(own)
    written_in = str(payload.get("message_lang"))
    with speaking(written_in):
        as_then = check_sentence(payload, handle, keep)
    if as_then == written:
        return ReaderSentence(check_sentence(payload, handle, keep))
    return ReaderSentence(written, written_in)


def _midway(said: str, payload: dict[str, Any], changes: dict[Box, tuple[object, object]]) -> str:
    """`said`, for a check that ended so after it had begun unticking at X (its `midway`,
    core/account_check): with the boxes it had unticked and read back before, and the box it
    was unticking then, as it said them."""
    first, last = _midway_parts(payload, changes)
    return " ".join(part for part in (first, said, last) if part)


def midway_parts(payload: dict[str, Any]) -> tuple[str, str]:
    """What a check entry that ended midway (its `midway`) said before and after why it
    ended: the boxes it had unticked and read back (X's switches among them), and the box it
    was unticking then; ("", "") for any other. The window keeps them around its own advice."""
    return _midway_parts(payload, _changes(payload))


def _midway_parts(
    payload: dict[str, Any], changes: dict[Box, tuple[object, object]]
) -> tuple[str, str]:
    midway = payload.get("midway")
    if not isinstance(midway, dict):
        return "", ""
    done = [box for box, (before, after) in changes.items() if before and after is False]
    reverted = tuple(box for box in _boxes(payload.get("reverted_by_x")) if box in done)
    cut = _boxes([midway.get("cut_short")])
    return midway_words(done, reverted, cut[0] if cut else None)


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


def _detail_code(payload: dict[str, Any]) -> str:
    """What the sign-in said of the step, as the entry keeps it in no language ("": none, or
    not a code this version knows)."""
    code = payload.get("detail_code")
    return code if isinstance(code, str) and is_detail_code(code) else ""


def _boxes(names: object) -> list[Box]:
    if not isinstance(names, list):
        return []
    return [box for box in ALL_BOXES if box.value in names]
