"""Set-up shared by the end-to-end tests: a simulated X, the command line's environment."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e._engine_support import SimHarness, running_sim


@pytest.fixture
def cli_env(secret_service: dict[str, str], consentinel_home: Path) -> dict[str, str]:
    """The environment a person's terminal would give `consentinel`: a real Secret Service
    keyring, this test's data folder, English, Debian's Chromium."""
    env = dict(os.environ)
    env.update(secret_service)
    env["CONSENTINEL_HOME"] = str(consentinel_home)
    env["CONSENTINEL_LANG"] = "en"
    env["CONSENTINEL_BROWSER"] = "/usr/bin/chromium"
    return env


@pytest.fixture
def sim() -> Iterator[SimHarness]:
    """A fresh simulated X of this test's own."""
    with running_sim() as harness:
        yield harness
