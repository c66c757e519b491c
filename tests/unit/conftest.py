"""Fixtures of the journal's tests (test_journal.py, test_journal_scaling.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from consentinel.core.journal import Journal
from consentinel.core.paths import AppPaths


@pytest.fixture
def journal_path(consentinel_home: Path) -> Path:
    return AppPaths.from_env().ensure().journal_path


@pytest.fixture
def journal(journal_path: Path) -> Iterator[Journal]:
    j = Journal.open(journal_path)
    yield j
    j.close()
