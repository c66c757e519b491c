"""The X accounts a person protects (accounts.json) and each one's sign-in state (back-off)."""

from __future__ import annotations

import builtins
import contextlib
import json
import logging
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, timedelta, timezone
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from consentinel.core.accounts_lock import AccountsLock
from consentinel.core.check_messages import is_wait_detail
from consentinel.core.fileio import atomic_write_text, make_private_dirs, set_aside
from consentinel.core.i18n import quoted, tr
from consentinel.core.paths import AppPaths
from consentinel.core.records import FrozenRecord
from consentinel.core.status import ALL_BOXES, Box, Reason, Status, reason_named
from consentinel.core.wrong_clock import written_ahead

log = logging.getLogger(__name__)


#: The accounts.json format this code writes; files with a higher number are set aside.
SCHEMA_VERSION = 1
DEFAULT_BACKOFF = timedelta(hours=12)
#: Each refusal in a row (no sign-in succeeded since the last) doubles the back-off, up to this:
#: X locks accounts whose sign-ins keep failing, and a refusal repeated at every back-off's end
#: is what it counts.
MAX_BACKOFF = timedelta(days=7)


def backoff_length(hours: float | None, in_a_row: int) -> timedelta:
    """How long a back-off lasts: `hours` (the default when none), twice as long for each of
    the `in_a_row` back-offs before it, up to MAX_BACKOFF (or `hours`, when longer)."""
    first = timedelta(hours=hours) if hours else DEFAULT_BACKOFF
    return min(first * (1 << min(in_a_row, 16)), max(first, MAX_BACKOFF))


_HANDLE = re.compile(r"[A-Za-z0-9_]{1,15}", re.ASCII)


@cache
def _email_and_phone() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Compiled at the first email or phone typed, not with the window's first frame."""
    return re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+"), re.compile(r"\+?[0-9 ().\-]+")


class InvalidHandle(ValueError):
    """Not an X handle; str() says why in a sentence."""


class DuplicateAccount(ValueError):
    """The account is already in the list."""


