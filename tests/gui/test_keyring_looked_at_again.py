"""The window looks at the keyring again when the person comes back to it: one started or
unlocked meanwhile takes its warning away (welcome page and status bar), one stopped or locked
meanwhile is said. A real GNOME Keyring on a private D-Bus bus; the look runs in a thread,
asks for no password, and at most every few seconds."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from keyring.backends.SecretService import Keyring as SecretServiceKeyring
from pytestqt.qtbot import QtBot

from consentinel.core.context import AppContext
from consentinel.core.paths import AppPaths
from consentinel.core.settings import Settings
from consentinel.core.vault import Vault
from consentinel.gui import keyring_look
from consentinel.gui.app_controller import AppController
from tests.fixtures.keyring_fixtures import SecretServiceEnv, lock_keyring, unlock_keyring
from tests.gui._app_support import come_back, running_app

QUIET = Settings(schedule="off", check_on_start=False)
SERVICE = "org.consentinel.Consentinel.test-looked-again"


class _WatchedVault(Vault):
    """A real Vault that notes the threads its unprompted looks ran in."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.looked_in: list[str] = []

    def check_unprompted(self) -> None:
        self.looked_in.append(threading.current_thread().name)
        super().check_unprompted()


@pytest.fixture
def no_bus(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No keyring configured for python-keyring, and a session bus that is not there."""
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-keyring-config"))
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path}/no-bus")


def _answered(app: AppController) -> bool:
    """The looks at the keyring asked for so far have answered."""
    return app.keyring_look is not None and not app.keyring_look.looking


def test_a_keyring_started_while_the_window_is_open_takes_the_warning_away(
    qtbot: QtBot,
    consentinel_home: Path,
    private_secret_service: SecretServiceEnv,
    monkeypatch: pytest.MonkeyPatch,
    no_bus: None,
    keyring_looks_each_time: None,
) -> None:
    vault = _WatchedVault(service=SERVICE)
    ctx = AppContext.create(AppPaths(consentinel_home), vault=vault, settings=QUIET)
    with running_app(qtbot, ctx) as app:
        window = app.window
        problem = window.empty.keyring_problem
        qtbot.waitUntil(problem.isVisible, timeout=20_000)
        assert (
            window.statusBar().currentMessage().startswith("Passwords cannot be saved: no keyring")
        )

        # Coming back while there is still none: still said, once.
        come_back(qtbot, window)
        qtbot.waitUntil(lambda: len(vault.looked_in) == 2 and _answered(app))
        assert problem.isVisible()
        assert (
            window.statusBar().currentMessage().startswith("Passwords cannot be saved: no keyring")
        )

        # The person starts GNOME Keyring (here: the session bus that has one is reachable).
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", private_secret_service.address)
        come_back(qtbot, window)
        qtbot.waitUntil(lambda: not problem.isVisible(), timeout=20_000)
        assert problem.text() == ""
        assert window.keyring_problem is None
        assert window.statusBar().currentMessage() == (
            "The keyring (GNOME Keyring / Secret Service) can be used now."
        )
        assert vault.backend_label() == "GNOME Keyring / Secret Service"
    # Never on the GUI thread: D-Bus may not answer.
    assert vault.looked_in and set(vault.looked_in) == {"keyring-look"}


def test_a_keyring_locked_then_unlocked_is_said_then_not_in_french(
    qtbot: QtBot,
    consentinel_home: Path,
    private_secret_service: SecretServiceEnv,
    keyring_looks_each_time: None,
) -> None:
    vault = _WatchedVault(SecretServiceKeyring(), service=SERVICE)
    ctx = AppContext.create(AppPaths(consentinel_home), vault=vault, settings=QUIET)
    with running_app(qtbot, ctx, language="fr") as app:
        window = app.window
        problem = window.empty.keyring_problem
        qtbot.waitUntil(lambda: _answered(app))
        assert not problem.isVisible() and window.keyring_problem is None

        # Locked in the desktop meanwhile (the screen locked, "Lock" in Seahorse).
        lock_keyring(private_secret_service)
        come_back(qtbot, window)
        qtbot.waitUntil(problem.isVisible, timeout=20_000)
        said = (
            "Le trousseau (GNOME Keyring / Secret Service) est verrouillé. Déverrouillez-le\xa0: "
            "d'ici là, enregistrer un mot de passe ou une vérification vous demande son mot de "
            "passe."
        )
        assert problem.text() == said  # (no "cannot be saved": it can, once unlocked)
        # The bar's short line (the page's sentence, whole, on pointing at the bar).
        assert window.statusBar().currentMessage() == (
            "Le trousseau est verrouillé\u00a0: enregistrer ou utiliser un mot de passe demande "
            "de le déverrouiller."
        )
        assert window.statusBar().toolTip() == said
        # Looked at without asking for its password: still locked.
        assert _is_locked(private_secret_service)

        # Unlocked in the desktop; the person comes back.
        unlock_keyring(private_secret_service)
        come_back(qtbot, window)
        qtbot.waitUntil(lambda: not problem.isVisible(), timeout=20_000)
        assert window.statusBar().currentMessage() == (
            "Le trousseau (GNOME Keyring / Secret Service) peut être utilisé maintenant."
        )


def test_a_locked_keyring_is_said_at_start_and_passwords_can_still_be_typed(
    qtbot: QtBot,
    consentinel_home: Path,
    private_secret_service: SecretServiceEnv,
) -> None:
    """Locked when the app starts (a desktop that logs in by itself): said once the window is
    up, and the welcome page's Add button stays (saving asks for the keyring's password)."""
    lock_keyring(private_secret_service)
    try:
        vault = _WatchedVault(SecretServiceKeyring(), service=SERVICE)
        ctx = AppContext.create(AppPaths(consentinel_home), vault=vault, settings=QUIET)
        with running_app(qtbot, ctx) as app:
            problem = app.window.empty.keyring_problem
            qtbot.waitUntil(problem.isVisible, timeout=20_000)
            assert problem.text().startswith(
                "The keyring (GNOME Keyring / Secret Service) is locked. Unlock it"
            )
            assert app.window.empty.add_button.isEnabled()
        assert _is_locked(private_secret_service)
    finally:
        unlock_keyring(private_secret_service)


def test_coming_back_often_looks_at_most_every_few_seconds(
    qtbot: QtBot,
    consentinel_home: Path,
    private_secret_service: SecretServiceEnv,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Three comings back within the interval make one look, once the interval is over (not
    none: the keyring may have been started just before the last one). The limit's clock
    stands still here, so "within" does not depend on how fast the machine is (a slow first
    look, or slow comings back, ran past the interval); the look put off is awaited."""
    now = [1000.0]
    monkeypatch.setattr(keyring_look, "monotonic", lambda: now[0])
    monkeypatch.setattr(keyring_look, "KEYRING_LOOK_EVERY_S", 1.5)
    vault = _WatchedVault(SecretServiceKeyring(), service=SERVICE)
    ctx = AppContext.create(AppPaths(consentinel_home), vault=vault, settings=QUIET)
    with running_app(qtbot, ctx) as app:
        qtbot.waitUntil(lambda: _answered(app))
        assert len(vault.looked_in) == 1  # the start's
        for _ in range(3):
            come_back(qtbot, app.window)
        assert len(vault.looked_in) == 1
        look = app.keyring_look
        assert look is not None and look.put_off
        qtbot.waitUntil(lambda: len(vault.looked_in) == 2, timeout=10_000)
        assert not look.put_off  # nothing more to come
        qtbot.waitUntil(lambda: _answered(app))
    assert len(vault.looked_in) == 2


def _is_locked(service: SecretServiceEnv) -> bool:
    import contextlib

    import secretstorage
    from jeepney.io.blocking import open_dbus_connection

    with contextlib.closing(open_dbus_connection(bus=service.address)) as conn:
        return bool(secretstorage.get_default_collection(conn).is_locked())
