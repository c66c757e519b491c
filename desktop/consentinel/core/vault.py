"""Vault: the one door to the OS keyring for passwords, TOTP secrets and the session key.

It says in a person's words which keyring holds the secrets, raises typed errors (unavailable,
locked) and never falls back to a plaintext file: backends that store secrets in clear files
are refused outright.
"""

from __future__ import annotations

import base64
import contextlib
import contextvars
import importlib
import logging
import secrets
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from consentinel import APP_ID
from consentinel.core.accounts import handle_key
from consentinel.core.i18n import tr
from consentinel.core.paths import NOTHING_ADOPTED

if TYPE_CHECKING:
    # keyring loads when a secret is first needed, not when the app starts.
    from keyring.backend import KeyringBackend


log = logging.getLogger(__name__)

SERVICE = APP_ID
SESSION_KEY_ENTRY = "session-key"
SESSION_KEY_BYTES = 32
#: The key of the keyed hashes (HMAC) that remember refused identity answers in accounts.json:
#: without it, an email or phone cannot be found again from its hash by trying likely ones.
ANSWER_KEY_ENTRY = "answer-key"
#: Backends that are no keyring at all, or that keep secrets in files anyone with the disk can
#: read (keyrings.alt's Plaintext/Encrypted file keyrings and friends). Matched on module names.
_REFUSED_MODULE_PREFIXES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")
#: How long a run nobody watches (`check --unattended`, the window's scheduled checks) waits
#: for a keyring that does not answer before taking it as locked (a locked one is said at
#: once: Vault.never_prompt, Vault.asking_nobody).
KEYRING_WAIT_S = 120.0
#: Set within Vault.asking_nobody(): the keyring calls of this code (its thread, the tasks and
#: worker threads it starts) never ask for the keyring's password, whatever other code of the
#: same process asks meanwhile (the window, while its scheduled check runs).
_ASKING_NOBODY: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "consentinel_vault_asking_nobody", default=False
)

_LABELS = {
    "keyring.backends.SecretService.Keyring": "GNOME Keyring / Secret Service",
    "keyring.backends.libsecret.Keyring": "GNOME Keyring / Secret Service",
    "keyring.backends.kwallet.DBusKeyring": "KWallet",
    "keyring.backends.kwallet.DBusKeyringKWallet4": "KWallet",
    "keyring.backends.macOS.Keyring": "macOS Keychain",
    "keyring.backends.Windows.WinVaultKeyring": "Windows Credential Manager",
}


#: What the keyring was asked to do, for the sentence that says it failed.
Doing = Literal["reading", "saving", "deleting"]


class VaultError(Exception):
    """The keyring could not do what was asked; str() is a sentence for a person.

    `cause`: what the keyring itself answered ("The name org.freedesktop.secrets was not
    provided by any .service files"), the secret blanked out of it, or "": no sentence for a
    person, but what tells a keyring not installed from one not answering (the doctor shows
    it as a technical detail)."""

    def __init__(self, message: str = "", *, cause: str = "") -> None:
        super().__init__(message)
        self.cause = cause


class VaultUnavailable(VaultError):
    """No usable keyring: none installed/running, or only an insecure one."""


class VaultLocked(VaultError):
    """The keyring is locked, or the person dismissed or refused the unlock prompt."""


class _EntryKept(VaultError):
    """The keyring answered that an entry was not there to delete, and it still is."""


#: How many times one entry is deleted at most. The Secret Service (GNOME Keyring) deletes only
#: the first of the items with the entry's service and user name, and more may be there (written
#: by another tool, an older version, or twice by a write cut short): each is deleted in turn
#: until the keyring says none is left. Bounded, as a keyring that answers "deleted" and keeps
#: the item (macOS may) would be asked forever, and one that asks at each deletion would open
#: dialog after dialog: past the bound, the entry is said kept. Such asking is not expected:
#: GNOME Keyring asks to unlock once, the collection then stays unlocked; KWallet asks to open
#: the wallet once per process, and holds one entry per name (the second deletion finds none);
#: macOS deletes every match at once, but may ask to allow access to an item another app wrote,
#: once per deletion (the second one finds none).
MAX_DELETES_PER_ENTRY = 8


