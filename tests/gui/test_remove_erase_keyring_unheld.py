"""The window's "Remove and erase" deletes the account's secrets from the keyring before it takes
the run lock: a keyring that asks the person first (KWallet's prompt, a locked keyring's unlock)
keeps no scheduled check waiting for as long as it asks. A check that started meanwhile has the
account: it is removed, its history not erased (that check may still write it), and said. When
the account was added back meanwhile (another process), the window says why its history stays,
in full.

The keyring is the real Secret Service; a wrapper around its deletion stands for its prompt
(which cannot be answered from a test): the test looks at the run lock while it "asks"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from consentinel.core.accounts import Account, AccountStore
from consentinel.core.context import AppContext
from consentinel.core.journal_erasure import history_of
from consentinel.core.lock import RunLock
from consentinel.core.vault import Vault
from consentinel.gui.confirmation import Confirmation
from tests.gui._app_support import add_account, make_context, message_boxes, running_app
from tests.unit.test_erase_history import write_history

NOT_ERASED = {
    "en": "A check started while the keyring was deleting the secrets of @alice: the account "
    "was removed, but its history was not erased, as that check may still write to it. Once "
    "the check ends, erase it in the journal window: choose @alice under “Account”, then "
    "“Erase the history of @alice…”.",
    "fr": "Une vérification a commencé pendant que le trousseau supprimait les secrets de "
    "@alice\u00a0: le compte a été retiré, mais son historique n'a pas été effacé, car cette "
    "vérification peut encore y écrire. Une fois la vérification terminée, effacez-le dans "
    "la fenêtre du journal\u00a0: choisissez @alice sous «\u00a0Compte\u00a0», puis "
    "«\u00a0Effacer l'historique de @alice…\u00a0».",
}
#: The accounts selected with @alice, after her: left listed (a check started), and said.
LEFT = {
    ("en", 1): "@bob, selected with @alice, was not removed: remove it once the check ends.",
    ("en", 2): "@bob and @carol, selected with @alice, were not removed: remove them once the "
    "check ends.",
    ("fr", 1): "@bob, sélectionné avec @alice, n'a pas été retiré\u00a0: retirez-le une fois la "
    "vérification terminée.",
    ("fr", 2): "@bob et @carol, sélectionnés avec @alice, n'ont pas été retirés\u00a0: "
    "retirez-les une fois la vérification terminée.",
}
REMOVED = {"en": "@alice removed.", "fr": "@alice retiré."}
ADDED_BACK = {
    "en": "@alice is one of your accounts again (added back meanwhile): its checks would "
    "write its history again. To erase it, remove the account and tick “Also erase its history "
    "from the journal”.",
    "fr": "@alice fait de nouveau partie de vos comptes (rajouté entre-temps)\u00a0: ses "
    "vérifications écriraient de nouveau son historique. Pour l'effacer, retirez le compte en "
    "cochant «\u00a0Effacer aussi son historique du journal\u00a0».",
}


def _ticked(box: Confirmation) -> bool:
    box.checkBox().setChecked(True)
    return True


def _while_it_asks(
    vault: Vault, monkeypatch: pytest.MonkeyPatch, meanwhile: Callable[[], None]
) -> None:
    """The keyring's deletion "asks the person": `meanwhile` runs while it does, then it
    deletes (the real Secret Service)."""
    delete = vault.delete_account

    def asking_delete(handle: str) -> None:
        meanwhile()
        delete(handle)

    monkeypatch.setattr(vault, "delete_account", asking_delete)


def _alice_and_bob(home: Path, vault: Vault) -> AppContext:
    ctx = make_context(home, vault=vault)
    add_account(ctx, "alice", "pw-alice")
    add_account(ctx, "bob", "pw-bob")
    ctx.paths.evidence_dir.mkdir(parents=True, exist_ok=True)
    write_history(ctx.journal, ctx.paths.evidence_dir, "alice")
    write_history(ctx.journal, ctx.paths.evidence_dir, "bob")
    return ctx


def test_a_scheduled_check_can_start_while_the_keyring_asks(
    qtbot: QtBot, consentinel_home: Path, real_vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the keyring asks about @alice's secrets, the run lock is free: the OS job's
    `check --unattended` (another process: a lock file of its own, flock) would take it at
    once, not skip; afterwards the account is gone, its secrets and its history erased."""
    monkeypatch.setattr(Confirmation, "confirmed", _ticked)
    told = message_boxes(monkeypatch)
    ctx = _alice_and_bob(consentinel_home, real_vault)
    free: list[bool] = []

    def a_scheduled_check_looks() -> None:
        scheduled = RunLock(ctx.paths.lock_path)
        free.append(scheduled.acquire(wait=False))
        if scheduled.held:
            scheduled.release()

    _while_it_asks(real_vault, monkeypatch, a_scheduled_check_looks)
    with running_app(qtbot, ctx) as app:
        app.window.remove_account("alice")
        assert free == [True], "the run lock was held while the keyring asked the person"
        assert ctx.accounts.get("alice") is None
        assert real_vault.get_password("alice") is None
        assert history_of(ctx.journal, "alice").entries == 0
        assert [kind for kind, _title, _text in told] == ["information"]  # "History erased"
        assert ctx.journal.verify().ok
        assert real_vault.get_password("bob") == "pw-bob"


