"""The journal's records: entry kinds, entries, runs, and how an entry's hash is made."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import datetime
from enum import Enum
from json.encoder import encode_basestring
from typing import Any, NamedTuple

from consentinel.core.i18n import current_language, tr
from consentinel.core.status import ALL_BOXES, Tally, tallied

GENESIS_HASH = "0" * 64

#: Payload keys that would mean a caller is about to write a secret into the journal.
_SECRET_KEYS = frozenset(
    {
        "password",
        "passwd",
        "secret",
        "totp",
        "totp_secret",
        "otp",
        "code",
        "token",
        "cookie",
        "cookies",
        "storage_state",
        "session_key",
        "key",
        "auth_token",
        "ct0",
    }
)


class EntryKind(str, Enum):
    RUN_STARTED = "run_started"
    RUN_FINISHED = "run_finished"
    RUN_INTERRUPTED = "run_interrupted"
    CHECK = "check"
    CHANGE = "change"
    SIGNIN = "signin"
    EVIDENCE = "evidence"
    NOTIFICATION = "notification"
    ACCOUNT_ADDED = "account_added"
    ACCOUNT_REMOVED = "account_removed"
    #: Its boxes kept off, email, phone or secrets changed (core/account_edits: never a value).
    ACCOUNT_EDITED = "account_edited"
    SETTINGS_CHANGED = "settings_changed"
    #: The accounts file could not be used and was set aside (its name, and why): the list
    #: starts empty, and the accounts can be added back from the journal (account_recovery).
    ACCOUNTS_SET_ASIDE = "accounts_set_aside"
    #: The journal found at start could not be read (or was a newer version's) and was set
    #: aside; this new one begins with where it went, so that it never looks like the only one.
    JOURNAL_RESTARTED = "journal_restarted"
    #: An account's history erased (core/journal_erasure): how many entries and screenshots,
    #: which entries, and a digest of their hashes; it names no account.
    HISTORY_ERASED = "history_erased"
    #: An entry whose content was erased by a later HISTORY_ERASED entry: its id, time, run,
    #: prev_hash and hash kept (the chain still links), its kind, account and payload gone.
    ERASED = "erased"


class RunStatus(str, Enum):
    RUNNING = "running"
    FINISHED = "finished"
    INTERRUPTED = "interrupted"
    CANCELLED = "cancelled"


class Entry(NamedTuple):
    id: int
    ts: str  # UTC, ISO 8601
    run_id: int | None
    kind: EntryKind
    handle: str | None
    payload: dict[str, Any]
    prev_hash: str
    hash: str

    @property
    def at(self) -> datetime:
        return datetime.fromisoformat(self.ts)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "ts": self.ts,
            "run_id": self.run_id,
            "kind": self.kind.value,
            "handle": self.handle,
            "payload": self.payload,
            "prev_hash": self.prev_hash,
            "hash": self.hash,
        }

    def summary(self) -> str:
        """One short line for `consentinel log` and the GUI's history."""
        p = self.payload
        if self.kind is EntryKind.CHECK:
            reason = f" ({p['reason']})" if p.get("reason") else ""
            return f"{p.get('status', '?')}{reason}"
        if self.kind is EntryKind.CHANGE:
            # In English whatever the reader's language (the CSV export's column).
            flags = [n for n, on in (("confirmed", p.get("confirmed")),
                                     ("untick not saved", untick_not_saved(p)),
                                     ("reverted by X", p.get("reverted_by_x"))) if on]  # fmt: skip
            extra = f" ({', '.join(flags)})" if flags else ""
            if untick_not_saved(p):  # not "on → on": the box was never switched
                return f"{p.get('box')}: {_not_saved_state(p)}{extra}"
            return f"{p.get('box')}: {_onoff(p.get('before'))} → {_onoff(p.get('after'))}{extra}"
        if self.kind is EntryKind.SIGNIN:
            reason = f" ({p['reason']})" if p.get("reason") else ""
            return f"{p.get('outcome', '?')}{reason}"
        if self.kind is EntryKind.EVIDENCE:
            return f"{p.get('why', '')} {p.get('path', '')}".strip()
        if self.kind in (EntryKind.RUN_STARTED, EntryKind.RUN_FINISHED):
            return str(p.get("trigger") or p.get("status") or "")
        if self.kind is EntryKind.NOTIFICATION:
            return str(p.get("message", ""))
        if self.kind in (EntryKind.SETTINGS_CHANGED, EntryKind.ACCOUNT_EDITED):
            return ", ".join(sorted(p))
        if self.kind is EntryKind.ACCOUNTS_SET_ASIDE:
            return f"{p.get('why', '')}: {p.get('moved_to', '')}"
        if self.kind is EntryKind.ACCOUNT_ADDED and p.get("added_back"):
            return "added back"
        return ""