#: The OS keyrings, looked for afresh each time (keyring.get_keyring() decides once per process
#: and would keep "no keyring" even after the Secret Service appears on the bus). Only this
#: system's are imported: keyring's macOS module, imported on any other system, looks for
#: Apple's libraries with ctypes' find_library, which runs ldconfig, gcc and ld three times each.
_OS_BACKENDS = {
    "darwin": (("keyring.backends.macOS", "Keyring"),),
    "win32": (("keyring.backends.Windows", "WinVaultKeyring"),),
    "other": (
        ("keyring.backends.SecretService", "Keyring"),
        ("keyring.backends.kwallet", "DBusKeyring"),
        ("keyring.backends.libsecret", "Keyring"),
    ),
}


def os_backends(platform: str = sys.platform) -> tuple[tuple[str, str], ...]:
    """(module, class) of the OS keyrings that can exist on `platform`."""
    return _OS_BACKENDS.get(platform, _OS_BACKENDS["other"])


def detect_backend() -> KeyringBackend:
    """The keyring the person configured for python-keyring, else the best OS keyring running
    now, else keyring's "fail" backend (which the Vault reports as no keyring)."""
    import keyring.core

    try:
        configured = keyring.core.load_env() or keyring.core.load_config()
    except Exception:  # a misspelt PYTHON_KEYRING_BACKEND or keyringrc: look for one instead
        configured = None
    if configured is not None:
        return configured
    best: tuple[float, type[KeyringBackend]] | None = None
    why_not: list[str] = []
    for module_name, class_name in os_backends():
        try:
            cls = getattr(importlib.import_module(module_name), class_name)
            priority = float(cls.priority)  # raises when not usable here (wrong OS, no daemon)
        except Exception as error:
            why_not.append(f"{module_name.rsplit('.', 1)[-1]}: {error or type(error).__name__}")
            continue
        if best is None or priority > best[0]:
            best = (priority, cls)
    if best is None:
        from keyring.backends import fail

        none = fail.Keyring()  # type: ignore[no-untyped-call]
        # Each keyring's own reason ("DBUS_SESSION_BUS_ADDRESS is unset": no desktop session;
        # "neither running nor activatable": none installed), for the doctor (VaultError.cause).
        none.consentinel_why_not = "; ".join(why_not)  # type: ignore[attr-defined]
        return none
    return best[1]()


def _qualname(backend: object) -> str:
    cls = getattr(type(backend), "unprompted_of", type(backend))  # (keyring_unprompted.py)
    return f"{cls.__module__}.{cls.__qualname__}"


def _is_refused(backend: KeyringBackend) -> bool:
    module = type(backend).__module__
    return (
        module.startswith(_REFUSED_MODULE_PREFIXES) or "plaintext" in type(backend).__name__.lower()
    )


def _is_none(backend: KeyringBackend) -> bool:
    """keyring's "no keyring here" backends."""
    return type(backend).__module__.startswith(("keyring.backends.fail", "keyring.backends.null"))


def _unwrap(backend: KeyringBackend) -> KeyringBackend:
    """A chainer writes to the first backend that accepts: keep only the best secure one."""
    from keyring.backends.chainer import ChainerBackend

    if isinstance(backend, ChainerBackend):
        secure = [b for b in ChainerBackend.backends if not _is_refused(b)]
        if secure:
            chosen: KeyringBackend = secure[0]
            return chosen
        from keyring.backends import fail

        return fail.Keyring()  # type: ignore[no-untyped-call]
    return backend


@dataclass(frozen=True)
class Adoption:
    """Where a data folder's secrets were before it had a keyring service of its own (before
    0.2 every folder shared one): copied from there once, for the folder's own accounts."""

    legacy_service: str
    handles: Callable[[], Iterable[str]]
    done_marker: Path
    #: Whether the platform's data folder, which still keeps its secrets under legacy_service,
    #: has an account with this handle: its entries there are then its own, not a leftover.
    used_by_platform_folder: Callable[[str], bool] = lambda handle: True


