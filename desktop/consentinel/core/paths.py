"""AppPaths: where Consentinel keeps its files, and making those folders owner-only."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from consentinel import APP_ID, APP_NAME
from consentinel.core.records import FrozenRecord

if TYPE_CHECKING:
    from consentinel.core.fileio import StorageError

#: Set to put everything (config, data, logs) under one folder: tests, demo, portable installs.
HOME_ENV = "CONSENTINEL_HOME"
_PRIVATE_DIR = 0o700

#: What `keyring_adopted_path` holds for a folder made new: it took nothing from the shared
#: keyring service, so nothing there is its to delete.
NOTHING_ADOPTED = "new folder: nothing copied\n"


class AppPaths(FrozenRecord):
    """Every folder and file the app uses. Computed on call (from_env), never at import time."""

    __slots__ = ("root", "config_dir", "data_dir", "logs_dir", "own_keyring_scope")  # noqa: RUF023
    root: Path
    config_dir: Path
    data_dir: Path
    logs_dir: Path
    #: True for a folder of its own (CONSENTINEL_HOME): its secrets get a keyring service of
    #: their own too, so that a demo or a second set-up never reads, overwrites or deletes the
    #: secrets of another folder's account with the same handle.
    own_keyring_scope: bool

    def __init__(
        self,
        root: str | os.PathLike[str],
        config_dir: str | os.PathLike[str] | None = None,  # None: under root
        data_dir: str | os.PathLike[str] | None = None,
        logs_dir: str | os.PathLike[str] | None = None,
        own_keyring_scope: bool = False,
    ) -> None:
        home = Path(root).expanduser().absolute()
        self._set("root", home)
        for name, value, sub in (
            ("config_dir", config_dir, "config"),
            ("data_dir", data_dir, "data"),
            ("logs_dir", logs_dir, "logs"),
        ):
            self._set(name, home / sub if value is None else Path(value))
        self._set("own_keyring_scope", own_keyring_scope)

    @property
    def sessions_dir(self) -> Path:
        return self.data_dir / "sessions"

    @property
    def evidence_dir(self) -> Path:
        return self.data_dir / "evidence"

    @property
    def exports_dir(self) -> Path:
        return self.data_dir / "exports"

    @property
    def journal_path(self) -> Path:
        return self.data_dir / "journal.sqlite3"

    @property
    def settings_path(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def accounts_path(self) -> Path:
        return self.config_dir / "accounts.json"

    @property
    def accounts_lock_path(self) -> Path:
        """Held by whoever writes accounts.json, from reading it to writing it back."""
        return self.config_dir / "accounts.json.lock"

    @property
    def settings_lock_path(self) -> Path:
        """Held by whoever writes settings.json, from reading it to writing it back."""
        return self.config_dir / "settings.json.lock"

    @property
    def lock_path(self) -> Path:
        return self.data_dir / "run.lock"

    @property
    def keyring_service(self) -> str:
        """The keyring service this folder's secrets live under (the folder's real path: the
        same folder reached through a symbolic link is the same folder)."""
        return f"{APP_ID}:{self.root.resolve()}" if self.own_keyring_scope else APP_ID

    @property
    def keyring_adopted_path(self) -> Path:
        """Written once this folder's secrets were copied from the service every folder shared
        before 0.2 (see Vault.adopt); holding NOTHING_ADOPTED, made with a new folder."""
        return self.data_dir / "keyring-adopted"

    @property
    def instance_lock_path(self) -> Path:
        """Held by the desktop app while it runs: one app per data folder."""
        return self.data_dir / "app.lock"

    @classmethod
    def under(cls, root: Path) -> AppPaths:
        """Everything in one folder (what CONSENTINEL_HOME asks for)."""
        return cls(root=Path(root), own_keyring_scope=True)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> AppPaths:
        """CONSENTINEL_HOME if set, else the platform's user config, data and log folders."""
        env = os.environ if environ is None else environ
        home = env.get(HOME_ENV, "").strip()
        if home:
            return cls.under(Path(home))
        import platformdirs  # only needed without CONSENTINEL_HOME

        config = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
        data = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
        logs = Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
        return cls(root=data, config_dir=config, data_dir=data, logs_dir=logs)

    def all_dirs(self) -> tuple[Path, ...]:
        # The platform's log folder is .../Consentinel/log: its parent is the app's too.
        log_parent = (self.logs_dir.parent,) if self.logs_dir.parent.name == APP_NAME else ()
        return (
            self.root,
            *log_parent,
            self.config_dir,
            self.data_dir,
            self.logs_dir,
            self.sessions_dir,
            self.evidence_dir,
            self.exports_dir,
        )

    def made(self) -> bool:
        """Whether the app has made its folders here yet (anything was ever saved)."""
        return self.config_dir.exists() or self.data_dir.exists()

    def ensure(self) -> AppPaths:
        """Create every folder owner-only (0700), the missing ones above them too, and tighten
        any of the app's own that are looser."""
        from consentinel.core.fileio import make_private_dirs

        for folder in self.all_dirs():
            try:
                make_private_dirs(folder)
                if os.name == "posix":
                    mode = stat.S_IMODE(folder.stat().st_mode)
                    if mode != _PRIVATE_DIR:  # made looser by an earlier version or by hand
                        folder.chmod(_PRIVATE_DIR)
            except OSError as error:
                raise _not_created(folder, error) from None
        return self

    def unusable(self) -> StorageError | None:
        """What `ensure()` would say, found without making anything: one of the folders is a
        file, or is under one (CONSENTINEL_HOME naming a file), or cannot be looked at. None
        when they are folders or can be made. For the commands that only look, and the doctor,
        which must name the folder rather than fail on the first file read in it."""
        for folder in self.all_dirs():
            try:
                if not folder.is_dir() and os.path.lexists(folder):
                    raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder))
                folder.stat()
            except FileNotFoundError:
                continue  # to be made, under folders that are folders (checked before it)
            except OSError as error:
                return _not_created(folder, error)
        return None


def _not_created(folder: Path, error: OSError) -> StorageError:
    from consentinel.core.fileio import StorageError, describe_os_error
    from consentinel.core.i18n import tr

    return StorageError(
        tr(
            "Could not create the data folder {path}: {cause}.",
            path=folder,
            cause=describe_os_error(error),
        ),
        error.errno,
    )
