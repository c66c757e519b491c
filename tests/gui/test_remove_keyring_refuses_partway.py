"""The window removes several accounts one after the other; when the keyring refuses to delete
the secrets of one of them (locked, its unlock prompt dismissed), that one and every account
selected after it stay listed, with their secrets: the message names them all, not only the
one refused (the person would otherwise believe the others gone).

The keyring is a real Secret Service of the test's own, locked as the desktop's "Lock" does
once the first account's secrets are deleted; with no prompter on its bus, GNOME Keyring
dismisses the unlock prompt, as a person who cancels it does."""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest
from keyring.backends.SecretService import Keyring as SecretServiceKeyring
from pytestqt.qtbot import QtBot

from consentinel.core.vault import Vault
from consentinel.gui.confirmation import Confirmation
from tests.fixtures.keyring_fixtures import SecretServiceEnv, lock_keyring, unlock_keyring
from tests.gui._app_support import add_account, make_context, message_boxes, running_app

NOT_REACHED = {
    ("en", 1): "@carol, selected after @bob, was not removed either: remove it once the "
    "keyring can delete its secrets.",
    ("en", 2): "@carol and @dave, selected after @bob, were not removed either: remove them "
    "once the keyring can delete their secrets.",
    ("fr", 1): "@carol, sélectionné après @bob, n'a pas été retiré non plus\u00a0: retirez-le "
    "une fois que le trousseau pourra supprimer ses secrets.",
    ("fr", 2): "@carol et @dave, sélectionnés après @bob, n'ont pas été retirés non "
    "plus\u00a0: retirez-les une fois que le trousseau pourra supprimer leurs secrets.",
}
TITLE = {"en": "@bob was not removed", "fr": "@bob n'a pas été retiré"}
REMOVED = {"en": "@alice removed.", "fr": "@alice retiré."}


@pytest.mark.parametrize("after", [("carol",), ("carol", "dave")])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_accounts_after_the_one_the_keyring_refused_are_named(
    qtbot: QtBot,
    consentinel_home: Path,
    private_secret_service: SecretServiceEnv,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    after: tuple[str, ...],
) -> None:
    monkeypatch.setattr(Confirmation, "confirmed", lambda _box: True)
    told = message_boxes(monkeypatch)
    vault = Vault(SecretServiceKeyring(), service=f"org.consentinel.test-{secrets.token_hex(6)}")
    ctx = make_context(consentinel_home, vault=vault)
    handles = ["alice", "bob", *after]
    for handle in handles:
        add_account(ctx, handle, f"pw-{handle}")
    delete = vault.delete_account

    def locked_after_alice(handle: str) -> None:
        delete(handle)
        if handle == "alice":
            lock_keyring(private_secret_service)

    monkeypatch.setattr(vault, "delete_account", locked_after_alice)
    try:
        with running_app(qtbot, ctx, language=language) as app:
            app.window.table.selectAll()
            assert app.window.table.selected_handles() == handles
            app.window.remove_account()
            assert len(told) == 1, told
            kind, title, text = told[0]
            assert (kind, title) == ("warning", TITLE[language])
            assert text.endswith("\n\n" + NOT_REACHED[(language, len(after))]), text
            assert app.window.statusBar().currentMessage() == REMOVED[language]
            assert [account.handle for account in ctx.accounts.list()] == ["bob", *after]
    finally:
        unlock_keyring(private_secret_service)
    assert vault.get_password("alice") is None
    for handle in ("bob", *after):
        assert vault.get_password(handle) == f"pw-{handle}"


def test_the_last_account_refused_names_no_other(
    qtbot: QtBot,
    consentinel_home: Path,
    private_secret_service: SecretServiceEnv,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The keyring refusing the last account selected: no account after it to name."""
    monkeypatch.setattr(Confirmation, "confirmed", lambda _box: True)
    told = message_boxes(monkeypatch)
    vault = Vault(SecretServiceKeyring(), service=f"org.consentinel.test-{secrets.token_hex(6)}")
    ctx = make_context(consentinel_home, vault=vault)
    for handle in ("alice", "bob"):
        add_account(ctx, handle, f"pw-{handle}")
    delete = vault.delete_account

    def locked_after_alice(handle: str) -> None:
        delete(handle)
        if handle == "alice":
            lock_keyring(private_secret_service)

    monkeypatch.setattr(vault, "delete_account", locked_after_alice)
    try:
        with running_app(qtbot, ctx) as app:
            app.window.table.selectAll()
            app.window.remove_account()
            assert [(kind, title) for kind, title, _text in told] == [("warning", TITLE["en"])]
            assert "\n\n" not in told[0][2] and "selected after" not in told[0][2]
            assert [account.handle for account in ctx.accounts.list()] == ["bob"]
    finally:
        unlock_keyring(private_secret_service)
