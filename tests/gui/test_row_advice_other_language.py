"""A check journaled in another language than the window's (the OS job ran in French, the window
is in English, or the reverse): the row's advice still says what the sign-in said of the step
("the saved 2FA secret is not a valid one"), in the window's language, where it used to fall
back to the reason's plain advice ("save the account's 2FA secret") as though none were saved.

A real check (real Chromium against the simulated X) in one language, the real window in the
other, offscreen; a picture of it is saved beside the test's files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from consentinel.core.i18n import speaking
from consentinel.core.journal_entries import EntryKind
from consentinel.core.status import Reason, Status
from consentinel.gui.accounts_table import STATUS_COLUMN
from consentinel.simx import SimAccount
from tests.gui._app_support import add_account, make_context, quick_engine, running_app

PASSWORD = "correct horse battery staple 42!"
#: What a keyring client (Seahorse's "Edit") left in the 2FA secret's entry.
NOT_A_SECRET = "not a secret at all!"
#: The window's advice for that detail, in each language (row_hints), and the reason's own
#: advice it used to fall back to.
SAID = {
    "en": "the 2FA secret saved in the keyring for this account is not a valid one",
    "fr": "le secret 2FA enregistré dans le trousseau",
}
PLAIN = {
    "en": "Save the account's 2FA secret with “Edit account…”",
    "fr": "Enregistrez le secret 2FA du compte",
}


@pytest.mark.browser
@pytest.mark.parametrize(("checked_in", "shown_in"), [("fr", "en"), ("en", "fr")])
def test_a_2fa_secret_no_code_can_be_made_from_is_said_in_the_window_s_language(
    qtbot: QtBot, consentinel_home: Path, simx: Any, tmp_path: Path, checked_in: str,
    shown_in: str,
) -> None:  # fmt: skip
    sim = simx(
        SimAccount("alice", PASSWORD, challenges=("two_factor",), totp_secret="JBSWY3DPEHPK3PXP")
    )
    ctx = make_context(consentinel_home, sim.origin)
    add_account(ctx, "alice", PASSWORD, totp_secret=NOT_A_SECRET)
    with speaking(checked_in):  # (the OS job's language)
        (alice,) = quick_engine(ctx).run_check(dry_run=True, unattended=True).accounts
    assert (alice.status, alice.reason) == (Status.NEEDS_USER, Reason.TWO_FACTOR), alice.message
    (entry,) = ctx.journal.entries(handle="alice", kinds=[EntryKind.CHECK])
    assert entry.payload["message_lang"] == checked_in
    assert SAID[checked_in] in entry.payload["message"]

    with running_app(qtbot, ctx, language=shown_in) as app:
        window = app.window
        table = window.table
        row = table.row_of("alice")
        assert row is not None
        hint = table.item(row, STATUS_COLUMN).toolTip()
        assert SAID[shown_in] in hint, hint
        assert PLAIN[shown_in] not in hint and "consentinel " not in hint
        # Selected, the row says it under the table too.
        table.select_handles(["alice"])
        qtbot.waitUntil(lambda: window.row_advice.isVisible())
        assert window.row_advice.text() == hint
        shot = tmp_path / f"row_advice_checked_{checked_in}_shown_{shown_in}.png"
        assert window.grab().save(str(shot))
