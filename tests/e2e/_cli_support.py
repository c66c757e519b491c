"""Shared set-up for the command line's end-to-end tests: the installed `consentinel` run as a
real process, and a simulated X whose accounts were added to Consentinel through it."""

from __future__ import annotations

import subprocess

from consentinel.simx import SimAccount, SimX
from tests.fixtures.simx_fixtures import SimxFactory
from tests.reliability import cli_support
from tests.reliability.cli_support import CLI, started

__all__ = ["CLI", "add_account", "run_cli", "started", "x_with_accounts"]


def run_cli(
    env: dict[str, str], *args: str, stdin: str = "", check_exit: int | None = None
) -> subprocess.CompletedProcess[str]:
    """The reliability tests' run_cli, with these tests' names and their 3-minute limit."""
    return cli_support.run_cli(env, *args, stdin=stdin, expect=check_exit, timeout=180)


def add_account(env: dict[str, str], handle: str, password: str) -> None:
    """`account add HANDLE --password-stdin`, the password on a pipe (no terminal)."""
    run_cli(env, "account", "add", handle, "--password-stdin", stdin=password + "\n", check_exit=0)


def x_with_accounts(
    simx: SimxFactory, env: dict[str, str], *accounts: SimAccount
) -> tuple[SimX, dict[str, str]]:
    """A simulated X with these accounts, and `env` pointed at it, where `account add` gave each
    to Consentinel with its password, in the order given."""
    sim = simx(*accounts)
    env = dict(env, CONSENTINEL_X_ORIGIN=sim.origin)
    for account in accounts:
        add_account(env, account.handle, account.password)
    return sim, env
