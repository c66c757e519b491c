"""A file of accounts read into its records (core/account_import checks them): its bytes, at
most MAX_FILE_BYTES, decoded from UTF-8; its delimiter found on its first row; its quotes
read as a spreadsheet writes them, or the whole file refused in a sentence that quotes none
of its cells."""

from __future__ import annotations

import csv
import errno
import io
import re
from pathlib import Path
from typing import BinaryIO

from consentinel.core.fileio import describe_os_error
from consentinel.core.i18n import tr

#: A file of accounts is a few kilobytes; anything this big is not one (a whole export).
MAX_FILE_BYTES = 1 << 20
#: The delimiters looked for on the first row, the first one winning a tie.
DELIMITERS = (",", ";", "\t")


class ImportFileError(ValueError):
    """The file cannot be imported at all; str() says why in a sentence, quoting no cell."""


def read_import_file(path: Path) -> str:
    """The file's text; ImportFileError when it cannot be read, is too big or not UTF-8."""
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise ImportFileError(
            tr("{path} could not be read: {error}", path=str(path), error=_read_problem(error))
        ) from None
    return decode_import_bytes(data)


def read_import_stream(stream: BinaryIO) -> str:
    """A file given on standard input, read as a file is (MAX_FILE_BYTES at most)."""
    return decode_import_bytes(stream.read(MAX_FILE_BYTES + 1))


def _read_problem(error: OSError) -> str:
    """Why a file could not be read, in the person's words (and language)."""
    if error.errno == errno.ENOENT:
        return tr("there is no such file")
    if error.errno == errno.EISDIR:
        return tr("it is a folder, not a file")
    if error.errno in (errno.EACCES, errno.EPERM):
        return tr("you are not allowed to read it")
    return describe_os_error(error)


def decode_import_bytes(data: bytes) -> str:
    """UTF-8, its byte-order mark (Excel's "CSV UTF-8") dropped."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(tr("This file is too big for a list of accounts (more than 1 MB)."))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(
            tr(
                "This file is not in UTF-8: in your spreadsheet, save it as “CSV UTF-8” (or "
                "as text in UTF-8), then import it again."
            )
        ) from None


def sniff_delimiter(text: str) -> str:
    """The delimiter of the first non-blank row: the one of DELIMITERS it has most of, outside
    quotes (a comma, when it has none)."""
    return _sniff(text)[0]


def _sniff(text: str) -> tuple[str, bool]:
    """The delimiter (sniff_delimiter), and whether the first row puts a space after each one
    ("handle, password": a file typed by hand, whose rows do too)."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    outside = re.sub(r'"[^"]*"', "", first)
    counts = [(outside.count(d), -i, d) for i, d in enumerate(DELIMITERS)]
    count, _first, delimiter = max(counts)
    if not count:
        return ",", False
    spaced = delimiter != "\t" and outside.count(delimiter) == outside.count(delimiter + " ")
    return delimiter, spaced


def read_records(text: str) -> list[tuple[int, list[str]]]:
    """Each record of the file with the row it starts on. ImportFileError when the quotes are
    not as a spreadsheet writes them: a cell in quotes over several rows (a password never
    holds a line break: a quote is missing, and the rows after it would be read as one
    password), a quote never closed, a cell going on after its closing quote; or a cell too
    big for a list of accounts."""
    delimiter, spaced = _sniff(text)
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=delimiter, skipinitialspace=spaced, strict=True
    )
    records: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for cells in reader:
            if reader.line_num > start:
                raise ImportFileError(
                    tr(
                        "A cell in quotes goes from row {row} to row {end}: a password never "
                        "holds a line break, so a quote is missing or one too many there. "
                        "Correct the quotes of those rows, then import the file again.",
                        row=start,
                        end=reader.line_num,
                    )
                )
            records.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as error:
        said = str(error)
        if "field larger" in said:
            problem = tr(
                "Row {row} has a cell of more than 128 KB: this is not a list of accounts.",
                row=start,
            )
        elif "end of data" in said:
            problem = tr(
                "The quote opened on row {row} is never closed: the rest of the file would be "
                "read as one cell. Close that cell's quote (a quote inside a cell in quotes is "
                'written twice: ""), then import the file again.',
                row=start,
            )
        elif "expected after" in said:
            problem = tr(
                "On row {row}, a cell in quotes goes on after its closing quote: a quote inside "
                'a cell in quotes is written twice (""). Correct that row, then import the '
                "file again.",
                row=start,
            )
        else:
            problem = tr("Row {row} cannot be read as a row of a spreadsheet.", row=start)
        raise ImportFileError(problem) from None
    return records
