"""The keyring looked at in a thread of its own (Vault.check_unprompted: no unlock prompt, no
secret read): finding it and asking whether it is locked go through D-Bus, which may not
answer, and a window must not wait for it. The main window (through the AppController) and
the Add/Edit account dialog look through it, at most every KEYRING_LOOK_EVERY_S when the
person comes back to them."""

from __future__ import annotations

import contextlib
import logging
import threading
from enum import Enum
from time import monotonic
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    from consentinel.core.vault import Vault

log = logging.getLogger(__name__)

#: Coming back to the window or to the account dialog looks at the keyring again, at most this
#: often (a look asks D-Bus; coming back from the app's own dialogs counts too).
KEYRING_LOOK_EVERY_S = 5.0


class KeyringSeen(str, Enum):
    USABLE = "usable"
    LOCKED = "locked"  # there, locked: saving a secret asks for its password
    MISSING = "missing"  # none, or only one that keeps secrets in a plain file


class KeyringLooked(NamedTuple):
    seen: KeyringSeen
    #: USABLE: the keyring's name ("GNOME Keyring / Secret Service"); else the problem, in words.
    words: str
    #: Looking for an account's 2FA secret (KeyringLook's totp_of): whether one is saved;
    #: None when not asked, or not known (the keyring locked, missing, or the read failed).
    totp_saved: bool | None = None


class KeyringLook(QObject):
    """`look()` starts a look (one at a time: one that hangs is not joined by others, and one
    asked for meanwhile follows its answer); `found(KeyringLooked)` comes on the GUI thread.
    A look that fails otherwise than by the vault's own errors is logged and found nothing:
    what was said of the keyring stays (the next look may tell), rather than a missing
    keyring said for a failure of the look."""

    found = Signal(object)
    #: From the looking thread (a KeyringLooked, or None: the look failed); queued to the GUI
    #: thread, where the state is kept.
    _done = Signal(object)

    def __init__(
        self, vault: Vault, parent: QObject | None = None, *, totp_of: str | None = None
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        #: The handle whose 2FA secret each look also tells is saved or not (the Edit dialog:
        #: its "Remove" box means nothing without one), read only from a usable keyring.
        self._totp_of = totp_of
        self._looking = False
        #: When the last look began (monotonic seconds), for look_when_due.
        self._began = float("-inf")
        #: Asked for while one was under way: one more once it has answered.
        self._again = False
        #: The look put off by look_when_due until its time (made the first time one is).
        self._put_off: QTimer | None = None
        self._stopped = False
        self._done.connect(self._arrived)

    @property
    def looking(self) -> bool:
        return self._looking

    @property
    def put_off(self) -> bool:
        """A look waits for its time (look_when_due)."""
        return self._put_off is not None and self._put_off.isActive()

    def look(self) -> None:
        """Start a look in a daemon thread; while one is under way, once it has answered (it
        may have begun before the keyring was started, unlocked or locked)."""
        if self._stopped:
            return
        if self._looking:
            self._again = True
            return
        self._looking = True
        self._began = monotonic()
        if self._put_off is not None:  # this one begins after the coming back it waited for
            self._put_off.stop()
        threading.Thread(target=self._look, name="keyring-look", daemon=True).start()

    def look_when_due(self) -> None:
        """Look (as look()) at most KEYRING_LOOK_EVERY_S after the last look began: sooner,
        the look waits for its time on a single-shot timer (not none: the person came back
        now, and the last look may be from before they changed the keyring)."""
        if self._stopped:
            return
        wait = self._began + KEYRING_LOOK_EVERY_S - monotonic()
        if wait <= 0:
            self.look()
            return
        if self._put_off is None:
            self._put_off = QTimer(self)
            self._put_off.setSingleShot(True)
            self._put_off.timeout.connect(self.look)
        if not self._put_off.isActive():
            self._put_off.start(int(wait * 1000) + 1)

    def stop(self) -> None:
        """No look begins from now on, and none that answers is said (the app shuts down)."""
        self._stopped = True
        self._again = False
        if self._put_off is not None:
            self._put_off.stop()

    def _look(self) -> None:
        from consentinel.core.vault import VaultError, VaultLocked

        vault = self._vault
        looked: KeyringLooked | None = None
        try:
            vault.check_unprompted()
            looked = KeyringLooked(
                KeyringSeen.USABLE, vault.backend_label(), self._totp_saved(vault)
            )
        except VaultLocked as error:
            looked = KeyringLooked(KeyringSeen.LOCKED, str(error))
        except VaultError as error:
            looked = KeyringLooked(KeyringSeen.MISSING, str(error))
        except Exception:  # never leave the asker waiting; logged, not swallowed
            log.exception("could not look at the keyring")
        # RuntimeError: the dialog was closed (or the app quit) meanwhile; nobody waits.
        with contextlib.suppress(RuntimeError):
            self._done.emit(looked)

    def _totp_saved(self, vault: Vault) -> bool | None:
        """Whether the account's 2FA secret is saved (None: not asked, or it could not be told).
        Never an unlock prompt: one locked since the look asked is not known, not asked for."""
        from consentinel.core.vault import VaultError

        if self._totp_of is None:
            return None
        try:
            with vault.asking_nobody():
                return vault.get_totp(self._totp_of) is not None
        except VaultError:
            return None

    def _arrived(self, looked: KeyringLooked | None) -> None:
        self._looking = False
        if self._stopped:
            return
        if self._again:
            self._again = False
            self.look()
        if looked is not None:
            self.found.emit(looked)
