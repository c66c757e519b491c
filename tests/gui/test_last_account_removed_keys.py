"""Removing the last account in the window leaves nothing of the data folder in the keyring
(the real Secret Service): the session key and the refused answers' key go with it, and stay
while another account needs them."""

from __future__ import annotations

from pathlib import Path

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


def test_the_keys_go_with_the_last_account(
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
        QTimer.singleShot(0, _say_remove)
        app.window.remove_account("ann")
        assert _keys(real_vault) == [SESSION_KEY_ENTRY, ANSWER_KEY_ENTRY]  # ben's still
        QTimer.singleShot(0, _say_remove)
        app.window.remove_account("ben")
        assert ctx.accounts.list() == []
        assert _keys(real_vault) == []
