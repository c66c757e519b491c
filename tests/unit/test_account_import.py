"""Accounts imported from a file (core/account_import), on the real Secret Service: the valid
rows' secrets in the keyring and their accounts in the list and the journal; the others
skipped, said why, and nothing of them saved; French headers, semicolons and a byte-order mark
(a French spreadsheet's "CSV UTF-8"); no keyring: nothing at all imported. No password nor 2FA
secret in any message, repr, log record or file of the data folder."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backends.SecretService import Keyring as SecretServiceKeyring

from consentinel.core.account_import import (
    ImportKeyringError,
    Outcome,
    after_import_advice,
    import_accounts,
    imported_words,
    parse_accounts,
)
from consentinel.core.account_import_reading import ImportFileError, read_import_file
from consentinel.core.accounts import Account
from consentinel.core.context import AppContext
from consentinel.core.i18n import speaking
from consentinel.core.journal_entries import EntryKind
from consentinel.core.paths import AppPaths
from consentinel.core.vault import Vault
from tests.fixtures.keyring_fixtures import SecretServiceEnv, _delete_service_items

ALICE_PASSWORD = "Ribbon-Quarry-4417;x"
BOB_PASSWORD = "Lantern, Moss 2290"
ALICE_TOTP = "JBSWY3DPEHPK3PXP"
#: Passwords of rows that must be skipped: none may reach the keyring, a message or a file.
SKIPPED_PASSWORDS = ("Skipped-Row-Pw-1", "Skipped-Row-Pw-2", "Skipped-Row-Pw-3", "Held-Pw-88")
ALL_SECRETS = (ALICE_PASSWORD, BOB_PASSWORD, ALICE_TOTP, *SKIPPED_PASSWORDS)


@pytest.fixture
def ctx(secret_service: SecretServiceEnv, tmp_path: Path) -> Iterator[AppContext]:
    service = f"org.consentinel.Consentinel.test-{secrets.token_hex(6)}"
    context = AppContext.create(
        AppPaths.under(tmp_path / "data"), vault=Vault(SecretServiceKeyring(), service=service)
    )
    yield context
    context.journal.close()
    _delete_service_items(secret_service.address, service)


def _write(tmp_path: Path, text: str, *, bom: bool = False) -> Path:
    path = tmp_path / "accounts.csv"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def _said_nowhere(tmp_path: Path, *texts: str) -> None:
    """None of `texts` in any file under tmp_path but the file imported."""
    for found in tmp_path.rglob("*"):
        if found.is_file() and found.name != "accounts.csv":
            data = found.read_bytes()
            for text in texts:
                assert text.encode() not in data, (found, text)


def test_a_french_spreadsheet_is_imported_and_its_bad_rows_are_skipped_with_their_reasons(
    ctx: AppContext, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    ctx.accounts.add(Account("already_here"))
    path = _write(
        tmp_path,
        "Compte;Mot de passe;Secret 2FA;E-mail;Téléphone\r\n"
        # (its password holds the delimiter: in quotes, as a spreadsheet writes it)
        f'@Alice_news;"{ALICE_PASSWORD}";{ALICE_TOTP.lower()};alice@example.org;\r\n'
        f"bob_desk;{BOB_PASSWORD};;;+33 6 12 34 56 78\r\n"
        ";;;;\r\n"  # (a blank row: no account, no result)
        f"not a handle!;{SKIPPED_PASSWORDS[0]};;;\r\n"
        f"ALREADY_HERE;{SKIPPED_PASSWORDS[1]};;;\r\n"
        f"alice_news;{SKIPPED_PASSWORDS[2]};;;\r\n"
        "carol;;;;\r\n"
        f"dan;{SKIPPED_PASSWORDS[3]};123456;;\r\n"
        f"eve;{SKIPPED_PASSWORDS[3]}x;;not-an-email;\r\n",
        bom=True,
    )
    rows = parse_accounts(read_import_file(path), ctx.accounts.get)
    results = import_accounts(ctx, rows)

    said = {result.row.number: (result.outcome, result.reason) for result in results}
    assert said == {
        2: (Outcome.IMPORTED, None),
        3: (Outcome.IMPORTED, None),
        5: (
            Outcome.SKIPPED,
            "The handle cell is not an X handle: one has at most 15 characters, letters A to Z "
            "(no accents), digits and _ (an @ before it, or the profile's address, is fine). "
            "Are the columns named in the right order?",
        ),
        6: (Outcome.SKIPPED, "@already_here is already in your accounts."),
        7: (Outcome.SKIPPED, "@alice_news is on row 2 of this file already."),
        8: (
            Outcome.SKIPPED,
            "The password is empty. An account without one (it signs in with Google or Apple) "
            "is added with “Add account” (or consentinel account add).",
        ),
        9: (
            Outcome.SKIPPED,
            "This is a one-time code from your authenticator app, not the 2FA secret: leave the "
            "2FA secret empty, and Consentinel asks you for the app's code when X asks for one.",
        ),
        10: (Outcome.SKIPPED, "The email cell is not an email address (like name@example.org)."),
    }
    assert imported_words(results) == "Accounts imported: 2, skipped: 6."
    # Saved as "Add account…" saves: the secrets in the keyring, the accounts in the list.
    assert ctx.vault.get_password("Alice_news") == ALICE_PASSWORD
    assert ctx.vault.get_totp("Alice_news") == ALICE_TOTP
    assert ctx.vault.get_password("bob_desk") == BOB_PASSWORD
    assert ctx.vault.get_totp("bob_desk") is None
    listed = {account.handle: account for account in ctx.accounts.list()}
    assert set(listed) == {"already_here", "Alice_news", "bob_desk"}
    assert listed["Alice_news"].email == "alice@example.org"
    assert listed["bob_desk"].phone == "+33 6 12 34 56 78"
    added = [e.handle for e in ctx.journal.entries(kinds=[EntryKind.ACCOUNT_ADDED])]
    assert added == ["Alice_news", "bob_desk"]
    # Nothing of the skipped rows was written to the keyring.
    for handle in ("dan", "eve", "carol", "already_here"):
        assert ctx.vault.get_password(handle) is None
    assert ctx.vault.get_password("alice_news") == ALICE_PASSWORD  # (row 7's not written)

    # No secret in a message, a repr, a log record, or the data folder's files.
    shown = " ".join(
        f"{result!r} {result.row!r} {result.row} {result.reason}" for result in results
    )
    for secret in ALL_SECRETS:
        assert secret not in shown
        assert secret.lower() not in shown
        assert secret not in caplog.text
    ctx.journal.close()
    _said_nowhere(tmp_path, *ALL_SECRETS)


def test_the_reasons_are_said_in_french(ctx: AppContext, tmp_path: Path) -> None:
    text = f'handle,password\nbob_desk,"{BOB_PASSWORD}"\nbob_desk,{SKIPPED_PASSWORDS[0]}\n'
    with speaking("fr"):
        rows = parse_accounts(text, ctx.accounts.get)
        results = import_accounts(ctx, rows)
        assert results[1].reason == "@bob_desk est déjà à la ligne 2 de ce fichier."
        assert imported_words(results) == "Comptes importés : 1, ignorés : 1."


def test_tabs_commas_and_quoted_delimiters_are_read(ctx: AppContext) -> None:
    """A TSV (a password with a comma and a semicolon), and a CSV whose password holds the
    comma in quotes; a row with one cell too many is skipped without quoting any of it."""
    tsv = f"USERNAME\tPassword\tTOTP\nann\t{BOB_PASSWORD};z\t\n"
    (ann,) = parse_accounts(tsv, ctx.accounts.get)
    assert (ann.handle, ann.password, ann.ok) == ("ann", f"{BOB_PASSWORD};z", True)
    csv_text = (
        f'password,handle\n"{BOB_PASSWORD}",ben\n{BOB_PASSWORD},bea\n'  # (the comma unquoted)
    )
    ben, bea = parse_accounts(csv_text, ctx.accounts.get)
    assert (ben.handle, ben.password) == ("ben", BOB_PASSWORD)
    assert bea.problem == (
        "This row has 3 cells where the first row has 2: one of its cells holds a comma, the "
        "file's delimiter, without quotes, most likely the password, which is then cut in two. "
        "Put the password in double quotes in the file (a double quote inside it written "
        'twice: ""), then import the file again.'
    )
    assert BOB_PASSWORD.split(",")[0] not in repr(bea)


def test_a_file_that_cannot_be_imported_says_why_without_quoting_a_secret(
    ctx: AppContext, tmp_path: Path
) -> None:
    # No header: its first row is an account, whose password must not be quoted back.
    with pytest.raises(ImportFileError) as no_header:
        parse_accounts(f"alice,{ALICE_PASSWORD}\n", ctx.accounts.get)
    assert str(no_header.value).startswith("The first row must name the columns: handle and")
    assert ALICE_PASSWORD not in str(no_header.value)
    with pytest.raises(ImportFileError, match="Columns not understood: 'notes'"):
        parse_accounts("handle,password,notes\nalice,pw,x\n", ctx.accounts.get)
    with pytest.raises(ImportFileError, match="This file is not in UTF-8"):
        read_import_file(_latin1(tmp_path))
    with pytest.raises(ImportFileError, match="holds no account"):
        parse_accounts("handle;password\n\n", ctx.accounts.get)


def _latin1(tmp_path: Path) -> Path:
    path = tmp_path / "latin1.csv"
    path.write_bytes("compte;mot de passe\nzoé;pw\n".encode("latin-1"))
    return path


def test_without_a_keyring_nothing_is_imported(tmp_path: Path) -> None:
    """keyring's "fail" backend, as on a computer with no Secret Service: said, the list and
    the journal left as they were (never a plaintext fallback)."""
    from keyring.backends import fail

    ctx = AppContext.create(AppPaths.under(tmp_path / "data"), vault=Vault(fail.Keyring()))
    try:
        rows = parse_accounts(f"handle,password\nalice,{ALICE_PASSWORD}\n", ctx.accounts.get)
        assert rows[0].ok
        with pytest.raises(ImportKeyringError, match="No system keyring is available"):
            import_accounts(ctx, rows)
        assert ctx.accounts.list() == []
        assert ctx.journal.entries(kinds=[EntryKind.ACCOUNT_ADDED]) == []
    finally:
        ctx.journal.close()
    _said_nowhere(tmp_path, ALICE_PASSWORD)


def test_a_list_that_cannot_be_read_mid_import_skips_the_rows_left_and_says_why(
    ctx: AppContext, tmp_path: Path
) -> None:
    """The account list turns unreadable after the first row (here a folder in its place):
    each row left is skipped with the reason, the import goes to its end, and the first
    row stays imported; no exception escapes halfway (the command would say "nothing
    changed")."""
    text = (
        f'handle,password\nann_desk,"{BOB_PASSWORD}"\n'
        f"ben_desk,{SKIPPED_PASSWORDS[0]}\ncal_desk,{SKIPPED_PASSWORDS[1]}\n"
    )
    rows = parse_accounts(text, ctx.accounts.get)
    listing = ctx.paths.accounts_path

    def after(result: object) -> None:
        if listing.is_file():
            listing.unlink()
            listing.mkdir()

    results = import_accounts(ctx, rows, on_result=after)
    assert [(r.row.handle, r.outcome) for r in results] == [
        ("ann_desk", Outcome.IMPORTED),
        ("ben_desk", Outcome.SKIPPED),
        ("cal_desk", Outcome.SKIPPED),
    ]
    assert results[1].reason == (
        "The list of accounts could not be read or written: a folder has that name."
    )
    assert ctx.vault.get_password("ben_desk") is None
    assert after_import_advice(results).startswith("Keep the file for now")
    with speaking("fr"):
        again = import_accounts(ctx, rows[1:])
    assert again[0].reason == (
        "La liste des comptes n'a pas pu être lue ou écrite\u00a0: un dossier porte ce nom."
    )


def test_the_file_is_to_be_deleted_only_once_nothing_of_it_is_kept_there_alone(
    ctx: AppContext,
) -> None:
    """A row skipped has its password in the file only: keep it, correct the row, import it
    again (the rows imported already are then "already in your accounts", which is not a
    reason to keep it); stopped rows are not imported either."""
    text = f"handle,password\nann_desk,{SKIPPED_PASSWORDS[0]}\nben_desk, {SKIPPED_PASSWORDS[1]}\n"
    results = import_accounts(ctx, parse_accounts(text, ctx.accounts.get))
    assert [r.outcome for r in results] == [Outcome.IMPORTED, Outcome.SKIPPED]
    assert after_import_advice(results).startswith(
        "Keep the file for now: the passwords of the rows skipped are only in it. Correct "
        "those rows and import the file again"
    )
    corrected = text.replace(", ", ",")
    again = import_accounts(ctx, parse_accounts(corrected, ctx.accounts.get))
    assert [(r.outcome, r.reason) for r in again] == [
        (Outcome.SKIPPED, "@ann_desk is already in your accounts."),
        (Outcome.IMPORTED, None),
    ]
    assert after_import_advice(again) == (
        "The file holds passwords in clear: delete it (and empty the trash) now that they are "
        "in the keyring."
    )
    with speaking("fr"):
        assert after_import_advice(results).startswith(
            "Gardez le fichier pour l'instant\u00a0: les mots de passe des lignes ignorées"
        )
    # Stopped before its second row: that row is not imported, and the file is kept.
    asked: list[bool] = []
    two = f"handle,password\ncal_desk,{SKIPPED_PASSWORDS[2]}\ndan_desk,{SKIPPED_PASSWORDS[3]}\n"
    stopped = import_accounts(
        ctx,
        parse_accounts(two, ctx.accounts.get),
        stop=lambda: asked.append(True) or len(asked) > 1,
    )
    assert [(r.outcome, r.reason) for r in stopped] == [
        (Outcome.IMPORTED, None),
        (Outcome.SKIPPED, "The import was stopped before this row."),
    ]
    assert ctx.vault.get_password("dan_desk") is None
    assert not after_import_advice(stopped).startswith("The file holds")


def test_a_password_cell_of_spaces_only_is_skipped_as_empty_and_nothing_saved(
    ctx: AppContext, tmp_path: Path
) -> None:
    """As "Add account…" and `account add` refuse it: a password of spaces only would be read
    back as none saved (the keyring's Vault.get_password), a check saying no password is saved."""
    path = _write(tmp_path, "handle,password\r\nivy,   \r\n")
    (row,) = parse_accounts(read_import_file(path), ctx.accounts.get)
    assert row.problem is not None and row.problem.startswith("The password is empty."), row
    import_accounts(ctx, [row])
    assert ctx.accounts.get("ivy") is None
    assert ctx.vault.get_password("ivy") is None
