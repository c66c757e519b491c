"""core/totp_refusals.py: a saved 2FA secret whose code X refused makes no code again until
it is saved again; only a keyed hash of it is kept."""

from __future__ import annotations

from pathlib import Path

import pyotp

from consentinel.core.accounts import Account, AccountState
from consentinel.core.context import AppContext
from consentinel.core.memory_keyring import MemoryKeyring
from consentinel.core.paths import AppPaths
from consentinel.core.status import Reason
from consentinel.core.totp_refusals import remember_refused_totp, totp_secret_to_use
from consentinel.core.vault import Vault


def _ctx(home: Path) -> AppContext:
    ctx = AppContext.create(AppPaths.under(home), vault=Vault(MemoryKeyring()))
    ctx.accounts.add(Account("tess"))
    return ctx


def test_a_refused_secret_is_not_used_until_saved_again(tmp_path: Path) -> None:
    ctx = _ctx(tmp_path)
    refused, other = pyotp.random_base32(), pyotp.random_base32()
    assert totp_secret_to_use(ctx, "tess", refused) == refused
    remember_refused_totp(ctx, "tess", refused)
    assert totp_secret_to_use(ctx, "tess", refused) is None
    assert totp_secret_to_use(ctx, "tess", refused.lower()) is None  # the same secret
    assert totp_secret_to_use(ctx, "tess", other) == other  # changed some other way
    # Only a keyed hash is kept, in the accounts file: never the secret.
    text = ctx.paths.accounts_path.read_text()
    assert refused not in text and refused.lower() not in text and "hmac-sha256:" in text
    ctx.accounts.set_waits_for_person("tess", Reason.TWO_FACTOR)
    ctx.accounts.totp_saved("tess")
    state = ctx.accounts.state("tess")
    assert state.refused_totp is None and state.waits_for_person is None
    assert totp_secret_to_use(ctx, "tess", refused) == refused


def test_saving_a_secret_keeps_a_wait_for_another_step(tmp_path: Path) -> None:
    ctx = _ctx(tmp_path)
    ctx.accounts.set_waits_for_person("tess", Reason.EMAIL_CODE)
    ctx.accounts.totp_saved("tess")
    assert ctx.accounts.state("tess").waits_for_person is Reason.EMAIL_CODE


def test_the_refusal_survives_a_restart_and_a_bad_value_is_dropped() -> None:
    state = AccountState(refused_totp="hmac-sha256:" + "ab" * 32)
    assert AccountState.from_json(state.to_json()) == state
    assert AccountState.from_json({}).refused_totp is None  # a file from before
    assert AccountState.from_json({"refused_totp": "JBSWY3DPEHPK3PXP"}).refused_totp is None
