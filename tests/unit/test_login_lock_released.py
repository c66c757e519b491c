"""`consentinel login` gives the run lock back whatever ends it once taken, before the sign-in
starts too: a stderr that cannot be written, a Ctrl+C just as it took the lock. In this
process, the lock a real OS lock (another RunLock of the same process is refused while it is
held): held on, it would keep every later check of the process waiting.

Nothing reaches a browser: the announcement before the sign-in is what fails. DISPLAY names
a display only so that `login` goes on to that point (it looks at the variable, and nothing
connects to it before the sign-in)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from consentinel.cli.main import EXIT_INTERRUPTED, EXIT_USAGE, main
from consentinel.core.accounts import Account, AccountStore
from consentinel.core.lock import RunLock
from consentinel.core.paths import AppPaths

ANNOUNCEMENT = "A browser window opens on X's sign-in page for @alice."
WAITING = "Another check is running"


class _Stderr(io.StringIO):
    """A stderr whose announcement of the sign-in fails with `failure`; and, when it is told
    the command waits for another check, that other check ends (`on_wait`)."""

    def __init__(self, failure: BaseException, on_wait: RunLock | None) -> None:
        super().__init__()
        self._failure = failure
        self._on_wait = on_wait

    def write(self, text: str) -> int:
        if ANNOUNCEMENT in text:
            raise self._failure
        if WAITING in text and self._on_wait is not None:
            self._on_wait.release()
        return super().write(text)


@pytest.mark.parametrize("busy_first", [False, True], ids=["free", "after-a-wait"])
@pytest.mark.parametrize(
    ("failure", "code"),
    [(OSError(5, "Input/output error"), EXIT_USAGE), (KeyboardInterrupt(), EXIT_INTERRUPTED)],
    ids=["stderr-unwritable", "ctrl-c"],
)
def test_login_gives_the_lock_back_when_it_ends_before_the_sign_in(
    consentinel_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    failure: BaseException,
    code: int,
    busy_first: bool,
) -> None:
    paths = AppPaths.under(consentinel_home).ensure()
    AccountStore(paths).add(Account("alice"))
    monkeypatch.setenv("DISPLAY", ":99")
    other: RunLock | None = None
    if busy_first:  # another check holds it: login waits, and takes it at that check's end
        other = RunLock(paths.lock_path)
        assert other.acquire(wait=False)
    stderr = _Stderr(failure, on_wait=other)
    monkeypatch.setattr("sys.stderr", stderr)

    try:
        assert main(["login", "alice"]) == code
    finally:
        if other is not None:  # (released at the wait's message, unless it never came)
            other.release()

    assert (WAITING in stderr.getvalue()) == busy_first
    after = RunLock(paths.lock_path)
    assert after.acquire(wait=False), "the run lock is still held"
    after.release()
