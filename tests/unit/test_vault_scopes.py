"""Each data folder keeps its secrets apart, in the real Secret Service: a demo or second
set-up (CONSENTINEL_HOME) never reads, overwrites or deletes the secrets of another folder's
account with the same handle, and a folder that used the service every folder shared before
0.2 finds its own accounts' secrets again, copied once."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from consentinel.core.accounts import Account, AccountStore
from consentinel.core.context import AppContext
from consentinel.core.data_eraser import erase_all_data
from consentinel.core.paths import AppPaths
from consentinel.core.vault import SERVICE, Vault
from tests.fixtures.keyring_fixtures import SecretServiceEnv, _delete_service_items


@pytest.fixture
def keyring_session(
    secret_service: SecretServiceEnv, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[SecretServiceEnv]:
    """The test keyring as the app finds it; every entry this test wrote removed afterwards.
    The platform's folders (which still use the shared service) are under tmp_path too."""
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / "platform" / name.lower()))
    used: list[str] = [SERVICE]
    yield secret_service
    for service in used:
        _delete_service_items(secret_service.address, service)


def _context(folder: Path) -> AppContext:
    return AppContext.create(AppPaths.under(folder))


def _forget(*contexts: AppContext, address: str) -> None:
    for ctx in contexts:
        ctx.journal.close()
        _delete_service_items(address, ctx.vault.service)


def test_two_folders_with_the_same_handle_keep_their_own_secrets(
    keyring_session: SecretServiceEnv, tmp_path: Path
) -> None:
    real, demo = _context(tmp_path / "real"), _context(tmp_path / "demo")
    assert real.vault.service != demo.vault.service
    try:
        for ctx, password in ((real, "real-password"), (demo, "demo-password")):
            ctx.accounts.add(Account("alice"))
            ctx.vault.set_password("alice", password)
        assert real.vault.get_password("alice") == "real-password"
        demo.vault.delete_account("alice")  # "account remove alice" in the demo folder
        assert real.vault.get_password("alice") == "real-password"
        assert demo.vault.get_password("alice") is None
        # The platform's own folders keep the service they always had.
        assert Vault().service == SERVICE == "org.consentinel.Consentinel"
    finally:
        _forget(real, demo, address=keyring_session.address)


def test_a_folder_finds_its_accounts_secrets_from_before_0_2_once(
    keyring_session: SecretServiceEnv, tmp_path: Path
) -> None:
    shared = Vault(service=SERVICE)  # where every folder kept its secrets before 0.2
    shared.set_password("bob", "bob-password")
    shared.set_totp("bob", "JBSWY3DPEHPK3PXP")
    shared.set_password("stranger", "not-this-folders")
    key = shared.get_or_create_session_key()
    refusals_key = shared.get_or_create_answer_key()
    folder = tmp_path / "portable"
    # A folder as 0.1 left it: its accounts, and nothing to say its secrets were copied.
    AccountStore(AppPaths.under(folder).ensure()).add(Account("bob"))

    ctx = _context(folder)
    try:
        assert ctx.vault.get_password("bob") == "bob-password"
        assert ctx.vault.get_totp("bob") == "JBSWY3DPEHPK3PXP"
        assert ctx.vault.get_or_create_session_key() == key  # saved sessions still open
        # What X refused of its accounts is still told from its hashes (a key made anew
        # would tell a refused password from none: it would be typed again).
        assert ctx.vault.get_or_create_answer_key() == refusals_key
        assert ctx.vault.get_password("stranger") is None  # only this folder's accounts
        marker = ctx.paths.keyring_adopted_path
        assert marker.is_file() and stat.S_IMODE(marker.stat().st_mode) == 0o600
        assert shared.get_password("bob") == "bob-password"  # nothing taken from the others

        # Once only: a secret the person removed later does not come back from the old place.
        ctx.vault.delete_account("bob")
        ctx.journal.close()
        again = _context(folder)
        assert again.vault.get_password("bob") is None
        again.journal.close()
    finally:
        _forget(ctx, address=keyring_session.address)


def _folder_from_before_0_2(folder: Path, *handles: str) -> Vault:
    """A folder as 0.1 left it (its accounts, no adoption marker); its accounts' secrets in
    the shared service. Returns a Vault on the shared service."""
    shared = Vault(service=SERVICE)
    store = AccountStore(AppPaths.under(folder).ensure())
    for handle in handles:
        shared.set_password(handle, f"{handle}-password")
        shared.set_totp(handle, "JBSWY3DPEHPK3PXP")
        store.add(Account(handle))
    return shared


