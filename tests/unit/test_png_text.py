"""Text written into a PNG (core/png_text.py), and the words each evidence screenshot carries
(core/evidence.stamped): read back by a chunk reader of the test's own and by Pillow."""

from __future__ import annotations

import io
import struct
import zlib
from datetime import datetime, timezone

import pytest
from PIL import Image

from consentinel import __version__
from consentinel.core.evidence import Screenshot, shown_address, stamped
from consentinel.core.png_text import with_text


def _png(width: int = 32, height: int = 24) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (29, 155, 240)).save(out, "PNG")
    return out.getvalue()


def _chunks(png: bytes) -> list[tuple[bytes, bytes]]:
    """Every chunk's type and data, each CRC checked, up to IEND, which must end the file."""
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    at, chunks = 8, []
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        kind, data = png[at + 4 : at + 8], png[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", png[at + 8 + length : at + 12 + length])
        assert crc == zlib.crc32(kind + data) & 0xFFFFFFFF, kind
        chunks.append((kind, data))
        at += 12 + length
    assert at == len(png) and chunks[-1] == (b"IEND", b"")
    return chunks


def _text(png: bytes) -> dict[str, str]:
    found = {}
    for kind, data in _chunks(png):
        if kind == b"tEXt":
            keyword, value = data.split(b"\0", 1)
            found[keyword.decode("latin-1")] = value.decode("latin-1")
        elif kind == b"iTXt":
            keyword, rest = data.split(b"\0", 1)
            assert rest[:2] == b"\0\0"  # not compressed
            _lang, _translated, value = rest[2:].split(b"\0", 2)
            found[keyword.decode("latin-1")] = value.decode("utf-8")
    return found


def test_text_goes_in_before_iend_and_the_picture_stays_whole() -> None:
    picture = _png()
    text = {
        "Creation Time": "2026-12-01T12:00:00.000000+00:00",
        "Title": "Réglages",
        "Author": "@émile ✓",
    }
    written = with_text(picture, text)

    kinds = [kind for kind, _ in _chunks(written)]
    assert kinds[0] == b"IHDR" and kinds[-1] == b"IEND"
    assert kinds[-4:-1] == [b"tEXt", b"tEXt", b"iTXt"]  # a value Latin-1 cannot write: iTXt
    assert [c for c in _chunks(written) if c[0] not in (b"tEXt", b"iTXt")] == _chunks(picture)
    assert _text(written) == text
    with Image.open(io.BytesIO(written)) as image:
        image.verify()  # (Pillow checks each chunk's CRC)
    with Image.open(io.BytesIO(written)) as image:
        image.load()
        assert image.size == (32, 24) and image.getpixel((5, 5)) == (29, 155, 240)
        assert image.text == text  # type: ignore[attr-defined]


def test_what_is_not_a_whole_png_or_a_keyword_png_allows_is_refused() -> None:
    picture = _png()
    with pytest.raises(ValueError, match="not a PNG"):
        with_text(b"GIF89a" + picture[6:], {"Title": "x"})
    with pytest.raises(ValueError, match="no IEND"):
        with_text(picture[:-12], {"Title": "x"})  # cut short: no IEND chunk
    for keyword in ("", " Title", "Two  spaces", "x" * 80, "Tab\there"):
        with pytest.raises(ValueError, match="not a PNG text keyword"):
            with_text(picture, {keyword: "x"})


def test_a_screenshot_says_when_where_of_whom_and_by_what_it_was_taken(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CONSENTINEL_LANG", "fr")  # the person's: the picture's words stay English
    shot = Screenshot(
        _png(),
        "https://x.com/settings/grok_settings?token=s3cret&code=123456#at",
        datetime(2026, 12, 1, 12, 0, 0, 250000, tzinfo=timezone.utc),
    )
    kept = stamped(shot, "alice", "training-not-saved")
    assert _text(kept) == {
        "Creation Time": "2026-12-01T12:00:00.250000+00:00",
        "URL": "https://x.com/settings/grok_settings",
        "Account": "@alice",
        "Description": "after an untick X did not save: Training (X's Grok settings page)",
        "Software": f"Consentinel {__version__}",
    }
    assert b"s3cret" not in kept and b"123456" not in kept
    with Image.open(io.BytesIO(kept)) as image:
        image.verify()


def test_the_address_kept_holds_no_query_fragment_or_credentials() -> None:
    assert shown_address("https://x.com/settings/grok_settings") == (
        "https://x.com/settings/grok_settings"
    )
    assert shown_address("https://user:pw@X.com:8443/settings/grok_settings?a=b#c") == (
        "https://x.com:8443/settings/grok_settings"
    )
    assert shown_address("http://[::1]:5000/settings/grok_settings;jsessionid=s3cret?q") == (
        "http://[::1]:5000/settings/grok_settings"
    )
