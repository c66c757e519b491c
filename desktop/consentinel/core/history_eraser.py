"""Erasing one removed account's history everywhere Consentinel keeps it: the journal and its
screenshots (core/journal_erasure), the lines of the log files that name it, and the marks a
killed check left for it; refused while a check runs, and for an account the list lost.

Removing an account and erasing its history (the window's "Remove and erase", `account remove
--erase-history`) goes: no check running (check_none_running), else nothing is done; its
secrets deleted from the keyring, which may ask the person (an unlock prompt) for as long as
they take, so without the run lock: a scheduled check meanwhile runs; a keyring that refused
leaves the account as it was. Then, the run lock held (no_check_running): off the list (a check
starting after it no longer sees it), and its history erased. A check that started while the
keyring asked has the account: then it is removed, its history not erased
(not_erased_check_started)."""

from __future__ import annotations

import contextlib
import logging
import os
import re
from collections.abc import Iterator
from pathlib import Path

from consentinel.core.accounts import handle_key
from consentinel.core.context import AppContext
from consentinel.core.data_eraser import CheckRunning
from consentinel.core.i18n import tr
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

    def describe(self, *, window: bool = False, add_back_offered: bool = False) -> str:
        """Why its history is not erased, and what to do: with the commands that do it, or
        (`window`) with what the window offers (its "Add back" button: `add_back_offered`,
        shown only while no account is listed; else the command is the one way)."""
        if not window:
            if self.lost:
                return tr(
                    "@{handle} is an account the list lost: the journal alone still names it, "
                    "and its secrets are still in the keyring. Erased, nothing would name it "
                    "any more. Bring it back with: consentinel account restore, then remove it "
                    "and erase its history with: consentinel account remove {handle} "
                    "--erase-history",
                    handle=self.handle,
                )
            return tr(
                "@{handle} is still one of your accounts: its checks would write its history "
                "again. To remove it and erase its history: consentinel account remove "
                "{handle} --erase-history",
                handle=self.handle,
            )
        if not self.lost:
            return tr(
                "@{handle} is one of your accounts again (added back meanwhile): its checks "
                "would write its history again. To erase it, remove the account and tick "
                "“Also erase its history from the journal”.",
                handle=self.handle,
            )
        if add_back_offered:
            return tr(
                "@{handle} is an account the list lost: the journal alone still names it, and "
                "its secrets are still in the keyring. Erased, nothing would name it any more. "
                "Add it back with “Add back @{handle}” in the main window, then remove it and "
                "tick “Also erase its history from the journal”.",
                handle=self.handle,
            )
        return tr(
            "@{handle} is an account the list lost: the journal alone still names it, and its "
            "secrets are still in the keyring. Erased, nothing would name it any more. The "
            "window offers to add it back only while no account is listed: add it back with "
            "consentinel account restore, then remove it and tick “Also erase its history "
            "from the journal”.",
            handle=self.handle,
        )


def not_erased_check_started(handle: str, *, window: bool = False) -> str:
    """The history of `handle`, removed, was not erased: a check started while the keyring
    deleted its secrets (it has the account, and may write its history at its end). How to
    erase it later: with the command, or (`window`) from the journal window."""
    if window:
        return tr(
            "A check started while the keyring was deleting the secrets of @{handle}: the "
            "account was removed, but its history was not erased, as that check may still "
            "write to it. Once the check ends, erase it in the journal window: choose "
            "@{handle} under “Account”, then “Erase the history of @{handle}…”.",
            handle=handle,
        )
    return tr(
        "A check started while the keyring was deleting the secrets of @{handle}: the account "
        "was removed, but its history was not erased, as that check may still write to it. "
        "Once the check ends, erase it with: consentinel account erase-history {handle}",
        handle=handle,
    )


def check_none_running(ctx: AppContext) -> None:
    """CheckRunning when a check (here or in another process) holds the run lock now; the
    lock is not kept (the keyring, which may ask the person, comes before the erasure)."""
    with no_check_running(ctx):
        pass


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
        left = remove_log_lines(ctx.paths.logs_dir, handle)
    return done._replace(logs_left=left)


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


def remove_log_lines(folder: Path, handle: str) -> tuple[str, ...]:
    """Each line naming `handle` out of every log file there, the current one and those
    rotated: as the log names an account (`@handle`, in any case; its repr; its screenshots'
    and marks' file names `run<N>-<handle>-…`), never a word that is also the handle (an
    account named "check", "INFO" or "consentinel" is in every line's words). Each file is
    rewritten in place, keeping its mode: a handler of this process or another one, which
    appends, goes on writing to it. The names of the files that could not be rewritten."""
    word = re.escape(handle.encode())
    names = re.compile(
        rb"@" + word + rb"(?![A-Za-z0-9_])"
        rb"|'" + word + rb"'"
        rb"|(?<![A-Za-z0-9_])run\d+-" + word + rb"-",
        re.IGNORECASE,
    )
    try:
        files = [f for f in folder.iterdir() if f.is_file() and not f.name.startswith(".")]
    except FileNotFoundError:
        return ()
    left: list[str] = []
    for path in files:
        with _handlers_of(path):  # (this process writes no line meanwhile)
            try:
                _rewrite_without(path, names)
            except OSError as error:
                log.warning("a log file could not be rewritten: %s", error.strerror)
                left.append(path.name)
    return tuple(left)


def _rewrite_without(path: Path, names: re.Pattern[bytes]) -> None:
    """`path`'s lines matching `names` taken out, the file rewritten in place."""
    with path.open("r+b") as file:
        data = file.read()
        if not names.search(data):
            return
        kept = b"".join(line for line in data.splitlines(True) if not names.search(line))
        file.seek(0)
        file.write(kept)
        file.truncate()
        file.flush()
        os.fsync(file.fileno())


@contextlib.contextmanager
def _handlers_of(path: Path) -> Iterator[None]:
    """This process's log handlers of the file at `path` held (each writes a whole line)."""
    held = [
        handler
        for handler in logging.getLogger().handlers
        if isinstance(handler, logging.FileHandler) and Path(handler.baseFilename) == path
    ]
    for handler in held:
        handler.acquire()
    try:
        yield
    finally:
        for handler in reversed(held):
            handler.release()