def untick_not_saved(payload: dict[str, Any]) -> bool:
    """A change entry of an untick X did not confirm: read back still on (`after` true), or
    not read back at all (`after` null). Its payload is as every change's, `confirmed` false;
    only the way it is read differs (a check entry's boxes hold no `confirmed`)."""
    return payload.get("confirmed") is False and payload.get("after") is not False


def _not_saved_state(payload: dict[str, Any]) -> str:
    return "still on" if payload.get("after") is True else "not read back"


def _held_since(payload: dict[str, Any], key: str) -> datetime | None:
    """The `since` time of a check entry's `key` ("backoff", "not_retried"): when X stopped
    or refused the sign-in the check did not try again after (None: not said, or not a time)."""
    held = payload.get(key)
    since = held.get("since") if isinstance(held, dict) else None
    try:
        return datetime.fromisoformat(since) if isinstance(since, str) else None
    except ValueError:
        return None


def backoff_since(payload: dict[str, Any]) -> datetime | None:
    """For a check entry that tried no sign-in during a back-off (its `backoff`), when X
    stopped the sign-in it waits after."""
    return _held_since(payload, "backoff")


def not_retried_since(payload: dict[str, Any]) -> datetime | None:
    """For a check entry that tried no sign-in for a reason remembered from an earlier one
    (its `not_retried`), when X said it."""
    return _held_since(payload, "not_retried")


def _log_time(when: datetime | None) -> str | None:
    """At local time, as the log lists entries (None: not said)."""
    return when.astimezone().strftime("%Y-%m-%d %H:%M:%S") if when else None


def backoff_began(payload: dict[str, Any]) -> str | None:
    """backoff_since() at local time, as the log lists entries (None: not said)."""
    return _log_time(backoff_since(payload))


def not_retried_began(payload: dict[str, Any]) -> str | None:
    """not_retried_since() at local time, as the log lists entries (None: not said)."""
    return _log_time(not_retried_since(payload))


def change_flags(payload: dict[str, Any]) -> str:
    """ " (confirmed, reverted by X)" after a box change, or nothing."""
    flags = []
    if payload.get("confirmed"):
        flags.append(tr("confirmed"))
    if payload.get("reverted_by_x"):
        flags.append(tr("reverted by X"))
    return f" ({', '.join(flags)})" if flags else ""


