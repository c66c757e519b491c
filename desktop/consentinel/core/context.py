"""AppContext: the stores and settings one run of the engine works with, built in one place."""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field

from consentinel.core.accounts import AccountStore, handle_key
from consentinel.core.fileio import atomic_write_text
from consentinel.core.journal import Journal
from consentinel.core.paths import AppPaths
from consentinel.core.sessions import SessionStore
from consentinel.core.settings import Settings, load_settings, save_settings
from consentinel.core.totp import TotpGenerator
from consentinel.core.vault import NOTHING_ADOPTED, SERVICE, Adoption, Vault
from consentinel.x.site import XSite


@dataclass
class AppContext:
    """What the engine, the CLI and the GUI share. Build it with `AppContext.create()`."""

    paths: AppPaths
    settings: Settings
    accounts: AccountStore
    vault: Vault
    sessions: SessionStore
    journal: Journal
    site: XSite
    totp: TotpGenerator = field(default_factory=TotpGenerator)
    #: Sentences about files that were set aside at start-up (corrupt or from a newer version).
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def create(
        cls,
        paths: AppPaths | None = None,
        *,
        vault: Vault | None = None,
        settings: Settings | None = None,
    ) -> AppContext:
        """The real stores under `paths` (CONSENTINEL_HOME or the platform's folders)."""
        paths = (paths or AppPaths.from_env()).ensure()
        warning: str | None = None
        if settings is None:
            settings, warning = load_settings(paths)
        accounts = AccountStore(paths)
        vault = vault or _vault_for(paths, accounts)
        return cls(
            paths=paths,
            settings=settings,
            accounts=accounts,
            vault=vault,
            sessions=SessionStore(paths, vault),
            journal=Journal.open(paths.journal_path, evidence_dir=paths.evidence_dir),
            site=XSite(settings.effective_x_origin()),
            totp=TotpGenerator(used_steps=accounts),
            warnings=[warning] if warning else [],
        )

    def save_settings(self) -> None:
        """Write the settings as they are now (atomic, owner-only)."""
        save_settings(self.paths, self.settings)


def _vault_for(paths: AppPaths, accounts: AccountStore) -> Vault:
    """The platform's folders use the app's keyring service; a folder of its own
    (CONSENTINEL_HOME) its own service, into which its secrets from before are copied once."""
    if not paths.own_keyring_scope:
        return Vault()
    marker = paths.keyring_adopted_path
    if not marker.exists() and not accounts.list():
        # A new folder has nothing from before: an account added to it later must not pick up
        # another folder's secrets under the same handle.
        with contextlib.suppress(OSError):
            atomic_write_text(marker, NOTHING_ADOPTED)
    adopt = Adoption(
        SERVICE,
        lambda: [a.handle for a in accounts.list()],
        paths.keyring_adopted_path,
        used_by_platform_folder=_platform_folder_has,
    )
    return Vault(service=paths.keyring_service, adopt=adopt)


def _platform_folder_has(handle: str) -> bool:
    """Whether the platform's data folder lists this account; read only (AccountStore would
    create its folder or set a damaged file aside). Unsure (unreadable file) counts as yes."""
    path = AppPaths.from_env({}).accounts_path
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        keys = {handle_key(str(item["handle"])) for item in raw["accounts"]}
    except FileNotFoundError:
        return False
    except (OSError, ValueError, KeyError, TypeError):
        return True
    return handle_key(handle) in keys
