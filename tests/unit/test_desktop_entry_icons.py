"""packaging/make_icons.py renders the SVG icon into every platform's format with real Qt."""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path
from types import ModuleType

from consentinel import APP_ID

REPO = Path(__file__).resolve().parents[2]
SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
<circle cx="32" cy="32" r="30" fill="#1d9bf0"/></svg>
"""


_APP: list[object] = []  # keeps the application alive for the rest of the run


def _make_icons() -> ModuleType:
    # make_icons needs only a QGuiApplication and makes one if none runs; but Qt allows one
    # application a process, and GUI tests later in the same run need widgets: make it the
    # widgets kind first, whatever order the tests run in.
    from PySide6.QtWidgets import QApplication

    _APP.append(QApplication.instance() or QApplication([]))
    spec = importlib.util.spec_from_file_location("make_icons", REPO / "packaging/make_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", data[16:24])
    return width, height


#: What Windows shows the app's icon at (lists, taskbar, Explorer's views, the installer).
ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]


def _ico_entries(data: bytes) -> list[tuple[int, bytes]]:
    """Each image of an .ico, read by its directory: (size, image data)."""
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)  # ICONDIR: an icon
    entries = []
    for i in range(count):
        width, height, _, _, planes, bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i : 22 + 16 * i]
        )
        assert width == height and (planes, bits) == (1, 32)
        assert offset + length <= len(data)
        entries.append((width or 256, data[offset : offset + length]))
    return entries


def _check_outputs(out: Path) -> None:
    for size in (16, 48, 256, 512):
        png = out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert _png_size(png) == (size, size)
    entries = _ico_entries((out / f"{APP_ID}.ico").read_bytes())
    assert [size for size, _ in entries] == ICO_SIZES
    for size, blob in entries:
        if size == 256:  # PNG inside the .ico: meant for 256 px (Windows Vista and later)
            assert blob[:8] == b"\x89PNG\r\n\x1a\n"
            assert struct.unpack(">II", blob[16:24]) == (256, 256)
        else:  # a 32-bit bitmap: BITMAPINFOHEADER, height doubled (colours, then the mask)
            header = struct.unpack("<IiiHH", blob[:16])
            assert header == (40, size, 2 * size, 1, 32)
    iconset = out / f"{APP_ID}.iconset"
    assert _png_size(iconset / "icon_16x16@2x.png") == (32, 32)
    assert _png_size(iconset / "icon_512x512@2x.png") == (1024, 1024)


def test_renders_every_format_from_an_svg(tmp_path: Path) -> None:
    svg = tmp_path / "icon.svg"
    svg.write_text(SVG, encoding="utf-8")
    out = tmp_path / "out"
    written = _make_icons().render_all(svg, out)
    assert len(written) == 8 + 1 + 10
    _check_outputs(out)
    # The circle is drawn: the centre pixel of the 48 px icon is opaque, the corner transparent.
    from PySide6.QtGui import QImage

    image = QImage(str(out / "hicolor/48x48/apps" / f"{APP_ID}.png"))
    assert image.pixelColor(24, 24).alpha() == 255
    assert image.pixelColor(0, 0).alpha() == 0


def test_the_windows_icon_holds_each_size_drawn_at_that_size(tmp_path: Path) -> None:
    """Pillow (another reader than the Qt that wrote it) finds every size in the .ico, each the
    very image rendered at that size (not one 256 px image that Windows scales down), the right
    way up and in the right colours: a blue band across the top half, nothing below."""
    from PIL import Image

    svg = tmp_path / "band.svg"
    svg.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
        '<rect x="0" y="0" width="64" height="32" fill="#1d9bf0"/></svg>',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    _make_icons().render_all(svg, out)
    with Image.open(out / f"{APP_ID}.ico") as ico:
        assert sorted(ico.info["sizes"]) == [(s, s) for s in ICO_SIZES]
        for size in ICO_SIZES:
            ico.size = (size, size)
            ico.load()
            frame = ico.convert("RGBA")
            assert frame.size == (size, size)
            assert frame.getpixel((size // 2, size // 4)) == (0x1D, 0x9B, 0xF0, 255)
            assert frame.getpixel((size // 2, size * 3 // 4))[3] == 0
            png = out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
            with Image.open(png) as drawn:
                assert frame.tobytes() == drawn.convert("RGBA").tobytes()


def test_renders_the_app_icon(tmp_path: Path) -> None:
    svg = REPO / "resources" / "icons" / f"{APP_ID}.svg"
    assert svg.is_file(), f"{svg} is missing"
    _make_icons().render_all(svg, tmp_path)
    _check_outputs(tmp_path)
