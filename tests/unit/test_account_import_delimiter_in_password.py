"""A password holding the file's delimiter, not in quotes, is cut in two: its second half lands
in the column after it, where it may pass as an email, a phone or a 2FA secret, and the row
would be imported with the wrong password. A row with more cells than the first row is refused
(empty ones at its end too: a spreadsheet writes as many on every row, and a password ending
with the delimiter gives one more), saying to put the password in quotes, quoting no cell
(EN/FR); a row with as many cells as the first row, or fewer, is read as before."""

from __future__ import annotations

import pytest

from consentinel.core.account_import import parse_accounts
from consentinel.core.accounts import Account
from consentinel.core.i18n import speaking


def _nobody(_handle: str) -> Account | None:
    return None


#: (file, the halves of the password cut in two): each second half passes as what its column
#: holds, so that only the count of cells tells the row apart.
CUT = [
    # a spreadsheet's row (as many cells as the first row, the email column empty)
    ("handle,password,email\nalice_c,p@ss,w@rd.example.org,\n", ("p@ss", "w@rd.example.org")),
    # the phone column after the password, and an empty email column written after it
    ("handle,password,phone,email\nbob_c,Tr0ub4dor,+33612345678,,\n", ("Tr0ub4dor", "+3361234")),
    # a 2FA secret column after a password cut by a semicolon (a French spreadsheet)
    (
        "compte;mot de passe;secret 2FA\ncarol_c;Winter;JBSWY3DPEHPK3PXP;\n",
        ("Winter", "JBSWY3DPEHPK3PXP"),
    ),
    # a password ending with the delimiter: one empty cell more, nothing else
    ("handle,password\ndave_c,Ends-With-Comma-7,\n", ("Ends-With-Comma-7",)),
    # a tab in a TSV's password
    ("handle\tpassword\temail\neve_c\tTab\tbed@example.org\t\n", ("Tab", "bed@example.org")),
]

SAID = {
    "en": "This row has {cells} cells where the first row has {columns}: one of its cells "
    "holds {delimiter}, the file's delimiter, without quotes, most likely the password, which "
    "is then cut in two. Put the password in double quotes in the file (a double quote inside "
    'it written twice: ""), then import the file again.',
    "fr": "Cette ligne a {cells} cellules là où la première ligne en a {columns}\u00a0: une de "
    "ses cellules contient {delimiter}, le séparateur du fichier, sans guillemets, sans doute "
    "le mot de passe, qui est alors coupé en deux. Mettez le mot de passe entre guillemets "
    "droits dans le fichier (un guillemet droit à l'intérieur s'écrit deux fois\u00a0: \"\"), "
    "puis importez de nouveau le fichier.",
}
DELIMITER = {
    ("en", ","): "a comma",
    ("en", ";"): "a semicolon",
    ("en", "\t"): "a tab",
    ("fr", ","): "une virgule",
    ("fr", ";"): "un point-virgule",
    ("fr", "\t"): "une tabulation",
}


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize(("text", "halves"), CUT)
def test_a_row_with_more_cells_than_the_first_row_is_refused_quoting_none(
    text: str, halves: tuple[str, ...], language: str
) -> None:
    header, line = text.splitlines()
    delimiter = next(d for d in ("\t", ";", ",") if d in header)
    with speaking(language):
        (row,) = parse_accounts(text, _nobody)
    assert not row.ok
    assert (row.handle, row.password, row.totp, row.email, row.phone) == ("", "", None, None, None)
    assert row.problem == SAID[language].format(
        cells=len(line.split(delimiter)),
        columns=len(header.split(delimiter)),
        delimiter=DELIMITER[(language, delimiter)],
    )
    for half in halves:
        assert half not in row.problem and half not in repr(row)
    # (nor the handle: the cells are not where the first row says)
    assert line.split(delimiter)[0] not in row.problem


def test_the_other_rows_of_the_file_are_read_as_before() -> None:
    """Only the row cut is refused: the ones with as many cells as the first row (a
    spreadsheet's, its empty cells written), fewer (typed by hand), or the password in quotes
    are imported; the first row's own empty cells at its end count as cells."""
    text = (
        "handle,password,email,,\n"
        "ann_c,pw-ann-1,,,\n"  # as many cells as the first row
        "ben_c,pw-ben-2\n"  # fewer
        'cat_c,"p@ss,w@rd.example.org",,,\n'  # the delimiter in quotes
        "dan_c,p@ss,w@rd.example.org,,,\n"  # cut: one cell more
        "eva_c,pw-eva-5,eva@example.org,,\n"
    )
    rows = parse_accounts(text, _nobody)
    assert [(row.handle, row.ok) for row in rows] == [
        ("ann_c", True),
        ("ben_c", True),
        ("cat_c", True),
        ("", False),
        ("eva_c", True),
    ]
    assert rows[2].password == "p@ss,w@rd.example.org" and rows[2].email is None
    assert rows[4].email == "eva@example.org"
    assert str(rows[3].problem).startswith("This row has 6 cells where the first row has 5:")
