"""Accounts: handles, validation, the accounts.json store and the sign-in state."""

from __future__ import annotations

import json
import stat
import string
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from consentinel.core.accounts import (
    Account,
    AccountState,
    AccountStore,
    DuplicateAccount,
    InvalidHandle,
    UnknownAccount,
    answer_digest,
    handle_key,
    normalize_handle,
    parse_keep,
    secret_digest,
    validate_email,
    validate_phone,
)
from consentinel.core.french_typography import typeset
from consentinel.core.paths import AppPaths
from consentinel.core.status import ALL_BOXES, Box, Reason, Status

HANDLE_CHARS = string.ascii_letters + string.digits + "_"
valid_handles = st.text(alphabet=HANDLE_CHARS, min_size=1, max_size=15)


@given(valid_handles, st.sampled_from(["", "@"]), st.sampled_from(["", " ", "\t", "\n "]))
def test_valid_handles_normalize_to_themselves(handle: str, at: str, space: str) -> None:
    assert normalize_handle(f"{space}{at}{handle}{space}") == handle


@given(valid_handles)
def test_normalize_is_idempotent_and_case_is_identity(handle: str) -> None:
    once = normalize_handle(handle)
    assert normalize_handle(once) == once
    assert handle_key(handle.upper()) == handle_key(handle.lower())


@given(st.text(max_size=40))
@example("0#")  # a query, a fragment or a last slash are a link's, not part of a typed handle
@example("bob?s=21")
@example("@bob/")
def test_anything_else_is_refused_with_a_sentence(text: str) -> None:
    assume(".com/" not in text.lower())  # profile links: below
    raw = text.strip().removeprefix("@")
    valid = 1 <= len(raw) <= 15 and all(ch in HANDLE_CHARS for ch in raw)
    if valid:
        assert normalize_handle(text) == raw
    else:
        with pytest.raises(InvalidHandle) as caught:
            normalize_handle(text)
        message = str(caught.value)
        assert message.endswith(".") and "X handle" in message
        assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    ("pasted", "handle"),
    [
        ("https://x.com/Bob_1", "Bob_1"),
        ("x.com/bob/", "bob"),
        ("https://twitter.com/alice?s=21", "alice"),
        (" https://mobile.twitter.com/dan#top ", "dan"),
        ("HTTPS://WWW.X.COM/eve", "eve"),
        # A post's or a tab's link names its account first.
        ("https://x.com/claire_ong/status/1234567", "claire_ong"),
        ("x.com/claire_ong/status/1234567?s=46&t=abc", "claire_ong"),
        ("https://mobile.twitter.com/Claire_Ong/likes#top", "Claire_Ong"),
        ("https://twitter.com/@dan/with_replies", "dan"),
    ],
)
def test_a_pasted_profile_link_gives_its_handle(pasted: str, handle: str) -> None:
    assert normalize_handle(pasted) == handle


@pytest.mark.parametrize(
    "pasted",
    [
        "https://x.com/home",
        "https://x.com/home?lang=fr",
        "x.com/explore/tabs/for-you",
        "https://x.com/settings/grok_settings",
        "https://twitter.com/i/flow/login",
        "https://mobile.twitter.com/search?q=grok",
        "https://x.com/notifications",
        "https://x.com/messages/123-456",
        "https://x.com/compose/post",
        "https://X.com/Login",
        "https://x.com/",
        "https://x.com/#top",
    ],
)
def test_a_link_to_one_of_xs_own_pages_is_no_account(pasted: str) -> None:
    """https://x.com/home once became @home: X's pages are said to be pages."""
    with pytest.raises(InvalidHandle) as caught:
        normalize_handle(pasted)
    assert str(caught.value) == (
        "This is an X page, not an account: paste the account's profile address or its @name."
    )


def test_a_typed_name_that_is_also_an_x_page_is_not_refused_as_a_page() -> None:
    """Only a link is an X page; "home" typed as such is a handle like any other (X refuses
    it at sign-in if it is none)."""
    assert normalize_handle("@home") == "home"


def test_a_link_to_another_page_is_refused() -> None:
    with pytest.raises(InvalidHandle):
        normalize_handle("https://x.com/settings/grok_settings")
    with pytest.raises(InvalidHandle):
        normalize_handle("https://example.com/bob")


