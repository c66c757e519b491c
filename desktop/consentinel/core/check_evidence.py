"""A check's screenshots: written with the journal's hash of them, or why they could not be."""

from __future__ import annotations

import dataclasses
from datetime import timezone
from pathlib import Path

from consentinel.core.accounts import handle_key
from consentinel.core.check_messages import screenshot_saved_note
from consentinel.core.check_state import CheckState
from consentinel.core.events import AccountResult
from consentinel.core.evidence import Screenshot, sha256_hex, stamped
from consentinel.core.fileio import (
    StorageError,
    atomic_write_bytes,
    make_private_dirs,
    storage_error,
)


def save_evidence(state: CheckState, shot: Screenshot, what: str) -> Path:
    """`shot` kept as the check's evidence, and journaled; StorageError on a full disk."""
    # Named and stamped with the moment it was taken, the PNG saying when, of what page
    # and account: the journal's hash is of the bytes written, those words included.
    png = stamped(shot, state.handle, what)
    stamp = shot.taken_at.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    folder = state.ctx.paths.evidence_dir
    run_id = state.shared.run_id
    path = folder / f"run{run_id}-{handle_key(state.handle)}-{what}-{stamp}.png"
    try:
        try:
            make_private_dirs(folder)
        except OSError as error:
            raise storage_error(folder, error) from error
        atomic_write_bytes(path, png)
    except StorageError:
        state.evidence_not_kept = True  # (not a session file: the result says which)
        raise
    state.ctx.journal.record_evidence(run_id, state.handle, path.name, what, sha256=sha256_hex(png))
    state.evidence = path
    return path


def with_shot(
    state: CheckState, result: AccountResult, shot: Screenshot, what: str
) -> AccountResult:
    """A page that did not look as expected: its screenshot kept, and the result saying
    so (or, on a full disk, why it could not be)."""
    try:
        save_evidence(state, shot, what)
    except StorageError as error:  # a full disk: the check's own words say so
        return dataclasses.replace(result, message=f"{result.message} {error}")
    note = f"{result.message} {screenshot_saved_note()}"
    return dataclasses.replace(result, message=note, evidence=state.evidence)
