"""`consentinel account import FILE`, run as a person runs it (the installed program, no
terminal) on the real Secret Service: a line a row, the valid rows' secrets in the keyring and
their accounts listed, exit 1 when a row was skipped; a French file on standard input in
French; no keyring: nothing imported, exit 2. No secret in what it prints nor in any file of
its data folder (its log included)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from consentinel.core.paths import AppPaths
from consentinel.core.vault import Vault
from tests.fixtures.keyring_fixtures import SecretServiceEnv, _delete_service_items
from tests.reliability.cli_support import cli_env, run_cli

PASSWORDS = ("Cobalt-Heron-6613", "Tin;Sparrow 7702", "Never-Saved-5150")
TOTP = "JBSWY3DPEHPK3PXP"


def _nowhere(home: Path, *outputs: str) -> None:
    for secret in (*PASSWORDS, TOTP):
        for output in outputs:
            assert secret not in output
        for found in home.rglob("*"):
            if found.is_file():
                assert secret.encode() not in found.read_bytes(), found


def test_a_file_is_imported_row_by_row_and_a_bad_row_makes_exit_1(
    secret_service: SecretServiceEnv, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    env = cli_env(secret_service.env, home)
    service = AppPaths.under(home).keyring_service
    accounts = tmp_path / "accounts.csv"
    accounts.write_text(
        "handle,password,2FA secret,email\n"
        f"alice_desk,{PASSWORDS[0]},{TOTP},alice@example.org\n"
        f'bob_desk,"{PASSWORDS[1]}",,\n'
        f"alice_desk,{PASSWORDS[2]},,\n",
        encoding="utf-8",
    )
    try:
        done = run_cli(env, "account", "import", str(accounts), expect=1)
        assert done.stdout.splitlines() == [
            "row 2, @alice_desk: imported",
            "row 3, @bob_desk: imported",
            "row 4, @alice_desk: skipped: @alice_desk is on row 2 of this file already.",
            "Accounts imported: 2, skipped: 1.",
            "The file holds passwords in clear: delete it (and empty the trash) now that they "
            "are in the keyring.",
        ]
        vault = Vault(service=service)
        assert vault.get_password("alice_desk") == PASSWORDS[0]
        assert vault.get_totp("alice_desk") == TOTP
        assert vault.get_password("bob_desk") == PASSWORDS[1]
        listed = json.loads(run_cli(env, "account", "list", "--json", expect=0).stdout)
        assert [(a["handle"], a["email"]) for a in listed] == [
            ("alice_desk", "alice@example.org"),
            ("bob_desk", None),
        ]
        # Imported again: every row is listed already; nothing changes in the keyring.
        again = run_cli(env, "account", "import", str(accounts), expect=1)
        assert "row 2, @alice_desk: skipped: @alice_desk is already in your accounts." in (
            again.stdout
        )
        assert vault.get_password("alice_desk") == PASSWORDS[0]
        _nowhere(home, done.stdout, done.stderr, again.stdout, again.stderr)
    finally:
        _delete_service_items(secret_service.address, service)


def test_a_french_file_on_standard_input_in_french(
    secret_service: SecretServiceEnv, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    env = cli_env(secret_service.env, home, CONSENTINEL_LANG="fr")
    service = AppPaths.under(home).keyring_service
    text = (
        f'\ufeffIdentifiant;Mot de passe;Téléphone\n@claire_fr;"{PASSWORDS[1]}";+33 6 12 34 56 78\n'
    )
    try:
        done = run_cli(env, "account", "import", "-", stdin=text, expect=0)
        assert done.stdout.splitlines() == [
            "ligne 2, @claire_fr\u00a0: importé",
            "Comptes importés : 1, ignorés : 0.",
        ]
        assert Vault(service=service).get_password("claire_fr") == PASSWORDS[1]
        _nowhere(home, done.stdout, done.stderr)
    finally:
        _delete_service_items(secret_service.address, service)


def test_without_a_keyring_nothing_is_imported(tmp_path: Path) -> None:
    home = tmp_path / "home"
    # No bus, so no Secret Service: no keyring at all.
    env = cli_env({**os.environ, "DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path}/no-bus"}, home)
    accounts = tmp_path / "accounts.csv"
    accounts.write_text(f"handle,password\nalice_desk,{PASSWORDS[0]}\n", encoding="utf-8")
    done = run_cli(env, "account", "import", str(accounts), expect=2)
    assert "No system keyring is available" in done.stderr
    assert done.stderr.rstrip().endswith("Nothing was imported.")
    assert "imported" not in done.stdout
    listed = json.loads(run_cli(env, "account", "list", "--json", expect=0).stdout)
    assert listed == []
    _nowhere(home, done.stdout, done.stderr)
