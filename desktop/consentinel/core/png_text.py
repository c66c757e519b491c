"""Text written into a PNG file (tEXt and iTXt chunks), which image viewers and tools show."""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Mapping

SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: A keyword: 1 to 79 printable Latin-1 characters, no space at either end nor two in a row.
_KEYWORD = re.compile(r"[\x20-\x7e\xa1-\xff]{1,79}")


def with_text(png: bytes, text: Mapping[str, str]) -> bytes:
    """`png` with one text chunk for each keyword and its value, inserted before its IEND
    chunk: tEXt for a value Latin-1 can write, else iTXt (UTF-8). The picture's own chunks are
    left as they are. ValueError for bytes that are not a whole PNG, or a keyword PNG does not
    allow."""
    end = _iend_offset(png)
    chunks = b"".join(_text_chunk(keyword, value) for keyword, value in text.items())
    return png[:end] + chunks + png[end:]


def _iend_offset(png: bytes) -> int:
    """Where the IEND chunk begins: each chunk is walked by its length, not searched for, so
    that "IEND" in a picture's compressed pixels is never taken for it."""
    if not png.startswith(SIGNATURE):
        raise ValueError("not a PNG file")
    at = len(SIGNATURE)
    while at + 12 <= len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        if png[at + 4 : at + 8] == b"IEND":
            return at
        at += 12 + length
    raise ValueError("a PNG file with no IEND chunk (cut short?)")


def _text_chunk(keyword: str, value: str) -> bytes:
    if not _KEYWORD.fullmatch(keyword) or "  " in keyword or keyword != keyword.strip():
        raise ValueError(f"not a PNG text keyword: {keyword!r}")
    value = value.replace("\0", "")  # (a NUL would end the text early)
    name = keyword.encode("latin-1")
    try:
        return _chunk(b"tEXt", name + b"\0" + value.encode("latin-1"))
    except UnicodeEncodeError:
        # Not compressed; no language tag, no translated keyword.
        return _chunk(b"iTXt", name + b"\0\0\0\0\0" + value.encode("utf-8"))


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)