class Vault:
    """Passwords, TOTP secrets and the session key of every account, in the OS keyring.

    Entries live under the service "org.consentinel.Consentinel" (the platform's data folder;
    a CONSENTINEL_HOME folder adds ":<its path>") with user names "<handle lower-case>:password",
    "<handle>:totp", "session-key" and "answer-key".
    """

    def __init__(
        self,
        backend: KeyringBackend | None = None,
        *,
        service: str = SERVICE,
        adopt: Adoption | None = None,
    ) -> None:
        self._given = backend
        self._resolved: KeyringBackend | None = None
        self._service = service
        self._adopt = adopt
        self._lock = threading.RLock()
        #: Set when the keyring did not answer in time (check_within): every later call fails
        #: at once with it instead of waiting behind the call still stuck.
        self._unanswered: VaultLocked | None = None
        #: Set by never_prompt(): a locked keyring is refused, never asked to unlock.
        self._never_prompts = False
        #: The keyring found, and the same unable to ask (asking_nobody): made once.
        self._quiet: tuple[KeyringBackend, KeyringBackend] | None = None

    @property
    def _backend(self) -> KeyringBackend:
        """The keyring, found on first use (finding it talks to D-Bus; the window need not wait)."""
        if self._resolved is None:
            with self._lock:
                if self._resolved is None:
                    given = self._given if self._given is not None else detect_backend()
                    self._resolved = self._unprompted_if_asked(_unwrap(given))
                    self._adopt_legacy(self._quiet_if_asking_nobody(self._resolved))
        return self._quiet_if_asking_nobody(self._resolved)

    def _quiet_if_asking_nobody(self, backend: KeyringBackend) -> KeyringBackend:
        if not _ASKING_NOBODY.get() or self._never_prompts:
            return backend
        quiet = self._quiet
        if quiet is None or quiet[0] is not backend:
            from consentinel.core.keyring_unprompted import unprompted

            quiet = self._quiet = (backend, unprompted(backend))
        return quiet[1]

    def _adopt_legacy(self, backend: KeyringBackend) -> None:
        """Copy this folder's accounts' secrets from the shared service, once; entries it
        already has are kept, and nothing is deleted from the shared service (another folder
        may still use it)."""
        adopt = self._adopt
        if adopt is None or _is_refused(backend) or adopt.done_marker.exists():
            return
        entries = [_entry(h, kind) for h in adopt.handles() for kind in ("password", "totp")]
        if entries:  # the keys serve accounts only: their sessions, what X refused of them
            entries += [SESSION_KEY_ENTRY, ANSWER_KEY_ENTRY]
        copied = 0
        try:
            with self._guard():
                for entry in entries:
                    if backend.get_password(self._service, entry) is not None:
                        continue
                    old = backend.get_password(adopt.legacy_service, entry)
                    if old is not None:
                        backend.set_password(self._service, entry, old)
                        copied += 1
        except VaultError as error:  # tried again at the next start
            log.warning("secrets of this folder not copied yet: %s", error)
            return
        from consentinel.core.fileio import atomic_write_text

        try:
            atomic_write_text(adopt.done_marker, f"{copied} entries copied from {SERVICE}\n")
        except OSError as error:
            log.warning("could not write %s: %s", adopt.done_marker, error)
        if copied:
            log.info("copied %d keyring entries into this folder's own service", copied)

    def never_prompt(self) -> None:
        """From now on no read, write or deletion asks for the keyring's password (a run
        nobody watches, `check --unattended`): a locked Secret Service (GNOME Keyring) is
        VaultLocked at once, rather than its unlock dialog opened on the desktop. Other
        keyrings are used as they are."""
        with self._lock:
            self._never_prompts = True
            if self._resolved is not None:
                self._resolved = self._unprompted_if_asked(self._resolved)

    @contextlib.contextmanager
    def asking_nobody(self) -> Iterator[None]:
        """Within the block, this code's reads, writes and deletions never ask for the
        keyring's password, as after never_prompt(); the rest of the process (the window, a
        password the person saves meanwhile) may still be asked for it. For a run nobody
        watches inside the app: the window's scheduled checks."""
        token = _ASKING_NOBODY.set(True)
        try:
            yield
        finally:
            _ASKING_NOBODY.reset(token)

    def _unprompted_if_asked(self, backend: KeyringBackend) -> KeyringBackend:
        if not self._never_prompts:
            return backend
        from consentinel.core.keyring_unprompted import unprompted

        return unprompted(backend)

    def look_again(self) -> None:
        """When no keyring was found, look for one again (one started or installed since, as
        the no-keyring message asks): it holds the secrets from now on. A keyring that was
        given, or found, stays."""
        with self._lock:
            if self._given is None and self._resolved is not None and _is_none(self._resolved):
                self._resolved = None

    @property
    def backend(self) -> KeyringBackend:
        return self._backend

    @property
    def service(self) -> str:
        return self._service

    def backend_label(self) -> str:
        """Which keyring holds the secrets, in words a person recognises."""
        if type(self._backend).__name__ == "MemoryKeyring":
            return tr("the demo's in-memory keyring")
        name = _qualname(self._backend)
        if name in _LABELS:
            return _LABELS[name]
        if type(self._backend).__module__.startswith("keyring.backends.fail"):
            return tr("no keyring")
        return name

    # -- availability ---------------------------------------------------------------------------

    def check_usable(self) -> None:
        """Raise VaultUnavailable when there is no keyring Consentinel may use at all (none, or
        one that keeps secrets in a plain file); nothing is read, so a locked keyring is not
        asked for its password (the app's start says the first, not the second)."""
        self._refuse_insecure()

    def check(self) -> None:
        """Raise VaultUnavailable or VaultLocked unless secrets can be read and written."""
        self._refuse_insecure()
        with self._guard():
            # A read opens (and unlocks if needed) the collection without writing anything.
            self._backend.get_password(self._service, SESSION_KEY_ENTRY)

    def check_within(self, seconds: float) -> None:
        """check(), but a keyring that does not answer in `seconds` is taken as locked.

        For runs nobody watches (`check --unattended`, the window's scheduled checks), which
        also ask nobody (never_prompt, asking_nobody): a locked keyring is said at once then,
        but one may still not answer at all (a Secret Service stuck), and a scheduled run must
        end and say so rather than hold every later run up. Until the call left waiting
        returns (or the process ends), every call fails at once as this one did."""
        done = threading.Event()
        failure: list[VaultError] = []
        gave_up: list[VaultLocked] = []
        settled = threading.Lock()  # (not self._lock: the call left waiting holds that one)

        def probe() -> None:
            try:
                self.check()
            except VaultError as error:
                failure.append(error)
            finally:
                with settled:  # (an answer at last: the keyring is used again)
                    done.set()
                    if gave_up and self._unanswered is gave_up[0]:
                        self._unanswered = None

        # (In this code's context: asking nobody, if it does.)
        context = contextvars.copy_context()
        threading.Thread(
            target=context.run, args=(probe,), name="keyring-check", daemon=True
        ).start()
        done.wait(seconds)
        with settled:
            if not done.is_set():
                self._unanswered = VaultLocked(
                    tr(
                        "The keyring did not answer within {seconds} seconds: it is probably "
                        "locked and waiting for its password. Unlock it (or open Consentinel), "
                        "then check again.",
                        seconds=f"{seconds:g}",
                    )
                )
                gave_up.append(self._unanswered)
                raise self._unanswered
        if failure:
            raise failure[0]

    def check_unprompted(self) -> None:
        """Raise VaultUnavailable or VaultLocked when the keyring cannot be used now, as far as
        can be told without asking the person anything: a keyring missing is looked for again
        (look_again), and GNOME Keyring / Secret Service is asked whether it is locked (a
        property: no unlock prompt, no secret read). Other keyrings say it only when read: for
        them this is check_usable(). D-Bus may not answer at once: not for the GUI thread."""
        self.look_again()
        self._refuse_insecure()
        backend = self._backend
        if _qualname(backend) != "keyring.backends.SecretService.Keyring":
            return
        with self._guard():
            locked = _secret_service_locked(backend)
        if locked:
            raise VaultLocked(
                tr(
                    "The keyring ({label}) is locked. Unlock it: until then, saving a password "
                    "or a check asks you for its password.",
                    label=self.backend_label(),
                )
            )

    def is_usable(self) -> bool:
        try:
            self.check()
        except VaultError:
            return False
        return True

    def _refuse_insecure(self) -> None:
        if self._unanswered is not None:
            raise self._unanswered
        backend = self._backend
        if _is_none(backend):
            why_not = getattr(backend, "consentinel_why_not", "")
            raise VaultUnavailable(no_keyring_message(), cause=why_not)
        if _is_refused(backend):
            raise VaultUnavailable(
                tr(
                    "The keyring {label} keeps secrets in a plain file, so Consentinel refuses to "
                    "use it. Use {keyrings}.",
                    label=_qualname(backend),
                    keyrings=system_keyrings(),
                )
            )

    @contextlib.contextmanager
    def _guard(self, secret: str | None = None, *, doing: Doing = "reading") -> Iterator[None]:
        """Turn whatever the backend raises into a VaultError that never contains the secret
        (`doing`: what it was asked, said when it fails in no way known better)."""
        import keyring.errors

        label = self.backend_label()
        try:
            with self._lock:
                yield
        except VaultError:
            raise
        except keyring.errors.KeyringLocked:
            raise VaultLocked(_locked_message(label)) from None
        except (keyring.errors.InitError, keyring.errors.NoKeyringError) as error:
            cause = _scrub(error, secret)
            raise VaultUnavailable(_unavailable_message(label, cause), cause=cause) from None
        except Exception as error:
            kind = type(error).__name__
            module = type(error).__module__
            if kind in ("LockedException", "PromptDismissedException"):
                raise VaultLocked(_locked_message(label)) from None
            # OSError: the D-Bus socket is gone (daemon stopped, session ended).
            cause = _scrub(error, secret)
            if module.startswith(("secretstorage", "jeepney")) or isinstance(
                error, (RuntimeError, OSError)
            ):
                raise VaultUnavailable(_unavailable_message(label, cause), cause=cause) from None
            raise VaultError(_failed_message(label, doing, cause), cause=cause) from None

    # -- account secrets -------------------------------------------------------------------------

    def set_password(self, handle: str, password: str) -> None:
        self._set(_entry(handle, "password"), password)

    def get_password(self, handle: str) -> str | None:
        """The saved password, or None when none is saved. An entry emptied in the keyring's
        own app (Seahorse, KWalletManager), or left with spaces only, is none: typed into X it
        would only leave the sign-in waiting for a button X keeps disabled, and be blamed on
        X (Consentinel itself never saves such a password)."""
        saved = self._get(_entry(handle, "password"))
        return saved if saved and saved.strip() else None

    def set_totp(self, handle: str, secret: str) -> None:
        self._set(_entry(handle, "totp"), secret)

    def get_totp(self, handle: str) -> str | None:
        """The saved 2FA secret, or None when none is saved: an entry emptied, or left with
        spaces only, in the keyring's own app is none too, as for the password (no code can
        be made from it; "not a valid secret" would send the person looking for a typo)."""
        saved = self._get(_entry(handle, "totp"))
        return saved if saved and saved.strip() else None

    def delete_password(self, handle: str) -> None:
        """Forget this account's password entry (a save taken back: only what it wrote)."""
        self._delete(_entry(handle, "password"))

    def delete_totp(self, handle: str) -> None:
        """Forget this account's 2FA secret (its 2FA turned off on X, or a secret not to be
        kept here): its entry, and the original it was copied from (see delete_account)."""
        try:
            self._delete(_entry(handle, "totp"))
        except _EntryKept:
            raise self._totp_kept(handle) from None
        if self.get_totp(handle) is not None:  # (a backend may refuse and say nothing: macOS)
            raise self._totp_kept(handle)
        self._delete_adopted_originals(handle, kinds=("totp",))

    def _totp_kept(self, handle: str) -> VaultError:
        return VaultError(
            tr(
                "{keyring} did not remove the 2FA secret of @{handle}.",
                keyring=self.backend_label(),
                handle=handle,
            )
        )

    def delete_account(self, handle: str) -> None:
        """Remove every keyring entry of this account (missing ones are fine), and the entries
        in the shared service that this folder's were copied from."""
        for kind in ("password", "totp"):
            self._delete(_entry(handle, kind))
        self._delete_adopted_originals(handle)

    def _delete_adopted_originals(
        self, handle: str, kinds: tuple[str, ...] = ("password", "totp")
    ) -> None:
        """The originals of an adopted account's secrets would otherwise outlive its removal.

        Deleting them takes nothing another folder needs: a folder that adopted has its own
        copy, and one that has not adopted yet shared these entries with this one before 0.2,
        when removing the account removed them for every folder. Only the platform's folder
        still uses that service as its own: its account with the same handle keeps them. The
        shared session key is kept (the platform's folder's sessions may need it)."""
        adopt = self._adopt
        if (
            adopt is None
            or adopt.legacy_service == self._service
            or not _adopted_from(adopt.done_marker)
            or adopt.used_by_platform_folder(handle)
        ):
            return
        for kind in kinds:
            self._delete(_entry(handle, kind), service=adopt.legacy_service)

    def get_or_create_session_key(self) -> bytes:
        """The 32-byte key that encrypts saved browser sessions, created on first use."""
        return self._get_or_create_key(SESSION_KEY_ENTRY)

    def get_or_create_answer_key(self) -> bytes:
        """The 32-byte key of the refused identity answers' hashes, created on first use."""
        return self._get_or_create_key(ANSWER_KEY_ENTRY)

    def get_answer_key(self) -> bytes | None:
        """That key as the keyring has it, never created: None when it has none (or one that
        is no key). What is compared with the hashes kept: a key made now matches none."""
        return self._read_key(ANSWER_KEY_ENTRY)

    def _get_or_create_key(self, entry: str) -> bytes:
        self._refuse_insecure()  # (and fails at once after a keyring that did not answer)
        with self._lock:
            key = self._read_key(entry)
            if key is not None:
                return key
            made = secrets.token_bytes(SESSION_KEY_BYTES)
            self._set(entry, base64.b64encode(made).decode("ascii"))
            # Read back: another process may have made its own at the same first use (this
            # lock is this process's only); the keyring's last one is everyone's from now on.
            return self._read_key(entry) or made

    def _read_key(self, entry: str) -> bytes | None:
        stored = self._get(entry)
        if not stored:
            return None
        try:
            key = base64.b64decode(stored, validate=True)
        except ValueError:
            return None
        return key if len(key) == SESSION_KEY_BYTES else None

    def delete_session_key(self) -> None:
        self._delete(SESSION_KEY_ENTRY)

    def delete_everything(self, handles: Iterable[str]) -> None:
        """Forget every account's secrets and the keys (the "remove all data" button)."""
        for handle in handles:
            self.delete_account(handle)
        self.delete_session_key()
        self._delete(ANSWER_KEY_ENTRY)

    # -- plumbing ---------------------------------------------------------------------------------

    def _set(self, entry: str, secret: str) -> None:
        self._refuse_insecure()
        with self._guard(secret, doing="saving"):
            self._backend.set_password(self._service, entry, secret)

    def _get(self, entry: str) -> str | None:
        self._refuse_insecure()
        with self._guard():
            return self._backend.get_password(self._service, entry)

    def _delete(self, entry: str, *, service: str | None = None) -> None:
        self._refuse_insecure()
        service = service or self._service
        from keyring.errors import PasswordDeleteError

        with self._guard(doing="deleting"):
            # Deleted without being read first: an entry that cannot be read (a secret that
            # is no UTF-8 text, written by another tool) must still go with its account. The
            # Secret Service deletes only the first of the items with this service and user
            # name: deleted again until the keyring says there is none left.
            for _ in range(MAX_DELETES_PER_ENTRY):
                try:
                    self._backend.delete_password(service, entry)
                except PasswordDeleteError as error:
                    # "No such entry" for the Secret Service, but KWallet says so of an unlock
                    # dismissed, and macOS of any failure: gone only if nothing is found now
                    # (an entry still there, readable or not, fails as "deleting").
                    if self._backend.get_password(service, entry) is None:
                        return
                    raise self._entry_kept(_scrub(error, None)) from None
            # Each deletion said done: the last may have taken the last item, or the keyring
            # keeps what it says it deleted.
            if self._backend.get_password(service, entry) is not None:
                raise self._entry_kept(f"still there after {MAX_DELETES_PER_ENTRY} deletions")

    def _entry_kept(self, cause: str) -> _EntryKept:
        return _EntryKept(_failed_message(self.backend_label(), "deleting", cause), cause=cause)


