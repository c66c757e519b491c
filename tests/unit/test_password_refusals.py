"""core/password_refusals.py: X's "wrong password" is of the password the sign-in typed; a new
one saved meanwhile is typed next time. Only a keyed hash of the refused one is kept."""

from __future__ import annotations

import base64
import json
import secrets
from pathlib import Path

import pytest

from consentinel.core.accounts import Account, AccountState
from consentinel.core.context import AppContext
from consentinel.core.memory_keyring import MemoryKeyring
from consentinel.core.password_refusals import lift_stale_rejection, typed_password_digest
from consentinel.core.paths import AppPaths
from consentinel.core.signin_rules import may_sign_in, remember_outcome
from consentinel.core.signin_secrets import secrets_to_type
from consentinel.core.status import Reason
from consentinel.core.vault import ANSWER_KEY_ENTRY, Vault

OLD, NEW = "Old password 1", "new-right-pw"


def _ctx(home: Path) -> AppContext:
    ctx = AppContext.create(AppPaths.under(home), vault=Vault(MemoryKeyring()))
    ctx.accounts.add(Account("alice"))
    ctx.vault.set_password("alice", OLD)
    return ctx


def _typed(ctx: AppContext) -> str | None:
    secrets, _ = secrets_to_type(ctx, ctx.accounts.require_listed("alice"))
    return secrets.password


def _x_refuses(ctx: AppContext, typed: str | None) -> None:
    """X said "wrong password" to `typed`, as a check remembers it."""
    digest = typed_password_digest(ctx, "alice", typed)
    remember_outcome(
        ctx.accounts, "alice", Reason.WRONG_PASSWORD, True, 12, rejected_password=digest
    )


def _save_password(ctx: AppContext, password: str) -> None:
    """As `account set-password` and "Edit account…" save one."""
    with ctx.accounts.editing():
        ctx.vault.set_password("alice", password)
        ctx.accounts.clear_password_rejected("alice")


def test_a_password_saved_while_x_refused_the_old_one_is_typed(tmp_path: Path) -> None:
    ctx = _ctx(tmp_path)
    typed = _typed(ctx)
    assert typed == OLD
    _save_password(ctx, NEW)  # while the check signs in with the old one
    _x_refuses(ctx, typed)
    assert ctx.accounts.state("alice").password_rejected  # (of the old one)
    assert _typed(ctx) == NEW
    # Before the next sign-in the rejection of a password no longer saved is lifted.
    state = lift_stale_rejection(ctx, "alice")
    assert not state.password_rejected and ctx.accounts.state("alice") == state
    assert may_sign_in("alice", state) is None
    # Only a keyed hash was kept, never a password.
    assert OLD not in ctx.paths.accounts_path.read_text()


def test_the_refused_password_itself_is_not_typed_again(tmp_path: Path) -> None:
    ctx = _ctx(tmp_path)
    _x_refuses(ctx, _typed(ctx))
    text = ctx.paths.accounts_path.read_text()
    assert OLD not in text and OLD.lower() not in text and "hmac-sha256:" in text
    assert _typed(ctx) is None
    state = lift_stale_rejection(ctx, "alice")
    assert state.password_rejected
    refusal = may_sign_in("alice", state)
    assert refusal is not None and refusal.reason is Reason.WRONG_PASSWORD
    # The same letters in another case are another password: typed.
    ctx.vault.set_password("alice", OLD.lower())
    assert _typed(ctx) == OLD.lower()
    assert not lift_stale_rejection(ctx, "alice").password_rejected


def test_a_rejection_kept_without_its_hash_is_of_the_saved_password(tmp_path: Path) -> None:
    """accounts.json written before the hash was kept (or an account added back from the
    journal, which has none): the saved password is not typed, whatever it is, until a new one
    is saved as before."""
    ctx = _ctx(tmp_path)
    data = json.loads(ctx.paths.accounts_path.read_text())
    data["states"] = {"alice": {"password_rejected": True}}
    ctx.paths.accounts_path.write_text(json.dumps(data))
    ctx.vault.set_password("alice", NEW)  # (without lifting the rejection)
    assert _typed(ctx) is None
    assert lift_stale_rejection(ctx, "alice").password_rejected
    assert may_sign_in("alice", ctx.accounts.state("alice")) is not None
    _save_password(ctx, NEW)
    assert _typed(ctx) == NEW