class UnknownAccount(KeyError):
    """No such account in the list."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


def normalize_handle(text: str) -> str:
    """'  @Alice_1 ' -> 'Alice_1'; a profile link pasted from the browser ('https://x.com/
    Alice_1', twitter.com too) gives its handle. The person's casing is kept; compare with
    handle_key()."""
    raw = text.strip()
    link = _PROFILE_LINK.match(raw)
    if link:  # (its query and fragment go; in a typed handle they are refused)
        path = raw[link.end() :].split("?")[0].split("#")[0]
        # A post's or a tab's link (x.com/alice/status/123, x.com/alice/likes) is the
        # account's too: its first segment is the handle.
        raw = path.split("/")[0]
        if not raw or raw.lower() in X_PAGES:
            raise InvalidHandle(
                tr(
                    "This is an X page, not an account: paste the account's profile address "
                    "or its @name."
                )
            )
    if raw.startswith("@"):
        raw = raw[1:]
    if not raw:
        raise InvalidHandle(tr("An X handle cannot be empty."))
    if len(raw) > 15:
        raise InvalidHandle(
            tr(
                "An X handle has at most 15 characters; {handle} has {n}.",
                handle=quoted(raw),
                n=len(raw),
            )
        )
    if not _HANDLE.fullmatch(raw):
        raise InvalidHandle(
            tr(
                "An X handle only has letters A to Z (no accents), digits and _; {handle} does not "
                "look like one.",
                handle=quoted(raw),
            )
        )
    return raw


#: The start of a profile link: scheme, "www." or "mobile.", X's or Twitter's address.
_PROFILE_LINK = re.compile(r"^(?:https?://)?(?:www\.|mobile\.)?(?:x|twitter)\.com/", re.IGNORECASE)
#: The first segments of X's own pages' addresses (x.com/home, x.com/settings/…): no account
#: can have these names, and a link to one of them names no account.
X_PAGES = frozenset(
    {
        "account",
        "bookmarks",
        "compose",
        "download",
        "explore",
        "hashtag",
        "home",
        "i",
        "intent",
        "login",
        "logout",
        "messages",
        "notifications",
        "oauth",
        "privacy",
        "search",
        "settings",
        "share",
        "signup",
        "tos",
    }
)


def handle_key(handle: str) -> str:
    """The identity of a handle: X handles are case-insensitive."""
    return handle.strip().lstrip("@").lower()


def validate_email(text: str) -> str:
    """A plausible email address (stripped), or ValueError with a sentence."""
    value = text.strip()
    if not _email_and_phone()[0].fullmatch(value):
        raise ValueError(
            tr("{value} is not an email address (like name@example.com).", value=quoted(value))
        )
    return value


def validate_phone(text: str) -> str:
    """A plausible phone number (stripped): digits, spaces, + ( ) . -, at least 6 digits."""
    value = text.strip()
    digits = sum(ch.isdigit() for ch in value)
    if not _email_and_phone()[1].fullmatch(value) or not 6 <= digits <= 15:
        raise ValueError(
            tr("{value} is not a phone number (like +33 6 12 34 56 78).", value=quoted(value))
        )
    return value


def _bare(word: str) -> str:
    """Lower case, without accents however typed ('Mémoire', 'me\u0301moire': 'memoire')."""
    import unicodedata

    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _box_aliases() -> dict[str, Box]:
    """A box by its code or its name in either language, accents or not."""
    from consentinel.core.i18n import tr_in

    # (A box's code is its English name.)
    return {_bare(word): box for box in ALL_BOXES for word in (box.value, tr_in("fr", box.value))}


def parse_keep(text: str) -> frozenset[Box]:
    """'training,memory' -> the boxes to keep off; 'all' means all three. Training is always in,
    given or not ('' keeps training alone). French names are understood too."""
    names = [part.strip().lower() for part in text.split(",") if part.strip()]
    boxes: set[Box] = {Box.TRAINING}
    aliases = _box_aliases()
    for name in names:
        if name in ("all", "tout", "toutes"):
            boxes.update(ALL_BOXES)
        elif _bare(name) in aliases:
            boxes.add(aliases[_bare(name)])
        else:
            # What --help offers: training is always off, so not a choice to offer.
            choices = ", ".join(tr(box.value) for box in ALL_BOXES if box is not Box.TRAINING)
            raise ValueError(
                tr(
                    "Unknown box {name}: use {boxes}, or all; '' for training alone (always off).",
                    name=quoted(name),
                    boxes=choices,  # (in French, the French names)
                )
            )
    return frozenset(boxes)


def _now() -> datetime:
    return datetime.now(timezone.utc)


class Account(FrozenRecord):
    """One X account. Secrets are not here: they live in the Vault."""

    __slots__ = ("handle", "email", "phone", "keep", "added_at")  # noqa: RUF023 (in order)
    handle: str
    email: str | None
    phone: str | None
    keep: frozenset[Box]
    added_at: datetime

    def __init__(
        self,
        handle: str,
        email: str | None = None,
        phone: str | None = None,
        keep: Iterable[Box] = ALL_BOXES,
        added_at: datetime | None = None,  # None: now
    ) -> None:
        self._set("handle", normalize_handle(handle))
        self._set("email", email)
        self._set("phone", phone)
        # Training is the point of the app: it is always kept off.
        self._set("keep", frozenset(keep) | {Box.TRAINING})
        self._set("added_at", _now() if added_at is None else added_at)

    @property
    def key(self) -> str:
        return handle_key(self.handle)

    def to_json(self) -> dict[str, Any]:
        return {
            "handle": self.handle,
            "email": self.email,
            "phone": self.phone,
            "keep": [box.value for box in ALL_BOXES if box in self.keep],
            "added_at": self.added_at.isoformat(),
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Account:
        return cls(
            handle=str(raw["handle"]),
            email=raw.get("email"),
            phone=raw.get("phone"),
            keep=frozenset(Box(b) for b in raw.get("keep", [b.value for b in ALL_BOXES])),
            added_at=datetime.fromisoformat(raw["added_at"]) if raw.get("added_at") else _now(),
        )


class AccountState(NamedTuple):
    """What the sign-in rules remember about an account between runs."""

    password_rejected: bool = False  # X said the password is wrong; cleared by set-password
    blocked_until: datetime | None = None  # no automatic sign-in before this (back-off)
    block_reason: Reason | None = None
    last_check_at: datetime | None = None
    last_status: Status | None = None
    #: Why the last check ended as it did, if it did not simply end opted out or fixed.
    last_reason: Reason | None = None
    #: The last TOTP time-step whose code was sent to X (never the code): a code is never reused,
    #: even by another process signing in within the same 30 seconds.
    totp_step: int | None = None
    #: A scheduled run's sign-in stopped at a step only a person can take (a code X sent by
    #: text or email, its unusual-activity question): until a sign-in succeeds, scheduled runs
    #: do not sign in again, so that X does not send a new code every few hours for nothing.
    waits_for_person: Reason | None = None
    #: What that sign-in said of the step (a check_messages detail: SAVED_CODE_NOT_TAKEN…),
    #: so that the runs that wait say what it said, not the reason's general advice.
    waits_detail: str = ""
    #: Keyed hash (answer_digest) of each answer X refused at its "unusual activity" question
    #: (an email or phone the account no longer uses): never typed by itself again; a new one
    #: saved is.
    refused_answers: tuple[str, ...] = ()
    #: Back-offs since the last sign-in that succeeded: each one lasts twice the one before.
    backoffs_in_a_row: int = 0
    #: Keyed hash (secret_digest) of the saved 2FA secret whose code X refused: no code is
    #: made from it again (core/totp_refusals.py); a secret saved again is used.
    refused_totp: str | None = None
    #: Keyed hash (password_digest) of the password X said is wrong: a rejection of another
    #: password than the one saved now (saved while the sign-in that typed it ran) is none of
    #: the saved one's (core/password_refusals.py). None with password_rejected: the saved
    #: password, whatever it is (kept by an earlier version, or told by the journal).
    rejected_password: str | None = None
    #: When the back-off began, by the clock then: one that began ahead of now was set while
    #: the clock was ahead. None in files written before it was kept (the week's bound holds).
    blocked_since: datetime | None = None

    def backoff_until(self, now: datetime | None = None) -> datetime | None:
        """When the back-off ends (no automatic sign-in before), unless it began after now
        (`blocked_since`), or ends further ahead than any back-off lasts (MAX_BACKOFF, for one
        whose beginning was not kept): it began while the clock was ahead (wrong_clock), and
        would hold sign-ins back for as long as the clock was wrong, days after a 12-hour
        back-off set with the clock days ahead. None then: no back-off holds. (X's lock holds
        all the same: it ends when the account is seen unlocked, not at a time.)"""
        until = self.blocked_until
        now = now or _now()
        if until is None or written_ahead(until, now, MAX_BACKOFF):
            return None
        if self.blocked_since is not None and written_ahead(self.blocked_since, now):
            return None
        return until

    def is_blocked(self, now: datetime | None = None) -> bool:
        now = now or _now()
        until = self.backoff_until(now)
        return until is not None and now < until

    def sign_in_held(self, at: datetime | None = None, *, unattended: bool = False) -> bool:
        """The sign-in rules keep an automatic sign-in at `at` from being tried: a step only
        the person can take (a scheduled run), a rejected password, X's refusal still holding
        (core/signin_rules.may_sign_in says why)."""
        return (
            (unattended and self.waits_for_person is not None)
            or self.password_rejected
            or self.block_reason is Reason.LOCKED  # (until seen unlocked, whatever the time)
            or self.is_blocked(at)
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "password_rejected": self.password_rejected,
            "blocked_until": self.blocked_until.isoformat() if self.blocked_until else None,
            "block_reason": self.block_reason.value if self.block_reason else None,
            "last_check_at": self.last_check_at.isoformat() if self.last_check_at else None,
            "last_status": self.last_status.value if self.last_status else None,
            "last_reason": self.last_reason.value if self.last_reason else None,
            "totp_step": self.totp_step,
            "waits_for_person": self.waits_for_person.value if self.waits_for_person else None,
            "waits_detail": self.waits_detail,
            "refused_answers": list(self.refused_answers),
            "backoffs_in_a_row": self.backoffs_in_a_row,
            "refused_totp": self.refused_totp,
            "rejected_password": self.rejected_password,
            "blocked_since": self.blocked_since.isoformat() if self.blocked_since else None,
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> AccountState:
        def when(name: str) -> datetime | None:
            value = raw.get(name)
            return datetime.fromisoformat(value) if value else None

        reason = raw.get("block_reason")
        status = raw.get("last_status")
        waits = raw.get("waits_for_person")
        return cls(
            password_rejected=bool(raw.get("password_rejected", False)),
            blocked_until=when("blocked_until"),
            block_reason=Reason(reason) if reason else None,
            last_check_at=when("last_check_at"),
            last_status=Status(status) if status else None,
            last_reason=reason_named(raw.get("last_reason")),
            totp_step=_int_or_none(raw.get("totp_step")),
            backoffs_in_a_row=max(0, _int_or_none(raw.get("backoffs_in_a_row")) or 0),
            waits_for_person=Reason(waits) if waits else None,
            waits_detail=_wait_detail(raw.get("waits_detail")) if waits else "",
            # Plain SHA-256 digests of before 0.3 (no prefix) are dropped, not kept: an email
            # is easily found again from one. The worst that follows is one more refusal by X.
            refused_answers=tuple(
                a
                for a in raw.get("refused_answers") or ()
                if isinstance(a, str) and a.startswith(_ANSWER_PREFIX)
            ),
            refused_totp=_digest_or_none(raw.get("refused_totp")),
            rejected_password=_digest_or_none(raw.get("rejected_password")),
            blocked_since=when("blocked_since"),
        )


_ANSWER_PREFIX = "hmac-sha256:"


def _digest_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value.startswith(_ANSWER_PREFIX) else None


def _wait_detail(value: object) -> str:
    """A stored waits_detail; "" for none, or one this version does not know."""
    return value if isinstance(value, str) and is_wait_detail(value) else ""


def answer_digest(answer: str, key: bytes) -> str:
    """How a refused identity answer is remembered: its HMAC-SHA256 under a key kept in the
    keyring (Vault.get_or_create_answer_key), case and spaces left aside."""
    import hashlib
    import hmac

    mac = hmac.new(key, answer.strip().lower().encode(), hashlib.sha256).hexdigest()
    return _ANSWER_PREFIX + mac


def password_digest(password: str, key: bytes) -> str:
    """How a password X said is wrong is remembered: its HMAC-SHA256 under the refused
    answers' key, exactly as typed (a password's case and spaces are its own), with which key
    that is (made_under)."""
    import hashlib
    import hmac

    mac = hmac.new(key, b"password:" + password.encode(), hashlib.sha256).hexdigest()
    return _ANSWER_PREFIX + _key_id(key) + ":" + mac


def secret_digest(secret: str, key: bytes) -> str:
    """How a 2FA secret whose code X refused is remembered: as an answer is (answer_digest:
    case and spaces aside), with which key that is (made_under)."""
    return _ANSWER_PREFIX + _key_id(key) + ":" + answer_digest(secret, key)[len(_ANSWER_PREFIX) :]


def made_under(digest: str, key: bytes) -> bool:
    """Whether `digest` (password_digest, secret_digest) was made under `key`. When it was not
    (the keyring's key lost, reset or replaced since; a digest kept without its key's name),
    a value's digest under `key` tells nothing of whether it is the one refused."""
    named, _, mac = digest.removeprefix(_ANSWER_PREFIX).partition(":")
    return bool(mac) and named == _key_id(key)


