"""`consentinel log` for a person: each journal entry in words, at local time.

(`--json` and `--csv` keep the journal's own codes, for scripts.)
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from consentinel.cli.terminal import outcome_words, reason_words, status_words
from consentinel.core.check_messages import box_name, x_answered_in
from consentinel.core.clock_offset import clock_words, offset_in_check
from consentinel.core.entry_words import shared_details
from consentinel.core.evidence import shot_caption
from consentinel.core.i18n import tr
from consentinel.core.journal_entries import (
    Entry,
    EntryKind,
    backoff_began,
    box_changes_in_page_order,
    change_flags,
    not_retried_began,
    run_end_words,
    text_for_reader,
    untick_not_saved,
)
from consentinel.core.status import OWN_NAME_REASONS, Box, Reason, Status, Tally
from consentinel.core.status_words import named_outcome

_KINDS = {
    EntryKind.RUN_STARTED: "check started",
    EntryKind.RUN_FINISHED: "check finished",
    EntryKind.RUN_INTERRUPTED: "check interrupted",
    EntryKind.CHECK: "account checked",
    EntryKind.CHANGE: "box changed",
    EntryKind.SIGNIN: "sign-in",
    EntryKind.EVIDENCE: "screenshot",
    EntryKind.NOTIFICATION: "notification",
    EntryKind.ACCOUNT_ADDED: "account added",
    EntryKind.ACCOUNT_REMOVED: "account removed",
    EntryKind.ACCOUNT_EDITED: "account edited",
    EntryKind.SETTINGS_CHANGED: "settings changed",
    EntryKind.JOURNAL_RESTARTED: "journal started over",
    EntryKind.ACCOUNTS_SET_ASIDE: "accounts file set aside",
    EntryKind.HISTORY_ERASED: "history erased",
    EntryKind.ERASED: "erased entry",
}
_TRIGGERS = {
    "gui": "from the app",
    "manual": "from the command line",
    "schedule": "by the schedule",
}
#: What a run's checks came to, in the kinds the window's summary, the tray and the journal
#: window count.
_TALLY_WORDS = {
    # ("off" and "cancelled" alone are a box's and a run's words, in French too.)
    Tally.OFF: "all boxes off",
    Tally.WOULD_FIX: "would be fixed",
    Tally.NEED_YOU: "need you",
    Tally.NOT_CHECKED: "could not be checked",
    Tally.HIDDEN_ON: "still on at X",  # (every box X's page shows off: not "all boxes off")
    Tally.CANCELLED: "checks cancelled",
}
_RUN_ENDS = {"finished": "finished", "cancelled": "cancelled", "interrupted": "interrupted"}


def entry_lines(entries: Sequence[Entry], gone_runs: Collection[int] = ()) -> Iterator[str]:
    """`entry_line` of each entry; after the last entry of each run of `gone_runs` (still
    "running" in the journal, its process gone: Journal.runs_of_gone_processes), the line
    `gone_run_line` says it in."""
    last_of = {entry.run_id: i for i, entry in enumerate(entries) if entry.run_id in gone_runs}
    for i, entry in enumerate(entries):
        yield entry_line(entry)
        if entry.run_id is not None and last_of.get(entry.run_id) == i:
            yield gone_run_line(entry.run_id, width=len(_when(entry)))


def entry_line(entry: Entry) -> str:
    """One line: local time and its offset from UTC, check number, what happened, the account,
    the details."""
    who = f"@{entry.handle}" if entry.handle else ""
    kind = kind_words(entry)
    return _line(_when(entry), entry.run_id, kind, who, details(entry))


def gone_run_line(run_id: int, *, width: int) -> str:
    """A run still "running" in the journal whose process is gone (killed, a power cut): as
    the "check interrupted" entry the journal gets when next opened to be written
    (Journal.interrupt_stale_runs), which `log` only reads. No time: the journal has none for
    its end (`width`: the time column's, left blank)."""
    why = tr(
        "its process is gone (killed, or the computer stopped); not written in the journal yet"
    )
    return _line(" " * width, run_id, tr(_KINDS[EntryKind.RUN_INTERRUPTED]), "", why)


def _when(entry: Entry) -> str:
    return datetime.fromisoformat(entry.ts).astimezone().strftime("%Y-%m-%d %H:%M:%S %z")


def _line(when: str, run_id: int | None, kind: str, who: str, words: str) -> str:
    return f"{when}  #{run_id or '-':<4} {kind:<24} {who:<17} {words}".rstrip()


def kind_words(entry: Entry) -> str:
    """What happened: the entry's kind, or "untick not saved" for a change X did not confirm
    (not "box changed": it was not)."""
    if entry.kind is EntryKind.CHANGE and untick_not_saved(entry.payload):
        return tr("untick not saved")
    return tr(_KINDS.get(entry.kind, entry.kind.value))


def details(entry: Entry) -> str:
    p = entry.payload
    if entry.kind in (EntryKind.ERASED, EntryKind.HISTORY_ERASED):
        from consentinel.core.journal_erasure import erasure_words

        return erasure_words(entry.kind, p) or ""
    if entry.kind is EntryKind.CHECK:
        return _check(p)
    if entry.kind is EntryKind.CHANGE:
        return _change(p)
    if entry.kind is EntryKind.SIGNIN:
        if p.get("outcome") == "ok":
            return tr("signed in")
        if p.get("2fa_secret_refused") is True:  # more than "X asked for a two-factor code"
            why = tr("X refused the code from the saved 2FA secret")
            return f"{_status(p.get('outcome'))} ({why})"
        if (offset := offset_in_check(p)) is not None:  # the clock, as its check's line says
            clock = clock_words(offset)
            return f"{_status(p.get('outcome'))} ({clock[:1].lower()}{clock[1:]})"
        return _outcome(p.get("outcome"), p)
    if entry.kind is EntryKind.RUN_STARTED:
        trigger = str(p.get("trigger", ""))
        words = tr(_TRIGGERS[trigger]) if trigger in _TRIGGERS else trigger
        if p.get("dry_run"):
            words = f"{words} ({tr('a dry run: nothing changed')})"
        if p.get("x_origin"):
            words = f"{words} ({tr('against {origin}, not X', origin=p['x_origin'])})"
        return words
    if entry.kind in (EntryKind.RUN_FINISHED, EntryKind.RUN_INTERRUPTED):
        return run_end_words(
            p,
            lambda end: tr(_RUN_ENDS[end]) if end in _RUN_ENDS else end,
            lambda kind: tr(_TALLY_WORDS[kind]),
            tr("{name}: {count}"),
        )
    if entry.kind is EntryKind.EVIDENCE:
        return _evidence(p)
    if entry.kind is EntryKind.JOURNAL_RESTARTED:
        if p.get("why") in ("folder", "deleted") and not p.get("set_aside"):
            return _begun_again(p)
        name = str(p.get("set_aside", "?"))
        if p.get("why") == "newer":
            return tr(
                "the journal found was written by a newer Consentinel; set aside as {name}",
                name=name,
            )
        if p.get("why") == "damaged":
            problem = text_for_reader(p, "problem").rstrip(".")
            if not problem:
                return tr(
                    "the journal before it no longer verified; kept as {name}, by your choice, "
                    "and a new one started",
                    name=name,
                )
            return tr(
                "the journal before it no longer verified: {problem}; kept as {name}, by your "
                "choice, and a new one started",
                problem=problem,
                name=name,
            )
        if p.get("why") == "deleted":
            return tr(
                "the journal before it was deleted while Consentinel was open; the record of "
                "its last entry is kept as {name}",
                name=name,
            )
        return tr("the journal found could not be read; set aside as {name}", name=name)
    shared = shared_details(entry)  # (settings, account edits and recovery, notifications)
    return entry.summary() if shared is None else shared


def _evidence(p: dict[str, Any]) -> str:
    what, name = shot_caption(str(p.get("why") or "")), Path(str(p.get("path") or "")).name
    return f"{what} — {name}" if name else what


def _status(value: object) -> str:
    try:
        return status_words(Status(value))
    except ValueError:  # a payload edited outside the app: as stored, not "None"
        return "?" if value is None else str(value)


def _with_reason(words: str, reason: object) -> str:
    return f"{words} ({reason_words(reason)})" if reason else words


def _outcome(status: object, p: dict[str, Any]) -> str:
    """A check's or a sign-in's end with why, named as the window and `check` name it where
    its status alone says too little ("password refused", "X unreachable"; core/
    status_words.py); else its status and why, a value of another version's as it is."""
    try:
        said, reason = Status(status), Reason(p.get("reason"))
    except ValueError:
        return _with_reason(_status(status), p.get("reason"))
    answered = x_answered_in(p) if reason is Reason.NETWORK else None
    if named_outcome(said, reason, answered):
        return outcome_words(said, reason, answered)
    return _with_reason(_status(status), p.get("reason"))


def _backoff(p: dict[str, Any]) -> str:
    """A check that tried no sign-in, waiting out the back-off of an earlier one X stopped: not
    "X showed a captcha", which X did then, not at this check."""
    why = reason_words(p.get("reason"))
    when = backoff_began(p)
    if when is None:
        return tr(
            "{status} (no sign-in tried: waiting out the back-off after {why})",
            status=_status(p.get("status")),
            why=why,
        )
    return tr(
        "{status} (no sign-in tried: waiting out the back-off after {why} at {when})",
        status=_status(p.get("status")),
        why=why,
        when=when,
    )


def _rate_limit_backoff(p: dict[str, Any]) -> str:
    """A check that sent X nothing, waiting out the back-off X asked for with "too many
    requests" at an earlier check: not a sign-in X stopped, nor X saying it again."""
    when = backoff_began(p)
    if when is None:
        return tr(
            "X asked to slow down (no request sent: waiting out the back-off X asked for earlier)"
        )
    return tr(
        "X asked to slow down (no request sent: waiting out the back-off X asked for at {when})",
        when=when,
    )


def _not_retried(p: dict[str, Any]) -> str:
    """A check that tried no sign-in for a reason remembered from an earlier one (a password X
    rejected, X's lock, a step for the person): not "wrong password" as if X said it again;
    nor "X asked for a two-factor code" after a code X refused for this computer's clock."""
    if offset_in_check(p) is not None:
        why = tr("X refused the 2FA code made by this computer's clock")
    else:
        why = reason_words(p.get("reason"))
    when = not_retried_began(p)
    if when is None:
        return tr(
            "{status} (no sign-in tried: not tried again after {why})",
            status=_status(p.get("status")),
            why=why,
        )
    return tr(
        "{status} (no sign-in tried: not tried again after {why} at {when})",
        status=_status(p.get("status")),
        why=why,
        when=when,
    )


def _box(value: object) -> str:
    try:
        return box_name(Box(value))
    except ValueError:
        return str(value)


def _on_off(value: object) -> str:
    return {True: tr("on"), False: tr("off")}.get(value, "?") if isinstance(value, bool) else "?"


def _check(p: dict[str, Any]) -> str:
    if isinstance(p.get("backoff"), dict) and p.get("reason") == Reason.RATE_LIMITED.value:
        parts = [_rate_limit_backoff(p)]  # X was not asked: it said so at an earlier check
    elif p.get("reason") in {r.value for r in OWN_NAME_REASONS}:  # "cancelled", not "error"
        parts = [reason_words(p.get("reason"))]
    elif isinstance(p.get("backoff"), dict):  # X was not asked: its reason is an older sign-in's
        parts = [_backoff(p)]
    elif isinstance(p.get("not_retried"), dict) and p.get("reason"):  # (likewise)
        parts = [_not_retried(p)]
    elif (offset := offset_in_check(p)) is not None:  # the clock, not "asked for a code"
        clock = clock_words(offset)
        parts = [f"{_status(p.get('status'))} ({clock[:1].lower()}{clock[1:]})"]
    else:
        parts = [_outcome(p.get("status"), p)]
    for value, change in box_changes_in_page_order(p):
        before, after = change.get("before"), change.get("after")
        if before == after:  # left as it was: its state, not "off → off"
            parts.append(tr("{box}: {state}", box=_box(value), state=_on_off(after)))
        else:
            parts.append(_box_change(value, before, after))
    # Boxes on in X's data that its page does not show, in the reader's words (the entry's
    # sentence, in the check's language, is left out for a reader in another).
    parts += [tr("{box}: not shown, on at X", box=_box(b)) for b in p.get("hidden_on") or ()]
    return " — ".join(parts)


def _change(p: dict[str, Any]) -> str:
    if untick_not_saved(p):  # the box as X left it, not "on → on"
        if p.get("after") is True:
            return tr("{box}: still on", box=_box(p.get("box"))) + change_flags(p)
        return tr("{box}: not read back", box=_box(p.get("box"))) + change_flags(p)
    return _box_change(p.get("box"), p.get("before"), p.get("after")) + change_flags(p)


def _box_change(box: object, before: object, after: object) -> str:
    return tr(
        "{box}: {before} → {after}", box=_box(box), before=_on_off(before), after=_on_off(after)
    )


def _begun_again(p: dict[str, Any]) -> str:
    """A journal begun at the place of one whose folder or file was deleted while in use."""
    if p.get("why") == "folder":
        words = tr(
            "the data folder was deleted while Consentinel was using it: the journal before it "
            "went with it, and this one begins at its place"
        )
    else:
        words = tr(
            "the journal before it was deleted while Consentinel was using it, and this one "
            "begins at its place"
        )
    if not p.get("run_written_again"):
        return words
    gone = p.get("screenshots_gone")
    if gone:
        again = tr(
            "the check under way then is written again here, without the {count} screenshots "
            "it had taken, which went with the folder",
            count=gone,
        )
    else:
        again = tr("the check under way then is written again here")
    return f"{words}; {again}"
