"""Accounts imported from a file (a spreadsheet saved as CSV or TSV): read, checked row by row
as "Add account…" checks one, then saved as it saves one (secrets to the keyring first, then
the list). The window's "Import accounts from a file…" and `consentinel account import` share
this. No secret is ever in a message, a log line, an exception or a repr.

The file: UTF-8 (with or without a byte-order mark), its delimiter the comma, the semicolon
(French spreadsheets) or the tab, found on its first row, which names the columns:
handle (compte, identifiant) and password (mot de passe) are needed; 2FA secret (totp, 2fa,
secret 2FA), email (e-mail, courriel) and phone (téléphone) may be there too. Any order, any
case, accents or not."""

from __future__ import annotations

import enum
import logging
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from consentinel.core.account_import_reading import ImportFileError, read_records, sniff_delimiter
from consentinel.core.accounts import (
    Account,
    DuplicateAccount,
    InvalidHandle,
    handle_key,
    normalize_handle,
    validate_email,
    validate_phone,
)
from consentinel.core.fileio import StorageError, describe_os_error
from consentinel.core.i18n import quoted, tr

if TYPE_CHECKING:
    from consentinel.core.context import AppContext

log = logging.getLogger(__name__)


class Column(enum.Enum):
    """What a column of the file holds."""

    HANDLE = "handle"
    PASSWORD = "password"
    TOTP = "2fa"
    EMAIL = "email"
    PHONE = "phone"


#: The names a header may give each column (lower case, accents and punctuation aside: see
#: _header_word), in English and French.
HEADER_NAMES: dict[str, Column] = {
    **dict.fromkeys(
        ("handle", "x handle", "account", "username", "compte", "identifiant", "pseudo"),
        Column.HANDLE,
    ),
    **dict.fromkeys(("password", "mot de passe", "mdp"), Column.PASSWORD),
    **dict.fromkeys(
        ("2fa", "2fa secret", "secret 2fa", "totp", "totp secret", "secret totp"), Column.TOTP
    ),
    **dict.fromkeys(("email", "e mail", "mail", "courriel", "adresse e mail"), Column.EMAIL),
    **dict.fromkeys(("phone", "telephone", "tel", "phone number", "mobile"), Column.PHONE),
}


class ImportKeyringError(Exception):
    """No keyring can keep the secrets (or it refused): nothing was imported; str() says why."""


@dataclass(frozen=True)
class ImportRow:
    """One account of the file, and why it cannot be imported (`problem`; None: it can).
    repr() hides the secrets; so does every message made from it."""

    #: Its row in the spreadsheet (the header is row 1).
    number: int
    #: The handle as "Add account…" would save it ("" when the row's cells could not be told).
    handle: str
    password: str = field(repr=False)
    #: The 2FA secret as it is kept in the keyring (None: none given).
    totp: str | None = field(repr=False, default=None)
    email: str | None = None
    phone: str | None = None
    problem: str | None = None
    #: Its account is in the list already (its problem says so): re-importing a file after
    #: correcting its other rows leaves nothing of this row to keep.
    listed: bool = False

    def __repr__(self) -> str:
        return (
            f"ImportRow(number={self.number}, handle={self.handle!r}, "
            f"password={'***' if self.password else ''!r}, "
            f"totp={'***' if self.totp else None!r}, email={self.email!r}, "
            f"phone={self.phone!r}, problem={self.problem!r}, listed={self.listed!r})"
        )

    __str__ = __repr__

    @property
    def ok(self) -> bool:
        return self.problem is None


class Outcome(enum.Enum):
    IMPORTED = "imported"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class RowResult:
    """What importing one row did: imported, or skipped and why (never a secret)."""

    row: ImportRow
    outcome: Outcome
    reason: str | None = None
    #: Skipped as the keyring refused it (the rows after it are not tried).
    keyring_refused: bool = False
    #: Skipped as its account is in the list already (see ImportRow.listed).
    listed: bool = False

    @property
    def done(self) -> bool:
        """Nothing of this row is left only in the file: imported, or its account listed."""
        return self.outcome is Outcome.IMPORTED or self.listed


