"""Secrets Consentinel cannot read (bytes that are no UTF-8 text, left by another tool or a
broken older version) still go with their account and with "Delete all my data": deleting
never reads first. So do all the items of one entry (the same service and user name, written
by another tool, an older version, a write cut short): the Secret Service deletes only the
first. A keyring that says an entry is not there while it still is, or deleted while it keeps
it, is said, never taken for done. All on the real Secret Service, its items written and
listed with secretstorage."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backends.SecretService import Keyring as SecretServiceKeyring
from keyring.errors import PasswordDeleteError

from consentinel.cli.main import main
from consentinel.core.accounts import Account, AccountStore
from consentinel.core.paths import AppPaths
from consentinel.core.vault import (
    ANSWER_KEY_ENTRY,
    MAX_DELETES_PER_ENTRY,
    SESSION_KEY_ENTRY,
    Vault,
    VaultError,
)
from tests.fixtures.keyring_fixtures import SecretServiceEnv, _delete_service_items

pytestmark = pytest.mark.keyring

#: No UTF-8 text: keyring's Secret Service backend fails to decode it on every read.
UNREADABLE = b"\xff\xfe\x80 not text \xc3"


def _write_unreadable(
    address: str, service: str, username: str, secret: bytes = UNREADABLE
) -> None:
    """An item as keyring writes one (its `service` and `username` attributes), holding raw
    bytes: as another tool may write it, beside any item already there with the same ones."""
    import secretstorage
    from jeepney.io.blocking import open_dbus_connection

    with contextlib.closing(open_dbus_connection(bus=address)) as conn:
        collection = secretstorage.get_default_collection(conn)
        attributes = {"service": service, "username": username}
        collection.create_item(f"{username} on {service}", attributes, secret, replace=False)


def _item_count(address: str, service: str) -> int:
    import secretstorage
    from jeepney.io.blocking import open_dbus_connection

    with contextlib.closing(open_dbus_connection(bus=address)) as conn:
        collection = secretstorage.get_default_collection(conn)
        return len(list(collection.search_items({"service": service})))


def _entries(address: str, service: str) -> set[str]:
    """The user names of every item under `service`, read from their attributes only."""
    import secretstorage
    from jeepney.io.blocking import open_dbus_connection

    with contextlib.closing(open_dbus_connection(bus=address)) as conn:
        collection = secretstorage.get_default_collection(conn)
        items = collection.search_items({"service": service})
        return {item.get_attributes().get("username", "") for item in items}


@pytest.fixture
def folder_service(consentinel_home: Path, secret_service: SecretServiceEnv) -> Iterator[str]:
    """The keyring service of this test's data folder, emptied afterwards."""
    service = AppPaths.under(consentinel_home).keyring_service
    yield service
    _delete_service_items(secret_service.address, service)


