"""SessionStore: each account's browser session (Playwright storage_state), encrypted at rest.

A session holds X's cookies, which are as good as a password: the file is AES-GCM encrypted
with a key kept in the Vault, written atomically and owner-only, and named after a hash of the
handle so that the folder does not even list who the accounts are.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from consentinel.core.accounts import handle_key
from consentinel.core.fileio import atomic_write_bytes, make_private_dirs, set_aside
from consentinel.core.paths import AppPaths
from consentinel.core.vault import Vault

if TYPE_CHECKING:
    # cryptography loads with the first session opened, not when the app starts.
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

_MAGIC = b"CSS1"
_NONCE_BYTES = 12
_SUFFIX = ".session"


class SessionStore:
    """save/load/delete one encrypted storage_state per account."""

    def __init__(self, paths: AppPaths, vault: Vault) -> None:
        self._dir = paths.sessions_dir
        self._vault = vault
        self._key: bytes | None = None
        #: Whether `_key` was read from the keyring since the current check began (a
        #: long-lived store, the window's, keeps it from check to check; see new_check).
        self._key_current = False
        #: Where each session that could not be decrypted was moved (by handle_key), until
        #: the check that found it says so (take_set_aside).
        self._set_aside: dict[str, Path] = {}

    def _cipher(self) -> AESGCM:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        # Asked once per store: each keyring read may show an unlock prompt.
        if self._key is None:
            self._read_key()
        assert self._key is not None
        return AESGCM(self._key)

    def _read_key(self) -> bool:
        """Read the key from the keyring (again); True when it is not the one cached."""
        key = self._vault.get_or_create_session_key()
        changed = key != self._key
        self._key, self._key_current = key, True
        return changed

    def new_check(self) -> None:
        """A check begins: the key cached by an earlier one is read again before a session is
        encrypted with it. Another process may have replaced it meanwhile (`delete-all-data`, a
        keyring reset): a session saved under the old key would open for nobody else, and each
        side would set the other's aside and sign in again at every check."""
        self._key_current = False

    def path_for(self, handle: str) -> Path:
        digest = hashlib.sha256(b"consentinel-session\0" + handle_key(handle).encode()).hexdigest()
        return self._dir / f"{digest[:32]}{_SUFFIX}"

    def save(self, handle: str, storage_state: dict[str, Any]) -> None:
        plain = json.dumps(storage_state, separators=(",", ":")).encode("utf-8")
        nonce = os.urandom(_NONCE_BYTES)
        # The handle is authenticated data: a file copied onto another account will not open.
        if self._key is not None and not self._key_current:
            self._read_key()  # (a sign-in just read the keyring: no prompt of its own)
        sealed = self._cipher().encrypt(nonce, plain, handle_key(handle).encode())
        make_private_dirs(self._dir)
        atomic_write_bytes(self.path_for(handle), _MAGIC + nonce + sealed)

    def load(self, handle: str) -> dict[str, Any] | None:
        """The saved session, or None if there is none or it cannot be decrypted (set aside)."""
        path = self.path_for(handle)
        try:
            blob = path.read_bytes()
        except FileNotFoundError:
            return None
        from cryptography.exceptions import InvalidTag

        cached = self._key is not None
        try:
            try:
                plain = self._open(blob, handle)
            except InvalidTag:
                # Sealed with a key this store no longer holds: the keyring's may be newer
                # (another process replaced it). Set aside only what that one cannot open.
                if not cached or not self._read_key():
                    raise
                plain = self._open(blob, handle)
            state = json.loads(plain.decode("utf-8"))
            if not isinstance(state, dict):
                raise ValueError("not a storage state")
        except (InvalidTag, ValueError):
            self._set_aside[handle_key(handle)] = set_aside(path, "corrupt")
            return None
        return state

    def _open(self, blob: bytes, handle: str) -> bytes:
        if not blob.startswith(_MAGIC):
            raise ValueError("not a session file")
        nonce = blob[len(_MAGIC) : len(_MAGIC) + _NONCE_BYTES]
        sealed = blob[len(_MAGIC) + _NONCE_BYTES :]
        return self._cipher().decrypt(nonce, sealed, handle_key(handle).encode())

    def take_set_aside(self, handle: str) -> Path | None:
        """Where `load` moved this account's unreadable session (once), else None."""
        return self._set_aside.pop(handle_key(handle), None)

    def prepare(self, handles: Iterable[str]) -> None:
        """A check of these accounts begins (new_check). Read the sessions' key now if any of
        them has a saved session, so that opening them later costs no keyring call (VaultError
        as for `load`)."""
        self.new_check()
        if any(self.exists(h) for h in handles):
            self._cipher()

    def exists(self, handle: str) -> bool:
        return self.path_for(handle).is_file()

    def delete(self, handle: str) -> None:
        """The account's session, and any copy of it set aside because it could not be read."""
        path = self.path_for(handle)
        self._unlink(path.parent.glob(path.name + "*"))

    def delete_all(self) -> None:
        if self._dir.is_dir():
            self._unlink(self._dir.glob(f"*{_SUFFIX}*"))  # set-aside copies included

    @staticmethod
    def _unlink(paths: Iterable[Path]) -> None:
        for path in paths:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
