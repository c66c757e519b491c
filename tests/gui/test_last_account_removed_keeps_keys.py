"""Removing the last account in the window leaves the session and refused answers' keys in the
keyring (the real Secret Service): they encrypt and hash nothing once no account remains, and
the window keeps the session key it read. An account added afterwards in the same window saves
its session under the keyring's key, which the scheduled check (another process) opens: it
would set the session aside and sign in again at every check were the keys gone meanwhile.
`delete-all-data` is what takes them out (tests/unit/test_delete_all_data_cmd.py)."""

from __future__ import annotations

from pathlib import Path

from keyring.backends.SecretService import Keyring as SecretServiceKeyring
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from consentinel.core.vault import ANSWER_KEY_ENTRY, SESSION_KEY_ENTRY, Vault
from tests.gui._app_support import add_account, make_context, running_app


def _keys(vault: Vault) -> list[str]:
    entries = (SESSION_KEY_ENTRY, ANSWER_KEY_ENTRY)
    return [e for e in entries if vault.backend.get_password(vault.service, e) is not None]


def _say_remove() -> None:
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    next(b for b in box.buttons() if b.text() == "&Remove").click()


def test_the_keys_stay_after_the_last_account_and_serve_the_next(
    qtbot: QtBot, consentinel_home: Path, real_vault: Vault
) -> None:
    ctx = make_context(consentinel_home, vault=real_vault)
    for handle in ("ann", "ben"):
        add_account(ctx, handle, f"pw-{handle}")
        ctx.journal.append_account_added(handle)
    ctx.sessions.save("ann", {"cookies": [], "origins": []})  # makes the session key
    real_vault.get_or_create_answer_key()  # as a refusal remembered makes it
    assert _keys(real_vault) == [SESSION_KEY_ENTRY, ANSWER_KEY_ENTRY]
    with running_app(qtbot, ctx) as app:
        for handle in ("ann", "ben"):
            QTimer.singleShot(0, _say_remove)
            app.window.remove_account(handle)
        assert ctx.accounts.list() == []
        assert _keys(real_vault) == [SESSION_KEY_ENTRY, ANSWER_KEY_ENTRY]

        add_account(ctx, "cat", "pw-cat")
        ctx.sessions.prepare(["cat"])  # the window's next check, which signs cat in
        state = {"cookies": [{"name": "auth_token", "value": "cat"}], "origins": []}
        ctx.sessions.save("cat", state)
    scheduled = make_context(
        consentinel_home, vault=Vault(SecretServiceKeyring(), service=real_vault.service)
    )
    assert scheduled.sessions.load("cat") == state
    assert scheduled.sessions.take_set_aside("cat") is None