def test_handle_messages_are_clear() -> None:
    with pytest.raises(InvalidHandle, match="cannot be empty"):
        normalize_handle("  @ ")
    with pytest.raises(InvalidHandle, match="at most 15 characters"):
        normalize_handle("a" * 16)
    with pytest.raises(InvalidHandle, match=r"letters A to Z \(no accents\), digits and _"):
        normalize_handle("bad-handle")


def test_french_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    with pytest.raises(InvalidHandle) as page:
        normalize_handle("https://x.com/home")
    assert str(page.value) == (
        "Ceci est une page de X, pas un compte\u00a0: collez l'adresse du profil du compte ou "
        "son @nom."
    )
    with pytest.raises(InvalidHandle, match="ne peut pas être vide"):
        normalize_handle("")


def test_keep_always_includes_training() -> None:
    assert parse_keep("memory") == {Box.TRAINING, Box.MEMORY}
    assert parse_keep("training, personalization") == {Box.TRAINING, Box.PERSONALIZATION}
    assert parse_keep("all") == set(ALL_BOXES)
    assert Account("a", keep=frozenset({Box.MEMORY})).keep == {Box.TRAINING, Box.MEMORY}
    assert Account("a").keep == set(ALL_BOXES)
    with pytest.raises(ValueError, match="Unknown box 'ads'"):
        parse_keep("training,ads")
    assert parse_keep("") == {Box.TRAINING}  # '' keeps training alone, as the help says
    # The names `account list` prints in French are understood too, accents or not.
    assert parse_keep("Mémoire, personnalisation") == set(ALL_BOXES)
    assert parse_keep("memoire") == {Box.TRAINING, Box.MEMORY}
    assert parse_keep("me\u0301moire") == {Box.TRAINING, Box.MEMORY}  # the accent typed apart
    assert parse_keep("entraînement") == {Box.TRAINING}
    assert parse_keep("toutes") == set(ALL_BOXES)


def test_an_unknown_box_is_told_with_the_choices_the_help_gives_in_the_readers_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`--help`'s choices: not training (always off, whatever is given), but all and ''."""
    with pytest.raises(ValueError) as refused:
        parse_keep("truc")
    assert str(refused.value) == (
        "Unknown box 'truc': use personalization, memory, or all; '' for training alone "
        "(always off)."
    )
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    with pytest.raises(ValueError) as in_french:
        parse_keep("truc")
    assert str(in_french.value) == typeset(
        "Case inconnue « truc » : utilisez personnalisation, mémoire, ou toutes ; '' pour "
        "l'entraînement seul (toujours décoché)."
    )
    # The message offers all: it is never an unknown box, among others too.
    assert parse_keep("all, memory") == parse_keep("memory,toutes") == set(ALL_BOXES)


def test_email_and_phone_validation() -> None:
    assert validate_email(" me@example.org ") == "me@example.org"
    assert validate_phone("+33 6 12-34.56 78") == "+33 6 12-34.56 78"
    for bad in ("me", "me@", "me@host", "a b@c.d"):
        with pytest.raises(ValueError, match="is not an email address"):
            validate_email(bad)
    for bad in ("12", "call me", "+33 6 12 34 56 78 90 12 34"):
        with pytest.raises(ValueError, match="is not a phone number"):
            validate_phone(bad)


def test_store_round_trip_is_private_and_case_insensitive(consentinel_home: Path) -> None:
    paths = AppPaths.from_env().ensure()
    store = AccountStore(paths)
    added = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    store.add(
        Account("Alice", email="a@example.org", keep=frozenset({Box.TRAINING}), added_at=added)
    )
    store.add(Account("@bob"))
    with pytest.raises(DuplicateAccount):
        store.add(Account("ALICE"))
    again = AccountStore(paths)
    alice = again.get("alice")
    assert alice is not None and alice.handle == "Alice" and alice.added_at == added
    assert alice.keep == {Box.TRAINING} and alice.email == "a@example.org"
    assert [a.handle for a in again.list()] == ["Alice", "bob"]
    assert again.get("carol") is None
    assert stat.S_IMODE(paths.accounts_path.stat().st_mode) == 0o600
    assert json.loads(paths.accounts_path.read_text())["version"] == 1

    again.update(Account("alice", phone="+1 555 123 4567", added_at=added))
    assert store.get("Alice").phone == "+1 555 123 4567"  # type: ignore[union-attr]
    again.remove("ALICE")
    assert [a.handle for a in store.list()] == ["bob"]
    with pytest.raises(UnknownAccount):
        store.remove("alice")
    with pytest.raises(UnknownAccount):
        store.update(Account("carol"))


