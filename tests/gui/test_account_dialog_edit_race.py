"""The Edit account dialog open while `consentinel account edit` changes the same account in a
terminal: saving applies what the person changed in the dialog onto the account as the command
left it, says so, and the journal says what each changed. Once, the dialog put the whole
account back as it had opened it, silently undoing the command's change that the journal kept."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.french_typography import typeset
from consentinel.core.journal_entries import EntryKind
from consentinel.core.status import ALL_BOXES, Box
from consentinel.core.vault import Vault
from consentinel.gui.account_dialog import AccountDialog
from tests.gui._app_support import make_context, running_app

CHANGED_MEANWHILE = (
    "@alice saved. It had been changed meanwhile, by the command line or another window: those "
    "changes were kept, except where you changed the same detail here."
)


def _edit_in_a_terminal(*args: str) -> None:
    """`consentinel account edit alice ARGS`, a real process, run to its end."""
    done = subprocess.run(
        [sys.executable, "-m", "consentinel", "account", "edit", "alice", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert done.returncode == 0 and "Updated @alice." in done.stdout, done.stderr


def _edits(ctx: AppContext) -> list[dict[str, object]]:
    return [e.payload for e in ctx.journal.entries(kinds=[EntryKind.ACCOUNT_EDITED])]


def test_a_box_unticked_in_the_dialog_keeps_the_email_the_command_line_saved_meanwhile(
    qtbot: QtBot, memory_vault: Vault, consentinel_home: Path
) -> None:
    ctx = AppContext.create(vault=memory_vault)
    ctx.accounts.add(Account("alice", email="old@example.com", keep=ALL_BOXES))
    dialog = AccountDialog(ctx, ctx.accounts.get("alice"))
    qtbot.addWidget(dialog)
    dialog.show()

    _edit_in_a_terminal("--email", "new@example.com")
    dialog.box_checks[Box.MEMORY].click()
    with qtbot.waitSignal(dialog.accepted):
        dialog.save_button.click()

    alice = ctx.accounts.get("alice")
    assert alice is not None
    assert (alice.email, alice.keep) == ("new@example.com", {Box.TRAINING, Box.PERSONALIZATION})
    # The journal's account holds: the email was changed (and stays so), then Memory left on.
    assert _edits(ctx) == [
        {"email": "changed"},
        {
            "keep": {
                "before": ["training", "personalization", "memory"],
                "after": ["training", "personalization"],
            }
        },
    ]
    assert dialog.changed_meanwhile == CHANGED_MEANWHILE


def test_what_the_person_changed_in_the_dialog_wins_and_the_rest_is_kept(
    qtbot: QtBot, memory_vault: Vault, consentinel_home: Path
) -> None:
    """The command line changed the email and the boxes; the person, who sees neither change,
    types another email and ticks Memory: their email is saved (they just chose it), and
    Personalization stays off as the command line left it."""
    ctx = AppContext.create(vault=memory_vault)
    ctx.accounts.add(Account("alice", email="old@example.com", keep={Box.TRAINING}))
    dialog = AccountDialog(ctx, ctx.accounts.get("alice"))
    qtbot.addWidget(dialog)
    dialog.show()

    _edit_in_a_terminal("--email", "cli@example.com", "--keep", "all")
    dialog.email_edit.clear()
    qtbot.keyClicks(dialog.email_edit, "mine@example.com")
    dialog.box_checks[Box.MEMORY].click()
    with qtbot.waitSignal(dialog.accepted):
        dialog.save_button.click()

    alice = ctx.accounts.get("alice")
    assert alice is not None
    assert (alice.email, alice.keep) == ("mine@example.com", frozenset(ALL_BOXES))
    # Changed of the account as the command left it: the email, and no box.
    assert _edits(ctx)[-1] == {"email": "changed"}
    assert dialog.changed_meanwhile == CHANGED_MEANWHILE


def test_an_edit_with_nothing_changed_meanwhile_says_nothing_more(
    qtbot: QtBot, memory_vault: Vault, consentinel_home: Path
) -> None:
    ctx = AppContext.create(vault=memory_vault)
    ctx.accounts.add(Account("alice", email="old@example.com"))
    dialog = AccountDialog(ctx, ctx.accounts.get("alice"))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.phone_edit, "+1 555 0100 200")
    with qtbot.waitSignal(dialog.accepted):
        dialog.save_button.click()
    alice = ctx.accounts.get("alice")
    assert alice is not None
    assert (alice.email, alice.phone) == ("old@example.com", "+1 555 0100 200")
    assert _edits(ctx) == [{"phone": "added"}]
    assert dialog.changed_meanwhile is None


def test_the_window_says_in_french_that_the_account_was_changed_meanwhile(
    qtbot: QtBot, consentinel_home: Path
) -> None:
    ctx = make_context(consentinel_home)
    ctx.accounts.add(Account("alice", email="old@example.com"))
    with running_app(qtbot, ctx, language="fr") as app:
        window = app.window

        def untick_memory_after_the_terminals_edit() -> None:
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, AccountDialog)
            _edit_in_a_terminal("--phone", "+1 555 0100 300")
            dialog.box_checks[Box.MEMORY].click()
            dialog.save_button.click()

        QTimer.singleShot(0, untick_memory_after_the_terminals_edit)
        window.edit_account("alice")
        assert window.statusBar().currentMessage() == typeset(
            "@alice enregistré. Il avait été modifié entre-temps, par la ligne de commande ou une "
            "autre fenêtre : ces modifications ont été gardées, sauf là où vous avez modifié le "
            "même détail ici."
        )
    alice = ctx.accounts.get("alice")
    assert alice is not None and alice.phone == "+1 555 0100 300"
    assert alice.keep == {Box.TRAINING, Box.PERSONALIZATION}
