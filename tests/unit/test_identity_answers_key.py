"""An email or phone X refused at its "unusual activity" question is never typed again, even
when the keyring's refusals key changed since (lost, reset, made by another process at the same
first use): the key is read, never made, where hashes are compared, and a hash naming another
key holds both answers (X counts each refused answer toward locking the account). In the real
Secret Service."""

from __future__ import annotations

import base64
import secrets
from pathlib import Path

import pytest

from consentinel.core.accounts import Account, answer_digest
from consentinel.core.context import AppContext
from consentinel.core.identity_answers import answers_to_type, remember_refused
from consentinel.core.paths import AppPaths
from consentinel.core.vault import ANSWER_KEY_ENTRY, Vault

EMAIL, PHONE = "ann@example.com", "+33 6 12 34 56 78"


def _ann(tmp_path: Path, vault: Vault) -> tuple[AppContext, Account]:
    ctx = AppContext.create(AppPaths.under(tmp_path), vault=vault)
    ctx.accounts.add(Account("ann", email=EMAIL, phone=PHONE))
    account = ctx.accounts.get("ann")
    assert account is not None
    return ctx, account


def test_a_refused_answer_is_not_typed_and_the_other_is(tmp_path: Path, real_vault: Vault) -> None:
    ctx, account = _ann(tmp_path, real_vault)
    assert answers_to_type(ctx, account) == (EMAIL, PHONE)
    remember_refused(ctx, "ann", " ANN@example.com ")  # (case and spaces aside)
    assert answers_to_type(ctx, account) == (None, PHONE)


@pytest.mark.parametrize("change", ["lost", "replaced"])
def test_a_refused_answer_is_not_typed_once_the_key_changed(
    tmp_path: Path, real_vault: Vault, change: str
) -> None:
    """Before, a key lost was made anew where answers were compared, and a key replaced was
    used as it was: the refused email's hash matched nothing, and the email was typed again."""
    ctx, account = _ann(tmp_path, real_vault)
    remember_refused(ctx, "ann", EMAIL)
    if change == "lost":
        real_vault._delete(ANSWER_KEY_ENTRY)
    else:
        other = Vault(type(real_vault.backend)(), service=real_vault.service)
        other._set(ANSWER_KEY_ENTRY, base64.b64encode(secrets.token_bytes(32)).decode())
    assert answers_to_type(ctx, account) == (None, None)  # cannot tell: the person types it
    if change == "lost":
        assert real_vault.get_answer_key() is None  # none made by looking


def test_an_answer_refused_before_keys_were_named_is_still_not_typed(
    tmp_path: Path, real_vault: Vault
) -> None:
    """accounts.json from before: the hash names no key; compared under the key there is."""
    ctx, account = _ann(tmp_path, real_vault)
    key = real_vault.get_or_create_answer_key()
    ctx.accounts._change_state(
        "ann", lambda state: state._replace(refused_answers=(answer_digest(PHONE, key),))
    )
    assert answers_to_type(ctx, account) == (EMAIL, None)
