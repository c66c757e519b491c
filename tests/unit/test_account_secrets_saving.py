"""What saving an account's secrets refuses on its own, whoever calls it (the dialog refuses
the same first): a password of spaces only, which the keyring would hand back as none."""

from __future__ import annotations

from pathlib import Path

import pytest

from consentinel.core.account_secrets_saving import SaveFailed, write_secrets
from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.i18n import speaking
from consentinel.core.paths import AppPaths
from consentinel.core.vault import MemoryKeyring, Vault


def _ctx(home: Path) -> AppContext:
    ctx = AppContext.create(AppPaths.under(home), vault=Vault(MemoryKeyring()))
    ctx.accounts.add(Account("tess"))
    ctx.vault.set_password("tess", "the good one")
    return ctx


@pytest.mark.parametrize("spaces", [" ", "   ", " \t "])
def test_a_password_of_spaces_only_is_refused_and_nothing_is_written(
    tmp_path: Path, spaces: str
) -> None:
    ctx = _ctx(tmp_path)
    with pytest.raises(SaveFailed, match=r"^The password is only spaces: nothing was saved\.$"):
        write_secrets(
            ctx, Account("tess"), new=False, password=spaces, totp=None, remove_totp=False
        )
    assert ctx.vault.backend.get_password(ctx.vault.service, "tess:password") == "the good one"
    with pytest.raises(SaveFailed):
        write_secrets(
            ctx,
            Account("ivy"),
            new=True,
            password=spaces,
            totp="JBSWY3DPEHPK3PXP",
            remove_totp=False,
        )
    assert ctx.vault.get_totp("ivy") is None
    assert [account.handle for account in ctx.accounts.list()] == ["tess"]


def test_the_refusal_in_french(tmp_path: Path) -> None:
    ctx = _ctx(tmp_path)
    with speaking("fr"), pytest.raises(SaveFailed) as refused:
        write_secrets(ctx, Account("tess"), new=False, password="  ", totp=None, remove_totp=False)
    assert str(refused.value) == (
        "Le mot de passe n'est fait que d'espaces\u00a0: rien n'a été enregistré."
    )


def test_spaces_within_a_password_are_kept(tmp_path: Path) -> None:
    ctx = _ctx(tmp_path)
    write_secrets(
        ctx, Account("tess"), new=False, password=" new one ", totp=None, remove_totp=False
    )
    assert ctx.vault.get_password("tess") == " new one "
