"""`consentinel check` at a terminal, X asking for a 2FA code, and nobody there to type it: the
question is given up on after its time, the account ends as skipped, and the check ends (its
run lock freed for the scheduled checks). A real pseudo-terminal, real Chromium, simx."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pyotp
import pytest

from consentinel.core.lock import RunLock
from consentinel.core.paths import AppPaths
from consentinel.simx import SimAccount
from tests.e2e._cli_support import x_with_accounts

pytestmark = pytest.mark.browser

#: The command line, its questions given 3 seconds (the app's ANSWER_WAIT_S is for people).
BOOT = """
import sys
from consentinel.core import events
events.ANSWER_WAIT_S = 3.0
from consentinel.cli.main import main
sys.exit(main(sys.argv[1:]))
"""

WORDS = {
    "en": (
        "@tom2fa: enter the code from your authenticator app: ",
        "@tom2fa: no answer for 1 min: the question is closed, and the check goes on without "
        "this account.",
    ),
    "fr": (
        "@tom2fa\u00a0: saisissez le code de votre application d'authentification\u00a0: ",
        "@tom2fa\u00a0: pas de réponse depuis 1 min\u00a0: la question est fermée, et la "
        "vérification continue sans ce compte.",
    ),
}


def _read_until(master: int, shown: str, words: str, timeout: float = 120) -> str:
    deadline = time.monotonic() + timeout
    while words not in shown:
        left = deadline - time.monotonic()
        assert left > 0, f"{words!r} never shown; the terminal shows: {shown!r}"
        ready, _, _ = select.select([master], [], [], left)
        if ready:
            try:
                shown += os.read(master, 4096).decode(errors="replace")
            except OSError:  # the process ended
                break
    return shown


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_code_nobody_types_at_the_terminal_is_given_up_on(
    simx: Any, cli_env: dict[str, str], language: str
) -> None:
    tom = SimAccount(
        "tom2fa", "pw-tom", totp_secret=pyotp.random_base32(), challenges=["two_factor"]
    )
    _, env = x_with_accounts(simx, cli_env, tom, SimAccount("ann", "pw-ann"))
    env["CONSENTINEL_LANG"] = language
    question, said = WORDS[language]
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-c", BOOT, "check", "--json"],
        stdin=slave,
        stdout=subprocess.PIPE,
        stderr=slave,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    try:
        shown = _read_until(master, "", question)
        # Nobody types: the question is closed, on a line of its own, and the check ends.
        shown = _read_until(master, shown, said)
        out, _ = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    assert question + "\r\n" + said in shown, shown
    result = json.loads(out)
    statuses = {a["handle"]: (a["status"], a["reason"]) for a in result["accounts"]}
    # As an account skipped at the question: it needs the person, for the 2FA code.
    assert statuses["tom2fa"] == ("needs_user", "two_factor"), statuses
    assert statuses["ann"][0] == "fixed", statuses
    assert proc.returncode == 1
    assert RunLock(AppPaths.under(Path(env["CONSENTINEL_HOME"])).lock_path).holder() is None
