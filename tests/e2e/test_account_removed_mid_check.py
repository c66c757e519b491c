"""An account removed (`consentinel account remove`, another process) while its check runs: the
check stops at its next safe point without a crash, keeps no session for it and changes nothing
more at X; the other accounts' results are said and make the exit code. Real Chromium against
the simulated X, real files, a real journal; the CLI test runs real processes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyotp
import pytest

from consentinel.cli.check_cmd import exit_code
from consentinel.core.accounts import AccountStore
from consentinel.core.events import PromptRequest
from consentinel.core.journal import Journal
from consentinel.core.journal_entries import EntryKind
from consentinel.core.paths import AppPaths
from consentinel.core.status import Reason, Status
from consentinel.core.steps import PromptKind
from consentinel.simx import SimAccount
from tests.e2e._cli_support import run_cli, started, x_with_accounts
from tests.e2e._engine_support import SimHarness, add_account, engine, make_context

PASSWORD = "correct horse battery staple 42!"


@pytest.mark.browser
def test_an_account_removed_while_it_signs_in_stops_there_and_keeps_no_session(
    sim: SimHarness, tmp_path: Path
) -> None:
    """@uma's sign-in asks for its 2FA code; meanwhile another process removes @uma. The
    sign-in ends (the code is given), and the check stops there: its session is not kept,
    no box is changed at X, @vic's check is said, and the run is not "cancelled"."""
    secret = pyotp.random_base32()
    sim.add("uma", "pw", totp_secret=secret)
    sim.add("vic", "pw")
    ctx = make_context(sim.origin, tmp_path / "home", concurrency=1)
    add_account(ctx, "uma", "pw")
    add_account(ctx, "vic", "pw")
    asked: list[PromptRequest] = []

    def ask(request: PromptRequest) -> str | None:
        asked.append(request)
        # `account remove` in another process: its own reading of the list, then the session.
        AccountStore(ctx.paths).remove("uma")
        ctx.sessions.delete("uma")
        return pyotp.TOTP(secret).now()

    result = engine(ctx).run_check(ask=ask)

    assert [p.kind for p in asked] == [PromptKind.TWO_FACTOR_CODE]
    assert not result.cancelled
    uma, vic = sorted(result.accounts, key=lambda a: a.handle)
    assert vic.status is Status.FIXED, vic.message
    assert uma.removed and uma.reason is Reason.CANCELLED, uma.message
    assert uma.message == (
        "@uma was removed from your accounts during its check. The check stopped there."
    )
    assert uma.to_json()["removed"] is True and "removed" not in vic.to_json()
    assert exit_code(result) == 0  # @vic's boxes are off; @uma is no longer protected
    assert not ctx.sessions.exists("uma")  # saved by the sign-in after the removal: gone
    assert sim.server.mutations("uma") == [] and all(sim.server.boxes("uma").values())
    assert ctx.accounts.get("uma") is None and "uma" not in ctx.paths.accounts_path.read_text()
    checks = {e.handle: e.payload for e in ctx.journal.entries(kinds=[EntryKind.CHECK])}
    assert checks["uma"]["removed"] is True and checks["uma"]["reason"] == "cancelled"
    assert not ctx.journal.entries(handle="uma", kinds=[EntryKind.EVIDENCE])


@pytest.mark.browser
def test_check_json_says_the_others_when_an_account_is_removed_during_its_check(
    simx: Any, cli_env: dict[str, str], consentinel_home: Path
) -> None:
    """`check --json` runs; while X holds @gone's settings page, `account remove gone --yes`
    ends. The check ends without a traceback, prints every result (@gone's said removed), exits
    0 since @ann's boxes are off, and the journal's run finished (not "cancelled")."""
    sim, env = x_with_accounts(
        simx,
        cli_env,
        SimAccount("ann", PASSWORD),
        SimAccount("gone", PASSWORD, fault="settings_hang"),
    )
    with started(env, "check", "--json") as run:
        assert sim.settings_hanging.wait(timeout=120), "@gone's check never reached X"
        removed = run_cli(env, "account", "remove", "gone", "--yes")
        assert removed.returncode == 0, removed.stderr
        done = run.finish(timeout=180)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 0, (done.stdout, done.stderr)
    said = {a["handle"]: a for a in json.loads(done.stdout)["accounts"]}
    assert said["ann"]["status"] == "fixed" and "removed" not in said["ann"]
    assert said["gone"]["removed"] is True
    assert said["gone"]["message"].startswith(
        "@gone was removed from your accounts during its check."
    )
    paths = AppPaths.under(consentinel_home)
    assert "gone" not in paths.accounts_path.read_text()
    assert [a.handle for a in AccountStore(paths).list()] == ["ann"]
    journal = Journal.open(paths.journal_path)
    try:
        ends = [e.payload["status"] for e in journal.entries(kinds=[EntryKind.RUN_FINISHED])]
        assert ends == ["finished"], ends
        checks = {e.handle: e.payload for e in journal.entries(kinds=[EntryKind.CHECK])}
        assert checks["gone"]["removed"] is True
    finally:
        journal.close()
