"""core/totp_refusals.py: a saved 2FA secret whose code X refused makes no code again until
it is saved again; only a keyed hash of it is kept."""

from __future__ import annotations

import base64
import secrets
from pathlib import Path

import pyotp
import pytest

from consentinel.core.accounts import Account, AccountState
from consentinel.core.check_messages import SAVED_CODE_NOT_TAKEN
from consentinel.core.context import AppContext
from consentinel.core.memory_keyring import MemoryKeyring
from consentinel.core.paths import AppPaths
from consentinel.core.signin_rules import may_sign_in, remember_outcome
from consentinel.core.status import Reason
from consentinel.core.totp_refusals import (
    refused_saved_totp,
    remember_refused_totp,
    totp_secret_to_use,
)
from consentinel.core.vault import ANSWER_KEY_ENTRY, Vault


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


def test_what_a_wait_said_is_kept_with_it_and_goes_with_it(tmp_path: Path) -> None:
    """The scheduled runs that wait say what the sign-in said (SAVED_CODE_NOT_TAKEN): kept
    in the accounts file with the wait, gone when a secret saved again ends the wait, and only
    Consentinel's own words are kept (never X's text, nor an unknown value from the file)."""
    ctx = _ctx(tmp_path)
    remember_outcome(ctx.accounts, "tess", Reason.TWO_FACTOR, True, 6, unattended=True,
                     detail=SAVED_CODE_NOT_TAKEN)  # fmt: skip
    state = ctx.accounts.state("tess")
    assert (state.waits_for_person, state.waits_detail) == (Reason.TWO_FACTOR, SAVED_CODE_NOT_TAKEN)
    assert AccountState.from_json(state.to_json()) == state
    refusal = may_sign_in("tess", state, unattended=True)
    assert refusal is not None and "without saying it was wrong" in refusal.message
    ctx.accounts.totp_saved("tess")
    state = ctx.accounts.state("tess")
    assert (state.waits_for_person, state.waits_detail) == (None, "")
    remember_outcome(ctx.accounts, "tess", Reason.UNKNOWN_ACCOUNT, True, 6, unattended=True,
                     detail="Sorry, we could not find your account.")  # fmt: skip
    assert ctx.accounts.state("tess").waits_detail == ""
    garbage = {"waits_for_person": "two_factor", "waits_detail": ["x"]}
    assert AccountState.from_json(garbage).waits_detail == ""
    assert AccountState.from_json({"waits_detail": SAVED_CODE_NOT_TAKEN}).waits_detail == ""


@pytest.mark.parametrize("change", ["lost", "replaced"])
def test_a_refused_secret_is_not_used_again_once_the_key_changed(
    tmp_path: Path, real_vault: Vault, change: str
) -> None:
    """In the real Secret Service: the refusals key lost (the entry deleted, the keyring reset)
    or replaced (another process made its own at the same first use). The refused secret's
    hash cannot be compared: no code is made from it (X would refuse it, toward its lock); the
    person types the code, or saves the secret again."""
    ctx = AppContext.create(AppPaths.under(tmp_path), vault=real_vault)
    ctx.accounts.add(Account("tess"))
    refused = pyotp.random_base32()
    real_vault.set_totp("tess", refused)
    remember_refused_totp(ctx, "tess", refused)
    assert totp_secret_to_use(ctx, "tess", refused) is None
    if change == "lost":
        real_vault._delete(ANSWER_KEY_ENTRY)
    else:
        other = Vault(type(real_vault.backend)(), service=real_vault.service)
        other._set(ANSWER_KEY_ENTRY, base64.b64encode(secrets.token_bytes(32)).decode())
    assert totp_secret_to_use(ctx, "tess", refused) is None
    assert refused_saved_totp(ctx, "tess", real_vault.get_totp("tess"))  # ("use it again")
    if change == "lost":
        assert real_vault.get_answer_key() is None  # none made by looking
    ctx.accounts.totp_saved("tess")  # saved again, or "use the saved secret again"
    assert totp_secret_to_use(ctx, "tess", refused) == refused


def test_an_emptied_2fa_entry_is_none_saved_not_a_secret_no_code_comes_from(
    tmp_path: Path,
) -> None:
    """A 2FA secret emptied in the keyring's own app (Seahorse) is none saved: the check asks
    for the code as for an account with none ("save the account's 2FA secret"), not "the 2FA
    secret saved … is not a valid one"; one changed into something else is that."""
    from consentinel.core.signin_secrets import secrets_to_type

    ctx = _ctx(tmp_path)
    ctx.vault.set_password("tess", "pw-tess")
    ctx.vault.set_totp("tess", "")
    assert (ctx.vault.get_password("tess"), ctx.vault.get_totp("tess")) == ("pw-tess", None)
    secrets, totp_secret = secrets_to_type(ctx, Account("tess"))
    assert (secrets.totp_not_valid, secrets.totp_refused, secrets.totp_code) == (False, False, None)
    assert totp_secret is None
    ctx.vault.set_totp("tess", "not a secret at all!")
    secrets, totp_secret = secrets_to_type(ctx, Account("tess"))
    assert (secrets.totp_not_valid, secrets.totp_refused, secrets.totp_code) == (True, False, None)
    assert totp_secret is None


class _StoppedClock:
    """A clock that stays where it is put (the generator's seam)."""

    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_saving_the_secret_again_forgets_the_step_remembered_in_memory(tmp_path: Path) -> None:
    """Using the saved 2FA secret again (the window's save) and saving it again forget the
    time-step this process took a code at: one taken while the clock was wrong would hold
    the next code back. (A generator without the accounts file, to see its memory alone.)"""
    from consentinel.core.account_secrets_saving import lift_refusals, write_secrets
    from consentinel.core.totp import TotpGenerator

    ctx = _ctx(tmp_path)
    secret = pyotp.random_base32()
    ctx.vault.set_totp("tess", secret)
    clock = _StoppedClock(1_700_000_005.0)
    generator = TotpGenerator(clock=clock)
    ctx._totp = generator  # (the process's generator, its clock held still)
    generator.code("tess", secret)
    assert generator.wait_needed("tess", secret) > 0
    remember_refused_totp(ctx, "tess", secret)
    written = write_secrets(
        ctx, Account("tess"), new=False, password="", totp=None, remove_totp=False
    )
    lift_refusals(ctx, written, totp_again=True)
    assert generator.wait_needed("tess", secret) == 0.0
    assert totp_secret_to_use(ctx, "tess", secret) == secret
    generator.code("tess", secret)
    ctx.totp_saved("tess")  # (`account set-totp`, the secret typed again)
    assert generator.wait_needed("tess", secret) == 0.0