def _adopted_from(marker: Path) -> bool:
    """Whether this folder's secrets were copied from the shared service (it was not new)."""
    try:
        return marker.read_text(encoding="utf-8") != NOTHING_ADOPTED
    except OSError:  # not adopted yet (or unreadable): nothing of the shared service is ours
        return False


def _entry(handle: str, kind: str) -> str:
    return f"{handle_key(handle)}:{kind}"


def _scrub(error: BaseException, secret: str | None) -> str:
    text = str(error) or type(error).__name__
    if secret:
        text = text.replace(secret, "***")
    return text


def system_keyrings(platform: str = sys.platform) -> str:
    """The keyrings Consentinel can use on `platform`, named as their system names them."""
    if platform == "darwin":
        return tr("macOS Keychain")
    if platform == "win32":
        return tr("Windows Credential Manager")
    return tr("GNOME Keyring or KWallet, through the Secret Service")


def keyring_setup_step(platform: str = sys.platform) -> str:
    """What to do on `platform` to have a keyring to use (`consentinel doctor` gives it too),
    or "" when there is nothing more concrete to say than the keyring's name."""
    if platform.startswith("linux"):
        return tr(
            "On Linux, log in to a desktop session that runs GNOME Keyring or KWallet "
            "(Debian/Ubuntu: sudo apt install gnome-keyring)."
        )
    return ""


