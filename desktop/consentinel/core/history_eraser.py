"""Erasing one removed account's history everywhere Consentinel keeps it: the journal and its
screenshots (core/journal_erasure), the lines of the log files that name it, and the marks a
killed check left for it; refused while a check runs, and for an account the list lost."""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterator
from pathlib import Path

from consentinel.core.accounts import handle_key
from consentinel.core.context import AppContext
from consentinel.core.data_eraser import CheckRunning
from consentinel.core.journal_erasure import Erasure, erase_history
from consentinel.core.lock import RunLock
from consentinel.core.pending_unticks import FOLDER_NAME as PENDING_FOLDER

log = logging.getLogger(__name__)


class StillAnAccount(Exception):
    """The account is listed (its checks would write its history again), or the list lost it
    and the journal alone names it (erased, nothing would name it and its secrets would stay
    in the keyring for good: `account restore` first)."""

    def __init__(self, handle: str, *, lost: bool) -> None:
        super().__init__(handle)
        self.handle = handle
        self.lost = lost


@contextlib.contextmanager
def no_check_running(ctx: AppContext) -> Iterator[None]:
    """The run lock held, without waiting: CheckRunning when a check (here or in another
    process) holds it, whose end would write the account's history again."""
    lock = RunLock(ctx.paths.lock_path)
    if not lock.acquire(wait=False):
        raise CheckRunning()
    try:
        yield
    finally:
        lock.release()


def erase_account_history(ctx: AppContext, handle: str, *, locked: bool = False) -> Erasure:
    """`handle`'s history erased (journal, screenshots, log lines, pending marks). Raises
    StillAnAccount, CheckRunning (`locked`: the caller holds the run lock already) or
    JournalError: then nothing is erased."""
    check_erasable(ctx, handle)
    key = handle_key(handle)
    with contextlib.nullcontext() if locked else no_check_running(ctx):
        done = erase_history(ctx.journal, handle)
        forget_pending_marks(ctx.paths.data_dir / PENDING_FOLDER, key)
        remove_log_lines(ctx.paths.logs_dir, handle)
    return done


def check_erasable(ctx: AppContext, handle: str) -> None:
    """StillAnAccount when `handle` is listed, or is an account the list lost."""
    from consentinel.core.account_recovery import missing_accounts

    if ctx.accounts.get(handle) is not None:
        raise StillAnAccount(handle, lost=False)
    key = handle_key(handle)
    if any(handle_key(a.handle) == key for a in missing_accounts(ctx.journal, ctx.accounts)):
        raise StillAnAccount(handle, lost=True)


def forget_pending_marks(folder: Path, key: str) -> None:
    """The marks `pending/run{n}-{handle}-{box}.json` a killed check left for the account."""
    own = re.compile(rf"run\d+-{re.escape(key)}-.+\.json")
    with contextlib.suppress(FileNotFoundError):
        for found in folder.iterdir():
            if own.fullmatch(found.name):
                found.unlink(missing_ok=True)


def remove_log_lines(folder: Path, handle: str) -> None:
    """Each line naming `handle` (in any case, as a word) out of every log file there, the
    current one and those rotated: each file rewritten owner-only and whole (a reader sees it
    before or after). This process's log handler then writes to the new file; another process's
    goes on in the one it opened until its next rotation."""
    from consentinel.core.fileio import atomic_write_bytes

    word = re.escape(handle.encode())
    names = re.compile(rb"(?<![A-Za-z0-9_])" + word + rb"(?![A-Za-z0-9_])", re.IGNORECASE)
    try:
        files = [f for f in folder.iterdir() if f.is_file() and not f.name.startswith(".")]
    except FileNotFoundError:
        return
    for path in files:
        try:
            data = path.read_bytes()
            if not names.search(data):
                continue
            kept = b"".join(line for line in data.splitlines(True) if not names.search(line))
            atomic_write_bytes(path, kept)
        except OSError as error:
            log.warning("a log file could not be rewritten: %s", error.strerror)
            continue
        _reopen_handlers(path)


def _reopen_handlers(path: Path) -> None:
    """This process's handlers of the file at `path` write to the file now there."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.FileHandler) and Path(handler.baseFilename) == path:
            with contextlib.suppress(OSError):
                old = handler.setStream(handler._open())
                if old is not None:
                    old.close()
