"""`consentinel check` when the keyring daemon stops during the check (a crash, an
out-of-memory kill), after the password was read and while X signs the account in: the check
ends as a keyring that cannot be used (exit 2), X's "signed in" journaled as it was, no wrong
password; and its sentence does not say the password could not be read, which it was. Real
processes, the simulated X, a real Secret Service keyring of this test's own."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from consentinel.simx import SimAccount
from tests.e2e._cli_support import add_account, run_cli, started
from tests.e2e.test_cli import PASSWORD
from tests.fixtures.keyring_fixtures import SecretServiceEnv, stop_keyring_daemon


def test_a_keyring_stopped_while_x_signs_in_is_said_as_such(
    simx: Any, private_secret_service: SecretServiceEnv, consentinel_home: Path
) -> None:
    env = dict(os.environ, **private_secret_service)
    env.update(
        CONSENTINEL_HOME=str(consentinel_home),
        CONSENTINEL_LANG="en",
        CONSENTINEL_BROWSER="/usr/bin/chromium",
    )
    # X's pages slow enough that the keyring is stopped while it signs in.
    sim = simx(SimAccount(handle="alice", password=PASSWORD), render_delay_ms=1500)
    env["CONSENTINEL_X_ORIGIN"] = sim.origin
    add_account(env, "alice", PASSWORD)

    with started(env, "check", "alice", "--dry-run") as check:
        check.said("@alice: signing in")  # (said once the password was read)
        stop_keyring_daemon(private_secret_service)
        proc = check.finish()
    assert proc.returncode == 2, proc
    said = "@alice: error (the keyring is unavailable) — The system keyring, which keeps the "
    assert proc.stdout.startswith(said + "account's password and the key of its saved session"), (
        proc.stdout
    )
    assert "password cannot be read" not in proc.stdout  # (it was: X signed the account in)
    assert "cannot be reached" in proc.stdout and "Traceback" not in proc.stderr

    entries = json.loads(run_cli(env, "log", "--json", check_exit=0).stdout)["entries"]
    signins = [e["payload"] for e in entries if e["kind"] == "signin"]
    assert [s["outcome"] for s in signins] == ["ok"], signins
