"""Safe file writes (temp file, fsync, rename; owner-only) and setting corrupt files aside."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path
from typing import Protocol

from consentinel.core.i18n import tr

_PRIVATE_FILE = 0o600
_PRIVATE_DIR = 0o700
#: Below this much free space a folder's disk is full for Consentinel's purposes: SQLite needs a
#: few pages to write a run, and reports less as "disk I/O error" (as the journal does).
NEARLY_FULL_BYTES = 64 * 1024


class TempFiles(Protocol):
    """Told of the temp file a write makes before it becomes the file asked for, by a writer
    that another thread may call off (an export, the app quitting): `made` as soon as it is
    there, so that it can be removed whatever becomes of the writer; `placing` held around its
    rename into place, which it raises to refuse (the temp file is then removed, never put in
    place half written)."""

    def made(self, temp: Path) -> None: ...

    def placing(self) -> contextlib.AbstractContextManager[object]: ...


class StorageError(OSError):
    """A file could not be written or moved; str() is a sentence for a person."""

    def __init__(self, message: str, errno_value: int | None = None) -> None:
        super().__init__(message)
        self.errno = errno_value

    def __str__(self) -> str:
        return str(self.args[0])


def describe_os_error(error: OSError) -> str:
    """The cause of an OS error in a person's words. One made from a sentence alone (no errno:
    a job the OS would not remove, a StorageError) is that sentence, written for the person
    already, not its class's name ("OSError")."""
    if error.errno == errno.ENOSPC:
        return tr("the disk is full")
    if error.errno == errno.EDQUOT:
        return tr("the disk quota is exceeded")
    if error.errno in (errno.EROFS,):
        return tr("the disk is read-only")
    if error.errno in (errno.EACCES, errno.EPERM):
        return tr("permission denied (is the folder read-only?)")
    if error.errno == errno.ENOENT:
        return tr("the folder does not exist")
    if error.errno == errno.ENOTDIR:
        return tr("a part of the path is a file, not a folder")
    if error.errno == errno.EISDIR:
        return tr("a folder has that name")
    if error.errno == errno.ENAMETOOLONG:
        return tr("the name is too long")
    if error.strerror:
        return error.strerror
    if error.errno is None and str(error):
        return str(error)
    return type(error).__name__


class FolderProblem(str, Enum):
    """Why a folder takes nothing new, as found by looking at it (folder_problem)."""

    READ_ONLY = "read_only"  # its disk is mounted read-only (or turned so after an error)
    FULL = "full"  # its disk, or the person's quota on it, is full
    NOT_WRITABLE = "not_writable"  # its permissions keep the person from writing in it


#: OS errors that say which of those a failed write met, before anything is looked at.
_PROBLEM_OF_ERRNO = {
    errno.EROFS: FolderProblem.READ_ONLY,
    errno.ENOSPC: FolderProblem.FULL,
    errno.EDQUOT: FolderProblem.FULL,
    errno.EACCES: FolderProblem.NOT_WRITABLE,
    errno.EPERM: FolderProblem.NOT_WRITABLE,
}


def problem_of_error(error: BaseException | None) -> FolderProblem | None:
    """What a failed write's OS error says of its folder (None: an error that does not say)."""
    return _PROBLEM_OF_ERRNO.get(getattr(error, "errno", None) or 0)


def folder_problem(folder: Path, error: BaseException | None = None) -> FolderProblem | None:
    """Why `folder` cannot be written, from the OS error a write met when it says (`error`),
    else from the folder itself: a journal's SQLite error, or a sentence, says no errno. None
    when it looks writable (or is not there: made when needed)."""
    found = problem_of_error(error)
    if found is not None:
        return found
    try:
        if hasattr(os, "statvfs") and os.statvfs(folder).f_flag & os.ST_RDONLY:
            return FolderProblem.READ_ONLY
        if shutil.disk_usage(folder).free < NEARLY_FULL_BYTES:
            return FolderProblem.FULL
    except OSError:
        return None
    return None if os.access(folder, os.W_OK) else FolderProblem.NOT_WRITABLE


