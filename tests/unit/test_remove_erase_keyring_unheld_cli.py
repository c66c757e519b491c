"""`consentinel account remove --erase-history` deletes the account's secrets from the keyring
before it takes the run lock, as the window does: a keyring that asks the person first keeps
no scheduled check waiting; a check that started meanwhile has the account, whose history is
then not erased, and said. The keyring is the real Secret Service; a wrapper around its
deletion stands for its prompt. Why a history is not erased, in the words of the command line
and of the window (core/history_eraser)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from consentinel.cli.main import main
from consentinel.core.accounts import Account, AccountStore
from consentinel.core.history_eraser import StillAnAccount
from consentinel.core.i18n import speaking
from consentinel.core.journal import Journal
from consentinel.core.journal_erasure import history_of
from consentinel.core.lock import RunLock
from consentinel.core.paths import AppPaths
from consentinel.core.vault import Vault
from tests.fixtures.keyring_fixtures import SecretServiceEnv, folder_vault
from tests.unit.test_erase_history import write_history


def _alice(home: Path) -> AppPaths:
    paths = AppPaths.under(home).ensure()
    paths.evidence_dir.mkdir(parents=True, exist_ok=True)
    with Journal.open(paths.journal_path, evidence_dir=paths.evidence_dir) as journal:
        write_history(journal, paths.evidence_dir, "alice")
    AccountStore(paths).add(Account("alice"))
    folder_vault().set_password("alice", "pw-alice")
    return paths


#: The keyring's own deletion (the tests' clean-up), without the prompt standing in.
_DELETE = Vault.delete_account


def _while_it_asks(monkeypatch: pytest.MonkeyPatch, meanwhile: Callable[[], None]) -> None:
    """The keyring's deletion "asks the person": `meanwhile` runs while it does, then it
    deletes (the real Secret Service)."""

    def asking_delete(vault: Vault, handle: str) -> None:
        meanwhile()
        _DELETE(vault, handle)

    monkeypatch.setattr(Vault, "delete_account", asking_delete)


def _history(paths: AppPaths) -> int:
    with Journal.open(paths.journal_path, evidence_dir=paths.evidence_dir) as journal:
        return history_of(journal, "alice").entries


def test_the_run_lock_is_free_while_the_keyring_asks(
    consentinel_home: Path,
    secret_service: SecretServiceEnv,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    paths = _alice(consentinel_home)
    free: list[bool] = []

    def a_scheduled_check_looks() -> None:
        scheduled = RunLock(paths.lock_path)  # (another process's: its own open file, flock)
        free.append(scheduled.acquire(wait=False))
        if scheduled.held:
            scheduled.release()

    _while_it_asks(monkeypatch, a_scheduled_check_looks)
    try:
        assert main(["account", "remove", "alice", "--erase-history", "--yes"]) == 0
    finally:
        _DELETE(folder_vault(), "alice")
    assert free == [True], "the run lock was held while the keyring asked the person"
    out = capsys.readouterr().out
    assert "Removed @alice, its secrets and its session." in out
    assert "Erased the history of @alice from the journal: 5 entries, 1 screenshot." in out
    assert _history(paths) == 0
    assert AccountStore(paths).get("alice") is None


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_check_started_while_the_keyring_asked_keeps_the_history(
    consentinel_home: Path,
    secret_service: SecretServiceEnv,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    language: str,
) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", language)
    paths = _alice(consentinel_home)
    scheduled = RunLock(paths.lock_path)
    _while_it_asks(monkeypatch, lambda: scheduled.held or scheduled.acquire())
    try:
        code = main(["account", "remove", "alice", "--erase-history", "--yes"])
    finally:
        scheduled.release()
        _DELETE(folder_vault(), "alice")
    # Removed, its erasure alone left undone: 3 (done in part), neither 1 ("nothing removed",
    # the person said no) nor 2 ("usage or set-up error"), which a script reads as nothing done.
    assert code == 3
    said = capsys.readouterr()
    if language == "fr":
        assert "Une vérification a commencé pendant que le trousseau supprimait" in said.err
    else:
        assert (
            "A check started while the keyring was deleting the secrets of @alice: the account "
            "was removed, but its history was not erased" in said.err
        )
    assert "consentinel account erase-history alice" in said.err
    removed = {
        "en": "Removed @alice, its secrets and its session.",
        "fr": "@alice retiré, avec ses secrets et sa session.",
    }[language]
    assert removed in said.out
    assert AccountStore(paths).get("alice") is None
    assert _history(paths) == 5  # its 4 entries and its removal's


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_refusals_are_sentences_for_the_command_line_and_the_window(language: str) -> None:
    """The command line names its commands; the window its own ways: "Add back" where it
    shows it (no account listed), else the one command that does it."""
    lost, listed = StillAnAccount("carol", lost=True), StillAnAccount("carol", lost=False)
    with speaking(language):
        cli = [lost.describe(), listed.describe()]
        offered = lost.describe(window=True, add_back_offered=True)
        not_offered = lost.describe(window=True)
        again = listed.describe(window=True)
    assert all(len(words) > 100 for words in (*cli, offered, not_offered, again))
    assert "consentinel account restore" in cli[0]
    assert "consentinel account remove carol --erase-history" in cli[1]
    assert "consentinel" not in offered and "consentinel" not in again
    assert "consentinel account restore" in not_offered
    if language == "fr":
        assert "«\u00a0Rajouter @carol\u00a0»" in offered
        assert "«\u00a0Effacer aussi son historique du journal\u00a0»" in again
    else:
        assert "“Add back @carol”" in offered
        assert "“Also erase its history from the journal”" in again
