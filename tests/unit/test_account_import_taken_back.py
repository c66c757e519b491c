"""A row of an imported file whose save fails once its secrets are in the keyring
(core/account_import through core/account_secrets_saving, as "Add account…" saves): what it
wrote is taken back, the keyring left as the row found it (here the password a removed account
left), and the row skipped, said why without a secret."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import keyring.errors
import pytest

from consentinel.core.account_import import Outcome, import_accounts, parse_accounts
from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.journal_entries import EntryKind
from consentinel.core.memory_keyring import MemoryKeyring
from consentinel.core.paths import AppPaths
from consentinel.core.vault import Vault

PASSWORD = "Ribbon-Quarry-4417;x"
OTHER_PASSWORD = "Lantern-Moss-2290"
TOTP = "JBSWY3DPEHPK3PXP"
#: What a removed account left in the keyring: the row found it there, and puts it back.
LEFT_BEHIND = "Left-Behind-Pw-31"


class _Keyring(MemoryKeyring):
    """The in-memory keyring, with what the test has it do as a row's secrets are written:
    `refuse_totp`, lock itself at the 2FA secret (a real keyring's unlock prompt dismissed
    half-way, which cannot be driven from a test); `after_password`, run once a password is
    written (another writer meanwhile)."""

    def __init__(self) -> None:
        super().__init__()
        self.refuse_totp = False
        self.after_password: Callable[[], None] | None = None

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.refuse_totp and username.endswith(":totp"):
            raise keyring.errors.KeyringLocked("locked")
        super().set_password(service, username, password)
        if username.endswith(":password") and self.after_password is not None:
            self.after_password()


@pytest.fixture
def backend() -> _Keyring:
    return _Keyring()


@pytest.fixture
def ctx(backend: _Keyring, tmp_path: Path) -> Iterator[AppContext]:
    context = AppContext.create(AppPaths.under(tmp_path / "data"), vault=Vault(backend))
    yield context
    context.journal.close()


def test_a_row_the_keyring_refuses_halfway_leaves_the_keyring_as_it_was(
    ctx: AppContext, backend: _Keyring
) -> None:
    """The keyring locks itself at the row's 2FA secret: the password written just before is
    put back as it was, the row and the ones after it skipped with the keyring's reason, and
    nothing listed nor journaled."""
    ctx.vault.set_password("alice", LEFT_BEHIND)
    backend.refuse_totp = True
    text = f"handle,password,2fa secret\nalice,{PASSWORD},{TOTP}\nbob_b,{OTHER_PASSWORD},\n"
    results = import_accounts(ctx, parse_accounts(text, ctx.accounts.get))
    assert [r.outcome for r in results] == [Outcome.SKIPPED, Outcome.SKIPPED]
    assert results[0].keyring_refused
    reason = results[0].reason
    assert reason is not None and "locked" in reason and PASSWORD not in reason
    assert results[1].reason == reason
    assert ctx.vault.get_password("alice") == LEFT_BEHIND
    assert ctx.vault.get_totp("alice") is None
    assert ctx.vault.get_password("bob_b") is None
    assert ctx.accounts.list() == []
    assert ctx.journal.entries(kinds=[EntryKind.ACCOUNT_ADDED]) == []


def test_a_row_added_meanwhile_elsewhere_puts_back_what_the_keyring_held(
    ctx: AppContext, backend: _Keyring
) -> None:
    """The account is listed by another writer while the row's secrets are written (another
    window, `consentinel account add`): the row is skipped as listed already, the keyring's
    entries it wrote set back to what they held, and the other rows imported."""
    ctx.vault.set_password("carol", LEFT_BEHIND)

    def another_writer() -> None:
        if ctx.accounts.get("carol") is None:
            backend.after_password = None
            ctx.accounts.add(Account("carol"))

    backend.after_password = another_writer
    text = f"handle,password,2fa secret\ncarol,{PASSWORD},{TOTP}\nbob_b,{OTHER_PASSWORD},\n"
    results = import_accounts(ctx, parse_accounts(text, ctx.accounts.get))
    assert [(r.outcome, r.reason, r.listed) for r in results] == [
        (Outcome.SKIPPED, "@carol is already in your accounts.", True),
        (Outcome.IMPORTED, None, False),
    ]
    assert (ctx.vault.get_password("carol"), ctx.vault.get_totp("carol")) == (LEFT_BEHIND, None)
    assert ctx.vault.get_password("bob_b") == OTHER_PASSWORD
    assert [a.handle for a in ctx.accounts.list()] == ["carol", "bob_b"]
    added = ctx.journal.entries(kinds=[EntryKind.ACCOUNT_ADDED])
    assert [entry.handle for entry in added] == ["bob_b"]
