"""A file of accounts checked before anything is imported (core/account_import.parse_accounts):
columns swapped or shifted never get a password quoted back in a reason (EN/FR); a quote left
open never swallows the rows after it into one password; a password with a space around it,
a column without a name, a cell too big, a file that cannot be read are each said in a
sentence of the person's language; a handle within its own password is no sign of columns
out of order."""

from __future__ import annotations

from pathlib import Path

import pytest

from consentinel.core.account_import import parse_accounts
from consentinel.core.account_import_reading import ImportFileError, read_import_file
from consentinel.core.accounts import Account
from consentinel.core.i18n import speaking


def _nobody(_handle: str) -> Account | None:
    return None


#: Files whose columns are not where the header says, and the secrets that must not be said.
SWAPPED = [
    # the email column before the password one, its cells not moved
    ("handle,email,password\nsam_sw,Secret-Sam-Pw-42,sam@example.org\n", "Secret-Sam-Pw-42"),
    # handle and password swapped (a password of 16 characters, one with dots)
    ("handle,password\nSecret-Sam-Pw-42,sam_sw\n", "Secret-Sam-Pw-42"),
    ("handle,password\nPw.with.dots9,tom_x\n", "Pw.with.dots9"),
    ("handle,password\nSecretSamPw42xyz,sam_sw\n", "SecretSamPw42xyz"),
    # the 2FA secret in the phone column
    (
        "handle,password,phone,2FA secret\n"
        "tom_sw,Secret-Tom-Pw-43,JBSW Y3DP EHPK 3PXP,+33 6 12 34 56 78\n",
        "JBSW Y3DP",
    ),
    # a password cut by an unquoted semicolon: its second half in the email column
    ("compte;mot de passe;e-mail;téléphone\nalice_s;Summer;Paris-2024!;;\n", "Paris-2024!"),
]


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize(("text", "secret"), SWAPPED)
def test_a_reason_never_quotes_a_cell_of_columns_out_of_order(
    text: str, secret: str, language: str
) -> None:
    with speaking(language):
        (row,) = parse_accounts(text, _nobody)
    assert row.problem
    assert secret not in row.problem
    assert secret.split("-")[0] not in row.problem
    assert secret not in repr(row)


def test_the_reasons_name_the_cell_not_its_value() -> None:
    email, handle, phone = (
        parse_accounts(text, _nobody)[0].problem
        for text, _secret in (SWAPPED[0], SWAPPED[1], SWAPPED[4])
    )
    assert email == "The email cell is not an email address (like name@example.org)."
    assert str(handle).startswith("The handle cell is not an X handle: one has at most 15")
    assert phone == "The phone cell is not a phone number (like +33 6 12 34 56 78)."
    with speaking("fr"):
        (row,) = parse_accounts(SWAPPED[0][0], _nobody)
    assert row.problem == (
        "La cellule de l'e-mail ne contient pas une adresse e-mail (comme nom@exemple.fr)."
    )


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # The rows after an unclosed quote would be one password holding the others'.
        (
            'handle,password\nalice_q,"pw-alice-1\nbob_q,pw-bob-2\ncarol_q,pw-carol-3\n',
            "The quote opened on row 2 is never closed: the rest of the file would be read as "
            "one cell.",
        ),
        (
            'handle;password\nalice_q;pw-alice-1\nbob_q;"pw-bob-2;\ncarol_q;pw-carol-3\n',
            "The quote opened on row 3 is never closed",
        ),
        # Closed again further down: rows 2 to 4 would be one password.
        (
            'handle,password\nalice_q,"pw-alice-1\nbob_q,pw-bob-2\ncarol_q,pw-carol-3"\n',
            "A cell in quotes goes from row 2 to row 4: a password never holds a line break",
        ),
        (
            'handle,password\nalice_q,"pw"x\nbob_q,pw-bob-2\n',
            "On row 2, a cell in quotes goes on after its closing quote",
        ),
        (
            "handle,password\nalice_b," + "x" * 140_000 + "\n",
            "Row 2 has a cell of more than 128 KB: this is not a list of accounts.",
        ),
    ],
)
def test_quotes_out_of_place_refuse_the_whole_file(text: str, said: str) -> None:
    with pytest.raises(ImportFileError) as refused:
        parse_accounts(text, _nobody)
    assert said in str(refused.value)
    assert "pw-" not in str(refused.value)


