"""`consentinel account set-password` holds the account list only after the keyring has kept
the password: a keyring that asks the person first (its unlock, macOS's "allow access") keeps
no other writer of the list waiting, and an account removed meanwhile keeps no password."""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from keyring.backends.SecretService import Keyring as SecretServiceKeyring
from keyring.compat import properties

from consentinel.cli import account_cmd
from consentinel.cli.errors import UsageError
from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.journal_entries import EntryKind
from consentinel.core.paths import AppPaths
from consentinel.core.signin_rules import remember_outcome
from consentinel.core.status import Reason, Status
from consentinel.core.vault import Vault

NEW = "the-new-password-7"

#: Another process (a scheduled check) writes an account's state, as a check ends.
STATE_WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from consentinel.core.accounts import AccountStore
    from consentinel.core.accounts_lock import AccountsBusy
    from consentinel.core.paths import AppPaths
    from consentinel.core.status import Status
    store = AccountStore(AppPaths.under(Path(sys.argv[1])))
    try:
        if sys.argv[2] == "remove":  # as `consentinel account remove` does, its secrets gone
            store.remove(sys.argv[3])
        else:
            store.record_check(sys.argv[3], Status.FIXED)
    except AccountsBusy:
        print("busy")
    else:
        print("written")
    """
)


class _AsksFirst(SecretServiceKeyring):
    """The real Secret Service behind a question the person takes their time to answer: a
    password is written once the test answers it."""

    @properties.classproperty
    def priority(cls) -> float:
        raise RuntimeError("only for this test")

    def __init__(self) -> None:
        super().__init__()
        self.asking = threading.Event()
        self.answered = threading.Event()
        #: Run once the password is kept, before set-password holds the list (a check then).
        self.then: list[Callable[[], None]] = []

    def set_password(self, service: str, username: str, password: str) -> None:
        if username.endswith(":password"):
            self.asking.set()
            assert self.answered.wait(60), "the test never answered"
        super().set_password(service, username, password)
        if username.endswith(":password"):
            for step in self.then:
                step()


@pytest.fixture
def asking_keyring(real_vault: Vault) -> _AsksFirst:
    return _AsksFirst()


def _another_process(paths: AppPaths, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", STATE_WRITER, str(paths.root), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        timeout=60,
        check=True,
    )
    return done.stdout.strip()


@pytest.fixture
def old_password() -> str | None:
    """alice's password saved before set-password runs (none unless a test says one)."""
    return None


@pytest.fixture
def set_password_asked(
    consentinel_home: Path,
    real_vault: Vault,
    asking_keyring: _AsksFirst,
    monkeypatch: pytest.MonkeyPatch,
    old_password: str | None,
) -> Iterator[tuple[AppContext, threading.Thread, list[BaseException]]]:
    """`account set-password alice` running, its keyring asking the person; alice's old
    password refused by X (a rejection kept without a hash, as before refusals were hashed)."""
    vault = Vault(asking_keyring, service=real_vault.service)
    ctx = AppContext.create(AppPaths.under(consentinel_home), vault=vault)
    ctx.accounts.add(Account("alice"))
    if old_password is not None:
        real_vault.set_password("alice", old_password)
    remember_outcome(ctx.accounts, "alice", Reason.WRONG_PASSWORD, True, 12)
    monkeypatch.setattr(account_cmd, "open_context", lambda **_: ctx)
    monkeypatch.setattr(sys, "stdin", io.StringIO(NEW + "\n"))
    args = argparse.Namespace(handle="alice", password_stdin=True)
    failures: list[BaseException] = []

    def run() -> None:
        try:
            account_cmd._set_password(args)
        except BaseException as error:
            failures.append(error)

    command = threading.Thread(target=run, name="set-password", daemon=True)
    command.start()
    assert asking_keyring.asking.wait(60)
    yield ctx, command, failures
    asking_keyring.answered.set()
    command.join(60)


