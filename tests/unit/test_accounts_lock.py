"""The accounts lock: owner-only, re-entrant, bounded, never needed to read; and a change of
several steps (AccountStore.editing) that another writer cannot cut in two."""

from __future__ import annotations

import argparse
import io
import json
import os
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from consentinel.cli import account_cmd
from consentinel.cli.errors import UsageError
from consentinel.core.accounts import Account, AccountStore, DuplicateAccount
from consentinel.core.accounts_lock import AccountsBusy, AccountsLock
from consentinel.core.context import AppContext
from consentinel.core.fileio import StorageError
from consentinel.core.journal_entries import EntryKind
from consentinel.core.paths import AppPaths
from consentinel.core.status import Reason, Status
from consentinel.core.vault import MemoryKeyring, Vault
from tests.fixtures.accounts_race import another_writer_adds_meanwhile
from tests.fixtures.private_mounts import run_on_a_tmpfs

HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from consentinel.core.accounts import AccountStore
    from consentinel.core.paths import AppPaths
    store = AccountStore(AppPaths.under(Path(sys.argv[1])))
    with store.editing():
        print("holding", flush=True)
        sys.stdin.readline()  # until the test says so (or ends)
    """
)


def _child_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}


@pytest.fixture
def paths(consentinel_home: Path) -> AppPaths:
    return AppPaths.under(consentinel_home)


@pytest.fixture
def another_process_holds_the_list(paths: AppPaths) -> Iterator[subprocess.Popen[str]]:
    """Another process in the middle of a change of the account list, until told to end."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(paths.root)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=_child_env(),
    )
    assert holder.stdout is not None and holder.stdin is not None
    assert holder.stdout.readline().strip() == "holding"
    yield holder
    holder.stdin.close()  # (its readline ends: it lets go and exits)
    assert holder.wait(timeout=30) == 0


def test_the_lock_file_sits_beside_the_list_owner_only(paths: AppPaths) -> None:
    old = os.umask(0)  # the loosest umask a person can have
    try:
        AccountStore(paths).add(Account("ada"))
    finally:
        os.umask(old)
    lock = paths.accounts_lock_path
    assert lock.parent == paths.accounts_path.parent
    if os.name == "posix":
        assert stat.S_IMODE(lock.stat().st_mode) == 0o600
    assert lock.read_bytes() == b""  # (it holds nothing: the OS lock is the point)


def test_the_outermost_holder_takes_the_lock_and_only_it_gives_it_back(paths: AppPaths) -> None:
    store = AccountStore(paths)
    store.add(Account("bea"))
    # Another writer's view of the lock (its own file handle, as another process's), which
    # does not wait.
    other = AccountsLock(paths.accounts_lock_path, paths.accounts_path, wait_s=0)
    with store.editing():
        with store.editing():  # re-entrant: no deadlock with itself
            store.record_check("bea", Status.FIXED)
            store.block("bea", Reason.REFUSED)  # (itself made of a read and a write)
        # The inner writes let go of nothing: the block still holds the list.
        with pytest.raises(AccountsBusy), other.held():
            pass
        store.add(Account("cy"))
    with other.held():  # the block's end gave it back
        pass
    assert [a.handle for a in store.list()] == ["bea", "cy"]
    assert store.state("bea").backoffs_in_a_row == 1


