"""`consentinel check` when the keyring has gone away since the accounts were added: a set-up
error (exit 2), not "not all off" (exit 1). Real processes, the simulated X, a real Secret
Service keyring for `account add`, then none reachable for `check`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from consentinel.simx import SimAccount
from tests.e2e._cli_support import run_cli, x_with_accounts
from tests.e2e.test_cli import PASSWORD


def test_check_without_a_keyring_is_a_set_up_error_and_still_journaled(
    simx: Any, cli_env: dict[str, str], tmp_path: Path
) -> None:
    alice = SimAccount(handle="alice", password=PASSWORD)
    bob = SimAccount(handle="bob", password=PASSWORD)
    sim, env = x_with_accounts(simx, cli_env, alice, bob)
    # The desktop session's bus is gone (an ssh login, a cron job without it): no Secret
    # Service reachable, and no keyringrc of the person's to pick another keyring.
    gone = {k: v for k, v in env.items() if k != "PYTHON_KEYRING_BACKEND"}
    gone.update(
        DBUS_SESSION_BUS_ADDRESS="unix:path=/nonexistent/bus",
        XDG_CONFIG_HOME=str(tmp_path / "xdg-config"),
    )

    proc = run_cli(gone, "check", "alice", check_exit=2)
    assert proc.stdout.startswith("@alice: error (the keyring is unavailable) — "), proc.stdout
    assert "Traceback" not in proc.stderr

    # --json as before (the reason says why), and the same exit code; in French too.
    french = dict(gone, CONSENTINEL_LANG="fr")
    proc = run_cli(french, "check", "--json", check_exit=2)
    accounts = json.loads(proc.stdout)["accounts"]
    assert {(a["handle"], a["status"], a["reason"]) for a in accounts} == {
        ("alice", "error", "keyring_unavailable"),
        ("bob", "error", "keyring_unavailable"),
    }
    assert all("trousseau" in a["message"] for a in accounts)
    proc = run_cli(french, "check", "bob", check_exit=2)
    assert proc.stdout.startswith("@bob\N{NO-BREAK SPACE}: erreur (le trousseau est indisponible)")

    # A scheduled check too: exit 2, and the person is still told (the notification journaled).
    proc = run_cli(gone, "check", "--unattended", "--json", check_exit=2)
    assert {a["reason"] for a in json.loads(proc.stdout)["accounts"]} == {"keyring_unavailable"}

    # Each check is journaled as it was, and nothing reached X.
    entries = json.loads(run_cli(gone, "log", "--json", check_exit=0).stdout)["entries"]
    checks = [e["payload"] for e in entries if e["kind"] == "check"]
    assert len(checks) == 6
    assert {(c["status"], c["reason"]) for c in checks} == {("error", "keyring_unavailable")}
    notes = [e["payload"]["message"] for e in entries if e["kind"] == "notification"]
    assert len(notes) == 1 and "keyring" in notes[0], notes
    assert sim.signin_attempts() == []
    assert sim.boxes("alice")["training"] is True
