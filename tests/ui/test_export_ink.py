"""Exported pages are black ink on white paper whatever the screen's theme (found in the dark-palette
screenshots: the share preview, and so the PDF, came out light grey on white)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QImage, QPalette

from recoveryjournal.render.pdf import preview_images
from recoveryjournal.services.export_document import ExportDocument, Section, paragraph


def _darkest(image: QImage) -> int:
    """The lowest lightness of any pixel (0 black … 255 white), sampling every 2nd pixel."""
    return min(image.pixelColor(x, y).lightness() for x in range(0, image.width(), 2)
               for y in range(0, image.height() // 3, 2))  # fmt: skip


def test_pages_are_black_on_white_in_a_dark_theme(qapp) -> None:
    """With a dark palette with light text set on the app, the page's words are still drawn nearly black."""
    doc = ExportDocument("Shared from my journal", (Section("Journal entries", (paragraph("A quieter morning"),)),))
    before = QGuiApplication.palette()
    dark = QPalette(before)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
        dark.setColor(role, QColor("#e8e8e8"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#1f1f1f"))
    QGuiApplication.setPalette(dark)
    try:
        page = preview_images(doc)[0]
    finally:
        QGuiApplication.setPalette(before)
    assert page.pixelColor(2, 2).lightness() > 240  # the paper is white
    assert _darkest(page) < 60  # and the words on it are dark