def test_sign_in_state_is_remembered(consentinel_home: Path) -> None:
    paths = AppPaths.from_env().ensure()
    store = AccountStore(paths)
    store.add(Account("alice"))
    assert store.state("alice") == AccountState()
    now = datetime(2026, 5, 1, 12, tzinfo=timezone.utc)
    store.mark_password_rejected("Alice")
    state = store.block("alice", Reason.CAPTCHA, now=now)
    assert state.blocked_until == now + timedelta(hours=12)
    store.record_check("alice", Status.NEEDS_USER, at=now)
    state = AccountStore(paths).state("ALICE")
    assert state.password_rejected and state.block_reason is Reason.CAPTCHA
    assert state.is_blocked(now + timedelta(hours=11)) and not state.is_blocked(
        now + timedelta(hours=12, seconds=1)
    )
    assert state.last_status is Status.NEEDS_USER and state.last_check_at == now
    store.clear_password_rejected("alice")
    assert not store.state("alice").password_rejected
    store.unblock("alice")
    assert store.state("alice").blocked_until is None
    with pytest.raises(UnknownAccount):
        store.set_state("nobody", AccountState())
    store.remove("alice")
    store.add(Account("alice"))
    assert store.state("alice") == AccountState()  # a re-added account starts afresh


def test_refusals_in_a_row_double_the_back_off_up_to_a_week(consentinel_home: Path) -> None:
    """X locks accounts whose sign-ins keep failing: a refusal at each back-off's end must not
    come back every 12 hours forever. A sign-in that succeeds starts again from the first."""
    from consentinel.core.signin_rules import may_sign_in, remember_outcome

    paths = AppPaths.from_env().ensure()
    store = AccountStore(paths)
    store.add(Account("alice"))
    now = datetime(2026, 5, 1, 12, tzinfo=timezone.utc)
    lengths = []
    for _ in range(6):
        state = store.block("alice", Reason.REFUSED, hours=12, now=now)
        lengths.append((state.blocked_until - now) / timedelta(hours=1))  # type: ignore[operator]
    assert lengths == [12, 24, 48, 96, 168, 168]
    assert AccountStore(paths).state("alice").backoffs_in_a_row == 6  # kept in the file
    # The rules say "not before" the back-off's end, then let one sign-in be tried.
    held = store.state("alice").blocked_until
    assert may_sign_in("alice", store.state("alice"), now + timedelta(hours=167)) is not None
    assert may_sign_in("alice", store.state("alice"), held) is None  # type: ignore[arg-type]
    remember_outcome(store, "alice", None, password_submitted=True, backoff_hours=12)
    assert store.state("alice").backoffs_in_a_row == 0
    state = store.block("alice", Reason.CAPTCHA, hours=12, now=now)
    assert state.blocked_until == now + timedelta(hours=12)
    # A first back-off longer than a week (the setting allows 168 hours) is not shortened.
    store.unblock("alice")
    state = store.block("alice", Reason.REFUSED, hours=168, now=now)
    assert state.blocked_until == now + timedelta(hours=168)


def test_a_back_off_begun_while_the_clock_was_ahead_holds_at_most_a_week(
    consentinel_home: Path,
) -> None:
    """X showed its captcha while the computer's clock was a year ahead: the back-off's end
    was written a year and 12 hours away. Once the clock is put right, it holds nothing back
    (no back-off lasts more than a week) instead of a year; X's lock still holds, whatever
    the time, until the account is seen unlocked."""
    from consentinel.core.signin_rules import may_sign_in

    paths = AppPaths.from_env().ensure()
    store = AccountStore(paths)
    for handle in ("alice", "bob", "carol"):
        store.add(Account(handle))
    now = datetime(2026, 5, 1, 12, tzinfo=timezone.utc)
    ahead = now + timedelta(days=365)
    store.block("alice", Reason.CAPTCHA, hours=12, now=ahead)
    store.block("bob", Reason.LOCKED, now=ahead)
    alice, bob = (AccountStore(paths).state(h) for h in ("alice", "bob"))  # as read from the file
    assert alice.blocked_until == ahead + timedelta(hours=12)  # kept as written
    assert not alice.is_blocked(now) and alice.backoff_until(now) is None
    assert not alice.sign_in_held(now, unattended=True)
    assert may_sign_in("alice", alice, now, unattended=True) is None
    refusal = may_sign_in("bob", bob, now, unattended=True)
    assert refusal is not None and refusal.reason is Reason.LOCKED
    # The longest back-off there is, a week, holds to its end.
    for _ in range(5):
        state = store.block("carol", Reason.REFUSED, hours=12, now=now)
    assert state.backoff_until(now) == state.blocked_until == now + timedelta(days=7)
    assert state.is_blocked(now) and state.is_blocked(now + timedelta(days=6, hours=23))
    assert may_sign_in("carol", state, now) is not None