def test_quotes_in_french_and_row_numbers_after_blank_rows() -> None:
    with speaking("fr"), pytest.raises(ImportFileError) as refused:
        parse_accounts('compte;mot de passe\n\n\nzoe;"mdp\n', _nobody)
    assert str(refused.value).startswith(
        "Le guillemet ouvert à la ligne 4 n'est jamais fermé\u00a0: le reste du fichier"
    )
    # Quotes as a spreadsheet writes them: a doubled quote, a quote inside a cell.
    rows = parse_accounts('handle,password\n\nann,"a""b,c"\nben,pw"x\n', _nobody)
    assert [(row.number, row.handle, row.password, row.ok) for row in rows] == [
        (3, "ann", 'a"b,c', True),
        (4, "ben", 'pw"x', True),
    ]


def test_a_handle_within_its_password_is_no_sign_of_columns_out_of_order() -> None:
    rows = parse_accounts(
        "handle,password,email\n"
        "john_smith,john_smith2024!,\n"
        "paul_d,Summer2024,paul.summer2024@example.org\n"
        "same_cells,same_cells,\n",
        _nobody,
    )
    assert [row.problem for row in rows[:2]] == [None, None]
    assert rows[2].problem == (
        "Another cell of this row holds its password or 2FA secret: are the columns named in "
        "the right order?"
    )


def test_a_password_with_a_space_around_it_is_refused_and_a_spaced_header_is_read() -> None:
    rows = parse_accounts(
        'handle,password\nann,"Pa,ss;word1 "\nben, lead-space\ncal,inner space ok\n', _nobody
    )
    assert [row.ok for row in rows] == [False, False, True]
    assert rows[0].problem == (
        "The password starts or ends with a space, most likely a slip: check it. Remove the "
        "space in the file, or if the password really has one, add this account with “Add "
        "account” (or consentinel account add)."
    )
    assert rows[2].password == "inner space ok"
    # Typed by hand with a space after each comma, header included: those spaces are the
    # file's, not the passwords'; a cell in quotes after them is read as one.
    typed = parse_accounts('handle, password\nann, "pw, x"\nben, pw y \n', _nobody)
    assert [(row.handle, row.password, row.ok) for row in typed] == [
        ("ann", "pw, x", True),
        ("ben", "pw y ", False),
    ]
    with speaking("fr"):
        (row,) = parse_accounts("compte;mot de passe\nann; mdp\n", _nobody)
    assert str(row.problem).startswith("Le mot de passe commence ou finit par une espace")


def test_a_column_without_a_name_holding_values_refuses_the_file() -> None:
    with pytest.raises(ImportFileError) as refused:
        parse_accounts("handle,,password\nann,JBSWY3DPEHPK3PXP,pw-ann-1\n", _nobody)
    assert str(refused.value).startswith(
        "Column B has no name on the first row but holds values: name it (handle, password, "
        "2FA secret, email or phone"
    )
    assert "JBSW" not in str(refused.value)
    # A spreadsheet's empty column at the end, or one left empty, is no column.
    rows = parse_accounts("handle,password,,\r\nann,pw-ann-1,,\r\nben,pw-ben-2\r\n", _nobody)
    assert [row.ok for row in rows] == [True, True]
    rows = parse_accounts("handle,,password\nann,,pw-ann-1\n", _nobody)
    assert rows[0].password == "pw-ann-1"
    with speaking("fr"), pytest.raises(ImportFileError, match="La colonne B n'a pas de nom"):
        parse_accounts("compte;;mot de passe\nann;x;mdp\n", _nobody)


@pytest.mark.parametrize(
    ("make", "english", "french"),
    [
        (lambda tmp: tmp, "it is a folder, not a file", "c'est un dossier, pas un fichier"),
        (lambda tmp: tmp / "gone.csv", "there is no such file", "ce fichier n'existe pas"),
    ],
    ids=["folder", "missing"],
)
def test_a_file_that_cannot_be_read_says_why_in_the_persons_language(
    tmp_path: Path, make: object, english: str, french: str
) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    with pytest.raises(ImportFileError) as refused:
        read_import_file(path)
    assert str(refused.value) == f"{path} could not be read: {english}"
    with speaking("fr"), pytest.raises(ImportFileError) as refused:
        read_import_file(path)
    assert str(refused.value) == f"{path} n'a pas pu être lu\u00a0: {french}"
