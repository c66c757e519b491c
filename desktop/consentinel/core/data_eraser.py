"""Erasing all that Consentinel keeps about a person: the window's "Delete all my data" and
`consentinel delete-all-data` alike."""

from __future__ import annotations

import contextlib
import errno
import logging
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from consentinel.core.catch_up import stamp_path
from consentinel.core.context import AppContext
from consentinel.core.fileio import make_private_dirs
from consentinel.core.journal import Journal
from consentinel.core.journal_verify import HEAD_FILE_NAME
from consentinel.core.lock import RunLock
from consentinel.core.paths import AppPaths
from consentinel.core.pending_unticks import FOLDER_NAME as PENDING_FOLDER

log = logging.getLogger(__name__)


class CheckRunning(Exception):
    """A check holds the run lock: erasing now would pull files from under it."""


class ErasedInPart(OSError):
    """The erase failed (`error`, which this reads as) after the OS jobs were removed, one only
    the person can remove still there: `left`, what is left for them to do (`_remove_jobs`).
    Untold with the failure, the crontab line would run on every hour, on a half-emptied
    folder."""

    def __init__(self, error: OSError, left: list[str]) -> None:
        super().__init__(*error.args)
        self.filename = error.filename
        self.error = error
        self.left = left

    def __str__(self) -> str:
        return str(self.error)


class NotDeleted(OSError):
    """A file or folder of the data that could not be deleted (`error`, which this reads as):
    `path`, still there, which the person can delete by hand once told which it is (a file
    busy on Windows, a folder whose permissions keep its files)."""

    def __init__(self, error: OSError, path: Path) -> None:
        super().__init__(*error.args)
        self.filename = error.filename
        self.error = error
        self.path = path

    def __str__(self) -> str:
        return str(self.error)


def left_after(error: OSError) -> list[str]:
    """What is left for the person to do after an erase that failed with `error`."""
    return error.left if isinstance(error, ErasedInPart) else []


def not_deleted(error: OSError) -> Path | None:
    """The file or folder an erase that failed with `error` could not delete (None: the
    failure was not a deletion's: the keyring, a scheduled job, the settings saved)."""
    cause = error.error if isinstance(error, ErasedInPart) else error
    return cause.path if isinstance(cause, NotDeleted) else None


def failure_cause(error: OSError) -> str:
    """Why an erase (erase_all_data, forget_leftovers) failed with `error`, in the person's
    words and language: not Python's "[Errno 21] Is a directory: '…'", in English whatever
    the language chosen, nor a bare "OSError"."""
    from consentinel.core.fileio import describe_os_error

    cause = error.error if isinstance(error, ErasedInPart) else error
    return describe_os_error(cause.error if isinstance(cause, NotDeleted) else cause)


@contextlib.contextmanager
def _deleting(path: Path | None = None) -> Iterator[None]:
    """A failure to delete `path` (None: the file the OS error names) says which stayed."""
    try:
        yield
    except NotDeleted:
        raise
    except OSError as error:
        stayed = path if path is not None or error.filename is None else Path(error.filename)
        if stayed is None:
            raise
        raise NotDeleted(error, stayed) from error


@dataclass(frozen=True)
class WhatWouldGo:
    """What erase_all_data() removes, to name it in the confirmation."""

    handles: tuple[str, ...]
    journal_entries: int
    keyring: str
    #: The files in <data>/exports, where the journal window suggests saving exports: they go
    #: too, so the person is told, and can copy them elsewhere first.
    exports: int
    exports_dir: Path


def what_would_go(ctx: AppContext) -> WhatWouldGo:
    from consentinel.core.account_recovery import missing_accounts

    listed = [a.handle for a in ctx.accounts.list()]
    # An account the list lost (set aside damaged, deleted) has its secrets in the keyring all
    # the same: it is named too.
    try:
        missing = [a.handle for a in missing_accounts(ctx.journal, ctx.accounts)]
    except sqlite3.Error as error:  # an unreadable journal: erasing is how to be rid of it
        log.warning("the journal's accounts could not be read for the confirmation: %s", error)
        missing = []
    return WhatWouldGo(
        handles=(*listed, *missing),
        journal_entries=ctx.journal.count(),
        keyring=ctx.vault.backend_label(),
        exports=saved_exports(ctx.paths.exports_dir),
        exports_dir=ctx.paths.exports_dir,
    )


