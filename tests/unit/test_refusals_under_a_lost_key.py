"""What X refused, kept under a refusals key the keyring has lost since (reset, the entry
removed) or replaced, holds until the person saves another one, never for good: a new email or
phone (`consentinel account edit`), a new password (`set-password`), the 2FA secret saved again
or used again (`set-totp --use-again`). Refusals still told stay. Real `consentinel` processes
on the real Secret Service, under the data folder's own keyring service."""

from __future__ import annotations

import base64
import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pyotp
import pytest
from keyring.backends.SecretService import Keyring as SecretServiceKeyring

from consentinel.core.accounts import Account, answer_digest, secret_digest
from consentinel.core.context import AppContext
from consentinel.core.identity_answers import answers_to_type, remember_refused
from consentinel.core.password_refusals import typed_password_digest
from consentinel.core.paths import AppPaths
from consentinel.core.signin_rules import remember_outcome
from consentinel.core.signin_secrets import secrets_to_type
from consentinel.core.status import Reason
from consentinel.core.totp_refusals import remember_refused_totp, totp_secret_to_use
from consentinel.core.vault import ANSWER_KEY_ENTRY, Vault
from tests.fixtures.keyring_fixtures import SecretServiceEnv, _delete_service_items

EMAIL, PHONE = "ann@example.com", "+33 6 12 34 56 78"
NEW_EMAIL, NEW_PHONE = "ann.new@example.com", "+33 7 98 76 54 32"


@pytest.fixture
def ann(secret_service: SecretServiceEnv, consentinel_home: Path) -> Iterator[AppContext]:
    """@ann with an email and a phone, her secrets in the data folder's own keyring service
    (where `consentinel` run by the test keeps them)."""
    service = AppPaths.from_env().keyring_service
    ctx = AppContext.create(vault=Vault(SecretServiceKeyring(), service=service))
    ctx.accounts.add(Account("ann", email=EMAIL, phone=PHONE))
    yield ctx
    _delete_service_items(secret_service.address, service)


def _consentinel(*args: str, stdin: str = "") -> str:
    """`consentinel ARGS`, a real process run to its end; what it printed."""
    done = subprocess.run(
        [sys.executable, "-m", "consentinel", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _key_changes(vault: Vault, change: str) -> None:
    if change == "lost":
        vault._delete(ANSWER_KEY_ENTRY)
    else:  # another process made its own
        vault._set(ANSWER_KEY_ENTRY, base64.b64encode(secrets.token_bytes(32)).decode())


def _answers(ctx: AppContext) -> tuple[str | None, str | None]:
    return answers_to_type(ctx, ctx.accounts.require_listed("ann"))


@pytest.mark.parametrize("change", ["lost", "replaced"])
def test_a_new_email_is_typed_once_a_refusal_cannot_be_told(ann: AppContext, change: str) -> None:
    """Before, the refusal under a key lost held both answers for good, the new email too:
    the person had to remove the account and add it again."""
    remember_refused(ann, "ann", EMAIL)
    _key_changes(ann.vault, change)
    assert _answers(ann) == (None, None)  # (which one X refused cannot be told)
    assert "Updated @ann." in _consentinel("account", "edit", "ann", "--email", NEW_EMAIL)
    assert _answers(ann) == (NEW_EMAIL, PHONE)
    assert ann.accounts.state("ann").refused_answers == ()


def test_refusals_still_told_stay_when_another_detail_is_saved(ann: AppContext) -> None:
    """Only those under another key go: the email refused under the key there is, and one
    refused before keys were named (compared under it, as then), stay refused."""
    key = ann.vault.get_or_create_answer_key()
    remember_refused(ann, "ann", EMAIL)
    named = ann.accounts.state("ann").refused_answers
    legacy = answer_digest("ann.old@example.com", key)
    lost = secret_digest(PHONE, secrets.token_bytes(32))  # (under a key lost since)
    ann.accounts._change_state(
        "ann", lambda state: state._replace(refused_answers=(*named, legacy, lost))
    )
    assert _answers(ann) == (None, None)
    _consentinel("account", "edit", "ann", "--keep", "training")  # (no answer saved)
    assert _answers(ann) == (None, None)
    _consentinel("account", "edit", "ann", "--phone", NEW_PHONE)
    assert _answers(ann) == (None, NEW_PHONE)  # the email X refused is still not typed
    assert ann.accounts.state("ann").refused_answers == (*named, legacy)
    _consentinel("account", "edit", "ann", "--email", "ann.old@example.com")
    assert _answers(ann) == (None, NEW_PHONE)


@pytest.mark.parametrize("change", ["lost", "replaced"])
def test_a_password_saved_again_is_typed_once_a_refusal_cannot_be_told(
    ann: AppContext, change: str
) -> None:
    ann.vault.set_password("ann", "old-password")
    digest = typed_password_digest(ann, "ann", "old-password")
    remember_outcome(ann.accounts, "ann", Reason.WRONG_PASSWORD, True, 12, rejected_password=digest)
    _key_changes(ann.vault, change)
    assert secrets_to_type(ann, ann.accounts.require_listed("ann"))[0].password is None
    _consentinel("account", "set-password", "ann", "--password-stdin", stdin="new-password\n")
    assert not ann.accounts.state("ann").password_rejected
    assert secrets_to_type(ann, ann.accounts.require_listed("ann"))[0].password == "new-password"


@pytest.mark.parametrize("change", ["lost", "replaced"])
def test_the_2fa_secret_used_again_makes_codes_once_a_refusal_cannot_be_told(
    ann: AppContext, change: str
) -> None:
    secret = pyotp.random_base32()
    ann.vault.set_totp("ann", secret)
    remember_refused_totp(ann, "ann", secret)
    _key_changes(ann.vault, change)
    assert totp_secret_to_use(ann, "ann", secret) is None
    out = _consentinel("account", "set-totp", "ann", "--use-again")
    assert "Checks make codes from the 2FA secret saved for @ann again." in out
    assert totp_secret_to_use(ann, "ann", secret) == secret