def test_a_back_off_begun_while_the_clock_was_days_ahead_ends_with_the_clock_set_right(
    consentinel_home: Path,
) -> None:
    """A 12-hour back-off set while the clock was 3 days fast ends within the week's bound:
    it held sign-ins back 3.5 days after the clock was put right. It began after now, so it
    was set by a clock ahead; a back-off that began a moment ago holds, also read back from
    the file, and one from a file written before its beginning was kept still reads."""
    paths = AppPaths.from_env().ensure()
    store = AccountStore(paths)
    for handle in ("alice", "bob"):
        store.add(Account(handle))
    now = datetime(2026, 5, 1, 12, tzinfo=timezone.utc)
    store.block("alice", Reason.CAPTCHA, hours=12, now=now + timedelta(days=3))
    alice = AccountStore(paths).state("alice")
    assert not alice.is_blocked(now + timedelta(hours=1))
    assert alice.backoff_until(now + timedelta(hours=1)) is None
    store.block("bob", Reason.CAPTCHA, hours=12, now=now)
    bob = AccountStore(paths).state("bob")
    assert bob.blocked_since == now
    assert bob.is_blocked(now + timedelta(hours=1)) and not bob.is_blocked(
        now + timedelta(hours=13)
    )
    # A few minutes' skew (time synchronisation stepping the clock back) keeps it.
    assert bob.is_blocked(now - timedelta(minutes=2))
    # Written by an earlier version (no beginning kept): the week's bound, as before.
    raw = bob.to_json()
    del raw["blocked_since"]
    older = AccountState.from_json(raw)
    assert older.blocked_since is None and older.is_blocked(now + timedelta(hours=1))
    store.unblock("bob")
    assert store.state("bob").blocked_since is None


def test_every_account_with_its_state_in_one_read(consentinel_home: Path) -> None:
    paths = AppPaths.from_env().ensure()
    store = AccountStore(paths)
    for handle in ("alice", "Bob", "carol"):
        store.add(Account(handle))
    now = datetime(2026, 5, 1, 12, tzinfo=timezone.utc)
    store.record_check("BOB", Status.FIXED, at=now)
    pairs = store.list_with_states()
    assert [(a.handle, s.last_status) for a, s in pairs] == [
        ("alice", None),
        ("Bob", Status.FIXED),
        ("carol", None),
    ]
    assert pairs == [(a, store.state(a.handle)) for a in store.list()]


def test_what_another_process_wrote_is_seen_however_alike(consentinel_home: Path) -> None:
    """A window's store parses the file again only when its text changed: a change written by
    another process (a scheduled check) is seen at the next read, even one that leaves the
    file the same size, written within the same instant, in a file that has the same name."""
    paths = AppPaths.from_env().ensure()
    window = AccountStore(paths)
    window.add(Account("alice"))
    assert window.state("alice").totp_step is None
    scheduled = AccountStore(paths)  # as a second process has it
    scheduled.set_state("alice", AccountState(totp_step=1111))
    assert window.state("alice").totp_step == 1111
    size = paths.accounts_path.stat().st_size
    scheduled.set_state("alice", AccountState(totp_step=2222))
    assert paths.accounts_path.stat().st_size == size  # the same size, other words
    assert window.state("alice").totp_step == 2222
    # Written in place by hand (an editor), not replaced: seen too.
    text = paths.accounts_path.read_text()
    with open(paths.accounts_path, "r+", encoding="utf-8") as file:
        file.write(text.replace("2222", "3333"))
    assert window.state("alice").totp_step == 3333


