"""The Edit account dialog writes the keyring before it holds the account list: a keyring that
asks the person first (KWallet's or the Keychain's prompt, a locked keyring's unlock) keeps no
other writer of the list waiting, and what X refused of the new secrets meanwhile stays.

The keyring is the real Secret Service; a wrapper around the dialog's write stands for its
prompt (which cannot be answered from a test): the write waits until the test answers."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.journal_entries import EntryKind
from consentinel.core.password_refusals import rejects_saved_password, typed_password_digest
from consentinel.core.records import replace
from consentinel.core.signin_rules import remember_outcome
from consentinel.core.signin_secrets import secrets_to_type
from consentinel.core.status import Reason
from consentinel.core.totp_refusals import refused_saved_totp, remember_refused_totp
from consentinel.core.vault import Vault
from consentinel.gui.account_dialog import AccountDialog

OLD, NEW = "Old-Pebble-4410-orchard", "New-Lantern-9032-meadow"
EDIT_PHONE = ("account", "edit", "alice", "--phone", "+1 555 0100 200")
OLD_TOTP, NEW_TOTP = "JBSWY3DPEHPK3PXP", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


class _Prompt:
    """Stands for a keyring that asks the person before it keeps a secret: the dialog's write
    of `kind` ("password" or "totp") waits until `answered`; `then` runs once it is kept, on
    another thread (a check of this window), before the dialog goes on."""

    def __init__(self, vault: Vault, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
        self.asking = threading.Event()
        self.answered = threading.Event()
        self.then: list[Callable[[], None]] = []
        name = f"set_{kind}"
        write: Callable[[str, str], None] = getattr(vault, name)

        def prompting_write(handle: str, secret: str) -> None:
            self.asking.set()
            assert self.answered.wait(90), "the test never answered the prompt"
            write(handle, secret)
            for step in self.then:
                thread = threading.Thread(target=step, daemon=True)
                thread.start()
                thread.join(30)
                assert not thread.is_alive(), "the check waited for the dialog's save"

        monkeypatch.setattr(vault, name, prompting_write)


@pytest.fixture
def alice(real_vault: Vault, consentinel_home: Path) -> Iterator[AppContext]:
    """@alice listed, with a password and 2FA secret X refused (as a check keeps them)."""
    ctx = AppContext.create(vault=real_vault)
    ctx.accounts.add(Account("alice", email="old@example.com"))
    real_vault.set_password("alice", OLD)
    real_vault.set_totp("alice", OLD_TOTP)
    ctx.accounts.mark_password_rejected("alice", typed_password_digest(ctx, "alice", OLD))
    remember_refused_totp(ctx, "alice", OLD_TOTP)
    yield ctx
    ctx.journal.close()


def _edit_dialog(qtbot: QtBot, ctx: AppContext) -> AccountDialog:
    dialog = AccountDialog(ctx, ctx.accounts.get("alice"))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_other_writers_do_not_wait_for_the_keyrings_prompt(
    qtbot: QtBot, alice: AppContext, real_vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the keyring asks the person about the new password, `consentinel account edit`
    (another process) and a writer of this window (another thread) change @alice at once:
    the dialog held the list meanwhile, and both waited for the prompt (the command line
    gave up after 15 seconds)."""
    ctx = alice
    prompt = _Prompt(real_vault, monkeypatch, "password")
    ran: list[subprocess.CompletedProcess[str] | bool] = []

    def others_while_it_asks() -> None:
        try:
            assert prompt.asking.wait(60)
            ran.append(
                subprocess.run(
                    [sys.executable, "-m", "consentinel", *EDIT_PHONE],
                    capture_output=True,
                    text=True,
                    timeout=60,
                    env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
                )
            )
            writer = threading.Thread(
                target=ctx.accounts.change_account,
                args=("alice", lambda a: replace(a, email="thread@example.com")),
                daemon=True,
            )
            writer.start()
            writer.join(10)
            ran.append(not writer.is_alive())
        finally:
            prompt.answered.set()  # the person answers only now

    others = threading.Thread(target=others_while_it_asks, daemon=True)
    others.start()
    dialog = _edit_dialog(qtbot, ctx)
    qtbot.keyClicks(dialog.password_edit, NEW)
    with qtbot.waitSignal(dialog.accepted, timeout=120_000):
        dialog.save_button.click()
    others.join(60)

    command, thread_done = ran
    assert isinstance(command, subprocess.CompletedProcess)
    assert command.returncode == 0 and "Updated @alice." in command.stdout, command.stderr
    assert thread_done is True, "this window's writer waited for the keyring's prompt"
    listed = ctx.accounts.get("alice")
    assert listed is not None
    assert (listed.email, listed.phone) == ("thread@example.com", "+1 555 0100 200")
    assert real_vault.get_password("alice") == NEW
    assert not ctx.accounts.state("alice").password_rejected
    edits = [e.payload for e in ctx.journal.entries(kinds=[EntryKind.ACCOUNT_EDITED])]
    assert edits[0] == {"phone": "added"} and edits[-1] == {"new_password": True}


