"""A password holding the file's delimiter, not in quotes, is cut in two: its second half lands
in the column after it, where it may pass as an email, a phone or a 2FA secret, and the row
would be imported with the wrong password. A row with more cells than the first row is refused,
saying to put the password in quotes, quoting no cell (EN/FR). Extra cells that are all empty
are refused too (a spreadsheet writes as many on every row, and a password ending with the
delimiter, or one cut in two on a row whose last column is empty, gives them), the words then
saying first the delimiter typed at the end of the row by hand that they most often are. A row
with as many cells as the first row, or fewer, is read as before."""

from __future__ import annotations

import pytest

from consentinel.core.account_import import parse_accounts
from consentinel.core.accounts import Account
from consentinel.core.i18n import speaking


def _nobody(_handle: str) -> Account | None:
    return None


#: (file, the halves of the password cut in two, whether the cells past the first row's are
#: all empty): each second half passes as what its column holds, so that only the count of
#: cells tells the row apart.
CUT = [
    # a spreadsheet's row (as many cells as the first row, the email column empty)
    (
        "handle,password,email\nalice_c,p@ss,w@rd.example.org,\n",
        ("p@ss", "w@rd.example.org"),
        True,
    ),
    # the phone column after the password, and an empty email column written after it
    (
        "handle,password,phone,email\nbob_c,Tr0ub4dor,+33612345678,,\n",
        ("Tr0ub4dor", "+3361234"),
        True,
    ),
    # a 2FA secret column after a password cut by a semicolon (a French spreadsheet)
    (
        "compte;mot de passe;secret 2FA\ncarol_c;Winter;JBSWY3DPEHPK3PXP;\n",
        ("Winter", "JBSWY3DPEHPK3PXP"),
        True,
    ),
    # a password ending with the delimiter: one empty cell more, nothing else
    ("handle,password\ndave_c,Ends-With-Comma-7,\n", ("Ends-With-Comma-7",), True),
    # a tab in a TSV's password
    (
        "handle\tpassword\temail\neve_c\tTab\tbed@example.org\t\n",
        ("Tab", "bed@example.org"),
        True,
    ),
    # the email column filled: the cell past the first row's holds it
    (
        "handle,password,email\nfay_c,p@ss,w@rd.example.org,fay@example.org\n",
        ("p@ss", "w@rd.example.org", "fay@example.org"),
        False,
    ),
]

#: Extra cells that are not all empty.
SAID_CUT = {
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
#: Extra cells all empty.
SAID_EMPTY = {
    "en": "This row has {cells} cells where the first row has {columns}, the extra ones empty: "
    "either the row ends with {delimiter} too many, or one of its cells holds {delimiter}, the "
    "file's delimiter, without quotes, most likely the password, which is then cut there. If "
    "no cell holds {delimiter}, delete what comes after the last column; otherwise put the "
    'password in double quotes in the file (a double quote inside it written twice: ""). Then '
    "import the file again.",
    "fr": "Cette ligne a {cells} cellules là où la première ligne en a {columns}, celles en "
    "trop vides\u00a0: soit la ligne finit par {delimiter} de trop, soit une de ses cellules "
    "contient {delimiter}, le séparateur du fichier, sans guillemets, sans doute le mot de "
    "passe, qui est alors coupé à cet endroit. Si aucune cellule n'en contient, supprimez ce "
    "qui suit la dernière colonne\u00a0; sinon mettez le mot de passe entre guillemets droits "
    "dans le fichier (un guillemet droit à l'intérieur s'écrit deux fois\u00a0: \"\"). Puis "
    "importez de nouveau le fichier.",
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
@pytest.mark.parametrize(("text", "halves", "extra_empty"), CUT)
def test_a_row_with_more_cells_than_the_first_row_is_refused_quoting_none(
    text: str, halves: tuple[str, ...], extra_empty: bool, language: str
) -> None:
    header, line = text.splitlines()
    delimiter = next(d for d in ("\t", ";", ",") if d in header)
    with speaking(language):
        (row,) = parse_accounts(text, _nobody)
    assert not row.ok
    assert (row.handle, row.password, row.totp, row.email, row.phone) == ("", "", None, None, None)
    said = SAID_EMPTY if extra_empty else SAID_CUT
    assert row.problem == said[language].format(
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
    assert str(rows[3].problem).startswith(
        "This row has 6 cells where the first row has 5, the extra ones empty:"
    )


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_delimiter_typed_at_the_end_of_a_row_is_not_taken_for_nothing(language: str) -> None:
    """A file typed by hand whose rows end with the delimiter ("alice,pw,"), once or more, a
    space after it or not: refused all the same (the password may end with it, or be cut in two
    on a row whose last column is empty: imported, it would be wrong), said first as the slip it
    most often is, with how to tell it from a password cut there. The rows without it are read."""
    text = (
        "handle,password,email\n"
        "ann_t,pw-ann-1,\n"  # as many cells as the first row
        "ben_t,pw-ben-2,,\n"  # one more, empty
        "cat_t,pw-cat-3,,,\n"  # two more
        "dan_t,pw-dan-4,, \n"  # one more, a space in it
    )
    with speaking(language):
        rows = parse_accounts(text, _nobody)
    assert [(row.handle, row.ok) for row in rows] == [("ann_t", True)] + [("", False)] * 3
    for row, cells in zip(rows[1:], (4, 5, 4), strict=True):
        assert row.password == "" and row.email is None
        assert row.problem == SAID_EMPTY[language].format(
            cells=cells, columns=3, delimiter=DELIMITER[(language, ",")]
        )
