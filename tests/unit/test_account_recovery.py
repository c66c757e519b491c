"""An accounts file lost (set aside as damaged or a newer version's, or deleted): the journal
says so, and the accounts it knows come back with the boxes they kept off; `account list` and
`account restore` say it in the person's language. Real files and a real journal."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from consentinel.cli.main import main
from consentinel.core.account_recovery import accounts_the_journal_knows, add_back
from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.journal_entries import EntryKind
from consentinel.core.memory_keyring import MemoryKeyring
from consentinel.core.paths import AppPaths
from consentinel.core.status import ALL_BOXES, Box, Reason, Status
from consentinel.core.totp_refusals import (
    refuse_saved_totp,
    remember_refused_totp,
    totp_secret_to_use,
)
from consentinel.core.vault import Vault


def _context(home: Path) -> AppContext:
    return AppContext.create(AppPaths.under(home), vault=Vault(MemoryKeyring()))


def _history(ctx: AppContext) -> None:
    """alice and bob (who then keeps only training off) are added; carol is added then
    removed; dan is removed, then added again with memory left on; erin was added by an older
    Consentinel, whose journal did not keep the boxes."""
    for handle in ("alice", "bob", "carol", "dan"):
        ctx.accounts.add(Account(handle))
        ctx.journal.append_account_added(handle, keep=ALL_BOXES)
    ctx.accounts.update(Account("bob", keep=frozenset({Box.TRAINING})))
    keep = {"before": [b.value for b in ALL_BOXES], "after": ["training"]}
    ctx.journal.record_account_edited("bob", {"keep": keep, "email": "added"})
    for handle in ("carol", "dan"):
        ctx.accounts.remove(handle)
        ctx.journal.append_account_removed(handle)
    dan = Account("dan", keep=frozenset(ALL_BOXES) - {Box.MEMORY})
    ctx.accounts.add(dan)
    ctx.journal.append_account_added("dan", keep=dan.keep)
    ctx.accounts.add(Account("erin"))
    ctx.journal.append(EntryKind.ACCOUNT_ADDED, "erin", {})


EVERY = frozenset(ALL_BOXES)
KNOWN = {
    "alice": (EVERY, True),
    "bob": (frozenset({Box.TRAINING}), True),
    "dan": (EVERY - {Box.MEMORY}, True),
    "erin": (EVERY, False),  # the default, said as a guess
}


def test_the_journal_knows_the_accounts_added_and_not_removed_with_their_boxes(
    tmp_path: Path,
) -> None:
    ctx = _context(tmp_path / "home")
    _history(ctx)
    known = accounts_the_journal_knows(ctx.journal)
    assert {k.handle: (k.account.keep, k.boxes_known) for k in known} == KNOWN
    assert add_back(ctx.journal, ctx.accounts).added == ()  # none is missing


def test_a_damaged_accounts_file_is_journaled_and_its_accounts_come_back(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    ctx = _context(home)
    _history(ctx)
    check = ctx.journal.append(
        EntryKind.CHECK, "alice", {"status": "needs_user", "reason": "two_factor"}
    )
    # What the sign-in rules knew: X refused alice's password (no new one since) and bob's (a
    # new one saved since); X locked dan (not seen unlocked since) and erin (read since).
    wrong = {"outcome": "signin_failed", "reason": "wrong_password"}
    for handle in ("alice", "bob"):
        ctx.journal.append(EntryKind.SIGNIN, handle, wrong)
    ctx.journal.record_account_edited("bob", {"new_password": True})
    for handle in ("dan", "erin"):
        ctx.journal.append(EntryKind.CHECK, handle, {"status": "needs_user", "reason": "locked"})
    ctx.journal.append(EntryKind.CHECK, "erin", {"status": "opted_out", "reason": None})
    text = ctx.paths.accounts_path.read_text()
    ctx.journal.close()
    ctx.paths.accounts_path.write_text(text[:120])  # cut short, as by a full disk

    ctx = _context(home)
    assert ctx.accounts.list() == []
    warning = ctx.accounts.load_warning or ""
    assert "still in the keyring" in warning and "consentinel account restore" in warning
    (entry,) = ctx.journal.entries(kinds=[EntryKind.ACCOUNTS_SET_ASIDE])
    kept = ctx.paths.accounts_path.parent / entry.payload["moved_to"]
    assert entry.payload["why"] == "corrupt" and kept.read_text() == text[:120]

    recovered = add_back(ctx.journal, ctx.accounts)
    assert recovered.problem is None
    assert {k.handle: (k.account.keep, k.boxes_known) for k in recovered.added} == KNOWN
    assert {a.handle: a.keep for a in ctx.accounts.list()} == {h: k for h, (k, _) in KNOWN.items()}
    added = ctx.journal.entries(kinds=[EntryKind.ACCOUNT_ADDED])[-4:]
    assert [(e.handle, e.payload["added_back"]) for e in added] == [
        (h, True) for h in ("alice", "bob", "dan", "erin")
    ]
    assert ctx.journal.verify().ok
    assert add_back(ctx.journal, ctx.accounts).added == ()
    # Each row says what its last check found, not "not checked yet".
    alice = ctx.accounts.state("alice")
    assert (alice.last_status, alice.last_reason) == (Status.NEEDS_USER, Reason.TWO_FACTOR)
    assert alice.last_check_at == datetime.fromisoformat(check.ts)
    assert ctx.accounts.state("bob").last_check_at is None  # never checked
    # The sign-in rules that still held: a refused password is not sent again, nor is a locked
    # account signed in to by itself.
    state = {h: ctx.accounts.state(h) for h in ("alice", "bob", "dan", "erin")}
    assert state["alice"].password_rejected and not state["bob"].password_rejected
    assert state["dan"].block_reason is Reason.LOCKED and state["erin"].block_reason is None

    # Lost a second time: each comes back as the first adding back left it.
    ctx.paths.accounts_path.unlink()
    again = {k.handle: k.account.keep for k in add_back(ctx.journal, ctx.accounts).added}
    assert again == {h: k for h, (k, _) in KNOWN.items()}


def test_no_promise_of_adding_back_when_the_journal_knows_no_account(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path / "home").ensure()
    paths.accounts_path.parent.mkdir(parents=True, exist_ok=True)
    paths.accounts_path.write_text("{not json")
    ctx = _context(tmp_path / "home")
    warning = ctx.accounts.load_warning or ""
    assert "could not be read" in warning and "keyring" not in warning, warning
    assert [e.kind for e in ctx.journal.entries()] == [EntryKind.ACCOUNTS_SET_ASIDE]


def test_a_file_damaged_while_the_app_runs_is_journaled_too(tmp_path: Path) -> None:
    ctx = _context(tmp_path / "home")
    _history(ctx)
    ctx.paths.accounts_path.write_text('{"version": 99, "accounts": []}')  # a newer version's
    assert ctx.accounts.list() == []
    (entry,) = ctx.journal.entries(kinds=[EntryKind.ACCOUNTS_SET_ASIDE])
    assert entry.payload["why"] == "newer"


def test_the_command_line_offers_and_does_the_adding_back(
    tmp_path: Path,
    consentinel_home: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ctx = _context(consentinel_home)
    _history(ctx)
    ctx.journal.close()
    ctx.paths.accounts_path.unlink()  # deleted by hand

    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    assert main(["account", "list"]) == 0
    said = capsys.readouterr().out
    assert (
        "Le journal connaît 4 comptes qui manquent à la liste (@alice, @bob, @dan, @erin)" in said
    )

    assert main(["account", "restore"]) == 0
    said = capsys.readouterr().out
    assert said.startswith(
        "@alice rajouté.\n@bob rajouté.\n@dan rajouté.\n@erin rajouté, toutes ses cases "
        "gardées décochées\u00a0: le journal ne dit pas lesquelles"
    ), said
    assert main(["account", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["handle"]: r["keep"] for r in rows} == {
        h: sorted(b.value for b in k) for h, (k, _) in KNOWN.items()
    }
    assert main(["account", "restore"]) == 0
    assert capsys.readouterr().out.startswith("Rien à rajouter")
    assert main(["log"]) == 0
    assert "rajouté d'après le journal" in capsys.readouterr().out


def test_a_2fa_secret_x_refused_stays_unused_when_its_account_is_added_back(
    tmp_path: Path,
) -> None:
    """X called the code from ann's saved secret incorrect; the lost list knew not to make
    codes from it (a wrong code counts toward X's lock). Added back, ann's secret still makes
    none. Not so for ben (a new secret saved since), cal (signed in since) or dee (its
    secret removed since)."""
    refused, new = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
    ctx = _context(tmp_path / "home")
    for handle in ("ann", "ben", "cal", "dee"):
        ctx.accounts.add(Account(handle))
        ctx.journal.append_account_added(handle, keep=ALL_BOXES)
        ctx.vault.set_totp(handle, refused)
        ctx.journal.record_signin(None, handle, "needs_user", Reason.TWO_FACTOR, totp_refused=True)
        remember_refused_totp(ctx, handle, refused)
    ctx.vault.set_totp("ben", new)
    ctx.journal.record_account_edited("ben", {"new_2fa_secret": True})
    ctx.journal.record_signin(None, "cal", "ok")
    ctx.vault.delete_totp("dee")
    ctx.journal.record_account_edited("dee", {"2fa_secret_removed": True})
    ctx.journal.close()
    ctx.paths.accounts_path.unlink()

    back = AppContext.create(ctx.paths, vault=ctx.vault)
    recovered = add_back(back.journal, back.accounts, lambda h: refuse_saved_totp(back, h))
    assert [k.handle for k in recovered.added] == ["ann", "ben", "cal", "dee"]
    assert totp_secret_to_use(back, "ann", refused) is None
    assert totp_secret_to_use(back, "ben", new) == new
    assert totp_secret_to_use(back, "cal", refused) == refused
    assert back.accounts.state("dee").refused_totp is None
    assert refused not in back.paths.accounts_path.read_text()  # a keyed hash only


def test_a_back_off_comes_back_with_its_account_until_the_end_the_journal_gives(
    consentinel_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The list is lost after X refused @refused's sign-in 2 hours ago (12 hours' back-off),
    said "too many requests" to @ratel's check 30 minutes ago (1 hour) and to @ratesign's
    sign-in as long ago (1 hour too, not a refusal's 12), refused @twice twice
    in a row (the second back-off twice as long), and refused @past 13 hours ago and @okafter
    before a sign-in that worked. `account restore` brings the back-offs back, ending when
    they ended in the lost list (from the journal's times): @past's and @okafter's hold no
    more, so they are not revived."""
    from datetime import timedelta, timezone

    from consentinel.core.accounts import AccountStore
    from consentinel.core.events import AccountResult
    from consentinel.core.journal import Journal

    now = datetime.now(timezone.utc).replace(microsecond=0)
    clock = [now]
    paths = AppPaths.under(consentinel_home).ensure()
    store = AccountStore(paths)
    journal = Journal.open(paths.journal_path, clock=lambda: clock[0])
    handles = ("refused", "ratel", "ratesign", "twice", "past", "okafter", "windowed", "readded")
    for handle in handles:
        store.add(Account(handle))
        journal.append_account_added(handle, keep=ALL_BOXES)

    def refused(handle: str, hours_ago: float) -> None:
        clock[0] = now - timedelta(hours=hours_ago)
        run = journal.start_run("manual")
        journal.record_signin(run, handle, Status.SIGNIN_FAILED, Reason.REFUSED)
        journal.record_check(run, AccountResult(handle, Status.SIGNIN_FAILED, Reason.REFUSED))
        journal.finish_run(run)

    refused("twice", 30)
    refused("past", 13)
    refused("okafter", 3)
    refused("refused", 2)
    refused("twice", 1)
    clock[0] = now - timedelta(hours=2)
    journal.record_signin(None, "okafter", "ok")
    # The person's own sign-in in a window met a puzzle: the rules held nothing back for it.
    journal.record_signin(None, "windowed", Status.NEEDS_USER, Reason.CAPTCHA)
    # Refused, its password rejected, then removed and added again: begun afresh.
    refused("readded", 3)
    clock[0] = now - timedelta(hours=2, minutes=30)
    journal.record_signin(None, "readded", Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD)
    store.remove("readded")
    journal.append_account_removed("readded")
    store.add(Account("readded"))
    journal.append_account_added("readded", keep=ALL_BOXES)
    clock[0] = now - timedelta(minutes=30)
    run = journal.start_run("schedule")
    journal.record_check(run, AccountResult("ratel", Status.ERROR, Reason.RATE_LIMITED))
    journal.record_signin(run, "ratesign", Status.ERROR, Reason.RATE_LIMITED)
    journal.record_check(run, AccountResult("ratesign", Status.ERROR, Reason.RATE_LIMITED))
    journal.finish_run(run)
    journal.close()
    paths.accounts_path.write_text("garbage\n")

    assert main(["account", "list"]) == 2  # only looks: said, and left as it is
    assert main(["account", "restore"]) == 0  # sets the damaged file aside, adds back
    capsys.readouterr()
    back = AccountStore(paths)
    hours = timedelta(hours=1)
    expected = {
        "refused": (now + 10 * hours, Reason.REFUSED, 1),
        "ratel": (now + hours / 2, Reason.RATE_LIMITED, 1),
        "ratesign": (now + hours / 2, Reason.RATE_LIMITED, 1),
        "twice": (now + 23 * hours, Reason.REFUSED, 2),
        "past": (now - hours, Reason.REFUSED, 1),  # ended an hour ago, as it had
    }
    for handle, (until, reason, in_a_row) in expected.items():
        state = back.state(handle)
        assert (state.blocked_until, state.block_reason) == (until, reason), handle
        assert state.backoffs_in_a_row == in_a_row, handle
    assert back.state("okafter").blocked_until is None
    assert back.state("windowed").blocked_until is None
    assert back.state("readded").blocked_until is None
    assert not back.state("readded").password_rejected
    held = {h for h in handles if back.state(h).sign_in_held(now, unattended=True)}
    assert held == {"refused", "ratel", "ratesign", "twice"}
    assert main(["account", "list", "--json"]) == 0
    rows = {r["handle"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["refused"]["blocked_until"] is not None
    assert rows["okafter"]["blocked_until"] is None
