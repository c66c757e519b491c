"""What the keyring itself answered when it failed, in the app's log file from the CLI too.

core/vault says a failing keyring in a person's words, and logs the keyring's own answer (the
secret blanked out of it) for whoever looks further: the sentence says "the log file says what
the keyring answered". The window writes that log file; a command, which logs nothing else
(the person reads its sentences, not log records), writes these records to the same file
(gui/logging_setup: owner-only, rotated, secrets redacted), and makes it only when one comes.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

from consentinel.core.fileio import make_private_dirs
from consentinel.gui.logging_setup import (
    LOG_FILE_BYTES,
    LOG_FILES,
    LOG_NAME,
    OwnerOnlyRotatingFile,
    RedactingFormatter,
)

VAULT_LOGGER = "consentinel.core.vault"


class _MadeWhenWritten(OwnerOnlyRotatingFile):
    """The app's log file, opened (its folder made owner-only) at the first record only."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, limit=LOG_FILE_BYTES, keep=LOG_FILES - 1, delay=True)

    def _open(self) -> io.TextIOWrapper:
        make_private_dirs(Path(self.baseFilename).parent)
        return super()._open()

    def handleError(self, record: logging.LogRecord) -> None:
        # A log file that cannot be written (a full or read-only disk) says nothing on the
        # terminal: the person has the sentence already, and the doctor shows the cause.
        pass


def keyring_answers_to_the_log_file(logs_dir: Path) -> None:
    """Write the keyring's own answers (core/vault's warnings) to logs_dir's log file, in
    place of where an earlier call wrote them (a test that runs several commands)."""
    logger = logging.getLogger(VAULT_LOGGER)
    for old in list(logger.handlers):
        if isinstance(old, _MadeWhenWritten):
            logger.removeHandler(old)
            old.close()
    handler = _MadeWhenWritten(logs_dir / LOG_NAME)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
