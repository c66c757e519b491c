"""A look at the keyring that fails otherwise than by the vault's own errors (a bug, D-Bus
going away under the keyring library) is logged and changes nothing shown, in the window as in
the Add/Edit account dialog: what the last look said stays (the dialog said "Secrets cannot be
stored" and blocked Save for it), and the next look tells. A real GNOME Keyring on a private
D-Bus bus."""

from __future__ import annotations

import logging
import secrets
import threading
from pathlib import Path

import pytest
from keyring.backends.SecretService import Keyring as SecretServiceKeyring
from pytestqt.qtbot import QtBot

from consentinel.core.context import AppContext
from consentinel.core.paths import AppPaths
from consentinel.core.settings import Settings
from consentinel.core.vault import Vault
from consentinel.gui.account_dialog import AccountDialog
from consentinel.gui.app_controller import AppController
from consentinel.gui.keyring_look import KeyringSeen
from tests.fixtures.keyring_fixtures import SecretServiceEnv, lock_keyring, unlock_keyring
from tests.gui._app_support import come_back, running_app

QUIET = Settings(schedule="off", check_on_start=False)
USABLE = "Password and 2FA secret are kept by GNOME Keyring / Secret Service, never in a file."
FAILED = "could not look at the keyring"


class _BreakingVault(Vault):
    """A real Vault whose unprompted look, while `broken`, fails as nothing expects."""

    def __init__(self) -> None:
        super().__init__(
            SecretServiceKeyring(),
            service=f"org.consentinel.Consentinel.test-{secrets.token_hex(6)}",
        )
        self.looked_in: list[str] = []
        self.broken = False

    def check_unprompted(self) -> None:
        self.looked_in.append(threading.current_thread().name)
        if self.broken:
            raise RuntimeError("the keyring library met something new")
        super().check_unprompted()


def _failures(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.getMessage() == FAILED]


def _answered(app: AppController) -> bool:
    return app.keyring_look is not None and not app.keyring_look.looking


def test_a_failed_look_leaves_the_dialog_as_it_was(
    qtbot: QtBot,
    consentinel_home: Path,
    private_secret_service: SecretServiceEnv,
    keyring_looks_each_time: None,
    caplog: pytest.LogCaptureFixture,
) -> None:
    vault = _BreakingVault()
    ctx = AppContext.create(AppPaths(consentinel_home), vault=vault)
    dialog = AccountDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.waitUntil(lambda: dialog.keyring_seen is KeyringSeen.USABLE, timeout=20_000)
    qtbot.keyClicks(dialog.handle_edit, "rosa_vale")
    qtbot.keyClicks(dialog.password_edit, "Quartz-Lantern-5820-harbour")
    assert dialog.save_button.isEnabled()

    vault.broken = True
    come_back(qtbot, dialog)
    qtbot.waitUntil(lambda: len(vault.looked_in) == 2 and not dialog._keyring_look.looking)
    # Not "Secrets cannot be stored. RuntimeError: …", nor Save blocked, for a failed look.
    assert dialog.keyring_seen is KeyringSeen.USABLE
    assert dialog.vault_label.text() == USABLE and dialog.vault_label.styleSheet() == ""
    assert dialog.save_button.isEnabled()
    (failure,) = _failures(caplog)
    assert failure.levelno == logging.ERROR and failure.exc_info is not None

    # The next look tells: a keyring locked meanwhile is said.
    vault.broken = False
    lock_keyring(private_secret_service)
    try:
        come_back(qtbot, dialog)
        qtbot.waitUntil(lambda: dialog.keyring_seen is KeyringSeen.LOCKED, timeout=20_000)
    finally:
        unlock_keyring(private_secret_service)
    assert set(vault.looked_in) == {"keyring-look"}


def test_a_failed_look_leaves_the_windows_warning_as_it_was(
    qtbot: QtBot,
    consentinel_home: Path,
    private_secret_service: SecretServiceEnv,
    keyring_looks_each_time: None,
    caplog: pytest.LogCaptureFixture,
) -> None:
    lock_keyring(private_secret_service)
    try:
        vault = _BreakingVault()
        ctx = AppContext.create(AppPaths(consentinel_home), vault=vault, settings=QUIET)
        with running_app(qtbot, ctx) as app:
            window = app.window
            problem = window.empty.keyring_problem
            qtbot.waitUntil(problem.isVisible, timeout=20_000)
            said = problem.text()
            assert said.startswith("The keyring (GNOME Keyring / Secret Service) is locked.")
            assert window.keyring_problem is not None

            vault.broken = True
            come_back(qtbot, window)
            qtbot.waitUntil(lambda: len(vault.looked_in) == 2 and _answered(app))
            assert problem.isVisible() and problem.text() == said  # still said, as it was
            assert window.keyring_problem is not None
            assert len(_failures(caplog)) == 1

            # The next look tells: unlocked meanwhile, the warning goes.
            vault.broken = False
            unlock_keyring(private_secret_service)
            come_back(qtbot, window)
            qtbot.waitUntil(lambda: not problem.isVisible(), timeout=20_000)
            assert window.keyring_problem is None
    finally:
        unlock_keyring(private_secret_service)
