"""The in-memory keyring of the demo mode (and of tests that are not about secrets)."""

from __future__ import annotations

import threading

import keyring.errors
from keyring.backend import KeyringBackend
from keyring.compat import properties


class MemoryKeyring(KeyringBackend):
    """Secrets in this process's memory only: the demo mode. Never chosen automatically."""

    @properties.classproperty
    def priority(cls) -> float:
        # Raising makes the backend "not viable", so keyring's discovery never picks it.
        raise RuntimeError("the in-memory keyring is only used when asked for (demo mode)")

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._items: dict[tuple[str, str], str] = {}
        self._lock = threading.Lock()

    def get_password(self, service: str, username: str) -> str | None:
        with self._lock:
            return self._items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        with self._lock:
            self._items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        with self._lock:
            if self._items.pop((service, username), None) is None:
                raise keyring.errors.PasswordDeleteError("no such entry")