def file_identity(path: Path) -> tuple[int, int] | None:
    """(device, file number) of what is at `path` now: a file or folder deleted and made again,
    or another moved into its place, reads differently. None when nothing is there. OSError
    when it cannot be told: it cannot be read (a network file system gone stale), or the file
    system numbers no files."""
    try:
        found = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    if not found.st_ino:
        raise OSError(errno.EOPNOTSUPP, "this file system does not number its files", str(path))
    return (found.st_dev, found.st_ino)


def known_identity(path: Path) -> tuple[int, int] | None:
    """`file_identity`, None when it cannot be told as when nothing is there: a starting point
    that is None is never compared."""
    try:
        return file_identity(path)
    except OSError:
        return None


def make_private_dirs(folder: Path) -> None:
    """Create `folder` and every missing folder above it owner-only (0700) whatever the umask,
    as the XDG base directory spec asks of ~/.config, ~/.local/share...; folders that exist
    are left as they are (they may be the person's, set up their way). Raises OSError."""
    missing: list[Path] = []
    current = Path(folder).absolute()
    while not os.path.lexists(current) and current.parent != current:
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=_PRIVATE_DIR)
        except FileExistsError:
            if path.is_dir():  # another process made it meanwhile: its mode is its business
                continue
            raise
        if os.name == "posix":
            path.chmod(_PRIVATE_DIR)  # mkdir's mode went through the umask
    if not missing and not os.path.isdir(folder):
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder))


def storage_error(path: Path, error: OSError) -> StorageError:
    """`path` could not be saved: a StorageError saying so, and why, in a person's words."""
    cause = describe_os_error(error)
    if error.errno == errno.ENOENT and path.parent.is_dir():
        # The folder is there but takes no new file (/proc, /sys, some mounted shares).
        cause = tr("that folder does not take new files")
    message = tr("Could not save {path}: {cause}.", path=path, cause=cause)
    stored = StorageError(message, error.errno)
    stored.filename = str(path)  # (which file: a scheduled run names its folder)
    return stored


def atomic_write_bytes(path: Path, data: bytes, temps: TempFiles | None = None) -> None:
    """Replace `path` with `data` all at once: readers see the old file or the new, never half.

    The temp file is created 0600 in the same folder (so the rename stays on one file system);
    on any failure it is removed and a StorageError naming the path and the cause is raised.
    `temps` is told of it, and asked before the rename (see TempFiles).
    """
    path = Path(path)
    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        if temps is not None:
            temps.made(Path(tmp_name))
        try:
            if os.name == "posix":
                os.fchmod(fd, _PRIVATE_FILE)
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        with placing(temps):
            os.replace(tmp_name, path)
        tmp_name = None
        _fsync_dir(path.parent)
    except OSError as error:
        raise storage_error(path, error) from error
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def atomic_write_text(path: Path, text: str, temps: TempFiles | None = None) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), temps)


@contextlib.contextmanager
def placing(temps: TempFiles | None) -> Iterator[object]:
    """`temps.placing()`, or nothing to hold when nobody watches the write."""
    if temps is None:
        yield None
    else:
        with temps.placing() as held:
            yield held


def _fsync_dir(folder: Path) -> None:
    # The rename itself is only durable once the folder's entry is on disk (POSIX only).
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def set_aside(path: Path, why: str = "corrupt") -> Path:
    """Rename a file we cannot use to `<name>.<why>-<UTC timestamp>`; it is never deleted.

    `why` is a short tag such as "corrupt" or "newer". Returns the new path.
    """
    path = Path(path)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    tag = "".join(ch for ch in why if ch.isalnum() or ch in "-_") or "corrupt"
    target = path.with_name(f"{path.name}.{tag}-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.{tag}-{stamp}-{n}")
    try:
        os.replace(path, target)
    except OSError as error:
        message = tr(
            "Could not set {path} aside: {cause}.", path=path, cause=describe_os_error(error)
        )
        raise StorageError(message, error.errno) from error
    return target
