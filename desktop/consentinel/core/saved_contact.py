"""The email and phone saved for an account, as an email/SMS code's question names them (the
window's dialog and the terminal's question say the same)."""

from __future__ import annotations

from consentinel.core.accounts import Account, handle_key


def saved_contacts(account: Account | None, handle: str) -> tuple[str, ...]:
    """The email, then the phone, the person saved for the account asked about as they typed
    them (none, one or both): an agency reads many clients' mailboxes, and the question says
    which one. Not secrets: what X sends the code to is X's to know, and may be another. An
    account other than `handle` (renamed meanwhile) names nothing."""
    if account is None or handle_key(account.handle) != handle_key(handle):
        return ()
    return tuple(
        text for text in ((account.email or "").strip(), (account.phone or "").strip()) if text
    )