def no_keyring_message(platform: str = sys.platform) -> str:
    """No keyring at all: this system's keyrings named (not every system's), and the step."""
    keyrings = system_keyrings(platform)
    step = keyring_setup_step(platform) or tr(
        "Check that {keyrings} is set up for your user.", keyrings=keyrings
    )
    return tr(
        "No system keyring is available ({keyrings}), and Consentinel never keeps passwords in "
        "plain files. {step} Then try again.",
        keyrings=keyrings,
        step=step,
    )


def _secret_service_locked(backend: KeyringBackend) -> bool:
    """Whether the Secret Service collection the backend uses is locked (none yet: not
    locked; it is made at the first save, which may ask for a password)."""
    import secretstorage
    from secretstorage.collection import DEFAULT_COLLECTION
    from secretstorage.exceptions import ItemNotFoundException

    path = getattr(backend, "preferred_collection", DEFAULT_COLLECTION)
    with contextlib.closing(secretstorage.dbus_init()) as connection:
        try:
            collection = secretstorage.Collection(connection, path)
        except ItemNotFoundException:
            return False
        return collection.is_locked()


def _locked_message(label: str) -> str:
    said = tr(
        "The keyring ({label}) is locked, or its unlock prompt was dismissed. Unlock it, "
        "then try again.",
        label=label,
    )
    step = _unlock_step(label)
    return f"{said} {step}" if step else said