def test_removing_an_account_deletes_secrets_that_cannot_be_read(
    consentinel_home: Path,
    secret_service: SecretServiceEnv,
    folder_service: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    address = secret_service.address
    AccountStore(AppPaths.under(consentinel_home).ensure()).add(Account("alice"))
    for kind in ("password", "totp"):
        _write_unreadable(address, folder_service, f"alice:{kind}")
    with pytest.raises(VaultError):  # (what it is: Consentinel cannot read it)
        Vault(service=folder_service).get_password("alice")

    assert main(["account", "remove", "alice", "--yes"]) == 0

    assert _entries(address, folder_service) == set()
    assert "Removed @alice, its secrets and its session." in capsys.readouterr().out


def test_deleting_everything_deletes_secrets_and_keys_that_cannot_be_read(
    secret_service: SecretServiceEnv, real_vault: Vault
) -> None:
    address, service = secret_service.address, real_vault.service
    real_vault.set_password("bob", "pw-bob")
    for username in ("alice:password", "bob:totp", SESSION_KEY_ENTRY, ANSWER_KEY_ENTRY):
        _write_unreadable(address, service, username)

    real_vault.delete_everything(["alice", "bob"])

    assert _entries(address, service) == set()


class _SaysNotThere(SecretServiceKeyring):
    """The Secret Service whose deletion deletes nothing and answers "no such entry", as
    KWallet answers an unlock dismissed and macOS any failure."""

    def delete_password(self, service: str, username: str) -> None:
        raise PasswordDeleteError("Cancelled by user")


@pytest.mark.parametrize("readable", [True, False])
def test_an_entry_the_keyring_did_not_delete_is_said_not_deleted(
    secret_service: SecretServiceEnv, real_vault: Vault, readable: bool
) -> None:
    address, service = secret_service.address, real_vault.service
    if readable:
        real_vault.set_password("alice", "pw-alice")
    else:
        _write_unreadable(address, service, "alice:password")
    refusing = Vault(_SaysNotThere(), service=service)

    with pytest.raises(VaultError, match="failed while deleting a secret: it may still be"):
        refusing.delete_account("alice")

    assert _entries(address, service) == {"alice:password"}
    refusing.delete_account("bob")  # (none there: "not there" is true, and fine)


def test_removing_an_account_whose_secret_the_keyring_kept_removes_nothing(
    consentinel_home: Path,
    secret_service: SecretServiceEnv,
    folder_service: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`account remove` with a keyring that did not delete: said, the account kept (once off
    the list, nothing would name the secret left)."""
    paths = AppPaths.under(consentinel_home).ensure()
    AccountStore(paths).add(Account("alice"))
    _write_unreadable(secret_service.address, folder_service, "alice:password")
    monkeypatch.setattr(SecretServiceKeyring, "delete_password", _SaysNotThere.delete_password)

    assert main(["account", "remove", "alice", "--yes"]) == 2

    assert "failed while deleting a secret: it may still be there" in capsys.readouterr().err
    assert [account.handle for account in AccountStore(paths).list()] == ["alice"]
    assert _entries(secret_service.address, folder_service) == {"alice:password"}


def test_removing_an_account_deletes_every_item_of_its_secrets(
    consentinel_home: Path,
    secret_service: SecretServiceEnv,
    folder_service: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Two or three items for one entry (the Secret Service deleted only the first): none left."""
    address = secret_service.address
    AccountStore(AppPaths.under(consentinel_home).ensure()).add(Account("alice"))
    Vault(service=folder_service).set_password("alice", "pw-alice")
    _write_unreadable(address, folder_service, "alice:password", b"an older password")
    _write_unreadable(address, folder_service, "alice:password")
    _write_unreadable(address, folder_service, "alice:totp", b"JBSWY3DPEHPK3PXP")
    _write_unreadable(address, folder_service, "alice:totp")
    assert _item_count(address, folder_service) == 5

    assert main(["account", "remove", "alice", "--yes"]) == 0

    assert _entries(address, folder_service) == set()
    assert "Removed @alice, its secrets and its session." in capsys.readouterr().out


def test_deleting_everything_deletes_every_item_of_the_keys(
    secret_service: SecretServiceEnv, real_vault: Vault
) -> None:
    address, service = secret_service.address, real_vault.service
    real_vault.get_or_create_session_key()
    real_vault.get_or_create_answer_key()
    for username in (SESSION_KEY_ENTRY, ANSWER_KEY_ENTRY, "bob:password"):
        _write_unreadable(address, service, username, b"a copy")
        _write_unreadable(address, service, username)

    real_vault.delete_everything(["bob"])

    assert _entries(address, service) == set()


def test_as_many_items_as_the_bound_are_all_deleted(
    secret_service: SecretServiceEnv, real_vault: Vault
) -> None:
    address, service = secret_service.address, real_vault.service
    for _ in range(MAX_DELETES_PER_ENTRY):
        _write_unreadable(address, service, "alice:totp", b"JBSWY3DPEHPK3PXP")

    real_vault.delete_totp("alice")

    assert _entries(address, service) == set()


class _SaysDeleted(SecretServiceKeyring):
    """The Secret Service whose deletion deletes nothing and answers that it did, as macOS's
    Keychain may: counted, so that it is seen to be asked a bounded number of times."""

    def __init__(self) -> None:
        super().__init__()
        self.deletions: list[str] = []

    def delete_password(self, service: str, username: str) -> None:
        self.deletions.append(username)


def test_a_keyring_that_keeps_what_it_says_deleted_is_asked_a_bounded_number_of_times(
    secret_service: SecretServiceEnv, real_vault: Vault
) -> None:
    real_vault.set_password("alice", "pw-alice")
    keeping = _SaysDeleted()

    with pytest.raises(VaultError, match="failed while deleting a secret: it may still be"):
        Vault(keeping, service=real_vault.service).delete_account("alice")

    assert keeping.deletions == ["alice:password"] * MAX_DELETES_PER_ENTRY
    assert _item_count(secret_service.address, real_vault.service) == 1
