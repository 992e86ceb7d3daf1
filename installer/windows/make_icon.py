"""Render the program's SVG icon into the Windows icon file (16 to 256 pixels in one .ico).

    .venv/bin/python installer/windows/make_icon.py

Run again after changing src/zorgkoppel/resources/zorgkoppel.svg; the .ico is committed,
so building the installer on Windows needs neither Qt's SVG module nor this script.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[2] / "src" / "zorgkoppel" / "resources"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_png(svg: Path, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def main() -> int:
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication(sys.argv[:1])
    svg = RESOURCES / "zorgkoppel.svg"
    largest = Image.open(io.BytesIO(render_png(svg, SIZES[-1])))
    target = RESOURCES / "zorgkoppel.ico"
    largest.save(target, format="ICO", sizes=[(size, size) for size in SIZES])
    print(f"{target} ({target.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
