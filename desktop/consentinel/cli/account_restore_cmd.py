"""`consentinel account restore`: add back the accounts the journal knows and the list lacks."""

from __future__ import annotations

import argparse
from typing import Any

from consentinel.cli.context import open_context
from consentinel.cli.errors import UsageError
from consentinel.core.i18n import tr


def add_restore_verb(verbs: Any) -> None:
    restore = verbs.add_parser(
        "restore",
        help=tr("add back the accounts the journal knows and the list lacks"),
        description=tr(
            "After the accounts file was set aside (damaged, or a newer version's) or deleted: "
            "each account the journal says was added and not removed comes back, with the "
            "boxes it kept off. Its password, 2FA secret and saved session were never removed "
            "and are used again; an email address or phone number is not in the journal."
        ),
    )
    restore.set_defaults(handler=_restore)


def _restore(_args: argparse.Namespace) -> int:
    from consentinel.core.account_recovery import add_back
    from consentinel.core.totp_refusals import refuse_saved_totp

    ctx = open_context()
    recovered = add_back(
        ctx.journal,
        ctx.accounts,
        lambda h: refuse_saved_totp(ctx, h),
        backoff_hours=ctx.settings.backoff_hours,
    )
    if not recovered.added and recovered.problem is None:
        print(tr("Nothing to add back: every account the journal knows is in the list."))
        return 0
    for known in recovered.added:
        if known.boxes_known:
            print(tr("@{handle} added back.", handle=known.handle))
        else:
            print(
                tr(
                    "@{handle} added back, keeping every box off: the journal does not say "
                    "which boxes it kept off (it was added by an older Consentinel). If you had "
                    "left some on: consentinel account edit {handle} --keep BOXES",
                    handle=known.handle,
                )
            )
    if recovered.added:
        print(
            tr(
                "Their passwords, 2FA secrets and saved sessions are used as before. An email "
                "address or phone number X may ask for is not in the journal: add it again with "
                "consentinel account edit HANDLE --email … --phone …"
            )
        )
    if recovered.problem is not None:
        raise UsageError(
            tr("The other accounts were not added back: {problem}", problem=recovered.problem)
        )
    return 0


def missing_accounts_hint(ctx: Any) -> str | None:
    """For an empty `account list`: the accounts the journal knows, and how to add them back."""
    from consentinel.core.account_recovery import missing_accounts

    try:
        missing = missing_accounts(ctx.journal, ctx.accounts)
    except Exception:  # (only a hint: a journal that cannot be read says so elsewhere)
        return None
    if not missing:
        return None
    handles = ", ".join(f"@{a.handle}" for a in missing)
    if len(missing) == 1:
        return tr(
            "The journal knows an account the list lacks ({handles}): consentinel account "
            "restore adds it back.",
            handles=handles,
        )
    return tr(
        "The journal knows {count} accounts the list lacks ({handles}): consentinel account "
        "restore adds them back.",
        count=len(missing),
        handles=handles,
    )
