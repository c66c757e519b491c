"""`consentinel check` when an account's keyring entry was changed behind its back (in Seahorse,
with secret-tool): emptied, deleted, or a 2FA secret no code can be made from. The check says
what the person must save again, never blaming X or failing as an unexpected error. Real
processes, the simulated X, a real Secret Service keyring."""

from __future__ import annotations

import json
from typing import Any

import pytest
from keyring.backends.SecretService import Keyring as SecretServiceKeyring

from consentinel.core.paths import AppPaths
from consentinel.simx import SimAccount
from tests.e2e._cli_support import add_account, run_cli
from tests.e2e.test_cli import PASSWORD, TOTP_SECRET


def _change_entry(env: dict[str, str], entry: str, value: str) -> None:
    """What another keyring client does to the data folder's entry (Seahorse's "Edit")."""
    service = AppPaths.from_env().keyring_service  # (this test's CONSENTINEL_HOME)
    SecretServiceKeyring().set_password(service, entry, value)


@pytest.mark.parametrize("left", ["", "   "], ids=["emptied", "spaces-only"])
def test_an_emptied_password_is_none_saved_not_x_too_slow(
    simx: Any, cli_env: dict[str, str], left: str
) -> None:
    """Emptied, or left with spaces only (Seahorse, secret-tool: Consentinel saves neither)."""
    sim = simx(SimAccount(handle="alice", password=PASSWORD))
    env = dict(cli_env, CONSENTINEL_X_ORIGIN=sim.origin)
    add_account(env, "alice", PASSWORD)
    _change_entry(env, "alice:password", left)

    proc = run_cli(env, "check", "alice", "--dry-run", check_exit=1)
    assert proc.stdout.startswith("@alice: sign-in needed — "), proc.stdout
    assert "consentinel account set-password alice" in proc.stdout
    assert sim.signin_attempts() == []  # nothing typed into X's password step


def test_a_2fa_secret_no_code_can_be_made_from_is_said_as_such(
    simx: Any, cli_env: dict[str, str]
) -> None:
    alice = SimAccount(
        handle="alice", password=PASSWORD, challenges=("two_factor",), totp_secret=TOTP_SECRET
    )
    sim = simx(alice)
    env = dict(cli_env, CONSENTINEL_X_ORIGIN=sim.origin)
    stdin = f"{PASSWORD}\n{TOTP_SECRET}\n"
    run_cli(env, "account", "add", "alice", "--password-stdin", "--totp-stdin", stdin=stdin)
    _change_entry(env, "alice:totp", "not a secret at all!")

    for unattended in ((), ("--unattended",)):
        proc = run_cli(env, "check", "alice", "--dry-run", *unattended, check_exit=1)
        said = "@alice: 2FA code needed — X asks for a two-factor code, and the 2FA secret "
        assert proc.stdout.startswith(said + "saved in the keyring "), proc.stdout
        assert "consentinel account set-totp alice" in proc.stdout
        assert "Unexpected error" not in proc.stdout + proc.stderr
    french = dict(env, CONSENTINEL_LANG="fr")
    proc = run_cli(french, "check", "alice", "--dry-run", "--json", check_exit=1)
    (account,) = json.loads(proc.stdout)["accounts"]
    assert (account["status"], account["reason"]) == ("needs_user", "two_factor")
    assert "le secret 2FA enregistré dans le trousseau" in account["message"]
    # The password was typed (X's 2FA step comes after it), and is no wrong one.
    proc = run_cli(env, "account", "list", "--json", check_exit=0)
    assert "wrong_password" not in proc.stdout

    # Asked to use it again, it says why it cannot, not "checks already make codes from it".
    proc = run_cli(env, "account", "set-totp", "alice", "--use-again", check_exit=2)
    assert proc.stderr.startswith("The 2FA secret saved for @alice is not a valid one"), proc
    assert "consentinel account set-totp alice --remove" in proc.stderr
    proc = run_cli(french, "account", "set-totp", "alice", "--use-again", check_exit=2)
    assert proc.stderr.startswith("Le secret 2FA enregistré pour @alice n'est pas valide"), proc


def test_a_2fa_secret_of_spaces_only_is_none_saved_not_one_not_valid(
    simx: Any, cli_env: dict[str, str]
) -> None:
    """Left with spaces only in Seahorse: no 2FA secret saved, wherever it is read (the
    check, `set-totp --use-again`), as for an emptied one, never "not a valid one"."""
    alice = SimAccount(
        handle="alice", password=PASSWORD, challenges=("two_factor",), totp_secret=TOTP_SECRET
    )
    sim = simx(alice)
    env = dict(cli_env, CONSENTINEL_X_ORIGIN=sim.origin)
    stdin = f"{PASSWORD}\n{TOTP_SECRET}\n"
    run_cli(env, "account", "add", "alice", "--password-stdin", "--totp-stdin", stdin=stdin)
    _change_entry(env, "alice:totp", "   ")

    proc = run_cli(env, "check", "alice", "--dry-run", check_exit=1)
    assert proc.stdout.startswith("@alice: 2FA code needed — "), proc.stdout
    assert "not valid" not in proc.stdout and "saved in the keyring" not in proc.stdout
    proc = run_cli(env, "account", "set-totp", "alice", "--use-again", check_exit=2)
    assert proc.stderr.startswith("No 2FA secret is saved for @alice: save one with "), proc