def names_no_key(digest: str) -> bool:
    """Whether `digest` was kept without its key's name (an identity answer refused before
    keys were named): it can only be compared under the key there is now."""
    return ":" not in digest.removeprefix(_ANSWER_PREFIX)


def _key_id(key: bytes) -> str:
    """The name of a refusals key: a keyed hash of a fixed label under it (it tells nothing
    of the key, and differs for another key)."""
    import hashlib
    import hmac

    return hmac.new(key, b"consentinel refusals key id", hashlib.sha256).hexdigest()[:16]


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


class AccountStore:
    """accounts.json: the list of accounts and their states, written atomically, owner-only.

    Every call reads the file afresh, so a GUI sees accounts the command line just added. It
    is parsed again only when its text changed: a window refreshing its table, or a check asking
    an account's state at each step, reads a few kilobytes and compares them.
    A corrupt file, or one written by a newer Consentinel, is set aside (never deleted); the
    app then starts with an empty list and `load_warning` says what happened. A store made to
    look only (`looking`: `account list`, `log`) leaves such a file where it is, says so in
    `load_warning` and `unreadable`, and writes nothing.

    The window, the command line and the scheduled run all write it: every change holds the
    accounts lock (core/accounts_lock.py) from its read to its write, so none is lost; reading
    takes no lock, and a folder that cannot be written can still be listed.
    """

    def __init__(self, paths: AppPaths, *, looking: bool = False) -> None:
        self._path = paths.accounts_path
        self._looking = looking
        #: Why a looking store could not read the file ("corrupt", "newer"; None: it could).
        self.unreadable: str | None = None
        #: Reads and writes of this process's threads; writes take _file_lock too, inside it.
        self._lock = threading.RLock()
        self._file_lock = AccountsLock(paths.accounts_lock_path, self._path)
        self.load_warning: str | None = None
        #: Files set aside by this store, with why ("corrupt", "newer"), and who is told of
        #: the next ones (AppContext journals them).
        self.set_aside_files: list[tuple[Path, str]] = []
        self.on_set_aside: Callable[[Path, str], None] | None = None
        self._parsed: tuple[str, list[Account], dict[str, AccountState]] | None = None
        self._read()

    # -- reading and writing the file ---------------------------------------------------------

    def _read(self) -> tuple[list[Account], dict[str, AccountState]]:
        """The accounts and their states: copies, which a caller may change and write."""
        try:
            text = self._path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return [], {}
        last = self._parsed
        if last is not None and last[0] == text:
            accounts, states = last[1], last[2]
        else:
            accounts, states = self._parse(text)
            # (Accounts and states cannot be changed: only the containers are copied. Nothing
            # parsed is not kept: a file set aside as corrupt parses to nothing, and the same
            # text found again must be set aside and said again.)
            self._parsed = (text, accounts, states) if accounts or states else None
        return list(accounts), dict(states)

    def _parse(self, text: str) -> tuple[list[Account], dict[str, AccountState]]:
        try:
            raw = json.loads(text)
            version = raw["version"]
            if not isinstance(version, int):
                raise ValueError("version")
            if version > SCHEMA_VERSION:
                self._cannot_use("newer")
                return [], {}
            accounts = [Account.from_json(item) for item in raw["accounts"]]
            states = {
                handle_key(k): AccountState.from_json(v) for k, v in raw.get("states", {}).items()
            }
        except (ValueError, KeyError, TypeError, AttributeError):
            self._cannot_use("corrupt")
            return [], {}
        self.unreadable = None
        return accounts, states

    def _cannot_use(self, why: str) -> None:
        """A file that cannot be used ("corrupt", "newer"): set aside, or, by a store that only
        looks, left where it is and said."""
        if not self._looking:
            self._set_aside(why)
            return
        self.unreadable = why
        if why == "newer":
            self.load_warning = tr(
                "The accounts file {path} was written by a newer Consentinel, which alone can "
                "read it; it was left as it is (the app, or a command that changes something, "
                "sets it aside and starts an empty list when it next opens it).",
                path=self._path,
            )
        else:
            self.load_warning = tr(
                "The accounts file {path} could not be read; it was left as it is (the app, or "
                "a command that changes something, sets it aside and starts an empty list when "
                "it next opens it).",
                path=self._path,
            )

    def _set_aside(self, why: str) -> None:
        """Move the file aside ("corrupt", "newer"), say so, and tell on_set_aside (which may
        add to what is said)."""
        moved = set_aside(self._path, why)
        if why == "newer":
            self.load_warning = tr(
                "The accounts file was written by a newer Consentinel; it was moved to "
                "{moved} and the account list starts empty.",
                moved=moved,
            )
        else:
            self.load_warning = tr(
                "The accounts file could not be read; it was moved to {moved} and the account "
                "list starts empty.",
                moved=moved,
            )
        self.set_aside_files.append((moved, why))
        if self.on_set_aside is not None:
            try:
                self.on_set_aside(moved, why)
            except Exception:  # (the list is read on: what is said is said already)
                log.warning("telling that the accounts file was set aside failed", exc_info=True)

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """Held by every method that writes, from its read to its write: no other thread nor
        process writes meanwhile. Re-entrant (a change made of others holds it once)."""
        if self._looking:
            raise RuntimeError("an account list opened to look at is not written")
        with self._lock, self._file_lock.held():
            yield

    def editing(self) -> contextlib.AbstractContextManager[None]:
        """Hold the account list for a change of several steps, such as "not listed yet, so its
        secrets go to the keyring, then it is added": no other process (the window, the command
        line, a scheduled check) and no other thread writes the list until the block ends, so
        what was looked at inside the block still holds at its end. What was looked at before
        it must be looked at again inside (require_unlisted). Keep the block short: the others
        wait for it (accounts_lock.WAIT_S at most, then give up). Raises AccountsBusy when
        another process kept the list too long, StorageError when the folder cannot be written.
        """
        return self._writing()

    def read_whole(self) -> contextlib.AbstractContextManager[object]:
        """Hold off this process's writers for a read of several steps: an account's secrets
        and state, which the window's edit writes within editing(), are then read all as
        they were before an edit or all as it saved them. Only this process's writers (the
        window and its checks share it): another process keeping the list (a keyring prompt
        during `consentinel account add`) does not hold a check up."""
        return self._lock

    def _write(self, accounts: list[Account], states: dict[str, AccountState]) -> None:
        keys = {a.key for a in accounts}
        data = {
            "version": SCHEMA_VERSION,
            "accounts": [a.to_json() for a in accounts],
            "states": {k: s.to_json() for k, s in states.items() if k in keys},
        }
        make_private_dirs(self._path.parent)  # made on the first write, not by reading
        atomic_write_text(self._path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")

    # -- the list -------------------------------------------------------------------------------

    def list(self) -> list[Account]:
        with self._lock:
            return self._read()[0]

    def list_with_states(self) -> builtins.list[tuple[Account, AccountState]]:
        """Each account with its state, from one read of the file (a table of 100 accounts
        reads it once, not once for each row)."""
        with self._lock:
            accounts, states = self._read()
        return [(a, states.get(a.key, AccountState())) for a in accounts]

    def get(self, handle: str) -> Account | None:
        key = handle_key(handle)
        return next((a for a in self.list() if a.key == key), None)

    def require_unlisted(self, handle: str) -> None:
        """DuplicateAccount, naming the account as it is listed, when `handle` is listed (handles
        are case-insensitive). Inside editing(), before a new account's secrets are written:
        listed meanwhile, the secrets in the keyring are the other account's."""
        listed = self.get(handle)
        if listed is not None:
            raise DuplicateAccount(
                tr("@{handle} is already in your accounts.", handle=listed.handle)
            )

    def require_listed(self, handle: str) -> Account:
        """The listed account, or UnknownAccount (removed meanwhile, inside editing())."""
        accounts = self.list()
        return accounts[self._index(accounts, handle)]

    def add(self, account: Account) -> None:
        with self._writing():
            accounts, states = self._read()
            if any(a.key == account.key for a in accounts):
                raise DuplicateAccount(
                    tr("@{handle} is already in your accounts.", handle=account.handle)
                )
            accounts.append(account)
            states.pop(account.key, None)
            self._write(accounts, states)

    def update(self, account: Account) -> None:
        with self._writing():
            accounts, states = self._read()
            index = self._index(accounts, account.handle)
            accounts[index] = account
            self._write(accounts, states)

    def change_account(
        self, handle: str, change: Callable[[Account], Account]
    ) -> tuple[Account, Account]:
        """The account as `change` makes it from the account as listed now, read again with
        the list held until it is written: a detail `change` leaves alone keeps what another
        process or window saved since the caller looked, instead of being put back as it was
        then. Returns the account as listed just before and as written (the same, and nothing
        written, when `change` changes nothing). UnknownAccount when it is not listed."""
        with self._writing():
            before = self.require_listed(handle)
            after = change(before)
            if after != before:
                self.update(after)
            return before, after

    def remove(self, handle: str) -> None:
        with self._writing():
            accounts, states = self._read()
            index = self._index(accounts, handle)
            removed = accounts.pop(index)
            states.pop(removed.key, None)
            self._write(accounts, states)

    @staticmethod
    def _index(accounts: Iterable[Account], handle: str) -> int:
        key = handle_key(handle)
        for index, account in enumerate(accounts):
            if account.key == key:
                return index
        raise UnknownAccount(tr("@{handle} is not one of your accounts.", handle=handle))

    # -- sign-in state --------------------------------------------------------------------------

    def state(self, handle: str) -> AccountState:
        """The account's state (a fresh default one if nothing is remembered)."""
        with self._lock:
            return self._read()[1].get(handle_key(handle), AccountState())

    def set_state(self, handle: str, state: AccountState) -> None:
        with self._writing():
            accounts, states = self._read()
            self._index(accounts, handle)
            states[handle_key(handle)] = state
            self._write(accounts, states)

    def _keep_state(self, handle: str, state: AccountState) -> None:
        """What a check or a sign-in learnt of the account, written; for an account no longer
        listed (removed by another process while its check ran) nothing is: its state went
        with it, and the check goes on to its end (its journal entry says what it did)."""
        with self._writing():
            accounts, states = self._read()
            key = handle_key(handle)
            if not any(account.key == key for account in accounts):
                log.info("@%s was removed meanwhile: its sign-in state is not kept", handle)
                return
            states[key] = state
            self._write(accounts, states)

    def _change_state(self, handle: str, change: Callable[[AccountState], AccountState]) -> None:
        """The account's state as `change` makes it: written (the list held meanwhile) only
        when that changes it. A change that changes nothing (most sign-ins: nothing to lift)
        does not wait for another process holding the list. An account removed meanwhile
        keeps nothing (_keep_state)."""
        seen = self.state(handle)
        if change(seen) == seen:
            return
        with self._writing():
            current = self.state(handle)
            changed = change(current)
            if changed != current:
                self._keep_state(handle, changed)

    def clear_password_rejected(
        self, handle: str, *, as_seen: tuple[bool, str | None] | None = None
    ) -> None:
        """A new password was saved: try signing in again (and lift a wrong-password block).
        `as_seen`: the rejection (password_rejected, rejected_password) seen before the new
        password was saved; one X made since (of the new password, typed by a check meanwhile)
        is kept."""

        def lifted(state: AccountState) -> AccountState:
            if as_seen is not None and (state.password_rejected, state.rejected_password) != (
                as_seen
            ):
                return state
            return state._replace(password_rejected=False, rejected_password=None)

        self._change_state(handle, lifted)

    def name_password_rejection(self, handle: str, digest: str) -> None:
        """X's "wrong password" kept without a hash (of the saved password, whatever it is)
        named as the rejection of the password whose keyed hash is `digest`, the one saved
        now: a password saved next is then not taken for the refused one. A rejection named
        or lifted meanwhile is left as it is."""

        def named(state: AccountState) -> AccountState:
            if not state.password_rejected or state.rejected_password is not None:
                return state
            return state._replace(rejected_password=digest)

        self._change_state(handle, named)

    def forget_password_rejection(self, handle: str, digest: str) -> None:
        """The password whose keyed hash is `digest`, which X said is wrong, is no longer the
        one saved: its rejection is lifted, unless another one was kept meanwhile."""

        def lifted(state: AccountState) -> AccountState:
            if not state.password_rejected or state.rejected_password != digest:
                return state
            return state._replace(password_rejected=False, rejected_password=None)

        self._change_state(handle, lifted)

    def remember_refused_answer(self, handle: str, answer: str, key: bytes) -> None:
        """X refused this answer to its identity question: keep its keyed hash, never it."""
        digest = secret_digest(answer, key)  # (an answer's hash, naming its key)

        def refused(state: AccountState) -> AccountState:
            if digest in state.refused_answers:
                return state
            return state._replace(refused_answers=(*state.refused_answers, digest))

        self._change_state(handle, refused)

    def forget_refused_answers(self, handle: str, digests: Iterable[str]) -> None:
        """The refused answers whose keyed hashes are `digests` are forgotten (one kept since
        stays)."""
        gone = set(digests)

        def forgotten(state: AccountState) -> AccountState:
            kept = tuple(d for d in state.refused_answers if d not in gone)
            return state._replace(refused_answers=kept)

        self._change_state(handle, forgotten)

    def totp_saved(self, handle: str, *, as_seen: AccountState | None = None) -> None:
        """A 2FA secret was saved (perhaps the same, once the clock is right): codes are made
        from it again, and scheduled checks no longer wait for the person's code. `as_seen`:
        the state seen before the secret was saved; when X refused a code since (made from
        the new secret by a check meanwhile), that refusal, and the wait it brought, stay."""

        def saved(state: AccountState) -> AccountState:
            if as_seen is not None and state.refused_totp != as_seen.refused_totp:
                return state
            changed = state._replace(refused_totp=None)
            if state.waits_for_person is Reason.TWO_FACTOR:
                changed = changed._replace(waits_for_person=None, waits_detail="")
            return changed

        self._change_state(handle, saved)

    def remember_refused_totp(self, handle: str, digest: str) -> None:
        """X refused the code made from the saved 2FA secret whose keyed hash is `digest`."""
        self._change_state(handle, lambda state: state._replace(refused_totp=digest))

    def mark_password_rejected(self, handle: str, digest: str | None = None) -> None:
        """X said the password is wrong: the one whose keyed hash is `digest` (password_digest;
        None: the saved one, whatever it is)."""
        self._change_state(
            handle, lambda state: state._replace(password_rejected=True, rejected_password=digest)
        )

    def block(
        self,
        handle: str,
        reason: Reason,
        *,
        hours: float | None = None,
        now: datetime | None = None,
    ) -> AccountState:
        """Back off: no automatic sign-in for `hours` (default 12) after X refused one; twice
        as long for each refusal in a row before it (no sign-in succeeded since), up to a week.
        X's lock outlasts any other reason (it ends only when the account is seen unlocked).
        An account removed meanwhile keeps none: the back-off is returned, not written."""
        with self._writing():
            state = self.state(handle)
            length = backoff_length(hours, state.backoffs_in_a_row)
            locked = state.block_reason is Reason.LOCKED
            began = now or _now()
            state = state._replace(
                blocked_until=began + length,
                blocked_since=began,
                block_reason=Reason.LOCKED if locked else reason,
                backoffs_in_a_row=state.backoffs_in_a_row + 1,
            )
            self._keep_state(handle, state)
            return state

    def set_waits_for_person(self, handle: str, reason: Reason | None, detail: str = "") -> None:
        """Scheduled runs wait for the person at `reason`'s step (None: no longer), and say
        what the sign-in said of it (`detail`)."""
        self._change_state(
            handle,
            lambda state: state._replace(
                waits_for_person=reason, waits_detail=detail if reason else ""
            ),
        )

    def unblock(self, handle: str) -> None:
        self._change_state(
            handle,
            lambda state: state._replace(
                blocked_until=None, blocked_since=None, block_reason=None, backoffs_in_a_row=0
            ),
        )

    def record_check(
        self,
        handle: str,
        status: Status,
        at: datetime | None = None,
        reason: Reason | None = None,
    ) -> None:
        """Remember when the account was last checked, how it ended and why (an account
        removed meanwhile: nothing)."""
        with self._writing():
            state = self.state(handle)._replace(
                last_check_at=at or _now(), last_status=status, last_reason=reason
            )
            self._keep_state(handle, state)

    # -- two-factor codes -----------------------------------------------------------------------

    def last_totp_step(self, handle: str) -> int | None:
        """The TOTP time-step last used to sign in this account, if any."""
        return self.state(handle).totp_step

    def remember_totp_step(self, handle: str, step: int) -> None:
        """Remember that the code of `step` was used (an account no longer listed is ignored)."""
        with self._writing():
            self._keep_state(handle, self.state(handle)._replace(totp_step=step))
