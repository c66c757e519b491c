"""The app's log: a rotating file in the user's log folder, with secrets redacted."""

from __future__ import annotations

import io
import logging
import os
import sys
from pathlib import Path

from consentinel.core.fileio import make_private_dirs
from consentinel.core.log_redaction import redact

LOG_NAME = "consentinel.log"


class OwnerOnlyRotatingFile(logging.FileHandler):
    """A log file kept under `limit` bytes: past it, it becomes `.1` (`.1` becomes `.2`…, `keep`
    of them), and a new one starts, owner-only like the first (the standard library's rotating
    handler made it with the process's umask, often readable by everyone)."""

    def __init__(self, path: Path, *, limit: int, keep: int, delay: bool = False) -> None:
        super().__init__(path, encoding="utf-8", delay=delay)
        self._limit = limit
        self._keep = keep

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        if os.name == "posix":
            os.fchmod(fd, 0o600)
        return open(fd, "a", encoding="utf-8")

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.stream is None:
                self.stream = self._open()
            if self.stream.tell() >= self._limit:
                self._rotate()
        except OSError:
            self.handleError(record)
            return
        super().emit(record)

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        base = self.baseFilename
        for n in range(self._keep - 1, 0, -1):
            if os.path.exists(f"{base}.{n}"):
                os.replace(f"{base}.{n}", f"{base}.{n + 1}")
        os.replace(base, f"{base}.1")
        self.stream = self._open()


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


#: The log's files: the one written to and the older ones, of about LOG_FILE_BYTES each.
LOG_FILES = 3
LOG_FILE_BYTES = 1_000_000


def setup_logging(logs_dir: Path) -> Path:
    """Log INFO and above to logs_dir/consentinel.log (owner-only, 3 x 1 MB: that file and the
    2 older ones, .1 and .2). OSError when that file cannot be written."""
    make_private_dirs(logs_dir)
    path = logs_dir / LOG_NAME
    # (opened owner-only at once; `keep` counts the older files only)
    _use(OwnerOnlyRotatingFile(path, limit=LOG_FILE_BYTES, keep=LOG_FILES - 1))
    return path


def setup_logging_or_stderr(logs_dir: Path) -> tuple[Path | None, OSError | None]:
    """setup_logging(); when the log file cannot be written (a read-only or full disk), the
    same log on stderr instead, so that the app still starts: (None, why) then."""
    try:
        return setup_logging(logs_dir), None
    except OSError as error:
        use_stderr()
        return None, error


def use_stderr() -> None:
    """The app's log on stderr, secrets redacted (no log file can be written)."""
    if sys.stderr is not None:  # None in a Windows gui-script: no log at all then
        _use(logging.StreamHandler(sys.stderr))


def _use(handler: logging.Handler) -> None:
    """Make `handler` the app's log, in place of the one set before."""
    root = logging.getLogger()
    for old in list(root.handlers):
        if getattr(old, "consentinel", False):
            root.removeHandler(old)
            old.close()
    handler.consentinel = True  # type: ignore[attr-defined]
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
