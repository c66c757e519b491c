"""Render the app's SVG icon into what each platform wants: hicolor PNGs (Linux packages),
a Windows .ico, and a macOS .iconset folder (turned into .icns by `iconutil` on a Mac).

    python packaging/make_icons.py OUT_DIR [--svg resources/icons/org.consentinel.Consentinel.svg]

Generated files are build output: never commit them (the SVG is the source).
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path
from typing import Any

APP_ID = "org.consentinel.Consentinel"
ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SVG = ROOT / "resources" / "icons" / f"{APP_ID}.svg"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
#: iconutil's file names: icon_<size>x<size>[@2x].png for 16, 32, 128, 256 and 512 points.
ICONSET_POINTS = (16, 32, 128, 256, 512)
#: The .ico's images: what Windows shows in lists, the taskbar, Explorer's views and the
#: installer's window, each drawn at its size rather than scaled down from 256 px.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_all(svg: Path, out: Path) -> list[Path]:
    """Write every PNG, the .ico and the .iconset under `out`; return the files written."""
    # Qt needs a GUI application object to paint; no screen is needed for that.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not an SVG that Qt can render")

    def image(size: int) -> QImage:
        picture = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        picture.fill(Qt.GlobalColor.transparent)
        painter = QPainter(picture)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        return picture

    def save(picture: QImage, path: Path, fmt: str) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        writer = QImageWriter(str(path), fmt.encode("ascii"))
        if not writer.write(picture):
            raise SystemExit(f"Qt could not write {path}: {writer.errorString()}")
        return path

    written = [
        save(image(size), out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png", "PNG")
        for size in HICOLOR_SIZES
    ]
    # Qt's ICO writer writes one image: the file is put together here.
    written.append(write_ico({size: image(size) for size in ICO_SIZES}, out / f"{APP_ID}.ico"))
    iconset = out / f"{APP_ID}.iconset"
    for points in ICONSET_POINTS:
        written.append(save(image(points), iconset / f"icon_{points}x{points}.png", "PNG"))
        written.append(save(image(points * 2), iconset / f"icon_{points}x{points}@2x.png", "PNG"))
    return written


def write_ico(images: dict[int, Any], path: Path) -> Path:
    """A Windows .ico holding one image per size (QImages, square): 256 px as PNG, smaller ones
    as 32-bit bitmaps with alpha, as Windows' own icons are (every reader of icons reads those;
    PNG inside an .ico is read since Windows Vista only, and was meant for 256 px)."""
    entries = [(size, _png(picture) if size >= 256 else _dib(picture))
               for size, picture in sorted(images.items())]  # fmt: skip
    header = struct.pack("<HHH", 0, 1, len(entries))  # ICONDIR: reserved, type 1 (icon), count
    offset = len(header) + 16 * len(entries)
    directory, data = b"", b""
    for size, blob in entries:
        side = size if size < 256 else 0  # (0 means 256)
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        data += blob
        offset += len(blob)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(header + directory + data)
    return path


def _png(picture: Any) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not picture.save(buffer, "PNG"):
        raise SystemExit("Qt could not write a PNG")
    buffer.close()
    return bytes(array.data())


def _dib(picture: Any) -> bytes:
    """An icon's bitmap: BITMAPINFOHEADER (height doubled: colours, then the mask), BGRA rows
    bottom-up, then the 1-bit AND mask (set where the pixel is transparent)."""
    from PySide6.QtGui import QImage

    argb = picture.convertToFormat(QImage.Format.Format_ARGB32)  # BGRA in memory (little end)
    width, height = argb.width(), argb.height()
    rows = [bytes(argb.constScanLine(y))[: width * 4] for y in range(height)]
    mask_stride = (width + 31) // 32 * 4
    mask = b""
    for row in reversed(rows):
        bits = bytearray(mask_stride)
        for x in range(width):
            if row[x * 4 + 3] == 0:
                bits[x // 8] |= 0x80 >> (x % 8)
        mask += bytes(bits)
    colours = b"".join(reversed(rows))
    info = struct.pack("<IiiHHIIiiII", 40, width, height * 2, 1, 32, 0,
                       len(colours) + len(mask), 0, 0, 0, 0)  # fmt: skip
    return info + colours + mask


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder for the generated icons")
    parser.add_argument("--svg", type=Path, default=DEFAULT_SVG, help="the source SVG")
    args = parser.parse_args(argv)
    for path in render_all(args.svg, args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
