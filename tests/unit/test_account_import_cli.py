"""`consentinel account import FILE`, run as a person runs it (the installed program, no
terminal) on the real Secret Service: a line a row, the valid rows' secrets in the keyring and
their accounts listed, exit 1 when a row was skipped; a French file on standard input in
French; no keyring: nothing imported, exit 2. No secret in what it prints nor in any file of
its data folder (its log included)."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import threading
from pathlib import Path

from consentinel.core.paths import AppPaths
from consentinel.core.vault import Vault
from tests.fixtures.keyring_fixtures import SecretServiceEnv, _delete_service_items
from tests.reliability.cli_support import CLI, cli_env, run_cli

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
            # (row 4's password is in the file only: not to be deleted yet)
            "Keep the file for now: the passwords of the rows skipped are only in it. Correct "
            "those rows and import the file again (the accounts imported already are then "
            "skipped as already in your accounts, and left as they are); then delete it (and "
            "empty the trash).",
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
        # Imported again: every row is listed already; nothing changes in the keyring, and
        # nothing of the file is left only there: it can go.
        again = run_cli(env, "account", "import", str(accounts), expect=1)
        assert again.stdout.splitlines() == [
            "row 2, @alice_desk: skipped: @alice_desk is already in your accounts.",
            "row 3, @bob_desk: skipped: @bob_desk is already in your accounts.",
            "row 4, @alice_desk: skipped: @alice_desk is already in your accounts.",
            "Accounts imported: 0, skipped: 3.",
            "The file holds passwords in clear: delete it (and empty the trash) now that they "
            "are in the keyring.",
        ]
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
            "ligne 2, @claire_fr\u00a0: importée",
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


def test_a_dry_run_makes_no_data_folder_and_touches_no_keyring(tmp_path: Path) -> None:
    """--dry-run only looks: on a computer where Consentinel never saved anything, it makes
    no folder, no journal (as `account list` does not); and no keyring is needed (none here)."""
    home = tmp_path / "home"
    env = cli_env({**os.environ, "DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path}/no-bus"}, home)
    accounts = tmp_path / "accounts.csv"
    accounts.write_text(f"handle,password\nalice_desk,{PASSWORDS[0]}\n", encoding="utf-8")
    done = run_cli(env, "account", "import", str(accounts), "--dry-run", expect=0)
    assert done.stdout.splitlines() == [
        "row 2, @alice_desk: can be imported",
        "Rows that can be imported: 1 of 1. Nothing was imported (--dry-run).",
    ]
    assert not home.exists()


def test_a_delimiter_typed_at_the_end_of_a_row_is_said_as_such(tmp_path: Path) -> None:
    """A row typed by hand with the delimiter at its end ("alice,pw,") cannot be imported
    (the password may end with it): the person is told it most likely is a delimiter too many,
    and how to tell it from a password cut there, in English and in French; exit 1."""
    home = tmp_path / "home"
    no_bus = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path}/no-bus"}
    accounts = tmp_path / "accounts.csv"
    accounts.write_text(
        f"handle,password\nalice_desk,{PASSWORDS[0]}\nbob_desk,{PASSWORDS[2]},\n",
        encoding="utf-8",
    )
    done = run_cli(cli_env(no_bus, home), "account", "import", str(accounts), "--dry-run", expect=1)
    assert done.stdout.splitlines() == [
        "row 2, @alice_desk: can be imported",
        "row 3: cannot be imported: This row has 3 cells where the first row has 2, the extra "
        "ones empty: either the row ends with a comma too many, or one of its cells holds a "
        "comma, the file's delimiter, without quotes, most likely the password, which is then "
        "cut there. If no cell holds a comma, delete what comes after the last column; "
        "otherwise put the password in double quotes in the file (a double quote inside it "
        'written twice: ""). Then import the file again.',
        "Rows that can be imported: 1 of 2. Nothing was imported (--dry-run).",
    ]
    env_fr = cli_env(no_bus, home, CONSENTINEL_LANG="fr")
    done_fr = run_cli(env_fr, "account", "import", str(accounts), "--dry-run", expect=1)
    assert done_fr.stdout.splitlines()[1] == (
        "ligne 3\u00a0: ne peut pas être importée\u00a0: Cette ligne a 3 cellules là où la "
        "première ligne en a 2, celles en trop vides\u00a0: soit la ligne finit par une virgule "
        "de trop, soit une de ses cellules contient une virgule, le séparateur du fichier, sans "
        "guillemets, sans doute le mot de passe, qui est alors coupé à cet endroit. Si aucune "
        "cellule n'en contient, supprimez ce qui suit la dernière colonne\u00a0; sinon mettez "
        "le mot de passe entre guillemets droits dans le fichier (un guillemet droit à "
        "l'intérieur s'écrit deux fois\u00a0: \"\"). Puis importez de nouveau le fichier."
    )
    _nowhere(home, done.stdout, done.stderr, done_fr.stdout, done_fr.stderr)


def test_standard_input_is_read_no_further_than_a_file_is(tmp_path: Path) -> None:
    """A file stops at 1 MB: so does standard input, read no further (a pipe that never ends,
    or a huge file piped in, is not read to its end into memory)."""
    home = tmp_path / "home"
    env = cli_env(os.environ.copy(), home)
    proc = subprocess.Popen(
        [CLI, "account", "import", "-"],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdin is not None

    def feed() -> None:  # (more than the limit, and the pipe left open: no end to wait for)
        with contextlib.suppress(BrokenPipeError, ValueError):
            proc.stdin.write(b"handle,password\n" + b"a,b\n" * (300 * 1024))  # type: ignore[union-attr]
            proc.stdin.flush()  # type: ignore[union-attr]

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    try:
        code = proc.wait(timeout=60)
    finally:
        proc.kill()
        proc.wait()
        with contextlib.suppress(BrokenPipeError):
            proc.stdin.close()
    feeder.join(timeout=10)
    assert proc.stderr is not None
    said = proc.stderr.read().decode()
    assert code == 2, said
    assert "This file is too big for a list of accounts (more than 1 MB)." in said