def test_a_list_held_too_long_elsewhere_is_refused_in_a_sentence(
    paths: AppPaths,
    another_process_holds_the_list: subprocess.Popen[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lock = AccountsLock(paths.accounts_lock_path, paths.accounts_path, wait_s=0.2)
    with pytest.raises(AccountsBusy) as busy, lock.held():
        pass
    # A StorageError: every writer already says those to the person.
    assert isinstance(busy.value, StorageError)
    message = str(busy.value)
    assert str(paths.accounts_path) in message
    assert "another Consentinel process" in message and "nothing was changed" in message
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")
    with pytest.raises(AccountsBusy) as busy_fr, lock.held():
        pass
    assert "un autre processus de Consentinel" in str(busy_fr.value)
    assert "secondes\u00a0: rien n'a été modifié" in str(busy_fr.value)


def test_reading_never_waits_for_a_writer(
    paths: AppPaths, another_process_holds_the_list: subprocess.Popen[str]
) -> None:
    """The list is read whole or not at all (it is replaced in one rename): a window showing
    it while a check records a state does not wait for the check (which would freeze it).
    Were a read to take the lock, it would wait for the other process, then fail."""
    # (Written by hand: add() would wait for the other process.)
    text = json.dumps({"version": 1, "accounts": [Account("dee").to_json()], "states": {}})
    paths.accounts_path.parent.mkdir(parents=True, exist_ok=True)
    paths.accounts_path.write_text(text)
    store = AccountStore(paths)
    assert [a.handle for a in store.list()] == ["dee"]
    assert [a.handle for a, _state in store.list_with_states()] == ["dee"]
    assert store.get("DEE") is not None and store.state("dee").last_check_at is None


def test_a_duplicate_found_inside_editing_leaves_the_others_secrets_alone(
    paths: AppPaths,
) -> None:
    vault = Vault(MemoryKeyring())
    store = AccountStore(paths)
    with another_writer_adds_meanwhile(paths, vault, "dora", "theirs"):
        assert store.get("dora") is None  # looked at first: not listed
        with pytest.raises(DuplicateAccount) as duplicate, store.editing():
            # (Waited for the other writer, who added it meanwhile.)
            store.require_unlisted("Dora")
            vault.set_password("dora", "mine")  # never reached
    assert str(duplicate.value) == "@dora is already in your accounts."
    assert vault.get_password("dora") == "theirs"
    assert [a.handle for a in store.list()] == ["dora"]


def test_account_add_of_a_handle_added_meanwhile_keeps_the_others_secrets(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`consentinel account add` looks first, reads the secrets (a person may take their
    time), then saves: an account added with its secrets meanwhile, by the window or another
    command, keeps them, and the command says it is listed."""
    vault = Vault(MemoryKeyring())
    ctx = AppContext.create(paths, vault=vault)
    monkeypatch.setattr(account_cmd, "open_context", lambda **_: ctx)
    monkeypatch.setattr(sys, "stdin", io.StringIO("mine-password\n"))
    args = argparse.Namespace(
        handle="@Eve", password_stdin=True, totp_stdin=False, email=None, phone=None, keep=None
    )
    meanwhile = another_writer_adds_meanwhile(paths, vault, "eve", "their-password")
    with meanwhile, pytest.raises(UsageError) as refused:
        account_cmd._add(args)
    assert str(refused.value) == "@eve is already in your accounts."
    assert vault.get_password("eve") == "their-password"
    assert vault.get_totp("eve") is None
    assert ctx.journal.entries(kinds=[EntryKind.ACCOUNT_ADDED]) == []


_READ_ONLY_CHILD = textwrap.dedent(
    """
    import json, os, subprocess, sys
    from pathlib import Path
    from consentinel.core.accounts import Account, AccountStore
    from consentinel.core.fileio import StorageError
    from consentinel.core.paths import AppPaths
    from consentinel.core.status import Status

    mnt = Path(sys.argv[1])
    folders = {"lock file made": AppPaths.under(mnt / "a"), "none yet": AppPaths.under(mnt / "b")}
    for name, paths in folders.items():
        store = AccountStore(paths)
        store.add(Account("rolist"))
        store.record_check("rolist", Status.FIXED)
        if name == "none yet":  # (as a version without the lock left the folder)
            paths.accounts_lock_path.unlink()
    subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
    results = {}
    for name, paths in folders.items():
        store = AccountStore(paths)
        listed = [(a.handle, s.last_status) for a, s in store.list_with_states()]
        try:
            store.record_check("rolist", Status.OPTED_OUT)
            refused = None
        except StorageError as error:
            refused = str(error)
        results[name] = {"listed": listed, "refused": refused,
                         "files": sorted(os.listdir(paths.config_dir))}
    print(json.dumps(results))
    """
)


def test_a_read_only_data_folder_still_lists_its_accounts(tmp_path: Path) -> None:
    """A real read-only tmpfs in a private mount namespace (even root cannot write there): the
    list and its states are read as they are, with or without the lock file; a change is
    refused in a sentence that says why, and no file is made."""
    results = run_on_a_tmpfs(tmp_path / "mnt", _READ_ONLY_CHILD, size="1m")
    assert results["lock file made"]["files"] == ["accounts.json", "accounts.json.lock"]
    assert results["none yet"]["files"] == ["accounts.json"]
    for result in results.values():
        assert result["listed"] == [["rolist", "fixed"]]
        assert "accounts.json" in result["refused"] and "read-only" in result["refused"]
