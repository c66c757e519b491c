"""Set-up shared by the reliability tests: the environment of a `consentinel` process."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.keyring_fixtures import SecretServiceEnv
from tests.reliability.cli_support import cli_env


@pytest.fixture
def env(secret_service: SecretServiceEnv, consentinel_home: Path) -> dict[str, str]:
    """A CLI process's environment: the real keyring, this test's data folder, English."""
    return cli_env(secret_service.env, consentinel_home)
