"""A keyring that never asks for its password: for runs nobody watches (`check --unattended`).

keyring's Secret Service backend unlocks a locked collection, or item, before it reads or
writes: GNOME Keyring then opens its unlock dialog on the desktop, and the call waits for it.
Here a locked one is refused at once instead (keyring's KeyringLocked, which the Vault says as
"locked"): nothing is unlocked, so no dialog opens. Secret Service calls that might still ask
(an item read, written or deleted) are refused by secretstorage itself while it is locked."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SECRET_SERVICE = ("keyring.backends.SecretService", "Keyring")


def unprompted(backend: KeyringBackend) -> KeyringBackend:
    """`backend` unable to ask for a password: the Secret Service's own, others as they are
    (the Vault's qualname of the result is the given backend's)."""
    cls = type(backend)
    if (cls.__module__, cls.__qualname__) != SECRET_SERVICE:
        return backend
    from keyring.backends.SecretService import Keyring
    from keyring.errors import KeyringLocked

    class UnpromptedSecretService(Keyring):
        #: The backend this one stands for (the Vault names it so: labels, checks).
        unprompted_of = Keyring

        def get_preferred_collection(self) -> Any:
            import secretstorage
            from keyring.errors import InitError
            from secretstorage.exceptions import SecretStorageException

            bus = secretstorage.dbus_init()
            try:
                if hasattr(self, "preferred_collection"):
                    collection = secretstorage.Collection(bus, self.preferred_collection)
                else:
                    collection = secretstorage.get_default_collection(bus)
            except SecretStorageException as error:
                bus.close()
                raise InitError(f"Failed to create the collection: {error}.") from error
            if collection.is_locked():
                bus.close()
                raise KeyringLocked("The collection is locked (not unlocked: nobody to ask).")
            return collection

        def unlock(self, item: Any) -> None:
            if item.is_locked():  # (its connection is closed by the caller's closing())
                raise KeyringLocked("The item is locked (not unlocked: nobody to ask).")

    quiet = UnpromptedSecretService.__new__(UnpromptedSecretService)
    quiet.__dict__.update(backend.__dict__)  # (its preferred collection, its scheme)
    return quiet
