"""The keyring looked at in a thread of its own (Vault.check_unprompted: no unlock prompt, no
secret read): finding it and asking whether it is locked go through D-Bus, which may not
answer, and the window must not wait for it. The Add/Edit account dialog looks through it."""

from __future__ import annotations

import contextlib
import logging
import threading
from enum import Enum
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from consentinel.core.vault import Vault

log = logging.getLogger(__name__)


class KeyringSeen(str, Enum):
    USABLE = "usable"
    LOCKED = "locked"  # there, locked: saving a secret asks for its password
    MISSING = "missing"  # none, or only one that keeps secrets in a plain file


class KeyringLooked(NamedTuple):
    seen: KeyringSeen
    #: USABLE: the keyring's name ("GNOME Keyring / Secret Service"); else the problem, in words.
    words: str


class KeyringLook(QObject):
    """`look()` starts a look (one at a time: one that hangs is not joined by others);
    `found(KeyringLooked)` comes on the GUI thread."""

    found = Signal(object)
    #: From the looking thread; queued to the GUI thread, where `_looking` is kept.
    _done = Signal(object)

    def __init__(self, vault: Vault, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self._looking = False
        self._done.connect(self._arrived)

    @property
    def looking(self) -> bool:
        return self._looking

    def look(self) -> bool:
        """Start a look in a daemon thread; False (nothing started) while one is under way."""
        if self._looking:
            return False
        self._looking = True
        threading.Thread(target=self._look, name="keyring-look", daemon=True).start()
        return True

    def _look(self) -> None:
        from consentinel.core.vault import VaultError, VaultLocked

        vault = self._vault
        try:
            vault.check_unprompted()
            looked = KeyringLooked(KeyringSeen.USABLE, vault.backend_label())
        except VaultLocked as error:
            looked = KeyringLooked(KeyringSeen.LOCKED, str(error))
        except VaultError as error:
            looked = KeyringLooked(KeyringSeen.MISSING, str(error))
        except Exception as error:  # never leave the asker waiting; said, not swallowed
            log.exception("could not look at the keyring")
            looked = KeyringLooked(KeyringSeen.MISSING, f"{type(error).__name__}: {error}")
        # RuntimeError: the dialog was closed meanwhile; nobody waits for the answer.
        with contextlib.suppress(RuntimeError):
            self._done.emit(looked)

    def _arrived(self, looked: KeyringLooked) -> None:
        self._looking = False
        self.found.emit(looked)
