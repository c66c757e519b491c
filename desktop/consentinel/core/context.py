"""AppContext: the stores and settings one run of the engine works with, built in one place."""

from __future__ import annotations

import contextlib
import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from consentinel.core.accounts import AccountState, AccountStore, handle_key
from consentinel.core.fileio import atomic_write_text, file_identity, known_identity
from consentinel.core.journal import Journal
from consentinel.core.journal_entries import EntryKind
from consentinel.core.paths import NOTHING_ADOPTED, AppPaths
from consentinel.core.settings import (
    Settings,
    read_settings,
    save_settings,
    settings_as_they_are,
)
from consentinel.x.site import XSite

log = logging.getLogger(__name__)

#: How the journal file open was lost while the app ran: see `AppContext.journal_lost`.
JournalLoss = Literal["folder", "deleted", "replaced"]

if TYPE_CHECKING:
    from consentinel.core.accounts_lock import AccountsLock
    from consentinel.core.run_carry_over import WrittenAgain
    from consentinel.core.sessions import SessionStore
    from consentinel.core.totp import TotpGenerator
    from consentinel.core.vault import Vault


class AppContext:
    """What the engine, the CLI and the GUI share. Build it with `AppContext.create()`.

    The keyring, the saved sessions and the 2FA code generator are made the first time they are
    used: the app's window shows without loading them (they are needed by a check, an account's
    secrets, or its removal)."""

    def __init__(
        self,
        *,
        paths: AppPaths,
        settings: Settings,
        accounts: AccountStore,
        journal: Journal,
        site: XSite | None = None,
        vault: Vault | None = None,
        warnings: list[str] | None = None,
        settings_from_file: bool = False,
    ) -> None:
        self.paths = paths
        self.settings = settings
        #: The settings as this process last read or wrote them in the file (None: not read
        #: from it): a save writes only what changed since, on top of the file as it is then.
        self._settings_in_file = settings.as_dict() if settings_from_file else None
        self._settings_writers: AccountsLock | None = None
        self.accounts = accounts
        self.journal = journal
        self._site = site
        #: Sentences about files that were set aside at start-up (corrupt or from a newer version).
        self.warnings: list[str] = warnings if warnings is not None else []
        self._vault = vault
        self._sessions: SessionStore | None = None
        self._totp: TotpGenerator | None = None
        self._data_dir_id = known_identity(paths.data_dir)
        #: A deleted journal's head file set aside, not yet named in a journal.
        self._head_set_aside: Path | None = None
        #: Where settings.json went when it was set aside at start-up: what the person chose (a
        #: pause of the automatic checks among it) is no longer used.
        self.settings_set_aside: Path | None = None

    def journal_lost(self) -> JournalLoss | None:
        """What took the journal file away from under the app while it runs (None: nothing,
        or it cannot be told): "folder", the data folder deleted (by hand, a clean-up tool)
        with the journal and the screenshots, even if something made it again since;
        "deleted", the journal file alone; "replaced", another journal in its place
        (`consentinel log --start-over` in a terminal, a file moved there). What is written to
        the journal open meanwhile is lost, or lands in the file set aside."""
        if self._data_dir_id is not None:
            try:
                if file_identity(self.paths.data_dir) != self._data_dir_id:
                    return "folder"
            except OSError:
                return None
        state = self.journal.file_state()
        return None if state == "here" else state

    def start_afresh(
        self, loss: JournalLoss | None = None, run_id: int | None = None
    ) -> WrittenAgain | None:
        """After the journal was lost (`journal_lost`, which gives `loss`): the folders made
        again where they are gone, and the journal at its place opened, or begun when there is
        none (the one open went with its file: what was written to it since is lost or set
        aside). After the file alone was deleted, what it left beside it is kept aside, and the
        new journal's first entry names its head file and says why; a journal begun here after
        its folder or file went (`loss`) begins by saying so too. The accounts still listed are
        entered in it when it does not know them. `run_id`: a run written to the journal that
        went (a check under way when it did), written again in the new one after those
        entries; its number there is returned, with its screenshots that went (None: none, or
        it could not be read nor written). Raises
        StorageError or JournalError when it cannot be opened (then the old journal is kept,
        and it can be tried again)."""
        from consentinel.core.journal import JournalError
        from consentinel.core.journal_schema import set_aside_leftovers
        from consentinel.core.run_carry_over import read_lost_run, write_again

        self.paths.ensure()
        if self._head_set_aside is None:  # (else set aside by a try that could not open)
            self._head_set_aside = set_aside_leftovers(self.paths.journal_path, "deleted")
        fresh = Journal.open(self.paths.journal_path, evidence_dir=self.paths.evidence_dir)
        lost = None if run_id is None else read_lost_run(self.journal, run_id)
        begun = not fresh.entries(limit=1)
        old, self.journal = self.journal, fresh
        with contextlib.suppress(JournalError, OSError):
            old.close()  # (SQLite leaves a moved or deleted file's WAL files as they are)
        self._data_dir_id = known_identity(self.paths.data_dir)
        head, self._head_set_aside = self._head_set_aside, None
        restart: dict[str, object] | None = None
        if head is not None:
            restart = {"set_aside": head.name, "why": "deleted"}
        elif begun and loss in ("folder", "deleted"):  # (not a journal found in its place)
            restart = {"why": loss}
        if restart is not None and lost is not None:
            restart["run_written_again"] = True
            if lost.screenshots_gone:
                restart["screenshots_gone"] = lost.screenshots_gone
        if restart is not None:
            try:
                self.journal.append(EntryKind.JOURNAL_RESTARTED, None, restart)
            except JournalError as error:  # (said at the journal's next write)
                log.warning("the new journal could not say why it begins: %s", error)
        self._carry_accounts_over()
        if lost is None:
            return None
        try:
            return write_again(self.journal, lost)
        except JournalError as error:
            log.warning("the check under way could not be written in the new journal: %s", error)
            return None

    def start_journal_over(self, problem: str) -> Path:
        """`Journal.start_over` for a journal that no longer verifies (the caller holds the run
        lock), and the accounts listed entered in the new one. Returns where the old one went;
        StorageError when it could not be moved (nothing changed)."""
        self.journal, moved = self.journal.start_over(problem)
        self._carry_accounts_over()
        return moved

    def _carry_accounts_over(self) -> None:
        """A new journal knows the accounts listed, so that a later loss of the list can still
        bring them back; one that cannot be written is only logged (the journal says why at
        its next write)."""
        from consentinel.core.account_recovery import carry_over
        from consentinel.core.journal import JournalError

        try:
            carry_over(self.journal, self.accounts)
        except JournalError as error:
            log.warning("the accounts listed could not be entered in the new journal: %s", error)

    @classmethod
    def create(
        cls,
        paths: AppPaths | None = None,
        *,
        vault: Vault | None = None,
        settings: Settings | None = None,
        check_journal_later: bool = False,
        settings_from_file: bool = False,
    ) -> AppContext:
        """The real stores under `paths` (CONSENTINEL_HOME or the platform's folders). With
        `check_journal_later`, SQLite's check of the journal file is put off until
        `journal.begin_check()` or the first write (Journal.open's check_later).
        `settings_from_file`: the `settings` given are the file's, as the caller read it."""
        paths = (paths or AppPaths.from_env()).ensure()
        warning: str | None = None
        settings_moved: Path | None = None
        if settings is None:
            settings_from_file = True
            settings, warning, settings_moved = read_settings(paths)
        accounts = AccountStore(paths)
        if vault is None:
            _mark_a_new_folder(paths, accounts)
        ctx = cls(
            paths=paths,
            settings=settings,
            accounts=accounts,
            journal=Journal.open(
                paths.journal_path,
                evidence_dir=paths.evidence_dir,
                check_later=check_journal_later,
            ),
            vault=vault,
            warnings=[warning] if warning else [],
            settings_from_file=settings_from_file,
        )
        ctx.settings_set_aside = settings_moved
        # An accounts file set aside goes in the journal, now and whenever it happens.
        for moved, why in accounts.set_aside_files:
            ctx._journal_set_aside(moved, why)
        accounts.on_set_aside = ctx._journal_set_aside
        return ctx

    def _journal_set_aside(self, moved: Path, why: str) -> None:
        """An accounts file set aside: journaled, and when the journal knows accounts it held,
        the sentence says how to add them back."""
        from consentinel.core.account_recovery import add_back_hint, missing_accounts
        from consentinel.core.journal import JournalError

        try:
            self.journal.record_accounts_set_aside(moved.name, why)
        except JournalError:  # (a journal that cannot be written says so at its next use)
            log.warning("could not journal that the accounts file was set aside", exc_info=True)
        if self.accounts.load_warning and missing_accounts(self.journal, self.accounts):
            self.accounts.load_warning += " " + add_back_hint()

    @classmethod
    def of_nothing_yet(cls, paths: AppPaths, scratch: Path) -> AppContext:
        """The context of folders not made yet, or with no journal in them yet, for a command
        that only reads (`account list`, `log`): the accounts and settings saved if any, an
        empty journal in `scratch` (a private temporary folder the caller removes). Nothing is
        made, moved or set aside under `paths`: looking does not create the app's folders nor
        its journal, and leaves a settings or accounts file it cannot use where it is (said in
        `warnings` and the accounts' `load_warning`)."""
        settings, warning = settings_as_they_are(paths)
        return cls(
            paths=paths,
            settings=settings,
            accounts=AccountStore(paths, looking=True),
            journal=Journal.open(scratch / paths.journal_path.name, evidence_dir=scratch),
            warnings=[warning] if warning else [],
        )

    @classmethod
    def looking_only(cls, paths: AppPaths) -> AppContext:
        """The context of a data folder for a command that only looks, whether it can be
        written or not (a read-only disk, a copy kept on one): its journal as it is; nothing
        in it is made, migrated, set aside or marked (Journal.open_read_only, whose
        UnreadableJournal says a journal it cannot read so). A settings or accounts file that
        cannot be used is said and left where it is too."""
        settings, warning = settings_as_they_are(paths)
        return cls(
            paths=paths,
            settings=settings,
            accounts=AccountStore(paths, looking=True),
            journal=Journal.open_read_only(paths.journal_path, evidence_dir=paths.evidence_dir),
            warnings=[warning] if warning else [],
        )

    @property
    def site(self) -> XSite:
        """X's addresses (the setting, else CONSENTINEL_X_ORIGIN, else x.com), worked out when
        first needed: a mistyped address (XOriginError) stops what would go to X, not a
        command that never does (`account list`, or the uninstaller's `schedule remove`)."""
        if self._site is None:
            self._site = XSite(self.settings.effective_x_origin(self.paths.settings_path))
        return self._site

    @property
    def vault(self) -> Vault:
        """The keyring: the platform's, under this data folder's own service name."""
        if self._vault is None:
            self._vault = _vault_for(self.paths, self.accounts)
        return self._vault

    @property
    def sessions(self) -> SessionStore:
        """Saved X sessions, encrypted with a key kept in the keyring."""
        if self._sessions is None:
            from consentinel.core.sessions import SessionStore

            self._sessions = SessionStore(self.paths, self.vault)
        return self._sessions

    @property
    def totp(self) -> TotpGenerator:
        """2FA codes, each time step used once per account (remembered in the accounts file)."""
        if self._totp is None:
            from consentinel.core.totp import TotpGenerator

            self._totp = TotpGenerator(used_steps=self.accounts)
        return self._totp

    def totp_saved(self, handle: str, *, as_seen: AccountState | None = None) -> None:
        """A 2FA secret saved again or put back in use (AccountStore.totp_saved), and the
        time-step this process remembers for `handle` forgotten: one taken while the clock
        was wrong (the usual reason to save the secret again) would hold the next code back.
        The step in the accounts file still keeps a code just used from being sent again."""
        self.accounts.totp_saved(handle, as_seen=as_seen)
        if self._totp is not None:
            self._totp.forget(handle)

    def save_settings(self) -> None:
        """Write what this process changed in the settings since it read or last wrote them,
        on top of the file as it is now (atomic, owner-only): what another process saved
        meanwhile (`consentinel schedule install` while the window is open) is kept, and
        self.settings takes it too. Settings not read from the file are written whole.

        Writers take turns, from their read of the file to their write (settings.json.lock,
        as the accounts file's writers do): two saving at once would each write the file as
        it was before the other's change. Raises StorageError (AccountsBusy when another
        process holds the file past accounts_lock.WAIT_S) or another OSError; nothing changed
        then."""
        from consentinel.core.settings import settings_in_file

        with self._settings_lock().held():
            merged = self.settings
            if self._settings_in_file is not None:
                changed = {
                    name: value
                    for name, value in self.settings.as_dict().items()
                    if self._settings_in_file.get(name) != value
                }
                in_file = settings_in_file(self.paths)
                if in_file is not None:  # (else, a file that cannot be read: written whole)
                    merged = Settings(**{**in_file.as_dict(), **changed})
            save_settings(self.paths, merged)
        for name, value in merged.as_dict().items():  # (the same object: others may hold it)
            setattr(self.settings, name, value)
        self._settings_in_file = merged.as_dict()

    def _settings_lock(self) -> AccountsLock:
        """The lock settings.json's writers take; its file is made at the first save only (a
        command that only looks makes nothing)."""
        from consentinel.core.accounts_lock import AccountsLock

        if self._settings_writers is None:
            self._settings_writers = AccountsLock(
                self.paths.settings_lock_path, self.paths.settings_path
            )
        return self._settings_writers

    def follow_saved(self, names: tuple[str, ...]) -> list[str]:
        """Take from the file those of `names` another process saved since this one read or
        wrote them (`consentinel schedule pause` while the window is open), unless this process
        changed them itself since: the names taken. Nothing when the file cannot be read."""
        from consentinel.core.settings import settings_in_file

        if self._settings_in_file is None:
            return []
        in_file = settings_in_file(self.paths)
        if in_file is None:
            return []
        taken = []
        for name in names:
            value = getattr(in_file, name)
            known = self._settings_in_file.get(name)
            if value != known and getattr(self.settings, name) == known:
                setattr(self.settings, name, value)
                self._settings_in_file[name] = value
                taken.append(name)
        return taken


def _vault_for(paths: AppPaths, accounts: AccountStore) -> Vault:
    """The platform's folders use the app's keyring service; a folder of its own
    (CONSENTINEL_HOME) its own service, into which its secrets from before are copied once."""
    from consentinel.core.vault import SERVICE, Adoption, Vault

    if not paths.own_keyring_scope:
        return Vault()
    adopt = Adoption(
        SERVICE,
        lambda: [a.handle for a in accounts.list()],
        paths.keyring_adopted_path,
        used_by_platform_folder=_platform_folder_has,
    )
    return Vault(service=paths.keyring_service, adopt=adopt)


def _mark_a_new_folder(paths: AppPaths, accounts: AccountStore) -> None:
    """A new folder of its own has nothing from before: an account added to it later must not
    pick up another folder's secrets under the same handle. Decided when the folder is opened,
    not when the keyring is first used (an account may have been added by then)."""
    if not paths.own_keyring_scope:
        return
    marker = paths.keyring_adopted_path
    if not marker.exists() and not accounts.list():
        with contextlib.suppress(OSError):
            atomic_write_text(marker, NOTHING_ADOPTED)


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
