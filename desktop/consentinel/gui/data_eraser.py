"""Erasing all that Consentinel keeps about a person ("Delete all my data"); Qt-free."""

from __future__ import annotations

import contextlib
import shutil
from dataclasses import dataclass

from consentinel.core.context import AppContext
from consentinel.core.fileio import make_private_dirs
from consentinel.core.journal import Journal
from consentinel.core.journal_verify import HEAD_FILE_NAME
from consentinel.core.lock import RunLock


class CheckRunning(Exception):
    """A check holds the run lock: erasing now would pull files from under it."""


@dataclass(frozen=True)
class WhatWouldGo:
    """What erase_all_data() removes, to name it in the confirmation."""

    handles: tuple[str, ...]
    journal_entries: int
    keyring: str


def what_would_go(ctx: AppContext) -> WhatWouldGo:
    return WhatWouldGo(
        handles=tuple(a.handle for a in ctx.accounts.list()),
        journal_entries=ctx.journal.count(),
        keyring=ctx.vault.backend_label(),
    )


def erase_all_data(ctx: AppContext) -> None:
    """Keyring entries first (they need the account list), then sessions, accounts, evidence
    and journal; a fresh empty journal is opened in ctx. Raises VaultError (nothing else was
    removed then) or CheckRunning. Settings are kept."""
    lock = RunLock(ctx.paths.lock_path)
    if not lock.acquire(wait=False):
        raise CheckRunning()
    try:
        handles = [a.handle for a in ctx.accounts.list()]
        ctx.vault.delete_everything(handles)
        ctx.sessions.delete_all()
        for handle in handles:
            ctx.accounts.remove(handle)
        with contextlib.suppress(FileNotFoundError):
            ctx.paths.accounts_path.unlink()
        for folder in (ctx.paths.evidence_dir, ctx.paths.exports_dir):
            shutil.rmtree(folder, ignore_errors=True)
            make_private_dirs(folder)
        journal_path = ctx.paths.journal_path
        ctx.journal.close()
        try:
            # The database, its WAL files, migration backups, any copy set aside (corrupt,
            # newer, damaged), and the head files, set-aside ones included.
            for name in (journal_path.name, HEAD_FILE_NAME):
                for path in journal_path.parent.glob(name + "*"):
                    path.unlink(missing_ok=True)
        finally:
            # A fresh journal (or the old one if a file could not go): the app keeps working.
            ctx.journal = Journal.open(journal_path, evidence_dir=ctx.paths.evidence_dir)
    finally:
        lock.release()
