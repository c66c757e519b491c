"""`consentinel check`'s exit code from a run's results: 0 all off, 1 not all off, 2 when the
keyring or a missing browser kept any account from being checked (a set-up error a script must
not mistake for a box left on, nor miss behind the accounts that were checked)."""

from __future__ import annotations

import pytest

from consentinel.cli.check_cmd import exit_code
from consentinel.core.events import AccountResult, RunResult
from consentinel.core.status import Reason, Status

OFF = AccountResult("ann", Status.OPTED_OUT)
FIXED = AccountResult("ben", Status.FIXED)
NEEDS_YOU = AccountResult("cat", Status.NEEDS_USER, Reason.TWO_FACTOR)
NO_KEYRING = AccountResult("dan", Status.ERROR, Reason.KEYRING_UNAVAILABLE)
NO_KEYRING_TOO = AccountResult("eve", Status.ERROR, Reason.KEYRING_UNAVAILABLE)
NO_BROWSER = AccountResult("fay", Status.ERROR, Reason.BROWSER_MISSING)


@pytest.mark.parametrize(
    ("accounts", "code"),
    [
        ((OFF, FIXED), 0),
        ((OFF, NEEDS_YOU), 1),
        ((NO_KEYRING, NO_KEYRING_TOO), 2),
        ((OFF, NO_KEYRING), 2),  # the others all off: still not "done"
        ((NEEDS_YOU, NO_KEYRING), 2),  # a box may be on too, but the set-up comes first
        ((NO_BROWSER,), 2),
    ],
)
def test_exit_code(accounts: tuple[AccountResult, ...], code: int) -> None:
    assert exit_code(RunResult(1, accounts)) == code
