"""Unticks under way: written down before Consentinel clicks a box, so that a process killed
outright (SIGKILL, a power cut) before its change reaches the journal still leaves it said.

A check journals each untick once X answered and the page was read back. A stop it is told of
(Cancel, Ctrl-C, a logout's SIGTERM) waits for that, or names the box in the check's entry
(account_check.record_stopped). A process that is killed cannot: for those few seconds, a small
file in the data folder's `unticking/` names the run, the account and the box, and is removed
once the change is journaled. Runs found "running" with their process gone are marked
interrupted (Journal.interrupt_stale_runs); the marks they left become check entries naming
the box X may have switched off, as a stop the check was told of would have said.
"""

from __future__ import annotations

import contextlib
import json
import logging
from pathlib import Path
from typing import NamedTuple

from consentinel.core.accounts import handle_key
from consentinel.core.events import BoxChange
from consentinel.core.fileio import atomic_write_text, make_private_dirs, storage_error
from consentinel.core.status import ALL_BOXES, Box

log = logging.getLogger(__name__)

#: Beside the journal, in the data folder.
FOLDER_NAME = "unticking"


class PendingUntick(NamedTuple):
    """A mark left by an untick that was not journaled: where it is, and what it names."""

    path: Path
    run_id: int
    handle: str
    box: Box
    #: Every box as the check knew it when it clicked (`box` unknown); empty in an older mark.
    settings: dict[Box, BoxChange]
    #: Of the boxes it had unticked, those X had switched back on (said as the check would).
    reverted: tuple[Box, ...] = ()
    #: The boxes the check kept off (the account's `keep`); None in an older mark.
    keep: tuple[Box, ...] | None = None


def mark(
    folder: Path,
    run_id: int,
    handle: str,
    box: Box,
    settings: dict[Box, BoxChange] | None = None,
    reverted: tuple[Box, ...] = (),
    keep: tuple[Box, ...] | None = None,
) -> Path:
    """Write down that `box` of `handle` is about to be unticked in run `run_id`, with every
    box as the check knows it then (`settings`; `box` said unknown), those of them X had
    switched back on and the boxes the check keeps off (`keep`, said in the check entry made
    from the mark); StorageError when it cannot be (then nothing is clicked)."""
    path = folder / f"run{run_id}-{handle_key(handle)}-{box.value}.json"
    try:
        make_private_dirs(folder)
    except OSError as error:
        raise storage_error(folder, error) from error
    known = dict(settings or {}) | {box: BoxChange(True, None)}
    payload = {
        "run_id": run_id,
        "handle": handle,
        "box": box.value,
        "settings": {b.value: change.to_json() for b, change in known.items()},
        "reverted_by_x": [b.value for b in reverted],
    }
    if keep is not None:
        payload["keep"] = [b.value for b in keep]
    atomic_write_text(path, json.dumps(payload) + "\n")
    return path


def unmark(path: Path) -> None:
    """The untick was journaled (or its check ended and said so): its mark goes."""
    try:
        path.unlink(missing_ok=True)
    except OSError as error:  # (left: at worst said once more, as maybe changed)
        log.warning("the mark %s could not be removed: %s", path.name, error)


def left_by(folder: Path, run_ids: set[int], *, tidy: bool = True) -> list[PendingUntick]:
    """The marks runs `run_ids` left (their processes gone); unreadable ones are removed, unless
    not `tidy` (a command that only looks: they are left as they are)."""
    found: list[PendingUntick] = []
    try:
        files = sorted(folder.glob("run*.json"))
    except OSError:
        return found
    for path in files:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            pending = PendingUntick(
                path,
                int(raw["run_id"]),
                str(raw["handle"]),
                Box(raw["box"]),
                _settings(raw.get("settings")),
                tuple(b for b in ALL_BOXES if b.value in (raw.get("reverted_by_x") or ())),
                _keep(raw.get("keep")),
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            if tidy:
                with contextlib.suppress(OSError):
                    path.unlink()
            continue
        if pending.run_id in run_ids:
            found.append(pending)
    return found


def _settings(raw: object) -> dict[Box, BoxChange]:
    """The boxes a mark holds, in X's order ({} in a mark written before they were kept)."""
    if not isinstance(raw, dict):
        return {}
    found: dict[Box, BoxChange] = {}
    for box in ALL_BOXES:
        change = raw.get(box.value)
        if isinstance(change, dict):
            found[box] = BoxChange(
                _maybe_bool(change.get("before")),
                _maybe_bool(change.get("after")),
                change.get("disabled") is True,
            )
    return found


def _keep(raw: object) -> tuple[Box, ...] | None:
    """The boxes a mark says its check kept off, in X's order (None in an older mark)."""
    if not isinstance(raw, list):
        return None
    return tuple(box for box in ALL_BOXES if box.value in raw)


def _maybe_bool(value: object) -> bool | None:
    return value if isinstance(value, bool) else None