def test_a_list_read_can_be_changed_without_changing_the_next(consentinel_home: Path) -> None:
    paths = AppPaths.from_env().ensure()
    store = AccountStore(paths)
    store.add(Account("alice"))
    store.record_check("alice", Status.FIXED)
    first = store.list()
    first.append(Account("mallory"))
    pairs = store.list_with_states()
    pairs.clear()
    accounts, states = store._read()
    accounts.clear()
    states.clear()
    assert [a.handle for a in store.list()] == ["alice"]
    assert store.state("alice").last_status is Status.FIXED


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("{not json", "could not be read"),
        (json.dumps({"version": 99, "accounts": []}), "newer Consentinel"),
        (json.dumps({"version": 1, "accounts": [{"handle": "bad handle!"}]}), "could not be read"),
    ],
)
def test_unreadable_file_is_set_aside_with_a_warning(
    consentinel_home: Path, content: str, words: str
) -> None:
    paths = AppPaths.from_env().ensure()
    paths.accounts_path.write_text(content)
    store = AccountStore(paths)
    assert store.load_warning is not None and words in store.load_warning
    assert store.list() == []
    kept = [p for p in paths.config_dir.iterdir() if p.name.startswith("accounts.json.")]
    assert len(kept) == 1 and kept[0].read_text() == content
    assert str(kept[0]) in store.load_warning
    store.add(Account("alice"))
    assert [a.handle for a in AccountStore(paths).list()] == ["alice"]


def test_plain_digests_of_refused_answers_from_before_are_dropped(consentinel_home: Path) -> None:
    """A plain SHA-256 of an email is found again by hashing likely addresses: those written
    before answers were hashed with a key are forgotten (X may refuse that answer once more)."""
    import hashlib

    paths = AppPaths.from_env().ensure()
    plain = hashlib.sha256(b"old@example.com").hexdigest()
    raw = {"version": 1, "accounts": [Account("ann").to_json()], "states": {}}
    raw["states"] = {"ann": {"refused_answers": [plain]}}
    paths.accounts_path.write_text(json.dumps(raw))
    store = AccountStore(paths)
    assert store.state("ann").refused_answers == ()
    key = b"k" * 32
    store.remember_refused_answer("ann", " Old@Example.com ", key)
    store.record_check("ann", Status.FIXED)
    saved = paths.accounts_path.read_text()
    assert plain not in saved
    # (kept naming its key: compared only under it)
    assert store.state("ann").refused_answers == (secret_digest("old@example.com", key),)
    assert answer_digest("old@example.com", b"x" * 32) != answer_digest("old@example.com", key)


def test_x_s_lock_outlasts_a_back_off_for_another_reason(consentinel_home: Path) -> None:
    """Locked, then X asks to slow down (a 429 while the locked account's page was read): the
    hour's back-off over, the lock still keeps automatic sign-ins away; only the account seen
    unlocked ends it."""
    from consentinel.core.signin_rules import may_sign_in, page_was_read

    paths = AppPaths.from_env().ensure()
    store = AccountStore(paths)
    store.add(Account("alice"))
    now = datetime(2026, 1, 1, tzinfo=timezone.utc)
    store.block("alice", Reason.LOCKED, hours=12, now=now)
    store.block("alice", Reason.RATE_LIMITED, hours=1, now=now)
    later = now + timedelta(days=30)
    refusal = may_sign_in("alice", store.state("alice"), later)
    assert refusal is not None and refusal.reason is Reason.LOCKED
    page_was_read(store, "alice")
    assert may_sign_in("alice", store.state("alice"), later) is None


def test_what_a_check_learns_of_an_account_removed_meanwhile_is_dropped(
    consentinel_home: Path,
) -> None:
    """Another process removed @alice while her check ran: what the check then remembers of
    her (its end, a back-off, a refusal, a code's step…) is not kept and raises nothing, so
    that the check ends and the run goes on; @bob's state is untouched."""
    paths = AppPaths.from_env().ensure()
    store = AccountStore(paths)
    store.add(Account("alice"))
    store.add(Account("bob"))
    store.block("bob", Reason.REFUSED)
    bob = store.state("bob")
    AccountStore(paths).remove("alice")  # (the other process's own reading of the list)

    store.record_check("alice", Status.FIXED)
    assert store.block("alice", Reason.RATE_LIMITED, hours=1).block_reason is Reason.RATE_LIMITED
    store.mark_password_rejected("alice")
    store.set_waits_for_person("alice", Reason.TWO_FACTOR)
    store.remember_refused_totp("alice", "hmac-sha256:00")
    store.remember_totp_step("alice", 42)
    store.totp_saved("alice")
    store.unblock("alice")
    assert [a.handle for a in store.list()] == ["bob"]
    assert store.state("alice") == AccountState() and store.state("bob") == bob
    assert "alice" not in paths.accounts_path.read_text()
