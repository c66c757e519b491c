"""A command stopped by an unexpected error (a defect): a real `consentinel` process whose
engine raises. It exits 70, which the systemd unit counts as a failure (1 is "not all off",
a success there); the person reads one sentence naming the log file, which has the traceback
(secrets redacted); a scheduled check also says it by a desktop notification (the real
notify-send, on a private bus with a small notification server)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from consentinel.core.french_typography import typeset
from consentinel.core.osjobs.job import check_command
from consentinel.core.osjobs.systemd import render_service
from consentinel.core.paths import AppPaths
from consentinel.core.settings import Settings, save_settings
from tests.e2e._cli_support import add_account
from tests.fixtures.keyring_fixtures import SecretServiceEnv
from tests.fixtures.notify_server import FakeNotificationServer

ROOT = Path(__file__).resolve().parents[2]


def _crashing(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tests.e2e._crashing_cli", *args],
        capture_output=True, text=True, env=env, timeout=120, cwd=ROOT,
    )  # fmt: skip


def test_a_crash_exits_70_says_where_the_log_is_and_a_scheduled_one_is_notified(
    consentinel_home: Path, private_secret_service: SecretServiceEnv
) -> None:
    env = {**private_secret_service.env, "CONSENTINEL_HOME": str(consentinel_home),
           "CONSENTINEL_LANG": "en", "CONSENTINEL_BROWSER": "/usr/bin/chromium"}  # fmt: skip
    add_account(env, "alice", "alice's password")
    log_file = AppPaths(consentinel_home).logs_dir / "consentinel.log"
    server = FakeNotificationServer(private_secret_service.address)
    try:
        at_a_terminal = _crashing(env, "check", "alice")
        unattended = _crashing(env, "check", "--unattended", "alice")
        save_settings(AppPaths(consentinel_home), Settings(language="fr"))
        in_french = _crashing({**env, "CONSENTINEL_LANG": ""}, "check", "--unattended", "alice")
    finally:
        server.close()
    said = (
        f"Consentinel stopped on an unexpected error (RuntimeError); what it was doing may not "
        f"have finished. The details are in its log: {log_file}. If it happens again, please "
        f"report it with that file.\n"
    )
    for run in (at_a_terminal, unattended):
        assert run.returncode == 70, (run.stdout, run.stderr)
        assert run.stderr == said, run.stderr  # one sentence, no traceback
    assert in_french.returncode == 70, in_french.stderr
    # ...a failure for the OS job, unlike Python's own 1 for an uncaught error ("not all off").
    unit = render_service(check_command({"CONSENTINEL_HOME": str(consentinel_home)}))
    assert [line for line in unit.splitlines() if line.startswith("SuccessExitStatus=")] == [
        "SuccessExitStatus=1"
    ]
    # A person at a terminal is told there; the scheduled check by notification, once a run.
    bodies = [str(call[4]) for call in server.calls]
    assert bodies == [
        "The scheduled check failed: an unexpected error (RuntimeError) stopped it, so your X "
        "accounts may not all have been checked — open Consentinel to check them. If it "
        f"happens again, please report it with the log file {log_file}.",
        typeset(
            "La vérification planifiée a échoué : une erreur inattendue (RuntimeError) l'a "
            "arrêtée, vos comptes X n'ont donc peut-être pas tous été vérifiés — ouvrez "
            "Consentinel pour les vérifier. Si cela se reproduit, signalez-le avec le fichier "
            f"journal technique {log_file}."
        ),
    ], bodies
    logged = log_file.read_text(encoding="utf-8")
    assert logged.count("Traceback (most recent call last)") == 3, logged
    assert "RuntimeError: a defect here" in logged and "_fails" in logged
    assert "consentinel check --unattended stopped on an unexpected error" in logged
    assert "hunter2" not in logged  # the log keeps no secret
    assert log_file.stat().st_mode & 0o077 == 0  # the owner's alone
