"""Draw the app icon from resources/icons/recoveryjournal.svg in every size the platforms need.

    python packaging/make_icons.py        # writes resources/icons/recoveryjournal-<N>.png, .ico and .icns

PNG sizes for Linux (hicolor) and the About dialog, ICO for Windows, ICNS for macOS. Run it again
whenever the SVG changes; the results are committed so a build needs nothing extra.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main() -> int:
    """Render every size, then pack the ICO and ICNS with Pillow."""
    from PIL import Image
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "recoveryjournal.svg"))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(ICONS / f"recoveryjournal-{size}.png"))
    largest = Image.open(ICONS / "recoveryjournal-512.png")
    largest.save(ICONS / "recoveryjournal.ico", sizes=[(s, s) for s in SIZES if s <= 256])
    largest.save(ICONS / "recoveryjournal.icns")
    del app
    print(f"Wrote {len(SIZES)} PNGs, recoveryjournal.ico and recoveryjournal.icns in {ICONS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