def test_the_rejection_survives_a_restart_and_a_bad_value_is_dropped() -> None:
    state = AccountState(password_rejected=True, rejected_password="hmac-sha256:" + "cd" * 32)
    assert AccountState.from_json(state.to_json()) == state
    assert AccountState.from_json({"password_rejected": True}).rejected_password is None
    odd = AccountState.from_json({"password_rejected": True, "rejected_password": OLD})
    assert odd.password_rejected and odd.rejected_password is None


def _on_the_real_keyring(home: Path, vault: Vault) -> AppContext:
    ctx = AppContext.create(AppPaths.under(home), vault=vault)
    ctx.accounts.add(Account("alice"))
    ctx.vault.set_password("alice", OLD)
    return ctx


def _another_process_made_its_key(vault: Vault) -> None:
    """Another process created the key at the same first use, after this one (its lock is its
    own), or the entry was reset: the keyring now has another key."""
    other = Vault(type(vault.backend)(), service=vault.service)
    other._set(ANSWER_KEY_ENTRY, base64.b64encode(secrets.token_bytes(32)).decode())


@pytest.mark.parametrize("change", ["lost", "replaced", "unreadable"])
def test_the_refused_password_is_not_typed_again_once_the_key_changed(
    tmp_path: Path, real_vault: Vault, change: str
) -> None:
    """The reviewer's case, in the real Secret Service: the refusals key entry lost (deleted,
    the keyring reset, a folder's own service without it), replaced by another process's, or no
    key any more. The hash kept cannot be compared: the rejection holds, it is not lifted, and
    the refused password is not typed (X counts it toward its lock)."""
    ctx = _on_the_real_keyring(tmp_path, real_vault)
    _x_refuses(ctx, _typed(ctx))
    assert _typed(ctx) is None
    if change == "lost":
        real_vault._delete(ANSWER_KEY_ENTRY)
    elif change == "replaced":
        _another_process_made_its_key(real_vault)
    else:
        real_vault._set(ANSWER_KEY_ENTRY, "not a key")
    assert _typed(ctx) is None
    state = lift_stale_rejection(ctx, "alice")
    assert state.password_rejected and ctx.accounts.state("alice").password_rejected
    if change == "lost":  # looking made no key (one made now would match nothing kept)
        assert real_vault.get_answer_key() is None
    # A password saved again is typed, as ever.
    _save_password(ctx, NEW)
    assert _typed(ctx) == NEW


def test_a_stale_rejection_is_still_lifted_under_the_same_key(
    tmp_path: Path, real_vault: Vault
) -> None:
    """In the real keyring, a key read back by another process (another Vault: what a check
    in another process reads) is the same one: X's refusal of the old password, told by it,
    still lets the new one be typed."""
    ctx = _on_the_real_keyring(tmp_path, real_vault)
    typed = _typed(ctx)
    _save_password(ctx, NEW)
    _x_refuses(ctx, typed)
    vault = Vault(type(real_vault.backend)(), service=real_vault.service)
    other = AppContext.create(AppPaths.under(tmp_path), vault=vault)
    assert _typed(other) == NEW
    assert not lift_stale_rejection(other, "alice").password_rejected


def test_a_hash_kept_without_the_name_of_its_key_holds_the_rejection(tmp_path: Path) -> None:
    """As this version's first builds kept it: which key it was made under cannot be told."""
    ctx = _ctx(tmp_path)
    key = ctx.vault.get_or_create_answer_key()
    import hashlib
    import hmac

    mac = hmac.new(key, b"password:" + OLD.encode(), hashlib.sha256).hexdigest()
    remember_outcome(
        ctx.accounts, "alice", Reason.WRONG_PASSWORD, True, 12,
        rejected_password="hmac-sha256:" + mac,
    )  # fmt: skip
    ctx.vault.set_password("alice", NEW)  # (even another password: it cannot be told)
    assert _typed(ctx) is None
    assert lift_stale_rejection(ctx, "alice").password_rejected