@pytest.mark.parametrize("others", [("bob",), ("bob", "carol")])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_check_started_while_the_keyring_asked_keeps_the_history(
    qtbot: QtBot,
    consentinel_home: Path,
    real_vault: Vault,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    others: tuple[str, ...],
) -> None:
    """A scheduled check takes the run lock while the keyring asks about @alice (listed: the
    check has her): she is removed, her history not erased (the check may still write it), and
    the window says so; @bob (and @carol), selected with her, stay, to remove once the check
    ends: the box and the status bar name them (they said only "@alice", or "2 accounts
    removed" of 3)."""
    monkeypatch.setattr(Confirmation, "confirmed", _ticked)
    told = message_boxes(monkeypatch)
    ctx = _alice_and_bob(consentinel_home, real_vault)
    if "carol" in others:
        add_account(ctx, "carol", "pw-carol")
    scheduled = RunLock(ctx.paths.lock_path)  # (another process's: its own open file, flock)
    _while_it_asks(real_vault, monkeypatch, lambda: scheduled.held or scheduled.acquire())
    try:
        with running_app(qtbot, ctx, language=language) as app:
            app.window.table.selectAll()
            assert app.window.table.selected_handles() == ["alice", *others]
            app.window.remove_account()
            assert scheduled.held
            title = (
                "L'historique de @alice n'a pas été effacé"
                if language == "fr"
                else "The history of @alice was not erased"
            )
            left = LEFT[(language, len(others))]
            assert told == [("warning", title, f"{NOT_ERASED[language]}\n\n{left}")]
            said = app.window.statusBar().currentMessage()
            assert said == f"{REMOVED[language]} {left}"
            assert ctx.accounts.get("alice") is None
            assert real_vault.get_password("alice") is None
            # Its 4 entries and its removal's: all kept, as the check may add to them.
            assert history_of(ctx.journal, "alice").entries == 5
            for other in others:
                assert ctx.accounts.get(other) is not None
                assert real_vault.get_password(other) == f"pw-{other}"
    finally:
        scheduled.release()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_account_added_back_meanwhile_is_not_erased_and_the_window_says_why(
    qtbot: QtBot,
    consentinel_home: Path,
    real_vault: Vault,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
) -> None:
    """Another process adds @alice back as the window removes her: her history is not erased
    (her checks would write it again), and the window says why in a sentence, with the
    window's own way (not a bare handle, nor a command to type)."""
    monkeypatch.setattr(Confirmation, "confirmed", _ticked)
    told = message_boxes(monkeypatch)
    ctx = _alice_and_bob(consentinel_home, real_vault)
    other = AccountStore(ctx.paths)  # `consentinel account add alice`, in another process
    delete_session = ctx.sessions.delete

    def added_back_meanwhile(handle: str) -> None:
        delete_session(handle)
        other.add(Account("alice"))

    monkeypatch.setattr(ctx.sessions, "delete", added_back_meanwhile)
    with running_app(qtbot, ctx, language=language) as app:
        app.window.remove_account("alice")
        title = (
            "L'historique de @alice n'a pas été effacé"
            if language == "fr"
            else "The history of @alice was not erased"
        )
        assert told == [("warning", title, ADDED_BACK[language])]
        assert "consentinel" not in told[0][2]
        assert ctx.accounts.get("alice") is not None
        assert history_of(ctx.journal, "alice").entries == 5
