"""`consentinel account import FILE`: accounts added from a CSV or TSV file (core/account_import),
each row's result said; exit 1 when a row was skipped."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from consentinel.cli.errors import UsageError
from consentinel.core.i18n import tr

if TYPE_CHECKING:
    from consentinel.core.account_import import ImportRow, RowResult

EXIT_SKIPPED = 1


def add_import_verb(verbs: Any) -> None:
    verb = verbs.add_parser(
        "import",
        help=tr("add accounts from a CSV or TSV file (a spreadsheet saved as text)"),
        description=tr(
            "The file is in UTF-8; its first row names the columns: handle and password, and "
            "if you have them 2FA secret, email and phone (in French: compte, mot de passe, "
            "secret 2FA, e-mail, téléphone). Commas, semicolons or tabs separate the cells. "
            "Each row is checked as `account add` checks an account; the secrets go to the "
            "keyring, never elsewhere. Delete the file afterwards: it holds passwords in clear."
        ),
    )
    verb.add_argument(
        "file", metavar=tr("FILE"), help=tr("the file to read, or - for standard input")
    )
    verb.add_argument(
        "--dry-run",
        action="store_true",
        help=tr("check the file and say what would be imported, importing nothing"),
    )
    verb.set_defaults(handler=_import)


def _import(args: argparse.Namespace) -> int:
    from consentinel.cli.context import open_context
    from consentinel.core.account_import import (
        ImportKeyringError,
        after_import_advice,
        import_accounts,
        imported_words,
        parse_accounts,
    )
    from consentinel.core.account_import_reading import (
        ImportFileError,
        read_import_file,
        read_import_stream,
    )

    from_stdin = args.file == "-"
    try:
        if from_stdin:
            text = read_import_stream(sys.stdin.buffer)
        else:
            text = read_import_file(Path(args.file))
    except ImportFileError as error:
        raise UsageError(str(error)) from None
    # (--dry-run only looks: no data folder nor journal made, nothing in them changed)
    ctx = open_context(read_only=args.dry_run)
    try:
        rows = parse_accounts(text, ctx.accounts.get)
    except ImportFileError as error:
        raise UsageError(str(error)) from None
    if args.dry_run:
        for row in rows:
            print(_ready_line(row))
        ready = sum(row.ok for row in rows)
        print(
            tr(
                "Rows that can be imported: {ready} of {rows}. Nothing was imported (--dry-run).",
                ready=ready,
                rows=len(rows),
            )
        )
        return 0 if ready == len(rows) else EXIT_SKIPPED
    try:
        results = import_accounts(ctx, rows, on_result=lambda result: print(_result_line(result)))
    except ImportKeyringError as error:
        raise UsageError(f"{error}\n{tr('Nothing was imported.')}") from None
    print(imported_words(results))
    if not from_stdin:
        print(after_import_advice(results))
    skipped = any(result.reason for result in results)
    return EXIT_SKIPPED if skipped else 0


def _who(row: ImportRow) -> str:
    if row.handle:
        return tr("row {row}, @{handle}", row=row.number, handle=row.handle)
    return tr("row {row}", row=row.number)


def _ready_line(row: ImportRow) -> str:
    if row.problem:
        return tr("{who}: cannot be imported: {reason}", who=_who(row), reason=row.problem)
    return tr("{who}: can be imported", who=_who(row))


def _result_line(result: RowResult) -> str:
    if result.reason is None:
        return tr("{who}: imported", who=_who(result.row))
    return tr("{who}: skipped: {reason}", who=_who(result.row), reason=result.reason)