def parse_accounts(text: str, listed: Callable[[str], Account | None]) -> list[ImportRow]:
    """Every account of the file, each with its problem if it has one; `listed` finds an
    account already in the list (AccountStore.get). ImportFileError when the file as a whole
    cannot be imported (no header naming the handle and password columns, no row)."""
    text = text.removeprefix("\ufeff")  # (a byte-order mark decoded as text)
    records = [(n, cells) for n, cells in read_records(text) if any(c.strip() for c in cells)]
    if not records:
        raise ImportFileError(tr("This file is empty."))
    header = records[0][1]
    columns = _columns(header)
    _require_named(header, [cells for _n, cells in records[1:]])
    too_many = _too_many_cells(len(header), sniff_delimiter(text))
    rows: list[ImportRow] = []
    seen: dict[str, int] = {}
    for number, cells in records[1:]:
        if len(cells) > len(header):
            rows.append(ImportRow(number, "", "", problem=too_many(cells)))
            continue
        row = _row(number, cells, columns, listed, seen)
        if row.ok:
            seen[handle_key(row.handle)] = row.number
        rows.append(row)
    if not rows:
        raise ImportFileError(tr("This file names its columns but holds no account."))
    return rows


def _too_many_cells(header_cells: int, delimiter: str) -> Callable[[list[str]], str]:
    """Why a row with more cells than the first row is refused. A spreadsheet writes as many
    cells on every row as on the first (empty ones included), and a file typed by hand leaves
    out empty cells at the end: more cells mean a cell holding the delimiter unquoted (most
    likely a password). Its cells are then not where the header says (the end of a password
    cut in two could pass as an email, a phone or a 2FA secret), and none is quoted back (one
    of them is a password).

    Extra cells that are all empty are refused too, not taken for nothing: they are also what
    a password ending with the delimiter gives, or one cut in two on a row whose last column
    is empty ("alice,p@ss,w@rd.example.org," under handle,password,email would import the
    password "p@ss"). They are most often a delimiter typed at the end of the row by hand, so
    the words then say that first, and how to tell the two apart."""
    named = {",": tr("a comma"), ";": tr("a semicolon"), "\t": tr("a tab")}[delimiter]

    def problem(cells: list[str]) -> str:
        said = {"cells": len(cells), "columns": header_cells, "delimiter": named}
        if any(cell.strip() for cell in cells[header_cells:]):
            return tr(
                "This row has {cells} cells where the first row has {columns}: one of its cells "
                "holds {delimiter}, the file's delimiter, without quotes, most likely the "
                "password, which is then cut in two. Put the password in double quotes in the "
                'file (a double quote inside it written twice: ""), then import the file again.',
                **said,
            )
        return tr(
            "This row has {cells} cells where the first row has {columns}, the extra ones "
            "empty: either the row ends with {delimiter} too many, or one of its cells holds "
            "{delimiter}, the file's delimiter, without quotes, most likely the password, which "
            "is then cut there. If no cell holds {delimiter}, delete what comes after the last "
            "column; otherwise put the password in double quotes in the file (a double quote "
            'inside it written twice: ""). Then import the file again.',
            **said,
        )

    return problem


def _header_word(cell: str) -> str:
    """'Mot de passe', 'mot_de_passe', 'MOT-DE-PASSE': 'mot de passe'; 'E-mail': 'e mail'."""
    decomposed = unicodedata.normalize("NFD", cell.strip().lower())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\s_\-./()'’:]+", " ", bare).strip()


def _columns(header: list[str]) -> dict[Column, int]:
    """Where each column is. The header's own words are quoted only once it named the handle
    and password columns: a file without a header has a password on its first row."""
    found: dict[Column, int] = {}
    unknown: list[str] = []
    twice: list[str] = []
    for index, cell in enumerate(header):
        word = _header_word(cell)
        if not word:
            continue
        column = HEADER_NAMES.get(word)
        if column is None:
            unknown.append(cell.strip())
        elif column in found:
            twice.append(cell.strip())
        else:
            found[column] = index
    if Column.HANDLE not in found or Column.PASSWORD not in found:
        raise ImportFileError(
            tr(
                "The first row must name the columns: handle and password, and if you have "
                "them 2FA secret, email and phone (in French: compte, mot de passe, secret 2FA, "
                "e-mail, téléphone)."
            )
        )
    if unknown or twice:
        names = ", ".join(quoted(name) for name in unknown + twice)
        raise ImportFileError(
            tr(
                "Columns not understood: {names}. Name them handle, password, 2FA secret, email "
                "or phone (in French: compte, mot de passe, secret 2FA, e-mail, téléphone), "
                "each once, or delete them.",
                names=names,
            )
        )
    return found


def _require_named(header: list[str], rows: list[list[str]]) -> None:
    """ImportFileError when a column the first row leaves without a name holds values (a 2FA
    secret column whose name was deleted would be left out without a word)."""
    for index, cell in enumerate(header):
        if _header_word(cell):
            continue
        if any(index < len(cells) and cells[index].strip() for cells in rows):
            raise ImportFileError(
                tr(
                    "Column {column} has no name on the first row but holds values: name it "
                    "(handle, password, 2FA secret, email or phone; in French: compte, mot de "
                    "passe, secret 2FA, e-mail, téléphone) or delete it.",
                    column=_column_letter(index),
                )
            )


