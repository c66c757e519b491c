"""`consentinel delete-all-data`: the window's "Delete all my data", from a terminal or a
headless server (core/data_eraser.py does the erasing for both)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from consentinel.cli.errors import UsageError
from consentinel.core.i18n import current_language, tr

if TYPE_CHECKING:
    from consentinel.core.data_eraser import WhatWouldGo
    from consentinel.core.paths import AppPaths

#: Answered no: nothing was deleted (as `account remove` answered no).
EXIT_KEPT = 1
#: Done in part (as `account remove --erase-history`'s EXIT_DONE_IN_PART): everything was
#: deleted, but a job only the person can remove is still there (a crontab line, said with
#: the line). Not 0, which a script takes for all gone, nor 2 (usage error: nothing done).
EXIT_DONE_IN_PART = 3


def add_parser(sub: Any) -> None:
    erase = sub.add_parser(
        "delete-all-data",
        help=tr(
            "delete your accounts and what Consentinel keeps of them on this computer: their "
            "secrets in the keyring, sessions, journal, exports, log, scheduled checks (the "
            "other settings are kept)"
        ),
        description=tr(
            "What the app's Settings → Delete all my data… does, for the data folder in use "
            "(CONSENTINEL_HOME when it is set: run it once per folder). It asks first at a "
            "terminal. Your other settings are kept. Nothing changes on X."
        ),
    )
    erase.add_argument(
        "-y", "--yes", action="store_true", help=tr("do not ask first (needed without a terminal)")
    )
    erase.set_defaults(handler=_delete_all)


def _delete_all(args: argparse.Namespace) -> int:
    from consentinel.cli.context import open_context
    from consentinel.core.data_eraser import (
        CheckRunning,
        erase_all_data,
        failure_cause,
        left_after,
        not_deleted,
        what_would_go,
    )
    from consentinel.core.paths import AppPaths
    from consentinel.core.vault import VaultError

    paths = AppPaths.from_env()
    if not paths.made():
        return _nothing_here(paths)
    ctx = open_context()
    if not args.yes and not _confirmed(paths, what_would_go(ctx)):
        return EXIT_KEPT
    try:
        left = erase_all_data(ctx)
    except CheckRunning:
        raise UsageError(
            tr("A check is running: wait for it to end (or cancel it), then try again.")
        ) from None
    except VaultError as error:  # (the keyring goes first: nothing else was touched)
        raise UsageError(tr("Nothing was deleted: {problem}", problem=error)) from None
    except OSError as error:
        # A crontab line left (only the person removes it) is said with the failure, as
        # after a whole erase: cron runs it on every hour, on the half-emptied folder. The
        # file or folder that stayed is named: the person can delete it by hand.
        said = [tr("Some files could not be deleted: {problem}", problem=failure_cause(error))]
        stayed = not_deleted(error)
        if stayed is not None:
            said.append(tr("Still there (delete it yourself): {path}", path=stayed))
        raise UsageError("\n".join([*said, *left_after(error)])) from None
    print(tr("All your Consentinel data in {folder} was deleted.", folder=paths.root))
    return _say_left(left)


def _say_left(left: list[str]) -> int:
    """What is left for the person to do, said after what was done (the crontab line to
    remove on a line of its own, to copy); the exit code says whether anything is."""
    for message in left:
        print(message)
    return EXIT_DONE_IN_PART if left else 0


def _nothing_here(paths: AppPaths) -> int:
    """No data folder (never made, or deleted by hand): what it may have left elsewhere, its
    keys in the keyring and its scheduled job, goes; nothing is made."""
    from consentinel.core.data_eraser import failure_cause, forget_leftovers, left_after
    from consentinel.core.vault import VaultError

    try:
        left = forget_leftovers(paths)
    except VaultError as error:
        raise UsageError(tr("Nothing was deleted: {problem}", problem=error)) from None
    except OSError as error:
        said = tr("Some files could not be deleted: {problem}", problem=failure_cause(error))
        raise UsageError("\n".join([said, *left_after(error)])) from None
    print(
        tr(
            "There is no Consentinel data in {folder}. Its keys in the keyring and its "
            "scheduled checks, if it had any, were removed.",
            folder=paths.root,
        )
    )
    return _say_left(left)


def confirmation_words(paths: AppPaths, what: WhatWouldGo) -> str:
    """The window's confirmation, for the terminal: every thing that will be deleted."""
    if what.handles:
        secrets = tr(
            "• the passwords and 2FA secrets of {handles}, in {keyring};",
            handles=", ".join(f"@{h}" for h in what.handles),
            keyring=what.keyring,
        )
    else:
        secrets = tr("• no password or 2FA secret: there is no account;")
    lines = [
        tr("This deletes, from the data folder {folder} and this computer:", folder=paths.root),
        tr("• the journal ({entries}) and its screenshots;", entries=_entries(what)),
        tr("• the saved browser sessions;"),
        secrets,
    ]
    if what.exports == 1:
        lines.append(
            tr(
                "• the export saved in {folder} (copy it elsewhere first to keep it);",
                folder=what.exports_dir,
            )
        )
    elif what.exports:
        lines.append(
            tr(
                "• the {count} exports saved in {folder} (copy them elsewhere first to keep them);",
                count=what.exports,
                folder=what.exports_dir,
            )
        )
    lines += [
        tr("• the list of accounts and the log;"),
        tr("• the scheduled checks while Consentinel is closed, and its start at login."),
        "",
        tr("Your other settings are kept. Nothing changes on X. This cannot be undone."),
    ]
    return "\n".join(lines)


def _entries(what: WhatWouldGo) -> str:
    n = what.journal_entries
    # French counts zero in the singular, English in the plural.
    if n == 1 or (n == 0 and current_language() == "fr"):
        return tr("{n} entry", n=n)
    return tr("{n} entries", n=n)


def _confirmed(paths: AppPaths, what: WhatWouldGo) -> bool:
    """Asked at a terminal; without one, --yes says it. Anything but yes deletes nothing."""
    from consentinel.cli.context import answered_yes, stdin_is_terminal

    words = confirmation_words(paths, what)
    if not stdin_is_terminal():
        raise UsageError(words + "\n\n" + tr("No terminal to ask on: add --yes to delete it all."))
    print(words, file=sys.stderr)
    return answered_yes(tr("Delete everything? [y/N] "), tr("Nothing was deleted."))