def test_removing_an_adopted_account_removes_its_secrets_from_the_shared_service(
    keyring_session: SecretServiceEnv, tmp_path: Path
) -> None:
    shared = _folder_from_before_0_2(tmp_path / "portable", "leg")
    ctx = _context(tmp_path / "portable")
    try:
        assert ctx.vault.get_password("leg") == "leg-password"  # copied
        ctx.vault.delete_account("leg")  # what "consentinel account remove leg" does
        assert ctx.vault.get_password("leg") is None
        assert shared.get_password("leg") is None
        assert shared.get_totp("leg") is None
    finally:
        _forget(ctx, address=keyring_session.address)


def test_forgetting_an_adopted_accounts_2fa_secret_forgets_its_original_too(
    keyring_session: SecretServiceEnv, tmp_path: Path
) -> None:
    shared = _folder_from_before_0_2(tmp_path / "portable", "leg")
    ctx = _context(tmp_path / "portable")
    try:
        assert ctx.vault.get_totp("leg") == "JBSWY3DPEHPK3PXP"  # copied
        ctx.vault.delete_totp("leg")  # "consentinel account set-totp leg --remove"
        assert ctx.vault.get_totp("leg") is None
        assert shared.get_totp("leg") is None  # not left in the keyring under another name
        assert ctx.vault.get_password("leg") == "leg-password"
        assert shared.get_password("leg") == "leg-password"
    finally:
        _forget(ctx, address=keyring_session.address)


def test_erasing_all_data_removes_the_adopted_secrets_from_the_shared_service(
    keyring_session: SecretServiceEnv, tmp_path: Path
) -> None:
    shared = _folder_from_before_0_2(tmp_path / "portable", "ann", "ben")
    ctx = _context(tmp_path / "portable")
    try:
        erase_all_data(ctx)  # "Delete all my data"
        for handle in ("ann", "ben"):
            assert shared.get_password(handle) is None
            assert shared.get_totp(handle) is None
    finally:
        _forget(ctx, address=keyring_session.address)


def test_erasing_all_data_removes_the_secrets_of_accounts_the_list_lost(
    keyring_session: SecretServiceEnv, tmp_path: Path
) -> None:
    """The accounts file was damaged (set aside) or deleted: the journal alone still knows the
    accounts, and goes with the rest; their secrets must not stay behind in the keyring."""
    ctx = _context(tmp_path / "lost")
    try:
        for handle in ("Ann", "ben"):
            ctx.accounts.add(Account(handle))
            ctx.journal.append_account_added(handle)
            ctx.vault.set_password(handle, f"{handle}-password")
            ctx.vault.set_totp(handle, "JBSWY3DPEHPK3PXP")
        ctx.paths.accounts_path.unlink()
        assert ctx.accounts.list() == []
        erase_all_data(ctx)  # "Delete all my data"
        for handle in ("Ann", "ben"):
            assert ctx.vault.get_password(handle) is None
            assert ctx.vault.get_totp(handle) is None
    finally:
        _forget(ctx, address=keyring_session.address)


def test_the_platform_folders_account_keeps_its_secrets_in_the_shared_service(
    keyring_session: SecretServiceEnv, tmp_path: Path
) -> None:
    _folder_from_before_0_2(tmp_path / "portable", "both")
    # The platform's folder (no CONSENTINEL_HOME) has @both too: the shared entries are its own.
    platform = AppContext.create(AppPaths.from_env({}))
    platform.accounts.add(Account("both"))
    ctx = _context(tmp_path / "portable")
    try:
        ctx.vault.delete_account("both")
        assert ctx.vault.get_password("both") is None
        assert platform.vault.get_password("both") == "both-password"
    finally:
        _forget(ctx, platform, address=keyring_session.address)


def test_a_new_folder_copies_nothing(keyring_session: SecretServiceEnv, tmp_path: Path) -> None:
    Vault(service=SERVICE).set_password("carol", "carol-password")
    ctx = _context(tmp_path / "fresh")
    try:
        ctx.accounts.add(Account("carol"))  # added after the folder was first opened
        ctx.vault.check()
        assert ctx.vault.get_password("carol") is None
        ctx.vault.delete_account("carol")  # took nothing from the shared service: deletes nothing
        assert Vault(service=SERVICE).get_password("carol") == "carol-password"
    finally:
        _forget(ctx, address=keyring_session.address)


def test_the_same_folder_through_a_symbolic_link_has_the_same_secrets(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    through_link = AppPaths.under(tmp_path / "link").keyring_service
    assert through_link == AppPaths.under(real).keyring_service
    assert through_link != AppPaths.under(tmp_path / "other").keyring_service