def box_changes_in_page_order(payload: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """A check entry's box changes (box value, {"before", "after", …}), in the order X's page
    shows the boxes; boxes this version does not know come last."""
    settings = payload.get("settings") or {}
    order = {box.value: index for index, box in enumerate(ALL_BOXES)}
    return [
        (value, settings[value])
        for value in sorted(settings, key=lambda value: order.get(value, len(order)))
        if isinstance(settings[value], dict)
    ]


def _onoff(value: object) -> str:
    return {True: "on", False: "off"}.get(value, "?") if isinstance(value, bool) else "?"


class Run(NamedTuple):
    id: int
    started_at: str
    finished_at: str | None
    trigger: str
    status: RunStatus


class ErasureSeen(NamedTuple):
    """An erasure of an account's history the chain accepts: its `history_erased` entry's id
    and time, and how many entries it emptied (whose content the chain no longer vouches for)."""

    entry_id: int
    ts: str
    entries: int


class VerifyResult(NamedTuple):
    """`entry_count`: the entries walked; `problems`: every one found, in the journal's order
    (the chain walked to its end, every screenshot looked at); `problem` is the first of them,
    None when ok; `damaged`: (entry id, problem) for each problem that names an entry, so that a
    window can point at it; `erasures`: each erasure the chain accepted, by id, said with any
    verdict (an intact journal with entries emptied is never only "intact")."""

    ok: bool
    entry_count: int
    problem: str | None = None
    problems: tuple[str, ...] = ()
    damaged: tuple[tuple[int, str], ...] = ()
    erasures: tuple[ErasureSeen, ...] = ()

    @classmethod
    def of(
        cls,
        entry_count: int,
        problems: Sequence[str],
        damaged: Sequence[tuple[int, str]] = (),
        erasures: Sequence[ErasureSeen] = (),
    ) -> VerifyResult:
        first = problems[0] if problems else None
        return cls(
            not problems, entry_count, first, tuple(problems), tuple(damaged), tuple(erasures)
        )

    @property
    def emptied(self) -> int:
        """How many entries the accepted erasures emptied."""
        return sum(erasure.entries for erasure in self.erasures)


def canonical_json(value: object) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def entry_hash(
    prev_hash: str,
    id_: int,
    ts: str,
    run_id: int | None,
    kind: str,
    handle: str | None,
    payload: object,
) -> str:
    import hashlib  # loaded with the first entry written, not with the window

    body = canonical_json(
        {"id": id_, "ts": ts, "run_id": run_id, "kind": kind, "handle": handle, "payload": payload}
    )
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def stored_entry_hash(row: Sequence[Any]) -> str:
    """entry_hash() of a stored row (id, ts, run_id, kind, handle, payload, prev_hash, hash),
    from its payload's text as written (canonical JSON), without parsing it: the same body,
    its keys in canonical (sorted) order. A payload whose text is not exactly what Consentinel
    writes gives another hash (verify then parses it)."""
    import hashlib

    id_, ts, run_id, kind, handle, payload_text, prev_hash = row[:7]
    body = (
        f'{{"handle":{_json_scalar(handle)},"id":{_json_scalar(id_)},'
        f'"kind":{_json_scalar(kind)},"payload":{payload_text},'
        f'"run_id":{_json_scalar(run_id)},"ts":{_json_scalar(ts)}}}'
    )
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def _json_scalar(value: object) -> str:
    """canonical_json(value), quicker for the strings, ints and None of a row's columns."""
    if value is None:
        return "null"
    if type(value) is int:
        return int.__repr__(value)
    if type(value) is str:
        return encode_basestring(value)
    return canonical_json(value)


def check_no_secret(payload: object, where: str = "payload") -> None:
    """Refuse payloads with keys that name secrets: a bug upstream must not reach the disk."""
    if isinstance(payload, dict):
        for key, value in payload.items():
            if str(key).lower() in _SECRET_KEYS:
                raise ValueError(f"journal {where} has a key {key!r} that names a secret")
            check_no_secret(value, where)
    elif isinstance(payload, (list, tuple)):
        for value in payload:
            check_no_secret(value, where)


def run_end_words(
    payload: dict[str, Any],
    end_word: Callable[[str], str],
    kind_name: Callable[[Tally], str],
    pair: str = "{name}: {count}",
    between: str = ", ",
) -> str:
    """A run's end: what its checks found ("Off: 1 · Need you: 2"; the entry's kind already
    says it finished, or was interrupted), or how it ended and what it found before
    ("cancelled — Off: 1")."""
    status = str(payload.get("status", ""))
    counts = outcome_counts(payload, kind_name, pair, between)
    if (status == "finished" and counts) or status == "interrupted":
        return counts  # (not "check interrupted — interrupted")
    words = end_word(status)
    return f"{words} — {counts}" if counts else words


def outcome_counts(
    payload: dict[str, Any],
    kind_name: Callable[[Tally], str],
    pair: str = "{name}: {count}",
    between: str = ", ",
) -> str:
    """'Off: 6, Need you: 13, Could not be checked: 9' from a finished run's outcomes, counted
    by the kinds the window's summary and the tray say (core/status.Tally), not by status: the
    accounts table never says "Sign-in failed" or "Error" alone, and a tally of seven names was
    cut off in the journal's Details column. `pair` is the language's way of writing one
    ("{name} : {count}" in French); `between`, what joins them."""
    counts = payload.get("outcomes")
    if not isinstance(counts, dict):
        return ""
    return between.join(
        pair.replace("{name}", kind_name(kind)).replace("{count}", str(count))
        for kind, count in tallied(counts).items()
    )


def message_for_reader(payload: dict[str, Any]) -> str:
    """An entry's sentence, if it is in the language of whoever reads it now; else "" (the
    entry's status and reason, which every reader gets in words of their own, say it)."""
    return text_for_reader(payload, "message")


def text_for_reader(payload: dict[str, Any], key: str) -> str:
    """`payload[key]`, a sentence written in the language `payload[key + "_lang"]` names, if
    that is the language of whoever reads it now (or none is named); else ""."""
    text = str(payload.get(key) or "")
    written_in = payload.get(f"{key}_lang")
    return text if written_in in (None, current_language()) else ""
