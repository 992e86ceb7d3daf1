"""Render the program's SVG icon into the hicolor PNG sizes and write the .desktop file.

    QT_QPA_PLATFORM=offscreen .venv/bin/python installer/linux/render_icons.py

The PNGs go into the package (src/zorgkoppel/resources/icons/hicolor/<size>/apps/), where
`zorgkoppel install-desktop-entry` and the window find them; installer/linux/zorgkoppel.desktop
is the entry with `Exec=zorgkoppel gui` for distribution packages. Run it again after
changing zorgkoppel.svg, and commit what it wrote.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from zorgkoppel.desktop_entry import ICON_SIZES, desktop_entry_text, icon_sources
from zorgkoppel.paths import APP_NAME

HERE = Path(__file__).resolve().parent


def render(svg: Path, size: int, target: Path) -> None:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target), "PNG"):
        raise SystemExit(f"cannot write {target}")


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    sources = icon_sources()
    for size in ICON_SIZES:
        render(sources["scalable"], size, sources[f"{size}x{size}"])
        print(sources[f"{size}x{size}"])
    (HERE / f"{APP_NAME}.desktop").write_text(desktop_entry_text([APP_NAME]), encoding="utf-8")
    print(HERE / f"{APP_NAME}.desktop")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