def _unlock_step(label: str) -> str:
    """Where a person unlocks the keyring named `label` by hand: its prompt may not come (a
    terminal, a run nobody watches, one dismissed), and "unlock it" alone leaves them looking
    for where. "" for a keyring with no such place to name."""
    if label == _LABELS["keyring.backends.SecretService.Keyring"]:
        return tr(
            "To unlock it: in Passwords and Keys (Seahorse), select the “Login” keyring and "
            "choose Unlock, with your login password (logging in to the desktop again unlocks "
            "it too); with KeePassXC, unlock its database."
        )
    if label == _LABELS["keyring.backends.kwallet.DBusKeyring"]:
        return tr("To unlock it: open the wallet in KDE Wallet Manager (KWalletManager).")
    if label == _LABELS["keyring.backends.macOS.Keyring"]:
        return tr(
            "To unlock it: in Keychain Access, select the “login” keychain and choose File › "
            "Unlock Keychain."
        )
    return ""


def _failed_message(label: str, doing: Doing, cause: str) -> str:
    """The keyring failed in a way not known better (neither locked nor out of reach), in a
    person's words: what it was doing, what became of it, and what to try. keyring's own
    cause ("'utf-8' codec can't decode byte 0xff…", a KWallet or Windows error code) goes
    to the log only, the secret already blanked out of it."""
    log.warning("the keyring (%s) failed while %s: %s", label, doing, cause)
    if doing == "saving":
        said = tr(
            "The keyring ({label}) failed while saving a secret: it was not saved.", label=label
        )
    elif doing == "deleting":
        said = tr(
            "The keyring ({label}) failed while deleting a secret: it may still be there.",
            label=label,
        )
    else:
        said = tr("The keyring ({label}) failed while reading Consentinel's secrets.", label=label)
    todo = tr(
        "Open your keyring's app, check that the keyring is there and unlocked, then try "
        "again; if it fails again, the log file says what the keyring answered."
    )
    step = _unlock_step(label)
    return " ".join(part for part in (said, todo, step) if part)


def _unavailable_message(label: str, cause: str) -> str:
    """The keyring not reached, in a person's words: keyring's own cause ("The name
    org.freedesktop.secrets was not provided by any .service files", "[Errno 2] No such file
    or directory") means nothing to them, and goes to the log only."""
    log.warning("the keyring (%s) cannot be reached: %s", label, cause)
    return tr(
        "The keyring ({label}) cannot be reached: it is not running, or does not answer. "
        "Consentinel never keeps passwords in plain files: start or unlock your keyring, then "
        "try again.",
        label=label,
    )


def __getattr__(name: str) -> Any:
    # `from consentinel.core.vault import MemoryKeyring` keeps working without loading keyring
    # for everyone who imports this module.
    if name == "MemoryKeyring":
        from consentinel.core.memory_keyring import MemoryKeyring

        return MemoryKeyring
    raise AttributeError(name)
