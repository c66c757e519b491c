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


def _check_outputs(out: Path) -> None:
    for size in (16, 48, 256, 512):
        png = out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert _png_size(png) == (size, size)
    ico = (out / f"{APP_ID}.ico").read_bytes()
    assert ico[:4] == b"\x00\x00\x01\x00"  # ICONDIR: reserved 0, type 1 (icon)
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


def test_renders_the_app_icon(tmp_path: Path) -> None:
    svg = REPO / "resources" / "icons" / f"{APP_ID}.svg"
    assert svg.is_file(), f"{svg} is missing"
    _make_icons().render_all(svg, tmp_path)
    _check_outputs(tmp_path)
