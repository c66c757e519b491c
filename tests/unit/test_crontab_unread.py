"""Without systemd, the window reads the crontab line's minute from `schedule status`'s report
(gui/crontab_minute.py). A `crontab -l` that failed is said apart from a person with no crontab
(`crontab_unread`): the window keeps the minute it knew on the first, forgets it on the second.
A real `crontab` program on PATH (tests/fixtures/fake_crontab.py), as cron's answers it."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from consentinel.core.osjobs.systemd import SystemdUserJob
from tests.fixtures.fake_crontab import fake_crontab


def _status(tmp_path: Path) -> tuple[bool, bool]:
    report = SystemdUserJob(tmp_path / "units", booted=lambda: False).status()
    return report.installed, report.crontab_unread


def test_a_failing_crontab_program_is_said_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_crontab(tmp_path / "bin", tmp_path / "missing.txt", monkeypatch)  # (`cat` fails)
    assert _status(tmp_path) == (False, True)


def test_no_crontab_at_all_is_no_line_not_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    program = fake_crontab(tmp_path / "bin", tmp_path / "unused.txt", monkeypatch)
    # What cron's `crontab -l` answers a person who has none.
    program.write_text('#!/bin/sh\necho "no crontab for $(id -un)" >&2\nexit 1\n')
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    assert _status(tmp_path) == (False, False)
    listed = tmp_path / "empty.txt"
    listed.write_text("")
    fake_crontab(tmp_path / "bin", listed, monkeypatch)  # (a crontab without the line)
    assert _status(tmp_path) == (False, False)
