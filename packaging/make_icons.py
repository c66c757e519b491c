"""Render the app's SVG icon into what each platform wants: hicolor PNGs (Linux packages),
a Windows .ico, and a macOS .iconset folder (turned into .icns by `iconutil` on a Mac).

    python packaging/make_icons.py OUT_DIR [--svg resources/icons/org.consentinel.Consentinel.svg]

Generated files are build output: never commit them (the SVG is the source).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

APP_ID = "org.consentinel.Consentinel"
ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SVG = ROOT / "resources" / "icons" / f"{APP_ID}.svg"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
#: iconutil's file names: icon_<size>x<size>[@2x].png for 16, 32, 128, 256 and 512 points.
ICONSET_POINTS = (16, 32, 128, 256, 512)
ICO_SIZE = 256


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
    written.append(save(image(ICO_SIZE), out / f"{APP_ID}.ico", "ICO"))
    iconset = out / f"{APP_ID}.iconset"
    for points in ICONSET_POINTS:
        written.append(save(image(points), iconset / f"icon_{points}x{points}.png", "PNG"))
        written.append(save(image(points * 2), iconset / f"icon_{points}x{points}@2x.png", "PNG"))
    return written


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
