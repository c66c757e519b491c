"""The window's scheduled check with the keyring locked: as the OS job's (`check
--unattended`), it says so and ends, and never opens the keyring's unlock dialog (at 3 a.m.
nobody answers it, and the check waited for it holding the run lock); a check the person starts
in the window may still ask for the keyring's password."""

from __future__ import annotations

from pathlib import Path

import pytest
from keyring.backends.SecretService import Keyring as SecretServiceKeyring
from pytestqt.qtbot import QtBot

from consentinel.core.journal_entries import EntryKind
from consentinel.core.status import Reason
from consentinel.core.vault import KEYRING_WAIT_S, Vault
from consentinel.simx import SimAccount
from tests.fixtures.keyring_fixtures import (
    SecretServiceEnv,
    lock_keyring,
    prompts_in,
    unlock_keyring,
    watch_bus,
)
from tests.fixtures.simx_fixtures import SimxFactory
from tests.gui._app_support import add_account, make_context, running_app

SERVICE = "org.consentinel.Consentinel.test-scheduled-locked"


def _collection_locked() -> bool:
    import contextlib

    import secretstorage

    with contextlib.closing(secretstorage.dbus_init()) as conn:
        return bool(secretstorage.get_default_collection(conn).is_locked())


@pytest.mark.browser
def test_a_scheduled_check_in_the_window_never_asks_for_a_locked_keyrings_password(
    qtbot: QtBot,
    simx: SimxFactory,
    consentinel_home: Path,
    private_secret_service: SecretServiceEnv,
    tmp_path: Path,
) -> None:
    sim = simx(SimAccount("nora", "pw-nora"), SimAccount("olga", "pw-olga"))
    vault = Vault(SecretServiceKeyring(), service=SERVICE)
    ctx = make_context(consentinel_home, sim.origin, vault)
    add_account(ctx, "nora", "pw-nora")
    add_account(ctx, "olga", "pw-olga")
    vault.get_or_create_session_key()
    try:
        with running_app(qtbot, ctx) as app:
            lock_keyring(private_secret_service)  # the screen locked for the night
            with watch_bus(private_secret_service, tmp_path / "bus.log") as watch:
                wait_ms = int(KEYRING_WAIT_S * 1000) // 2  # (said at once: well within it)
                with qtbot.waitSignal(app.runner.run_finished, timeout=wait_ms) as finished:
                    assert app.window.start_check(None, trigger="schedule")
                scheduled = watch.seen_up_to_now()
                assert prompts_in(scheduled) == []
                result = finished.args[0]
                assert {(a.handle, a.reason) for a in result.accounts} == {
                    ("nora", Reason.KEYRING_UNAVAILABLE),
                    ("olga", Reason.KEYRING_UNAVAILABLE),
                }
                assert all("locked" in a.message for a in result.accounts), result.accounts
                assert _collection_locked()
                assert sim.signin_attempts("nora") == [] and sim.boxes("nora")["training"]
                # The person's own check, started in the window, may ask: the scheduled one's
                # silence was its own, not left on the keyring for the rest of the app.
                with qtbot.waitSignal(app.runner.run_finished, timeout=wait_ms):
                    assert app.window.start_check(["nora"])
                assert prompts_in(watch.seen_up_to_now()) != []
            said = [e.payload for e in ctx.journal.entries(kinds=[EntryKind.NOTIFICATION])]
            assert [p["kind"] for p in said].count("cannot_check") == 1, said
            assert "keyring" in str(said[0].get("message")), said
    finally:
        unlock_keyring(private_secret_service)
        vault.delete_account("nora")
        vault.delete_account("olga")
        vault.delete_session_key()
