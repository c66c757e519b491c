"""The Edit account dialog and what X refused at its unusual-activity question: a new email
saved in the window is typed, even when the refusal was kept under a refusals key the keyring
has lost since (it held both answers for good); a refusal still told stays. Real Secret
Service."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.identity_answers import answers_to_type, remember_refused
from consentinel.core.vault import ANSWER_KEY_ENTRY, Vault
from consentinel.gui.account_dialog import AccountDialog

EMAIL, PHONE = "cleo@example.com", "+33 6 12 34 56 78"


def _save_in_the_window(qtbot: QtBot, ctx: AppContext, *, email: str) -> None:
    dialog = AccountDialog(ctx, ctx.accounts.get("cleo"))
    qtbot.addWidget(dialog)
    dialog.email_edit.clear()
    qtbot.keyClicks(dialog.email_edit, email)
    with qtbot.waitSignal(dialog.accepted):
        dialog.save_button.click()


def _answers(ctx: AppContext) -> tuple[str | None, str | None]:
    return answers_to_type(ctx, ctx.accounts.require_listed("cleo"))


def test_a_new_email_saved_in_the_window_is_typed_once_a_refusal_cannot_be_told(
    qtbot: QtBot, real_vault: Vault, consentinel_home: Path
) -> None:
    ctx = AppContext.create(vault=real_vault)
    ctx.accounts.add(Account("cleo", email=EMAIL, phone=PHONE))
    remember_refused(ctx, "cleo", PHONE)
    _save_in_the_window(qtbot, ctx, email="cleo.two@example.com")
    assert _answers(ctx) == ("cleo.two@example.com", None)  # (the phone, told, stays refused)
    real_vault._delete(ANSWER_KEY_ENTRY)  # the keyring reset, say
    assert _answers(ctx) == (None, None)
    _save_in_the_window(qtbot, ctx, email="cleo.three@example.com")
    assert _answers(ctx) == ("cleo.three@example.com", PHONE)