def test_a_refusal_of_the_new_password_made_before_the_list_is_held_stays(
    qtbot: QtBot, alice: AppContext, real_vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between the keyring keeping the new password and the dialog holding the list, a check
    reads it (the new one, not the refused one), types it, and X refuses it: that refusal is
    the new password's and stays; only the old one's, seen before, would have been lifted."""
    ctx = alice
    prompt = _Prompt(real_vault, monkeypatch, "password")
    typed: list[str | None] = []

    def a_check_meanwhile() -> None:
        account = ctx.accounts.get("alice")
        assert account is not None
        secrets, _ = secrets_to_type(ctx, account)
        typed.append(secrets.password)
        digest = typed_password_digest(ctx, "alice", secrets.password)
        remember_outcome(
            ctx.accounts, "alice", Reason.WRONG_PASSWORD, True, 12, rejected_password=digest
        )

    prompt.then.append(a_check_meanwhile)
    prompt.answered.set()
    dialog = _edit_dialog(qtbot, ctx)
    qtbot.keyClicks(dialog.password_edit, NEW)
    with qtbot.waitSignal(dialog.accepted):
        dialog.save_button.click()

    assert typed == [NEW]
    assert real_vault.get_password("alice") == NEW
    state = ctx.accounts.state("alice")
    assert state.password_rejected and rejects_saved_password(ctx, "alice", state, NEW)
    account = ctx.accounts.get("alice")
    assert account is not None and secrets_to_type(ctx, account)[0].password is None


def test_a_refusal_of_the_new_2fa_secret_made_before_the_list_is_held_stays(
    qtbot: QtBot, alice: AppContext, real_vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same for a 2FA secret: X refused a code made from the new one meanwhile, and no
    code is made from it again; the old one's refusal, seen before, no longer mattered."""
    ctx = alice
    prompt = _Prompt(real_vault, monkeypatch, "totp")
    made_from: list[str | None] = []

    def a_check_meanwhile() -> None:
        account = ctx.accounts.get("alice")
        assert account is not None
        _, secret = secrets_to_type(ctx, account)
        made_from.append(secret)
        remember_refused_totp(ctx, "alice", secret)  # X called its code incorrect

    prompt.then.append(a_check_meanwhile)
    prompt.answered.set()
    dialog = _edit_dialog(qtbot, ctx)
    qtbot.keyClicks(dialog.totp_edit, NEW_TOTP)
    with qtbot.waitSignal(dialog.accepted):
        dialog.save_button.click()

    assert made_from == [NEW_TOTP]
    assert real_vault.get_totp("alice") == NEW_TOTP
    assert refused_saved_totp(ctx, "alice", NEW_TOTP)