def test_a_password_deleted_behind_its_back_is_said_with_how_to_give_it_again(
    simx: Any, cli_env: dict[str, str]
) -> None:
    """Deleted in Seahorse (or `secret-tool clear`) after a check saved the session: once X
    ends that session, or it cannot be read, the check says no password is saved and how to
    save it again, not only how to sign in by hand."""
    sim = simx(
        SimAccount(handle="alice", password=PASSWORD), SimAccount(handle="bob", password=PASSWORD)
    )
    env = dict(cli_env, CONSENTINEL_X_ORIGIN=sim.origin)
    add_account(env, "alice", PASSWORD)
    add_account(env, "bob", PASSWORD)
    run_cli(env, "check", "--dry-run", check_exit=1)  # (would fix: sessions saved)
    service = AppPaths.from_env().keyring_service
    for handle in ("alice", "bob"):
        SecretServiceKeyring().delete_password(service, f"{handle}:password")
    sim.expire_sessions()  # X ends the sessions saved...
    proc = run_cli(env, "check", "alice", "--dry-run", check_exit=1)
    said = "@alice: session expired — The saved session expired and no password "
    assert proc.stdout.startswith(said + "is saved: run `consentinel login alice`, or save "), (
        proc.stdout
    )
    assert "`consentinel account set-password alice`" in proc.stdout

    SecretServiceKeyring().delete_password(service, "session-key")  # ...or they cannot be read
    proc = run_cli(env, "check", "bob", "--dry-run", check_exit=1)
    said = "@bob: sign-in needed — The saved X session could not be "
    assert proc.stdout.startswith(said + "read (it was set aside) and no password is saved"), (
        proc.stdout
    )
    assert "`consentinel account set-password bob`" in proc.stdout


def _entry_there(entry: str) -> bool:
    """Whether the data folder's keyring holds an entry of that name, whatever it holds."""
    service = AppPaths.from_env().keyring_service
    return SecretServiceKeyring().get_password(service, entry) is not None


def test_removing_an_emptied_2fa_secret_takes_its_entry_out_of_the_keyring(
    cli_env: dict[str, str],
) -> None:
    """Emptied in Seahorse, the entry reads as no secret saved: `set-totp --remove` says there
    is nothing to remove, and still takes the empty entry out rather than leave it there."""
    stdin = f"{PASSWORD}\n{TOTP_SECRET}\n"
    run_cli(cli_env, "account", "add", "alice", "--password-stdin", "--totp-stdin", stdin=stdin)
    for left in ("", "   "):
        _change_entry(cli_env, "alice:totp", left)
        proc = run_cli(cli_env, "account", "set-totp", "alice", "--remove", check_exit=0)
        assert "nothing to remove" in proc.stdout or "2FA secret removed" in proc.stdout, proc
        assert not _entry_there("alice:totp"), repr(left)
        assert _entry_there("alice:password")  # (the password stays)
    # Gone already: still fine.
    proc = run_cli(cli_env, "account", "set-totp", "alice", "--remove", check_exit=0)
    assert "nothing to remove" in proc.stdout


def test_what_the_keyring_answered_is_in_the_log_file_the_sentence_points_to(
    cli_env: dict[str, str],
) -> None:
    """A keyring failing otherwise than locked or out of reach: the command's sentence says
    "the log file says what the keyring answered", so the command writes it there (owner-only,
    as the window does); a command where the keyring does not fail makes no log file."""
    import contextlib
    import stat

    import secretstorage

    logs = AppPaths.from_env().logs_dir  # (this test's CONSENTINEL_HOME)
    add_account(cli_env, "alice", PASSWORD)
    run_cli(cli_env, "account", "list", check_exit=0)
    assert not (logs / "consentinel.log").exists()

    service = AppPaths.from_env().keyring_service
    attributes = {"service": service, "username": "alice:totp"}
    with contextlib.closing(secretstorage.dbus_init()) as connection:
        collection = secretstorage.get_default_collection(connection)
        collection.create_item("edited by hand", attributes, b"\xff\xfe", replace=True)
    proc = run_cli(cli_env, "account", "set-totp", "alice", "--use-again")
    assert "the log file says what the keyring answered" in proc.stderr, proc
    assert "0xff" not in proc.stdout + proc.stderr
    log_file = logs / "consentinel.log"
    assert "0xff" in log_file.read_text(encoding="utf-8")
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600
