"""A new password saved while a check signs in with the old one: X refuses the old one, and the
next check types the new one (X's "wrong password" is of the password typed, not of the new).

The check is the engine's, with real Chromium against simx and the real Secret Service keyring;
the new password is saved by `consentinel account set-password`, a process of its own, after the
check read the old one and before it remembers X's answer."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from consentinel.core import check_signin
from consentinel.core.context import AppContext
from consentinel.core.journal import EntryKind
from consentinel.core.paths import AppPaths
from consentinel.core.settings import Settings
from consentinel.core.status import Reason, Status
from consentinel.x.signin import SignInOutcome
from tests.e2e._cli_support import add_account, run_cli
from tests.e2e._engine_support import SimHarness, engine

pytestmark = pytest.mark.browser

OLD = "old password 41"
NEW = "new right password 42"


def test_a_password_saved_during_a_signin_is_typed_by_the_next_check(
    sim: SimHarness,
    cli_env: dict[str, str],
    consentinel_home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sim.add("alice", NEW)  # X knows the new one: the old one it refuses
    add_account(cli_env, "alice", OLD)
    ctx = AppContext.create(
        AppPaths.under(consentinel_home), settings=Settings(concurrency=1, x_origin=sim.origin)
    )
    real_sign_in: Callable[..., Awaitable[SignInOutcome]] = check_signin.sign_in
    saved: list[SignInOutcome] = []

    async def new_password_saved_meanwhile(*args: Any, **kwargs: Any) -> SignInOutcome:
        outcome = await real_sign_in(*args, **kwargs)
        if not saved:  # the person saves the right one while X answers the old one
            run_cli(cli_env, "account", "set-password", "alice", "--password-stdin",
                    stdin=NEW + "\n", check_exit=0)  # fmt: skip
            saved.append(outcome)
        return outcome

    monkeypatch.setattr(check_signin, "sign_in", new_password_saved_meanwhile)
    eng = engine(ctx)
    (first,) = eng.run_check(unattended=True).accounts
    assert (first.status, first.reason) == (Status.SIGNIN_FAILED, Reason.WRONG_PASSWORD)
    assert saved and ctx.vault.get_password("alice") == NEW
    # X refused the old password: not the new one, which nothing holds back.
    assert not ctx.accounts.state("alice").password_rejected

    (second,) = eng.run_check(unattended=True).accounts
    assert second.status is Status.FIXED, second.message
    assert sim.password_attempts("alice") == 2
    signins = ctx.journal.entries(handle="alice", kinds=[EntryKind.SIGNIN])
    assert [s.payload["reason"] for s in signins] == ["wrong_password", None]
    for kept in (ctx.paths.journal_path, ctx.paths.accounts_path):
        text = kept.read_bytes()
        assert OLD.encode() not in text and NEW.encode() not in text
