"""The app's log file: kept to a few files of a bounded size, each owner-only whatever the
umask, so that a rotation never leaves a log readable by others."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

from consentinel.gui.logging_setup import OwnerOnlyRotatingFile


def test_a_full_log_moves_aside_and_every_file_stays_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "consentinel.log"
    handler = OwnerOnlyRotatingFile(path, limit=200, keep=3)
    logger = logging.getLogger("test-rotation")
    logger.propagate = False
    logger.addHandler(handler)
    old_umask = os.umask(0o022)  # what most desktops have: new files readable by everyone
    try:
        for n in range(60):
            logger.warning("line %02d %s", n, "x" * 40)
    finally:
        os.umask(old_umask)
        logger.removeHandler(handler)
        handler.close()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        "consentinel.log",
        "consentinel.log.1",
        "consentinel.log.2",
        "consentinel.log.3",
    ]
    for file in tmp_path.iterdir():
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
        assert file.stat().st_size < 200 + 60  # one line past the limit at most
    assert "line 59" in path.read_text()  # the newest line is in the current file
    assert "line 00" not in "".join(p.read_text() for p in tmp_path.iterdir())  # oldest dropped


def test_the_app_s_log_is_three_files_of_one_megabyte_at_most(tmp_path: Path) -> None:
    """What setup_logging's docstring (and the README's log) promises: 3 x 1 MB, the file
    written to included, however much is logged."""
    from consentinel.gui.logging_setup import setup_logging

    path = setup_logging(tmp_path)
    root = logging.getLogger()
    handler = next(h for h in root.handlers if getattr(h, "consentinel", False))
    logger = logging.getLogger("test-app-log")
    try:
        for n in range(4_500):  # about 4.5 MB
            logger.warning("line %04d %s", n, "checked the boxes " * 55)
    finally:
        root.removeHandler(handler)
        handler.close()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["consentinel.log", "consentinel.log.1", "consentinel.log.2"]
    assert sum(p.stat().st_size for p in tmp_path.iterdir()) <= 3 * (1_000_000 + 1_100)
    assert "line 4499" in path.read_text()