def saved_exports(folder: Path) -> int:
    """How many files `folder` holds, in its subfolders too (0 when it cannot be read)."""
    try:
        return sum(1 for found in folder.rglob("*") if found.is_file())
    except OSError:
        return 0


def erase_all_data(ctx: AppContext, *, stop_background: bool = True) -> list[str]:
    """Keyring entries first (they need the account list and the journal), then the background
    checks and start at login (else they would run on, and fill the emptied folder again),
    sessions, accounts, evidence, logs and journal, set-aside copies of each included; a fresh
    empty journal is opened in ctx. Raises VaultError (nothing else was removed then), CheckRunning
    or OSError (ErasedInPart when a job only the person can remove is left: `left_after`).
    The other settings are kept. `stop_background` False: the demo, which never installed them.
    Returns what is left for the person to do, a sentence each (`_remove_jobs`):
    all the data went, but a job only they can remove runs on until they do."""
    lock = RunLock(ctx.paths.lock_path)
    if not lock.acquire(wait=False):
        raise CheckRunning()
    left: list[str] = []
    try:
        handles = [a.handle for a in ctx.accounts.list()]
        # The secrets of every account the journal names go too: one the list lost (set aside
        # damaged, deleted) keeps them in the keyring, and the journal, which alone knows it,
        # goes below. (A removed account's are gone already: nothing to delete.)
        ctx.vault.delete_everything(_with_journal_handles(ctx, handles))
        if stop_background:
            left = _stop_background(ctx)
        with _deleting():  # (the session file the OS refused)
            ctx.sessions.delete_all()
        for handle in handles:
            ctx.accounts.remove(handle)
            # (Gone with the journal; kept if it cannot go, so that no account whose secrets
            # were just deleted is offered back from it.)
            ctx.journal.append_account_removed(handle)
        _unlink_with_copies(ctx.paths.accounts_path)
        _empty_logs(ctx.paths.logs_dir)
        # Screenshots, exports, and the marks a killed check left (core/pending_unticks.py:
        # they name runs of this journal). One that stays is said once the rest has gone.
        refused = [
            _remove_tree(folder)
            for folder in (
                ctx.paths.evidence_dir,
                ctx.paths.exports_dir,
                ctx.paths.data_dir / PENDING_FOLDER,
            )
        ]
        for folder in (ctx.paths.evidence_dir, ctx.paths.exports_dir):
            make_private_dirs(folder)
        # When the crontab line's hourly run last served a time of the schedule (catch_up.py).
        stamp = stamp_path(ctx.paths)
        with _deleting(stamp):
            stamp.unlink(missing_ok=True)
        journal_path = ctx.paths.journal_path
        ctx.journal.close()
        try:
            # The database, its WAL files, migration backups, any copy set aside (corrupt,
            # newer, damaged), and the head files, set-aside ones included.
            _unlink_with_copies(journal_path)
            _unlink_with_copies(journal_path.with_name(HEAD_FILE_NAME))
        finally:
            # A fresh journal (or the old one if a file could not go): the app keeps working.
            ctx.journal = Journal.open(journal_path, evidence_dir=ctx.paths.evidence_dir)
        for stayed in refused:
            if stayed is not None:
                raise stayed
    except OSError as error:
        if left and not isinstance(error, ErasedInPart):  # (one says what is left already)
            raise ErasedInPart(error, left) from error
        raise
    finally:
        lock.release()
    return left


def _with_journal_handles(ctx: AppContext, handles: list[str]) -> list[str]:
    """`handles`, then every other account the journal names (compared as X does, in any case)."""
    from consentinel.core.accounts import handle_key

    seen = {handle_key(h) for h in handles}
    try:
        named = ctx.journal.handles()
    except sqlite3.Error as error:  # an unreadable journal: it goes all the same below
        log.warning("the journal's accounts could not be read before erasing it: %s", error)
        named = []
    return [*handles, *(h for h in named if handle_key(h) not in seen)]


