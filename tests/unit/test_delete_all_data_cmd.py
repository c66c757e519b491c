"""`consentinel delete-all-data`: the window's "Delete all my data" from a terminal or a
headless server, and what removing the last account leaves in the keyring (its keys only). The
command runs as a person runs it (the installed program, no terminal), on the real Secret
Service, whose entries are listed whole: nothing of the data folder's may stay there."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from consentinel.core.paths import AppPaths
from consentinel.core.vault import Vault
from tests.fixtures.keyring_fixtures import SecretServiceEnv, _delete_service_items
from tests.reliability.cli_support import cli_env, run_cli


def _entries(address: str, service: str) -> set[str]:
    """Every keyring entry under `service` (their user names: "alice:password", "session-key")."""
    import secretstorage
    from jeepney.io.blocking import open_dbus_connection

    with contextlib.closing(open_dbus_connection(bus=address)) as conn:
        collection = secretstorage.get_default_collection(conn)
        items = collection.search_items({"service": service})
        return {item.get_attributes().get("username", "") for item in items}


def _set_up(secret_service: SecretServiceEnv, home: Path, *handles: str) -> dict[str, str]:
    """A data folder with these accounts (added by the command line), their sessions' and
    refusals' keys made, as a check makes them."""
    env = cli_env(secret_service.env, home)
    for handle in handles:
        run_cli(env, "account", "add", handle, "--password-stdin", stdin="pw\n", expect=0)
    vault = Vault(service=AppPaths.under(home).keyring_service)
    vault.get_or_create_session_key()
    vault.get_or_create_answer_key()
    return env


def test_delete_all_data_asks_then_leaves_nothing_in_the_keyring_nor_the_folder(
    secret_service: SecretServiceEnv, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    env = _set_up(secret_service, home, "alice", "bob")
    service = AppPaths.under(home).keyring_service
    exports = home / "data" / "exports"
    for name in ("consentinel-journal-2026-12-01.json", "consentinel-journal-2026-12-02.csv"):
        (exports / name).write_text("{}")
    before = {"alice:password", "bob:password", "session-key", "answer-key"}
    assert _entries(secret_service.address, service) == before
    try:
        # No terminal to ask on: everything that would go is said, and nothing goes.
        refused = run_cli(env, "delete-all-data", expect=2)
        assert "add --yes" in refused.stderr
        assert "@alice, @bob" in refused.stderr
        assert f"the 2 exports saved in {exports} (copy them elsewhere first" in refused.stderr
        assert f"data folder {home}" in refused.stderr
        assert _entries(secret_service.address, service) == before
        assert len(list(exports.iterdir())) == 2

        done = run_cli(env, "delete-all-data", "--yes", expect=0)
        assert f"All your Consentinel data in {home} was deleted." in done.stdout
        assert _entries(secret_service.address, service) == set()
        assert list(exports.iterdir()) == []
        assert not (home / "config" / "accounts.json").exists()
        listed = run_cli(env, "account", "list", "--json", expect=0)
        assert json.loads(listed.stdout) == []
        log = run_cli(env, "log", "--json", expect=0)
        assert json.loads(log.stdout)["entries"] == []
    finally:
        _delete_service_items(secret_service.address, service)


def test_the_question_and_its_answer_in_french(
    secret_service: SecretServiceEnv, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    env = dict(_set_up(secret_service, home, "alice"), CONSENTINEL_LANG="fr")
    (home / "data" / "exports" / "consentinel-journal-2026-12-01.json").write_text("{}")
    try:
        refused = run_cli(env, "delete-all-data", expect=2)
        assert "l'export enregistré dans" in refused.stderr
        assert "ajoutez --yes pour tout supprimer" in refused.stderr
        done = run_cli(env, "delete-all-data", "-y", expect=0)
        assert "ont été supprimées" in done.stdout
    finally:
        _delete_service_items(secret_service.address, AppPaths.under(home).keyring_service)


def test_a_folder_deleted_by_hand_has_its_keys_removed_and_is_not_made_again(
    secret_service: SecretServiceEnv, tmp_path: Path
) -> None:
    """The README's demo folder in /tmp, gone at a restart: its keys stayed in the keyring."""
    home = tmp_path / "demo"
    env = _set_up(secret_service, home)  # (no account left: the keys alone)
    service = AppPaths.under(home).keyring_service
    import shutil

    shutil.rmtree(AppPaths.under(home).ensure().root)
    try:
        done = run_cli(env, "delete-all-data", expect=0)
        assert "There is no Consentinel data in" in done.stdout
        assert _entries(secret_service.address, service) == set()
        assert not home.exists()
    finally:
        _delete_service_items(secret_service.address, service)


def test_removing_the_last_account_leaves_only_the_keys_delete_all_data_takes_them(
    secret_service: SecretServiceEnv, tmp_path: Path
) -> None:
    """The keys stay (they serve no account then, and a window still open holds the session
    key: an account added there saves its session under it); `delete-all-data` takes them."""
    home = tmp_path / "home"
    env = _set_up(secret_service, home, "alice", "bob")
    service = AppPaths.under(home).keyring_service
    try:
        run_cli(env, "account", "remove", "alice", "--yes", expect=0)
        run_cli(env, "account", "remove", "bob", "--yes", expect=0)
        assert _entries(secret_service.address, service) == {"session-key", "answer-key"}
        run_cli(env, "delete-all-data", "--yes", expect=0)
        assert _entries(secret_service.address, service) == set()
    finally:
        _delete_service_items(secret_service.address, service)
