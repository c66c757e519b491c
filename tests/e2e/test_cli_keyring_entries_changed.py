"""`consentinel check` when an account's keyring entry was changed behind its back (in Seahorse,
with secret-tool): the check says what the person must save again, never blaming X or failing
as an unexpected error. Real processes, the simulated X,
a real Secret Service keyring."""

from __future__ import annotations

from typing import Any

from keyring.backends.SecretService import Keyring as SecretServiceKeyring

from consentinel.core.paths import AppPaths
from consentinel.simx import SimAccount
from tests.e2e._cli_support import add_account, run_cli
from tests.e2e.test_cli import PASSWORD


def _change_entry(env: dict[str, str], entry: str, value: str) -> None:
    """What another keyring client does to the data folder's entry (Seahorse's "Edit")."""
    service = AppPaths.from_env().keyring_service  # (this test's CONSENTINEL_HOME)
    SecretServiceKeyring().set_password(service, entry, value)


def test_an_emptied_password_is_none_saved_not_x_too_slow(
    simx: Any, cli_env: dict[str, str]
) -> None:
    sim = simx(SimAccount(handle="alice", password=PASSWORD))
    env = dict(cli_env, CONSENTINEL_X_ORIGIN=sim.origin)
    add_account(env, "alice", PASSWORD)
    _change_entry(env, "alice:password", "")

    proc = run_cli(env, "check", "alice", "--dry-run", check_exit=1)
    assert proc.stdout.startswith("@alice: needs you (no session or password saved) — "), (
        proc.stdout
    )
    assert "consentinel account set-password alice" in proc.stdout
    assert sim.signin_attempts() == []  # nothing typed into X's password step