def _column_letter(index: int) -> str:
    """A column as a spreadsheet names it: 0 'A', 25 'Z', 26 'AA'."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _row(
    number: int,
    cells: list[str],
    columns: dict[Column, int],
    listed: Callable[[str], Account | None],
    seen: dict[str, int],
) -> ImportRow:
    """One row, checked as "Add account…" checks what is typed in it."""
    # At most as many cells as the header (parse_accounts): empty cells at the end may be
    # left out (a file typed by hand); past the named columns, they are empty (_require_named).
    width = max(columns.values()) + 1
    cells = cells + [""] * (width - len(cells))

    def cell(column: Column) -> str:
        index = columns.get(column)
        return cells[index] if index is not None else ""

    password = cell(Column.PASSWORD)  # (as typed: a space around it is refused below)
    totp_text = cell(Column.TOTP).strip()
    raw_handle = cell(Column.HANDLE).strip()
    email_text = cell(Column.EMAIL).strip()
    phone_text = cell(Column.PHONE).strip()
    secrets = [s for s in (password.strip(), totp_text) if s]
    row = ImportRow(number, "", "" if not password.strip() else password)

    def refused(problem: str, handle: str = "", *, is_listed: bool = False) -> ImportRow:
        return ImportRow(number, handle, row.password, None, None, None, problem, listed=is_listed)

    # The reasons below never quote a cell (the columns may be named in the wrong order: a
    # password in the email column), but for a handle that is one.
    for value in (raw_handle, email_text, phone_text):
        if value and value in secrets:
            return refused(
                tr(
                    "Another cell of this row holds its password or 2FA secret: are the "
                    "columns named in the right order?"
                )
            )
    if not raw_handle:
        return refused(tr("The handle cell is empty."))
    try:
        handle = normalize_handle(raw_handle)
    except InvalidHandle:
        return refused(
            tr(
                "The handle cell is not an X handle: one has at most 15 characters, letters A "
                "to Z (no accents), digits and _ (an @ before it, or the profile's address, is "
                "fine). Are the columns named in the right order?"
            )
        )
    account = listed(handle)
    if account is not None:
        return refused(
            tr("@{handle} is already in your accounts.", handle=account.handle),
            handle,
            is_listed=True,
        )
    if handle_key(handle) in seen:
        return refused(
            tr(
                "@{handle} is on row {row} of this file already.",
                handle=handle,
                row=seen[handle_key(handle)],
            ),
            handle,
        )
    if not password.strip():
        return refused(
            tr(
                "The password is empty. An account without one (it signs in with Google or "
                "Apple) is added with “Add account” (or consentinel account add)."
            ),
            handle,
        )
    if password != password.strip():
        return refused(
            tr(
                "The password starts or ends with a space, most likely a slip: check it. "
                "Remove the space in the file, or if the password really has one, add this "
                "account with “Add account” (or consentinel account add)."
            ),
            handle,
        )
    try:
        email = validate_email(email_text) if email_text else None
    except ValueError:
        return refused(
            tr("The email cell is not an email address (like name@example.org)."), handle
        )
    try:
        phone = validate_phone(phone_text) if phone_text else None
    except ValueError:
        return refused(tr("The phone cell is not a phone number (like +33 6 12 34 56 78)."), handle)
    totp = None
    if totp_text:
        from consentinel.core.totp import InvalidTotpSecret, parse_totp_secret

        try:
            totp = parse_totp_secret(totp_text)
        except InvalidTotpSecret as error:  # (its sentences never repeat the secret)
            return refused(str(error), handle)
    return ImportRow(number, handle, password, totp, email, phone)


# -- saving -----------------------------------------------------------------------------------


def require_keyring(ctx: AppContext) -> None:
    """ImportKeyringError unless the keyring can keep secrets now (a locked one may ask for
    its password): looked at before anything is imported, never a plaintext fallback."""
    from consentinel.core.vault import VaultError

    try:
        ctx.vault.check()
    except VaultError as error:
        raise ImportKeyringError(str(error)) from None


def import_accounts(
    ctx: AppContext,
    rows: list[ImportRow],
    on_result: Callable[[RowResult], None] | None = None,
    stop: Callable[[], bool] | None = None,
) -> list[RowResult]:
    """The rows without a problem imported, one after the other, as "Add account…" saves an
    account (core/account_secrets_saving.write_secrets, as for a new one): its secrets to the
    keyring, the list not held; then, the list held, looked at again and added (what the
    keyring held before put back when it cannot be); its addition journaled. A row that
    cannot be saved is skipped, said why; once the keyring refused one, the rest are skipped
    too (they would each ask again). ImportKeyringError, nothing imported, when no keyring can
    keep secrets. `on_result`: told each row's result as it comes. `stop`: asked
    before each row; once it says so, the rows left are skipped (the window's "Stop")."""
    require_keyring(ctx)
    results: list[RowResult] = []
    keyring_failed: str | None = None
    stopped = False
    for row in rows:
        stopped = stopped or (stop is not None and row.ok and stop())
        if not row.ok:
            result = RowResult(row, Outcome.SKIPPED, row.problem, listed=row.listed)
        elif stopped:
            result = RowResult(row, Outcome.SKIPPED, tr("The import was stopped before this row."))
        elif keyring_failed is not None:
            result = RowResult(row, Outcome.SKIPPED, keyring_failed)
        else:
            result = _import_one(ctx, row)
            if result.keyring_refused:
                keyring_failed = result.reason
        results.append(result)
        if on_result is not None:
            on_result(result)
    return results


def _import_one(ctx: AppContext, row: ImportRow) -> RowResult:
    from consentinel.core.account_secrets_saving import SaveFailed, take_back, write_secrets

    account = Account(handle=row.handle, email=row.email, phone=row.phone)
    try:
        written = write_secrets(
            ctx, account, new=True, password=row.password, totp=row.totp, remove_totp=False
        )
    except DuplicateAccount as error:  # (added since the file was read: nothing written)
        return RowResult(row, Outcome.SKIPPED, str(error), listed=True)
    except OSError as error:  # (the list cannot be read: this row only is skipped)
        return RowResult(row, Outcome.SKIPPED, _list_problem(error))
    except SaveFailed as error:  # (what it wrote taken back)
        return RowResult(row, Outcome.SKIPPED, str(error), keyring_refused=True)
    try:
        with ctx.accounts.editing():
            ctx.accounts.add(account)  # (DuplicateAccount: added meanwhile, by another process)
    except DuplicateAccount as error:
        take_back(ctx, written, written.previous)
        return RowResult(row, Outcome.SKIPPED, str(error), listed=True)
    except OSError as error:
        take_back(ctx, written, written.previous)
        return RowResult(row, Outcome.SKIPPED, _list_problem(error))
    ctx.journal.append_account_added(account.handle, keep=account.keep)
    log.info("account @%s imported from a file", account.handle)
    return RowResult(row, Outcome.IMPORTED)


def _list_problem(error: OSError) -> str:
    """Why the account list could not be read or written, in a sentence: a StorageError's
    own, else its cause in the person's words."""
    if isinstance(error, StorageError):
        return str(error)
    return tr(
        "The list of accounts could not be read or written: {problem}.",
        problem=describe_os_error(error),
    )


def counts(results: list[RowResult]) -> tuple[int, int]:
    """How many rows were imported, and how many skipped."""
    imported = sum(result.outcome is Outcome.IMPORTED for result in results)
    return imported, len(results) - imported


def imported_words(results: list[RowResult]) -> str:
    """ "Accounts imported: 3, skipped: 1." in the person's language (worded so that no count
    needs a plural form)."""
    imported, skipped = counts(results)
    return tr(
        "Accounts imported: {imported}, skipped: {skipped}.", imported=imported, skipped=skipped
    )


def all_done(results: list[RowResult]) -> bool:
    """Every row imported, or its account listed already: the file holds nothing that is not
    kept elsewhere, and can go."""
    return all(result.done for result in results)


def after_import_advice(results: list[RowResult]) -> str:
    """What to do with the file now: delete it, once nothing of it is kept only there;
    otherwise keep it until the rows skipped are imported too."""
    if all_done(results):
        return delete_file_advice()
    return tr(
        "Keep the file for now: the passwords of the rows skipped are only in it. Correct those "
        "rows and import the file again (the accounts imported already are then skipped as "
        "already in your accounts, and left as they are); then delete it (and empty the trash)."
    )


def delete_file_advice() -> str:
    return tr(
        "The file holds passwords in clear: delete it (and empty the trash) now that they are "
        "in the keyring."
    )


def delete_import_file(path: Path) -> Path:
    """Delete the file imported: the file itself when `path` is a link to it (the link goes
    too, or it would point to nothing). The file deleted; FileNotFoundError when nothing is
    there any more, another OSError when it cannot be deleted."""
    target = path.resolve(strict=True)
    target.unlink()
    if path.is_symlink():  # (a link to the file: it points to nothing now)
        path.unlink(missing_ok=True)
    return target