def test_the_list_is_not_held_while_the_keyring_asks(
    set_password_asked: tuple[AppContext, threading.Thread, list[BaseException]],
    asking_keyring: _AsksFirst,
    real_vault: Vault,
) -> None:
    ctx, command, failures = set_password_asked
    # A scheduled check in another process writes its state meanwhile: it need not wait (it
    # gave up after 15 s, AccountsBusy, while set-password held the list through the question).
    assert _another_process(ctx.paths, "record", "alice") == "written"
    asking_keyring.answered.set()
    command.join(60)
    assert not command.is_alive() and failures == []
    assert real_vault.get_password("alice") == NEW
    state = ctx.accounts.state("alice")
    assert not state.password_rejected  # X's refusal of the old one is lifted
    assert state.last_status is Status.FIXED  # and the other process's write is kept
    assert ctx.journal.entries(kinds=[EntryKind.ACCOUNT_EDITED]) != []


def test_an_account_removed_meanwhile_keeps_no_password(
    set_password_asked: tuple[AppContext, threading.Thread, list[BaseException]],
    asking_keyring: _AsksFirst,
    real_vault: Vault,
) -> None:
    ctx, command, failures = set_password_asked
    # `consentinel account remove alice` in another process: its secrets deleted (none yet,
    # the new password still being asked about), then off the list.
    real_vault.delete_account("alice")
    assert _another_process(ctx.paths, "remove", "alice") == "written"
    asking_keyring.answered.set()
    command.join(60)
    assert not command.is_alive()
    assert [str(f) for f in failures] == [
        "@alice was removed while its password was being saved: the password was deleted again."
    ]
    assert isinstance(failures[0], UsageError)
    assert real_vault.get_password("alice") is None  # never outlives its account
    assert ctx.accounts.get("alice") is None
    assert ctx.journal.entries(kinds=[EntryKind.ACCOUNT_EDITED]) == []


def test_a_refusal_of_the_new_password_made_meanwhile_stays(
    set_password_asked: tuple[AppContext, threading.Thread, list[BaseException]],
    asking_keyring: _AsksFirst,
    real_vault: Vault,
) -> None:
    """Between the keyring keeping the new password and set-password holding the list, a
    check reads it, types it, and X refuses it: that refusal is the new password's, and is not
    lifted as the old one's is (else the next check would type a password X refused)."""
    from consentinel.core.password_refusals import rejects_saved_password, typed_password_digest

    ctx, command, failures = set_password_asked

    def a_check_meanwhile() -> None:
        digest = typed_password_digest(ctx, "alice", NEW)
        assert digest is not None
        remember_outcome(
            ctx.accounts, "alice", Reason.WRONG_PASSWORD, True, 12, rejected_password=digest
        )

    asking_keyring.then.append(a_check_meanwhile)
    asking_keyring.answered.set()
    command.join(60)
    assert not command.is_alive() and failures == []
    assert real_vault.get_password("alice") == NEW
    state = ctx.accounts.state("alice")
    assert state.password_rejected
    assert rejects_saved_password(ctx, "alice", state, NEW)


@pytest.mark.parametrize("old_password", ["the-old-password"])
def test_a_check_meanwhile_types_the_new_password_not_the_refused_one(
    set_password_asked: tuple[AppContext, threading.Thread, list[BaseException]],
    asking_keyring: _AsksFirst,
    real_vault: Vault,
) -> None:
    """X's rejection was kept without a hash (of "the saved password", whichever it is). A
    check reading between the keyring keeping the new password and set-password lifting the
    rejection must type the new one (it was held back as refused), and would never type the
    old one: the rejection is named as the old password's before the new one is written."""
    from consentinel.core.password_refusals import rejects_saved_password

    ctx, command, failures = set_password_asked
    seen: dict[str, bool] = {}

    def a_check_meanwhile() -> None:
        state = ctx.accounts.state("alice")
        seen["new held back"] = rejects_saved_password(ctx, "alice", state, NEW)
        seen["old held back"] = rejects_saved_password(ctx, "alice", state, "the-old-password")

    asking_keyring.then.append(a_check_meanwhile)
    asking_keyring.answered.set()
    command.join(60)
    assert not command.is_alive() and failures == []
    assert seen == {"new held back": False, "old held back": True}
    assert not ctx.accounts.state("alice").password_rejected
