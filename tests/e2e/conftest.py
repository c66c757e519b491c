"""Set-up shared by the command-line end-to-end tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


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