def _remove_tree(folder: Path) -> NotDeleted | None:
    """`folder` and all it holds deleted, as far as the OS lets it; what stayed, named
    (NotDeleted): the one file or folder the OS refused, or `folder` when it refused several.
    (Each folder above one that stayed is refused in turn as not empty: not a cause of its
    own, nor worth naming.) Deleted with errors ignored, a screenshot that stayed was never
    said, and the erase said all the data was gone."""
    refused: list[tuple[Path, OSError]] = []

    def note(path: str, error: BaseException) -> None:
        if not isinstance(error, OSError):
            raise error
        if not isinstance(error, FileNotFoundError):  # (gone already: nothing stayed)
            refused.append((Path(path), error))

    if sys.version_info >= (3, 12):
        shutil.rmtree(folder, onexc=lambda _call, path, error: note(path, error))
    else:
        shutil.rmtree(folder, onerror=lambda _call, path, info: note(path, info[1]))
    causes = [(path, e) for path, e in refused if e.errno not in (errno.ENOTEMPTY, errno.EEXIST)]
    if not causes:
        causes = refused  # (a file put there meanwhile: the folder stays, not empty)
    if not causes:
        return None
    path, error = causes[0]
    return NotDeleted(error, path if len(causes) == 1 else folder)


def _unlink_with_copies(path: Path) -> None:
    """A file and every copy of it beside it (`<name>.<why>-<time>` set aside, `-wal`…)."""
    for found in path.parent.glob(path.name + "*"):
        if found.is_file():
            with _deleting(found):
                found.unlink(missing_ok=True)


def forget_leftovers(paths: AppPaths) -> list[str]:
    """For a data folder that is gone (never made, or deleted by hand): what it left outside
    it, its keys in the keyring (under its own service) and its scheduled check and start at
    login, goes; nothing is made. Its accounts' passwords cannot be named without its list.
    Raises VaultError or OSError. Returns what is left for the person to do (`_remove_jobs`)."""
    from consentinel.core.vault import Vault

    Vault(service=paths.keyring_service).delete_everything([])
    return _remove_jobs().said


class _JobsLeft(NamedTuple):
    """What `_remove_jobs` left: `said`, what the OS said of each job still there, and
    whether the scheduled check is one of them (`check_job`)."""

    said: list[str]
    check_job: bool


def _remove_jobs() -> _JobsLeft:
    """The OS job and the login item of this data folder (each folder has its own). Returns
    what the OS said of each one still there, which only the person can remove: a crontab line
    they added where there is no systemd (Consentinel does not rewrite their crontab), with
    the line to remove. Not an error: by then the keyring's secrets are gone, and the erase
    goes on; but untold, cron would run the line every hour, on a folder emptied or gone."""
    from consentinel.core import osjobs

    left: list[str] = []
    check_job = False
    for index, report in enumerate((osjobs.remove(), osjobs.remove_autostart())):
        if report.state is osjobs.JobState.FAILED:
            # (The crontab line said by the first is still to be said with this failure.) The
            # OS's refusal, in the report's words: failure_cause says them as they are.
            error = OSError(report.message)
            raise ErasedInPart(error, left) if left else error
        if report.installed:
            check_job = check_job or index == 0  # (the first is the scheduled check's)
            left.append(report.message)
    return _JobsLeft(left, check_job)


def _stop_background(ctx: AppContext) -> list[str]:
    """Remove the OS job and the login item, and say so in the settings; what is left for the
    person to remove (`_remove_jobs`). A crontab line left (no systemd: only the person removes
    it) runs on every hour and checks while Consentinel is closed: the settings keep saying so
    ("Keep checking when Consentinel is closed" ticked, the window counting its runs, as
    `schedule status` and the doctor see it), not "only while open" beside a job that runs."""
    left, check_job = _remove_jobs()
    settings = ctx.settings
    if (settings.run_when_closed, settings.start_at_login) != (check_job, False):
        settings.run_when_closed = check_job
        settings.start_at_login = False
        try:
            ctx.save_settings()
        except OSError as error:
            if left:
                raise ErasedInPart(error, left) from error
            raise
    return left


def _empty_logs(folder: Path) -> None:
    """The log files name the accounts. The one this app writes to is emptied in place (its
    handler keeps it open), the older ones are removed."""
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        if not path.is_file():
            continue
        with _deleting(path):
            if path.suffix == ".log":
                with path.open("r+b") as log_file:
                    log_file.truncate(0)
            else:
                path.unlink(missing_ok=True)
